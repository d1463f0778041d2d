/* eval.h — the evaluation context (struct regel_eval) and a case's facts
 * (struct regel_case), shared by the VM, the case reader and the renderers.
 * All per-case memory comes from the context's arena; the tables below are
 * sized once in regel_eval_new, so evaluating does not call malloc. */
#ifndef REGEL_EVAL_H
#define REGEL_EVAL_H

#include <stdbool.h>
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
};

#define EV_COND_WAAR     1u
#define EV_COND_ONWAAR   2u
#define EV_COND_ONBEKEND 4u

enum ev_status {
    EV_DECIDED = 0, /* a rule gave the value */
    EV_UNKNOWN = 1, /* depends on onbekend facts */
    EV_NO_RULE = 2  /* no rule applied */
};

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
    /* Trace (only written when explaining): row-major bit-per-byte tables. */
    uint8_t *reads_input;   /* [outcome * n_inputs + input]: read while resolving outcome */
    uint8_t *reads_outcome; /* [outcome * n_outcomes + other]: read while resolving outcome */
    uint8_t *reads_param;   /* [outcome * n_param_versions + version]: parameter version used */
    uint8_t *missing;       /* per input: a cause of an onbekend uitkomst (always recorded):
                               absent, consulted, and its value could change an outcome */
    const uint8_t **causes; /* per outcome: causes of its onbekend value (NULL if none) */
    /* Coverage (only written with REGEL_COVERAGE): per COND (policy->cond_offsets
     * order) the ways it went in the last evaluation: EV_COND_WAAR | _ONWAAR | _ONBEKEND. */
    uint8_t *cond_seen;
};

#endif
