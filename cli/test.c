/* test.c — `regel test` (spec v0.4 §3): run the scenarios written in policy
 * files, report ok/FOUT per scenario with the explanation of a wrong value,
 * and optionally coverage (rules, parameter versions, conditions), JUnit XML and JSON. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cal.h"
#include "eval.h"
#include "num.h"
#include "common.h"
#include "policy.h"
#include "regel.h"
#include "render.h"
#include "scenario.h"
#include "strbuf.h"
#include "suggest.h"
#include "test.h"

#define RT_OK    0
#define RT_FAIL  1
#define RT_USAGE 2

static const char rtest_usage_line[] = "Gebruik: regel test [--filter TEKST] [--junit BESTAND] "
                                       "[--json] [--dekking] [--min-dekking P] PAD…\n";

/* ---- small helpers (also used by the unit tests) ---- */

unsigned rtest_percent(size_t a, size_t b)
{
    if (b == 0)
        return 100;
    if (a >= b)
        return 100;
    return (unsigned)((unsigned long long)a * 100u / b);
}

bool rtest_below(size_t a, size_t b, double min)
{
    if (b == 0)
        return 100.0 < min;
    return (double)a * 100.0 < min * (double)b;
}

size_t rtest_conds_covered(const uint8_t *seen, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += (size_t)((seen[i] & EV_COND_WAAR) != 0) + (size_t)((seen[i] & EV_COND_ONWAAR) != 0);
    return c;
}

void rtest_xml_escape(strbuf *sb, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&':
            sb_puts(sb, "&amp;");
            break;
        case '<':
            sb_puts(sb, "&lt;");
            break;
        case '>':
            sb_puts(sb, "&gt;");
            break;
        case '"':
            sb_puts(sb, "&quot;");
            break;
        case '\'':
            sb_puts(sb, "&apos;");
            break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                sb_putc(sb, '?');
            else
                sb_putc(sb, (char)c);
        }
    }
}

static char rtest_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool rtest_matches(const char *name, const char *filter)
{
    if (!filter || !filter[0])
        return true;
    size_t fl = strlen(filter);
    for (const char *p = name; *p; p++) {
        size_t k = 0;
        while (k < fl && p[k] && rtest_lower(p[k]) == rtest_lower(filter[k]))
            k++;
        if (k == fl)
            return true;
    }
    return false;
}

/* ---- results ---- */

typedef struct rtest_result {
    char *name;
    unsigned line;
    bool ok;
    char *message; /* first failure line (JUnit message), NULL when ok */
    char *details; /* all failure lines, each indented and ending in \n */
} rtest_result;

typedef struct rtest_file {
    char *path;
    rtest_result *results;
    size_t n_results, cap;
    size_t failed;
    bool has_cov;
    size_t rules_hit, rules_total, conds_hit, conds_total;
    char *uncovered; /* the coverage lines (text output) */
} rtest_file;

typedef struct rtest_opts {
    const char *filter;
    const char *junit;
    bool json;
    bool dekking;
    bool has_min;
    double min;
} rtest_opts;

typedef struct rtest_run {
    rtest_opts opt;
    rtest_file *files;
    size_t n_files, cap;
    size_t passed, failed;
    bool error;           /* a compile error, a missing path … */
    cli_plugins *plugins; /* --plugin: host functions for every policy */
    json_t *json_out;     /* --json: array of file objects */
    json_t *json_err;     /* --json: files that did not compile */
} rtest_run;

static void *rtest_grow(void *p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return p;
    size_t nc = *cap ? *cap * 2 : 8;
    void *np = realloc(p, nc * size);
    if (np)
        *cap = nc;
    return np;
}

/* ---- collecting the files ---- */

typedef struct rtest_paths {
    char **v;
    size_t n, cap;
} rtest_paths;

static bool rtest_add_path(rtest_paths *ps, const char *path)
{
    char **nv = rtest_grow(ps->v, &ps->cap, ps->n, sizeof *ps->v);
    if (!nv)
        return false;
    ps->v = nv;
    ps->v[ps->n] = strdup(path);
    if (!ps->v[ps->n])
        return false;
    ps->n++;
    return true;
}

static bool rtest_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void rtest_walk(rtest_paths *ps, const char *dir, int depth)
{
    if (depth > 64)
        return;
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *full = malloc(n);
        if (!full)
            break;
        snprintf(full, n, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(full, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                rtest_walk(ps, full, depth + 1);
            else if (S_ISREG(st.st_mode) && rtest_has_suffix(e->d_name, ".regel"))
                rtest_add_path(ps, full);
        }
        free(full);
    }
    closedir(d);
}

static int rtest_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- building a case ---- */

static void rtest_errf(strbuf *sb, const regel_error *err, const char *fallback)
{
    const char *file = err->file[0] ? err->file : fallback;
    if (file && file[0]) {
        sb_puts(sb, file);
        if (err->line) {
            sb_printf(sb, ":%u", err->line);
            if (err->column)
                sb_printf(sb, ":%u", err->column);
        }
        sb_puts(sb, ": ");
    }
    sb_puts(sb, err->message[0] ? err->message : "onbekende fout");
}

