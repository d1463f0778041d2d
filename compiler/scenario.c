/* scenario.c — scen_compile (scenario.h): compiles a policy exactly as
 * regel_policy_compile does and hands over its checked scenarios as plain
 * data in one arena, every value as the JSON text `regel --json` prints for
 * it (render.h). Reads no case files, prints nothing, never exits. */
#include "scenario.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cal.h"
#include "check_internal.h"
#include "compile.h"
#include "num.h"
#include "render.h"
#include "strbuf.h"

struct scen_list {
    arena *a;
    scen *items;
    size_t n;
};

typedef struct scen_ctx {
    scen_list *list;
    const char *file; /* the policy's path, for `gegeven uit` */
} scen_ctx;

static const char *scen_strdup(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

/* The JSON text of a checked value (render.c's forms), in the arena; NULL
 * when out of memory. */
static const char *scen_json(arena *a, const check_scen_value *v)
{
    strbuf sb = STRBUF_INIT;
    switch (v->kind) {
    case CHECK_SV_GEEN:
        sb_puts(&sb, "null");
        break;
    case CHECK_SV_WAARHEID:
        sb_puts(&sb, v->b ? "true" : "false");
        break;
    case CHECK_SV_GETAL:
    case CHECK_SV_BEDRAG: {
        /* a literal is a finite decimal; a bedrag is a number of euro */
        num_q q = v->kind == CHECK_SV_GETAL ? v->q : num_from_cents(v->cents);
        char buf[NUM_FORMAT_CAP];
        size_t n = num_format(q, '.', buf, sizeof buf);
        if (n == 0)
            sb.failed = true;
        else
            sb_append(&sb, buf, n);
        break;
    }
    case CHECK_SV_TEKST:
        render_json_string(&sb, v->s ? v->s : "", v->s ? v->len : 0);
        break;
    case CHECK_SV_MEMBER:
        render_json_cstr(&sb, v->s);
        break;
    case CHECK_SV_DATUM: {
        char buf[11];
        cal_format_iso(v->day, buf);
        sb_printf(&sb, "\"%s\"", buf);
        break;
    }
    case CHECK_SV_DUUR: {
        strbuf text = STRBUF_INIT;
        render_duur(&text, (int32_t)v->months, (int32_t)v->days);
        if (text.failed)
            sb.failed = true;
        else
            render_json_string(&sb, text.data, text.len);
        sb_free(&text);
        break;
    }
    }
    const char *out = NULL;
    if (!sb.failed && sb.data)
        out = arena_strndup(a, sb.data, sb.len);
    sb_free(&sb);
    return out;
}

/* `gegeven uit "pad"` relative to the folder of the policy file. */
static const char *scen_resolve(arena *a, const char *file, const char *path)
{
    const char *slash = file ? strrchr(file, '/') : NULL;
    if (!slash || path[0] == '/')
        return arena_strndup(a, path, strlen(path));
    size_t dir = (size_t)(slash - file) + 1, n = strlen(path);
    char *out = arena_alloc(a, dir + n + 1);
    if (!out)
        return NULL;
    memcpy(out, file, dir);
    memcpy(out + dir, path, n + 1);
    return out;
}

static int scen_collect(void *ctx_, const struct check_result *prog)
{
    scen_ctx *ctx = ctx_;
    scen_list *l = ctx->list;
    arena *a = l->a;
    l->n = 0;
    if (prog->n_scenarios == 0)
        return REGEL_OK;
    l->items = arena_alloc(a, prog->n_scenarios * sizeof *l->items);
    if (!l->items)
        return REGEL_ERR_MEMORY;
    for (size_t i = 0; i < prog->n_scenarios; i++) {
        const check_scenario *cs = &prog->scenarios[i];
        const ast_scenario *as = cs->ast;
        scen *s = &l->items[i];
        memset(s, 0, sizeof *s);
        s->name = scen_strdup(a, as->name ? as->name : "");
        s->line = as->loc.line;
        s->col = as->loc.col;
        if (!s->name)
            return REGEL_ERR_MEMORY;
        if (as->case_file) {
            s->case_file = scen_strdup(a, as->case_file);
            s->case_path = scen_resolve(a, ctx->file, as->case_file);
            if (!s->case_file || !s->case_path)
                return REGEL_ERR_MEMORY;
        }
        s->facts = arena_alloc(a, (cs->n_facts ? cs->n_facts : 1) * sizeof *s->facts);
        s->expects = arena_alloc(a, (cs->n_expects ? cs->n_expects : 1) * sizeof *s->expects);
        if (!s->facts || !s->expects)
            return REGEL_ERR_MEMORY;
        for (size_t k = 0; k < cs->n_facts; k++) {
            scen_fact *f = &s->facts[k];
            f->name = scen_strdup(a, cs->facts[k].name);
            f->json = scen_json(a, &cs->facts[k].value);
            if (!f->name || !f->json)
                return REGEL_ERR_MEMORY;
        }
        s->n_facts = cs->n_facts;
        for (size_t k = 0; k < cs->n_expects; k++) {
            const check_scen_expect *cx = &cs->expects[k];
            scen_expect *x = &s->expects[k];
            memset(x, 0, sizeof *x);
            x->outcome = scen_strdup(a, cx->outcome);
            x->unknown = cx->unknown;
            x->json = cx->unknown ? NULL : scen_json(a, &cx->value);
            x->rule = cx->rule ? scen_strdup(a, cx->rule) : NULL;
            x->line = cx->loc.line;
            x->col = cx->loc.col;
            if (!x->outcome || (!cx->unknown && !x->json) || (cx->rule && !x->rule))
                return REGEL_ERR_MEMORY;
        }
        s->n_expects = cs->n_expects;
        l->n = i + 1;
    }
    return REGEL_OK;
}

int scen_compile(const char *src, size_t len, const char *file, regel_policy **policy,
                 scen_list **list, char **diagnostics, regel_error *err)
{
    if (diagnostics)
        *diagnostics = NULL;
    if (list)
        *list = NULL;
    if (!list) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->code = REGEL_ERR_USAGE;
            snprintf(err->message, sizeof err->message, "scen_compile: list is verplicht");
        }
        if (policy)
            *policy = NULL;
        return REGEL_ERR_USAGE;
    }
    scen_list *l = calloc(1, sizeof *l);
    arena *a = l ? arena_new(16 * 1024) : NULL;
    if (!a) {
        free(l);
        if (policy)
            *policy = NULL;
        if (err) {
            memset(err, 0, sizeof *err);
            err->code = REGEL_ERR_MEMORY;
            snprintf(err->message, sizeof err->message, "onvoldoende geheugen");
        }
        return REGEL_ERR_MEMORY;
    }
    l->a = a;
    scen_ctx ctx = {l, file};
    int rc = compile_policy_collect(src, len, file, policy, diagnostics, err, scen_collect, &ctx);
    if (rc != REGEL_OK) {
        scen_list_free(l);
        return rc;
    }
    *list = l;
    return REGEL_OK;
}

size_t scen_count(const scen_list *list)
{
    return list ? list->n : 0;
}

const scen *scen_get(const scen_list *list, size_t i)
{
    return list && i < list->n ? &list->items[i] : NULL;
}

void scen_list_free(scen_list *list)
{
    if (!list)
        return;
    arena_free(list->a);
    free(list);
}
