/* period.h — operations on periods (CONTRACT §1): inclusive ends, an open
 * end for a period that is still running, merging overlapping and touching
 * periods, cutting to a window, runs that last N months. Pure functions on
 * caller-provided arrays; no allocation, no I/O. */
#ifndef REGEL_PERIOD_H
#define REGEL_PERIOD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cal.h"

typedef struct period {
    cal_day van;
    cal_day tot; /* inclusive; ignored when open */
    bool open;   /* still running: no end */
} period;

/* Days of a closed period: tot - van + 1 (0 when tot < van). */
int64_t period_days(period p);
/* van <= d <= tot (or van <= d when open). */
bool period_contains(period p, cal_day d);
/* The period lasts at least `months` months and `days` days: van + months
 * (clamped) + days <= tot + 1 day. An open period lasts forever. */
bool period_lasts(period p, int64_t months, int64_t days);

/* Merge in place: drop periods with tot < van, sort by van, join a period to
 * the run before it when its van <= that run's tot + 1 day (a run's tot is
 * the later end; open absorbs everything after). Returns the new count. */
size_t period_merge(period *ps, size_t n);
/* Cut every period to window w (inclusive; an open w cuts only the start),
 * in place, dropping those that end up empty (tot < van). Open periods get
 * w's end when w is closed. Returns the new count. Order is kept. */
size_t period_clip(period *ps, size_t n, period w);
/* Total days of the merged periods; false when any (merged) period is open
 * or the sum overflows. Does not modify ps. Works on unmerged input too:
 * overlapping days count once (the caller's array is copied to scratch,
 * which must hold n periods). */
bool period_total_days(const period *ps, size_t n, period *scratch, int64_t *out);

#endif