/* The case JSON text of scenario s, or NULL with the Dutch reason in why. */
static char *rtest_case_json(const scen *s, strbuf *why)
{
    json_t *root = NULL;
    if (s->case_path) {
        const char *shown = s->case_file ? s->case_file : s->case_path;
        size_t len = 0;
        char *text = cli_read_file(s->case_path, &len);
        if (!text) {
            sb_printf(why, "gegeven uit \"%s\": kan het geval niet lezen: %s", shown,
                      cli_errno_text(errno));
            return NULL;
        }
        json_error_t je;
        root = json_loadb(text, len, 0, &je);
        free(text);
        if (!root) {
            sb_printf(why, "gegeven uit \"%s\": geen geldige JSON (regel %d): %s", shown, je.line,
                      je.text);
            return NULL;
        }
        if (!json_is_object(root)) {
            json_decref(root);
            sb_printf(why, "gegeven uit \"%s\": het geval moet een JSON-object zijn", shown);
            return NULL;
        }
    } else {
        root = json_object();
        if (!root) {
            sb_puts(why, "onvoldoende geheugen");
            return NULL;
        }
    }
    for (size_t i = 0; i < s->n_facts; i++) {
        json_error_t je;
        json_t *v = json_loads(s->facts[i].json, JSON_DECODE_ANY, &je);
        if (!v || json_object_set_new(root, s->facts[i].name, v) != 0) {
            sb_printf(why, "gegeven %s: ongeldige waarde %s", s->facts[i].name, s->facts[i].json);
            json_decref(root);
            return NULL;
        }
    }
    char *out = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(root);
    if (!out)
        sb_puts(why, "onvoldoende geheugen");
    return out;
}

/* ---- values in Dutch ---- */

/* The expected JSON value (of policy type `type`) in Dutch, as the renderer
 * would write it; the JSON text itself when it cannot be converted. */
static void rtest_expected_text(strbuf *sb, const regel_policy *p, uint32_t type, const char *text)
{
    json_error_t je;
    json_t *v = json_loads(text, JSON_DECODE_ANY, &je);
    const rt_type *t = type < p->n_types ? &p->types[type] : NULL;
    rt_value rv;
    memset(&rv, 0, sizeof rv);
    bool have = false;
    if (v && json_is_null(v)) {
        sb_puts(sb, "geen");
        json_decref(v);
        return;
    }
    if (v && t) {
        switch (t->kind) {
        case RBC_TYPE_WAARHEID:
            if (json_is_boolean(v)) {
                rv.tag = RV_WAARHEID;
                rv.u.b = json_is_true(v);
                have = true;
            }
            break;
        case RBC_TYPE_GETAL:
            if (json_is_number(v) && num_parse(text, strlen(text), &rv.u.q) == NUM_OK) {
                rv.tag = RV_GETAL;
                have = true;
            }
            break;
        case RBC_TYPE_TEKST:
            if (json_is_string(v)) {
                rv.tag = RV_TEKST;
                rv.u.str.s = json_string_value(v);
                rv.u.str.len = (uint32_t)json_string_length(v);
                have = true;
            }
            break;
        case RBC_TYPE_ENUM:
            for (uint32_t k = 0; json_is_string(v) && k < t->n; k++)
                if (strcmp(t->members[k], json_string_value(v)) == 0) {
                    rv.tag = RV_MEMBER;
                    rv.u.member = k;
                    have = true;
                }
            break;
        case RBC_TYPE_DATUM: {
            cal_day d;
            if (json_is_string(v) &&
                cal_parse_iso(json_string_value(v), json_string_length(v), &d)) {
                rv.tag = RV_DATUM;
                rv.u.day = d;
                have = true;
            }
            break;
        }
        case RBC_TYPE_BEDRAG: {
            num_q q;
            if (json_is_number(v) && num_parse(text, strlen(text), &q) == NUM_OK &&
                num_to_cents(q, &rv.u.cents) == NUM_OK) {
                rv.tag = RV_BEDRAG;
                have = true;
            }
            break;
        }
        case RBC_TYPE_DUUR:
            if (json_is_string(v)) {
                sb_puts(sb, json_string_value(v));
                json_decref(v);
                return;
            }
            break;
        default:
            break;
        }
    }
    if (have) {
        strbuf tmp = STRBUF_INIT;
        if (render_value_text(&tmp, p, type, &rv) && !tmp.failed && tmp.data) {
            sb_puts(sb, tmp.data);
            sb_free(&tmp);
            json_decref(v);
            return;
        }
        sb_free(&tmp);
    }
    json_decref(v);
    sb_puts(sb, text);
}

/* Append the text block of outcome `name` from rendered text, every line
 * prefixed by `indent`. False when there is none. */
