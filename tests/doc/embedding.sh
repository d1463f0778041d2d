#!/bin/sh
# tests/doc/embedding.sh — the C blocks of doc/embedding.md stay true: every
# "```c program NAME" block is compiled warning-free, linked against the
# built libregel.la and run from the source tree (exit 0); the "```c plugin
# NAME" block is built as a shared library and used with `regel --plugin`;
# every statement of a plain "```c" block must appear in runtime/regel.h; and
# every REGEL_API function of regel.h is named in the guide.
set -u
bin=${top_builddir:-$(cd "$(dirname "$0")/../.." && pwd)/_build}
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
doc="$src/doc/embedding.md"
hdr="$src/runtime/regel.h"
pass=0
fail=0
ok() {
    echo "ok $1"
    pass=$((pass + 1))
}
fout() {
    echo "FOUT $1"
    fail=$((fail + 1))
}

# Compiler and flags of this build (a sanitizer build links with its flags).
mkvar() {
    sed -n "s/^$1 = //p" "$bin/Makefile" | head -1
}
CC=$(mkvar CC)
WARN=$(mkvar WARN_CFLAGS)
SANC=$(mkvar SAN_CFLAGS)
SANL=$(mkvar SAN_LDFLAGS)
if [ -z "$CC" ] || [ ! -f "$bin/libregel.la" ]; then
    echo "geen bouwmap met libregel.la in $bin; overgeslagen"
    exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/embedding.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# Split the guide: blocks go to $tmp/<kind>-<name>.c (declarations: decl-N.c).
awk -v dir="$tmp" '
    /^```c( |$)/ {
        kind = $2; name = $3
        if (kind == "") { kind = "decl"; name = ++n }
        file = dir "/" kind "-" name ".c"; inblock = 1; next
    }
    /^```/ { if (inblock) close(file); inblock = 0; next }
    inblock { print > file }
' "$doc"

# 1. Declarations: each statement (or # line), without white space, must
#    occur in the header with its white space removed.
tr -d ' \t\n' <"$hdr" >"$tmp/header.norm"
for f in "$tmp"/decl-*.c; do
    [ -f "$f" ] || continue
    awk '/^#/ { gsub(/[ \t]/, ""); print; next }
         { buf = buf $0 }
         /;[ \t]*$/ { gsub(/[ \t]/, "", buf); print buf; buf = "" }
         END { if (buf != "") { gsub(/[ \t]/, "", buf); print buf } }' "$f" >"$tmp/items"
    bad=0
    while IFS= read -r item; do
        [ -n "$item" ] || continue
        if ! grep -qF -- "$item" "$tmp/header.norm"; then
            fout "$(basename "$f"): staat niet zo in regel.h: $item"
            bad=1
        fi
    done <"$tmp/items"
    [ $bad -eq 0 ] && ok "declaraties $(basename "$f" .c) komen overeen met regel.h"
done

# 2. Every public function of regel.h is documented.
missing=0
for fn in $(sed -n 's/^REGEL_API [^(]*[ *]\(regel_[a-z_0-9]*\)(.*/\1/p' "$hdr"); do
    if grep -q "\\b$fn\\b" "$doc"; then :; else
        fout "$fn staat in regel.h maar niet in doc/embedding.md"
        missing=$((missing + 1))
    fi
done
[ $missing -eq 0 ] && ok "elke REGEL_API-functie staat in doc/embedding.md"

# 3. Full programs: compile, link, run from the source tree.
for f in "$tmp"/program-*.c; do
    [ -f "$f" ] || continue
    name=$(basename "$f" .c)
    name=${name#program-}
    # shellcheck disable=SC2086
    if ! $CC -std=c11 $WARN -Werror $SANC -pthread -I"$src/runtime" -c "$f" -o "$tmp/$name.o" \
        >"$tmp/$name.log" 2>&1; then
        fout "programma $name compileert niet:"
        cat "$tmp/$name.log"
        continue
    fi
    # shellcheck disable=SC2086
    if ! "$bin/libtool" --quiet --mode=link --tag=CC $CC $SANL -pthread -o "$tmp/$name" \
        "$tmp/$name.o" "$bin/libregel.la" >"$tmp/$name.log" 2>&1; then
        fout "programma $name linkt niet tegen libregel.la:"
        cat "$tmp/$name.log"
        continue
    fi
    if (cd "$src" && "$tmp/$name") >"$tmp/$name.out" 2>&1; then
        ok "programma $name: gebouwd en uitgevoerd"
    else
        fout "programma $name faalt:"
        tail -20 "$tmp/$name.out"
    fi
done

# 4. The plugin: a shared library used by `regel --plugin`.
for f in "$tmp"/plugin-*.c; do
    [ -f "$f" ] || continue
    name=$(basename "$f" .c)
    name=${name#plugin-}
    # shellcheck disable=SC2086
    if ! $CC -std=c11 $WARN -Werror -shared -fPIC -I"$src/runtime" "$f" -o "$tmp/$name.so" \
        >"$tmp/$name.log" 2>&1; then
        fout "plugin $name bouwt niet:"
        cat "$tmp/$name.log"
        continue
    fi
    echo '{"peildatum": "2023-04-01", "start_traject": "2023-03-01", "vdab_aanmelding": "2023-03-24"}' \
        >"$tmp/geval.json"
    "$bin/regel" --plugin "$tmp/$name.so" "$src/examples/embed/werkdagen.regel" "$tmp/geval.json" \
        >"$tmp/$name.out" 2>&1
    if grep -qF 'werkdagen_tussen(1 maart 2023, 24 maart 2023) = 17' "$tmp/$name.out"; then
        ok "plugin $name: regel --plugin roept werkdagen_tussen aan"
    else
        fout "plugin $name: regel --plugin gaf niet het verwachte resultaat:"
        cat "$tmp/$name.out"
    fi
done

echo "embedding: $pass passed, $fail failed"
[ "$pass" -gt 0 ] && [ "$fail" -eq 0 ]
