regel tests/golden/beleid/conflict.regel tests/golden/gevallen/een.json
