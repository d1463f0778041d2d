/* sentence.c — citizen sentences (spec7 §4.2, §4.3): values in sentence form
 * (ja, € 90,00, 1 maart 2022, avond of weekend), `uitleg` templates filled
 * with them, and the sentence generated for a rule without a template. */
#include <stdio.h>
#include <string.h>

#include "cal.h"
#include "explain.h"
#include "render.h"

#define SENTENCE_MAX_DEPTH 16

static void sentence_date(strbuf *sb, int32_t day)
{
    char buf[32];
    cal_format_dutch(day, buf, sizeof buf);
    sb_puts(sb, buf);
}

/* An enum member with every `_` shown as a space. */
static void sentence_member(strbuf *sb, const char *m)
{
    for (const char *c = m; *c; c++)
        sb_putc(sb, *c == '_' ? ' ' : *c);
}

static void sentence_at(strbuf *sb, const regel_policy *p, uint32_t type, const rt_value *v,
                        unsigned depth)
{
    const rt_type *t = type < p->n_types ? &p->types[type] : NULL;
    if (depth > SENTENCE_MAX_DEPTH) {
        sb_puts(sb, "…");
        return;
    }
    switch (v->tag) {
    case RV_GEEN:
        sb_puts(sb, "geen");
        return;
    case RV_WAARHEID:
        sb_puts(sb, v->u.b ? "ja" : "nee");
        return;
    case RV_GETAL:
        if (!render_value_text(sb, p, type, v)) /* no finite decimal form: exact */
            sb_printf(sb, "%lld/%lld", (long long)v->u.q.num, (long long)v->u.q.den);
        return;
    case RV_TEKST:
        /* without quotes; a control character (a newline) becomes a space so
         * the sentence stays one line */
        for (uint32_t i = 0; i < v->u.str.len; i++) {
            unsigned char c = (unsigned char)v->u.str.s[i];
            sb_putc(sb, c < 0x20 || c == 0x7f ? ' ' : (char)c);
        }
        return;
    case RV_MEMBER:
        if (t && t->kind == RBC_TYPE_ENUM && v->u.member < t->n)
            sentence_member(sb, t->members[v->u.member]);
        else
            sb_puts(sb, "onbekend");
        return;
    case RV_DATUM:
        sentence_date(sb, v->u.day);
        return;
    case RV_PERIODE:
        if (v->u.periode.open) {
            sb_puts(sb, "vanaf ");
            sentence_date(sb, v->u.periode.van);
        } else {
            sb_puts(sb, "van ");
            sentence_date(sb, v->u.periode.van);
            sb_puts(sb, " tot en met ");
            sentence_date(sb, v->u.periode.tot);
        }
        return;
    case RV_DUUR:
    case RV_BEDRAG:
        render_value_text(sb, p, type, v);
        return;
    case RV_RECORD:
        /* "onderdeel nt2, geslaagd ja" */
        if (!t || t->kind != RBC_TYPE_RECORD) {
            sb_puts(sb, "onbekend");
            return;
        }
        for (uint32_t f = 0; f < t->n; f++) {
            sb_puts(sb, f ? ", " : "");
            sb_puts(sb, t->fields[f].name);
            sb_putc(sb, ' ');
            sentence_at(sb, p, t->fields[f].type, &v->u.fields[f], depth + 1);
        }
        return;
    case RV_LIJST: {
        /* "a, b en c"; an empty list is "geen" */
        uint32_t elem = t && t->kind == RBC_TYPE_LIJST ? t->elem : RBC_NONE;
        uint32_t n = v->u.list.n;
        if (n == 0) {
            sb_puts(sb, "geen");
            return;
        }
        for (uint32_t i = 0; i < n; i++) {
            if (i)
                sb_puts(sb, i + 1 == n ? " en " : ", ");
            sentence_at(sb, p, elem, &v->u.list.items[i], depth + 1);
        }
        return;
    }
    default:
        sb_puts(sb, "onbekend");
        return;
    }
}

void ex_value_sentence(strbuf *sb, const regel_policy *p, uint32_t type, const rt_value *v)
{
    sentence_at(sb, p, type, v, 0);
}

static const rt_value sentence_onbekend; /* tag RV_ONBEKEND */

