#!/bin/sh
# tests/fmt/run.sh — `regel fmt` (issue 10) over every .regel in the repository:
# a file that parses is formatted, formatting again changes nothing, and the
# formatted text compiles to the same bytecode without source positions
# (tests/fuzz/replay_fmt); a file with syntax errors is refused with the
# messages of `regelc --controleer`. Then the command line: --check, in
# place, stdin, errors. Prints `ok …` lines and a summary.
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

# every policy in the repository (git when there is one, else find)
if git -C "$src" ls-files '*.regel' >"$tmp/list" 2>/dev/null && [ -s "$tmp/list" ]; then
    :
else
    (cd "$src" && find . -name '*.regel' ! -path './_build/*' | sed 's|^\./||' | sort) >"$tmp/list"
fi
formatted=0
refused=0
while read -r f; do
    p=$src/$f
    if regel fmt <"$p" >"$tmp/a" 2>"$tmp/err"; then
        regel fmt <"$tmp/a" >"$tmp/b" 2>&1 || { bad "fmt(fmt($f)) faalt"; continue; }
        cmp -s "$tmp/a" "$tmp/b" || { bad "fmt(fmt($f)) != fmt($f)"; continue; }
        # safety net, idempotence and the same bytecode without positions
        ${REGEL_WRAP:-} "$bin/tests/fuzz/replay_fmt" "$p" >"$tmp/r" 2>&1 ||
            { bad "replay_fmt $f"; cat "$tmp/r"; continue; }
        ok "fmt $f"
        formatted=$((formatted + 1))
    else
        # refused: only for syntax errors, with regelc's messages
        ${REGEL_WRAP:-} "$bin/regelc" --controleer "$p" 2>"$tmp/exp" >/dev/null
        sed '$d' "$tmp/err" >"$tmp/got"
        if tail -n 1 "$tmp/err" | grep -q 'niet opgemaakt wegens syntaxfouten' &&
            sed "s|$p|<stdin>|g" "$tmp/exp" | cmp -s - "$tmp/got"; then
            ok "weigert $f (syntaxfouten, meldingen als regelc --controleer)"
            refused=$((refused + 1))
        else
            bad "weigert $f anders dan verwacht"
            diff "$tmp/got" "$tmp/exp" | head -n 10
        fi
    fi
done <"$tmp/list"
echo "# $formatted bestanden opgemaakt, $refused geweigerd"

# --- the command line ---
cd "$tmp" || exit 1
# the example with extra spaces after `regel` (the same tokens)
sed 's/^regel "/regel   "/' "$src/examples/tijd-en-geld.regel" >a.regel
chmod 640 a.regel
cp a.regel a.orig
out=$(regel fmt --check a.regel)
rc=$?
[ $rc -eq 1 ] && [ "$out" = "a.regel is niet opgemaakt; voer ‘regel fmt a.regel’ uit" ] &&
    cmp -s a.regel a.orig && ok "--check meldt een niet-opgemaakt bestand en schrijft niets" ||
    bad "--check op een niet-opgemaakt bestand (status $rc, uitvoer: $out)"
regel fmt <a.orig >a.expect
regel fmt a.regel && cmp -s a.regel a.expect && ok "ter plekke herschreven" ||
    bad "ter plekke herschrijven"
[ "$(stat -c %a a.regel)" = 640 ] && ok "bestandsrechten behouden" || bad "bestandsrechten"
[ -z "$(ls -A | grep fmt-)" ] && ok "geen tijdelijk bestand achtergelaten" || bad "tijdelijk bestand"
out=$(regel fmt --check a.regel)
[ $? -eq 0 ] && [ -z "$out" ] && ok "--check op een opgemaakt bestand: status 0, geen uitvoer" ||
    bad "--check op een opgemaakt bestand"
ino=$(stat -c %i a.regel)
regel fmt a.regel && [ "$(stat -c %i a.regel)" = "$ino" ] &&
    ok "een opgemaakt bestand wordt niet opnieuw geschreven" || bad "onnodig herschreven"
