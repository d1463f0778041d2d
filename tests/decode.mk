# tests/decode.mk — issue 11: the VM's pre-decoded instruction streams
# (runtime/decode.c): well formed, and the lean stream decides exactly as the
# exact one over the repository's cases and generated inburgering cases.
check_PROGRAMS += tests/unit/test_decode
TESTS += tests/unit/test_decode
tests_unit_test_decode_SOURCES = tests/unit/test_decode.c tests/unit/repo_files.h
tests_unit_test_decode_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_decode_LDADD = $(TEST_LIBS)
