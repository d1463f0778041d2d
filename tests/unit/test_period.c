/* test_period.c — unit tests for periods (runtime/period.c): merging
 * touching/overlapping/nested/open periods, cutting to a window, "lasts N
 * months" and total days, checked by hand and against a day-by-day bitmap. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "period.h"

static cal_day D(const char *s)
{
    cal_day d = -1;
    cr_assert(cal_parse_iso(s, strlen(s), &d), "geen datum: %s", s);
    return d;
}

static period P(const char *van, const char *tot)
{
    period p = {D(van), 0, tot == NULL};
    if (tot)
        p.tot = D(tot);
    return p;
}

static void expect_period(period got, const char *van, const char *tot)
{
    char a[11], b[11];
    cal_format_iso(got.van, a);
    cr_assert_str_eq(a, van);
    if (!tot) {
        cr_assert(got.open, "verwacht een lopende periode vanaf %s", van);
        return;
    }
    cr_assert_not(got.open, "verwacht een einde %s", tot);
    cal_format_iso(got.tot, b);
    cr_assert_str_eq(b, tot);
}

/* ---- basics ---- */

Test(period, days_and_contains)
{
    cr_assert_eq(period_days(P("2020-01-01", "2020-01-01")), 1);
    cr_assert_eq(period_days(P("2020-01-01", "2024-12-31")), 1827);
    cr_assert_eq(period_days(P("2020-01-02", "2020-01-01")), 0);
    cr_assert_eq(period_days(P("2020-01-02", NULL)), 0); /* open: no number of days */
    period p = P("2020-01-01", "2020-12-31");
    cr_assert(period_contains(p, D("2020-01-01")));
    cr_assert(period_contains(p, D("2020-12-31")));
    cr_assert_not(period_contains(p, D("2019-12-31")));
    cr_assert_not(period_contains(p, D("2021-01-01")));
    period o = P("2020-01-01", NULL);
    o.tot = D("2020-01-05"); /* ignored when open */
    cr_assert(period_contains(o, D("9999-12-31")));
    cr_assert_not(period_contains(o, D("2019-12-31")));
}

/* ---- lasts ---- */

Test(period, lasts_contract_examples)
{
    cr_assert(period_lasts(P("2020-01-01", "2024-12-31"), 60, 0));
    cr_assert_not(period_lasts(P("2020-01-02", "2024-12-31"), 60, 0));
    cr_assert(period_lasts(P("2020-01-02", "2025-01-01"), 60, 0));
    /* month-end clamp: 2023-01-31 + 1 maand = 2023-02-28 <= 2023-02-27 + 1 */
    cr_assert(period_lasts(P("2023-01-31", "2023-02-27"), 1, 0));
    cr_assert_not(period_lasts(P("2023-01-31", "2023-02-26"), 1, 0));
    /* 6 maanden */
    cr_assert(period_lasts(P("2022-03-01", "2022-08-31"), 6, 0));
    cr_assert_not(period_lasts(P("2022-03-01", "2022-08-30"), 6, 0));
    /* months then days */
    cr_assert(period_lasts(P("2022-03-01", "2022-04-10"), 1, 10));
    cr_assert_not(period_lasts(P("2022-03-01", "2022-04-09"), 1, 10));
    cr_assert(period_lasts(P("2022-03-01", "2022-03-01"), 0, 1));
    cr_assert_not(period_lasts(P("2022-03-01", "2022-03-01"), 0, 2));
    /* 3652 days */
    cr_assert(period_lasts(P("2020-01-01", "2029-12-30"), 0, 3652));
    cr_assert_not(period_lasts(P("2020-01-01", "2029-12-29"), 0, 3652));
}

