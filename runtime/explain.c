/* explain.c — builds the motivering tree (explain.h) of one evaluation from
 * the VM's trace only (spec7 §3, §4.1): per outcome the rule that decided it,
 * the conditions met or failed with the atoms that decided them, the rules
 * that did not apply or still wait, facts, parameters and what it relied on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "num.h"
#include "render.h"
#include "rt.h"
#include "suggest.h"

typedef struct builder {
    ex_doc *d;
    arena *a;
    const regel_policy *p;
    const regel_eval *ev;
    uint32_t *bucket_start; /* per outcome + 1: offsets into bucket */
    uint32_t *bucket;       /* rule indices grouped by outcome, RULES order */
    bool oom;
    uint32_t *display_pos;   /* per outcome: its place in display_order, RBC_NONE if absent */
    uint32_t *version_param; /* per parameter version: its parameter, RBC_NONE if none */
} builder;

static void *bx_alloc(builder *b, size_t n, size_t size)
{
    if (n == 0)
        return NULL;
    if (size && n > SIZE_MAX / size) {
        b->oom = true;
        return NULL;
    }
    void *q = arena_alloc(b->a, n * size);
    if (!q)
        b->oom = true;
    return q;
}

static int ex_oom(regel_error *err)
{
    return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
}

/* ---- small helpers for renderers ---- */

void ex_section_begin(ex_doc *d, uint32_t o)
{
    if (!d->expanded)
        return;
    memset(d->expanded, 0, d->n_nodes);
    if (o < d->n_nodes)
        d->expanded[o] = 1;
}

uint8_t ex_use_kind(ex_doc *d, uint32_t x, unsigned depth)
{
    if (x >= d->n_nodes)
        return EX_USE_ABOVE;
    if (d->nodes[x].own_section)
        return EX_USE_SECTION;
    if (!d->expanded || d->expanded[x] || depth >= EX_MAX_DEPTH)
        return EX_USE_ABOVE;
    d->expanded[x] = 1;
    return EX_USE_EXPAND;
}

/* The version of param valid on day d, or RBC_NONE. */
static uint32_t ex_version_on(const rt_param *param, int32_t day)
{
    uint32_t ud = (uint32_t)day;
    for (uint32_t i = 0; i < param->n_versions; i++) {
        const rt_param_version *pv = &param->versions[i];
        if ((pv->from == RBC_NONE || pv->from <= ud) && (pv->until == RBC_NONE || ud < pv->until))
            return i;
    }
    return RBC_NONE;
}

uint32_t ex_param_version(const ex_doc *d, uint32_t o, uint32_t k)
{
    const regel_policy *p = d->policy;
    const regel_eval *ev = d->ev;
    if (k >= p->n_params)
        return RBC_NONE;
    const rt_param *param = &p->params[k];
    uint32_t on_date = RBC_NONE;
    if (d->peildatum && d->peildatum->tag == RV_DATUM && d->peildatum->u.day >= 0)
        on_date = ex_version_on(param, d->peildatum->u.day);
    if (d->explained && ev->reads_param && o < p->n_outcomes) {
        const ev_list *used = &ev->reads_param[o]; /* unsorted, may repeat */
        uint32_t first = RBC_NONE;
        for (uint32_t j = 0; j < used->n; j++) {
            uint32_t g = used->items[j];
            if (g >= p->n_param_versions || g < param->first_version ||
                g - param->first_version >= param->n_versions)
                continue;
            uint32_t i = g - param->first_version;
            if (i == on_date)
                return i;
            if (i < first)
                first = i;
        }
        if (first != RBC_NONE)
            return first;
    }
    if (on_date != RBC_NONE)
        return on_date;
    if (param->n_versions == 1 && !d->peildatum)
        return 0;
    return RBC_NONE;
}

/* ---- values ---- */

static const rt_value ex_onbekend; /* tag RV_ONBEKEND */

