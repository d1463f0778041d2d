regel --json tests/golden/beleid/rekenen.regel tests/golden/gevallen/fout-latin1.json
