/* test_host.c — host functions (issue 8, runtime/host.c and CALL_EXTERN in
 * vm.c): real C functions of every regel_ctype as argument and result called
 * through libffi, binding and its errors, onbekend/geen arguments (no call),
 * the call trace, dates and misuse. Policies come from rbc_builder. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "eval.h"
#include "policy.h"
#include "rbc_builder.h"
#include "regel.h"

#define FN(f) ((void (*)(void))(f))

/* Host functions have no user-data argument: they count their calls here
 * (each criterion test runs in its own process). */
static int calls;

/* ---- host functions of every type ---- */

static bool h_not(bool x)
{
    calls++;
    return !x;
}

static int64_t h_twice(int64_t x)
{
    calls++;
    return 2 * x;
}

static double h_half(double x)
{
    calls++;
    return x / 2;
}

static double h_third(double x)
{
    calls++;
    return x / 3;
}

static double h_ident(double x)
{
    calls++;
    return x;
}

static double h_tenth(void)
{
    calls++;
    return 0.1;
}

static double h_sum_pointish(double x)
{
    calls++;
    return x + 0.2; /* 0.1 + 0.2 = 0.30000000000000004 */
}

static bool h_is_third(double x)
{
    calls++;
    return x == 1.0 / 3.0;
}

static double h_nan(double x)
{
    calls++;
    (void)x;
    return NAN;
}

static double h_inf(double x)
{
    calls++;
    (void)x;
    return -INFINITY;
}

static double h_huge(double x)
{
    calls++;
    (void)x;
    return 1e300;
}

static const char *h_echo(const char *s)
{
    calls++;
    return s;
}

static const char *h_hello(void)
{
    calls++;
    return "héllo wereld";
}

/* A string in a buffer the next call overwrites: the runtime must copy it at once. */
static const char *h_counter_text(void)
{
    static char buf[32];
    calls++;
    snprintf(buf, sizeof buf, "oproep %d", calls);
    return buf;
}

static const char *h_null(const char *s)
{
    calls++;
    (void)s;
    return NULL;
}

static const char *h_bad_utf8(const char *s)
{
    calls++;
    (void)s;
    return "a\xff";
}

static int64_t h_strlen(const char *s)
{
    calls++;
    return (int64_t)strlen(s);
}

static int32_t h_next_day(int32_t d)
{
    calls++;
    return d + 1;
}

static int32_t h_far(int32_t d)
{
    calls++;
    (void)d;
    return INT32_MAX;
}

static int64_t h_days(int32_t d)
{
    calls++;
    return d;
}

static int64_t h_vat(int64_t cents)
{
    calls++;
    return cents * 121 / 100;
}

/* Monday..Friday from van to tot inclusive; 1970-01-01 was a Thursday. */
static int64_t h_werkdagen(int32_t van, int32_t tot)
{
    calls++;
    int64_t n = 0;
    for (int32_t d = van; d <= tot; d++) {
        int wd = (int)(((d % 7) + 7 + 3) % 7); /* 0 = Monday */
        n += wd < 5;
    }
    return n;
}

static int64_t h_sum16(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f, int64_t g,
                       int64_t h, int64_t i, int64_t j, int64_t k, int64_t l, int64_t m, int64_t n,
                       int64_t o, int64_t p)
{
    calls++;
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j + 11 * k +
           12 * l + 13 * m + 14 * n + 15 * o + 16 * p;
}

/* Every C type at once, in order: checks argument placement. */
static double h_mix(bool b, double x, const char *s, int32_t day, int64_t cents, int64_t n)
{
    calls++;
    return b ? x + (double)strlen(s) * 1000 + day * 10.0 + (double)cents / 100 + (double)n * 1e6
             : -1;
}

/* ---- policies ---- */

struct fixture {
    regel_policy *p;
    regel_eval *ev;
    struct regel_case c;
    rt_value facts[20];
    uint8_t defaulted[20];
    regel_error err;
    regel_functions *fs;
};

static void load(struct fixture *f, rbc_builder *b)
{
    size_t len;
    uint8_t *bytes = rb_finish(b, &len);
    regel_error err;
    int rc = regel_policy_load(bytes, len, "t.rbc", &f->p, &err);
    free(bytes);
    rb_free(b);
    cr_assert_eq(rc, REGEL_OK, "laden mislukt: %s", err.message);
    f->ev = regel_eval_new(f->p);
    cr_assert_not_null(f->ev);
    memset(f->facts, 0, sizeof f->facts);
    memset(f->defaulted, 0, sizeof f->defaulted);
    f->c.policy = f->p;
    f->c.arena = NULL;
    f->c.facts = f->facts;
    f->c.defaulted = f->defaulted;
    f->c.name = "geval.json";
    f->fs = regel_functions_new();
    cr_assert_not_null(f->fs);
    calls = 0;
}

static void unload(struct fixture *f)
{
    regel_eval_free(f->ev);
    regel_policy_free(f->p);
    regel_functions_free(f->fs);
}

/* The five scalar types, by kind. */
static void prim_types(rbc_builder *b, uint32_t t[16])
{
    static const uint8_t kinds[] = {RBC_TYPE_WAARHEID, RBC_TYPE_GETAL, RBC_TYPE_TEKST,
                                    RBC_TYPE_DATUM, RBC_TYPE_BEDRAG};
    for (size_t i = 0; i < sizeof kinds; i++)
        t[kinds[i]] = rb_type_prim(b, kinds[i]);
}

#define CALL_LINE 12
#define CALL_COL  5

/* A policy with inputs x0..x(n-1) of the given kinds (bit k of optional:
 * x_k is optional), extern `name` with those parameters and result kind
 * rkind, and outcome r = name(x0, …) by rule R. */
static void build1(struct fixture *f, const char *name, uint8_t rkind, uint32_t n,
                   const uint8_t *pkinds, uint32_t optional)
{
    rbc_builder *b = rb_new();
    rb_meta(b, "test", NULL, "host.regel");
    uint32_t t[16];
    prim_types(b, t);
    uint32_t params[16];
    for (uint32_t k = 0; k < n; k++) {
        char nm[8];
        snprintf(nm, sizeof nm, "x%u", k);
        rb_input_ext(b, nm, t[pkinds[k]], optional >> k & 1u ? RBC_OPTIONAL : 0, RBC_NONE, NULL);
        params[k] = t[pkinds[k]];
    }
    rb_extern(b, name, t[rkind], n, params);
    uint32_t o = rb_outcome(b, "r", t[rkind], RBC_OUTCOME_OUTPUT | RBC_OUTCOME_OPTIONAL, RBC_NONE);
    rb_rule_begin(b, "R", o, RBC_NONE);
    for (uint32_t k = 0; k < n; k++)
        rb_op1(b, OP_LOAD_INPUT, k);
    rb_line(b, rb_op1(b, OP_CALL_EXTERN, 0), CALL_LINE, CALL_COL);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    load(f, b);
}

