#!/bin/sh
# tests/doc/handboek.sh — every example in doc/handboek.md is extracted and
# checked: each ```regel block compiles (or, marked fout, does not), and each
# shown command output is the real output, byte for byte, with its exit status.
#
# The markup: HTML comments, each alone on a line at the start of the line,
# followed (after blank lines only) by the fenced block they describe.
#
#   <!-- bestand: NAAM -->                   the block is the file NAAM
#   <!-- bestand: NAAM = BASIS + -->         NAAM is BASIS with the block appended
#   <!-- bestand: NAAM = BASIS, regel N -->  NAAM is BASIS with line N replaced
#   <!-- bestand: NAAM = BASIS, regels N-M -->   … with lines N to M replaced
#   <!-- fout: … -->                         as bestand (same forms), but the
#                                            .regel file must NOT compile, and
#                                            the next uitvoer block must name it
#   <!-- geheel: NAAM -->                    the block is the whole file NAAM as
#                                            the markup above made it (a check)
#   <!-- uitvoer -->                         the block is "$ COMMAND" followed by
#                                            the exact stdout+stderr of COMMAND
#   <!-- uitvoer, afsluitstatus N -->        … and COMMAND exits with status N
#                                            (without: status 0)
#   <!-- niet gecontroleerd: REDEN -->       a ```regel block that is only a
#                                            sketch of the syntax (keep them few)
#
# The document is processed from top to bottom in one temporary directory,
# as a reader would work: a bestand (re)writes its file at that point, BASIS
# is the file as it is at that point (or @PAD, a file of the source tree such
# as @examples/inburgering-basis.regel), and an uitvoer runs its command
# there, with regel and regelc of $top_builddir first on PATH. The directory
# holds links `examples` and `stdlib-policies` to those folders of the
# source tree (commands such as `regel test examples/…` work as in the source
# tree) and `gevallen` to examples/gevallen (so `gegeven uit "gevallen/…"`
# works as it does next to examples/inburgering-basis.regel).
#
# Rules: every ```regel block carries markup (no unchecked policy text);
# every .regel file compiles with `regelc --controleer` without any message
# and its scenarios (if any) pass `regel test`, unless the next uitvoer block
# names it (then the messages or the failing scenario are shown there); a
# fout file fails to compile and the next uitvoer block names it.
#
# REGEL_HANDBOEK_UPDATE=1 rewrites every uitvoer block in doc/handboek.md with
# the real output (review the diff). HANDBOEK=pad checks another copy;
# HANDBOEK_BEWAAR=map keeps the extracted files there (for authors).
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
bld=${top_builddir:-$src}
doc=${HANDBOEK:-$src/doc/handboek.md}
update=${REGEL_HANDBOEK_UPDATE:-0}
for p in regel regelc; do
    if [ ! -x "$bld/$p" ]; then
        echo "FOUT: $bld/$p ontbreekt (zet top_builddir)"
        exit 1
    fi
