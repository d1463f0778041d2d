/* parse.c — parse_source (parse.h) and the small helpers the grammar
 * actions use to build the tree in the arena. Locations: end_line/end_col
 * are exclusive (the position just after the last character, like end_off).
 * Operator nodes (EX_BINARY, EX_NOT, EX_NEG, EX_IN; v0.2: EX_ROUND, EX_BEVAT,
 * EX_DUURT, EX_MERGE, EX_CLIP; v0.3: EX_KNOWN, EX_UNKNOWN at `is (on)bekend`)
 * carry the location of their operator words;
 * all other nodes cover their whole text. Must not
 * print or exit: messages go to diag, running out of memory returns NULL. */
#include "parse.h"

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"

_Noreturn void parse_oom(parse_state *st)
{
    longjmp(st->oom, 1);
}

void *parse_alloc(parse_state *st, size_t n)
{
    void *p = arena_alloc(st->a, n ? n : 1);
    if (!p)
        parse_oom(st);
    return p;
}

const char *parse_strndup(parse_state *st, const char *s, size_t n)
{
    char *p = arena_strndup(st->a, s, n);
    if (!p)
        parse_oom(st);
    return p;
}

parse_list *parse_list_new(parse_state *st, size_t elem)
{
    parse_list *l = parse_alloc(st, sizeof *l);
    l->elem = elem;
    return l;
}

void parse_list_push(parse_state *st, parse_list *l, const void *elem)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 4;
        if (cap > SIZE_MAX / l->elem)
            parse_oom(st);
        void *items = arena_grow(st->a, l->items, l->n * l->elem, cap * l->elem);
        if (!items)
            parse_oom(st);
        l->items = items;
        l->cap = cap;
    }
    memcpy((char *)l->items + l->n * l->elem, elem, l->elem);
    l->n++;
}

ast_expr *parse_expr(parse_state *st, ast_expr_kind kind, ast_loc loc)
{
    ast_expr *e = parse_alloc(st, sizeof *e);
    e->kind = kind;
    e->loc = loc;
    e->type = -1;
    return e;
}

ast_expr *parse_binary(parse_state *st, ast_binop op, ast_loc loc, ast_expr *lhs, ast_expr *rhs)
{
    ast_expr *e = parse_expr(st, EX_BINARY, loc);
    e->u.binary.op = op;
    e->u.binary.lhs = lhs;
    e->u.binary.rhs = rhs;
    return e;
}

ast_expr *parse_unary(parse_state *st, ast_expr_kind kind, ast_loc loc, ast_expr *operand)
{
    ast_expr *e = parse_expr(st, kind, loc);
    e->u.unary.operand = operand;
    return e;
}

void parse_add_decl(parse_state *st, const ast_decl *decl)
{
    parse_list_push(st, st->decls, decl);
}

void parse_add_vars(parse_state *st, ast_decl_kind kind, const parse_list *fields)
{
    const ast_field *f = fields->items;
    for (size_t i = 0; i < fields->n; i++) {
        ast_decl d;
        memset(&d, 0, sizeof d);
        d.kind = kind;
        d.u.var = f[i];
        if (kind != DECL_INPUT && f[i].dflt) {
            diag_report(st->d, DIAG_ERROR, f[i].dflt->loc,
                        "een uitkomst of begrip krijgt zijn waarde uit de regels; schrijf een "
                        "regel zonder ‘indien’ als algemene waarde",
                        "alleen een invoer kan een ‘standaard’ hebben");
            d.u.var.dflt = NULL;
        }
        if (kind != DECL_INPUT && f[i].vraag) {
            diag_report(st->d, DIAG_ERROR, f[i].vraag_loc, NULL,
                        "alleen een invoer kan een ‘vraag’ hebben: naar een %s wordt niet "
                        "gevraagd",
                        kind == DECL_OUTCOME ? "uitkomst" : "begrip");
            d.u.var.vraag = NULL;
        }
        parse_add_decl(st, &d);
    }
}

ast_loc parse_span(ast_loc first, ast_loc last)
{
    ast_loc r = first;
    r.end_line = last.end_line;
    r.end_col = last.end_col;
    r.end_off = last.end_off;
    return r;
}

bool parse_date_check(int32_t y, int m, int d, char *msg, size_t cap)
{
    if (y < 1 || y > 9999) {
        snprintf(msg, cap, "het jaar moet tussen 1 en 9999 liggen");
        return false;
    }
    if (m < 1 || m > 12) {
        snprintf(msg, cap, "er is geen maand %d", m);
        return false;
    }
    if (d < 1 || d > cal_days_in_month(y, m)) {
        if (d < 1)
            snprintf(msg, cap, "er is geen dag %d", d);
        else
            snprintf(msg, cap, "%s %d heeft %d dagen", cal_month_name(m), (int)y,
                     cal_days_in_month(y, m));
        return false;
    }
    return cal_valid_ymd(y, m, d);
}

ast_policy *parse_source(arena *a, diag_ctx *d, const char *file, const char *src, size_t len)
{
    if (!a || !d || (!src && len > 0))
        return NULL;
    ast_policy *pol = arena_alloc(a, sizeof *pol);
    if (!pol)
        return NULL;
    pol->file = arena_strndup(a, file ? file : "", file ? strlen(file) : 0);
    if (!pol->file)
        return NULL;
    if (len >= INT32_MAX) {
        ast_loc at = {1, 1, 1, 1, 0, 0};
        diag_report(d, DIAG_ERROR, at, NULL, "het bestand is te groot (meer dan 2 GB)");
        return pol;
    }

    parse_state *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->a = a;
    st->d = d;
    st->src = src ? src : "";
    st->len = len;
    st->policy = pol;
    st->decls = arena_alloc(a, sizeof *st->decls);
    if (!st->decls) {
        free(st);
        return NULL;
    }
    st->decls->elem = sizeof(ast_decl);

    uint32_t start = 0;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        start = 3; /* byte order mark */
    int r = lex_run(st, st->src, len, start);
    if (r < 0) {
        free(st);
        return NULL;
    }
    pol->decls = st->decls->items;
    pol->n_decls = st->decls->n;
    free(st);
    return pol;
}
