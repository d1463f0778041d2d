/* render.c — regel_render (build the motivering once, then hand it to the
 * text, JSON or HTML renderer) and what the renderers share: Dutch text
 * (12,5, € 1.250,00, 1 maart 2022, geen) and JSON (12.5, "2022-03-01", null)
 * of a run-time value given its policy type, and the checks before
 * rendering. No I/O. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "explain.h"
#include "num.h"
#include "render.h"
#include "rt.h"

#define RENDER_MAX_DEPTH 64

static int render_fail(regel_error *err, int code, const char *file, unsigned line, unsigned col,
                       const char *msg)
{
    return rt_error(err, code, file, line, col, "%s", msg);
}

static bool render_getal(strbuf *sb, num_q q, char sep)
{
    char buf[NUM_FORMAT_CAP];
    size_t n = num_format(q, sep, buf, sizeof buf);
    if (n == 0)
        return false;
    sb_append(sb, buf, n);
    return true;
}

static const rt_type *render_type(const regel_policy *p, uint32_t type)
{
    return type < p->n_types ? &p->types[type] : NULL;
}

/* "€ 1.250,00" (text) or 1250 (JSON: the minimal exact decimal in euro). */
static void render_bedrag(strbuf *sb, int64_t cents, bool json)
{
    uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    uint64_t whole = mag / 100;
    unsigned frac = (unsigned)(mag % 100);
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)whole);
    if (cents < 0)
        sb_putc(sb, '-');
    if (json) {
        sb_append(sb, digits, (size_t)n);
        if (frac % 10)
            sb_printf(sb, ".%02u", frac);
        else if (frac)
            sb_printf(sb, ".%u", frac / 10);
        return;
    }
    sb_puts(sb, "€ ");
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            sb_putc(sb, '.');
        sb_putc(sb, digits[i]);
    }
    sb_printf(sb, ",%02u", frac);
}

/* One part of a duur: "1 jaar", "2 maanden". */
static void render_duur_part(strbuf *sb, int64_t n, const char *one, const char *many)
{
    sb_printf(sb, "%lld %s", (long long)n, (n == 1 || n == -1) ? one : many);
}

void render_duur(strbuf *sb, int32_t months, int32_t days)
{
    int64_t parts[3] = {months / 12, months % 12, days};
    static const char *const one[3] = {"jaar", "maand", "dag"};
    static const char *const many[3] = {"jaar", "maanden", "dagen"};
    int count = 0;
    for (int i = 0; i < 3; i++)
        count += parts[i] != 0;
    if (count == 0) {
        sb_puts(sb, "0 dagen");
        return;
    }
    int done = 0;
    for (int i = 0; i < 3; i++) {
        if (!parts[i])
            continue;
        if (done)
            sb_puts(sb, done + 1 == count ? " en " : ", ");
        render_duur_part(sb, parts[i], one[i], many[i]);
        done++;
    }
}

static void render_date_text(strbuf *sb, int32_t day)
{
    char buf[32];
    cal_format_dutch(day, buf, sizeof buf);
    sb_puts(sb, buf);
}

static void render_date_json(strbuf *sb, int32_t day)
{
    char buf[11];
    cal_format_iso(day, buf);
    sb_putc(sb, '"');
    sb_puts(sb, buf);
    sb_putc(sb, '"');
}

static bool render_valid_day(uint32_t d)
{
    return d != RBC_NONE && d <= (uint32_t)CAL_DAY_MAX;
}

bool render_has_validity(uint32_t from, uint32_t until)
{
    return render_valid_day(from) || render_valid_day(until);
}

void render_validity_text(strbuf *sb, uint32_t from, uint32_t until)
{
    sb_puts(sb, "geldig");
    if (render_valid_day(from)) {
        sb_puts(sb, " vanaf ");
        render_date_text(sb, (int32_t)from);
    }
    if (render_valid_day(until)) {
        sb_puts(sb, " tot ");
        render_date_text(sb, (int32_t)until);
    }
}

void render_validity_day_json(strbuf *sb, uint32_t day)
{
    if (render_valid_day(day))
        render_date_json(sb, (int32_t)day);
    else
        sb_puts(sb, "null");
}

