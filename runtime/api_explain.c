/* api_explain.c — the motivering as an immutable snapshot for embedders
 * (regel_explanation_*): built once with ex_build, every string copied into
 * the snapshot's own arena; nodes are the shown outcomes and, breadth first,
 * what they rely on, each outcome one node (a DAG). */
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "regel.h"
#include "render.h"
#include "rt.h"
#include "strbuf.h"

typedef struct xp_node {
    const char *name, *value, *sentence, *rule, *exception_of, *source, *quote;
    int decided;
    size_t n_facts;
    const char **fact_names, **fact_values;
    size_t n_conds;
    const char **conds;
    uint8_t *met;
    size_t n_uses;
    size_t *uses;
} xp_node;

struct regel_explanation {
    arena *arena; /* owns everything, the struct itself included */
    xp_node *nodes;
    size_t n_nodes;
    size_t *roots;
    size_t n_roots;
};

typedef struct xp_builder {
    regel_explanation *x;
    ex_doc *d;
    bool oom;
} xp_builder;

static const char *xp_str(xp_builder *b, const char *s)
{
    if (!s)
        return NULL;
    char *c = arena_strndup(b->x->arena, s, strlen(s));
    if (!c)
        b->oom = true;
    return c;
}

/* Take the text of sb into the snapshot (sb is freed). */
static const char *xp_take(xp_builder *b, strbuf *sb)
{
    const char *s = sb->failed ? NULL : xp_str(b, sb->data ? sb->data : "");
    if (sb->failed)
        b->oom = true;
    sb_free(sb);
    return s;
}

static const char *xp_value(xp_builder *b, uint32_t type, const rt_value *v)
{
    strbuf sb = STRBUF_INIT;
    if (!v || !render_value_text(&sb, b->d->policy, type, v)) {
        sb_free(&sb);
        return xp_str(b, v ? "?" : "onbekend");
    }
    return xp_take(b, &sb);
}

/* "a ≤ b (a = 3 mei 2023, b = …)" as the text motivering shows an atom. */
static const char *xp_atom(xp_builder *b, const ex_atom *a)
{
    strbuf sb = STRBUF_INIT;
    sb_puts(&sb, a->atom && a->atom->text ? a->atom->text : "");
    for (uint32_t i = 0; i < a->n_values; i++) {
        const ex_value *v = &a->values[i];
        sb_puts(&sb, i ? ", " : " (");
        sb_printf(&sb, "%s = ", v->name);
        if (!v->value || !render_value_text(&sb, b->d->policy, v->type, v->value))
            sb_puts(&sb, "onbekend");
    }
    if (a->n_values)
        sb_putc(&sb, ')');
    return xp_take(b, &sb);
}

static void *xp_array(xp_builder *b, size_t n, size_t size)
{
    void *p = arena_alloc(b->x->arena, (n ? n : 1) * size);
    if (!p)
        b->oom = true;
    return p;
}

static void xp_conditions(xp_builder *b, xp_node *x, const ex_node *n)
{
    const ex_rule *r = n->decider;
    size_t count = 0;
    if (r && r->met)
        count += r->met->n_atoms;
    for (uint32_t c = 0; r && c < r->n_checks; c++)
        if (r->checks[c].value == EV_COND_ONWAAR)
            count += r->checks[c].n_atoms;
    x->conds = xp_array(b, count, sizeof *x->conds);
    x->met = xp_array(b, count, 1);
    if (!x->conds || !x->met)
        return;
    if (r && r->met)
        for (uint32_t a = 0; a < r->met->n_atoms; a++) {
            x->met[x->n_conds] = 1;
            x->conds[x->n_conds++] = xp_atom(b, &r->met->atoms[a]);
        }
    for (uint32_t c = 0; r && c < r->n_checks; c++) {
        const ex_check *ck = &r->checks[c];
        if (ck->value != EV_COND_ONWAAR)
            continue;
        for (uint32_t a = 0; a < ck->n_atoms; a++) {
            x->met[x->n_conds] = 0;
            x->conds[x->n_conds++] = xp_atom(b, &ck->atoms[a]);
        }
    }
}

