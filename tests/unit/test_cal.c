/* test_cal.c — unit tests for the calendar (runtime/cal.c): every day from
 * 1900 to 2100 against an independent day-by-day y/m/d walk written here,
 * month arithmetic, ages, strict ISO parsing and Dutch text. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cal.h"

/* ---- the independent reference: a walk over y/m/d, one day at a time ---- */

#define WALK_FIRST_YEAR 1898
#define WALK_LAST_YEAR  2102
#define WALK_BASE       692865 /* day number of 1898-01-01 (0001-01-01 = 0) */
#define WALK_MAX        75000
#define TEST_FIRST_YEAR 1900
#define TEST_LAST_YEAR  2100

struct ymd {
    int y, m, d;
};

static struct ymd walk[WALK_MAX];
static int32_t walk_index[(WALK_LAST_YEAR - WALK_FIRST_YEAR + 1) * 12 * 31];
static int walk_len;
static int test_first, test_last; /* walk indexes of 1900-01-01 and 2100-12-31 */

static int ref_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int ref_dim(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && ref_leap(y) ? 29 : len[m - 1];
}

static int32_t *ref_slot(int y, int m, int d)
{
    return &walk_index[((y - WALK_FIRST_YEAR) * 12 + (m - 1)) * 31 + (d - 1)];
}

static cal_day ref_day(int y, int m, int d)
{
    return WALK_BASE + *ref_slot(y, m, d);
}

