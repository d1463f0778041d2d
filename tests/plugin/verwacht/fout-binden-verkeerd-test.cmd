regel test --plugin @PLUGINS@/werkdagen.so tests/plugin/verkeerd.regel
