/* check_internal.h — the checked program (struct check_result) as the
 * checker builds it and the emitter reads it. Compiler-internal: the runtime
 * never sees it. Plain data in the compilation's arena; no functions here. */
#ifndef REGEL_CHECK_INTERNAL_H
#define REGEL_CHECK_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "check.h"

/* Type ids are TYPES indices of the emitted bytecode: 0 waarheid, 1 getal,
 * 2 tekst, then every soort in declaration order, then the gegevens, the
 * lijst types and the datum/duur/bedrag/periode types that the policy uses,
 * in an order where a record's field types and a list's element type come
 * before it (a policy without v0.2 types keeps its v0.1 numbering). */
#define CHECK_T_WAARHEID 0
#define CHECK_T_GETAL    1
#define CHECK_T_TEKST    2
#define CHECK_T_ERROR    (-1) /* an expression whose type could not be found */

typedef struct check_type {
    uint8_t kind;     /* enum rbc_type_kind */
    const char *name; /* "waarheid", "getal", "tekst" or the declared name */
    ast_loc loc;
    const char **members; /* ENUM: member names */
    size_t n_members;
    const ast_field *fields; /* RECORD: the declared fields */
    int32_t *field_types;    /* RECORD: resolved field types */
    size_t n_fields;
    int32_t elem; /* LIJST: the element type */
} check_type;

typedef enum check_var_kind { CHECK_INPUT, CHECK_OUTCOME, CHECK_CONCEPT } check_var_kind;

/* An invoer fact, or an uitkomst/begrip ("outcome" below covers both). */
typedef struct check_var {
    check_var_kind kind;
    const char *name;
    ast_loc loc;
    int32_t type;
    bool used; /* read by some rule */
    /* v0.3 */
    bool optional;        /* `(optioneel)`: may be geen */
    const ast_expr *dflt; /* invoer: the checked `standaard` literal, or NULL */
    const char *vraag;    /* invoer: the policy's question, or NULL */
    bool nonnegative;     /* invoer: `(niet negatief)` (v0.6) */
} check_var;

typedef struct check_rule {
    const ast_rule *ast;
    int32_t outcome; /* outcome number (declaration order), -1 when unresolved */
    int32_t parent;  /* rule number of the parent (declaration order), -1 for a root rule */
    int32_t vanaf;   /* geldig vanaf day (inclusive), -1 when unbounded */
    int32_t tot;     /* geldig tot day (exclusive), -1 when unbounded */
} check_rule;

/* One version of a parameter: its value (a literal, typed) and validity. */
typedef struct check_param_version {
    int32_t vanaf; /* day, inclusive; -1 unbounded */
    int32_t tot;   /* day, exclusive; -1 unbounded */
    const ast_expr *value;
    ast_loc loc;
} check_param_version;

/* A `parameter`: its versions sorted by start. PARAMS index = position. */
typedef struct check_param {
    const char *name;
    ast_loc loc;
    int32_t type;
    check_param_version *versions;
    size_t n_versions;
} check_param;

/* v0.4 (spec5 §2): a checked scenario value — a constant of the fact's or
 * outcome's type. The emitter never reads scenarios; scenario.c turns the
 * values into JSON. */
typedef enum check_scen_kind {
    CHECK_SV_GEEN, /* `geen` of an optional type */
    CHECK_SV_WAARHEID,
    CHECK_SV_GETAL,
    CHECK_SV_TEKST,
    CHECK_SV_MEMBER,
    CHECK_SV_DATUM,
    CHECK_SV_DUUR,
    CHECK_SV_BEDRAG
} check_scen_kind;

typedef struct check_scen_value {
    check_scen_kind kind;
    bool b;               /* WAARHEID */
    num_q q;              /* GETAL */
    const char *s;        /* TEKST (len bytes); MEMBER: the member's name */
    size_t len;           /* TEKST */
    int32_t day;          /* DATUM */
    int64_t months, days; /* DUUR */
    int64_t cents;        /* BEDRAG */
} check_scen_value;

typedef struct check_scen_fact {
    const char *name; /* an invoer (or the predeclared peildatum) */
    check_scen_value value;
} check_scen_fact;

typedef struct check_scen_expect {
    const char *outcome; /* an uitkomst or begrip */
    bool unknown;        /* `is onbekend`; value unused */
    check_scen_value value;
    const char *rule; /* `door regel`, or NULL */
    ast_loc loc;      /* the `verwacht` item */
} check_scen_expect;

typedef struct check_scenario {
    const ast_scenario *ast;
    check_scen_fact *facts;
    size_t n_facts;
    check_scen_expect *expects;
    size_t n_expects;
} check_scenario;

/* issue 8 (spec8 §1): an `extern functie`. EXTERNS index = position
 * (declaration order). Every type is one of waarheid, getal, tekst, datum,
 * bedrag (CHECK_T_ERROR only after a reported error). */
typedef struct check_extern {
    const char *name;
    ast_loc loc; /* the name */
    int32_t result;
    int32_t *params; /* parameter types */
    size_t n_params;
    bool used; /* called by some rule */
} check_extern;

struct check_result {
    const ast_policy *policy;

    check_type *types;
    size_t n_types;
    check_var *inputs; /* declaration order = INPUTS index */
    size_t n_inputs;
    check_var *outcomes; /* uitkomsten and begrippen, declaration order = display index */
    size_t n_outcomes;
    uint32_t *eval_order; /* eval_order[k] = outcome number evaluated k-th */
    uint32_t *eval_index; /* inverse: outcome number → OUTCOMES index */
    check_rule *rules;    /* declaration order */
    size_t n_rules;
    uint32_t *rule_order; /* RULES table order: a parent before its exceptions */
    check_param *params;  /* declaration order = PARAMS index */
    size_t n_params;
    int32_t peildatum; /* INPUTS index of peildatum, -1 when the program has none */
    /* v0.4: the scenarios in source order (only complete when there were no errors) */
    check_scenario *scenarios;
    size_t n_scenarios;
    /* issue 8: the extern functies in declaration order (EXTERNS) */
    check_extern *externs;
    size_t n_externs;
};

#endif
