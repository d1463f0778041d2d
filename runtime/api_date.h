/* api_date.h — dates at the public API (int32_t days since 1970-01-01) and
 * the runtime's own day numbers (runtime/cal.h, 0 = 0001-01-01). One offset
 * for host functions (runtime/host.c), case builders and typed results. */
#ifndef REGEL_API_DATE_H
#define REGEL_API_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "cal.h"

/* cal_from_ymd(1970, 1, 1): days from 0001-01-01 to 1970-01-01. */
#define API_DATE_EPOCH 719162

/* An API date as a cal_day; false when outside years 1..9999. */
static inline bool api_date_to_cal(int32_t date, cal_day *out)
{
    int64_t d = (int64_t)date + API_DATE_EPOCH;
    if (d < CAL_DAY_MIN || d > CAL_DAY_MAX)
        return false;
    *out = (cal_day)d;
    return true;
}

/* A cal_day (CAL_DAY_MIN..CAL_DAY_MAX) as an API date. */
static inline int32_t api_date_from_cal(cal_day d)
{
    return (int32_t)(d - API_DATE_EPOCH);
}

#endif
