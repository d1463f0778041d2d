regel test --dekking tests/golden/beleid/scenario-dekking.regel
