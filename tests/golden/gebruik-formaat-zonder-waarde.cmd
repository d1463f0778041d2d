regel examples/inburgering-basis.regel examples/gevallen/02-vrijgesteld.json --formaat
