/* api_result.c — the outcomes of a policy listed in display order, and the
 * typed results of the last evaluation by outcome name (regel_result_*):
 * exact numbers, API dates, strings copied into the evaluation's arena. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_date.h"
#include "eval.h"
#include "policy.h"
#include "question.h"
#include "regel.h"
#include "render.h"
#include "rt.h"
#include "strbuf.h"
#include "suggest.h"

/* ---- outcomes (display order) ---- */

static const rt_outcome *ar_outcome_at(const regel_policy *p, size_t i)
{
    if (!p || i >= p->n_outcomes || p->display_order[i] >= p->n_outcomes)
        return NULL;
    return &p->outcomes[p->display_order[i]];
}

REGEL_API size_t regel_outcome_count(const regel_policy *policy)
{
    return policy ? policy->n_outcomes : 0;
}

REGEL_API const char *regel_outcome_name(const regel_policy *policy, size_t i)
{
    const rt_outcome *o = ar_outcome_at(policy, i);
    return o ? o->name : NULL;
}

REGEL_API long regel_outcome_find(const regel_policy *policy, const char *name)
{
    if (!policy || !name)
        return -1;
    for (uint32_t i = 0; i < policy->n_outcomes; i++) {
        const rt_outcome *o = ar_outcome_at(policy, i);
        if (o && o->name && strcmp(o->name, name) == 0)
            return (long)i;
    }
    return -1;
}

REGEL_API int regel_outcome_is_output(const regel_policy *policy, size_t i)
{
    const rt_outcome *o = ar_outcome_at(policy, i);
    return o && (o->flags & RBC_OUTCOME_OUTPUT) ? 1 : 0;
}

REGEL_API char *regel_outcome_type(const regel_policy *policy, size_t i)
{
    const rt_outcome *o = ar_outcome_at(policy, i);
    if (!o)
        return NULL;
    strbuf sb = STRBUF_INIT;
    question_type_text(&sb, policy, o->type);
    return sb_take(&sb);
}

/* ---- typed results ---- */

static const char *const ar_kind_names[] = {
    "onbekend",  "geen",     "een waarheid", "een getal",   "een tekst", "een soortwaarde",
    "een datum", "een duur", "een bedrag",   "een periode", "een lijst", "een gegeven"};

static regel_kind ar_kind(const rt_value *v)
{
    switch (v->tag) {
    case RV_GEEN:
        return REGEL_V_GEEN;
    case RV_WAARHEID:
        return REGEL_V_BOOL;
    case RV_GETAL:
        return REGEL_V_NUMBER;
    case RV_TEKST:
        return REGEL_V_TEXT;
    case RV_MEMBER:
        return REGEL_V_MEMBER;
    case RV_DATUM:
        return REGEL_V_DATE;
    case RV_DUUR:
        return REGEL_V_DURATION;
    case RV_BEDRAG:
        return REGEL_V_CENTS;
    case RV_PERIODE:
        return REGEL_V_PERIOD;
    case RV_LIJST:
        return REGEL_V_LIST;
    case RV_RECORD:
        return REGEL_V_RECORD;
    default:
        return REGEL_V_ONBEKEND;
    }
}

/* The outcome called name in ev's last evaluation, or an error. */
static int ar_lookup(const regel_eval *ev, const char *name, const void *out, const char *fn,
                     uint32_t *o, regel_error *err)
{
    if (!ev || !name || !out)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "%s: evaluatie, naam en uitvoer zijn verplicht (NULL)", fn);
    const regel_policy *p = ev->policy;
    if (!p || !ev->evaluated || !ev->values)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "%s: er is nog geen evaluatie (roep eerst regel_evaluate aan)", fn);
    for (uint32_t i = 0; i < p->n_outcomes; i++)
        if (p->outcomes[i].name && strcmp(p->outcomes[i].name, name) == 0) {
            *o = i;
            return REGEL_OK;
        }
    const char **names = malloc(sizeof *names * (p->n_outcomes ? p->n_outcomes : 1));
    const char *hint = NULL;
    if (names) {
        for (uint32_t i = 0; i < p->n_outcomes; i++)
            names[i] = p->outcomes[i].name ? p->outcomes[i].name : "";
        hint = suggest_closest(name, names, p->n_outcomes);
    }
    int rc = hint ? rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                             "%s: onbekende uitkomst ‘%s’; bedoelde u ‘%s’?", fn, name, hint)
                  : rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                             "%s: onbekende uitkomst ‘%s’ in dit beleid", fn, name);
    free(names);
    return rc;
}

/* The value of outcome name, which must have kind `want`. */
static int ar_get(const regel_eval *ev, const char *name, const void *out, regel_kind want,
                  const char *fn, const rt_value **v, regel_error *err)
{
    uint32_t o;
    int rc = ar_lookup(ev, name, out, fn, &o, err);
    if (rc != REGEL_OK)
        return rc;
    *v = &ev->values[o];
    regel_kind k = ar_kind(*v);
    if (k == want)
        return REGEL_OK;
    const char *what = (ev->policy->outcomes[o].flags & RBC_OUTCOME_OUTPUT) ? "uitkomst" : "begrip";
    return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0, "%s: %s ‘%s’ is %s, niet %s", fn, what, name,
                    ar_kind_names[k], ar_kind_names[want]);
}

REGEL_API int regel_result_kind(const regel_eval *ev, const char *name, regel_kind *kind,
                                regel_error *err)
{
    uint32_t o;
    int rc = ar_lookup(ev, name, kind, "regel_result_kind", &o, err);
    if (rc == REGEL_OK)
        *kind = ar_kind(&ev->values[o]);
    return rc;
}

