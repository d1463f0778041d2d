/* parse.h — source text to syntax tree: the reentrant flex lexer and the pure
 * bison parser behind one call. Reports syntax errors through diag and
 * recovers at the next declaration; never exits. */
#ifndef REGEL_PARSE_H
#define REGEL_PARSE_H

#include "arena.h"
#include "ast.h"
#include "diag.h"

/* Parse src[0..len). Returns the tree (possibly partial when there were
 * errors: check diag_error_count), or NULL when out of memory. */
ast_policy *parse_source(arena *a, diag_ctx *d, const char *file, const char *src, size_t len);

#endif
