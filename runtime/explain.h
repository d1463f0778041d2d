/* explain.h — the motivering of one evaluation as a tree (issue 7): per
 * shown outcome its sentence, legal ground, the conditions met or failed
 * with the values they read, rules that did not apply, facts, parameters and
 * the outcomes it relied on. Built only from the VM's trace (eval.h);
 * nothing is recomputed. The text, JSON and HTML renderers walk it. */
#ifndef REGEL_EXPLAIN_H
#define REGEL_EXPLAIN_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "eval.h"
#include "policy.h"
#include "strbuf.h"

/* A named value shown in the motivering: an input, outcome/begrip or
 * parameter version, with its value. */
typedef struct ex_value {
    uint32_t kind;  /* RBC_REF_INPUT, RBC_REF_OUTCOME or RBC_REF_PARAM */
    uint32_t index; /* INPUTS, OUTCOMES or PARAMS index */
    const char *name;
    uint32_t type;                    /* policy type of the value */
    const rt_value *value;            /* into the case, the evaluation or the arena */
    bool defaulted;                   /* an input that took its `standaard` value */
    uint32_t valid_from, valid_until; /* a parameter version's validity (RBC_NONE) */
    uint32_t version;                 /* RBC_REF_PARAM: the version (0-based within the parameter);
                                         RBC_NONE when no version applies (value onbekend) */
} ex_value;

/* One atom of a condition with the value the VM recorded for it. */
typedef struct ex_atom {
    const rt_atom *atom; /* text, line, col, refs */
    uint8_t value;       /* 0 (not evaluated) or EV_COND_WAAR/ONWAAR/ONBEKEND */
    ex_value *values;    /* its refs with their values */
    uint32_t n_values;
} ex_atom;

/* One branch condition that was evaluated, with the atoms that decided it
 * (spec7 §4.1). */
typedef struct ex_check {
    uint32_t branch;  /* index in rule->branches */
    const char *text; /* the whole condition as written */
    uint8_t value;    /* EV_COND_WAAR/ONWAAR/ONBEKEND */
    ex_atom *atoms;
    uint32_t n_atoms;
} ex_check;

/* Why a rule of not_applied or waiting gave no value. */
enum ex_reason {
    EX_REASON_NONE = 0,         /* it gave a value (decider, set_aside) */
    EX_REASON_CONDITION = 1,    /* ran: its conditions were onwaar (not_applied) or
                                   one was onbekend (waiting) */
    EX_REASON_OUT_OF_FORCE = 2, /* not valid on the peildatum (not_applied) */
    EX_REASON_DATE_UNKNOWN = 3, /* has a validity and the peildatum is onbekend (waiting) */
    EX_REASON_VALUE_UNKNOWN = 4 /* a branch applied but its value is onbekend (waiting) */
};

/* A rule (or exception) of the outcome and what happened to it. */
typedef struct ex_rule {
    uint32_t index; /* RULES index */
    const rt_rule *rule;
    uint8_t run;           /* enum ev_rule_run */
    uint8_t end;           /* enum ev_rule_end */
    uint32_t branch;       /* from the trace (RBC_NONE) */
    const rt_value *value; /* its own value when it gave one, else NULL */
    ex_check *checks;      /* evaluated branch conditions, branch order: the taken
                              branch's (value WAAR, branch == this->branch), the
                              failed ones (ONWAAR), the undecided one (ONBEKEND) */
    uint32_t n_checks;
    /* Added by the motivering helper (issue 7): */
    uint8_t reason;        /* enum ex_reason */
    const rt_rule *parent; /* the rule this one is an exception to, or NULL */
    const ex_check *met;   /* the check of the branch that gave the value (in
                              checks), or NULL (unconditional branch / none) */
} ex_rule;

enum ex_status { EX_DECIDED = 0, EX_UNKNOWN = 1, EX_NO_RULE = 2 };

/* One host-function call made while resolving an outcome (issue 8), from
 * the VM's trace (eval.h ev_call), in call order. */
typedef struct ex_call {
    const rt_extern *fn;    /* name, parameter and result types (TYPES indices) */
    const rt_value *args;   /* fn->n_params arguments (the evaluation arena) */
    const rt_value *result; /* what the host function returned */
} ex_call;