static void add(struct fixture *f, const char *name, void (*fn)(void), regel_ctype r, size_t n,
                const regel_ctype *ps)
{
    regel_error err;
    cr_assert_eq(regel_functions_add(f->fs, name, fn, r, ps, n, &err), REGEL_OK, "%s", err.message);
}

static void bind(struct fixture *f)
{
    regel_error err;
    cr_assert_eq(regel_policy_bind(f->p, f->fs, &err), REGEL_OK, "%s", err.message);
}

static int run(struct fixture *f, unsigned flags)
{
    memset(&f->err, 0, sizeof f->err);
    return regel_evaluate(f->ev, &f->c, flags, &f->err);
}

static rt_value vtag(uint8_t tag)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = tag;
    return v;
}

static rt_value vb(bool b)
{
    rt_value v = vtag(RV_WAARHEID);
    v.u.b = b;
    return v;
}

static rt_value vq(int64_t n, int64_t d)
{
    rt_value v = vtag(RV_GETAL);
    cr_assert_eq(num_make(n, d, &v.u.q), NUM_OK);
    return v;
}

static rt_value vt(const char *s)
{
    rt_value v = vtag(RV_TEKST);
    v.u.str.s = s;
    v.u.str.len = (uint32_t)strlen(s);
    return v;
}

static rt_value vd(int y, int m, int d)
{
    rt_value v = vtag(RV_DATUM);
    v.u.day = cal_from_ymd(y, m, d);
    return v;
}

static rt_value vc(int64_t cents)
{
    rt_value v = vtag(RV_BEDRAG);
    v.u.cents = cents;
    return v;
}

/* The decided getal of outcome o. */
static num_q out_q(struct fixture *f, uint32_t o)
{
    cr_assert_eq(f->ev->status[o], EV_DECIDED, "status %d", f->ev->status[o]);
    cr_assert_eq(f->ev->values[o].tag, RV_GETAL);
    return f->ev->values[o].u.q;
}

static void assert_q(num_q q, int64_t n, int64_t d)
{
    num_q want;
    cr_assert_eq(num_make(n, d, &want), NUM_OK);
    cr_assert(num_eq(q, want), "kreeg %lld/%lld, verwacht %lld/%lld", (long long)q.num,
              (long long)q.den, (long long)want.num, (long long)want.den);
}

/* The evaluation failed with REGEL_ERR_EVAL at the CALL_EXTERN, naming rule R. */
static void assert_eval_error(struct fixture *f, int rc, const char *part)
{
    cr_assert_eq(rc, REGEL_ERR_EVAL, "rc %d: %s", rc, f->err.message);
    cr_assert(strstr(f->err.message, part), "melding: %s", f->err.message);
    cr_assert(strstr(f->err.message, "in regel ‘R’"), "melding: %s", f->err.message);
    cr_assert_eq(f->err.line, CALL_LINE);
    cr_assert_eq(f->err.column, CALL_COL);
    cr_assert_str_eq(f->err.file, "host.regel");
}

static const uint8_t K_W[] = {RBC_TYPE_WAARHEID};
static const uint8_t K_G[] = {RBC_TYPE_GETAL};
static const uint8_t K_T[] = {RBC_TYPE_TEKST};
static const uint8_t K_D[] = {RBC_TYPE_DATUM};
static const uint8_t K_B[] = {RBC_TYPE_BEDRAG};
static const regel_ctype C_BOOL[] = {REGEL_C_BOOL};
static const regel_ctype C_INT[] = {REGEL_C_INT64};
static const regel_ctype C_DBL[] = {REGEL_C_DOUBLE};
static const regel_ctype C_STR[] = {REGEL_C_STRING};
static const regel_ctype C_DATE[] = {REGEL_C_DATE};
static const regel_ctype C_CENTS[] = {REGEL_C_CENTS};

/* ---- every type as argument and result ---- */

Test(host, bool_in_and_out)
{
    struct fixture f;
    build1(&f, "niet_zo", RBC_TYPE_WAARHEID, 1, K_W, 0);
    add(&f, "niet_zo", FN(h_not), REGEL_C_BOOL, 1, C_BOOL);
    bind(&f);
    for (int x = 0; x < 2; x++) {
        f.facts[0] = vb(x);
        cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
        cr_assert_eq(f.ev->values[0].tag, RV_WAARHEID);
        cr_assert_eq(f.ev->values[0].u.b, !x);
    }
    cr_assert_eq(calls, 2);
    unload(&f);
}

Test(host, int64_in_and_out)
{
    struct fixture f;
    build1(&f, "dubbel", RBC_TYPE_GETAL, 1, K_G, 0);
    add(&f, "dubbel", FN(h_twice), REGEL_C_INT64, 1, C_INT);
    bind(&f);
    f.facts[0] = vq(21, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 42, 1);
    f.facts[0] = vq(-4611686018427387904LL, 1); /* -2^62: exact, no rounding anywhere */
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), INT64_MIN, 1);
    cr_assert_eq(calls, 2);
    /* a non-whole argument: an evaluation error, the function is not called */
    f.facts[0] = vq(5, 2);
    assert_eval_error(&f, run(&f, 0),
                      "argument 1 van externe functie ‘dubbel’ moet een geheel "
                      "getal zijn, maar is 2,5");
    cr_assert_eq(calls, 2);
    f.facts[0] = vq(1, 3); /* no finite decimal: shown as a fraction */
    assert_eval_error(&f, run(&f, 0), "maar is 1/3");
    unload(&f);
}

