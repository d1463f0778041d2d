regel tests/golden/beleid/rekenen.regel tests/golden/gevallen/rekenen-volledig.json
