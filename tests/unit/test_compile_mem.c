/* test_compile_mem.c — issue 11 (compile memory): the arena zeroes what it
 * hands out also after arena_reset, and the parser's growable lists
 * (compiler/parse.c) keep every item in order through growth, finishing,
 * pushing after finishing and error recovery, without leaking. Tests only. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <criterion/criterion.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "parse.h"
#include "parser.h"

static bool all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

/* ---- arena ---- */

Test(arena_zero, fresh_and_reused_memory_is_zero)
{
    static const size_t sizes[] = {1, 7, 16, 33, 100, 250, 3, 64, 500, 17};
    arena *a = arena_new(256);
    cr_assert_not_null(a);
    for (int round = 0; round < 4; round++) {
        /* each round allocates more than the last: the later allocations
         * straddle the mark of what was handed out before the reset */
        for (int k = 0; k <= round; k++)
            for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
                unsigned char *p = arena_alloc(a, sizes[i]);
                cr_assert_not_null(p);
                cr_assert(all_zero(p, sizes[i]), "ronde %d: %zu bytes niet nul", round, sizes[i]);
                memset(p, 0xAB, sizes[i]);
            }
        arena_reset(a);
        cr_assert_eq(arena_used(a), 0);
    }
    arena_free(a);
}

Test(arena_zero, single_block_reuse_after_reset)
{
    arena *a = arena_new(4096);
    cr_assert_not_null(a);
    unsigned char *p = arena_alloc(a, 1000);
    memset(p, 0xFF, 1000);
    arena_reset(a); /* one block: kept, its first 1008 bytes are dirty */
    unsigned char *q = arena_alloc(a, 600);
    cr_assert_eq(q, p, "the same block is used again");
    cr_assert(all_zero(q, 600));
    unsigned char *r = arena_alloc(a, 1500); /* partly dirty, partly never used */
    cr_assert(all_zero(r, 1500));
    memset(r, 0xFF, 1500);
    arena_reset(a);
    unsigned char *s = arena_alloc(a, 3000);
    cr_assert(all_zero(s, 3000));
    arena_free(a);
}

Test(arena_zero, grow_copies_and_zeroes_the_rest)
{
    arena *a = arena_new(256);
    cr_assert_not_null(a);
    unsigned char *p = arena_alloc(a, 40);
    for (int i = 0; i < 40; i++)
        p[i] = (unsigned char)(i + 1);
    unsigned char *q = arena_grow(a, p, 40, 1000);
    cr_assert_not_null(q);
    for (int i = 0; i < 40; i++)
        cr_assert_eq(q[i], i + 1);
    cr_assert(all_zero(q + 40, 960));
    arena_free(a);
}

/* ---- parse lists, directly ---- */

typedef struct list_fixture {
    arena *a;
    parse_state *st;
} list_fixture;

static list_fixture list_setup(void)
{
    list_fixture f;
    f.a = arena_new(1024);
    cr_assert_not_null(f.a);
    f.st = calloc(1, sizeof *f.st);
    cr_assert_not_null(f.st);
    f.st->a = f.a;
    return f;
}

static void list_teardown(list_fixture *f)
{
    parse_lists_free(f->st); /* frees what was neither finished nor released */
    free(f->st);
    arena_free(f->a);
}

Test(parse_list, grows_finishes_and_grows_again)
{
    list_fixture f = list_setup();
    if (setjmp(f.st->oom) != 0)
        cr_assert_fail("geen geheugen");
    parse_list *l = parse_list_new(f.st, sizeof(uint32_t));
    for (uint32_t i = 0; i < 5000; i++)
        parse_list_push(f.st, l, &i);
    cr_assert_eq(l->n, 5000);
    const uint32_t *items = parse_list_finish(f.st, l);
    cr_assert_not_null(items);
    cr_assert_eq(parse_list_finish(f.st, l), items, "finishing twice gives the same items");
    for (uint32_t i = 0; i < 5000; i++)
        cr_assert_eq(items[i], i);
    /* pushed to after finishing: out of the arena into a buffer again */
    for (uint32_t i = 5000; i < 5100; i++)
        parse_list_push(f.st, l, &i);
    const uint32_t *again = parse_list_finish(f.st, l);
    cr_assert_eq(l->n, 5100);
    for (uint32_t i = 0; i < 5100; i++)
        cr_assert_eq(again[i], i);
    for (uint32_t i = 0; i < 5000; i++)
        cr_assert_eq(items[i], i, "the first finished items stay valid");
    list_teardown(&f);
}