Test(host, double_results_are_shortest_round_trip)
{
    struct fixture f;
    build1(&f, "half", RBC_TYPE_GETAL, 1, K_G, 0);
    add(&f, "half", FN(h_half), REGEL_C_DOUBLE, 1, C_DBL);
    bind(&f);
    f.facts[0] = vq(1, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 1, 2);
    f.facts[0] = vq(-5, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), -5, 2);
    unload(&f);

    build1(&f, "derde", RBC_TYPE_GETAL, 1, K_G, 0);
    add(&f, "derde", FN(h_third), REGEL_C_DOUBLE, 1, C_DBL);
    bind(&f);
    f.facts[0] = vq(1, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    /* 1.0/3 prints as 0.3333333333333333 (16 digits round-trip), not the 17-digit form */
    assert_q(out_q(&f, 0), 3333333333333333LL, 10000000000000000LL);
    unload(&f);

    build1(&f, "plus_een_vijfde", RBC_TYPE_GETAL, 1, K_G, 0);
    add(&f, "plus_een_vijfde", FN(h_sum_pointish), REGEL_C_DOUBLE, 1, C_DBL);
    bind(&f);
    f.facts[0] = vq(1, 10);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 30000000000000004LL, 100000000000000000LL);
    unload(&f);

    build1(&f, "tiende", RBC_TYPE_GETAL, 0, NULL, 0);
    add(&f, "tiende", FN(h_tenth), REGEL_C_DOUBLE, 0, NULL);
    bind(&f);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 1, 10); /* exactly 1/10, not 0.1000000000000000055… */
    cr_assert_eq(calls, 1);
    unload(&f);
}

Test(host, double_arguments_are_the_nearest_double)
{
    struct fixture f;
    build1(&f, "zelfde", RBC_TYPE_GETAL, 1, K_G, 0);
    add(&f, "zelfde", FN(h_ident), REGEL_C_DOUBLE, 1, C_DBL);
    bind(&f);
    /* 2^53 + 1 lies halfway: ties to even give 2^53; 2^53 + 3 gives 2^53 + 4 */
    f.facts[0] = vq(9007199254740993LL, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 9007199254740992LL, 1);
    f.facts[0] = vq(9007199254740995LL, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 9007199254740996LL, 1);
    f.facts[0] = vq(-7, 4);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), -7, 4);
    f.facts[0] = vq(1, 1048576); /* 2^-20 = 9.5367431640625e-07: exact */
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 1, 1048576);
    /* 2^-40 prints as 9.094947017729282e-13: 10^28 does not fit a denominator */
    f.facts[0] = vq(1, 1099511627776LL);
    assert_eval_error(&f, run(&f, 0), "gaf 9.094947017729282e-13 terug; dat past niet");
    /* INT64_MAX becomes 2^63 as a double, which does not fit an exact getal */
    f.facts[0] = vq(INT64_MAX, 1);
    assert_eval_error(&f, run(&f, 0), "past niet als exact getal");
    unload(&f);

    build1(&f, "is_derde", RBC_TYPE_WAARHEID, 1, K_G, 0);
    add(&f, "is_derde", FN(h_is_third), REGEL_C_BOOL, 1, C_DBL);
    bind(&f);
    f.facts[0] = vq(1, 3);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->values[0].u.b, true, "1/3 moet als 1.0/3.0 aankomen");
    f.facts[0] = vq(333333333333333333LL, 1000000000000000000LL);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->values[0].u.b, true, "0,333…3 (18 cijfers) ligt het dichtst bij 1.0/3.0");
    f.facts[0] = vq(1, 2);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->values[0].u.b, false);
    unload(&f);
}

Test(host, double_nan_inf_and_huge_are_errors)
{
    struct fixture f;
    build1(&f, "nan", RBC_TYPE_GETAL, 1, K_G, 0);
    add(&f, "nan", FN(h_nan), REGEL_C_DOUBLE, 1, C_DBL);
    bind(&f);
    f.facts[0] = vq(1, 1);
    assert_eval_error(&f, run(&f, 0),
                      "externe functie ‘nan’ gaf NaN terug in plaats van een getal");
    cr_assert_eq(calls, 1);
    cr_assert_eq(f.ev->evaluated, false);
    unload(&f);

    build1(&f, "oneindig", RBC_TYPE_GETAL, 1, K_G, 0);
    add(&f, "oneindig", FN(h_inf), REGEL_C_DOUBLE, 1, C_DBL);
    bind(&f);
    f.facts[0] = vq(1, 1);
    assert_eval_error(&f, run(&f, 0), "gaf min oneindig terug");
    unload(&f);

    build1(&f, "groot", RBC_TYPE_GETAL, 1, K_G, 0);
    add(&f, "groot", FN(h_huge), REGEL_C_DOUBLE, 1, C_DBL);
    bind(&f);
    f.facts[0] = vq(1, 1);
    assert_eval_error(&f, run(&f, 0), "gaf 1e+300 terug; dat past niet als exact getal");
    unload(&f);
}

Test(host, string_in_and_out)
{
    struct fixture f;
    build1(&f, "echo", RBC_TYPE_TEKST, 1, K_T, 0);
    add(&f, "echo", FN(h_echo), REGEL_C_STRING, 1, C_STR);
    bind(&f);
    char arg[] = "Zoë";
    f.facts[0] = vt(arg);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    const rt_value *v = &f.ev->values[0];
    cr_assert_eq(v->tag, RV_TEKST);
    cr_assert_str_eq(v->u.str.s, "Zoë");
    cr_assert_eq(v->u.str.len, strlen("Zoë"));
    cr_assert_neq(v->u.str.s, arg, "the returned string is copied");
    unload(&f);

    build1(&f, "lengte", RBC_TYPE_GETAL, 1, K_T, 0);
    add(&f, "lengte", FN(h_strlen), REGEL_C_INT64, 1, C_STR);
    bind(&f);
    f.facts[0] = vt("abc€"); /* UTF-8 bytes, NUL-terminated */
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 6, 1);
    unload(&f);

    build1(&f, "hallo", RBC_TYPE_TEKST, 0, NULL, 0);
    add(&f, "hallo", FN(h_hello), REGEL_C_STRING, 0, NULL);
    bind(&f);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_str_eq(f.ev->values[0].u.str.s, "héllo wereld");
    unload(&f);
}

Test(host, returned_strings_are_copied_at_once)
{
    /* two outcomes call a function that reuses one buffer */
    struct fixture f;
    rbc_builder *b = rb_new();
    uint32_t tt = rb_type_prim(b, RBC_TYPE_TEKST);
    rb_extern(b, "teller", tt, 0, NULL);
    for (int k = 0; k < 2; k++) {
        uint32_t o = rb_outcome(b, k ? "b" : "a", tt, RBC_OUTCOME_OUTPUT, RBC_NONE);
        rb_rule_begin(b, k ? "B" : "A", o, RBC_NONE);
        rb_op1(b, OP_CALL_EXTERN, 0);
        rb_op(b, OP_RESULT);
        rb_rule_end(b);
    }
    load(&f, b);
    add(&f, "teller", FN(h_counter_text), REGEL_C_STRING, 0, NULL);
    bind(&f);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_str_eq(f.ev->values[0].u.str.s, "oproep 1");
    cr_assert_str_eq(f.ev->values[1].u.str.s, "oproep 2");
    unload(&f);
}

