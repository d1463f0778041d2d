/* test_trace.c — the explanation trace (issue 9): per outcome sparse read
 * lists instead of outcomes × inputs tables. A policy of 20 000 outcomes is
 * explained in memory, and repeated reads (a loop, two rules) are listed once. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "policy.h"
#include "regel.h"

typedef struct sbuf {
    char *data;
    size_t len, cap;
} sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n =
            vsnprintf(b->data ? b->data + b->len : NULL, b->data ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        cr_assert_geq(n, 0);
        if (b->data && (size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        b->cap = (b->cap + (size_t)n + 1) * 2;
        b->data = realloc(b->data, b->cap);
        cr_assert_not_null(b->data);
    }
}

typedef struct run {
    regel_policy *p;
    regel_case *c;
    regel_eval *ev;
} run;

static void run_start(run *r, const char *src, size_t len, const char *json)
{
    regel_error err;
    char *diags = NULL;
    memset(r, 0, sizeof *r);
    cr_assert_eq(regel_policy_compile(src, len, "t.regel", &r->p, &diags, &err), REGEL_OK, "%s",
                 diags ? diags : err.message);
    regel_free(diags);
    cr_assert_eq(regel_case_from_json(r->p, json, strlen(json), "geval", &r->c, &err), REGEL_OK,
                 "%s", err.message);
    r->ev = regel_eval_new(r->p);
    cr_assert_not_null(r->ev);
    cr_assert_eq(regel_evaluate(r->ev, r->c, REGEL_EXPLAIN, &err), REGEL_OK, "%s", err.message);
}

static void run_end(run *r)
{
    regel_eval_free(r->ev);
    regel_case_free(r->c);
    regel_policy_free(r->p);
}

static char *render_one(const run *r, int formaat, const char *name)
{
    const char *only[1] = {name};
    char *out = NULL;
    size_t len;
    regel_error err;
    cr_assert_eq(regel_render(r->ev, formaat, only, 1, &out, &len, &err), REGEL_OK, "%s",
                 err.message);
    return out;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *s = strstr(hay, needle); s; s = strstr(s + 1, needle))
        n++;
    return n;
}

/* The internal (evaluation order) index of an outcome; the API's index is
 * the display order. */
static uint32_t outcome(const run *r, const char *name)
{
    for (uint32_t o = 0; o < r->p->n_outcomes; o++)
        if (strcmp(r->p->outcomes[o].name, name) == 0)
            return o;
    cr_assert_fail("no outcome %s", name);
    return 0;
}

static uint32_t input(const run *r, const char *name)
{
    long i = regel_input_find(r->p, name);
    cr_assert_geq(i, 0, "%s", name);
    return (uint32_t)i;
}

#define N_BIG 20000

/* N_BIG uitkomsten of one rule each (the generator of the issue), plus
 * `samen` that relies on three of them, one twice. */
