regel --json tests/golden/beleid/rekenen.regel tests/golden/gevallen/fout-veld-plek.json
