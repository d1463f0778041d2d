regel test tests/golden/beleid/scenario-geslaagd.regel
