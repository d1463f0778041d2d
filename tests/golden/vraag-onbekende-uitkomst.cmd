regel vraag --uitkomst toelag tests/golden/beleid/vraag.regel tests/golden/gevallen/vraag-leeg.json
