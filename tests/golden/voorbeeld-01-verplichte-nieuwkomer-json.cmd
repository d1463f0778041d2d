regel --json examples/inburgering-basis.regel examples/gevallen/01-verplichte-nieuwkomer.json
