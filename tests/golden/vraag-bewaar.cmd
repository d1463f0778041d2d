regel vraag --uitkomst toelage --bewaar - tests/golden/beleid/vraag.regel tests/golden/gevallen/vraag-deels.json
