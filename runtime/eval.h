/* eval.h — the evaluation context (struct regel_eval) and a case's facts
 * (struct regel_case), shared by the VM, the case reader and the renderers.
 * All per-case memory comes from the context's arena, which keeps its
 * capacity when reset (arena_reset); the tables below are sized once in
 * regel_eval_new (O(outcomes + inputs + rules …), never a product), so a warm
 * context evaluates without malloc or free (tests/unit/test_noalloc.c); only
 * a case larger than any before grows the arena, and explaining the trace's
 * read buffers, which are kept for the next evaluation. */
#ifndef REGEL_EVAL_H
#define REGEL_EVAL_H

#include <stdbool.h>
#include <stdatomic.h>
#include <stdint.h>

#include "arena.h"
#include "policy.h"
#include "value.h"

struct regel_case {
    const regel_policy *policy;
    arena *arena;       /* owns the values below */
    rt_value *facts;    /* one per input; RV_ONBEKEND (causes NULL) when absent */
    uint8_t *defaulted; /* one per input: absent, so the `standaard` value was used */
    const char *name;
    /* Issue 11: every fact was checked against its type by regel_evaluate
     * (vm_value_fits), so later evaluations skip that walk; every change to
     * a fact clears it. Atomic: threads may evaluate one case together. */
    atomic_bool fits;
};

#define EV_COND_WAAR     1u
#define EV_COND_ONWAAR   2u
#define EV_COND_ONBEKEND 4u

enum ev_status {
    EV_DECIDED = 0, /* a rule gave the value */
    EV_UNKNOWN = 1, /* depends on onbekend facts */
    EV_NO_RULE = 2  /* no rule applied */
};

/* The trace of one rule (spec7 §3), written only when explaining. */
enum ev_rule_run {
    EV_RULE_NOT_RUN = 0,
    EV_RULE_RAN = 1,
    EV_RULE_OUT_OF_FORCE = 2, /* the peildatum lies outside its geldig vanaf/tot */
    EV_RULE_DATE_UNKNOWN = 3  /* it has a validity and the peildatum is onbekend */
};
enum ev_rule_end { EV_END_NOT_APPLIED = 0, EV_END_RESULT = 1, EV_END_UNKNOWN = 2 };
typedef struct ev_rule_trace {
    uint8_t run;     /* enum ev_rule_run */
    uint8_t end;     /* enum ev_rule_end (run == EV_RULE_RAN only) */
    uint32_t branch; /* END_RESULT: the branch whose RESULT ran; END_UNKNOWN: the
                        branch whose condition was onbekend; else RBC_NONE */
    rt_value value;  /* END_RESULT: the rule's own value (before its exceptions) */
} ev_rule_trace;

/* One host-function call (issue 8), recorded only when explaining. */
typedef struct ev_call {
    uint32_t outcome;     /* the outcome being resolved */
    uint32_t fn;          /* EXTERNS index */
    const rt_value *args; /* its n_params arguments (arena) */
    rt_value result;
    struct ev_call *next; /* in call order */
} ev_call;

/* A list of indices (the explanation trace). The VM's items lie in buffers
 * of the evaluation context, in the order read, without repeats; readers
 * must not rely on order or uniqueness. n == 0: empty (items may be NULL). */
typedef struct ev_list {
    const uint32_t *items;
    uint32_t n;
} ev_list;

/* Whether x is in the list (linear; for tests and small lists). */
static inline bool ev_list_has(const ev_list *l, uint32_t x)
{
    for (uint32_t k = 0; l && k < l->n; k++)
        if (l->items[k] == x)
            return true;
    return false;
}

struct regel_eval {
    const regel_policy *policy;
    const regel_case *kase; /* the case of the last evaluation */
    arena *arena;           /* reset at the start of every evaluation */
    rt_value *stack;        /* policy->max_stack slots */
    rt_value *values;       /* per outcome (evaluation order) */
    uint8_t *status;        /* per outcome: enum ev_status */
    uint32_t *decided_by;   /* per outcome: rule index or RBC_NONE */
    bool evaluated;         /* a successful evaluation is held */
    bool explained;         /* the last evaluation recorded a trace */
    /* Trace (only written when explaining, emptied by the next evaluation):
     * per outcome, what was read while resolving it, as sparse lists: memory
     * bounded by what was read, never outcomes × inputs (see ev_list_has). */
    ev_list *reads_input;   /* per outcome: input indices (peildatum included) */
    ev_list *reads_outcome; /* per outcome: outcome indices */
    ev_list *reads_param;   /* per outcome: parameter version indices (n_param_versions) */
    uint8_t *missing;       /* per input: a cause of an onbekend uitkomst (always recorded):
                               absent, consulted, and its value could change an outcome */
    const uint8_t **causes; /* per outcome: causes of its onbekend value (NULL if none) */
    /* Coverage (only written with REGEL_COVERAGE): per COND (policy->cond_offsets
     * order) the ways it went in the last evaluation: EV_COND_WAAR | _ONWAAR | _ONBEKEND. */
    uint8_t *cond_seen;
    /* Motivering trace (only written when explaining, spec7 §3). */
    ev_rule_trace *rule_trace;   /* per rule */
    uint8_t *branch_cond;        /* per branch (rt_rule.first_branch + i): 0 not evaluated,
                                    EV_COND_WAAR/ONWAAR/ONBEKEND of its condition */
    uint8_t *atom_value;         /* per atom: 0 not evaluated, EV_COND_* (geen: ONWAAR) */
    ev_call *calls, *calls_tail; /* host-function calls of the last evaluation (arena) */
};

#endif
