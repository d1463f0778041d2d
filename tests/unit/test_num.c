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

/* ---- rounding (num_round) and cents ---- */

static num_q R(const char *s, enum num_round_mode mode, unsigned decimals)
{
    num_q out = {0, 0};
    enum num_status st = num_round(P(s), mode, decimals, &out);
    cr_assert_eq(st, NUM_OK, "num_round(%s, %d, %u) gaf %d", s, mode, decimals, st);
    return out;
}

static void expect_round(const char *s, unsigned decimals, const char *down, const char *up,
                         const char *half_up, const char *half_even)
{
    const char *want[4] = {down, up, half_up, half_even};
    for (int mode = 0; mode < 4; mode++) {
        num_q got = R(s, (enum num_round_mode)mode, decimals);
        num_q w = P(want[mode]);
        char buf[128];
        num_format(got, ',', buf, sizeof buf);
        cr_assert(num_eq(got, w), "%s afgerond (modus %d, %u decimalen) = %s, verwacht %s", s, mode,
                  decimals, buf, want[mode]);
    }
}

Test(num_round, halves_in_every_mode)
{
    /* modes: naar beneden, naar boven, rekenkundig, bankiers */
    expect_round("2,5", 0, "2", "3", "3", "2");
    expect_round("-2,5", 0, "-3", "-2", "-3", "-2");
    expect_round("3,5", 0, "3", "4", "4", "4");
    expect_round("-3,5", 0, "-4", "-3", "-4", "-4");
    expect_round("0,5", 0, "0", "1", "1", "0");
    expect_round("-0,5", 0, "-1", "0", "-1", "0");
    expect_round("1,005", 2, "1", "1,01", "1,01", "1");
    expect_round("1,015", 2, "1,01", "1,02", "1,02", "1,02");
    expect_round("-1,005", 2, "-1,01", "-1", "-1,01", "-1");
    expect_round("0,125", 2, "0,12", "0,13", "0,13", "0,12");
    expect_round("12,345", 2, "12,34", "12,35", "12,35", "12,34");
}

Test(num_round, not_halves_and_exact_values)
{
    expect_round("2,4", 0, "2", "3", "2", "2");
    expect_round("2,6", 0, "2", "3", "3", "3");
    expect_round("-2,4", 0, "-3", "-2", "-2", "-2");
    expect_round("-2,6", 0, "-3", "-2", "-3", "-3");
    expect_round("7", 0, "7", "7", "7", "7");
    expect_round("-7", 3, "-7", "-7", "-7", "-7");
    expect_round("0", 18, "0", "0", "0", "0");
    expect_round("0,3", 1, "0,3", "0,3", "0,3", "0,3");
    expect_round("1,2345", 4, "1,2345", "1,2345", "1,2345", "1,2345");
    num_q third, q;
    cr_assert_eq(num_make(1, 3, &third), NUM_OK);
    cr_assert_eq(num_round(third, NUM_ROUND_HALF_UP, 2, &q), NUM_OK);
    cr_assert(num_eq(q, P("0,33")));
    cr_assert_eq(num_round(third, NUM_ROUND_UP, 2, &q), NUM_OK);
    cr_assert(num_eq(q, P("0,34")));
    cr_assert_eq(num_make(-2, 3, &third), NUM_OK);
    cr_assert_eq(num_round(third, NUM_ROUND_HALF_EVEN, 3, &q), NUM_OK);
    cr_assert(num_eq(q, P("-0,667")));
    cr_assert_eq(num_round(third, NUM_ROUND_DOWN, 0, &q), NUM_OK);
    cr_assert(num_eq(q, num_int(-1)));
    cr_assert_eq(num_round(third, NUM_ROUND_UP, 0, &q), NUM_OK);
    cr_assert(num_eq(q, num_int(0)));
}

/* 1/3 and -1/3 at every number of decimals: the result has that many
 * decimals and lies within one unit of the last decimal, on the right side. */
