regel test --plugin @PLUGINS@/kapot.so tests/plugin/werkdagen.regel
