/* scenario.h — scenarios (tests written in the policy language) as the
 * compiler hands them to the test runner: per scenario the facts it gives (as
 * JSON text, ready to merge into a case), an optional case file, an optional
 * peildatum, and the expectations. Plain data in one arena; no evaluation. */
#ifndef REGEL_SCENARIO_H
#define REGEL_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "regel.h"

typedef struct scen_fact {
    const char *name; /* an invoer fact */
    const char *json; /* its value as JSON text: "true", "12.5", "\"2022-03-01\"", "null" (geen) */
} scen_fact;

typedef struct scen_expect {
    const char *outcome; /* an uitkomst or begrip */
    const char *json;    /* the expected value as JSON text (as `regel --json` prints it);
                            NULL when `is onbekend` is expected */
    bool unknown;        /* `verwacht x is onbekend` */
    const char *rule;    /* `door regel "R"`: the rule that must decide it, or NULL */
    uint32_t line, col;  /* of the `verwacht` line */
} scen_expect;

typedef struct scen {
    const char *name;
    uint32_t line, col;
    const char *case_file; /* `gegeven uit "…"`: path as written, or NULL */
    const char *case_path; /* that path resolved against the policy file's folder, or NULL */
    scen_fact *facts;      /* `gegeven` facts, in order; they override the case file */
    size_t n_facts;
    scen_expect *expects;
    size_t n_expects;
} scen;

typedef struct scen_list scen_list; /* owns everything it points to */

/* Compile a policy source and collect its scenarios. On success *policy is a
 * loaded policy (free with regel_policy_free) and *list its scenarios (free
 * with scen_list_free; may hold 0 scenarios). Diagnostics as for
 * regel_policy_compile. `file` is the path used in messages and to resolve
 * `gegeven uit`. */
int scen_compile(const char *src, size_t len, const char *file, regel_policy **policy,
                 scen_list **list, char **diagnostics, regel_error *err);
size_t scen_count(const scen_list *list);
const scen *scen_get(const scen_list *list, size_t i);
void scen_list_free(scen_list *list);

#endif
