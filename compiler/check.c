/* check.c — static semantics of a parsed policy (spec §3): symbol tables,
 * duplicate names, type resolution, expression typing with contextual
 * enumeration members, exceptions, the dependency graph with its cycles and
 * topological order, provable conflicts and unused-name warnings; v0.2
 * (spec3 §3): time and money types, lists and selections with bound
 * elements, parameters and rule versions, the predeclared peildatum; v0.3
 * (spec4 §1): optional types with `geen`, `is (on)bekend`, invoer defaults
 * and the optional discipline (with `is niet geen` narrowing); v0.4 (spec5
 * §2): scenarios, whose constants are checked without touching anything the
 * emitter reads (no types interned, no fact marked used); v0.5 (spec7 §1):
 * the placeholders of `uitleg` templates; issue 8 (spec8 §1): `extern
 * functie` declarations and their calls. Reports every problem it finds
 * through diag; never prints, exits or emits bytes. */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytecode.h"
#include "cal.h"
#include "check_internal.h"
#include "strbuf.h"

/* ---------------------------------------------------------------- maps */

/* A string → index hash map in the arena (open addressing). */
typedef struct check_map {
    const char **keys;
    uint32_t *vals;
    size_t cap; /* power of two or 0 */
    size_t n;
} check_map;

static uint64_t check_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

static long check_map_get(const check_map *m, const char *key)
{
    if (!m->cap || !key)
        return -1;
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)check_hash(key) & mask;; i = (i + 1) & mask) {
        if (!m->keys[i])
            return -1;
        if (strcmp(m->keys[i], key) == 0)
            return (long)m->vals[i];
    }
}

/* Insert or overwrite; false when out of memory. */
static bool check_map_put(arena *a, check_map *m, const char *key, uint32_t val)
{
    if ((m->n + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 32;
        const char **nk = arena_alloc(a, ncap * sizeof *nk);
        uint32_t *nv = arena_alloc(a, ncap * sizeof *nv);
        if (!nk || !nv)
            return false;
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->keys[i])
                continue;
            size_t j = (size_t)check_hash(m->keys[i]) & (ncap - 1);
            while (nk[j])
                j = (j + 1) & (ncap - 1);
            nk[j] = m->keys[i];
            nv[j] = m->vals[i];
        }
        m->keys = nk;
        m->vals = nv;
        m->cap = ncap;
    }
    size_t mask = m->cap - 1;
    size_t i = (size_t)check_hash(key) & mask;
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & mask;
    if (!m->keys[i])
        m->n++;
    m->keys[i] = key;
    m->vals[i] = val;
    return true;
}

/* A 64-bit key → index hash map in the arena (open addressing), for keys
 * made of two numbers: (outcome, dependency), (kind, element type), or a
 * type id alone. */
typedef struct check_imap {
    uint64_t *keys;
    uint32_t *vals; /* value + 1; 0 = empty slot */
    size_t cap;     /* power of two or 0 */
    size_t n;
} check_imap;

static uint64_t check_ikey(uint32_t a, uint32_t b)
{
    return (uint64_t)a << 32 | b;
}

static size_t check_ihash(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return (size_t)k;
}

static long check_imap_get(const check_imap *m, uint64_t key)
{
    if (!m->cap)
        return -1;
    size_t mask = m->cap - 1;
    for (size_t i = check_ihash(key) & mask; m->vals[i]; i = (i + 1) & mask)
        if (m->keys[i] == key)
            return (long)m->vals[i] - 1;
    return -1;
}

/* Insert or overwrite; false when out of memory. */
static bool check_imap_put(arena *a, check_imap *m, uint64_t key, uint32_t val)
{
    if ((m->n + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 32;
        uint64_t *nk = arena_alloc(a, ncap * sizeof *nk);
        uint32_t *nv = arena_alloc(a, ncap * sizeof *nv);
        if (!nk || !nv)
            return false;
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->vals[i])
                continue;
            size_t j = check_ihash(m->keys[i]) & (ncap - 1);
            while (nv[j])
                j = (j + 1) & (ncap - 1);
            nk[j] = m->keys[i];
            nv[j] = m->vals[i];
        }
        m->keys = nk;
        m->vals = nv;
        m->cap = ncap;
    }
    size_t mask = m->cap - 1;
    size_t i = check_ihash(key) & mask;
    while (m->vals[i] && m->keys[i] != key)
        i = (i + 1) & mask;
    if (!m->vals[i])
        m->n++;
    m->keys[i] = key;
    m->vals[i] = val + 1;
    return true;
}

/* A (namespace, name) → index hash map in the arena (open addressing): the
 * members of each soort and the fields of each gegeven, by type id. */
typedef struct check_smap {
    const char **keys;
    uint32_t *ns;
    uint32_t *vals;
    size_t cap; /* power of two or 0 */
    size_t n;
} check_smap;

static size_t check_shash(uint32_t ns, const char *key)
{
    return (size_t)(check_hash(key) ^ check_ihash(ns));
}

static long check_smap_get(const check_smap *m, uint32_t ns, const char *key)
{
    if (!m->cap || !key)
        return -1;
    size_t mask = m->cap - 1;
    for (size_t i = check_shash(ns, key) & mask; m->keys[i]; i = (i + 1) & mask)
        if (m->ns[i] == ns && strcmp(m->keys[i], key) == 0)
            return (long)m->vals[i];
    return -1;
}

/* Insert when absent (the first position of a name wins); false when out
 * of memory. */
static bool check_smap_add(arena *a, check_smap *m, uint32_t ns, const char *key, uint32_t val)
{
    if ((m->n + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 64;
        const char **nk = arena_alloc(a, ncap * sizeof *nk);
        uint32_t *nn = arena_alloc(a, ncap * sizeof *nn);
        uint32_t *nv = arena_alloc(a, ncap * sizeof *nv);
        if (!nk || !nn || !nv)
            return false;
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->keys[i])
                continue;
            size_t j = check_shash(m->ns[i], m->keys[i]) & (ncap - 1);
            while (nk[j])
                j = (j + 1) & (ncap - 1);
            nk[j] = m->keys[i];
            nn[j] = m->ns[i];
            nv[j] = m->vals[i];
        }
        m->keys = nk;
        m->ns = nn;
        m->vals = nv;
        m->cap = ncap;
    }
    size_t mask = m->cap - 1;
    size_t i = check_shash(ns, key) & mask;
    for (; m->keys[i]; i = (i + 1) & mask)
        if (m->ns[i] == ns && strcmp(m->keys[i], key) == 0)
            return true;
    m->keys[i] = key;
    m->ns[i] = ns;
    m->vals[i] = val;
    m->n++;
    return true;
}

/* Lists up to this long are searched by a scan; longer ones get an index. */
#define CHECK_SCAN_MAX 8

/* ---------------------------------------------------------------- state */

typedef enum sym_kind {
    SYM_ENUM,
    SYM_RECORD,
    SYM_INPUT,
    SYM_OUTCOME,
    SYM_PARAM,
    SYM_EXTERN /* issue 8: an extern functie; index = extern number */
} sym_kind;

/* An entry of the one namespace of types, facts, outcomes and begrippen. */
typedef struct check_sym {
    sym_kind kind;
    uint32_t index; /* type id (ENUM, RECORD after ordering), input or outcome number */
    const char *name;
    ast_loc loc;
} check_sym;

/* One soort that has a member of a given name; chained in declaration order. */
typedef struct member_ref {
    int32_t type;
    uint32_t member;
    int32_t next;
    int32_t last;   /* the head of a chain: its last entry */
    uint32_t count; /* the head of a chain: its length */
} member_ref;

typedef struct dep_edge {
    uint32_t to;
    ast_loc loc; /* the first reference */
} dep_edge;

typedef struct dep_list {
    dep_edge *e;
    size_t n, cap;
} dep_list;

typedef struct checker {
    arena *a;
    diag_ctx *d;
    ast_policy *p;
    check_result *r;
    bool oom;

    check_sym *syms;
    size_t n_syms;
    check_map names; /* name → syms index */

    member_ref *mrefs;
    size_t n_mrefs;
    check_map members; /* member name → first mrefs index */

    check_map rules; /* rule name → rule number (the first with that name) */
    /* Rules of one name in declaration order: a chain from the first. */
    int32_t *rule_next;   /* rule number → the next with its name, or -1 */
    int32_t *rule_tail;   /* first rule of a name → the last with that name */
    uint32_t *rule_count; /* first rule of a name → how many have that name */
    check_imap dep_seen;  /* (outcome, dependency) → 0: check_add_dep's set */
    check_imap type_ids;  /* (kind, element + 1) → interned type id */
    check_smap in_type;   /* (type id, name) → first member/field position */
    check_imap indexed;   /* type id → 0: its members or fields are in in_type */
    /* Near-miss hints over a candidate list that does not change, by list
     * id: (list id, unknown name) → position of the hint + 1, or 0. Many
     * errors then cost one search per distinct name, not one each. */
    check_smap hints;
    uint32_t n_lists;           /* list ids handed out */
    const char **plain_cands;   /* check_unknown_name without a soort or element */
    size_t n_plain_cands;       /* … and its length */
    size_t plain_inputs;        /* r->n_inputs when it was built (peildatum is added late) */
    uint32_t plain_id;          /* its list id */
    const char **outcome_cands; /* the outcome names (check_rule_targets) */
    bool *outcome_guessed;      /* issue 10: suggested for a misspelt conclusion */
    uint32_t outcome_id;
    const char **type_cands; /* check_type_cands */
    size_t n_type_cands, type_syms;
    uint32_t type_id;

    size_t n_enums, n_records;
    const ast_record **records; /* record ordinal → declaration */
    int32_t cur_outcome;        /* the outcome of the rule being checked, or -1 */
    unsigned depth;             /* nesting of check_expr (bounded: no stack overflow) */
    bool too_deep;              /* reported once */
    ast_loc rule_loc;           /* the rule being checked, for that report */
    dep_list *deps;             /* per outcome: outcomes its rules read */

    size_t cap_types; /* capacity of r->types (datum…lijst types are added on demand) */
    /* Bound list elements of the selections being checked; slot = position. */
    const char **scope_names;
    int32_t *scope_types;
    size_t n_scope, cap_scope;
    const ast_expr *round_operand; /* the operand of the `afgerond` being checked */
    /* v0.3: paths (names, field chains) known not to be geen here, pushed by
     * `P is niet geen` conditions (see check_push_facts). */
    const ast_expr **narrow;
    size_t n_narrow, cap_narrow;
} checker;

static void *check_alloc(checker *c, size_t n, size_t size)
{
    if (n == 0)
        n = 1;
    if (n > (size_t)-1 / size) {
        c->oom = true;
        return NULL;
    }
    void *p = arena_alloc(c->a, n * size);
    if (!p)
        c->oom = true;
    return p;
}

/* first[i] = the first position j < i whose name equals names[i], or -1
 * (also for a NULL name): finds the duplicates of a list in one pass. */
static int32_t *check_first_same(checker *c, const char *const *names, size_t n)
{
    int32_t *first = check_alloc(c, n, sizeof *first);
    if (!first)
        return NULL;
    check_map m;
    memset(&m, 0, sizeof m);
    for (size_t i = 0; i < n; i++) {
        first[i] = -1;
        if (!names[i])
            continue;
        if (n <= CHECK_SCAN_MAX) {
            for (size_t j = 0; j < i && first[i] < 0; j++)
                if (names[j] && strcmp(names[j], names[i]) == 0)
                    first[i] = (int32_t)j;
            continue;
        }
        long j = check_map_get(&m, names[i]);
        if (j >= 0)
            first[i] = (int32_t)j;
        else if (!check_map_put(c->a, &m, names[i], (uint32_t)i))
            c->oom = true;
    }
    return first;
}

/* The first position of `name` among the members (soort) or fields
 * (gegeven) of type t, or -1. Long lists are indexed on first use. */
static long check_in_type(checker *c, int32_t t, const char *name)
{
    if (t < 0 || (size_t)t >= c->r->n_types || !name)
        return -1;
    const check_type *ty = &c->r->types[t];
    bool is_enum = ty->kind == RBC_TYPE_ENUM;
    size_t n = is_enum ? ty->n_members : ty->kind == RBC_TYPE_RECORD ? ty->n_fields : 0;
    if (n <= CHECK_SCAN_MAX || c->oom) {
        for (size_t i = 0; i < n; i++) {
            const char *x = is_enum ? ty->members[i] : ty->fields[i].name;
            if (x && strcmp(x, name) == 0)
                return (long)i;
        }
        return -1;
    }
    if (check_imap_get(&c->indexed, (uint64_t)t) < 0) {
        for (size_t i = 0; i < n; i++) {
            const char *x = is_enum ? ty->members[i] : ty->fields[i].name;
            if (x && !check_smap_add(c->a, &c->in_type, (uint32_t)t, x, (uint32_t)i))
                c->oom = true;
        }
        if (!check_imap_put(c->a, &c->indexed, (uint64_t)t, 0))
            c->oom = true;
        if (c->oom)
            return check_in_type(c, t, name);
    }
    return check_smap_get(&c->in_type, (uint32_t)t, name);
}

static const char *check_type_name(const checker *c, int32_t t)
{
    if (t < 0 || (size_t)t >= c->r->n_types)
        return "?";
    return c->r->types[t].name;
}

static const char *check_sym_kind_name(sym_kind k, const checker *c, uint32_t index)
{
    switch (k) {
    case SYM_ENUM:
        return "soort";
    case SYM_RECORD:
        return "gegeven";
    case SYM_INPUT:
        return "invoer";
    case SYM_OUTCOME:
        return c->r->outcomes[index].kind == CHECK_CONCEPT ? "begrip" : "uitkomst";
    case SYM_PARAM:
        return "parameter";
    case SYM_EXTERN:
        return "externe functie";
    }
    return "naam";
}

static const check_sym *check_lookup(const checker *c, const char *name)
{
    long i = check_map_get(&c->names, name);
    return i < 0 ? NULL : &c->syms[i];
}

static void check_note_here(checker *c, ast_loc loc)
{
    diag_report(c->d, DIAG_NOTE, loc, NULL, "eerder gedeclareerd hier");
}

/* Report "unknown X" with a near-miss hint over candidates. list_id names
 * a list that stays the same for the whole check (0: none), whose hints
 * are remembered per name. */
static void check_unknown_in(checker *c, ast_loc loc, const char *const *cands, size_t n,
                             uint32_t list_id, const char *name, const char *what,
                             const char *fallback)
{
    const char *s = NULL;
    long known = list_id && name ? check_smap_get(&c->hints, list_id, name) : -1;
    if (known >= 0) {
        s = known > 0 && (size_t)known <= n ? cands[known - 1] : NULL;
    } else {
        s = diag_suggest(name, cands, n);
        size_t at = 0;
        for (size_t i = 0; s && i < n && !at; i++)
            if (cands[i] == s)
                at = i + 1;
        if (list_id && name && !check_smap_add(c->a, &c->hints, list_id, name, (uint32_t)at))
            c->oom = true;
    }
    char hint[512];
    if (s)
        snprintf(hint, sizeof hint, "bedoelde u ‘%s’?", s);
    diag_report(c->d, DIAG_ERROR, loc, s ? hint : fallback, "%s ‘%s’", what, name);
}

static void check_unknown(checker *c, ast_loc loc, const char *const *cands, size_t n,
                          const char *name, const char *what)
{
    check_unknown_in(c, loc, cands, n, 0, name, what, NULL);
}

/* ------------------------------------------------------- declarations */

static void check_declare(checker *c, sym_kind kind, uint32_t index, const char *name, ast_loc loc)
{
    if (!name)
        return;
    const check_sym *old = check_lookup(c, name);
    if (old) {
        diag_report(c->d, DIAG_ERROR, loc,
                    "elke naam wordt één keer gedeclareerd: laat deze declaratie weg, of geef "
                    "een van beide een andere naam",
                    "‘%s’ is al gedeclareerd als %s", name,
                    check_sym_kind_name(old->kind, c, old->index));
        check_note_here(c, old->loc);
        return;
    }
    check_sym *s = &c->syms[c->n_syms];
    s->kind = kind;
    s->index = index;
    s->name = name;
    s->loc = loc;
    if (!check_map_put(c->a, &c->names, name, (uint32_t)c->n_syms))
        c->oom = true;
    c->n_syms++;
}

/* Candidates for an unknown type name: the built-in types and every soort
 * and gegeven. */
static const char **check_type_cands(checker *c, size_t *n)
{
    if (c->type_cands && c->type_syms == c->n_syms) {
        *n = c->n_type_cands;
        return c->type_cands;
    }
    const char **v = check_alloc(c, c->n_syms + 8, sizeof *v);
    *n = 0;
    if (!v)
        return NULL;
    c->type_cands = v;
    c->type_syms = c->n_syms;
    c->type_id = ++c->n_lists;
    static const char *const builtin[] = {"waarheid", "getal",  "tekst",  "datum",
                                          "duur",     "bedrag", "periode"};
    for (size_t i = 0; i < sizeof builtin / sizeof *builtin; i++)
        v[(*n)++] = builtin[i];
    for (size_t i = 0; i < c->n_syms; i++)
        if (c->syms[i].kind == SYM_ENUM || c->syms[i].kind == SYM_RECORD)
            v[(*n)++] = c->syms[i].name;
    c->n_type_cands = *n;
    return v;
}

/* The type id of a datum/duur/bedrag/periode type (elem < 0) or of
 * `lijst van elem`, added to the table on first use. */
static int32_t check_intern_type(checker *c, uint8_t kind, int32_t elem, ast_loc loc)
{
    check_result *r = c->r;
    uint64_t key = check_ikey(kind, kind == RBC_TYPE_LIJST ? (uint32_t)(elem + 1) : 0);
    long known = check_imap_get(&c->type_ids, key);
    if (known >= 0)
        return (int32_t)known;
    if (r->n_types == c->cap_types) {
        size_t ncap = c->cap_types ? c->cap_types * 2 : 8;
        check_type *nt = arena_grow(c->a, r->types, c->cap_types * sizeof *nt, ncap * sizeof *nt);
        if (!nt) {
            c->oom = true;
            return CHECK_T_ERROR;
        }
        r->types = nt;
        c->cap_types = ncap;
    }
    check_type *t = &r->types[r->n_types];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->elem = elem;
    t->loc = loc;
    switch (kind) {
    case RBC_TYPE_DATUM:
        t->name = "datum";
        break;
    case RBC_TYPE_DUUR:
        t->name = "duur";
        break;
    case RBC_TYPE_BEDRAG:
        t->name = "bedrag";
        break;
    case RBC_TYPE_PERIODE:
        t->name = "periode";
        break;
    default: {
        const char *en = elem >= 0 ? r->types[elem].name : "?";
        size_t n = strlen(en) + sizeof "lijst van ";
        char *nm = check_alloc(c, n, 1);
        if (nm)
            snprintf(nm, n, "lijst van %s", en);
        t->name = nm ? nm : "lijst";
        break;
    }
    }
    if (!check_imap_put(c->a, &c->type_ids, key, (uint32_t)r->n_types))
        c->oom = true;
    return (int32_t)r->n_types++;
}

static int32_t check_t(checker *c, uint8_t kind)
{
    ast_loc none = {0};
    return check_intern_type(c, kind, -1, none);
}

static uint8_t check_kind(const checker *c, int32_t t)
{
    return t >= 0 && (size_t)t < c->r->n_types ? c->r->types[t].kind : 0;
}

/* A type as written → a type id; records get their provisional id
 * (3 + n_enums + ordinal) until check_order_records renumbers them. */
static int32_t check_resolve_type(checker *c, const ast_type *t)
{
    switch (t->kind) {
    case AST_TYPE_WAARHEID:
        return CHECK_T_WAARHEID;
    case AST_TYPE_GETAL:
        return CHECK_T_GETAL;
    case AST_TYPE_TEKST:
        return CHECK_T_TEKST;
    case AST_TYPE_DATUM:
        return check_intern_type(c, RBC_TYPE_DATUM, -1, t->loc);
    case AST_TYPE_DUUR:
        return check_intern_type(c, RBC_TYPE_DUUR, -1, t->loc);
    case AST_TYPE_BEDRAG:
        return check_intern_type(c, RBC_TYPE_BEDRAG, -1, t->loc);
    case AST_TYPE_PERIODE:
        return check_intern_type(c, RBC_TYPE_PERIODE, -1, t->loc);
    case AST_TYPE_LIJST: {
        if (!t->elem)
            return CHECK_T_ERROR;
        int32_t et = check_resolve_type(c, t->elem);
        if (et < 0)
            return CHECK_T_ERROR;
        if (check_kind(c, et) == RBC_TYPE_LIJST) {
            diag_report(c->d, DIAG_ERROR, t->elem->loc,
                        "maak een gegeven met een lijst als veld, en een lijst daarvan",
                        "een lijst van lijsten is niet toegestaan");
            return CHECK_T_ERROR;
        }
        return check_intern_type(c, RBC_TYPE_LIJST, et, t->loc);
    }
    case AST_TYPE_NAMED:
        break;
    }
    if (!t->name)
        return CHECK_T_ERROR;
    const check_sym *s = check_lookup(c, t->name);
    if (s && (s->kind == SYM_ENUM || s->kind == SYM_RECORD))
        return (int32_t)s->index;
    if (s) {
        diag_report(c->d, DIAG_ERROR, t->loc, NULL, "‘%s’ is geen type maar een %s", t->name,
                    check_sym_kind_name(s->kind, c, s->index));
        return CHECK_T_ERROR;
    }
    size_t n;
    const char **cands = check_type_cands(c, &n);
    check_unknown_in(c, t->loc, cands, cands ? n : 0, c->type_id, t->name, "onbekend type", NULL);
    return CHECK_T_ERROR;
}

static size_t check_n_children(const check_type *t)
{
    return t->kind == RBC_TYPE_RECORD ? t->n_fields : t->kind == RBC_TYPE_LIJST ? 1 : 0;
}

static int32_t *check_child(check_type *t, size_t i)
{
    return t->kind == RBC_TYPE_RECORD ? &t->field_types[i] : &t->elem;
}

/* Put the records, lists and datum…periode types in an order where every
 * field and element type comes before the type that holds it (depth-first,
 * declaration order); a record that contains itself is an error naming the
 * chain. Then renumber every type id that refers to one. */