Test(parse_list, empty_released_and_abandoned_lists)
{
    list_fixture f = list_setup();
    if (setjmp(f.st->oom) != 0)
        cr_assert_fail("geen geheugen");
    parse_list *empty = parse_list_new(f.st, 8);
    cr_assert_null(parse_list_finish(f.st, empty));
    cr_assert_eq(empty->n, 0);
    parse_list *dropped = parse_list_new(f.st, sizeof(double));
    for (int i = 0; i < 100; i++) {
        double x = i;
        parse_list_push(f.st, dropped, &x);
    }
    parse_list_release(dropped);
    cr_assert_eq(dropped->n, 0);
    cr_assert_null(dropped->items);
    /* abandoned halfway, as error recovery does: parse_lists_free frees them
     * (valgrind reports a leak otherwise) */
    parse_list *abandoned[10];
    for (int k = 0; k < 10; k++) {
        parse_list *l = parse_list_new(f.st, 48);
        char item[48];
        memset(item, k, sizeof item);
        for (int i = 0; i < 37 * k; i++)
            parse_list_push(f.st, l, item);
        cr_assert_eq(l->heap, k > 0);
        abandoned[k] = l;
    }
    parse_lists_free(f.st);
    for (int k = 0; k < 10; k++) {
        cr_assert_not(abandoned[k]->heap, "list %d still holds its buffer", k);
        cr_assert_null(abandoned[k]->items);
    }
    list_teardown(&f);
}

Test(parse_list, room_in_the_arena_is_filled_first)
{
    list_fixture f = list_setup();
    if (setjmp(f.st->oom) != 0)
        cr_assert_fail("geen geheugen");
    parse_list *l = parse_list_new(f.st, sizeof(uint64_t));
    uint64_t *room = arena_alloc(f.a, 10 * sizeof *room);
    l->items = room; /* as parse_source reserves the declarations */
    l->cap = 10;
    for (uint64_t i = 0; i < 10; i++)
        parse_list_push(f.st, l, &i);
    cr_assert_eq(l->items, room, "no move while there is room");
    cr_assert_not(l->heap);
    for (uint64_t i = 10; i < 25; i++)
        parse_list_push(f.st, l, &i);
    cr_assert(l->heap, "past the room: a buffer of its own");
    const uint64_t *items = parse_list_finish(f.st, l);
    for (uint64_t i = 0; i < 25; i++)
        cr_assert_eq(items[i], i);
    list_teardown(&f);
}

/* ---- parse lists through parse_source ---- */

typedef struct parsed {
    arena *a;
    diag_ctx *d;
    ast_policy *p;
    char *src;
} parsed;

static void parse_text(parsed *r, char *src)
{
    r->src = src;
    r->a = arena_new(4096);
    cr_assert_not_null(r->a);
    r->d = diag_new("t.regel", src, strlen(src));
    cr_assert_not_null(r->d);
    r->p = parse_source(r->a, r->d, "t.regel", src, strlen(src));
    cr_assert_not_null(r->p);
}

static void parsed_free(parsed *r)
{
    diag_free(r->d);
    arena_free(r->a);
    free(r->src);
}

/* A growing text for the generated policies. */
typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(text *t, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->s ? t->s + t->len : NULL, t->s ? t->cap - t->len : 0, fmt, ap);
        va_end(ap);
        cr_assert_geq(n, 0);
        if (t->s && (size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        t->cap = t->cap * 2 + (size_t)n + 64;
        t->s = realloc(t->s, t->cap);
        cr_assert_not_null(t->s);
    }
}

