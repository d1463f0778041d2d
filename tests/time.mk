# tests/time.mk — tests of the calendar (runtime/cal.c) and periods
# (runtime/period.c); rounding and cents are tested in test_num (runtime.mk).
check_PROGRAMS += tests/unit/test_cal
TESTS += tests/unit/test_cal
tests_unit_test_cal_SOURCES = tests/unit/test_cal.c
tests_unit_test_cal_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_cal_LDADD = $(TEST_LIBS)

check_PROGRAMS += tests/unit/test_period
TESTS += tests/unit/test_period
tests_unit_test_period_SOURCES = tests/unit/test_period.c
tests_unit_test_period_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_period_LDADD = $(TEST_LIBS)
