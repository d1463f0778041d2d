/* test.h — `regel test` (cli/test.c): the entry point for cli/regel.c and
 * the small pure helpers the unit tests check (coverage arithmetic, XML
 * escaping, the --filter match). */
#ifndef REGEL_CLI_TEST_H
#define REGEL_CLI_TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* `regel test …`; argv[0] is "test". Exit status 0, 1 or 2. */
int regel_test_main(int argc, char **argv);

/* Whole percent of a out of b, rounded down; 100 when b is 0. */
unsigned rtest_percent(size_t a, size_t b);
/* Whether a/b (100% when b is 0) is below min percent (exact, no rounding). */
bool rtest_below(size_t a, size_t b, double min);
/* Covered condition outcomes: one per EV_COND_WAAR and one per EV_COND_ONWAAR
 * bit over n CONDs (so the total is 2 * n). */
size_t rtest_conds_covered(const uint8_t *seen, size_t n);
/* Append s to sb with & < > " ' escaped for XML; other control characters
 * than tab, newline and carriage return (not allowed in XML 1.0) become '?'. */
void rtest_xml_escape(strbuf *sb, const char *s);
/* Whether name contains filter, ignoring ASCII case (empty filter: true). */
bool rtest_matches(const char *name, const char *filter);

#endif
