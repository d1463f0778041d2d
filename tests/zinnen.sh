#!/bin/sh
# tests/zinnen.sh — the citizen sentences (uitleg) of the inburgering policies:
# every branch of every rule has one, the 11 sample cases show no generated
# sentence, and the filled-in sentences stay short (readability figures).
#
# (1) Every branch (tak) of every rule and exception in
#     stdlib-policies/inburgering.regel and examples/inburgering-basis.regel
#     has an uitleg, its own or the rule's (read from `regelc --disasm`).
# (2) For the 11 sample cases stdlib-policies/gevallen/NN-*.json, the text
#     motivering of `regel` is read: the sentence of every outcome and of every
#     nested begrip is the line right under its "naam: waarde" / "naam =
#     waarde" line. None may be generated (spec7 §4.3: "Volgens de regel …",
#     "Volgens de uitzondering …"), and every such node must have a sentence.
# (3) Readability, over all those sentences as they are printed (placeholders
#     filled in, each occurrence counted): split into sentences at . ? ! that
#     end a word, count words by whitespace ("€ 90,00" is two words, "1 maart
#     2022" three). No sentence may be longer than 20 words and the average
#     must be at most 12 words. The figures are printed.
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
bin=${top_builddir:-$src/_build}
max_words=20
max_avg=12
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# --- (1) every branch has a sentence ---------------------------------------
for policy in stdlib-policies/inburgering.regel examples/inburgering-basis.regel; do
    if ! "$bin/regelc" --disasm "$src/$policy" >"$tmp/disasm" 2>"$tmp/err"; then
        echo "FOUT $policy: regelc --disasm faalde"
        cat "$tmp/err"
        fail=$((fail + 1))
        continue
    fi
    # In the EXPLAIN section: "  regel N "naam"", optional "    uitleg "…""
    # (rule level), then per branch "    tak …" with optional "      uitleg "…"".
    awk -v policy="$policy" '
        function close_branch() {
            if (in_branch && !branch_has && !rule_has) {
                print "FOUT " policy ": regel " rule ", " branch ": geen uitleg"
                missing++
            }
            in_branch = 0
        }
        /^EXPLAIN / { explain = 1; next }
        !explain { next }
        /^  regel [0-9]+ "/ {
            close_branch(); rule = substr($0, 3); rule_has = 0; rules++; next
        }
        /^    uitleg "/ { rule_has = 1; next }
        /^    tak / {
            close_branch(); in_branch = 1; branch_has = 0
            branch = $1 " " $2; branches++; next
        }
        /^      uitleg "/ { branch_has = 1; next }
        /^[^ ]/ { close_branch(); explain = 0 }
        END {
            close_branch()
            if (branches == 0) {
                print "FOUT " policy ": geen takken gevonden in regelc --disasm"
                exit 1
            }
            printf "%s: %d regels, %d takken, %d zonder uitleg\n", policy, rules, branches, missing
            exit missing > 0
        }' "$tmp/disasm" || fail=$((fail + 1))
done

# --- (2) the sentences of the 11 sample cases --------------------------------
: >"$tmp/zinnen"
n_cases=0
for case in "$src"/stdlib-policies/gevallen/[0-9][0-9]-*.json; do
    [ -e "$case" ] || continue
    name=$(basename "$case" .json)
    n_cases=$((n_cases + 1))
    if ! (cd "$src" && ${REGEL_WRAP:-} "$bin/regel" stdlib-policies/inburgering.regel \
        "stdlib-policies/gevallen/$name.json" >"$tmp/out" 2>"$tmp/err"); then
        echo "FOUT $name: regel faalde"
        cat "$tmp/err"
        fail=$((fail + 1))
        continue
    fi
    awk -v name="$name" '
        function indent(s) { match(s, /^ */); return RLENGTH }
        function is_heading(s) {
            return s ~ /^(Juridische grond|Waarom niet|Feitelijke gronden|Steunt op|Niet toegepast|Ontbrekende feiten)/
        }
        { line[NR] = $0 }
        END {
            bad = 0
            for (i = 1; i < NR; i++) {
                # A node: "naam: waarde" (an outcome) or "naam = waarde" with
                # its own motivering indented two spaces deeper (a begrip).
                if (line[i] !~ /^ *[a-z_0-9]+(: | = )/) continue
                if (indent(line[i + 1]) != indent(line[i]) + 2) continue
                s = line[i + 1]
                sub(/^ +/, "", s)
                head = line[i]
                sub(/^ +/, "", head)
                if (is_heading(s)) {
                    print "FOUT " name ": geen zin bij \"" head "\"" > "/dev/stderr"
                    bad++
                    continue
                }
                if (s ~ /^Volgens de (regel|uitzondering) /) {
                    print "FOUT " name ": gegenereerde zin bij \"" head "\": " s > "/dev/stderr"
                    bad++
                }
                print name "\t" s
            }
            exit bad > 0
        }' "$tmp/out" >>"$tmp/zinnen" || fail=$((fail + 1))
done
if [ "$n_cases" -ne 11 ]; then
    echo "FOUT: $n_cases voorbeeldgevallen gevonden in stdlib-policies/gevallen, 11 verwacht"
    fail=$((fail + 1))
fi

# --- (3) readability -------------------------------------------------------
awk -F '\t' -v max_words="$max_words" -v max_avg="$max_avg" '
    {
        text = $2
        # Split at . ? ! that end a word (followed by a space or the end).
        gsub(/[.?!]+( |$)/, "&\n", text)
        k = split(text, part, "\n")
        for (j = 1; j <= k; j++) {
            sub(/^[ \t]+/, "", part[j])
            sub(/[ \t]+$/, "", part[j])
            w = split(part[j], word, /[ \t]+/)
            # split() gives an empty first field for leading blanks
            n = 0
            for (m = 1; m <= w; m++) if (word[m] != "") n++
            if (n == 0) continue
            sentences++
            words += n
            if (n > longest) { longest = n; longest_text = part[j]; longest_case = $1 }
            if (n > max_words) {
                printf "FOUT %s: zin van %d woorden (max %d): %s\n", $1, n, max_words, part[j]
                too_long++
            }
            if (!(part[j] in seen)) { seen[part[j]] = n; distinct++; dwords += n }
        }
    }
    END {
        if (sentences == 0) { print "FOUT: geen zinnen gevonden"; exit 1 }
        printf "leesbaarheid: %d zinnen in %d uitlegteksten, gemiddeld %.1f woorden per zin (max %d)\n",
            sentences, NR, words / sentences, max_avg
        printf "  verschillende zinnen: %d, gemiddeld %.1f woorden\n", distinct, dwords / distinct
        printf "  langste zin: %d woorden (max %d), in %s: %s\n", longest, max_words, longest_case, longest_text
        bad = too_long > 0
        if (words > max_avg * sentences) {
            printf "FOUT: gemiddelde zinslengte %.1f is meer dan %d woorden\n", words / sentences, max_avg
            bad = 1
        }
        exit bad
    }' "$tmp/zinnen" || fail=$((fail + 1))

if [ "$fail" -eq 0 ]; then
    echo "ok: elke tak heeft een uitleg; $n_cases gevallen zonder gegenereerde zin; zinnen kort genoeg"
fi
[ "$fail" -eq 0 ]
