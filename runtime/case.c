/* case.c — reads the facts of one case from JSON (spec §6; v0.2: dates, durations,
 * amounts, periods, lists; v0.3: null for optional facts is geen, absent facts take
 * their `standaard` value) into a struct regel_case typed against a loaded policy.
 * The text is read by yajl into a json_tree (issue 11); what that declines, and
 * so every invalid text, goes to jansson, whose errors are worded here.
 * Every error is a value with a Dutch message naming the key; never jansson's text. */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "case_build.h"
#include "eval.h"
#include "json_locate.h"
#include "json_tree.h"
#include "num.h"
#include "policy.h"
#include "regel.h"
#include "render.h"
#include "rt.h"
#include "strbuf.h"
#include "suggest.h"

#define CASE_PATH_MAX 128
#define CASE_STEPS    72 /* key path steps kept for locating an error (depth <= 64) */

/* One step of the key path being read: an object key (the tree's string,
 * alive as long as the parsed document) or a list index. */
typedef struct case_step {
    const char *key; /* NULL: a list index */
    size_t index;
} case_step;

/* Reading state: the policy, the case being built and the error to fill.
 * steps is the key path of the value being read; when an error returns it
 * is left as it was at the error, so the JSON reader can locate it in the
 * text (at_key: the error is about the key itself, e.g. an unknown one). */
typedef struct case_reader {
    const regel_policy *policy;
    regel_case *kase;
    regel_error *err;
    const char *name;
    size_t n_steps; /* may exceed CASE_STEPS: then the path is not kept */
    bool at_key;
    case_step steps[CASE_STEPS];
} case_reader;

static void case_push(case_reader *r, const char *key, size_t index)
{
    if (r->n_steps < CASE_STEPS)
        r->steps[r->n_steps] = (case_step){key, index};
    r->n_steps++;
}

static void case_pop(case_reader *r)
{
    r->n_steps--;
}

/* Cut s (NUL-terminated, in a buffer of cap bytes) back so it does not end
 * in the middle of a UTF-8 sequence after truncation by snprintf. */
static void case_trim_utf8(char *s, size_t cap)
{
    size_t n = strlen(s);
    if (n + 1 < cap)
        return;
    size_t i = n;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i > 0 && ((unsigned char)s[i - 1] & 0x80)) {
        unsigned char lead = (unsigned char)s[i - 1];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (n - (i - 1) < need)
            s[i - 1] = '\0';
    }
}

/* A value or key from the case for a message: at most CASE_SHOW_CHARS
 * characters (cut at a UTF-8 boundary), then "…" when longer; control
 * characters show as '?' so a message stays on one line. */
void case_show(const char *s, size_t len, char *buf, size_t cap)
{
    size_t n = 0, chars = 0;
    while (n < len && chars < CASE_SHOW_CHARS) {
        n++;
        while (n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
            n++;
        chars++;
    }
    bool cut = n < len;
    if (n + 4 > cap) {
        n = cap - 4;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        cut = true;
    }
    for (size_t i = 0; i < n; i++)
        buf[i] = ((unsigned char)s[i] < 0x20 || s[i] == 0x7F) ? '?' : s[i];
    if (cut)
        memcpy(buf + n, "…", 4); /* 3 bytes and the NUL */
    else
        buf[n] = '\0';
}

static void case_copy(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
    case_trim_utf8(dst, cap);
}

__attribute__((format(printf, 7, 8))) static int case_fail(regel_error *err, int code,
                                                           const char *file, const char *key,
                                                           unsigned line, unsigned col,
                                                           const char *fmt, ...)
{
    if (!err)
        return code;
    memset(err, 0, sizeof *err);
    err->code = code;
    case_copy(err->file, sizeof err->file, file);
    case_copy(err->key, sizeof err->key, key);
    err->line = line;
    err->column = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    case_trim_utf8(err->message, sizeof err->message);
    return code;
}

/* Dutch name of the kind of a JSON value, for "maar is …". */
static const char *case_json_kind(const jt_node *v)
{
    switch (v->kind) {
    case JT_OBJECT:
        return "een object";
    case JT_ARRAY:
        return "een lijst";
    case JT_STRING:
        return "een tekst";
    case JT_INTEGER:
    case JT_REAL:
        return "een getal";
    case JT_TRUE:
    case JT_FALSE:
        return "een waarheid (true/false)";
    case JT_NULL:
        return "null";
    default:
        break;
    }
    return "onbekend";
}

/* Append "a, b, c" (names) to buf, stopping with ", …" before it overflows. */
static void case_list(char *buf, size_t cap, const char *const *names, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *sep = i ? ", " : "";
        size_t need = strlen(sep) + strlen(names[i]);
        if (len + need + 8 >= cap) {
            snprintf(buf + len, cap - len, "%s…", sep);
            return;
        }
        snprintf(buf + len, cap - len, "%s%s", sep, names[i]);
        len += need;
    }
}

/* Field names of a record type as an array of strings (in the case arena). */
static const char **case_field_names(case_reader *r, const rt_type *t)
{
    const char **names = arena_alloc(r->kase->arena, sizeof *names * (t->n ? t->n : 1));
    if (names)
        for (uint32_t i = 0; i < t->n; i++)
            names[i] = t->fields[i].name;
    return names;
}

/* "moet … zijn" phrase for a policy type, e.g. "waar of onwaar zijn (JSON true/false)". */
static void case_expected(case_reader *r, const rt_type *t, char *buf, size_t cap)
{
    char list[512];
    switch (t->kind) {
    case RBC_TYPE_WAARHEID:
        snprintf(buf, cap, "waar of onwaar zijn (JSON true/false)");
        break;
    case RBC_TYPE_GETAL:
        snprintf(buf, cap, "een getal zijn (JSON-getal)");
        break;
    case RBC_TYPE_TEKST:
        snprintf(buf, cap, "een tekst zijn (JSON-tekst)");
        break;
    case RBC_TYPE_ENUM:
        case_list(list, sizeof list, t->members, t->n);
        snprintf(buf, cap, "een %s zijn (JSON-tekst: %s)", t->name, list);
        break;
    case RBC_TYPE_RECORD: {
        const char **names = case_field_names(r, t);
        if (names)
            case_list(list, sizeof list, names, t->n);
        else
            list[0] = '\0';
        snprintf(buf, cap, "een %s zijn (JSON-object met de velden %s)", t->name, list);
        break;
    }
    case RBC_TYPE_DATUM:
        snprintf(buf, cap, "een datum zijn (JSON-tekst JJJJ-MM-DD)");
        break;
    case RBC_TYPE_DUUR:
        snprintf(buf, cap, "een duur zijn (JSON-tekst zoals ‘2 maanden’)");
        break;
    case RBC_TYPE_BEDRAG:
        snprintf(buf, cap, "een bedrag zijn (JSON-getal in euro of een tekst zoals ‘12,50’)");
        break;
    case RBC_TYPE_PERIODE:
        snprintf(buf, cap, "een periode zijn (JSON-object met van en tot)");
        break;
    case RBC_TYPE_LIJST:
        snprintf(buf, cap, "een lijst zijn (JSON-lijst […])");
        break;
    default:
        snprintf(buf, cap, "van een onbekende soort zijn");
        break;
    }
}

