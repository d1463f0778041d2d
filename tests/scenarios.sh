#!/bin/sh
# tests/scenarios.sh — run every scenario of the repository (the policies in
# stdlib-policies/ and examples/) with `regel test --dekking`, so `make check`
# fails when a scenario fails or a policy with scenarios does not compile.
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
bin=${top_builddir:-$src/_build}
cd "$src" || exit 1
exec ${REGEL_WRAP:-} "$bin/regel" test --dekking stdlib-policies examples
