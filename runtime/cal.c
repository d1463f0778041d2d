/* cal.c — the one calendar of the language (see cal.h and CONTRACT §1):
 * proleptic Gregorian day numbers, month arithmetic with the month-end clamp,
 * whole months/years between dates, strict ISO parsing and Dutch text. */
#include "cal.h"

#include <stdio.h>

#define CAL_YEAR_MIN 1
#define CAL_YEAR_MAX 9999
#define CAL_DAYS_400 146097 /* days in 400 Gregorian years */

static const char *const month_names[12] = {
    "januari", "februari", "maart",     "april",   "mei",      "juni",
    "juli",    "augustus", "september", "oktober", "november", "december",
};

/* Days before month m (1..12) in a non-leap year. */
static const int32_t days_before_month[12] = {0,   31,  59,  90,  120, 151,
                                              181, 212, 243, 273, 304, 334};

/* Floor division and modulo for b > 0. */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
    return a - floor_div(a, b) * b;
}

static inline bool is_leap64(int64_t year)
{
    if (year > 0) /* the contract's years, without floor division */
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    return floor_mod(year, 4) == 0 && (floor_mod(year, 100) != 0 || floor_mod(year, 400) == 0);
}

static int month_length(int64_t year, int month)
{
    static const int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap64(year))
        return 29;
    return lengths[month - 1];
}

/* Day number of year/month/day for any year (proleptic), month 1..12 and
 * day 1..month length; years far outside 1..9999 stay exact in int64 for
 * |year| < 2^50. */
static int64_t day_number(int64_t year, int month, int day)
{
    int64_t y = year - 1;
    int64_t n = y >= 0 ? 365 * y + y / 4 - y / 100 + y / 400
                       : 365 * y + floor_div(y, 4) - floor_div(y, 100) + floor_div(y, 400);
    n += days_before_month[month - 1];
    if (month > 2 && is_leap64(year))
        n++;
    return n + day - 1;
}

bool cal_is_leap(int32_t year)
{
    return is_leap64(year);
}

int cal_days_in_month(int32_t year, int month)
{
    if (month < 1 || month > 12)
        return 0;
    return month_length(year, month);
}

bool cal_valid_ymd(int32_t year, int month, int day)
{
    return year >= CAL_YEAR_MIN && year <= CAL_YEAR_MAX && month >= 1 && month <= 12 && day >= 1 &&
           day <= month_length(year, month);
}

cal_day cal_from_ymd(int32_t year, int month, int day)
{
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return 0; /* outside the contract; never undefined behaviour */
    return (cal_day)day_number(year, month, day);
}

/* The days of the contract (CAL_DAY_MIN..CAL_DAY_MAX) without a loop: count
 * from 1 March of the year 0, so that the leap day ends a year; a year of
 * that count starts with March, and its months, from March, have 153 days
 * per five. Checked against the general path below for every day of the
 * range (tests/unit/test_cal.c). */
static void cal_to_ymd_fast(uint32_t d, int32_t *year, int *month, int *day)
{
    uint32_t z = d + 306; /* 0000-03-01 lies 306 days before 0001-01-01 */
    uint32_t era = z / CAL_DAYS_400;
    uint32_t doe = z - era * CAL_DAYS_400;                                /* 0 .. 146096 */
    uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* 0 .. 399 */
    uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* 0 .. 365 */
    uint32_t mp = (5 * doy + 2) / 153;                                    /* 0 = March */
    int m = mp < 10 ? (int)mp + 3 : (int)mp - 9;
    if (year)
        *year = (int32_t)(era * 400 + yoe) + (m <= 2);
    if (month)
        *month = m;
    if (day)
        *day = (int)(doy - (153 * mp + 2) / 5) + 1;
}

void cal_to_ymd(cal_day d, int32_t *year, int *month, int *day)
{
    if (d >= CAL_DAY_MIN && d <= CAL_DAY_MAX) {
        cal_to_ymd_fast((uint32_t)d, year, month, day);
        return;
    }
    cal_to_ymd_general(d, year, month, day);
}

void cal_to_ymd_general(cal_day d, int32_t *year, int *month, int *day)
{
    int64_t n = d;
    int64_t cycles = floor_div(n, CAL_DAYS_400);
    int64_t r = n - cycles * CAL_DAYS_400; /* 0 .. 146096 */
    int64_t c100 = r / 36524;
    if (c100 == 4)
        c100 = 3; /* the last day of a 400-year cycle */
    r -= c100 * 36524;
    int64_t c4 = r / 1461;
    r -= c4 * 1461;
    int64_t c1 = r / 365;
    if (c1 == 4)
        c1 = 3; /* the last day of a leap year */
    r -= c1 * 365;
    int64_t y = cycles * 400 + c100 * 100 + c4 * 4 + c1 + 1;
    int leap = is_leap64(y);
    int m = 12;
    while (m > 1 && r < days_before_month[m - 1] + (m > 2 ? leap : 0))
        m--;
    r -= days_before_month[m - 1] + (m > 2 ? leap : 0);
    if (year)
        *year = (int32_t)y;
    if (month)
        *month = m;
    if (day)
        *day = (int)r + 1;
}

