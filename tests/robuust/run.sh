#!/bin/sh
# tests/robuust/run.sh — the bad-input catalogue (issue 9): policies, cases
# and bytecode that are empty, binary, badly encoded, huge, deeply nested or
# wrong in type or value. Each is made here (nothing binary is committed), run
# through regel or regelc, and must give exactly the Dutch message in
# tests/robuust/verwacht/NAME.stderr with exit status 1 and NOTHING on stdout;
# inputs that are fine after all (a BOM, CRLF, tabs, a 10 MB policy) must give
# exit status 0 and NAME.stdout. Under REGEL_WRAP (valgrind) the cases marked
# groot are skipped. REGEL_ROBUUST_UPDATE=1 rewrites the expected files.
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${top_builddir:-$src/_build}
want=$src/tests/robuust/verwacht
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
skip=0

# ---- inputs -------------------------------------------------------------
basis=$src/examples/inburgering-basis.regel
inb=$src/stdlib-policies/inburgering.regel
geval=$src/stdlib-policies/gevallen/01-nieuwkomer-net-gestart.json
cd "$work" || exit 1
cp "$basis" basis.regel
cp "$src/examples/gevallen/01-verplichte-nieuwkomer.json" basis.json
cp "$inb" inburgering.regel
cp "$geval" geval.json
cp "$src/examples/tijd-en-geld.regel" tijd.regel
cp "$src/examples/gevallen/tijd-volledig.json" tijd.json

# Policies
: >leeg.regel
printf '# Alleen commentaar: nog geen enkele regel.\n\n# Nog meer commentaar.\n' >commentaar.regel
# Every byte value except NUL, as in a picture or a zip file.
i=1
while [ $i -lt 256 ]; do
    printf "\\$(printf %03o $i)"
    i=$((i + 1))
done >binair.regel
printf 'beleid "Nul".\ninvoer a: getal.\n\000uitkomst b: getal.\n' >nulbyte.regel
printf 'beleid "Caf\351".\ninvoer a: getal.\n' >latin1.regel
printf '\357\273\277beleid BOM.\ninvoer a: getal.\n' >bom-fout.regel
printf 'beleid "CRLF".\r\ninvoer a: getal.\r\nuitkomst b: getal.\r\nregel "r"\r\n    b is a +.\r\n' >crlf-fout.regel
printf 'beleid "Tabs".\ninvoer a: getal.\nuitkomst b: getal.\nregel "r"\n\tb is\ta\t+\t.\n' >tabs-fout.regel
{ printf '\357\273\277'; cat "$basis"; } >bom.regel
sed 's/$/\r/' "$basis" >crlf.regel
sed 's/^    /\t/' "$basis" >tabs.regel

# deep N OPEN CLOSE: `b is OPEN×N a CLOSE×N.`
deep() {
    printf 'beleid "Diep".\ninvoer a: getal, w: waarheid.\nuitkomst b: getal, c: waarheid.\n'
    printf 'regel "r"\n    b is '
    awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
    printf 'a'
    awk -v n="$1" -v s="$3" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
    printf '.\nregel "s"\n    c is w.\n'
}
deep 100000 '(' ')' >haakjes.regel
deep 100000 '1 + ' '' >som.regel
deep 600 '(a + ' ')' >stapel.regel
{
    printf 'beleid "Niet".\ninvoer w: waarheid.\nuitkomst c: waarheid.\nregel "r"\n'
    printf '    c is waar indien '
    awk 'BEGIN { for (i = 0; i < 100000; i++) printf "niet " }'
    printf 'w, anders onwaar.\n'
} >niet.regel

# Seventeen loops inside each other (a rule has at most 16 loop slots).
{
    printf 'beleid "Lussen".\ninvoer l: lijst van getal.\nuitkomst n: waarheid.\nregel "r"\n    n is '
    awk 'BEGIN { for (i = 1; i <= 17; i++) printf "er is een x%d in l waarvoor ", i }'
    printf 'x1 > 0.\n'
} >lussen.regel
# Three loops inside each other over 300 elements: 27 million steps.
printf 'beleid "Stappen".\ninvoer l: lijst van getal.\nuitkomst n: getal.\nregel "r"\n    n is aantal x in l waarvoor er is een y in l waarvoor\n        er is een z in l waarvoor x + y + z < 0.\n' >stappen.regel
awk 'BEGIN { printf "{\"l\": ["; for (i = 0; i < 300; i++) printf "%s%d", i ? ", " : "", i; printf "]}\n" }' >stappen.json

