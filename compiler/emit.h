/* emit.h — the checked program to .rbc bytes (doc/bytecode.md), expanding
 * runtime/opcodes.def. Writes bytes only; verification is the runtime's job. */
#ifndef REGEL_EMIT_H
#define REGEL_EMIT_H

#include <stddef.h>
#include <stdint.h>

#include "check.h"
#include "diag.h"
#include "regel.h"

/* On success *out is malloc'd (caller frees) and REGEL_OK is returned. A rule
 * the runtime would refuse for its size (more than RT_MAX_STACK values on the
 * stack or RT_MAX_SLOTS loops inside each other) is reported on diag (when
 * not NULL) and gives REGEL_ERR_COMPILE with nothing in *out. */
int emit_bytecode(const check_result *prog, diag_ctx *diag, uint8_t **out, size_t *out_len,
                  regel_error *err);

/* Issue 10 (internal, for the tests of regel fmt): emit_bytecode with flags;
 * EMIT_NO_POSITIONS writes 0 for every source line and column (LINES, RULES,
 * ATOM), so that two layouts of one policy give the same bytes. */
#define EMIT_NO_POSITIONS 1u
int emit_bytecode_flags(const check_result *prog, diag_ctx *diag, unsigned flags, uint8_t **out,
                        size_t *out_len, regel_error *err);

#endif
