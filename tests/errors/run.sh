#!/bin/sh
# tests/errors/run.sh — error tests: every NAME.regel in this folder is a bad
# policy; `regelc --controleer tests/errors/NAME.regel` (run from the source
# root) must exit 1 and print exactly NAME.verwacht on stderr, nothing on stdout.
# REGEL_GOLDEN_UPDATE=1 rewrites the .verwacht files instead (review the diff!).
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${top_builddir:-$src/_build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for f in "$src"/tests/errors/*.regel; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .regel)
    (cd "$src" && ${REGEL_WRAP:-} "$bin/regelc" --controleer "tests/errors/$name.regel" >"$tmp/out" 2>"$tmp/err")
    st=$?
    if [ "${REGEL_GOLDEN_UPDATE:-}" = 1 ]; then
        cp "$tmp/err" "$src/tests/errors/$name.verwacht"
        echo "ok $name (bijgewerkt)"
        pass=$((pass + 1))
        continue
    fi
    ok=1
    [ "$st" -eq 1 ] || { echo "FOUT $name: afsluitstatus $st, verwacht 1"; ok=0; }
    [ -s "$tmp/out" ] && { echo "FOUT $name: uitvoer op stdout"; ok=0; }
    if ! diff -u "$src/tests/errors/$name.verwacht" "$tmp/err" >"$tmp/diff"; then
        echo "FOUT $name: foutmelding wijkt af"
        cat "$tmp/diff"
        ok=0
    fi
    if [ "$ok" = 1 ]; then
        echo "ok $name"
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
    fi
done
echo "fouttests: $pass passed, $fail failed"
[ "$pass" -gt 0 ] || { echo "FOUT: geen fouttests gevonden"; exit 1; }
[ "$fail" -eq 0 ]
