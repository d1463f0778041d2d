/* render_text.c — regel_render_text: the decision of the last evaluation in
 * Dutch for people (spec §7): every uitkomst with its value, the deciding rule
 * (and its validity), bron, citaat, facts (defaults marked) and parameters
 * read, and per open uitkomst and overall what is missing. */
#include <string.h>

#include "render.h"
#include "rt.h"

/* "  Kan nog niet beslist worden; ontbrekende feiten: werkt, studeert.": the
 * causes of outcome o's onbekend value, in input order; without the list when
 * it has none. */
static void render_text_unknown(strbuf *sb, const regel_eval *ev, uint32_t o)
{
    const regel_policy *p = ev->policy;
    const uint8_t *causes = render_causes(ev, o);
    bool any = false;
    for (uint32_t i = 0; i < p->n_inputs && causes; i++) {
        if (!causes[i])
            continue;
        sb_puts(sb, any ? ", " : "  Kan nog niet beslist worden; ontbrekende feiten: ");
        sb_puts(sb, p->inputs[i].name);
        any = true;
    }
    sb_puts(sb, any ? ".\n" : "  Kan nog niet beslist worden.\n");
}

/* "  Parameters: toetsvergoeding = € 90,00 (geldig vanaf 1 maart 2022), …":
 * every parameter version used while resolving outcome o; nothing when none. */
static void render_text_params(strbuf *sb, const regel_eval *ev, uint32_t o)
{
    const regel_policy *p = ev->policy;
    if (!ev->reads_param || p->n_param_versions == 0)
        return;
    bool any = false;
    for (uint32_t k = 0; k < p->n_params; k++) {
        const rt_param *param = &p->params[k];
        for (uint32_t i = 0; i < param->n_versions; i++) {
            uint64_t g = (uint64_t)param->first_version + i;
            if (g >= p->n_param_versions || !ev->reads_param[(size_t)o * p->n_param_versions + g])
                continue;
            rt_value v;
            if (!render_param_value(p, param, i, &v))
                continue;
            sb_puts(sb, any ? ", " : "  Parameters: ");
            sb_printf(sb, "%s = ", param->name);
            render_value_text(sb, p, param->type, &v);
            const rt_param_version *pv = &param->versions[i];
            if (render_has_validity(pv->from, pv->until)) {
                sb_puts(sb, " (");
                render_validity_text(sb, pv->from, pv->until);
                sb_putc(sb, ')');
            }
            any = true;
        }
    }
    if (any)
        sb_putc(sb, '\n');
}

static void render_text_rule(strbuf *sb, const regel_eval *ev, uint32_t o)
{
    const regel_policy *p = ev->policy;
    const rt_rule *r = &p->rules[ev->decided_by[o]];
    sb_printf(sb, "  Regel: \"%s\"", r->name);
    if (render_has_validity(r->valid_from, r->valid_until)) {
        sb_puts(sb, " (");
        render_validity_text(sb, r->valid_from, r->valid_until);
        sb_putc(sb, ')');
    }
    if (r->parent < p->n_rules)
        sb_printf(sb, " (uitzondering op \"%s\")", p->rules[r->parent].name);
    sb_putc(sb, '\n');
    if (r->bron)
        sb_printf(sb, "  Bron: %s\n", r->bron);
    if (r->citaat)
        sb_printf(sb, "  Citaat: \"%s\"\n", r->citaat);
    if (!ev->explained || !ev->reads_input || !ev->reads_outcome)
        return;
    bool any = false;
    for (uint32_t i = 0; i < p->n_inputs; i++) {
        if (!ev->reads_input[(size_t)o * p->n_inputs + i])
            continue;
        sb_puts(sb, any ? ", " : "  Feiten: ");
        sb_printf(sb, "%s = ", p->inputs[i].name);
        render_value_text(sb, p, p->inputs[i].type, &ev->kase->facts[i]);
        if (render_defaulted(ev, i))
            sb_puts(sb, " (standaard)");
        any = true;
    }
    if (any)
        sb_putc(sb, '\n');
    render_text_params(sb, ev, o);
    any = false;
    for (uint32_t pos = 0; pos < p->n_outcomes; pos++) {
        uint32_t x = p->display_order[pos];
        if (!ev->reads_outcome[(size_t)o * p->n_outcomes + x])
            continue;
        sb_puts(sb, any ? ", " : "  Steunt op: ");
        sb_printf(sb, "%s = ", p->outcomes[x].name);
        render_value_text(sb, p, p->outcomes[x].type, &ev->values[x]);
        any = true;
    }
    if (any)
        sb_putc(sb, '\n');
}

REGEL_API int regel_render_text(const regel_eval *ev, char **out, size_t *len, regel_error *err)
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
                        "regel_render_text: geen plaats voor de uitvoer (NULL)");
    const regel_policy *p = ev->policy;
    strbuf sb = STRBUF_INIT;
    bool first = true;
    if (p->name && p->name[0]) {
        sb_printf(&sb, "Beleid: %s\n", p->name);
        first = false;
    }
    for (uint32_t pos = 0; pos < p->n_outcomes; pos++) {
        uint32_t o = p->display_order[pos];
        if (!(p->outcomes[o].flags & RBC_OUTCOME_OUTPUT))
            continue;
        if (!first)
            sb_putc(&sb, '\n');
        first = false;
        sb_printf(&sb, "%s: ", p->outcomes[o].name);
        render_value_text(&sb, p, p->outcomes[o].type, &ev->values[o]);
        sb_putc(&sb, '\n');
        if (render_has_uitleg(ev, o)) {
            render_text_rule(&sb, ev, o);
            if (ev->values[o].tag == RV_ONBEKEND)
                render_text_unknown(&sb, ev, o);
        } else if (ev->status[o] == EV_NO_RULE) {
            sb_puts(&sb, "  Geen enkele regel is van toepassing.\n");
        } else if (ev->values[o].tag == RV_ONBEKEND) {
            render_text_unknown(&sb, ev, o);
        }
    }
    bool any = false;
    for (uint32_t i = 0; i < p->n_inputs && ev->missing; i++) {
        if (!ev->missing[i])
            continue;
        if (!any && !first)
            sb_putc(&sb, '\n');
        sb_puts(&sb, any ? ", " : "Ontbrekende feiten: ");
        sb_puts(&sb, p->inputs[i].name);
        any = true;
    }
    if (any)
        sb_puts(&sb, ".\n");
    return render_finish(&sb, out, len, err);
}
