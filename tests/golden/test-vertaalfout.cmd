regel test tests/golden/beleid/scenario-vertaalfout.regel tests/golden/beleid/scenario-geslaagd.regel
