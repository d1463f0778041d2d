#!/bin/sh
# tests/batch/run.sh — `regel --jsonl` (issue 11): the exact output, stderr
# and exit status of a file with every kind of bad line; -j 1, 4 and 8 give
# the same bytes; memory stays flat over 200 000 lines from a pipe; answers
# come before the input ends; usage errors; the progress line on a terminal.
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${top_builddir:-$src/_build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { echo "ok $*"; pass=$((pass + 1)); }
bad() { echo "FOUT $*"; fail=$((fail + 1)); }
regel() { ${REGEL_WRAP:-} "$bin/regel" "$@"; }
# same FILE1 FILE2 WHAT: pass when the files are equal, else show the difference
same() {
    if cmp -s "$1" "$2"; then ok "$3"; else
        bad "$3"
        diff "$1" "$2" | head -n 20
    fi
}
cd "$src" || exit 1
D=tests/golden/beleid/deling.regel
I=stdlib-policies/inburgering.regel

# ---- 1. every kind of line, read from standard input ----
{
    printf '\357\273\277{"teller": 6, "noemer": 4}\n' # a UTF-8 BOM before the first line
    printf '{"teller": 1, "noemer": 0}\n'             # deling door nul (evaluation)
    printf '{"teller": 1 "noemer": 2}\n'              # no valid JSON
    printf '[1, 2]\n'                                 # not an object
    printf '{"teller": "zes", "noemer": 2}\n'         # a wrong type
    printf '{"telller": 1, "noemer": 2}\n'            # an unknown key
    printf '\n'                                       # an empty line
    printf '{"teller": 3, "noemer": 1}\r\n'           # CRLF
    printf '{"teller": 1, "noemer": 3}\n'             # 1/3 cannot be written as a decimal
    printf '{"teller": "\351"}\n'                     # Latin-1, not UTF-8
    printf '{}\n'                                     # nothing known: onbekend, not an error
    awk 'BEGIN { printf "{\"teller\": \""; for (i = 0; i < 17000; i++)
        printf "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"; print "\"}" }'
    printf '{"teller": 10, "noemer": 4}'              # the last line without a newline
} >"$tmp/gemengd.jsonl"
cat >"$tmp/gemengd.verwacht" <<'EOF'
{"uitkomsten":{"quotiënt":1.5}}
{"fout":{"regel":2,"kolom":null,"sleutel":null,"melding":"deling door nul in regel ‘Deel’ (tests/golden/beleid/deling.regel:8:24)"}}
{"fout":{"regel":3,"kolom":21,"sleutel":null,"melding":"geen geldige JSON: ongeldige syntaxis bij ‘\"noemer\"’"}}
{"fout":{"regel":4,"kolom":1,"sleutel":null,"melding":"het geval moet een JSON-object met feiten zijn ({…}), maar is een lijst"}}
{"fout":{"regel":5,"kolom":12,"sleutel":"teller","melding":"feit ‘teller’ moet een getal zijn (JSON-getal), maar is een tekst"}}
{"fout":{"regel":6,"kolom":2,"sleutel":"telller","melding":"onbekend feit ‘telller’ in het geval; bedoelde u ‘teller’?"}}
{"fout":{"regel":7,"kolom":null,"sleutel":null,"melding":"geen geldige JSON: het geval is leeg (verwacht een JSON-object {…})"}}
{"uitkomsten":{"quotiënt":3}}
{"fout":{"regel":9,"kolom":null,"sleutel":null,"melding":"uitkomst ‘quotiënt’ is 1/3 en heeft geen eindige decimale schrijfwijze (tests/golden/beleid/deling.regel:7:1)"}}
{"fout":{"regel":10,"kolom":13,"sleutel":null,"melding":"geen geldige JSON: ongeldige UTF-8 (byte 0xE9); sla het geval op als UTF-8"}}
{"uitkomsten":{"quotiënt":null}}
{"fout":{"regel":12,"kolom":null,"sleutel":null,"melding":"de regel is te lang (meer dan 1 MB); een geval op één regel mag hoogstens 1 MB zijn"}}
{"uitkomsten":{"quotiënt":2.5}}
EOF
cat >"$tmp/gemengd.stderr" <<'EOF'
regel: (standaardinvoer):2: fout: deling door nul in regel ‘Deel’ (tests/golden/beleid/deling.regel:8:24)
regel: (standaardinvoer):3:21: fout: geen geldige JSON: ongeldige syntaxis bij ‘"noemer"’
regel: (standaardinvoer):4:1: fout: het geval moet een JSON-object met feiten zijn ({…}), maar is een lijst
regel: (standaardinvoer):5:12: fout: feit ‘teller’ moet een getal zijn (JSON-getal), maar is een tekst
regel: (standaardinvoer):6:2: fout: onbekend feit ‘telller’ in het geval; bedoelde u ‘teller’?
regel: (standaardinvoer):7: fout: geen geldige JSON: het geval is leeg (verwacht een JSON-object {…})
regel: (standaardinvoer):9: fout: uitkomst ‘quotiënt’ is 1/3 en heeft geen eindige decimale schrijfwijze (tests/golden/beleid/deling.regel:7:1)
regel: (standaardinvoer):10:13: fout: geen geldige JSON: ongeldige UTF-8 (byte 0xE9); sla het geval op als UTF-8
regel: (standaardinvoer):12: fout: de regel is te lang (meer dan 1 MB); een geval op één regel mag hoogstens 1 MB zijn
EOF
for j in 1 3; do
    regel --jsonl -j $j "$D" <"$tmp/gemengd.jsonl" >"$tmp/out" 2>"$tmp/err"
    status=$?
    same "$tmp/gemengd.verwacht" "$tmp/out" "gemengd -j $j: uitvoer per regel"
    same "$tmp/gemengd.stderr" "$tmp/err" "gemengd -j $j: meldingen op de standaardfout"
    [ "$status" -eq 1 ] && ok "gemengd -j $j: status 1" || bad "gemengd -j $j: status $status, verwacht 1"