Test(period, lasts_open_and_extremes)
{
    cr_assert(period_lasts(P("2020-01-01", NULL), INT64_MAX, INT64_MAX));
    /* the end of the range: van + 1 maand is 10000-01-01 = tot + 1 dag */
    cr_assert(period_lasts(P("9999-12-01", "9999-12-31"), 1, 0));
    cr_assert_not(period_lasts(P("9999-12-01", "9999-12-31"), 1, 1));
    cr_assert_not(period_lasts(P("9999-12-02", "9999-12-31"), 1, 0));
    cr_assert(period_lasts(P("0001-01-01", "9999-12-31"), 9999 * 12, 0));
    cr_assert_not(period_lasts(P("0001-01-01", "9999-12-31"), 9999 * 12, 1));
    cr_assert_not(period_lasts(P("0001-01-01", "9999-12-31"), INT64_MAX, 0));
    cr_assert_not(period_lasts(P("0001-01-01", "9999-12-31"), 0, INT64_MAX));
    cr_assert(period_lasts(P("0001-01-01", "0001-01-01"), INT64_MIN, 0));
    cr_assert(period_lasts(P("2020-01-01", "2020-01-01"), -1, 0));
    cr_assert(period_lasts(P("2020-01-01", "2020-01-01"), 0, INT64_MIN));
    /* large months with negative days stay exact */
    cr_assert(period_lasts(P("2020-01-01", "2020-12-31"), 12 * 100000, -36524250));
    cr_assert_not(period_lasts(P("2020-01-01", "2020-12-31"), 12 * 100000, -36524250 + 367));
    cr_assert(period_lasts(P("2020-01-01", "2020-12-31"), 12 * 100000, -36524250 + 366));
}

/* ---- merge ---- */

Test(period, merge_touching_overlapping_nested)
{
    period ps[] = {
        P("2021-01-01", "2021-06-30"), /* touches the one before */
        P("2020-01-01", "2020-12-31"),
        P("2020-03-01", "2020-04-01"), /* nested: must not shorten the run */
        P("2022-01-01", "2022-01-31"), /* a gap of 1 day before it */
        P("2022-01-15", "2022-03-31"), /* overlapping */
        P("2021-07-02", "2021-12-30"),
    };
    size_t n = period_merge(ps, sizeof ps / sizeof ps[0]);
    cr_assert_eq(n, 3);
    expect_period(ps[0], "2020-01-01", "2021-06-30");
    expect_period(ps[1], "2021-07-02", "2021-12-30");
    expect_period(ps[2], "2022-01-01", "2022-03-31");
}

Test(period, merge_open_absorbs_and_drops_reversed)
{
    period ps[] = {
        P("2020-01-01", "2020-12-31"), P("2023-01-01", "2019-01-01"), /* tot < van: dropped */
        P("2022-01-01", NULL),         P("2024-01-01", "2030-12-31"), /* inside the open run */
        P("2021-01-01", "2021-12-31"),                                /* touches the open one */
        P("2025-01-01", NULL),
    };
    size_t n = period_merge(ps, sizeof ps / sizeof ps[0]);
    cr_assert_eq(n, 1);
    expect_period(ps[0], "2020-01-01", NULL);

    period gap[] = {P("2020-01-01", "2020-12-31"), P("2021-01-02", NULL),
                    P("2021-01-01", "2021-01-01")}; /* fills the gap */
    cr_assert_eq(period_merge(gap, 3), 1);
    expect_period(gap[0], "2020-01-01", NULL);

    period two[] = {P("2020-01-01", "2020-12-31"), P("2021-01-02", NULL)};
    cr_assert_eq(period_merge(two, 2), 2);
    expect_period(two[0], "2020-01-01", "2020-12-31");
    expect_period(two[1], "2021-01-02", NULL);

    period later_open[] = {P("2020-01-01", NULL), P("2019-01-01", "2019-12-30")};
    cr_assert_eq(period_merge(later_open, 2), 2);
    expect_period(later_open[0], "2019-01-01", "2019-12-30");
    expect_period(later_open[1], "2020-01-01", NULL);
}

Test(period, merge_empty_and_all_dropped)
{
    cr_assert_eq(period_merge(NULL, 0), 0);
    period ps[] = {P("2020-01-02", "2020-01-01"), P("2020-05-02", "2020-05-01")};
    cr_assert_eq(period_merge(ps, 2), 0);
    period one[] = {P("2020-01-01", "2020-01-01")};
    cr_assert_eq(period_merge(one, 1), 1);
    expect_period(one[0], "2020-01-01", "2020-01-01");
    period same[] = {P("2020-01-01", "2020-01-10"), P("2020-01-01", "2020-03-01"),
                     P("2020-01-01", "2020-01-05")};
    cr_assert_eq(period_merge(same, 3), 1);
    expect_period(same[0], "2020-01-01", "2020-03-01");
}