# One rule with 100 000 branches, and one condition with 100 000 terms.
{
    printf 'beleid "Takken".\ninvoer a: getal.\nuitkomst c: getal.\nregel "r"\n    c is 0 indien a = 0'
    awk 'BEGIN { for (i = 1; i < 100000; i++) printf ",\n      anders %d indien a = %d", i, i }'
    printf ', anders -1.\n'
} >takken.regel
printf '{"a": 0}\n' >takken.json
{
    printf 'beleid "En".\ninvoer w: waarheid.\nuitkomst c: waarheid.\nregel "r"\n    c is waar indien w'
    awk 'BEGIN { for (i = 0; i < 100000; i++) printf " en w" }'
    printf ', anders onwaar.\n'
} >en.regel

# A 10 MB policy: the basis policy and 6 000 more rules with a 1 600-byte
# citaat each (as if the statute were quoted in full).
groot() { # LAST-LINE
    cat "$basis"
    awk 'BEGIN {
        q = "";
        for (i = 0; i < 32; i++) q = q "De inburgeraar volgt het traject met inzet en zorg. ";
        printf "uitkomst\n";
        for (i = 1; i <= 6000; i++) printf "    extra_%d: waarheid%s\n", i, i < 6000 ? "," : ".";
        for (i = 1; i <= 6000; i++) {
            printf "regel \"Extra regel %d\"\n    bron \"Bijlage, artikel %d\"\n", i, i;
            printf "    citaat \"%s\"\n    extra_%d is waar indien werkt, anders onwaar.\n", q, i;
        }
    }'
    printf '%s\n' "$1"
}
groot '' >groot.regel
groot 'regel "Laatste" extra_1 is waar.' >groot-fout.regel
# The same 10 MB with every line break a space: one line of 10 MB.
sed 's/^[[:space:]]*#.*//' groot-fout.regel | tr '\n' ' ' >eenregel.regel
head -c 68157440 /dev/zero | tr '\000' ' ' >te-groot.regel

# Bytecode
"$bin/regelc" "$basis" -o basis.rbc >/dev/null 2>&1
head -c 2000 basis.rbc >afgekapt.rbc
{ head -c 64 basis.rbc; head -c 4000 "$basis"; } >kop-en-tekst.rbc
: >leeg.rbc

# Cases (against the inburgering policy unless the command says otherwise)
: >geval-leeg.json
cp binair.regel geval-binair.json
printf '{"peildatum": "2023-06-01",\000 "werkt": true}' >geval-nulbyte.json
printf '{"status": "verpl\351cht"}' >geval-latin1.json
{ printf '\357\273\277'; cat "$geval"; } >geval-bom.json
sed 's/$/\r/' "$geval" >geval-crlf.json
# edit KEY-LINE REPLACEMENT: the sample case with one line replaced
edit() { sed "s|^  \"$1\": .*|$2|" "$geval"; }
edit werkt '  "werkt": false,\n  "werkt": true,' >geval-dubbel.json
edit werkt '  "werkt": "ja",' >geval-type-feit.json
edit toetsen '  "toetsen": {"soort": "nt2"},' >geval-type-lijst.json
edit toetsen '  "toetsen": ["nt2"],' >geval-type-element.json
edit toetsen '  "toetsen": [{"soort": "nt2", "datum": "2023-03-01", "geslaagd": "ja"}],' >geval-type-veld.json
edit toetsen '  "toetsen": [{"soort": "nt2", "datum": "2023-03-01", "geslaagd": true, "score": 7}],' >geval-onbekend-veld.json
sed 's|"tot": null|"tot": 2024|' "$geval" >geval-type-periode.json
printf '[{"peildatum": "2023-06-01"}]\n' >geval-type-geheel.json
edit peildatum '  "peildatum": "2023-02-30",' >geval-datum-30feb.json
edit peildatum '  "peildatum": "0000-00-00",' >geval-datum-nul.json
edit peildatum '  "peildatum": "2023-13-01",' >geval-datum-maand.json
edit peildatum '  "peildatum": "1 juni 2023",' >geval-datum-tekst.json
edit participatie_uren '  "participatie_uren": 1e400,' >geval-getal-1e400.json
edit participatie_uren '  "participatie_uren": 123456789012345678901234567890,' >geval-getal-groot.json
edit participatie_uren '  "participatie_uren": -40,' >geval-negatief.json
edit participatie_uren '  "participatie_uren": 0,' >geval-nul.json
sed 's|"uurloon": .*|"uurloon": "99999999999999999999",|' tijd.json >geval-bedrag-groot.json
# Negative amounts and durations where the policy says `(niet negatief)`
cp "$src/tests/golden/beleid/niet-negatief.regel" nietneg.regel
printf '{"uren": 1, "loon": "-12,50", "wachttijd": "0 dagen", "perioden": []}\n' >geval-negatief-bedrag.json
printf '{"uren": 1, "loon": null, "wachttijd": "-3 dagen", "perioden": []}\n' >geval-negatief-duur.json
sed 's|"uurloon": .*|"uurloon": "12,505",|' tijd.json >geval-bedrag-cent.json
{
    printf '{"peildatum": "2023-06-01", "x": '
    awk 'BEGIN { for (i = 0; i < 100000; i++) printf "[" ; for (i = 0; i < 100000; i++) printf "]" }'
    printf '}\n'
} >geval-diep.json
{
    printf '{"status": "'
    head -c 10485760 /dev/zero | tr '\000' 'x'
    printf '"}\n'
} >geval-lange-tekst.json
{ cat "$geval"; printf '{}\n'; } >geval-na-einde.json
# A list of a million and one numbers, a text of 1 MB and one byte.
printf 'beleid "Lijst".\ninvoer l: lijst van getal, t: tekst.\nuitkomst n: getal, m: waarheid.\nregel "n" n is aantal l.\nregel "m" m is waar indien t is "x", anders onwaar.\n' >lijst.regel
awk 'BEGIN { printf "{\"t\": \"x\", \"l\": [0"; for (i = 1; i <= 1000000; i++) printf ",0"; printf "]}\n" }' >geval-lange-lijst.json
{
    printf '{"l": [], "t": "'
    head -c 1048577 /dev/zero | tr '\000' 'x'
    printf '"}\n'
} >geval-tekst-1mb.json

