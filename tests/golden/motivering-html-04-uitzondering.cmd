regel --formaat html stdlib-policies/inburgering.regel tests/golden/inburgering/04-vrijgesteld-ernstig-ziek.json
