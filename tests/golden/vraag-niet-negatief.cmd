regel vraag tests/golden/beleid/niet-negatief.regel tests/golden/gevallen/leeg-object.json