Test(host, string_null_and_bad_utf8_are_errors)
{
    struct fixture f;
    build1(&f, "niets", RBC_TYPE_TEKST, 1, K_T, 0);
    add(&f, "niets", FN(h_null), REGEL_C_STRING, 1, C_STR);
    bind(&f);
    f.facts[0] = vt("x");
    assert_eval_error(&f, run(&f, 0),
                      "externe functie ‘niets’ gaf NULL terug in plaats van een tekst");
    unload(&f);

    build1(&f, "rommel", RBC_TYPE_TEKST, 1, K_T, 0);
    add(&f, "rommel", FN(h_bad_utf8), REGEL_C_STRING, 1, C_STR);
    bind(&f);
    f.facts[0] = vt("x");
    assert_eval_error(&f, run(&f, 0), "geen geldige UTF-8 is (byte 1)");
    unload(&f);
}

Test(host, dates_are_days_since_1970)
{
    struct fixture f;
    build1(&f, "dagnummer", RBC_TYPE_GETAL, 1, K_D, 0);
    add(&f, "dagnummer", FN(h_days), REGEL_C_INT64, 1, C_DATE);
    bind(&f);
    f.facts[0] = vd(1970, 1, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 0, 1);
    f.facts[0] = vd(2023, 3, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 19417, 1);
    f.facts[0] = vd(1, 1, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), -719162, 1);
    unload(&f);

    build1(&f, "morgen", RBC_TYPE_DATUM, 1, K_D, 0);
    add(&f, "morgen", FN(h_next_day), REGEL_C_DATE, 1, C_DATE);
    bind(&f);
    f.facts[0] = vd(2023, 2, 28);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->values[0].tag, RV_DATUM);
    cr_assert_eq(f.ev->values[0].u.day, cal_from_ymd(2023, 3, 1));
    f.facts[0] = vd(9999, 12, 31); /* the next day is outside the calendar */
    assert_eval_error(&f, run(&f, 0),
                      "gaf dag 2932897 (sinds 1 januari 1970) terug, buiten het "
                      "bereik 1-9999");
    unload(&f);

    build1(&f, "ver", RBC_TYPE_DATUM, 1, K_D, 0);
    add(&f, "ver", FN(h_far), REGEL_C_DATE, 1, C_DATE);
    bind(&f);
    f.facts[0] = vd(2000, 1, 1);
    assert_eval_error(&f, run(&f, 0), "buiten het bereik 1-9999");
    unload(&f);
}

Test(host, cents_in_and_out)
{
    struct fixture f;
    build1(&f, "met_btw", RBC_TYPE_BEDRAG, 1, K_B, 0);
    add(&f, "met_btw", FN(h_vat), REGEL_C_CENTS, 1, C_CENTS);
    bind(&f);
    f.facts[0] = vc(10000);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->values[0].tag, RV_BEDRAG);
    cr_assert_eq(f.ev->values[0].u.cents, 12100);
    f.facts[0] = vc(-3);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->values[0].u.cents, -3);
    unload(&f);
}

Test(host, werkdagen_two_dates)
{
    struct fixture f;
    const uint8_t k[] = {RBC_TYPE_DATUM, RBC_TYPE_DATUM};
    const regel_ctype c[] = {REGEL_C_DATE, REGEL_C_DATE};
    build1(&f, "werkdagen_tussen", RBC_TYPE_GETAL, 2, k, 0);
    add(&f, "werkdagen_tussen", FN(h_werkdagen), REGEL_C_INT64, 2, c);
    bind(&f);
    f.facts[0] = vd(2023, 3, 1);
    f.facts[1] = vd(2023, 3, 31);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 23, 1);
    f.facts[0] = vd(2023, 3, 4); /* Saturday, Sunday */
    f.facts[1] = vd(2023, 3, 5);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 0, 1);
    unload(&f);
}

