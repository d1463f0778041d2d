regel test --help
