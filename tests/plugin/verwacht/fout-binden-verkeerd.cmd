regel --plugin @PLUGINS@/werkdagen.so tests/plugin/verkeerd.regel tests/plugin/geval-maart.json
