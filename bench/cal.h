/* cal.h — the calendar of the contract (§1) for the benchmark programs in
 * bench/ (header-only): days since 1970-01-01 to and from a civil date, and
 * reading "YYYY-MM-DD". Used by the generator, the hand-written C and the JSON
 * readers. */
#ifndef BENCH_CAL_H
#define BENCH_CAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Days since 1970-01-01 from a civil date and back (Howard Hinnant). */
static inline int32_t cal_days(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static inline void cal_civil(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

static inline int cal_month_length(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return len[m - 1];
}

/* date + n months; a day past the end of the month becomes its last day
 * (contract §1). */
static inline int32_t cal_add_months(int32_t date, int n)
{
    int y, m, d;
    cal_civil(date, &y, &m, &d);
    int mi = y * 12 + (m - 1) + n;
    y = mi / 12;
    m = mi % 12 + 1;
    int last = cal_month_length(y, m);
    return cal_days(y, m, d > last ? last : d);
}

/* "YYYY-MM-DD" (exactly n = 10 bytes, a real calendar date) to days. */
static inline bool cal_parse(const char *s, size_t n, int32_t *out)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return false;
    int v[8], k = 0;
    for (size_t i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (s[i] < '0' || s[i] > '9')
            return false;
        v[k++] = s[i] - '0';
    }
    int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    int m = v[4] * 10 + v[5], d = v[6] * 10 + v[7];
    if (m < 1 || m > 12 || d < 1 || d > cal_month_length(y, m))
        return false;
    *out = cal_days(y, m, d);
    return true;
}

#endif
