#!/bin/sh
# tests/fuzz/replay.sh — replays every fuzz harness (issue 9) without
# libFuzzer over the repository's own policies, their bytecode and the
# example cases (the seed corpora of `make fuzz`) and over the regression
# inputs in tests/fuzz/regressie/HARNESS/ (inputs that once crashed or hung a
# harness). A crash, sanitizer report or trap fails the test.
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${top_builddir:-$src/_build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/source" "$tmp/bytecode" "$tmp/case" "$tmp/operands"
for f in "$src"/stdlib-policies/*.regel "$src"/examples/*.regel "$src"/tests/golden/beleid/*.regel; do
    b=$(basename "$(dirname "$f")")-$(basename "$f" .regel)
    cp "$f" "$tmp/source/$b.regel"
    "$bin/regelc" "$f" -o "$tmp/bytecode/$b.rbc" >/dev/null 2>&1 || rm -f "$tmp/bytecode/$b.rbc"
done
cp "$src"/stdlib-policies/gevallen/*.json "$src"/examples/gevallen/*.json "$tmp/case/"
# fuzz_operands reads its input as (instruction, operand) edits: any bytes do.
printf 'abcdefgh' >"$tmp/operands/a"
printf '\377\377\377\377\000\000\000\000\001' >"$tmp/operands/b"
pass=0
fail=0
for h in source bytecode case operands roundtrip fmt json_tree; do
    seeds=$h
    [ $h = json_tree ] && seeds=case
    [ $h = roundtrip ] && seeds=source
    [ $h = fmt ] && seeds=source
    set -- "$tmp/$seeds"/*
    for r in "$src/tests/fuzz/regressie/fuzz_$h"/*; do
        [ -f "$r" ] && set -- "$@" "$r"
    done
    if ${REGEL_WRAP:-} "$bin/tests/fuzz/replay_$h" "$@" >"$tmp/out" 2>&1; then
        echo "ok replay_$h ($# invoer)"
        pass=$((pass + 1))
    else
        echo "FOUT replay_$h"
        tail -n 30 "$tmp/out"
        fail=$((fail + 1))
    fi
done
echo "fuzz-replay: $pass passed, $fail failed"
[ $fail -eq 0 ]
