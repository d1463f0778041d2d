/* render_json.c — regel_render_json: the decision of the last evaluation as
 * the JSON of spec §7 (beleid, uitkomsten, uitleg with rule validity,
 * parameters and defaults used, onbeslist, ontbrekend), written by hand with
 * exact numbers. Changes nothing. */
#include <string.h>

#include "render.h"
#include "rt.h"

/* "key": starting a member line at the given indent (only the indent when
 * key is NULL: an array element). */
static void render_json_key(strbuf *sb, unsigned indent, const char *key)
{
    for (unsigned i = 0; i < indent; i++)
        sb_puts(sb, "  ");
    if (!key)
        return;
    render_json_cstr(sb, key);
    sb_puts(sb, ": ");
}

/* Separator before the next member of an object: ",\n" or "{\n" for the first. */
static void render_json_next(strbuf *sb, bool *first)
{
    sb_puts(sb, *first ? "{\n" : ",\n");
    *first = false;
}

/* Close an object opened with render_json_next, or write {} when it stayed empty. */
static void render_json_close(strbuf *sb, bool first, unsigned indent)
{
    if (first) {
        sb_puts(sb, "{}");
        return;
    }
    sb_putc(sb, '\n');
    for (unsigned i = 0; i < indent; i++)
        sb_puts(sb, "  ");
    sb_putc(sb, '}');
}

/* The names of the inputs marked in `table` (a byte per input; NULL: none),
 * in input order, as a JSON array: [] or one name per line at indent + 1 with
 * the closing bracket at indent. */
static void render_json_inputs(strbuf *sb, const regel_policy *p, const uint8_t *table,
                               unsigned indent)
{
    bool any = false;
    for (uint32_t i = 0; i < p->n_inputs && table; i++) {
        if (!table[i])
            continue;
        sb_puts(sb, any ? ",\n" : "[\n");
        render_json_key(sb, indent + 1, NULL);
        render_json_cstr(sb, p->inputs[i].name);
        any = true;
    }
    if (!any) {
        sb_puts(sb, "[]");
        return;
    }
    sb_putc(sb, '\n');
    render_json_key(sb, indent, NULL);
    sb_putc(sb, ']');
}

/* ,"standaard_gebruikt": [...] at indent level 3: the facts read while
 * resolving outcome o that took their `standaard` value; nothing when none. */
static void render_json_defaults(strbuf *sb, const regel_eval *ev, uint32_t o)
{
    const regel_policy *p = ev->policy;
    bool any = false;
    for (uint32_t i = 0; i < p->n_inputs; i++) {
        if (!ev->reads_input[(size_t)o * p->n_inputs + i] || !render_defaulted(ev, i))
            continue;
        if (!any) {
            sb_puts(sb, ",\n");
            render_json_key(sb, 3, "standaard_gebruikt");
            sb_puts(sb, "[\n");
        } else {
            sb_puts(sb, ",\n");
        }
        render_json_key(sb, 4, NULL);
        render_json_cstr(sb, p->inputs[i].name);
        any = true;
    }
    if (any) {
        sb_putc(sb, '\n');
        render_json_key(sb, 3, NULL);
        sb_putc(sb, ']');
    }
}

/* ,"parameters": {"naam": [{"waarde": …, "geldig_vanaf": …, "geldig_tot": …}, …], …}
 * at indent level 3: every parameter version used while resolving outcome o;
 * nothing when none was used. */
static void render_json_params(strbuf *sb, const regel_eval *ev, uint32_t o)
{
    const regel_policy *p = ev->policy;
    if (!ev->reads_param || p->n_param_versions == 0)
        return;
    bool first = true;
    for (uint32_t k = 0; k < p->n_params; k++) {
        const rt_param *param = &p->params[k];
        bool any = false;
        for (uint32_t i = 0; i < param->n_versions; i++) {
            uint64_t g = (uint64_t)param->first_version + i;
            rt_value v;
            if (g >= p->n_param_versions || !ev->reads_param[(size_t)o * p->n_param_versions + g] ||
                !render_param_value(p, param, i, &v))
                continue;
            if (first) {
                sb_puts(sb, ",\n");
                render_json_key(sb, 3, "parameters");
            }
            if (!any) {
                render_json_next(sb, &first);
                render_json_key(sb, 4, param->name);
                sb_puts(sb, "[\n");
            } else {
                sb_puts(sb, ",\n");
            }
            any = true;
            render_json_key(sb, 5, NULL);
            sb_puts(sb, "{\n");
            render_json_key(sb, 6, "waarde");
            render_value_json(sb, p, param->type, &v, 6);
            sb_puts(sb, ",\n");
            render_json_key(sb, 6, "geldig_vanaf");
            render_validity_day_json(sb, param->versions[i].from);
            sb_puts(sb, ",\n");
            render_json_key(sb, 6, "geldig_tot");
            render_validity_day_json(sb, param->versions[i].until);
            sb_puts(sb, "\n          }");
        }
        if (any)
            sb_puts(sb, "\n        ]");
    }
    if (!first)
        render_json_close(sb, first, 3);
}

