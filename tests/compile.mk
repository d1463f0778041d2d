# tests/compile.mk — issue 11 (compile memory): the arena zeroes reused
# memory after arena_reset, and the parser's growable lists keep their items
# through growth, finishing and error recovery without leaking.
check_PROGRAMS += tests/unit/test_compile_mem
TESTS += tests/unit/test_compile_mem
tests_unit_test_compile_mem_SOURCES = tests/unit/test_compile_mem.c
tests_unit_test_compile_mem_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_compile_mem_LDADD = $(TEST_LIBS)
tests/unit/test_compile_mem-test_compile_mem.$(OBJEXT): compiler/parser.h
