#!/bin/sh
# keywords.sh — print the Regel keywords from the keyword table in
# compiler/lexer.l (the table tests/fuzz/dict.sh reads), in the shape an
# editor file needs. Usage: keywords.sh LEXER.L FORMAT, FORMAT one of
#   list      one keyword a line (table + context keywords), sorted
#   months    the month names (token MONTH), one a line
#   tm        the keyword line of editors/vscode/syntaxes/regel.tmLanguage.json
#   tm-datum  its line for written dates (`1 maart 2022`)
#   vim       the keyword line of editors/vim/syntax/regel.vim
#   vim-datum its line for written dates
set -e
lexer=${1:?usage: keywords.sh LEXER.L FORMAT}
format=${2:?usage: keywords.sh LEXER.L FORMAT}
[ -r "$lexer" ] || { echo "keywords.sh: kan $lexer niet lezen" >&2; exit 1; }

# The table: {"word", TOKEN, month}, — the same expression as dict.sh.
table() { sed -n 's/^ *{"\([a-z_]*\)", *[A-Z_]*, *[0-9]*},.*/\1/p' "$lexer"; }
# Keywords only in context: the flex rules "word"/(…)"next"… (`leeftijd`
# before `van`, `extern` before `functie`); every quoted word of such a
# rule is highlighted as a keyword.
context() {
    sed -n '/^"[a-z_]*"\//p' "$lexer" | grep -o '"[a-z_][a-z_]*"' | tr -d '"'
}
list() { { table; context; } | LC_ALL=C sort -u; }
months() { sed -n 's/^ *{"\([a-z]*\)", *MONTH, *[0-9]*},.*/\1/p' "$lexer"; }
join() { paste -sd "$1" -; }

case $format in
list) list ;;
months) months ;;
tm)
    printf '        "keywords": { "name": "keyword.control.regel", "match": "\\\\b(?:%s)\\\\b" },\n' \
        "$(list | join '|')"
    ;;
tm-datum)
    printf '        "datum-uitgeschreven": { "name": "constant.numeric.date.regel", "match": "\\\\b\\\\d{1,2}\\\\s+(?:%s)\\\\s+\\\\d{4}\\\\b" },\n' \
        "$(months | join '|')"
    ;;
vim) printf 'syntax keyword regelKeyword %s\n' "$(list | join ' ')" ;;
vim-datum)
    printf 'syntax match regelDatum "\\<\\d\\{1,2}\\s\\+\\%%(%s\\)\\s\\+\\d\\{4}\\>"\n' \
        "$(months | join '|' | sed 's/|/\\|/g')"
    ;;
*)
    echo "keywords.sh: onbekend formaat '$format' (list, months, tm, tm-datum, vim, vim-datum)" >&2
    exit 1
    ;;
esac