/* Append ".name" (or "name" at the start) to a key path for messages: the
 * name as case_show shows it, the whole path cut with "…" when too long. */
static void case_path_join(char *dst, size_t cap, const char *parent, const char *name)
{
    /* The usual key (short, no control characters) as is: what case_show
     * and snprintf below would give, without their cost — this runs for
     * every key of every case, the text only matters in messages. */
    size_t pl = parent ? strlen(parent) : 0, nl = strlen(name);
    bool plain = nl <= CASE_SHOW_CHARS && pl + 1 + nl < cap;
    for (size_t i = 0; plain && i < nl; i++)
        plain = (unsigned char)name[i] >= 0x20 && name[i] != 0x7F;
    if (plain) {
        if (pl) {
            memcpy(dst, parent, pl);
            dst[pl++] = '.';
        }
        memcpy(dst + pl, name, nl + 1);
        return;
    }
    char shown[CASE_SHOW_CAP];
    case_show(name, strlen(name), shown, sizeof shown);
    int n;
    if (parent && parent[0])
        n = snprintf(dst, cap, "%s.%s", parent, shown);
    else
        n = snprintf(dst, cap, "%s", shown);
    if (n >= 0 && (size_t)n >= cap && cap > 4) {
        size_t k = cap - 4;
        while (k > 0 && ((unsigned char)dst[k] & 0xC0) == 0x80)
            k--;
        memcpy(dst + k, "…", 4);
    }
}

static int case_type_error(case_reader *r, const char *path, const rt_type *t, const jt_node *v)
{
    char expected[768];
    case_expected(r, t, expected, sizeof expected);
    return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0, "feit ‘%s’ moet %s, maar is %s",
                     path, expected, case_json_kind(v));
}

/* The shortest decimal text of d that reads back as exactly d. */
static void case_shortest(double d, char *buf, size_t cap)
{
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, cap, "%.*g", prec, d);
        if (strtod(buf, NULL) == d)
            return;
    }
}

/* The shortest round-trip text of a JSON real in the JSON spelling: '.' as
 * decimal point (whatever the locale wrote), no '+' in the exponent.
 * Returns its length; clean must hold 64 bytes. */
static size_t case_real_text(double d, char clean[64])
{
    char text[64];
    case_shortest(d, text, sizeof text);
    size_t j = 0;
    for (size_t i = 0; text[i] && j + 1 < 64; i++) {
        char c = text[i];
        if (c == '+')
            continue;
        if (c == ',')
            c = '.';
        clean[j++] = c;
    }
    clean[j] = '\0';
    return j;
}

/* A JSON number as an exact getal. */
static int case_number(case_reader *r, const char *path, const jt_node *v, num_q *out)
{
    if (v->kind == JT_INTEGER) {
        *out = num_int((int64_t)v->u.i);
        return REGEL_OK;
    }
    char clean[64];
    size_t j = case_real_text(v->u.d, clean);
    enum num_status st = num_parse(clean, j, out);
    if (st == NUM_OK)
        return REGEL_OK;
    if (st == NUM_OVERFLOW)
        return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                         "feit ‘%s’: het getal %s is te groot of te precies om exact te rekenen",
                         path, clean);
    return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                     "feit ‘%s’: het getal %s kan niet exact gelezen worden", path, clean);
}

static int case_value(case_reader *r, const char *path, uint32_t type, const jt_node *v,
                      rt_value *out, unsigned depth);

int case_check_sign(const regel_case *c, const char *path, uint32_t type, uint32_t flags,
                    const rt_value *v, regel_error *err)
{
    if (!(flags & RBC_NONNEGATIVE))
        return REGEL_OK;
    bool negative = (v->tag == RV_GETAL && v->u.q.num < 0) ||
                    (v->tag == RV_BEDRAG && v->u.cents < 0) ||
                    (v->tag == RV_DUUR && (v->u.duur.months < 0 || v->u.duur.days < 0));
    if (!negative)
        return REGEL_OK;
    strbuf sb = STRBUF_INIT;
    bool shown = render_value_text(&sb, c->policy, type, v) && !sb.failed && sb.data;
    int rc = case_fail(err, REGEL_ERR_CASE, c->name, path, 0, 0,
                       "feit ‘%s’: %s is negatief; dit feit kan niet negatief zijn", path,
                       shown ? sb.data : "de waarde");
    sb_free(&sb);
    return rc;
}

/* The value of a fact or record field declared with `flags`: JSON null is
 * geen when it is optional (RBC_OPTIONAL), an error otherwise; a negative
 * value is refused when it is declared (niet negatief) (RBC_NONNEGATIVE). */
static int case_slot(case_reader *r, const char *path, uint32_t type, uint32_t flags,
                     const jt_node *v, rt_value *out, unsigned depth)
{
    if (v->kind == JT_NULL && (flags & RBC_OPTIONAL)) {
        memset(out, 0, sizeof *out);
        out->tag = RV_GEEN;
        return REGEL_OK;
    }
    int rc = case_value(r, path, type, v, out, depth);
    if (rc == REGEL_OK && (flags & RBC_NONNEGATIVE))
        rc = case_check_sign(r->kase, path, type, flags, out, r->err);
    return rc;
}

/* A JSON object as a record (gegeven): every field optional, no extras. */
static int case_record(case_reader *r, const char *path, const rt_type *t, const jt_node *v,
                       rt_value *out, unsigned depth)
{
    rt_value *fields = arena_alloc(r->kase->arena, sizeof *fields * (t->n ? t->n : 1));
    if (!fields)
        return case_fail(r->err, REGEL_ERR_MEMORY, r->name, path, 0, 0, "onvoldoende geheugen");
    for (uint32_t k = 0; k < v->n; k++) {
        const char *key = v->u.members[k].key;
        const jt_node *item = &v->u.members[k].value;
        size_t key_len = v->u.members[k].keylen;
        char sub[CASE_PATH_MAX], shown[CASE_SHOW_CAP];
        case_path_join(sub, sizeof sub, path, key);
        case_push(r, key, 0);
        uint32_t f = 0;
        while (f < t->n && (t->fields[f].name[0] != key[0] ||
                            strcmp(t->fields[f].name, key) != 0)) /* keys hold no NUL */
            f++;
        if (f == t->n) {
            const char **names = case_field_names(r, t);
            const char *hint = names ? suggest_closest(key, names, t->n) : NULL;
            case_show(key, key_len, shown, sizeof shown);
            r->at_key = true;
            if (hint)
                return case_fail(r->err, REGEL_ERR_CASE, r->name, sub, 0, 0,
                                 "onbekend veld ‘%s’ in feit ‘%s’ (een %s); bedoelde u ‘%s’?",
                                 shown, path, t->name, hint);
            char list[512];
            if (names)
                case_list(list, sizeof list, names, t->n);
            else
                list[0] = '\0';
            return case_fail(r->err, REGEL_ERR_CASE, r->name, sub, 0, 0,
                             "onbekend veld ‘%s’ in feit ‘%s’ (een %s); de velden zijn: %s", shown,
                             path, t->name, list);
        }
        int rc =
            case_slot(r, sub, t->fields[f].type, t->fields[f].flags, item, &fields[f], depth + 1);
        if (rc != REGEL_OK)
            return rc;
        case_pop(r);
    }
    out->tag = RV_RECORD;
    out->u.fields = fields;
    return REGEL_OK;
}

