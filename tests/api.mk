# tests/api.mk — the embedding API (issue 8, spec8 §2–§3): cases built in
# code, typed results and the motivering snapshot (runtime/api_*.c).
check_PROGRAMS += tests/unit/test_api_case
TESTS += tests/unit/test_api_case
tests_unit_test_api_case_SOURCES = tests/unit/test_api_case.c tests/unit/api_extra.h tests/unit/repo_files.h
tests_unit_test_api_case_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_api_case_LDADD = $(TEST_LIBS)

check_PROGRAMS += tests/unit/test_api_result
TESTS += tests/unit/test_api_result
tests_unit_test_api_result_SOURCES = tests/unit/test_api_result.c tests/unit/api_extra.h tests/unit/repo_files.h
tests_unit_test_api_result_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_api_result_LDADD = $(TEST_LIBS)

check_PROGRAMS += tests/unit/test_api_explain
TESTS += tests/unit/test_api_explain
tests_unit_test_api_explain_SOURCES = tests/unit/test_api_explain.c tests/unit/repo_files.h
tests_unit_test_api_explain_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_api_explain_LDADD = $(TEST_LIBS)