REGEL_API int regel_result_bool(const regel_eval *ev, const char *name, int *value,
                                regel_error *err)
{
    const rt_value *v;
    int rc = ar_get(ev, name, value, REGEL_V_BOOL, "regel_result_bool", &v, err);
    if (rc == REGEL_OK)
        *value = v->u.b ? 1 : 0;
    return rc;
}

REGEL_API int regel_result_int(const regel_eval *ev, const char *name, int64_t *value,
                               regel_error *err)
{
    const rt_value *v;
    int rc = ar_get(ev, name, value, REGEL_V_NUMBER, "regel_result_int", &v, err);
    if (rc != REGEL_OK)
        return rc;
    if (v->u.q.den != 1)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_result_int: ‘%s’ is %lld/%lld en geen geheel getal; gebruik "
                        "regel_result_number",
                        name, (long long)v->u.q.num, (long long)v->u.q.den);
    *value = v->u.q.num;
    return REGEL_OK;
}

REGEL_API int regel_result_number(const regel_eval *ev, const char *name, int64_t *num,
                                  int64_t *den, regel_error *err)
{
    const rt_value *v;
    int rc = ar_get(ev, name, num && den ? (const void *)num : NULL, REGEL_V_NUMBER,
                    "regel_result_number", &v, err);
    if (rc == REGEL_OK) {
        *num = v->u.q.num;
        *den = v->u.q.den;
    }
    return rc;
}

/* A copy of s[0..len) in the evaluation's arena (valid until the next evaluation). */
static int ar_copy(const regel_eval *ev, const char *s, size_t len, const char **out,
                   regel_error *err)
{
    char *copy = arena_strndup(ev->arena, s, len);
    if (!copy)
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    *out = copy;
    return REGEL_OK;
}

REGEL_API int regel_result_text(const regel_eval *ev, const char *name, const char **value,
                                regel_error *err)
{
    const rt_value *v;
    int rc = ar_get(ev, name, value, REGEL_V_TEXT, "regel_result_text", &v, err);
    if (rc != REGEL_OK)
        return rc;
    /* the text may live in the case or the policy: copy it so it is owned by ev */
    return ar_copy(ev, v->u.str.s, v->u.str.len, value, err);
}

REGEL_API int regel_result_member(const regel_eval *ev, const char *name, const char **member,
                                  regel_error *err)
{
    const rt_value *v;
    int rc = ar_get(ev, name, member, REGEL_V_MEMBER, "regel_result_member", &v, err);
    if (rc != REGEL_OK)
        return rc;
    uint32_t o;
    ar_lookup(ev, name, member, "regel_result_member", &o, err);
    const regel_policy *p = ev->policy;
    uint32_t type = p->outcomes[o].type;
    const rt_type *t = type < p->n_types ? &p->types[type] : NULL;
    if (!t || t->kind != RBC_TYPE_ENUM || v->u.member >= t->n)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_result_member: ‘%s’ heeft geen geldige soortwaarde", name);
    return ar_copy(ev, t->members[v->u.member], strlen(t->members[v->u.member]), member, err);
}

REGEL_API int regel_result_date(const regel_eval *ev, const char *name, int32_t *date,
                                regel_error *err)
{
    const rt_value *v;
    int rc = ar_get(ev, name, date, REGEL_V_DATE, "regel_result_date", &v, err);
    if (rc == REGEL_OK)
        *date = api_date_from_cal(v->u.day);
    return rc;
}

REGEL_API int regel_result_cents(const regel_eval *ev, const char *name, int64_t *cents,
                                 regel_error *err)
{
    const rt_value *v;
    int rc = ar_get(ev, name, cents, REGEL_V_CENTS, "regel_result_cents", &v, err);
    if (rc == REGEL_OK)
        *cents = v->u.cents;
    return rc;
}

REGEL_API int regel_result_duration(const regel_eval *ev, const char *name, int32_t *months,
                                    int32_t *days, regel_error *err)
{
    const rt_value *v;
    int rc = ar_get(ev, name, months && days ? (const void *)months : NULL, REGEL_V_DURATION,
                    "regel_result_duration", &v, err);
    if (rc == REGEL_OK) {
        *months = v->u.duur.months;
        *days = v->u.duur.days;
    }
    return rc;
}

REGEL_API int regel_result_period(const regel_eval *ev, const char *name, int32_t *from,
                                  int32_t *to, int *open, regel_error *err)
{
    const rt_value *v;
    int rc = ar_get(ev, name, from && to && open ? (const void *)from : NULL, REGEL_V_PERIOD,
                    "regel_result_period", &v, err);
    if (rc == REGEL_OK) {
        *from = api_date_from_cal(v->u.periode.van);
        *open = v->u.periode.open ? 1 : 0;
        *to = v->u.periode.open ? *from : api_date_from_cal(v->u.periode.tot);
    }
    return rc;
}

REGEL_API int regel_result_json(const regel_eval *ev, const char *name, char **json,
                                regel_error *err)
{
    if (json)
        *json = NULL;
    uint32_t o;
    int rc = ar_lookup(ev, name, json, "regel_result_json", &o, err);
    if (rc != REGEL_OK)
        return rc;
    const regel_policy *p = ev->policy;
    strbuf sb = STRBUF_INIT;
    if (!render_value_json(&sb, p, p->outcomes[o].type, &ev->values[o], 0)) {
        sb_free(&sb);
        return rt_error(err, REGEL_ERR_EVAL, NULL, 0, 0,
                        "regel_result_json: ‘%s’ bevat een getal zonder eindige decimale "
                        "schrijfwijze; gebruik regel_result_number",
                        name);
    }
    return render_finish(&sb, json, NULL, err);
}
