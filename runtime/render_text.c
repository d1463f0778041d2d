/* render_text.c — the motivering as Dutch text for people (spec7 §4.4): per
 * shown outcome its value, the citizen sentence, the legal ground with the
 * conditions met, why not, rules not applied, the facts and, indented, what
 * it relied on; at the end what is missing. Walks the tree of explain.h. */
#include <string.h>

#include "explain.h"
#include "render.h"
#include "rt.h"

typedef struct tx {
    strbuf *sb;
    ex_doc *d;
    const regel_policy *p;
} tx;

static void tx_line(tx *t, unsigned indent)
{
    for (unsigned i = 0; i < indent; i++)
        sb_putc(t->sb, ' ');
}

static void tx_value(tx *t, uint32_t type, const rt_value *v)
{
    if (!v) {
        sb_puts(t->sb, "onbekend");
        return;
    }
    render_value_text(t->sb, t->p, type, v); /* ex_build checked every getal */
}

/* "naam = waarde" */
static void tx_named(tx *t, const ex_value *v)
{
    sb_printf(t->sb, "%s = ", v->name);
    tx_value(t, v->type, v->value);
}

/* " (geldig vanaf 1 maart 2022)" when the rule has a validity. */
static void tx_validity(tx *t, uint32_t from, uint32_t until)
{
    if (!render_has_validity(from, until))
        return;
    sb_puts(t->sb, " (");
    render_validity_text(t->sb, from, until);
    sb_putc(t->sb, ')');
}

/* "vdab_aanmelding ≤ vdab_uiterste_datum (vdab_aanmelding = 3 mei 2023, …)" */
static void tx_atom(tx *t, const ex_atom *a)
{
    sb_puts(t->sb, a->atom && a->atom->text ? a->atom->text : "");
    for (uint32_t i = 0; i < a->n_values; i++) {
        sb_puts(t->sb, i ? ", " : " (");
        tx_named(t, &a->values[i]);
    }
    if (a->n_values)
        sb_putc(t->sb, ')');
}

static const char *tx_kind(const ex_rule *r)
{
    return r->parent ? "Uitzondering" : "Regel";
}

/* The atoms of r's checks that have value `value`, joined by `sep`; false
 * when there are none. */
static bool tx_atoms_of(tx *t, const ex_rule *r, uint8_t value, const char *sep)
{
    bool any = false;
    for (uint32_t c = 0; c < r->n_checks; c++) {
        const ex_check *ck = &r->checks[c];
        if (ck->value != value)
            continue;
        for (uint32_t a = 0; a < ck->n_atoms; a++) {
            if (any)
                sb_puts(t->sb, sep);
            tx_atom(t, &ck->atoms[a]);
            any = true;
        }
    }
    return any;
}

static void tx_waiting(tx *t, const ex_node *n, unsigned ind)
{
    for (uint32_t w = 0; w < n->n_waiting; w++) {
        const ex_rule *r = &n->waiting[w];
        tx_line(t, ind);
        sb_printf(t->sb, "%s \"%s\" kan nog niet beslissen", tx_kind(r), r->rule->name);
        if (r->reason == EX_REASON_DATE_UNKNOWN) {
            sb_puts(t->sb, ": de peildatum is onbekend");
            tx_validity(t, r->rule->valid_from, r->rule->valid_until);
        } else if (r->reason == EX_REASON_VALUE_UNKNOWN) {
            /* the onbekend facts and outcomes the outcome read */
            sb_puts(t->sb, ": de uitkomst hangt af van onbekende gegevens");
            bool any = false;
            for (int pass = 0; pass < 2; pass++) {
                const ex_value *vs = pass ? NULL : n->facts;
                uint32_t nv = pass ? n->n_uses : n->n_facts;
                for (uint32_t i = 0; i < nv; i++) {
                    const char *name = pass ? t->d->nodes[n->uses[i]].name : vs[i].name;
                    const rt_value *v = pass ? t->d->nodes[n->uses[i]].value : vs[i].value;
                    if (!v || v->tag != RV_ONBEKEND)
                        continue;
                    sb_puts(t->sb, any ? ", " : " (");
                    sb_printf(t->sb, "%s = onbekend", name);
                    any = true;
                }
            }
            if (any)
                sb_putc(t->sb, ')');
        } else {
            size_t mark = t->sb->len;
            sb_puts(t->sb, ": onbekend of ");
            if (!tx_atoms_of(t, r, EV_COND_ONBEKEND, " en of ") && !t->sb->failed) {
                t->sb->len = mark; /* nothing to name */
                t->sb->data[mark] = '\0';
            }
        }
        sb_putc(t->sb, '\n');
    }
}