done
[ -r "$doc" ] || {
    echo "FOUT: $doc ontbreekt"
    exit 1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/werk" "$tmp/blok" "$tmp/echt"
ln -s "$src/examples/gevallen" "$tmp/werk/gevallen"
ln -s "$src/examples" "$tmp/werk/examples"
ln -s "$src/stdlib-policies" "$tmp/werk/stdlib-policies"
PATH=$bld:$PATH
export PATH

# 1. The plan: one tab-separated line per markup item, in document order;
#    the text of each block in blok/LINE (LINE: its opening fence).
#    bestand|fout NAME BASE FROM TO LINE   (BASE "-": whole; FROM 0: append)
#    geheel NAME LINE
#    uitvoer STATUS LINE
#    niet - LINE
#    markup LINE MESSAGE                    (an error in the markup itself)
awk -v blok="$tmp/blok" '
function fail(msg) { printf "markup\t%d\t%s\n", NR, msg }
function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
BEGIN { pending = ""; infence = 0 }
infence {
    if ($0 ~ /^```[ \t]*$/) { infence = 0; close(file); next }
    print > file
    next
}
/^```/ {
    lang = substr($0, 4)
    if (pending == "" && lang == "regel")
        fail("een ```regel-blok zonder markering (bestand, fout of niet gecontroleerd)")
    if (pending != "") print pending "\t" NR
    file = blok "/" NR
    printf "" > file
    infence = 1
    pending = ""
    next
}
/^<!-- (bestand|fout|geheel|uitvoer|niet gecontroleerd)[:, ]/ || /^<!-- uitvoer -->/ {
    if (pending != "") fail("markering zonder blok erna (regel " pline ")")
    pline = NR
    line = $0
    sub(/^<!-- */, "", line)
    if (line !~ /-->[ \t]*$/) { fail("markering niet op één regel"); next }
    sub(/ *-->[ \t]*$/, "", line)
    if (line ~ /^uitvoer/) {
        st = 0
        if (line ~ /^uitvoer, afsluitstatus [0-9]+$/) { st = line; sub(/.* /, "", st) }
        else if (line != "uitvoer") { fail("onbekende markering: " line); next }
        pending = "uitvoer\t" st
        next
    }
    if (line ~ /^niet gecontroleerd: ./) { pending = "niet\t-"; next }
    kind = line; sub(/:.*/, "", kind)
    rest = trim(substr(line, length(kind) + 2))
    if (kind == "geheel") {
        if (rest !~ /^[A-Za-z0-9_.-]+$/) { fail("ongeldige bestandsnaam: " rest); next }
        pending = "geheel\t" rest
        next
    }
    if (kind != "bestand" && kind != "fout") { fail("onbekende markering: " line); next }
    name = rest; base = "-"; from = -1; to = -1
    if (index(rest, "=") > 0) {
        name = trim(substr(rest, 1, index(rest, "=") - 1))
        spec = trim(substr(rest, index(rest, "=") + 1))
        if (spec ~ / \+$/) { base = trim(substr(spec, 1, length(spec) - 2)); from = 0; to = 0 }
        else if (spec ~ /, regels? [0-9]+(-[0-9]+)?$/) {
            base = spec; sub(/, regels? .*/, "", base)
            r = spec; sub(/.*, regels? /, "", r)
            from = r; to = r
            if (index(r, "-") > 0) { from = substr(r, 1, index(r, "-") - 1); to = substr(r, index(r, "-") + 1) }
        } else { fail("onbekende vorm: " line); next }
    }
    if (name !~ /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/ || name ~ /\.\./) { fail("ongeldige bestandsnaam: " name); next }
    pending = kind "\t" name "\t" base "\t" from "\t" to
    next
}
/^[ \t]*$/ { next }
{
    if (pending != "") { fail("markering zonder blok erna (regel " pline ")"); pending = "" }
}
END {
    if (pending != "") fail("markering zonder blok erna (regel " pline ")")
    if (infence) fail("een blok zonder einde")
}
' "$doc" >"$tmp/plan"

pass=0
fail=0
ok() {
    pass=$((pass + 1))
    echo "ok $*"
}
fout() {
    fail=$((fail + 1))
    echo "FOUT $*"
}
# A file that must be named by the next uitvoer block: "NAME LINE"; why
# (its messages, or its failing scenarios) in $tmp/reden.
expect=""
onvermeld() {
    fout "handboek.md:${expect#* }: ${expect% *} geeft meldingen of een falend scenario, maar het volgende uitvoer-blok toont dat niet:
$(grep -v '^ok ' "$tmp/reden" | sed -n '1,20s/^/    /p')"
}
nfiles=0
nout=0
nsketch=0

while IFS="$(printf '\t')" read -r kind a b c d e; do
    case $kind in
    markup)
        fout "handboek.md:$a: $b"
        ;;
    niet)
        nsketch=$((nsketch + 1))
        ;;
    geheel)
        # a=name b=line
        if [ ! -f "$tmp/werk/$a" ]; then
            fout "handboek.md:$b: $a bestaat (nog) niet"
        elif cmp -s "$tmp/blok/$b" "$tmp/werk/$a"; then
            ok "handboek.md:$b: $a is het hele bestand"
        else
            fout "handboek.md:$b: het blok is niet het hele bestand $a:
