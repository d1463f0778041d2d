regel --plugin @PLUGINS@/werkdagen.so --uitkomst zijde tests/plugin/werkdagen.regel tests/plugin/geval-negatief.json
