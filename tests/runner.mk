# tests/runner.mk — tests of `regel test` (cli/test.c): the coverage
# arithmetic, XML escaping and JUnit well-formedness, and every scenario of
# the repository (stdlib-policies/ and examples/) with coverage.
check_PROGRAMS += tests/unit/test_runner
TESTS += tests/unit/test_runner
tests_unit_test_runner_SOURCES = tests/unit/test_runner.c cli/test.c cli/test.h cli/common.c cli/common.h
tests_unit_test_runner_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_runner_LDADD = $(TEST_LIBS)

TESTS += tests/scenarios.sh
EXTRA_DIST += tests/scenarios.sh
