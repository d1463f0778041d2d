regel test --plugin @PLUGINS@/werkdagen.so tests/plugin/werkdagen.regel