static void check_order_records(checker *c)
{
    size_t base = 3 + c->n_enums;
    size_t nr = c->r->n_types - base;
    if (nr == 0)
        return;
    uint8_t *state = check_alloc(c, nr, 1); /* 0 new, 1 on the path, 2 done */
    uint32_t *order = check_alloc(c, nr, sizeof *order);
    uint32_t *stack = check_alloc(c, nr, sizeof *stack);
    size_t *next_field = check_alloc(c, nr, sizeof *next_field);
    int32_t *perm = check_alloc(c, nr, sizeof *perm);
    if (c->oom)
        return;
    size_t n_order = 0;
    check_type *types = c->r->types;
    for (size_t root = 0; root < nr; root++) {
        if (state[root])
            continue;
        size_t sp = 0;
        stack[sp++] = (uint32_t)root;
        state[root] = 1;
        next_field[root] = 0;
        while (sp) {
            uint32_t r = stack[sp - 1];
            check_type *ty = &types[base + r];
            if (next_field[r] < check_n_children(ty)) {
                size_t fi = next_field[r]++;
                int32_t ft = *check_child(ty, fi);
                if (ft < (int32_t)base)
                    continue;
                uint32_t q = (uint32_t)(ft - (int32_t)base);
                if (state[q] == 0) {
                    state[q] = 1;
                    next_field[q] = 0;
                    stack[sp++] = q;
                } else if (state[q] == 1) {
                    /* a cycle: q … r → q */
                    strbuf sb = STRBUF_INIT;
                    size_t k = 0;
                    while (stack[k] != q)
                        k++;
                    for (size_t j = k; j < sp; j++)
                        sb_printf(&sb, "%s → ", types[base + stack[j]].name);
                    sb_puts(&sb, types[base + q].name);
                    diag_report(c->d, DIAG_ERROR,
                                ty->kind == RBC_TYPE_RECORD ? ty->fields[fi].type.loc : ty->loc,
                                NULL, "kringverwijzing tussen gegevens: %s",
                                sb.data ? sb.data : "");
                    sb_free(&sb);
                    *check_child(ty, fi) = CHECK_T_ERROR;
                }
            } else {
                state[r] = 2;
                order[n_order++] = r;
                sp--;
            }
        }
    }
    /* order[k] = ordinal placed k-th → final id base + k */
    check_type *copy = check_alloc(c, nr, sizeof *copy);
    if (!copy)
        return;
    for (size_t k = 0; k < nr; k++) {
        perm[order[k]] = (int32_t)(base + k);
        copy[k] = types[base + order[k]];
    }
    for (size_t k = 0; k < nr; k++)
        types[base + k] = copy[k];
#define REMAP(t)                                                                                   \
    do {                                                                                           \
        if ((t) >= (int32_t)base)                                                                  \
            (t) = perm[(t) - (int32_t)base];                                                       \
    } while (0)
    for (size_t k = 0; k < nr; k++)
        for (size_t f = 0; f < check_n_children(&types[base + k]); f++)
            REMAP(*check_child(&types[base + k], f));
    for (size_t i = 0; i < c->r->n_inputs; i++)
        REMAP(c->r->inputs[i].type);
    for (size_t i = 0; i < c->r->n_outcomes; i++)
        REMAP(c->r->outcomes[i].type);
    for (size_t i = 0; i < c->r->n_params; i++)
        REMAP(c->r->params[i].type);
    for (size_t i = 0; i < c->r->n_externs; i++) {
        REMAP(c->r->externs[i].result);
        for (size_t k = 0; c->r->externs[i].params && k < c->r->externs[i].n_params; k++)
            REMAP(c->r->externs[i].params[k]);
    }
    for (size_t i = 0; i < c->n_syms; i++)
        if (c->syms[i].kind == SYM_RECORD) {
            int32_t t = (int32_t)c->syms[i].index;
            REMAP(t);
            c->syms[i].index = (uint32_t)t;
        }
#undef REMAP
    /* the interned types moved: index them again (the first of a key wins,
     * as a scan in table order would find it) */
    memset(&c->type_ids, 0, sizeof c->type_ids);
    for (size_t k = base; k < c->r->n_types; k++) {
        const check_type *t = &types[k];
        if (t->kind == RBC_TYPE_ENUM || t->kind == RBC_TYPE_RECORD)
            continue;
        uint64_t key = check_ikey(t->kind, t->kind == RBC_TYPE_LIJST ? (uint32_t)(t->elem + 1) : 0);
        if (check_imap_get(&c->type_ids, key) < 0 &&
            !check_imap_put(c->a, &c->type_ids, key, (uint32_t)k))
            c->oom = true;
    }
}

/* v0.3: `waarheid (optioneel)` is refused (spec4 §1): a waarheid that can
 * be geen is a third value, which a soort says better. */
static void check_optional_field(checker *c, const ast_field *f, const char *what)
{
    if (!f->optional)
        return;
    if (f->type.kind == AST_TYPE_WAARHEID)
        diag_report(c->d, DIAG_ERROR, f->optional_loc,
                    "gebruik een soort met een eigen waarde voor ‘geen’, bijvoorbeeld ‘soort "
                    "Antwoord is een van ja, nee, niet_van_toepassing’",
                    "een waarheid kan niet optioneel zijn (%s ‘%s’)", what,
                    f->name ? f->name : "?");
    else if (f->name && strcmp(f->name, "peildatum") == 0 && strcmp(what, "invoer") == 0)
        diag_report(c->d, DIAG_ERROR, f->optional_loc,
                    "laat ‘(optioneel)’ weg; een ontbrekende peildatum is onbekend",
                    "‘peildatum’ kan niet optioneel zijn");
}

static void check_optional_decls(checker *c)
{
    for (size_t i = 0; i < c->p->n_decls; i++) {
        const ast_decl *dc = &c->p->decls[i];
        switch (dc->kind) {
        case DECL_INPUT:
            check_optional_field(c, &dc->u.var, "invoer");
            break;
        case DECL_OUTCOME:
            check_optional_field(c, &dc->u.var, "uitkomst");
            break;
        case DECL_CONCEPT:
            check_optional_field(c, &dc->u.var, "begrip");
            break;
        case DECL_RECORD:
            for (size_t f = 0; dc->u.record.fields && f < dc->u.record.n_fields; f++)
                check_optional_field(c, &dc->u.record.fields[f], "veld");
            break;
        default:
            break;
        }
    }
}

/* Issue 8: the kinds an extern functie can take and return (spec8 §1). */
static bool check_extern_kind(uint8_t k)
{
    return k == RBC_TYPE_WAARHEID || k == RBC_TYPE_GETAL || k == RBC_TYPE_TEKST ||
           k == RBC_TYPE_DATUM || k == RBC_TYPE_BEDRAG;
}

/* The type of a parameter or the result of an extern functie: one of the
 * five kinds above (what = "parameter ‘van’" or "het resultaat"). */
static int32_t check_extern_type(checker *c, const ast_extern *ax, const ast_type *at,
                                 const char *what)
{
    int32_t t = check_resolve_type(c, at);
    if (t < 0)
        return CHECK_T_ERROR;
    uint8_t k = check_kind(c, t);
    if (check_extern_kind(k))
        return t;
    bool result = at == &ax->result;
    const char *hint = "een externe functie werkt met waarheid, getal, tekst, datum en bedrag";
    if (k == RBC_TYPE_DUUR)
        hint = result ? "geef bijvoorbeeld het aantal dagen of maanden terug als getal"
                      : "geef bijvoorbeeld het aantal dagen of maanden door als getal";
    else if (k == RBC_TYPE_PERIODE)
        hint = result ? "maak twee functies: één voor het begin en één voor het einde (datums)"
                      : "geef het begin en het einde door als twee datums";
    else if (k == RBC_TYPE_ENUM)
        hint = result ? "geef een tekst of waarheid terug en leid de soort af in een regel"
                      : "geef bijvoorbeeld een waarheid door (‘status is actief’), of reken in "
                        "Regel met de soort";
    else if (k == RBC_TYPE_LIJST)
        hint = result ? "een externe functie geeft één waarde terug"
                      : "roep de functie aan per element, bijvoorbeeld in ‘som van f(t.datum) "
                        "voor elke t in lijst’";
    else if (k == RBC_TYPE_RECORD)
        hint = result ? "maak een functie per veld" : "geef de velden afzonderlijk door";
    diag_report(c->d, DIAG_ERROR, at->loc, hint,
                "%s van externe functie ‘%s’ is van het type %s; een externe functie kent "
                "alleen waarheid, getal, tekst, datum en bedrag",
                what, ax->name ? ax->name : "?", check_type_name(c, t));
    return CHECK_T_ERROR;
}

/* Issue 8: parameter count, unique parameter names, and the types of every
 * extern functie (before check_order_records, which renumbers them). */
static void check_extern_types(checker *c)
{
    check_result *r = c->r;
    size_t xi = 0;
    for (size_t i = 0; i < c->p->n_decls && xi < r->n_externs; i++) {
        const ast_decl *dc = &c->p->decls[i];
        if (dc->kind != DECL_EXTERN)
            continue;
        const ast_extern *ax = &dc->u.ext;
        check_extern *ce = &r->externs[xi++];
        if (ce->n_params > RBC_MAX_EXTERN_PARAMS)
            diag_report(c->d, DIAG_ERROR, ax->params[RBC_MAX_EXTERN_PARAMS].loc,
                        "geef samenhangende waarden bijvoorbeeld door als één tekst",
                        "externe functie ‘%s’ heeft %zu parameters; het maximum is %d", ce->name,
                        ce->n_params, RBC_MAX_EXTERN_PARAMS);
        const char **pnames = check_alloc(c, ce->n_params, sizeof *pnames);
        for (size_t k = 0; pnames && ce->params && k < ce->n_params; k++)
            pnames[k] = ax->params[k].name;
        int32_t *same = pnames ? check_first_same(c, pnames, ce->params ? ce->n_params : 0) : NULL;
        if (!same)
            return;
        for (size_t k = 0; ce->params && k < ce->n_params; k++) {
            const ast_field *f = &ax->params[k];
            if (same[k] >= 0) {
                diag_report(c->d, DIAG_ERROR, f->loc, "geef elke parameter een eigen naam",
                            "externe functie ‘%s’ heeft twee parameters met de naam ‘%s’", ce->name,
                            f->name);
                check_note_here(c, ax->params[same[k]].loc);
            }
            strbuf what = STRBUF_INIT;
            sb_printf(&what, "parameter ‘%s’", f->name ? f->name : "?");
            ce->params[k] = check_extern_type(c, ax, &f->type, what.data ? what.data : "?");
            sb_free(&what);
        }
        ce->result = check_extern_type(c, ax, &ax->result, "het resultaat");
    }
}

static void check_declarations(checker *c)
{
    ast_policy *p = c->p;
    size_t n_inputs = 0, n_outcomes = 0, n_rules = 0, n_members = 0, r_params = 0, n_externs = 0;
    for (size_t i = 0; i < p->n_decls; i++) {
        switch (p->decls[i].kind) {
        case DECL_ENUM:
            c->n_enums++;
            n_members += p->decls[i].u.enumeration.n_members;
            break;
        case DECL_RECORD:
            c->n_records++;
            break;
        case DECL_INPUT:
            n_inputs++;
            break;
        case DECL_OUTCOME:
        case DECL_CONCEPT:
            n_outcomes++;
            break;
        case DECL_RULE:
            n_rules++;
            break;
        case DECL_PARAM:
            r_params++;
            break;
        case DECL_SCENARIO: /* v0.4: checked last (check_scenarios) */
            break;
        case DECL_EXTERN: /* issue 8 */
            n_externs++;
            break;
        }
    }
    check_result *r = c->r;
    r->n_types = 3 + c->n_enums + c->n_records;
    c->cap_types = r->n_types + 8;
    r->types = check_alloc(c, c->cap_types, sizeof *r->types);
    r->inputs = check_alloc(c, n_inputs + 1, sizeof *r->inputs); /* + an implicit peildatum */
    r->params = check_alloc(c, r_params, sizeof *r->params);
    r->outcomes = check_alloc(c, n_outcomes, sizeof *r->outcomes);
    r->rules = check_alloc(c, n_rules, sizeof *r->rules);
    r->externs = check_alloc(c, n_externs, sizeof *r->externs);
    c->syms = check_alloc(c, p->n_decls + 1, sizeof *c->syms);
    c->mrefs = check_alloc(c, n_members, sizeof *c->mrefs);
    c->records = check_alloc(c, c->n_records, sizeof *c->records);
    c->deps = check_alloc(c, n_outcomes, sizeof *c->deps);
    c->rule_next = check_alloc(c, n_rules, sizeof *c->rule_next);
    c->rule_tail = check_alloc(c, n_rules, sizeof *c->rule_tail);
    c->rule_count = check_alloc(c, n_rules, sizeof *c->rule_count);
    if (c->oom)
        return;
    static const char *const builtin[3] = {"waarheid", "getal", "tekst"};
    static const uint8_t builtin_kind[3] = {RBC_TYPE_WAARHEID, RBC_TYPE_GETAL, RBC_TYPE_TEKST};
    for (int i = 0; i < 3; i++) {
        r->types[i].kind = builtin_kind[i];
        r->types[i].name = builtin[i];
    }

    /* Names of types, facts, outcomes and begrippen; rule names. */
    size_t ne = 0, nrec = 0;
    for (size_t i = 0; i < p->n_decls; i++) {
        ast_decl *dc = &p->decls[i];
        switch (dc->kind) {
        case DECL_ENUM: {
            ast_enum *en = &dc->u.enumeration;
            check_type *t = &r->types[3 + ne];
            t->kind = RBC_TYPE_ENUM;
            t->name = en->name ? en->name : "?";
            t->loc = en->loc;
            t->members = en->members;
            t->n_members = en->members ? en->n_members : 0;
            check_declare(c, SYM_ENUM, (uint32_t)(3 + ne), en->name, en->loc);
            ne++;
            break;
        }
        case DECL_RECORD: {
            ast_record *rec = &dc->u.record;
            check_type *t = &r->types[3 + c->n_enums + nrec];
            t->kind = RBC_TYPE_RECORD;
            t->name = rec->name ? rec->name : "?";
            t->loc = rec->loc;
            t->fields = rec->fields;
            t->n_fields = rec->fields ? rec->n_fields : 0;
            t->field_types = check_alloc(c, t->n_fields, sizeof *t->field_types);
            c->records[nrec] = rec;
            check_declare(c, SYM_RECORD, (uint32_t)(3 + c->n_enums + nrec), rec->name, rec->loc);
            nrec++;
            break;
        }
        case DECL_INPUT: {
            check_var *v = &r->inputs[r->n_inputs];
            v->kind = CHECK_INPUT;
            v->name = dc->u.var.name ? dc->u.var.name : "?";
            v->loc = dc->u.var.loc;
            v->type = CHECK_T_ERROR;
            /* an optional waarheid is an error (check_optional_decls); no cascade */
            v->optional = dc->u.var.optional && dc->u.var.type.kind != AST_TYPE_WAARHEID;
            v->vraag = dc->u.var.vraag;
            v->nonnegative = dc->u.var.nonnegative;
            check_declare(c, SYM_INPUT, (uint32_t)r->n_inputs, dc->u.var.name, dc->u.var.loc);
            r->n_inputs++;
            break;
        }
        case DECL_OUTCOME:
        case DECL_CONCEPT: {
            check_var *v = &r->outcomes[r->n_outcomes];
            v->kind = dc->kind == DECL_OUTCOME ? CHECK_OUTCOME : CHECK_CONCEPT;
            v->name = dc->u.var.name ? dc->u.var.name : "?";
            v->loc = dc->u.var.loc;
            v->type = CHECK_T_ERROR;
            v->optional = dc->u.var.optional && dc->u.var.type.kind != AST_TYPE_WAARHEID;
            check_declare(c, SYM_OUTCOME, (uint32_t)r->n_outcomes, dc->u.var.name, dc->u.var.loc);
            r->n_outcomes++;
            break;
        }
        case DECL_RULE: {
            ast_rule *ru = &dc->u.rule;
            check_rule *cr = &r->rules[r->n_rules];
            cr->ast = ru;
            cr->outcome = -1;
            cr->parent = -1;
            cr->vanaf = ru->validity.has_from ? (int32_t)ru->validity.from : -1;
            cr->tot = ru->validity.has_until ? (int32_t)ru->validity.until : -1;
            c->rule_next[r->n_rules] = -1;
            if (ru->name) {
                long old = check_map_get(&c->rules, ru->name);
                if (old >= 0) {
                    c->rule_next[c->rule_tail[old]] = (int32_t)r->n_rules;
                    c->rule_tail[old] = (int32_t)r->n_rules;
                    c->rule_count[old]++;
                } else {
                    c->rule_tail[r->n_rules] = (int32_t)r->n_rules;
                    c->rule_count[r->n_rules] = 1;
                }
                /* Versions of one rule (both with a validity) are checked for
                 * overlap in check_rule_versions. */
                if (old >= 0 && !ru->validity.has_from && !ru->validity.has_until &&
                    !r->rules[old].ast->validity.has_from &&
                    !r->rules[old].ast->validity.has_until) {
                    char hint[512];
                    snprintf(hint, sizeof hint,
                             "geef elke regel een eigen naam; is deze regel een uitzondering op "
                             "de eerste, schrijf dan ‘uitzondering \"…\" op \"%s\"’",
                             ru->name);
                    diag_report(c->d, DIAG_ERROR, ru->loc, hint,
                                "er is al een regel met de naam ‘%s’", ru->name);
                    check_note_here(c, r->rules[old].ast->loc);
                } else if (old < 0 &&
                           !check_map_put(c->a, &c->rules, ru->name, (uint32_t)r->n_rules)) {
                    c->oom = true;
                }
            }
            r->n_rules++;
            break;
        }
        case DECL_PARAM: {
            ast_param *pa = &dc->u.param;
            check_param *cp = &r->params[r->n_params];
            cp->name = pa->name ? pa->name : "?";
            cp->loc = pa->loc;
            cp->type = CHECK_T_ERROR;
            check_declare(c, SYM_PARAM, (uint32_t)r->n_params, pa->name, pa->loc);
            r->n_params++;
            break;
        }
        case DECL_SCENARIO:
            break;
        case DECL_EXTERN: { /* issue 8 */
            ast_extern *ax = &dc->u.ext;
            check_extern *ce = &r->externs[r->n_externs];
            ce->name = ax->name ? ax->name : "?";
            ce->loc = ax->loc;
            ce->result = CHECK_T_ERROR;
            ce->n_params = ax->params ? ax->n_params : 0;
            ce->params = check_alloc(c, ce->n_params, sizeof *ce->params);
            for (size_t k = 0; ce->params && k < ce->n_params; k++)
                ce->params[k] = CHECK_T_ERROR;
            check_declare(c, SYM_EXTERN, (uint32_t)r->n_externs, ax->name, ax->loc);
            r->n_externs++;
            break;
        }
        }
        if (c->oom)
            return;
    }

    /* Enumeration members: unique within their soort, distinct from facts,
     * outcomes and begrippen. */
    for (size_t i = 0, k_enum = 0; i < p->n_decls && k_enum < c->n_enums; i++) {
        if (p->decls[i].kind != DECL_ENUM)
            continue;
        size_t ti = 3 + k_enum++;
        const ast_enum *en = &p->decls[i].u.enumeration;
        check_type *t = &r->types[ti];
        int32_t *same = check_first_same(c, t->members, t->n_members);
        if (!same)
            return;
        for (size_t m = 0; m < t->n_members; m++) {
            const char *name = t->members[m];
            ast_loc loc = en && en->member_locs ? en->member_locs[m] : t->loc;
            if (!name)
                continue;
            if (same[m] >= 0) {
                size_t k = (size_t)same[m];
                diag_report(c->d, DIAG_ERROR, loc, NULL, "‘%s’ komt twee keer voor in soort ‘%s’",
                            name, t->name);
                check_note_here(c, en && en->member_locs ? en->member_locs[k] : t->loc);
                continue;
            }
            const check_sym *s = check_lookup(c, name);
            if (s && (s->kind == SYM_INPUT || s->kind == SYM_OUTCOME || s->kind == SYM_EXTERN)) {
                diag_report(c->d, DIAG_ERROR, loc, NULL,
                            "waarde ‘%s’ van soort ‘%s’ heeft dezelfde naam als %s ‘%s’", name,
                            t->name, check_sym_kind_name(s->kind, c, s->index), name);
                diag_report(c->d, DIAG_NOTE, s->loc, NULL, "%s ‘%s’ is hier gedeclareerd",
                            check_sym_kind_name(s->kind, c, s->index), name);
            }
            member_ref *mr = &c->mrefs[c->n_mrefs];
            mr->type = (int32_t)ti;
            mr->member = (uint32_t)m;
            mr->next = -1;
            long head = check_map_get(&c->members, name);
            if (head < 0) {
                mr->last = (int32_t)c->n_mrefs;
                mr->count = 1;
                if (!check_map_put(c->a, &c->members, name, (uint32_t)c->n_mrefs))
                    c->oom = true;
            } else {
                member_ref *h = &c->mrefs[head];
                c->mrefs[h->last].next = (int32_t)c->n_mrefs;
                h->last = (int32_t)c->n_mrefs;
                h->count++;
            }
            c->n_mrefs++;
        }
    }

    /* Record fields: unique names, resolved types. (r->types may move while
     * types are added, so t is fetched again after each resolution.) */
    for (size_t k = 0; k < c->n_records; k++) {
        size_t ti = 3 + c->n_enums + k;
        size_t nf = r->types[ti].n_fields;
        const char **fnames = check_alloc(c, nf, sizeof *fnames);
        if (!fnames)
            return;
        for (size_t f = 0; f < nf; f++)
            fnames[f] = r->types[ti].fields[f].name;
        int32_t *same = check_first_same(c, fnames, nf);
        if (!same)
            return;
        for (size_t f = 0; f < nf; f++) {
            int32_t ft = check_resolve_type(c, &r->types[ti].fields[f].type);
            check_type *t = &r->types[ti];
            const ast_field *fd = &t->fields[f];
            t->field_types[f] = ft;
            if (same[f] >= 0) {
                diag_report(c->d, DIAG_ERROR, fd->loc, NULL,
                            "gegeven ‘%s’ heeft twee velden met de naam ‘%s’", t->name, fd->name);
                check_note_here(c, t->fields[same[f]].loc);
            }
        }
    }

    /* Types of facts, outcomes and begrippen. */
    size_t ii = 0, oi = 0, pi = 0;
    for (size_t i = 0; i < p->n_decls; i++) {
        ast_decl *dc = &p->decls[i];
        if (dc->kind == DECL_INPUT)
            r->inputs[ii++].type = check_resolve_type(c, &dc->u.var.type);
        else if (dc->kind == DECL_OUTCOME || dc->kind == DECL_CONCEPT)
            r->outcomes[oi++].type = check_resolve_type(c, &dc->u.var.type);
        else if (dc->kind == DECL_PARAM)
            r->params[pi++].type = check_resolve_type(c, &dc->u.param.type);
    }
    check_extern_types(c);
    check_order_records(c);
    check_optional_decls(c);

    /* peildatum: a predeclared invoer of type datum; the policy may declare it. */
    const check_sym *ps = check_lookup(c, "peildatum");
    if (ps && ps->kind == SYM_INPUT) {
        check_var *v = &r->inputs[ps->index];
        if (v->type >= 0 && check_kind(c, v->type) != RBC_TYPE_DATUM) {
            const ast_type *at = NULL;
            for (size_t i = 0; i < p->n_decls && !at; i++)
                if (p->decls[i].kind == DECL_INPUT && p->decls[i].u.var.name &&
                    strcmp(p->decls[i].u.var.name, "peildatum") == 0)
                    at = &p->decls[i].u.var.type;
            diag_report(c->d, DIAG_ERROR, at ? at->loc : v->loc,
                        "schrijf ‘invoer peildatum: datum’, of laat de declaratie weg",
                        "‘peildatum’ is de datum waarop het beleid wordt toegepast en moet van het "
                        "type datum zijn, niet %s",
                        check_type_name(c, v->type));
            v->type = CHECK_T_ERROR;
        }
        r->peildatum = (int32_t)ps->index;
    } else if (ps) {
        diag_report(c->d, DIAG_ERROR, ps->loc, "kies een andere naam",
                    "‘peildatum’ is de vooraf gedeclareerde invoer (datum) en kan geen %s zijn",
                    check_sym_kind_name(ps->kind, c, ps->index));
    }
}

/* The INPUTS index of peildatum, declaring it (at the end of INPUTS) on first
 * need; -1 when the name is taken by something else (already reported). */
static int32_t check_need_peildatum(checker *c)
{
    check_result *r = c->r;
    if (r->peildatum >= 0) {
        r->inputs[r->peildatum].used = true;
        return r->peildatum;
    }
    if (check_lookup(c, "peildatum"))
        return -1;
    check_var *v = &r->inputs[r->n_inputs];
    memset(v, 0, sizeof *v);
    v->kind = CHECK_INPUT;
    v->name = "peildatum";
    v->type = check_t(c, RBC_TYPE_DATUM);
    v->used = true;
    check_declare(c, SYM_INPUT, (uint32_t)r->n_inputs, "peildatum", v->loc);
    r->peildatum = (int32_t)r->n_inputs++;
    return r->peildatum;
}

/* --------------------------------------------------------- expressions */

