regel vraag tests/plugin/werkdagen.regel tests/plugin/geval-maart.json --plugin
