/* fmt.h — `regel fmt` (issue 10): one canonical layout for a Regel policy,
 * computed from the lexer's tokens, the comments and the blank lines between
 * top-level items alone. Checks its own output (same tokens, same comments)
 * before handing it back. No I/O; prints nothing. */
#ifndef REGEL_FMT_H
#define REGEL_FMT_H

#include <stdbool.h>
#include <stddef.h>

/* The line width the layout fills to: 80, the width the repository's own
 * policies are written to (100, the C width, would re-fill most of their texts). */
#define FMT_WIDTH 80

typedef enum fmt_status {
    FMT_OK = 0,
    FMT_SYNTAX, /* the source does not parse: *diagnostics holds the messages */
    FMT_UNSAFE, /* the output would lex differently: a bug in the formatter */
    FMT_MEMORY
} fmt_status;

/* Internal test hook: change the text before the safety net looks at it. */
typedef struct fmt_opts {
    void (*tamper)(void *ctx, char *text, size_t *len);
    void *ctx;
} fmt_opts;

/* Format src[0..len) (file name `name` for messages). On FMT_OK *out is the
 * malloc'd formatted text (NUL-terminated, length *out_len). On FMT_SYNTAX
 * *diagnostics (when not NULL) is the malloc'd compiler diagnostics, rendered
 * as `regelc --controleer` renders them. The caller frees both. */
fmt_status fmt_source(const char *src, size_t len, const char *name, char **out, size_t *out_len,
                      char **diagnostics);
fmt_status fmt_source_opts(const char *src, size_t len, const char *name, char **out,
                           size_t *out_len, char **diagnostics, const fmt_opts *opts);

/* The safety net: true when a and b have the same tokens (kinds and values;
 * strings compared after unescaping) and the same comments in the same
 * order. False also when either does not lex cleanly or memory runs out. */
bool fmt_same_tokens(const char *a, size_t alen, const char *b, size_t blen);

/* The canonical inline spacing, shared with the condition texts of the
 * motivering (parse.c): whether a space goes between token p and token n
 * (bison token kinds; pp the token before p, nn the one after n, 0 = none). */
bool fmt_space(int pp, int p, int n, int nn);

/* A string literal's text s[0..n) on one line, as the lexer reads it: a line
 * break and the indentation after it become one space (nl[k] set for that
 * space when nl is not NULL); escapes and everything else are kept. out has
 * room for n bytes; returns the length written (no NUL). */
size_t fmt_flatten(const char *s, size_t n, char *out, bool *nl);

#endif
