#!/bin/sh
# tests/editors.sh — the editor files (editors/) against the lexer: the
# generated keyword lines equal what editors/keywords.sh makes of
# compiler/lexer.l now, the JSON files parse, and the TextMate grammar (and
# the Vim file, if vim is there) highlights every keyword of inburgering.regel.
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
lexer="$src/compiler/lexer.l"
ed="$src/editors"
policy="$src/stdlib-policies/inburgering.regel"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
fout() {
    echo "FOUT: $*"
    fail=$((fail + 1))
}

# 1. The list: every word of the lexer table (dict.sh's expression) and
# the context keywords; nothing else.
sh "$ed/keywords.sh" "$lexer" list >"$tmp/list" || fout "keywords.sh list faalde"
sed -n 's/^ *{"\([a-z_]*\)", *[A-Z_]*, *[0-9]*},.*/\1/p' "$lexer" | LC_ALL=C sort -u >"$tmp/table"
[ "$(wc -l <"$tmp/table")" -ge 50 ] || fout "de sleutelwoordentabel in lexer.l is niet gevonden"
LC_ALL=C comm -23 "$tmp/table" "$tmp/list" | sed 's/^/ontbreekt in de lijst: /' >"$tmp/d"
[ -s "$tmp/d" ] && fout "$(cat "$tmp/d")"
for w in regel uitzondering scenario leeftijd extern functie maart; do
    grep -qx "$w" "$tmp/list" || fout "‘$w’ ontbreekt in keywords.sh list"
done
# the words beyond the table are keywords only in context (lexer.l rules
# "word"/… such as `leeftijd` before `van`)
for w in $(LC_ALL=C comm -13 "$tmp/table" "$tmp/list"); do
    grep -q "^\"$w\"/" "$lexer" || grep -q "^\"[a-z_]*\"/.*\"$w\"" "$lexer" ||
        fout "‘$w’ is geen sleutelwoord in context in lexer.l"
done

# 2. No drift: regenerating the committed files changes nothing.
mkdir -p "$tmp/ed"
cp -R "$ed/vscode" "$ed/vim" "$tmp/ed/"
sh "$ed/generate.sh" "$lexer" "$tmp/ed" || fout "generate.sh faalde"
for f in vscode/syntaxes/regel.tmLanguage.json vim/syntax/regel.vim; do
    diff -u "$ed/$f" "$tmp/ed/$f" >"$tmp/d" ||
        fout "editors/$f volgt lexer.l niet (draai ‘make editors’):
$(head -20 "$tmp/d")"
done
# The committed lines hold exactly the list.
sed -n 's/.*"keywords": {.*"\\\\b(?:\([^)]*\)).*/\1/p' "$ed/vscode/syntaxes/regel.tmLanguage.json" |
    tr '|' '\n' >"$tmp/tm"
sed -n 's/^syntax keyword regelKeyword //p' "$ed/vim/syntax/regel.vim" | tr ' ' '\n' >"$tmp/vim"
cmp -s "$tmp/list" "$tmp/tm" || fout "de TextMate-grammatica heeft niet precies de sleutelwoorden van lexer.l"
cmp -s "$tmp/list" "$tmp/vim" || fout "regel.vim heeft niet precies de sleutelwoorden van lexer.l"
# ...and the check can fail: a keyword added to lexer.l changes the files.
awk '/^ *[{]"[a-z_]*", *[A-Z_]*, *[0-9]*[}],/ && !done { print "    {\"zzproef\", ZZPROEF, 0},"; done = 1 }
    { print }' "$lexer" >"$tmp/lexer.l"
grep -q zzproef "$tmp/lexer.l" || fout "proef: kon geen sleutelwoord toevoegen"
sh "$ed/generate.sh" "$tmp/lexer.l" "$tmp/ed" 2>/dev/null
grep -q zzproef "$tmp/ed/vscode/syntaxes/regel.tmLanguage.json" || fout "proef: zzproef niet in de grammatica"
grep -q zzproef "$tmp/ed/vim/syntax/regel.vim" || fout "proef: zzproef niet in regel.vim"

