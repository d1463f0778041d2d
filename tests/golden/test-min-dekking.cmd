regel test --min-dekking 80 tests/golden/beleid/scenario-dekking.regel
