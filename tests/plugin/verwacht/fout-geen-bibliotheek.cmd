regel --plugin tests/plugin/werkdagen.regel tests/plugin/werkdagen.regel tests/plugin/geval-maart.json
