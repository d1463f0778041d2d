/* bigpolicy.h — a generated policy of many rules, in groups of five (a
 * begrip chain, a rule with a citation and its exception, a rule with two
 * versions, a soort test), for tests/unit/test_bigpolicy.c (issue 9) and the
 * compile-time benchmark bench/gen_policy.c (issue 11). Header-only. */
#ifndef REGEL_TESTS_BIGPOLICY_H
#define REGEL_TESTS_BIGPOLICY_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* A growing text; failed when memory ran out (s may then be NULL). */
typedef struct bigpolicy_text {
    char *s;
    size_t len, cap;
    bool failed;
} bigpolicy_text;

static inline void bigpolicy_put(bigpolicy_text *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static inline void bigpolicy_put(bigpolicy_text *t, const char *fmt, ...)
{
    while (!t->failed) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            t->failed = true;
            return;
        }
        if ((size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        size_t cap = t->cap * 2 + (size_t)n + 1;
        char *bigger = realloc(t->s, cap);
        if (!bigger) {
            t->failed = true;
            return;
        }
        t->s = bigger;
        t->cap = cap;
    }
}

/* The policy of `groups` groups (5 × groups rules); typo >= 0 misspells the
 * begrip of the chain read by group typo (`cc…` for `c…`). Free t.s. */
static inline bigpolicy_text bigpolicy_write(long groups, long typo)
{
    bigpolicy_text t = {malloc(1024), 0, 1024, false};
    t.failed = t.s == NULL;
    bigpolicy_text *p = &t;
    bigpolicy_put(p, "beleid \"gegenereerd, %ld regels\".\ninvoer a: getal, peildatum: datum",
                  groups * 5);
    for (long i = 0; i < groups; i++)
        bigpolicy_put(p, ",\n    s%ld: S%ld", i, i);
    bigpolicy_put(p, ".\n");
    for (long i = 0; i < groups; i++)
        bigpolicy_put(p, "soort S%ld is een van ja%ld, nee%ld, overig.\n", i, i, i);
    bigpolicy_put(p, "uitkomst\n");
    for (long i = 0; i < groups; i++)
        bigpolicy_put(p, "    u%ld: getal,\n    w%ld: getal,\n    b%ld: waarheid,\n", i, i, i);
    bigpolicy_put(p, "    eindwaarde: getal.\nbegrip\n");
    for (long i = 0; i < groups; i++)
        bigpolicy_put(p, "    c%ld: getal%s\n", i, i + 1 < groups ? "," : ".");
    for (long i = 0; i < groups; i++) {
        if (i == 0)
            bigpolicy_put(p, "regel \"c0\"\n    c0 is a + 1.\n");
        else
            bigpolicy_put(p, "regel \"c%ld\"\n    c%ld is %s%ld + 1.\n", i, i,
                          i == typo ? "cc" : "c", i - 1);
        bigpolicy_put(p,
                      "regel \"r%ld\"\n    bron \"Wet %ld\"\n    citaat \"Artikel %ld, lid 1.\"\n"
                      "    u%ld is a + %ld indien a > %ld, anders 0.\n",
                      i, i, i, i, i, i);
        bigpolicy_put(p, "uitzondering \"e%ld\" op \"r%ld\"\n    u%ld is 7 indien a is %ld.\n", i,
                      i, i, 100 + i);
        bigpolicy_put(p, "regel \"v%ld\" geldig tot 1 maart 2022\n    w%ld is 1.\n", i, i);
        bigpolicy_put(p, "regel \"v%ld\" geldig vanaf 1 maart 2022\n    w%ld is c%ld.\n", i, i, i);
        bigpolicy_put(p, "regel \"b%ld\"\n    b%ld is waar indien s%ld is overig, anders onwaar.\n",
                      i, i, i);
    }
    bigpolicy_put(p, "regel \"eindwaarde\"\n    eindwaarde is c%ld.\n", groups - 1);
    return t;
}

#endif