/* Fill v for reference (kind, index) as seen by outcome o. */
static void ex_fill_value(builder *b, ex_value *v, uint32_t kind, uint32_t index, uint32_t o)
{
    const regel_policy *p = b->p;
    const regel_eval *ev = b->ev;
    memset(v, 0, sizeof *v);
    v->kind = kind;
    v->index = index;
    v->valid_from = RBC_NONE;
    v->valid_until = RBC_NONE;
    v->version = RBC_NONE;
    v->value = &ex_onbekend;
    v->name = "?";
    v->type = RBC_NONE;
    switch (kind) {
    case RBC_REF_INPUT:
        if (index < p->n_inputs) {
            v->name = p->inputs[index].name;
            v->type = p->inputs[index].type;
            if (ev->kase && ev->kase->facts)
                v->value = &ev->kase->facts[index];
            v->defaulted = render_defaulted(ev, index);
        }
        break;
    case RBC_REF_OUTCOME:
        if (index < p->n_outcomes) {
            v->name = p->outcomes[index].name;
            v->type = p->outcomes[index].type;
            v->value = &ev->values[index];
        }
        break;
    case RBC_REF_PARAM:
        if (index < p->n_params) {
            const rt_param *param = &p->params[index];
            v->name = param->name;
            v->type = param->type;
            uint32_t k = ex_param_version(b->d, o, index);
            rt_value *val = bx_alloc(b, 1, sizeof *val);
            if (k != RBC_NONE && val && render_param_value(p, param, k, val)) {
                v->value = val;
                v->version = k;
                v->valid_from = param->versions[k].from;
                v->valid_until = param->versions[k].until;
            }
        }
        break;
    default:
        break;
    }
}

/* ---- conditions ---- */

static uint8_t ex_flip(uint8_t v)
{
    return v == EV_COND_WAAR ? EV_COND_ONWAAR : v == EV_COND_ONWAAR ? EV_COND_WAAR : v;
}

/* at under an odd number of NOTs of the condition tree: shown as the
 * statement that held or failed, "niet (…)" (a leading "niet " cancels), with
 * the value of that statement. NULL when out of memory. */
static const rt_atom *ex_negated(builder *b, const rt_atom *at, uint8_t *value)
{
    rt_atom *n = bx_alloc(b, 1, sizeof *n);
    const char *t = at->text ? at->text : "";
    size_t len = strlen(t);
    char *text = bx_alloc(b, len + 8, 1);
    if (!n || !text)
        return NULL;
    *n = *at;
    if (strncmp(t, "niet ", 5) == 0)
        memcpy(text, t + 5, len - 4);
    else if (strchr(t, ' '))
        snprintf(text, len + 8, "niet (%s)", t);
    else
        snprintf(text, len + 8, "niet %s", t);
    n->text = text;
    *value = ex_flip(*value);
    return n;
}

static void ex_add_atom(builder *b, ex_check *ck, const rt_atom *at, uint8_t value, uint32_t o,
                        bool negated)
{
    if (negated && !(at = ex_negated(b, at, &value)))
        return;
    ex_atom *x = &ck->atoms[ck->n_atoms++];
    x->atom = at;
    x->value = value;
    x->n_values = 0;
    x->values = bx_alloc(b, at->n_refs, sizeof *x->values);
    if (!x->values)
        return;
    for (uint32_t i = 0; i < at->n_refs; i++) {
        /* the same name twice in one atom is shown once */
        bool dup = false;
        for (uint32_t j = 0; j < x->n_values && !dup; j++)
            dup = x->values[j].kind == at->refs[i].kind && x->values[j].index == at->refs[i].index;
        if (!dup)
            ex_fill_value(b, &x->values[x->n_values++], at->refs[i].kind, at->refs[i].index, o);
    }
}

/* The atoms that decided branch br's condition (spec7 §4.1): walk the
 * postfix tree from the root, descending only into children whose value
 * equals what their parent needed (AND waar: all; AND onwaar: the onwaar
 * ones; OR dually; NOT flips; onbekend: the onbekend ones). */
