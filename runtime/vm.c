/* vm.c — the evaluator: runs verified rule blocks over a case (Kleene logic,
 * exact arithmetic) and resolves every outcome by default logic (spec §4).
 * Must not call malloc while evaluating (everything is sized in
 * regel_eval_new or comes from the context's arena, which keeps its blocks
 * between cases; only a case larger than any before grows it) and must not
 * recurse on policy-controlled depth.
 * Loops (ITER_*) always end: see the termination argument in verify.c.
 * An onbekend list is iterated as ONE onbekend element (so both accumulators
 * of eerste/laatste become onbekend), and when that loop ends the top of the
 * stack — the loop's accumulator in every code shape of spec §5 — is made
 * onbekend: every selection over an onbekend list is onbekend. A geen list
 * is iterated zero times.
 * geen (spec4 §2): operations with a geen operand give geen, except =/≠
 * (waar iff both geen), ordered comparisons, bevat and duurt (onwaar) and the
 * logic operators (geen counts as onwaar); onbekend beats geen.
 * Causes: every onbekend value carries the absent inputs it depends on (a
 * byte-per-input table in the arena, NULL for none); tables are only built
 * on the slow path, so known operands cost nothing extra.
 * Coverage (REGEL_COVERAGE): each COND ORs the way it went into cond_seen.
 * Motivering (REGEL_EXPLAIN only, spec7 §3): per rule how it ran and ended,
 * per branch the value of its condition (the COND that leaves the stack
 * empty), per atom the value NOTE saw. Without REGEL_EXPLAIN none of it is
 * written and no NOTE runs: the VM runs a rule's lean stream (decode.h).
 * Host functions (CALL_EXTERN, issue 8): an onbekend argument gives onbekend
 * (causes: the union) and a geen argument geen, without a call; otherwise
 * host.c calls the bound function through libffi. Explaining records every
 * call of a counted run (not of a set-aside run) in ev->calls. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "eval.h"
#include "host.h"
#include "period.h"
#include "rt.h"

enum { RS_NOT_APPLIED = 0, RS_APPLIED = 1, RS_UNKNOWN = 2 };

struct vm_frame {
    uint32_t rule; /* RBC_NONE: the outcome itself (children = its roots) */
    uint32_t next; /* next child to resolve */
};

/* The public context plus the VM's private scratch (pub must stay first). */
struct vm_ctx {
    struct regel_eval pub;
    uint8_t *rule_state;     /* per rule: RS_* of resolve(rule) */
    rt_value *rule_value;    /* per rule: value when applied */
    uint32_t *rule_decider;  /* per rule: the rule whose RESULT was taken */
    struct vm_frame *frames; /* n_rules + 1 */
    uint8_t *flat;           /* per outcome: no root rule has exceptions (vm_resolve_flat) */
    uint32_t *lone;          /* per outcome: its one rule, if that has no exceptions and no
                                validity (vm_resolve_single); else RBC_NONE */
    struct vm_slot {
        const rt_value *items;   /* the list being iterated (never modified) */
        uint32_t n, next;        /* its length and the next element's index */
        rt_value cur;            /* the current element (LOAD_LOCAL) */
        bool unknown;            /* iterating an onbekend list */
        const uint8_t *causes;   /* the onbekend list's causes */
    } * slots;                   /* policy->max_slots */
    const uint8_t **single;      /* per input: its one-input cause table (lazily, arena) */
    const uint8_t **rule_causes; /* per rule: causes when resolve(rule) is onbekend */
    struct vm_origin {
        const rt_value *fields; /* a record's field array inside the case */
        uint32_t input;         /* the input fact it belongs to */
    } * origins;                /* sorted by fields; built on first need (arena) */
    uint32_t n_origins;
    bool origins_built;
    bool oom;       /* an arena allocation for causes failed */
    bool coverage;  /* this evaluation records cond_seen (REGEL_COVERAGE) */
    bool set_aside; /* running a rule for the trace alone (vm_trace_set_aside) */
    uint64_t steps; /* loop iterations so far in this evaluation (VM_MAX_STEPS) */
    /* Explaining: per input / outcome / parameter version, 1 + the outcome
     * whose read list (pub.reads_*) already holds it, 0 for none. Outcomes are
     * resolved one after another, so this keeps each list free of repeats. */
    uint32_t *in_mark, *out_mark, *pv_mark;
    rt_value *consts; /* per CONSTS entry: its value, built once in regel_eval_new */
    /* Explaining: the items of all read lists of one kind (VM_READ_*), outcome
     * after outcome; pub.reads_*[o] point into them once the evaluation ends.
     * Kept (and only grown) across evaluations: no allocation once warm. */
    struct vm_reads {
        uint32_t *data;
        size_t n, cap;
        size_t start; /* where the outcome being resolved began */
    } rbuf[3];
    bool reads_dirty; /* the read lists may hold items of an earlier evaluation */
};

/* The evaluation step budget: loops over lists are the only code that runs
 * more than once, so counting their iterations bounds the work of one
 * evaluation (nested loops over long lists could otherwise run for days). */
#define VM_MAX_STEPS 10000000u

static bool mul_ok(size_t a, size_t b, size_t *out)
{
    if (a && b > SIZE_MAX / a)
        return false;
    *out = a * b;
    return true;
}

static rt_value v_const(const rt_const *c);

static void *vm_calloc(size_t n, size_t size, bool *ok)
{
    size_t total;
    if (!mul_ok(n ? n : 1, size, &total)) {
        *ok = false;
        return NULL;
    }
    void *p = calloc(1, total);
    if (!p)
        *ok = false;
    return p;
}

REGEL_API void regel_eval_free(regel_eval *ev)
{
    if (!ev)
        return;
    struct vm_ctx *x = (struct vm_ctx *)ev;
    arena_free(ev->arena);
    free(ev->stack);
    free(ev->values);
    free(ev->status);
    free(ev->decided_by);
    free(ev->reads_input);
    free(ev->reads_outcome);
    free(x->in_mark);
    for (int k = 0; k < 3; k++)
        free(x->rbuf[k].data);
    free(x->out_mark);
    free(x->pv_mark);
    free(ev->missing);
    free(ev->causes);
    free(x->single);
    free(x->rule_causes);
    free(x->rule_state);
    free(x->rule_value);
    free(x->rule_decider);
    free(x->frames);
    free(x->flat);
    free(x->lone);
    free(x->slots);
    free(ev->reads_param);
    free(ev->cond_seen);
    free(ev->rule_trace);
    free(ev->branch_cond);
    free(ev->atom_value);
    free(x->consts);
    free(x);
}

REGEL_API regel_eval *regel_eval_new(const regel_policy *policy)
{
    if (!policy)
        return NULL;
    struct vm_ctx *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    regel_eval *ev = &x->pub;
    const regel_policy *p = policy;
    bool ok = true;
    ev->policy = p;
    ev->arena = arena_new(16384);
    ok = ev->arena != NULL;
    ev->stack = vm_calloc(p->max_stack, sizeof *ev->stack, &ok);
    ev->values = vm_calloc(p->n_outcomes, sizeof *ev->values, &ok);
    ev->status = vm_calloc(p->n_outcomes, sizeof *ev->status, &ok);
    ev->decided_by = vm_calloc(p->n_outcomes, sizeof *ev->decided_by, &ok);
    /* the trace: sparse read lists, O(outcomes + inputs + versions) */
    ev->reads_input = vm_calloc(p->n_outcomes, sizeof *ev->reads_input, &ok);
    ev->reads_outcome = vm_calloc(p->n_outcomes, sizeof *ev->reads_outcome, &ok);
    ev->reads_param = vm_calloc(p->n_outcomes, sizeof *ev->reads_param, &ok);
    x->in_mark = vm_calloc(p->n_inputs, sizeof *x->in_mark, &ok);
    x->out_mark = vm_calloc(p->n_outcomes, sizeof *x->out_mark, &ok);
    x->pv_mark = vm_calloc(p->n_param_versions, sizeof *x->pv_mark, &ok);
    x->slots = vm_calloc(p->max_slots, sizeof *x->slots, &ok);
    ev->missing = vm_calloc(p->n_inputs, 1, &ok);
    ev->causes = vm_calloc(p->n_outcomes, sizeof *ev->causes, &ok);
    x->single = vm_calloc(p->n_inputs, sizeof *x->single, &ok);
    x->rule_causes = vm_calloc(p->n_rules, sizeof *x->rule_causes, &ok);
    x->rule_state = vm_calloc(p->n_rules, 1, &ok);
    x->rule_value = vm_calloc(p->n_rules, sizeof *x->rule_value, &ok);
    x->rule_decider = vm_calloc(p->n_rules, sizeof *x->rule_decider, &ok);
    x->frames = vm_calloc((size_t)p->n_rules + 1, sizeof *x->frames, &ok);
    x->flat = vm_calloc(p->n_outcomes, 1, &ok);
    x->lone = vm_calloc(p->n_outcomes, sizeof *x->lone, &ok);
    ev->cond_seen = vm_calloc(p->n_conds, 1, &ok);
    ev->rule_trace = vm_calloc(p->n_rules, sizeof *ev->rule_trace, &ok);
    ev->branch_cond = vm_calloc(p->n_branches_total, 1, &ok);
    ev->atom_value = vm_calloc(p->n_atoms, 1, &ok);
    x->consts = vm_calloc(p->n_consts, sizeof *x->consts, &ok);
    if (!ok) {
        regel_eval_free(ev);
        return NULL;
    }
    for (uint32_t k = 0; k < p->n_consts; k++)
        x->consts[k] = v_const(&p->consts[k]);
    for (uint32_t o = 0; o < p->n_outcomes; o++) {
        const rt_outcome *out = &p->outcomes[o];
        x->flat[o] = 1;
        for (uint32_t k = 0; k < out->n_roots; k++)
            if (p->rules[out->roots[k]].n_children)
                x->flat[o] = 0;
        const rt_rule *r = out->n_roots == 1 ? &p->rules[out->roots[0]] : NULL;
        x->lone[o] = r && !r->n_children && r->valid_from == RBC_NONE && r->valid_until == RBC_NONE
                         ? out->roots[0]
                         : RBC_NONE;
    }
    return ev;
}

/* ---- values ---- */

static const char *vm_file(const regel_policy *p)
{
    if (p->source_file && *p->source_file)
        return p->source_file;
    return p->file && *p->file ? p->file : NULL;
}

