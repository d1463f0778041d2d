regel --plugin @PLUGINS@/kapot.so tests/plugin/werkdagen.regel tests/plugin/geval-maart.json