static void ex_relevant_atoms(builder *b, ex_check *ck, const rt_branch *br, uint32_t o,
                              uint32_t line, uint32_t col)
{
    const regel_policy *p = b->p;
    const regel_eval *ev = b->ev;
    uint32_t n = br->n_nodes;
    ck->n_atoms = 0;
    uint32_t *left = n ? bx_alloc(b, n, sizeof *left) : NULL;
    uint32_t *right = n ? bx_alloc(b, n, sizeof *right) : NULL;
    uint8_t *val = n ? bx_alloc(b, n, 1) : NULL;
    uint32_t *stack = n ? bx_alloc(b, n, sizeof *stack) : NULL;
    uint32_t sp = 0, n_atom_nodes = 0;
    bool ok = n > 0 && left && right && val && stack;
    for (uint32_t i = 0; ok && i < n; i++) {
        const rt_cnode *c = &br->nodes[i];
        left[i] = right[i] = RBC_NONE;
        switch (c->kind) {
        case RBC_CN_ATOM:
            val[i] = c->arg < p->n_atoms && ev->atom_value ? ev->atom_value[c->arg] : 0;
            if (c->arg >= p->n_atoms)
                ok = false;
            n_atom_nodes++;
            stack[sp++] = i;
            break;
        case RBC_CN_NOT:
            if (sp < 1) {
                ok = false;
                break;
            }
            left[i] = stack[sp - 1];
            val[i] = ex_flip(val[left[i]]);
            stack[sp - 1] = i;
            break;
        case RBC_CN_AND:
        case RBC_CN_OR: {
            if (sp < 2) {
                ok = false;
                break;
            }
            uint32_t l = stack[sp - 2], r = stack[sp - 1];
            left[i] = l;
            right[i] = r;
            uint8_t lv = val[l], rv = val[r];
            uint8_t dom = c->kind == RBC_CN_AND ? EV_COND_ONWAAR : EV_COND_WAAR;
            uint8_t neutral = ex_flip(dom);
            if (lv == dom || rv == dom)
                val[i] = dom;
            else if (lv == neutral && rv == neutral)
                val[i] = neutral;
            else if (lv == 0 || rv == 0)
                val[i] = 0;
            else
                val[i] = EV_COND_ONBEKEND;
            stack[--sp - 1] = i;
            break;
        }
        default:
            ok = false;
            break;
        }
    }
    ok = ok && sp == 1;
    if (ok) {
        ck->atoms = bx_alloc(b, n_atom_nodes, sizeof *ck->atoms);
        ok = ck->atoms != NULL;
    }
    if (ok) {
        /* explicit stack of (node, wanted value): right pushed first so atoms
         * come out left to right, as written */
        uint8_t *want = bx_alloc(b, n, 1);
        uint8_t *neg = bx_alloc(b, n, 1); /* under an odd number of NOTs */
        if (!want || !neg)
            return;
        sp = 0;
        stack[sp] = n - 1;
        neg[sp] = 0;
        want[sp++] = ck->value;
        while (sp > 0) {
            sp--;
            uint32_t i = stack[sp];
            uint8_t w = want[sp], ng = neg[sp];
            if (val[i] != w)
                continue;
            const rt_cnode *c = &br->nodes[i];
            if (c->kind == RBC_CN_ATOM) {
                ex_add_atom(b, ck, &p->atoms[c->arg], w, o, ng != 0);
            } else if (c->kind == RBC_CN_NOT) {
                stack[sp] = left[i];
                neg[sp] = !ng;
                want[sp++] = ex_flip(w);
            } else {
                stack[sp] = right[i];
                neg[sp] = ng;
                want[sp++] = w;
                stack[sp] = left[i];
                neg[sp] = ng;
                want[sp++] = w;
            }
        }
    }
    if (ck->n_atoms > 0 || b->oom)
        return;
    /* No atom explains it (no trace of the atoms, or an inconsistent tree):
     * the whole condition stands for itself. */
    rt_atom *whole = bx_alloc(b, 1, sizeof *whole);
    ck->atoms = bx_alloc(b, 1, sizeof *ck->atoms);
    if (!whole || !ck->atoms)
        return;
    whole->text = br->cond_text ? br->cond_text : "";
    whole->line = line;
    whole->col = col;
    ck->n_atoms = 1;
    ck->atoms[0].atom = whole;
    ck->atoms[0].value = ck->value;
}

/* ---- rules ---- */

static void ex_fill_rule(builder *b, ex_rule *x, uint32_t ri, uint8_t reason)
{
    const regel_policy *p = b->p;
    const regel_eval *ev = b->ev;
    const rt_rule *r = &p->rules[ri];
    memset(x, 0, sizeof *x);
    x->index = ri;
    x->rule = r;
    x->reason = reason;
    x->branch = RBC_NONE;
    x->parent = r->parent < p->n_rules ? &p->rules[r->parent] : NULL;
    if (!b->d->traced) {
        /* no rule trace: only what the evaluation tables say */
        x->run = EV_RULE_RAN;
        x->end = EV_END_RESULT;
        return;
    }
    const ev_rule_trace *t = &ev->rule_trace[ri];
    x->run = t->run;
    x->end = t->end;
    x->branch = t->branch;
    if (t->run == EV_RULE_RAN && t->end == EV_END_RESULT)
        x->value = &t->value;
    if (t->run != EV_RULE_RAN || !r->branches)
        return;
    uint32_t n = 0;
    for (uint32_t k = 0; k < r->n_branches; k++) {
        uint64_t g = (uint64_t)r->first_branch + k;
        if (g < p->n_branches_total && ev->branch_cond[g])
            n++;
    }
    x->checks = bx_alloc(b, n, sizeof *x->checks);
    if (!x->checks)
        return;
    for (uint32_t k = 0; k < r->n_branches; k++) {
        uint64_t g = (uint64_t)r->first_branch + k;
        if (g >= p->n_branches_total || !ev->branch_cond[g])
            continue;
        const rt_branch *br = &r->branches[k];
        ex_check *ck = &x->checks[x->n_checks++];
        ck->branch = k;
        ck->text = br->cond_text ? br->cond_text : "";
        ck->value = ev->branch_cond[g];
        ex_relevant_atoms(b, ck, br, r->outcome, r->line, r->col);
        if (k == x->branch && ck->value == EV_COND_WAAR && x->end == EV_END_RESULT)
            x->met = ck;
    }
}

