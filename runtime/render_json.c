/* render_json.c — the decision and its motivering as JSON (spec7 §4.5,
 * doc/uitleg.md): beleid, peildatum, uitkomsten, uitleg (the derivation tree
 * per decided outcome), onbeslist and ontbrekend, written by hand with exact
 * numbers and a fixed layout (two spaces per level). Walks explain.h. */
#include <string.h>

#include "explain.h"
#include "render.h"
#include "rt.h"

#define JW_MAX_DEPTH 200

/* A pretty-printing writer: each container remembers whether it has items. */
typedef struct jw {
    strbuf *sb;
    ex_doc *d;
    const regel_policy *p;
    unsigned depth;
    bool items[JW_MAX_DEPTH + 1];
} jw;

static void jw_indent(jw *w, unsigned level)
{
    for (unsigned i = 0; i < level; i++)
        sb_puts(w->sb, "  ");
}

static void jw_begin(jw *w, char open)
{
    sb_putc(w->sb, open);
    if (w->depth < JW_MAX_DEPTH)
        w->depth++;
    w->items[w->depth] = false;
}

static void jw_end(jw *w, char close)
{
    if (w->items[w->depth]) {
        sb_putc(w->sb, '\n');
        jw_indent(w, w->depth - 1);
    }
    sb_putc(w->sb, close);
    if (w->depth > 0)
        w->depth--;
}

/* Start the next item of the current container: a member "key": or an
 * array element (key NULL). */
static void jw_item(jw *w, const char *key)
{
    sb_puts(w->sb, w->items[w->depth] ? ",\n" : "\n");
    w->items[w->depth] = true;
    jw_indent(w, w->depth);
    if (key) {
        render_json_cstr(w->sb, key);
        sb_puts(w->sb, ": ");
    }
}

static void jw_str(jw *w, const char *key, const char *s)
{
    jw_item(w, key);
    render_json_cstr(w->sb, s);
}

static void jw_value(jw *w, const char *key, uint32_t type, const rt_value *v)
{
    jw_item(w, key);
    if (v)
        render_value_json(w->sb, w->p, type, v, w->depth); /* ex_build checked getallen */
    else
        sb_puts(w->sb, "null");
}

static const char *jw_cond(uint8_t v)
{
    return v == EV_COND_WAAR ? "waar" : v == EV_COND_ONWAAR ? "onwaar" : "onbekend";
}

/* {"vanaf": "2022-03-01"|null, "tot": …} or null */
static void jw_validity(jw *w, const char *key, uint32_t from, uint32_t until)
{
    jw_item(w, key);
    if (!render_has_validity(from, until)) {
        sb_puts(w->sb, "null");
        return;
    }
    jw_begin(w, '{');
    jw_item(w, "vanaf");
    render_validity_day_json(w->sb, from);
    jw_item(w, "tot");
    render_validity_day_json(w->sb, until);
    jw_end(w, '}');
}

/* {"naam": waarde, …} of a list of named values */
static void jw_values(jw *w, const char *key, const ex_value *v, uint32_t n)
{
    jw_item(w, key);
    jw_begin(w, '{');
    for (uint32_t i = 0; i < n; i++)
        jw_value(w, v[i].name, v[i].type, v[i].value);
    jw_end(w, '}');
}

static void jw_atom(jw *w, const ex_atom *a)
{
    jw_item(w, NULL);
    jw_begin(w, '{');
    jw_str(w, "voorwaarde", a->atom && a->atom->text ? a->atom->text : "");
    jw_str(w, "uitkomst", jw_cond(a->value));
    jw_values(w, "waarden", a->values, a->n_values);
    jw_item(w, "regel_in_bron");
    jw_begin(w, '{');
    jw_item(w, "regel");
    sb_printf(w->sb, "%u", a->atom ? (unsigned)a->atom->line : 0u);
    jw_item(w, "kolom");
    sb_printf(w->sb, "%u", a->atom ? (unsigned)a->atom->col : 0u);
    jw_end(w, '}');
    jw_end(w, '}');
}

