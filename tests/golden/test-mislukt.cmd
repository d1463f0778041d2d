regel test tests/golden/beleid/scenario-mislukt.regel