static void check_add_dep(checker *c, uint32_t to, ast_loc loc)
{
    if (c->cur_outcome < 0)
        return;
    dep_list *dl = &c->deps[c->cur_outcome];
    uint64_t key = check_ikey((uint32_t)c->cur_outcome, to);
    if (check_imap_get(&c->dep_seen, key) >= 0)
        return;
    if (!check_imap_put(c->a, &c->dep_seen, key, 0)) {
        c->oom = true;
        return;
    }
    if (dl->n == dl->cap) {
        size_t ncap = dl->cap ? dl->cap * 2 : 4;
        dep_edge *ne = arena_grow(c->a, dl->e, dl->n * sizeof *ne, ncap * sizeof *ne);
        if (!ne) {
            c->oom = true;
            return;
        }
        dl->e = ne;
        dl->cap = ncap;
    }
    dl->e[dl->n].to = to;
    dl->e[dl->n].loc = loc;
    dl->n++;
}

/* ---- v0.3: geen and the optional discipline ---- */

/* The bare word `geen` when it names nothing declared (no fact, outcome,
 * element): then it is none, or a soort member `geen` (spec4 §1). */
static bool check_is_geen_word(const checker *c, const ast_expr *e)
{
    if (!e || e->kind != EX_NAME || !e->u.name.name || strcmp(e->u.name.name, "geen") != 0)
        return false;
    for (size_t i = 0; i < c->n_scope; i++)
        if (strcmp(c->scope_names[i], "geen") == 0)
            return false;
    return check_lookup(c, "geen") == NULL;
}

static bool check_enum_has_geen(checker *c, int32_t t)
{
    if (t < 0 || (size_t)t >= c->r->n_types || c->r->types[t].kind != RBC_TYPE_ENUM)
        return false;
    return check_in_type(c, t, "geen") >= 0;
}

/* A name or a chain of fields (x, x.a.b) as text in buf; false otherwise. */
static bool check_path_text(const ast_expr *e, strbuf *sb)
{
    if (!e)
        return false;
    if (e->kind == EX_NAME && e->u.name.name) {
        sb_puts(sb, e->u.name.name);
        return true;
    }
    if (e->kind == EX_FIELD && e->u.field.field && check_path_text(e->u.field.rec, sb)) {
        sb_printf(sb, ".%s", e->u.field.field);
        return true;
    }
    return false;
}

/* The same path: same names, resolved the same way. */
static bool check_same_path(const ast_expr *a, const ast_expr *b)
{
    if (!a || !b || a->kind != b->kind)
        return false;
    if (a->kind == EX_NAME)
        return a->u.name.name && b->u.name.name && strcmp(a->u.name.name, b->u.name.name) == 0 &&
               a->res.kind == b->res.kind && a->res.index == b->res.index;
    if (a->kind == EX_FIELD)
        return a->u.field.field && b->u.field.field &&
               strcmp(a->u.field.field, b->u.field.field) == 0 &&
               check_same_path(a->u.field.rec, b->u.field.rec);
    return false;
}

static bool check_is_path(const ast_expr *e)
{
    return e && (e->kind == EX_NAME || (e->kind == EX_FIELD && check_is_path(e->u.field.rec)));
}

/* `geen` resolved as none (REF_GEEN). */
static bool check_is_none(const ast_expr *e)
{
    return e && e->kind == EX_NAME && e->res.kind == REF_GEEN;
}

static void check_narrow_push(checker *c, const ast_expr *path)
{
    if (c->n_narrow == c->cap_narrow) {
        size_t ncap = c->cap_narrow ? c->cap_narrow * 2 : 8;
        const ast_expr **nn =
            arena_grow(c->a, c->narrow, c->cap_narrow * sizeof *nn, ncap * sizeof *nn);
        if (!nn) {
            c->oom = true;
            return;
        }
        c->narrow = nn;
        c->cap_narrow = ncap;
    }
    c->narrow[c->n_narrow++] = path;
}

/* Push the paths that cannot be geen when the (checked) condition `cond` is
 * waar (when_true) or onwaar: `P is niet geen` conjuncts, `P is geen`
 * disjuncts. Sound under Kleene logic: IS_GEEN of an onbekend P is onbekend,
 * and an onbekend P is never geen. */
static void check_push_facts(checker *c, const ast_expr *cond, bool when_true)
{
    if (!cond)
        return;
    if (cond->kind == EX_NOT) {
        check_push_facts(c, cond->u.unary.operand, !when_true);
        return;
    }
    if (cond->kind != EX_BINARY)
        return;
    const ast_expr *l = cond->u.binary.lhs, *r = cond->u.binary.rhs;
    ast_binop op = cond->u.binary.op;
    if ((op == BIN_AND && when_true) || (op == BIN_OR && !when_true)) {
        check_push_facts(c, l, when_true);
        check_push_facts(c, r, when_true);
        return;
    }
    if ((op == BIN_NE && when_true) || (op == BIN_EQ && !when_true)) {
        const ast_expr *p = check_is_none(r) ? l : check_is_none(l) ? r : NULL;
        if (p && check_is_path(p))
            check_narrow_push(c, p);
    }
}

static bool check_narrowed(const checker *c, const ast_expr *e)
{
    for (size_t i = c->n_narrow; i-- > 0;)
        if (check_same_path(c->narrow[i], e))
            return true;
    return false;
}

static ast_loc check_span(ast_loc a, ast_loc b)
{
    ast_loc r = a;
    if (b.off < a.off) {
        r = b;
        b = a;
    }
    if (b.end_off > r.end_off) {
        r.end_line = b.end_line;
        r.end_col = b.end_col;
        r.end_off = b.end_off;
    }
    return r;
}

/* The whole text of an expression: operator nodes carry only their
 * operator's location (parse.c), so widen them over their operands. */
static ast_loc check_full_loc(const ast_expr *e)
{
    switch (e->kind) {
    case EX_BINARY:
    case EX_BEVAT:
    case EX_DUURT:
    case EX_CLIP:
        if (e->u.binary.lhs && e->u.binary.rhs)
            return check_span(check_span(check_full_loc(e->u.binary.lhs), e->loc),
                              check_full_loc(e->u.binary.rhs));
        return e->loc;
    case EX_NOT:
    case EX_NEG:
    case EX_MERGE:
    case EX_KNOWN:
    case EX_UNKNOWN:
        return e->u.unary.operand ? check_span(e->loc, check_full_loc(e->u.unary.operand)) : e->loc;
    case EX_ROUND:
        return e->u.round.operand ? check_span(e->loc, check_full_loc(e->u.round.operand)) : e->loc;
    case EX_IN: {
        ast_loc l = e->loc;
        if (e->u.in.lhs)
            l = check_span(l, check_full_loc(e->u.in.lhs));
        if (e->u.in.items && e->u.in.n_items && e->u.in.items[e->u.in.n_items - 1])
            l = check_span(l, check_full_loc(e->u.in.items[e->u.in.n_items - 1]));
        return l;
    }
    default:
        return e->loc;
    }
}

/* A condition (and/of/niet/indien/waarvoor/geldt operand) must be waar or
 * onwaar: an optional waarheid (a field of an optional gegeven) is refused. */
static void check_cond_not_geen(checker *c, const ast_expr *e)
{
    if (!e || e->type != CHECK_T_WAARHEID || !e->opt_from)
        return;
    char hint[512];
    snprintf(hint, sizeof hint,
             "schrijf eerst een voorwaarde met ‘is niet geen’, bijvoorbeeld ‘%s is niet geen en "
             "…’",
             e->opt_from);
    diag_report(c->d, DIAG_ERROR, check_full_loc(e), hint,
                "deze voorwaarde kan geen zijn (‘%s’ is optioneel), maar een voorwaarde moet waar "
                "of onwaar zijn",
                e->opt_from);
}

/* The word `geen` where a value of type t is wanted: none when t may be
 * geen (opt), the member when t is a soort with a member `geen`; otherwise
 * an error that names `subject` (already quoted text) with the hint. */
static int32_t check_geen_value(checker *c, ast_expr *e, int32_t t, bool opt, const char *subject,
                                const char *hint);

/* A bare name that is no fact, outcome or begrip but a member of more than
 * one soort: it takes its soort from the context, so the other operand of a
 * comparison is checked first. */
static bool check_needs_context(const checker *c, const ast_expr *e)
{
    if (!e || e->kind != EX_NAME || !e->u.name.name || check_lookup(c, e->u.name.name))
        return false;
    long head = check_map_get(&c->members, e->u.name.name);
    return head >= 0 && c->mrefs[head].next >= 0;
}

/* "waar" or "onwaar" for an everyday or English word for it (ja, nee,
 * true, false), or NULL. */
static const char *check_truth_word(const char *name)
{
    static const char *const yes[] = {"ja", "Ja", "JA", "true", "True", "TRUE", "yes", "juist"};
    static const char *const no[] = {"nee",   "Nee",   "NEE", "false",
                                     "False", "FALSE", "no",  "onjuist"};
    for (size_t i = 0; name && i < sizeof yes / sizeof yes[0]; i++)
        if (strcmp(name, yes[i]) == 0)
            return "waar";
    for (size_t i = 0; name && i < sizeof no / sizeof no[0]; i++)
        if (strcmp(name, no[i]) == 0)
            return "onwaar";
    return NULL;
}

/* "a, b en c": the values of soort t. */
static void check_put_members(const checker *c, strbuf *sb, int32_t t)
{
    const check_type *ty = &c->r->types[t];
    for (size_t m = 0; m < ty->n_members; m++)
        sb_printf(sb, "%s%s", m == 0 ? "" : m + 1 == ty->n_members ? " en " : ", ", ty->members[m]);
}

static void check_unknown_name(checker *c, const ast_expr *e, int32_t expected)
{
    const char *truth = check_truth_word(e->u.name.name);
    if (truth && (expected < 0 || expected == CHECK_T_WAARHEID)) {
        char hint[128];
        snprintf(hint, sizeof hint, "een waarheid is ‘waar’ of ‘onwaar’: schrijf ‘%s’", truth);
        diag_report(c->d, DIAG_ERROR, e->loc, hint, "‘%s’ is geen woord van Regel", e->u.name.name);
        return;
    }
    if (expected >= 0 && c->r->types[expected].kind == RBC_TYPE_ENUM && c->n_scope == 0 &&
        e->u.name.name) {
        /* a misspelt value of a soort: `register is vreemdelingregister` */
        const check_type *ty = &c->r->types[expected];
        const char *sg = diag_suggest(e->u.name.name, ty->members, ty->n_members);
        bool other = false;
        for (size_t i = 0; !sg && i < c->r->n_inputs; i++)
            other = other || diag_suggest(e->u.name.name, &c->r->inputs[i].name, 1) != NULL;
        for (size_t i = 0; !sg && i < c->r->n_outcomes; i++)
            other = other || diag_suggest(e->u.name.name, &c->r->outcomes[i].name, 1) != NULL;
        if (!other) {
            strbuf hint = STRBUF_INIT;
            if (sg) {
                sb_printf(&hint, "bedoelde u ‘%s’?", sg);
            } else {
                sb_printf(&hint, "de waarden van %s zijn ", ty->name);
                check_put_members(c, &hint, expected);
            }
            diag_report(c->d, DIAG_ERROR, e->loc, hint.data, "‘%s’ is geen waarde van soort %s",
                        e->u.name.name, ty->name);
            sb_free(&hint);
            return;
        }
    }
    if (e->u.name.name && strcmp(e->u.name.name, "geen") == 0) {
        diag_report(c->d, DIAG_ERROR, e->loc,
                    "‘geen’ is de waarde van iets optioneels dat er niet is; het staat in ‘x is "
                    "geen’, ‘x is niet geen’, of als conclusie van een optionele uitkomst",
                    "‘geen’ kan hier niet staan");
        return;
    }
    const check_result *r = c->r;
    bool plain = !(expected >= 0 && r->types[expected].kind == RBC_TYPE_ENUM) && c->n_scope == 0;
    /* without a near miss: say how a name comes to exist */
    strbuf fallback = STRBUF_INIT;
    if (e->u.name.name)
        sb_printf(&fallback,
                  "een invoer, uitkomst of begrip wordt eerst gedeclareerd, bijvoorbeeld "
                  "‘invoer %s: %s.’",
                  e->u.name.name, expected >= 0 ? check_type_name(c, expected) : "waarheid");
    if (plain && c->plain_cands && c->plain_inputs == r->n_inputs) {
        check_unknown_in(c, e->loc, c->plain_cands, c->n_plain_cands, c->plain_id, e->u.name.name,
                         "onbekende naam", fallback.data);
        sb_free(&fallback);
        return;
    }
    size_t cap = r->n_inputs + r->n_outcomes + c->n_mrefs + r->n_params + c->n_scope;
    const char **cands = check_alloc(c, cap, sizeof *cands);
    size_t n = 0;
    if (cands) {
        bool enum_ctx = expected >= 0 && r->types[expected].kind == RBC_TYPE_ENUM;
        if (enum_ctx)
            for (size_t m = 0; m < r->types[expected].n_members; m++)
                cands[n++] = r->types[expected].members[m];
        for (size_t i = 0; i < r->n_inputs; i++)
            cands[n++] = r->inputs[i].name;
        for (size_t i = 0; i < r->n_outcomes; i++)
            cands[n++] = r->outcomes[i].name;
        for (size_t i = 0; i < r->n_params; i++)
            cands[n++] = r->params[i].name;
        for (size_t i = 0; i < c->n_scope; i++)
            cands[n++] = c->scope_names[i];
        if (!enum_ctx)
            for (size_t i = 0; i < c->n_mrefs; i++)
                cands[n++] = r->types[c->mrefs[i].type].members[c->mrefs[i].member];
    }
    if (plain && cands) { /* the same list for every such name: keep it */
        c->plain_cands = cands;
        c->n_plain_cands = n;
        c->plain_inputs = r->n_inputs;
        c->plain_id = ++c->n_lists;
        check_unknown_in(c, e->loc, cands, n, c->plain_id, e->u.name.name, "onbekende naam",
                         fallback.data);
        sb_free(&fallback);
        return;
    }
    check_unknown_in(c, e->loc, cands, n, 0, e->u.name.name, "onbekende naam", fallback.data);
    sb_free(&fallback);
}

static int32_t check_name(checker *c, ast_expr *e, int32_t expected)
{
    const char *name = e->u.name.name;
    if (!name)
        return CHECK_T_ERROR;
    for (size_t i = c->n_scope; i-- > 0;)
        if (strcmp(c->scope_names[i], name) == 0) {
            e->res.kind = REF_ELEMENT;
            e->res.index = (uint32_t)i;
            return c->scope_types[i];
        }
    if (strcmp(name, "peildatum") == 0 && !check_lookup(c, name))
        check_need_peildatum(c);
    const check_sym *s = check_lookup(c, name);
    if (s) {
        switch (s->kind) {
        case SYM_PARAM:
            e->res.kind = REF_PARAM;
            e->res.index = s->index;
            check_need_peildatum(c);
            return c->r->params[s->index].type;
        case SYM_INPUT:
            e->res.kind = REF_INPUT;
            e->res.index = s->index;
            c->r->inputs[s->index].used = true;
            if (c->r->inputs[s->index].optional)
                e->opt_from = c->r->inputs[s->index].name;
            return c->r->inputs[s->index].type;
        case SYM_OUTCOME:
            e->res.kind = REF_OUTCOME;
            e->res.index = s->index;
            c->r->outcomes[s->index].used = true;
            check_add_dep(c, s->index, e->loc);
            if (c->r->outcomes[s->index].optional)
                e->opt_from = c->r->outcomes[s->index].name;
            return c->r->outcomes[s->index].type;
        case SYM_ENUM:
            diag_report(c->d, DIAG_ERROR, e->loc, NULL, "‘%s’ is een soort, geen waarde", name);
            return CHECK_T_ERROR;
        case SYM_RECORD:
            diag_report(c->d, DIAG_ERROR, e->loc, NULL, "‘%s’ is een gegeven-type, geen waarde",
                        name);
            return CHECK_T_ERROR;
        case SYM_EXTERN: {
            const check_extern *ce = &c->r->externs[s->index];
            char hint[512];
            snprintf(hint, sizeof hint, "roep haar aan met %s: ‘%s(%s)’",
                     ce->n_params == 0 ? "lege haakjes" : "argumenten tussen haakjes", name,
                     ce->n_params == 0 ? "" : "…");
            diag_report(c->d, DIAG_ERROR, e->loc, hint, "‘%s’ is een externe functie, geen waarde",
                        name);
            return CHECK_T_ERROR;
        }
        }
    }
    long head = check_map_get(&c->members, name);
    if (head < 0) {
        check_unknown_name(c, e, expected);
        return CHECK_T_ERROR;
    }
    /* the soort expected, when it has this member; chains are in soort order */
    const member_ref *pick = NULL;
    member_ref want = {expected, 0, -1, -1, 0};
    size_t count = c->mrefs[head].count;
    if (expected >= 0 && c->r->types[expected].kind == RBC_TYPE_ENUM) {
        long m = check_in_type(c, expected, name);
        if (m >= 0) {
            want.member = (uint32_t)m;
            pick = &want;
        }
    }
    /* One soort only, or a soort expected that does not have it: take the
     * first, and the caller reports the type mismatch with both names. */
    if (!pick && (count == 1 || (expected >= 0 && c->r->types[expected].kind == RBC_TYPE_ENUM)))
        pick = &c->mrefs[head];
    if (!pick) {
        strbuf list = STRBUF_INIT, hint = STRBUF_INIT;
        for (long i = head; i >= 0; i = c->mrefs[i].next)
            sb_printf(&list, "%s%s", i == head ? "" : ", ", check_type_name(c, c->mrefs[i].type));
        const char *first = check_type_name(c, c->mrefs[head].type);
        if (count == 2)
            sb_printf(&hint, "schrijf ‘%s.%s’ of ‘%s.%s’", first, name,
                      check_type_name(c, c->mrefs[c->mrefs[head].next].type), name);
        else
            sb_printf(&hint, "schrijf de soort erbij, bijvoorbeeld ‘%s.%s’", first, name);
        diag_report(c->d, DIAG_ERROR, e->loc, hint.data,
                    "‘%s’ hoort bij meerdere soorten (%s); uit de context blijkt niet welke", name,
                    list.data ? list.data : "");
        sb_free(&list);
        sb_free(&hint);
        return CHECK_T_ERROR;
    }
    e->res.kind = REF_MEMBER;
    e->res.index = (uint32_t)pick->type;
    e->res.aux = pick->member;
    return pick->type;
}

static int32_t check_expr(checker *c, ast_expr *e, int32_t expected);
static bool check_is_declared(const checker *c, sym_kind kind, size_t index, const char *name);

static int32_t check_field(checker *c, ast_expr *e)
{
    ast_expr *rec = e->u.field.rec;
    const char *field = e->u.field.field;
    if (!rec || !field)
        return CHECK_T_ERROR;
    check_result *r = c->r;
    if (rec->kind == EX_NAME && rec->u.name.name) {
        const check_sym *s = check_lookup(c, rec->u.name.name);
        if (s && s->kind == SYM_ENUM) { /* Soort.member */
            long m = check_in_type(c, (int32_t)s->index, field);
            const check_type *t = &r->types[s->index];
            if (m >= 0) {
                e->res.kind = REF_MEMBER;
                e->res.index = s->index;
                e->res.aux = (uint32_t)m;
                return (int32_t)s->index;
            }
            const char *sg = diag_suggest(field, t->members, t->n_members);
            char hint[512];
            if (sg)
                snprintf(hint, sizeof hint, "bedoelde u ‘%s.%s’?", t->name, sg);
            diag_report(c->d, DIAG_ERROR, e->u.field.field_loc, sg ? hint : NULL,
                        "soort ‘%s’ heeft geen waarde ‘%s’", t->name, field);
            return CHECK_T_ERROR;
        }
    }
    int32_t rt = check_expr(c, rec, CHECK_T_ERROR);
    if (rt < 0)
        return CHECK_T_ERROR;
    const check_type *t = &r->types[rt];
    if (t->kind == RBC_TYPE_PERIODE) {
        if (strcmp(field, "van") == 0 || strcmp(field, "tot") == 0) {
            e->res.kind = REF_FIELD;
            e->res.index = (uint32_t)rt;
            e->res.aux = field[0] == 't';
            e->opt_from = rec->opt_from;
            return check_t(c, RBC_TYPE_DATUM);
        }
        diag_report(c->d, DIAG_ERROR, e->u.field.field_loc, "een periode heeft ‘.van’ en ‘.tot’",
                    "een periode heeft geen veld ‘%s’", field);
        return CHECK_T_ERROR;
    }
    if (t->kind != RBC_TYPE_RECORD) {
        diag_report(c->d, DIAG_ERROR, e->u.field.field_loc, NULL,
                    "alleen een gegeven heeft velden, maar dit is van het type %s", t->name);
        return CHECK_T_ERROR;
    }
    long found = check_in_type(c, rt, field);
    t = &r->types[rt];
    if (found >= 0) {
        size_t f = (size_t)found;
        {
            e->res.kind = REF_FIELD;
            e->res.index = (uint32_t)rt;
            e->res.aux = (uint32_t)f;
            /* a field of a geen gegeven is geen; so is an optional field */
            if (rec->opt_from) {
                e->opt_from = rec->opt_from;
            } else if (t->fields[f].optional && t->fields[f].type.kind != AST_TYPE_WAARHEID) {
                strbuf sb = STRBUF_INIT;
                const char *name = field;
                if (check_path_text(e, &sb) && sb.data) {
                    char *copy = check_alloc(c, strlen(sb.data) + 1, 1);
                    if (copy) {
                        memcpy(copy, sb.data, strlen(sb.data) + 1);
                        name = copy;
                    }
                }
                sb_free(&sb);
                e->opt_from = name;
            }
            return t->field_types[f];
        }
    }
    const char **cands = check_alloc(c, t->n_fields, sizeof *cands);
    if (cands)
        for (size_t f = 0; f < t->n_fields; f++)
            cands[f] = t->fields[f].name;
    const char *sg = cands ? diag_suggest(field, cands, t->n_fields) : NULL;
    char hint[512];
    if (sg)
        snprintf(hint, sizeof hint, "bedoelde u ‘%s’?", sg);
    diag_report(c->d, DIAG_ERROR, e->u.field.field_loc, sg ? hint : NULL,
                "gegeven ‘%s’ heeft geen veld ‘%s’", t->name, field);
    return CHECK_T_ERROR;
}

static const char *check_op_word(ast_binop op)
{
    switch (op) {
    case BIN_AND:
        return "en";
    case BIN_OR:
        return "of";
    default:
        return "?";
    }
}

/* ---- issue 10: type errors named in the drafter's own words ---- */

/* "een getal", "een Register", "een lijst van Toets". */
static void check_put_type(const checker *c, strbuf *sb, int32_t t)
{
    sb_printf(sb, "een %s", check_type_name(c, t));
}

/* The text of e as the drafter wrote it, when it is a name, a field or a
 * short literal: `participatie_uren`, `laatste_toets.geslaagd`, `"18"`. */
static bool check_expr_text(const ast_expr *e, strbuf *sb)
{
    if (!e)
        return false;
    switch (e->kind) {
    case EX_NAME:
    case EX_FIELD:
        return check_path_text(e, sb);
    case EX_WAAR:
        sb_puts(sb, "waar");
        return true;
    case EX_ONWAAR:
        sb_puts(sb, "onwaar");
        return true;
    case EX_NUMBER:
        if (!e->u.number.text)
            return false;
        sb_puts(sb, e->u.number.text);
        return true;
    case EX_STRING:
        if (!e->u.string.s || e->u.string.len > 40 || memchr(e->u.string.s, '\n', e->u.string.len))
            return false;
        sb_printf(sb, "\"%s\"", e->u.string.s);
        return true;
    case EX_AMOUNT:
        if (!e->u.amount.text)
            return false;
        sb_printf(sb, "%s euro", e->u.amount.text);
        return true;
    default:
        return false;
    }
}

/* `31-12-2024` or `31/12/2024` without spaces: a date written as a sum of
 * three whole numbers (day, month, year). */
