regel vraag tests/golden/beleid/niet-negatief.regel tests/golden/gevallen/vraag-fout-type.json