regel fmt - <a.orig >b.out && cmp -s b.out a.expect && ok "‘-’ leest de standaardinvoer" ||
    bad "‘-’"
printf 'beleid "X".\ninvoer a: getal.\nuitkomst b: getal.\nregel "R" b is a +  1.\n' >c.regel
regel fmt --check c.regel a.regel >check.out
[ $? -eq 1 ] && [ "$(wc -l <check.out)" -eq 1 ] && grep -q '^c.regel is niet opgemaakt' check.out &&
    ok "--check over meerdere bestanden: alleen het niet-opgemaakte" || bad "--check meerdere"
# syntax error: untouched, exit 1, the other files are still done
printf 'beleid "X".\nregel "R" b is .\n' >fout.regel
cp fout.regel fout.orig
cp c.regel c.orig
regel fmt fout.regel c.regel 2>err.out
[ $? -eq 1 ] && cmp -s fout.regel fout.orig && ! cmp -s c.regel c.orig &&
    grep -q 'fout.regel: niet opgemaakt wegens syntaxfouten' err.out &&
    grep -q 'fout gevonden' err.out && ok "syntaxfout: bestand ongemoeid, de andere opgemaakt" ||
    bad "syntaxfout"
# a policy the checker refuses is still formatted
printf 'beleid "X".\nuitkomst b: getal.\nregel "R" b is onbekende_naam.\n' >check.regel
cp check.regel check.orig
regel fmt check.regel && ! cmp -s check.regel check.orig &&
    ok "een beleid met een onbekende naam wordt opgemaakt" || bad "beleid met een onbekende naam"
# unreadable file: a Dutch error with the path; the others still done
cp c.orig d.regel
regel fmt bestaat-niet.regel d.regel 2>err.out
[ $? -eq 1 ] && grep -q 'bestaat-niet.regel: fout: kan het bestand niet lezen' err.out &&
    ! cmp -s d.regel c.orig && ok "onleesbaar bestand gemeld, de andere opgemaakt" ||
    bad "onleesbaar bestand"
regel fmt --vreemd >/dev/null 2>err.out
[ $? -eq 2 ] && grep -q 'onbekende optie ‘--vreemd’' err.out && grep -q 'regel fmt --help' err.out &&
    ok "onbekende optie: status 2 met een hint" || bad "onbekende optie"
# a write that fails (a file size limit of 0): a Dutch reason, the file as it
# was, no temp file left, status 1 (the messages go through a pipe, which the
# limit does not touch)
cp c.orig g.regel
out=$(sh -c "trap '' XFSZ; ulimit -f 0 && $bin/regel fmt g.regel; echo \"status=\$?\"" 2>&1)
case $out in
*"g.regel: fout: kan het bestand niet schrijven: het bestand mag niet zo groot worden"*status=1)
    cmp -s g.regel c.orig && [ -z "$(ls -A | grep 'g.regel.fmt-')" ] &&
        ok "schrijven mislukt: melding, bestand ongemoeid, status 1" ||
        bad "schrijven mislukt: bestand veranderd of tijdelijk bestand achtergelaten" ;;
*) bad "schrijven mislukt: $out" ;;
esac
# a symbolic link stays a link; the file it points to is formatted
cp c.orig e.regel
ln -s e.regel link.regel
regel fmt link.regel && [ -L link.regel ] && ! cmp -s e.regel c.orig &&
    ok "een symbolische koppeling blijft een koppeling" || bad "symbolische koppeling"
# the repository's own policies are in the canonical layout
(cd "$src" && regel fmt --check examples/*.regel examples/embed/*.regel stdlib-policies/*.regel) &&
    ok "de beleidsbestanden van de repository zijn opgemaakt" ||
    bad "beleidsbestanden van de repository niet opgemaakt (voer regel fmt uit)"
regel fmt --help >help.out && grep -q '^Gebruik: regel fmt' help.out && ok "--help" || bad "--help"
echo "fmt: $pass passed, $fail failed"
[ $fail -eq 0 ]