/* [ATOM…] of r's checks with value `value` (only the check `only` if set) */
static void jw_atoms(jw *w, const char *key, const ex_rule *r, uint8_t value, const ex_check *only)
{
    jw_item(w, key);
    jw_begin(w, '[');
    for (uint32_t c = 0; r && c < r->n_checks; c++) {
        const ex_check *ck = &r->checks[c];
        if (only ? ck != only : ck->value != value)
            continue;
        for (uint32_t a = 0; a < ck->n_atoms; a++)
            jw_atom(w, &ck->atoms[a]);
    }
    jw_end(w, ']');
}

static const char *jw_soort(const ex_rule *r)
{
    return r->parent ? "uitzondering" : "regel";
}

static void jw_not_applied(jw *w, const ex_node *n)
{
    jw_item(w, "niet_toegepast");
    jw_begin(w, '[');
    for (uint32_t i = 0; i < n->n_not_applied; i++) {
        const ex_rule *r = &n->not_applied[i];
        jw_item(w, NULL);
        jw_begin(w, '{');
        jw_str(w, "regel", r->rule->name);
        jw_str(w, "soort", jw_soort(r));
        jw_str(w, "reden",
               r->reason == EX_REASON_OUT_OF_FORCE   ? "niet_geldig"
               : r->reason == EX_REASON_DATE_UNKNOWN ? "peildatum_onbekend"
                                                     : "voorwaarde");
        jw_atoms(w, "waarom_niet", r, EV_COND_ONWAAR, NULL);
        jw_validity(w, "geldig", r->rule->valid_from, r->rule->valid_until);
        jw_end(w, '}');
    }
    jw_end(w, ']');
}

/* "wacht_op": [{"regel", "voorwaarde", "waarden"[, "reden"]}…] */
static void jw_waiting(jw *w, const ex_node *n)
{
    jw_item(w, "wacht_op");
    jw_begin(w, '[');
    for (uint32_t i = 0; i < n->n_waiting; i++) {
        const ex_rule *r = &n->waiting[i];
        bool any = false;
        for (uint32_t c = 0; c < r->n_checks; c++) {
            const ex_check *ck = &r->checks[c];
            if (ck->value != EV_COND_ONBEKEND)
                continue;
            for (uint32_t a = 0; a < ck->n_atoms; a++) {
                const ex_atom *at = &ck->atoms[a];
                jw_item(w, NULL);
                jw_begin(w, '{');
                jw_str(w, "regel", r->rule->name);
                jw_str(w, "voorwaarde", at->atom && at->atom->text ? at->atom->text : "");
                jw_values(w, "waarden", at->values, at->n_values);
                jw_end(w, '}');
                any = true;
            }
        }
        if (any)
            continue;
        jw_item(w, NULL);
        jw_begin(w, '{');
        jw_str(w, "regel", r->rule->name);
        jw_item(w, "voorwaarde");
        sb_puts(w->sb, "null");
        /* waarde_onbekend: the onbekend facts and outcomes the outcome read */
        jw_item(w, "waarden");
        jw_begin(w, '{');
        for (uint32_t k = 0; r->reason == EX_REASON_VALUE_UNKNOWN && k < n->n_facts; k++)
            if (n->facts[k].value && n->facts[k].value->tag == RV_ONBEKEND)
                jw_value(w, n->facts[k].name, n->facts[k].type, n->facts[k].value);
        for (uint32_t k = 0; r->reason == EX_REASON_VALUE_UNKNOWN && k < n->n_uses; k++) {
            const ex_node *m = &w->d->nodes[n->uses[k]];
            if (m->value->tag == RV_ONBEKEND)
                jw_value(w, m->name, m->type, m->value);
        }
        jw_end(w, '}');
        jw_str(w, "reden",
               r->reason == EX_REASON_DATE_UNKNOWN    ? "peildatum_onbekend"
               : r->reason == EX_REASON_VALUE_UNKNOWN ? "waarde_onbekend"
                                                      : "voorwaarde");
        jw_end(w, '}');
    }
    jw_end(w, ']');
}