Test(host, every_type_in_one_call)
{
    struct fixture f;
    const uint8_t k[] = {RBC_TYPE_WAARHEID, RBC_TYPE_GETAL,  RBC_TYPE_TEKST,
                         RBC_TYPE_DATUM,    RBC_TYPE_BEDRAG, RBC_TYPE_GETAL};
    const regel_ctype c[] = {REGEL_C_BOOL, REGEL_C_DOUBLE, REGEL_C_STRING,
                             REGEL_C_DATE, REGEL_C_CENTS,  REGEL_C_INT64};
    build1(&f, "mix", RBC_TYPE_GETAL, 6, k, 0);
    add(&f, "mix", FN(h_mix), REGEL_C_DOUBLE, 6, c);
    bind(&f);
    f.facts[0] = vb(true);
    f.facts[1] = vq(1, 4);
    f.facts[2] = vt("abc");
    f.facts[3] = vd(1970, 1, 3);
    f.facts[4] = vc(250);
    f.facts[5] = vq(7, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    /* 0.25 + 3·1000 + 2·10 + 2.5 + 7·10^6 */
    assert_q(out_q(&f, 0), 700302275, 100);
    unload(&f);
}

Test(host, sixteen_parameters)
{
    struct fixture f;
    uint8_t k[16];
    regel_ctype c[16];
    for (int i = 0; i < 16; i++) {
        k[i] = RBC_TYPE_GETAL;
        c[i] = REGEL_C_INT64;
    }
    build1(&f, "som16", RBC_TYPE_GETAL, 16, k, 0);
    add(&f, "som16", FN(h_sum16), REGEL_C_INT64, 16, c);
    bind(&f);
    for (int i = 0; i < 16; i++)
        f.facts[i] = vq(i == 15 ? 1000 : 1, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    /* 1+2+…+15 + 16·1000 */
    assert_q(out_q(&f, 0), 120 + 16000, 1);
    unload(&f);
}

/* ---- onbekend and geen: no call ---- */

Test(host, onbekend_argument_no_call_union_of_causes)
{
    struct fixture f;
    const uint8_t k[] = {RBC_TYPE_DATUM, RBC_TYPE_DATUM};
    const regel_ctype c[] = {REGEL_C_DATE, REGEL_C_DATE};
    build1(&f, "werkdagen_tussen", RBC_TYPE_GETAL, 2, k, 0);
    add(&f, "werkdagen_tussen", FN(h_werkdagen), REGEL_C_INT64, 2, c);
    bind(&f);
    /* both absent */
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(calls, 0);
    cr_assert_eq(f.ev->status[0], EV_UNKNOWN);
    cr_assert_not_null(f.ev->causes[0]);
    cr_assert_eq(f.ev->causes[0][0], 1);
    cr_assert_eq(f.ev->causes[0][1], 1);
    cr_assert_eq(f.ev->missing[0], 1);
    cr_assert_eq(f.ev->missing[1], 1);
    cr_assert_null(f.ev->calls, "a call that did not happen is not in the trace");
    /* one absent: only its cause */
    f.facts[0] = vd(2023, 3, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(calls, 0);
    cr_assert_eq(f.ev->status[0], EV_UNKNOWN);
    cr_assert_eq(f.ev->causes[0][0], 0);
    cr_assert_eq(f.ev->causes[0][1], 1);
    /* both known: one call */
    f.facts[1] = vd(2023, 3, 2);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(calls, 1);
    assert_q(out_q(&f, 0), 2, 1);
    unload(&f);
}

Test(host, geen_argument_no_call)
{
    struct fixture f;
    const uint8_t k[] = {RBC_TYPE_GETAL, RBC_TYPE_GETAL};
    const regel_ctype c[] = {REGEL_C_INT64, REGEL_C_INT64};
    build1(&f, "f", RBC_TYPE_GETAL, 2, k, 3u /* both optional */);
    add(&f, "f", FN(h_werkdagen), REGEL_C_INT64, 2, c);
    bind(&f);
    f.facts[0] = vtag(RV_GEEN);
    f.facts[1] = vq(1, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(calls, 0);
    cr_assert_eq(f.ev->status[0], EV_DECIDED);
    cr_assert_eq(f.ev->values[0].tag, RV_GEEN);
    /* onbekend beats geen: onbekend, caused by x1 only */
    f.facts[1] = vtag(RV_ONBEKEND);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(calls, 0);
    cr_assert_eq(f.ev->status[0], EV_UNKNOWN);
    cr_assert_eq(f.ev->causes[0][0], 0);
    cr_assert_eq(f.ev->causes[0][1], 1);
    unload(&f);
}

/* ---- the call trace ---- */

/* o0 = dubbel(x0); o1 = dubbel(o0); o2 = dubbel(x1) (x1 absent: not called);
 * o3: root R3 = dubbel(x0), exception E3 = 7 (applies: R3 is set aside). */
static void build_trace(struct fixture *f)
{
    rbc_builder *b = rb_new();
    uint32_t tg = rb_type_prim(b, RBC_TYPE_GETAL);
    rb_input(b, "x0", tg);
    rb_input(b, "x1", tg);
    uint32_t params[] = {tg};
    rb_extern(b, "dubbel", tg, 1, params);
    uint32_t c7 = rb_const_num(b, 7, 1);
    uint32_t o[4];
    for (int k = 0; k < 4; k++) {
        char nm[8];
        snprintf(nm, sizeof nm, "o%d", k);
        o[k] = rb_outcome(b, nm, tg, RBC_OUTCOME_OUTPUT, RBC_NONE);
    }
    rb_rule_begin(b, "R0", o[0], RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "R1", o[1], RBC_NONE);
    rb_op1(b, OP_LOAD_OUTCOME, o[0]);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "R2", o[2], RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    uint32_t r3 = rb_rule_begin(b, "R3", o[3], RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "E3", o[3], r3);
    rb_op1(b, OP_PUSH_CONST, c7);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    load(f, b);
    add(f, "dubbel", FN(h_twice), REGEL_C_INT64, 1, C_INT);
    bind(f);
}

Test(host, trace_lists_calls_in_order)
{
    struct fixture f;
    build_trace(&f);
    f.facts[0] = vq(21, 1);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    const ev_call *c = f.ev->calls;
    cr_assert_not_null(c);
    cr_assert_eq(c->outcome, 0);
    cr_assert_eq(c->fn, 0);
    cr_assert_eq(c->args[0].tag, RV_GETAL);
    assert_q(c->args[0].u.q, 21, 1);
    assert_q(c->result.u.q, 42, 1);
    c = c->next;
    cr_assert_not_null(c);
    cr_assert_eq(c->outcome, 1);
    assert_q(c->args[0].u.q, 42, 1);
    assert_q(c->result.u.q, 84, 1);
    cr_assert_null(c->next, "o2 was not called (onbekend), R3 was set aside");
    cr_assert_eq(f.ev->calls_tail, c);
    assert_q(out_q(&f, 3), 7, 1);
    /* the set-aside run of R3 does call (for its own value in the motivering) */
    cr_assert_eq(calls, 3);
    cr_assert_eq(f.ev->rule_trace[3].end, EV_END_RESULT);
    assert_q(f.ev->rule_trace[3].value.u.q, 42, 1);
    unload(&f);
}

Test(host, no_trace_without_explain)
{
    struct fixture f;
    build_trace(&f);
    f.facts[0] = vq(21, 1);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    cr_assert_not_null(f.ev->calls);
    calls = 0;
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_null(f.ev->calls, "the previous trace is gone");
    cr_assert_null(f.ev->calls_tail);
    cr_assert_eq(calls, 2, "without explaining the set-aside rule does not run");
    assert_q(out_q(&f, 1), 84, 1);
    unload(&f);
}

Test(host, trace_keeps_string_arguments_and_results)
{
    struct fixture f;
    build1(&f, "echo", RBC_TYPE_TEKST, 1, K_T, 0);
    add(&f, "echo", FN(h_echo), REGEL_C_STRING, 1, C_STR);
    bind(&f);
    f.facts[0] = vt("tekst");
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    const ev_call *c = f.ev->calls;
    cr_assert_not_null(c);
    cr_assert_null(c->next);
    cr_assert_str_eq(c->args[0].u.str.s, "tekst");
    cr_assert_eq(c->result.tag, RV_TEKST);
    cr_assert_str_eq(c->result.u.str.s, "tekst");
    cr_assert_eq(c->result.u.str.s, f.ev->values[0].u.str.s);
    unload(&f);
}

/* ---- binding ---- */

/* f(getal): getal and g(datum, tekst): waarheid */
static void build_two(struct fixture *f)
{
    rbc_builder *b = rb_new();
    uint32_t t[16];
    prim_types(b, t);
    uint32_t pf[] = {t[RBC_TYPE_GETAL]};
    uint32_t pg[] = {t[RBC_TYPE_DATUM], t[RBC_TYPE_TEKST]};
    rb_extern(b, "f", t[RBC_TYPE_GETAL], 1, pf);
    rb_extern(b, "g", t[RBC_TYPE_WAARHEID], 2, pg);
    uint32_t c1 = rb_const_num(b, 1, 1);
    uint32_t o = rb_outcome(b, "r", t[RBC_TYPE_GETAL], RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_rule_begin(b, "R", o, RBC_NONE);
    rb_op1(b, OP_PUSH_CONST, c1);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    load(f, b);
}

static bool h_g(int32_t d, const char *s)
{
    calls++;
    return d > 0 && *s;
}

static void expect_bind_error(struct fixture *f, const char *const *parts, size_t n)
{
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_policy_bind(f->p, f->fs, &err), REGEL_ERR_USAGE);
    cr_assert_eq(err.code, REGEL_ERR_USAGE);
    for (size_t i = 0; i < n; i++)
        cr_assert(strstr(err.message, parts[i]), "‘%s’ ontbreekt in: %s", parts[i], err.message);
    cr_assert_eq(regel_extern_bound(f->p, 0), 0, "a failed bind binds nothing");
    cr_assert_eq(regel_extern_bound(f->p, 1), 0);
}

Test(host, extern_listing_and_binding)
{
    struct fixture f;
    build_two(&f);
    cr_assert_eq(regel_extern_count(f.p), 2);
    cr_assert_str_eq(regel_extern_name(f.p, 0), "f");
    cr_assert_str_eq(regel_extern_name(f.p, 1), "g");
    cr_assert_null(regel_extern_name(f.p, 2));
    cr_assert_eq(regel_extern_bound(f.p, 0), 0);
    cr_assert_eq(regel_extern_bound(f.p, 2), 0);
    cr_assert_eq(regel_extern_count(NULL), 0);
    cr_assert_null(regel_extern_name(NULL, 0));
    cr_assert_eq(regel_extern_bound(NULL, 0), 0);
    const regel_ctype cg[] = {REGEL_C_DATE, REGEL_C_STRING};
    add(&f, "f", FN(h_twice), REGEL_C_INT64, 1, C_INT);
    add(&f, "g", FN(h_g), REGEL_C_BOOL, 2, cg);
    add(&f, "ongebruikt", FN(h_hello), REGEL_C_STRING, 0, NULL); /* ignored */
    bind(&f);
    cr_assert_eq(regel_extern_bound(f.p, 0), 1);
    cr_assert_eq(regel_extern_bound(f.p, 1), 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 2, 1);
    /* binding again, to another table, replaces the functions */
    regel_functions *fs2 = regel_functions_new();
    regel_error err;
    cr_assert_eq(regel_functions_add(fs2, "f", FN(h_half), REGEL_C_DOUBLE, C_DBL, 1, &err),
                 REGEL_OK);
    cr_assert_eq(regel_functions_add(fs2, "g", FN(h_g), REGEL_C_BOOL, cg, 2, &err), REGEL_OK);
    cr_assert_eq(regel_policy_bind(f.p, fs2, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 1, 2);
    regel_functions_free(fs2);
    unload(&f);
}

Test(host, getal_accepts_int64_and_double)
{
    struct fixture f;
    build1(&f, "f", RBC_TYPE_GETAL, 1, K_G, 0);
    add(&f, "f", FN(h_ident), REGEL_C_DOUBLE, 1, C_DBL);
    bind(&f);
    unload(&f);
    build1(&f, "f", RBC_TYPE_GETAL, 1, K_G, 0);
    add(&f, "f", FN(h_twice), REGEL_C_INT64, 1, C_INT);
    bind(&f);
    unload(&f);
}

Test(host, bind_missing_function)
{
    struct fixture f;
    build_two(&f);
    add(&f, "f", FN(h_twice), REGEL_C_INT64, 1, C_INT);
    const char *parts[] = {"externe functie ‘g’", "g(datum, tekst): waarheid",
                           "staat niet in de functietabel", "regel_functions_add"};
    expect_bind_error(&f, parts, 4);
    unload(&f);
}

Test(host, bind_wrong_parameter_count)
{
    struct fixture f;
    build_two(&f);
    const regel_ctype c2[] = {REGEL_C_INT64, REGEL_C_INT64};
    add(&f, "f", FN(h_werkdagen), REGEL_C_INT64, 2, c2);
    const char *parts[] = {"externe functie ‘f’ past niet", "f(getal): getal",
                           "f(REGEL_C_INT64, REGEL_C_INT64): REGEL_C_INT64",
                           "2 parameters in plaats van 1"};
    expect_bind_error(&f, parts, 4);
    unload(&f);
}

Test(host, bind_wrong_parameter_type)
{
    struct fixture f;
    build_two(&f);
    const regel_ctype cg[] = {REGEL_C_INT64, REGEL_C_STRING}; /* datum needs DATE */
    add(&f, "f", FN(h_twice), REGEL_C_INT64, 1, C_INT);
    add(&f, "g", FN(h_g), REGEL_C_BOOL, 2, cg);
    const char *parts[] = {"externe functie ‘g’ past niet", "g(datum, tekst): waarheid",
                           "g(REGEL_C_INT64, REGEL_C_STRING): REGEL_C_BOOL",
                           "parameter 1 (datum) vraagt REGEL_C_DATE"};
    expect_bind_error(&f, parts, 4);
    unload(&f);
}

Test(host, bind_wrong_result_type)
{
    struct fixture f;
    build_two(&f);
    add(&f, "f", FN(h_days), REGEL_C_CENTS, 1, C_INT); /* getal result as cents */
    const char *parts[] = {"f(REGEL_C_INT64): REGEL_C_CENTS",
                           "het resultaat getal vraagt REGEL_C_INT64 of REGEL_C_DOUBLE"};
    expect_bind_error(&f, parts, 2);
    unload(&f);
}

Test(host, bind_misuse)
{
    struct fixture f;
    build_two(&f);
    regel_error err;
    cr_assert_eq(regel_policy_bind(NULL, f.fs, &err), REGEL_ERR_USAGE);
    cr_assert(strstr(err.message, "regel_policy_bind"));
    cr_assert_eq(regel_policy_bind(f.p, NULL, &err), REGEL_ERR_USAGE);
    cr_assert_eq(regel_policy_bind(f.p, NULL, NULL), REGEL_ERR_USAGE, "err may be NULL");
    unload(&f);
    /* a policy without externs binds to any table, even an empty one */
    build1(&f, "f", RBC_TYPE_GETAL, 1, K_G, 0);
    rbc_builder *b = rb_new();
    uint32_t tw = rb_type_prim(b, RBC_TYPE_WAARHEID);
    uint32_t o = rb_outcome(b, "r", tw, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_rule_begin(b, "R", o, RBC_NONE);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    size_t len;
    uint8_t *bytes = rb_finish(b, &len);
    rb_free(b);
    regel_policy *plain = NULL;
    cr_assert_eq(regel_policy_load(bytes, len, "p.rbc", &plain, &err), REGEL_OK, "%s", err.message);
    free(bytes);
    cr_assert_eq(regel_extern_count(plain), 0);
    cr_assert_eq(regel_policy_bind(plain, f.fs, &err), REGEL_OK);
    regel_policy_free(plain);
    unload(&f);
}

Test(host, unbound_evaluation_fails_before_running)
{
    struct fixture f;
    build_two(&f);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_ERR_USAGE);
    cr_assert_str_eq(f.err.message, "externe functie ‘f’ is niet gebonden (regel_policy_bind)");
    cr_assert_eq(calls, 0);
    cr_assert_eq(f.ev->evaluated, false);
    /* after a failed bind it stays unbound */
    add(&f, "f", FN(h_twice), REGEL_C_INT64, 1, C_INT);
    regel_error err;
    cr_assert_eq(regel_policy_bind(f.p, f.fs, &err), REGEL_ERR_USAGE);
    cr_assert_eq(run(&f, 0), REGEL_ERR_USAGE);
    cr_assert_eq(calls, 0);
    unload(&f);
}

/* ---- the function table ---- */

Test(host, functions_add_errors)
{
    regel_functions *fs = regel_functions_new();
    cr_assert_not_null(fs);
    regel_error err;
    cr_assert_eq(regel_functions_add(NULL, "f", FN(h_twice), REGEL_C_INT64, C_INT, 1, &err),
                 REGEL_ERR_USAGE);
    cr_assert_eq(regel_functions_add(fs, NULL, FN(h_twice), REGEL_C_INT64, C_INT, 1, &err),
                 REGEL_ERR_USAGE);
    cr_assert_eq(regel_functions_add(fs, "f", NULL, REGEL_C_INT64, C_INT, 1, &err),
                 REGEL_ERR_USAGE);
    cr_assert_eq(regel_functions_add(fs, "f", FN(h_twice), REGEL_C_INT64, NULL, 1, &err),
                 REGEL_ERR_USAGE, "params NULL with n_params 1");
    cr_assert_eq(regel_functions_add(fs, "", FN(h_twice), REGEL_C_INT64, C_INT, 1, &err),
                 REGEL_ERR_USAGE);
    cr_assert(strstr(err.message, "lege naam"), "%s", err.message);
    cr_assert_eq(regel_functions_add(fs, "f", FN(h_twice), (regel_ctype)0, C_INT, 1, &err),
                 REGEL_ERR_USAGE);
    cr_assert(strstr(err.message, "onbekend resultaattype (0)"), "%s", err.message);
    const regel_ctype bad[] = {REGEL_C_INT64, (regel_ctype)7};
    cr_assert_eq(regel_functions_add(fs, "f", FN(h_twice), REGEL_C_INT64, bad, 2, &err),
                 REGEL_ERR_USAGE);
    cr_assert(strstr(err.message, "parameter 2 van functie ‘f’ heeft een onbekend type (7)"), "%s",
              err.message);
    regel_ctype many[17];
    for (int i = 0; i < 17; i++)
        many[i] = REGEL_C_INT64;
    cr_assert_eq(regel_functions_add(fs, "f", FN(h_sum16), REGEL_C_INT64, many, 17, &err),
                 REGEL_ERR_USAGE);
    cr_assert(strstr(err.message, "17 parameters (hoogstens 16)"), "%s", err.message);
    cr_assert_eq(regel_functions_add(fs, "f", FN(h_sum16), REGEL_C_INT64, many, 16, &err),
                 REGEL_OK);
    cr_assert_eq(regel_functions_add(fs, "f", FN(h_twice), REGEL_C_INT64, C_INT, 1, &err),
                 REGEL_ERR_USAGE);
    cr_assert(strstr(err.message, "functie ‘f’ staat al in de tabel"), "%s", err.message);
    cr_assert_eq(regel_functions_add(fs, "f", FN(h_twice), REGEL_C_INT64, C_INT, 1, NULL),
                 REGEL_ERR_USAGE, "err may be NULL");
    /* no parameters: params may be NULL */
    cr_assert_eq(regel_functions_add(fs, "nul", FN(h_tenth), REGEL_C_DOUBLE, NULL, 0, &err),
                 REGEL_OK);
    /* many functions: the table grows, earlier entries stay valid */
    for (int i = 0; i < 40; i++) {
        char nm[16];
        snprintf(nm, sizeof nm, "g%d", i);
        cr_assert_eq(regel_functions_add(fs, nm, FN(h_twice), REGEL_C_INT64, C_INT, 1, &err),
                     REGEL_OK);
    }
    regel_functions_free(fs);
    regel_functions_free(NULL);
}

Test(host, many_functions_bind_after_growth)
{
    struct fixture f;
    build1(&f, "g39", RBC_TYPE_GETAL, 1, K_G, 0);
    regel_error err;
    for (int i = 0; i < 40; i++) {
        char nm[16];
        snprintf(nm, sizeof nm, "g%d", i);
        cr_assert_eq(regel_functions_add(f.fs, nm, i == 39 ? FN(h_twice) : FN(h_ident),
                                         i == 39 ? REGEL_C_INT64 : REGEL_C_DOUBLE,
                                         i == 39 ? C_INT : C_DBL, 1, &err),
                     REGEL_OK);
    }
    bind(&f);
    f.facts[0] = vq(5, 1);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 10, 1);
    unload(&f);
}

/* ---- dates ---- */

Test(host, date_from_and_to_ymd)
{
    regel_error err;
    int32_t d;
    cr_assert_eq(regel_date_from_ymd(1970, 1, 1, &d, &err), REGEL_OK);
    cr_assert_eq(d, 0);
    cr_assert_eq(regel_date_from_ymd(1969, 12, 31, &d, &err), REGEL_OK);
    cr_assert_eq(d, -1);
    cr_assert_eq(regel_date_from_ymd(2023, 3, 1, &d, &err), REGEL_OK);
    cr_assert_eq(d, 19417);
    cr_assert_eq(regel_date_from_ymd(2024, 2, 29, &d, &err), REGEL_OK);
    cr_assert_eq(d, 19782);
    cr_assert_eq(regel_date_from_ymd(1, 1, 1, &d, &err), REGEL_OK);
    cr_assert_eq(d, -719162);
    cr_assert_eq(regel_date_from_ymd(9999, 12, 31, &d, &err), REGEL_OK);
    cr_assert_eq(d, 2932896);
    /* the runtime's day numbers: 1970-01-01 is day 719162 of cal.h */
    cr_assert_eq(cal_from_ymd(1970, 1, 1), 719162);

    d = 12345;
    cr_assert_eq(regel_date_from_ymd(2023, 2, 29, &d, &err), REGEL_ERR_USAGE);
    cr_assert(strstr(err.message, "2023-02-29 is geen geldige datum"), "%s", err.message);
    cr_assert_eq(d, 12345, "unchanged on error");
    cr_assert_eq(regel_date_from_ymd(0, 1, 1, &d, &err), REGEL_ERR_USAGE);
    cr_assert_eq(regel_date_from_ymd(10000, 1, 1, &d, &err), REGEL_ERR_USAGE);
    cr_assert_eq(regel_date_from_ymd(2023, 13, 1, &d, &err), REGEL_ERR_USAGE);
    cr_assert_eq(regel_date_from_ymd(2023, 4, 31, &d, &err), REGEL_ERR_USAGE);
    cr_assert_eq(regel_date_from_ymd(2023, 1, 0, &d, NULL), REGEL_ERR_USAGE);
    cr_assert_eq(regel_date_from_ymd(2023, 1, 1, NULL, &err), REGEL_ERR_USAGE);

    int y, m, dd;
    cr_assert_eq(regel_date_to_ymd(0, &y, &m, &dd), REGEL_OK);
    cr_assert(y == 1970 && m == 1 && dd == 1);
    cr_assert_eq(regel_date_to_ymd(-1, &y, &m, &dd), REGEL_OK);
    cr_assert(y == 1969 && m == 12 && dd == 31);
    cr_assert_eq(regel_date_to_ymd(19782, &y, &m, &dd), REGEL_OK);
    cr_assert(y == 2024 && m == 2 && dd == 29);
    cr_assert_eq(regel_date_to_ymd(-719162, &y, &m, &dd), REGEL_OK);
    cr_assert(y == 1 && m == 1 && dd == 1);
    cr_assert_eq(regel_date_to_ymd(2932896, &y, &m, &dd), REGEL_OK);
    cr_assert(y == 9999 && m == 12 && dd == 31);
    cr_assert_eq(regel_date_to_ymd(-719163, &y, &m, &dd), REGEL_ERR_USAGE);
    cr_assert_eq(regel_date_to_ymd(2932897, &y, &m, &dd), REGEL_ERR_USAGE);
    cr_assert_eq(regel_date_to_ymd(INT32_MIN, &y, &m, &dd), REGEL_ERR_USAGE);
    cr_assert_eq(regel_date_to_ymd(INT32_MAX, &y, &m, &dd), REGEL_ERR_USAGE);
    cr_assert_eq(regel_date_to_ymd(0, NULL, &m, &dd), REGEL_ERR_USAGE);
    cr_assert_eq(regel_date_to_ymd(0, &y, NULL, &dd), REGEL_ERR_USAGE);
    cr_assert_eq(regel_date_to_ymd(0, &y, &m, NULL), REGEL_ERR_USAGE);
    /* round trip over the whole calendar, in steps */
    for (int32_t k = -719162; k <= 2932896; k += 997) {
        cr_assert_eq(regel_date_to_ymd(k, &y, &m, &dd), REGEL_OK);
        cr_assert_eq(regel_date_from_ymd(y, m, dd, &d, &err), REGEL_OK);
        cr_assert_eq(d, k);
    }
}

/* ---- the disassembler ---- */

Test(host, disassembly_names_the_function)
{
    rbc_builder *b = rb_new();
    uint32_t t[16];
    prim_types(b, t);
    uint32_t pg[] = {t[RBC_TYPE_DATUM], t[RBC_TYPE_DATUM]};
    rb_input(b, "van", t[RBC_TYPE_DATUM]);
    rb_input(b, "tot", t[RBC_TYPE_DATUM]);
    rb_extern(b, "werkdagen_tussen", t[RBC_TYPE_GETAL], 2, pg);
    uint32_t o = rb_outcome(b, "r", t[RBC_TYPE_GETAL], RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_rule_begin(b, "R", o, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    size_t len;
    uint8_t *bytes = rb_finish(b, &len);
    rb_free(b);
    char *out = NULL;
    regel_error err;
    cr_assert_eq(regel_disassemble(bytes, len, "t.rbc", &out, &err), REGEL_OK, "%s", err.message);
    cr_assert(strstr(out, "\nEXTERNS (1)\n"), "%s", out);
    cr_assert(strstr(out, "     0  extern functie werkdagen_tussen(datum, datum): getal\n"), "%s",
              out);
    cr_assert(strstr(out, "CALL_EXTERN"), "%s", out);
    cr_assert(strstr(out, "; externe functie werkdagen_tussen, 2 argumenten"), "%s", out);
    regel_free(out);
    free(bytes);
}

/* Values below the arguments stay on the stack: r = x0 + dubbel(x1 + dubbel(x2)). */
Test(host, nested_calls_keep_the_stack)
{
    struct fixture f;
    rbc_builder *b = rb_new();
    uint32_t tg = rb_type_prim(b, RBC_TYPE_GETAL);
    for (int k = 0; k < 3; k++) {
        char nm[8];
        snprintf(nm, sizeof nm, "x%d", k);
        rb_input(b, nm, tg);
    }
    uint32_t params[] = {tg};
    rb_extern(b, "dubbel", tg, 1, params);
    uint32_t o = rb_outcome(b, "r", tg, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_rule_begin(b, "R", o, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_LOAD_INPUT, 2);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_ADD);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_ADD);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    load(&f, b);
    add(&f, "dubbel", FN(h_twice), REGEL_C_INT64, 1, C_INT);
    bind(&f);
    f.facts[0] = vq(1000, 1);
    f.facts[1] = vq(100, 1);
    f.facts[2] = vq(7, 1);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    assert_q(out_q(&f, 0), 1000 + 2 * (100 + 2 * 7), 1);
    cr_assert_eq(calls, 2);
    const ev_call *c = f.ev->calls;
    assert_q(c->args[0].u.q, 7, 1);
    assert_q(c->next->args[0].u.q, 114, 1);
    unload(&f);
}
