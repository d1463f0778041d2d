regelc --disasm tests/golden/beleid/niet-negatief.regel
