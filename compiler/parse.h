/* parse.h — source text to syntax tree: the reentrant flex lexer and the pure
 * bison parser behind one call. Reports syntax errors through diag and
 * recovers at the next declaration; never exits. */
#ifndef REGEL_PARSE_H
#define REGEL_PARSE_H

#include "arena.h"
#include "ast.h"
#include "diag.h"

#include <stddef.h>

/* Parse src[0..len). Returns the tree (possibly partial when there were
 * errors: check diag_error_count), or NULL when out of memory. */
ast_policy *parse_source(arena *a, diag_ctx *d, const char *file, const char *src, size_t len);

/* Issue 10 (regel fmt): the lexer's tokens of src[0..len) without parsing.
 * kind is the bison token number (parser.h); str/len the unescaped value of a
 * STRING and the text of a NAME or FIELD (else NULL). Lexical errors go to d.
 * Returns the number of tokens (*out in the arena), or -1 when out of memory. */
typedef struct parse_token {
    int kind;
    ast_loc loc;
    const char *str;
    size_t len;
} parse_token;
ptrdiff_t parse_tokens(arena *a, diag_ctx *d, const char *src, size_t len, parse_token **out);

#endif
