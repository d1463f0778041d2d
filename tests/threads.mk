# tests/threads.mk — issue 8: one policy evaluated from 8 threads at once and
# compared with single-threaded results (run under ThreadSanitizer with
# ./configure --enable-tsan), and the compilable snippets of doc/embedding.md.
check_PROGRAMS += tests/unit/test_threads
TESTS += tests/unit/test_threads
tests_unit_test_threads_SOURCES = tests/unit/test_threads.c
tests_unit_test_threads_CFLAGS = $(TEST_CFLAGS_ALL) -pthread
tests_unit_test_threads_LDFLAGS = $(AM_LDFLAGS) -pthread
tests_unit_test_threads_LDADD = $(TEST_LIBS)

TESTS += tests/doc/embedding.sh
EXTRA_DIST += tests/doc/embedding.sh