/* Check that a case value fits its declared type (guards the VM against a
 * case built for another policy). depth bounds the walk into records. */
static bool vm_value_fits(const regel_policy *p, uint32_t type, uint32_t flags, const rt_value *v,
                          unsigned depth)
{
    if (v->tag == RV_ONBEKEND)
        return true;
    if (v->tag == RV_GEEN)
        return (flags & RBC_OPTIONAL) != 0;
    if (type >= p->n_types || depth > 64)
        return false;
    const rt_type *t = &p->types[type];
    switch (t->kind) {
    case RBC_TYPE_WAARHEID:
        return v->tag == RV_WAARHEID;
    case RBC_TYPE_GETAL:
        return v->tag == RV_GETAL && v->u.q.den > 0;
    case RBC_TYPE_TEKST:
        return v->tag == RV_TEKST && v->u.str.s != NULL;
    case RBC_TYPE_ENUM:
        return v->tag == RV_MEMBER && v->u.member < t->n;
    case RBC_TYPE_RECORD:
        if (v->tag != RV_RECORD || !v->u.fields)
            return false;
        for (uint32_t i = 0; i < t->n; i++)
            if (!vm_value_fits(p, t->fields[i].type, t->fields[i].flags, &v->u.fields[i],
                               depth + 1))
                return false;
        return true;
    case RBC_TYPE_DATUM:
        return v->tag == RV_DATUM && v->u.day >= CAL_DAY_MIN && v->u.day <= CAL_DAY_MAX;
    case RBC_TYPE_DUUR:
        return v->tag == RV_DUUR;
    case RBC_TYPE_BEDRAG:
        return v->tag == RV_BEDRAG;
    case RBC_TYPE_PERIODE:
        return v->tag == RV_PERIODE && v->u.periode.van >= CAL_DAY_MIN &&
               v->u.periode.van <= CAL_DAY_MAX &&
               (v->u.periode.open ||
                (v->u.periode.tot >= CAL_DAY_MIN && v->u.periode.tot <= CAL_DAY_MAX));
    case RBC_TYPE_LIJST:
        if (v->tag != RV_LIJST || (v->u.list.n && !v->u.list.items))
            return false;
        for (uint32_t i = 0; i < v->u.list.n; i++)
            if (v->u.list.items[i].tag == RV_ONBEKEND ||
                !vm_value_fits(p, t->elem, 0, &v->u.list.items[i], depth + 1))
                return false;
        return true;
    default:
        return false;
    }
}

static bool vm_equal(const rt_value *x, const rt_value *y)
{
    switch (x->tag) {
    case RV_WAARHEID:
        return x->u.b == y->u.b;
    case RV_GETAL:
        return num_eq(x->u.q, y->u.q);
    case RV_TEKST:
        return x->u.str.len == y->u.str.len && memcmp(x->u.str.s, y->u.str.s, x->u.str.len) == 0;
    case RV_MEMBER:
        return x->u.member == y->u.member;
    case RV_DATUM:
        return x->u.day == y->u.day;
    case RV_DUUR:
        return x->u.duur.months == y->u.duur.months && x->u.duur.days == y->u.duur.days;
    case RV_BEDRAG:
        return x->u.cents == y->u.cents;
    case RV_PERIODE:
        return x->u.periode.van == y->u.periode.van && x->u.periode.open == y->u.periode.open &&
               (x->u.periode.open || x->u.periode.tot == y->u.periode.tot);
    default:
        return false; /* records are never compared (verified) */
    }
}

static inline rt_value v_unknown(void)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_ONBEKEND;
    return v;
}

static inline rt_value v_bool(bool b)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_WAARHEID;
    v.u.b = b;
    return v;
}

/* ---- one rule block ---- */

static int vm_arith_error(regel_eval *ev, const rt_rule *r, uint32_t off, enum num_status st,
                          regel_error *err)
{
    uint32_t line, col;
    policy_pos(ev->policy, off, &line, &col);
    return rt_error(err, REGEL_ERR_EVAL, vm_file(ev->policy), line, col, "%s in regel ‘%s’",
                    st == NUM_DIVZERO ? "deling door nul" : "getal te groot (overloop)", r->name);
}

static int vm_fail(regel_eval *ev, const rt_rule *r, uint32_t off, regel_error *err,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* An evaluation error at code offset off of rule r: "<message> in regel ‘r’". */
static int vm_fail(regel_eval *ev, const rt_rule *r, uint32_t off, regel_error *err,
                   const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    uint32_t line, col;
    policy_pos(ev->policy, off, &line, &col);
    return rt_error(err, REGEL_ERR_EVAL, vm_file(ev->policy), line, col, "%s in regel ‘%s’", msg,
                    r->name);
}

static int vm_oom(regel_error *err)
{
    return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
}

#define DATE_RANGE_MSG  "datum buiten het bereik 1-9999"
#define BEDRAG_OVF_MSG  "bedrag te groot (overloop)"
#define OPEN_PERIOD_MSG "een lopende periode heeft geen einde; begrens ze eerst met ‘begrensd tot’"

static rt_value v_of_tag(uint8_t tag)
{
    rt_value v = v_unknown();
    v.tag = tag;
    return v;
}

static rt_value v_getal(num_q q)
{
    rt_value v = v_of_tag(RV_GETAL);
    v.u.q = q;
    return v;
}

static rt_value v_day(int32_t d)
{
    rt_value v = v_of_tag(RV_DATUM);
    v.u.day = d;
    return v;
}

static rt_value v_const(const rt_const *c)
{
    rt_value v = v_unknown();
    switch (c->kind) {
    case RBC_CONST_GETAL:
        v = v_getal(c->q);
        break;
    case RBC_CONST_TEKST:
        v.tag = RV_TEKST;
        v.u.str.s = c->s;
        v.u.str.len = c->len;
        break;
    case RBC_CONST_DATUM:
        v = v_day(c->day);
        break;
    case RBC_CONST_DUUR:
        v.tag = RV_DUUR;
        v.u.duur.months = c->months;
        v.u.duur.days = c->days;
        break;
    case RBC_CONST_BEDRAG:
        v.tag = RV_BEDRAG;
        v.u.cents = c->cents;
        break;
    default:
        break;
    }
    return v;
}

/* Order of two known values of one ordered type (getal, datum, bedrag). */
static int vm_order(const rt_value *x, const rt_value *y)
{
    switch (x->tag) {
    case RV_GETAL:
        return num_cmp(x->u.q, y->u.q);
    case RV_DATUM:
        return (x->u.day > y->u.day) - (x->u.day < y->u.day);
    default:
        return (x->u.cents > y->u.cents) - (x->u.cents < y->u.cents);
    }
}

static bool vm_known(const rt_value *v)
{
    return v->tag != RV_ONBEKEND && v->tag != RV_LEEG;
}

static period v_to_period(const rt_value *v)
{
    period q = {v->u.periode.van, v->u.periode.tot, v->u.periode.open};
    if (q.open)
        q.tot = q.van;
    return q;
}

static rt_value v_periode(period q)
{
    rt_value v = v_of_tag(RV_PERIODE);
    v.u.periode.van = q.van;
    v.u.periode.tot = q.open ? 0 : q.tot;
    v.u.periode.open = q.open;
    return v;
}

/* Copy a known list of periods to a period array in the arena; false when
 * an element is onbekend (*ok stays true) or memory runs out (*ok false). */
static bool vm_periods(regel_eval *ev, const rt_value *l, period **out, bool *ok)
{
    uint32_t n = l->u.list.n;
    *ok = true;
    *out = arena_alloc(ev->arena, (size_t)(n ? n : 1) * sizeof **out);
    if (!*out) {
        *ok = false;
        return false;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (l->u.list.items[i].tag != RV_PERIODE)
            return false;
        (*out)[i] = v_to_period(&l->u.list.items[i]);
    }
    return true;
}

static bool vm_period_list(regel_eval *ev, const period *ps, size_t n, rt_value *out)
{
    rt_value *items = arena_alloc(ev->arena, (n ? n : 1) * sizeof *items);
    if (!items)
        return false;
    for (size_t i = 0; i < n; i++)
        items[i] = v_periode(ps[i]);
    *out = v_of_tag(RV_LIJST);
    out->u.list.items = items;
    out->u.list.n = (uint32_t)n;
    return true;
}

/* ---- causes of onbekend values ---- */

static inline const uint8_t *v_causes(const rt_value *v)
{
    return v->tag == RV_ONBEKEND ? v->u.causes : NULL;
}

static inline rt_value v_unknown_c(const uint8_t *causes)
{
    rt_value v = v_unknown();
    v.u.causes = causes;
    return v;
}

/* The cause table holding only input i (one per input and evaluation). */
static const uint8_t *vm_single(struct vm_ctx *x, uint32_t i)
{
    if (!x->single[i]) {
        uint8_t *t = arena_alloc(x->pub.arena, x->pub.policy->n_inputs);
        if (!t) {
            x->oom = true;
            return NULL;
        }
        t[i] = 1;
        x->single[i] = t;
    }
    return x->single[i];
}

/* a ∪ b; returns an operand itself when it already holds the other. */
static const uint8_t *vm_union(struct vm_ctx *x, const uint8_t *a, const uint8_t *b)
{
    if (!a || a == b)
        return b;
    if (!b)
        return a;
    uint32_t n = x->pub.policy->n_inputs;
    bool a_all = true, b_all = true;
    for (uint32_t i = 0; i < n; i++) {
        a_all &= a[i] || !b[i];
        b_all &= b[i] || !a[i];
    }
    if (a_all)
        return a;
    if (b_all)
        return b;
    uint8_t *t = arena_alloc(x->pub.arena, n);
    if (!t) {
        x->oom = true;
        return a;
    }
    for (uint32_t i = 0; i < n; i++)
        t[i] = a[i] | b[i];
    return t;
}

/* The result of an operation on a and b when they are not both ordinary
 * values (so one is onbekend, geen or LEEG): onbekend beats geen. */
static rt_value vm_absent2(struct vm_ctx *x, const rt_value *a, const rt_value *b)
{
    bool ua = a->tag == RV_ONBEKEND || a->tag == RV_LEEG;
    bool ub = b->tag == RV_ONBEKEND || b->tag == RV_LEEG;
    if (!ua && !ub)
        return v_of_tag(RV_GEEN);
    return v_unknown_c(vm_union(x, v_causes(a), v_causes(b)));
}

/* The same for one operand. */
static rt_value vm_absent1(const rt_value *a)
{
    if (a->tag == RV_GEEN)
        return v_of_tag(RV_GEEN);
    return v_unknown_c(v_causes(a));
}

/* A comparison that is onwaar when an operand is geen (ordered, bevat, duurt). */
static rt_value vm_absent_cmp(struct vm_ctx *x, const rt_value *a, const rt_value *b)
{
    rt_value r = vm_absent2(x, a, b);
    return r.tag == RV_GEEN ? v_bool(false) : r;
}

/* Which input a record (its field array) comes from: every record is read
 * from the case (the VM builds none), so the facts are walked once per
 * evaluation, on the first absent field, into a sorted table. */
static void vm_origin_walk(struct vm_ctx *x, uint32_t type, const rt_value *v, uint32_t input,
                           unsigned depth, bool fill)
{
    const regel_policy *p = x->pub.policy;
    if (depth > 64 || type >= p->n_types)
        return;
    const rt_type *t = &p->types[type];
    if (t->kind == RBC_TYPE_RECORD && v->tag == RV_RECORD) {
        if (fill)
            x->origins[x->n_origins] = (struct vm_origin){v->u.fields, input};
        x->n_origins++;
        for (uint32_t k = 0; k < t->n; k++)
            vm_origin_walk(x, t->fields[k].type, &v->u.fields[k], input, depth + 1, fill);
    } else if (t->kind == RBC_TYPE_LIJST && v->tag == RV_LIJST) {
        uint8_t ek = p->types[t->elem].kind;
        if (ek == RBC_TYPE_RECORD)
            for (uint32_t k = 0; k < v->u.list.n; k++)
                vm_origin_walk(x, t->elem, &v->u.list.items[k], input, depth + 1, fill);
    }
}

static int vm_origin_cmp(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const struct vm_origin *)a)->fields;
    uintptr_t y = (uintptr_t)((const struct vm_origin *)b)->fields;
    return (x > y) - (x < y);
}

