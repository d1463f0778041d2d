regel test --json --dekking tests/golden/beleid/scenario-dekking.regel
