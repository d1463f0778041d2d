regel test --filter WACHTREGISTER tests/golden/beleid/scenario-geslaagd.regel tests/golden/beleid/scenario-mislukt.regel
