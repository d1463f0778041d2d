# tests/noalloc.mk — issue 11: the VM does not allocate per case.
# tests/unit/test_noalloc.c counts every heap call (an interposer in the test
# executable; libregel_core.la is linked in statically) while a reused
# regel_eval evaluates the sample cases: after a warm-up, zero.
check_PROGRAMS += tests/unit/test_noalloc
TESTS += tests/unit/test_noalloc
tests_unit_test_noalloc_SOURCES = tests/unit/test_noalloc.c tests/unit/repo_files.h
tests_unit_test_noalloc_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_noalloc_LDADD = $(TEST_LIBS)
