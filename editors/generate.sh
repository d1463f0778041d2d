#!/bin/sh
# generate.sh — rewrite the generated keyword lines of the editor files in
# DIR (default: the directory of this script) from LEXER.L with keywords.sh;
# `make editors` runs it. Usage: generate.sh LEXER.L [DIR]
set -e
lexer=${1:?usage: generate.sh LEXER.L [DIR]}
here=$(dirname "$0")
dir=${2:-$here}
kw="$here/keywords.sh"

# replace FILE MARKER FORMAT: every line of FILE containing MARKER (a fixed
# string) becomes the line keywords.sh prints for FORMAT.
replace() {
    line=$(sh "$kw" "$lexer" "$3")
    grep -Fq -- "$2" "$1" || { echo "generate.sh: ‘$2’ ontbreekt in $1" >&2; exit 1; }
    LINE=$line MARKER=$2 awk 'index($0, ENVIRON["MARKER"]) { print ENVIRON["LINE"]; next } { print }' \
        "$1" >"$1.tmp"
    mv "$1.tmp" "$1"
}
tm="$dir/vscode/syntaxes/regel.tmLanguage.json"
vim="$dir/vim/syntax/regel.vim"
replace "$tm" '"keywords": {' tm
replace "$tm" '"datum-uitgeschreven": {' tm-datum
replace "$vim" 'syntax keyword regelKeyword ' vim
replace "$vim" 'syntax match regelDatum "\<\d\{1,2}\s' vim-datum
