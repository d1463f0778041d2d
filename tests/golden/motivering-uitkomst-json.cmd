regel --formaat json --uitkomst b1_uiterste_datum stdlib-policies/inburgering.regel tests/golden/inburgering/06-b1-test-verplicht.json
