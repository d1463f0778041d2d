/* diag.h — compiler diagnostics in Dutch: `bestand:regel:kolom: fout: …`,
 * the source line, a caret under the spot and an optional hint. Collects
 * every message of one compilation; prints nothing itself. */
#ifndef REGEL_DIAG_H
#define REGEL_DIAG_H

#include <stddef.h>

#include "ast.h"
#include "regel.h"

typedef struct diag_ctx diag_ctx;

typedef enum diag_severity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } diag_severity;

/* The context keeps pointers to file and source; they must outlive it. */
diag_ctx *diag_new(const char *file, const char *source, size_t len);
void diag_free(diag_ctx *d);

/* Report a message at loc. hint may be NULL; it is printed as
 * "   = hint: <hint>". fmt is printf-style; the message is Dutch. */
void diag_report(diag_ctx *d, diag_severity sev, ast_loc loc, const char *hint, const char *fmt,
                 ...) __attribute__((format(printf, 5, 6)));

size_t diag_error_count(const diag_ctx *d);

/* All messages so far, formatted; owned by d (valid until the next report or diag_free). */
const char *diag_text(const diag_ctx *d);

/* Fill err with the first error (code REGEL_ERR_COMPILE, file, line, column, message). */
void diag_first_error(const diag_ctx *d, regel_error *err);

/* The candidate closest to name (Damerau-Levenshtein distance at most
 * max(1, strlen(name)/3)), or NULL: for "bedoelde u ‘…’?" hints. */
const char *diag_suggest(const char *name, const char *const *candidates, size_t n);

#endif