/* ---- nodes ---- */

static int ex_cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The items of read list l that are below limit, each mapped through map
 * (NULL: as they are; a mapped RBC_NONE is dropped), sorted and without
 * repeats, in a new array (builder arena); *n their number. */
static uint32_t *ex_sorted(builder *b, const ev_list *l, uint32_t limit, const uint32_t *map,
                           uint32_t *n)
{
    *n = 0;
    if (!l || !l->n)
        return NULL;
    uint32_t *v = bx_alloc(b, l->n, sizeof *v);
    uint32_t k = 0;
    for (uint32_t j = 0; v && j < l->n; j++) {
        uint32_t x = l->items[j];
        if (x < limit && (!map || map[x] != RBC_NONE))
            v[k++] = map ? map[x] : x;
    }
    if (k > 1)
        qsort(v, k, sizeof *v, ex_cmp_u32);
    uint32_t m = 0;
    for (uint32_t j = 0; j < k; j++)
        if (m == 0 || v[j] != v[m - 1])
            v[m++] = v[j];
    *n = m;
    return v;
}

/* Facts (input order), parameter versions ((parameter, version) order) and
 * the outcomes relied on (display order, o itself left out) of node n, from
 * the VM's read lists: the work is bounded by what o read. */
static void ex_fill_lists(builder *b, ex_node *n)
{
    const regel_policy *p = b->p;
    const regel_eval *ev = b->ev;
    uint32_t o = n->outcome;
    uint32_t k;
    const uint32_t *in = ex_sorted(b, &ev->reads_input[o], p->n_inputs, NULL, &k);
    n->facts = bx_alloc(b, k, sizeof *n->facts);
    for (uint32_t j = 0; n->facts && j < k; j++)
        ex_fill_value(b, &n->facts[n->n_facts++], RBC_REF_INPUT, in[j], o);

    if (ev->reads_param && p->n_param_versions && b->version_param) {
        /* the loader lays out each parameter's versions consecutively, in
         * parameter order: version index order is (parameter, version) order */
        const uint32_t *pv = ex_sorted(b, &ev->reads_param[o], p->n_param_versions, NULL, &k);
        n->params = bx_alloc(b, k, sizeof *n->params);
        for (uint32_t j = 0; n->params && j < k; j++) {
            uint32_t g = pv[j], q = b->version_param[g];
            if (q == RBC_NONE)
                continue;
            const rt_param *param = &p->params[q];
            uint32_t i = g - param->first_version;
            rt_value *val;
            if (!(val = bx_alloc(b, 1, sizeof *val)) || !render_param_value(p, param, i, val))
                continue;
            ex_value *v = &n->params[n->n_params++];
            memset(v, 0, sizeof *v);
            v->kind = RBC_REF_PARAM;
            v->index = q;
            v->name = param->name;
            v->type = param->type;
            v->value = val;
            v->version = i;
            v->valid_from = param->versions[i].from;
            v->valid_until = param->versions[i].until;
        }
    }

    const uint32_t *pos = ex_sorted(b, &ev->reads_outcome[o], p->n_outcomes, b->display_pos, &k);
    n->uses = bx_alloc(b, k, sizeof *n->uses);
    for (uint32_t j = 0; n->uses && j < k; j++) {
        uint32_t x = p->display_order[pos[j]];
        if (x != o)
            n->uses[n->n_uses++] = x;
    }
}