static bool check_datelike(const ast_expr *e, int *d, int *m, int *y, char *sep, const char **texts)
{
    if (!e || e->kind != EX_BINARY || (e->u.binary.op != BIN_SUB && e->u.binary.op != BIN_DIV))
        return false;
    const ast_expr *first = e->u.binary.lhs, *year = e->u.binary.rhs;
    if (!first || first->kind != EX_BINARY || first->u.binary.op != e->u.binary.op)
        return false;
    const ast_expr *day = first->u.binary.lhs, *month = first->u.binary.rhs;
    const ast_expr *parts[3] = {day, month, year};
    int64_t v[3];
    for (int i = 0; i < 3; i++) {
        const ast_expr *p = parts[i];
        if (!p || p->kind != EX_NUMBER || p->u.number.value.den != 1 || !p->u.number.text ||
            strchr(p->u.number.text, ','))
            return false;
        v[i] = p->u.number.value.num;
        texts[i] = p->u.number.text;
        if (i > 0 && parts[i - 1]->loc.end_off + 1 != p->loc.off)
            return false; /* written with spaces: a real sum */
    }
    if (v[0] < 1 || v[0] > 31 || v[1] < 1 || v[1] > 12 || v[2] < 1000 || v[2] > 9999)
        return false;
    *d = (int)v[0];
    *m = (int)v[1];
    *y = (int)v[2];
    *sep = e->u.binary.op == BIN_SUB ? '-' : '/';
    return true;
}

static const char *check_month_name(int m)
{
    static const char *const months[] = {"januari",   "februari", "maart",    "april",
                                         "mei",       "juni",     "juli",     "augustus",
                                         "september", "oktober",  "november", "december"};
    return m >= 1 && m <= 12 ? months[m - 1] : "?";
}

/* A date written as `31-12-2024`: the error, where a date was wanted. */
static bool check_report_datelike(checker *c, const ast_expr *e)
{
    int d, m, y;
    char sep;
    const char *t[3];
    if (!check_datelike(e, &d, &m, &y, &sep, t))
        return false;
    char hint[256];
    snprintf(hint, sizeof hint, "schrijf ‘%04d-%02d-%02d’ of ‘%d %s %d’", y, m, d, d,
             check_month_name(m), y);
    diag_report(c->d, DIAG_ERROR, check_full_loc(e), hint,
                "‘%s%c%s%c%s’ is geen datum: Regel leest het als de berekening %s %s %s %s %s",
                t[0], sep, t[1], sep, t[2], t[0], sep == '-' ? "min" : "gedeeld door", t[1],
                sep == '-' ? "min" : "gedeeld door", t[2]);
    return true;
}

static bool check_text_is_number(const char *s)
{
    if (!s || !*s)
        return false;
    bool digit = false;
    for (const char *p = s; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digit = true;
        else if (*p != ',' && !(*p == '-' && p == s))
            return false;
    }
    return digit;
}

/* A hint for a value e of type vt where a value of type want is needed
 * (a conclusion, the other side of a comparison, a scenario value). */
static void check_mismatch_hint(checker *c, int32_t want, const ast_expr *e, int32_t vt,
                                strbuf *hint)
{
    uint8_t wk = check_kind(c, want), vk = check_kind(c, vt);
    if (!e)
        return;
    if (wk == RBC_TYPE_BEDRAG && e->kind == EX_NUMBER && e->u.number.text) {
        sb_printf(hint, "een bedrag schrijft u met ‘euro’: ‘%s euro’ of ‘€ %s’", e->u.number.text,
                  e->u.number.text);
        return;
    }
    if (wk == RBC_TYPE_GETAL && e->kind == EX_AMOUNT && e->u.amount.text) {
        sb_printf(hint, "een getal schrijft u zonder ‘euro’ of ‘€’: ‘%s’", e->u.amount.text);
        return;
    }
    if (e->kind == EX_STRING && e->u.string.s) {
        const char *s = e->u.string.s;
        if (wk == RBC_TYPE_GETAL && check_text_is_number(s)) {
            sb_printf(hint, "schrijf het getal zonder aanhalingstekens: ‘%s’", s);
            return;
        }
        if (wk == RBC_TYPE_BEDRAG && check_text_is_number(s)) {
            sb_printf(hint, "schrijf het bedrag zonder aanhalingstekens: ‘%s euro’", s);
            return;
        }
        if (wk == RBC_TYPE_DATUM) {
            sb_puts(hint, "schrijf de datum zonder aanhalingstekens, bijvoorbeeld ‘1 maart 2022’ "
                          "of ‘2022-03-01’");
            return;
        }
        if (wk == RBC_TYPE_WAARHEID) {
            bool no = strcmp(s, "nee") == 0 || strcmp(s, "onwaar") == 0 || strcmp(s, "no") == 0 ||
                      strcmp(s, "false") == 0 || strcmp(s, "Nee") == 0;
            sb_printf(hint,
                      "een waarheid is ‘waar’ of ‘onwaar’, zonder aanhalingstekens: schrijf "
                      "‘%s’",
                      no ? "onwaar" : "waar");
            return;
        }
        if (wk == RBC_TYPE_ENUM && check_in_type(c, want, s) >= 0) {
            sb_printf(hint, "schrijf de waarde zonder aanhalingstekens: ‘%s’", s);
            return;
        }
    }
    if (wk == RBC_TYPE_WAARHEID && (e->kind == EX_NUMBER)) {
        sb_puts(hint, "schrijf ‘waar’ of ‘onwaar’");
        return;
    }
    if (wk == RBC_TYPE_DATUM && vk == RBC_TYPE_GETAL) {
        sb_puts(hint, "een datum schrijft u als ‘1 maart 2022’ of ‘2022-03-01’");
        return;
    }
}

/* One side of a comparison in a message: ‘text’ (its type), a text literal
 * as "…" (tekst), or only the type when text is NULL. */
static void check_put_side(const checker *c, strbuf *msg, const ast_expr *e, const char *text,
                           int32_t t)
{
    if (text) {
        sb_printf(msg, e->kind == EX_STRING ? "%s (" : "‘%s’ (", text);
        check_put_type(c, msg, t);
        sb_puts(msg, ")");
    } else {
        check_put_type(c, msg, t);
    }
}

/* The message for a comparison of two different types. */
static void check_report_compare(checker *c, ast_loc loc, const ast_expr *lhs, const ast_expr *rhs,
                                 int32_t lt, int32_t rt)
{
    if ((check_kind(c, lt) == RBC_TYPE_DATUM && check_report_datelike(c, rhs)) ||
        (check_kind(c, rt) == RBC_TYPE_DATUM && check_report_datelike(c, lhs)))
        return;
    strbuf msg = STRBUF_INIT, hint = STRBUF_INIT, ltext = STRBUF_INIT, rtext = STRBUF_INIT;
    bool lk = check_expr_text(lhs, &ltext) && ltext.data;
    bool rk = check_expr_text(rhs, &rtext) && rtext.data;
    sb_puts(&msg, "kan ");
    check_put_side(c, &msg, lhs, lk ? ltext.data : NULL, lt);
    sb_puts(&msg, " niet vergelijken met ");
    check_put_side(c, &msg, rhs, rk ? rtext.data : NULL, rt);
    /* the hint from the side that was not a literal */
    bool rlit = rhs && rhs->kind != EX_NAME && rhs->kind != EX_FIELD;
    bool llit = lhs && lhs->kind != EX_NAME && lhs->kind != EX_FIELD;
    if (rlit)
        check_mismatch_hint(c, lt, rhs, rt, &hint);
    else if (llit)
        check_mismatch_hint(c, rt, lhs, lt, &hint);
    if (!hint.data && lk && (rhs && (rhs->kind == EX_WAAR || rhs->kind == EX_ONWAAR))) {
        uint8_t k = check_kind(c, lt);
        if (k == RBC_TYPE_GETAL)
            sb_printf(&hint,
                      "vergelijk een getal met een getal, bijvoorbeeld ‘%s is ten minste "
                      "40’",
                      ltext.data);
        else if (k == RBC_TYPE_ENUM && c->r->types[lt].n_members > 0)
            sb_printf(&hint, "vergelijk met een waarde van %s, bijvoorbeeld ‘%s is %s’",
                      check_type_name(c, lt), ltext.data, c->r->types[lt].members[0]);
    }
    if (!hint.data)
        sb_puts(&hint, "beide kanten van een vergelijking hebben hetzelfde type");
    diag_report(c->d, DIAG_ERROR, loc, hint.data, "%s", msg.data ? msg.data : "?");
    sb_free(&msg);
    sb_free(&hint);
    sb_free(&ltext);
    sb_free(&rtext);
}

/* A condition that is not a waarheid: `indien participatie_uren`. */
static void check_report_condition(checker *c, const ast_expr *cond, int32_t ct, const char *word)
{
    strbuf text = STRBUF_INIT, hint = STRBUF_INIT, type = STRBUF_INIT;
    bool named = check_expr_text(cond, &text) && text.data;
    check_put_type(c, &type, ct);
    uint8_t k = check_kind(c, ct);
    if (named && cond->kind != EX_STRING && cond->kind != EX_NUMBER) {
        if (k == RBC_TYPE_GETAL)
            sb_printf(&hint, "vergelijk het getal, bijvoorbeeld ‘%s %s is ten minste 40’", word,
                      text.data);
        else if (k == RBC_TYPE_BEDRAG)
            sb_printf(&hint,
                      "vergelijk het bedrag, bijvoorbeeld ‘%s %s is ten hoogste 1000 "
                      "euro’",
                      word, text.data);
        else if (k == RBC_TYPE_DATUM)
            sb_printf(&hint,
                      "vergelijk de datum, bijvoorbeeld ‘%s %s is ten hoogste "
                      "peildatum’",
                      word, text.data);
        else if (k == RBC_TYPE_ENUM && c->r->types[ct].n_members > 0)
            sb_printf(&hint, "vergelijk met een waarde, bijvoorbeeld ‘%s %s is %s’", word,
                      text.data, c->r->types[ct].members[0]);
        else if (k == RBC_TYPE_TEKST)
            sb_printf(&hint, "vergelijk de tekst, bijvoorbeeld ‘%s %s is \"…\"’", word, text.data);
        diag_report(c->d, DIAG_ERROR, cond->loc, hint.data,
                    "‘%s’ is %s, maar de voorwaarde na ‘%s’ moet waar of onwaar zijn", text.data,
                    type.data ? type.data : "?", word);
    } else {
        diag_report(c->d, DIAG_ERROR, cond->loc, NULL,
                    "de voorwaarde na ‘%s’ moet waar of onwaar zijn, maar dit is %s", word,
                    type.data ? type.data : "?");
    }
    sb_free(&text);
    sb_free(&hint);
    sb_free(&type);
}

/* Both operands of a comparison (or the lhs and one item of `is een van`). */
static void check_compare_types(checker *c, ast_loc loc, const ast_expr *lhs, const ast_expr *rhs,
                                int32_t lt, int32_t rt, bool order)
{
    if (lt < 0 || rt < 0)
        return;
    if (lt != rt) {
        check_report_compare(c, loc, lhs, rhs, lt, rt);
        return;
    }
    uint8_t k = check_kind(c, lt);
    if (order && k == RBC_TYPE_DUUR) {
        diag_report(c->d, DIAG_ERROR, loc,
                    "vergelijk de datums zelf, bijvoorbeeld ‘a + 2 maanden ≤ b’, of gebruik "
                    "‘periode … duurt ten minste …’",
                    "een duur kan niet geordend worden: een maand is geen vast aantal dagen");
        return;
    }
    if (order && k != RBC_TYPE_GETAL && k != RBC_TYPE_DATUM && k != RBC_TYPE_BEDRAG) {
        diag_report(c->d, DIAG_ERROR, loc, NULL,
                    "alleen getallen kunnen op grootte vergeleken worden, maar dit is van het "
                    "type %s",
                    check_type_name(c, lt));
        return;
    }
    if (k == RBC_TYPE_LIJST) {
        diag_report(c->d, DIAG_ERROR, loc, "vergelijk bijvoorbeeld het aantal elementen",
                    "een %s kan niet in zijn geheel vergeleken worden", check_type_name(c, lt));
        return;
    }
    if (c->r->types[lt].kind == RBC_TYPE_RECORD)
        diag_report(c->d, DIAG_ERROR, loc, "vergelijk de velden afzonderlijk",
                    "een gegeven van het type %s kan niet in zijn geheel vergeleken worden",
                    check_type_name(c, lt));
}

static void check_want_number(checker *c, const ast_expr *e, int32_t t)
{
    if (t >= 0 && t != CHECK_T_GETAL)
        diag_report(c->d, DIAG_ERROR, e->loc, NULL,
                    "kan niet rekenen met %s; rekenen kan alleen met getallen",
                    check_type_name(c, t));
}

static void check_fold_range(checker *c, const ast_expr *e);

/* A whole-number literal operand: bedrag × it is exact (spec3 §3). */
static bool check_is_whole_literal(const ast_expr *x)
{
    return x && x->kind == EX_NUMBER && x->u.number.value.den == 1;
}

static bool check_arith_kind(uint8_t k)
{
    return k == RBC_TYPE_GETAL || k == RBC_TYPE_BEDRAG || k == RBC_TYPE_DATUM || k == RBC_TYPE_DUUR;
}

static const char *const check_unrounded_msg =
    "een bedrag maal een getal moet afgerond worden: schrijf bijvoorbeeld ‘… afgerond "
    "rekenkundig op 2 decimalen’";

/* + − × / on getal, bedrag, datum and duur (spec3 §3). */
/* Not a name of this policy (nor an element name or a soort's value). */
static bool check_is_unknown_word(const checker *c, const ast_expr *e)
{
    if (!e || e->kind != EX_NAME || !e->u.name.name || check_lookup(c, e->u.name.name) ||
        check_map_get(&c->members, e->u.name.name) >= 0)
        return false;
    for (size_t i = 0; i < c->n_scope; i++)
        if (strcmp(c->scope_names[i], e->u.name.name) == 0)
            return false;
    return true;
}

/* issue 10: `ernstig-ziek` without spaces, where neither word is a name: a
 * name written with a hyphen instead of `_`. */
static bool check_report_hyphen_name(checker *c, const ast_expr *e)
{
    const ast_expr *lhs = e->u.binary.lhs, *rhs = e->u.binary.rhs;
    if (e->u.binary.op != BIN_SUB || !check_is_unknown_word(c, lhs) ||
        !check_is_unknown_word(c, rhs) || lhs->loc.end_off + 1 != rhs->loc.off)
        return false;
    char joined[256], hint[600];
    snprintf(joined, sizeof joined, "%s_%s", lhs->u.name.name, rhs->u.name.name);
    if (check_lookup(c, joined))
        snprintf(hint, sizeof hint, "bedoelde u ‘%s’?", joined);
    else
        snprintf(hint, sizeof hint, "verbind de woorden met ‘_’: ‘%s’", joined);
    diag_report(c->d, DIAG_ERROR, check_full_loc(e), hint,
                "een naam is één woord, maar ‘%s-%s’ bevat een streepje", lhs->u.name.name,
                rhs->u.name.name);
    return true;
}

static int32_t check_arith(checker *c, ast_expr *e)
{
    ast_expr *lhs = e->u.binary.lhs, *rhs = e->u.binary.rhs;
    ast_binop op = e->u.binary.op;
    bool may_be_unrounded = c->round_operand == e;
    c->round_operand = NULL;
    if (check_report_hyphen_name(c, e))
        return CHECK_T_ERROR;
    int32_t lt = check_expr(c, lhs, CHECK_T_GETAL);
    int32_t rt = check_expr(c, rhs, CHECK_T_GETAL);
    uint8_t lk = check_kind(c, lt), rk = check_kind(c, rt);
    if (lt >= 0 && !check_arith_kind(lk)) {
        check_want_number(c, lhs, lt);
        return CHECK_T_ERROR;
    }
    if (rt >= 0 && !check_arith_kind(rk)) {
        check_want_number(c, rhs, rt);
        return CHECK_T_ERROR;
    }
    if (lt < 0 || rt < 0)
        return lk == RBC_TYPE_GETAL && rk == RBC_TYPE_GETAL ? CHECK_T_GETAL : CHECK_T_ERROR;
    const char *ln = check_type_name(c, lt), *rn = check_type_name(c, rt);
    if (op == BIN_ADD || op == BIN_SUB) {
        if (lk == rk && lk != RBC_TYPE_DATUM)
            return lt; /* getal, bedrag, duur */
        if (lk == RBC_TYPE_DATUM && rk == RBC_TYPE_DUUR) {
            check_fold_range(c, e);
            return lt;
        }
        if (lk == RBC_TYPE_DATUM && rk == RBC_TYPE_DATUM && op == BIN_SUB) {
            diag_report(c->d, DIAG_ERROR, e->loc,
                        "schrijf ‘dagen tussen a en b’ (of maanden, jaren)",
                        "twee datums kunnen niet van elkaar afgetrokken worden");
            return CHECK_T_ERROR;
        }
        if (lk == RBC_TYPE_DATUM) {
            diag_report(c->d, DIAG_ERROR, rhs->loc,
                        "een datum plus of min een duur: schrijf bijvoorbeeld ‘+ 3 dagen’ of "
                        "‘+ (n) maanden’",
                        "kan geen %s %s een datum; alleen een duur", rn,
                        op == BIN_ADD ? "optellen bij" : "aftrekken van");
            return CHECK_T_ERROR;
        }
        if (lk == RBC_TYPE_DUUR && rk == RBC_TYPE_DATUM && op == BIN_ADD) {
            diag_report(c->d, DIAG_ERROR, e->loc, "zet de datum vooraan: ‘datum + duur’",
                        "kan geen datum optellen bij een duur");
            return CHECK_T_ERROR;
        }
        diag_report(c->d, DIAG_ERROR, e->loc, NULL, "kan %s niet %s %s", rn,
                    op == BIN_ADD ? "optellen bij" : "aftrekken van", ln);
        return CHECK_T_ERROR;
    }
    /* × and / */
    if (lk == RBC_TYPE_GETAL && rk == RBC_TYPE_GETAL)
        return CHECK_T_GETAL;
    if (op == BIN_DIV && lk == RBC_TYPE_BEDRAG && rk == RBC_TYPE_BEDRAG)
        return CHECK_T_GETAL;
    bool amount_times = op == BIN_MUL && ((lk == RBC_TYPE_BEDRAG && rk == RBC_TYPE_GETAL) ||
                                          (lk == RBC_TYPE_GETAL && rk == RBC_TYPE_BEDRAG));
    bool amount_div = op == BIN_DIV && lk == RBC_TYPE_BEDRAG && rk == RBC_TYPE_GETAL;
    if (amount_times || amount_div) {
        bool exact = amount_times && (check_is_whole_literal(lk == RBC_TYPE_GETAL ? lhs : rhs));
        if (!exact && !may_be_unrounded)
            diag_report(c->d, DIAG_ERROR, e->loc,
                        "alleen vermenigvuldigen met een geheel getal zoals ‘× 2’ is exact", "%s",
                        check_unrounded_msg);
        return lk == RBC_TYPE_BEDRAG ? lt : rt;
    }
    diag_report(c->d, DIAG_ERROR, e->loc, NULL, "kan %s niet %s %s", ln,
                op == BIN_MUL ? "vermenigvuldigen met" : "delen door", rn);
    return CHECK_T_ERROR;
}

static int32_t check_binary(checker *c, ast_expr *e)
{
    ast_expr *lhs = e->u.binary.lhs, *rhs = e->u.binary.rhs;
    ast_binop op = e->u.binary.op;
    switch (op) {
    case BIN_AND:
    case BIN_OR: {
        int32_t lt = check_expr(c, lhs, CHECK_T_WAARHEID);
        /* `P is niet geen en …`: P is not geen on the right (likewise for
         * `P is geen of …`) */
        size_t mark = c->n_narrow;
        check_push_facts(c, lhs, op == BIN_AND);
        int32_t rt = check_expr(c, rhs, CHECK_T_WAARHEID);
        c->n_narrow = mark;
        check_cond_not_geen(c, lhs);
        check_cond_not_geen(c, rhs);
        if (lt >= 0 && lt != CHECK_T_WAARHEID)
            diag_report(c->d, DIAG_ERROR, lhs->loc, NULL,
                        "‘%s’ verwacht een waarheid, maar dit is van het type %s",
                        check_op_word(op), check_type_name(c, lt));
        if (rt >= 0 && rt != CHECK_T_WAARHEID)
            diag_report(c->d, DIAG_ERROR, rhs->loc, NULL,
                        "‘%s’ verwacht een waarheid, maar dit is van het type %s",
                        check_op_word(op), check_type_name(c, rt));
        return CHECK_T_WAARHEID;
    }
    case BIN_ADD:
    case BIN_SUB:
    case BIN_MUL:
    case BIN_DIV:
        return check_arith(c, e);
    case BIN_EQ:
    case BIN_NE:
    case BIN_LT:
    case BIN_LE:
    case BIN_GT:
    case BIN_GE: {
        int32_t lt, rt;
        bool geen_r = check_is_geen_word(c, rhs), geen_l = check_is_geen_word(c, lhs);
        if ((op == BIN_EQ || op == BIN_NE) && (geen_r || geen_l) && !(geen_r && geen_l)) {
            /* x is (niet) geen: x's declared optionality counts, not narrowing */
            ast_expr *other = geen_r ? lhs : rhs, *g = geen_r ? rhs : lhs;
            size_t saved = c->n_narrow;
            c->n_narrow = 0;
            int32_t ot = check_expr(c, other, CHECK_T_ERROR);
            c->n_narrow = saved;
            strbuf subj = STRBUF_INIT, hint = STRBUF_INIT;
            if (check_path_text(other, &subj) && subj.data) {
                sb_printf(&hint,
                          "declareer ‘%s’ als optioneel (‘%s: %s (optioneel)’); of bedoelt u "
                          "‘%s is onbekend’?",
                          subj.data, subj.data, check_type_name(c, ot), subj.data);
                const char *q = subj.data;
                strbuf quoted = STRBUF_INIT;
                sb_printf(&quoted, "‘%s’", q);
                sb_free(&subj);
                subj = quoted;
            } else {
                sb_free(&subj);
                sb_puts(&subj, "deze waarde");
            }
            int32_t gt = check_geen_value(c, g, ot, other->opt_from != NULL,
                                          subj.data ? subj.data : "deze waarde", hint.data);
            sb_free(&subj);
            sb_free(&hint);
            if (g->res.kind == REF_MEMBER)
                check_compare_types(c, e->loc, other, g, ot, gt, false);
            return CHECK_T_WAARHEID;
        }
        if (check_needs_context(c, lhs) && !check_needs_context(c, rhs)) {
            rt = check_expr(c, rhs, CHECK_T_ERROR);
            lt = check_expr(c, lhs, rt);
        } else {
            lt = check_expr(c, lhs, CHECK_T_ERROR);
            rt = check_expr(c, rhs, lt);
        }
        check_compare_types(c, e->loc, lhs, rhs, lt, rt, op != BIN_EQ && op != BIN_NE);
        return CHECK_T_WAARHEID;
    }
    }
    return CHECK_T_ERROR;
}

