#!/bin/sh
# tests/inburgering.sh — every case in tests/golden/inburgering/ (copied from
# ../shared/inburgering/gevallen/) must give exactly its .verwacht.json
# outcomes through `regel --json stdlib-policies/inburgering.regel CASE`.
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
bin=${top_builddir:-$src/_build}
dir="$src/tests/golden/inburgering"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for want in "$dir"/*.verwacht.json; do
    [ -e "$want" ] || continue
    name=$(basename "$want" .verwacht.json)
    if ! (cd "$src" && ${REGEL_WRAP:-} "$bin/regel" --json stdlib-policies/inburgering.regel \
        "$dir/$name.json" >"$tmp/out" 2>"$tmp/err"); then
        echo "FOUT $name: regel faalde"
        cat "$tmp/err"
        fail=$((fail + 1))
        continue
    fi
    if "$bin/tests/unit/uitkomsten_gelijk" "$tmp/out" "$want"; then
        echo "ok $name"
        pass=$((pass + 1))
    else
        echo "FOUT $name: uitkomsten wijken af"
        fail=$((fail + 1))
    fi
done
echo "$pass geslaagd, $fail mislukt"
[ "$pass" -gt 0 ] && [ "$fail" -eq 0 ]