static void tx_not_applied(tx *t, const ex_node *n, unsigned ind)
{
    if (n->n_not_applied == 0)
        return;
    tx_line(t, ind);
    sb_puts(t->sb, "Niet toegepast\n");
    for (uint32_t i = 0; i < n->n_not_applied; i++) {
        const ex_rule *r = &n->not_applied[i];
        tx_line(t, ind + 2);
        sb_printf(t->sb, "%s \"%s\"", tx_kind(r), r->rule->name);
        if (r->reason == EX_REASON_OUT_OF_FORCE) {
            sb_puts(t->sb, " gold niet op de peildatum");
            tx_validity(t, r->rule->valid_from, r->rule->valid_until);
        } else {
            size_t mark = t->sb->len;
            sb_puts(t->sb, ": niet voldaan: ");
            if (!tx_atoms_of(t, r, EV_COND_ONWAAR, "; ") && !t->sb->failed) {
                t->sb->len = mark;
                t->sb->data[mark] = '\0';
                sb_puts(t->sb, ": niet van toepassing");
            }
        }
        sb_putc(t->sb, '\n');
    }
}

static void tx_ground(tx *t, const ex_node *n, unsigned ind)
{
    const ex_rule *r = n->decider;
    const rt_rule *rule = r->rule;
    tx_line(t, ind);
    sb_puts(t->sb, "Juridische grond\n");
    tx_line(t, ind + 2);
    if (r->parent)
        sb_printf(t->sb, "Uitzondering \"%s\" op de regel \"%s\"", rule->name, r->parent->name);
    else
        sb_printf(t->sb, "Regel \"%s\"", rule->name);
    tx_validity(t, rule->valid_from, rule->valid_until);
    sb_putc(t->sb, '\n');
    if (rule->bron) {
        tx_line(t, ind + 2);
        sb_printf(t->sb, "Bron: %s\n", rule->bron);
    }
    if (rule->citaat) {
        tx_line(t, ind + 2);
        sb_printf(t->sb, "Citaat: \"%s\"\n", rule->citaat);
    }
    for (uint32_t i = 0; i < n->n_params; i++) {
        tx_line(t, ind + 2);
        sb_puts(t->sb, "Parameter: ");
        tx_named(t, &n->params[i]);
        tx_validity(t, n->params[i].valid_from, n->params[i].valid_until);
        sb_putc(t->sb, '\n');
    }
    if (r->met)
        for (uint32_t a = 0; a < r->met->n_atoms; a++) {
            tx_line(t, ind + 2);
            sb_puts(t->sb, "Voldaan: ");
            tx_atom(t, &r->met->atoms[a]);
            sb_putc(t->sb, '\n');
        }
    if (r->parent) {
        tx_line(t, ind + 2);
        sb_printf(t->sb, "Deze uitzondering zet de regel \"%s\" opzij", r->parent->name);
        if (n->set_aside && n->set_aside->value) {
            sb_puts(t->sb, " (die gaf: ");
            tx_value(t, n->type, n->set_aside->value);
            sb_putc(t->sb, ')');
        }
        sb_puts(t->sb, ".\n");
    }
    bool header = false;
    for (uint32_t c = 0; c < r->n_checks; c++) {
        const ex_check *ck = &r->checks[c];
        if (ck->value != EV_COND_ONWAAR)
            continue;
        for (uint32_t a = 0; a < ck->n_atoms; a++) {
            if (!header) {
                tx_line(t, ind);
                sb_puts(t->sb, "Waarom niet\n");
                header = true;
            }
            tx_line(t, ind + 2);
            sb_puts(t->sb, "Niet voldaan: ");
            tx_atom(t, &ck->atoms[a]);
            sb_putc(t->sb, '\n');
        }
    }
}

/* "Externe functie: werkdagen_tussen(1 maart 2023, 31 maart 2023) = 22",
 * one line per host-function call (issue 8). */
