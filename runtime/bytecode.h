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
#define RBC_VERSION_MAJOR  2
#define RBC_VERSION_MINOR  1
#define RBC_HEADER_SIZE    16
#define RBC_DIR_ENTRY_SIZE 12
#define RBC_NONE           0xFFFFFFFFu /* "no index" (absent string, no parent rule) */

enum rbc_section {
    RBC_SEC_STRINGS = 1,  /* u32 n; n × (u32 len, len bytes UTF-8, no NUL) */
    RBC_SEC_META = 2,     /* u32 policy name str, u32 bron str|NONE, u32 source file str|NONE,
                             u32 peildatum input index|NONE */
    RBC_SEC_TYPES = 3,    /* u32 n; n × type entry (see rbc_type_kind) */
    RBC_SEC_CONSTS = 4,   /* u32 n; n × constant entry (see rbc_const_kind) */
    RBC_SEC_INPUTS = 5,   /* u32 n; n × (name str, type, flags, default const|NONE,
                             question str|NONE) */
    RBC_SEC_OUTCOMES = 6, /* u32 n; n × (name str, type, flags, display index); evaluation order */
    RBC_SEC_RULES = 7,    /* u32 n; n × rule entry (below) */
    RBC_SEC_CODE = 8,     /* raw instructions */
    RBC_SEC_LINES = 9, /* u32 n; n × (u32 code offset, u32 line, u32 column), offsets ascending */
    RBC_SEC_PARAMS = 10,  /* u32 n; n × parameter entry (below) */
    RBC_SEC_EXPLAIN = 11, /* the motivering: atoms, per rule its branches and sentences (below) */
    RBC_SEC_EXTERNS = 12  /* u32 n; n × extern function entry (below) */
};
#define RBC_SECTION_COUNT 12

/* TYPES entry: u8 kind, then
 *   WAARHEID, GETAL, TEKST, DATUM, DUUR, BEDRAG, PERIODE: nothing
 *   ENUM:   u32 name str, u32 m, m × u32 member name str (m >= 1)
 *   RECORD: u32 name str, u32 f, f × (u32 field name str, u32 field type, u32 field flags)
 *           (field flags: RBC_OPTIONAL — JSON null gives the value geen)
 *   LIJST:  u32 element type
 * A type index inside an entry (field, element) must be smaller than the
 * entry's own index; the element type of a LIJST is not itself a LIJST. */
enum rbc_type_kind {
    RBC_TYPE_WAARHEID = 1,
    RBC_TYPE_GETAL = 2,
    RBC_TYPE_TEKST = 3,
    RBC_TYPE_ENUM = 4,
    RBC_TYPE_RECORD = 5,
    RBC_TYPE_DATUM = 6,   /* a calendar date (runtime/cal.h day number) */
    RBC_TYPE_DUUR = 7,    /* a calendar duration: months and days */
    RBC_TYPE_BEDRAG = 8,  /* an amount in euro, int64 cents */
    RBC_TYPE_PERIODE = 9, /* van..tot inclusive, or open (still running) */
    RBC_TYPE_LIJST = 10
};

/* CONSTS entry: u8 kind, then
 *   GETAL:  i64 numerator, i64 denominator (> 0, fraction in lowest terms)
 *   TEKST:  u32 str
 *   DATUM:  u32 day number (CAL_DAY_MIN..CAL_DAY_MAX)
 *   DUUR:   i32 months, i32 days
 *   BEDRAG: i64 cents
 *   WAARHEID: u8 0|1;  ENUM: u32 type, u32 member;  GEEN: nothing */
enum rbc_const_kind {
    RBC_CONST_GETAL = 1,
    RBC_CONST_TEKST = 2,
    RBC_CONST_DATUM = 3,
    RBC_CONST_DUUR = 4,
    RBC_CONST_BEDRAG = 5,
    /* v0.3: only as an INPUTS default (`standaard …`) */
    RBC_CONST_WAARHEID = 6, /* u8 0 (onwaar) or 1 (waar) */
    RBC_CONST_ENUM = 7,     /* u32 type (an ENUM), u32 member */
    RBC_CONST_GEEN = 8      /* nothing: geen (default of an optional fact) */
};

