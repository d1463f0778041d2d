regel --formaat html --uitkomst werkdagen --uitkomst termijn_verstreken --plugin @PLUGINS@/werkdagen.so tests/plugin/werkdagen.regel tests/plugin/geval-maart.json
