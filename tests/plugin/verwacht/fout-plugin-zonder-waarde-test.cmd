regel test tests/plugin/werkdagen.regel --plugin