static bool in_range(int64_t d)
{
    return d >= CAL_DAY_MIN && d <= CAL_DAY_MAX;
}

bool cal_add_months(cal_day d, int64_t n, cal_day *out)
{
    /* Any n beyond the whole range in months cannot land inside it. */
    if (!in_range(d) || n < -(int64_t)CAL_YEAR_MAX * 12 || n > (int64_t)CAL_YEAR_MAX * 12)
        return false;
    int32_t y;
    int m, day;
    cal_to_ymd(d, &y, &m, &day);
    int64_t total = (int64_t)y * 12 + (m - 1) + n;
    int64_t ty = floor_div(total, 12);
    int tm = (int)floor_mod(total, 12) + 1;
    if (ty < CAL_YEAR_MIN || ty > CAL_YEAR_MAX)
        return false;
    int len = month_length(ty, tm);
    if (day > len)
        day = len;
    if (out)
        *out = (cal_day)day_number(ty, tm, day);
    return true;
}

bool cal_add_days(cal_day d, int64_t n, cal_day *out)
{
    if (!in_range(d) || n < -(int64_t)CAL_DAY_MAX - 1 || n > (int64_t)CAL_DAY_MAX + 1)
        return false;
    int64_t r = (int64_t)d + n;
    if (!in_range(r))
        return false;
    if (out)
        *out = (cal_day)r;
    return true;
}

/* a <= b: N0 whole calendar months between the months of a and b, one less
 * when a's (clamped) day in b's month lies after b. a + N months grows with
 * N, and a + (N0 + 1) months lies in the month after b's. */
static int64_t months_forward(cal_day a, cal_day b)
{
    int32_t ya, yb;
    int ma, mb, da, db;
    cal_to_ymd(a, &ya, &ma, &da);
    cal_to_ymd(b, &yb, &mb, &db);
    int64_t n = ((int64_t)yb - ya) * 12 + (mb - ma);
    int len = month_length(yb, mb);
    int clamped = da > len ? len : da;
    if (clamped > db)
        n--;
    return n;
}

int64_t cal_months_between(cal_day a, cal_day b)
{
    if (a <= b)
        return months_forward(a, b);
    return -months_forward(b, a);
}

int64_t cal_years_between(cal_day a, cal_day b)
{
    /* a + 12N months <= b exactly when 12N <= the whole months between. */
    if (a <= b)
        return months_forward(a, b) / 12;
    return -(months_forward(b, a) / 12);
}

static int digits_value(const char *s, size_t n, bool *ok)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            *ok = false;
            return 0;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool cal_parse_iso(const char *s, size_t len, cal_day *out)
{
    if (!s || len != 10 || s[4] != '-' || s[7] != '-')
        return false;
    bool ok = true;
    int y = digits_value(s, 4, &ok);
    int m = digits_value(s + 5, 2, &ok);
    int d = digits_value(s + 8, 2, &ok);
    if (!ok || !cal_valid_ymd(y, m, d))
        return false;
    if (out)
        *out = cal_from_ymd(y, m, d);
    return true;
}

static void put_digits(char *p, int64_t v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + (int)(v % 10));
        v /= 10;
    }
}

void cal_format_iso(cal_day d, char buf[11])
{
    if (!buf)
        return;
    if (!in_range(d)) {
        /* Outside the contract: a visible placeholder, never a wrong date. */
        static const char bad[11] = "\?\?\?\?-\?\?-\?\?";
        for (int i = 0; i < 11; i++)
            buf[i] = bad[i];
        return;
    }
    int32_t y;
    int m, day;
    cal_to_ymd(d, &y, &m, &day);
    put_digits(buf, y, 4);
    buf[4] = '-';
    put_digits(buf + 5, m, 2);
    buf[7] = '-';
    put_digits(buf + 8, day, 2);
    buf[10] = '\0';
}

void cal_format_dutch(cal_day d, char *buf, size_t cap)
{
    if (!buf || cap == 0)
        return;
    if (!in_range(d)) {
        snprintf(buf, cap, "%s", "ongeldige datum");
        return;
    }
    int32_t y;
    int m, day;
    cal_to_ymd(d, &y, &m, &day);
    snprintf(buf, cap, "%d %s %d", day, month_names[m - 1], (int)y);
}

const char *cal_month_name(int month)
{
    if (month < 1 || month > 12)
        return NULL;
    return month_names[month - 1];
}
