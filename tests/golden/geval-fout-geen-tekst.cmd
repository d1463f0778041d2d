regel --json tests/golden/beleid/rekenen.regel tests/golden/gevallen/fout-geen-tekst.json
