/* rt.h — internal interfaces between the runtime core files (load.c,
 * verify.c, vm.c, disasm.c, api.c). Not installed, not part of the public
 * API; nothing here may be called by code outside runtime/ and tests. */
#ifndef REGEL_RT_H
#define REGEL_RT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "policy.h"
#include "regel.h"

/* Deepest operand stack a verified rule block may use. */
#define RT_MAX_STACK 256
/* Loop slots a rule block may use (ITER_BEGIN operand < RT_MAX_SLOTS). */
#define RT_MAX_SLOTS 16
/* TYPES holds fewer entries than this (abstract list types encode the index). */
#define RT_MAX_TYPES 0x7F000000u

/* Fill err (may be NULL) with code, location and a formatted Dutch message.
 * file may be NULL; returns code so callers can `return rt_error(...)`. */
int rt_error(regel_error *err, int code, const char *file, unsigned line, unsigned col,
             const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Report malformed bytecode: "ongeldige bytecode in ‘name’: <message>". */
int rt_bytecode_error(regel_error *err, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Decode bytes (copied) into a new policy and verify it (verify_policy).
 * On failure nothing is allocated and REGEL_ERR_BYTECODE or
 * REGEL_ERR_MEMORY is returned. */
int load_policy(const uint8_t *bytes, size_t len, const char *name, regel_policy **out,
                regel_error *err);

/* Check a decoded policy: tables, indices and every rule block (abstract
 * interpretation over types). Sets max_stack, roots and children. */
int verify_policy(regel_policy *p, regel_error *err);

/* Names of the section ids (1..12) as used in messages, e.g. "CODE"; "?" otherwise. */
const char *rt_section_name(uint32_t id);

/* Strict UTF-8 (no overlong forms, no surrogates, at most U+10FFFF): the
 * offset of the first bad byte, or len when valid. */
uint32_t rt_utf8_check(const uint8_t *s, uint32_t len);
/* The length (1 to 4) of the well-formed UTF-8 sequence s starts with, by the
 * same strict rules, or 0 when it starts with none (len >= 1). */
size_t rt_utf8_seq(const unsigned char *s, size_t len);

/* Mnemonic of an opcode (from opcodes.def); NULL when out of range. */
const char *rt_opcode_name(uint32_t op);
enum rbc_operands rt_opcode_operands(uint32_t op);

#endif
