" Vim syntax file for Regel, the Dutch policy language (doc/taal.md).
" The lines regelKeyword and regelDatum (written dates) are generated from
" compiler/lexer.l by editors/keywords.sh (make editors); do not edit them.
if exists('b:current_syntax')
  finish
endif

" Names may contain letters with accents (UTF-8), digits and underscores.
syntax iskeyword @,48-57,_,192-255

syntax keyword regelKeyword aaneengesloten aantal afgerond alle anders april augustus bankiers bedrag begrensd begrip bekend beleid beneden bevat boven bron citaat dag dagen dan datum december decimaal decimalen door duur duurt een eerste elke en er euro extern februari functie gegeven geldig geldt getal groter heeft hoogste in indien invoer is jaar januari jaren juli juni kleiner laatste langste leeftijd lijst maand maanden maart maximum meer mei met minder minimum minste naar niet november of oktober onbekend onwaar op optioneel parameter periode regel rekenkundig samengevoegd scenario september som soort standaard tekst ten tot totaal tussen uit uitkomst uitleg uitzondering van vanaf verwacht volgens voor vraag waar waarheid waarvoor week weken
syntax keyword regelConstant waar onwaar geen

syntax match regelComment "#.*$" contains=regelTodo,@Spell
syntax keyword regelTodo contained TODO FIXME XXX
syntax match regelEscape "\\." contained
syntax match regelPlaceholder "{[^{}"]*}" contained
syntax region regelString start=+"+ skip=+\\.+ end=+"+ contains=regelEscape,@Spell
" After `uitleg` a string may hold placeholders {naam}; after `regel` and
" `uitzondering` it is the name of a rule.
syntax region regelUitleg matchgroup=regelString start=+\%(\<uitleg\s\+\)\@<="+ skip=+\\.+ end=+"+ contains=regelEscape,regelPlaceholder,@Spell
syntax region regelNaam matchgroup=regelString start=+\%(\<\%(regel\|uitzondering\)\s\+\)\@<="+ skip=+\\.+ end=+"+ contains=regelEscape
syntax match regelGetal "\<\d\+\%(,\d\+\|\%(\.\d\+\)\+\)\=\>"
syntax match regelDatum "\<\d\{4}-\d\{1,2}-\d\{1,2}\>"
syntax match regelDatum "\<\d\{1,2}\s\+\%(april\|augustus\|december\|februari\|januari\|juli\|juni\|maart\|mei\|november\|oktober\|september\)\s\+\d\{4}\>"
syntax match regelOperator "<=\|>=\|!=\|<>\|[-+*/=<>€−×≠≤≥]"

highlight default link regelKeyword Keyword
highlight default link regelConstant Boolean
highlight default link regelComment Comment
highlight default link regelTodo Todo
highlight default link regelString String
highlight default link regelUitleg String
highlight default link regelEscape SpecialChar
highlight default link regelPlaceholder Identifier
highlight default link regelNaam Function
highlight default link regelGetal Number
highlight default link regelDatum Constant
highlight default link regelOperator Operator

let b:current_syntax = 'regel'
