regel tests/golden/beleid/niet-negatief.regel tests/golden/gevallen/niet-negatief-nul.json
