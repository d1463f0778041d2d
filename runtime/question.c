/* question.c — the interview (spec v0.3 §4): choose the next fact to ask from
 * an evaluation (the fact that can decide the most open outcomes first),
 * describe a fact for a prompt, and turn a typed answer into case JSON. */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "eval.h"
#include "num.h"
#include "policy.h"
#include "question.h"
#include "regel.h"
#include "render.h"
#include "rt.h"
#include "strbuf.h"
#include "suggest.h"

/* ---- describing an input ---- */

static const rt_input *q_input(const regel_policy *p, size_t i)
{
    if (!p || i >= p->n_inputs)
        return NULL;
    return &p->inputs[i];
}

static const rt_type *q_type(const regel_policy *p, uint32_t type)
{
    return type < p->n_types ? &p->types[type] : NULL;
}

size_t regel_input_count(const regel_policy *policy)
{
    return policy ? policy->n_inputs : 0;
}

const char *regel_input_name(const regel_policy *policy, size_t i)
{
    const rt_input *in = q_input(policy, i);
    return in ? in->name : NULL;
}

long regel_input_find(const regel_policy *policy, const char *name)
{
    if (!policy || !name)
        return -1;
    for (uint32_t i = 0; i < policy->n_inputs; i++)
        if (strcmp(policy->inputs[i].name, name) == 0)
            return (long)i;
    return -1;
}

int regel_input_optional(const regel_policy *policy, size_t i)
{
    const rt_input *in = q_input(policy, i);
    return in && (in->flags & RBC_OPTIONAL) ? 1 : 0;
}

const char *regel_input_vraag(const regel_policy *policy, size_t i)
{
    const rt_input *in = q_input(policy, i);
    return in ? in->vraag : NULL;
}

void question_type_text(strbuf *sb, const regel_policy *p, uint32_t type)
{
    const rt_type *t = q_type(p, type);
    if (!t) {
        sb_puts(sb, "?");
        return;
    }
    switch (t->kind) {
    case RBC_TYPE_WAARHEID:
        sb_puts(sb, "waarheid");
        break;
    case RBC_TYPE_GETAL:
        sb_puts(sb, "getal");
        break;
    case RBC_TYPE_TEKST:
        sb_puts(sb, "tekst");
        break;
    case RBC_TYPE_DATUM:
        sb_puts(sb, "datum");
        break;
    case RBC_TYPE_DUUR:
        sb_puts(sb, "duur");
        break;
    case RBC_TYPE_BEDRAG:
        sb_puts(sb, "bedrag");
        break;
    case RBC_TYPE_PERIODE:
        sb_puts(sb, "periode");
        break;
    case RBC_TYPE_ENUM:
    case RBC_TYPE_RECORD:
        sb_puts(sb, t->name ? t->name : "?");
        break;
    case RBC_TYPE_LIJST:
        sb_puts(sb, "lijst van ");
        if (t->elem < type) /* verified: element types come first */
            question_type_text(sb, p, t->elem);
        else
            sb_puts(sb, "?");
        break;
    default:
        sb_puts(sb, "?");
        break;
    }
}

char *regel_input_type(const regel_policy *policy, size_t i)
{
    const rt_input *in = q_input(policy, i);
    if (!in)
        return NULL;
    strbuf sb = STRBUF_INIT;
    question_type_text(&sb, policy, in->type);
    return sb_take(&sb);
}

char *regel_input_question(const regel_policy *policy, size_t i)
{
    const rt_input *in = q_input(policy, i);
    if (!in)
        return NULL;
    strbuf sb = STRBUF_INIT;
    if (in->vraag && in->vraag[0])
        sb_puts(&sb, in->vraag);
    else
        sb_printf(&sb, "Wat is ‘%s’?", in->name);
    return sb_take(&sb);
}

