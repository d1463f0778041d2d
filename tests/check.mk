# tests/check.mk — tests owned by the check area: the checker and the emitter.
check_PROGRAMS += tests/unit/test_check tests/unit/test_emit
TESTS += tests/unit/test_check tests/unit/test_emit
tests_unit_test_check_SOURCES = tests/unit/test_check.c
tests_unit_test_check_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_check_LDADD = $(TEST_LIBS)
tests_unit_test_emit_SOURCES = tests/unit/test_emit.c
tests_unit_test_emit_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_emit_LDADD = $(TEST_LIBS)

# v0.4: scenarios as the compiler hands them to `regel test`
check_PROGRAMS += tests/unit/test_scenario
TESTS += tests/unit/test_scenario
tests_unit_test_scenario_SOURCES = tests/unit/test_scenario.c
tests_unit_test_scenario_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_scenario_LDADD = $(TEST_LIBS)

# v0.5 (spec7 §1–2): uitleg templates, condition atoms, the EXPLAIN section
check_PROGRAMS += tests/unit/test_uitleg
TESTS += tests/unit/test_uitleg
tests_unit_test_uitleg_SOURCES = tests/unit/test_uitleg.c
tests_unit_test_uitleg_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_uitleg_LDADD = $(TEST_LIBS)

# issue 8 (spec8 §1): extern functies, compiler side end to end
check_PROGRAMS += tests/unit/test_extern_compile
TESTS += tests/unit/test_extern_compile
tests_unit_test_extern_compile_SOURCES = tests/unit/test_extern_compile.c
tests_unit_test_extern_compile_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_extern_compile_LDADD = $(TEST_LIBS)

# issue 9 (spec9a): a 20 000-rule policy compiles, evaluates and reports right
check_PROGRAMS += tests/unit/test_bigpolicy
TESTS += tests/unit/test_bigpolicy
tests_unit_test_bigpolicy_SOURCES = tests/unit/test_bigpolicy.c tests/bigpolicy.h
tests_unit_test_bigpolicy_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_bigpolicy_LDADD = $(TEST_LIBS)