/* A JSON string naming a member of a soort. */
static int case_member(case_reader *r, const char *path, const rt_type *t, const jt_node *v,
                       rt_value *out)
{
    const char *s = v->u.s;
    size_t len = (size_t)v->n;
    for (uint32_t m = 0; m < t->n; m++) {
        if (strlen(t->members[m]) == len && memcmp(t->members[m], s, len) == 0) {
            out->tag = RV_MEMBER;
            out->u.member = m;
            return REGEL_OK;
        }
    }
    const char *hint = suggest_closest(s, t->members, t->n);
    char shown[CASE_SHOW_CAP];
    case_show(s, len, shown, sizeof shown);
    if (hint)
        return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                         "feit ‘%s’: ‘%s’ is geen %s; bedoelde u ‘%s’?", path, shown, t->name,
                         hint);
    char list[512];
    case_list(list, sizeof list, t->members, t->n);
    return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                     "feit ‘%s’: ‘%s’ is geen %s; mogelijk: %s", path, shown, t->name, list);
}

/* --- v0.2 kinds: datum, duur, bedrag, periode, lijst --- */

static int case_digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Why the string is not a date: "(februari 2023 heeft 28 dagen)" for a
 * well-formed JJJJ-MM-DD that does not exist, the expected form otherwise. */
static void case_date_reason(const char *s, size_t len, char *buf, size_t cap)
{
    bool shape = len == 10;
    for (size_t i = 0; shape && i < 10; i++)
        shape = (i == 4 || i == 7) ? s[i] == '-' : (s[i] >= '0' && s[i] <= '9');
    if (!shape) {
        snprintf(buf, cap, "verwacht een datum als JJJJ-MM-DD");
        return;
    }
    int year = case_digits(s, 4), month = case_digits(s + 5, 2), day = case_digits(s + 8, 2);
    if (year < 1)
        snprintf(buf, cap, "het jaar 0 bestaat niet; jaren lopen van 1 tot 9999");
    else if (month < 1 || month > 12)
        snprintf(buf, cap, "er is geen maand %d", month);
    else if (day < 1)
        snprintf(buf, cap, "er is geen dag 0");
    else if (day > cal_days_in_month(year, month))
        snprintf(buf, cap, "%s %d heeft %d dagen", cal_month_name(month), year,
                 cal_days_in_month(year, month));
    else
        snprintf(buf, cap, "verwacht een datum als JJJJ-MM-DD");
}

static const rt_type case_datum_type = {RBC_TYPE_DATUM, NULL, 0, NULL, NULL, 0};

/* A JSON string "YYYY-MM-DD" as a datum. */
static int case_date(case_reader *r, const char *path, const jt_node *v, rt_value *out)
{
    if (v->kind != JT_STRING)
        return case_type_error(r, path, &case_datum_type, v);
    const char *s = v->u.s;
    size_t len = (size_t)v->n;
    cal_day d;
    if (!cal_parse_iso(s, len, &d)) {
        char shown[CASE_SHOW_CAP], reason[128];
        case_show(s, len, shown, sizeof shown);
        case_date_reason(s, len, reason, sizeof reason);
        return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                         "feit ‘%s’: ‘%s’ is geen geldige datum (%s)", path, shown, reason);
    }
    out->tag = RV_DATUM;
    out->u.day = d;
    return REGEL_OK;
}

/* Units of a duur in a case: the words of the language, singular and plural. */
static const char *const case_units[] = {"dag",   "dagen",   "week", "weken",
                                         "maand", "maanden", "jaar", "jaren"};
#define CASE_N_UNITS (sizeof case_units / sizeof case_units[0])

/* A JSON string "2 maanden", "1 jaar en 2 maanden", "10 dagen", "3 weken"
 * (parts joined by "en" or a comma, each an optionally negative whole
 * number and a unit) as a duur. */
static int case_duration(case_reader *r, const char *path, const jt_node *v, rt_value *out)
{
    if (v->kind != JT_STRING) {
        const rt_type t = {RBC_TYPE_DUUR, NULL, 0, NULL, NULL, 0};
        return case_type_error(r, path, &t, v);
    }
    const char *s = v->u.s;
    size_t len = (size_t)v->n, i = 0;
    char shown[CASE_SHOW_CAP];
    case_show(s, len, shown, sizeof shown);
    int64_t months = 0, days = 0;
    bool ok = false, big = false;
    for (;;) {
        while (i < len && s[i] == ' ')
            i++;
        bool neg = i < len && s[i] == '-';
        if (neg)
            i++;
        size_t start = i;
        int64_t n = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9' && i - start < 12)
            n = n * 10 + (s[i++] - '0');
        if (i == start)
            break;
        if (i < len && s[i] >= '0' && s[i] <= '9') {
            big = true; /* more than 12 digits */
            break;
        }
        size_t gap = i;
        while (i < len && s[i] == ' ')
            i++;
        if (i == gap)
            break;
        size_t ustart = i;
        while (i < len && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            i++;
        size_t ulen = i - ustart;
        size_t u = 0;
        while (u < CASE_N_UNITS &&
               !(strlen(case_units[u]) == ulen && memcmp(case_units[u], s + ustart, ulen) == 0))
            u++;
        if (u == CASE_N_UNITS) {
            if (ulen == 0)
                break;
            char word[CASE_SHOW_CAP];
            case_show(s + ustart, ulen, word, sizeof word);
            const char *hint = suggest_closest(word, case_units, CASE_N_UNITS);
            if (hint)
                return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                                 "feit ‘%s’: ‘%s’ is geen geldige duur: onbekende eenheid ‘%s’; "
                                 "bedoelde u ‘%s’?",
                                 path, shown, word, hint);
            return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                             "feit ‘%s’: ‘%s’ is geen geldige duur: onbekende eenheid ‘%s’; "
                             "mogelijk: dagen, weken, maanden, jaren",
                             path, shown, word);
        }
        if (neg)
            n = -n;
        /* u / 2: 0 dagen, 1 weken, 2 maanden, 3 jaren; |n| < 10^12 */
        if (u / 2 == 0)
            days += n;
        else if (u / 2 == 1)
            days += n * 7;
        else if (u / 2 == 2)
            months += n;
        else
            months += n * 12;
        if (days > INT32_MAX || days < INT32_MIN || months > INT32_MAX || months < INT32_MIN) {
            big = true;
            break;
        }
        while (i < len && s[i] == ' ')
            i++;
        if (i == len) {
            ok = true;
            break;
        }
        if (s[i] == ',') {
            i++;
        } else if (i + 2 < len && s[i] == 'e' && s[i + 1] == 'n' && s[i + 2] == ' ') {
            i += 3;
        } else {
            break;
        }
    }
    if (big)
        return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                         "feit ‘%s’: de duur ‘%s’ is te groot", path, shown);
    if (!ok)
        return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                         "feit ‘%s’: ‘%s’ is geen geldige duur (verwacht bijvoorbeeld ‘2 maanden’, "
                         "‘1 jaar’, ‘10 dagen’ of ‘3 weken’)",
                         path, shown);
    out->tag = RV_DUUR;
    out->u.duur.months = (int32_t)months;
    out->u.duur.days = (int32_t)days;
    return REGEL_OK;
}