Test(parse_list_source, long_lists_keep_their_order)
{
    enum { FIELDS = 3000, BRANCHES = 300, ITEMS = 700, MEMBERS = 400, FACTS = 200 };
    text t = {NULL, 0, 0};
    put(&t, "beleid \"lang\".\ninvoer x: getal");
    for (int i = 0; i < FIELDS; i++)
        put(&t, ", f%d: getal", i);
    put(&t, ".\nsoort S is een van m0");
    for (int i = 1; i < MEMBERS; i++)
        put(&t, ", m%d", i);
    put(&t, ".\nuitkomst u: getal, w: waarheid.\nregel \"veel takken\"\n    u is 0 indien x = 0");
    for (int i = 1; i < BRANCHES; i++)
        put(&t, ", anders %d indien x = %d", i, i);
    put(&t, ", anders -1.\nregel \"een van\"\n    w is waar indien x is een van 0");
    for (int i = 1; i < ITEMS; i++)
        put(&t, ", %d", i);
    put(&t, ", anders onwaar.\nscenario \"veel feiten\"\n    gegeven x is 1");
    for (int i = 0; i < FACTS; i++)
        put(&t, ", f%d is %d", i, i);
    put(&t, "\n    verwacht u is 1.\n");
    parsed r;
    parse_text(&r, t.s);
    cr_assert_eq(diag_error_count(r.d), 0, "%s", diag_text(r.d));
    const ast_policy *p = r.p;
    /* x, the fields, the soort, two uitkomsten, two rules, the scenario */
    cr_assert_eq(p->n_decls, 1 + FIELDS + 1 + 2 + 2 + 1);
    for (int i = 0; i < FIELDS; i++) {
        char name[16];
        snprintf(name, sizeof name, "f%d", i);
        cr_assert_eq(p->decls[1 + i].kind, DECL_INPUT);
        cr_assert_str_eq(p->decls[1 + i].u.var.name, name);
    }
    const ast_enum *s = &p->decls[1 + FIELDS].u.enumeration;
    cr_assert_eq(s->n_members, MEMBERS);
    cr_assert_str_eq(s->members[MEMBERS - 1], "m399");
    const ast_rule *many = &p->decls[FIELDS + 4].u.rule;
    cr_assert_str_eq(many->name, "veel takken");
    cr_assert_eq(many->n_branches, BRANCHES + 1);
    for (int i = 0; i < BRANCHES; i++) {
        const ast_expr *cond = many->branches[i].cond;
        cr_assert_not_null(cond);
        cr_assert_eq(cond->u.binary.rhs->kind, EX_NUMBER);
        char want[16];
        snprintf(want, sizeof want, "%d", i);
        cr_assert_str_eq(cond->u.binary.rhs->u.number.text, want);
        char cond_text[24];
        snprintf(cond_text, sizeof cond_text, "x = %d", i);
        cr_assert_str_eq(many->branches[i].cond_text, cond_text);
    }
    cr_assert_null(many->branches[BRANCHES].cond);
    const ast_rule *in = &p->decls[FIELDS + 5].u.rule;
    const ast_expr *e = in->branches[0].cond;
    cr_assert_eq(e->kind, EX_IN);
    cr_assert_eq(e->u.in.n_items, ITEMS);
    for (int i = 0; i < ITEMS; i++) {
        char want[16];
        snprintf(want, sizeof want, "%d", i);
        cr_assert_str_eq(e->u.in.items[i]->u.number.text, want);
    }
    const ast_scenario *sc = &p->decls[FIELDS + 6].u.scenario;
    cr_assert_eq(sc->n_facts, FACTS + 1);
    cr_assert_str_eq(sc->facts[FACTS].name, "f199");
    cr_assert_eq(sc->n_expects, 1);
    parsed_free(&r);
}

Test(parse_list_source, syntax_errors_inside_lists_do_not_leak)
{
    /* error recovery drops half-built lists: LeakSanitizer (make check under
     * --enable-sanitizers) or valgrind reports them if they were not freed */
    static const char *const srcs[] = {
        "beleid \"x\".\ninvoer a: getal, b: , c: getal.\nuitkomst u: getal.\n"
        "regel \"r\" u is 1 indien a = 1, anders 2 indien , anders 3.\n",
        "beleid \"x\".\ninvoer a: getal.\nuitkomst u: waarheid.\n"
        "regel \"r\" u is waar indien a is een van 1, 2, 3,, 4.\n"
        "regel \"s\" u is waar indien a is een van 1, 2\n",
        "beleid \"x\".\nsoort S is een van a, b, .\nscenario \"s\" gegeven a is 1, b is .\n"
        "gegeven R heeft x: getal, y: .\n",
        "beleid \"x\".\ninvoer a: getal, b: getal, c",
    };
    for (size_t i = 0; i < sizeof srcs / sizeof *srcs; i++) {
        parsed r;
        parse_text(&r, strdup(srcs[i]));
        cr_assert_gt(diag_error_count(r.d), 0, "bron %zu", i);
        parsed_free(&r);
    }
}

Test(parse_list_source, no_declarations)
{
    parsed r;
    parse_text(&r, strdup("# alleen commentaar\n"));
    cr_assert_eq(r.p->n_decls, 0);
    cr_assert_eq(diag_error_count(r.d), 1, "%s", diag_text(r.d));
    parsed_free(&r);
}