static void build_walk(void)
{
    if (walk_len)
        return;
    int y = WALK_FIRST_YEAR, m = 1, d = 1;
    while (y <= WALK_LAST_YEAR) {
        walk[walk_len] = (struct ymd){y, m, d};
        *ref_slot(y, m, d) = walk_len;
        if (y == TEST_FIRST_YEAR && m == 1 && d == 1)
            test_first = walk_len;
        if (y == TEST_LAST_YEAR && m == 12 && d == 31)
            test_last = walk_len;
        walk_len++;
        if (++d > ref_dim(y, m)) {
            d = 1;
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
    }
}

static int ymd_cmp(struct ymd a, struct ymd b)
{
    if (a.y != b.y)
        return a.y < b.y ? -1 : 1;
    if (a.m != b.m)
        return a.m < b.m ? -1 : 1;
    return a.d == b.d ? 0 : (a.d < b.d ? -1 : 1);
}

/* a + n months by hand: month count, then clamp to the month's length. */
static struct ymd ref_add_months(struct ymd a, int n)
{
    int total = a.y * 12 + (a.m - 1) + n;
    struct ymd r = {total / 12, total % 12 + 1, a.d};
    int len = ref_dim(r.y, r.m);
    if (r.d > len)
        r.d = len;
    return r;
}

/* Largest N >= 0 with a + N·step months <= b (a <= b), by bisection on the
 * definition itself. */
static int ref_whole(struct ymd a, struct ymd b, int step)
{
    int lo = 0, hi = ((b.y - a.y) * 12 + 12) / step + 1; /* a + hi·step > b */
    while (hi - lo > 1) {
        int mid = lo + (hi - lo) / 2;
        if (ymd_cmp(ref_add_months(a, mid * step), b) <= 0)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static int ref_between(struct ymd a, struct ymd b, int step)
{
    return ymd_cmp(a, b) <= 0 ? ref_whole(a, b, step) : -ref_whole(b, a, step);
}

/* ---- every day ---- */

Test(cal, walk_is_consistent_with_known_day_numbers)
{
    build_walk();
    cr_assert_eq(ref_day(1900, 1, 1), 693595); /* 1898 and 1899: 730 days */
    cr_assert_eq(ref_day(2022, 3, 1), 738214);
    cr_assert_eq(cal_from_ymd(1, 1, 1), 0);
    cr_assert_eq(cal_from_ymd(9999, 12, 31), CAL_DAY_MAX);
    cr_assert_eq(cal_from_ymd(1898, 1, 1), WALK_BASE);
}

Test(cal, every_day_round_trips_and_formats)
{
    build_walk();
    for (int i = 0; i < walk_len; i++) {
        struct ymd w = walk[i];
        cal_day want = WALK_BASE + i;
        if (cal_from_ymd(w.y, w.m, w.d) != want)
            cr_assert_fail("cal_from_ymd(%d-%d-%d) = %d, verwacht %d", w.y, w.m, w.d,
                           cal_from_ymd(w.y, w.m, w.d), want);
        int32_t y;
        int m, d;
        cal_to_ymd(want, &y, &m, &d);
        if (y != w.y || m != w.m || d != w.d)
            cr_assert_fail("cal_to_ymd(%d) = %d-%d-%d, verwacht %d-%d-%d", want, y, m, d, w.y, w.m,
                           w.d);
        if (!cal_valid_ymd(w.y, w.m, w.d) || cal_days_in_month(w.y, w.m) != ref_dim(w.y, w.m) ||
            cal_is_leap(w.y) != (ref_leap(w.y) != 0))
            cr_assert_fail("geldigheid/maandlengte fout voor %d-%d-%d", w.y, w.m, w.d);
        char iso[11], want_iso[16];
        cal_format_iso(want, iso);
        snprintf(want_iso, sizeof want_iso, "%04d-%02d-%02d", w.y, w.m, w.d);
        if (strcmp(iso, want_iso) != 0)
            cr_assert_fail("cal_format_iso(%d) = %s, verwacht %s", want, iso, want_iso);
        cal_day parsed = -1;
        if (!cal_parse_iso(want_iso, 10, &parsed) || parsed != want)
            cr_assert_fail("cal_parse_iso(%s) = %d", want_iso, parsed);
        if (d == ref_dim(y, m) && cal_valid_ymd(y, m, d + 1))
            cr_assert_fail("%d-%d-%d is geen datum", y, m, d + 1);
    }
}

/* cal_to_ymd's formula for the contract's days against the general cycle
 * walk, and each day one after the one before, over all of 0001..9999. */
Test(cal, fast_ymd_equals_general_over_the_whole_range)
{
    int32_t py = 0;
    int pm = 12, pd = 31;
    for (cal_day d = CAL_DAY_MIN; d <= CAL_DAY_MAX; d++) {
        int32_t y, gy;
        int m, dd, gm, gd;
        cal_to_ymd(d, &y, &m, &dd);
        cal_to_ymd_general(d, &gy, &gm, &gd);
        if (y != gy || m != gm || dd != gd)
            cr_assert_fail("dag %d: %d-%d-%d, de algemene weg geeft %d-%d-%d", d, y, m, dd, gy, gm,
                           gd);
        bool next = (y == py && m == pm && dd == pd + 1) ||
                    (y == py && m == pm + 1 && dd == 1 && pd == cal_days_in_month(py, pm)) ||
                    (y == py + 1 && m == 1 && dd == 1 && pm == 12 && pd == 31);
        if (!next || cal_from_ymd(y, m, dd) != d)
            cr_assert_fail("dag %d = %d-%d-%d volgt niet op %d-%d-%d", d, y, m, dd, py, pm, pd);
        py = y;
        pm = m;
        pd = dd;
    }
    cr_assert_eq(py, 9999);
    cr_assert_eq(pm, 12);
    cr_assert_eq(pd, 31);
}

Test(cal, add_months_every_day_every_n)
{
    build_walk();
    for (int i = test_first; i <= test_last; i++) {
        struct ymd w = walk[i];
        cal_day from = WALK_BASE + i;
        for (int n = -24; n <= 24; n++) {
            struct ymd e = ref_add_months(w, n);
            cal_day want = ref_day(e.y, e.m, e.d), got = -1;
            if (!cal_add_months(from, n, &got) || got != want)
                cr_assert_fail("%d-%d-%d + %d maanden = dag %d, verwacht %d-%d-%d (%d)", w.y, w.m,
                               w.d, n, got, e.y, e.m, e.d, want);
        }
    }
}

/* Ages and whole months for every birth day against 40 target days each: a
 * few chosen around the birthday, the rest spread pseudo-randomly over
 * 1900..2100 (both directions, so negative results are covered too). */
Test(cal, years_and_months_between_every_birth_day)
{
    build_walk();
    int span = test_last - test_first + 1;
    uint32_t seed = 12345;
    for (int i = test_first; i <= test_last; i++) {
        struct ymd b = walk[i];
        const int near[] = {0, 1, -1, 365, 366, 364, -365, -366, 730, 731, 1461, 1460};
        int nnear = (int)(sizeof near / sizeof near[0]);
        for (int j = 0; j < 40; j++) {
            int t;
            if (j < nnear) {
                t = i + near[j];
                if (t < test_first || t > test_last)
                    continue;
            } else {
                seed = seed * 1103515245u + 12345u;
                t = test_first + (int)((seed >> 8) % (uint32_t)span);
            }
            struct ymd d = walk[t];
            cal_day bd = WALK_BASE + i, dd = WALK_BASE + t;
            int64_t years = cal_years_between(bd, dd), months = cal_months_between(bd, dd);
            int want_years = ref_between(b, d, 12), want_months = ref_between(b, d, 1);
            if (years != want_years || months != want_months)
                cr_assert_fail("van %d-%d-%d tot %d-%d-%d: %lld jaar %lld maanden, verwacht %d "
                               "jaar %d maanden",
                               b.y, b.m, b.d, d.y, d.m, d.d, (long long)years, (long long)months,
                               want_years, want_months);
        }
    }
}

/* ---- the contract's examples ---- */

static cal_day D(const char *s)
{
    cal_day d = -1;
    cr_assert(cal_parse_iso(s, strlen(s), &d), "geen datum: %s", s);
    return d;
}

static void expect_iso(cal_day d, const char *want)
{
    char buf[11];
    cal_format_iso(d, buf);
    cr_assert_str_eq(buf, want);
}

Test(cal, contract_month_end_clamp)
{
    cal_day r;
    cr_assert(cal_add_months(D("2023-01-31"), 1, &r));
    expect_iso(r, "2023-02-28");
    cr_assert(cal_add_months(D("2024-01-31"), 1, &r));
    expect_iso(r, "2024-02-29");
    cr_assert(cal_add_months(D("2024-02-29"), 12, &r)); /* 1 jaar = 12 maanden */
    expect_iso(r, "2025-02-28");
    cr_assert(cal_add_months(D("2024-03-31"), -1, &r));
    expect_iso(r, "2024-02-29");
    cr_assert(cal_add_months(D("2023-12-31"), 2, &r));
    expect_iso(r, "2024-02-29");
    /* no memory of the original day: clamping twice loses it */
    cr_assert(cal_add_months(D("2023-02-28"), 1, &r));
    expect_iso(r, "2023-03-28");
}

Test(cal, contract_age)
{
    cr_assert_eq(cal_years_between(D("2000-02-29"), D("2018-02-28")), 18);
    cr_assert_eq(cal_years_between(D("2000-02-29"), D("2018-02-27")), 17);
    cr_assert_eq(cal_years_between(D("2000-02-29"), D("2020-02-28")), 19); /* leap year */
    cr_assert_eq(cal_years_between(D("2000-02-29"), D("2020-02-29")), 20);
    cr_assert_eq(cal_years_between(D("2000-03-01"), D("2018-02-28")), 17);
    cr_assert_eq(cal_years_between(D("2000-05-10"), D("2000-05-10")), 0);
    cr_assert_eq(cal_years_between(D("2000-05-10"), D("2001-05-09")), 0);
    cr_assert_eq(cal_years_between(D("2000-05-10"), D("2001-05-10")), 1);
}

Test(cal, months_between_definition_and_sign)
{
    cr_assert_eq(cal_months_between(D("2023-01-31"), D("2023-02-28")), 1);
    cr_assert_eq(cal_months_between(D("2023-01-31"), D("2023-02-27")), 0);
    cr_assert_eq(cal_months_between(D("2023-01-15"), D("2023-01-14")), 0);
    /* a > b is minus the months from b to a */
    cr_assert_eq(cal_months_between(D("2023-03-31"), D("2023-02-28")), -1);
    cr_assert_eq(cal_months_between(D("2023-02-28"), D("2023-03-31")), 1);
    cr_assert_eq(cal_months_between(D("2023-03-28"), D("2023-02-28")), -1);
    cr_assert_eq(cal_months_between(D("2023-03-27"), D("2023-02-28")), 0);
    cr_assert_eq(cal_years_between(D("2018-02-28"), D("2000-02-29")), -18);
    cr_assert_eq(cal_years_between(D("2018-02-27"), D("2000-02-29")), -17);
    cr_assert_eq(cal_months_between(0, CAL_DAY_MAX), 9999 * 12 - 1);
    cr_assert_eq(cal_years_between(0, CAL_DAY_MAX), 9998);
    cr_assert_eq(cal_years_between(CAL_DAY_MAX, 0), -9998);
}

Test(cal, ten_years_in_days)
{
    /* CONTRACT: 10 × 365,25 rounded down = 3652 days; 2020..2029 has 3653. */
    cr_assert_eq(D("2030-01-01") - D("2020-01-01"), 3653);
    cr_assert_eq(D("2029-12-31") - D("2020-01-02") + 1, 3652);
    cal_day r;
    cr_assert(cal_add_days(D("2020-01-01"), 3652, &r));
    expect_iso(r, "2029-12-31");
}

/* ---- range limits ---- */

Test(cal, range_limits)
{
    cal_day r = 42;
    cr_assert(cal_add_days(CAL_DAY_MAX, 0, &r));
    cr_assert_eq(r, CAL_DAY_MAX);
    cr_assert_not(cal_add_days(CAL_DAY_MAX, 1, &r));
    cr_assert_not(cal_add_days(0, -1, &r));
    cr_assert(cal_add_days(0, CAL_DAY_MAX, &r));
    cr_assert_eq(r, CAL_DAY_MAX);
    cr_assert(cal_add_days(CAL_DAY_MAX, -CAL_DAY_MAX, &r));
    cr_assert_eq(r, 0);
    cr_assert_not(cal_add_days(0, INT64_MAX, &r));
    cr_assert_not(cal_add_days(CAL_DAY_MAX, INT64_MIN, &r));
    cr_assert_not(cal_add_days(CAL_DAY_MAX + 1, 0, &r));
    cr_assert_not(cal_add_days(-1, 1, &r));

    cr_assert(cal_add_months(D("9999-12-01"), 0, &r));
    cr_assert_not(cal_add_months(D("9999-12-31"), 1, &r));
    cr_assert(cal_add_months(D("9999-11-30"), 1, &r));
    expect_iso(r, "9999-12-30");
    cr_assert_not(cal_add_months(D("0001-01-31"), -1, &r));
    cr_assert(cal_add_months(D("0001-02-28"), -1, &r));
    expect_iso(r, "0001-01-28");
    cr_assert(cal_add_months(0, 9999 * 12 - 1, &r));
    expect_iso(r, "9999-12-01");
    cr_assert_not(cal_add_months(0, 9999 * 12, &r));
    cr_assert_not(cal_add_months(0, INT64_MAX, &r));
    cr_assert_not(cal_add_months(CAL_DAY_MAX, INT64_MIN, &r));
    cr_assert_not(cal_add_months(-5, 1, &r));
    cr_assert_eq(r, D("9999-12-01"), "a failed call must not write");
}

/* ---- strict ISO parsing ---- */

Test(cal, parse_iso_is_strict)
{
    const char *bad[] = {
        "2023-02-29", "2023-02-30", "2024-02-30",  "2023-04-31",    "2023-13-01",
        "2023-00-10", "2023-01-00", "0000-01-01",  "2023-1-01",     "2023-01-1",
        "23-01-01",   "2023/01/01", "2023-01-01 ", " 2023-01-01",   "+023-01-01",
        "-023-01-01", "2023-0a-01", "2023-01-0x",  "20230101",      "",
        "1900-02-29", "2100-02-29", "10000-01-01", "2023-01-01T00", "２023-01-01",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cal_day d = 77;
        cr_assert_not(cal_parse_iso(bad[i], strlen(bad[i]), &d), "‘%s’ geaccepteerd", bad[i]);
        cr_assert_eq(d, 77);
    }
    cal_day d = -1;
    cr_assert_not(cal_parse_iso(NULL, 10, &d));
    cr_assert_not(cal_parse_iso("2023-01-01", 9, &d)); /* length counts */
    cr_assert_not(cal_parse_iso("2023-01-0\0", 10, &d));
    cr_assert(cal_parse_iso("2023-01-01xyz", 10, &d)); /* only len bytes are read */
    expect_iso(d, "2023-01-01");
    cr_assert(cal_parse_iso("0001-01-01", 10, &d));
    cr_assert_eq(d, 0);
    cr_assert(cal_parse_iso("9999-12-31", 10, &d));
    cr_assert_eq(d, CAL_DAY_MAX);
    cr_assert(cal_parse_iso("2000-02-29", 10, &d));
    cr_assert(cal_parse_iso("2024-02-29", 10, &d));
    cr_assert_not(cal_valid_ymd(0, 1, 1));
    cr_assert_not(cal_valid_ymd(10000, 1, 1));
    cr_assert_not(cal_valid_ymd(2023, 2, 29));
    cr_assert_eq(cal_days_in_month(2023, 0), 0);
    cr_assert_eq(cal_days_in_month(2023, 13), 0);
}

/* ---- text ---- */

static void expect_dutch(const char *iso, const char *want)
{
    char buf[32];
    cal_format_dutch(D(iso), buf, sizeof buf);
    cr_assert_str_eq(buf, want);
}

Test(cal, dutch_text)
{
    expect_dutch("2022-03-01", "1 maart 2022");
    expect_dutch("2024-02-29", "29 februari 2024");
    expect_dutch("2023-01-15", "15 januari 2023");
    expect_dutch("9999-09-30", "30 september 9999");
    expect_dutch("0001-12-31", "31 december 1");
    const char *names[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                           "juli",    "augustus", "september", "oktober", "november", "december"};
    for (int m = 1; m <= 12; m++)
        cr_assert_str_eq(cal_month_name(m), names[m - 1]);
    cr_assert_null(cal_month_name(0));
    cr_assert_null(cal_month_name(13));
    char small[6];
    cal_format_dutch(D("2022-03-01"), small, sizeof small); /* truncates, stays terminated */
    cr_assert_str_eq(small, "1 maa");
    char iso[11];
    cal_format_iso(CAL_DAY_MAX + 1, iso); /* outside the range: no wrong date */
    cr_assert_str_eq(iso, "\?\?\?\?-\?\?-\?\?");
}

/* Outside the contract (day numbers beyond the range) nothing is undefined:
 * run under UBSan, these must simply return. */
Test(cal, extreme_day_numbers_are_harmless)
{
    int32_t y;
    int m, d;
    cal_to_ymd(INT32_MIN, &y, &m, &d);
    cr_assert(m >= 1 && m <= 12 && d >= 1 && d <= 31);
    cal_to_ymd(INT32_MAX, &y, &m, &d);
    cr_assert(m >= 1 && m <= 12 && d >= 1 && d <= 31);
    cal_to_ymd(-1, &y, &m, &d);
    cr_assert(y == 0 && m == 12 && d == 31); /* proleptic year 0 */
    cr_assert_gt(cal_months_between(INT32_MIN, INT32_MAX), 0);
    cr_assert_lt(cal_years_between(INT32_MAX, INT32_MIN), 0);
    cal_day r;
    cr_assert_not(cal_add_months(INT32_MIN, 0, &r));
    cr_assert_not(cal_add_days(INT32_MAX, INT64_MIN, &r));
    char buf[24];
    cal_format_dutch(INT32_MIN, buf, sizeof buf);
    cr_assert_str_eq(buf, "ongeldige datum");
    cal_format_dutch(0, buf, 0); /* no room: writes nothing */
}
