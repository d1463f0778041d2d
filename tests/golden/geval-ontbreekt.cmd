regel --json tests/golden/beleid/rekenen.regel tests/golden/gevallen/bestaat-niet.json
