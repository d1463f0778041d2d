#!/bin/sh
# tests/golden/run.sh — golden tests: for every NAME.cmd in this folder, run
# the tool it names (regel or regelc) with its arguments from the source
# root and compare stdout, stderr and exit status with NAME.stdout,
# NAME.stderr (default: empty) and NAME.status (default: 0).
# REGEL_GOLDEN_UPDATE=1 rewrites the expected files instead (review the diff!).
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${top_builddir:-$src/_build}
dir="$src/tests/golden"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for cmd in "$dir"/*.cmd; do
    [ -e "$cmd" ] || continue
    name=$(basename "$cmd" .cmd)
    set -- $(cat "$cmd")
    tool=$1
    shift
    case "$tool" in regel | regelc) ;; *)
        echo "FOUT $name: onbekend programma '$tool' in $name.cmd"
        fail=$((fail + 1))
        continue
        ;;
    esac
    input=/dev/null
    [ -f "$dir/$name.stdin" ] && input="$dir/$name.stdin"
    # REGEL_WRAP runs the tool under another program, e.g. valgrind.
    (cd "$src" && ${REGEL_WRAP:-} "$bin/$tool" "$@" <"$input" >"$tmp/out" 2>"$tmp/err")
    st=$?
    if [ "${REGEL_GOLDEN_UPDATE:-}" = 1 ]; then
        cp "$tmp/out" "$dir/$name.stdout"
        if [ -s "$tmp/err" ]; then cp "$tmp/err" "$dir/$name.stderr"; else rm -f "$dir/$name.stderr"; fi
        if [ "$st" -ne 0 ]; then echo "$st" >"$dir/$name.status"; else rm -f "$dir/$name.status"; fi
        echo "ok $name (bijgewerkt)"
        pass=$((pass + 1))
        continue
    fi
    want_status=0
    [ -f "$dir/$name.status" ] && want_status=$(cat "$dir/$name.status")
    [ -f "$dir/$name.stderr" ] && cp "$dir/$name.stderr" "$tmp/want_err" || : >"$tmp/want_err"
    ok=1
    if [ "$st" != "$want_status" ]; then
        echo "FOUT $name: afsluitstatus $st, verwacht $want_status"
        ok=0
    fi
    if ! diff -u "$dir/$name.stdout" "$tmp/out" >"$tmp/diff"; then
        echo "FOUT $name: stdout wijkt af"
        cat "$tmp/diff"
        ok=0
    fi
    if ! diff -u "$tmp/want_err" "$tmp/err" >"$tmp/diff"; then
        echo "FOUT $name: stderr wijkt af"
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
echo "golden: $pass passed, $fail failed"
[ "$pass" -gt 0 ] || { echo "FOUT: geen golden tests gevonden"; exit 1; }
[ "$fail" -eq 0 ]