static void ex_fill_rules(builder *b, ex_node *n)
{
    const regel_policy *p = b->p;
    const regel_eval *ev = b->ev;
    uint32_t o = n->outcome;
    uint32_t dec = ev->decided_by[o];
    if (n->status == EX_DECIDED && dec < p->n_rules) {
        n->decider = bx_alloc(b, 1, sizeof *n->decider);
        if (n->decider)
            ex_fill_rule(b, n->decider, dec, EX_REASON_NONE);
    }
    uint32_t aside = RBC_NONE;
    if (n->decider && n->decider->parent && b->d->traced) {
        uint32_t pr = p->rules[dec].parent;
        const ev_rule_trace *t = &ev->rule_trace[pr];
        if (t->run == EV_RULE_RAN && t->end == EV_END_RESULT && t->value.tag != RV_ONBEKEND) {
            n->set_aside = bx_alloc(b, 1, sizeof *n->set_aside);
            if (n->set_aside) {
                ex_fill_rule(b, n->set_aside, pr, EX_REASON_NONE);
                aside = pr;
            }
        }
    }
    if (!b->d->traced)
        return;
    uint32_t from = b->bucket_start[o], to = b->bucket_start[o + 1];
    uint32_t n_na = 0, n_wait = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t j = from; j < to; j++) {
            uint32_t ri = b->bucket[j];
            if (ri == dec || ri == aside)
                continue;
            const ev_rule_trace *t = &ev->rule_trace[ri];
            uint8_t reason = EX_REASON_NONE;
            bool waits = false;
            if (t->run == EV_RULE_RAN && t->end == EV_END_NOT_APPLIED) {
                reason = EX_REASON_CONDITION;
            } else if (t->run == EV_RULE_RAN && t->end == EV_END_UNKNOWN) {
                reason = EX_REASON_CONDITION;
                waits = true;
            } else if (t->run == EV_RULE_RAN && t->end == EV_END_RESULT &&
                       t->value.tag == RV_ONBEKEND) {
                reason = EX_REASON_VALUE_UNKNOWN;
                waits = true;
            } else if (t->run == EV_RULE_OUT_OF_FORCE) {
                reason = EX_REASON_OUT_OF_FORCE;
            } else if (t->run == EV_RULE_DATE_UNKNOWN) {
                reason = EX_REASON_DATE_UNKNOWN;
                waits = true;
            } else {
                continue; /* not run, or gave a value that was set aside further up */
            }
            if (pass == 0) {
                n_na += !waits;
                n_wait += waits;
            } else if (waits && n->waiting) {
                ex_fill_rule(b, &n->waiting[n->n_waiting++], ri, reason);
            } else if (!waits && n->not_applied) {
                ex_fill_rule(b, &n->not_applied[n->n_not_applied++], ri, reason);
            }
        }
        if (pass == 0) {
            n->not_applied = bx_alloc(b, n_na, sizeof *n->not_applied);
            n->waiting = bx_alloc(b, n_wait, sizeof *n->waiting);
        }
    }
}

/* ---- host-function calls (issue 8) ---- */

/* Hand every recorded call (ev->calls, call order) to the node of the outcome
 * that made it. Calls naming no outcome or function of the policy are skipped. */
static void ex_fill_calls(builder *b)
{
    const regel_policy *p = b->p;
    ex_doc *d = b->d;
    uint32_t total = 0;
    for (const ev_call *c = b->ev->calls; c; c = c->next)
        if (c->outcome < p->n_outcomes && c->fn < p->n_externs) {
            d->nodes[c->outcome].n_calls++;
            total++;
        }
    if (total == 0)
        return;
    for (uint32_t o = 0; o < p->n_outcomes; o++) {
        ex_node *n = &d->nodes[o];
        uint32_t k = n->n_calls;
        n->n_calls = 0;
        n->calls = bx_alloc(b, k, sizeof *n->calls);
        if (k && !n->calls)
            return;
    }
    for (const ev_call *c = b->ev->calls; c; c = c->next) {
        if (c->outcome >= p->n_outcomes || c->fn >= p->n_externs)
            continue;
        ex_node *n = &d->nodes[c->outcome];
        ex_call *x = &n->calls[n->n_calls++];
        x->fn = &p->externs[c->fn];
        x->args = c->args;
        x->result = &c->result;
    }
}

/* ---- printability: every getal shown must have a finite decimal form ---- */

/* A getal somewhere in v without a finite decimal expansion, or NULL. */
static const rt_value *ex_nonterminating(const regel_policy *p, uint32_t type, const rt_value *v,
                                         unsigned depth)
{
    char buf[NUM_FORMAT_CAP];
    const rt_type *t = type < p->n_types ? &p->types[type] : NULL;
    if (v->tag == RV_GETAL)
        return num_format(v->u.q, '.', buf, sizeof buf) ? NULL : v;
    if (depth >= EX_MAX_DEPTH || !t)
        return NULL;
    if (v->tag == RV_LIJST && t->kind == RBC_TYPE_LIJST) {
        for (uint32_t i = 0; i < v->u.list.n; i++) {
            const rt_value *g = ex_nonterminating(p, t->elem, &v->u.list.items[i], depth + 1);
            if (g)
                return g;
        }
    } else if (v->tag == RV_RECORD && t->kind == RBC_TYPE_RECORD) {
        for (uint32_t f = 0; f < t->n; f++) {
            const rt_value *g = ex_nonterminating(p, t->fields[f].type, &v->u.fields[f], depth + 1);
            if (g)
                return g;
        }
    }
    return NULL;
}