# 3. Vim, if present: every keyword outside strings and comments of the
# policy is regelKeyword (or regelConstant), no other word is.
if command -v vim >/dev/null 2>&1 && vim --version 2>/dev/null | grep -q "+syntax" &&
    vim --version 2>/dev/null | grep -q "+eval"; then
    cat >"$tmp/chk.vim" <<VIM
set nocompatible
set rtp^=$ed/vim
filetype on
syntax on
let kw = {}
for w in readfile('$tmp/list')
  let kw[w] = 1
endfor
edit $policy
let out = [&filetype]
let n = 0
for l in range(1, line('$'))
  let s = getline(l)
  let c = match(s, '\\<\\k\\+\\>')
  while c >= 0
    let w = matchstr(s, '\\k\\+', c)
    let g = synIDattr(synID(l, c + 1, 1), 'name')
    if g !~# '^regel\\%(String\\|Uitleg\\|Naam\\|Comment\\|Placeholder\\|Todo\\|Datum\\|Getal\\)$'
      let isc = index(['waar', 'onwaar', 'geen'], w) >= 0
      if isc && g !=# 'regelConstant'
        call add(out, 'FOUT: ' . l . ':' . (c + 1) . ' ' . w . ' is geen constante maar ' . g)
      elseif !isc && has_key(kw, w) && g !=# 'regelKeyword'
        call add(out, 'FOUT: ' . l . ':' . (c + 1) . ' ' . w . ' is ' . g)
      elseif !has_key(kw, w) && g ==# 'regelKeyword'
        call add(out, 'FOUT: ' . l . ':' . (c + 1) . ' ' . w . ' is geen sleutelwoord')
      endif
      let n += has_key(kw, w)
    endif
    let c = match(s, '\\<\\k\\+\\>', c + len(w))
  endwhile
endfor
call add(out, 'keywords ' . n)
call writefile(out, '$tmp/vim.out')
qa!
VIM
    vim -Nu NONE -i NONE -es -S "$tmp/chk.vim" </dev/null >/dev/null 2>&1
    if [ ! -s "$tmp/vim.out" ]; then
        fout "vim gaf geen uitvoer"
    else
        [ "$(head -1 "$tmp/vim.out")" = regel ] || fout "vim herkent *.regel niet (ftdetect)"
        grep '^FOUT' "$tmp/vim.out" | head -10 >"$tmp/d"
        [ -s "$tmp/d" ] && fout "regel.vim: $(cat "$tmp/d")"
        n=$(sed -n 's/^keywords //p' "$tmp/vim.out")
        [ "${n:-0}" -gt 1000 ] || fout "vim: maar ${n:-0} sleutelwoorden gekleurd"
        echo "ok vim: ${n:-0} sleutelwoorden in inburgering.regel gekleurd"
    fi
else
    echo "vim (met +syntax en +eval) ontbreekt: regel.vim niet in vim geproefd"
fi

# 4. Needs python3: the JSON files parse; the TextMate patterns highlight
# every keyword of inburgering.regel and nothing else.
if ! command -v python3 >/dev/null 2>&1; then
    [ $fail -eq 0 ] || exit 1
    echo "SKIP: python3 ontbreekt (JSON en grammatica niet gecontroleerd)"
    exit 77
fi
for f in vscode/package.json vscode/language-configuration.json vscode/snippets/regel.json \
    vscode/syntaxes/regel.tmLanguage.json; do
    python3 -m json.tool "$ed/$f" >/dev/null 2>"$tmp/d" || fout "editors/$f is geen geldige JSON: $(cat "$tmp/d")"
done
python3 - "$ed/vscode" "$tmp/list" "$policy" <<'PY' || fail=$((fail + 1))
import json, re, sys
ed, listfile, policy = sys.argv[1:]
kw = set(open(listfile, encoding="utf-8").read().split())
g = json.load(open(ed + "/syntaxes/regel.tmLanguage.json", encoding="utf-8"))
repo = g["repository"]
bad = []
def rx(name):
    return re.compile(repo[name]["match"])