bool render_param_value(const regel_policy *p, const rt_param *param, uint32_t version,
                        rt_value *out)
{
    memset(out, 0, sizeof *out);
    if (version >= param->n_versions || param->versions[version].value >= p->n_consts)
        return false;
    const rt_const *c = &p->consts[param->versions[version].value];
    const rt_type *t = render_type(p, param->type);
    uint8_t kind = t ? t->kind : 0;
    switch (c->kind) {
    case RBC_CONST_GETAL:
        if (kind == RBC_TYPE_WAARHEID) {
            out->tag = RV_WAARHEID;
            out->u.b = c->q.num != 0;
        } else if (kind == RBC_TYPE_ENUM && c->q.den == 1 && c->q.num >= 0) {
            out->tag = RV_MEMBER;
            out->u.member = (uint32_t)c->q.num;
        } else {
            out->tag = RV_GETAL;
            out->u.q = c->q;
        }
        return true;
    case RBC_CONST_TEKST:
        out->tag = RV_TEKST;
        out->u.str.s = c->s;
        out->u.str.len = c->len;
        return true;
    case RBC_CONST_DATUM:
        out->tag = RV_DATUM;
        out->u.day = c->day;
        return true;
    case RBC_CONST_DUUR:
        out->tag = RV_DUUR;
        out->u.duur.months = c->months;
        out->u.duur.days = c->days;
        return true;
    case RBC_CONST_BEDRAG:
        out->tag = RV_BEDRAG;
        out->u.cents = c->cents;
        return true;
    default:
        return false;
    }
}

static bool render_text_at(strbuf *sb, const regel_policy *p, uint32_t type, const rt_value *v,
                           unsigned depth)
{
    const rt_type *t = render_type(p, type);
    if (v->tag == RV_ONBEKEND || depth > RENDER_MAX_DEPTH) {
        sb_puts(sb, "onbekend");
        return true;
    }
    switch (v->tag) {
    case RV_GEEN:
        sb_puts(sb, "geen");
        return true;
    case RV_WAARHEID:
        sb_puts(sb, v->u.b ? "waar" : "onwaar");
        return true;
    case RV_GETAL:
        return render_getal(sb, v->u.q, ',');
    case RV_TEKST:
        /* The spelling of a Regel string literal: \" \\ and \n escaped. */
        sb_putc(sb, '"');
        for (uint32_t i = 0; i < v->u.str.len; i++) {
            char c = v->u.str.s[i];
            if (c == '"' || c == '\\') {
                sb_putc(sb, '\\');
                sb_putc(sb, c);
            } else if (c == '\n') {
                sb_puts(sb, "\\n");
            } else {
                sb_putc(sb, c);
            }
        }
        sb_putc(sb, '"');
        return true;
    case RV_MEMBER:
        if (t && t->kind == RBC_TYPE_ENUM && v->u.member < t->n)
            sb_puts(sb, t->members[v->u.member]);
        else
            sb_printf(sb, "#%u", (unsigned)v->u.member);
        return true;
    case RV_RECORD:
        sb_putc(sb, '{');
        if (t && t->kind == RBC_TYPE_RECORD) {
            for (uint32_t f = 0; f < t->n; f++) {
                sb_puts(sb, f ? ", " : "");
                sb_puts(sb, t->fields[f].name);
                sb_puts(sb, ": ");
                if (!render_text_at(sb, p, t->fields[f].type, &v->u.fields[f], depth + 1))
                    return false;
            }
        }
        sb_putc(sb, '}');
        return true;
    case RV_DATUM:
        render_date_text(sb, v->u.day);
        return true;
    case RV_DUUR:
        render_duur(sb, v->u.duur.months, v->u.duur.days);
        return true;
    case RV_BEDRAG:
        render_bedrag(sb, v->u.cents, false);
        return true;
    case RV_PERIODE:
        if (v->u.periode.open) {
            sb_puts(sb, "vanaf ");
            render_date_text(sb, v->u.periode.van);
        } else {
            render_date_text(sb, v->u.periode.van);
            sb_puts(sb, " tot en met ");
            render_date_text(sb, v->u.periode.tot);
        }
        return true;
    case RV_LIJST: {
        uint32_t elem = t && t->kind == RBC_TYPE_LIJST ? t->elem : RBC_NONE;
        sb_putc(sb, '[');
        for (uint32_t i = 0; i < v->u.list.n; i++) {
            sb_puts(sb, i ? ", " : "");
            if (!render_text_at(sb, p, elem, &v->u.list.items[i], depth + 1))
                return false;
        }
        sb_putc(sb, ']');
        return true;
    }
    default:
        sb_puts(sb, "onbekend");
        return true;
    }
}