Test(num_round, every_decimals_value)
{
    for (unsigned k = 0; k <= NUM_ROUND_MAX_DECIMALS; k++) {
        int64_t unit_den = 1;
        for (unsigned i = 0; i < k; i++)
            unit_den *= 10;
        for (int sign = -1; sign <= 1; sign += 2) {
            num_q a, unit, lo, hi;
            cr_assert_eq(num_make(sign * 1, 3, &a), NUM_OK);
            cr_assert_eq(num_make(1, unit_den, &unit), NUM_OK);
            cr_assert_eq(num_round(a, NUM_ROUND_DOWN, k, &lo), NUM_OK);
            cr_assert_eq(num_round(a, NUM_ROUND_UP, k, &hi), NUM_OK);
            num_q diff, scaled;
            cr_assert_eq(num_sub(hi, lo, &diff), NUM_OK);
            cr_assert(num_eq(diff, unit), "k=%u", k);
            cr_assert_lt(num_cmp(lo, a), 0);
            cr_assert_gt(num_cmp(hi, a), 0);
            cr_assert_eq(num_mul(lo, num_int(unit_den), &scaled), NUM_OK);
            cr_assert_eq(scaled.den, 1, "k=%u: %lld/%lld", k, (long long)lo.num, (long long)lo.den);
            num_q n1, n2;
            cr_assert_eq(num_round(a, NUM_ROUND_HALF_UP, k, &n1), NUM_OK);
            cr_assert_eq(num_round(a, NUM_ROUND_HALF_EVEN, k, &n2), NUM_OK);
            /* 0,333…: nearest is towards zero; -0,333…: also towards zero */
            cr_assert(num_eq(n1, sign > 0 ? lo : hi), "k=%u", k);
            cr_assert(num_eq(n2, n1));
        }
    }
    /* a half at 18 decimals */
    expect_round("0,0000000000000000025", 18, "0,000000000000000002", "0,000000000000000003",
                 "0,000000000000000003", "0,000000000000000002");
    expect_round("-0,0000000000000000015", 18, "-0,000000000000000002", "-0,000000000000000001",
                 "-0,000000000000000002", "-0,000000000000000002");
}

Test(num_round, extremes_and_overflow)
{
    num_q q;
    num_q max = num_int(INT64_MAX), min = num_int(INT64_MIN);
    for (unsigned k = 0; k <= NUM_ROUND_MAX_DECIMALS; k++) {
        for (int mode = 0; mode < 4; mode++) {
            cr_assert_eq(num_round(max, (enum num_round_mode)mode, k, &q), NUM_OK);
            cr_assert(num_eq(q, max));
            cr_assert_eq(num_round(min, (enum num_round_mode)mode, k, &q), NUM_OK);
            cr_assert(num_eq(q, min));
        }
    }
    num_q half_max; /* 4611686018427387903,5 */
    cr_assert_eq(num_make(INT64_MAX, 2, &half_max), NUM_OK);
    cr_assert_eq(num_round(half_max, NUM_ROUND_UP, 0, &q), NUM_OK);
    cr_assert_eq(q.num, INT64_MAX / 2 + 1);
    num_q tiny; /* 1 / (2^63 - 1): rounds to 0 or 10^-18 */
    cr_assert_eq(num_make(1, INT64_MAX, &tiny), NUM_OK);
    cr_assert_eq(num_round(tiny, NUM_ROUND_UP, 18, &q), NUM_OK);
    cr_assert_eq(q.num, 1);
    cr_assert_eq(q.den, 1000000000000000000);
    cr_assert_eq(num_round(tiny, NUM_ROUND_HALF_UP, 18, &q), NUM_OK);
    cr_assert_eq(q.num, 0);
    /* (2^63 - 1) / 999999999999999996 = 9,223372036854775843… : naar beneden
     * on 18 decimals is 9223372036854775843 / 10^18, a numerator too big;
     * naar boven ends in …844 and reduces to a fraction that fits. */
    num_q big = {INT64_MAX, 999999999999999996};
    q = num_int(42);
    cr_assert_eq(num_round(big, NUM_ROUND_DOWN, 18, &q), NUM_OVERFLOW);
    cr_assert(num_eq(q, num_int(42)), "a failed rounding must not write");
    cr_assert_eq(num_round(big, NUM_ROUND_UP, 18, &q), NUM_OK);
    cr_assert_eq(q.num, 2305843009213693961);
    cr_assert_eq(q.den, 250000000000000000);
    cr_assert_eq(num_round(big, NUM_ROUND_DOWN, 17, &q), NUM_OK);
    cr_assert_eq(num_round(P("1,5"), NUM_ROUND_DOWN, NUM_ROUND_MAX_DECIMALS + 1, &q), NUM_OVERFLOW);
    cr_assert_eq(num_round(P("1,5"), (enum num_round_mode)9, 0, &q), NUM_SYNTAX);
}

