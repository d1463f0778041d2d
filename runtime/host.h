/* host.h — host functions (issue 8), internal: the table behind
 * regel_functions and the call of one bound function through libffi. The
 * VM calls host_call for CALL_EXTERN; rt_extern.bound points to a host_fn.
 * Not installed; nothing outside runtime/ and tests may use it. */
#ifndef REGEL_HOST_H
#define REGEL_HOST_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "regel.h"
#include "value.h"

/* One function of a regel_functions table (opaque: host.c holds its libffi
 * call interface). Lives until regel_functions_free. */
typedef struct host_fn host_fn;

/* Call f with its n_params known arguments (no onbekend, geen or LEEG; the
 * kinds the bound signature expects). Converts every argument to its C type,
 * calls through libffi and converts the result back into *result (a
 * returned string is copied into a at once). Returns REGEL_OK, or
 * REGEL_ERR_EVAL with a Dutch message (no location; the caller adds the
 * rule) in msg: an INT64 argument that is not whole, a NULL or non-UTF-8
 * string, a non-finite double or one that does not fit an exact getal, a
 * date outside years 1..9999. REGEL_ERR_MEMORY when a runs out. */
int host_call(const host_fn *f, const rt_value *args, arena *a, rt_value *result, char *msg,
              size_t cap);

#endif
