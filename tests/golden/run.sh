#!/bin/sh
# tests/golden/run.sh — golden tests: for every NAME.cmd in a folder (default
# tests/golden; GOLDEN_DIR chooses another), run the tool it names (regel or
# regelc) with its arguments from the source root and compare stdout, stderr
# and exit status with NAME.stdout, NAME.stderr (default: empty) and
# NAME.status (default: 0); NAME.stdin is the standard input.
# With GOLDEN_PLUGINS set (tests/plugin/run.sh), @PLUGINS@ in a command stands
# for that folder and the folder is written back as @PLUGINS@ in the outputs;
# with a NAME.dlerror file the system's dlerror text after "kan de plugin niet
# laden: " must be there and is compared as DLERROR.
# REGEL_GOLDEN_UPDATE=1 rewrites the expected files instead (review the diff!).
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${top_builddir:-$src/_build}
dir=${GOLDEN_DIR:-$src/tests/golden}
label=${GOLDEN_LABEL:-golden}
plugins=${GOLDEN_PLUGINS:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# Write the plugin folder back as @PLUGINS@ (and, with DLERROR=1, the dlerror
# text as DLERROR); fails when that text is missing.
normalize() { # FILE DLERROR
    [ -n "$plugins" ] || return 0
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
    tool=$1
    shift
    case "$tool" in regel | regelc) ;; *)
        echo "FOUT $name: onbekend programma '$tool' in $name.cmd"
        fail=$((fail + 1))
        continue
        ;;
    esac
    if [ -n "$plugins" ]; then # @PLUGINS@ → the folder, keeping the order
        n=$#
        i=0
        while [ "$i" -lt "$n" ]; do
            a=$1
            shift
            case "$a" in *@PLUGINS@*) a="${a%%@PLUGINS@*}$plugins${a#*@PLUGINS@}" ;; esac
            set -- "$@" "$a"
            i=$((i + 1))
        done
    fi
    input=/dev/null
    [ -f "$dir/$name.stdin" ] && input="$dir/$name.stdin"
    dl=0
    [ -f "$dir/$name.dlerror" ] && dl=1
    # REGEL_WRAP runs the tool under another program, e.g. valgrind.
    (cd "$src" && ${REGEL_WRAP:-} "$bin/$tool" "$@" <"$input" >"$tmp/out" 2>"$tmp/err")
    st=$?
    ok=1
    normalize "$tmp/out" 0
    if ! normalize "$tmp/err" "$dl"; then
        echo "FOUT $name: geen tekst van dlerror na 'kan de plugin niet laden: '"
        ok=0
    fi
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
echo "$label: $pass passed, $fail failed"
[ "$pass" -gt 0 ] || { echo "FOUT: geen $label-tests gevonden"; exit 1; }
[ "$fail" -eq 0 ]
