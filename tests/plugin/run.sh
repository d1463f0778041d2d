#!/bin/sh
# tests/plugin/run.sh — `regel --plugin` (issue 8), golden style: for every
# NAME.cmd in tests/plugin/verwacht run `regel` with its arguments from the
# source root and compare stdout, stderr and exit status with NAME.stdout,
# NAME.stderr (default: empty) and NAME.status (default: 0); NAME.stdin is
# the standard input. @PLUGINS@ in a command stands for the folder with the
# built test plugins ($top_builddir/tests/plugin/.libs) and is written back
# in the outputs. With NAME.dlerror the system's dlerror text after "kan de
# plugin niet laden: " must be there and is compared as DLERROR.
# REGEL_PLUGIN_UPDATE=1 rewrites the expected files instead (review the diff!).
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${top_builddir:-$src/_build}
dir="$src/tests/plugin/verwacht"
plugins="$bin/tests/plugin/.libs"
if [ ! -f "$plugins/werkdagen.so" ]; then
    echo "FOUT: $plugins/werkdagen.so ontbreekt (make check bouwt de testplugins)"
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
# Replace the plugin folder by @PLUGINS@ (and, with a .dlerror file, the
# dlerror text by DLERROR); fails when that text is missing.
normalize() { # FILE DLERROR?
    sed "s|$plugins|@PLUGINS@|g" "$1" >"$1.n"
    if [ "$2" = 1 ]; then
        grep -q 'kan de plugin niet laden: ..*' "$1.n" || return 1
        sed 's|\(kan de plugin niet laden: \).*|\1DLERROR|' "$1.n" >"$1.d" && mv "$1.d" "$1.n"
    fi
    mv "$1.n" "$1"
}
for cmd in "$dir"/*.cmd; do
    [ -e "$cmd" ] || continue
    name=$(basename "$cmd" .cmd)
    set -- $(cat "$cmd")
    if [ "${1:-}" != regel ]; then
        echo "FOUT $name: $name.cmd moet met 'regel' beginnen"
        fail=$((fail + 1))
        continue
    fi
    shift
    n=$#
    i=0
    while [ "$i" -lt "$n" ]; do # @PLUGINS@ → the folder, keeping the order
        a=$1
        shift
        case "$a" in *@PLUGINS@*) a="${a%%@PLUGINS@*}$plugins${a#*@PLUGINS@}" ;; esac
        set -- "$@" "$a"
        i=$((i + 1))
    done
    input=/dev/null
    [ -f "$dir/$name.stdin" ] && input="$dir/$name.stdin"
    dl=0
    [ -f "$dir/$name.dlerror" ] && dl=1
    # REGEL_WRAP runs the tool under another program, e.g. valgrind.
    (cd "$src" && ${REGEL_WRAP:-} "$bin/regel" "$@" <"$input" >"$tmp/out" 2>"$tmp/err")
    st=$?
    normalize "$tmp/out" 0
    ok=1
    if ! normalize "$tmp/err" "$dl"; then
        echo "FOUT $name: geen tekst van dlerror na 'kan de plugin niet laden: '"
        ok=0
    fi
    if [ "${REGEL_PLUGIN_UPDATE:-}" = 1 ]; then
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
echo "plugin: $pass passed, $fail failed"
[ "$pass" -gt 0 ] || { echo "FOUT: geen plugintests gevonden"; exit 1; }
[ "$fail" -eq 0 ]
