regel vraag --json --uitkomst avondcursus tests/golden/beleid/vraag.regel tests/golden/gevallen/vraag-leeg.json
