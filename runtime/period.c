/* period.c — periods of the language (see period.h and CONTRACT §1):
 * inclusive ends, open periods, merging overlapping and touching periods,
 * cutting to a window, "lasts N months". No allocation; calendar via cal.c. */
#include "period.h"

#include <string.h>

__extension__ typedef __int128 i128;

#define GREG_DAYS_400       146097        /* the Gregorian calendar repeats every 400 years: */
#define GREG_MONTHS_400     4800          /* 146097 days, 4800 months */
#define GREG_DAY_0401_01_01 GREG_DAYS_400 /* day number of 0401-01-01 */

int64_t period_days(period p)
{
    if (p.open || p.tot < p.van)
        return 0; /* an open period has no number of days; callers check open */
    return (int64_t)p.tot - p.van + 1;
}

bool period_contains(period p, cal_day d)
{
    return d >= p.van && (p.open || d <= p.tot);
}

/* van + months as an exact (unbounded) day number: whole 400-year cycles are
 * moved out so that cal_add_months only sees a step inside the valid range.
 * false when van itself is outside the valid range. */
static bool add_months_wide(cal_day van, int64_t months, i128 *out)
{
    int64_t q = months / GREG_MONTHS_400, r = months % GREG_MONTHS_400;
    if (r < 0) {
        r += GREG_MONTHS_400;
        q--;
    }
    cal_day base;
    i128 shift = (i128)q * GREG_DAYS_400;
    if (!cal_add_months(van, r, &base)) {
        /* Only fails near the end of the range (r < 400 years), where one
         * cycle back is still valid. */
        if (van < GREG_DAY_0401_01_01 || !cal_add_months(van - GREG_DAYS_400, r, &base))
            return false;
        shift += GREG_DAYS_400;
    }
    *out = (i128)base + shift;
    return true;
}

bool period_lasts(period p, int64_t months, int64_t days)
{
    if (p.open)
        return true;
    i128 end;
    if (!add_months_wide(p.van, months, &end))
        return false;
    return end + days <= (i128)p.tot + 1;
}

/* Sort order: van, then closed before open, then tot. A total order on the
 * fields that matter, so the result never depends on the input order. */
static bool period_less(const period *a, const period *b)
{
    if (a->van != b->van)
        return a->van < b->van;
    if (a->open != b->open)
        return !a->open;
    if (a->open)
        return false;
    return a->tot < b->tot;
}

static void sift_down(period *ps, size_t root, size_t n)
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && period_less(&ps[child], &ps[child + 1]))
            child++;
        if (!period_less(&ps[root], &ps[child]))
            return;
        period t = ps[root];
        ps[root] = ps[child];
        ps[child] = t;
        root = child;
    }
}

/* In-place heap sort: O(n log n), no allocation, deterministic. */
static void period_sort(period *ps, size_t n)
{
    if (n < 2)
        return;
    for (size_t i = n / 2; i-- > 0;)
        sift_down(ps, i, n);
    for (size_t end = n - 1; end > 0; end--) {
        period t = ps[0];
        ps[0] = ps[end];
        ps[end] = t;
        sift_down(ps, 0, end);
    }
}

size_t period_merge(period *ps, size_t n)
{
    if (!ps)
        return 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (ps[i].open || ps[i].tot >= ps[i].van)
            ps[k++] = ps[i];
    period_sort(ps, k);
    size_t out = 0;
    for (size_t i = 0; i < k; i++) {
        if (out > 0) {
            period *run = &ps[out - 1];
            if (run->open)
                continue; /* an open run absorbs everything after it */
            if ((int64_t)ps[i].van <= (int64_t)run->tot + 1) {
                if (ps[i].open)
                    run->open = true;
                else if (ps[i].tot > run->tot)
                    run->tot = ps[i].tot;
                continue;
            }
        }
        ps[out++] = ps[i];
    }
    return out;
}

size_t period_clip(period *ps, size_t n, period w)
{
    if (!ps)
        return 0;
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        period p = ps[i];
        if (p.van < w.van)
            p.van = w.van;
        if (!w.open) {
            if (p.open || p.tot > w.tot)
                p.tot = w.tot;
            p.open = false;
        }
        if (!p.open && p.tot < p.van)
            continue;
        ps[out++] = p;
    }
    return out;
}

bool period_total_days(const period *ps, size_t n, period *scratch, int64_t *out)
{
    if (n == 0) {
        if (out)
            *out = 0;
        return true;
    }
    if (!ps || !scratch)
        return false;
    if (scratch != ps)
        memmove(scratch, ps, n * sizeof *ps);
    size_t m = period_merge(scratch, n);
    int64_t total = 0;
    for (size_t i = 0; i < m; i++) {
        if (scratch[i].open)
            return false;
        int64_t d = period_days(scratch[i]);
        if (total > INT64_MAX - d)
            return false;
        total += d;
    }
    if (out)
        *out = total;
    return true;
}
