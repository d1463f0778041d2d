regel tests/golden/beleid/rekenen.regel