/* Number the nodes: the roots first, then breadth first over `uses`. */
static int xp_build(xp_builder *b, regel_error *err)
{
    ex_doc *d = b->d;
    regel_explanation *x = b->x;
    uint32_t n = d->n_nodes;
    size_t *id = xp_array(b, n, sizeof *id);         /* per outcome: node id + 1 (0: none) */
    uint32_t *order = xp_array(b, n, sizeof *order); /* node id → outcome */
    x->roots = xp_array(b, d->n_shown, sizeof *x->roots);
    if (b->oom)
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    size_t count = 0;
    for (uint32_t s = 0; s < d->n_shown; s++) {
        uint32_t o = d->shown[s];
        if (!id[o]) {
            order[count] = o;
            id[o] = ++count;
        }
        x->roots[x->n_roots++] = id[o] - 1;
    }
    for (size_t head = 0; head < count; head++) {
        const ex_node *m = &d->nodes[order[head]];
        for (uint32_t u = 0; u < m->n_uses; u++) {
            uint32_t o = m->uses[u];
            if (o < n && !id[o]) {
                order[count] = o;
                id[o] = ++count;
            }
        }
    }
    x->nodes = xp_array(b, count, sizeof *x->nodes);
    if (b->oom)
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    x->n_nodes = count;
    for (size_t k = 0; k < count && !b->oom; k++) {
        const ex_node *m = &d->nodes[order[k]];
        xp_node *xn = &x->nodes[k];
        const ex_rule *r = m->decider;
        xn->name = xp_str(b, m->name);
        xn->value = xp_value(b, m->type, m->value);
        xn->sentence = xp_str(b, m->sentence ? m->sentence : "");
        xn->decided = m->status == EX_DECIDED && m->value && m->value->tag != RV_ONBEKEND;
        xn->rule = r ? xp_str(b, r->rule->name) : NULL;
        xn->exception_of = r && r->parent ? xp_str(b, r->parent->name) : NULL;
        xn->source = r ? xp_str(b, r->rule->bron) : NULL;
        xn->quote = r ? xp_str(b, r->rule->citaat) : NULL;
        xn->fact_names = xp_array(b, m->n_facts, sizeof *xn->fact_names);
        xn->fact_values = xp_array(b, m->n_facts, sizeof *xn->fact_values);
        for (uint32_t f = 0; xn->fact_names && xn->fact_values && f < m->n_facts; f++) {
            xn->fact_names[f] = xp_str(b, m->facts[f].name);
            xn->fact_values[f] = xp_value(b, m->facts[f].type, m->facts[f].value);
            xn->n_facts++;
        }
        xp_conditions(b, xn, m);
        xn->uses = xp_array(b, m->n_uses, sizeof *xn->uses);
        for (uint32_t u = 0; xn->uses && u < m->n_uses; u++)
            if (m->uses[u] < n && id[m->uses[u]])
                xn->uses[xn->n_uses++] = id[m->uses[u]] - 1;
    }
    if (b->oom)
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    return REGEL_OK;
}

REGEL_API int regel_explanation_new(const regel_eval *ev, const char *const *only, size_t n_only,
                                    regel_explanation **out, regel_error *err)
{
    if (out)
        *out = NULL;
    if (!out)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_explanation_new: geen plaats voor de uitvoer (NULL)");
    int rc = render_check(ev, err);
    if (rc != REGEL_OK)
        return rc;
    if (!ev->explained)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_explanation_new: de evaluatie heeft geen motivering; evalueer met "
                        "REGEL_EXPLAIN");
    if (n_only && !only)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_explanation_new: %zu namen gevraagd, maar de lijst is NULL", n_only);
    arena *work = arena_new(16384);
    arena *own = arena_new(8192);
    regel_explanation *x = own ? arena_alloc(own, sizeof *x) : NULL;
    if (!work || !x) {
        arena_free(work);
        arena_free(own);
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    }
    x->arena = own;
    ex_doc d;
    memset(&d, 0, sizeof d);
    rc = ex_build(ev, only, n_only, work, &d, err);
    if (rc == REGEL_OK) {
        xp_builder b = {x, &d, false};
        rc = xp_build(&b, err);
    }
    arena_free(work);
    if (rc != REGEL_OK) {
        arena_free(own);
        return rc;
    }
    *out = x;
    return REGEL_OK;
}