static void q_short_hint(strbuf *sb, const regel_policy *p, const rt_input *in)
{
    const rt_type *t = q_type(p, in->type);
    switch (t ? t->kind : 0) {
    case RBC_TYPE_WAARHEID:
        sb_puts(sb, "waar of onwaar");
        break;
    case RBC_TYPE_GETAL:
        sb_puts(sb, "een getal");
        break;
    case RBC_TYPE_TEKST:
        sb_puts(sb, "een tekst");
        break;
    case RBC_TYPE_ENUM:
        sb_puts(sb, "een naam of nummer uit de lijst");
        break;
    case RBC_TYPE_DATUM:
        sb_puts(sb, "een datum, bijv. 1 maart 2022");
        break;
    case RBC_TYPE_DUUR:
        sb_puts(sb, "een duur, bijv. 2 maanden");
        break;
    case RBC_TYPE_BEDRAG:
        sb_puts(sb, "een bedrag, bijv. € 12,50");
        break;
    default:
        sb_puts(sb, "JSON op één regel");
        break;
    }
    if (in->flags & RBC_NONNEGATIVE)
        sb_puts(sb, ", niet negatief");
    if (in->flags & RBC_OPTIONAL)
        sb_puts(sb, ", of geen");
}

char *regel_input_hint(const regel_policy *policy, size_t i)
{
    const rt_input *in = q_input(policy, i);
    if (!in)
        return NULL;
    strbuf sb = STRBUF_INIT;
    q_short_hint(&sb, policy, in);
    return sb_take(&sb);
}

size_t regel_input_member_count(const regel_policy *policy, size_t i)
{
    const rt_input *in = q_input(policy, i);
    const rt_type *t = in ? q_type(policy, in->type) : NULL;
    return t && t->kind == RBC_TYPE_ENUM ? t->n : 0;
}

const char *regel_input_member(const regel_policy *policy, size_t i, size_t k)
{
    if (k >= regel_input_member_count(policy, i))
        return NULL;
    return policy->types[policy->inputs[i].type].members[k];
}

/* ---- choosing the next question ---- */

int question_open_targets(const regel_eval *ev, const char *const *targets, size_t n_targets,
                          uint8_t *open, regel_error *err)
{
    const regel_policy *p = ev->policy;
    memset(open, 0, p->n_outcomes ? p->n_outcomes : 1);
    if (n_targets == 0) {
        for (uint32_t o = 0; o < p->n_outcomes; o++)
            open[o] = (p->outcomes[o].flags & RBC_OUTCOME_OUTPUT) != 0;
    } else {
        if (!targets)
            return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0, "geen uitkomsten opgegeven");
        for (size_t k = 0; k < n_targets; k++) {
            const char *name = targets[k] ? targets[k] : "";
            uint32_t o = 0;
            while (o < p->n_outcomes && strcmp(p->outcomes[o].name, name) != 0)
                o++;
            if (o < p->n_outcomes && (p->outcomes[o].flags & RBC_OUTCOME_OUTPUT)) {
                open[o] = 1;
                continue;
            }
            if (o < p->n_outcomes)
                return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                                "‘%s’ is een begrip, geen uitkomst van het beleid", name);
            const char **names = calloc(p->n_outcomes ? p->n_outcomes : 1, sizeof *names);
            if (!names)
                return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
            size_t n = 0;
            for (uint32_t d = 0; d < p->n_outcomes; d++) {
                const rt_outcome *oc = &p->outcomes[p->display_order[d]];
                if (oc->flags & RBC_OUTCOME_OUTPUT)
                    names[n++] = oc->name;
            }
            const char *hint = suggest_closest(name, names, n);
            int rc = hint ? rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                                     "onbekende uitkomst ‘%s’; bedoelde u ‘%s’?", name, hint)
                          : rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                                     "onbekende uitkomst ‘%s’ in dit beleid", name);
            free(names);
            return rc;
        }
    }
    for (uint32_t o = 0; o < p->n_outcomes; o++)
        if (open[o] && ev->status[o] == EV_DECIDED)
            open[o] = 0;
    return REGEL_OK;
}