/* Causes of an absent field of the record whose fields are `fields`. */
static const uint8_t *vm_field_causes(struct vm_ctx *x, const rt_value *fields)
{
    const regel_policy *p = x->pub.policy;
    const rt_value *facts = x->pub.kase->facts;
    if (!x->origins_built) {
        x->origins_built = true;
        x->n_origins = 0;
        for (uint32_t i = 0; i < p->n_inputs; i++)
            vm_origin_walk(x, p->inputs[i].type, &facts[i], i, 0, false);
        x->origins = arena_alloc(x->pub.arena,
                                 (size_t)(x->n_origins ? x->n_origins : 1) * sizeof *x->origins);
        if (!x->origins) {
            x->oom = true;
            x->n_origins = 0;
            return NULL;
        }
        x->n_origins = 0;
        for (uint32_t i = 0; i < p->n_inputs; i++)
            vm_origin_walk(x, p->inputs[i].type, &facts[i], i, 0, true);
        /* Shell sort in place (qsort may call malloc) */
        static const uint32_t gaps[] = {701, 301, 132, 57, 23, 10, 4, 1};
        for (size_t g = 0; g < sizeof gaps / sizeof *gaps; g++) {
            for (uint32_t i = gaps[g]; i < x->n_origins; i++) {
                struct vm_origin t = x->origins[i];
                uint32_t j = i;
                for (; j >= gaps[g] && vm_origin_cmp(&x->origins[j - gaps[g]], &t) > 0;
                     j -= gaps[g])
                    x->origins[j] = x->origins[j - gaps[g]];
                x->origins[j] = t;
            }
        }
    }
    struct vm_origin key = {fields, 0};
    const struct vm_origin *hit =
        x->n_origins ? bsearch(&key, x->origins, x->n_origins, sizeof key, vm_origin_cmp) : NULL;
    return hit ? vm_single(x, hit->input) : NULL;
}

/* The version of parameter pi valid on day d, or NULL. */
static const rt_param_version *vm_param_version(const rt_param *q, int32_t d, uint32_t *k)
{
    uint32_t ud = (uint32_t)d; /* d >= 0 */
    for (uint32_t i = 0; i < q->n_versions; i++) {
        const rt_param_version *pv = &q->versions[i];
        if ((pv->from == RBC_NONE || pv->from <= ud) && (pv->until == RBC_NONE || ud < pv->until)) {
            *k = i;
            return pv;
        }
    }
    return NULL;
}

enum { VM_READ_INPUT, VM_READ_OUTCOME, VM_READ_PARAM };

/* Explaining: add item (an input, outcome or parameter version, kind
 * VM_READ_*) to the read list of outcome o, unless mark (item's entry in
 * x->in_mark …) says it is there already. Failure to grow sets x->oom. */
static void vm_note_read_new(struct vm_ctx *x, int kind, uint32_t *mark, uint32_t o, uint32_t item)
{
    struct vm_reads *r = &x->rbuf[kind];
    if (r->n == r->cap) {
        /* without repeats: n <= outcomes × (inputs + outcomes + versions) */
        size_t cap = r->cap ? r->cap * 2 : 64;
        uint32_t *data =
            cap <= SIZE_MAX / sizeof *data ? realloc(r->data, cap * sizeof *data) : NULL;
        if (!data) {
            x->oom = true;
            return;
        }
        r->data = data;
        r->cap = cap;
    }
    r->data[r->n++] = item;
    *mark = o + 1;
}

/* The common case, inlined: already noted for this outcome. */
static inline void vm_note_read(struct vm_ctx *x, int kind, uint32_t *mark, uint32_t o,
                                uint32_t item)
{
    if (*mark != o + 1)
        vm_note_read_new(x, kind, mark, o, item);
}

/* Explaining: outcome o is resolved; its lists are the items noted since. */
static void vm_close_reads(struct vm_ctx *x, uint32_t o)
{
    regel_eval *ev = &x->pub;
    ev_list *lists[3] = {&ev->reads_input[o], &ev->reads_outcome[o], &ev->reads_param[o]};
    for (int k = 0; k < 3; k++) {
        lists[k]->n = (uint32_t)(x->rbuf[k].n - x->rbuf[k].start);
        x->rbuf[k].start = x->rbuf[k].n;
    }
}

/* Explaining: point every outcome's lists at their items (the buffers no
 * longer move); the outcomes lie one after another in them. */
static void vm_place_reads(struct vm_ctx *x)
{
    regel_eval *ev = &x->pub;
    ev_list *kinds[3] = {ev->reads_input, ev->reads_outcome, ev->reads_param};
    for (int k = 0; k < 3; k++) {
        size_t at = 0;
        for (uint32_t o = 0; o < ev->policy->n_outcomes; o++) {
            kinds[k][o].items = x->rbuf[k].data ? x->rbuf[k].data + at : NULL;
            at += kinds[k][o].n;
        }
    }
}

/* Empty the read lists, their buffers and their marks. */
static void vm_clear_reads(struct vm_ctx *x)
{
    regel_eval *ev = &x->pub;
    const regel_policy *p = ev->policy;
    if (p->n_outcomes) {
        memset(ev->reads_input, 0, p->n_outcomes * sizeof *ev->reads_input);
        memset(ev->reads_outcome, 0, p->n_outcomes * sizeof *ev->reads_outcome);
        memset(ev->reads_param, 0, p->n_outcomes * sizeof *ev->reads_param);
        memset(x->out_mark, 0, p->n_outcomes * sizeof *x->out_mark);
    }
    if (p->n_inputs)
        memset(x->in_mark, 0, p->n_inputs * sizeof *x->in_mark);
    if (p->n_param_versions)
        memset(x->pv_mark, 0, p->n_param_versions * sizeof *x->pv_mark);
    for (int k = 0; k < 3; k++)
        x->rbuf[k].n = x->rbuf[k].start = 0;
}

/* Read peildatum (recording it as a fact read); onbekend (caused by it) when absent. */
static rt_value vm_peildatum(regel_eval *ev, uint32_t o, bool explain)
{
    struct vm_ctx *x = (struct vm_ctx *)ev;
    uint32_t i = ev->policy->peildatum_input;
    rt_value v = ev->kase->facts[i];
    if (v.tag == RV_ONBEKEND)
        v.u.causes = vm_single(x, i);
    if (explain)
        vm_note_read(x, VM_READ_INPUT, &x->in_mark[i], o, i);
    return v;
}

static int vm_load_param(regel_eval *ev, const rt_rule *r, uint32_t pc, uint32_t o, bool explain,
                         uint32_t pi, const rt_value *day, rt_value *out, regel_error *err)
{
    const regel_policy *p = ev->policy;
    const rt_param *q = &p->params[pi];
    if (day->tag != RV_DATUM) {
        *out = vm_absent1(day);
        return REGEL_OK;
    }
    uint32_t k;
    const rt_param_version *pv = vm_param_version(q, day->u.day, &k);
    if (!pv) {
        char buf[32];
        cal_format_dutch(day->u.day, buf, sizeof buf);
        return vm_fail(ev, r, pc, err, "geen versie van parameter ‘%s’ is geldig op %s", q->name,
                       buf);
    }
    if (explain) {
        struct vm_ctx *x = (struct vm_ctx *)ev;
        uint32_t g = q->first_version + k;
        vm_note_read(x, VM_READ_PARAM, &x->pv_mark[g], o, g);
    }
    *out = ((const struct vm_ctx *)ev)->consts[pv->value];
    return REGEL_OK;
}

/* Coverage: OR way (EV_COND_*) into the cond_seen entry of the COND at code
 * offset at. Every COND that runs was reached by the verifier, so it is in
 * cond_offsets; a miss is ignored. Only called with REGEL_COVERAGE. */
static void vm_cover(const regel_policy *p, uint8_t *seen, uint32_t at, uint8_t way)
{
    uint32_t lo = 0, hi = p->n_conds;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (p->cond_offsets[mid] < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < p->n_conds && p->cond_offsets[lo] == at)
        seen[lo] |= way;
}

/* The value of a condition as EV_COND_*: geen counts as onwaar. */
static uint8_t vm_way(const rt_value *c)
{
    return c->tag == RV_GEEN       ? EV_COND_ONWAAR
           : c->tag != RV_WAARHEID ? EV_COND_ONBEKEND
           : c->u.b                ? EV_COND_WAAR
                                   : EV_COND_ONWAAR;
}

/* The branch of rule r (index in r->branches) whose RESULT lies at or after
 * pc (at: true) or strictly after it; RBC_NONE when none. */
