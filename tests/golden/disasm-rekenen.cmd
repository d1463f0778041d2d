regelc --disasm tests/golden/beleid/rekenen.regel