/* OUTCOMES flags */
#define RBC_OUTCOME_OUTPUT   1u /* a declared uitkomst (printed); else an intermediate begrip */
#define RBC_OUTCOME_OPTIONAL 2u /* may be geen (declared `(optioneel)`) */

/* INPUTS and record-field flags */
#define RBC_OPTIONAL 1u /* declared `(optioneel)`: JSON null means geen (known: none) */
/* declared `(niet negatief)` (format 2.1): a getal, bedrag or duur below zero is refused */
#define RBC_NONNEGATIVE 2u
/* An INPUTS entry's default const (NONE when absent) is used when the fact is
 * absent from the case (`standaard …`); the explanation says so. The question
 * str is the policy's `vraag "…"` for the interview (NONE: a generated one). */

/* RULES entry (11 × u32):
 *   name str, bron str|NONE, citaat str|NONE, outcome index,
 *   parent rule index|NONE (this rule is an uitzondering op parent; parent < own index,
 *   same outcome), line, column, code offset, code length,
 *   geldig vanaf day|NONE (inclusive), geldig tot day|NONE (exclusive).
 * A rule with a validity applies only when the case's peildatum lies inside
 * it (META names the peildatum input); outside it the rule does not apply,
 * and with peildatum onbekend its result is onbekend. Several rules may share
 * a name when their validities do not overlap (versions of one rule).
 * Rules of one outcome are evaluated by default logic (doc/bytecode.md). */
#define RBC_RULE_FIELDS 11

/* PARAMS entry: u32 name str, u32 type, u32 v (>= 1), then v versions of
 * (u32 geldig vanaf day|NONE, u32 geldig tot day|NONE (exclusive), u32 const
 * index of the parameter's type); versions do not overlap and are sorted by
 * their start. */

/* EXPLAIN payload (format 2.0; doc/bytecode.md):
 *   u32 n_atoms; n_atoms × ATOM := (text str, line, col, n_refs, n_refs × (ref kind, index))
 *   u32 n_rules (= the RULES count); per rule: TEMPLATE (rule-level uitleg),
 *     u32 n_branches (>= 1), n_branches × BRANCH :=
 *       (result offset: the CODE offset of the RESULT ending the branch, inside
 *        the rule's block, ascending; cond text str|NONE; n_nodes, n_nodes ×
 *        (node kind, arg) in postfix forming one tree, 0 nodes iff no
 *        condition; TEMPLATE (the branch's uitleg))
 *   TEMPLATE := u32 n_segs; n_segs × (seg kind, arg); 0 segments: none.
 * All fields u32. */
enum rbc_ref_kind { RBC_REF_INPUT = 1, RBC_REF_OUTCOME = 2, RBC_REF_PARAM = 3 };
enum rbc_cnode_kind { RBC_CN_ATOM = 1, RBC_CN_AND = 2, RBC_CN_OR = 3, RBC_CN_NOT = 4 };
enum rbc_seg_kind {
    RBC_SEG_TEXT = 0,    /* arg: STRINGS index */
    RBC_SEG_INPUT = 1,   /* arg: INPUTS index */
    RBC_SEG_OUTCOME = 2, /* arg: OUTCOMES index */
    RBC_SEG_PARAM = 3    /* arg: PARAMS index (the version valid on the peildatum) */
};

/* EXTERNS entry (`extern functie f(p: T, …): R.`, issue 8): u32 name str,
 * u32 result type, u32 n_params (<= RBC_MAX_EXTERN_PARAMS), n_params × u32
 * param type. Every type is a TYPES index of kind WAARHEID, GETAL, TEKST,
 * DATUM or BEDRAG. CALL_EXTERN a pops entry a's n_params arguments (the last
 * on top) and pushes one value of the result type. */
#define RBC_MAX_EXTERN_PARAMS 16

/* ROUND operand a: enum num_round_mode (runtime/num.h); operand b: decimals. */
/* MAKE_DUUR operand: the unit. */
enum rbc_unit { RBC_UNIT_DAGEN = 0, RBC_UNIT_WEKEN = 1, RBC_UNIT_MAANDEN = 2, RBC_UNIT_JAREN = 3 };

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
