#!/bin/sh
# tests/html/run.sh — the HTML motivering in headless Chromium (spec7 §4.6):
# for four sample cases render the page, take PNG screenshots (1280 wide, and
# 640 wide at scale 2 = 200% zoom), print it to PDF and check with pdftotext
# that the beleid, every uitkomst, every deciding rule with the start of its
# citaat and the fact values are in it; then render a COPY with an injected
# overflow check (tests/html/overflow.js) at 1280, 640 and 320 px wide.
# SKIP (77) with a visible message when chromium or pdftotext is missing.
#
# Environment: REGEL_HTML_CMD / REGEL_JSON_CMD (a command that gets BELEID
# GEVAL appended; default "$top_builddir/regel --formaat html" / "--json"),
# CHROMIUM (the browser binary), HTML_UITVOER=dir keeps the pages, PNGs and
# PDFs there.
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${top_builddir:-$src/_build}

chromium=${CHROMIUM:-}
if [ -z "$chromium" ]; then
    for c in chromium chromium-browser google-chrome; do
        if command -v "$c" >/dev/null 2>&1; then
            chromium=$c
            break
        fi
    done
fi
# A skip message goes to the log and, when the harness passes fd 9 (automake:
# AM_TESTS_FD_REDIRECT = 9>&2), to the terminal too.
skip() {
    echo "OVERGESLAGEN: $1 (apt-get install chromium poppler-utils)"
    if { true >&9; } 2>/dev/null; then
        echo "OVERGESLAGEN: tests/html/run.sh: $1 (apt-get install chromium poppler-utils)" >&9
    fi
    exit 77
}
if [ -z "$chromium" ] || ! command -v "$chromium" >/dev/null 2>&1; then
    skip "chromium is niet geïnstalleerd"
fi
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
    skip "pdftotext is niet geïnstalleerd"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=${HTML_UITVOER:-$tmp}
mkdir -p "$out" || exit 1
out=$(cd "$out" && pwd)

render_html() { # BELEID GEVAL
    if [ -n "${REGEL_HTML_CMD:-}" ]; then
        eval "$REGEL_HTML_CMD \"\$1\" \"\$2\""
    else
        ${REGEL_WRAP:-} "$bin/regel" --formaat html "$1" "$2"
    fi
}

render_json() { # BELEID GEVAL
    if [ -n "${REGEL_JSON_CMD:-}" ]; then
        eval "$REGEL_JSON_CMD \"\$1\" \"\$2\""
    else
        ${REGEL_WRAP:-} "$bin/regel" --json "$1" "$2"
    fi
}

to=
if command -v timeout >/dev/null 2>&1; then
    to="timeout 120"
fi

# Headless chromium with its own profile; messages go to chromium.err.
chrome() {
    $to "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --no-first-run --no-default-browser-check --disable-extensions \
        --user-data-dir="$tmp/profiel" "$@" 2>>"$tmp/chromium.err"
}

# "W H" of a PNG file; fails when it is not a PNG.
png_size() {
    sig=$(od -An -tx1 -N16 "$1" | tr -d ' \n')
    case $sig in
    89504e470d0a1a0a????????49484452) ;;
    *) return 1 ;;
    esac
    # shellcheck disable=SC2046
    set -- $(od -An -tu1 -j16 -N8 "$1")
    [ $# -eq 8 ] || return 1
    w=$(($1 * 16777216 + $2 * 65536 + $3 * 256 + $4))
    echo "$w $(($5 * 16777216 + $6 * 65536 + $7 * 256 + $8))"
}

# HTML entities of the renderer back to text.
unhtml() {
    sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e 's/&amp;/\&/g'
}

# From `regel --json`: "beleid<TAB>…", "uitkomst<TAB>…", "regel<TAB>…",
# "citaat<TAB>first six words"; "uitleg<TAB>…" per explained uitkomst.
json_keys() {
    awk '
    function str(line, key) {
        sub("^ *\"" key "\": \"", "", line)
        sub("\",?$", "", line)
        gsub(/\\"/, "\"", line)
        gsub(/\\\//, "/", line)
        gsub(/\\\\/, "\\", line)
        return line
    }
    /^  "beleid": "/ { print "beleid\t" str($0, "beleid") }
    /^  "uitkomsten": \{$/ { inu = 1; next }
    inu && /^  }/ { inu = 0 }
    inu && /^    "/ { k = $0; sub(/^    "/, "", k); sub(/": .*/, "", k); print "uitkomst\t" k }
    /^  "uitleg": \{$/ { inl = 1; next }
    inl && /^  }/ { inl = 0 }
    inl && /^    "[^"]*": \{/ {
        k = $0; sub(/^    "/, "", k); sub(/": .*/, "", k); print "uitleg\t" k
    }
    inl && /^      "regel": "/ { print "regel\t" str($0, "regel") }
    inl && /^      "citaat": "/ {
        c = str($0, "citaat"); n = split(c, w, " "); s = ""
        for (i = 1; i <= n && i <= 6; i++) s = s (i > 1 ? " " : "") w[i]
        print "citaat\t" s
    }'
}

