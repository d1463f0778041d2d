regel vraag tests/golden/beleid/vraag.regel tests/golden/gevallen/vraag-leeg.json