$(diff -u "$tmp/blok/$b" "$tmp/werk/$a" | sed -n '3,30p' | sed 's/^/    /')"
        fi
        ;;
    bestand | fout)
        # a=name b=base c=from d=to e=line
        name=$a base=$b from=$c to=$d line=$e
        blk="$tmp/blok/$line"
        if [ -n "$expect" ]; then
            onvermeld
            expect=""
        fi
        case $base in
        -) basefile="" ;;
        @*) basefile="$src/${base#@}" ;;
        *) basefile="$tmp/werk/$base" ;;
        esac
        if [ -n "$basefile" ] && [ ! -f "$basefile" ]; then
            fout "handboek.md:$line: $name: basis $base bestaat (nog) niet"
            continue
        fi
        mkdir -p "$(dirname "$tmp/werk/$name")"
        if [ -z "$basefile" ]; then
            cp "$blk" "$tmp/werk/$name.nieuw"
        elif [ "$from" = 0 ]; then
            cat "$basefile" "$blk" >"$tmp/werk/$name.nieuw"
        else
            n=$(wc -l <"$basefile")
            if [ "$from" -lt 1 ] || [ "$to" -lt "$from" ] || [ "$to" -gt "$n" ]; then
                fout "handboek.md:$line: $name: regels $from-$to bestaan niet in $base ($n regels)"
                continue
            fi
            { sed -n "1,$((from - 1))p" "$basefile"; cat "$blk"; sed -n "$((to + 1)),\$p" "$basefile"; } \
                >"$tmp/werk/$name.nieuw"
        fi
        mv "$tmp/werk/$name.nieuw" "$tmp/werk/$name"
        nfiles=$((nfiles + 1))
        case $name in
        *.regel) ;;
        *) continue ;;
        esac
        (cd "$tmp/werk" && regelc --controleer "$name") >"$tmp/c" 2>&1
        rc=$?
        if [ "$kind" = fout ]; then
            if [ $rc -eq 1 ]; then
                ok "handboek.md:$line: $name compileert niet, zoals bedoeld"
                expect="$name $line"
                cp "$tmp/c" "$tmp/reden"
            else
                fout "handboek.md:$line: $name is als fout gemarkeerd maar regelc gaf status $rc"
            fi
        elif [ $rc -ne 0 ]; then
            fout "handboek.md:$line: $name compileert niet:
$(sed 's/^/    /' "$tmp/c")"
        elif [ -s "$tmp/c" ]; then
            ok "handboek.md:$line: $name compileert (met meldingen)"
            expect="$name $line"
            cp "$tmp/c" "$tmp/reden"
        elif grep -q '^scenario' "$tmp/werk/$name" &&
            ! (cd "$tmp/werk" && regel test "$name") >"$tmp/c" 2>&1; then
            # A failing scenario is only allowed where the handbook shows it.
            ok "handboek.md:$line: $name compileert (een scenario faalt)"
            expect="$name $line"
            cp "$tmp/c" "$tmp/reden"
        else
            ok "handboek.md:$line: $name compileert"
        fi
        ;;
    uitvoer)
        # a=status b=line
        want=$a line=$b
        blk="$tmp/blok/$line"
        nout=$((nout + 1))
        cmd=$(sed -n '1s/^\$ //p' "$blk")
        if [ -z "$cmd" ] || [ "$(head -n 1 "$blk")" != "\$ $cmd" ]; then
            fout "handboek.md:$line: een uitvoer-blok begint met ‘\$ opdracht’"
            continue
        fi
        if [ -n "$expect" ]; then
            case " $cmd " in
            *" ${expect% *} "* | *" ${expect% *}"[!A-Za-z0-9_.-]*) ;;
            *) onvermeld ;;
            esac
            expect=""
        fi
        (cd "$tmp/werk" && sh -c "$cmd" </dev/null >"$tmp/uit" 2>&1)
        rc=$?
        { echo "\$ $cmd"; cat "$tmp/uit"; } >"$tmp/echt/$line"
        if [ $rc -ne "$want" ]; then
            fout "handboek.md:$line: ‘$cmd’ eindigde met status $rc, verwacht $want"
        elif cmp -s "$blk" "$tmp/echt/$line"; then
            ok "handboek.md:$line: $cmd"
        else
            fout "handboek.md:$line: de uitvoer van ‘$cmd’ verschilt:
