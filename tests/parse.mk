# tests/parse.mk — tests owned by the parse area: the scanner, the parser
# (tree shapes and Dutch syntax errors) and the diagnostics formatter.
check_PROGRAMS += tests/unit/test_lexer
TESTS += tests/unit/test_lexer
tests_unit_test_lexer_SOURCES = tests/unit/test_lexer.c
tests_unit_test_lexer_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_lexer_LDADD = $(TEST_LIBS)
tests/unit/test_lexer-test_lexer.$(OBJEXT): compiler/parser.h

check_PROGRAMS += tests/unit/test_parser
TESTS += tests/unit/test_parser
tests_unit_test_parser_SOURCES = tests/unit/test_parser.c
tests_unit_test_parser_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_parser_LDADD = $(TEST_LIBS)

check_PROGRAMS += tests/unit/test_diag
TESTS += tests/unit/test_diag
tests_unit_test_diag_SOURCES = tests/unit/test_diag.c
tests_unit_test_diag_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_diag_LDADD = $(TEST_LIBS)
