/* case_build.h — internal entry points of the case reader (runtime/case.c)
 * for cases built in code (runtime/api_case.c): the same allocation, the same
 * `standaard` values and the same value checks as a case read from JSON. */
#ifndef REGEL_CASE_BUILD_H
#define REGEL_CASE_BUILD_H

#include <jansson.h>
#include <stdint.h>

#include "eval.h"
#include "policy.h"
#include "regel.h"

/* A new case for policy with every fact absent and onbekend (no `standaard`
 * applied yet); name (may be NULL) is used in messages. Free with
 * regel_case_free. REGEL_ERR_MEMORY on failure (*out untouched). */
int case_alloc(const regel_policy *policy, const char *name, regel_case **out, regel_error *err);

/* Make input i (< n_inputs) absent, as a key missing from the JSON: its
 * `standaard` value (defaulted[i] = 1) when it has one, else onbekend. */
int case_absent(regel_case *c, uint32_t i, regel_error *err);

/* The value of JSON v for a slot of policy type `type` declared with flags
 * (RBC_OPTIONAL: null is geen), exactly as the JSON reader converts it;
 * strings are copied into the case's arena. Errors name `path`. */
int case_convert(regel_case *c, const char *path, uint32_t type, uint32_t flags, const json_t *v,
                 rt_value *out, regel_error *err);

#endif
