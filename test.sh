#!/bin/sh
# test.sh — runs the whole test suite: every test of `make check` (unit,
# golden, error and corrupted-bytecode tests), `make lint`, the same tests
# again under AddressSanitizer and UndefinedBehaviorSanitizer, the 8-thread
# test under ThreadSanitizer, and `make distcheck` (which also runs `make
# installcheck`: examples/embed built against the installed library). Ends
# with one line "N passed, M failed"; exit status 1 on any failure.
# The HTML report is tested in headless Chromium when it is installed; in CI
# (CI=true) this script installs the Debian packages chromium and poppler-utils.
set -u
cd "$(dirname "$0")"
top=$(pwd)
[ -f _build/Makefile ] || ./bouw.sh || exit 1
jobs=$(nproc)
status=0

stap() {
    echo "== $1"
}

browser="chromium poppler-utils"
if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    if [ "${CI:-}" = true ]; then
        stap "apt-get install $browser (voor de test van het HTML-rapport)"
        if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
        $SUDO apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $browser >/dev/null || status=1
    else
        echo "test.sh: chromium of pdftotext ontbreekt: de test van het HTML-rapport wordt"
        echo "         overgeslagen (installeer met: apt-get install $browser)"
    fi
fi

stap "make check"
make -C _build -j"$jobs" check >_build/check.out 2>&1 || status=1
grep -E '^(# |FAIL|ERROR|XPASS|SKIP)' _build/check.out || true

stap "make lint"
make -C _build lint || status=1

stap "golden- en fouttests onder valgrind"
make -C _build check-valgrind >_build/valgrind.out 2>&1 || {
    status=1
    tail -30 _build/valgrind.out
}
grep -E 'passed' _build/valgrind.out || true

stap "make check met ASan en UBSan"
mkdir -p _san
if [ ! -f _san/Makefile ] || [ configure -nt _san/Makefile ]; then
    (cd _san && ../configure --quiet --enable-sanitizers) || status=1
fi
ASAN_OPTIONS=detect_leaks=1 make -C _san -j"$jobs" check >_san/check.out 2>&1 || status=1
grep -E '^(# |FAIL|ERROR|XPASS)' _san/check.out || true

stap "test met 8 draden onder ThreadSanitizer"
# Criterion cannot start under TSan, so only the thread test (a plain program
# in a TSan build) runs here; the other check programs are only built.
mkdir -p _tsan
if [ ! -f _tsan/Makefile ] || [ configure -nt _tsan/Makefile ]; then
    (cd _tsan && ../configure --quiet --enable-tsan) || status=1
fi
TSAN_OPTIONS="halt_on_error=1" make -C _tsan -j"$jobs" check TESTS=tests/unit/test_threads \
    >_tsan/check.out 2>&1 || {
    status=1
    tail -40 _tsan/check.out
}
grep -E '^(# |FAIL|ERROR)' _tsan/check.out || true
grep -h '^ok threads' _tsan/tests/unit/test_threads.log 2>/dev/null || true

stap "make distcheck"
make -C _build -j"$jobs" distcheck >_build/distcheck.out 2>&1 || {
    status=1
    tail -40 _build/distcheck.out
}
grep -E '^(# TOTAL|# PASS|# FAIL)|archives ready|ready for distribution' _build/distcheck.out || true

# Count the individual tests: criterion tests in the unit logs, one per
# case in the golden and error runners.
passed=0
failed=0
for dir in _build _san _tsan; do
    for log in $(find "$dir/tests" -name '*.log' 2>/dev/null); do
        line=$(grep -a 'Synthesis: Tested' "$log" | tail -1)
        if [ -n "$line" ]; then
            p=$(echo "$line" | sed -n 's/.*Passing: \([0-9]*\).*/\1/p')
            f=$(echo "$line" | sed -n 's/.*Failing: \([0-9]*\).*Crashing: \([0-9]*\).*/\1 \2/p')
            passed=$((passed + ${p:-0}))
            for x in $f; do failed=$((failed + x)); done
        else
            p=$(grep -a -c '^ok ' "$log")
            f=$(grep -a -c '^FOUT ' "$log")
            passed=$((passed + p))
            failed=$((failed + f))
        fi
    done
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
