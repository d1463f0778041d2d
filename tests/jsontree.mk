# tests/jsontree.mk — the yajl case reader against jansson (issue 11).
# tests/unit/test_json_tree.c holds runtime/json_tree.c against jansson on the
# repository's cases, the cases of bench/gen (its generator is compiled in), a
# list of nasty texts and cut or altered copies; and the case reader's two
# paths against each other. The fuzz harness is in tests/fuzz.mk.
check_PROGRAMS += tests/unit/test_json_tree
TESTS += tests/unit/test_json_tree
tests_unit_test_json_tree_SOURCES = tests/unit/test_json_tree.c tests/unit/repo_files.h
tests_unit_test_json_tree_CFLAGS = $(TEST_CFLAGS_ALL) $(YAJL_CFLAGS)
tests_unit_test_json_tree_LDADD = $(TEST_LIBS) $(YAJL_LIBS)