static uint32_t vm_branch_of(const rt_rule *r, uint32_t pc, bool at)
{
    /* Binary search: the result offsets ascend (verified), and a rule may
     * have 100 000 branches (a linear scan per condition was quadratic). */
    uint32_t lo = 0, hi = r->n_branches;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        uint32_t off = r->branches[mid].result_off;
        if (off > pc || (at && off == pc))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo < r->n_branches ? lo : RBC_NONE;
}

/* Explaining: a rule's trace before it runs or when it does not run. */
static void vm_trace_rule(regel_eval *ev, uint32_t ri, uint8_t run)
{
    ev_rule_trace *t = &ev->rule_trace[ri];
    t->run = run;
    t->end = EV_END_NOT_APPLIED;
    t->branch = RBC_NONE;
    t->value = v_unknown();
}

/* Explaining: record a host-function call (fn: EXTERNS index) of outcome o
 * with copies of its arguments, in call order (arena). */
static void vm_trace_call(struct vm_ctx *x, uint32_t o, uint32_t fn, const rt_value *args,
                          const rt_value *result)
{
    regel_eval *ev = &x->pub;
    uint32_t n = ev->policy->externs[fn].n_params;
    ev_call *c = arena_alloc(ev->arena, sizeof *c);
    rt_value *copy = arena_alloc(ev->arena, (size_t)(n ? n : 1) * sizeof *copy);
    if (!c || !copy) {
        x->oom = true;
        return;
    }
    if (n)
        memcpy(copy, args, (size_t)n * sizeof *copy);
    c->outcome = o;
    c->fn = fn;
    c->args = copy;
    c->result = *result;
    c->next = NULL;
    if (ev->calls_tail)
        ev->calls_tail->next = c;
    else
        ev->calls = c;
    ev->calls_tail = c;
}

/* Dispatch (issue 11): with GNU C (gcc, clang) each handler jumps straight
 * to the next instruction's handler through a table of its labels L_* (threaded
 * code); elsewhere a plain switch, and the labels are unused. cppcheck cannot
 * parse label addresses: make lint checks the switch form (-U__GNUC__). */
#if defined(__GNUC__)
#define VM_THREADED 1
#define NEXT()                                                                                     \
    do {                                                                                           \
        op = ip->op;                                                                               \
        goto *vm_labels[op];                                                                       \
    } while (0)
#else
#define VM_THREADED 0
#define NEXT()      break
#endif

