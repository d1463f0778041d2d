/* cal.h — THE calendar of the language (CONTRACT §1): proleptic Gregorian
 * dates as day numbers, month arithmetic with the month-end clamp, whole
 * months/years between dates. One implementation, used by the VM and by the
 * compiler's literal checking and constant folding. Pure functions. */
#ifndef REGEL_CAL_H
#define REGEL_CAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A date as a day number: 0 is 0001-01-01; the valid range is years 1..9999
 * (CAL_DAY_MIN..CAL_DAY_MAX). */
typedef int32_t cal_day;
#define CAL_DAY_MIN 0
#define CAL_DAY_MAX 3652058 /* 9999-12-31 */

bool cal_is_leap(int32_t year);
int cal_days_in_month(int32_t year, int month); /* month 1..12 */
bool cal_valid_ymd(int32_t year, int month, int day);
/* Requires cal_valid_ymd. */
cal_day cal_from_ymd(int32_t year, int month, int day);
void cal_to_ymd(cal_day d, int32_t *year, int *month, int *day);
/* The same by 400/100/4/1-year cycles for any day number; cal_to_ymd uses a
 * faster formula inside CAL_DAY_MIN..CAL_DAY_MAX (the tests compare both). */
void cal_to_ymd_general(cal_day d, int32_t *year, int *month, int *day);

/* d + n months (n may be negative): same day number, clamped to the last day
 * of the target month (2023-01-31 + 1 = 2023-02-28). false when the result
 * leaves the valid range. Years are 12 months. */
bool cal_add_months(cal_day d, int64_t n, cal_day *out);
/* d + n days; false when out of range. */
bool cal_add_days(cal_day d, int64_t n, cal_day *out);

/* Whole months from a to b: for a <= b the largest N >= 0 with
 * a + N months <= b; for a > b, -(cal_months_between(b, a)). */
int64_t cal_months_between(cal_day a, cal_day b);
/* Whole years likewise (N years = 12·N months). Age on d of someone born on
 * b is cal_years_between(b, d): born 2000-02-29 → 18 on 2018-02-28. */
int64_t cal_years_between(cal_day a, cal_day b);

/* "YYYY-MM-DD", exactly 10 characters, a real date. */
bool cal_parse_iso(const char *s, size_t len, cal_day *out);
/* Writes "YYYY-MM-DD" (11 bytes with NUL). */
void cal_format_iso(cal_day d, char buf[11]);
/* Writes "1 maart 2022" (cap >= 24). */
void cal_format_dutch(cal_day d, char *buf, size_t cap);
/* Dutch month name for 1..12 ("januari" …), NULL otherwise. */
const char *cal_month_name(int month);

#endif
