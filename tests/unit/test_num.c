/* test_num.c — unit tests for exact rationals (runtime/num.c): arithmetic,
 * parsing, formatting, comparison, overflow and division by zero.
 * Tests only; no floating point is used to compute expected values. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "num.h"

static num_q P(const char *s)
{
    num_q q = {0, 0};
    enum num_status st = num_parse(s, strlen(s), &q);
    cr_assert_eq(st, NUM_OK, "num_parse(\"%s\") gaf %d", s, st);
    return q;
}

static void expect_fmt(num_q q, char sep, const char *want)
{
    char buf[128];
    size_t n = num_format(q, sep, buf, sizeof buf);
    cr_assert_eq(n, strlen(want), "lengte %zu voor %s", n, want);
    cr_assert_str_eq(buf, want);
}

Test(num, tenth_plus_two_tenths)
{
    num_q s;
    cr_assert_eq(num_add(P("0,1"), P("0,2"), &s), NUM_OK);
    cr_assert(num_eq(s, P("0,3")));
    cr_assert_eq(s.num, 3);
    cr_assert_eq(s.den, 10);
    expect_fmt(s, ',', "0,3");
}

Test(num, make_reduces_and_moves_sign)
{
    num_q q;
    cr_assert_eq(num_make(6, -4, &q), NUM_OK);
    cr_assert_eq(q.num, -3);
    cr_assert_eq(q.den, 2);
    cr_assert_eq(num_make(0, -7, &q), NUM_OK);
    cr_assert_eq(q.num, 0);
    cr_assert_eq(q.den, 1);
    cr_assert_eq(num_make(1, 0, &q), NUM_DIVZERO);
    cr_assert_eq(num_make(INT64_MIN, -1, &q), NUM_OVERFLOW);
    cr_assert_eq(num_make(INT64_MIN, 2, &q), NUM_OK);
    cr_assert_eq(q.num, INT64_MIN / 2);
}

Test(num, arithmetic)
{
    num_q q;
    cr_assert_eq(num_sub(P("1"), P("1,5"), &q), NUM_OK);
    cr_assert(num_eq(q, P("-0,5")));
    cr_assert_eq(num_mul(P("2,5"), P("-4"), &q), NUM_OK);
    cr_assert(num_eq(q, num_int(-10)));
    cr_assert_eq(num_div(P("1"), P("3"), &q), NUM_OK);
    cr_assert_eq(q.num, 1);
    cr_assert_eq(q.den, 3);
    cr_assert_eq(num_mul(q, num_int(3), &q), NUM_OK);
    cr_assert(num_eq(q, num_int(1)));
    cr_assert_eq(num_neg(P("2,25"), &q), NUM_OK);
    cr_assert(num_eq(q, P("-2,25")));
    cr_assert_eq(num_div(P("-6"), P("-4"), &q), NUM_OK);
    cr_assert(num_eq(q, P("1,5")));
}

Test(num, division_by_zero)
{
    num_q q = {42, 1};
    cr_assert_eq(num_div(num_int(1), num_int(0), &q), NUM_DIVZERO);
    cr_assert_eq(num_div(num_int(0), num_int(0), &q), NUM_DIVZERO);
    cr_assert_eq(q.num, 42, "uitvoer onaangeroerd bij fout");
}

Test(num, overflow)
{
    num_q q;
    num_q max = num_int(INT64_MAX), min = num_int(INT64_MIN);
    cr_assert_eq(num_add(max, num_int(1), &q), NUM_OVERFLOW);
    cr_assert_eq(num_sub(min, num_int(1), &q), NUM_OVERFLOW);
    cr_assert_eq(num_mul(max, num_int(2), &q), NUM_OVERFLOW);
    cr_assert_eq(num_neg(min, &q), NUM_OVERFLOW);
    cr_assert_eq(num_div(min, num_int(-1), &q), NUM_OVERFLOW);
    cr_assert_eq(num_add(min, max, &q), NUM_OK);
    cr_assert(num_eq(q, num_int(-1)));
    /* denominators overflow too */
    num_q a, b;
    cr_assert_eq(num_make(1, 3000000000LL, &a), NUM_OK);
    cr_assert_eq(num_make(1, 3000000001LL, &b), NUM_OK);
    cr_assert_eq(num_mul(a, b, &q), NUM_OK);
    cr_assert_eq(num_mul(q, q, &q), NUM_OVERFLOW);
    /* an intermediate larger than int64 that reduces is fine */
    num_q big = num_int(INT64_MAX);
    cr_assert_eq(num_mul(big, P("0,5"), &q), NUM_OK);
    cr_assert_eq(q.num, INT64_MAX);
    cr_assert_eq(q.den, 2);
    cr_assert_eq(num_mul(q, num_int(2), &q), NUM_OK);
    cr_assert_eq(q.num, INT64_MAX);
    cr_assert_eq(q.den, 1);
}