/* Run the block of rule ri for outcome o; *state is RS_*, *value the result. */
static int vm_run(regel_eval *ev, uint32_t ri, uint32_t o, bool explain, uint8_t *state,
                  rt_value *value, const uint8_t **causes, regel_error *err)
{
    struct vm_ctx *vx = (struct vm_ctx *)ev;
    const regel_policy *p = ev->policy;
    const uint8_t *cond_causes = NULL; /* of the last COND that went to its onbekend branch */
    const rt_rule *r = &p->rules[ri];
    const rt_ins *base = p->ins;
    const rt_value *facts = ev->kase->facts;
    uint8_t *seen = vx->coverage ? ev->cond_seen : NULL; /* NULL: no coverage */
    rt_value *sp = ev->stack;                            /* next free slot */
    /* the lean stream (no NOTE, pairs fused) unless the motivering needs every instruction */
    const rt_ins *ip = base + (explain ? r->ins_exact : r->ins_lean);
    enum num_status ns;
    struct vm_slot *slots = vx->slots;
    /* The list most recently built by LIST_APPEND has spare room: appending
     * to exactly that value (same items, same length) grows it in place.
     * Values holding a shorter prefix stay valid: they never see the tail. */
    rt_value *grow_items = NULL;
    uint32_t grow_n = 0, grow_cap = 0;
    uint32_t unknown_branch = RBC_NONE; /* explaining: the branch whose condition was onbekend */
    bool reads = explain && !vx->set_aside; /* record reads_input/outcome/param */
    if (explain)
        vm_trace_rule(ev, ri, EV_RULE_RAN);

#if VM_THREADED
    static const void *const vm_labels[VM_OP__END] = {
#define OP(name, opnd, pops, pushes, doc) &&L_##name,
#include "opcodes.def"
#undef OP
        &&L_LOCAL_FIELD, &&L_EQ_ENUM, &&L_LOOP_NEXT, &&L_RESULT_TRUE, &&L_RESULT_FALSE};
#endif
    for (;;) {
        unsigned op = ip->op;
        switch (op) {
        L_PUSH_TRUE:
        case OP_PUSH_TRUE:
            *sp++ = v_bool(true);
            ip++;
            NEXT();
        L_PUSH_FALSE:
        case OP_PUSH_FALSE:
            *sp++ = v_bool(false);
            ip++;
            NEXT();
        L_PUSH_CONST:
        case OP_PUSH_CONST:
            *sp++ = vx->consts[ip->a];
            ip++;
            NEXT();
        L_PUSH_ENUM:
        case OP_PUSH_ENUM: {
            rt_value v = v_unknown();
            v.tag = RV_MEMBER;
            v.u.member = ip->b;
            *sp++ = v;
            ip++;
            NEXT();
        }
        L_LOAD_INPUT:
        case OP_LOAD_INPUT: {
            uint32_t i = ip->a;
            *sp = facts[i];
            if (sp->tag == RV_ONBEKEND)
                sp->u.causes = vm_single(vx, i);
            if (reads)
                vm_note_read(vx, VM_READ_INPUT, &vx->in_mark[i], o, i);
            sp++;
            ip++;
            NEXT();
        }
        L_LOAD_OUTCOME:
        case OP_LOAD_OUTCOME: {
            uint32_t k = ip->a;
            *sp++ = ev->values[k];
            if (reads)
                vm_note_read(vx, VM_READ_OUTCOME, &vx->out_mark[k], o, k);
            ip++;
            NEXT();
        }
        L_FIELD:
        case OP_FIELD:
            if (sp[-1].tag == RV_RECORD) {
                const rt_value *fields = sp[-1].u.fields;
                sp[-1] = fields[ip->a];
                /* an absent field of a present record: caused by its input */
                if (sp[-1].tag == RV_ONBEKEND && !sp[-1].u.causes)
                    sp[-1].u.causes = vm_field_causes(vx, fields);
            } /* onbekend (with its causes) and geen stay as they are */
            ip++;
            NEXT();
        L_NOT:
        case OP_NOT:
            if (sp[-1].tag == RV_WAARHEID)
                sp[-1].u.b = !sp[-1].u.b;
            else if (sp[-1].tag == RV_GEEN) /* geen counts as onwaar */
                sp[-1] = v_bool(true);
            ip++;
            NEXT();
        L_AND:
        case OP_AND:
        L_OR:
        case OP_OR: {
            /* Kleene; geen counts as onwaar. A decided result has no causes,
             * an undecided one the union of its onbekend operands' causes. */
            rt_value y = *--sp, *x = &sp[-1];
            bool dominant = op == OP_OR; /* the value that decides alone */
            if (x->tag == RV_WAARHEID && y.tag == RV_WAARHEID) {
                x->u.b = op == OP_AND ? x->u.b && y.u.b : x->u.b || y.u.b;
            } else {
                int xv = x->tag == RV_WAARHEID ? x->u.b : x->tag == RV_GEEN ? 0 : -1;
                int yv = y.tag == RV_WAARHEID ? y.u.b : y.tag == RV_GEEN ? 0 : -1;
                if (xv == (int)dominant || yv == (int)dominant)
                    *x = v_bool(dominant);
                else if (xv >= 0 && yv >= 0)
                    *x = v_bool(!dominant);
                else
                    *x = v_unknown_c(vm_union(vx, v_causes(x), v_causes(&y)));
            }
            ip++;
            NEXT();
        }
        L_JUMP_IF_FALSE_KEEP:
        case OP_JUMP_IF_FALSE_KEEP:
            if (sp[-1].tag == RV_GEEN)
                sp[-1] = v_bool(false); /* geen counts as onwaar */
            if (sp[-1].tag == RV_WAARHEID && !sp[-1].u.b)
                ip = base + ip->a;
            else
                ip++;
            NEXT();
        L_JUMP_IF_TRUE_KEEP:
        case OP_JUMP_IF_TRUE_KEEP:
            if (sp[-1].tag == RV_GEEN)
                sp[-1] = v_bool(false);
            if (sp[-1].tag == RV_WAARHEID && sp[-1].u.b)
                ip = base + ip->a;
            else
                ip++;
            NEXT();
        L_EQ:
        case OP_EQ:
        L_NE:
        case OP_NE: {
            rt_value y = *--sp, *x = &sp[-1];
            if (!vm_known(x) || !vm_known(&y)) {
                *x = v_unknown_c(vm_union(vx, v_causes(x), v_causes(&y)));
            } else if (x->tag == RV_GEEN || y.tag == RV_GEEN) {
                bool eq = x->tag == y.tag; /* waar iff both geen */
                *x = v_bool(op == OP_EQ ? eq : !eq);
            } else {
                bool eq = x->tag == y.tag && vm_equal(x, &y);
                *x = v_bool(op == OP_EQ ? eq : !eq);
            }
            ip++;
            NEXT();
        }
        L_EQ_ENUM:
        case VM_EQ_ENUM: /* PUSH_ENUM _ b; EQ: the value is of that soort (verified) */
            if (!vm_known(&sp[-1]))
                sp[-1] = v_unknown_c(v_causes(&sp[-1]));
            else
                sp[-1] = v_bool(sp[-1].tag == RV_MEMBER && sp[-1].u.member == ip->b);
            ip++;
            NEXT();
        L_LT:
        case OP_LT:
        L_LE:
        case OP_LE:
        L_GT:
        case OP_GT:
        L_GE:
        case OP_GE: {
            rt_value y = *--sp, *x = &sp[-1];
            if (!vm_known(x) || !vm_known(&y) || x->tag == RV_GEEN || y.tag == RV_GEEN) {
                *x = vm_absent_cmp(vx, x, &y);
            } else {
                int c = vm_order(x, &y);
                bool res = op == OP_LT   ? c < 0
                           : op == OP_LE ? c <= 0
                           : op == OP_GT ? c > 0
                                         : c >= 0;
                *x = v_bool(res);
            }
            ip++;
            NEXT();
        }
        L_ADD:
        case OP_ADD:
        L_SUB:
        case OP_SUB:
        L_MUL:
        case OP_MUL:
        L_DIV:
        case OP_DIV: {
            rt_value y = *--sp, *x = &sp[-1];
            if (x->tag != RV_GETAL || y.tag != RV_GETAL) {
                *x = vm_absent2(vx, x, &y);
            } else {
                num_q q;
                ns = op == OP_ADD   ? num_add(x->u.q, y.u.q, &q)
                     : op == OP_SUB ? num_sub(x->u.q, y.u.q, &q)
                     : op == OP_MUL ? num_mul(x->u.q, y.u.q, &q)
                                    : num_div(x->u.q, y.u.q, &q);
                if (ns != NUM_OK)
                    return vm_arith_error(ev, r, ip->pc, ns, err);
                x->u.q = q;
            }
            ip++;
            NEXT();
        }
        L_NEG:
        case OP_NEG:
            if (sp[-1].tag == RV_GETAL) {
                num_q q;
                ns = num_neg(sp[-1].u.q, &q);
                if (ns != NUM_OK)
                    return vm_arith_error(ev, r, ip->pc, ns, err);
                sp[-1].u.q = q;
            } else {
                sp[-1] = vm_absent1(&sp[-1]);
            }
            ip++;
            NEXT();
        L_JUMP:
        case OP_JUMP:
            ip = base + ip->a;
            NEXT();
        L_COND:
        case OP_COND: {
            rt_value c = *--sp;
            if (seen) /* coverage only: the fast path below is unchanged */
                vm_cover(p, seen, ip->pc, vm_way(&c));
            if (explain && sp == ev->stack) {
                /* a branch condition (a waarvoor COND keeps its accumulator) */
                uint32_t k = vm_branch_of(r, ip->pc, false);
                if (k != RBC_NONE) {
                    uint8_t way = vm_way(&c);
                    ev->branch_cond[r->first_branch + k] = way;
                    if (way == EV_COND_ONBEKEND)
                        unknown_branch = k;
                }
            }
            if (c.tag == RV_GEEN) { /* geen counts as onwaar */
                ip = base + ip->a;
            } else if (c.tag != RV_WAARHEID) {
                cond_causes = v_causes(&c);
                ip = base + ip->b;
            } else if (!c.u.b)
                ip = base + ip->a;
            else
                ip++;
            NEXT();
        }
        L_RESULT:
        case OP_RESULT:
            *value = *--sp;
            if (value->tag == RV_LEEG) /* never stored */
                *value = v_unknown();
            *state = RS_APPLIED;
            if (explain) {
                ev_rule_trace *t = &ev->rule_trace[ri];
                t->end = EV_END_RESULT;
                t->branch = vm_branch_of(r, ip->pc, true); /* verified: a branch ends here */
                t->value = *value;
            }
            return REGEL_OK;
        L_RESULT_TRUE:
        case VM_RESULT_TRUE: /* PUSH_TRUE/FALSE; RESULT (the lean stream: no motivering) */
        L_RESULT_FALSE:
        case VM_RESULT_FALSE:
            *value = v_bool(op == VM_RESULT_TRUE);
            *state = RS_APPLIED;
            return REGEL_OK;
        L_NOT_APPLIED:
        case OP_NOT_APPLIED:
            *state = RS_NOT_APPLIED;
            return REGEL_OK; /* the trace already says EV_END_NOT_APPLIED */
        L_RESULT_UNKNOWN:
        case OP_RESULT_UNKNOWN:
            *state = RS_UNKNOWN;
            *causes = cond_causes;
            if (explain) {
                ev->rule_trace[ri].end = EV_END_UNKNOWN;
                ev->rule_trace[ri].branch = unknown_branch;
            }
            return REGEL_OK;

            /* ---- time and money ---- */
        L_PUSH_UNKNOWN:
        case OP_PUSH_UNKNOWN:
            /* emitted only where a `waarvoor` condition was onbekend (spec3
             * §5): the unknown carries that COND's causes */
            *sp++ = v_unknown_c(cond_causes);
            ip++;
            NEXT();
        L_PUSH_LEEG:
        case OP_PUSH_LEEG:
            *sp++ = v_of_tag(RV_LEEG);
            ip++;
            NEXT();
        L_MAKE_DUUR:
        case OP_MAKE_DUUR: {
            uint32_t unit = ip->a;
            rt_value *x = &sp[-1];
            if (x->tag == RV_GETAL) {
                static const char *const unames[] = {"dagen", "weken", "maanden", "jaren"};
                static const int64_t factor[] = {1, 7, 1, 12};
                if (x->u.q.den != 1) {
                    char buf[NUM_FORMAT_CAP];
                    if (!num_format(x->u.q, ',', buf, sizeof buf))
                        snprintf(buf, sizeof buf, "%lld/%lld", (long long)x->u.q.num,
                                 (long long)x->u.q.den);
                    return vm_fail(ev, r, ip->pc, err, "%s is geen geheel aantal %s", buf,
                                   unames[unit]);
                }
                int64_t n = x->u.q.num;
                if (n > INT32_MAX / 12 || n < -(INT32_MAX / 12))
                    return vm_fail(ev, r, ip->pc, err, "duur te groot (overloop)");
                n *= factor[unit];
                rt_value d = v_of_tag(RV_DUUR);
                if (unit == RBC_UNIT_DAGEN || unit == RBC_UNIT_WEKEN)
                    d.u.duur.days = (int32_t)n;
                else
                    d.u.duur.months = (int32_t)n;
                *x = d;
            } else {
                *x = vm_absent1(x);
            }
            ip++;
            NEXT();
        }
        L_DATE_ADD:
        case OP_DATE_ADD:
        L_DATE_SUB:
        case OP_DATE_SUB: {
            rt_value y = *--sp, *x = &sp[-1];
            if (x->tag != RV_DATUM || y.tag != RV_DUUR) {
                *x = vm_absent2(vx, x, &y);
            } else {
                int64_t m = y.u.duur.months, d = y.u.duur.days;
                if (op == OP_DATE_SUB) {
                    m = -m;
                    d = -d;
                }
                cal_day t1, t2;
                if (!cal_add_months(x->u.day, m, &t1) || !cal_add_days(t1, d, &t2))
                    return vm_fail(ev, r, ip->pc, err, DATE_RANGE_MSG);
                *x = v_day(t2);
            }
            ip++;
            NEXT();
        }
        L_DUUR_ADD:
        case OP_DUUR_ADD: {
            rt_value y = *--sp, *x = &sp[-1];
            if (x->tag != RV_DUUR || y.tag != RV_DUUR) {
                *x = vm_absent2(vx, x, &y);
            } else {
                int64_t m = (int64_t)x->u.duur.months + y.u.duur.months;
                int64_t d = (int64_t)x->u.duur.days + y.u.duur.days;
                if (m > INT32_MAX || m < -INT32_MAX || d > INT32_MAX || d < -INT32_MAX)
                    return vm_fail(ev, r, ip->pc, err, "duur te groot (overloop)");
                x->u.duur.months = (int32_t)m;
                x->u.duur.days = (int32_t)d;
            }
            ip++;
            NEXT();
        }
        L_DUUR_NEG:
        case OP_DUUR_NEG:
            if (sp[-1].tag == RV_DUUR) {
                if (sp[-1].u.duur.months == INT32_MIN || sp[-1].u.duur.days == INT32_MIN)
                    return vm_fail(ev, r, ip->pc, err, "duur te groot (overloop)");
                sp[-1].u.duur.months = -sp[-1].u.duur.months;
                sp[-1].u.duur.days = -sp[-1].u.duur.days;
            } else {
                sp[-1] = vm_absent1(&sp[-1]);
            }
            ip++;
            NEXT();
        L_DAYS_BETWEEN:
        case OP_DAYS_BETWEEN:
        L_MONTHS_BETWEEN:
        case OP_MONTHS_BETWEEN:
        L_YEARS_BETWEEN:
        case OP_YEARS_BETWEEN: {
            rt_value y = *--sp, *x = &sp[-1];
            if (x->tag != RV_DATUM || y.tag != RV_DATUM) {
                *x = vm_absent2(vx, x, &y);
            } else {
                int64_t n = op == OP_DAYS_BETWEEN     ? (int64_t)y.u.day - x->u.day
                            : op == OP_MONTHS_BETWEEN ? cal_months_between(x->u.day, y.u.day)
                                                      : cal_years_between(x->u.day, y.u.day);
                *x = v_getal(num_int(n));
            }
            ip++;
            NEXT();
        }
        L_BEDRAG_ADD:
        case OP_BEDRAG_ADD:
        L_BEDRAG_SUB:
        case OP_BEDRAG_SUB: {
            rt_value y = *--sp, *x = &sp[-1];
            if (x->tag != RV_BEDRAG || y.tag != RV_BEDRAG) {
                *x = vm_absent2(vx, x, &y);
            } else {
                int64_t c;
                bool ovf = op == OP_BEDRAG_ADD ? __builtin_add_overflow(x->u.cents, y.u.cents, &c)
                                               : __builtin_sub_overflow(x->u.cents, y.u.cents, &c);
                if (ovf)
                    return vm_fail(ev, r, ip->pc, err, BEDRAG_OVF_MSG);
                x->u.cents = c;
            }
            ip++;
            NEXT();
        }
        L_BEDRAG_NEG:
        case OP_BEDRAG_NEG:
            if (sp[-1].tag == RV_BEDRAG) {
                if (sp[-1].u.cents == INT64_MIN)
                    return vm_fail(ev, r, ip->pc, err, BEDRAG_OVF_MSG);
                sp[-1].u.cents = -sp[-1].u.cents;
            } else {
                sp[-1] = vm_absent1(&sp[-1]);
            }
            ip++;
            NEXT();
        L_BEDRAG_TO_GETAL:
        case OP_BEDRAG_TO_GETAL:
            sp[-1] = sp[-1].tag == RV_BEDRAG ? v_getal(num_from_cents(sp[-1].u.cents))
                                             : vm_absent1(&sp[-1]);
            ip++;
            NEXT();
        L_GETAL_TO_BEDRAG:
        case OP_GETAL_TO_BEDRAG:
            if (sp[-1].tag == RV_GETAL) {
                int64_t c;
                ns = num_to_cents(sp[-1].u.q, &c);
                if (ns == NUM_SYNTAX) {
                    char buf[NUM_FORMAT_CAP];
                    if (!num_format(sp[-1].u.q, ',', buf, sizeof buf))
                        snprintf(buf, sizeof buf, "%lld/%lld", (long long)sp[-1].u.q.num,
                                 (long long)sp[-1].u.q.den);
                    return vm_fail(ev, r, ip->pc, err, "%s euro is geen geheel aantal centen", buf);
                }
                if (ns != NUM_OK)
                    return vm_fail(ev, r, ip->pc, err, BEDRAG_OVF_MSG);
                sp[-1] = v_of_tag(RV_BEDRAG);
                sp[-1].u.cents = c;
            } else {
                sp[-1] = vm_absent1(&sp[-1]);
            }
            ip++;
            NEXT();
        L_ROUND:
        case OP_ROUND:
            if (sp[-1].tag == RV_GETAL) {
                num_q q;
                ns = num_round(sp[-1].u.q, (enum num_round_mode)ip->a, ip->b, &q);
                if (ns != NUM_OK)
                    return vm_arith_error(ev, r, ip->pc, ns, err);
                sp[-1].u.q = q;
            } else {
                sp[-1] = vm_absent1(&sp[-1]);
            }
            ip++;
            NEXT();
        L_LOAD_PARAM:
        case OP_LOAD_PARAM: {
            rt_value d = vm_peildatum(ev, o, reads);
            int rc = vm_load_param(ev, r, ip->pc, o, reads, ip->a, &d, sp, err);
            if (rc != REGEL_OK)
                return rc;
            sp++;
            ip++;
            NEXT();
        }
        L_LOAD_PARAM_AT:
        case OP_LOAD_PARAM_AT: {
            rt_value d = sp[-1];
            int rc = vm_load_param(ev, r, ip->pc, o, reads, ip->a, &d, &sp[-1], err);
            if (rc != REGEL_OK)
                return rc;
            ip++;
            NEXT();
        }
        L_MAKE_PERIODE:
        case OP_MAKE_PERIODE: {
            rt_value y = *--sp, *x = &sp[-1];
            if (x->tag != RV_DATUM || y.tag != RV_DATUM) {
                *x = vm_absent2(vx, x, &y);
            } else {
                period q = {x->u.day, y.u.day, false};
                *x = v_periode(q);
            }
            ip++;
            NEXT();
        }
        L_MAKE_PERIODE_OPEN:
        case OP_MAKE_PERIODE_OPEN:
            if (sp[-1].tag == RV_DATUM) {
                period q = {sp[-1].u.day, sp[-1].u.day, true};
                sp[-1] = v_periode(q);
            } else {
                sp[-1] = vm_absent1(&sp[-1]);
            }
            ip++;
            NEXT();
        L_PERIODE_VAN:
        case OP_PERIODE_VAN:
        L_PERIODE_TOT:
        case OP_PERIODE_TOT:
            if (sp[-1].tag != RV_PERIODE)
                sp[-1] = vm_absent1(&sp[-1]);
            else if (op == OP_PERIODE_TOT && sp[-1].u.periode.open)
                sp[-1] = v_unknown(); /* a running period: its end is not known (no cause) */
            else
                sp[-1] = v_day(op == OP_PERIODE_VAN ? sp[-1].u.periode.van : sp[-1].u.periode.tot);
            ip++;
            NEXT();
        L_PERIODE_BEVAT:
        case OP_PERIODE_BEVAT:
        L_PERIODE_DUURT:
        case OP_PERIODE_DUURT: {
            rt_value y = *--sp, *x = &sp[-1];
            if (x->tag != RV_PERIODE || y.tag != (op == OP_PERIODE_BEVAT ? RV_DATUM : RV_DUUR))
                *x = vm_absent_cmp(vx, x, &y);
            else if (op == OP_PERIODE_BEVAT)
                *x = v_bool(period_contains(v_to_period(x), y.u.day));
            else
                *x = v_bool(period_lasts(v_to_period(x), y.u.duur.months, y.u.duur.days));
            ip++;
            NEXT();
        }
        L_PERIODE_DAGEN:
        case OP_PERIODE_DAGEN:
            if (sp[-1].tag == RV_PERIODE) {
                if (sp[-1].u.periode.open)
                    return vm_fail(ev, r, ip->pc, err, OPEN_PERIOD_MSG);
                sp[-1] = v_getal(num_int(period_days(v_to_period(&sp[-1]))));
            } else {
                sp[-1] = vm_absent1(&sp[-1]);
            }
            ip++;
            NEXT();
        L_PERIODES_MERGE:
        case OP_PERIODES_MERGE:
        L_PERIODES_CLIP:
        case OP_PERIODES_CLIP:
        L_PERIODES_DAGEN:
        case OP_PERIODES_DAGEN:
        L_PERIODES_LANGSTE:
        case OP_PERIODES_LANGSTE: {
            rt_value w = v_unknown();
            if (op == OP_PERIODES_CLIP)
                w = *--sp;
            rt_value *x = &sp[-1];
            period *ps;
            bool ok;
            if (x->tag != RV_LIJST || (op == OP_PERIODES_CLIP && w.tag != RV_PERIODE)) {
                *x = op == OP_PERIODES_CLIP ? vm_absent2(vx, x, &w) : vm_absent1(x);
                ip++;
                NEXT();
            }
            if (!vm_periods(ev, x, &ps, &ok)) {
                if (!ok)
                    return vm_oom(err);
                *x = v_unknown(); /* an onbekend element */
                ip++;
                NEXT();
            }
            size_t n = x->u.list.n;
            if (op == OP_PERIODES_MERGE || op == OP_PERIODES_CLIP) {
                n = op == OP_PERIODES_MERGE ? period_merge(ps, n)
                                            : period_clip(ps, n, v_to_period(&w));
                if (!vm_period_list(ev, ps, n, x))
                    return vm_oom(err);
            } else if (op == OP_PERIODES_DAGEN) {
                for (size_t i = 0; i < n; i++)
                    if (ps[i].open)
                        return vm_fail(ev, r, ip->pc, err, OPEN_PERIOD_MSG);
                period *scratch = arena_alloc(ev->arena, (n ? n : 1) * sizeof *scratch);
                int64_t days;
                if (!scratch)
                    return vm_oom(err);
                if (!period_total_days(ps, n, scratch, &days))
                    return vm_fail(ev, r, ip->pc, err, "getal te groot (overloop)");
                *x = v_getal(num_int(days));
            } else {
                n = period_merge(ps, n);
                if (n == 0) {
                    *x = v_of_tag(RV_LEEG);
                } else {
                    size_t best = 0; /* an open run is the longest; ties: the earliest */
                    for (size_t i = 1; i < n; i++) {
                        if (ps[best].open)
                            break;
                        if (ps[i].open || period_days(ps[i]) > period_days(ps[best]))
                            best = i;
                    }
                    *x = v_periode(ps[best]);
                }
            }
            ip++;
            NEXT();
        }
        L_LIST_LEN:
        case OP_LIST_LEN:
            sp[-1] =
                sp[-1].tag == RV_LIJST ? v_getal(num_int(sp[-1].u.list.n)) : vm_absent1(&sp[-1]);
            ip++;
            NEXT();
        L_LIST_NEW:
        case OP_LIST_NEW:
            *sp = v_of_tag(RV_LIJST);
            sp->u.list.items = NULL;
            sp->u.list.n = 0;
            sp++;
            ip++;
            NEXT();
        L_LIST_APPEND:
        case OP_LIST_APPEND: {
            rt_value e = *--sp, *l = &sp[-1];
            if (l->tag != RV_LIJST) {
                *l = vm_absent1(l);
                ip++;
                NEXT();
            }
            if (e.tag == RV_LEEG)
                e = v_unknown();
            uint32_t n = l->u.list.n;
            if (n == UINT32_MAX)
                return vm_fail(ev, r, ip->pc, err, "lijst te lang");
            if (!(grow_items && l->u.list.items == grow_items && n == grow_n && n < grow_cap)) {
                uint32_t cap = n < 4 ? 8 : (n > UINT32_MAX / 2 ? UINT32_MAX : 2 * n);
                rt_value *items = arena_alloc(ev->arena, (size_t)cap * sizeof *items);
                if (!items)
                    return vm_oom(err);
                if (n)
                    memcpy(items, l->u.list.items, (size_t)n * sizeof *items);
                grow_items = items;
                grow_cap = cap;
            }
            grow_items[n] = e;
            grow_n = n + 1;
            l->u.list.items = grow_items;
            l->u.list.n = grow_n;
            ip++;
            NEXT();
        }
        L_ITER_BEGIN:
        case OP_ITER_BEGIN: {
            /* An onbekend list is iterated as one onbekend element, so every
             * accumulator that depends on an element becomes onbekend. */
            static const rt_value unknown_one = {0};
            struct vm_slot *sl = &slots[ip->a];
            rt_value l = *--sp;
            sl->unknown = l.tag != RV_LIJST && l.tag != RV_GEEN;
            sl->causes = v_causes(&l);
            if (l.tag == RV_LIJST) {
                sl->items = l.u.list.items;
                sl->n = l.u.list.n;
            } else if (l.tag == RV_GEEN) { /* a geen list: no iterations */
                sl->items = NULL;
                sl->n = 0;
            } else {
                sl->items = &unknown_one;
                sl->n = 1;
            }
            sl->next = 0;
            ip++;
            NEXT();
        }
        L_ITER_NEXT:
        case OP_ITER_NEXT:
        L_LOOP_NEXT:
        case VM_LOOP_NEXT: { /* LOOP_NEXT: a LOOP doing the ITER_NEXT it goes to */
            struct vm_slot *sl = &slots[ip->a];
            if (sl->next < sl->n) {
                if (++vx->steps > VM_MAX_STEPS)
                    return vm_fail(ev, r, ip->pc, err,
                                   "de berekening is te groot: meer dan 10 miljoen stappen in "
                                   "lussen over lijsten (maak de lijsten korter of vermijd lussen "
                                   "in lussen)");
                sl->cur = sl->items[sl->next++];
                if (sl->unknown)
                    sl->cur.u.causes = sl->causes;
                ip = op == OP_ITER_NEXT ? ip + 1 : base + ip->c;
            } else {
                if (sl->unknown && sp > ev->stack) /* the accumulator */
                    sp[-1] = v_unknown_c(vm_union(vx, v_causes(&sp[-1]), sl->causes));
                ip = base + ip->b;
            }
            NEXT();
        }
        L_LOOP:
        case OP_LOOP:
            ip = base + ip->a;
            NEXT();
        L_LOAD_LOCAL:
        case OP_LOAD_LOCAL:
            *sp++ = slots[ip->a].cur;
            ip++;
            NEXT();
        L_LOCAL_FIELD:
        case VM_LOCAL_FIELD: /* LOAD_LOCAL a; FIELD b */
            *sp = slots[ip->a].cur;
            if (sp->tag == RV_RECORD) {
                const rt_value *fields = sp->u.fields;
                *sp = fields[ip->b];
                if (sp->tag == RV_ONBEKEND && !sp->u.causes)
                    sp->u.causes = vm_field_causes(vx, fields);
            }
            sp++;
            ip++;
            NEXT();
        L_JUMP_IF_NOT_LEEG:
        case OP_JUMP_IF_NOT_LEEG:
            if (sp[-1].tag != RV_LEEG)
                ip = base + ip->a;
            else
                ip++;
            NEXT();
        L_POP:
        case OP_POP:
            sp--;
            ip++;
            NEXT();
        L_ACC_MIN:
        case OP_ACC_MIN:
        L_ACC_MAX:
        case OP_ACC_MAX: {
            rt_value y = *--sp, *acc = &sp[-1];
            if (acc->tag == RV_ONBEKEND || y.tag == RV_ONBEKEND || y.tag == RV_LEEG) {
                /* onbekend sticks; causes unite */
                *acc = v_unknown_c(vm_union(vx, v_causes(acc), v_causes(&y)));
            } else if (acc->tag == RV_GEEN || y.tag == RV_GEEN) {
                /* a geen value makes minimum/maximum geen (spec4 §2: list
                 * operations with a geen operand give geen) */
                *acc = v_of_tag(RV_GEEN);
            } else if (acc->tag == RV_LEEG) {
                *acc = y;
            } else {
                int c = vm_order(&y, acc);
                if (op == OP_ACC_MIN ? c < 0 : c > 0)
                    *acc = y;
            }
            ip++;
            NEXT();
        }
        L_ACC_FIRST_BY:
        case OP_ACC_FIRST_BY:
        L_ACC_LAST_BY:
        case OP_ACC_LAST_BY: {
            rt_value kk = sp[-1], e = sp[-2], *ak = &sp[-3], *ae = &sp[-4];
            sp -= 2;
            if (ak->tag == RV_ONBEKEND || !vm_known(&kk)) {
                /* onbekend sticks; causes unite */
                const uint8_t *c = vm_union(vx, v_causes(ak), v_causes(&kk));
                *ae = v_unknown_c(c);
                *ak = v_unknown_c(c);
            } else if (kk.tag == RV_GEEN) {
                /* an element whose key is geen is never chosen */
            } else if (ak->tag == RV_LEEG ||
                       (op == OP_ACC_FIRST_BY ? vm_order(&kk, ak) < 0 : vm_order(&kk, ak) >= 0)) {
                *ae = e;
                *ak = kk;
            }
            ip++;
            NEXT();
        }
            /* ---- explanation ---- */
        L_NOTE:
        case OP_NOTE:
            if (explain) /* the atom's value; the stack is unchanged */
                ev->atom_value[ip->a] = vm_way(&sp[-1]);
            ip++;
            NEXT();
            /* ---- unknown and none ---- */
        L_PUSH_GEEN:
        case OP_PUSH_GEEN:
            *sp++ = v_of_tag(RV_GEEN);
            ip++;
            NEXT();
        L_IS_KNOWN:
        case OP_IS_KNOWN: /* never onbekend: no causes */
            sp[-1] = v_bool(sp[-1].tag != RV_ONBEKEND && sp[-1].tag != RV_LEEG);
            ip++;
            NEXT();
        L_IS_GEEN:
        case OP_IS_GEEN:
            if (sp[-1].tag != RV_ONBEKEND) /* onbekend stays, with its causes */
                sp[-1] = v_bool(sp[-1].tag == RV_GEEN);
            ip++;
            NEXT();
            /* ---- host functions (issue 8) ---- */
        L_CALL_EXTERN:
        case OP_CALL_EXTERN: {
            uint32_t fi = ip->a;
            const rt_extern *xf = &p->externs[fi];
            rt_value *argv = sp - xf->n_params; /* verified: n_params values of its types */
            const uint8_t *uc = NULL;
            bool unknown = false, none = false;
            for (uint32_t k = 0; k < xf->n_params; k++) {
                if (!vm_known(&argv[k])) {
                    unknown = true;
                    uc = vm_union(vx, uc, v_causes(&argv[k]));
                } else if (argv[k].tag == RV_GEEN) {
                    none = true;
                }
            }
            rt_value res;
            if (unknown) { /* not called: onbekend beats geen */
                res = v_unknown_c(uc);
            } else if (none) {
                res = v_of_tag(RV_GEEN);
            } else {
                if (!xf->bound) /* regel_evaluate checks this before running */
                    return vm_fail(ev, r, ip->pc, err, "externe functie ‘%s’ is niet gebonden",
                                   xf->name);
                char msg[400];
                int rc = host_call(xf->bound, argv, ev->arena, &res, msg, sizeof msg);
                if (rc == REGEL_ERR_MEMORY)
                    return vm_oom(err);
                if (rc != REGEL_OK)
                    return vm_fail(ev, r, ip->pc, err, "%s", msg);
                if (reads)
                    vm_trace_call(vx, o, fi, argv, &res);
            }
            sp -= xf->n_params;
            *sp++ = res;
            ip++;
            NEXT();
        }
        default:
            /* unreachable for verified code */
            return rt_error(err, REGEL_ERR_EVAL, vm_file(p), 0, 0,
                            "interne fout: onbekende opcode %u in regel ‘%s’", op, r->name);
        }
    }
}

