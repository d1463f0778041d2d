regel vraag --uitkomst werkdagen --plugin @PLUGINS@/werkdagen.so tests/plugin/werkdagen.regel tests/plugin/geval-leeg.json
