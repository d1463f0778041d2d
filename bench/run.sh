#!/bin/sh
# bench/run.sh — make bench (issue 11): every benchmark in one invocation.
# Generates the cases, checks that every implementation gives the same
# uitkomsten BEFORE any time is shown, then prints the table and writes
# bench/results.md (in the build directory). Medians of BENCH_RUNS runs.
#
# Environment (set by `make bench`): srcdir, builddir, BENCH_CASES (100000),
# BENCH_RUNS (5), BENCH_JS_CASES (10000: the first cases of the same file),
# BENCH_BATCH_RUNS (3).
set -u

srcdir=${srcdir:-.}
builddir=${builddir:-.}
N=${BENCH_CASES:-100000}
RUNS=${BENCH_RUNS:-5}
JSN=${BENCH_JS_CASES:-10000}
BRUNS=${BENCH_BATCH_RUNS:-3}
test "$JSN" -gt "$N" && JSN=$N

B=$builddir/bench
W=$B/werk
policy=$srcdir/stdlib-policies/inburgering.regel
results=$B/results.md
mkdir -p "$W" || exit 1

fail() {
    echo "bench: $*" >&2
    exit 1
}
say() {
    echo "bench: $*" >&2
}
# value KEY FILE: the number after KEY= in FILE.
value() {
    sed -n "s/^.*$1=\([0-9.]*\).*$/\1/p" "$2" | head -n 1
}
# calc EXPR: floating-point arithmetic with awk (two decimals); whole EXPR: none.
calc() {
    awk "BEGIN { printf \"%.2f\", $1 }"
}
whole() {
    awk "BEGIN { printf \"%.0f\", $1 }"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

# ---- 0. the cases -----------------------------------------------------------
say "$N gevallen maken (bench/gen, zaad 11)"
"$B/gen" "$N" >"$W/gevallen.jsonl" || fail "bench/gen mislukte"
head -n "$JSN" "$W/gevallen.jsonl" >"$W/gevallen-js.jsonl"

# ---- 1. correctness first: the hand-written C against the contract ----------
say "handgeschreven C en libregel tegen tests/golden/inburgering/*.verwacht.json"
: >"$W/golden.jsonl"
: >"$W/golden-verwacht.jsonl"
for f in "$srcdir"/tests/golden/inburgering/*.json; do
    case $f in *.verwacht.json) continue ;; esac
    if ! "$B/compare" --regels "$f" >>"$W/golden.jsonl" ||
        ! "$B/compare" --regels "${f%.json}.verwacht.json" >>"$W/golden-verwacht.jsonl"; then
        fail "$f of zijn .verwacht.json is onleesbaar"
    fi
done
"$B/handwritten" "$W/golden.jsonl" "$W/golden-hand.jsonl" 1 >/dev/null ||
    fail "handgeschreven C faalt op de gouden gevallen"
"$B/compare" "$W/golden-verwacht.jsonl" "$W/golden-hand.jsonl" >/dev/null ||
    fail "handgeschreven C wijkt af van de gouden verwachtingen"
"$B/ours" "$policy" "$W/golden.jsonl" "$W/golden-ours.jsonl" 1 >/dev/null ||
    fail "libregel faalt op de gouden gevallen"
"$B/compare" "$W/golden-verwacht.jsonl" "$W/golden-ours.jsonl" >/dev/null ||
    fail "libregel wijkt af van de gouden verwachtingen"

# ---- 2. every implementation on the same cases (outputs + times) ------------
say "libregel in het proces ($N gevallen, $RUNS keer, uitleg uit en aan)"
"$B/ours" "$policy" "$W/gevallen.jsonl" "$W/ours.jsonl" "$RUNS" >"$W/ours.txt" ||
    fail "bench/ours mislukte"
say "handgeschreven C"
"$B/handwritten" "$W/gevallen.jsonl" "$W/hand.jsonl" "$RUNS" >"$W/hand.txt" ||
    fail "bench/handwritten mislukte"

lua_note=
if ! command -v lua5.4 >/dev/null 2>&1; then
    lua_note="overgeslagen: lua5.4 ontbreekt (apt-get install lua5.4)"
elif ! test -f "$srcdir/bench/lua/inburgering.lua"; then
    lua_note="overgeslagen: bench/lua/inburgering.lua ontbreekt"
else
    say "Lua 5.4"
    lua5.4 "$srcdir/bench/lua/inburgering.lua" "$W/gevallen.jsonl" "$W/lua.jsonl" "$RUNS" \
        >"$W/lua.txt" || fail "bench/lua/inburgering.lua mislukte"
fi

js_note=
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    js_note="overgeslagen: node of npm ontbreekt (apt-get install nodejs npm)"
elif ! test -f "$srcdir/bench/js/inburgering.js" || ! test -f "$srcdir/bench/js/package-lock.json"; then
    js_note="overgeslagen: bench/js/inburgering.js of package-lock.json ontbreekt"
else
    # node_modules lives in the build directory, never in the source tree.
    # (bench/node, not bench/js: in a build inside the source tree that is
    # the source directory itself).
    npmdir=$B/node
    mkdir -p "$npmdir"
    if ! cmp -s "$srcdir/bench/js/package-lock.json" "$npmdir/package-lock.json" ||
        ! test -d "$npmdir/node_modules"; then
        say "npm ci --prefix $npmdir"
        cp "$srcdir/bench/js/package.json" "$srcdir/bench/js/package-lock.json" "$npmdir/" &&
            npm ci --prefix "$npmdir" --no-audit --no-fund >"$W/npm.log" 2>&1 ||
            js_note="overgeslagen: npm ci mislukte (zie $W/npm.log)"
        test -n "$js_note" && rm -f "$npmdir/package-lock.json"
    fi
    if test -z "$js_note"; then
        say "json-rules-engine ($JSN gevallen)"
        NODE_PATH="$npmdir/node_modules" node "$srcdir/bench/js/inburgering.js" \
            "$W/gevallen-js.jsonl" "$W/js.jsonl" "$RUNS" >"$W/js.txt" ||
            fail "bench/js/inburgering.js mislukte"
    fi
fi

# Equal outputs before any time is reported.
say "uitkomsten vergelijken"
"$B/compare" "$W/ours.jsonl" "$W/hand.jsonl" >/dev/null ||
    fail "handgeschreven C geeft andere uitkomsten dan libregel (zie hierboven); geen tijden"
equal="handgeschreven C ($N)"
if test -z "$lua_note"; then
    "$B/compare" "$W/ours.jsonl" "$W/lua.jsonl" >/dev/null ||
        fail "Lua geeft andere uitkomsten dan libregel (zie hierboven); geen tijden"
    equal="$equal, Lua 5.4 ($N)"
fi
if test -z "$js_note"; then
    head -n "$JSN" "$W/ours.jsonl" >"$W/ours-js.jsonl"
    "$B/compare" "$W/ours-js.jsonl" "$W/js.jsonl" >/dev/null ||
        fail "json-rules-engine geeft andere uitkomsten dan libregel (zie hierboven); geen tijden"
    equal="$equal, json-rules-engine ($JSN)"
fi

# ---- 3. compile time ---------------------------------------------------------
say "vertaaltijd van gegenereerde beleiden (1 000, 10 000, 100 000 regels)"
for r in 1000 10000 100000; do
    "$B/gen_policy" --meet "$r" "$RUNS" >"$W/compile-$r.txt" || fail "gen_policy --meet $r mislukte"
done

# ---- 4. batch throughput versus parse-only ----------------------------------
"$builddir/regelc" "$policy" -o "$W/inburgering.rbc" >/dev/null || fail "regelc mislukte"
say "alleen lezen: jansson en de andere JSON-lezers"
"$B/parse_only" "$W/gevallen.jsonl" "$RUNS" >"$W/parse.txt" || fail "parse_only mislukte"
"$B/parse_only" "$W/gevallen.jsonl" "$RUNS" "$W/inburgering.rbc" >"$W/parse-regel.txt" ||
    fail "parse_only met libregel mislukte"
"$B/json_readers" "$W/gevallen.jsonl" "$RUNS" >"$W/readers.txt" || fail "json_readers mislukte"
batch_note=
if "$builddir/regel" --jsonl "$W/inburgering.rbc" <"$W/golden.jsonl" >"$W/golden-batch.jsonl" 2>/dev/null; then
    say "regel --jsonl ($N gevallen, $BRUNS keer, -j 1 en -j 2)"
    "$builddir/regel" --jsonl "$W/inburgering.rbc" <"$W/gevallen.jsonl" >"$W/batch.jsonl" ||
        fail "regel --jsonl mislukte"
    "$B/compare" --veld uitkomsten "$W/ours.jsonl" "$W/batch.jsonl" >/dev/null ||
        fail "regel --jsonl geeft andere uitkomsten dan libregel; geen tijden"
    equal="$equal, regel --jsonl ($N)"
    "$B/herhaal" --invoer "$W/gevallen.jsonl" "$BRUNS" "$builddir/regel" --jsonl -j 1 \
        "$W/inburgering.rbc" >"$W/batch1.txt" || fail "regel --jsonl -j 1 mislukte"
    "$B/herhaal" --invoer "$W/gevallen.jsonl" "$BRUNS" "$builddir/regel" --jsonl -j 2 \
        "$W/inburgering.rbc" >"$W/batch2.txt" || fail "regel --jsonl -j 2 mislukte"
else
    batch_note="volgt: regel --jsonl bestaat nog niet in deze bouw"
fi

# ---- 5. start-up -------------------------------------------------------------
say "opstarttijd: regel op een .rbc met één geval (21 keer)"
head -n 1 "$W/gevallen.jsonl" >"$W/een-geval.json"
"$B/herhaal" 21 "$builddir/regel" "$W/inburgering.rbc" "$W/een-geval.json" >"$W/start.txt" ||
    fail "regel op één geval mislukte"
"$B/herhaal" 21 "$builddir/regel" --json "$W/inburgering.rbc" "$W/een-geval.json" \
    >"$W/start-json.txt" || fail "regel --json op één geval mislukte"
"$B/herhaal" 21 /bin/true >"$W/start-true.txt" || fail "/bin/true mislukte"

# ---- the table -----------------------------------------------------------------
ours_off=$(value ns_per_case "$W/ours.txt")
ours_on=$(value ns_per_case_uitleg "$W/ours.txt")
hand=$(value ns_per_case "$W/hand.txt")
ok() { # ok CONDITION: "ja" or "nee"
    awk "BEGIN { print (($1) ? \"ja\" : \"nee\") }"
}
{
    echo "# Resultaten van make bench"
    echo
    cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m) ${cpu:-?}, $(nproc 2>/dev/null || echo '?') kernen,"
    echo "belasting vooraf $load_before (1, 5, 15 min; /proc/loadavg)."
    echo "$N gevallen (bench/gen, zaad 11), mediaan van $RUNS keer (regel --jsonl: $BRUNS keer)."
    echo "Eerst gelijk bevonden met libregel (bench/compare): $equal; libregel en de"
    echo "handgeschreven C ook met tests/golden/inburgering/*.verwacht.json."
    echo
    echo "## 1–2. Evaluatie van het inburgeringsbeleid, ns per geval"
    echo
    echo "| implementatie | ns per geval | verhouding | doel | gehaald |"
    echo "|---|---:|---|---|---|"
    echo "| libregel, uitleg uit | $(whole "$ours_off") | | < 1000 ns | $(ok "$ours_off < 1000") |"
    echo "| libregel, uitleg aan | $(whole "$ours_on") | aan / uit = $(calc "$ours_on / $ours_off") | ≤ 3 | $(ok "$ours_on <= 3 * $ours_off") |"
    echo "| handgeschreven C | $(whole "$hand") | libregel / C = $(calc "$ours_off / $hand") | ≤ 3 | $(ok "$ours_off <= 3 * $hand") |"
    if test -z "$lua_note"; then
        lua=$(value ns_per_case "$W/lua.txt")
        echo "| Lua 5.4 | $(whole "$lua") | Lua / libregel = $(calc "$lua / $ours_off") | ≥ 2 | $(ok "$lua >= 2 * $ours_off") |"
    else
        echo "| Lua 5.4 | — | $lua_note | ≥ 2 | — |"
    fi
    if test -z "$js_note"; then
        js=$(value ns_per_case "$W/js.txt")
        echo "| json-rules-engine (eerste $JSN gevallen) | $(whole "$js") | json-rules-engine / libregel = $(calc "$js / $ours_off") | ≥ 400 | $(ok "$js >= 400 * $ours_off") |"
    else
        echo "| json-rules-engine | — | $js_note | ≥ 400 | — |"
    fi
    echo
    echo "## 3. Vertaaltijd van gegenereerde beleiden"
    echo
    echo "| regels | ms (wandklok) | ms (processortijd) | µs per regel (processortijd) | bytecode (bytes) |"
    echo "|---:|---:|---:|---:|---:|"
    for r in 1000 10000 100000; do
        ns=$(value ns_compile "$W/compile-$r.txt")
        cpu=$(value ns_compile_cpu "$W/compile-$r.txt")
        echo "| $r | $(calc "$ns / 1e6") | $(calc "$cpu / 1e6") | $(calc "$cpu / 1e3 / $r") | $(value bytes "$W/compile-$r.txt") |"
    done
    c1=$(value ns_compile_cpu "$W/compile-1000.txt")
    c100=$(value ns_compile "$W/compile-100000.txt")
    c100cpu=$(value ns_compile_cpu "$W/compile-100000.txt")
    echo
    echo "100 000 regels: $(calc "$c100 / 1e6") ms wandklok, $(calc "$c100cpu / 1e6") ms processortijd"
    echo "(doel < 1000 ms: $(ok "$c100 < 1e9")). Per regel kost 100 000 regels"
    echo "$(calc "($c100cpu / 100000) / ($c1 / 1000)")× zoveel processortijd als 1 000 regels (lineair: ≈ 1)."
    echo
    echo "## 4. Batch tegenover alleen lezen"
    echo
    parse=$(value ns_per_case "$W/parse.txt")
    echo "| lezen of beslissen | ns per geval | gevallen/s | MB/s |"
    echo "|---|---:|---:|---:|"
    echo "| jansson, alleen lezen (de vloer) | $(whole "$parse") | $(whole "1e9 / $parse") | $(value MB_per_s "$W/parse.txt") |"
    parse_regel=$(value ns_per_case "$W/parse-regel.txt")
    echo "| libregel leest het geval (regel_case_from_json), zonder evalueren | $(whole "$parse_regel") | $(whole "1e9 / $parse_regel") | $(value MB_per_s "$W/parse-regel.txt") |"
    grep '^lezer=' "$W/readers.txt" | while read -r line; do
        name=$(echo "$line" | sed 's/^lezer=\([^ ]*\).*/\1/')
        case $line in
        *overgeslagen*) echo "| $name, alleen lezen | — | $(echo "$line" | sed 's/^lezer=[^ ]* //') | — |" ;;
        *)
            ns=$(echo "$line" | sed 's/.*ns_per_case=\([0-9.]*\).*/\1/')
            mb=$(echo "$line" | sed 's/.*MB_per_s=\([0-9.]*\).*/\1/')
            echo "| $name, alleen lezen | $(whole "$ns") | $(whole "1e9 / $ns") | $mb |"
            ;;
        esac
    done
    if test -z "$batch_note"; then
        bytes=$(wc -c <"$W/gevallen.jsonl")
        for j in 1 2; do
            run=$(value ns_per_run "$W/batch$j.txt")
            echo "| regel --jsonl -j $j (hele proces) | $(whole "$run / $N") | $(whole "$N * 1e9 / $run") | $(calc "$bytes * 1e3 / $run") |"
        done
        run1=$(value ns_per_run "$W/batch1.txt")
        echo
        echo "regel --jsonl -j 1 haalt $(whole "100 * $parse * $N / $run1") % van de doorvoer van jansson die alleen leest"
        echo "(doel ≥ 70 %: $(ok "$parse * $N / $run1 >= 0.7")), en $(whole "100 * $parse_regel * $N / $run1") % van die van libregel"
        echo "die alleen het geval leest (de vloer van de lezer die libregel nu gebruikt)."
    else
        echo
        echo "regel --jsonl: $batch_note."
    fi
    echo
    echo "## 5. Opstarttijd"
    echo
    st=$(value ns_per_run "$W/start.txt")
    echo "| opdracht | ms (mediaan van 21) | ms (snelste) |"
    echo "|---|---:|---:|"
    echo "| regel inburgering.rbc een-geval.json | $(calc "$st / 1e6") | $(calc "$(value ns_min "$W/start.txt") / 1e6") |"
    echo "| regel --json inburgering.rbc een-geval.json | $(calc "$(value ns_per_run "$W/start-json.txt") / 1e6") | $(calc "$(value ns_min "$W/start-json.txt") / 1e6") |"
    echo "| /bin/true (een proces starten) | $(calc "$(value ns_per_run "$W/start-true.txt") / 1e6") | $(calc "$(value ns_min "$W/start-true.txt") / 1e6") |"
    echo
    echo "Doel < 5 ms: $(ok "$st < 5e6")."
} >"$results" || fail "kan $results niet schrijven"
cat "$results"
echo
echo "bench: geschreven naar $results"
