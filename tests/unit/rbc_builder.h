/* rbc_builder.h — test helper: assembles .rbc files in memory from C calls
 * (tables, instructions, labels), so tests can build valid programs and
 * programs that violate exactly one rule. Test code only; aborts on OOM. */
#ifndef RBC_BUILDER_H
#define RBC_BUILDER_H

#include <stddef.h>
#include <stdint.h>

#include "bytecode.h"

typedef struct rbc_builder rbc_builder;

rbc_builder *rb_new(void);
void rb_free(rbc_builder *b);

/* String pool (deduplicated). */
uint32_t rb_str(rbc_builder *b, const char *s);
/* A raw string entry (not deduplicated, arbitrary bytes). */
uint32_t rb_str_raw(rbc_builder *b, const void *bytes, uint32_t len);

/* META; strings by value, NULL → RBC_NONE. Default: name "test". */
void rb_meta(rbc_builder *b, const char *name, const char *bron, const char *source);

/* META field 4: the INPUTS index of peildatum (default RBC_NONE). */
void rb_peildatum(rbc_builder *b, uint32_t input);

/* TYPES */
uint32_t rb_type_prim(rbc_builder *b, uint8_t kind);
uint32_t rb_type_enum(rbc_builder *b, const char *name, uint32_t n, const char *const *members);
uint32_t rb_type_record(rbc_builder *b, const char *name, uint32_t n, const char *const *names,
                        const uint32_t *types);
/* The same with per-field flags (RBC_OPTIONAL); flags NULL: all 0. */
uint32_t rb_type_record_flags(rbc_builder *b, const char *name, uint32_t n,
                              const char *const *names, const uint32_t *types,
                              const uint32_t *flags);
uint32_t rb_type_list(rbc_builder *b, uint32_t elem);
/* Raw bytes appended to TYPES as one entry (for malformed entries). */
uint32_t rb_type_raw(rbc_builder *b, const void *bytes, size_t n);

/* CONSTS (num/den stored as given, not reduced) */
uint32_t rb_const_num(rbc_builder *b, int64_t num, int64_t den);
uint32_t rb_const_text(rbc_builder *b, const char *s);
uint32_t rb_const_date(rbc_builder *b, uint32_t day);
uint32_t rb_const_duur(rbc_builder *b, int32_t months, int32_t days);
uint32_t rb_const_bedrag(rbc_builder *b, int64_t cents);
/* v0.3 constants, only valid as an input's `standaard` */
uint32_t rb_const_bool(rbc_builder *b, uint8_t v);
uint32_t rb_const_enum(rbc_builder *b, uint32_t type, uint32_t member);
uint32_t rb_const_geen(rbc_builder *b);

/* PARAMS: a parameter with n versions (from/until day or RBC_NONE, CONSTS index). */
uint32_t rb_param(rbc_builder *b, const char *name, uint32_t type, uint32_t n, const uint32_t *from,
                  const uint32_t *until, const uint32_t *value);

/* An input with flags 0, no default, no question. */
uint32_t rb_input(rbc_builder *b, const char *name, uint32_t type);
/* flags RBC_OPTIONAL; def a CONSTS index or RBC_NONE; vraag NULL for none. */
uint32_t rb_input_ext(rbc_builder *b, const char *name, uint32_t type, uint32_t flags, uint32_t def,
                      const char *vraag);
/* display RBC_NONE → next display index in call order */
uint32_t rb_outcome(rbc_builder *b, const char *name, uint32_t type, uint32_t flags,
                    uint32_t display);

/* RULES: begin a rule whose code starts at the current CODE position; end
 * sets its code length. parent RBC_NONE for a root rule. */
uint32_t rb_rule_begin(rbc_builder *b, const char *name, uint32_t outcome, uint32_t parent);
void rb_rule_meta(rbc_builder *b, uint32_t rule, const char *bron, const char *citaat,
                  uint32_t line, uint32_t col);
void rb_rule_end(rbc_builder *b);
/* Validity of a rule: day numbers or RBC_NONE (until exclusive). */
void rb_rule_validity(rbc_builder *b, uint32_t rule, uint32_t from, uint32_t until);
/* Overwrite one of the 11 u32 fields of a rule entry (field 0..10: name, bron, citaat,
 * outcome, parent, line, column, code offset, code length, geldig vanaf, geldig tot). */
void rb_rule_set(rbc_builder *b, uint32_t rule, unsigned field, uint32_t value);