static int ex_check_value(const ex_doc *d, uint32_t o, const rt_value *v, regel_error *err)
{
    const regel_policy *p = d->policy;
    const rt_value *g = ex_nonterminating(p, p->outcomes[o].type, v, 0);
    if (!g)
        return REGEL_OK;
    unsigned line = 0, col = 0;
    uint32_t r = d->ev->decided_by[o];
    if (r < p->n_rules) {
        line = p->rules[r].line;
        col = p->rules[r].col;
    }
    const char *file = p->source_file ? p->source_file : p->file;
    const char *what = (p->outcomes[o].flags & RBC_OUTCOME_OUTPUT) ? "uitkomst" : "begrip";
    return rt_error(err, REGEL_ERR_EVAL, line ? file : NULL, line, col,
                    "%s ‘%s’ is %lld/%lld en heeft geen eindige decimale schrijfwijze", what,
                    p->outcomes[o].name, (long long)g->u.q.num, (long long)g->u.q.den);
}

static int ex_check_template(const ex_doc *d, const rt_template *t, regel_error *err)
{
    for (uint32_t i = 0; t && i < t->n; i++)
        if (t->segs[i].kind == RBC_SEG_OUTCOME && t->segs[i].index < d->n_nodes) {
            uint32_t x = t->segs[i].index;
            int rc = ex_check_value(d, x, &d->ev->values[x], err);
            if (rc != REGEL_OK)
                return rc;
        }
    return REGEL_OK;
}

static int ex_check_rule_atoms(const ex_doc *d, const ex_rule *r, regel_error *err)
{
    for (uint32_t c = 0; r && c < r->n_checks; c++)
        for (uint32_t a = 0; a < r->checks[c].n_atoms; a++) {
            const ex_atom *at = &r->checks[c].atoms[a];
            for (uint32_t v = 0; v < at->n_values; v++)
                if (at->values[v].kind == RBC_REF_OUTCOME && at->values[v].index < d->n_nodes) {
                    int rc = ex_check_value(d, at->values[v].index, at->values[v].value, err);
                    if (rc != REGEL_OK)
                        return rc;
                }
        }
    return REGEL_OK;
}

/* The arguments and results of the node's host-function calls. */
static int ex_check_calls(const ex_doc *d, const ex_node *x, regel_error *err)
{
    const regel_policy *p = d->policy;
    for (uint32_t i = 0; i < x->n_calls; i++) {
        const ex_call *c = &x->calls[i];
        const rt_value *g = c->result ? ex_nonterminating(p, c->fn->result, c->result, 0) : NULL;
        uint32_t k = 0; /* ends 1-based: the argument that has no decimal form */
        for (; !g && c->args && k < c->fn->n_params; k++)
            g = ex_nonterminating(p, c->fn->params[k], &c->args[k], 0);
        if (!g)
            continue;
        unsigned line = 0, col = 0;
        uint32_t r = d->ev->decided_by[x->outcome];
        if (r < p->n_rules) {
            line = p->rules[r].line;
            col = p->rules[r].col;
        }
        const char *file = p->source_file ? p->source_file : p->file;
        char what[48];
        if (g == c->result)
            snprintf(what, sizeof what, "het resultaat");
        else
            snprintf(what, sizeof what, "argument %u", (unsigned)k);
        return rt_error(err, REGEL_ERR_EVAL, line ? file : NULL, line, col,
                        "%s van de externe functie ‘%s’ is %lld/%lld en heeft geen eindige "
                        "decimale schrijfwijze",
                        what, c->fn->name, (long long)g->u.q.num, (long long)g->u.q.den);
    }
    return REGEL_OK;
}

/* Everything the document prints: the shown nodes and, with a trace, all
 * they (transitively) rely on, the values in their atoms and templates. */
