# tests/question.mk — tests of the interview library (runtime/question.c):
# the choice of the next question and the answer parsers.
check_PROGRAMS += tests/unit/test_question
TESTS += tests/unit/test_question
tests_unit_test_question_SOURCES = tests/unit/test_question.c
tests_unit_test_question_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_question_LDADD = $(TEST_LIBS)

# Deleting any single key from a complete case (issue 4's promise).
check_PROGRAMS += tests/unit/test_missing_key
TESTS += tests/unit/test_missing_key
tests_unit_test_missing_key_SOURCES = tests/unit/test_missing_key.c
tests_unit_test_missing_key_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_missing_key_LDADD = $(TEST_LIBS)
