/* suggest.h — near-miss names for "bedoelde u ‘…’?" hints, shared by the
 * compiler's diagnostics and the case reader. Pure function, no allocation
 * beyond the stack. */
#ifndef REGEL_SUGGEST_H
#define REGEL_SUGGEST_H

#include <stddef.h>

/* The candidate closest to name by Damerau-Levenshtein distance (on bytes),
 * if that distance is at most max(1, strlen(name) / 3); ties go to the first
 * candidate. NULL when none is close enough or name is empty. */
const char *suggest_closest(const char *name, const char *const *candidates, size_t n);

#endif
