/* vm.c — the evaluator: runs verified rule blocks over a case (Kleene logic,
 * exact arithmetic) and resolves every outcome by default logic (spec §4).
 * Must not call malloc while evaluating (everything is sized in
 * regel_eval_new) and must not recurse on policy-controlled depth. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
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
};

static bool mul_ok(size_t a, size_t b, size_t *out)
{
    if (a && b > SIZE_MAX / a)
        return false;
    *out = a * b;
    return true;
}

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
    free(ev->missing);
    free(x->rule_state);
    free(x->rule_value);
    free(x->rule_decider);
    free(x->frames);
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
    size_t n_ri, n_ro;
    ev->policy = p;
    ev->arena = arena_new(16384);
    ok = ev->arena != NULL;
    ev->stack = vm_calloc(p->max_stack, sizeof *ev->stack, &ok);
    ev->values = vm_calloc(p->n_outcomes, sizeof *ev->values, &ok);
    ev->status = vm_calloc(p->n_outcomes, sizeof *ev->status, &ok);
    ev->decided_by = vm_calloc(p->n_outcomes, sizeof *ev->decided_by, &ok);
    if (mul_ok(p->n_outcomes, p->n_inputs, &n_ri) && mul_ok(p->n_outcomes, p->n_outcomes, &n_ro)) {
        ev->reads_input = vm_calloc(n_ri, 1, &ok);
        ev->reads_outcome = vm_calloc(n_ro, 1, &ok);
    } else {
        ok = false;
    }
    ev->missing = vm_calloc(p->n_inputs, 1, &ok);
    x->rule_state = vm_calloc(p->n_rules, 1, &ok);
    x->rule_value = vm_calloc(p->n_rules, sizeof *x->rule_value, &ok);
    x->rule_decider = vm_calloc(p->n_rules, sizeof *x->rule_decider, &ok);
    x->frames = vm_calloc((size_t)p->n_rules + 1, sizeof *x->frames, &ok);
    if (!ok) {
        regel_eval_free(ev);
        return NULL;
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
static bool vm_value_fits(const regel_policy *p, uint32_t type, const rt_value *v, unsigned depth)
{
    if (v->tag == RV_ONBEKEND)
        return true;
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
            if (!vm_value_fits(p, t->fields[i].type, &v->u.fields[i], depth + 1))
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

static inline uint32_t rd32(const uint8_t *c)
{
    return (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 | (uint32_t)c[3] << 24;
}

static int vm_arith_error(regel_eval *ev, const rt_rule *r, uint32_t off, enum num_status st,
                          regel_error *err)
{
    uint32_t line, col;
    policy_pos(ev->policy, off, &line, &col);
    return rt_error(err, REGEL_ERR_EVAL, vm_file(ev->policy), line, col, "%s in regel ‘%s’",
                    st == NUM_DIVZERO ? "deling door nul" : "getal te groot (overloop)", r->name);
}

/* Run the block of rule ri for outcome o; *state is RS_*, *value the result. */
static int vm_run(regel_eval *ev, uint32_t ri, uint32_t o, bool explain, uint8_t *state,
                  rt_value *value, regel_error *err)
{
    const regel_policy *p = ev->policy;
    const rt_rule *r = &p->rules[ri];
    const uint8_t *code = p->code;
    const rt_value *facts = ev->kase->facts;
    uint8_t *in_row = ev->reads_input + (size_t)o * p->n_inputs;
    uint8_t *out_row = ev->reads_outcome + (size_t)o * p->n_outcomes;
    rt_value *sp = ev->stack; /* next free slot */
    uint32_t pc = r->code_off;
    enum num_status ns;

    for (;;) {
        uint8_t op = code[pc];
        switch ((enum rbc_opcode)op) {
        case OP_PUSH_TRUE:
            *sp++ = v_bool(true);
            pc += 1;
            break;
        case OP_PUSH_FALSE:
            *sp++ = v_bool(false);
            pc += 1;
            break;
        case OP_PUSH_CONST: {
            const rt_const *c = &p->consts[rd32(code + pc + 1)];
            rt_value v = v_unknown();
            if (c->kind == RBC_CONST_GETAL) {
                v.tag = RV_GETAL;
                v.u.q = c->q;
            } else {
                v.tag = RV_TEKST;
                v.u.str.s = c->s;
                v.u.str.len = c->len;
            }
            *sp++ = v;
            pc += 5;
            break;
        }
        case OP_PUSH_ENUM: {
            rt_value v = v_unknown();
            v.tag = RV_MEMBER;
            v.u.member = rd32(code + pc + 5);
            *sp++ = v;
            pc += 9;
            break;
        }
        case OP_LOAD_INPUT: {
            uint32_t i = rd32(code + pc + 1);
            *sp = facts[i];
            ev->missing[i] |= (uint8_t)(sp->tag == RV_ONBEKEND);
            if (explain)
                in_row[i] = 1;
            sp++;
            pc += 5;
            break;
        }
        case OP_LOAD_OUTCOME: {
            uint32_t k = rd32(code + pc + 1);
            *sp++ = ev->values[k];
            if (explain)
                out_row[k] = 1;
            pc += 5;
            break;
        }
        case OP_FIELD:
            if (sp[-1].tag == RV_RECORD)
                sp[-1] = sp[-1].u.fields[rd32(code + pc + 1)];
            pc += 5;
            break;
        case OP_NOT:
            if (sp[-1].tag == RV_WAARHEID)
                sp[-1].u.b = !sp[-1].u.b;
            pc += 1;
            break;
        case OP_AND: {
            rt_value y = *--sp, *x = &sp[-1];
            if ((x->tag == RV_WAARHEID && !x->u.b) || (y.tag == RV_WAARHEID && !y.u.b))
                *x = v_bool(false);
            else if (x->tag != RV_WAARHEID || y.tag != RV_WAARHEID)
                *x = v_unknown();
            else
                *x = v_bool(true);
            pc += 1;
            break;
        }
        case OP_OR: {
            rt_value y = *--sp, *x = &sp[-1];
            if ((x->tag == RV_WAARHEID && x->u.b) || (y.tag == RV_WAARHEID && y.u.b))
                *x = v_bool(true);
            else if (x->tag != RV_WAARHEID || y.tag != RV_WAARHEID)
                *x = v_unknown();
            else
                *x = v_bool(false);
            pc += 1;
            break;
        }
        case OP_JUMP_IF_FALSE_KEEP:
            if (sp[-1].tag == RV_WAARHEID && !sp[-1].u.b)
                pc = rd32(code + pc + 1);
            else
                pc += 5;
            break;
        case OP_JUMP_IF_TRUE_KEEP:
            if (sp[-1].tag == RV_WAARHEID && sp[-1].u.b)
                pc = rd32(code + pc + 1);
            else
                pc += 5;
            break;
        case OP_EQ:
        case OP_NE: {
            rt_value y = *--sp, *x = &sp[-1];
            if (x->tag == RV_ONBEKEND || y.tag == RV_ONBEKEND) {
                *x = v_unknown();
            } else {
                bool eq = x->tag == y.tag && vm_equal(x, &y);
                *x = v_bool(op == OP_EQ ? eq : !eq);
            }
            pc += 1;
            break;
        }
        case OP_LT:
        case OP_LE:
        case OP_GT:
        case OP_GE: {
            rt_value y = *--sp, *x = &sp[-1];
            if (x->tag != RV_GETAL || y.tag != RV_GETAL) {
                *x = v_unknown();
            } else {
                int c = num_cmp(x->u.q, y.u.q);
                bool res = op == OP_LT   ? c < 0
                           : op == OP_LE ? c <= 0
                           : op == OP_GT ? c > 0
                                         : c >= 0;
                *x = v_bool(res);
            }
            pc += 1;
            break;
        }
        case OP_ADD:
        case OP_SUB:
        case OP_MUL:
        case OP_DIV: {
            rt_value y = *--sp, *x = &sp[-1];
            if (x->tag != RV_GETAL || y.tag != RV_GETAL) {
                *x = v_unknown();
            } else {
                num_q q;
                ns = op == OP_ADD   ? num_add(x->u.q, y.u.q, &q)
                     : op == OP_SUB ? num_sub(x->u.q, y.u.q, &q)
                     : op == OP_MUL ? num_mul(x->u.q, y.u.q, &q)
                                    : num_div(x->u.q, y.u.q, &q);
                if (ns != NUM_OK)
                    return vm_arith_error(ev, r, pc, ns, err);
                x->u.q = q;
            }
            pc += 1;
            break;
        }
        case OP_NEG:
            if (sp[-1].tag == RV_GETAL) {
                num_q q;
                ns = num_neg(sp[-1].u.q, &q);
                if (ns != NUM_OK)
                    return vm_arith_error(ev, r, pc, ns, err);
                sp[-1].u.q = q;
            }
            pc += 1;
            break;
        case OP_JUMP:
            pc = rd32(code + pc + 1);
            break;
        case OP_COND: {
            rt_value c = *--sp;
            if (c.tag != RV_WAARHEID)
                pc = rd32(code + pc + 5);
            else if (!c.u.b)
                pc = rd32(code + pc + 1);
            else
                pc += 9;
            break;
        }
        case OP_RESULT:
            *value = *--sp;
            *state = RS_APPLIED;
            return REGEL_OK;
        case OP_NOT_APPLIED:
            *state = RS_NOT_APPLIED;
            return REGEL_OK;
        case OP_RESULT_UNKNOWN:
            *state = RS_UNKNOWN;
            return REGEL_OK;
        case OP__COUNT:
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

/* Resolve outcome o: post-order walk over its exception tree with an explicit
 * stack (no recursion), exactly the recursive resolve() of spec §4. */
static int vm_resolve(struct vm_ctx *x, uint32_t o, bool explain, regel_error *err)
{
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
        uint32_t first = RBC_NONE;
        bool unknown = false;
        for (uint32_t i = 0; i < nk; i++) {
            uint32_t c = kids[i];
            if (x->rule_state[c] == RS_APPLIED) {
                if (first != RBC_NONE)
                    return vm_conflict(ev, first, c, o, err);
                first = c;
            } else if (x->rule_state[c] == RS_UNKNOWN) {
                unknown = true;
            }
        }
        uint8_t st;
        rt_value val = v_unknown();
        uint32_t dec = RBC_NONE;
        if (unknown) {
            st = RS_UNKNOWN;
        } else if (first != RBC_NONE) {
            st = RS_APPLIED;
            val = x->rule_value[first];
            dec = x->rule_decider[first];
        } else if (f->rule != RBC_NONE) {
            int rc = vm_run(ev, f->rule, o, explain, &st, &val, err);
            if (rc != REGEL_OK)
                return rc;
            if (st == RS_APPLIED)
                dec = f->rule;
        } else {
            st = RS_NOT_APPLIED;
        }
        if (f->rule == RBC_NONE) {
            if (st == RS_APPLIED && val.tag != RV_ONBEKEND) {
                ev->status[o] = EV_DECIDED;
                ev->values[o] = val;
                ev->decided_by[o] = dec;
            } else {
                /* applied with an onbekend value counts as onbekend */
                ev->status[o] = st == RS_NOT_APPLIED ? EV_NO_RULE : EV_UNKNOWN;
                ev->values[o] = v_unknown();
                ev->decided_by[o] = RBC_NONE;
            }
        } else {
            x->rule_state[f->rule] = st;
            x->rule_value[f->rule] = val;
            x->rule_decider[f->rule] = dec;
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
    struct vm_ctx *x = (struct vm_ctx *)ev;
    bool explain = (flags & REGEL_EXPLAIN) != 0;
    arena_reset(ev->arena);
    ev->evaluated = false;
    ev->explained = explain;
    ev->kase = c;
    for (uint32_t i = 0; i < p->n_inputs; i++)
        if (!vm_value_fits(p, p->inputs[i].type, &c->facts[i], 0))
            return rt_error(err, REGEL_ERR_CASE, c->name, 0, 0,
                            "feit ‘%s’ in het geval past niet bij zijn type in het beleid",
                            p->inputs[i].name);
    memset(ev->missing, 0, p->n_inputs ? p->n_inputs : 1);
    if (explain) {
        memset(ev->reads_input, 0, (size_t)p->n_outcomes * p->n_inputs);
        memset(ev->reads_outcome, 0, (size_t)p->n_outcomes * p->n_outcomes);
    }
    for (uint32_t o = 0; o < p->n_outcomes; o++) {
        ev->status[o] = EV_NO_RULE;
        ev->values[o] = v_unknown();
        ev->decided_by[o] = RBC_NONE;
    }
    for (uint32_t o = 0; o < p->n_outcomes; o++) {
        int rc = vm_resolve(x, o, explain, err);
        if (rc != REGEL_OK)
            return rc;
    }
    ev->evaluated = true;
    return REGEL_OK;
}
