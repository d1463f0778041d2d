# tests/suite.mk — the whole-tool tests: golden outputs, compiler error
# messages, and documentation consistency checks.
TESTS += tests/golden/run.sh tests/errors/run.sh tests/doc/opcodes.sh tests/abi/exports.sh

# the motivering: builder, sentences, text and JSON (runtime/explain.c, sentence.c)
check_PROGRAMS += tests/unit/test_explain
TESTS += tests/unit/test_explain
tests_unit_test_explain_SOURCES = tests/unit/test_explain.c
tests_unit_test_explain_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_explain_LDADD = $(TEST_LIBS)
# Data files are listed by pattern (not whole folders): a folder entry would
# also copy the build directory's objects and logs into the tarball.
EXTRA_DIST += tests/golden/run.sh tests/errors/run.sh tests/doc/opcodes.sh tests/abi/exports.sh \
	$(wildcard $(srcdir)/tests/golden/*.cmd $(srcdir)/tests/golden/*.stdout \
		$(srcdir)/tests/golden/*.stderr $(srcdir)/tests/golden/*.status \
		$(srcdir)/tests/golden/*.stdin $(srcdir)/tests/golden/beleid/*.regel \
		$(srcdir)/tests/golden/gevallen/*.json \
		$(srcdir)/tests/errors/*.regel $(srcdir)/tests/errors/*.verwacht)

# Golden and error tests under valgrind memcheck (slow; run by test.sh).
check-valgrind: all
	@test "$(VALGRIND)" != no || { echo "valgrind ontbreekt (Debian-pakket valgrind)"; exit 1; }
	REGEL_WRAP="$(VALGRIND) -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
		top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' $(srcdir)/tests/golden/run.sh
	REGEL_WRAP="$(VALGRIND) -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
		top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' $(srcdir)/tests/errors/run.sh
.PHONY: check-valgrind