static int32_t check_in(checker *c, ast_expr *e)
{
    ast_expr *lhs = e->u.in.lhs;
    size_t n = e->u.in.items ? e->u.in.n_items : 0;
    int32_t lt;
    bool *done = NULL;
    if (check_needs_context(c, lhs)) {
        /* the lhs takes its soort from the first item that is not a bare member */
        int32_t ctx = CHECK_T_ERROR;
        done = check_alloc(c, n, sizeof *done);
        if (!done)
            return CHECK_T_ERROR;
        for (size_t i = 0; i < n; i++) {
            if (!e->u.in.items[i] || check_needs_context(c, e->u.in.items[i]))
                continue;
            int32_t it = check_expr(c, e->u.in.items[i], CHECK_T_ERROR);
            done[i] = true;
            if (ctx < 0)
                ctx = it;
        }
        lt = check_expr(c, lhs, ctx);
    } else {
        bool any_geen = false;
        for (size_t i = 0; i < n; i++)
            any_geen = any_geen || check_is_geen_word(c, e->u.in.items[i]);
        size_t saved = c->n_narrow;
        if (any_geen)
            c->n_narrow = 0; /* the declared optionality counts */
        lt = check_expr(c, lhs, CHECK_T_ERROR);
        c->n_narrow = saved;
    }
    if (lt >= 0 && c->r->types[lt].kind == RBC_TYPE_LIJST) {
        diag_report(c->d, DIAG_ERROR, lhs->loc, NULL,
                    "een %s kan niet in zijn geheel vergeleken worden", check_type_name(c, lt));
        lt = CHECK_T_ERROR;
    }
    if (lt >= 0 && c->r->types[lt].kind == RBC_TYPE_RECORD) {
        diag_report(c->d, DIAG_ERROR, lhs->loc, "vergelijk de velden afzonderlijk",
                    "een gegeven van het type %s kan niet in zijn geheel vergeleken worden",
                    check_type_name(c, lt));
        lt = CHECK_T_ERROR;
    }
    for (size_t i = 0; i < n; i++) {
        ast_expr *item = e->u.in.items[i];
        if (!item)
            continue;
        int32_t it;
        if (done && done[i])
            it = item->type;
        else if (check_is_geen_word(c, item))
            it = check_geen_value(c, item, lt, lhs->opt_from != NULL,
                                  "de waarde links van ‘is een van’", NULL);
        else
            it = check_expr(c, item, lt);
        if (lt >= 0 && it >= 0 && it != lt)
            check_report_compare(c, item->loc, lhs, item, lt, it);
    }
    return CHECK_T_WAARHEID;
}

/* Type e (and everything below it); expected is the type the context wants,
 * used only to choose the soort of a bare enumeration member. */
/* Deeper expressions (e.g. a sum of thousands of terms) are rejected so
 * that neither the checker nor the emitter can overflow the stack. */
#define CHECK_MAX_DEPTH 1000

static int32_t check_expr_inner(checker *c, ast_expr *e, int32_t expected);
static int32_t check_expr_v2(checker *c, ast_expr *e);

static const char *check_opt2(const ast_expr *a, const ast_expr *b)
{
    return a && a->opt_from ? a->opt_from : b ? b->opt_from : NULL;
}

/* v0.3 (spec4 §2): an operation with a geen operand is geen — arithmetic,
 * date ± duur, period and list operations, rounding; comparisons, logic,
 * `is (on)bekend`, `bevat` and `duurt` are never geen. Names and fields got
 * theirs in check_name/check_field; a narrowed path (`… is niet geen`)
 * is not optional. */
static void check_propagate_opt(checker *c, ast_expr *e)
{
    switch (e->kind) {
    case EX_NAME:
    case EX_FIELD:
        if (e->opt_from && check_narrowed(c, e))
            e->opt_from = NULL;
        return;
    case EX_NEG:
    case EX_MERGE:
    case EX_TOTAL_DAYS:
    case EX_DAYS_OF:
    case EX_COUNT:
        e->opt_from = check_opt2(e->u.unary.operand, NULL);
        return;
    case EX_ROUND:
        e->opt_from = check_opt2(e->u.round.operand, NULL);
        return;
    case EX_BINARY:
        if (e->u.binary.op == BIN_ADD || e->u.binary.op == BIN_SUB || e->u.binary.op == BIN_MUL ||
            e->u.binary.op == BIN_DIV)
            e->opt_from = check_opt2(e->u.binary.lhs, e->u.binary.rhs);
        return;
    case EX_CLIP:
        e->opt_from = check_opt2(e->u.binary.lhs, e->u.binary.rhs);
        return;
    case EX_DURATION:
        e->opt_from = check_opt2(e->u.duration.count_expr, NULL);
        return;
    case EX_PARAM_AT:
        e->opt_from = check_opt2(e->u.param_at.date, NULL);
        return;
    case EX_BETWEEN:
    case EX_AGE:
        e->opt_from = check_opt2(e->u.between.from, e->u.between.to);
        return;
    case EX_PERIOD:
        /* `periode van a tot b` with b geen is a running period, not geen */
        e->opt_from = check_opt2(e->u.period.from, NULL);
        return;
    case EX_LONGEST:
        e->opt_from = check_opt2(e->u.longest.list, e->u.longest.dflt);
        return;
    case EX_CALL: /* spec8 §1: a geen argument gives geen (no call) */
        e->opt_from = NULL;
        for (size_t i = 0; i < e->u.call.n_args && !e->opt_from; i++)
            e->opt_from = check_opt2(e->u.call.args[i], NULL);
        return;
    case EX_SELECT: {
        const char *o = check_opt2(e->u.select.list, NULL);
        ast_select_kind k = e->u.select.kind;
        if (!o && (k == SEL_SUM || k == SEL_MIN || k == SEL_MAX))
            o = check_opt2(e->u.select.value, NULL);
        if (!o && (k == SEL_MIN || k == SEL_MAX || k == SEL_FIRST || k == SEL_LAST))
            o = check_opt2(e->u.select.dflt, NULL);
        e->opt_from = o;
        return;
    }
    default:
        return;
    }
}

static int32_t check_expr(checker *c, ast_expr *e, int32_t expected)
{
    if (!e)
        return CHECK_T_ERROR;
    if (c->depth >= CHECK_MAX_DEPTH) {
        if (!c->too_deep)
            diag_report(c->d, DIAG_ERROR, c->rule_loc, "splits de expressie op in begrippen",
                        "de expressie is te diep genest (meer dan %d niveaus)", CHECK_MAX_DEPTH);
        c->too_deep = true;
        return e->type = CHECK_T_ERROR;
    }
    c->depth++;
    int32_t t = check_expr_inner(c, e, expected);
    c->depth--;
    check_propagate_opt(c, e);
    return t;
}

static int32_t check_expr_inner(checker *c, ast_expr *e, int32_t expected)
{
    int32_t t = CHECK_T_ERROR;
    switch (e->kind) {
    case EX_WAAR:
    case EX_ONWAAR:
        t = CHECK_T_WAARHEID;
        break;
    case EX_NUMBER:
        t = CHECK_T_GETAL;
        break;
    case EX_STRING:
        t = CHECK_T_TEKST;
        break;
    case EX_NAME:
        t = check_name(c, e, expected);
        break;
    case EX_FIELD:
        t = check_field(c, e);
        break;
    case EX_NOT: {
        int32_t ot = check_expr(c, e->u.unary.operand, CHECK_T_WAARHEID);
        if (ot >= 0 && ot != CHECK_T_WAARHEID)
            diag_report(c->d, DIAG_ERROR, e->u.unary.operand->loc, NULL,
                        "‘niet’ verwacht een waarheid, maar dit is van het type %s",
                        check_type_name(c, ot));
        check_cond_not_geen(c, e->u.unary.operand);
        t = CHECK_T_WAARHEID;
        break;
    }
    case EX_NEG: {
        int32_t ot = check_expr(c, e->u.unary.operand, CHECK_T_GETAL);
        uint8_t k = check_kind(c, ot);
        if (k == RBC_TYPE_BEDRAG || k == RBC_TYPE_DUUR) {
            t = ot;
        } else {
            if (e->u.unary.operand)
                check_want_number(c, e->u.unary.operand, ot);
            t = CHECK_T_GETAL;
        }
        break;
    }
    case EX_BINARY:
        if (!e->u.binary.lhs || !e->u.binary.rhs)
            return e->type = CHECK_T_ERROR;
        t = check_binary(c, e);
        break;
    case EX_IN:
        if (!e->u.in.lhs)
            return e->type = CHECK_T_ERROR;
        t = check_in(c, e);
        break;
    default:
        t = check_expr_v2(c, e);
        break;
    }
    e->type = t;
    return t;
}

static int32_t check_geen_value(checker *c, ast_expr *e, int32_t t, bool opt, const char *subject,
                                const char *hint)
{
    if (t < 0)
        return e->type = CHECK_T_ERROR;
    if (check_enum_has_geen(c, t))
        return check_expr(c, e, t); /* the member (write Soort.geen to be explicit) */
    if (opt) {
        e->res.kind = REF_GEEN;
        e->res.index = 0;
        e->opt_from = "geen";
        return e->type = t;
    }
    if (check_map_get(&c->members, "geen") >= 0)
        return check_expr(c, e, t); /* a soort member, as before v0.3 */
    diag_report(c->d, DIAG_ERROR, e->loc, hint, "%s is niet optioneel en kan dus niet geen zijn",
                subject);
    return e->type = CHECK_T_ERROR;
}

/* ------------------------------------------------ v0.2 expressions */

/* Check x and require type kind `want` (0: any); returns x's type or ERROR. */
static int32_t check_want(checker *c, ast_expr *x, uint8_t want, const char *what)
{
    int32_t t = check_expr(c, x, CHECK_T_ERROR);
    if (t < 0 || !x)
        return CHECK_T_ERROR;
    if (want && check_kind(c, t) != want) {
        static const char *const kn[] = {"?",      "waarheid", "getal", "tekst",
                                         "soort",  "gegeven",  "datum", "duur",
                                         "bedrag", "periode",  "lijst"};
        diag_report(c->d, DIAG_ERROR, x->loc, NULL,
                    "%s verwacht een %s, maar dit is van het type %s", what,
                    want < sizeof kn / sizeof *kn ? kn[want] : "?", check_type_name(c, t));
        return CHECK_T_ERROR;
    }
    return t;
}

/* x must be a lijst van periode. */
static int32_t check_want_periods(checker *c, ast_expr *x, const char *what)
{
    int32_t t = check_expr(c, x, CHECK_T_ERROR);
    if (t < 0 || !x)
        return CHECK_T_ERROR;
    if (check_kind(c, t) != RBC_TYPE_LIJST ||
        check_kind(c, c->r->types[t].elem) != RBC_TYPE_PERIODE) {
        diag_report(c->d, DIAG_ERROR, x->loc, NULL,
                    "%s verwacht een lijst van periode, maar dit is van het type %s", what,
                    check_type_name(c, t));
        return CHECK_T_ERROR;
    }
    return t;
}

/* A duration literal as (months, days); false when too large. */
static bool check_duration_parts(const ast_expr *x, int64_t *months, int64_t *days)
{
    int64_t n = x->u.duration.count;
    int64_t lim = INT32_MAX / 12;
    if (n > lim || n < -lim)
        return false;
    *months = 0;
    *days = 0;
    switch (x->u.duration.unit) {
    case UNIT_DAG:
        *days = n;
        break;
    case UNIT_WEEK:
        *days = 7 * n;
        break;
    case UNIT_MAAND:
        *months = n;
        break;
    case UNIT_JAAR:
        *months = 12 * n;
        break;
    }
    return true;
}

/* Bind the element name of a selection (a new loop slot). */
static bool check_bind(checker *c, const ast_expr *e, int32_t elem)
{
    const char *name = e->u.select.var;
    if (!name)
        return false;
    const check_sym *s = check_lookup(c, name);
    bool clash = false;
    for (size_t i = 0; i < c->n_scope && !clash; i++)
        if (strcmp(c->scope_names[i], name) == 0) {
            diag_report(c->d, DIAG_ERROR, e->u.select.var_loc, "kies een andere naam",
                        "de elementnaam ‘%s’ is al in gebruik door een omringende selectie", name);
            clash = true;
        }
    if (!clash && s) {
        diag_report(c->d, DIAG_ERROR, e->u.select.var_loc, "kies een andere naam",
                    "de elementnaam ‘%s’ is al in gebruik als %s", name,
                    check_sym_kind_name(s->kind, c, s->index));
        diag_report(c->d, DIAG_NOTE, s->loc, NULL, "%s ‘%s’ is hier gedeclareerd",
                    check_sym_kind_name(s->kind, c, s->index), name);
        clash = true;
    }
    if (!clash && check_map_get(&c->members, name) >= 0) {
        long h = check_map_get(&c->members, name);
        diag_report(c->d, DIAG_ERROR, e->u.select.var_loc, "kies een andere naam",
                    "de elementnaam ‘%s’ is al in gebruik als waarde van soort ‘%s’", name,
                    check_type_name(c, c->mrefs[h].type));
        clash = true;
    }
    if (c->n_scope == c->cap_scope) {
        size_t ncap = c->cap_scope ? c->cap_scope * 2 : 8;
        const char **nn =
            arena_grow(c->a, c->scope_names, c->cap_scope * sizeof *nn, ncap * sizeof *nn);
        int32_t *nt =
            arena_grow(c->a, c->scope_types, c->cap_scope * sizeof *nt, ncap * sizeof *nt);
        if (!nn || !nt) {
            c->oom = true;
            return false;
        }
        c->scope_names = nn;
        c->scope_types = nt;
        c->cap_scope = ncap;
    }
    c->scope_names[c->n_scope] = name;
    c->scope_types[c->n_scope] = elem;
    c->n_scope++;
    return true;
}

static const char *check_select_word(ast_select_kind k)
{
    switch (k) {
    case SEL_COUNT:
        return "aantal";
    case SEL_SUM:
        return "som van";
    case SEL_MIN:
        return "minimum van";
    case SEL_MAX:
        return "maximum van";
    case SEL_FIRST:
        return "eerste";
    case SEL_LAST:
        return "laatste";
    case SEL_FILTER:
        return "elke";
    case SEL_EXISTS:
        return "er is een";
    case SEL_FORALL:
        return "voor alle";
    case SEL_MAP:
        return "lijst van";
    }
    return "?";
}

static bool check_orderable(uint8_t k)
{
    return k == RBC_TYPE_GETAL || k == RBC_TYPE_DATUM || k == RBC_TYPE_BEDRAG;
}

static int32_t check_select(checker *c, ast_expr *e)
{
    ast_select_kind k = e->u.select.kind;
    const char *word = check_select_word(k);
    int32_t lt = check_want(c, e->u.select.list, RBC_TYPE_LIJST, word);
    int32_t elem = lt >= 0 ? c->r->types[lt].elem : CHECK_T_ERROR;
    bool bound = check_bind(c, e, elem);
    int32_t result = CHECK_T_ERROR;
    size_t mark = c->n_narrow;
    if (e->u.select.cond) {
        int32_t ct = check_expr(c, e->u.select.cond, CHECK_T_WAARHEID);
        if (ct >= 0 && ct != CHECK_T_WAARHEID)
            check_report_condition(c, e->u.select.cond, ct, k == SEL_FORALL ? "geldt" : "waarvoor");
        check_cond_not_geen(c, e->u.select.cond);
        /* the value and key are taken only where the condition is waar */
        check_push_facts(c, e->u.select.cond, true);
    }
    int32_t vt = CHECK_T_ERROR;
    if (e->u.select.value)
        vt = check_expr(c, e->u.select.value, CHECK_T_ERROR);
    int32_t kt = CHECK_T_ERROR;
    if (e->u.select.key)
        kt = check_expr(c, e->u.select.key, CHECK_T_ERROR);
    c->n_narrow = mark;
    if (bound)
        c->n_scope--;
    switch (k) {
    case SEL_COUNT:
        result = CHECK_T_GETAL;
        break;
    case SEL_SUM:
        if (vt >= 0 && check_kind(c, vt) != RBC_TYPE_GETAL && check_kind(c, vt) != RBC_TYPE_BEDRAG)
            diag_report(c->d, DIAG_ERROR, e->u.select.value->loc, NULL,
                        "‘som van’ telt getallen of bedragen op, maar dit is van het type %s",
                        check_type_name(c, vt));
        else
            result = vt;
        break;
    case SEL_MIN:
    case SEL_MAX:
        if (vt >= 0 && !check_orderable(check_kind(c, vt)))
            diag_report(c->d, DIAG_ERROR, e->u.select.value->loc, NULL,
                        "‘%s’ werkt op getallen, datums of bedragen, maar dit is van het type %s",
                        word, check_type_name(c, vt));
        else
            result = vt;
        break;
    case SEL_FIRST:
    case SEL_LAST:
        if (kt >= 0 && !check_orderable(check_kind(c, kt)))
            diag_report(
                c->d, DIAG_ERROR, e->u.select.key->loc, NULL,
                "na ‘volgens’ hoort een getal, datum of bedrag, maar dit is van het type %s",
                check_type_name(c, kt));
        result = elem;
        break;
    case SEL_FILTER:
        result = lt;
        break;
    case SEL_EXISTS:
    case SEL_FORALL:
        result = CHECK_T_WAARHEID;
        break;
    case SEL_MAP:
        if (vt >= 0 && check_kind(c, vt) == RBC_TYPE_LIJST)
            diag_report(c->d, DIAG_ERROR, e->u.select.value->loc, NULL,
                        "een element van een lijst kan zelf geen lijst zijn");
        else if (vt >= 0 && e->u.select.value->opt_from)
            diag_report(c->d, DIAG_ERROR, e->u.select.value->loc,
                        "schrijf ‘waarvoor … is niet geen’ om die elementen over te slaan",
                        "een element van een lijst kan niet geen zijn (‘%s’ is optioneel)",
                        e->u.select.value->opt_from);
        else if (vt >= 0)
            result = check_intern_type(c, RBC_TYPE_LIJST, vt, e->loc);
        break;
    }
    bool needs_dflt = k == SEL_MIN || k == SEL_MAX || k == SEL_FIRST || k == SEL_LAST;
    if (needs_dflt && !e->u.select.dflt) {
        diag_report(c->d, DIAG_ERROR, e->loc,
                    "voeg toe wat het resultaat is als er geen element is, bijvoorbeeld ‘…, "
                    "standaard 0’",
                    "‘%s’ heeft een standaardwaarde nodig voor een lege selectie", word);
    } else if (e->u.select.dflt) {
        int32_t dt = check_expr(c, e->u.select.dflt, result);
        if (!needs_dflt)
            diag_report(c->d, DIAG_ERROR, e->u.select.dflt->loc, NULL,
                        "‘%s’ heeft geen standaardwaarde", word);
        else if (dt >= 0 && result >= 0 && dt != result)
            diag_report(c->d, DIAG_ERROR, e->u.select.dflt->loc, NULL,
                        "de standaardwaarde moet van het type %s zijn, maar is van het type %s",
                        check_type_name(c, result), check_type_name(c, dt));
    }
    return result;
}

static int32_t check_round(checker *c, ast_expr *e)
{
    ast_expr *o = e->u.round.operand;
    c->round_operand = o;
    int32_t t = check_expr(c, o, CHECK_T_GETAL);
    c->round_operand = NULL;
    uint8_t k = check_kind(c, t);
    if (t < 0)
        return CHECK_T_ERROR;
    if (k == RBC_TYPE_GETAL) {
        if (e->u.round.has_decimals && e->u.round.decimals > NUM_ROUND_MAX_DECIMALS) {
            diag_report(c->d, DIAG_ERROR, e->u.round.decimals_loc, NULL,
                        "afronden kan op ten hoogste %d decimalen", NUM_ROUND_MAX_DECIMALS);
            return CHECK_T_ERROR;
        }
        return t;
    }
    if (k == RBC_TYPE_BEDRAG) {
        if (e->u.round.has_decimals && e->u.round.decimals > 2) {
            diag_report(c->d, DIAG_ERROR, e->u.round.decimals_loc, "een bedrag is in hele centen",
                        "een bedrag kan op ten hoogste 2 decimalen "
                        "afgerond worden, niet %u",
                        (unsigned)e->u.round.decimals);
            return CHECK_T_ERROR;
        }
        return t;
    }
    diag_report(c->d, DIAG_ERROR, o->loc, NULL,
                "alleen een getal of bedrag kan afgerond worden, maar dit is van het type %s",
                check_type_name(c, t));
    return CHECK_T_ERROR;
}

/* date literal ± duration literal is folded by the emitter; report here
 * when the folded date leaves the calendar. */
static void check_fold_range(checker *c, const ast_expr *e)
{
    const ast_expr *l = e->u.binary.lhs, *r = e->u.binary.rhs;
    if (l->kind != EX_DATE || r->kind != EX_DURATION || r->u.duration.count_expr)
        return;
    int64_t m, d;
    cal_day x;
    int sign = e->u.binary.op == BIN_SUB ? -1 : 1;
    if (!check_duration_parts(r, &m, &d) || !cal_add_months(l->u.date.day, sign * m, &x) ||
        !cal_add_days(x, sign * d, &x))
        diag_report(c->d, DIAG_ERROR, e->loc, NULL, "datum buiten het bereik 1-9999");
}

/* Issue 8 (spec8 §1): `f(a, b)` — f an extern functie, the argument count
 * and every argument's type as declared. All arguments are checked, also
 * when f is unknown (their own errors are reported). */
static int32_t check_call(checker *c, ast_expr *e)
{
    check_result *r = c->r;
    const char *name = e->u.call.name;
    const check_sym *s = name ? check_lookup(c, name) : NULL;
    const check_extern *ce = s && s->kind == SYM_EXTERN ? &r->externs[s->index] : NULL;
    size_t n = e->u.call.n_args;
    for (size_t i = 0; i < n; i++) {
        ast_expr *a = e->u.call.args[i];
        int32_t want = ce && i < ce->n_params ? ce->params[i] : CHECK_T_ERROR;
        int32_t at = check_expr(c, a, want);
        if (!ce || i >= ce->n_params || at < 0 || want < 0 || at == want)
            continue;
        diag_report(c->d, DIAG_ERROR, check_full_loc(a), NULL,
                    "argument %zu van ‘%s’ moet een %s zijn, maar is een %s", i + 1, name,
                    check_type_name(c, want), check_type_name(c, at));
    }
    if (!ce) {
        if (s) {
            char hint[512];
            snprintf(hint, sizeof hint,
                     "alleen een externe functie (‘extern functie …’) kan worden aangeroepen; "
                     "‘%s’ staat zonder haakjes",
                     name);
            diag_report(c->d, DIAG_ERROR, e->u.call.name_loc, hint, "‘%s’ is een %s, geen functie",
                        name, check_sym_kind_name(s->kind, c, s->index));
            return CHECK_T_ERROR;
        }
        const char **cands = check_alloc(c, r->n_externs, sizeof *cands);
        for (size_t i = 0; cands && i < r->n_externs; i++)
            cands[i] = r->externs[i].name;
        const char *sug = cands ? diag_suggest(name ? name : "", cands, r->n_externs) : NULL;
        char hint[512];
        if (sug)
            snprintf(hint, sizeof hint, "bedoelde u ‘%s’?", sug);
        else
            snprintf(hint, sizeof hint,
                     "een functie van buiten Regel declareert u eerst: ‘extern functie %s(p: "
                     "type, …): type.’",
                     name ? name : "naam");
        diag_report(c->d, DIAG_ERROR, e->u.call.name_loc, hint, "onbekende functie ‘%s’",
                    name ? name : "?");
        return CHECK_T_ERROR;
    }
    r->externs[s->index].used = true;
    e->res.kind = REF_EXTERN;
    e->res.index = s->index;
    if (n != ce->n_params) {
        char got[32];
        if (n == 0)
            snprintf(got, sizeof got, "geen");
        else
            snprintf(got, sizeof got, "er %zu", n);
        /* `f(1,5)` is f with the one number 1,5 (decimal comma) */
        const ast_expr *dec = NULL;
        for (size_t i = 0; i < n && !dec; i++) {
            const ast_expr *a = e->u.call.args[i];
            if (a && a->kind == EX_NUMBER && a->u.number.text && strchr(a->u.number.text, ','))
                dec = a;
        }
        char hint[512];
        if (dec && n < ce->n_params)
            snprintf(hint, sizeof hint,
                     "‘%s’ is één getal met een decimale komma; zet tussen argumenten een "
                     "spatie na de komma",
                     dec->u.number.text);
        char want[48];
        if (ce->n_params == 0)
            snprintf(want, sizeof want, "geen argumenten");
        else
            snprintf(want, sizeof want, "%zu %s", ce->n_params,
                     ce->n_params == 1 ? "argument" : "argumenten");
        diag_report(c->d, DIAG_ERROR, e->loc, dec && n < ce->n_params ? hint : NULL,
                    "functie ‘%s’ verwacht %s, maar krijgt %s", name, want, got);
        diag_report(c->d, DIAG_NOTE, ce->loc, NULL, "‘%s’ is hier gedeclareerd", name);
    }
    return ce->result;
}

