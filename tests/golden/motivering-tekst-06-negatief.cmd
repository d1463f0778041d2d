regel stdlib-policies/inburgering.regel tests/golden/inburgering/06-b1-test-verplicht.json