/* Whether input i is among the causes of the undecided outcome o (eval.h:
 * ev->causes[o] is a byte-per-input table, NULL when it has no causes). */
static bool q_is_cause(const regel_eval *ev, uint32_t o, uint32_t i)
{
    return ev->causes && ev->causes[o] && ev->causes[o][i];
}

static int q_check_eval(const regel_eval *ev, regel_error *err)
{
    if (!ev || !ev->evaluated || !ev->policy)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "er is nog geen geslaagde evaluatie om een vraag bij te kiezen");
    return REGEL_OK;
}

/* The choice itself on a computed open set; -1 when there is none. */
static long q_choose(const regel_eval *ev, const uint8_t *open)
{
    const regel_policy *p = ev->policy;
    long best = -1;
    uint32_t best_count = 0;
    for (uint32_t i = 0; i < p->n_inputs; i++) {
        uint32_t count = 0;
        for (uint32_t o = 0; o < p->n_outcomes; o++)
            count += open[o] && q_is_cause(ev, o, i);
        if (count > best_count) { /* strictly more: ties keep the earlier fact */
            best_count = count;
            best = (long)i;
        }
    }
    return best;
}

int regel_next_question(const regel_eval *ev, const char *const *targets, size_t n_targets,
                        long *input, regel_error *err)
{
    if (input)
        *input = -1;
    if (!input)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0, "regel_next_question zonder uitvoer");
    int rc = q_check_eval(ev, err);
    if (rc != REGEL_OK)
        return rc;
    const regel_policy *p = ev->policy;
    uint8_t *open = malloc(p->n_outcomes ? p->n_outcomes : 1);
    if (!open)
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    rc = question_open_targets(ev, targets, n_targets, open, err);
    if (rc == REGEL_OK)
        *input = q_choose(ev, open);
    free(open);
    return rc;
}

static void q_indent(strbuf *sb, unsigned n)
{
    for (unsigned k = 0; k < n; k++)
        sb_puts(sb, "  ");
}

int regel_next_question_json(const regel_eval *ev, const char *const *targets, size_t n_targets,
                             char **out, size_t *len, regel_error *err)
{
    if (!out)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_next_question_json zonder uitvoer");
    *out = NULL;
    if (len)
        *len = 0;
    int rc = q_check_eval(ev, err);
    if (rc != REGEL_OK)
        return rc;
    const regel_policy *p = ev->policy;
    uint8_t *open = malloc(p->n_outcomes ? p->n_outcomes : 1);
    if (!open)
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    rc = question_open_targets(ev, targets, n_targets, open, err);
    if (rc != REGEL_OK) {
        free(open);
        return rc;
    }
    long i = q_choose(ev, open);
    strbuf sb = STRBUF_INIT;
    if (i < 0) {
        sb_puts(&sb, "null");
    } else {
        const rt_input *in = &p->inputs[i];
        sb_puts(&sb, "{\n");
        q_indent(&sb, 2);
        sb_puts(&sb, "\"feit\": ");
        render_json_cstr(&sb, in->name);
        sb_puts(&sb, ",\n");
        q_indent(&sb, 2);
        sb_puts(&sb, "\"vraag\": ");
        char *question = regel_input_question(p, (size_t)i);
        render_json_cstr(&sb, question ? question : "");
        free(question);
        sb_puts(&sb, ",\n");
        q_indent(&sb, 2);
        sb_puts(&sb, "\"type\": ");
        strbuf ty = STRBUF_INIT;
        question_type_text(&ty, p, in->type);
        render_json_cstr(&sb, ty.data ? ty.data : "");
        sb_free(&ty);
        sb_puts(&sb, ",\n");
        q_indent(&sb, 2);
        sb_printf(&sb, "\"optioneel\": %s,\n", (in->flags & RBC_OPTIONAL) ? "true" : "false");
        q_indent(&sb, 2);
        sb_printf(&sb, "\"niet_negatief\": %s,\n",
                  (in->flags & RBC_NONNEGATIVE) ? "true" : "false");
        size_t n_members = regel_input_member_count(p, (size_t)i);
        if (n_members) {
            q_indent(&sb, 2);
            sb_puts(&sb, "\"mogelijk\": [\n");
            for (size_t k = 0; k < n_members; k++) {
                q_indent(&sb, 3);
                render_json_cstr(&sb, regel_input_member(p, (size_t)i, k));
                sb_puts(&sb, k + 1 < n_members ? ",\n" : "\n");
            }
            q_indent(&sb, 2);
            sb_puts(&sb, "],\n");
        }
        q_indent(&sb, 2);
        sb_puts(&sb, "\"open_uitkomsten\": [");
        bool first = true;
        for (uint32_t d = 0; d < p->n_outcomes; d++) {
            uint32_t o = p->display_order[d];
            if (o >= p->n_outcomes || !open[o])
                continue;
            sb_puts(&sb, first ? "\n" : ",\n");
            first = false;
            q_indent(&sb, 3);
            render_json_cstr(&sb, p->outcomes[o].name);
        }
        if (!first) {
            sb_putc(&sb, '\n');
            q_indent(&sb, 2);
        }
        sb_puts(&sb, "]\n");
        q_indent(&sb, 1);
        sb_putc(&sb, '}');
    }
    free(open);
    return render_finish(&sb, out, len, err);
}

