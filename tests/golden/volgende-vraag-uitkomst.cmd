regel --json --volgende-vraag --uitkomst toelage --uitkomst avondcursus tests/golden/beleid/vraag.regel tests/golden/gevallen/vraag-deels.json