static int ex_check_printable(builder *b, regel_error *err)
{
    ex_doc *d = b->d;
    uint32_t n = d->n_nodes;
    if (n == 0)
        return REGEL_OK;
    uint8_t *seen = bx_alloc(b, n, 1);
    uint32_t *queue = bx_alloc(b, n, sizeof *queue);
    if (!seen || !queue)
        return ex_oom(err);
    uint32_t head = 0, tail = 0;
    for (uint32_t i = 0; i < d->n_shown; i++)
        if (!seen[d->shown[i]]) {
            seen[d->shown[i]] = 1;
            queue[tail++] = d->shown[i];
        }
    while (head < tail) {
        const ex_node *x = &d->nodes[queue[head++]];
        int rc = ex_check_value(d, x->outcome, x->value, err);
        if (rc == REGEL_OK)
            rc = ex_check_calls(d, x, err);
        if (rc == REGEL_OK && x->set_aside && x->set_aside->value)
            rc = ex_check_value(d, x->outcome, x->set_aside->value, err);
        if (rc == REGEL_OK)
            rc = ex_check_rule_atoms(d, x->decider, err);
        for (uint32_t i = 0; rc == REGEL_OK && i < x->n_not_applied; i++)
            rc = ex_check_rule_atoms(d, &x->not_applied[i], err);
        for (uint32_t i = 0; rc == REGEL_OK && i < x->n_waiting; i++)
            rc = ex_check_rule_atoms(d, &x->waiting[i], err);
        if (rc == REGEL_OK && x->decider && x->sentence && !x->sentence_generated) {
            const rt_rule *r = x->decider->rule;
            rc = ex_check_template(d, &r->uitleg, err);
            if (rc == REGEL_OK && x->decider->branch < r->n_branches)
                rc = ex_check_template(d, &r->branches[x->decider->branch].uitleg, err);
        }
        if (rc != REGEL_OK)
            return rc;
        for (uint32_t i = 0; i < x->n_uses; i++)
            if (!seen[x->uses[i]]) {
                seen[x->uses[i]] = 1;
                queue[tail++] = x->uses[i];
            }
    }
    return REGEL_OK;
}

/* ---- the document ---- */

static long ex_find_outcome(const regel_policy *p, const char *name)
{
    for (uint32_t o = 0; o < p->n_outcomes; o++)
        if (p->outcomes[o].name && strcmp(p->outcomes[o].name, name) == 0)
            return (long)o;
    return -1;
}

static int ex_unknown_name(builder *b, const char *name, regel_error *err)
{
    const regel_policy *p = b->p;
    const char **names = bx_alloc(b, p->n_outcomes, sizeof *names);
    const char *near = NULL;
    if (names) {
        for (uint32_t o = 0; o < p->n_outcomes; o++)
            names[o] = p->outcomes[o].name ? p->outcomes[o].name : "";
        near = suggest_closest(name, names, p->n_outcomes);
    }
    if (near)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "onbekende uitkomst ‘%s’; bedoelde u ‘%s’?", name, near);
    return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0, "onbekende uitkomst ‘%s’ in dit beleid",
                    name);
}

static bool ex_has_trace(const regel_eval *ev)
{
    const regel_policy *p = ev->policy;
    if (!ev->rule_trace || (p->n_branches_total && !ev->branch_cond) ||
        (p->n_atoms && !ev->atom_value))
        return false;
    /* tables consistent with the rules (the verifier guarantees it; tests and
     * hand-built policies may not) */
    for (uint32_t r = 0; r < p->n_rules; r++) {
        const rt_rule *rule = &p->rules[r];
        if (rule->n_branches == 0 || !rule->branches ||
            (uint64_t)rule->first_branch + rule->n_branches > p->n_branches_total)
            return false;
    }
    return true;
}

