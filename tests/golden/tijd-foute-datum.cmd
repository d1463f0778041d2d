regel --json tests/golden/beleid/tijd-en-geld.regel tests/golden/gevallen/tijd-foute-datum.json
