# tests/suite.mk — the whole-tool tests: golden outputs, compiler error
# messages, the bad-input catalogue, and documentation consistency checks.
TESTS += tests/golden/run.sh tests/errors/run.sh tests/doc/opcodes.sh tests/abi/exports.sh \
	tests/robuust/run.sh tests/doc/grenzen.sh

# the motivering: builder, sentences, text and JSON (runtime/explain.c, sentence.c)
check_PROGRAMS += tests/unit/test_explain
TESTS += tests/unit/test_explain
tests_unit_test_explain_SOURCES = tests/unit/test_explain.c
tests_unit_test_explain_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_explain_LDADD = $(TEST_LIBS)
# the explanation trace: sparse read lists (issue 9, runtime/vm.c, explain.c)
check_PROGRAMS += tests/unit/test_trace
TESTS += tests/unit/test_trace
tests_unit_test_trace_SOURCES = tests/unit/test_trace.c
tests_unit_test_trace_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_trace_LDADD = $(TEST_LIBS)
# the limits of issue 9 at their boundaries (stack, loops, steps, text check)
check_PROGRAMS += tests/unit/test_limits
TESTS += tests/unit/test_limits
tests_unit_test_limits_SOURCES = tests/unit/test_limits.c
tests_unit_test_limits_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_limits_LDADD = $(TEST_LIBS)
# Data files are listed by pattern (not whole folders): a folder entry would
# also copy the build directory's objects and logs into the tarball.
EXTRA_DIST += tests/golden/run.sh tests/errors/run.sh tests/doc/opcodes.sh tests/abi/exports.sh \
	$(wildcard $(srcdir)/tests/golden/*.cmd $(srcdir)/tests/golden/*.stdout \
		$(srcdir)/tests/golden/*.stderr $(srcdir)/tests/golden/*.status \
		$(srcdir)/tests/golden/*.stdin $(srcdir)/tests/golden/beleid/*.regel \
		$(srcdir)/tests/golden/gevallen/*.json \
		$(srcdir)/tests/errors/*.regel $(srcdir)/tests/errors/*.verwacht) \
	tests/robuust/run.sh tests/doc/grenzen.sh $(wildcard $(srcdir)/tests/robuust/verwacht/*.stderr \
		$(srcdir)/tests/robuust/verwacht/*.stdout)

# Golden, error and bad-input tests under valgrind memcheck (slow; run by
# test.sh; the catalogue skips its inputs of 10 MB and more there).
check-valgrind: all
	@test "$(VALGRIND)" != no || { echo "valgrind ontbreekt (Debian-pakket valgrind)"; exit 1; }
	REGEL_WRAP="$(VALGRIND) -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
		top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' $(srcdir)/tests/golden/run.sh
	REGEL_WRAP="$(VALGRIND) -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
		top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' $(srcdir)/tests/errors/run.sh
	REGEL_WRAP="$(VALGRIND) -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
		top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' $(srcdir)/tests/robuust/run.sh
.PHONY: check-valgrind