/* ---- parsing an answer ---- */

static bool q_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static char q_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* s[0..n) equals the lower-case word w, ignoring ASCII case. */
static bool q_word(const char *s, size_t n, const char *w)
{
    if (strlen(w) != n)
        return false;
    for (size_t k = 0; k < n; k++)
        if (q_lower(s[k]) != w[k])
            return false;
    return true;
}

/* What is accepted for input in, as the end of a sentence. */
static void q_accepted(strbuf *sb, const regel_policy *p, const rt_input *in)
{
    const rt_type *t = q_type(p, in->type);
    switch (t ? t->kind : 0) {
    case RBC_TYPE_WAARHEID:
        sb_puts(sb, "ja, nee, waar of onwaar");
        break;
    case RBC_TYPE_GETAL:
        sb_puts(sb, "een getal met een decimale komma of punt, bijvoorbeeld 12 of 12,5");
        break;
    case RBC_TYPE_TEKST:
        sb_puts(sb, "een tekst op één regel");
        break;
    case RBC_TYPE_ENUM:
        sb_puts(sb, "een van ");
        for (uint32_t m = 0; m < t->n; m++) {
            if (m)
                sb_puts(sb, m + 1 < t->n ? ", " : " of ");
            sb_puts(sb, t->members[m]);
        }
        sb_printf(sb, ", of het nummer ervoor (1 tot en met %u)", (unsigned)t->n);
        break;
    case RBC_TYPE_DATUM:
        sb_puts(sb, "een datum als 2022-03-01 of 1 maart 2022");
        break;
    case RBC_TYPE_DUUR:
        sb_puts(sb, "een duur als 2 maanden, 1 jaar en 3 dagen of 10 weken");
        break;
    case RBC_TYPE_BEDRAG:
        sb_puts(sb, "een bedrag in euro als 12,50, € 12,50 of 12,50 euro");
        break;
    case RBC_TYPE_PERIODE:
        sb_puts(sb, "een periode als JSON op één regel, bijvoorbeeld "
                    "{\"van\": \"2022-01-01\", \"tot\": null}");
        break;
    case RBC_TYPE_RECORD:
        sb_printf(sb, "een %s als JSON-object op één regel met de velden ", t->name);
        for (uint32_t f = 0; f < t->n; f++) {
            if (f)
                sb_puts(sb, f + 1 < t->n ? ", " : " en ");
            sb_puts(sb, t->fields[f].name);
        }
        break;
    case RBC_TYPE_LIJST:
        sb_puts(sb, "een lijst als JSON op één regel, bijvoorbeeld [] of [ … ]");
        break;
    default:
        sb_puts(sb, "een waarde van het juiste type");
        break;
    }
    if (in->flags & RBC_NONNEGATIVE)
        sb_puts(sb, ", niet negatief");
    if (in->flags & RBC_OPTIONAL)
        sb_puts(sb, "; of geen als het er niet is");
}