static void tx_calls(tx *t, const ex_node *n, unsigned ind)
{
    for (uint32_t i = 0; i < n->n_calls; i++) {
        const ex_call *c = &n->calls[i];
        tx_line(t, ind);
        sb_printf(t->sb, "Externe functie: %s(", c->fn->name);
        for (uint32_t k = 0; c->args && k < c->fn->n_params; k++) {
            if (k)
                sb_puts(t->sb, ", ");
            tx_value(t, c->fn->params[k], &c->args[k]);
        }
        sb_puts(t->sb, ") = ");
        tx_value(t, c->fn->result, c->result);
        sb_putc(t->sb, '\n');
    }
}

static void tx_body(tx *t, const ex_node *n, unsigned ind, unsigned depth);

static void tx_uses(tx *t, const ex_node *n, unsigned ind, unsigned depth)
{
    if (n->n_uses == 0)
        return;
    tx_line(t, ind);
    sb_puts(t->sb, "Steunt op\n");
    for (uint32_t i = 0; i < n->n_uses; i++) {
        const ex_node *m = &t->d->nodes[n->uses[i]];
        tx_line(t, ind + 2);
        sb_printf(t->sb, "%s = ", m->name);
        tx_value(t, m->type, m->value);
        switch (ex_use_kind(t->d, m->outcome, depth + 1)) {
        case EX_USE_SECTION:
            sb_printf(t->sb, " (zie ‘%s’)\n", m->name);
            break;
        case EX_USE_ABOVE:
            sb_puts(t->sb, " (zie hierboven)\n");
            break;
        default:
            sb_putc(t->sb, '\n');
            tx_body(t, m, ind + 4, depth + 1);
            break;
        }
    }
}

/* Everything under "naam: waarde" (or "naam = waarde"), at indent ind. */
static void tx_body(tx *t, const ex_node *n, unsigned ind, unsigned depth)
{
    const regel_policy *p = t->p;
    if (n->sentence && n->sentence[0]) {
        tx_line(t, ind);
        sb_puts(t->sb, n->sentence);
        sb_putc(t->sb, '\n');
    }
    if (n->status != EX_DECIDED || n->value->tag == RV_ONBEKEND) {
        bool any = false;
        for (uint32_t i = 0; n->missing && i < p->n_inputs; i++) {
            if (!n->missing[i])
                continue;
            if (!any)
                tx_line(t, ind);
            sb_puts(t->sb, any ? ", " : "Ontbrekende feiten: ");
            sb_puts(t->sb, p->inputs[i].name);
            any = true;
        }
        if (any)
            sb_puts(t->sb, ".\n");
        tx_waiting(t, n, ind);
    }
    if (n->decider)
        tx_ground(t, n, ind);
    tx_not_applied(t, n, ind);
    if (n->n_facts || n->n_calls) {
        tx_line(t, ind);
        sb_puts(t->sb, "Feitelijke gronden\n");
        for (uint32_t i = 0; i < n->n_facts; i++) {
            tx_line(t, ind + 2);
            tx_named(t, &n->facts[i]);
            sb_puts(t->sb, n->facts[i].defaulted ? " (standaard)\n" : "\n");
        }
        tx_calls(t, n, ind + 2);
    }
    tx_uses(t, n, ind, depth);
}

void render_text_doc(strbuf *sb, ex_doc *d)
{
    const regel_policy *p = d->policy;
    tx t = {sb, d, p};
    bool first = true;
    if (p->name && p->name[0]) {
        sb_printf(sb, "Beleid: %s\n", p->name);
        first = false;
    }
    if (d->peildatum) {
        sb_puts(sb, "Peildatum: ");
        render_value_text(sb, p, p->inputs[p->peildatum_input].type, d->peildatum);
        sb_putc(sb, '\n');
        first = false;
    }
    for (uint32_t s = 0; s < d->n_shown; s++) {
        const ex_node *n = &d->nodes[d->shown[s]];
        if (!first)
            sb_putc(sb, '\n');
        first = false;
        sb_printf(sb, "%s: ", n->name);
        tx_value(&t, n->type, n->value);
        sb_putc(sb, '\n');
        if (!d->explained)
            continue; /* without a trace: values only */
        ex_section_begin(d, n->outcome);
        tx_body(&t, n, 2, 0);
    }
    bool any = false;
    for (uint32_t i = 0; i < p->n_inputs; i++) {
        if (!d->missing[i])
            continue;
        if (!any && !first)
            sb_putc(sb, '\n');
        sb_puts(sb, any ? ", " : "Ontbrekende feiten: ");
        sb_puts(sb, p->inputs[i].name);
        any = true;
    }
    if (any)
        sb_puts(sb, ".\n");
}
