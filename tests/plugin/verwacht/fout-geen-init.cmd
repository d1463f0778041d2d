regel --plugin @PLUGINS@/geeninit.so tests/plugin/werkdagen.regel tests/plugin/geval-maart.json
