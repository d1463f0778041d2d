regel --plugin @PLUGINS@/werkdagen.so --uitkomst voldoende_werk tests/plugin/werkdagen.regel tests/plugin/geval-uren.json