/* The answer as shown in a message: at most 40 bytes, not cut inside a
 * UTF-8 sequence. */
static void q_shown(const char *s, size_t n, char *buf, size_t cap)
{
    size_t max = cap - 4;
    if (n > 40 && max > 40)
        max = 40;
    if (n <= max) {
        memcpy(buf, s, n);
        buf[n] = '\0';
        return;
    }
    size_t k = max;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    memcpy(buf, s, k);
    memcpy(buf + k, "…", sizeof "…");
}

static int q_bad(regel_error *err, const regel_policy *p, const rt_input *in, const char *s,
                 size_t n, const char *reason)
{
    char shown[64];
    q_shown(s, n, shown, sizeof shown);
    strbuf acc = STRBUF_INIT;
    q_accepted(&acc, p, in);
    /* a reason from the case reader: drop its "feit ‘x’: " and, when it
     * already quotes the answer ("‘2 maandn’ is geen geldige duur: …"), let
     * it lead the sentence */
    char prefix[160];
    snprintf(prefix, sizeof prefix, "feit ‘%s’: ", in->name);
    if (reason && strncmp(reason, prefix, strlen(prefix)) == 0)
        reason += strlen(prefix);
    char quoted[80];
    snprintf(quoted, sizeof quoted, "‘%s’ is ", shown);
    int rc;
    /* after a question ("bedoelde u ‘x’?") a new sentence starts */
    const char *sep = reason && reason[0] && reason[strlen(reason) - 1] == '?' ? " Geef" : "; geef";
    if (n && reason && strncmp(reason, quoted, strlen(quoted)) == 0)
        rc = rt_error(err, REGEL_ERR_CASE, NULL, 0, 0, "%s%s %s.", reason, sep,
                      acc.data ? acc.data : "");
    else if (n == 0)
        rc = rt_error(err, REGEL_ERR_CASE, NULL, 0, 0, "geen antwoord gegeven; geef %s.",
                      acc.data ? acc.data : "");
    else
        rc = rt_error(err, REGEL_ERR_CASE, NULL, 0, 0, "‘%s’ is geen geldig antwoord%s%s%s %s.",
                      shown, reason ? ": " : "", reason ? reason : "", sep,
                      acc.data ? acc.data : "");
    sb_free(&acc);
    if (err)
        snprintf(err->key, sizeof err->key, "%s", in->name);
    return rc;
}

/* Whether s[0..n) is well-formed UTF-8 (no overlongs, surrogates or
 * code points above U+10FFFF). */
