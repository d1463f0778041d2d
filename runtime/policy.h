/* policy.h — the in-memory form of a loaded and verified policy (struct
 * regel_policy): tables decoded from the .rbc sections. Built by load.c and
 * verify.c, read by the VM, the case reader and the renderers; immutable
 * after loading, so it can be shared between threads. */
#ifndef REGEL_POLICY_H
#define REGEL_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "bytecode.h"
#include "decode.h"
#include "num.h"
#include "regel.h"

typedef struct rt_field {
    const char *name;
    uint32_t type;
    uint32_t flags; /* RBC_OPTIONAL */
} rt_field;

typedef struct rt_type {
    uint8_t kind;     /* enum rbc_type_kind */
    const char *name; /* ENUM and RECORD; NULL otherwise */
    uint32_t n;       /* members (ENUM) or fields (RECORD) */
    const char **members;
    rt_field *fields;
    uint32_t elem; /* LIJST: element type */
} rt_type;

typedef struct rt_const {
    uint8_t kind; /* enum rbc_const_kind */
    num_q q;
    const char *s;
    uint32_t len;
    int32_t day;          /* DATUM */
    int32_t months, days; /* DUUR */
    int64_t cents;        /* BEDRAG */
    uint32_t type;        /* ENUM: its TYPES index (q: the member; WAARHEID: q 0/1) */
} rt_const;

/* One version of a parameter: valid on [from, until) (RBC_NONE = unbounded). */
typedef struct rt_param_version {
    uint32_t from, until;
    uint32_t value; /* CONSTS index */
} rt_param_version;

typedef struct rt_param {
    const char *name;
    uint32_t type;
    rt_param_version *versions; /* sorted by from, non-overlapping */
    uint32_t n_versions;
    uint32_t first_version; /* index of versions[0] among all versions of the policy */
} rt_param;

typedef struct rt_input {
    const char *name;
    uint32_t type;
    uint32_t flags;    /* RBC_OPTIONAL */
    uint32_t def;      /* CONSTS index of the `standaard` value, or RBC_NONE */
    const char *vraag; /* the policy's question for the interview, or NULL */
} rt_input;

typedef struct rt_outcome {
    const char *name;
    uint32_t type;
    uint32_t flags;   /* RBC_OUTCOME_OUTPUT */
    uint32_t display; /* position in source order */
    uint32_t *roots;  /* rules of this outcome that are not exceptions, RULES order */
    uint32_t n_roots;
} rt_outcome;

/* The motivering tables (EXPLAIN section, spec7 §2). */
typedef struct rt_ref {
    uint32_t kind;  /* enum rbc_ref_kind */
    uint32_t index; /* INPUTS, OUTCOMES or PARAMS index */
} rt_ref;

/* One atom of a branch condition: its text as written and what it names. */
typedef struct rt_atom {
    const char *text;
    uint32_t line, col;
    rt_ref *refs;
    uint32_t n_refs;
} rt_atom;

/* One segment of an `uitleg` template. */
typedef struct rt_seg {
    uint32_t kind;    /* enum rbc_seg_kind */
    uint32_t index;   /* INPUTS, OUTCOMES or PARAMS index (not for TEXT) */
    const char *text; /* RBC_SEG_TEXT only */
} rt_seg;

typedef struct rt_template {
    rt_seg *segs;
    uint32_t n; /* 0: no template */
} rt_template;

/* A node of a condition tree (postfix order). */
typedef struct rt_cnode {
    uint32_t kind; /* enum rbc_cnode_kind */
    uint32_t arg;  /* ATOM: atoms index */
} rt_cnode;

/* One branch of a rule: `V [indien C] [uitleg S]`. */
typedef struct rt_branch {
    uint32_t result_off;   /* code offset of the RESULT ending it */
    const char *cond_text; /* NULL: no condition */
    rt_cnode *nodes;       /* postfix; n_nodes == 0 iff no condition */
    uint32_t n_nodes;
    rt_template uitleg;
} rt_branch;

typedef struct rt_rule {
    const char *name;
    const char *bron;   /* NULL when absent */
    const char *citaat; /* NULL when absent */
    uint32_t outcome;
    uint32_t parent; /* RBC_NONE for a root rule */
    uint32_t line, col;
    uint32_t code_off, code_len;
    uint32_t valid_from, valid_until; /* day numbers; RBC_NONE = unbounded; until exclusive */
    uint32_t *children;               /* direct exceptions, RULES order */
    uint32_t n_children;
    rt_template uitleg;    /* rule-level sentence (n == 0: none) */
    rt_branch *branches;   /* in source order */
    uint32_t n_branches;   /* >= 1 */
    uint32_t first_branch; /* index of branches[0] among all branches of the policy */
    uint32_t ins_exact;    /* its first record in ins: every instruction (decode.c) */
    uint32_t ins_lean;     /* its first record in ins: no NOTE, pairs fused */
} rt_rule;

/* An `extern functie` (EXTERNS section) and its binding. */
typedef struct rt_extern {
    const char *name;
    uint32_t result;  /* TYPES index */
    uint32_t *params; /* TYPES indices */
    uint32_t n_params;
    const void *bound; /* the host function (runtime/host.c) after regel_policy_bind, or NULL */
} rt_extern;

typedef struct rt_line {
    uint32_t off, line, col;
} rt_line;

struct regel_policy {
    arena *arena;   /* owns everything below */
    uint8_t *bytes; /* a copy of the file */
    size_t len;
    const char *file; /* the name it was loaded under */

    const char *name;        /* beleid */
    const char *bron;        /* NULL when absent */
    const char *source_file; /* NULL when absent */

    const char **strs; /* NUL-terminated copies */
    uint32_t *str_lens;
    uint32_t n_strs;
    rt_type *types;
    uint32_t n_types;
    rt_const *consts;
    uint32_t n_consts;
    rt_input *inputs;
    uint32_t n_inputs;
    rt_outcome *outcomes; /* evaluation order */
    uint32_t n_outcomes;
    uint32_t *display_order; /* display position → outcome index */
    rt_rule *rules;
    uint32_t n_rules;
    const uint8_t *code;
    uint32_t code_len;
    rt_line *lines;
    uint32_t n_lines;
    rt_param *params;
    uint32_t n_params;
    uint32_t n_param_versions; /* all versions of all parameters */
    uint32_t peildatum_input;  /* INPUTS index of peildatum, or RBC_NONE */
    uint32_t *cond_offsets;    /* code offsets of every reachable COND, ascending (verifier) */
    uint32_t n_conds;
    uint32_t max_stack; /* deepest stack of any rule block (verified) */
    uint32_t max_slots; /* loop slots used by any rule block (highest slot + 1, verified) */
    rt_atom *atoms;     /* EXPLAIN: the atoms of all branch conditions */
    uint32_t n_atoms;
    uint32_t n_branches_total; /* all branches of all rules */
    rt_extern *externs;        /* EXTERNS: the host functions it declares */
    uint32_t n_externs;
    rt_ins *ins; /* the code decoded for the VM, per rule two streams (decode.c) */
    uint32_t n_ins;
};

/* Source position of the instruction at code offset off: the last LINES
 * entry at or before it; 0/0 when none. */
void policy_pos(const regel_policy *p, uint32_t off, uint32_t *line, uint32_t *col);

#endif
