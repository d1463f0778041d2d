regel test --json --plugin @PLUGINS@/werkdagen.so tests/plugin/werkdagen.regel
