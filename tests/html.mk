# tests/html.mk — the HTML motivering (spec7 §4.6): unit tests of the page on
# a hand-built motivering, and the sample cases rendered in headless Chromium
# to PNG and PDF (skipped with a visible message when chromium is missing).
check_PROGRAMS += tests/unit/test_html
TESTS += tests/unit/test_html
tests_unit_test_html_SOURCES = tests/unit/test_html.c
tests_unit_test_html_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_html_LDADD = $(TEST_LIBS)

TESTS += tests/html/run.sh
EXTRA_DIST += tests/html/run.sh tests/html/overflow.js
