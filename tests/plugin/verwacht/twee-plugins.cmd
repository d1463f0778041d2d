regel --plugin @PLUGINS@/werkdagen.so --plugin @PLUGINS@/extra.so tests/plugin/twee.regel tests/plugin/geval-twee.json