static int case_amount_too_big(case_reader *r, const char *path, const char *shown)
{
    return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                     "feit ‘%s’: het bedrag %s is te groot", path, shown);
}

static int case_amount_decimals(case_reader *r, const char *path, const char *shown)
{
    return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                     "feit ‘%s’: het bedrag %s heeft meer dan 2 decimalen", path, shown);
}

/* An amount in euro: a JSON number (12.5, exact through its shortest
 * round-trip text) or a string "12,50" / "12.50"; whole cents only. */
static int case_amount(case_reader *r, const char *path, const jt_node *v, rt_value *out)
{
    int64_t cents;
    if (v->kind == JT_INTEGER) {
        long long e = v->u.i;
        char shown[32];
        snprintf(shown, sizeof shown, "%lld", (long long)e);
        if (__builtin_mul_overflow((int64_t)e, (int64_t)100, &cents))
            return case_amount_too_big(r, path, shown);
    } else if (v->kind == JT_REAL) {
        char text[64];
        size_t n = case_real_text(v->u.d, text);
        num_q q;
        enum num_status st = num_parse(text, n, &q);
        if (st == NUM_OVERFLOW) {
            double d = v->u.d;
            return (d < 1 && d > -1) ? case_amount_decimals(r, path, text)
                                     : case_amount_too_big(r, path, text);
        }
        if (st != NUM_OK)
            return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                             "feit ‘%s’: het bedrag %s kan niet exact gelezen worden", path, text);
        st = num_to_cents(q, &cents);
        if (st == NUM_SYNTAX)
            return case_amount_decimals(r, path, text);
        if (st != NUM_OK)
            return case_amount_too_big(r, path, text);
    } else if (v->kind == JT_STRING) {
        const char *s = v->u.s;
        size_t len = (size_t)v->n, i = 0;
        char shown[CASE_SHOW_CAP];
        case_show(s, len, shown, sizeof shown);
        if (i < len && s[i] == '-')
            i++;
        size_t int_start = i;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
        bool ok = i > int_start;
        size_t frac = 0;
        if (ok && i < len && (s[i] == ',' || s[i] == '.')) {
            size_t f = ++i;
            while (i < len && s[i] >= '0' && s[i] <= '9')
                i++;
            frac = i - f;
            ok = frac > 0;
        }
        if (!ok || i != len)
            return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                             "feit ‘%s’: ‘%s’ is geen geldig bedrag (verwacht een getal in euro "
                             "zoals ‘12,50’ of ‘12.50’, zonder €-teken of scheidingstekens voor "
                             "duizendtallen)",
                             path, shown);
        if (frac > 2)
            return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                             "feit ‘%s’: het bedrag ‘%s’ heeft meer dan 2 decimalen (de punt of "
                             "komma is het decimaalteken; schrijf geen scheidingstekens voor "
                             "duizendtallen)",
                             path, shown);
        char quoted[CASE_SHOW_CAP + 8];
        snprintf(quoted, sizeof quoted, "‘%s’", shown);
        num_q q;
        enum num_status st = num_parse(s, len, &q);
        if (st == NUM_OK)
            st = num_to_cents(q, &cents);
        if (st != NUM_OK)
            return case_amount_too_big(r, path, quoted);
    } else {
        const rt_type t = {RBC_TYPE_BEDRAG, NULL, 0, NULL, NULL, 0};
        return case_type_error(r, path, &t, v);
    }
    out->tag = RV_BEDRAG;
    out->u.cents = cents;
    return REGEL_OK;
}

/* A JSON object {"van": date, "tot": date | null} (tot null or absent: the
 * period is still running) as a periode. */
static int case_period(case_reader *r, const char *path, const rt_type *t, const jt_node *v,
                       rt_value *out)
{
    static const char *const fields[] = {"van", "tot"};
    if (v->kind != JT_OBJECT)
        return case_type_error(r, path, t, v);
    rt_value van = {RV_ONBEKEND, {.b = false}}, tot = {RV_ONBEKEND, {.b = false}};
    for (uint32_t k = 0; k < v->n; k++) {
        const char *key = v->u.members[k].key;
        const jt_node *item = &v->u.members[k].value;
        char sub[CASE_PATH_MAX];
        case_path_join(sub, sizeof sub, path, key);
        case_push(r, key, 0);
        bool is_van = strcmp(key, "van") == 0;
        if (!is_van && strcmp(key, "tot") != 0) {
            const char *hint = suggest_closest(key, fields, 2);
            char shown[CASE_SHOW_CAP];
            case_show(key, strlen(key), shown, sizeof shown);
            r->at_key = true;
            if (hint)
                return case_fail(r->err, REGEL_ERR_CASE, r->name, sub, 0, 0,
                                 "onbekend veld ‘%s’ in feit ‘%s’ (een periode); bedoelde u ‘%s’?",
                                 shown, path, hint);
            return case_fail(r->err, REGEL_ERR_CASE, r->name, sub, 0, 0,
                             "onbekend veld ‘%s’ in feit ‘%s’ (een periode); de velden zijn: van, "
                             "tot",
                             shown, path);
        }
        if (item->kind == JT_NULL) {
            if (is_van)
                return case_fail(r->err, REGEL_ERR_CASE, r->name, sub, 0, 0,
                                 "feit ‘%s’ is null, maar een periode heeft altijd een begindatum",
                                 sub);
            case_pop(r);
            continue; /* tot null: still running */
        }
        int rc = case_date(r, sub, item, is_van ? &van : &tot);
        if (rc != REGEL_OK)
            return rc;
        case_pop(r);
    }
    if (van.tag != RV_DATUM)
        return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                         "feit ‘%s’: de periode heeft geen begindatum ‘van’", path);
    out->tag = RV_PERIODE;
    out->u.periode.van = van.u.day;
    out->u.periode.open = tot.tag != RV_DATUM;
    out->u.periode.tot = out->u.periode.open ? van.u.day : tot.u.day;
    return REGEL_OK;
}

/* "path[i]" into sub, as snprintf writes it (cut at a UTF-8 boundary when
 * too long); without snprintf's cost in the usual case. */