# ---- running ------------------------------------------------------------
# check NAME STATUS [groot] -- TOOL ARGS...
check() {
    name=$1
    status=$2
    shift 2
    big=0
    if [ "$1" = groot ]; then
        big=1
        shift
    fi
    shift # --
    tool=$1
    shift
    if [ $big = 1 ] && [ -n "${REGEL_WRAP:-}" ]; then
        echo "overgeslagen $name (te groot voor ${REGEL_WRAP%% *})"
        skip=$((skip + 1))
        return
    fi
    ${REGEL_WRAP:-} "$bin/$tool" "$@" >out 2>err </dev/null
    st=$?
    if [ "${REGEL_ROBUUST_UPDATE:-}" = 1 ]; then
        cp err "$want/$name.stderr"
        if [ "$status" = 0 ]; then cp out "$want/$name.stdout"; else rm -f "$want/$name.stdout"; fi
        echo "ok $name (bijgewerkt)"
        pass=$((pass + 1))
        return
    fi
    ok=1
    if [ "$st" != "$status" ]; then
        echo "FOUT $name: afsluitstatus $st, verwacht $status"
        ok=0
    fi
    if [ "$status" = 0 ]; then
        if ! diff -u "$want/$name.stdout" out >diff; then
            echo "FOUT $name: stdout wijkt af"
            head -n 40 diff
            ok=0
        fi
    elif [ -s out ]; then
        echo "FOUT $name: er staat uitvoer op stdout ($(wc -c <out) bytes); bij een fout hoort daar niets"
        ok=0
    fi
    if ! diff -u "$want/$name.stderr" err >diff; then
        echo "FOUT $name: stderr wijkt af"
        head -n 40 diff
        ok=0
    fi
    if [ $ok = 1 ]; then
        echo "ok $name"
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
    fi
}