Test(trace, many_outcomes_explained)
{
    sbuf src = {0};
    sb_printf(&src, "beleid \"groot\".\ninvoer a: getal.\nuitkomst\n    samen: getal");
    for (int i = 0; i < N_BIG; i++)
        sb_printf(&src, ",\n    u%d: getal", i);
    sb_printf(&src, ".\nregel \"samen\"\n    samen is u7 + u3 + u7 + u19999 + a.\n");
    for (int i = 0; i < N_BIG; i++)
        sb_printf(&src, "regel \"r%d\"\n    u%d is a + %d indien a > %d, anders 0.\n", i, i, i, i);
    run r;
    run_start(&r, src.data, src.len, "{\"a\": 1}");
    free(src.data);

    char *out = render_one(&r, REGEL_FORMAAT_TEKST, "u3");
    cr_assert_str_eq(out, "Beleid: groot\n"
                          "\n"
                          "u3: 0\n"
                          "  Volgens de regel \"r3\" is u3 0, omdat niet voldaan is aan: a > 3.\n"
                          "  Juridische grond\n"
                          "    Regel \"r3\"\n"
                          "  Waarom niet\n"
                          "    Niet voldaan: a > 3 (a = 1)\n"
                          "  Feitelijke gronden\n"
                          "    a = 1\n");
    regel_free(out);
    out = render_one(&r, REGEL_FORMAAT_JSON, "u0");
    cr_assert(strstr(out, "\"r0\""), "%s", out);
    regel_free(out);

    /* samen: its fact once, the outcomes it relies on once each, in display order */
    out = render_one(&r, REGEL_FORMAAT_TEKST, "samen");
    cr_assert(strstr(out, "samen: 1\n"), "%s", out); /* 0 + 0 + 0 + 0 + 1 */
    cr_assert_eq(count(out, "\n    a = 1\n"), 1, "%s", out);
    const char *u3 = strstr(out, "u3 = 0"), *u7 = strstr(out, "u7 = 0"),
               *u19999 = strstr(out, "u19999 = 0");
    cr_assert(u3 && u7 && u19999, "%s", out);
    cr_assert(u3 < u7 && u7 < u19999, "read u7 first, shown in display order: %s", out);
    cr_assert_eq(count(out, "u7 = 0"), 1, "%s", out);
    regel_free(out);

    /* the trace is sparse: what was read, each once */
    uint32_t t = outcome(&r, "samen");
    cr_assert_eq(r.ev->reads_outcome[t].n, 3, "%u", r.ev->reads_outcome[t].n);
    cr_assert_eq(r.ev->reads_input[t].n, 1);
    size_t total = 0;
    for (uint32_t o = 0; o < r.p->n_outcomes; o++)
        total += r.ev->reads_input[o].n + r.ev->reads_outcome[o].n + r.ev->reads_param[o].n;
    cr_assert_eq(total, (size_t)N_BIG + 1 + 3);
    run_end(&r);
}

/* An outcome reading the same input and outcome many times, in a loop and
 * through two rules, lists each once. */
Test(trace, repeated_reads_listed_once)
{
    static const char src[] = "beleid \"herhaald\".\n"
                              "invoer a: getal, l: lijst van getal.\n"
                              "uitkomst b: getal, c: getal, d: getal.\n"
                              "regel \"b\" b is a + a + a.\n"
                              "regel \"c\" c is som van x + a + b + a voor elke x in l.\n"
                              "regel \"d1\" d is b + a indien a > 0.\n"
                              "regel \"d2\" d is b - a indien a < 1.\n";
    run r;
    run_start(&r, src, sizeof src - 1, "{\"a\": 2, \"l\": [1, 2, 3, 4, 5, 6, 7, 8]}");
    uint32_t a = input(&r, "a"), l = input(&r, "l");
    uint32_t b = outcome(&r, "b"), c = outcome(&r, "c"), d = outcome(&r, "d");
    cr_assert_eq(r.ev->reads_input[b].n, 1);
    cr_assert_eq(r.ev->reads_input[c].n, 2);
    cr_assert(ev_list_has(&r.ev->reads_input[c], a) && ev_list_has(&r.ev->reads_input[c], l));
    cr_assert_eq(r.ev->reads_outcome[c].n, 1);
    cr_assert_eq(r.ev->reads_outcome[c].items[0], b);
    cr_assert_eq(r.ev->reads_input[d].n, 1, "both rules read a: listed once");
    cr_assert_eq(r.ev->reads_outcome[d].n, 1, "both rules read b: listed once");

    char *out = render_one(&r, REGEL_FORMAAT_TEKST, "c");
    cr_assert(strstr(out, "c: 116\n"), "%s", out); /* 36 + 8 × (2 + 6 + 2) */
    cr_assert_eq(count(out, "\n    a = 2\n"), 1, "%s", out);
    cr_assert_eq(count(out, "    l = "), 1, "%s", out);
    cr_assert_eq(count(out, "b = 6"), 1, "%s", out);
    regel_free(out);
    out = render_one(&r, REGEL_FORMAAT_TEKST, "d");
    cr_assert(strstr(out, "d: 8\n"), "%s", out);
    cr_assert_eq(count(out, "\n    a = 2\n"), 1, "%s", out);
    cr_assert_eq(count(out, "b = 6"), 1, "%s", out);
    regel_free(out);

    /* evaluated again without REGEL_EXPLAIN: no trace kept */
    regel_error err;
    cr_assert_eq(regel_evaluate(r.ev, r.c, 0, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(r.ev->reads_input[c].n, 0);
    cr_assert_eq(r.ev->reads_outcome[d].n, 0);
    run_end(&r);
}