static void case_index_path(char *sub, size_t cap, const char *path, size_t i)
{
    size_t pl = strlen(path);
    if (pl + 24 < cap) {
        char digits[24];
        size_t n = 0;
        do {
            digits[n++] = (char)('0' + i % 10);
            i /= 10;
        } while (i);
        memcpy(sub, path, pl);
        sub[pl++] = '[';
        while (n)
            sub[pl++] = digits[--n];
        sub[pl++] = ']';
        sub[pl] = '\0';
        return;
    }
    snprintf(sub, cap, "%s[%zu]", path, i);
    case_trim_utf8(sub, cap);
}

/* A JSON array as a lijst; every element of the element type, none null. */
static int case_list_value(case_reader *r, const char *path, const rt_type *t, const jt_node *v,
                           rt_value *out, unsigned depth)
{
    if (v->kind != JT_ARRAY)
        return case_type_error(r, path, t, v);
    size_t n = (size_t)v->n;
    if (n > CASE_MAX_LIST)
        return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                         "feit ‘%s’: de lijst is te lang: %zu elementen (hoogstens 1 miljoen)",
                         path, n);
    rt_value *items = arena_alloc(r->kase->arena, sizeof *items * (n ? n : 1));
    if (!items)
        return case_fail(r->err, REGEL_ERR_MEMORY, r->name, path, 0, 0, "onvoldoende geheugen");
    for (size_t i = 0; i < n; i++) {
        char sub[CASE_PATH_MAX];
        case_index_path(sub, sizeof sub, path, i);
        const jt_node *item = &v->u.items[i];
        case_push(r, NULL, i);
        if (item->kind == JT_NULL)
            return case_fail(r->err, REGEL_ERR_CASE, r->name, sub, 0, 0,
                             "feit ‘%s’ is null, maar een lijst kan geen null bevatten; laat het "
                             "element weg",
                             sub);
        int rc = case_value(r, sub, t->elem, item, &items[i], depth + 1);
        if (rc != REGEL_OK)
            return rc;
        case_pop(r);
    }
    out->tag = RV_LIJST;
    out->u.list.items = items;
    out->u.list.n = (uint32_t)n;
    out->u.list.cap = 0; /* exactly n */
    return REGEL_OK;
}

static int case_null(case_reader *r, const char *path)
{
    return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                     "feit ‘%s’ is null, maar is niet optioneel; laat de sleutel weg als de "
                     "waarde onbekend is",
                     path);
}

static int case_value(case_reader *r, const char *path, uint32_t type, const jt_node *v,
                      rt_value *out, unsigned depth)
{
    const regel_policy *p = r->policy;
    if (type >= p->n_types || depth > 64)
        return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                         "feit ‘%s’ heeft een type dat het beleid niet kent", path);
    const rt_type *t = &p->types[type];
    if (v->kind == JT_NULL)
        return case_null(r, path);
    switch (t->kind) {
    case RBC_TYPE_WAARHEID:
        if (v->kind != JT_TRUE && v->kind != JT_FALSE)
            return case_type_error(r, path, t, v);
        out->tag = RV_WAARHEID;
        out->u.b = v->kind == JT_TRUE;
        return REGEL_OK;
    case RBC_TYPE_GETAL:
        if (v->kind != JT_INTEGER && v->kind != JT_REAL)
            return case_type_error(r, path, t, v);
        out->tag = RV_GETAL;
        return case_number(r, path, v, &out->u.q);
    case RBC_TYPE_TEKST: {
        if (v->kind != JT_STRING)
            return case_type_error(r, path, t, v);
        size_t len = (size_t)v->n;
        if (len > CASE_MAX_TEXT)
            return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                             "feit ‘%s’: de tekst is te lang: %zu bytes (hoogstens 1 MB)", path,
                             len);
        char *s = arena_strndup(r->kase->arena, v->u.s, len);
        if (!s)
            return case_fail(r->err, REGEL_ERR_MEMORY, r->name, path, 0, 0, "onvoldoende geheugen");
        out->tag = RV_TEKST;
        out->u.str.s = s;
        out->u.str.len = (uint32_t)len;
        return REGEL_OK;
    }
    case RBC_TYPE_ENUM:
        if (v->kind != JT_STRING)
            return case_type_error(r, path, t, v);
        return case_member(r, path, t, v, out);
    case RBC_TYPE_RECORD:
        if (v->kind != JT_OBJECT)
            return case_type_error(r, path, t, v);
        return case_record(r, path, t, v, out, depth);
    case RBC_TYPE_DATUM:
        return case_date(r, path, v, out);
    case RBC_TYPE_DUUR:
        return case_duration(r, path, v, out);
    case RBC_TYPE_BEDRAG:
        return case_amount(r, path, v, out);
    case RBC_TYPE_PERIODE:
        return case_period(r, path, t, v, out);
    case RBC_TYPE_LIJST:
        return case_list_value(r, path, t, v, out, depth);
    default:
        return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                         "feit ‘%s’ heeft een type dat het beleid niet kent", path);
    }
}

/* --- duplicate keys: find the key path of the key that ends at byte `pos` --- */

typedef struct case_frame {
    bool object;
    bool expect_key;
    size_t key_start, key_end; /* raw string token, quotes included */
    unsigned long index;
} case_frame;

/* Append src to the NUL-terminated dst (capacity cap), truncating. */
static void case_append(char *dst, size_t cap, const char *src)
{
    size_t used = strlen(dst), n = strlen(src);
    if (used + 1 >= cap)
        return;
    if (n > cap - used - 1)
        n = cap - used - 1;
    memcpy(dst + used, src, n);
    dst[used + n] = '\0';
}

/* Decode the raw JSON string token s[0..n) into dst (truncating). */
static void case_decode_key(const char *s, size_t n, char *dst, size_t cap)
{
    json_error_t e;
    json_t *str = json_loadb(s, n, JSON_DECODE_ANY, &e);
    if (str && json_is_string(str))
        case_show(json_string_value(str), json_string_length(str), dst, cap);
    else
        snprintf(dst, cap, "?");
    json_decref(str);
}

/* The text up to pos was accepted by jansson, so a plain structural scan
 * suffices: track containers and the current key of each object. */