keyword, const = rx("keywords"), rx("constanten")
# package.json points at the grammar, the configuration and the snippets.
pkg = json.load(open(ed + "/package.json", encoding="utf-8"))
c = pkg["contributes"]
if c["languages"][0]["id"] != "regel" or ".regel" not in c["languages"][0]["extensions"]:
    bad.append("package.json: taal regel met .regel ontbreekt")
if c["grammars"][0]["scopeName"] != g["scopeName"]:
    bad.append("package.json: scopeName verschilt van de grammatica")
snip = json.load(open(ed + "/snippets/regel.json", encoding="utf-8"))
if sorted(s["prefix"] for s in snip.values()) != ["regel", "scenario", "uitzondering"]:
    bad.append("snippets: regel, uitzondering en scenario verwacht")
conf = json.load(open(ed + "/language-configuration.json", encoding="utf-8"))
if conf["comments"]["lineComment"] != "#":
    bad.append("language-configuration: regelcommentaar is #")
# Mask strings and comments with spaces (the lexer's rules, newlines kept).
text = open(policy, encoding="utf-8").read()
out, i, n = [], 0, len(text)
while i < n:
    ch = text[i]
    if ch == '"':
        j = i + 1
        while j < n and text[j] != '"':
            j += 2 if text[j] == "\\" else 1
        j = min(j + 1, n)
        out.append("".join("\n" if x == "\n" else " " for x in text[i:j]))
        i = j
    elif ch == "#":
        j = text.find("\n", i)
        j = n if j < 0 else j
        out.append(" " * (j - i))
        i = j
    else:
        out.append(ch)
        i += 1
found = 0
for ln, line in enumerate("".join(out).split("\n"), 1):
    # every match of the keyword pattern must be a whole word of the list
    words = {m.span(): m.group() for m in re.finditer(r"\w+", line)}
    hits = {k.span() for k in keyword.finditer(line)}
    for span in hits:
        if words.get(span) not in kw:
            bad.append("%d:%d ‘%s’ ten onrechte als sleutelwoord gekleurd"
                       % (ln, span[0] + 1, line[span[0]:span[1]]))
    for span, w in words.items():
        m = re.compile(r"\w+").match(line, span[0])
        if w in kw:
            found += 1
            if span not in hits:
                bad.append("%d:%d ‘%s’ niet als sleutelwoord gekleurd" % (ln, m.start() + 1, w))
        if w in ("waar", "onwaar", "geen") and not const.match(line, m.start()):
            bad.append("%d:%d ‘%s’ niet als constante gekleurd" % (ln, m.start() + 1, w))
if found < 1000:
    bad.append("maar %d sleutelwoorden gevonden in %s" % (found, policy))
# Literals: numbers, dates, placeholders.
def full(name, s):
    m = re.compile(repo[name]["match"]).match(s)
    return m is not None and m.end() == len(s)
for name, s in [("getal", "12,50"), ("getal", "40"), ("getal", "1.000.000"),
                ("datum-iso", "2023-03-01"), ("datum-uitgeschreven", "1 maart 2022"),
                ("datum-uitgeschreven", "30 augustus 2023")]:
    if not full(name, s):
        bad.append("%s herkent ‘%s’ niet" % (name, s))
if full("datum-uitgeschreven", "1 maartje 2022"):
    bad.append("datum-uitgeschreven herkent ‘1 maartje 2022’")
ph = [p for p in repo["uitleg"]["patterns"] if "match" in p][0]["match"]
if re.search(ph, "Op {peildatum} bent u {leeftijd} jaar oud.").group() != "{peildatum}":
    bad.append("uitleg: plaatshouder {peildatum} niet herkend")
if not re.match(repo["regelnaam"]["begin"], 'uitzondering "Aangepast taalniveau"'):
    bad.append("regelnaam: naam na uitzondering niet herkend")
for b in bad[:20]:
    print("FOUT: grammatica: " + b)
print("%sgrammatica: %d sleutelwoorden in %s gekleurd"
      % ("" if bad else "ok ", found, policy.rsplit("/", 1)[-1]))
sys.exit(1 if bad else 0)
PY

if [ $fail -ne 0 ]; then
    echo "editors: $fail fout(en)"
    exit 1
fi
echo "ok editors: alles in orde ($(wc -l <"$tmp/list") sleutelwoorden)"
