regel tests/golden/beleid/niet-negatief.regel tests/golden/gevallen/fout-niet-negatief.json