static void case_duplicate_path(const char *s, size_t len, size_t pos, char *path, size_t cap)
{
    case_frame stack[64];
    size_t depth = 0, skipped = 0; /* skipped: levels deeper than the stack */
    path[0] = '\0';
    for (size_t i = 0; i < len;) {
        char c = s[i];
        if (c == '"') {
            size_t start = i++;
            while (i < len && s[i] != '"')
                i += (s[i] == '\\') ? 2 : 1;
            size_t end = i < len ? i + 1 : len;
            i = end;
            if (skipped == 0 && depth > 0 && stack[depth - 1].object &&
                stack[depth - 1].expect_key) {
                stack[depth - 1].expect_key = false;
                stack[depth - 1].key_start = start;
                stack[depth - 1].key_end = end;
                if (end >= pos)
                    break;
            }
            continue;
        }
        if (c == '{' || c == '[') {
            if (depth < sizeof stack / sizeof stack[0] && skipped == 0) {
                case_frame f = {c == '{', c == '{', 0, 0, 0};
                stack[depth++] = f;
            } else {
                skipped++;
            }
        } else if (c == '}' || c == ']') {
            if (skipped)
                skipped--;
            else if (depth)
                depth--;
        } else if (c == ',' && skipped == 0 && depth) {
            if (stack[depth - 1].object)
                stack[depth - 1].expect_key = true;
            else
                stack[depth - 1].index++;
        }
        i++;
    }
    size_t used = 0;
    for (size_t d = 0; d < depth && used + 1 < cap; d++) {
        if (stack[d].object) {
            char key[CASE_SHOW_CAP];
            case_decode_key(s + stack[d].key_start, stack[d].key_end - stack[d].key_start, key,
                            sizeof key);
            if (used)
                case_append(path, cap, ".");
            case_append(path, cap, key);
        } else {
            char index[32];
            snprintf(index, sizeof index, "[%lu]", stack[d].index);
            case_append(path, cap, index);
        }
        used = strlen(path);
    }
    case_trim_utf8(path, cap);
}

static bool case_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '+';
}

/* The opening quote of the string token that ends just before byte pos, or
 * SIZE_MAX. */
static size_t case_key_start(const char *s, size_t len, size_t pos)
{
    if (pos == 0 || pos > len || s[pos - 1] != '"')
        return SIZE_MAX;
    size_t i = pos - 1;
    while (i > 0) {
        i--;
        if (s[i] != '"')
            continue;
        size_t bs = 0;
        while (bs < i && s[i - 1 - bs] == '\\')
            bs++;
        if (bs % 2 == 0)
            return i;
    }
    return SIZE_MAX;
}

/* The token jansson stopped at: it ends just before byte `pos`. Empty when
 * it cannot be shown briefly. */
static void case_near_token(const char *s, size_t len, size_t pos, char *buf, size_t cap)
{
    buf[0] = '\0';
    if (pos == 0 || pos > len)
        return;
    size_t end = pos, start = pos - 1;
    if (s[start] == '"') {
        start = case_key_start(s, len, pos);
        if (start == SIZE_MAX)
            return;
    } else if (case_word_char(s[start])) {
        while (start > 0 && case_word_char(s[start - 1]))
            start--;
    } else if ((unsigned char)s[start] >= 0x80) {
        return;
    }
    if (end - start > 24 || end - start + 1 > cap)
        return;
    for (size_t i = start; i < end; i++)
        if ((unsigned char)s[i] < 0x20)
            return;
    memcpy(buf, s + start, end - start);
    buf[end - start] = '\0';
}

/* The first byte that cannot be in a JSON text: a NUL or another control
 * byte (JSON allows only tab, LF and CR, and only between tokens), or a
 * byte that does not start or continue a well-formed UTF-8 sequence (no
 * overlongs, surrogates or code points above U+10FFFF). SIZE_MAX when there
 * is none. */
static size_t case_bad_byte(const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        unsigned char b = u[i];
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r')
            return i;
        size_t n = rt_utf8_seq(u + i, len - i);
        if (n == 0)
            return i;
        i += n;
    }
    return SIZE_MAX;
}

/* A case that is not UTF-8 text (a control byte or invalid UTF-8 at or
 * before where jansson stopped): say so at that byte. REGEL_OK when it is
 * text. */
