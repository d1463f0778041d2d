/* api_case.c — cases built in code (regel_case_new, regel_case_set_* by path
 * "naam[i].veld", append, unset, geen): typed against the policy and checked
 * like the JSON reader (runtime/case.c, whose conversions it reuses), so a
 * built case is exactly the case the same facts give as JSON. */
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_date.h"
#include "case_build.h"
#include "eval.h"
#include "num.h"
#include "policy.h"
#include "question.h"
#include "regel.h"
#include "rt.h"
#include "strbuf.h"
#include "suggest.h"

#define AC_MAX_SEGS   64
#define AC_MAX_LENGTH (UINT32_MAX / 2)

/* A path, name or value from the caller in a message: at most
 * CASE_SHOW_CHARS characters, then "…" (each use has its own buffer). */
static const char *ac_show(const char *s, size_t n, char *buf)
{
    case_show(s ? s : "", s ? n : 0, buf, CASE_SHOW_CAP);
    return buf;
}
#define AC_SHOW(s)           ac_show((s), (s) ? strlen(s) : 0, (char[CASE_SHOW_CAP]){0})
#define AC_PREFIX(s, prefix) ac_show((s), (prefix), (char[CASE_SHOW_CAP]){0})

/* Put the path in err->key (cut at a UTF-8 boundary). */
static void ac_set_key(regel_error *err, const char *path)
{
    if (!err)
        return;
    snprintf(err->key, sizeof err->key, "%s", path ? path : "");
    size_t n = strlen(err->key);
    if (n + 1 >= sizeof err->key) { /* truncated: drop a cut UTF-8 sequence */
        while (n > 0 && ((unsigned char)err->key[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0 && ((unsigned char)err->key[n - 1] & 0x80))
            n--;
        err->key[n] = '\0';
    }
}

/* Fill err like rt_error and put the path in err->key (cut at a UTF-8 boundary). */
__attribute__((format(printf, 4, 5))) static int ac_fail(regel_error *err, int code,
                                                         const char *path, const char *fmt, ...)
{
    if (!err)
        return code;
    char msg[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rt_error(err, code, NULL, 0, 0, "%s", msg);
    ac_set_key(err, path);
    return code;
}

static int ac_oom(regel_error *err, const char *path)
{
    return ac_fail(err, REGEL_ERR_MEMORY, path, "onvoldoende geheugen");
}

/* ---- paths ---- */

enum { SEG_FIELD = 0, SEG_INDEX = 1 };

typedef struct ac_seg {
    int kind;
    const char *name; /* SEG_FIELD (and the fact name): not NUL-terminated */
    size_t len;
    size_t index; /* SEG_INDEX */
    size_t end;   /* offset in the path just after this segment */
} ac_seg;

static bool ac_sep(char ch)
{
    return ch == '.' || ch == '[' || ch == ']';
}

/* Bytes of the (UTF-8) character at s. */
static size_t ac_char_len(const char *s)
{
    size_t n = 1;
    while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    return n;
}

/* Split "naam[0].veld" into segments; REGEL_ERR_CASE for a malformed path. */
static int ac_parse(const char *path, ac_seg *segs, size_t *n_segs, regel_error *err)
{
    size_t i = 0, n = 0;
    for (;;) {
        if (n == AC_MAX_SEGS)
            return ac_fail(err, REGEL_ERR_CASE, path, "ongeldig pad ‘%s’: te diep genest",
                           AC_SHOW(path));
        if (n == 0 || path[i] == '.') {
            if (n > 0)
                i++;
            size_t start = i;
            while (path[i] && !ac_sep(path[i]))
                i++;
            if (i == start)
                return ac_fail(err, REGEL_ERR_CASE, path,
                               "ongeldig pad ‘%s’: lege naam op positie %zu (verwacht "
                               "‘naam’, ‘naam.veld’ of ‘naam[0]’)",
                               AC_SHOW(path), start + 1);
            segs[n] = (ac_seg){SEG_FIELD, path + start, i - start, 0, i};
        } else if (path[i] == '[') {
            size_t start = ++i;
            size_t value = 0;
            bool big = false;
            while (path[i] >= '0' && path[i] <= '9') {
                if (value > (AC_MAX_LENGTH - 9) / 10)
                    big = true;
                else
                    value = value * 10 + (size_t)(path[i] - '0');
                i++;
            }
            if (i == start || (path[i] && path[i] != ']'))
                return ac_fail(err, REGEL_ERR_CASE, path,
                               "ongeldig pad ‘%s’: een index is een geheel getal vanaf 0 tussen "
                               "[ en ], zoals ‘naam[0]’",
                               AC_SHOW(path));
            if (path[i] != ']')
                return ac_fail(err, REGEL_ERR_CASE, path,
                               "ongeldig pad ‘%s’: ‘]’ ontbreekt na de index", AC_SHOW(path));
            i++;
            if (big)
                return ac_fail(err, REGEL_ERR_CASE, path, "ongeldig pad ‘%s’: de index is te groot",
                               AC_SHOW(path));
            segs[n] = (ac_seg){SEG_INDEX, NULL, 0, value, i};
        } else {
            return ac_fail(err, REGEL_ERR_CASE, path,
                           "ongeldig pad ‘%s’: onverwacht teken ‘%s’ op positie %zu", AC_SHOW(path),
                           AC_PREFIX(path + i, ac_char_len(path + i)), i + 1);
        }
        n++;
        if (!path[i])
            break;
    }
    *n_segs = n;
    return REGEL_OK;
}

/* The slot a path names. */
typedef struct ac_slot {
    rt_value *v;     /* NULL: not there yet (inside an onbekend or geen record) */
    uint32_t type;   /* its policy type */
    uint32_t flags;  /* RBC_OPTIONAL for optional facts and record fields */
    uint32_t input;  /* the top-level fact */
    bool peildatum;  /* the predeclared peildatum a policy does not use (ignored) */
    bool element;    /* the last segment is a list index */
    rt_value *list;  /* element: the list value */
    size_t index;    /* element: its position */
    uint32_t n_segs; /* segments of the path */
} ac_slot;

static const rt_type *ac_type(const regel_policy *p, uint32_t type)
{
    return type < p->n_types ? &p->types[type] : NULL;
}

/* "een datum", "een lijst van Toetsafname" … for messages (malloc'd or NULL). */
static char *ac_type_text(const regel_policy *p, uint32_t type)
{
    strbuf sb = STRBUF_INIT;
    sb_puts(&sb, "een ");
    question_type_text(&sb, p, type);
    return sb_take(&sb);
}

static int ac_unknown_fact(const regel_policy *p, const char *path, const char *name,
                           regel_error *err)
{
    const char **names = malloc(sizeof *names * (p->n_inputs ? p->n_inputs : 1));
    const char *hint = NULL;
    if (names) {
        for (uint32_t i = 0; i < p->n_inputs; i++)
            names[i] = p->inputs[i].name;
        hint = suggest_closest(name, names, p->n_inputs);
    }
    int rc;
    if (hint)
        rc = ac_fail(err, REGEL_ERR_CASE, path, "onbekend feit ‘%s’; bedoelde u ‘%s’?",
                     AC_SHOW(name), hint);
    else
        rc = ac_fail(err, REGEL_ERR_CASE, path,
                     "onbekend feit ‘%s’; het beleid kent geen invoer met die naam", AC_SHOW(name));
    free(names);
    return rc;
}

static int ac_unknown_field(const regel_policy *p, const char *path, size_t prefix,
                            const rt_type *t, const char *name, regel_error *err)
{
    const char **names = malloc(sizeof *names * (t->n ? t->n : 1));
    if (!names)
        return ac_oom(err, path);
    for (uint32_t f = 0; f < t->n; f++)
        names[f] = t->fields[f].name;
    const char *hint = suggest_closest(name, names, t->n);
    int rc;
    if (hint) {
        rc = ac_fail(err, REGEL_ERR_CASE, path,
                     "onbekend veld ‘%s’ in ‘%s’ (een %s); bedoelde u ‘%s’?", AC_SHOW(name),
                     AC_PREFIX(path, prefix), t->name ? t->name : "gegeven", hint);
    } else {
        strbuf sb = STRBUF_INIT;
        for (uint32_t f = 0; f < t->n; f++) {
            sb_puts(&sb, f ? ", " : "");
            sb_puts(&sb, names[f]);
        }
        rc =
            ac_fail(err, REGEL_ERR_CASE, path,
                    "onbekend veld ‘%s’ in ‘%s’ (een %s); de velden zijn: %s", AC_SHOW(name),
                    AC_PREFIX(path, prefix), t->name ? t->name : "gegeven", sb.data ? sb.data : "");
        sb_free(&sb);
    }
    free(names);
    (void)p;
    return rc;
}

/* "‘naam’ is een getal en heeft geen velden" / "… en is geen lijst". */
static int ac_not_container(const regel_policy *p, const char *path, size_t prefix, uint32_t type,
                            bool want_list, regel_error *err)
{
    char *tt = ac_type_text(p, type);
    int rc = ac_fail(err, REGEL_ERR_CASE, path,
                     want_list ? "pad ‘%s’: ‘%s’ is %s en geen lijst; alleen een lijst heeft "
                                 "elementen [i]"
                               : "pad ‘%s’: ‘%s’ is %s en geen gegeven; alleen een gegeven heeft "
                                 "velden",
                     AC_SHOW(path), AC_PREFIX(path, prefix), tt ? tt : "?");
    free(tt);
    return rc;
}

/* A record value with every field onbekend, in the case arena. */
static bool ac_new_record(regel_case *c, const rt_type *t, rt_value *out)
{
    rt_value *fields = arena_alloc(c->arena, sizeof *fields * (t->n ? t->n : 1));
    if (!fields)
        return false;
    memset(out, 0, sizeof *out);
    out->tag = RV_RECORD;
    out->u.fields = fields;
    return true;
}

/* Walk path to its slot. With create, records on the way that are onbekend
 * or geen are made (every field onbekend); without it such a slot gives
 * s->v == NULL. Type and index errors do not depend on create. */
static int ac_resolve(regel_case *c, const char *path, bool create, ac_slot *s, regel_error *err)
{
    const regel_policy *p = c->policy;
    ac_seg segs[AC_MAX_SEGS];
    size_t n = 0;
    int rc = ac_parse(path, segs, &n, err);
    if (rc != REGEL_OK)
        return rc;
    memset(s, 0, sizeof *s);
    s->n_segs = (uint32_t)n;
    char name[256];
    if (segs[0].len >= sizeof name)
        return ac_unknown_fact(p, path, path, err);
    memcpy(name, segs[0].name, segs[0].len);
    name[segs[0].len] = '\0';
    uint32_t i = 0;
    while (i < p->n_inputs && strcmp(p->inputs[i].name, name) != 0)
        i++;
    if (i == p->n_inputs) {
        if (strcmp(name, "peildatum") != 0)
            return ac_unknown_fact(p, path, name, err);
        /* predeclared (spec3 §3): accepted as a date, and ignored */
        if (n > 1)
            return ac_not_container(p, path, segs[0].end, RBC_NONE, segs[1].kind == SEG_INDEX, err);
        s->peildatum = true;
        s->input = RBC_NONE;
        return REGEL_OK;
    }
    s->input = i;
    s->type = p->inputs[i].type;
    s->flags = p->inputs[i].flags;
    s->v = &c->facts[i];
    atomic_store_explicit(&c->fits, false, memory_order_relaxed); /* about to change */
    for (size_t k = 1; k < n; k++) {
        const ac_seg *g = &segs[k];
        size_t prefix = segs[k - 1].end;
        const rt_type *t = ac_type(p, s->type);
        if (g->kind == SEG_FIELD) {
            if (!t || t->kind != RBC_TYPE_RECORD)
                return ac_not_container(p, path, prefix, s->type, false, err);
            char field[256];
            if (g->len >= sizeof field)
                return ac_unknown_field(p, path, prefix, t, "…", err);
            memcpy(field, g->name, g->len);
            field[g->len] = '\0';
            uint32_t f = 0;
            while (f < t->n && strcmp(t->fields[f].name, field) != 0)
                f++;
            if (f == t->n)
                return ac_unknown_field(p, path, prefix, t, field, err);
            if (s->v && s->v->tag != RV_RECORD) {
                if (!create)
                    s->v = NULL;
                else if (!ac_new_record(c, t, s->v))
                    return ac_oom(err, path);
            }
            s->v = s->v ? (rt_value *)&s->v->u.fields[f] : NULL;
            s->type = t->fields[f].type;
            s->flags = t->fields[f].flags;
            s->element = false;
        } else {
            if (!t || t->kind != RBC_TYPE_LIJST)
                return ac_not_container(p, path, prefix, s->type, true, err);
            size_t len = s->v && s->v->tag == RV_LIJST ? s->v->u.list.n : 0;
            if (g->index >= len) {
                if (len == 0)
                    return ac_fail(err, REGEL_ERR_CASE, path,
                                   "pad ‘%s’: de lijst ‘%s’ heeft geen elementen; voeg ze eerst "
                                   "toe met regel_case_append",
                                   AC_SHOW(path), AC_PREFIX(path, prefix));
                return ac_fail(err, REGEL_ERR_CASE, path,
                               "pad ‘%s’: index %zu ligt buiten de lijst ‘%s’ (%zu %s, index 0 "
                               "tot en met %zu)",
                               AC_SHOW(path), g->index, AC_PREFIX(path, prefix), len,
                               len == 1 ? "element" : "elementen", len - 1);
            }
            s->list = s->v;
            s->index = g->index;
            s->v = (rt_value *)&s->v->u.list.items[g->index];
            s->type = t->elem;
            s->flags = 0; /* list elements are never optional */
            s->element = true;
        }
    }
    return REGEL_OK;
}

/* Check c and path; fill err for a NULL. */
static int ac_args(const regel_case *c, const char *path, const char *fn, regel_error *err)
{
    if (!c || !path)
        return ac_fail(err, REGEL_ERR_USAGE, path, "%s: geval en pad zijn verplicht (NULL)", fn);
    if (!c->policy || !c->facts || !c->arena)
        return ac_fail(err, REGEL_ERR_USAGE, path, "%s: het geval is ongeldig", fn);
    return REGEL_OK;
}

/* Store v at path: the slot must have type kind `kind` (what = the setter's
 * Dutch kind, e.g. "een datum"). */
static int ac_store(regel_case *c, const char *path, uint8_t kind, const char *what, const char *fn,
                    const rt_value *v, regel_error *err)
{
    const regel_policy *p = c->policy;
    ac_slot s;
    int rc = ac_resolve(c, path, false, &s, err);
    if (rc != REGEL_OK)
        return rc;
    if (s.peildatum) {
        if (kind == RBC_TYPE_DATUM)
            return REGEL_OK; /* checked by the caller; not used by this policy */
        return ac_fail(err, REGEL_ERR_CASE, path,
                       "feit ‘%s’ moet een datum zijn, maar krijgt %s (%s)", AC_SHOW(path), what,
                       fn);
    }
    const rt_type *t = ac_type(p, s.type);
    if (!t || t->kind != kind) {
        char *tt = ac_type_text(p, s.type);
        rc = ac_fail(err, REGEL_ERR_CASE, path, "feit ‘%s’ moet %s zijn, maar krijgt %s (%s)",
                     AC_SHOW(path), tt ? tt : "?", what, fn);
        free(tt);
        return rc;
    }
    if (v && (s.flags & RBC_NONNEGATIVE) &&
        (rc = case_check_sign(c, AC_SHOW(path), s.type, s.flags, v, err)) != REGEL_OK) {
        ac_set_key(err, path);
        return rc;
    }
    if (!s.v) {
        rc = ac_resolve(c, path, true, &s, err);
        if (rc != REGEL_OK)
            return rc;
    }
    *s.v = *v;
    c->defaulted[s.input] = 0;
    return REGEL_OK;
}

/* ---- the public functions ---- */

REGEL_API int regel_case_new(const regel_policy *policy, regel_case **out, regel_error *err)
{
    if (out)
        *out = NULL;
    if (!policy || !out)
        return ac_fail(err, REGEL_ERR_USAGE, "",
                       "regel_case_new: beleid en uitvoer zijn verplicht (NULL)");
    regel_case *c = NULL;
    int rc = case_alloc(policy, NULL, &c, err);
    if (rc != REGEL_OK)
        return rc;
    for (uint32_t i = 0; i < policy->n_inputs; i++) {
        rc = case_absent(c, i, err);
        if (rc != REGEL_OK) {
            regel_case_free(c);
            return rc;
        }
    }
    *out = c;
    return REGEL_OK;
}

REGEL_API int regel_case_set_bool(regel_case *c, const char *path, int value, regel_error *err)
{
    int rc = ac_args(c, path, "regel_case_set_bool", err);
    if (rc != REGEL_OK)
        return rc;
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_WAARHEID;
    v.u.b = value != 0;
    return ac_store(c, path, RBC_TYPE_WAARHEID, "een waarheid", "regel_case_set_bool", &v, err);
}

REGEL_API int regel_case_set_int(regel_case *c, const char *path, int64_t value, regel_error *err)
{
    int rc = ac_args(c, path, "regel_case_set_int", err);
    if (rc != REGEL_OK)
        return rc;
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_GETAL;
    v.u.q = num_int(value);
    return ac_store(c, path, RBC_TYPE_GETAL, "een getal", "regel_case_set_int", &v, err);
}

REGEL_API int regel_case_set_number(regel_case *c, const char *path, const char *decimal,
                                    regel_error *err)
{
    int rc = ac_args(c, path, "regel_case_set_number", err);
    if (rc != REGEL_OK)
        return rc;
    if (!decimal)
        return ac_fail(err, REGEL_ERR_USAGE, path,
                       "regel_case_set_number: het getal is verplicht (NULL)");
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_GETAL;
    size_t len = strlen(decimal);
    enum num_status st = num_parse(decimal, len, &v.u.q);
    if (st == NUM_OVERFLOW)
        return ac_fail(err, REGEL_ERR_CASE, path,
                       "feit ‘%s’: het getal %s is te groot of te precies om exact te rekenen",
                       AC_SHOW(path), AC_SHOW(decimal));
    if (st != NUM_OK)
        return ac_fail(err, REGEL_ERR_CASE, path,
                       "feit ‘%s’: ‘%s’ is geen getal (verwacht bijvoorbeeld ‘12,5’, ‘12.5’ of "
                       "‘-3’)",
                       AC_SHOW(path), AC_SHOW(decimal));
    return ac_store(c, path, RBC_TYPE_GETAL, "een getal", "regel_case_set_number", &v, err);
}

/* Text and member: through the JSON reader's conversion (UTF-8 check, copy,
 * member lookup with a suggestion). */
static int ac_store_string(regel_case *c, const char *path, const char *s, uint8_t kind,
                           const char *what, const char *fn, regel_error *err)
{
    int rc = ac_args(c, path, fn, err);
    if (rc != REGEL_OK)
        return rc;
    if (!s)
        return ac_fail(err, REGEL_ERR_USAGE, path, "%s: de waarde is verplicht (NULL)", fn);
    ac_slot slot;
    rc = ac_resolve(c, path, false, &slot, err);
    if (rc != REGEL_OK)
        return rc;
    const rt_type *t = slot.peildatum ? NULL : ac_type(c->policy, slot.type);
    if (!t || t->kind != kind) /* ac_store words the error */
        return ac_store(c, path, kind, what, fn, NULL, err);
    json_t *j = json_string(s);
    if (!j) { /* invalid UTF-8, or out of memory */
        json_t *probe = json_string("");
        if (!probe)
            return ac_oom(err, path);
        json_decref(probe);
        return ac_fail(err, REGEL_ERR_CASE, path, "feit ‘%s’: de tekst is geen geldige UTF-8",
                       AC_SHOW(path));
    }
    rt_value v;
    memset(&v, 0, sizeof v);
    rc = case_convert(c, AC_SHOW(path), slot.type, 0, j, &v, err);
    json_decref(j);
    if (rc == REGEL_OK)
        rc = ac_store(c, path, kind, what, fn, &v, err);
    if (rc != REGEL_OK)
        ac_set_key(err, path);
    return rc;
}

REGEL_API int regel_case_set_text(regel_case *c, const char *path, const char *utf8,
                                  regel_error *err)
{
    return ac_store_string(c, path, utf8, RBC_TYPE_TEKST, "een tekst", "regel_case_set_text", err);
}

REGEL_API int regel_case_set_member(regel_case *c, const char *path, const char *member,
                                    regel_error *err)
{
    return ac_store_string(c, path, member, RBC_TYPE_ENUM, "een soortwaarde",
                           "regel_case_set_member", err);
}

static int ac_date_range(const char *path, const char *what, int32_t date, cal_day *out,
                         regel_error *err)
{
    if (api_date_to_cal(date, out))
        return REGEL_OK;
    return ac_fail(err, REGEL_ERR_CASE, path,
                   "feit ‘%s’: %s %ld ligt buiten 1 januari 1 tot en met 31 december 9999 "
                   "(dagen sinds 1 januari 1970: %d tot en met %d)",
                   AC_SHOW(path), what, (long)date, api_date_from_cal(CAL_DAY_MIN),
                   api_date_from_cal(CAL_DAY_MAX));
}

REGEL_API int regel_case_set_date(regel_case *c, const char *path, int32_t date, regel_error *err)
{
    int rc = ac_args(c, path, "regel_case_set_date", err);
    if (rc != REGEL_OK)
        return rc;
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_DATUM;
    ac_slot s;
    rc = ac_resolve(c, path, false, &s, err);
    if (rc != REGEL_OK)
        return rc;
    const rt_type *t = s.peildatum ? NULL : ac_type(c->policy, s.type);
    if ((s.peildatum || (t && t->kind == RBC_TYPE_DATUM)) &&
        (rc = ac_date_range(path, "de datum", date, &v.u.day, err)) != REGEL_OK)
        return rc;
    return ac_store(c, path, RBC_TYPE_DATUM, "een datum", "regel_case_set_date", &v, err);
}

REGEL_API int regel_case_set_cents(regel_case *c, const char *path, int64_t cents, regel_error *err)
{
    int rc = ac_args(c, path, "regel_case_set_cents", err);
    if (rc != REGEL_OK)
        return rc;
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_BEDRAG;
    v.u.cents = cents;
    return ac_store(c, path, RBC_TYPE_BEDRAG, "een bedrag", "regel_case_set_cents", &v, err);
}

REGEL_API int regel_case_set_duration(regel_case *c, const char *path, int32_t months, int32_t days,
                                      regel_error *err)
{
    int rc = ac_args(c, path, "regel_case_set_duration", err);
    if (rc != REGEL_OK)
        return rc;
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_DUUR;
    v.u.duur.months = months;
    v.u.duur.days = days;
    return ac_store(c, path, RBC_TYPE_DUUR, "een duur", "regel_case_set_duration", &v, err);
}

REGEL_API int regel_case_set_period(regel_case *c, const char *path, int32_t from, int32_t to,
                                    int open, regel_error *err)
{
    int rc = ac_args(c, path, "regel_case_set_period", err);
    if (rc != REGEL_OK)
        return rc;
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_PERIODE;
    ac_slot s;
    rc = ac_resolve(c, path, false, &s, err);
    if (rc != REGEL_OK)
        return rc;
    const rt_type *t = s.peildatum ? NULL : ac_type(c->policy, s.type);
    if (t && t->kind == RBC_TYPE_PERIODE) {
        cal_day van = 0, tot = 0;
        rc = ac_date_range(path, "de begindatum", from, &van, err);
        if (rc == REGEL_OK && !open)
            rc = ac_date_range(path, "de einddatum", to, &tot, err);
        if (rc != REGEL_OK)
            return rc;
        v.u.periode.van = van;
        v.u.periode.open = open != 0;
        v.u.periode.tot = open ? van : tot; /* as the JSON reader stores an open period */
    }
    return ac_store(c, path, RBC_TYPE_PERIODE, "een periode", "regel_case_set_period", &v, err);
}

REGEL_API int regel_case_set_none(regel_case *c, const char *path, regel_error *err)
{
    int rc = ac_args(c, path, "regel_case_set_none", err);
    if (rc != REGEL_OK)
        return rc;
    ac_slot s;
    rc = ac_resolve(c, path, false, &s, err);
    if (rc != REGEL_OK)
        return rc;
    if (s.peildatum || !(s.flags & RBC_OPTIONAL))
        return ac_fail(err, REGEL_ERR_CASE, path,
                       s.element ? "feit ‘%s’ kan niet geen zijn: een element van een lijst is "
                                   "nooit optioneel"
                                 : "feit ‘%s’ is niet optioneel en kan dus niet geen zijn; laat "
                                   "het onbekend (regel_case_unset) als de waarde niet bekend is",
                       AC_SHOW(path));
    if (!s.v && (rc = ac_resolve(c, path, true, &s, err)) != REGEL_OK)
        return rc;
    memset(s.v, 0, sizeof *s.v);
    s.v->tag = RV_GEEN;
    c->defaulted[s.input] = 0;
    return REGEL_OK;
}

REGEL_API int regel_case_set_empty_list(regel_case *c, const char *path, regel_error *err)
{
    int rc = ac_args(c, path, "regel_case_set_empty_list", err);
    if (rc != REGEL_OK)
        return rc;
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_LIJST; /* n = 0, items NULL: as the JSON reader's [] (no element read) */
    ac_slot s;
    rc = ac_resolve(c, path, false, &s, err);
    if (rc != REGEL_OK)
        return rc;
    const rt_type *t = s.peildatum ? NULL : ac_type(c->policy, s.type);
    if (t && t->kind == RBC_TYPE_LIJST) {
        rt_value *items = arena_alloc(c->arena, sizeof *items);
        if (!items)
            return ac_oom(err, path);
        v.u.list.items = items;
    }
    return ac_store(c, path, RBC_TYPE_LIJST, "een lege lijst", "regel_case_set_empty_list", &v,
                    err);
}

REGEL_API int regel_case_unset(regel_case *c, const char *path, regel_error *err)
{
    int rc = ac_args(c, path, "regel_case_unset", err);
    if (rc != REGEL_OK)
        return rc;
    ac_slot s;
    rc = ac_resolve(c, path, false, &s, err);
    if (rc != REGEL_OK || s.peildatum)
        return rc;
    if (s.n_segs == 1)
        return case_absent(c, s.input, err); /* as a key left out of the JSON */
    if (!s.v)
        return REGEL_OK; /* inside an onbekend or geen record: already onbekend */
    if (s.element) {     /* remove the element; later ones move up */
        rt_value *items = (rt_value *)s.list->u.list.items;
        uint32_t n = s.list->u.list.n;
        memmove(&items[s.index], &items[s.index + 1], (n - s.index - 1) * sizeof *items);
        s.list->u.list.n = n - 1;
    } else {
        memset(s.v, 0, sizeof *s.v); /* a record field left out */
    }
    c->defaulted[s.input] = 0;
    return REGEL_OK;
}

REGEL_API int regel_case_append(regel_case *c, const char *path, size_t *index, regel_error *err)
{
    int rc = ac_args(c, path, "regel_case_append", err);
    if (rc != REGEL_OK)
        return rc;
    const regel_policy *p = c->policy;
    ac_slot s;
    rc = ac_resolve(c, path, false, &s, err);
    if (rc != REGEL_OK)
        return rc;
    const rt_type *t = s.peildatum ? NULL : ac_type(p, s.type);
    if (!t || t->kind != RBC_TYPE_LIJST) {
        char *tt = s.peildatum ? NULL : ac_type_text(p, s.type);
        rc = ac_fail(err, REGEL_ERR_CASE, path, "regel_case_append: feit ‘%s’ is %s en geen lijst",
                     AC_SHOW(path), tt ? tt : "een datum");
        free(tt);
        return rc;
    }
    const rt_type *et = ac_type(p, t->elem);
    if (!et)
        return ac_fail(err, REGEL_ERR_CASE, path,
                       "feit ‘%s’ heeft een type dat het beleid niet kent", AC_SHOW(path));
    if (!s.v && (rc = ac_resolve(c, path, true, &s, err)) != REGEL_OK)
        return rc;
    uint32_t n = s.v->tag == RV_LIJST ? s.v->u.list.n : 0;
    if (n >= CASE_MAX_LIST)
        return ac_fail(err, REGEL_ERR_CASE, path,
                       "feit ‘%s’: de lijst is te lang: meer dan 1 miljoen elementen",
                       AC_SHOW(path));
    rt_value elem;
    memset(&elem, 0, sizeof elem);
    if (et->kind == RBC_TYPE_RECORD && !ac_new_record(c, et, &elem))
        return ac_oom(err, path);
    /* Geometric growth: appending a million elements one by one must not copy
     * the list a million times (that was quadratic in time and memory). */
    rt_value *items = n ? (rt_value *)s.v->u.list.items : NULL;
    uint32_t cap = s.v->tag == RV_LIJST ? s.v->u.list.cap : 0;
    if (n + 1 > cap) {
        cap = n < 4 ? 8 : 2 * n;
        items = arena_grow(c->arena, items, n * sizeof *items, (size_t)cap * sizeof *items);
        if (!items)
            return ac_oom(err, path);
    }
    items[n] = elem;
    if (s.v->tag != RV_LIJST)
        memset(s.v, 0, sizeof *s.v);
    s.v->tag = RV_LIJST;
    s.v->u.list.items = items;
    s.v->u.list.n = n + 1;
    s.v->u.list.cap = cap;
    c->defaulted[s.input] = 0;
    if (index)
        *index = n;
    return REGEL_OK;
}
