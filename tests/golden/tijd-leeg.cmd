regel tests/golden/beleid/tijd-en-geld.regel tests/golden/gevallen/tijd-leeg.json
