#!/bin/sh
# tests/abi/exports.sh — the shared library libregel exports only the public
# regel_* API (hidden visibility plus libtool's export list), and exports it all.
set -u
bin=${top_builddir:-$(cd "$(dirname "$0")/../.." && pwd)/_build}
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
so=$(ls "$bin"/.libs/libregel.so.* 2>/dev/null | head -1)
if [ -z "$so" ]; then
    echo "libregel.so niet gebouwd (--disable-shared); overgeslagen"
    exit 77
fi
pass=0
fail=0
syms=$(nm -D --defined-only "$so" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sed 's/@.*//' | sort -u)
for s in $syms; do
    case "$s" in
    regel_*) echo "ok $s"; pass=$((pass + 1)) ;;
    *) echo "FOUT $s: niet-publiek symbool geëxporteerd"; fail=$((fail + 1)) ;;
    esac
done
# Every function declared in regel.h is exported.
for f in $(sed -n 's/^REGEL_API [^(]*[ *]\(regel_[a-z_]*\)(.*/\1/p' "$src/runtime/regel.h"); do
    if echo "$syms" | grep -qx "$f"; then :; else
        echo "FOUT $f: staat in regel.h maar wordt niet geëxporteerd"
        fail=$((fail + 1))
    fi
done
echo "abi: $pass passed, $fail failed"
[ "$pass" -gt 0 ] && [ "$fail" -eq 0 ]