/* ---- default logic ---- */

static int vm_conflict(regel_eval *ev, uint32_t a, uint32_t b, uint32_t o, regel_error *err)
{
    const regel_policy *p = ev->policy;
    const rt_rule *rb = &p->rules[b];
    return rt_error(err, REGEL_ERR_EVAL, vm_file(p), rb->line, rb->col,
                    "conflict: de regels ‘%s’ en ‘%s’ zijn allebei van toepassing op ‘%s’, en geen "
                    "van beide is een uitzondering op de andere",
                    p->rules[a].name, rb->name, p->outcomes[o].name);
}

/* The validity of rule r on the peildatum: 1 inside (or no validity), 0
 * outside, -1 peildatum onbekend (*causes: its causes). */
static int vm_valid(regel_eval *ev, const rt_rule *r, uint32_t o, bool explain,
                    const uint8_t **causes)
{
    if (r->valid_from == RBC_NONE && r->valid_until == RBC_NONE)
        return 1;
    rt_value d = vm_peildatum(ev, o, explain); /* verified: peildatum exists */
    if (d.tag != RV_DATUM) {
        *causes = v_causes(&d);
        return -1;
    }
    return (r->valid_from == RBC_NONE || (uint32_t)d.u.day >= r->valid_from) &&
           (r->valid_until == RBC_NONE || (uint32_t)d.u.day < r->valid_until);
}