/* Random lists against a bitmap of covered days (open = to the end). */
#define BITMAP_DAYS 400

static uint32_t rng(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

Test(period, merge_matches_bitmap)
{
    uint32_t seed = 7;
    const cal_day base = 738000;
    for (int round = 0; round < 3000; round++) {
        period ps[12], copy[12], scratch[12];
        unsigned char cover[BITMAP_DAYS] = {0};
        size_t n = rng(&seed) % 13;
        for (size_t i = 0; i < n; i++) {
            int van = (int)(rng(&seed) % 360), len = (int)(rng(&seed) % 40) - 5;
            ps[i].van = base + van;
            ps[i].tot = base + van + len;
            ps[i].open = rng(&seed) % 17 == 0;
            int last = ps[i].open ? BITMAP_DAYS - 1 : van + len;
            for (int d = van; d <= last; d++)
                cover[d] = 1;
        }
        memcpy(copy, ps, n * sizeof ps[0]);
        int64_t total = -1;
        bool finite = period_total_days(ps, n, scratch, &total);
        cr_assert_eq(memcmp(copy, ps, n * sizeof ps[0]), 0, "total_days changed its input");
        size_t m = period_merge(ps, n);
        unsigned char got[BITMAP_DAYS] = {0};
        bool any_open = false;
        for (size_t i = 0; i < m; i++) {
            cr_assert(ps[i].open || ps[i].tot >= ps[i].van);
            if (i > 0) {
                cr_assert_not(ps[i - 1].open, "open run not last");
                cr_assert_gt(ps[i].van, ps[i - 1].tot + 1, "runs touch or overlap (ronde %d)",
                             round);
            }
            int last = ps[i].open ? BITMAP_DAYS - 1 : ps[i].tot - base;
            any_open = any_open || ps[i].open;
            for (int d = ps[i].van - base; d <= last; d++)
                got[d] = 1;
        }
        cr_assert_eq(memcmp(cover, got, sizeof cover), 0, "dekking verschilt (ronde %d)", round);
        cr_assert_eq(finite, !any_open);
        if (finite) {
            int64_t want = 0;
            for (int d = 0; d < BITMAP_DAYS; d++)
                want += cover[d];
            cr_assert_eq(total, want, "ronde %d", round);
        }
    }
}

/* A big list: heap sort keeps this fast (quadratic sorting would not). */
#define BIG 200000

Test(period, merge_big_list, .timeout = 20)
{
    static period big[BIG];
    uint32_t seed = 99;
    for (size_t i = 0; i < BIG; i++) {
        /* disjoint one-day periods on even days, in scrambled order */
        cal_day d = (cal_day)(700000 + 2 * ((i * 7919) % BIG));
        big[i] = (period){d, d, false};
    }
    cr_assert_eq(period_merge(big, BIG), BIG);
    for (size_t i = 1; i < BIG; i++)
        cr_assert_eq(big[i].van, big[i - 1].van + 2);
    for (size_t i = 0; i < BIG; i++) {
        cal_day van = (cal_day)(700000 + rng(&seed) % 1000);
        big[i] = (period){van, van + (cal_day)(rng(&seed) % 3), false};
    }
    big[BIG / 2] = (period){690000, 690000, false};
    cr_assert_eq(period_merge(big, BIG), 2);
    cr_assert_eq(big[0].van, 690000);
    cr_assert_eq(big[1].van, 700000);
}

/* ---- clip ---- */

Test(period, clip_closed_window)
{
    period ps[] = {
        P("2019-01-01", "2020-06-30"), /* starts before the window */
        P("2023-01-01", NULL),         /* open: gets the window's end */
        P("2026-01-01", "2027-01-01"), /* after the window: dropped */
        P("2018-01-01", "2019-12-31"), /* before the window: dropped */
        P("2021-01-01", "2021-02-01"), /* inside: unchanged */
        P("2024-12-31", "2030-01-01"), /* ends after: cut */
        P("2025-12-31", NULL),         /* open, starts after: dropped */
    };
    size_t n = period_clip(ps, 7, P("2020-01-01", "2025-12-30"));
    cr_assert_eq(n, 4);
    expect_period(ps[0], "2020-01-01", "2020-06-30");
    expect_period(ps[1], "2023-01-01", "2025-12-30");
    expect_period(ps[2], "2021-01-01", "2021-02-01");
    expect_period(ps[3], "2024-12-31", "2025-12-30");
}

Test(period, clip_open_window_cuts_only_the_start)
{
    period ps[] = {
        P("2019-01-01", "2020-06-30"),
        P("2019-01-01", NULL),
        P("2018-01-01", "2019-12-31"),
        P("2030-01-01", "2031-01-01"),
    };
    size_t n = period_clip(ps, 4, P("2020-01-01", NULL));
    cr_assert_eq(n, 3);
    expect_period(ps[0], "2020-01-01", "2020-06-30");
    expect_period(ps[1], "2020-01-01", NULL);
    expect_period(ps[2], "2030-01-01", "2031-01-01");
    cr_assert_eq(period_clip(ps, 0, P("2020-01-01", NULL)), 0);
    /* an empty window drops everything */
    cr_assert_eq(period_clip(ps, 3, P("2020-01-02", "2020-01-01")), 0);
}

Test(period, residence_up_to_peildatum)
{
    /* CONTRACT: tot null runs until peildatum, cut at peildatum, a period
     * starting after peildatum is left out, then merged. */
    period ps[] = {P("2015-01-01", "2017-12-31"), P("2018-01-01", NULL),
                   P("2024-01-01", "2024-02-01")};
    cal_day peil = D("2023-06-30");
    size_t n = period_clip(ps, 3, (period){0, peil, false});
    cr_assert_eq(n, 2);
    n = period_merge(ps, n);
    cr_assert_eq(n, 1);
    expect_period(ps[0], "2015-01-01", "2023-06-30");
    cr_assert(period_lasts(ps[0], 60, 0));
    cr_assert(period_contains(ps[0], peil));
    period scratch[1];
    int64_t days;
    cr_assert(period_total_days(ps, 1, scratch, &days));
    cr_assert_eq(days, D("2023-06-30") - D("2015-01-01") + 1);
}

/* ---- total days ---- */

Test(period, total_days_counts_overlaps_once)
{
    period ps[] = {P("2020-01-01", "2020-01-10"), P("2020-01-05", "2020-01-20"),
                   P("2020-01-21", "2020-01-21"), P("2020-03-01", "2020-03-02"),
                   P("2020-04-01", "2020-03-01")};
    period scratch[5];
    int64_t days = -1;
    cr_assert(period_total_days(ps, 5, scratch, &days));
    cr_assert_eq(days, 21 + 2);
    cr_assert(period_total_days(NULL, 0, NULL, &days));
    cr_assert_eq(days, 0);
    ps[3].open = true;
    days = -1;
    cr_assert_not(period_total_days(ps, 5, scratch, &days));
    cr_assert_eq(days, -1);
    /* 10 × 365,25 rounded down */
    period ten[] = {P("2010-01-01", "2014-12-31"), P("2016-01-01", "2020-12-31")};
    cr_assert(period_total_days(ten, 2, scratch, &days));
    cr_assert_eq(days, 1826 + 1827);
    cr_assert_geq(days, 3652);
}

Test(period, extreme_day_numbers_are_harmless)
{
    period p = {INT32_MIN, INT32_MAX, false};
    cr_assert_eq(period_days(p), (int64_t)UINT32_MAX + 1);
    cr_assert_not(period_lasts(p, 1, 0)); /* van outside the calendar */
    period ps[] = {{INT32_MAX, INT32_MAX, false}, {INT32_MIN, INT32_MAX - 1, false}};
    cr_assert_eq(period_merge(ps, 2), 1); /* tot + 1 must not overflow */
    cr_assert_eq(ps[0].van, INT32_MIN);
    cr_assert_eq(ps[0].tot, INT32_MAX);
}