void ex_fill_template(strbuf *sb, const ex_doc *d, uint32_t o, const rt_template *t)
{
    const regel_policy *p = d->policy;
    const regel_eval *ev = d->ev;
    for (uint32_t i = 0; i < t->n; i++) {
        const rt_seg *s = &t->segs[i];
        switch (s->kind) {
        case RBC_SEG_TEXT:
            sb_puts(sb, s->text ? s->text : "");
            break;
        case RBC_SEG_INPUT:
            if (s->index < p->n_inputs && ev->kase && ev->kase->facts)
                ex_value_sentence(sb, p, p->inputs[s->index].type, &ev->kase->facts[s->index]);
            else
                sb_puts(sb, "onbekend");
            break;
        case RBC_SEG_OUTCOME:
            if (s->index < p->n_outcomes)
                ex_value_sentence(sb, p, p->outcomes[s->index].type, &ev->values[s->index]);
            else
                sb_puts(sb, "onbekend");
            break;
        case RBC_SEG_PARAM: {
            rt_value v = sentence_onbekend;
            if (s->index < p->n_params) {
                const rt_param *param = &p->params[s->index];
                uint32_t k = ex_param_version(d, o, s->index);
                if (k == RBC_NONE || !render_param_value(p, param, k, &v))
                    v = sentence_onbekend;
                ex_value_sentence(sb, p, param->type, &v);
            } else {
                sb_puts(sb, "onbekend");
            }
            break;
        }
        default:
            break;
        }
    }
}

/* ", omdat C" / ", omdat niet voldaan is aan: C1, en ook niet aan: C2". */
static void sentence_because(strbuf *sb, const ex_rule *r)
{
    const rt_branch *taken =
        r->rule && r->branch < r->rule->n_branches ? &r->rule->branches[r->branch] : NULL;
    if (taken && taken->cond_text) {
        sb_puts(sb, ", omdat ");
        sb_puts(sb, taken->cond_text);
        return;
    }
    bool any = false;
    for (uint32_t c = 0; c < r->n_checks; c++) {
        const ex_check *ck = &r->checks[c];
        if (ck->value != EV_COND_ONWAAR || !ck->text)
            continue;
        sb_puts(sb, any ? ", en ook niet aan: " : ", omdat niet voldaan is aan: ");
        sb_puts(sb, ck->text);
        any = true;
    }
}

char *ex_sentence(const ex_doc *d, const ex_node *n, arena *a, bool *generated)
{
    const regel_policy *p = d->policy;
    strbuf sb = STRBUF_INIT;
    *generated = true;
    if (n->status == EX_UNKNOWN || (n->status == EX_DECIDED && n->value->tag == RV_ONBEKEND)) {
        bool facts_missing = false;
        for (uint32_t i = 0; n->missing && i < p->n_inputs && !facts_missing; i++)
            facts_missing = n->missing[i] != 0;
        /* without a missing fact (e.g. the end of a running period) say no more */
        sb_printf(&sb,
                  facts_missing
                      ? "Over %s kan nog niet beslist worden: nog niet alle feiten zijn bekend."
                      : "Over %s kan nog niet beslist worden.",
                  n->name);
    } else if (n->status == EX_NO_RULE || !n->decider || !n->decider->rule) {
        sb_printf(&sb, "Geen enkele regel is van toepassing op %s.", n->name);
    } else {
        const ex_rule *r = n->decider;
        const rt_rule *rule = r->rule;
        const rt_template *t = NULL;
        if (r->branch < rule->n_branches && rule->branches[r->branch].uitleg.n)
            t = &rule->branches[r->branch].uitleg;
        else if (rule->uitleg.n)
            t = &rule->uitleg;
        if (t) {
            ex_fill_template(&sb, d, n->outcome, t);
            *generated = false;
        } else {
            if (r->parent)
                sb_printf(&sb, "Volgens de uitzondering \"%s\" op de regel \"%s\"", rule->name,
                          r->parent->name);
            else
                sb_printf(&sb, "Volgens de regel \"%s\"", rule->name);
            sb_printf(&sb, " is %s ", n->name);
            ex_value_sentence(&sb, p, n->type, n->value);
            sentence_because(&sb, r);
            sb_putc(&sb, '.');
        }
    }
    char *out = NULL;
    if (!sb.failed)
        out = arena_strndup(a, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return out;
}
