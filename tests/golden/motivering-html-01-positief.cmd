regel --formaat html stdlib-policies/inburgering.regel tests/golden/inburgering/01-nieuwkomer-net-gestart.json
