regel --json tests/golden/beleid/rekenen.regel -
