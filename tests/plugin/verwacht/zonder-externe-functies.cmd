regel --plugin @PLUGINS@/werkdagen.so examples/inburgering-basis.regel examples/gevallen/01-verplichte-nieuwkomer.json
