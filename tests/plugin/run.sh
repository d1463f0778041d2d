#!/bin/sh
# tests/plugin/run.sh — `regel --plugin` (issue 8) as golden tests: the cases
# in tests/plugin/verwacht run through tests/golden/run.sh with @PLUGINS@
# standing for the folder of the test plugins that `make check` builds
# ($top_builddir/tests/plugin/.libs). REGEL_GOLDEN_UPDATE=1 rewrites them.
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${top_builddir:-$src/_build}
plugins="$bin/tests/plugin/.libs"
if [ ! -f "$plugins/werkdagen.so" ]; then
    echo "FOUT: $plugins/werkdagen.so ontbreekt (make check bouwt de testplugins)"
    exit 1
fi
GOLDEN_DIR="$src/tests/plugin/verwacht" GOLDEN_LABEL=plugin GOLDEN_PLUGINS="$plugins" \
    exec sh "$src/tests/golden/run.sh"
