regel --json tests/golden/beleid/rekenen.regel tests/golden/gevallen/rekenen-onvolledig.json
