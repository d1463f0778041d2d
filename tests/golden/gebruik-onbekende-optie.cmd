regel --jsno tests/golden/beleid/rekenen.regel x.json