done
# the same file by name: its name in the messages
regel --jsonl "$D" "$tmp/gemengd.jsonl" >"$tmp/out" 2>"$tmp/err"
sed "s|(standaardinvoer)|$tmp/gemengd.jsonl|" "$tmp/gemengd.stderr" >"$tmp/exp"
same "$tmp/exp" "$tmp/err" "gemengd als bestand: de bestandsnaam in de meldingen"

# all good: status 0; an empty input: no output, status 0
printf '{"teller": 1, "noemer": 4}\n{"teller": 2, "noemer": 5}\n' | regel --jsonl "$D" >"$tmp/out" 2>"$tmp/err"
status=$?
printf '{"uitkomsten":{"quotiënt":0.25}}\n{"uitkomsten":{"quotiënt":0.4}}\n' >"$tmp/exp"
if [ "$status" -eq 0 ] && [ ! -s "$tmp/err" ] && cmp -s "$tmp/exp" "$tmp/out"; then
    ok "alles goed: status 0, niets op de standaardfout"
else bad "alles goed: status $status"; fi
regel --jsonl "$D" </dev/null >"$tmp/out" 2>"$tmp/err"
status=$?
[ "$status" -eq 0 ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ] && ok "lege invoer: niets, status 0" ||
    bad "lege invoer: status $status"

# a policy that does not load: status 1 before anything is read
printf '{}\n' | regel --jsonl tests/golden/beleid/bestaat-niet.regel >"$tmp/out" 2>"$tmp/err"
status=$?
[ "$status" -eq 1 ] && [ ! -s "$tmp/out" ] && grep -q 'fout' "$tmp/err" &&
    ok "beleid laadt niet: status 1, geen uitvoer" || bad "beleid laadt niet: status $status"

# ---- 2. value forms: lists compacted, --uitkomst, --motivering ----
printf '%s\n' '{"peildatum": "2024-03-15", "verblijf": [{"van": "2019-01-01", "tot": "2020-12-31"}, {"van": "2021-01-01", "tot": null}], "uurloon": "14,37"}' |
    regel --jsonl --uitkomst verblijf_tot_peildatum --uitkomst maandloon examples/tijd-en-geld.regel >"$tmp/out" 2>&1
