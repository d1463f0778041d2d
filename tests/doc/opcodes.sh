#!/bin/sh
# tests/doc/opcodes.sh — the opcode table in doc/bytecode.md must name every
# opcode of runtime/opcodes.def with its opcode byte (its position in
# opcodes.def), so the documentation cannot drift.
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
pass=0
fail=0
n=0
for op in $(sed -n 's/^OP(\([A-Z_]*\),.*/\1/p' "$src/runtime/opcodes.def"); do
    if ! grep -q "\`$op\`" "$src/doc/bytecode.md"; then
        echo "FOUT $op: ontbreekt in doc/bytecode.md"
        fail=$((fail + 1))
    elif ! grep -q "^| $n | \`$op\` |" "$src/doc/bytecode.md"; then
        echo "FOUT $op: de tabel in §8 van doc/bytecode.md geeft niet opcode $n"
        fail=$((fail + 1))
    else
        echo "ok $op"
        pass=$((pass + 1))
    fi
    n=$((n + 1))
done
echo "opcodes: $pass passed, $fail failed"
[ "$pass" -gt 0 ] && [ "$fail" -eq 0 ]