# Policies that are not policies
check beleid-leeg 1 -- regelc leeg.regel -o uit.rbc
check beleid-commentaar 1 -- regelc commentaar.regel -o uit.rbc
check beleid-binair 1 -- regelc binair.regel -o uit.rbc
check beleid-nulbyte 1 -- regelc nulbyte.regel -o uit.rbc
check beleid-latin1 1 -- regelc latin1.regel -o uit.rbc
check beleid-te-groot 1 groot -- regelc te-groot.regel -o uit.rbc
check beleid-dev-zero 1 groot -- regelc /dev/zero -o uit.rbc
check beleid-map 1 -- regelc . -o uit.rbc
# Locations stay right with a BOM, CRLF and tabs; the files themselves are fine
check beleid-bom-fout 1 -- regelc bom-fout.regel -o uit.rbc
check beleid-crlf-fout 1 -- regelc crlf-fout.regel -o uit.rbc
check beleid-tabs-fout 1 -- regelc tabs-fout.regel -o uit.rbc
check beleid-bom 0 -- regel bom.regel basis.json
check beleid-crlf 0 -- regel crlf.regel basis.json
check beleid-tabs 0 -- regel tabs.regel basis.json
# Nesting: an error, never a stack overflow
check beleid-haakjes 1 -- regelc haakjes.regel -o uit.rbc
check beleid-som 1 -- regelc som.regel -o uit.rbc
check beleid-niet 1 -- regelc niet.regel -o uit.rbc
check beleid-stapel 1 -- regelc stapel.regel -o uit.rbc
check beleid-lussen 1 -- regelc lussen.regel -o uit.rbc
check beleid-en 1 -- regelc en.regel -o uit.rbc
check beleid-takken 0 groot -- regel takken.regel takken.json
# Evaluation: a step budget instead of running for hours
check beleid-stappen 1 groot -- regel stappen.regel stappen.json
# Size: 10 MB compiles; an error at its end is found; one 10 MB line is cut
check beleid-10mb 0 groot -- regel --uitkomst extra_6000 groot.regel basis.json
check beleid-10mb-fout 1 groot -- regelc groot-fout.regel -o uit.rbc
check beleid-10mb-een-regel 1 groot -- regelc eenregel.regel -o uit.rbc
# Bytecode
check bytecode-leeg 1 -- regel leeg.rbc basis.json
check bytecode-afgekapt 1 -- regel afgekapt.rbc basis.json
check bytecode-kop-en-tekst 1 -- regel kop-en-tekst.rbc basis.json
# Cases
check geval-leeg 1 -- regel inburgering.regel geval-leeg.json
check geval-binair 1 -- regel inburgering.regel geval-binair.json
check geval-nulbyte 1 -- regel inburgering.regel geval-nulbyte.json
check geval-latin1 1 -- regel inburgering.regel geval-latin1.json
check geval-dev-zero 1 groot -- regel inburgering.regel /dev/zero
check geval-bom 0 -- regel --uitkomst inburgeringsplicht inburgering.regel geval-bom.json
check geval-crlf 0 -- regel --uitkomst inburgeringsplicht inburgering.regel geval-crlf.json
check geval-dubbel 1 -- regel inburgering.regel geval-dubbel.json
check geval-type-geheel 1 -- regel inburgering.regel geval-type-geheel.json
check geval-type-feit 1 -- regel inburgering.regel geval-type-feit.json
check geval-type-lijst 1 -- regel inburgering.regel geval-type-lijst.json
check geval-type-element 1 -- regel inburgering.regel geval-type-element.json
check geval-type-veld 1 -- regel inburgering.regel geval-type-veld.json
check geval-type-periode 1 -- regel inburgering.regel geval-type-periode.json
check geval-onbekend-veld 1 -- regel inburgering.regel geval-onbekend-veld.json
check geval-datum-30feb 1 -- regel inburgering.regel geval-datum-30feb.json
check geval-datum-nul 1 -- regel inburgering.regel geval-datum-nul.json
check geval-datum-maand 1 -- regel inburgering.regel geval-datum-maand.json
check geval-datum-tekst 1 -- regel inburgering.regel geval-datum-tekst.json
check geval-getal-1e400 1 -- regel inburgering.regel geval-getal-1e400.json
check geval-getal-groot 1 -- regel inburgering.regel geval-getal-groot.json
check geval-negatief 1 -- regel inburgering.regel geval-negatief.json
check geval-nul 0 -- regel --uitkomst participatie_voldaan inburgering.regel geval-nul.json
check geval-negatief-bedrag 1 -- regel nietneg.regel geval-negatief-bedrag.json
check geval-negatief-duur 1 -- regel nietneg.regel geval-negatief-duur.json
check geval-bedrag-groot 1 -- regel tijd.regel geval-bedrag-groot.json
check geval-bedrag-cent 1 -- regel tijd.regel geval-bedrag-cent.json
check geval-diep 1 -- regel inburgering.regel geval-diep.json
check geval-lange-tekst 1 groot -- regel inburgering.regel geval-lange-tekst.json
check geval-na-einde 1 -- regel inburgering.regel geval-na-einde.json
check geval-lange-lijst 1 groot -- regel lijst.regel geval-lange-lijst.json
check geval-tekst-1mb 1 groot -- regel lijst.regel geval-tekst-1mb.json

echo "robuust: $pass passed, $fail failed, $skip overgeslagen"
[ $pass -gt 0 ] || exit 1
[ $fail -eq 0 ]
