regel test --json tests/golden/beleid/scenario-mislukt.regel