printf '%s\n' '{"uitkomsten":{"maandloon":2366.26,"verblijf_tot_peildatum":[{"van":"2019-01-01","tot":"2020-12-31"},{"van":"2021-01-01","tot":"2024-03-15"}]}}' >"$tmp/exp"
same "$tmp/exp" "$tmp/out" "--uitkomst: in weergavevolgorde, lijst op één regel"

if command -v jq >/dev/null 2>&1; then
    : >"$tmp/cases"
    : >"$tmp/exp_u"
    : >"$tmp/exp_m"
    for f in stdlib-policies/gevallen/*.json; do
        jq -c . "$f" >>"$tmp/cases"
        regel --json "$I" "$f" >"$tmp/one" 2>/dev/null
        jq -cS .uitkomsten "$tmp/one" >>"$tmp/exp_u"
        jq -cS . "$tmp/one" >>"$tmp/exp_m"
    done
    regel --jsonl "$I" "$tmp/cases" | jq -cS .uitkomsten >"$tmp/got_u"
    same "$tmp/exp_u" "$tmp/got_u" "uitkomsten gelijk aan regel --json (20 gevallen)"
    regel --jsonl --motivering -j 2 "$I" "$tmp/cases" >"$tmp/got_m_raw"
    jq -cS . "$tmp/got_m_raw" >"$tmp/got_m"
    same "$tmp/exp_m" "$tmp/got_m" "--motivering: per regel het document van regel --json"
    [ "$(wc -l <"$tmp/got_m_raw")" -eq 20 ] && ok "--motivering: één regel per geval" ||
        bad "--motivering: $(wc -l <"$tmp/got_m_raw") regels"
else
    echo "overgeslagen: vergelijking met regel --json (jq ontbreekt)"
fi

# ---- 3. -j 1, 4 and 8: the same bytes on many generated lines ----
n=20000
[ -n "${REGEL_WRAP:-}" ] && n=1000 # valgrind is slow
for f in stdlib-policies/gevallen/*.json; do
    sed 's/^[[:space:]]*//' "$f" | tr -d '\n'
    echo
done >"$tmp/basis"
# vary the peildatum, the participation hours and `werkt`; every 997th line
# is a bad one, so the errors must keep their places too
gen() {
    awk -v n="$1" '{ b[NR] = $0 } END { for (i = 0; i < n; i++) {
        l = b[i % NR + 1]
        sub(/"participatie_uren": *[0-9]+/, "\"participatie_uren\": " (i * 7) % 400, l)
        sub(/"peildatum": *"[0-9-]+"/, sprintf("\"peildatum\": \"%d-%02d-%02d\"",
            2022 + int(i / 20) % 4, 1 + int(i / 80) % 12, 1 + int(i / 960) % 28), l)
        if (i % 3 == 0) sub(/"werkt": *false/, "\"werkt\": true", l)
        if (i % 997 == 996) l = "{\"werkt\": " i "}"
        print l } }' "$tmp/basis"
}
gen $n >"$tmp/veel.jsonl"
regel --jsonl -j 1 "$I" "$tmp/veel.jsonl" >"$tmp/j1" 2>"$tmp/j1.err"
s1=$?
lines=$(wc -l <"$tmp/j1")
errs=$(grep -c '^{"fout"' "$tmp/j1")
[ "$lines" -eq "$n" ] && [ "$errs" -eq $((n / 997)) ] && [ "$s1" -eq 1 ] &&
    ok "-j 1: $lines regels, $errs fouten op hun plaats, status 1" ||
    bad "-j 1: $lines regels, $errs fouten, status $s1"
for j in 4 8; do
    regel --jsonl -j $j "$I" "$tmp/veel.jsonl" >"$tmp/jn" 2>"$tmp/jn.err"
    same "$tmp/j1" "$tmp/jn" "-j $j: dezelfde uitvoer als -j 1 ($n regels)"
    same "$tmp/j1.err" "$tmp/jn.err" "-j $j: dezelfde meldingen als -j 1"
done
sed -n '997p' "$tmp/j1" | grep -q '^{"fout":{"regel":997,"kolom":11,' &&
    ok "foutregel 997 op regel 997" || bad "foutregel 997: $(sed -n '997p' "$tmp/j1" | cut -c1-80)"