static int32_t check_expr_v2(checker *c, ast_expr *e)
{
    check_result *r = c->r;
    switch (e->kind) {
    case EX_DATE:
        return check_t(c, RBC_TYPE_DATUM);
    case EX_AMOUNT:
        return check_t(c, RBC_TYPE_BEDRAG);
    case EX_DURATION: {
        if (e->u.duration.count_expr) {
            check_want(c, e->u.duration.count_expr, RBC_TYPE_GETAL, "een duur");
        } else {
            int64_t m, d;
            if (!check_duration_parts(e, &m, &d)) {
                diag_report(c->d, DIAG_ERROR, e->loc, NULL, "deze duur is te groot");
                return CHECK_T_ERROR;
            }
        }
        return check_t(c, RBC_TYPE_DUUR);
    }
    case EX_PARAM_AT: {
        const char *name = e->u.param_at.name;
        check_want(c, e->u.param_at.date, RBC_TYPE_DATUM, "‘geldig op’");
        const check_sym *s = name ? check_lookup(c, name) : NULL;
        if (!s || s->kind != SYM_PARAM) {
            const char **cands = check_alloc(c, r->n_params, sizeof *cands);
            if (cands)
                for (size_t i = 0; i < r->n_params; i++)
                    cands[i] = r->params[i].name;
            if (s)
                diag_report(c->d, DIAG_ERROR, e->u.param_at.name_loc,
                            "alleen een parameter heeft versies", "‘%s’ is een %s, geen parameter",
                            name, check_sym_kind_name(s->kind, c, s->index));
            else
                check_unknown(c, e->u.param_at.name_loc, cands, cands ? r->n_params : 0,
                              name ? name : "?", "onbekende parameter");
            return CHECK_T_ERROR;
        }
        e->res.kind = REF_PARAM;
        e->res.index = s->index;
        return r->params[s->index].type;
    }
    case EX_BETWEEN:
    case EX_AGE: {
        const char *w = e->kind == EX_AGE                 ? "‘leeftijd’"
                        : e->u.between.unit == UNIT_DAG   ? "‘dagen tussen’"
                        : e->u.between.unit == UNIT_MAAND ? "‘maanden tussen’"
                                                          : "‘jaren tussen’";
        check_want(c, e->u.between.from, RBC_TYPE_DATUM, w);
        check_want(c, e->u.between.to, RBC_TYPE_DATUM, w);
        return CHECK_T_GETAL;
    }
    case EX_PERIOD:
        check_want(c, e->u.period.from, RBC_TYPE_DATUM, "een periode");
        if (e->u.period.until)
            check_want(c, e->u.period.until, RBC_TYPE_DATUM, "een periode");
        return check_t(c, RBC_TYPE_PERIODE);
    case EX_ROUND:
        return check_round(c, e);
    case EX_BEVAT:
        check_want(c, e->u.binary.lhs, RBC_TYPE_PERIODE, "‘bevat’");
        check_want(c, e->u.binary.rhs, RBC_TYPE_DATUM, "‘bevat’");
        return CHECK_T_WAARHEID;
    case EX_DUURT:
        check_want(c, e->u.binary.lhs, RBC_TYPE_PERIODE, "‘duurt ten minste’");
        check_want(c, e->u.binary.rhs, RBC_TYPE_DUUR, "‘duurt ten minste’");
        return CHECK_T_WAARHEID;
    case EX_MERGE:
        return check_want_periods(c, e->u.unary.operand, "‘samengevoegd’");
    case EX_CLIP: {
        int32_t t = check_want_periods(c, e->u.binary.lhs, "‘begrensd tot’");
        check_want(c, e->u.binary.rhs, RBC_TYPE_PERIODE, "‘begrensd tot’");
        return t;
    }
    case EX_TOTAL_DAYS:
        check_want_periods(c, e->u.unary.operand, "‘totaal aantal dagen van’");
        return CHECK_T_GETAL;
    case EX_DAYS_OF:
        check_want(c, e->u.unary.operand, RBC_TYPE_PERIODE, "‘aantal dagen van’");
        return CHECK_T_GETAL;
    case EX_LONGEST: {
        int32_t t = check_want_periods(c, e->u.longest.list, "‘langste aaneengesloten periode’");
        int32_t pt = check_t(c, RBC_TYPE_PERIODE);
        if (!e->u.longest.dflt) {
            diag_report(c->d, DIAG_ERROR, e->loc,
                        "voeg toe wat het resultaat is bij een lege lijst, bijvoorbeeld ‘…, "
                        "standaard periode van d tot d’",
                        "‘langste aaneengesloten periode’ heeft een standaardwaarde nodig voor "
                        "een lege lijst");
        } else {
            check_want(c, e->u.longest.dflt, RBC_TYPE_PERIODE, "de standaardwaarde");
        }
        return t < 0 ? CHECK_T_ERROR : pt;
    }
    case EX_COUNT:
        check_want(c, e->u.unary.operand, RBC_TYPE_LIJST, "‘aantal’");
        return CHECK_T_GETAL;
    case EX_SELECT:
        return check_select(c, e);
    case EX_KNOWN:
    case EX_UNKNOWN:
        /* any value; the result is waar or onwaar, never onbekend */
        check_expr(c, e->u.unary.operand, CHECK_T_ERROR);
        return CHECK_T_WAARHEID;
    case EX_CALL:
        return check_call(c, e);
    default:
        break;
    }
    return CHECK_T_ERROR;
}

/* --------------------------------------------------------- validities */

static bool check_overlap(int32_t a0, int32_t a1, int32_t b0, int32_t b1)
{
    int32_t lo = a0 > b0 ? a0 : b0;                               /* -1 = unbounded below */
    int32_t hi = a1 < 0 ? b1 : b1 < 0 ? a1 : (a1 < b1 ? a1 : b1); /* -1 = unbounded above */
    return hi < 0 || lo < hi;
}

/* "geldig vanaf 1 maart 2022 tot en met 5 mei 2023" as written; "altijd geldig". */
static void check_describe_validity(strbuf *sb, const ast_validity *v)
{
    char d1[32], d2[32];
    if (!v->has_from && !v->has_until) {
        sb_puts(sb, "altijd geldig");
        return;
    }
    sb_puts(sb, "geldig");
    if (v->has_from) {
        cal_format_dutch(v->from, d1, sizeof d1);
        sb_printf(sb, " vanaf %s", d1);
    }
    if (v->has_until) {
        cal_day u = v->until;
        if (v->until_inclusive)
            cal_add_days(u, -1, &u);
        cal_format_dutch(u, d2, sizeof d2);
        sb_printf(sb, " tot %s%s", v->until_inclusive ? "en met " : "", d2);
    }
}

/* The common part of two overlapping validities, as text. */
static void check_describe_overlap(strbuf *sb, int32_t a0, int32_t a1, int32_t b0, int32_t b1)
{
    int32_t lo = a0 > b0 ? a0 : b0;
    int32_t hi = a1 < 0 ? b1 : b1 < 0 ? a1 : (a1 < b1 ? a1 : b1);
    char d1[32], d2[32];
    if (lo >= 0)
        cal_format_dutch(lo, d1, sizeof d1);
    if (hi >= 0)
        cal_format_dutch(hi, d2, sizeof d2);
    if (lo >= 0 && hi >= 0)
        sb_printf(sb, "van %s tot %s", d1, d2);
    else if (lo >= 0)
        sb_printf(sb, "vanaf %s", d1);
    else if (hi >= 0)
        sb_printf(sb, "tot %s", d2);
    else
        sb_puts(sb, "altijd");
}

static bool check_validity_ok(checker *c, const ast_validity *v)
{
    if (v->has_from && v->has_until && v->until <= v->from) {
        diag_report(c->d, DIAG_ERROR, v->loc, "het einde moet na het begin liggen",
                    "deze geldigheid is leeg");
        return false;
    }
    return true;
}

/* Parameters: the type of every version's literal, and no overlap. */
static void check_params(checker *c)
{
    check_result *r = c->r;
    size_t pi = 0;
    for (size_t i = 0; i < c->p->n_decls; i++) {
        if (c->p->decls[i].kind != DECL_PARAM)
            continue;
        const ast_param *pa = &c->p->decls[i].u.param;
        check_param *cp = &r->params[pi++];
        uint8_t k = check_kind(c, cp->type);
        if (cp->type >= 0 && k != RBC_TYPE_GETAL && k != RBC_TYPE_TEKST && k != RBC_TYPE_DATUM &&
            k != RBC_TYPE_DUUR && k != RBC_TYPE_BEDRAG) {
            diag_report(c->d, DIAG_ERROR, pa->type.loc,
                        "een parameter is een getal, bedrag, datum, duur of tekst",
                        "een parameter kan niet van het type %s zijn",
                        check_type_name(c, cp->type));
            cp->type = CHECK_T_ERROR;
        }
        size_t n = pa->versions ? pa->n_versions : 0;
        cp->versions = check_alloc(c, n, sizeof *cp->versions);
        if (!cp->versions)
            return;
        for (size_t v = 0; v < n; v++) {
            const ast_param_version *av = &pa->versions[v];
            check_param_version *x = &cp->versions[v];
            x->vanaf = av->validity.has_from ? (int32_t)av->validity.from : -1;
            x->tot = av->validity.has_until ? (int32_t)av->validity.until : -1;
            x->value = av->value;
            x->loc = av->loc;
            check_validity_ok(c, &av->validity);
            if (!av->value)
                continue;
            int32_t saved = c->cur_outcome;
            c->cur_outcome = -1;
            int32_t t = check_expr(c, av->value, cp->type);
            c->cur_outcome = saved;
            if (av->value->res.kind == REF_INPUT || av->value->res.kind == REF_OUTCOME ||
                av->value->res.kind == REF_PARAM) {
                diag_report(c->d, DIAG_ERROR, av->value->loc, NULL,
                            "de waarde van een parameter moet een vaste waarde zijn");
            } else if (t >= 0 && cp->type >= 0 && t != cp->type) {
                diag_report(c->d, DIAG_ERROR, av->value->loc,
                            k == RBC_TYPE_BEDRAG ? "schrijf een bedrag als ‘90 euro’ of ‘€ 90’"
                            : k == RBC_TYPE_DATUM ? "schrijf een datum als ‘1 maart 2022’"
                            : k == RBC_TYPE_DUUR  ? "schrijf een duur als ‘2 maanden’"
                                                  : NULL,
                            "parameter ‘%s’ is van het type %s, maar versie %zu is van het type %s",
                            cp->name, check_type_name(c, cp->type), v + 1, check_type_name(c, t));
            }
        }
        cp->n_versions = n;
        for (size_t a = 0; a < n; a++)
            for (size_t b = a + 1; b < n; b++) {
                const check_param_version *x = &cp->versions[a], *y = &cp->versions[b];
                if (!check_overlap(x->vanaf, x->tot, y->vanaf, y->tot))
                    continue;
                strbuf sb = STRBUF_INIT;
                sb_printf(&sb, "de versies van parameter ‘%s’ overlappen: versie %zu (", cp->name,
                          a + 1);
                check_describe_validity(&sb, &pa->versions[a].validity);
                sb_printf(&sb, ") en versie %zu (", b + 1);
                check_describe_validity(&sb, &pa->versions[b].validity);
                sb_puts(&sb, ") gelden allebei ");
                check_describe_overlap(&sb, x->vanaf, x->tot, y->vanaf, y->tot);
                diag_report(c->d, DIAG_ERROR, y->loc,
                            "laat de ene versie eindigen (‘tot’) op de dag waarop de andere "
                            "begint (‘vanaf’)",
                            "%s", sb.data ? sb.data : "");
                sb_free(&sb);
            }
        /* PARAMS wants the versions sorted by start (unbounded first). */
        for (size_t a = 1; a < n; a++)
            for (size_t b = a; b > 0 && cp->versions[b].vanaf < cp->versions[b - 1].vanaf; b--) {
                check_param_version tmp = cp->versions[b];
                cp->versions[b] = cp->versions[b - 1];
                cp->versions[b - 1] = tmp;
            }
    }
}

/* Versions of one rule (same name) must not overlap; a rule with a validity
 * needs peildatum. */
static void check_rule_versions(checker *c)
{
    check_result *r = c->r;
    for (size_t i = 0; i < r->n_rules; i++) {
        const ast_rule *ru = r->rules[i].ast;
        if (ru->validity.has_from || ru->validity.has_until) {
            check_validity_ok(c, &ru->validity);
            check_need_peildatum(c);
        }
        if (!ru->name)
            continue;
        /* the earlier rules of this name, in declaration order */
        long first = check_map_get(&c->rules, ru->name);
        for (long j = first; j >= 0 && (size_t)j < i; j = c->rule_next[j]) {
            const ast_rule *ro = r->rules[j].ast;
            bool plain = !ru->validity.has_from && !ru->validity.has_until &&
                         !ro->validity.has_from && !ro->validity.has_until;
            if (plain) /* reported as a duplicate name already */
                break;
            const check_rule *a = &r->rules[j], *b = &r->rules[i];
            if (!check_overlap(a->vanaf, a->tot, b->vanaf, b->tot))
                continue;
            strbuf sb = STRBUF_INIT;
            sb_printf(&sb, "de versies van regel ‘%s’ overlappen: de versie op regel %u (",
                      ru->name, (unsigned)ro->loc.line);
            check_describe_validity(&sb, &ro->validity);
            sb_printf(&sb, ") en de versie op regel %u (", (unsigned)ru->loc.line);
            check_describe_validity(&sb, &ru->validity);
            sb_puts(&sb, ") gelden allebei ");
            check_describe_overlap(&sb, a->vanaf, a->tot, b->vanaf, b->tot);
            diag_report(c->d, DIAG_ERROR, ru->loc,
                        "laat de ene versie eindigen (‘tot’) op de dag waarop de andere begint "
                        "(‘vanaf’)",
                        "%s", sb.data ? sb.data : "");
            sb_free(&sb);
            diag_report(c->d, DIAG_NOTE, ro->loc, NULL, "de andere versie staat hier");
            break;
        }
    }
}

/* ------------------------------------------------------ v0.3 defaults */

/* A literal: what a `standaard` may be (also a soort member). */
static bool check_is_constant(const ast_expr *x)
{
    if (!x)
        return false;
    switch (x->kind) {
    case EX_WAAR:
    case EX_ONWAAR:
    case EX_NUMBER:
    case EX_STRING:
    case EX_DATE:
    case EX_AMOUNT:
        return true;
    case EX_DURATION:
        return x->u.duration.count_expr == NULL;
    case EX_NEG: {
        const ast_expr *o = x->u.unary.operand;
        return o && (o->kind == EX_NUMBER || o->kind == EX_AMOUNT ||
                     (o->kind == EX_DURATION && !o->u.duration.count_expr));
    }
    case EX_NAME:
    case EX_FIELD:
        return x->res.kind == REF_MEMBER || x->res.kind == REF_GEEN;
    default:
        return false;
    }
}

/* `invoer x: T standaard LITERAL`: a literal of T, or geen when optional. */
static void check_defaults(checker *c)
{
    check_result *r = c->r;
    size_t ii = 0;
    for (size_t i = 0; i < c->p->n_decls; i++) {
        ast_decl *dc = &c->p->decls[i];
        if (dc->kind != DECL_INPUT)
            continue;
        check_var *v = &r->inputs[ii++];
        ast_expr *x = dc->u.var.dflt;
        if (!x || v->type < 0)
            continue;
        int32_t saved = c->cur_outcome;
        c->cur_outcome = -1;
        int32_t t;
        bool ok = false;
        if (check_is_geen_word(c, x)) {
            strbuf subj = STRBUF_INIT, hint = STRBUF_INIT;
            sb_printf(&subj, "invoer ‘%s’", v->name);
            sb_printf(&hint,
                      "schrijf ‘%s: %s (optioneel) standaard geen’ als een ontbrekend feit "
                      "‘geen’ betekent",
                      v->name, check_type_name(c, v->type));
            t = check_geen_value(c, x, v->type, v->optional, subj.data ? subj.data : "?",
                                 hint.data);
            sb_free(&subj);
            sb_free(&hint);
            ok = t >= 0;
        } else {
            bool used = v->used;
            t = check_expr(c, x, v->type);
            v->used = used; /* a default is no use of the fact */
            uint8_t k = check_kind(c, v->type);
            if (t >= 0 && !check_is_constant(x)) {
                diag_report(c->d, DIAG_ERROR, x->loc,
                            "schrijf een vaste waarde, bijvoorbeeld ‘standaard onwaar’ of "
                            "‘standaard 0’",
                            "de standaardwaarde van invoer ‘%s’ moet een vaste waarde zijn",
                            v->name);
            } else if (t >= 0 && t != v->type) {
                diag_report(c->d, DIAG_ERROR, x->loc,
                            k == RBC_TYPE_BEDRAG ? "schrijf een bedrag als ‘90 euro’ of ‘€ 90’"
                            : k == RBC_TYPE_DATUM    ? "schrijf een datum als ‘1 maart 2022’"
                            : k == RBC_TYPE_DUUR     ? "schrijf een duur als ‘2 maanden’"
                            : k == RBC_TYPE_WAARHEID ? "schrijf ‘standaard waar’ of "
                                                       "‘standaard onwaar’"
                                                     : NULL,
                            "invoer ‘%s’ is van het type %s, maar de standaardwaarde is van het "
                            "type %s",
                            v->name, check_type_name(c, v->type), check_type_name(c, t));
            } else if (t >= 0) {
                ok = true;
            }
        }
        c->cur_outcome = saved;
        if (ok)
            v->dflt = x;
    }
}

/* --------------------------------------------------------------- rules */

static void check_rule_targets(checker *c)
{
    check_result *r = c->r;
    for (size_t i = 0; i < r->n_rules; i++) {
        check_rule *cr = &r->rules[i];
        const ast_rule *ru = cr->ast;
        if (!ru->target)
            continue;
        const check_sym *s = check_lookup(c, ru->target);
        if (!s) {
            if (!c->outcome_cands) {
                c->outcome_cands = check_alloc(c, r->n_outcomes, sizeof *c->outcome_cands);
                for (size_t k = 0; c->outcome_cands && k < r->n_outcomes; k++)
                    c->outcome_cands[k] = r->outcomes[k].name;
                c->outcome_id = ++c->n_lists;
            }
            const char **cands = c->outcome_cands;
            strbuf fallback = STRBUF_INIT;
            const ast_expr *v0 = ru->n_branches > 0 ? ru->branches[0].value : NULL;
            sb_printf(&fallback, "een uitkomst wordt eerst gedeclareerd: ‘uitkomst %s: %s.’",
                      ru->target,
                      v0 && (v0->kind == EX_WAAR || v0->kind == EX_ONWAAR) ? "waarheid" : "…");
            check_unknown_in(c, ru->target_loc, cands, cands ? r->n_outcomes : 0, c->outcome_id,
                             ru->target, "onbekende uitkomst", fallback.data);
            sb_free(&fallback);
            /* the suggested outcome does have a rule, only misspelt: no
             * second error "er is geen regel voor …" */
            const char *sg = cands ? diag_suggest(ru->target, cands, r->n_outcomes) : NULL;
            if (sg && !c->outcome_guessed)
                c->outcome_guessed = check_alloc(c, r->n_outcomes, sizeof *c->outcome_guessed);
            for (size_t k = 0; sg && c->outcome_guessed && k < r->n_outcomes; k++)
                if (cands[k] == sg)
                    c->outcome_guessed[k] = true;
        } else if (s->kind == SYM_INPUT) {
            diag_report(c->d, DIAG_ERROR, ru->target_loc,
                        "een regel kan alleen een uitkomst of begrip vaststellen",
                        "regel ‘%s’ stelt invoer ‘%s’ vast, maar een invoer komt uit het geval",
                        ru->name ? ru->name : "?", ru->target);
        } else if (s->kind != SYM_OUTCOME) {
            diag_report(c->d, DIAG_ERROR, ru->target_loc, NULL,
                        "‘%s’ is een %s, geen uitkomst of begrip", ru->target,
                        check_sym_kind_name(s->kind, c, s->index));
        } else {
            cr->outcome = (int32_t)s->index;
        }
    }
}

static void check_rule_parents(checker *c)
{
    check_result *r = c->r;
    const char **names = check_alloc(c, r->n_rules, sizeof *names);
    if (!names)
        return;
    for (size_t i = 0; i < r->n_rules; i++)
        names[i] = r->rules[i].ast->name;
    uint32_t names_id = 0;
    for (size_t i = 0; i < r->n_rules; i++) {
        check_rule *cr = &r->rules[i];
        const ast_rule *ru = cr->ast;
        if (!ru->is_exception || !ru->parent_name)
            continue;
        long pi = check_map_get(&c->rules, ru->parent_name);
        if (pi < 0) {
            if (!names_id)
                names_id = ++c->n_lists;
            check_unknown_in(c, ru->parent_loc, names, r->n_rules, names_id, ru->parent_name,
                             "er is geen regel met de naam", NULL);
            continue;
        }
        const check_rule *parent = &r->rules[pi];
        /* Design choice (spec3 §3 offers two): an uitzondering op a rule with
         * several versions is rejected rather than copied once per version;
         * every RULES entry then has exactly one block and one parent. */
        size_t n_versions = c->rule_count[pi];
        if (n_versions > 1) {
            diag_report(c->d, DIAG_ERROR, ru->parent_loc,
                        "geef elke versie van de regel een eigen naam en schrijf per versie een "
                        "uitzondering",
                        "uitzondering ‘%s’ is een uitzondering op regel ‘%s’, maar die regel heeft "
                        "%zu versies; een uitzondering op een regel met versies kan niet",
                        ru->name ? ru->name : "?", ru->parent_name, n_versions);
            continue;
        }
        if (cr->outcome >= 0 && parent->outcome >= 0 && cr->outcome != parent->outcome) {
            diag_report(c->d, DIAG_ERROR, ru->target_loc,
                        "een uitzondering moet dezelfde uitkomst vaststellen als de regel "
                        "waarop ze een uitzondering is",
                        "uitzondering ‘%s’ stelt ‘%s’ vast, maar regel ‘%s’ stelt ‘%s’ vast",
                        ru->name ? ru->name : "?", r->outcomes[cr->outcome].name, ru->parent_name,
                        r->outcomes[parent->outcome].name);
            diag_report(c->d, DIAG_NOTE, parent->ast->loc, NULL, "regel ‘%s’ staat hier",
                        ru->parent_name);
            continue;
        }
        if (cr->outcome < 0 || parent->outcome < 0)
            continue;
        cr->parent = (int32_t)pi;
    }
    /* The exception graph must be acyclic: each rule has at most one parent,
     * so a cycle is found by walking up. */
    uint32_t *mark = check_alloc(c, r->n_rules, sizeof *mark); /* walk number + 1 */
    if (!mark)
        return;
    for (size_t i = 0; i < r->n_rules; i++) {
        if (mark[i])
            continue;
        size_t k = i;
        while (!mark[k]) {
            mark[k] = (uint32_t)i + 1;
            if (r->rules[k].parent < 0)
                break;
            k = (size_t)r->rules[k].parent;
        }
        if (mark[k] != (uint32_t)i + 1 || r->rules[k].parent < 0)
            continue;
        /* k is on a cycle found in this walk */
        strbuf sb = STRBUF_INIT;
        size_t j = k;
        do {
            sb_printf(&sb, "‘%s’ → ", r->rules[j].ast->name);
            j = (size_t)r->rules[j].parent;
        } while (j != k);
        sb_printf(&sb, "‘%s’", r->rules[k].ast->name);
        diag_report(c->d, DIAG_ERROR, r->rules[k].ast->parent_loc, NULL,
                    "kringverwijzing in uitzonderingen: %s", sb.data ? sb.data : "");
        sb_free(&sb);
        r->rules[k].parent = -1; /* break it so later passes terminate */
    }
}

