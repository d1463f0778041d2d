regel --formaat html examples/inburgering-basis.regel examples/gevallen/04-ontbrekend-feit.json
