/* check.h — name resolution and type checking of a parsed policy: builds the
 * symbol tables, annotates every expression with its type and referent,
 * orders outcomes by dependency (a cycle is an error naming it) and finds
 * provable rule conflicts. Reports through diag; never exits. */
#ifndef REGEL_CHECK_H
#define REGEL_CHECK_H

#include "arena.h"
#include "ast.h"
#include "diag.h"

typedef struct check_result check_result; /* the checked program, input to emit */

/* Returns NULL when out of memory; otherwise a result that is usable for
 * emission only when diag_error_count(d) == 0. Lives in the arena. */
check_result *check_policy(arena *a, diag_ctx *d, ast_policy *p);

#endif