$(diff -u "$blk" "$tmp/echt/$line" | sed -n '3,40p' | sed 's/^/    /')"
        fi
        ;;
    esac
done <"$tmp/plan"
if [ -n "$expect" ]; then
    onvermeld
fi

# 2. Links: every #anker in the handbook, and every taal.md#anker, names a
# heading (GitHub's anchors: lower case, punctuation dropped, spaces become
# hyphens, a repeated heading gets -1, -2, …) or an <a id="…">.
anchors() {
    # shellcheck disable=SC1112 # the typographic quotes are meant
    awk '
    function slug(h,   s) {
        s = tolower(h)
        gsub(/—|–|…|‘|’|“|”|€|×|≥|≤|≠/, "", s)
        gsub(/[!-,.\/:-@[-^`{-~]/, "", s)
        gsub(/ /, "-", s)
        return s
    }
    /^```/ { fence = !fence; next }
    fence { next }
    /^#+ / { h = $0; sub(/^#+ +/, "", h); s = slug(h)
        if (s in seen) { seen[s]++; s = s "-" seen[s] } else seen[s] = 0
        print s; next }
    { while (match($0, /<a id="[^"]*">/)) {
        print substr($0, RSTART + 7, RLENGTH - 9); $0 = substr($0, RSTART + RLENGTH) } }
    ' "$1"
}
anchors "$doc" >"$tmp/ankers.hb"
anchors "$src/doc/taal.md" >"$tmp/ankers.taal"
nlinks=0
awk '/^```/ { fence = !fence; next } !fence {
    while (match($0, /\]\((taal\.md)?#[^)]*\)/)) {
        l = substr($0, RSTART + 2, RLENGTH - 3); print NR ":" l; $0 = substr($0, RSTART + RLENGTH) } }' "$doc" >"$tmp/links"
while IFS= read -r pair; do
    line=${pair%%:*} link=${pair#*:}
    nlinks=$((nlinks + 1))
    case $link in
    taal.md#*) list="$tmp/ankers.taal" ;;
    *) list="$tmp/ankers.hb" ;;
    esac
    grep -qxF -- "${link#*#}" "$list" || {
        fout "handboek.md:$line: de link $link wijst naar geen kop"
        badlinks=1
    }
done <"$tmp/links"
if [ $nlinks -gt 0 ] && [ -z "${badlinks:-}" ]; then
    ok "handboek.md: $nlinks links naar een kop gecontroleerd"
fi

if [ -n "${HANDBOEK_BEWAAR:-}" ]; then
    mkdir -p "$HANDBOEK_BEWAAR" && cp -R "$tmp/werk/." "$HANDBOEK_BEWAAR/"
fi

# 3. Update mode: replace the text of every uitvoer block by the real output.
if [ "$update" = 1 ]; then
    awk -v echt="$tmp/echt" '
    BEGIN { skip = 0 }
    skip { if ($0 ~ /^```[ \t]*$/) { skip = 0; print } ; next }
    /^```/ && prev ~ /^<!-- uitvoer/ {
        print
        f = echt "/" NR
        if ((getline l < f) > 0) {
            print l
            while ((getline l < f) > 0) print l
            close(f)
            skip = 1
        }
        prev = $0
        next
    }
    { print; if ($0 !~ /^[ \t]*$/) prev = $0 }
    ' "$doc" >"$tmp/nieuw.md"
    if cmp -s "$doc" "$tmp/nieuw.md"; then
        echo "handboek: niets te herschrijven"
    else
        cp "$tmp/nieuw.md" "$doc"
        echo "handboek: uitvoerblokken herschreven in $doc (bekijk de diff)"
    fi
    # The rewritten document must pass on its own (a policy that does not
    # compile, or a wrong exit status, is not fixed by rewriting).
    echo "handboek: opnieuw gecontroleerd:"
    REGEL_HANDBOEK_UPDATE=0 HANDBOEK="$doc" sh "$0" >"$tmp/opnieuw"
    rc=$?
    grep -v '^ok' "$tmp/opnieuw"
    exit $rc
fi

echo "handboek: $pass in orde, $fail fout ($nfiles bestanden, $nout opdrachten, $nsketch schetsen zonder controle)"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