# Without whitespace, so line breaks in the PDF do not matter.
squash() {
    tr -d ' \t\n\r\f'
}

pass=0
fail=0
failed() {
    echo "FOUT $label: $*"
    bad=1
}

while IFS='|' read -r label policy case; do
    [ -n "$label" ] || continue
    bad=0
    page="$out/$label.html"
    if ! (cd "$src" && render_html "$policy" "$case") >"$page" 2>"$tmp/err"; then
        failed "de HTML-uitvoer faalde"
        cat "$tmp/err"
        fail=$((fail + 1))
        continue
    fi
    if ! (cd "$src" && render_json "$policy" "$case") >"$tmp/$label.json" 2>"$tmp/err"; then
        failed "de JSON-uitvoer faalde"
        cat "$tmp/err"
        fail=$((fail + 1))
        continue
    fi
    bytes=$(wc -c <"$page" | tr -d ' ')
    head -n 2 "$page" | tr '\n' ' ' | grep -q '^<!DOCTYPE html> <html lang="nl">' ||
        failed "de pagina begint niet met <!DOCTYPE html> en <html lang=\"nl\">"
    grep -qi '<script' "$page" && failed "de pagina bevat een script"
    grep -qiE '(src|href)="(https?:)?//' "$page" && failed "de pagina verwijst naar buiten"

    # screenshots: 1280 × 1600, and 640 × 800 at scale 2 (200% zoom)
    chrome --window-size=1280,1600 --virtual-time-budget=2000 \
        --screenshot="$out/$label.png" "file://$page" >/dev/null
    size=$(png_size "$out/$label.png") || size=geen
    [ "$size" = "1280 1600" ] || failed "$label.png is geen PNG van 1280 × 1600 ($size)"
    # an empty white screenshot of this size is about 9 kB; the page is far more
    [ "$(wc -c <"$out/$label.png")" -gt 30000 ] || failed "$label.png lijkt leeg"
    chrome --window-size=640,800 --force-device-scale-factor=2 --virtual-time-budget=2000 \
        --screenshot="$out/$label-200.png" "file://$page" >/dev/null
    size2=$(png_size "$out/$label-200.png") || size2=geen
    [ "$size2" = "1280 1600" ] || failed "$label-200.png is geen PNG van 1280 × 1600 ($size2)"
    [ "$(wc -c <"$out/$label-200.png")" -gt 30000 ] || failed "$label-200.png lijkt leeg"

    # PDF (A4) and its text
    chrome --no-pdf-header-footer --virtual-time-budget=2000 \
        --print-to-pdf="$out/$label.pdf" "file://$page" >/dev/null
    pages=$(pdfinfo "$out/$label.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    pdfinfo "$out/$label.pdf" 2>/dev/null | grep -q '^Page size:.*(A4)' ||
        failed "$label.pdf is geen A4-document"
    pdftotext -enc UTF-8 "$out/$label.pdf" "$tmp/$label.txt" 2>/dev/null ||
        failed "pdftotext kon $label.pdf niet lezen"
    squash <"$tmp/$label.txt" >"$tmp/$label.sq"
    json_keys <"$tmp/$label.json" >"$tmp/$label.keys"
    # every fact value shown on the page (<dd>) must be printed too
    sed -n 's/.*<dd>\([^<]*\)<\/dd>.*/feit\t\1/p' "$page" | unhtml | sort -u >>"$tmp/$label.keys"
    n_keys=0
    n_regels=0
    n_feiten=0
    n_uitleg=0
    tab=$(printf '\t')
    while IFS="$tab" read -r kind text; do
        case $kind in
        uitleg)
            n_uitleg=$((n_uitleg + 1))
            continue
            ;;
        regel) n_regels=$((n_regels + 1)) ;;
        feit) n_feiten=$((n_feiten + 1)) ;;
        esac
        n_keys=$((n_keys + 1))
        key=$(printf '%s' "$text" | squash)
        [ -n "$key" ] || continue
        grep -F -q -e "$key" "$tmp/$label.sq" || failed "niet in de PDF: $kind ‘$text’"
    done <"$tmp/$label.keys"
    [ "$n_regels" -gt 0 ] || failed "geen enkele beslissende regel in de JSON-uitleg"
    [ "$n_feiten" -gt 0 ] || failed "geen enkel feit op de pagina"
    # every explained uitkomst has its legal ground on the page
    n_grond=$(grep -c '^<h3>Juridische grond</h3>$' "$page")
    [ "$n_grond" -ge "$n_uitleg" ] ||
        failed "$n_uitleg uitkomsten met uitleg, maar $n_grond keer ‘Juridische grond’"

    # overflow at 1280, 640 (200% zoom) and 320 px (400% zoom: chromium's
    # window is at least 500 px wide, so a 640 px window with CSS zoom 2)
    widths=
    for w in 1280 640 320; do
        zoom=1
        win=$w
        if [ "$w" -lt 500 ]; then
            zoom=2
            win=$((w * 2))
        fi
        awk -v js="$src/tests/html/overflow.js" -v zoom="$zoom" '
            /<\/head>/ && zoom != 1 { print "<style>html{zoom:" zoom "}</style>" }
            /<\/body>/ { print "<script>"; while ((getline l < js) > 0) print l; print "</script>" }
            { print }' "$page" >"$tmp/$label.check.html"
        chrome --window-size="$win,900" --virtual-time-budget=3000 --dump-dom \
            "file://$tmp/$label.check.html" >"$tmp/$label.dom.$w"
        sed -n '/<pre id="overloop-verslag">OVERLOOP-BEGIN/,/OVERLOOP-EINDE/p' \
            "$tmp/$label.dom.$w" | sed -e 's/^<pre id="overloop-verslag">//' \
            -e 's/<\/pre>.*//' | unhtml >"$tmp/$label.ov"
        if ! grep -q '^OVERLOOP-EINDE$' "$tmp/$label.ov"; then
            failed "de overloopcontrole liep niet op $w px"
            continue
        fi
        venster=$(sed -n 's/^OVERLOOP-BEGIN venster=\([0-9]*\).*/\1/p' "$tmp/$label.ov")
        if [ -z "$venster" ] || [ "$venster" -gt "$win" ] || [ "$venster" -lt $((win - 20)) ]; then
            failed "het venster is ${venster:-?} px breed in plaats van $win px"
            venster=0
        fi
        n_over=$(($(wc -l <"$tmp/$label.ov") - 2))
        if [ "$n_over" -ne 0 ]; then
            failed "$n_over elementen lopen over op $w px:"
            sed -e '1d' -e '$d' -e 's/^/    /' "$tmp/$label.ov" | head -n 20
        fi
        widths="$widths $((venster / zoom))"
    done

    if [ "$bad" -eq 0 ]; then
        echo "ok $label: $bytes bytes HTML, PNG $size en $size2 (200%), PDF $pages blz. A4," \
            "$n_keys teksten in de PDF ($n_regels regels, $n_feiten feitwaarden)," \
            "geen overloop bij een breedte van$widths px"
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
    fi
done <<'EOF'
positief-nieuwkomer|stdlib-policies/inburgering.regel|stdlib-policies/gevallen/01-nieuwkomer-net-gestart.json
uitzondering-vrijgesteld|stdlib-policies/inburgering.regel|stdlib-policies/gevallen/04-vrijgesteld-ernstig-ziek.json
b1-test-verplicht|stdlib-policies/inburgering.regel|stdlib-policies/gevallen/06-b1-test-verplicht.json
onbeslist-ontbrekend-feit|examples/inburgering-basis.regel|examples/gevallen/04-ontbrekend-feit.json
EOF

if [ "$fail" -ne 0 ] && [ -s "$tmp/chromium.err" ]; then
    echo "chromium meldde:"
    grep -v -e 'dbus' -e 'Fontconfig' -e 'unexpected operator' -e 'bytes written' \
        "$tmp/chromium.err" | tail -n 10
fi
[ "$out" = "$tmp" ] || echo "pagina's, PNG's en PDF's staan in $out"
echo "$pass geslaagd, $fail mislukt ($("$chromium" --version 2>/dev/null | head -n 1))"
[ "$pass" -gt 0 ] && [ "$fail" -eq 0 ]