/* Explaining: rule ri was not run because an exception applied or was
 * onbekend; run its block for the trace alone (its own value, the one the
 * exception sets aside). Nothing else of the evaluation changes: its result
 * and causes are dropped, its reads are not recorded (the outcome's facts
 * stay those of the rules that decided), coverage is not recorded, and an
 * evaluation error in it only leaves the rule EV_RULE_NOT_RUN. */
static int vm_trace_set_aside(struct vm_ctx *x, uint32_t ri, uint32_t o, regel_error *err)
{
    regel_eval *ev = &x->pub;
    const uint8_t *causes = NULL;
    int valid = vm_valid(ev, &ev->policy->rules[ri], o, false, &causes);
    if (valid != 1) {
        vm_trace_rule(ev, ri, valid == 0 ? EV_RULE_OUT_OF_FORCE : EV_RULE_DATE_UNKNOWN);
        return REGEL_OK;
    }
    uint8_t st;
    rt_value val;
    bool coverage = x->coverage;
    x->coverage = false;
    x->set_aside = true;
    int rc = vm_run(ev, ri, o, true, &st, &val, &causes, NULL);
    x->set_aside = false;
    x->coverage = coverage;
    if (rc == REGEL_ERR_MEMORY)
        return vm_oom(err);
    if (rc != REGEL_OK) { /* as if it had not run: drop what it noted */
        const rt_rule *r = &ev->policy->rules[ri];
        vm_trace_rule(ev, ri, EV_RULE_NOT_RUN);
        for (uint32_t k = 0; k < r->n_branches; k++) {
            const rt_branch *br = &r->branches[k];
            ev->branch_cond[r->first_branch + k] = 0;
            for (uint32_t m = 0; m < br->n_nodes; m++)
                if (br->nodes[m].kind == RBC_CN_ATOM)
                    ev->atom_value[br->nodes[m].arg] = 0;
        }
    }
    return REGEL_OK;
}

/* Rule ri, none of whose exceptions applied or was onbekend: its validity on
 * the peildatum, then its block. Stores its resolve() result per rule. */
static int vm_resolve_rule(struct vm_ctx *x, uint32_t ri, uint32_t o, bool explain,
                           regel_error *err)
{
    regel_eval *ev = &x->pub;
    const rt_rule *r = &ev->policy->rules[ri];
    const uint8_t *causes = NULL;
    uint8_t st;
    rt_value val = v_unknown();
    uint32_t dec = RBC_NONE;
    int valid = vm_valid(ev, r, o, explain, &causes);
    if (valid == 1) {
        int rc = vm_run(ev, ri, o, explain, &st, &val, &causes, err);
        if (rc != REGEL_OK)
            return rc;
        if (st == RS_APPLIED)
            dec = ri;
    } else {
        st = valid == 0 ? RS_NOT_APPLIED : RS_UNKNOWN;
        if (explain)
            vm_trace_rule(ev, ri, valid == 0 ? EV_RULE_OUT_OF_FORCE : EV_RULE_DATE_UNKNOWN);
    }
    x->rule_state[ri] = st;
    x->rule_value[ri] = val;
    x->rule_decider[ri] = dec;
    x->rule_causes[ri] = st == RS_UNKNOWN ? causes : NULL;
    return REGEL_OK;
}

/* The resolved rules kids[0..nk) of outcome o side by side: *first the one
 * that applied (RBC_NONE: none; two is a conflict), *unknown whether one was
 * onbekend, *causes the union of their causes. */