/* "ontbrekend": ["naam", …] over a byte-per-input table (NULL: none) */
static void jw_inputs(jw *w, const char *key, const uint8_t *table)
{
    jw_item(w, key);
    jw_begin(w, '[');
    for (uint32_t i = 0; table && i < w->p->n_inputs; i++)
        if (table[i])
            jw_str(w, NULL, w->p->inputs[i].name);
    jw_end(w, ']');
}

static void jw_params(jw *w, const ex_node *n);
static void jw_calls(jw *w, const ex_node *n);

static void jw_facts(jw *w, const ex_node *n)
{
    jw_values(w, "feiten", n->facts, n->n_facts);
    bool any = false;
    for (uint32_t i = 0; i < n->n_facts; i++) {
        if (!n->facts[i].defaulted)
            continue;
        if (!any) {
            jw_item(w, "standaard_gebruikt");
            jw_begin(w, '[');
        }
        jw_str(w, NULL, n->facts[i].name);
        any = true;
    }
    if (any)
        jw_end(w, ']');
    jw_params(w, n);
    jw_calls(w, n);
}

/* "parameters": {"naam": [{"waarde", "geldig": {"vanaf", "tot"} | null}, …]} */
static void jw_params(jw *w, const ex_node *n)
{
    if (n->n_params == 0)
        return;
    jw_item(w, "parameters");
    jw_begin(w, '{');
    for (uint32_t i = 0; i < n->n_params;) {
        uint32_t k = n->params[i].index;
        jw_item(w, n->params[i].name);
        jw_begin(w, '[');
        for (; i < n->n_params && n->params[i].index == k; i++) {
            const ex_value *v = &n->params[i];
            jw_item(w, NULL);
            jw_begin(w, '{');
            jw_value(w, "waarde", v->type, v->value);
            jw_validity(w, "geldig", v->valid_from, v->valid_until);
            jw_end(w, '}');
        }
        jw_end(w, ']');
    }
    jw_end(w, '}');
}

/* "externe_functies": [{"functie", "argumenten": […], "resultaat"}…], only
 * when the outcome called host functions (issue 8). */
static void jw_calls(jw *w, const ex_node *n)
{
    if (n->n_calls == 0)
        return;
    jw_item(w, "externe_functies");
    jw_begin(w, '[');
    for (uint32_t i = 0; i < n->n_calls; i++) {
        const ex_call *c = &n->calls[i];
        jw_item(w, NULL);
        jw_begin(w, '{');
        jw_str(w, "functie", c->fn->name);
        jw_item(w, "argumenten");
        jw_begin(w, '[');
        for (uint32_t k = 0; c->args && k < c->fn->n_params; k++)
            jw_value(w, NULL, c->fn->params[k], &c->args[k]);
        jw_end(w, ']');
        jw_value(w, "resultaat", c->fn->result, c->result);
        jw_end(w, '}');
    }
    jw_end(w, ']');
}

static void jw_node(jw *w, const ex_node *n, unsigned depth);

static void jw_uses(jw *w, const ex_node *n, unsigned depth)
{
    jw_item(w, "steunt_op");
    jw_begin(w, '{');
    for (uint32_t i = 0; i < n->n_uses; i++) {
        const ex_node *m = &w->d->nodes[n->uses[i]];
        uint8_t kind = ex_use_kind(w->d, m->outcome, depth + 1);
        if (kind == EX_USE_EXPAND && w->depth + 8 > JW_MAX_DEPTH)
            kind = EX_USE_ABOVE;
        jw_item(w, m->name);
        if (kind == EX_USE_EXPAND) {
            jw_node(w, m, depth + 1);
            continue;
        }
        jw_begin(w, '{');
        jw_value(w, "waarde", m->type, m->value);
        jw_str(w, "zie", m->name);
        jw_end(w, '}');
    }
    jw_end(w, '}');
}

static bool jw_undecided(const ex_node *n)
{
    return n->status != EX_DECIDED || n->value->tag == RV_ONBEKEND;
}

