regel --json tests/golden/beleid/tijd-en-geld.regel tests/golden/gevallen/tijd-volledig.json