static int vm_combine(struct vm_ctx *x, const uint32_t *kids, uint32_t nk, uint32_t o,
                      uint32_t *first, bool *unknown, const uint8_t **causes, regel_error *err)
{
    *first = RBC_NONE;
    *unknown = false;
    *causes = NULL;
    for (uint32_t i = 0; i < nk; i++) {
        uint32_t c = kids[i];
        if (x->rule_state[c] == RS_APPLIED) {
            if (*first != RBC_NONE)
                return vm_conflict(&x->pub, *first, c, o, err);
            *first = c;
            const uint8_t *vc = v_causes(&x->rule_value[c]);
            if (vc)
                *causes = vm_union(x, *causes, vc);
        } else if (x->rule_state[c] == RS_UNKNOWN) {
            *unknown = true;
            *causes = vm_union(x, *causes, x->rule_causes[c]);
        }
    }
    return REGEL_OK;
}

/* Outcome o from its root rules combined (vm_combine's results). */
static void vm_set_outcome(struct vm_ctx *x, uint32_t o, uint32_t first, bool unknown,
                           const uint8_t *causes)
{
    regel_eval *ev = &x->pub;
    if (!unknown && first != RBC_NONE && x->rule_value[first].tag != RV_ONBEKEND) {
        ev->status[o] = EV_DECIDED;
        ev->values[o] = x->rule_value[first];
        ev->decided_by[o] = x->rule_decider[first];
        ev->causes[o] = NULL;
        return;
    }
    if (!unknown) /* applied with an onbekend value counts as onbekend */
        causes = first != RBC_NONE ? x->rule_value[first].u.causes : NULL;
    ev->status[o] = unknown || first != RBC_NONE ? EV_UNKNOWN : EV_NO_RULE;
    ev->values[o] = v_unknown_c(causes); /* LOAD_OUTCOME passes them on */
    ev->decided_by[o] = RBC_NONE;
    ev->causes[o] = causes;
}

/* Resolve an outcome none of whose root rules has exceptions (the common
 * shape): run every root, then combine — the walk below without its stack. */
static int vm_resolve_flat(struct vm_ctx *x, uint32_t o, bool explain, regel_error *err)
{
    const rt_outcome *out = &x->pub.policy->outcomes[o];
    for (uint32_t k = 0; k < out->n_roots; k++) {
        int rc = vm_resolve_rule(x, out->roots[k], o, explain, err);
        if (rc != REGEL_OK)
            return rc;
    }
    uint32_t first;
    bool unknown;
    const uint8_t *causes;
    int rc = vm_combine(x, out->roots, out->n_roots, o, &first, &unknown, &causes, err);
    if (rc == REGEL_OK)
        vm_set_outcome(x, o, first, unknown, causes);
    return rc;
}

/* Resolve an outcome whose one rule has no exceptions and no validity (the
 * most common shape): its block's result is the outcome's, as vm_set_outcome
 * would set it, without storing the rule's own state (nothing reads it). */
static int vm_resolve_single(struct vm_ctx *x, uint32_t ri, uint32_t o, bool explain,
                             regel_error *err)
{
    regel_eval *ev = &x->pub;
    const uint8_t *causes = NULL;
    uint8_t st;
    rt_value val;
    int rc = vm_run(ev, ri, o, explain, &st, &val, &causes, err);
    if (rc != REGEL_OK)
        return rc;
    if (st == RS_APPLIED && val.tag != RV_ONBEKEND) {
        ev->status[o] = EV_DECIDED;
        ev->values[o] = val;
        ev->decided_by[o] = ri;
        ev->causes[o] = NULL;
        return REGEL_OK;
    }
    if (st == RS_APPLIED) /* applied with an onbekend value counts as onbekend */
        causes = val.u.causes;
    else if (st == RS_NOT_APPLIED)
        causes = NULL;
    ev->status[o] = st == RS_NOT_APPLIED ? EV_NO_RULE : EV_UNKNOWN;
    ev->values[o] = v_unknown_c(causes);
    ev->decided_by[o] = RBC_NONE;
    ev->causes[o] = causes;
    return REGEL_OK;
}

/* Resolve outcome o: post-order walk over its exception tree with an explicit
 * stack (no recursion), exactly the recursive resolve() of spec §4. */
static int vm_resolve(struct vm_ctx *x, uint32_t o, bool explain, regel_error *err)
{
    if (x->lone[o] != RBC_NONE)
        return vm_resolve_single(x, x->lone[o], o, explain, err);
    if (x->flat[o])
        return vm_resolve_flat(x, o, explain, err);
    regel_eval *ev = &x->pub;
    const regel_policy *p = ev->policy;
    const rt_outcome *out = &p->outcomes[o];
    struct vm_frame *fr = x->frames;
    uint32_t sp = 0;
    fr[sp++] = (struct vm_frame){RBC_NONE, 0};
    while (sp > 0) {
        struct vm_frame *f = &fr[sp - 1];
        const uint32_t *kids;
        uint32_t nk;
        if (f->rule == RBC_NONE) {
            kids = out->roots;
            nk = out->n_roots;
        } else {
            kids = p->rules[f->rule].children;
            nk = p->rules[f->rule].n_children;
        }
        if (f->next < nk) {
            uint32_t child = kids[f->next++];
            fr[sp++] = (struct vm_frame){child, 0}; /* depth <= n_rules + 1 */
            continue;
        }
        /* every child is resolved: combine */
        uint32_t first;
        bool unknown;
        const uint8_t *causes;
        int rc = vm_combine(x, kids, nk, o, &first, &unknown, &causes, err);
        if (rc != REGEL_OK)
            return rc;
        if (f->rule == RBC_NONE) {
            vm_set_outcome(x, o, first, unknown, causes);
        } else if (!unknown && first == RBC_NONE) {
            rc = vm_resolve_rule(x, f->rule, o, explain, err);
            if (rc != REGEL_OK)
                return rc;
        } else {
            /* an exception applied or was onbekend: this rule does not run */
            if (explain) {
                rc = vm_trace_set_aside(x, f->rule, o, err);
                if (rc != REGEL_OK)
                    return rc;
            }
            uint32_t ri = f->rule;
            x->rule_state[ri] = unknown ? RS_UNKNOWN : RS_APPLIED;
            x->rule_value[ri] = unknown ? v_unknown() : x->rule_value[first];
            x->rule_decider[ri] = unknown ? RBC_NONE : x->rule_decider[first];
            x->rule_causes[ri] = unknown ? causes : NULL;
        }
        sp--;
    }
    return REGEL_OK;
}

REGEL_API int regel_evaluate(regel_eval *ev, const regel_case *c, unsigned flags, regel_error *err)
{
    if (!ev || !c)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_evaluate: ongeldige argumenten (NULL)");
    const regel_policy *p = ev->policy;
    if (c->policy != p)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_evaluate: het geval hoort bij een ander beleid");
    if (p->n_inputs && !c->facts)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_evaluate: het geval heeft geen feiten");
    if (flags & ~(REGEL_EXPLAIN | REGEL_COVERAGE))
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_evaluate: onbekende vlaggen 0x%x (bekend: REGEL_EXPLAIN, "
                        "REGEL_COVERAGE)",
                        flags & ~(REGEL_EXPLAIN | REGEL_COVERAGE));
    for (uint32_t i = 0; i < p->n_externs; i++)
        if (!p->externs[i].bound)
            return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                            "externe functie ‘%s’ is niet gebonden (regel_policy_bind)",
                            p->externs[i].name);
    struct vm_ctx *x = (struct vm_ctx *)ev;
    bool explain = (flags & REGEL_EXPLAIN) != 0;
    x->coverage = (flags & REGEL_COVERAGE) != 0;
    arena_reset(ev->arena);
    if (explain || x->reads_dirty)
        vm_clear_reads(x);
    x->reads_dirty = explain;
    x->steps = 0;
    ev->calls = ev->calls_tail = NULL;
    if (x->coverage && p->n_conds)
        memset(ev->cond_seen, 0, p->n_conds);
    ev->evaluated = false;
    ev->explained = explain;
    ev->kase = c;
    if (!atomic_load_explicit(&c->fits, memory_order_relaxed)) {
        for (uint32_t i = 0; i < p->n_inputs; i++)
            if (!vm_value_fits(p, p->inputs[i].type, p->inputs[i].flags, &c->facts[i], 0))
                return rt_error(err, REGEL_ERR_CASE, c->name, 0, 0,
                                "feit ‘%s’ in het geval past niet bij zijn type in het beleid",
                                p->inputs[i].name);
        /* the case object is never defined const; only the pointer is */
        atomic_store_explicit((atomic_bool *)&c->fits, true, memory_order_relaxed);
    }
    memset(ev->missing, 0, p->n_inputs ? p->n_inputs : 1);
    if (p->n_inputs)
        memset(x->single, 0, p->n_inputs * sizeof *x->single);
    x->origins_built = false;
    x->n_origins = 0;
    x->oom = false;
    if (explain) {
        for (uint32_t i = 0; i < p->n_rules; i++)
            vm_trace_rule(ev, i, EV_RULE_NOT_RUN);
        if (p->n_branches_total)
            memset(ev->branch_cond, 0, p->n_branches_total);
        if (p->n_atoms)
            memset(ev->atom_value, 0, p->n_atoms);
    }
    /* every outcome is set by vm_resolve, each before any rule reads it
     * (LOAD_OUTCOME reads only earlier outcomes: verified) */
    int rc = REGEL_OK;
    for (uint32_t o = 0; rc == REGEL_OK && o < p->n_outcomes; o++) {
        rc = vm_resolve(x, o, explain, err);
        if (explain)
            vm_close_reads(x, o);
        if (rc == REGEL_OK && x->oom)
            rc = vm_oom(err);
    }
    if (explain)
        vm_place_reads(x);
    if (rc != REGEL_OK)
        return rc;
    /* ontbrekend: the causes of the onbekend uitkomsten (begrippen only
     * through the uitkomsten that depend on them) */
    for (uint32_t o = 0; o < p->n_outcomes; o++) {
        const uint8_t *oc = ev->causes[o];
        if (oc && (p->outcomes[o].flags & RBC_OUTCOME_OUTPUT))
            for (uint32_t i = 0; i < p->n_inputs; i++)
                ev->missing[i] |= oc[i];
    }
    ev->evaluated = true;
    return REGEL_OK;
}