# ---- 4. constant memory: 200 000 lines from a pipe vs 20 000 ----
if [ -n "${REGEL_WRAP:-}" ]; then
    echo "overgeslagen: geheugen (onder ${REGEL_WRAP%% *})"
elif nm "$bin/regel" 2>/dev/null | grep -q '__[at]san_init'; then
    echo "overgeslagen: geheugen (sanitizer-bouw: de quarantaine van ASan groeit)"
elif [ -x /usr/bin/time ]; then
    for j in 1 4; do
        gen 20000 | /usr/bin/time -f %M -o "$tmp/klein" "$bin/regel" --jsonl -j $j "$I" 2>/dev/null |
            wc -l >"$tmp/klein.n"
        gen 200000 | /usr/bin/time -f %M -o "$tmp/groot" "$bin/regel" --jsonl -j $j "$I" 2>/dev/null |
            wc -l >"$tmp/groot.n"
        k=$(tail -n 1 "$tmp/klein")
        g=$(tail -n 1 "$tmp/groot")
        # buffering the input would take 120 MB; allow 4 MB of growth
        if [ "$(cat "$tmp/groot.n")" -eq 200000 ] && [ "$g" -lt $((k + 4096)) ]; then
            ok "geheugen -j $j: 200 000 regels $g KB, 20 000 regels $k KB"
        else
            bad "geheugen -j $j: 200 000 regels $g KB ($(cat "$tmp/groot.n") regels uit), 20 000 regels $k KB"
        fi
    done
else
    echo "overgeslagen: geheugen (/usr/bin/time ontbreekt)"
fi

# ---- 5. answers before the input ends (a coprocess waits for each answer) ----
if command -v mkfifo >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then
    for j in 1 2; do
        rm -f "$tmp/in" "$tmp/uit"
        mkfifo "$tmp/in" "$tmp/uit"
        regel --jsonl -j $j "$D" <"$tmp/in" >"$tmp/uit" &
        pid=$!
        exec 3>"$tmp/in"
        printf '{"teller": 1, "noemer": 2}\n' >&3
        # the input stays open: the answer must come now, not at the end
        if timeout 60 head -n 1 <"$tmp/uit" >"$tmp/antwoord"; then :; fi
        exec 3>&-
        wait $pid
        grep -qx '{"uitkomsten":{"quotiënt":0.5}}' "$tmp/antwoord" &&
            ok "-j $j: het antwoord komt voor het einde van de invoer" ||
            bad "-j $j: geen antwoord terwijl de invoer openstaat"
    done
else
    echo "overgeslagen: antwoord voor het einde (mkfifo of timeout ontbreekt)"
fi