Test(num_round, tenth_plus_two_tenths_stays_exact)
{
    num_q s, r;
    cr_assert_eq(num_add(P("0,1"), P("0,2"), &s), NUM_OK);
    for (unsigned k = 1; k <= NUM_ROUND_MAX_DECIMALS; k++) {
        for (int mode = 0; mode < 4; mode++) {
            cr_assert_eq(num_round(s, (enum num_round_mode)mode, k, &r), NUM_OK);
            cr_assert(num_eq(r, P("0,3")), "k=%u modus %d", k, mode);
        }
    }
    cr_assert_eq(num_round(s, NUM_ROUND_DOWN, 0, &r), NUM_OK);
    cr_assert(num_eq(r, num_int(0)));
    cr_assert_eq(num_round(s, NUM_ROUND_UP, 0, &r), NUM_OK);
    cr_assert(num_eq(r, num_int(1)));
}

Test(num_cents, conversions)
{
    num_q q = num_from_cents(1250);
    cr_assert(num_eq(q, P("12,5")));
    cr_assert(num_eq(num_from_cents(-5), P("-0,05")));
    cr_assert(num_eq(num_from_cents(0), num_int(0)));
    cr_assert(num_eq(num_from_cents(27000), num_int(270)));
    q = num_from_cents(INT64_MIN);
    cr_assert_eq(q.num, INT64_MIN / 4);
    cr_assert_eq(q.den, 25);
    q = num_from_cents(INT64_MAX);
    cr_assert_eq(q.num, INT64_MAX);
    cr_assert_eq(q.den, 100);

    int64_t c = 7;
    cr_assert_eq(num_to_cents(P("12,5"), &c), NUM_OK);
    cr_assert_eq(c, 1250);
    cr_assert_eq(num_to_cents(P("-0,05"), &c), NUM_OK);
    cr_assert_eq(c, -5);
    cr_assert_eq(num_to_cents(num_int(90), &c), NUM_OK);
    cr_assert_eq(c, 9000);
    c = 7;
    cr_assert_eq(num_to_cents(P("12,345"), &c), NUM_SYNTAX); /* not whole cents */
    cr_assert_eq(num_to_cents(P("-0,001"), &c), NUM_SYNTAX);
    num_q third;
    cr_assert_eq(num_make(1, 3, &third), NUM_OK);
    cr_assert_eq(num_to_cents(third, &c), NUM_SYNTAX);
    cr_assert_eq(c, 7);
    cr_assert_eq(num_to_cents(num_int(INT64_MAX / 100 + 1), &c), NUM_OVERFLOW);
    cr_assert_eq(num_to_cents(num_int(INT64_MIN), &c), NUM_OVERFLOW);
    cr_assert_eq(num_to_cents(num_int(INT64_MAX / 100), &c), NUM_OK);
    cr_assert_eq(c, INT64_MAX / 100 * 100);
    /* round trips */
    const int64_t samples[] = {0, 1, -1, 99, 100, -101, 123456789, INT64_MAX, INT64_MIN};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        cr_assert_eq(num_to_cents(num_from_cents(samples[i]), &c), NUM_OK);
        cr_assert_eq(c, samples[i]);
    }
    /* rounding to 2 decimals always gives whole cents */
    num_q r;
    cr_assert_eq(num_round(P("12,345"), NUM_ROUND_HALF_EVEN, 2, &r), NUM_OK);
    cr_assert_eq(num_to_cents(r, &c), NUM_OK);
    cr_assert_eq(c, 1234);
}