Test(num, cmp_exact_for_big_values)
{
    num_q a, b;
    cr_assert_eq(num_make(INT64_MAX, INT64_MAX - 1, &a), NUM_OK);
    cr_assert_eq(num_make(INT64_MAX - 1, INT64_MAX - 2, &b), NUM_OK);
    /* (n)/(n-1) > (n-1)/(n-2) is false: 1+1/(n-1) < 1+1/(n-2) */
    cr_assert_eq(num_cmp(a, b), -1);
    cr_assert_eq(num_cmp(b, a), 1);
    cr_assert_eq(num_cmp(a, a), 0);
    cr_assert_eq(num_cmp(num_int(INT64_MIN), num_int(INT64_MAX)), -1);
    cr_assert_eq(num_cmp(P("-0,5"), P("-0,25")), -1);
    cr_assert_eq(num_cmp(P("12,5"), P("12.5")), 0);
}

Test(num, parse_forms)
{
    num_q q = P("12");
    cr_assert(q.num == 12 && q.den == 1);
    q = P("-3");
    cr_assert(q.num == -3 && q.den == 1);
    q = P("12,5");
    cr_assert(q.num == 25 && q.den == 2);
    q = P("12.5");
    cr_assert(q.num == 25 && q.den == 2);
    q = P("1e-7");
    cr_assert(q.num == 1 && q.den == 10000000);
    q = P("2.5E+3");
    cr_assert(q.num == 2500 && q.den == 1);
    q = P("2.5e3");
    cr_assert(q.num == 2500 && q.den == 1);
    q = P("0.1");
    cr_assert(q.num == 1 && q.den == 10);
    q = P("0,10000000000000000000000000000000000000000000");
    cr_assert(q.num == 1 && q.den == 10);
    q = P("0e999999999");
    cr_assert(q.num == 0 && q.den == 1);
    q = P("-0");
    cr_assert(q.num == 0 && q.den == 1);
    q = P("9223372036854775807");
    cr_assert(q.num == INT64_MAX);
    q = P("-9223372036854775808");
    cr_assert(q.num == INT64_MIN);
    q = P("1E2");
    cr_assert(q.num == 100 && q.den == 1);
    q = P("123e-2");
    cr_assert(q.num == 123 && q.den == 100);
}

Test(num, parse_rejects)
{
    static const char *const bad[] = {"",      "-",   "+1",    "1,",  ",5",    ".5",   "1..2",
                                      "1,5,",  "1 ",  " 1",    "1e",  "1e+",   "1x",   "0x10",
                                      "1,2.3", "--1", "1e5.0", "abc", "1_000", "1'000"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        num_q q;
        cr_assert_eq(num_parse(bad[i], strlen(bad[i]), &q), NUM_SYNTAX, "\"%s\" geaccepteerd",
                     bad[i]);
    }
    num_q q;
    cr_assert_eq(num_parse("12", 1, &q), NUM_OK, "alleen len bytes lezen");
    cr_assert_eq(q.num, 1);
}

Test(num, parse_overflow)
{
    static const char *const big[] = {"9223372036854775808",
                                      "-9223372036854775809",
                                      "1e19",
                                      "1e-19",
                                      "0,00000000000000000001",
                                      "99999999999999999999999999999999999999999999"};
    for (size_t i = 0; i < sizeof big / sizeof *big; i++) {
        num_q q;
        cr_assert_eq(num_parse(big[i], strlen(big[i]), &q), NUM_OVERFLOW, "\"%s\"", big[i]);
    }
    num_q q;
    cr_assert_eq(num_parse("1e18", 4, &q), NUM_OK);
    cr_assert_eq(q.num, 1000000000000000000LL);
    cr_assert_eq(num_parse("1e-18", 5, &q), NUM_OK);
    cr_assert_eq(q.den, 1000000000000000000LL);
}

Test(num, format)
{
    expect_fmt(num_int(0), ',', "0");
    expect_fmt(num_int(-42), '.', "-42");
    expect_fmt(P("12,5"), ',', "12,5");
    expect_fmt(P("12,5"), '.', "12.5");
    expect_fmt(P("-0,05"), ',', "-0,05");
    expect_fmt(P("1e-7"), '.', "0.0000001");
    expect_fmt(num_int(INT64_MIN), '.', "-9223372036854775808");
    num_q q;
    cr_assert_eq(num_make(1, 8, &q), NUM_OK);
    expect_fmt(q, ',', "0,125");
    cr_assert_eq(num_make(7, 3, &q), NUM_OK);
    char buf[64] = "x";
    cr_assert_eq(num_format(q, ',', buf, sizeof buf), 0, "1/3 heeft geen eindige schrijfwijze");
    cr_assert_eq(num_make(1, 6, &q), NUM_OK);
    cr_assert_eq(num_format(q, ',', buf, sizeof buf), 0);
    /* too small a buffer gives 0, never an overrun */
    cr_assert_eq(num_format(P("123,25"), ',', buf, 6), 0);
    cr_assert_eq(num_format(P("123,25"), ',', buf, 7), 6);
    cr_assert_str_eq(buf, "123,25");
}

Test(num, roundtrip)
{
    static const char *const vals[] = {"0,3", "-17,125", "1000000", "0,0009765625", "-1"};
    for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
        char buf[64];
        num_q q = P(vals[i]);
        cr_assert_neq(num_format(q, ',', buf, sizeof buf), 0);
        cr_assert_str_eq(buf, vals[i]);
    }
}