# ---- 6. usage errors: status 2, the message and the usage line ----
usage() { # usage WHAT EXPECTED-FIRST-LINE ARGS…
    what=$1
    want=$2
    shift 2
    regel "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    status=$?
    if [ "$status" -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(head -n 1 "$tmp/err")" = "$want" ] &&
        grep -q '^Gebruik: regel ' "$tmp/err" && grep -q '^Probeer ‘regel --help’' "$tmp/err"; then
        ok "gebruik: $what"
    else
        bad "gebruik: $what (status $status)"
        cat "$tmp/err"
    fi
}
usage "--jsonl zonder BELEID" "regel: BELEID ontbreekt na ‘--jsonl’" --jsonl
usage "-j abc" "regel: ongeldig aantal draden ‘abc’ voor ‘-j’ (1 tot 256, of 0 voor het aantal processors)" --jsonl -j abc "$D"
usage "-j 257" "regel: ongeldig aantal draden ‘257’ voor ‘-j’ (1 tot 256, of 0 voor het aantal processors)" --jsonl -j 257 "$D"
usage "-j -1" "regel: ongeldig aantal draden ‘-1’ voor ‘-j’ (1 tot 256, of 0 voor het aantal processors)" --jsonl -j -1 "$D"
usage "-j zonder aantal" "regel: ‘-j’ verwacht een aantal draden (1 tot 256, of 0 voor het aantal processors)" --jsonl -j
usage "te veel argumenten" "regel: te veel argumenten: ‘c’ (verwacht alleen BELEID en GEVALLEN.jsonl)" --jsonl "$D" b c
usage "-j zonder --jsonl" "regel: ‘-j’ werkt alleen samen met ‘--jsonl’" -j 2 "$D" x.json
usage "--motivering zonder --jsonl" "regel: ‘--motivering’ werkt alleen samen met ‘--jsonl’" --motivering "$D" x.json
usage "--jsonl --json" "regel: ‘--jsonl’ schrijft altijd JSON, zonder ‘--formaat’ of ‘--json’ (‘--motivering’ geeft per regel de volledige afleiding)" --jsonl --json "$D"
usage "--jsonl --volgende-vraag" "regel: ‘--volgende-vraag’ werkt niet samen met ‘--jsonl’" --jsonl --volgende-vraag "$D"
usage "onbekende --uitkomst" "regel: onbekende uitkomst ‘quotient’; bedoelde u ‘quotiënt’?" --jsonl --uitkomst quotient "$D"
# a full disk: the error on stderr and status 1
if [ -w /dev/full ]; then
    printf '{"teller": 1, "noemer": 8}\n' | regel --jsonl "$D" >/dev/full 2>"$tmp/err"
    status=$?
    [ "$status" -eq 1 ] && grep -q 'kan niet naar de standaarduitvoer schrijven' "$tmp/err" &&
        ok "volle schijf: status 1 en een melding" || bad "volle schijf: status $status"
fi
# -j 0: as many threads as processors
printf '{"teller": 1, "noemer": 8}\n' | regel --jsonl -j 0 "$D" >"$tmp/out" 2>&1
grep -qx '{"uitkomsten":{"quotiënt":0.125}}' "$tmp/out" && ok "-j 0: het aantal processors" ||
    bad "-j 0: $(cat "$tmp/out")"
regel --jsonl "$D" "$tmp/bestaat-niet.jsonl" >"$tmp/out" 2>"$tmp/err"
status=$?
[ "$status" -eq 1 ] && grep -q 'kan de gevallen niet lezen: het bestand bestaat niet' "$tmp/err" &&
    ok "GEVALLEN bestaat niet: status 1" || bad "GEVALLEN bestaat niet: status $status"
regel --jsonl "$D" "$tmp" >"$tmp/out" 2>"$tmp/err"
status=$?
[ "$status" -eq 1 ] && grep -q 'dit is een map' "$tmp/err" && ok "GEVALLEN is een map: status 1" ||
    bad "GEVALLEN is een map: status $status"

# ---- 7. the progress line, only on a terminal ----
if command -v script >/dev/null 2>&1 && script -qfc true /dev/null >/dev/null 2>&1; then
    head -n 3 "$tmp/gemengd.jsonl" >"$tmp/drie.jsonl"
    script -qfc "$bin/regel --jsonl $D $tmp/drie.jsonl >/dev/null" /dev/null >"$tmp/tty" 2>&1
    # the last line: 3 gevallen · N/s · 100 % · 2 fouten, ended by a newline
    if tr '\r' '\n' <"$tmp/tty" | grep -Eq '^3 gevallen · [0-9 ]+/s · 100 % · 2 fouten$' &&
        [ "$(tail -c 2 "$tmp/tty" | od -An -c | tr -d ' ')" = '\r\n' ]; then
        ok "voortgang op een terminal (gevallen, per seconde, procent, fouten)"
    else
        bad "voortgang op een terminal"
        od -c "$tmp/tty" | tail -n 5
    fi
    # stdin from a pipe: no percentage
    script -qfc "printf '{}\\n' | $bin/regel --jsonl $D >/dev/null" /dev/null >"$tmp/tty" 2>&1
    tr '\r' '\n' <"$tmp/tty" | grep -Eq '^1 geval · [0-9 ]+/s$' &&
        ok "voortgang zonder procent bij een pijp" || { bad "voortgang bij een pijp"; od -c "$tmp/tty" | head; }
else
    echo "overgeslagen: voortgang (script van util-linux ontbreekt)"
fi

echo "$pass geslaagd, $fail mislukt"
[ "$fail" -eq 0 ]
