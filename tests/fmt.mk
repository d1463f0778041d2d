# tests/fmt.mk — the formatter (issue 10): regel fmt unit, repository and
# fuzz-corpus tests.
# test_fmt: the layouts (criterion); tests/fmt/run.sh: every .regel of the
# repository formatted, idempotent, compiling to the same position-free
# bytecode, and the command line. fuzz_fmt is in tests/fuzz.mk.
check_PROGRAMS += tests/unit/test_fmt
TESTS += tests/unit/test_fmt
tests_unit_test_fmt_SOURCES = tests/unit/test_fmt.c
tests_unit_test_fmt_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_fmt_LDADD = $(TEST_LIBS)
tests/unit/test_fmt-test_fmt.$(OBJEXT): compiler/parser.h
TESTS += tests/fmt/run.sh
EXTRA_DIST += tests/fmt/run.sh