/* One outcome or begrip. */
typedef struct ex_node {
    uint32_t outcome; /* OUTCOMES index */
    const char *name;
    uint32_t type;
    const rt_value *value;
    uint8_t status;   /* enum ex_status */
    bool is_output;   /* a declared uitkomst (else a begrip) */
    bool own_section; /* shown as its own section in this document */
    char *sentence;   /* the citizen sentence (arena, NUL-terminated) */
    bool sentence_generated;
    ex_rule *decider;     /* the rule whose RESULT gave the value, or NULL */
    ex_rule *set_aside;   /* when decider is an exception: the rule it set aside
                             (NULL when that rule did not apply itself) */
    ex_rule *not_applied; /* other rules of the outcome that ran or were out of
                             force and gave nothing (spec7 §4.4 "Niet toegepast") */
    uint32_t n_not_applied;
    ex_rule *waiting; /* rules that ended onbekend (undecided outcomes) */
    uint32_t n_waiting;
    ex_value *facts; /* inputs read while resolving it, input order */
    uint32_t n_facts;
    ex_value *params; /* parameter versions used */
    uint32_t n_params;
    uint32_t *uses; /* OUTCOMES indices it read, display order */
    uint32_t n_uses;
    const uint8_t *missing; /* byte per input: causes of an onbekend value, or NULL */
    ex_call *calls;         /* host functions called while resolving it (issue 8) */
    uint32_t n_calls;
} ex_node;

/* How an entry of `uses` is shown inside one section (spec7 §4.4). */
enum ex_use {
    EX_USE_SECTION = 0, /* it has its own section: "naam = waarde (zie ‘naam’)" */
    EX_USE_ABOVE = 1,   /* already expanded in this section: "(zie hierboven)" */
    EX_USE_EXPAND = 2   /* expand it here (now marked as expanded) */
};

/* The whole motivering. */
typedef struct ex_doc {
    const regel_policy *policy;
    const regel_eval *ev;
    bool explained;  /* the evaluation recorded a trace */
    ex_node *nodes;  /* per OUTCOMES index */
    uint32_t *shown; /* outcomes shown as sections, display order */
    uint32_t n_shown;
    uint8_t *missing;          /* byte per input: missing over the shown outcomes */
    const rt_value *peildatum; /* the case's peildatum when known, else NULL */
    /* Added by the motivering helper (issue 7): */
    uint32_t n_nodes;  /* = policy->n_outcomes */
    bool traced;       /* the rule trace (branches, conditions) is available; false
                          for a policy without EXPLAIN tables: then nodes have
                          decider/facts/uses but no checks */
    uint8_t *expanded; /* byte per outcome: expansion state of the current section
                          (ex_section_begin / ex_use_kind) */
} ex_doc;

/* Build the motivering of ev (which holds an evaluation) into arena a.
 * only/n_only: names of the outcomes to show (NULL/0: every uitkomst); an
 * unknown name gives REGEL_ERR_USAGE. */
int ex_build(const regel_eval *ev, const char *const *only, size_t n_only, arena *a, ex_doc *out,
             regel_error *err);

/* Start a section for outcome o: forget what was expanded (o itself counts
 * as expanded). */
void ex_section_begin(ex_doc *d, uint32_t o);

/* How uses entry x is shown in the current section: its own section, already
 * expanded ("zie hierboven", also when depth reaches EX_MAX_DEPTH), or expand
 * it now (it is marked). Every outcome is expanded at most once per section,
 * so a section is linear in the number of outcomes. */
#define EX_MAX_DEPTH 64
uint8_t ex_use_kind(ex_doc *d, uint32_t x, unsigned depth);

/* The version (0-based) of parameter k that outcome o used: the version valid
 * on the peildatum when o read it, else the first one o read; without a
 * trace the version valid on the peildatum (or the only one); RBC_NONE when
 * none applies. */
uint32_t ex_param_version(const ex_doc *d, uint32_t o, uint32_t k);

/* Sentence form of a value (spec7 §4.2): ja/nee, € 90,00, 1 maart 2022,
 * avond of weekend, … */
void ex_value_sentence(strbuf *sb, const regel_policy *p, uint32_t type, const rt_value *v);

/* An `uitleg` template filled in for outcome o (placeholders in sentence
 * form). */
void ex_fill_template(strbuf *sb, const ex_doc *d, uint32_t o, const rt_template *t);

/* The citizen sentence of node n (spec7 §1.1, §4.3): the template of the
 * branch that gave the value, else the rule's, else a generated one. Sets
 * *generated. NULL when out of memory. */
char *ex_sentence(const ex_doc *d, const ex_node *n, arena *a, bool *generated);

#endif