REGEL_API void regel_explanation_free(regel_explanation *x)
{
    if (x)
        arena_free(x->arena);
}

REGEL_API size_t regel_explanation_root_count(const regel_explanation *x)
{
    return x ? x->n_roots : 0;
}

REGEL_API size_t regel_explanation_root(const regel_explanation *x, size_t i)
{
    return x && i < x->n_roots ? x->roots[i] : 0;
}

static const xp_node *xp_node_at(const regel_explanation *x, size_t node)
{
    return x && node < x->n_nodes ? &x->nodes[node] : NULL;
}

REGEL_API const char *regel_explanation_name(const regel_explanation *x, size_t node)
{
    const xp_node *n = xp_node_at(x, node);
    return n ? n->name : NULL;
}

REGEL_API const char *regel_explanation_value(const regel_explanation *x, size_t node)
{
    const xp_node *n = xp_node_at(x, node);
    return n ? n->value : NULL;
}

REGEL_API const char *regel_explanation_sentence(const regel_explanation *x, size_t node)
{
    const xp_node *n = xp_node_at(x, node);
    return n ? n->sentence : NULL;
}

REGEL_API int regel_explanation_decided(const regel_explanation *x, size_t node)
{
    const xp_node *n = xp_node_at(x, node);
    return n ? n->decided : 0;
}

REGEL_API const char *regel_explanation_rule(const regel_explanation *x, size_t node)
{
    const xp_node *n = xp_node_at(x, node);
    return n ? n->rule : NULL;
}

REGEL_API const char *regel_explanation_exception_of(const regel_explanation *x, size_t node)
{
    const xp_node *n = xp_node_at(x, node);
    return n ? n->exception_of : NULL;
}

REGEL_API const char *regel_explanation_source(const regel_explanation *x, size_t node)
{
    const xp_node *n = xp_node_at(x, node);
    return n ? n->source : NULL;
}

REGEL_API const char *regel_explanation_quote(const regel_explanation *x, size_t node)
{
    const xp_node *n = xp_node_at(x, node);
    return n ? n->quote : NULL;
}

REGEL_API size_t regel_explanation_fact_count(const regel_explanation *x, size_t node)
{
    const xp_node *n = xp_node_at(x, node);
    return n ? n->n_facts : 0;
}

REGEL_API const char *regel_explanation_fact_name(const regel_explanation *x, size_t node, size_t k)
{
    const xp_node *n = xp_node_at(x, node);
    return n && k < n->n_facts ? n->fact_names[k] : NULL;
}

REGEL_API const char *regel_explanation_fact_value(const regel_explanation *x, size_t node,
                                                   size_t k)
{
    const xp_node *n = xp_node_at(x, node);
    return n && k < n->n_facts ? n->fact_values[k] : NULL;
}

REGEL_API size_t regel_explanation_condition_count(const regel_explanation *x, size_t node)
{
    const xp_node *n = xp_node_at(x, node);
    return n ? n->n_conds : 0;
}

REGEL_API const char *regel_explanation_condition(const regel_explanation *x, size_t node, size_t k)
{
    const xp_node *n = xp_node_at(x, node);
    return n && k < n->n_conds ? n->conds[k] : NULL;
}

REGEL_API int regel_explanation_condition_met(const regel_explanation *x, size_t node, size_t k)
{
    const xp_node *n = xp_node_at(x, node);
    return n && k < n->n_conds ? n->met[k] : 0;
}

REGEL_API size_t regel_explanation_use_count(const regel_explanation *x, size_t node)
{
    const xp_node *n = xp_node_at(x, node);
    return n ? n->n_uses : 0;
}

REGEL_API size_t regel_explanation_use(const regel_explanation *x, size_t node, size_t k)
{
    const xp_node *n = xp_node_at(x, node);
    return n && k < n->n_uses ? n->uses[k] : 0;
}