/* The explanation object of outcome o at indent level 2. */
static void render_json_uitleg(strbuf *sb, const regel_eval *ev, uint32_t o)
{
    const regel_policy *p = ev->policy;
    const rt_rule *r = &p->rules[ev->decided_by[o]];
    sb_puts(sb, "{\n");
    render_json_key(sb, 3, "regel");
    render_json_cstr(sb, r->name);
    sb_puts(sb, ",\n");
    if (render_has_validity(r->valid_from, r->valid_until)) {
        render_json_key(sb, 3, "geldig_vanaf");
        render_validity_day_json(sb, r->valid_from);
        sb_puts(sb, ",\n");
        render_json_key(sb, 3, "geldig_tot");
        render_validity_day_json(sb, r->valid_until);
        sb_puts(sb, ",\n");
    }
    render_json_key(sb, 3, "bron");
    render_json_cstr(sb, r->bron);
    if (r->citaat) {
        sb_puts(sb, ",\n");
        render_json_key(sb, 3, "citaat");
        render_json_cstr(sb, r->citaat);
    }
    if (r->parent < p->n_rules) {
        sb_puts(sb, ",\n");
        render_json_key(sb, 3, "uitzondering_op");
        render_json_cstr(sb, p->rules[r->parent].name);
    }
    if (ev->explained && ev->reads_input && ev->reads_outcome) {
        sb_puts(sb, ",\n");
        render_json_key(sb, 3, "feiten");
        bool first = true;
        for (uint32_t i = 0; i < p->n_inputs; i++) {
            if (!ev->reads_input[(size_t)o * p->n_inputs + i])
                continue;
            render_json_next(sb, &first);
            render_json_key(sb, 4, p->inputs[i].name);
            render_value_json(sb, p, p->inputs[i].type, &ev->kase->facts[i], 4);
        }
        render_json_close(sb, first, 3);
        render_json_defaults(sb, ev, o);
        render_json_params(sb, ev, o);
        sb_puts(sb, ",\n");
        render_json_key(sb, 3, "steunt_op");
        first = true;
        for (uint32_t pos = 0; pos < p->n_outcomes; pos++) {
            uint32_t x = p->display_order[pos];
            if (!ev->reads_outcome[(size_t)o * p->n_outcomes + x])
                continue;
            render_json_next(sb, &first);
            render_json_key(sb, 4, p->outcomes[x].name);
            render_value_json(sb, p, p->outcomes[x].type, &ev->values[x], 4);
        }
        render_json_close(sb, first, 3);
    }
    if (ev->values[o].tag == RV_ONBEKEND) {
        /* a rule gave an onbekend value: what it is waiting for */
        sb_puts(sb, ",\n");
        render_json_key(sb, 3, "ontbrekend");
        render_json_inputs(sb, p, render_causes(ev, o), 3);
    }
    sb_puts(sb, "\n    }");
}

/* "onbeslist": {"<uitkomst>": {"ontbrekend": […], "reden": …}, …}: every
 * uitkomst that is still onbekend, display order; "reden" only when no rule
 * applied. */
static void render_json_open(strbuf *sb, const regel_eval *ev)
{
    const regel_policy *p = ev->policy;
    render_json_key(sb, 1, "onbeslist");
    bool first = true;
    for (uint32_t pos = 0; pos < p->n_outcomes; pos++) {
        uint32_t o = p->display_order[pos];
        if (!render_is_open(ev, o))
            continue;
        render_json_next(sb, &first);
        render_json_key(sb, 2, p->outcomes[o].name);
        sb_puts(sb, "{\n");
        render_json_key(sb, 3, "ontbrekend");
        render_json_inputs(sb, p, render_causes(ev, o), 3);
        if (ev->status[o] == EV_NO_RULE) {
            sb_puts(sb, ",\n");
            render_json_key(sb, 3, "reden");
            render_json_cstr(sb, "geen regel van toepassing");
        }
        sb_putc(sb, '\n');
        render_json_key(sb, 2, NULL);
        sb_putc(sb, '}');
    }
    render_json_close(sb, first, 1);
}

REGEL_API int regel_render_json(const regel_eval *ev, char **out, size_t *len, regel_error *err)
{
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    int rc = render_check(ev, err);
    if (rc != REGEL_OK)
        return rc;
    if (!out)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_render_json: geen plaats voor de uitvoer (NULL)");
    const regel_policy *p = ev->policy;
    strbuf sb = STRBUF_INIT;
    sb_puts(&sb, "{\n");
    render_json_key(&sb, 1, "beleid");
    render_json_cstr(&sb, p->name);
    sb_puts(&sb, ",\n");

    render_json_key(&sb, 1, "uitkomsten");
    bool first = true;
    for (uint32_t pos = 0; pos < p->n_outcomes; pos++) {
        uint32_t o = p->display_order[pos];
        if (!(p->outcomes[o].flags & RBC_OUTCOME_OUTPUT))
            continue;
        render_json_next(&sb, &first);
        render_json_key(&sb, 2, p->outcomes[o].name);
        render_value_json(&sb, p, p->outcomes[o].type, &ev->values[o], 2);
    }
    render_json_close(&sb, first, 1);
    sb_puts(&sb, ",\n");

    render_json_key(&sb, 1, "uitleg");
    first = true;
    for (uint32_t pos = 0; pos < p->n_outcomes; pos++) {
        uint32_t o = p->display_order[pos];
        if (!render_has_uitleg(ev, o))
            continue;
        render_json_next(&sb, &first);
        render_json_key(&sb, 2, p->outcomes[o].name);
        render_json_uitleg(&sb, ev, o);
    }
    render_json_close(&sb, first, 1);
    sb_puts(&sb, ",\n");

    render_json_open(&sb, ev);
    sb_puts(&sb, ",\n");

    render_json_key(&sb, 1, "ontbrekend");
    render_json_inputs(&sb, p, ev->missing, 1);
    sb_puts(&sb, "\n}\n");
    return render_finish(&sb, out, len, err);
}
