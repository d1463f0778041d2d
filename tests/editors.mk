# tests/editors.mk — editor support (editors/, issue 10): `make editors`
# regenerates the keyword lines of the TextMate grammar and the Vim file from
# compiler/lexer.l; tests/editors.sh checks that they have not drifted.
EDITOR_FILES = editors/keywords.sh editors/generate.sh \
	editors/vscode/README.md editors/vscode/package.json \
	editors/vscode/language-configuration.json \
	editors/vscode/syntaxes/regel.tmLanguage.json editors/vscode/snippets/regel.json \
	editors/vim/README.md editors/vim/syntax/regel.vim editors/vim/ftdetect/regel.vim
EXTRA_DIST += $(EDITOR_FILES) tests/editors.sh
TESTS += tests/editors.sh

editors:
	sh $(srcdir)/editors/generate.sh $(srcdir)/compiler/lexer.l $(srcdir)/editors

.PHONY: editors
