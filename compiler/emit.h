/* emit.h — the checked program to .rbc bytes (doc/bytecode.md), expanding
 * runtime/opcodes.def. Writes bytes only; verification is the runtime's job. */
#ifndef REGEL_EMIT_H
#define REGEL_EMIT_H

#include <stddef.h>
#include <stdint.h>

#include "check.h"
#include "regel.h"

/* On success *out is malloc'd (caller frees) and REGEL_OK is returned. */
int emit_bytecode(const check_result *prog, uint8_t **out, size_t *out_len, regel_error *err);

#endif
