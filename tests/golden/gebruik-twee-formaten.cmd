regel --json --formaat html examples/inburgering-basis.regel examples/gevallen/02-vrijgesteld.json
