regel --plugin @PLUGINS@/werkdagen.so tests/plugin/ontbreekt.regel tests/plugin/geval-maart.json
