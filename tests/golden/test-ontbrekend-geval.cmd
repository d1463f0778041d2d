regel test tests/golden/beleid/scenario-ontbrekend-geval.regel