bool render_value_text(strbuf *sb, const regel_policy *p, uint32_t type, const rt_value *v)
{
    return render_text_at(sb, p, type, v, 0);
}

void render_json_string(strbuf *sb, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    sb_putc(sb, '"');
    size_t run = 0; /* start of the pending run of bytes that need no escape */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        sb_append(sb, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            sb_puts(sb, "\\\"");
            break;
        case '\\':
            sb_puts(sb, "\\\\");
            break;
        case '\b':
            sb_puts(sb, "\\b");
            break;
        case '\f':
            sb_puts(sb, "\\f");
            break;
        case '\n':
            sb_puts(sb, "\\n");
            break;
        case '\r':
            sb_puts(sb, "\\r");
            break;
        case '\t':
            sb_puts(sb, "\\t");
            break;
        default: {
            char esc[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], '\0'};
            sb_append(sb, esc, 6);
            break;
        }
        }
    }
    sb_append(sb, s + run, len - run);
    sb_putc(sb, '"');
}

void render_json_cstr(strbuf *sb, const char *s)
{
    if (s)
        render_json_string(sb, s, strlen(s));
    else
        sb_puts(sb, "null");
}

static void render_indent(strbuf *sb, unsigned indent)
{
    for (unsigned i = 0; i < indent; i++)
        sb_puts(sb, "  ");
}

static bool render_json_at(strbuf *sb, const regel_policy *p, uint32_t type, const rt_value *v,
                           unsigned indent, unsigned depth)
{
    const rt_type *t = render_type(p, type);
    if (v->tag == RV_ONBEKEND || depth > RENDER_MAX_DEPTH) {
        sb_puts(sb, "null");
        return true;
    }
    switch (v->tag) {
    case RV_GEEN: /* known: none */
        sb_puts(sb, "null");
        return true;
    case RV_WAARHEID:
        sb_puts(sb, v->u.b ? "true" : "false");
        return true;
    case RV_GETAL:
        return render_getal(sb, v->u.q, '.');
    case RV_TEKST:
        render_json_string(sb, v->u.str.s, v->u.str.len);
        return true;
    case RV_MEMBER:
        if (t && t->kind == RBC_TYPE_ENUM && v->u.member < t->n)
            render_json_cstr(sb, t->members[v->u.member]);
        else
            sb_puts(sb, "null");
        return true;
    case RV_RECORD:
        if (!t || t->kind != RBC_TYPE_RECORD || t->n == 0) {
            sb_puts(sb, "{}");
            return true;
        }
        sb_puts(sb, "{\n");
        for (uint32_t f = 0; f < t->n; f++) {
            render_indent(sb, indent + 1);
            render_json_cstr(sb, t->fields[f].name);
            sb_puts(sb, ": ");
            if (!render_json_at(sb, p, t->fields[f].type, &v->u.fields[f], indent + 1, depth + 1))
                return false;
            sb_puts(sb, f + 1 < t->n ? ",\n" : "\n");
        }
        render_indent(sb, indent);
        sb_putc(sb, '}');
        return true;
    case RV_DATUM:
        render_date_json(sb, v->u.day);
        return true;
    case RV_DUUR: {
        strbuf text = STRBUF_INIT;
        render_duur(&text, v->u.duur.months, v->u.duur.days);
        if (text.failed)
            sb->failed = true;
        else
            render_json_string(sb, text.data, text.len);
        sb_free(&text);
        return true;
    }
    case RV_BEDRAG:
        render_bedrag(sb, v->u.cents, true);
        return true;
    case RV_PERIODE:
        sb_puts(sb, "{\n");
        render_indent(sb, indent + 1);
        sb_puts(sb, "\"van\": ");
        render_date_json(sb, v->u.periode.van);
        sb_puts(sb, ",\n");
        render_indent(sb, indent + 1);
        sb_puts(sb, "\"tot\": ");
        if (v->u.periode.open)
            sb_puts(sb, "null");
        else
            render_date_json(sb, v->u.periode.tot);
        sb_putc(sb, '\n');
        render_indent(sb, indent);
        sb_putc(sb, '}');
        return true;
    case RV_LIJST: {
        uint32_t elem = t && t->kind == RBC_TYPE_LIJST ? t->elem : RBC_NONE;
        if (v->u.list.n == 0) {
            sb_puts(sb, "[]");
            return true;
        }
        sb_puts(sb, "[\n");
        for (uint32_t i = 0; i < v->u.list.n; i++) {
            render_indent(sb, indent + 1);
            if (!render_json_at(sb, p, elem, &v->u.list.items[i], indent + 1, depth + 1))
                return false;
            sb_puts(sb, i + 1 < v->u.list.n ? ",\n" : "\n");
        }
        render_indent(sb, indent);
        sb_putc(sb, ']');
        return true;
    }
    default:
        sb_puts(sb, "null");
        return true;
    }
}

