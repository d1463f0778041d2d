regel tests/golden/beleid/deling.regel tests/golden/gevallen/nul.json
