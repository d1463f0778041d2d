/* compile.h — the compilation driver (source → diagnostics and .rbc bytes)
 * behind the public regel_* compile functions, shared with regelc, which also
 * needs the error count. Internal to libregel_core; prints nothing. */
#ifndef REGEL_COMPILE_H
#define REGEL_COMPILE_H

#include <stddef.h>
#include <stdint.h>

#include "regel.h"

/* Parse, check and (when rbc is not NULL) emit. Checking is skipped when
 * parsing found errors. *diagnostics (when not NULL) receives a malloc'd copy
 * of all messages, or NULL when there are none; *n_errors (when not NULL)
 * the number of errors. Returns REGEL_OK or the error code also put in err. */
int compile_run(const char *source, size_t len, const char *name, uint8_t **rbc, size_t *rbc_len,
                char **diagnostics, size_t *n_errors, regel_error *err);

/* v0.4: the checked program handed to a collector before the compilation's
 * arena goes away (scenario.c); it returns REGEL_OK or an error code. */
struct check_result;
typedef int (*compile_collect_fn)(void *ctx, const struct check_result *prog);

/* As compile_run with rbc, and when the policy compiled without errors,
 * collect(ctx, prog) is called (when not NULL) with the checked program. */
int compile_run_collect(const char *source, size_t len, const char *name, uint8_t **rbc,
                        size_t *rbc_len, char **diagnostics, size_t *n_errors, regel_error *err,
                        compile_collect_fn collect, void *ctx);

/* regel_policy_compile with a collector (see compile_run_collect). */
int compile_policy_collect(const char *source, size_t len, const char *name, regel_policy **out,
                           char **diagnostics, regel_error *err, compile_collect_fn collect,
                           void *ctx);

/* Issue 10 (internal, for the tests of regel fmt): compile_run with emit
 * flags (emit.h), e.g. EMIT_NO_POSITIONS for bytecode without source lines. */
int compile_run_flags(const char *source, size_t len, const char *name, unsigned flags,
                      uint8_t **rbc, size_t *rbc_len, char **diagnostics, size_t *n_errors,
                      regel_error *err);

/* The largest policy file read (bytecode; a source is at most
 * SRCCHECK_MAX_BYTES). Reading stops there, so /dev/zero cannot hang us. */
#define COMPILE_MAX_FILE_BYTES ((size_t)256 << 20)

/* Read a whole file into a malloc'd, NUL-terminated buffer. On failure:
 * REGEL_ERR_IO with "kan ‘pad’ niet lezen: <reden>" or "‘pad’ is te groot …"
 * (or REGEL_ERR_MEMORY). */

int compile_read_file(const char *path, char **data, size_t *len, regel_error *err);

/* A malloc'd copy of s, or NULL when memory runs out. */
char *compile_strdup(const char *s);

/* The reason for errno value e in Dutch. */
const char *compile_strerror(int e);

#endif