static int case_not_text(case_reader *r, const char *json, size_t len, const json_error_t *e)
{
    size_t bad = case_bad_byte(json, len);
    size_t epos = e->position > 0 ? (size_t)e->position : 0;
    if (bad == SIZE_MAX || (bad > epos && json_error_code(e) != json_error_invalid_utf8))
        return REGEL_OK;
    unsigned line, col;
    json_position(json, len, bad, &line, &col);
    unsigned byte = (unsigned char)json[bad];
    size_t i = 0;
    while (i < bad && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r'))
        i++;
    if (i == bad && bad + 1 < len &&
        (memcmp(json + bad, "\xFF\xFE", 2) == 0 || memcmp(json + bad, "\xFE\xFF", 2) == 0))
        return case_fail(r->err, REGEL_ERR_CASE, r->name, "", line, col,
                         "het geval is in UTF-16 opgeslagen (bytes 0x%02X 0x%02X); sla het op als "
                         "UTF-8",
                         byte, (unsigned)(unsigned char)json[bad + 1]);
    if (i == bad)
        return case_fail(r->err, REGEL_ERR_CASE, r->name, "", line, col,
                         "het geval is geen tekst (byte 0x%02X); verwacht een JSON-object", byte);
    if (byte == 0)
        return case_fail(r->err, REGEL_ERR_CASE, r->name, "", line, col,
                         "geen geldige JSON: een nulbyte (byte 0x00) hoort niet in een geval; is "
                         "het wel een tekstbestand?");
    if (byte < 0x20)
        return case_fail(r->err, REGEL_ERR_CASE, r->name, "", line, col,
                         "geen geldige JSON: het stuurteken 0x%02X hoort niet in een geval (in een "
                         "tekst: schrijf \\u%04X)",
                         byte, byte);
    return case_fail(r->err, REGEL_ERR_CASE, r->name, "", line, col,
                     "geen geldige JSON: ongeldige UTF-8 (byte 0x%02X); sla het geval op als UTF-8",
                     byte);
}

static int case_json_error(case_reader *r, const char *json, size_t len, const json_error_t *e)
{
    enum json_error_code code = json_error_code(e);
    unsigned line = e->line > 0 ? (unsigned)e->line : 0;
    unsigned col = e->column > 0 ? (unsigned)e->column : 0;
    if (code == json_error_out_of_memory)
        return case_fail(r->err, REGEL_ERR_MEMORY, r->name, "", 0, 0, "onvoldoende geheugen");
    if (code != json_error_duplicate_key && case_not_text(r, json, len, e) != REGEL_OK)
        return REGEL_ERR_CASE;
    if (code == json_error_duplicate_key) {
        char path[CASE_PATH_MAX];
        size_t pos = e->position > 0 ? (size_t)e->position : 0;
        case_duplicate_path(json, len, pos, path, sizeof path);
        size_t start = case_key_start(json, len, pos); /* the key itself, as for unknown keys */
        if (start != SIZE_MAX)
            json_position(json, len, start, &line, &col);
        return case_fail(r->err, REGEL_ERR_CASE, r->name, path, line, col,
                         "sleutel ‘%s’ komt twee keer voor in het geval", path);
    }
    const char *detail;
    switch (code) {
    case json_error_invalid_utf8:
        detail = "ongeldige UTF-8";
        break;
    case json_error_premature_end_of_input:
        detail = "onverwacht einde van de invoer";
        break;
    case json_error_end_of_input_expected:
        detail = "er staat nog tekst na het einde van het JSON-object";
        break;
    case json_error_null_character:
    case json_error_null_byte_in_key:
        detail = "het teken \\u0000 is niet toegestaan";
        break;
    case json_error_numeric_overflow:
        detail = "getal te groot";
        break;
    case json_error_stack_overflow:
        detail = "te diep genest";
        break;
    default:
        detail = "ongeldige syntaxis";
        break;
    }
    size_t i = 0;
    while (i < len && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r'))
        i++;
    if (i == len)
        return case_fail(r->err, REGEL_ERR_CASE, r->name, "", 0, 0,
                         "geen geldige JSON: het geval is leeg (verwacht een JSON-object {…})");
    /* The position travels in err->line/column (printed before the message). */
    char near[32];
    if (code == json_error_invalid_syntax) {
        case_near_token(json, len, e->position > 0 ? (size_t)e->position : 0, near, sizeof near);
        if (near[0])
            return case_fail(r->err, REGEL_ERR_CASE, r->name, "", line, col,
                             "geen geldige JSON: ongeldige syntaxis bij ‘%s’", near);
    }
    return case_fail(r->err, REGEL_ERR_CASE, r->name, "", line, col, "geen geldige JSON: %s",
                     detail);
}

/* --- the top level --- */

/* The `standaard` value of an input (a CONSTS entry) as a run-time value:
 * the constant kind matches the fact's type as the verifier demands
 * (WAARHEID q 0/1, ENUM of the same type with q the member, GEEN only for an
 * optional fact). Anything else is a bytecode error, also for a policy built
 * without the verifier. */
static int case_default(case_reader *r, const rt_input *in, rt_value *out)
{
    const regel_policy *p = r->policy;
    const rt_type *t = in->type < p->n_types ? &p->types[in->type] : NULL;
    const rt_const *c = in->def < p->n_consts ? &p->consts[in->def] : NULL;
    uint8_t kind = t ? t->kind : 0;
    memset(out, 0, sizeof *out);
    switch (c ? c->kind : 0) {
    case RBC_CONST_GEEN:
        if (!(in->flags & RBC_OPTIONAL))
            break;
        out->tag = RV_GEEN;
        return REGEL_OK;
    case RBC_CONST_WAARHEID:
        if (kind != RBC_TYPE_WAARHEID || c->q.den != 1 || (c->q.num != 0 && c->q.num != 1))
            break;
        out->tag = RV_WAARHEID;
        out->u.b = c->q.num != 0;
        return REGEL_OK;
    case RBC_CONST_ENUM:
        if (kind != RBC_TYPE_ENUM || c->type != in->type || c->q.den != 1 || c->q.num < 0 ||
            c->q.num >= (int64_t)t->n)
            break;
        out->tag = RV_MEMBER;
        out->u.member = (uint32_t)c->q.num;
        return REGEL_OK;
    case RBC_CONST_GETAL:
        if (kind != RBC_TYPE_GETAL)
            break;
        out->tag = RV_GETAL;
        out->u.q = c->q;
        return REGEL_OK;
    case RBC_CONST_TEKST:
        if (kind != RBC_TYPE_TEKST || !c->s)
            break;
        out->tag = RV_TEKST;
        out->u.str.s = c->s;
        out->u.str.len = c->len;
        return REGEL_OK;
    case RBC_CONST_DATUM:
        if (kind != RBC_TYPE_DATUM)
            break;
        out->tag = RV_DATUM;
        out->u.day = c->day;
        return REGEL_OK;
    case RBC_CONST_DUUR:
        if (kind != RBC_TYPE_DUUR)
            break;
        out->tag = RV_DUUR;
        out->u.duur.months = c->months;
        out->u.duur.days = c->days;
        return REGEL_OK;
    case RBC_CONST_BEDRAG:
        if (kind != RBC_TYPE_BEDRAG)
            break;
        out->tag = RV_BEDRAG;
        out->u.cents = c->cents;
        return REGEL_OK;
    default:
        break;
    }
    return case_fail(r->err, REGEL_ERR_BYTECODE, r->name, in->name, 0, 0,
                     "de standaardwaarde van feit ‘%s’ past niet bij zijn type", in->name);
}

static int case_read(case_reader *r, const jt_node *root)
{
    const regel_policy *p = r->policy;
    if (root->kind != JT_OBJECT)
        return case_fail(r->err, REGEL_ERR_CASE, r->name, "", 0, 0,
                         "het geval moet een JSON-object met feiten zijn ({…}), maar is %s",
                         case_json_kind(root));
    const char **names =
        arena_alloc(r->kase->arena, sizeof *names * (p->n_inputs ? p->n_inputs : 1));
    if (!names)
        return case_fail(r->err, REGEL_ERR_MEMORY, r->name, "", 0, 0, "onvoldoende geheugen");
    for (uint32_t i = 0; i < p->n_inputs; i++)
        names[i] = p->inputs[i].name;
    uint32_t next = 0; /* where the search for the next key starts */
    for (uint32_t k = 0; k < root->n; k++) {
        const char *key = root->u.members[k].key;
        const jt_node *item = &root->u.members[k].value;
        char path[CASE_PATH_MAX];
        case_path_join(path, sizeof path, "", key);
        case_push(r, key, 0);
        /* Cases usually list the facts in the policy's order: the search
         * starts after the last one found (names are distinct, so the
         * answer is the same). Keys hold no NUL. */
        uint32_t f = p->n_inputs;
        for (uint32_t s = 0; s < p->n_inputs; s++) {
            uint32_t at = next + s < p->n_inputs ? next + s : next + s - p->n_inputs;
            if (names[at][0] == key[0] && strcmp(names[at], key) == 0) {
                f = at;
                next = at + 1 < p->n_inputs ? at + 1 : 0;
                break;
            }
        }
        if (f == p->n_inputs && strcmp(key, "peildatum") == 0) {
            /* peildatum is predeclared (spec3 §3): a policy that does not use
             * it still accepts it; it must be a valid date, and is ignored. */
            rt_value ignored;
            if (item->kind == JT_NULL)
                return case_null(r, path);
            int rc = case_date(r, path, item, &ignored);
            if (rc != REGEL_OK)
                return rc;
            case_pop(r);
            continue;
        }
        if (f == p->n_inputs) {
            static const char *const predeclared[] = {"peildatum"};
            const char *hint = suggest_closest(key, names, p->n_inputs);
            if (!hint)
                hint = suggest_closest(key, predeclared, 1);
            r->at_key = true;
            if (hint)
                return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                                 "onbekend feit ‘%s’ in het geval; bedoelde u ‘%s’?", path, hint);
            return case_fail(r->err, REGEL_ERR_CASE, r->name, path, 0, 0,
                             "onbekend feit ‘%s’ in het geval; het beleid kent geen invoer met "
                             "die naam",
                             path);
        }
        int rc =
            case_slot(r, path, p->inputs[f].type, p->inputs[f].flags, item, &r->kase->facts[f], 0);
        if (rc != REGEL_OK)
            return rc;
        case_pop(r);
    }
    for (uint32_t i = 0; i < p->n_inputs; i++) {
        /* Every present key gave a value other than onbekend, so an onbekend
         * fact is an absent one: it takes its `standaard` value, if any. */
        if (r->kase->facts[i].tag != RV_ONBEKEND || p->inputs[i].def == RBC_NONE)
            continue;
        int rc = case_default(r, &p->inputs[i], &r->kase->facts[i]);
        if (rc != REGEL_OK)
            return rc;
        r->kase->defaulted[i] = 1;
    }
    return REGEL_OK;
}

int case_alloc(const regel_policy *policy, const char *name, regel_case **out, regel_error *err)
{
    const char *shown = name ? name : "";
    arena *a = arena_new(4096);
    regel_case *c = a ? arena_alloc(a, sizeof *c) : NULL;
    size_t n_facts = policy->n_inputs ? policy->n_inputs : 1;
    rt_value *facts = c ? arena_alloc(a, sizeof *facts * n_facts) : NULL;
    uint8_t *defaulted = facts ? arena_alloc(a, n_facts) : NULL;
    const char *cname = defaulted ? arena_strndup(a, shown, strlen(shown)) : NULL;
    if (!cname) {
        arena_free(a);
        return case_fail(err, REGEL_ERR_MEMORY, shown, "", 0, 0, "onvoldoende geheugen");
    }
    c->policy = policy;
    c->arena = a;
    c->facts = facts;         /* zeroed: every fact starts as RV_ONBEKEND, no causes */
    c->defaulted = defaulted; /* zeroed: no default used */
    c->name = cname;
    *out = c;
    return REGEL_OK;
}

int case_absent(regel_case *c, uint32_t i, regel_error *err)
{
    const regel_policy *p = c->policy;
    case_reader r = {p, c, err, c->name, 0, false, {{NULL, 0}}};
    atomic_store_explicit(&c->fits, false, memory_order_relaxed);
    memset(&c->facts[i], 0, sizeof c->facts[i]);
    c->defaulted[i] = 0;
    if (p->inputs[i].def == RBC_NONE)
        return REGEL_OK;
    int rc = case_default(&r, &p->inputs[i], &c->facts[i]);
    if (rc == REGEL_OK)
        c->defaulted[i] = 1;
    return rc;
}

int case_convert(regel_case *c, const char *path, uint32_t type, uint32_t flags, const json_t *v,
                 rt_value *out, regel_error *err)
{
    case_reader r = {c->policy, c, err, c->name, 0, false, {{NULL, 0}}};
    const jt_node *node = jt_from_jansson(c->arena, v); /* a small copy, in the case's arena */
    if (!node)
        return case_fail(err, REGEL_ERR_MEMORY, c->name, path, 0, 0, "onvoldoende geheugen");
    return case_slot(&r, path, type, flags, node, out, 0);
}

/* The key path of r's steps as text ("toetsen[2].datum", keys whole),
 * malloc'd; NULL when it was not kept or memory is short. */
static char *case_steps_path(const case_reader *r)
{
    if (r->n_steps > CASE_STEPS)
        return NULL;
    size_t need = 1;
    for (size_t i = 0; i < r->n_steps; i++)
        need += r->steps[i].key ? strlen(r->steps[i].key) + 1 : 24;
    char *path = malloc(need);
    if (!path)
        return NULL;
    size_t used = 0;
    for (size_t i = 0; i < r->n_steps; i++) {
        const char *key = r->steps[i].key;
        if (key) {
            if (used)
                path[used++] = '.';
            size_t n = strlen(key);
            memcpy(path + used, key, n);
            used += n;
        } else {
            used += (size_t)snprintf(path + used, need - used, "[%zu]", r->steps[i].index);
        }
    }
    path[used] = '\0';
    return path;
}

/* The line and column of a case error (regel_case_from_json's error path
 * only): the value the error is about, or the key for an unknown key. */
static void case_locate(const case_reader *r, const char *json, size_t len)
{
    regel_error *err = r->err;
    if (!err || err->code != REGEL_ERR_CASE || err->line)
        return;
    char *path = case_steps_path(r);
    if (!path)
        return;
    unsigned line = 0, col = 0;
    int found = r->at_key ? json_locate_key(json, len, path, &line, &col)
                          : json_locate(json, len, path, &line, &col);
    free(path);
    if (found) {
        err->line = line;
        err->column = col;
    }
}

int case_from_json(const regel_policy *policy, const char *json, size_t len, const char *name,
                   regel_case **out, regel_error *err, bool force_jansson)
{
    if (out)
        *out = NULL;
    if (!policy || !json || !out)
        return case_fail(err, REGEL_ERR_USAGE, name, "", 0, 0,
                         "regel_case_from_json: beleid, JSON-tekst en uitvoer zijn verplicht");
    case_reader r = {policy, NULL, err, name ? name : "", 0, false, {{NULL, 0}}};
    if (len >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0) { /* a UTF-8 BOM is skipped */
        json += 3;
        len -= 3;
    }
    /* The text is read into a tree in a scratch arena, by yajl; what yajl
     * declines (jansson would reject it, or yajl is not sure to read it the
     * same) goes to jansson, whose errors are reported as before. */
    /* The tree of a usual case fits in the first block (16 to 32 bytes a
     * value, the strings at most len bytes); big texts grow the arena. */
    arena *scratch = arena_new(len < ((size_t)1 << 18) ? len * 4 + 4096 : ((size_t)1 << 20));
    if (!scratch)
        return case_fail(err, REGEL_ERR_MEMORY, r.name, "", 0, 0, "onvoldoende geheugen");
    const jt_node *root = NULL;
    if (force_jansson || jt_parse(scratch, json, len, &root) != JT_OK) {
        json_error_t jerr;
        json_t *doc = json_loadb(json, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
        if (!doc) {
            arena_free(scratch);
            return case_json_error(&r, json, len, &jerr);
        }
        root = jt_from_jansson(scratch, doc);
        json_decref(doc);
        if (!root) {
            arena_free(scratch);
            return case_fail(err, REGEL_ERR_MEMORY, r.name, "", 0, 0, "onvoldoende geheugen");
        }
    }

    regel_case *c = NULL;
    int rc = case_alloc(policy, r.name, &c, err);
    if (rc == REGEL_OK) {
        r.kase = c;
        rc = case_read(&r, root);
    }
    if (rc == REGEL_ERR_CASE)
        case_locate(&r, json, len);
    arena_free(scratch);
    if (rc != REGEL_OK) {
        regel_case_free(c);
        return rc;
    }
    *out = c;
    return REGEL_OK;
}

int regel_case_from_json(const regel_policy *policy, const char *json, size_t len, const char *name,
                         regel_case **out, regel_error *err)
{
    return case_from_json(policy, json, len, name, out, err, false);
}

void regel_case_free(regel_case *c)
{
    if (c)
        arena_free(c->arena);
}