/* NODE (doc/uitleg.md): the whole derivation of one outcome or begrip. */
static void jw_node(jw *w, const ex_node *n, unsigned depth)
{
    const ex_rule *r = n->decider;
    const rt_rule *rule = r ? r->rule : NULL;
    jw_begin(w, '{');
    jw_value(w, "waarde", n->type, n->value);
    jw_str(w, "zin", n->sentence);
    jw_item(w, "zin_gegenereerd");
    sb_puts(w->sb, n->sentence_generated ? "true" : "false");
    jw_str(w, "regel", rule ? rule->name : NULL);
    jw_str(w, "soort", r ? jw_soort(r) : NULL);
    jw_str(w, "uitzondering_op", r && r->parent ? r->parent->name : NULL);
    jw_str(w, "bron", rule ? rule->bron : NULL);
    jw_str(w, "citaat", rule ? rule->citaat : NULL);
    if (rule)
        jw_validity(w, "geldig", rule->valid_from, rule->valid_until);
    else
        jw_validity(w, "geldig", RBC_NONE, RBC_NONE);
    jw_atoms(w, "voldaan", r, EV_COND_WAAR, r && r->met ? r->met : NULL);
    jw_atoms(w, "waarom_niet", r, EV_COND_ONWAAR, NULL);
    if (r && r->parent && n->set_aside && n->set_aside->value) {
        jw_item(w, "opzij_gezet");
        jw_begin(w, '{');
        jw_str(w, "regel", n->set_aside->rule->name);
        jw_value(w, "waarde", n->type, n->set_aside->value);
        jw_end(w, '}');
    }
    jw_not_applied(w, n);
    jw_facts(w, n);
    jw_uses(w, n, depth);
    if (jw_undecided(n)) {
        jw_inputs(w, "ontbrekend", n->missing);
        jw_waiting(w, n);
        if (n->status == EX_NO_RULE)
            jw_str(w, "reden", "geen regel van toepassing");
    }
    jw_end(w, '}');
}

/* onbeslist.<naam>: ontbrekend, reden, zin, wacht_op, niet_toegepast, feiten, steunt_op */
static void jw_open_node(jw *w, const ex_node *n)
{
    jw_begin(w, '{');
    jw_inputs(w, "ontbrekend", n->missing);
    if (n->status == EX_NO_RULE)
        jw_str(w, "reden", "geen regel van toepassing");
    if (w->d->explained) {
        jw_str(w, "zin", n->sentence);
        jw_waiting(w, n);
        jw_not_applied(w, n);
        jw_facts(w, n);
        jw_uses(w, n, 0);
    }
    jw_end(w, '}');
}

void render_json_doc(strbuf *sb, ex_doc *d)
{
    const regel_policy *p = d->policy;
    jw w;
    memset(&w, 0, sizeof w);
    w.sb = sb;
    w.d = d;
    w.p = p;
    jw_begin(&w, '{');
    jw_str(&w, "beleid", p->name);
    if (d->peildatum)
        jw_value(&w, "peildatum", p->inputs[p->peildatum_input].type, d->peildatum);

    jw_item(&w, "uitkomsten");
    jw_begin(&w, '{');
    for (uint32_t s = 0; s < d->n_shown; s++) {
        const ex_node *n = &d->nodes[d->shown[s]];
        jw_value(&w, n->name, n->type, n->value);
    }
    jw_end(&w, '}');

    jw_item(&w, "uitleg");
    jw_begin(&w, '{');
    for (uint32_t s = 0; d->explained && s < d->n_shown; s++) {
        const ex_node *n = &d->nodes[d->shown[s]];
        if (jw_undecided(n))
            continue;
        jw_item(&w, n->name);
        ex_section_begin(d, n->outcome);
        jw_node(&w, n, 0);
    }
    jw_end(&w, '}');

    jw_item(&w, "onbeslist");
    jw_begin(&w, '{');
    for (uint32_t s = 0; s < d->n_shown; s++) {
        const ex_node *n = &d->nodes[d->shown[s]];
        if (!jw_undecided(n))
            continue;
        jw_item(&w, n->name);
        ex_section_begin(d, n->outcome);
        jw_open_node(&w, n);
    }
    jw_end(&w, '}');

    jw_inputs(&w, "ontbrekend", d->missing);
    jw_end(&w, '}');
    sb_putc(sb, '\n');
}
