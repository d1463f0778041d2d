/* case_build.h — internal entry points of the case reader (runtime/case.c)
 * for cases built in code (runtime/api_case.c): the same allocation, the same
 * `standaard` values and the same value checks as a case read from JSON. */
#ifndef REGEL_CASE_BUILD_H
#define REGEL_CASE_BUILD_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "eval.h"
#include "policy.h"
#include "regel.h"

/* Values, keys and paths from a case are shown in messages with at most
 * CASE_SHOW_CHARS characters, then "…": case_show writes s[0..len) so into
 * buf (cap bytes; CASE_SHOW_CAP always suffices), cut at a UTF-8 boundary,
 * control characters as '?'. */
#define CASE_SHOW_CHARS 60
/* Issue 9: the largest list (elements) and text (bytes, 1 MB) one fact of a
 * case may hold, through JSON and through the C API alike. */
#define CASE_MAX_LIST 1000000u
#define CASE_MAX_TEXT ((size_t)1 << 20)
#define CASE_SHOW_CAP (CASE_SHOW_CHARS * 4 + 4)
void case_show(const char *s, size_t len, char *buf, size_t cap);

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

/* regel_case_from_json; with force_jansson (for tests) the text is read by
 * jansson only, not by the yajl reader (runtime/json_tree.h) first. */
int case_from_json(const regel_policy *policy, const char *json, size_t len, const char *name,
                   regel_case **out, regel_error *err, bool force_jansson);

/* REGEL_OK, or REGEL_ERR_CASE naming `path` when the slot is declared
 * (niet negatief) (RBC_NONNEGATIVE in flags) and v (of policy type `type`)
 * is a getal, bedrag or duur below zero (a duur with a negative part). */
int case_check_sign(const regel_case *c, const char *path, uint32_t type, uint32_t flags,
                    const rt_value *v, regel_error *err);

#endif