int ex_build(const regel_eval *ev, const char *const *only, size_t n_only, arena *a, ex_doc *out,
             regel_error *err)
{
    if (!out || !a)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0, "ex_build: ongeldige argumenten");
    memset(out, 0, sizeof *out);
    int rc = render_check(ev, err);
    if (rc != REGEL_OK)
        return rc;
    const regel_policy *p = ev->policy;
    builder b = {out, a, p, ev, NULL, NULL, false, NULL, NULL};
    ex_doc *d = out;
    d->policy = p;
    d->ev = ev;
    d->n_nodes = p->n_outcomes;
    d->explained = ev->explained && ev->reads_input && ev->reads_outcome;
    d->traced = d->explained && ex_has_trace(ev);
    if (p->peildatum_input < p->n_inputs && ev->kase->facts &&
        ev->kase->facts[p->peildatum_input].tag == RV_DATUM)
        d->peildatum = &ev->kase->facts[p->peildatum_input];

    /* which outcomes get a section */
    uint8_t *own = bx_alloc(&b, p->n_outcomes, 1);
    d->shown = bx_alloc(&b, p->n_outcomes, sizeof *d->shown);
    d->nodes = bx_alloc(&b, p->n_outcomes, sizeof *d->nodes);
    d->expanded = bx_alloc(&b, p->n_outcomes, 1);
    d->missing = bx_alloc(&b, p->n_inputs, 1);
    if (b.oom)
        return ex_oom(err);
    if (only && n_only) {
        for (size_t i = 0; i < n_only; i++) {
            long o = only[i] ? ex_find_outcome(p, only[i]) : -1;
            if (o < 0)
                return ex_unknown_name(&b, only[i] ? only[i] : "", err);
            own[o] = 1;
        }
    } else {
        for (uint32_t o = 0; o < p->n_outcomes; o++)
            own[o] = (p->outcomes[o].flags & RBC_OUTCOME_OUTPUT) != 0;
    }
    for (uint32_t pos = 0; pos < p->n_outcomes; pos++) {
        uint32_t o = p->display_order[pos];
        if (o < p->n_outcomes && own[o])
            d->shown[d->n_shown++] = o;
    }
    /* missing over the shown outcomes: for every uitkomst the VM's own table,
     * else the union of the causes of the shown ones */
    if (!(only && n_only)) {
        for (uint32_t i = 0; ev->missing && i < p->n_inputs; i++)
            d->missing[i] = ev->missing[i];
    } else {
        for (uint32_t s = 0; s < d->n_shown; s++) {
            const uint8_t *c = render_causes(ev, d->shown[s]);
            for (uint32_t i = 0; c && i < p->n_inputs; i++)
                d->missing[i] |= c[i];
        }
    }

    if (d->traced) {
        b.bucket_start = bx_alloc(&b, (size_t)p->n_outcomes + 1, sizeof *b.bucket_start);
        b.bucket = bx_alloc(&b, p->n_rules, sizeof *b.bucket);
        if (b.oom)
            return ex_oom(err);
        for (uint32_t r = 0; r < p->n_rules; r++)
            if (p->rules[r].outcome < p->n_outcomes)
                b.bucket_start[p->rules[r].outcome + 1]++;
        for (uint32_t o = 0; o < p->n_outcomes; o++)
            b.bucket_start[o + 1] += b.bucket_start[o];
        uint32_t *fill = bx_alloc(&b, (size_t)p->n_outcomes + 1, sizeof *fill);
        if (!fill)
            return ex_oom(err);
        memcpy(fill, b.bucket_start, ((size_t)p->n_outcomes + 1) * sizeof *fill);
        for (uint32_t r = 0; r < p->n_rules; r++)
            if (p->rules[r].outcome < p->n_outcomes)
                b.bucket[fill[p->rules[r].outcome]++] = r;
    }

    if (d->explained) { /* inverse maps for ex_fill_lists, O(outcomes + versions) */
        b.display_pos = bx_alloc(&b, p->n_outcomes, sizeof *b.display_pos);
        for (uint32_t x = 0; b.display_pos && x < p->n_outcomes; x++)
            b.display_pos[x] = RBC_NONE;
        for (uint32_t pos = 0; b.display_pos && pos < p->n_outcomes; pos++) {
            uint32_t x = p->display_order[pos];
            if (x < p->n_outcomes && b.display_pos[x] == RBC_NONE)
                b.display_pos[x] = pos;
        }
        b.version_param = bx_alloc(&b, p->n_param_versions, sizeof *b.version_param);
        for (uint32_t g = 0; b.version_param && g < p->n_param_versions; g++)
            b.version_param[g] = RBC_NONE;
        for (uint32_t q = 0; b.version_param && q < p->n_params; q++)
            for (uint32_t i = 0; i < p->params[q].n_versions; i++) {
                uint64_t g = (uint64_t)p->params[q].first_version + i;
                if (g < p->n_param_versions && b.version_param[g] == RBC_NONE)
                    b.version_param[g] = q;
            }
        if (b.oom)
            return ex_oom(err);
    }
    for (uint32_t o = 0; o < p->n_outcomes; o++) {
        ex_node *n = &d->nodes[o];
        n->outcome = o;
        n->name = p->outcomes[o].name;
        n->type = p->outcomes[o].type;
        n->value = &ev->values[o];
        n->status = ev->status[o] == EV_DECIDED   ? EX_DECIDED
                    : ev->status[o] == EV_UNKNOWN ? EX_UNKNOWN
                                                  : EX_NO_RULE;
        if (n->status == EX_NO_RULE && ev->values[o].tag == RV_ONBEKEND && ev->causes &&
            ev->causes[o])
            n->status = EX_UNKNOWN; /* defensive: waiting on facts after all */
        n->is_output = (p->outcomes[o].flags & RBC_OUTCOME_OUTPUT) != 0;
        n->own_section = own[o] != 0;
        n->missing = render_causes(ev, o);
        if (!d->explained)
            continue;
        ex_fill_rules(&b, n);
        ex_fill_lists(&b, n);
        if (b.oom)
            return ex_oom(err);
        n->sentence = ex_sentence(d, n, a, &n->sentence_generated);
        if (!n->sentence)
            return ex_oom(err);
    }
    if (d->explained)
        ex_fill_calls(&b);
    if (b.oom)
        return ex_oom(err);
    return ex_check_printable(&b, err);
}