bool render_value_json(strbuf *sb, const regel_policy *p, uint32_t type, const rt_value *v,
                       unsigned indent)
{
    return render_json_at(sb, p, type, v, indent, 0);
}

bool render_has_uitleg(const regel_eval *ev, uint32_t o)
{
    const regel_policy *p = ev->policy;
    return o < p->n_outcomes && (p->outcomes[o].flags & RBC_OUTCOME_OUTPUT) &&
           ev->status[o] == EV_DECIDED && ev->decided_by[o] < p->n_rules;
}

bool render_is_open(const regel_eval *ev, uint32_t o)
{
    const regel_policy *p = ev->policy;
    return o < p->n_outcomes && (p->outcomes[o].flags & RBC_OUTCOME_OUTPUT) &&
           ev->values[o].tag == RV_ONBEKEND;
}

const uint8_t *render_causes(const regel_eval *ev, uint32_t o)
{
    if (!ev->causes || o >= ev->policy->n_outcomes || ev->values[o].tag != RV_ONBEKEND)
        return NULL;
    return ev->causes[o];
}

bool render_defaulted(const regel_eval *ev, uint32_t i)
{
    return ev->kase && ev->kase->defaulted && i < ev->policy->n_inputs && ev->kase->defaulted[i];
}

int render_check(const regel_eval *ev, regel_error *err)
{
    if (!ev || !ev->policy)
        return render_fail(err, REGEL_ERR_USAGE, NULL, 0, 0,
                           "er is geen evaluatiecontext opgegeven");
    if (!ev->evaluated || !ev->kase || !ev->values || !ev->status || !ev->decided_by)
        return render_fail(err, REGEL_ERR_USAGE, NULL, 0, 0, "er is nog geen evaluatie");
    return REGEL_OK;
}

int render_finish(strbuf *sb, char **out, size_t *len, regel_error *err)
{
    size_t n = sb->len;
    char *text = sb->failed ? NULL : sb_take(sb);
    if (!text) {
        sb_free(sb);
        return render_fail(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    }
    *out = text;
    if (len)
        *len = n;
    return REGEL_OK;
}

REGEL_API int regel_render(const regel_eval *ev, int formaat, const char *const *only,
                           size_t n_only, char **out, size_t *len, regel_error *err)
{
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (formaat != REGEL_FORMAAT_TEKST && formaat != REGEL_FORMAAT_JSON &&
        formaat != REGEL_FORMAAT_HTML)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "onbekend formaat %d (bekend: tekst %d, json %d, html %d)", formaat,
                        REGEL_FORMAAT_TEKST, REGEL_FORMAAT_JSON, REGEL_FORMAAT_HTML);
    int rc = render_check(ev, err);
    if (rc != REGEL_OK)
        return rc;
    if (!out)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_render: geen plaats voor de uitvoer (NULL)");
    arena *a = arena_new(16384);
    if (!a)
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    ex_doc d;
    memset(&d, 0, sizeof d);
    rc = ex_build(ev, only, n_only, a, &d, err);
    if (rc != REGEL_OK) {
        arena_free(a);
        return rc;
    }
    strbuf sb = STRBUF_INIT;
    if (formaat == REGEL_FORMAAT_TEKST)
        render_text_doc(&sb, &d);
    else if (formaat == REGEL_FORMAAT_JSON)
        render_json_doc(&sb, &d);
    else
        render_html_doc(&sb, &d);
    arena_free(a);
    return render_finish(&sb, out, len, err);
}

REGEL_API int regel_render_text(const regel_eval *ev, char **out, size_t *len, regel_error *err)
{
    return regel_render(ev, REGEL_FORMAAT_TEKST, NULL, 0, out, len, err);
}

REGEL_API int regel_render_json(const regel_eval *ev, char **out, size_t *len, regel_error *err)
{
    return regel_render(ev, REGEL_FORMAAT_JSON, NULL, 0, out, len, err);
}

REGEL_API int regel_render_html(const regel_eval *ev, char **out, size_t *len, regel_error *err)
{
    return regel_render(ev, REGEL_FORMAAT_HTML, NULL, 0, out, len, err);
}
