regel --plugin tests/plugin/bestaat-niet.so tests/plugin/werkdagen.regel tests/plugin/geval-maart.json
