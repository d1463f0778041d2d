regel --formaat=htm examples/inburgering-basis.regel examples/gevallen/02-vrijgesteld.json