/* CODE: emit an instruction, returns its offset. */
uint32_t rb_op(rbc_builder *b, enum rbc_opcode op);
uint32_t rb_op1(rbc_builder *b, enum rbc_opcode op, uint32_t a);
uint32_t rb_op2(rbc_builder *b, enum rbc_opcode op, uint32_t a, uint32_t c);
void rb_code_raw(rbc_builder *b, const void *bytes, size_t n);
uint32_t rb_here(const rbc_builder *b);
/* Patch operand k (0 or 1) of the instruction at off to value. */
void rb_patch(rbc_builder *b, uint32_t off, unsigned k, uint32_t value);

/* LINES entry at an explicit code offset. */
void rb_line(rbc_builder *b, uint32_t off, uint32_t line, uint32_t col);

/* Extra raw bytes appended after the entries of a section. */
void rb_section_extra(rbc_builder *b, enum rbc_section sec, const void *bytes, size_t n);
/* Override the entry count written for a section (RBC_NONE: use the real count). */
void rb_section_count(rbc_builder *b, enum rbc_section sec, uint32_t n);

/* EXPLAIN (format 2.0). By default rb_finish writes the atoms added with
 * rb_atom and, per rule, no sentence and one unconditional branch per RESULT
 * instruction of the rule's code (found by decoding it), so a program
 * without NOTEs and conditions is valid as it stands. rb_branch replaces
 * that default for its rule; values are written as given (not checked), so
 * tests can also build malformed entries. */

/* A template segment: kind RBC_SEG_*; TEXT with text != NULL stores
 * rb_str(text), otherwise arg is written as is. */
typedef struct rb_seg {
    uint32_t kind;
    uint32_t arg;
    const char *text;
} rb_seg;

/* An atom; refs: n_refs pairs (kind, index). Returns its index. */
uint32_t rb_atom(rbc_builder *b, const char *text, uint32_t line, uint32_t col, uint32_t n_refs,
                 const uint32_t *refs);
/* An atom whose text is the raw STRINGS index text_str. */
uint32_t rb_atom_raw(rbc_builder *b, uint32_t text_str, uint32_t line, uint32_t col,
                     uint32_t n_refs, const uint32_t *refs);
/* The rule-level sentence of rule. */
void rb_rule_uitleg(rbc_builder *b, uint32_t rule, uint32_t n, const rb_seg *segs);
/* Add an explicit branch to rule (the first one drops the default branches):
 * its RESULT offset, condition text (NULL: RBC_NONE) and n_nodes postfix
 * nodes as pairs (kind, arg). Returns the branch's index within the rule. */
uint32_t rb_branch(rbc_builder *b, uint32_t rule, uint32_t result_off, const char *cond,
                   uint32_t n_nodes, const uint32_t *nodes);
/* The same with the condition text as a raw STRINGS index (or RBC_NONE). */
uint32_t rb_branch_raw(rbc_builder *b, uint32_t rule, uint32_t result_off, uint32_t cond_str,
                       uint32_t n_nodes, const uint32_t *nodes);
/* The sentence of branch k of rule. */
void rb_branch_uitleg(rbc_builder *b, uint32_t rule, uint32_t k, uint32_t n, const rb_seg *segs);
/* Override the rule count written in EXPLAIN (RBC_NONE: the real count).
 * (rb_section_count(b, RBC_SEC_EXPLAIN, n) overrides the atom count.) */
void rb_explain_rules(rbc_builder *b, uint32_t n);
/* Replace the whole EXPLAIN payload by raw bytes (NULL: back to the default). */
void rb_explain_raw(rbc_builder *b, const void *bytes, size_t n);

/* EXTERNS (issue 8): an `extern functie` with result type and n parameter
 * types (TYPES indices, written as given). By default the section is empty
 * (n = 0). Returns its index. */
uint32_t rb_extern(rbc_builder *b, const char *name, uint32_t result, uint32_t n,
                   const uint32_t *params);
/* The same with the name as a raw STRINGS index. */
uint32_t rb_extern_raw(rbc_builder *b, uint32_t name_str, uint32_t result, uint32_t n,
                       const uint32_t *params);

/* The format version written in the header (default RBC_VERSION_MAJOR/MINOR). */
void rb_version(rbc_builder *b, uint16_t major, uint16_t minor);

/* Assemble the file (malloc'd; caller frees). The builder stays usable. */
uint8_t *rb_finish(rbc_builder *b, size_t *len);
/* Offset of a section's payload in the last assembled file. */
uint32_t rb_section_offset(const rbc_builder *b, enum rbc_section sec);

#endif
