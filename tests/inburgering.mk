# tests/inburgering.mk — the inburgering policy (stdlib-policies/) against
# the sample cases of its contract, compared outcome by outcome with jansson.
check_PROGRAMS += tests/unit/uitkomsten_gelijk
tests_unit_uitkomsten_gelijk_SOURCES = tests/unit/uitkomsten_gelijk.c
tests_unit_uitkomsten_gelijk_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
tests_unit_uitkomsten_gelijk_LDADD = $(JANSSON_LIBS)

TESTS += tests/inburgering.sh
EXTRA_DIST += tests/inburgering.sh $(wildcard $(srcdir)/tests/golden/inburgering/*.json) \
	$(wildcard $(srcdir)/stdlib-policies/gevallen/*.json)

# The language additions the policy needed (lijst van … voor elke …; a
# running `periode van a tot b` when b is geen).
check_PROGRAMS += tests/unit/test_lijst_van
TESTS += tests/unit/test_lijst_van
tests_unit_test_lijst_van_SOURCES = tests/unit/test_lijst_van.c
tests_unit_test_lijst_van_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_lijst_van_LDADD = $(TEST_LIBS)

# The citizen sentences (uitleg): every branch has one, no generated sentence
# in the 11 sample cases, and a readability measure (tests/zinnen.sh).
TESTS += tests/zinnen.sh
EXTRA_DIST += tests/zinnen.sh

# Issue 7: for every sample case, the text and HTML motivering of every
# uitkomst name the deciding rule, its citation and the facts it used.
check_PROGRAMS += tests/unit/test_motivering
TESTS += tests/unit/test_motivering
tests_unit_test_motivering_SOURCES = tests/unit/test_motivering.c tests/unit/repo_files.h
tests_unit_test_motivering_CFLAGS = $(TEST_CFLAGS_ALL)
tests_unit_test_motivering_LDADD = $(TEST_LIBS)