static bool rtest_block(strbuf *sb, const char *text, const char *name, const char *indent)
{
    size_t nl = strlen(name);
    const char *p = text;
    while (p && *p) {
        if (strncmp(p, name, nl) == 0 && p[nl] == ':' && p[nl + 1] == ' ')
            break;
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    if (!p || !*p)
        return false;
    while (*p && *p != '\n') {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        sb_puts(sb, indent);
        sb_append(sb, p, len);
        sb_putc(sb, '\n');
        p += len;
        if (*p == '\n')
            p++;
    }
    return true;
}

/* Append every line of text to sb, prefixed by indent. */
static void rtest_indent(strbuf *sb, const char *text, const char *indent)
{
    while (*text) {
        const char *end = strchr(text, '\n');
        size_t len = end ? (size_t)(end - text) : strlen(text);
        sb_puts(sb, indent);
        sb_append(sb, text, len);
        sb_putc(sb, '\n');
        text += len;
        if (*text == '\n')
            text++;
    }
}

static long rtest_outcome(const regel_policy *p, const char *name)
{
    for (uint32_t o = 0; o < p->n_outcomes; o++)
        if (strcmp(p->outcomes[o].name, name) == 0)
            return (long)o;
    return -1;
}

/* ---- one scenario ---- */

typedef struct rtest_cov {
    uint8_t *rules;  /* per rule: decided an outcome */
    uint8_t *params; /* per parameter version: used */
    uint8_t *conds;  /* per COND: EV_COND_* seen */
} rtest_cov;

static void rtest_collect(rtest_cov *cov, const regel_eval *ev)
{
    const regel_policy *p = ev->policy;
    for (uint32_t o = 0; o < p->n_outcomes; o++) {
        if (ev->decided_by[o] < p->n_rules)
            cov->rules[ev->decided_by[o]] = 1;
        for (uint32_t j = 0; ev->reads_param && j < ev->reads_param[o].n; j++)
            if (ev->reads_param[o].items[j] < p->n_param_versions)
                cov->params[ev->reads_param[o].items[j]] = 1;
    }
    for (uint32_t i = 0; ev->cond_seen && i < p->n_conds; i++)
        cov->conds[i] |= ev->cond_seen[i];
}

/* Check the expectations of s against the evaluation; failure lines go to
 * det and objects to fails. */
static void rtest_expect(const regel_eval *ev, const scen *s, json_t *doc, strbuf *det,
                         json_t *fails)
{
    const regel_policy *p = ev->policy;
    json_t *uitkomsten = json_object_get(doc, "uitkomsten");
    json_t *uitleg = json_object_get(doc, "uitleg");
    json_t *onbeslist = json_object_get(doc, "onbeslist");
    for (size_t k = 0; k < s->n_expects; k++) {
        const scen_expect *x = &s->expects[k];
        long ol = rtest_outcome(p, x->outcome);
        if (ol < 0) {
            sb_printf(det, "    verwacht: %s, maar het beleid kent die uitkomst niet\n",
                      x->outcome);
            json_array_append_new(fails, json_pack("{s:s, s:s}", "uitkomst", x->outcome, "melding",
                                                   "onbekende uitkomst"));
            continue;
        }
        uint32_t o = (uint32_t)ol;
        bool output = (p->outcomes[o].flags & RBC_OUTCOME_OUTPUT) != 0;
        json_t *found = NULL; /* new reference */
        bool open;
        const char *rule = NULL;
        if (output) {
            found = json_incref(json_object_get(uitkomsten, x->outcome));
            open = json_object_get(onbeslist, x->outcome) != NULL;
            rule = json_string_value(json_object_get(json_object_get(uitleg, x->outcome), "regel"));
        } else {
            strbuf vb = STRBUF_INIT;
            if (render_value_json(&vb, p, p->outcomes[o].type, &ev->values[o], 0) && vb.data) {
                json_error_t je;
                found = json_loads(vb.data, JSON_DECODE_ANY, &je);
            }
            sb_free(&vb);
            open = ev->status[o] != EV_DECIDED;
            if (ev->decided_by[o] < p->n_rules)
                rule = p->rules[ev->decided_by[o]].name;
        }
        if (!found)
            found = json_null();
        if (open)
            rule = NULL;
        json_t *want = NULL;
        bool value_ok;
        if (x->unknown) {
            value_ok = open && json_is_null(found);
        } else {
            json_error_t je;
            want = x->json ? json_loads(x->json, JSON_DECODE_ANY, &je) : NULL;
            value_ok = want && !open && json_equal(want, found);
        }
        bool rule_ok = !x->rule || (rule && strcmp(rule, x->rule) == 0);
        if (value_ok && rule_ok) {
            json_decref(want);
            json_decref(found);
            continue;
        }
        json_t *fo = json_object();
        json_object_set_new(fo, "uitkomst", json_string(x->outcome));
        json_object_set_new(fo, "lijn", json_integer(x->line));
        if (!value_ok) {
            sb_printf(det, "    verwacht: %s is ", x->outcome);
            if (x->unknown)
                sb_puts(det, "onbekend");
            else
                rtest_expected_text(det, p, p->outcomes[o].type, x->json ? x->json : "null");
            sb_printf(det, "\n    gevonden: %s is ", x->outcome);
            if (open) {
                sb_puts(det, "onbekend");
            } else {
                strbuf vb = STRBUF_INIT;
                if (render_value_text(&vb, p, p->outcomes[o].type, &ev->values[o]) && vb.data)
                    sb_puts(det, vb.data);
                else {
                    char *j = json_dumps(found, JSON_ENCODE_ANY | JSON_COMPACT);
                    sb_puts(det, j ? j : "?");
                    free(j);
                }
                sb_free(&vb);
            }
            sb_putc(det, '\n');
            json_object_set_new(fo, "verwacht", want ? json_incref(want) : json_null());
            json_object_set_new(fo, "verwacht_onbekend", json_boolean(x->unknown));
            json_object_set_new(fo, "gevonden", json_incref(found));
            json_object_set_new(fo, "gevonden_onbekend", json_boolean(open));
        }
        if (!rule_ok) {
            if (rule)
                sb_printf(det, "    verwacht door regel \"%s\", beslist door regel \"%s\"\n",
                          x->rule, rule);
            else
                sb_printf(det, "    verwacht door regel \"%s\", maar geen regel besliste %s\n",
                          x->rule, x->outcome);
            json_object_set_new(fo, "verwacht_door_regel", json_string(x->rule));
            json_object_set_new(fo, "beslist_door_regel", rule ? json_string(rule) : json_null());
        }
        /* the motivering of this outcome alone: what it relied on is written
         * out in full, not referred to */
        strbuf ub = STRBUF_INIT;
        char *one = NULL;
        const char *const only[1] = {x->outcome};
        regel_error rerr;
        if (regel_render(ev, REGEL_FORMAAT_TEKST, only, 1, &one, NULL, &rerr) == REGEL_OK &&
            rtest_block(&ub, one, x->outcome, ""))
            ;
        else if (rule)
            sb_printf(&ub, "%s (begrip): beslist door regel \"%s\"\n", x->outcome, rule);
        else
            sb_printf(&ub, "%s (begrip): door geen regel beslist\n", x->outcome);
        regel_free(one);
        if (ub.data) {
            rtest_indent(det, ub.data, "      ");
            json_object_set_new(fo, "uitleg", json_string(ub.data));
        }
        sb_free(&ub);
        json_array_append_new(fails, fo);
        json_decref(want);
        json_decref(found);
    }
}

/* Run scenario s; fills det (failure lines) and fails; returns true when it passed. */
static bool rtest_scenario(const regel_policy *policy, regel_eval *ev, const scen *s,
                           const rtest_opts *opt, rtest_cov *cov, strbuf *det, json_t *fails)
{
    strbuf why = STRBUF_INIT;
    regel_error err;
    memset(&err, 0, sizeof err);
    char *json = rtest_case_json(s, &why);
    regel_case *kase = NULL;
    char *doc_text = NULL;
    json_t *doc = NULL;
    size_t len = 0;
    if (!json)
        goto fail;
    const char *case_name = s->case_file ? s->case_file : "scenario";
    if (regel_case_from_json(policy, json, strlen(json), case_name, &kase, &err) != REGEL_OK) {
        /* the JSON was rebuilt from the scenario: its positions are not the file's */
        err.line = err.column = 0;
        rtest_errf(&why, &err, case_name);
        goto fail;
    }
    unsigned flags = REGEL_EXPLAIN | (opt->dekking ? REGEL_COVERAGE : 0u);
    if (regel_evaluate(ev, kase, flags, &err) != REGEL_OK) {
        rtest_errf(&why, &err, policy->file);
        goto fail;
    }
    if (opt->dekking)
        rtest_collect(cov, ev);
    if (regel_render_json(ev, &doc_text, &len, &err) != REGEL_OK) {
        rtest_errf(&why, &err, policy->file);
        goto fail;
    }
    json_error_t je;
    doc = json_loads(doc_text, 0, &je);
    if (!doc) {
        sb_puts(&why, "onvoldoende geheugen");
        goto fail;
    }
    size_t before = det->len;
    rtest_expect(ev, s, doc, det, fails);
    bool ok = det->len == before && !det->failed;
    json_decref(doc);
    regel_free(doc_text);
    regel_case_free(kase);
    free(json);
    sb_free(&why);
    return ok;
fail:
    sb_printf(det, "    %s\n", why.data ? why.data : "onvoldoende geheugen");
    json_array_append_new(fails, json_pack("{s:s}", "melding", why.data ? why.data : "?"));
    json_decref(doc);
    regel_free(doc_text);
    regel_case_free(kase);
    free(json);
    sb_free(&why);
    return false;
}

/* ---- coverage report of one file ---- */

static void rtest_rule_name(strbuf *sb, const rt_rule *r)
{
    sb_printf(sb, "regel \"%s\"", r->name);
    if (render_has_validity(r->valid_from, r->valid_until)) {
        sb_puts(sb, " (");
        render_validity_text(sb, r->valid_from, r->valid_until);
        sb_putc(sb, ')');
    }
}

static json_t *rtest_coverage(rtest_file *f, const regel_policy *p, const rtest_cov *cov)
{
    strbuf sb = STRBUF_INIT;
    json_t *rules = json_array(), *params = json_array(), *conds = json_array();
    f->rules_total = p->n_rules;
    f->rules_hit = 0;
    for (uint32_t r = 0; r < p->n_rules; r++) {
        const rt_rule *rr = &p->rules[r];
        if (cov->rules[r]) {
            f->rules_hit++;
            continue;
        }
        sb_printf(&sb, "%s:%u: ", f->path, rr->line);
        rtest_rule_name(&sb, rr);
        sb_puts(&sb, " besliste nooit een uitkomst\n");
        json_t *o = json_pack("{s:s, s:I}", "regel", rr->name, "lijn", (json_int_t)rr->line);
        strbuf vb = STRBUF_INIT;
        render_validity_day_json(&vb, rr->valid_from);
        json_error_t je;
        json_object_set_new(o, "geldig_vanaf",
                            json_loads(vb.data ? vb.data : "null", JSON_DECODE_ANY, &je));
        sb_free(&vb);
        render_validity_day_json(&vb, rr->valid_until);
        json_object_set_new(o, "geldig_tot",
                            json_loads(vb.data ? vb.data : "null", JSON_DECODE_ANY, &je));
        sb_free(&vb);
        json_array_append_new(rules, o);
    }
    for (uint32_t i = 0; i < p->n_params; i++) {
        const rt_param *pa = &p->params[i];
        for (uint32_t k = 0; k < pa->n_versions; k++) {
            uint32_t v = pa->first_version + k;
            if (v < p->n_param_versions && cov->params[v])
                continue;
            const rt_param_version *pv = &pa->versions[k];
            sb_printf(&sb, "%s: parameter %s", f->path, pa->name);
            if (render_has_validity(pv->from, pv->until)) {
                sb_puts(&sb, " (");
                render_validity_text(&sb, pv->from, pv->until);
                sb_putc(&sb, ')');
            }
            sb_puts(&sb, " werd nooit gebruikt\n");
            json_t *o = json_pack("{s:s}", "parameter", pa->name);
            strbuf vb = STRBUF_INIT;
            json_error_t je;
            render_validity_day_json(&vb, pv->from);
            json_object_set_new(o, "geldig_vanaf",
                                json_loads(vb.data ? vb.data : "null", JSON_DECODE_ANY, &je));
            sb_free(&vb);
            render_validity_day_json(&vb, pv->until);
            json_object_set_new(o, "geldig_tot",
                                json_loads(vb.data ? vb.data : "null", JSON_DECODE_ANY, &je));
            sb_free(&vb);
            json_array_append_new(params, o);
        }
    }
    f->conds_total = (size_t)p->n_conds * 2;
    f->conds_hit = rtest_conds_covered(cov->conds, p->n_conds);
    for (uint32_t i = 0; i < p->n_conds; i++) {
        uint8_t seen = cov->conds[i];
        bool w = (seen & EV_COND_WAAR) != 0, o = (seen & EV_COND_ONWAAR) != 0;
        if (w && o)
            continue;
        uint32_t off = p->cond_offsets[i], line = 0, col = 0;
        policy_pos(p, off, &line, &col);
        const rt_rule *in = NULL;
        for (uint32_t r = 0; r < p->n_rules; r++)
            if (off >= p->rules[r].code_off && off - p->rules[r].code_off < p->rules[r].code_len)
                in = &p->rules[r];
        sb_printf(&sb, "%s:%u:%u: voorwaarde", f->path, line, col);
        if (in) {
            sb_puts(&sb, " in ");
            rtest_rule_name(&sb, in);
        }
        sb_printf(&sb, " was nooit %s\n",
                  !w && !o ? "waar en nooit onwaar"
                  : !w     ? "waar"
                           : "onwaar");
        json_t *co = json_pack("{s:I, s:I, s:b, s:b}", "lijn", (json_int_t)line, "kolom",
                               (json_int_t)col, "waar", w, "onwaar", o);
        json_object_set_new(co, "regel", in ? json_string(in->name) : json_null());
        json_array_append_new(conds, co);
    }
    sb_printf(&sb, "dekking %s: regels %u%% (%zu/%zu), voorwaarden %u%% (%zu/%zu)\n", f->path,
              rtest_percent(f->rules_hit, f->rules_total), f->rules_hit, f->rules_total,
              rtest_percent(f->conds_hit, f->conds_total), f->conds_hit, f->conds_total);
    f->uncovered = sb_take(&sb);
    f->has_cov = true;
    json_t *out = json_object();
    json_object_set_new(out, "regels",
                        json_pack("{s:I, s:I, s:I}", "gedekt", (json_int_t)f->rules_hit, "totaal",
                                  (json_int_t)f->rules_total, "procent",
                                  (json_int_t)rtest_percent(f->rules_hit, f->rules_total)));
    json_object_set_new(out, "voorwaarden",
                        json_pack("{s:I, s:I, s:I}", "gedekt", (json_int_t)f->conds_hit, "totaal",
                                  (json_int_t)f->conds_total, "procent",
                                  (json_int_t)rtest_percent(f->conds_hit, f->conds_total)));
    json_object_set_new(out, "nooit_beslist", rules);
    json_object_set_new(out, "parameterversies_nooit_gebruikt", params);
    json_object_set_new(out, "voorwaarden_niet_beide", conds);
    return out;
}

/* ---- one file ---- */

static rtest_file *rtest_new_file(rtest_run *run, const char *path)
{
    rtest_file *nf = rtest_grow(run->files, &run->cap, run->n_files, sizeof *run->files);
    if (!nf)
        return NULL;
    run->files = nf;
    rtest_file *f = &run->files[run->n_files];
    memset(f, 0, sizeof *f);
    f->path = strdup(path);
    if (!f->path)
        return NULL;
    run->n_files++;
    return f;
}

static void rtest_file_run(rtest_run *run, const char *path)
{
    size_t len = 0;
    char *src = cli_read_file(path, &len);
    if (!src) {
        fprintf(stderr, "regel test: %s: fout: kan het beleid niet lezen: %s\n", path,
                cli_errno_text(errno));
        run->error = true;
        return;
    }
    regel_policy *policy = NULL;
    scen_list *list = NULL;
    char *diag = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = scen_compile(src, len, path, &policy, &list, &diag, &err);
    free(src);
    if (diag && diag[0]) {
        fputs(diag, stderr);
        if (diag[strlen(diag) - 1] != '\n')
            fputc('\n', stderr);
    }
    if (rc != REGEL_OK) {
        if (!diag || !diag[0]) {
            strbuf sb = STRBUF_INIT;
            rtest_errf(&sb, &err, path);
            fprintf(stderr, "regel test: fout: %s\n", sb.data ? sb.data : "?");
            sb_free(&sb);
        }
        json_array_append_new(run->json_err,
                              json_pack("{s:s, s:s}", "bestand", path, "melding",
                                        err.message[0] ? err.message : "vertaalfout"));
        regel_free(diag);
        regel_policy_free(policy);
        scen_list_free(list);
        run->error = true;
        return;
    }
    regel_free(diag);
    size_t n = scen_count(list), wanted = 0;
    for (size_t i = 0; i < n; i++)
        if (rtest_matches(scen_get(list, i)->name, run->opt.filter))
            wanted++;
    /* a file without scenarios to run is skipped, so it needs no plugin */
    if (wanted && cli_plugins_try_bind(run->plugins, policy, &err) != REGEL_OK) {
        strbuf sb = STRBUF_INIT;
        rtest_errf(&sb, &err, path);
        fprintf(stderr, "regel test: fout: %s\n", sb.data ? sb.data : "?");
        sb_free(&sb);
        json_array_append_new(run->json_err,
                              json_pack("{s:s, s:s}", "bestand", path, "melding", err.message));
        regel_policy_free(policy);
        scen_list_free(list);
        run->error = true;
        return;
    }
    regel_eval *ev = wanted ? regel_eval_new(policy) : NULL;
    rtest_cov cov = {NULL, NULL, NULL};
    if (wanted) {
        cov.rules = calloc(policy->n_rules + 1, 1);
        cov.params = calloc(policy->n_param_versions + 1, 1);
        cov.conds = calloc(policy->n_conds + 1, 1);
    }
    rtest_file *f = NULL;
    if (wanted &&
        (!ev || !cov.rules || !cov.params || !cov.conds || !(f = rtest_new_file(run, path)))) {
        fprintf(stderr, "regel test: %s: fout: onvoldoende geheugen\n", path);
        run->error = true;
        wanted = 0;
    }
    json_t *jscens = json_array();
    for (size_t i = 0; wanted && i < n; i++) {
        const scen *s = scen_get(list, i);
        if (!rtest_matches(s->name, run->opt.filter))
            continue;
        strbuf det = STRBUF_INIT;
        json_t *fails = json_array();
        bool ok = rtest_scenario(policy, ev, s, &run->opt, &cov, &det, fails);
        if (!run->opt.json) {
            if (ok)
                printf("ok   %s: %s\n", path, s->name);
            else
                printf("FOUT %s:%u: %s\n%s", path, s->line, s->name, det.data ? det.data : "");
        }
        rtest_result *nr = rtest_grow(f->results, &f->cap, f->n_results, sizeof *f->results);
        if (nr) {
            f->results = nr;
            rtest_result *r = &f->results[f->n_results++];
            r->name = strdup(s->name);
            r->line = s->line;
            r->ok = ok;
            r->details = det.data ? strdup(det.data) : NULL;
            r->message = NULL;
            if (!ok && det.data) {
                const char *d = det.data;
                while (*d == ' ')
                    d++;
                const char *e = strchr(d, '\n');
                r->message = strndup(d, e ? (size_t)(e - d) : strlen(d));
            }
        }
        if (ok)
            run->passed++;
        else {
            run->failed++;
            f->failed++;
        }
        json_t *js = json_pack("{s:s, s:I, s:s}", "naam", s->name, "lijn", (json_int_t)s->line,
                               "status", ok ? "ok" : "fout");
        json_object_set_new(js, "fouten", fails);
        json_array_append_new(jscens, js);
        sb_free(&det);
    }
    if (f) {
        json_t *jf = json_pack("{s:s}", "bestand", path);
        json_object_set_new(jf, "scenarios", jscens);
        jscens = NULL;
        if (run->opt.dekking)
            json_object_set_new(jf, "dekking", rtest_coverage(f, policy, &cov));
        json_array_append_new(run->json_out, jf);
    }
    json_decref(jscens);
    free(cov.rules);
    free(cov.params);
    free(cov.conds);
    regel_eval_free(ev);
    scen_list_free(list);
    regel_policy_free(policy);
}

/* ---- JUnit ---- */

static bool rtest_write_junit(const rtest_run *run, const char *file)
{
    strbuf sb = STRBUF_INIT;
    sb_puts(&sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb_printf(&sb, "<testsuites name=\"regel test\" tests=\"%zu\" failures=\"%zu\">\n",
              run->passed + run->failed, run->failed);
    for (size_t i = 0; i < run->n_files; i++) {
        const rtest_file *f = &run->files[i];
        sb_puts(&sb, "  <testsuite name=\"");
        rtest_xml_escape(&sb, f->path);
        sb_printf(&sb, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n", f->n_results,
                  f->failed);
        for (size_t k = 0; k < f->n_results; k++) {
            const rtest_result *r = &f->results[k];
            sb_puts(&sb, "    <testcase name=\"");
            rtest_xml_escape(&sb, r->name);
            sb_puts(&sb, "\" classname=\"");
            rtest_xml_escape(&sb, f->path);
            sb_printf(&sb, "\" file=\"");
            rtest_xml_escape(&sb, f->path);
            sb_printf(&sb, "\" line=\"%u\"", r->line);
            if (r->ok) {
                sb_puts(&sb, "/>\n");
                continue;
            }
            sb_puts(&sb, ">\n      <failure message=\"");
            rtest_xml_escape(&sb, r->message ? r->message : "mislukt");
            sb_puts(&sb, "\">");
            rtest_xml_escape(&sb, r->details ? r->details : "");
            sb_puts(&sb, "</failure>\n    </testcase>\n");
        }
        sb_puts(&sb, "  </testsuite>\n");
    }
    sb_puts(&sb, "</testsuites>\n");
    if (sb.failed) {
        sb_free(&sb);
        return false;
    }
    FILE *out = fopen(file, "wb");
    bool ok = out && fwrite(sb.data, 1, sb.len, out) == sb.len;
    if (out && fclose(out) != 0)
        ok = false;
    sb_free(&sb);
    return ok;
}

/* ---- the command ---- */

static void rtest_help(void)
{
    fputs(rtest_usage_line, stdout);
    fputs("\n"
          "Voert de scenario's uit die in beleidsbestanden staan (scenario \"…\"\n"
          "gegeven … verwacht … .) en meldt per scenario ‘ok’ of ‘FOUT’. Bij een fout\n"
          "volgen de verwachte waarde, de gevonden waarde en de uitleg daarvan.\n"
          "\n"
          "Argumenten:\n"
          "  PAD         een .regel-bestand of een map (alle *.regel-bestanden daarin,\n"
          "              ook in submappen, op volgorde van pad); bestanden zonder\n"
          "              scenario's worden overgeslagen\n"
          "\n"
          "Opties:\n"
          "  --filter TEKST      alleen scenario's waarvan de naam TEKST bevat\n"
          "                      (hoofdletters tellen niet)\n"
          "  --junit BESTAND     schrijf ook een JUnit-XML-verslag (voor CI-systemen)\n"
          "  --json              schrijf het verslag als JSON op de standaarduitvoer\n"
          "  --dekking           toon welke regels, uitzonderingen en parameterversies\n"
          "                      nooit iets beslisten en welke voorwaarden (indien) niet\n"
          "                      zowel waar als onwaar waren, met een percentage per bestand\n"
          "  --min-dekking P     (met --dekking) mislukt als de regeldekking van een\n"
          "                      bestand onder P procent ligt\n"
          "  --plugin BIBLIOTHEEK\n"
          "                      laad externe functies (extern functie …) uit een\n"
          "                      gedeelde bibliotheek (.so) voor elk beleid; mag vaker\n"
          "                      (zie ‘regel --help’)\n"
          "  -h, --help          toon deze hulp en stop\n"
          "\n"
          "Afsluitstatus: 0 alle scenario's geslaagd; 1 een scenario mislukt, een\n"
          "vertaalfout, of te weinig dekking; 2 verkeerd gebruik.\n",
          stdout);
}

static int rtest_usage_error(void)
{
    fputs(rtest_usage_line, stderr);
    fputs("Probeer ‘regel test --help’ voor meer informatie.\n", stderr);
    return RT_USAGE;
}

static void rtest_free_run(rtest_run *run)
{
    for (size_t i = 0; i < run->n_files; i++) {
        rtest_file *f = &run->files[i];
        for (size_t k = 0; k < f->n_results; k++) {
            free(f->results[k].name);
            free(f->results[k].message);
            free(f->results[k].details);
        }
        free(f->results);
        free(f->uncovered);
        free(f->path);
    }
    free(run->files);
    cli_plugins_free(run->plugins);
    json_decref(run->json_out);
    json_decref(run->json_err);
}

/* An option's value: "--opt VALUE" or "--opt=VALUE"; NULL when a is not opt. */
static const char *rtest_value(int argc, char **argv, int *i, const char *opt, bool *missing)
{
    size_t n = strlen(opt);
    const char *a = argv[*i];
    if (strncmp(a, opt, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

/* Whether a file's rule coverage is below --min-dekking; with say, a line on
 * stderr for each such file. */
static bool rtest_low_coverage(const rtest_run *run, bool say)
{
    bool low = false;
    for (size_t i = 0; run->opt.has_min && i < run->n_files; i++) {
        const rtest_file *f = &run->files[i];
        if (f->has_cov && rtest_below(f->rules_hit, f->rules_total, run->opt.min)) {
            if (say)
                fprintf(stderr,
                        "regel test: %s: de regeldekking is %u%% (%zu/%zu), minder dan de "
                        "gevraagde %g%%\n",
                        f->path, rtest_percent(f->rules_hit, f->rules_total), f->rules_hit,
                        f->rules_total, run->opt.min);
            low = true;
        }
    }
    return low;
}

int regel_test_main(int argc, char **argv)
{
    static const char *const options[] = {"--filter",      "--junit", "--json",  "--dekking",
                                          "--min-dekking", "--help",  "--plugin"};
    /* Line-buffered, so the report lines and the errors on stderr keep their
     * order when both go to one file or pipe (as on a terminal). */
    setvbuf(stdout, NULL, _IOLBF, 0);
    rtest_run run;
    memset(&run, 0, sizeof run);
    rtest_paths args = {NULL, 0, 0};
    rtest_paths plugins = {NULL, 0, 0};
    bool only_args = false;
    int status = RT_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool missing = false;
        const char *v;
        if (only_args || a[0] != '-' || a[1] == '\0') {
            if (!rtest_add_path(&args, a)) {
                fputs("regel test: fout: onvoldoende geheugen\n", stderr);
                status = RT_FAIL;
                goto done;
            }
        } else if (strcmp(a, "--") == 0) {
            only_args = true;
        } else if (strcmp(a, "--json") == 0) {
            run.opt.json = true;
        } else if (strcmp(a, "--dekking") == 0) {
            run.opt.dekking = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            rtest_help();
            status = fflush(stdout) == 0 ? RT_OK : RT_FAIL;
            goto done;
        } else if ((v = rtest_value(argc, argv, &i, "--filter", &missing)) != NULL) {
            run.opt.filter = v;
        } else if ((v = rtest_value(argc, argv, &i, "--junit", &missing)) != NULL) {
            run.opt.junit = v;
        } else if ((v = rtest_value(argc, argv, &i, "--plugin", &missing)) != NULL) {
            if (!rtest_add_path(&plugins, v)) {
                fputs("regel test: fout: onvoldoende geheugen\n", stderr);
                status = RT_FAIL;
                goto done;
            }
        } else if ((v = rtest_value(argc, argv, &i, "--min-dekking", &missing)) != NULL) {
            char *end = NULL;
            errno = 0;
            double p = strtod(v, &end);
            if (end == v || *end != '\0' || errno || !(p >= 0.0 && p <= 100.0)) {
                fprintf(stderr,
                        "regel test: ‘--min-dekking’ verwacht een percentage van 0 tot en met "
                        "100, niet ‘%s’\n",
                        v);
                status = rtest_usage_error();
                goto done;
            }
            run.opt.has_min = true;
            run.opt.min = p;
            run.opt.dekking = true;
        } else if (missing) {
            fprintf(stderr, "regel test: ‘%s’ verwacht een waarde\n", a);
            status = rtest_usage_error();
            goto done;
        } else {
            const char *hint = suggest_closest(a, options, sizeof options / sizeof *options);
            if (hint)
                fprintf(stderr, "regel test: onbekende optie ‘%s’; bedoelde u ‘%s’?\n", a, hint);
            else
                fprintf(stderr, "regel test: onbekende optie ‘%s’\n", a);
            status = rtest_usage_error();
            goto done;
        }
    }
    if (args.n == 0) {
        fputs("regel test: PAD ontbreekt (een .regel-bestand of een map)\n", stderr);
        status = rtest_usage_error();
        goto done;
    }
    if (!cli_plugins_load("regel test", (const char *const *)plugins.v, plugins.n, &run.plugins)) {
        status = RT_FAIL;
        goto done;
    }
    run.json_out = json_array();
    run.json_err = json_array();
    for (size_t k = 0; k < args.n; k++) {
        struct stat st;
        if (stat(args.v[k], &st) != 0) {
            fprintf(stderr, "regel test: %s: fout: %s\n", args.v[k], cli_errno_text(errno));
            run.error = true;
            continue;
        }
        rtest_paths files = {NULL, 0, 0};
        if (S_ISDIR(st.st_mode)) {
            char *dir = strdup(args.v[k]);
            size_t dl = dir ? strlen(dir) : 0;
            while (dl > 1 && dir[dl - 1] == '/')
                dir[--dl] = '\0';
            if (dir)
                rtest_walk(&files, dir, 0);
            free(dir);
            if (files.n)
                qsort(files.v, files.n, sizeof *files.v, rtest_cmp_str);
        } else {
            rtest_add_path(&files, args.v[k]);
        }
        for (size_t j = 0; j < files.n; j++) {
            rtest_file_run(&run, files.v[j]);
            free(files.v[j]);
        }
        free(files.v);
    }
    bool low = rtest_low_coverage(&run, false);
    if (run.opt.json) {
        json_t *top = json_object();
        json_object_set_new(top, "bestanden", json_incref(run.json_out));
        json_object_set_new(top, "geslaagd", json_integer((json_int_t)run.passed));
        json_object_set_new(top, "mislukt", json_integer((json_int_t)run.failed));
        json_object_set_new(top, "vertaalfouten", json_incref(run.json_err));
        if (run.opt.dekking)
            json_object_set_new(top, "dekking_voldoende", json_boolean(!low));
        char *out = json_dumps(top, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        json_decref(top);
        if (out) {
            fputs(out, stdout);
            fputc('\n', stdout);
        }
        free(out);
    } else {
        printf("%zu geslaagd, %zu mislukt\n", run.passed, run.failed);
        for (size_t i = 0; run.opt.dekking && i < run.n_files; i++)
            if (run.files[i].uncovered)
                fputs(run.files[i].uncovered, stdout);
    }
    fflush(stdout); /* the verdict on coverage after the report */
    rtest_low_coverage(&run, true);
    if (run.opt.junit && !rtest_write_junit(&run, run.opt.junit)) {
        fprintf(stderr, "regel test: %s: fout: kan het JUnit-verslag niet schrijven\n",
                run.opt.junit);
        run.error = true;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("regel test: fout: kan niet naar de standaarduitvoer schrijven\n", stderr);
        run.error = true;
    }
    status = run.failed || low || run.error ? RT_FAIL : RT_OK;
done:
    for (size_t k = 0; k < args.n; k++)
        free(args.v[k]);
    free(args.v);
    for (size_t k = 0; k < plugins.n; k++)
        free(plugins.v[k]);
    free(plugins.v);
    rtest_free_run(&run);
    return status;
}
