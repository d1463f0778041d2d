/* render.c — value formatting shared by the text and JSON renderers: Dutch
 * text (12,5, waar, "tekst") and JSON (12.5, true, "tekst") of a run-time
 * value given its policy type, and the checks before rendering. No I/O. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "render.h"

#define RENDER_MAX_DEPTH 64

static int render_fail(regel_error *err, int code, const char *file, unsigned line, unsigned col,
                       const char *msg)
{
    if (!err)
        return code;
    memset(err, 0, sizeof *err);
    err->code = code;
    if (file)
        snprintf(err->file, sizeof err->file, "%s", file);
    err->line = line;
    err->column = col;
    snprintf(err->message, sizeof err->message, "%s", msg);
    return code;
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

static bool render_text_at(strbuf *sb, const regel_policy *p, uint32_t type, const rt_value *v,
                           unsigned depth)
{
    const rt_type *t = render_type(p, type);
    if (v->tag == RV_ONBEKEND || depth > RENDER_MAX_DEPTH) {
        sb_puts(sb, "onbekend");
        return true;
    }
    switch (v->tag) {
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

/* A getal somewhere in v without a finite decimal expansion: its value. */
static const num_q *render_find_nonterminating(const regel_policy *p, uint32_t type,
                                               const rt_value *v, unsigned depth)
{
    char buf[NUM_FORMAT_CAP];
    if (v->tag == RV_GETAL)
        return num_format(v->u.q, '.', buf, sizeof buf) ? NULL : &v->u.q;
    if (v->tag == RV_RECORD && depth < RENDER_MAX_DEPTH) {
        const rt_type *t = render_type(p, type);
        if (!t || t->kind != RBC_TYPE_RECORD)
            return NULL;
        for (uint32_t f = 0; f < t->n; f++) {
            const num_q *q =
                render_find_nonterminating(p, t->fields[f].type, &v->u.fields[f], depth + 1);
            if (q)
                return q;
        }
    }
    return NULL;
}

/* Whether the value of outcome o appears in the output. */
static bool render_printed(const regel_eval *ev, uint32_t o)
{
    const regel_policy *p = ev->policy;
    if (p->outcomes[o].flags & RBC_OUTCOME_OUTPUT)
        return true;
    if (!ev->explained || !ev->reads_outcome)
        return false;
    for (uint32_t x = 0; x < p->n_outcomes; x++)
        if (render_has_uitleg(ev, x) && ev->reads_outcome[(size_t)x * p->n_outcomes + o])
            return true;
    return false;
}

int render_check(const regel_eval *ev, regel_error *err)
{
    if (!ev || !ev->policy)
        return render_fail(err, REGEL_ERR_USAGE, NULL, 0, 0,
                           "er is geen evaluatiecontext opgegeven");
    if (!ev->evaluated || !ev->kase || !ev->values || !ev->status || !ev->decided_by)
        return render_fail(err, REGEL_ERR_USAGE, NULL, 0, 0, "er is nog geen evaluatie");
    const regel_policy *p = ev->policy;
    for (uint32_t pos = 0; pos < p->n_outcomes; pos++) {
        uint32_t o = p->display_order[pos];
        if (!render_printed(ev, o))
            continue;
        const num_q *q = render_find_nonterminating(p, p->outcomes[o].type, &ev->values[o], 0);
        if (!q)
            continue;
        char msg[512];
        snprintf(msg, sizeof msg,
                 "%s ‘%s’ is %lld/%lld en heeft geen eindige decimale schrijfwijze",
                 (p->outcomes[o].flags & RBC_OUTCOME_OUTPUT) ? "uitkomst" : "begrip",
                 p->outcomes[o].name, (long long)q->num, (long long)q->den);
        unsigned line = 0, col = 0;
        uint32_t r = ev->decided_by[o];
        if (r < p->n_rules) {
            line = p->rules[r].line;
            col = p->rules[r].col;
        }
        const char *file = p->source_file ? p->source_file : p->file;
        return render_fail(err, REGEL_ERR_EVAL, line ? file : NULL, line, col, msg);
    }
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
