/* bytecode.h — the .rbc file format (see doc/bytecode.md): magic, version,
 * section ids, type and constant kinds, and the opcode enumeration from
 * opcodes.def. Shared by the emitter (compiler/) and the loader (runtime/);
 * holds no code that reads or writes files. */
#ifndef REGEL_BYTECODE_H
#define REGEL_BYTECODE_H

#include <stdint.h>

/* File header: 16 bytes.
 *   0  magic "RGBC"
 *   4  u16 format major (RBC_VERSION_MAJOR), u16 format minor
 *   8  u32 section count (RBC_SECTION_COUNT: every section exactly once)
 *  12  u32 total file size in bytes
 * then the section directory: per section u32 id, u32 offset, u32 size
 * (offset from the start of the file), ids strictly ascending; then payloads.
 * All integers little-endian. */
#define RBC_MAGIC          "RGBC"
#define RBC_MAGIC_LEN      4
#define RBC_VERSION_MAJOR  1
#define RBC_VERSION_MINOR  0
#define RBC_HEADER_SIZE    16
#define RBC_DIR_ENTRY_SIZE 12
#define RBC_NONE           0xFFFFFFFFu /* "no index" (absent string, no parent rule) */

enum rbc_section {
    RBC_SEC_STRINGS = 1,  /* u32 n; n × (u32 len, len bytes UTF-8, no NUL) */
    RBC_SEC_META = 2,     /* u32 policy name str, u32 bron str|NONE, u32 source file str|NONE */
    RBC_SEC_TYPES = 3,    /* u32 n; n × type entry (see rbc_type_kind) */
    RBC_SEC_CONSTS = 4,   /* u32 n; n × constant entry (see rbc_const_kind) */
    RBC_SEC_INPUTS = 5,   /* u32 n; n × (u32 name str, u32 type) */
    RBC_SEC_OUTCOMES = 6, /* u32 n; n × (name str, type, flags, display index); evaluation order */
    RBC_SEC_RULES = 7,    /* u32 n; n × rule entry (below) */
    RBC_SEC_CODE = 8,     /* raw instructions */
    RBC_SEC_LINES = 9 /* u32 n; n × (u32 code offset, u32 line, u32 column), offsets ascending */
};
#define RBC_SECTION_COUNT 9

/* TYPES entry: u8 kind, then
 *   WAARHEID, GETAL, TEKST: nothing
 *   ENUM:   u32 name str, u32 m, m × u32 member name str (m >= 1)
 *   RECORD: u32 name str, u32 f, f × (u32 field name str, u32 field type)
 *           (a field type index must be smaller than the record's own index)
 * Kinds 6.. are reserved for datum, duur, bedrag, lijst, periode. */
enum rbc_type_kind {
    RBC_TYPE_WAARHEID = 1,
    RBC_TYPE_GETAL = 2,
    RBC_TYPE_TEKST = 3,
    RBC_TYPE_ENUM = 4,
    RBC_TYPE_RECORD = 5
};

/* CONSTS entry: u8 kind, then
 *   GETAL: i64 numerator, i64 denominator (> 0, fraction in lowest terms)
 *   TEKST: u32 str */
enum rbc_const_kind { RBC_CONST_GETAL = 1, RBC_CONST_TEKST = 2 };

/* OUTCOMES flags */
#define RBC_OUTCOME_OUTPUT 1u /* a declared uitkomst (printed); else an intermediate begrip */

/* RULES entry (9 × u32):
 *   name str, bron str|NONE, citaat str|NONE, outcome index,
 *   parent rule index|NONE (this rule is an uitzondering op parent; parent < own index,
 *   same outcome), line, column, code offset, code length.
 * Rules of one outcome are evaluated by default logic (doc/bytecode.md). */
#define RBC_RULE_FIELDS 9

/* Instruction operand layouts. */
enum rbc_operands { OPND_NONE = 0, OPND_U32 = 1, OPND_U32X2 = 2 };

enum rbc_opcode {
#define OP(name, opnd, pops, pushes, doc) OP_##name,
#include "opcodes.def"
#undef OP
    OP__COUNT
};

/* Size in bytes of an instruction with the given operand layout. */
static inline unsigned rbc_instr_size(enum rbc_operands o)
{
    return o == OPND_NONE ? 1u : (o == OPND_U32 ? 5u : 9u);
}

#endif
