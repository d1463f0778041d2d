#!/bin/sh
# tests/doc/grenzen.sh — every limit in the table of doc/robuustheid.md must
# state the value its constant has in the source, so the documentation cannot
# drift: NAME FILE DIVISOR TEXT, where TEXT with {} replaced by the constant's
# first number divided by DIVISOR must occur in the row that names the limit.
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
doc=$src/doc/robuustheid.md
pass=0
fail=0
while read -r name file div row text; do
    [ -n "$name" ] || continue
    value=$(sed -n "s/^#define $name[[:space:]][^0-9]*\([0-9][0-9]*\).*/\1/p" "$src/$file" | head -n 1)
    if [ -z "$value" ]; then
        echo "FOUT $name: geen #define met een getal in $file"
        fail=$((fail + 1))
        continue
    fi
    want=$(echo "$text" | sed "s/{}/$((value / div))/; s/_/ /g")
    line=$(grep -F -- "| $(echo "$row" | sed 's/_/ /g')" "$doc" | head -n 1)
    if [ -z "$line" ]; then
        echo "FOUT $name: geen rij ‘$(echo "$row" | sed 's/_/ /g')’ in doc/robuustheid.md"
        fail=$((fail + 1))
    elif ! echo "$line" | grep -qF -- "$want"; then
        echo "FOUT $name = $value in $file, maar de rij in doc/robuustheid.md zegt niet ‘$want’"
        fail=$((fail + 1))
    else
        echo "ok $name ($want)"
        pass=$((pass + 1))
    fi
done <<'LIST'
SRCCHECK_MAX_BYTES compiler/srccheck.h 1 grootte_van_een_beleid {}_MB
COMPILE_MAX_FILE_BYTES compiler/compile.h 1 grootte_van_elk_bestand {}_MB
CLI_MAX_INPUT_BYTES cli/common.h 1 grootte_van_elk_bestand {}_MB
SRCCHECK_WINDOW compiler/srccheck.h 1 tekst_of_niet eerste_{}_bytes
SRCCHECK_MAX_BINARY compiler/srccheck.h 1 tekst_of_niet {}_of_meer
PARSE_MAX_ERRORS compiler/parser.y 1 aantal_foutmeldingen | {} |
YYMAXDEPTH compiler/parser.y 1000 nesting_in_de_parser {}_000_plaatsen
CHECK_MAX_DEPTH compiler/check.c 1 diepte_van_een_uitdrukking meer_dan_{}_niveaus
PARSE_MAX_HEIGHT compiler/parse.c 1 diepte_van_een_uitdrukking meer_dan_{}_niveaus
RT_MAX_STACK runtime/rt.h 1 tussenwaarden | {} |
RT_MAX_SLOTS runtime/rt.h 1 lussen_in_lussen | {} |
RBC_MAX_EXTERN_PARAMS runtime/bytecode.h 1 parameters_van_een_externe_functie het_maximum_is_{}
VM_MAX_STEPS runtime/vm.c 1000000 rekenstappen {}_miljoen_herhalingen
DIAG_EXCERPT_WIDTH compiler/diag.c 1 lange_regels toont_{}_tekens
CASE_MAX_LIST runtime/case_build.h 1000000 een_lijst_in_een_geval {}_miljoen_elementen
CASE_MAX_TEXT runtime/case_build.h 1 een_tekst_in_een_geval {}_MB
LIST
echo "doc-grenzen: $pass passed, $fail failed"
[ $pass -gt 0 ] && [ $fail -eq 0 ]
