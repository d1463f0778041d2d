regel --json tests/golden/beleid/conflict.regel tests/golden/gevallen/beide.json