static void check_rule_bodies(checker *c)
{
    check_result *r = c->r;
    for (size_t i = 0; i < r->n_rules; i++) {
        check_rule *cr = &r->rules[i];
        const ast_rule *ru = cr->ast;
        c->cur_outcome = cr->outcome;
        c->rule_loc = ru->loc;
        int32_t want = cr->outcome >= 0 ? r->outcomes[cr->outcome].type : CHECK_T_ERROR;
        const check_var *out = cr->outcome >= 0 ? &r->outcomes[cr->outcome] : NULL;
        const char *what = out && out->kind == CHECK_CONCEPT ? "begrip" : "uitkomst";
        /* A branch is taken only when the earlier conditions were onwaar (an
         * onbekend one makes the result onbekend): their `P is geen`
         * disjuncts narrow P in the later branches. */
        size_t base = c->n_narrow;
        for (size_t b = 0; ru->branches && b < ru->n_branches; b++) {
            ast_branch *br = &ru->branches[b];
            if (br->cond) {
                int32_t ct = check_expr(c, br->cond, CHECK_T_WAARHEID);
                if (ct >= 0 && ct != CHECK_T_WAARHEID)
                    check_report_condition(c, br->cond, ct, "indien");
                check_cond_not_geen(c, br->cond);
            }
            size_t mark = c->n_narrow;
            check_push_facts(c, br->cond, true);
            if (br->value && out && check_is_geen_word(c, br->value)) {
                strbuf subj = STRBUF_INIT, hint = STRBUF_INIT;
                sb_printf(&subj, "%s ‘%s’", what, ru->target);
                sb_printf(&hint, "declareer %s als optioneel: ‘%s %s: %s (optioneel)’",
                          out->kind == CHECK_CONCEPT ? "het begrip" : "de uitkomst", what,
                          ru->target, check_type_name(c, want));
                check_geen_value(c, br->value, want, out->optional, subj.data ? subj.data : "?",
                                 hint.data);
                sb_free(&subj);
                sb_free(&hint);
            } else if (br->value) {
                int32_t vt = check_expr(c, br->value, want);
                if (vt >= 0 && want >= 0 && vt != want) {
                    if (!(check_kind(c, want) == RBC_TYPE_DATUM &&
                          check_report_datelike(c, br->value))) {
                        strbuf hint = STRBUF_INIT;
                        check_mismatch_hint(c, want, br->value, vt, &hint);
                        diag_report(c->d, DIAG_ERROR, br->value->loc, hint.data,
                                    "‘%s’ is van het type %s, maar deze waarde is van het type %s",
                                    ru->target, check_type_name(c, want), check_type_name(c, vt));
                        sb_free(&hint);
                    }
                } else if (vt >= 0 && out && !out->optional && br->value->opt_from)
                    diag_report(c->d, DIAG_ERROR, check_full_loc(br->value),
                                out->kind == CHECK_CONCEPT
                                    ? "maak het begrip optioneel of schrijf een voorwaarde met "
                                      "‘is niet geen’"
                                    : "maak de uitkomst optioneel of schrijf een voorwaarde met "
                                      "‘is niet geen’",
                                "‘%s’ kan geen zijn (‘%s’ is optioneel)", ru->target,
                                br->value->opt_from);
            }
            c->n_narrow = mark;
            check_push_facts(c, br->cond, false);
        }
        c->n_narrow = base;
        c->cur_outcome = -1;
    }
    bool *has_rule = check_alloc(c, r->n_outcomes, sizeof *has_rule);
    if (!has_rule)
        return;
    for (size_t i = 0; i < r->n_rules; i++)
        if (r->rules[i].outcome >= 0 && (size_t)r->rules[i].outcome < r->n_outcomes)
            has_rule[r->rules[i].outcome] = true;
    for (size_t o = 0; o < r->n_outcomes; o++) {
        bool has = has_rule[o] || (c->outcome_guessed && c->outcome_guessed[o]);
        if (!has && check_is_declared(c, SYM_OUTCOME, o, r->outcomes[o].name))
            diag_report(
                c->d, DIAG_ERROR, r->outcomes[o].loc, "schrijf een regel die deze waarde vaststelt",
                "er is geen regel voor %s ‘%s’",
                r->outcomes[o].kind == CHECK_CONCEPT ? "begrip" : "uitkomst", r->outcomes[o].name);
    }
}

/* ------------------------------------------------ uitleg (v0.5, spec7) */

/* Whether every `_`-separated word of name occurs, in order, as a whole
 * word of cand (`vdab_datum` in `vdab_uiterste_datum`). */
static bool check_words_in(const char *name, const char *cand)
{
    const char *c = cand;
    for (const char *w = name; *w;) {
        size_t wl = strcspn(w, "_");
        bool found = false;
        while (*c && !found) {
            size_t cl = strcspn(c, "_");
            found = cl == wl && memcmp(c, w, wl) == 0;
            c += cl;
            if (*c == '_')
                c++;
        }
        if (!found)
            return false;
        w += wl;
        if (*w == '_')
            w++;
    }
    return true;
}

/* A suggestion for an unknown placeholder: the closest name, else the one
 * name that contains all its words (at least two). */
static const char *check_suggest_words(const char *name, const char *const *cands, size_t n)
{
    const char *s = diag_suggest(name, cands, n);
    if (s || !strchr(name, '_'))
        return s;
    for (size_t i = 0; i < n; i++) {
        if (!check_words_in(name, cands[i]))
            continue;
        if (s)
            return NULL; /* more than one: no guess */
        s = cands[i];
    }
    return s;
}

/* One placeholder {name} of an `uitleg`: an invoer, uitkomst, begrip or
 * parameter whose value fits in a sentence (not a lijst or gegeven). */
static void check_placeholder(checker *c, ast_seg *g)
{
    check_result *r = c->r;
    const char *name = g->text;
    if (strcmp(name, "peildatum") == 0 && !check_lookup(c, name))
        check_need_peildatum(c);
    const check_sym *s = check_lookup(c, name);
    int32_t t = CHECK_T_ERROR;
    if (s && s->kind == SYM_INPUT) {
        g->res.kind = REF_INPUT;
        g->res.index = s->index;
        r->inputs[s->index].used = true;
        t = r->inputs[s->index].type;
    } else if (s && s->kind == SYM_OUTCOME) {
        g->res.kind = REF_OUTCOME;
        g->res.index = s->index;
        r->outcomes[s->index].used = true;
        t = r->outcomes[s->index].type;
    } else if (s && s->kind == SYM_PARAM) {
        g->res.kind = REF_PARAM;
        g->res.index = s->index;
        check_need_peildatum(c); /* the version valid on the peildatum */
        t = r->params[s->index].type;
    } else if (s) {
        diag_report(c->d, DIAG_ERROR, g->loc,
                    "een plaatshouder noemt een invoer, uitkomst, begrip of parameter",
                    "‘%s’ is een %s, geen waarde; die past niet in een uitlegzin", name,
                    check_sym_kind_name(s->kind, c, s->index));
        return;
    } else {
        size_t cap = r->n_inputs + r->n_outcomes + r->n_params;
        const char **cands = check_alloc(c, cap, sizeof *cands);
        size_t n = 0;
        if (cands) {
            for (size_t i = 0; i < r->n_inputs; i++)
                cands[n++] = r->inputs[i].name;
            for (size_t i = 0; i < r->n_outcomes; i++)
                cands[n++] = r->outcomes[i].name;
            for (size_t i = 0; i < r->n_params; i++)
                cands[n++] = r->params[i].name;
        }
        const char *sug = check_suggest_words(name, cands, n);
        char hint[512];
        if (sug)
            snprintf(hint, sizeof hint, "bedoelde u ‘%s’?", sug);
        diag_report(c->d, DIAG_ERROR, g->loc,
                    sug ? hint : "een plaatshouder noemt een invoer, uitkomst, begrip of parameter",
                    "onbekende naam ‘%s’ in de uitleg", name);
        return;
    }
    if (t < 0 || (size_t)t >= r->n_types)
        return;
    const check_type *ty = &r->types[t];
    if (ty->kind == RBC_TYPE_LIJST) {
        char hint[512];
        snprintf(hint, sizeof hint,
                 "maak er een begrip van dat één waarde geeft, zoals ‘aantal %s’", name);
        diag_report(c->d, DIAG_ERROR, g->loc, hint,
                    "‘%s’ is een lijst; die past niet in een uitlegzin", name);
    } else if (ty->kind == RBC_TYPE_RECORD) {
        char hint[512];
        if (ty->n_fields > 0)
            snprintf(hint, sizeof hint,
                     "maak er een begrip van dat één waarde geeft, zoals ‘%s.%s’", name,
                     ty->fields[0].name);
        else
            snprintf(hint, sizeof hint, "maak er een begrip van dat één waarde geeft");
        diag_report(c->d, DIAG_ERROR, g->loc, hint,
                    "‘%s’ is een %s (een gegeven met velden); die past niet in een uitlegzin", name,
                    ty->name);
    }
}

static void check_template(checker *c, ast_template *t)
{
    for (size_t i = 0; t->text && i < t->n_segs; i++)
        if (t->segs[i].kind == SEG_NAME)
            check_placeholder(c, &t->segs[i]);
}

/* Every `uitleg` of every rule and branch. */
static void check_templates(checker *c)
{
    for (size_t i = 0; i < c->p->n_decls; i++) {
        ast_decl *d = &c->p->decls[i];
        if (d->kind != DECL_RULE)
            continue;
        check_template(c, &d->u.rule.uitleg);
        for (size_t b = 0; d->u.rule.branches && b < d->u.rule.n_branches; b++)
            check_template(c, &d->u.rule.branches[b].uitleg);
    }
}

/* --------------------------------------------------- dependency order */

static void check_cycles(checker *c)
{
    check_result *r = c->r;
    size_t n = r->n_outcomes;
    if (n == 0)
        return;
    uint8_t *state = check_alloc(c, n, 1);
    uint32_t *stack = check_alloc(c, n, sizeof *stack);
    size_t *next = check_alloc(c, n, sizeof *next);
    if (c->oom)
        return;
    for (size_t root = 0; root < n; root++) {
        if (state[root])
            continue;
        size_t sp = 0;
        stack[sp++] = (uint32_t)root;
        state[root] = 1;
        next[root] = 0;
        while (sp) {
            uint32_t x = stack[sp - 1];
            if (next[x] < c->deps[x].n) {
                const dep_edge *ed = &c->deps[x].e[next[x]++];
                uint32_t y = ed->to;
                if (state[y] == 0) {
                    state[y] = 1;
                    next[y] = 0;
                    stack[sp++] = y;
                } else if (state[y] == 1) {
                    size_t k = 0;
                    while (stack[k] != y)
                        k++;
                    strbuf sb = STRBUF_INIT;
                    for (size_t j = k; j < sp; j++)
                        sb_printf(&sb, "%s → ", r->outcomes[stack[j]].name);
                    sb_puts(&sb, r->outcomes[y].name);
                    diag_report(c->d, DIAG_ERROR, ed->loc, NULL, "kringverwijzing: %s",
                                sb.data ? sb.data : "");
                    sb_free(&sb);
                }
            } else {
                state[x] = 2;
                sp--;
            }
        }
    }
}

/* Evaluation order: dependencies first; among the ready outcomes the one
 * declared first. With a cycle (already an error) the rest follows in
 * declaration order. */
static void check_eval_order(checker *c)
{
    check_result *r = c->r;
    size_t n = r->n_outcomes;
    r->eval_order = check_alloc(c, n, sizeof *r->eval_order);
    r->eval_index = check_alloc(c, n, sizeof *r->eval_index);
    bool *placed = check_alloc(c, n, sizeof *placed);
    /* waiting[x]: dependencies of x not placed yet (itself not counted);
     * users of y: the outcomes whose rules read y (a CSR table) */
    uint32_t *waiting = check_alloc(c, n, sizeof *waiting);
    size_t *user_at = check_alloc(c, n + 1, sizeof *user_at);
    uint32_t *heap = check_alloc(c, n, sizeof *heap); /* ready outcomes, smallest on top */
    if (c->oom)
        return;
    size_t n_edges = 0;
    for (size_t x = 0; x < n; x++)
        for (size_t j = 0; j < c->deps[x].n; j++)
            if (c->deps[x].e[j].to != x) {
                waiting[x]++;
                user_at[c->deps[x].e[j].to + 1]++;
                n_edges++;
            }
    for (size_t y = 0; y < n; y++)
        user_at[y + 1] += user_at[y];
    uint32_t *users = check_alloc(c, n_edges, sizeof *users);
    size_t *fill = check_alloc(c, n, sizeof *fill);
    if (c->oom)
        return;
    for (size_t x = 0; x < n; x++)
        for (size_t j = 0; j < c->deps[x].n; j++) {
            uint32_t y = c->deps[x].e[j].to;
            if (y != x)
                users[user_at[y] + fill[y]++] = (uint32_t)x;
        }
    /* Among the ready outcomes the one declared first (a binary min-heap);
     * when none is ready (a cycle) the first unplaced in declaration order. */
    size_t n_heap = 0, scan = 0;
    for (size_t x = 0; x < n; x++)
        if (!waiting[x])
            heap[n_heap++] = (uint32_t)x; /* ascending: already a heap */
    for (size_t k = 0; k < n; k++) {
        size_t pick;
        if (n_heap) {
            pick = heap[0];
            uint32_t last = heap[--n_heap];
            size_t i = 0;
            for (;;) {
                size_t m = 2 * i + 1;
                if (m >= n_heap)
                    break;
                if (m + 1 < n_heap && heap[m + 1] < heap[m])
                    m++;
                if (heap[m] >= last)
                    break;
                heap[i] = heap[m];
                i = m;
            }
            if (n_heap)
                heap[i] = last;
        } else {
            while (placed[scan])
                scan++;
            pick = scan;
        }
        placed[pick] = true;
        r->eval_order[k] = (uint32_t)pick;
        r->eval_index[pick] = (uint32_t)k;
        for (size_t u = user_at[pick]; u < user_at[pick + 1]; u++) {
            uint32_t x = users[u];
            if (--waiting[x] == 0 && !placed[x]) {
                size_t i = n_heap++;
                while (i > 0 && heap[(i - 1) / 2] > x) {
                    heap[i] = heap[(i - 1) / 2];
                    i = (i - 1) / 2;
                }
                heap[i] = x;
            }
        }
    }
}

/* RULES order: declaration order, but a parent always before its exceptions. */
static void check_rule_order(checker *c)
{
    check_result *r = c->r;
    size_t n = r->n_rules;
    r->rule_order = check_alloc(c, n, sizeof *r->rule_order);
    bool *placed = check_alloc(c, n, sizeof *placed);
    uint32_t *chain = check_alloc(c, n, sizeof *chain);
    if (c->oom)
        return;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = 0;
        for (int32_t j = (int32_t)i; j >= 0 && !placed[j] && len < n; j = r->rules[j].parent)
            chain[len++] = (uint32_t)j;
        while (len) {
            uint32_t j = chain[--len];
            placed[j] = true;
            r->rule_order[k++] = j;
        }
    }
}

/* ----------------------------------------------------------- conflicts */

/* Two versions of one rule (same name, at least one with a validity). */
static bool check_same_versions(const check_rule *a, const check_rule *b)
{
    return a->ast->name && b->ast->name && strcmp(a->ast->name, b->ast->name) == 0 &&
           (a->vanaf >= 0 || a->tot >= 0 || b->vanaf >= 0 || b->tot >= 0);
}

static bool check_always_applies(const check_rule *cr)
{
    const ast_rule *ru = cr->ast;
    return ru->branches && ru->n_branches > 0 && ru->branches[ru->n_branches - 1].cond == NULL;
}

static const char *check_rule_name(const check_rule *cr)
{
    return cr->ast->name ? cr->ast->name : "?";
}

/* The rules that always apply grouped by a key (an outcome, or a parent
 * rule), in declaration order within a group: a stable counting sort.
 * key_of returns -1 for a rule that takes part in no group. at[k]..at[k+1]
 * are the positions in the returned list of the rules of group k. */
static uint32_t *check_group_rules(checker *c, size_t n_keys, int32_t (*key_of)(const check_rule *),
                                   size_t **at_out)
{
    check_result *r = c->r;
    size_t *at = check_alloc(c, n_keys + 1, sizeof *at);
    uint32_t *list = check_alloc(c, r->n_rules, sizeof *list);
    size_t *fill = check_alloc(c, n_keys, sizeof *fill);
    if (c->oom)
        return NULL;
    for (size_t i = 0; i < r->n_rules; i++) {
        int32_t k = key_of(&r->rules[i]);
        if (k >= 0 && (size_t)k < n_keys)
            at[k + 1]++;
    }
    for (size_t k = 0; k < n_keys; k++)
        at[k + 1] += at[k];
    for (size_t i = 0; i < r->n_rules; i++) {
        int32_t k = key_of(&r->rules[i]);
        if (k >= 0 && (size_t)k < n_keys)
            list[at[k] + fill[k]++] = (uint32_t)i;
    }
    *at_out = at;
    return list;
}

static int32_t check_root_key(const check_rule *cr)
{
    return cr->ast->is_exception || !check_always_applies(cr) ? -1 : cr->outcome;
}

static int32_t check_parent_key(const check_rule *cr)
{
    return check_always_applies(cr) ? cr->parent : -1;
}

/* Two rules with the same name and no validity (reported as a duplicate). */
static bool check_same_name(const check_rule *a, const check_rule *b)
{
    return a->ast->name && b->ast->name && strcmp(a->ast->name, b->ast->name) == 0 &&
           !a->ast->validity.has_from && !a->ast->validity.has_until &&
           !b->ast->validity.has_from && !b->ast->validity.has_until;
}

static void check_conflicts(checker *c)
{
    check_result *r = c->r;
    /* Root rules per outcome; then the direct exceptions of each rule. A rule
     * marked as an exception whose parent could not be resolved takes part
     * in neither (its error is already reported). */
    size_t *at;
    uint32_t *list = check_group_rules(c, r->n_outcomes, check_root_key, &at);
    if (!list)
        return;
    for (size_t o = 0; o < r->n_outcomes; o++) {
        long first = -1;
        for (size_t g = at[o]; g < at[o + 1]; g++) {
            size_t i = list[g];
            const check_rule *cr = &r->rules[i];
            if (first < 0) {
                first = (long)i;
                continue;
            }
            const check_rule *fr = &r->rules[first];
            if (!check_overlap(fr->vanaf, fr->tot, cr->vanaf, cr->tot))
                continue; /* never valid on the same peildatum */
            if (check_same_versions(fr, cr))
                continue; /* overlapping versions: reported by check_rule_versions */
            if (check_same_name(fr, cr))
                continue; /* two rules of one name: reported as such */
            strbuf hint = STRBUF_INIT;
            sb_printf(&hint,
                      "maak er een uitzondering van: schrijf ‘uitzondering \"%s\" op \"%s\"’; "
                      "of laat een van beide alleen gelden indien een voorwaarde waar is (zonder "
                      "‘anders’)",
                      check_rule_name(cr), check_rule_name(&r->rules[first]));
            diag_report(c->d, DIAG_ERROR, cr->ast->loc, hint.data,
                        "conflict: de regels ‘%s’ en ‘%s’ zijn allebei altijd van toepassing op "
                        "‘%s’, en geen van beide is een uitzondering op de andere",
                        check_rule_name(&r->rules[first]), check_rule_name(cr),
                        r->outcomes[o].name);
            sb_free(&hint);
            diag_report(c->d, DIAG_NOTE, r->rules[first].ast->loc, NULL, "regel ‘%s’ staat hier",
                        check_rule_name(&r->rules[first]));
        }
    }
    list = check_group_rules(c, r->n_rules, check_parent_key, &at);
    if (!list)
        return;
    for (size_t p = 0; p < r->n_rules; p++) {
        long first = -1;
        for (size_t g = at[p]; g < at[p + 1]; g++) {
            size_t i = list[g];
            const check_rule *cr = &r->rules[i];
            if (first < 0) {
                first = (long)i;
                continue;
            }
            const check_rule *fr = &r->rules[first];
            if (!check_overlap(fr->vanaf, fr->tot, cr->vanaf, cr->tot))
                continue;
            diag_report(c->d, DIAG_ERROR, cr->ast->loc,
                        "maak een van beide een uitzondering op de andere, of geef ze een "
                        "voorwaarde",
                        "conflict: de uitzonderingen ‘%s’ en ‘%s’ op ‘%s’ zijn allebei altijd van "
                        "toepassing op ‘%s’, en geen van beide is een uitzondering op de andere",
                        check_rule_name(&r->rules[first]), check_rule_name(cr),
                        check_rule_name(&r->rules[p]), r->outcomes[cr->outcome].name);
            diag_report(c->d, DIAG_NOTE, r->rules[first].ast->loc, NULL,
                        "uitzondering ‘%s’ staat hier", check_rule_name(&r->rules[first]));
        }
    }
}

/* False for the second of two declarations with one name (already an error). */
static bool check_is_declared(const checker *c, sym_kind kind, size_t index, const char *name)
{
    const check_sym *s = check_lookup(c, name);
    return s && s->kind == kind && s->index == index;
}

static void check_unused(checker *c)
{
    check_result *r = c->r;
    for (size_t i = 0; i < r->n_externs; i++)
        if (!r->externs[i].used && check_is_declared(c, SYM_EXTERN, i, r->externs[i].name))
            diag_report(c->d, DIAG_WARNING, r->externs[i].loc, NULL,
                        "externe functie ‘%s’ wordt door geen enkele regel gebruikt",
                        r->externs[i].name);
    for (size_t i = 0; i < r->n_inputs; i++)
        if (!r->inputs[i].used && check_is_declared(c, SYM_INPUT, i, r->inputs[i].name))
            diag_report(c->d, DIAG_WARNING, r->inputs[i].loc, NULL,
                        "invoer ‘%s’ wordt door geen enkele regel gebruikt", r->inputs[i].name);
    for (size_t o = 0; o < r->n_outcomes; o++)
        if (r->outcomes[o].kind == CHECK_CONCEPT && !r->outcomes[o].used &&
            check_is_declared(c, SYM_OUTCOME, o, r->outcomes[o].name))
            diag_report(c->d, DIAG_WARNING, r->outcomes[o].loc, NULL,
                        "begrip ‘%s’ wordt door geen enkele regel gebruikt", r->outcomes[o].name);
}

/* ----------------------------------------------------------- scenarios */

/* A scenario's facts and expectations are constants, evaluated here without
 * check_expr: that would intern types (datum, bedrag …), mark facts used and
 * add dependencies, and scenarios must not change the emitted program. */

#define CHECK_T_PEILDATUM (-2) /* the predeclared peildatum when the policy has none */

typedef struct scen_const {
    check_scen_value v;
    uint8_t kind;   /* RBC_TYPE_* of the constant */
    int32_t enum_t; /* ENUM: the soort */
} scen_const;

enum { SCEN_OK, SCEN_NOT_CONST, SCEN_REPORTED };

static uint8_t check_scen_kind_of(const checker *c, int32_t t)
{
    return t == CHECK_T_PEILDATUM ? RBC_TYPE_DATUM : check_kind(c, t);
}

static const char *check_scen_type_name(const checker *c, int32_t t)
{
    return t == CHECK_T_PEILDATUM ? "datum" : check_type_name(c, t);
}

static const char *check_scen_kind_name(const checker *c, const scen_const *k)
{
    switch (k->kind) {
    case RBC_TYPE_WAARHEID:
        return "waarheid";
    case RBC_TYPE_GETAL:
        return "getal";
    case RBC_TYPE_TEKST:
        return "tekst";
    case RBC_TYPE_ENUM:
        return check_type_name(c, k->enum_t);
    case RBC_TYPE_DATUM:
        return "datum";
    case RBC_TYPE_DUUR:
        return "duur";
    case RBC_TYPE_BEDRAG:
        return "bedrag";
    default:
        return "?";
    }
}

