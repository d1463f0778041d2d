regelc --disasm tests/golden/beleid/tijd-en-geld.regel
