regel --json --volgende-vraag --uitkomst genoeg tests/golden/beleid/niet-negatief.regel tests/golden/gevallen/leeg-object.json
