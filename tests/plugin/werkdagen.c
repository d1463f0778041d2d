/* werkdagen.c — the test plugin of `regel --plugin` (issue 8): exports
 * regel_plugin_init, which adds host functions of every mapped C type
 * (werkdagen_tussen and friends) for tests/plugin/werkdagen.regel. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "regel.h"

/* Weekdays (Monday to Friday) in the days before day x, counted from
 * Monday 29 December 1969 (day -3): floored division, so negative days work. */
static int64_t wd_before(int64_t x)
{
    int64_t s = x + 3;
    int64_t weeks = s >= 0 ? s / 7 : -((-s + 6) / 7);
    int64_t rem = s - 7 * weeks;
    return 5 * weeks + (rem < 5 ? rem : 5);
}

/* Working days (Monday to Friday) d with van ≤ d < tot; negative when tot < van. */
static int64_t werkdagen_tussen(int32_t van, int32_t tot)
{
    return wd_before(tot) - wd_before(van);
}

/* 0 = Monday … 6 = Sunday */
static int wd_weekday(int32_t day)
{
    int64_t s = ((int64_t)day + 3) % 7;
    return (int)(s < 0 ? s + 7 : s);
}

/* Dutch public holidays with a fixed date: Nieuwjaarsdag, Koningsdag (27
 * april, or 26 april when that is a Sunday), Bevrijdingsdag, Kerstmis. */
static bool is_feestdag(int32_t day)
{
    int y, m, d;
    if (regel_date_to_ymd(day, &y, &m, &d) != REGEL_OK)
        return false;
    int wd = wd_weekday(day);
    if (m == 4)
        return (d == 27 && wd != 6) || (d == 26 && wd == 5);
    return (m == 1 && d == 1) || (m == 5 && d == 5) || (m == 12 && (d == 25 || d == 26));
}

static const char *maandnaam(int32_t day)
{
    static const char *const names[] = {"januari",   "februari", "maart",    "april",
                                        "mei",       "juni",     "juli",     "augustus",
                                        "september", "oktober",  "november", "december"};
    int y, m, d;
    if (regel_date_to_ymd(day, &y, &m, &d) != REGEL_OK || m < 1 || m > 12)
        return NULL; /* an error for the evaluation */
    return names[m - 1];
}

/* The day `n` working days after d (n ≥ 0), skipping weekends. */
static int32_t plus_werkdagen(int32_t d, int64_t n)
{
    while (n > 0) {
        d++;
        if (wd_weekday(d) < 5)
            n--;
    }
    return d;
}

/* Amount per day, rounded down to whole cents; 0 for no days. */
static int64_t dagbedrag(int64_t cents, int64_t dagen)
{
    if (dagen <= 0)
        return 0;
    int64_t q = cents / dagen;
    if ((cents % dagen != 0) && ((cents < 0) != (dagen < 0)))
        q--;
    return q;
}

/* NaN for a negative number: the evaluation reports it. */
static double wortel(double x)
{
    return sqrt(x);
}

/* Code points in a UTF-8 text. */
static int64_t lengte(const char *t)
{
    int64_t n = 0;
    for (const unsigned char *p = (const unsigned char *)t; p && *p; p++)
        n += (*p & 0xC0) != 0x80;
    return n;
}

static bool met_werk(bool werkt, int64_t uren)
{
    return werkt && uren >= 20;
}

typedef struct wd_fn {
    const char *name;
    void (*fn)(void);
    regel_ctype result;
    regel_ctype params[2];
    size_t n_params;
} wd_fn;

REGEL_API int regel_plugin_init(regel_functions *fs, regel_error *err);

REGEL_API int regel_plugin_init(regel_functions *fs, regel_error *err)
{
    const wd_fn table[] = {
        {"werkdagen_tussen",
         (void (*)(void))werkdagen_tussen,
         REGEL_C_INT64,
         {REGEL_C_DATE, REGEL_C_DATE},
         2},
        {"is_feestdag", (void (*)(void))is_feestdag, REGEL_C_BOOL, {REGEL_C_DATE}, 1},
        {"maandnaam", (void (*)(void))maandnaam, REGEL_C_STRING, {REGEL_C_DATE}, 1},
        {"plus_werkdagen",
         (void (*)(void))plus_werkdagen,
         REGEL_C_DATE,
         {REGEL_C_DATE, REGEL_C_INT64},
         2},
        {"dagbedrag", (void (*)(void))dagbedrag, REGEL_C_CENTS, {REGEL_C_CENTS, REGEL_C_INT64}, 2},
        {"wortel", (void (*)(void))wortel, REGEL_C_DOUBLE, {REGEL_C_DOUBLE}, 1},
        {"lengte", (void (*)(void))lengte, REGEL_C_INT64, {REGEL_C_STRING}, 1},
        {"met_werk", (void (*)(void))met_werk, REGEL_C_BOOL, {REGEL_C_BOOL, REGEL_C_INT64}, 2},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        int rc = regel_functions_add(fs, table[i].name, table[i].fn, table[i].result,
                                     table[i].params, table[i].n_params, err);
        if (rc != REGEL_OK)
            return rc;
    }
    return REGEL_OK;
}
