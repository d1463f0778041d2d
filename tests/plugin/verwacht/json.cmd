regel --json --plugin=@PLUGINS@/werkdagen.so tests/plugin/werkdagen.regel tests/plugin/geval-maart.json