static bool q_utf8(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!len || i + len > n)
            return false;
        unsigned cp = len == 1 ? c : c & (0x7Fu >> len);
        for (size_t k = 1; k < len; k++) {
            if ((u[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (u[i + k] & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

/* Parse a decimal with ',' or '.' (num_parse); false on anything else. */
static bool q_number(const char *s, size_t n, num_q *out, bool *overflow)
{
    *overflow = false;
    enum num_status st = num_parse(s, n, out);
    if (st == NUM_OVERFLOW)
        *overflow = true;
    return st == NUM_OK;
}

static int q_date(const char *s, size_t n, cal_day *out, char *reason, size_t cap)
{
    reason[0] = '\0';
    if (n == 10 && s[4] == '-' && s[7] == '-') {
        if (cal_parse_iso(s, n, out))
            return 1;
        char iso[11];
        memcpy(iso, s, 10);
        iso[10] = '\0';
        int y = 0, m = 0, d = 0;
        if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && y >= 1)
            snprintf(reason, cap, "die datum bestaat niet (%s %d heeft %d dagen)",
                     cal_month_name(m), y, cal_days_in_month(y, m));
        return 0;
    }
    /* "1 maart 2022" or "1-3-2022" / "01-03-2022" */
    size_t i = 0;
    long day = 0, year = 0;
    int month = 0;
    size_t start = i;
    while (i < n && s[i] >= '0' && s[i] <= '9' && i - start < 3)
        day = day * 10 + (s[i++] - '0');
    if (i == start || i - start > 2)
        return 0;
    if (i < n && s[i] == '-') {
        i++;
        start = i;
        while (i < n && s[i] >= '0' && s[i] <= '9' && i - start < 3)
            month = month * 10 + (s[i++] - '0');
        if (i == start || i - start > 2 || i >= n || s[i] != '-')
            return 0;
        i++;
    } else {
        if (i >= n || s[i] != ' ')
            return 0;
        while (i < n && s[i] == ' ')
            i++;
        start = i;
        while (i < n && s[i] != ' ')
            i++;
        for (int m = 1; m <= 12; m++)
            if (q_word(s + start, i - start, cal_month_name(m)))
                month = m;
        if (!month) {
            char word[40];
            q_shown(s + start, i - start, word, sizeof word);
            snprintf(reason, cap, "‘%s’ is geen maand", word);
            return 0;
        }
        if (i >= n || s[i] != ' ')
            return 0;
        while (i < n && s[i] == ' ')
            i++;
    }
    start = i;
    while (i < n && s[i] >= '0' && s[i] <= '9' && i - start < 5)
        year = year * 10 + (s[i++] - '0');
    if (i != n || i - start != 4)
        return 0;
    if (month < 1 || month > 12)
        return 0;
    if (year < 1 || !cal_valid_ymd((int32_t)year, month, (int)day)) {
        if (year >= 1)
            snprintf(reason, cap, "die datum bestaat niet (%s %ld heeft %d dagen)",
                     cal_month_name(month), year, cal_days_in_month((int32_t)year, month));
        return 0;
    }
    *out = cal_from_ymd((int32_t)year, month, (int)day);
    return 1;
}

/* bedrag: "12,50", "€ 12,50", "€12,50", "12,50 euro", "1.250,50", "12,-". */
static bool q_amount(const char *s, size_t n, int64_t *cents, char *reason, size_t cap)
{
    reason[0] = '\0';
    if (n >= 3 && memcmp(s, "€", 3) == 0) {
        s += 3;
        n -= 3;
    } else if (n >= 4 && q_word(s, 4, "euro")) {
        s += 4;
        n -= 4;
    } else if (n >= 3 && q_word(s, 3, "eur")) {
        s += 3;
        n -= 3;
    }
    while (n && q_space(*s)) {
        s++;
        n--;
    }
    if (n >= 4 && q_word(s + n - 4, 4, "euro"))
        n -= 4;
    else if (n >= 3 && q_word(s + n - 3, 3, "eur"))
        n -= 3;
    while (n && q_space(s[n - 1]))
        n--;
    if (n >= 2 && s[n - 2] == ',' && s[n - 1] == '-')
        n -= 2;
    if (n == 0 || n > 40)
        return false;
    char buf[48];
    size_t k = 0;
    /* Dutch: a comma is the decimal sign and points group thousands
     * (1.250,50); without a comma a point followed by exactly three digits
     * at the end also groups thousands (1.250 is 1250), else it is the
     * decimal sign (12.50) */
    const char *last_point = NULL;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '.')
            last_point = s + i;
    bool comma = memchr(s, ',', n) != NULL || (last_point && s + n - last_point == 4);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (comma && c == '.')
            continue; /* thousands separator in 1.250,50 */
        if (c == ',')
            c = '.';
        if (!(c == '-' || c == '.' || (c >= '0' && c <= '9')))
            return false;
        buf[k++] = c;
    }
    num_q q;
    enum num_status st = num_parse(buf, k, &q);
    if (st == NUM_OVERFLOW) {
        snprintf(reason, cap, "het bedrag is te groot");
        return false;
    }
    if (st != NUM_OK)
        return false;
    if (num_to_cents(q, cents) != NUM_OK) {
        snprintf(reason, cap, "een bedrag heeft hoogstens 2 decimalen");
        return false;
    }
    return true;
}

/* Check json as the value of fact in by reading a one-key case. */
static int q_validate(const regel_policy *p, const rt_input *in, const char *json, char *reason,
                      size_t cap)
{
    strbuf sb = STRBUF_INIT;
    sb_putc(&sb, '{');
    render_json_cstr(&sb, in->name);
    sb_puts(&sb, ": ");
    sb_puts(&sb, json);
    sb_putc(&sb, '}');
    if (sb.failed) {
        sb_free(&sb);
        return REGEL_ERR_MEMORY;
    }
    regel_case *c = NULL;
    regel_error e;
    memset(&e, 0, sizeof e);
    int rc = regel_case_from_json(p, sb.data, sb.len, "(antwoord)", &c, &e);
    sb_free(&sb);
    regel_case_free(c);
    if (rc != REGEL_OK)
        snprintf(reason, cap, "%s", e.message);
    return rc;
}

int regel_parse_answer(const regel_policy *policy, size_t i, const char *text, size_t len,
                       char **json, regel_error *err)
{
    if (json)
        *json = NULL;
    const rt_input *in = q_input(policy, i);
    if (!in || !json || (!text && len))
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_parse_answer: ongeldig feit of geen uitvoer");
    const char *s = text ? text : "";
    size_t n = len;
    while (n && q_space(*s)) {
        s++;
        n--;
    }
    while (n && q_space(s[n - 1]))
        n--;
    if (memchr(s, '\n', n) || memchr(s, '\0', n))
        return q_bad(err, policy, in, s, n, "het antwoord moet op één regel staan");
    if (n == 0)
        return q_bad(err, policy, in, s, n, NULL);
    if (!q_utf8(s, n)) {
        strbuf acc = STRBUF_INIT;
        q_accepted(&acc, policy, in);
        int rc = rt_error(err, REGEL_ERR_CASE, NULL, 0, 0,
                          "het antwoord is geen geldige UTF-8-tekst; geef %s.",
                          acc.data ? acc.data : "");
        sb_free(&acc);
        if (err)
            snprintf(err->key, sizeof err->key, "%s", in->name);
        return rc;
    }
    const rt_type *t = q_type(policy, in->type);
    if (!t)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0, "feit ‘%s’ heeft een onbekend type",
                        in->name);

    strbuf sb = STRBUF_INIT;
    char reason[1024] = "";
    bool ok = false;
    bool member_geen = false;
    if (t->kind == RBC_TYPE_ENUM)
        for (uint32_t m = 0; m < t->n; m++)
            member_geen |= strcmp(t->members[m], "geen") == 0;
    if ((in->flags & RBC_OPTIONAL) && !member_geen && q_word(s, n, "geen")) {
        sb_puts(&sb, "null");
        ok = true;
    } else {
        switch (t->kind) {
        case RBC_TYPE_WAARHEID:
            if (q_word(s, n, "ja") || q_word(s, n, "waar")) {
                sb_puts(&sb, "true");
                ok = true;
            } else if (q_word(s, n, "nee") || q_word(s, n, "onwaar")) {
                sb_puts(&sb, "false");
                ok = true;
            }
            break;
        case RBC_TYPE_GETAL: {
            num_q q;
            bool overflow;
            char buf[NUM_FORMAT_CAP];
            bool parsed = q_number(s, n, &q, &overflow);
            if (parsed && (in->flags & RBC_NONNEGATIVE) && q.num < 0) {
                snprintf(reason, sizeof reason, "het getal is negatief");
            } else if (parsed && num_format(q, '.', buf, sizeof buf)) {
                sb_puts(&sb, buf);
                ok = true;
            } else if (overflow) {
                snprintf(reason, sizeof reason, "het getal is te groot");
            }
            break;
        }
        case RBC_TYPE_TEKST:
            render_json_string(&sb, s, n);
            ok = true;
            break;
        case RBC_TYPE_ENUM: {
            uint32_t found = UINT32_MAX;
            for (uint32_t m = 0; m < t->n && found == UINT32_MAX; m++)
                if (strlen(t->members[m]) == n && memcmp(t->members[m], s, n) == 0)
                    found = m;
            for (uint32_t m = 0; m < t->n && found == UINT32_MAX; m++) {
                char low[128];
                size_t ml = strlen(t->members[m]);
                if (ml < sizeof low) {
                    for (size_t k = 0; k <= ml; k++)
                        low[k] = q_lower(t->members[m][k]);
                    if (q_word(s, n, low))
                        found = m;
                }
            }
            if (found == UINT32_MAX && n <= 9) {
                unsigned long num = 0;
                size_t k = 0;
                while (k < n && s[k] >= '0' && s[k] <= '9')
                    num = num * 10 + (unsigned long)(s[k++] - '0');
                if (k == n) {
                    if (num >= 1 && num <= t->n)
                        found = (uint32_t)(num - 1);
                    else
                        snprintf(reason, sizeof reason, "er is geen nummer %lu", num);
                }
            }
            if (found != UINT32_MAX) {
                render_json_cstr(&sb, t->members[found]);
                ok = true;
            } else if (!reason[0]) {
                char word[64];
                q_shown(s, n, word, sizeof word);
                const char *hint = suggest_closest(word, t->members, t->n);
                if (hint)
                    snprintf(reason, sizeof reason, "bedoelde u ‘%s’?", hint);
            }
            break;
        }
        case RBC_TYPE_DATUM: {
            cal_day d;
            if (q_date(s, n, &d, reason, sizeof reason)) {
                char iso[11];
                cal_format_iso(d, iso);
                sb_printf(&sb, "\"%s\"", iso);
                ok = true;
            }
            break;
        }
        case RBC_TYPE_BEDRAG: {
            int64_t cents;
            char buf[NUM_FORMAT_CAP];
            bool parsed = q_amount(s, n, &cents, reason, sizeof reason);
            if (parsed && (in->flags & RBC_NONNEGATIVE) && cents < 0) {
                snprintf(reason, sizeof reason, "het bedrag is negatief");
            } else if (parsed && num_format(num_from_cents(cents), '.', buf, sizeof buf)) {
                sb_puts(&sb, buf);
                ok = true;
            }
            break;
        }
        case RBC_TYPE_DUUR: {
            char low[128];
            if (n < sizeof low) {
                for (size_t k = 0; k < n; k++)
                    low[k] = q_lower(s[k]);
                render_json_string(&sb, low, n);
                ok = true;
            }
            break;
        }
        default: /* periode, gegeven, lijst: JSON, checked below */
            if ((t->kind == RBC_TYPE_LIJST && s[0] == '[') ||
                (t->kind != RBC_TYPE_LIJST && s[0] == '{')) {
                json_error_t jerr;
                json_t *v = json_loadb(s, n, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
                if (v) {
                    sb_append(&sb, s, n);
                    ok = true;
                    json_decref(v);
                } else {
                    snprintf(reason, sizeof reason, "geen geldige JSON");
                }
            }
            break;
        }
    }
    if (sb.failed) {
        sb_free(&sb);
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    }
    if (ok) {
        int rc = q_validate(policy, in, sb.data, reason, sizeof reason);
        if (rc == REGEL_ERR_MEMORY) {
            sb_free(&sb);
            return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
        }
        if (rc != REGEL_OK) {
            /* drop the reader's "(antwoord): " style prefix: keep its message */
            ok = false;
        }
    }
    if (!ok) {
        sb_free(&sb);
        return q_bad(err, policy, in, s, n, reason[0] ? reason : NULL);
    }
    *json = sb_take(&sb);
    if (!*json)
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    return REGEL_OK;
}