/* "soort ‘Kleur’ heeft de waarden ‘rood’ en ‘groen’" */
static void check_scen_members_hint(const checker *c, int32_t t, strbuf *hint)
{
    const check_type *ty = &c->r->types[t];
    sb_printf(hint, "soort ‘%s’ heeft de waarden ", ty->name);
    for (size_t m = 0; m < ty->n_members; m++)
        sb_printf(hint, "%s‘%s’",
                  m == 0                   ? ""
                  : m + 1 == ty->n_members ? " en "
                                           : ", ",
                  ty->members[m] ? ty->members[m] : "?");
}

/* A member `name` as a value where type t is wanted (t's own member first). */
static int check_scen_member(checker *c, const ast_expr *x, const char *name, int32_t t,
                             scen_const *out)
{
    const check_sym *s = check_lookup(c, name);
    if (s && (s->kind == SYM_INPUT || s->kind == SYM_OUTCOME || s->kind == SYM_PARAM))
        return SCEN_NOT_CONST;
    if (s) {
        diag_report(c->d, DIAG_ERROR, x->loc, NULL, "‘%s’ is een %s, geen waarde", name,
                    check_sym_kind_name(s->kind, c, s->index));
        return SCEN_REPORTED;
    }
    long head = check_map_get(&c->members, name);
    if (head < 0) {
        const check_result *r = c->r;
        bool is_enum = t >= 0 && r->types[t].kind == RBC_TYPE_ENUM;
        const char *sg =
            is_enum ? diag_suggest(name, r->types[t].members, r->types[t].n_members) : NULL;
        strbuf hint = STRBUF_INIT;
        const char *truth = t == CHECK_T_WAARHEID ? check_truth_word(name) : NULL;
        if (sg)
            sb_printf(&hint, "bedoelde u ‘%s’?", sg);
        else if (is_enum)
            check_scen_members_hint(c, t, &hint);
        else if (truth)
            sb_printf(&hint, "een waarheid is ‘waar’ of ‘onwaar’: schrijf ‘%s’", truth);
        if (truth && !sg)
            diag_report(c->d, DIAG_ERROR, x->loc, hint.data, "‘%s’ is geen woord van Regel", name);
        else
            diag_report(c->d, DIAG_ERROR, x->loc, hint.data, "onbekende waarde ‘%s’", name);
        sb_free(&hint);
        return SCEN_REPORTED;
    }
    const member_ref *pick = &c->mrefs[head];
    for (long i = head; i >= 0; i = c->mrefs[i].next)
        if (c->mrefs[i].type == t)
            pick = &c->mrefs[i];
    out->kind = RBC_TYPE_ENUM;
    out->enum_t = pick->type;
    out->v.kind = CHECK_SV_MEMBER;
    out->v.s = c->r->types[pick->type].members[pick->member];
    return SCEN_OK;
}

/* Evaluate the constant x (wanted type t, for members); SCEN_NOT_CONST when
 * it is no constant (the caller reports), SCEN_REPORTED after an error. */
static int check_scen_eval(checker *c, const ast_expr *x, int32_t t, scen_const *out)
{
    memset(out, 0, sizeof *out);
    if (!x)
        return SCEN_REPORTED;
    switch (x->kind) {
    case EX_WAAR:
    case EX_ONWAAR:
        out->kind = RBC_TYPE_WAARHEID;
        out->v.kind = CHECK_SV_WAARHEID;
        out->v.b = x->kind == EX_WAAR;
        return SCEN_OK;
    case EX_NUMBER:
        out->kind = RBC_TYPE_GETAL;
        out->v.kind = CHECK_SV_GETAL;
        out->v.q = x->u.number.value;
        return SCEN_OK;
    case EX_STRING:
        out->kind = RBC_TYPE_TEKST;
        out->v.kind = CHECK_SV_TEKST;
        out->v.s = x->u.string.s;
        out->v.len = x->u.string.len;
        return SCEN_OK;
    case EX_DATE:
        out->kind = RBC_TYPE_DATUM;
        out->v.kind = CHECK_SV_DATUM;
        out->v.day = x->u.date.day;
        return SCEN_OK;
    case EX_AMOUNT:
        out->kind = RBC_TYPE_BEDRAG;
        out->v.kind = CHECK_SV_BEDRAG;
        out->v.cents = x->u.amount.cents;
        return SCEN_OK;
    case EX_DURATION:
        if (x->u.duration.count_expr)
            return SCEN_NOT_CONST;
        out->kind = RBC_TYPE_DUUR;
        out->v.kind = CHECK_SV_DUUR;
        if (!check_duration_parts(x, &out->v.months, &out->v.days)) {
            diag_report(c->d, DIAG_ERROR, x->loc, NULL, "duur te groot");
            return SCEN_REPORTED;
        }
        return SCEN_OK;
    case EX_NEG: {
        int rc = check_scen_eval(c, x->u.unary.operand, t, out);
        if (rc != SCEN_OK)
            return rc;
        switch (out->kind) {
        case RBC_TYPE_GETAL:
            if (num_neg(out->v.q, &out->v.q) != NUM_OK) {
                diag_report(c->d, DIAG_ERROR, x->loc, NULL, "getal te groot");
                return SCEN_REPORTED;
            }
            return SCEN_OK;
        case RBC_TYPE_BEDRAG:
            out->v.cents = -out->v.cents;
            return SCEN_OK;
        case RBC_TYPE_DUUR:
            out->v.months = -out->v.months;
            out->v.days = -out->v.days;
            return SCEN_OK;
        default:
            return SCEN_NOT_CONST;
        }
    }
    case EX_BINARY: {
        /* date ± duration, folded with the calendar */
        if (x->u.binary.op != BIN_ADD && x->u.binary.op != BIN_SUB)
            return SCEN_NOT_CONST;
        scen_const l, r;
        int rc = check_scen_eval(c, x->u.binary.lhs, CHECK_T_ERROR, &l);
        if (rc == SCEN_OK)
            rc = check_scen_eval(c, x->u.binary.rhs, CHECK_T_ERROR, &r);
        if (rc != SCEN_OK)
            return rc;
        if (l.kind != RBC_TYPE_DATUM || r.kind != RBC_TYPE_DUUR)
            return SCEN_NOT_CONST;
        int64_t sign = x->u.binary.op == BIN_SUB ? -1 : 1;
        cal_day d;
        if (!cal_add_months(l.v.day, sign * r.v.months, &d) ||
            !cal_add_days(d, sign * r.v.days, &d)) {
            diag_report(c->d, DIAG_ERROR, check_full_loc(x), NULL,
                        "datum buiten het bereik 1-9999");
            return SCEN_REPORTED;
        }
        *out = l;
        out->v.day = d;
        return SCEN_OK;
    }
    case EX_NAME:
        if (!x->u.name.name)
            return SCEN_REPORTED;
        return check_scen_member(c, x, x->u.name.name, t, out);
    case EX_FIELD: {
        const ast_expr *rec = x->u.field.rec;
        const char *field = x->u.field.field;
        if (!rec || rec->kind != EX_NAME || !rec->u.name.name || !field)
            return SCEN_NOT_CONST;
        const check_sym *s = check_lookup(c, rec->u.name.name);
        if (!s || s->kind != SYM_ENUM)
            return SCEN_NOT_CONST;
        const check_type *ty = &c->r->types[s->index];
        long m = check_in_type(c, (int32_t)s->index, field);
        ty = &c->r->types[s->index];
        if (m >= 0) {
            out->kind = RBC_TYPE_ENUM;
            out->enum_t = (int32_t)s->index;
            out->v.kind = CHECK_SV_MEMBER;
            out->v.s = ty->members[m];
            return SCEN_OK;
        }
        const char *sg = diag_suggest(field, ty->members, ty->n_members);
        char hint[512];
        if (sg)
            snprintf(hint, sizeof hint, "bedoelde u ‘%s.%s’?", ty->name, sg);
        diag_report(c->d, DIAG_ERROR, x->u.field.field_loc, sg ? hint : NULL,
                    "soort ‘%s’ heeft geen waarde ‘%s’", ty->name, field);
        return SCEN_REPORTED;
    }
    default:
        return SCEN_NOT_CONST;
    }
}

/* The value of a `gegeven` fact or a `verwacht` line: a constant of type t
 * (geen when opt). `what` names it in messages ("feit ‘x’", "uitkomst ‘x’"),
 * `is_fact` picks the wording. False after an error (reported). */
static bool check_scen_want(checker *c, ast_expr *x, int32_t t, bool opt, const char *what,
                            bool is_fact, check_scen_value *out)
{
    if (t == CHECK_T_ERROR || !x)
        return false;
    uint8_t k = check_scen_kind_of(c, t);
    ast_loc at = check_full_loc(x);
    if (k == RBC_TYPE_LIJST || k == RBC_TYPE_RECORD || k == RBC_TYPE_PERIODE) {
        const char *kw = k == RBC_TYPE_LIJST    ? "een lijst"
                         : k == RBC_TYPE_RECORD ? "een gegeven"
                                                : "een periode";
        if (is_fact)
            diag_report(c->d, DIAG_ERROR, at,
                        "zet dit feit in een geval-bestand (JSON) en schrijf ‘gegeven uit "
                        "\"geval.json\"’; losse feiten ernaast geeft u met ‘gegeven naam is "
                        "waarde’",
                        "%s is van het type %s: %s kan niet in een scenario worden uitgeschreven, "
                        "alleen via ‘gegeven uit’",
                        what, check_scen_type_name(c, t), kw);
        else
            diag_report(c->d, DIAG_ERROR, at,
                        "verwacht een uitkomst of begrip met een enkelvoudig type dat ervan "
                        "afhangt, of ‘is onbekend’",
                        "%s is van het type %s: %s kan niet als verwachte waarde worden "
                        "uitgeschreven",
                        what, check_scen_type_name(c, t), kw);
        return false;
    }
    if (check_is_geen_word(c, x) && !check_enum_has_geen(c, t)) {
        if (opt) {
            memset(out, 0, sizeof *out);
            out->kind = CHECK_SV_GEEN;
            return true;
        }
        if (check_map_get(&c->members, "geen") < 0) {
            diag_report(c->d, DIAG_ERROR, at,
                        is_fact ? "alleen een optioneel feit (‘(optioneel)’) kan geen zijn"
                                : "alleen een optionele uitkomst (‘(optioneel)’) kan geen zijn",
                        "%s is niet optioneel en kan dus niet geen zijn", what);
            return false;
        }
    }
    scen_const v;
    int rc = check_scen_eval(c, x, t, &v);
    if (rc == SCEN_REPORTED)
        return false;
    if (rc == SCEN_NOT_CONST) {
        diag_report(c->d, DIAG_ERROR, at,
                    "schrijf een waarde zoals ‘waar’, ‘12’, ‘\"tekst\"’, ‘1 maart 2022’, ‘90 "
                    "euro’ of ‘2 maanden’; berekenen doen de regels",
                    is_fact ? "de waarde van %s moet in een scenario een vaste waarde zijn"
                            : "de verwachte waarde van %s moet een vaste waarde zijn",
                    what);
        return false;
    }
    if (v.kind != k || (k == RBC_TYPE_ENUM && v.enum_t != t)) {
        strbuf hint = STRBUF_INIT;
        check_mismatch_hint(c, t, x, CHECK_T_ERROR, &hint);
        switch (hint.data ? 0 : k) {
        case RBC_TYPE_BEDRAG:
            sb_puts(&hint, "schrijf een bedrag als ‘90 euro’ of ‘€ 90’");
            break;
        case RBC_TYPE_DATUM:
            sb_puts(&hint, "schrijf een datum als ‘1 maart 2022’ of ‘2022-03-01’");
            break;
        case RBC_TYPE_DUUR:
            sb_puts(&hint, "schrijf een duur als ‘2 maanden’");
            break;
        case RBC_TYPE_WAARHEID:
            sb_puts(&hint, "schrijf ‘waar’ of ‘onwaar’");
            break;
        case RBC_TYPE_TEKST:
            sb_puts(&hint, "een tekst staat tussen aanhalingstekens: \"…\"");
            break;
        case RBC_TYPE_GETAL:
            sb_puts(&hint, "schrijf een getal zonder aanhalingstekens of eenheid, bijvoorbeeld "
                           "‘20’ of ‘12,5’");
            break;
        case RBC_TYPE_ENUM:
            check_scen_members_hint(c, t, &hint);
            break;
        default:
            break;
        }
        diag_report(c->d, DIAG_ERROR, at, hint.data,
                    is_fact ? "%s is van het type %s, maar de waarde is van het type %s"
                            : "%s is van het type %s, maar de verwachte waarde is van het type %s",
                    what, check_scen_type_name(c, t), check_scen_kind_name(c, &v));
        sb_free(&hint);
        return false;
    }
    *out = v.v;
    return true;
}

/* `gegeven x is E` / `peildatum D`: x must be an invoer (or the predeclared
 * peildatum), given at most once. */
/* same: the first earlier fact of the same name, or -1 (check_first_same). */
static bool check_scen_one_fact(checker *c, const ast_scenario *sc, size_t i, int32_t same,
                                check_scen_fact *out)
{
    const ast_scen_fact *f = &sc->facts[i];
    if (!f->name)
        return false;
    if (same >= 0) {
        diag_report(c->d, DIAG_ERROR, f->loc, "geef elk feit één keer per scenario",
                    "feit ‘%s’ staat twee keer in scenario ‘%s’", f->name,
                    sc->name ? sc->name : "?");
        diag_report(c->d, DIAG_NOTE, sc->facts[same].loc, NULL, "de eerste keer staat hier");
        return false;
    }
    const check_result *r = c->r;
    const check_sym *s = check_lookup(c, f->name);
    int32_t t;
    bool opt = false;
    if (!s && strcmp(f->name, "peildatum") == 0) {
        t = CHECK_T_PEILDATUM; /* accepted (and ignored) by a policy that does not use it */
    } else if (!s) {
        const char **cands = check_alloc(c, r->n_inputs + 1, sizeof *cands);
        size_t n = 0;
        if (cands) {
            for (size_t k = 0; k < r->n_inputs; k++)
                cands[n++] = r->inputs[k].name;
            if (r->peildatum < 0)
                cands[n++] = "peildatum";
        }
        check_unknown(c, f->loc, cands, n, f->name, "onbekende invoer");
        return false;
    } else if (s->kind != SYM_INPUT) {
        diag_report(c->d, DIAG_ERROR, f->loc,
                    s->kind == SYM_OUTCOME ? "een scenario geeft invoer; wat er uit moet komen "
                                             "schrijft u met ‘verwacht’"
                                           : "een scenario geeft alleen invoer",
                    "‘%s’ is een %s, geen invoer", f->name,
                    check_sym_kind_name(s->kind, c, s->index));
        return false;
    } else {
        t = r->inputs[s->index].type;
        opt = r->inputs[s->index].optional;
    }
    strbuf what = STRBUF_INIT;
    sb_printf(&what, "feit ‘%s’", f->name);
    out->name = f->name;
    bool ok =
        check_scen_want(c, f->value, t, opt, what.data ? what.data : "feit", true, &out->value);
    sb_free(&what);
    return ok;
}

/* `door regel "R"`: R is a rule (or exception, any version) that concludes
 * outcome o. */
static bool check_scen_rule(checker *c, const ast_scen_expect *x, uint32_t o)
{
    const check_result *r = c->r;
    const check_rule *other = NULL;
    /* the rules of that name, in declaration order */
    for (long i = check_map_get(&c->rules, x->rule); i >= 0; i = c->rule_next[i]) {
        const check_rule *cr = &r->rules[i];
        if (cr->outcome == (int32_t)o)
            return true;
        if (!other)
            other = cr;
    }
    /* the rules that do conclude o, for the hint */
    const char **cands = check_alloc(c, r->n_rules, sizeof *cands);
    size_t n = 0;
    if (cands)
        for (size_t i = 0; i < r->n_rules; i++)
            if (r->rules[i].outcome == (int32_t)o && r->rules[i].ast->name) {
                bool dup = false;
                for (size_t k = 0; k < n && !dup; k++)
                    dup = strcmp(cands[k], r->rules[i].ast->name) == 0;
                if (!dup)
                    cands[n++] = r->rules[i].ast->name;
            }
    strbuf hint = STRBUF_INIT;
    const char *sg = other ? NULL : diag_suggest(x->rule, cands, n);
    if (sg) {
        sb_printf(&hint, "bedoelde u ‘%s’?", sg);
    } else if (n > 0) {
        sb_printf(&hint, "‘%s’ wordt vastgesteld door regel ", r->outcomes[o].name);
        for (size_t k = 0; k < n && k < 5; k++)
            sb_printf(&hint, "%s‘%s’",
                      k == 0                   ? ""
                      : (k + 1 == n || k == 4) ? " of "
                                               : ", ",
                      cands[k]);
    }
    if (other) {
        diag_report(c->d, DIAG_ERROR, x->rule_loc, hint.data,
                    "regel ‘%s’ stelt ‘%s’ vast, niet ‘%s’", x->rule,
                    other->outcome >= 0 ? r->outcomes[other->outcome].name
                                        : (other->ast->target ? other->ast->target : "?"),
                    r->outcomes[o].name);
        diag_report(c->d, DIAG_NOTE, other->ast->loc, NULL, "regel ‘%s’ staat hier", x->rule);
    } else {
        diag_report(c->d, DIAG_ERROR, x->rule_loc, hint.data, "onbekende regel ‘%s’", x->rule);
    }
    sb_free(&hint);
    return false;
}

/* `verwacht u is E [door regel "R"]` / `verwacht u is onbekend`. */
static bool check_scen_one_expect(checker *c, const ast_scenario *sc, size_t i, int32_t same,
                                  check_scen_expect *out)
{
    const ast_scen_expect *x = &sc->expects[i];
    if (!x->outcome)
        return false;
    const check_result *r = c->r;
    const check_sym *s = check_lookup(c, x->outcome);
    if (!s) {
        const char **cands = check_alloc(c, r->n_outcomes, sizeof *cands);
        if (cands)
            for (size_t k = 0; k < r->n_outcomes; k++)
                cands[k] = r->outcomes[k].name;
        const char *sg = cands ? diag_suggest(x->outcome, cands, r->n_outcomes) : NULL;
        char hint[512];
        if (sg)
            snprintf(hint, sizeof hint, "bedoelde u ‘%s’?", sg);
        diag_report(c->d, DIAG_ERROR, x->name_loc,
                    sg ? hint : "een scenario verwacht iets van een uitkomst of begrip",
                    "scenario ‘%s’ noemt een onbekende uitkomst ‘%s’", sc->name ? sc->name : "?",
                    x->outcome);
        return false;
    }
    if (s->kind != SYM_OUTCOME) {
        diag_report(c->d, DIAG_ERROR, x->name_loc,
                    s->kind == SYM_INPUT ? "een invoer geeft u met ‘gegeven’; ‘verwacht’ "
                                           "controleert een uitkomst of begrip"
                                         : "‘verwacht’ controleert een uitkomst of begrip",
                    "‘%s’ is een %s, geen uitkomst of begrip", x->outcome,
                    check_sym_kind_name(s->kind, c, s->index));
        return false;
    }
    if (same >= 0) {
        diag_report(c->d, DIAG_ERROR, x->name_loc,
                    "verwacht elke uitkomst één keer per "
                    "scenario",
                    "‘%s’ wordt twee keer verwacht in scenario ‘%s’", x->outcome,
                    sc->name ? sc->name : "?");
        diag_report(c->d, DIAG_NOTE, sc->expects[same].name_loc, NULL, "de eerste keer staat hier");
        return false;
    }
    const check_var *v = &r->outcomes[s->index];
    memset(out, 0, sizeof *out);
    out->outcome = x->outcome;
    out->loc = x->loc;
    out->rule = x->rule;
    out->unknown = x->unknown;
    bool ok = true;
    if (!x->unknown) {
        strbuf what = STRBUF_INIT;
        sb_printf(&what, "%s ‘%s’", v->kind == CHECK_CONCEPT ? "begrip" : "uitkomst", v->name);
        ok = check_scen_want(c, x->value, v->type, v->optional, what.data ? what.data : "?", false,
                             &out->value);
        sb_free(&what);
    }
    if (x->rule && !check_scen_rule(c, x, s->index))
        ok = false;
    return ok;
}

static void check_scenarios(checker *c)
{
    ast_policy *p = c->p;
    check_result *r = c->r;
    size_t n = 0;
    for (size_t i = 0; i < p->n_decls; i++)
        n += p->decls[i].kind == DECL_SCENARIO;
    if (n == 0)
        return;
    r->scenarios = check_alloc(c, n, sizeof *r->scenarios);
    if (!r->scenarios)
        return;
    check_map names;
    memset(&names, 0, sizeof names);
    for (size_t i = 0; i < p->n_decls && !c->oom; i++) {
        if (p->decls[i].kind != DECL_SCENARIO)
            continue;
        const ast_scenario *sc = &p->decls[i].u.scenario;
        check_scenario *cs = &r->scenarios[r->n_scenarios++];
        memset(cs, 0, sizeof *cs);
        cs->ast = sc;
        if (sc->name) {
            long old = check_map_get(&names, sc->name);
            if (old >= 0) {
                diag_report(c->d, DIAG_ERROR, sc->name_loc, "geef elk scenario een eigen naam",
                            "er is al een scenario met de naam ‘%s’", sc->name);
                diag_report(c->d, DIAG_NOTE, r->scenarios[old].ast->name_loc, NULL,
                            "het andere scenario staat hier");
            } else if (!check_map_put(c->a, &names, sc->name, (uint32_t)(r->n_scenarios - 1))) {
                c->oom = true;
                return;
            }
        }
        cs->facts = check_alloc(c, sc->n_facts, sizeof *cs->facts);
        cs->expects = check_alloc(c, sc->n_expects, sizeof *cs->expects);
        if (!cs->facts || !cs->expects)
            return;
        const char **snames = check_alloc(c, sc->n_facts + sc->n_expects, sizeof *snames);
        if (!snames)
            return;
        for (size_t k = 0; k < sc->n_facts; k++)
            snames[k] = sc->facts[k].name;
        for (size_t k = 0; k < sc->n_expects; k++)
            snames[sc->n_facts + k] = sc->expects[k].outcome;
        int32_t *fsame = check_first_same(c, snames, sc->n_facts);
        int32_t *xsame = check_first_same(c, snames + sc->n_facts, sc->n_expects);
        if (!fsame || !xsame)
            return;
        for (size_t k = 0; k < sc->n_facts; k++)
            if (check_scen_one_fact(c, sc, k, fsame[k], &cs->facts[cs->n_facts]))
                cs->n_facts++;
        for (size_t k = 0; k < sc->n_expects; k++)
            if (check_scen_one_expect(c, sc, k, xsame[k], &cs->expects[cs->n_expects]))
                cs->n_expects++;
        if (sc->n_expects == 0)
            diag_report(c->d, DIAG_ERROR, sc->loc,
                        "voeg ten minste één ‘verwacht’ toe, bijvoorbeeld ‘verwacht toegang is "
                        "waar’",
                        "scenario ‘%s’ verwacht niets: een scenario zonder ‘verwacht’ test niets",
                        sc->name ? sc->name : "?");
    }
}

/* ---------------------------------------------------------------- entry */

check_result *check_policy(arena *a, diag_ctx *d, ast_policy *p)
{
    if (!a || !d || !p)
        return NULL;
    check_result *r = arena_alloc(a, sizeof *r);
    if (!r)
        return NULL;
    r->policy = p;
    checker c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.d = d;
    c.p = p;
    c.r = r;
    c.cur_outcome = -1;
    r->peildatum = -1;
    if (!p->decls)
        p->n_decls = 0;
    check_declarations(&c);
    if (c.oom)
        return NULL;
    check_params(&c);
    check_defaults(&c);
    check_rule_targets(&c);
    check_rule_versions(&c);
    check_rule_parents(&c);
    check_rule_bodies(&c);
    check_templates(&c);
    if (c.oom)
        return NULL;
    check_cycles(&c);
    check_eval_order(&c);
    check_rule_order(&c);
    check_conflicts(&c);
    check_scenarios(&c);
    /* After errors a fact often looks unused only because its use was wrong. */
    if (diag_error_count(d) == 0)
        check_unused(&c);
    return c.oom ? NULL : r;
}
