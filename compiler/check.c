/* check.c — static semantics of a parsed policy (spec §3): symbol tables,
 * duplicate names, type resolution, expression typing with contextual
 * enumeration members, exceptions, the dependency graph with its cycles and
 * topological order, provable conflicts and unused-name warnings. Reports
 * every problem it finds through diag; never prints, exits or emits bytes. */
#include "check.h"

#include <stdio.h>
#include <string.h>

#include "bytecode.h"
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

/* ---------------------------------------------------------------- state */

typedef enum sym_kind { SYM_ENUM, SYM_RECORD, SYM_INPUT, SYM_OUTCOME } sym_kind;

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

    check_map rules; /* rule name → rule number */

    size_t n_enums, n_records;
    const ast_record **records; /* record ordinal → declaration */
    int32_t cur_outcome;        /* the outcome of the rule being checked, or -1 */
    unsigned depth;             /* nesting of check_expr (bounded: no stack overflow) */
    bool too_deep;              /* reported once */
    ast_loc rule_loc;           /* the rule being checked, for that report */
    dep_list *deps;             /* per outcome: outcomes its rules read */
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

/* Report "unknown X" with a near-miss hint over candidates. */
static void check_unknown(checker *c, ast_loc loc, const char *const *cands, size_t n,
                          const char *name, const char *what)
{
    const char *s = diag_suggest(name, cands, n);
    char hint[512];
    if (s)
        snprintf(hint, sizeof hint, "bedoelde u ‘%s’?", s);
    diag_report(c->d, DIAG_ERROR, loc, s ? hint : NULL, "%s ‘%s’", what, name);
}

/* ------------------------------------------------------- declarations */

static void check_declare(checker *c, sym_kind kind, uint32_t index, const char *name, ast_loc loc)
{
    if (!name)
        return;
    const check_sym *old = check_lookup(c, name);
    if (old) {
        diag_report(c->d, DIAG_ERROR, loc, NULL, "‘%s’ is al gedeclareerd als %s", name,
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
    const char **v = check_alloc(c, c->n_syms + 3, sizeof *v);
    *n = 0;
    if (!v)
        return NULL;
    v[(*n)++] = "waarheid";
    v[(*n)++] = "getal";
    v[(*n)++] = "tekst";
    for (size_t i = 0; i < c->n_syms; i++)
        if (c->syms[i].kind == SYM_ENUM || c->syms[i].kind == SYM_RECORD)
            v[(*n)++] = c->syms[i].name;
    return v;
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
    check_unknown(c, t->loc, cands, cands ? n : 0, t->name, "onbekend type");
    return CHECK_T_ERROR;
}

/* Put the records in an order where every field type comes before the record
 * (depth-first, declaration order); a record that contains itself is an
 * error naming the chain. Then renumber every type id that refers to one. */
static void check_order_records(checker *c)
{
    size_t nr = c->n_records, base = 3 + c->n_enums;
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
            if (next_field[r] < ty->n_fields) {
                size_t fi = next_field[r]++;
                int32_t ft = ty->field_types[fi];
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
                    diag_report(c->d, DIAG_ERROR, ty->fields[fi].type.loc, NULL,
                                "kringverwijzing tussen gegevens: %s", sb.data ? sb.data : "");
                    sb_free(&sb);
                    ty->field_types[fi] = CHECK_T_ERROR;
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
        for (size_t f = 0; f < types[base + k].n_fields; f++)
            REMAP(types[base + k].field_types[f]);
    for (size_t i = 0; i < c->r->n_inputs; i++)
        REMAP(c->r->inputs[i].type);
    for (size_t i = 0; i < c->r->n_outcomes; i++)
        REMAP(c->r->outcomes[i].type);
    for (size_t i = 0; i < c->n_syms; i++)
        if (c->syms[i].kind == SYM_RECORD) {
            int32_t t = (int32_t)c->syms[i].index;
            REMAP(t);
            c->syms[i].index = (uint32_t)t;
        }
#undef REMAP
}

static void check_declarations(checker *c)
{
    ast_policy *p = c->p;
    size_t n_inputs = 0, n_outcomes = 0, n_rules = 0, n_members = 0;
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
        }
    }
    check_result *r = c->r;
    r->n_types = 3 + c->n_enums + c->n_records;
    r->types = check_alloc(c, r->n_types, sizeof *r->types);
    r->inputs = check_alloc(c, n_inputs, sizeof *r->inputs);
    r->outcomes = check_alloc(c, n_outcomes, sizeof *r->outcomes);
    r->rules = check_alloc(c, n_rules, sizeof *r->rules);
    c->syms = check_alloc(c, p->n_decls, sizeof *c->syms);
    c->mrefs = check_alloc(c, n_members, sizeof *c->mrefs);
    c->records = check_alloc(c, c->n_records, sizeof *c->records);
    c->deps = check_alloc(c, n_outcomes, sizeof *c->deps);
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
            if (ru->name) {
                long old = check_map_get(&c->rules, ru->name);
                if (old >= 0) {
                    diag_report(c->d, DIAG_ERROR, ru->loc, NULL,
                                "er is al een regel met de naam ‘%s’", ru->name);
                    check_note_here(c, r->rules[old].ast->loc);
                } else if (!check_map_put(c->a, &c->rules, ru->name, (uint32_t)r->n_rules)) {
                    c->oom = true;
                }
            }
            r->n_rules++;
            break;
        }
        }
        if (c->oom)
            return;
    }

    /* Enumeration members: unique within their soort, distinct from facts,
     * outcomes and begrippen. */
    for (size_t ti = 3; ti < 3 + c->n_enums; ti++) {
        check_type *t = &r->types[ti];
        const ast_enum *en = NULL;
        for (size_t i = 0, k = 3; i < p->n_decls; i++)
            if (p->decls[i].kind == DECL_ENUM && k++ == ti)
                en = &p->decls[i].u.enumeration;
        for (size_t m = 0; m < t->n_members; m++) {
            const char *name = t->members[m];
            ast_loc loc = en && en->member_locs ? en->member_locs[m] : t->loc;
            if (!name)
                continue;
            bool dup = false;
            for (size_t k = 0; k < m && !dup; k++) {
                if (t->members[k] && strcmp(t->members[k], name) == 0) {
                    diag_report(c->d, DIAG_ERROR, loc, NULL,
                                "‘%s’ komt twee keer voor in soort ‘%s’", name, t->name);
                    check_note_here(c, en && en->member_locs ? en->member_locs[k] : t->loc);
                    dup = true;
                }
            }
            if (dup)
                continue;
            const check_sym *s = check_lookup(c, name);
            if (s && (s->kind == SYM_INPUT || s->kind == SYM_OUTCOME)) {
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
                if (!check_map_put(c->a, &c->members, name, (uint32_t)c->n_mrefs))
                    c->oom = true;
            } else {
                member_ref *last = &c->mrefs[head];
                while (last->next >= 0)
                    last = &c->mrefs[last->next];
                last->next = (int32_t)c->n_mrefs;
            }
            c->n_mrefs++;
        }
    }

    /* Record fields: unique names, resolved types. */
    for (size_t k = 0; k < c->n_records; k++) {
        check_type *t = &r->types[3 + c->n_enums + k];
        for (size_t f = 0; f < t->n_fields; f++) {
            const ast_field *fd = &t->fields[f];
            t->field_types[f] = check_resolve_type(c, &fd->type);
            for (size_t g = 0; g < f && fd->name; g++) {
                if (t->fields[g].name && strcmp(t->fields[g].name, fd->name) == 0) {
                    diag_report(c->d, DIAG_ERROR, fd->loc, NULL,
                                "gegeven ‘%s’ heeft twee velden met de naam ‘%s’", t->name,
                                fd->name);
                    check_note_here(c, t->fields[g].loc);
                    break;
                }
            }
        }
    }

    /* Types of facts, outcomes and begrippen. */
    size_t ii = 0, oi = 0;
    for (size_t i = 0; i < p->n_decls; i++) {
        ast_decl *dc = &p->decls[i];
        if (dc->kind == DECL_INPUT)
            r->inputs[ii++].type = check_resolve_type(c, &dc->u.var.type);
        else if (dc->kind == DECL_OUTCOME || dc->kind == DECL_CONCEPT)
            r->outcomes[oi++].type = check_resolve_type(c, &dc->u.var.type);
    }
    check_order_records(c);
}

/* --------------------------------------------------------- expressions */

static void check_add_dep(checker *c, uint32_t to, ast_loc loc)
{
    if (c->cur_outcome < 0)
        return;
    dep_list *dl = &c->deps[c->cur_outcome];
    for (size_t i = 0; i < dl->n; i++)
        if (dl->e[i].to == to)
            return;
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

static void check_unknown_name(checker *c, const ast_expr *e, int32_t expected)
{
    const check_result *r = c->r;
    size_t cap = r->n_inputs + r->n_outcomes + c->n_mrefs;
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
        if (!enum_ctx)
            for (size_t i = 0; i < c->n_mrefs; i++)
                cands[n++] = r->types[c->mrefs[i].type].members[c->mrefs[i].member];
    }
    check_unknown(c, e->loc, cands, n, e->u.name.name, "onbekende naam");
}

static int32_t check_name(checker *c, ast_expr *e, int32_t expected)
{
    const char *name = e->u.name.name;
    if (!name)
        return CHECK_T_ERROR;
    const check_sym *s = check_lookup(c, name);
    if (s) {
        switch (s->kind) {
        case SYM_INPUT:
            e->res.kind = REF_INPUT;
            e->res.index = s->index;
            c->r->inputs[s->index].used = true;
            return c->r->inputs[s->index].type;
        case SYM_OUTCOME:
            e->res.kind = REF_OUTCOME;
            e->res.index = s->index;
            c->r->outcomes[s->index].used = true;
            check_add_dep(c, s->index, e->loc);
            return c->r->outcomes[s->index].type;
        case SYM_ENUM:
            diag_report(c->d, DIAG_ERROR, e->loc, NULL, "‘%s’ is een soort, geen waarde", name);
            return CHECK_T_ERROR;
        case SYM_RECORD:
            diag_report(c->d, DIAG_ERROR, e->loc, NULL, "‘%s’ is een gegeven-type, geen waarde",
                        name);
            return CHECK_T_ERROR;
        }
    }
    long head = check_map_get(&c->members, name);
    if (head < 0) {
        check_unknown_name(c, e, expected);
        return CHECK_T_ERROR;
    }
    const member_ref *pick = NULL;
    size_t count = 0;
    for (long i = head; i >= 0; i = c->mrefs[i].next) {
        count++;
        if (c->mrefs[i].type == expected)
            pick = &c->mrefs[i];
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
            const check_type *t = &r->types[s->index];
            for (size_t m = 0; m < t->n_members; m++) {
                if (t->members[m] && strcmp(t->members[m], field) == 0) {
                    e->res.kind = REF_MEMBER;
                    e->res.index = s->index;
                    e->res.aux = (uint32_t)m;
                    return (int32_t)s->index;
                }
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
    if (t->kind != RBC_TYPE_RECORD) {
        diag_report(c->d, DIAG_ERROR, e->u.field.field_loc, NULL,
                    "alleen een gegeven heeft velden, maar dit is van het type %s", t->name);
        return CHECK_T_ERROR;
    }
    for (size_t f = 0; f < t->n_fields; f++) {
        if (t->fields[f].name && strcmp(t->fields[f].name, field) == 0) {
            e->res.kind = REF_FIELD;
            e->res.index = (uint32_t)rt;
            e->res.aux = (uint32_t)f;
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

/* Both operands of a comparison (or the lhs and one item of `is een van`). */
static void check_compare_types(checker *c, ast_loc loc, int32_t lt, int32_t rt, bool order)
{
    if (lt < 0 || rt < 0)
        return;
    if (lt != rt) {
        diag_report(c->d, DIAG_ERROR, loc, NULL, "kan %s niet vergelijken met %s",
                    check_type_name(c, lt), check_type_name(c, rt));
        return;
    }
    if (order && lt != CHECK_T_GETAL) {
        diag_report(c->d, DIAG_ERROR, loc, NULL,
                    "alleen getallen kunnen op grootte vergeleken worden, maar dit is van het "
                    "type %s",
                    check_type_name(c, lt));
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

static int32_t check_binary(checker *c, ast_expr *e)
{
    ast_expr *lhs = e->u.binary.lhs, *rhs = e->u.binary.rhs;
    ast_binop op = e->u.binary.op;
    switch (op) {
    case BIN_AND:
    case BIN_OR: {
        int32_t lt = check_expr(c, lhs, CHECK_T_WAARHEID);
        int32_t rt = check_expr(c, rhs, CHECK_T_WAARHEID);
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
    case BIN_DIV: {
        int32_t lt = check_expr(c, lhs, CHECK_T_GETAL);
        int32_t rt = check_expr(c, rhs, CHECK_T_GETAL);
        check_want_number(c, lhs, lt);
        check_want_number(c, rhs, rt);
        return CHECK_T_GETAL;
    }
    case BIN_EQ:
    case BIN_NE:
    case BIN_LT:
    case BIN_LE:
    case BIN_GT:
    case BIN_GE: {
        int32_t lt, rt;
        if (check_needs_context(c, lhs) && !check_needs_context(c, rhs)) {
            rt = check_expr(c, rhs, CHECK_T_ERROR);
            lt = check_expr(c, lhs, rt);
        } else {
            lt = check_expr(c, lhs, CHECK_T_ERROR);
            rt = check_expr(c, rhs, lt);
        }
        check_compare_types(c, e->loc, lt, rt, op != BIN_EQ && op != BIN_NE);
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
        lt = check_expr(c, lhs, CHECK_T_ERROR);
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
        int32_t it = done && done[i] ? item->type : check_expr(c, item, lt);
        if (lt >= 0 && it >= 0 && it != lt)
            diag_report(c->d, DIAG_ERROR, item->loc, NULL, "kan %s niet vergelijken met %s",
                        check_type_name(c, lt), check_type_name(c, it));
    }
    return CHECK_T_WAARHEID;
}

/* Type e (and everything below it); expected is the type the context wants,
 * used only to choose the soort of a bare enumeration member. */
/* Deeper expressions (e.g. a sum of thousands of terms) are rejected so
 * that neither the checker nor the emitter can overflow the stack. */
#define CHECK_MAX_DEPTH 1000

static int32_t check_expr_inner(checker *c, ast_expr *e, int32_t expected);

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
        t = CHECK_T_WAARHEID;
        break;
    }
    case EX_NEG: {
        int32_t ot = check_expr(c, e->u.unary.operand, CHECK_T_GETAL);
        if (e->u.unary.operand)
            check_want_number(c, e->u.unary.operand, ot);
        t = CHECK_T_GETAL;
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
    }
    e->type = t;
    return t;
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
            const char **cands = check_alloc(c, r->n_outcomes, sizeof *cands);
            if (cands)
                for (size_t k = 0; k < r->n_outcomes; k++)
                    cands[k] = r->outcomes[k].name;
            check_unknown(c, ru->target_loc, cands, cands ? r->n_outcomes : 0, ru->target,
                          "onbekende uitkomst");
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
    for (size_t i = 0; i < r->n_rules; i++) {
        check_rule *cr = &r->rules[i];
        const ast_rule *ru = cr->ast;
        if (!ru->is_exception || !ru->parent_name)
            continue;
        long pi = check_map_get(&c->rules, ru->parent_name);
        if (pi < 0) {
            check_unknown(c, ru->parent_loc, names, r->n_rules, ru->parent_name,
                          "er is geen regel met de naam");
            continue;
        }
        const check_rule *parent = &r->rules[pi];
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
        for (size_t b = 0; ru->branches && b < ru->n_branches; b++) {
            ast_branch *br = &ru->branches[b];
            if (br->cond) {
                int32_t ct = check_expr(c, br->cond, CHECK_T_WAARHEID);
                if (ct >= 0 && ct != CHECK_T_WAARHEID)
                    diag_report(c->d, DIAG_ERROR, br->cond->loc, NULL,
                                "de voorwaarde na ‘indien’ moet een waarheid zijn, maar is van "
                                "het type %s",
                                check_type_name(c, ct));
            }
            if (br->value) {
                int32_t vt = check_expr(c, br->value, want);
                if (vt >= 0 && want >= 0 && vt != want)
                    diag_report(c->d, DIAG_ERROR, br->value->loc, NULL,
                                "‘%s’ is van het type %s, maar deze waarde is van het type %s",
                                ru->target, check_type_name(c, want), check_type_name(c, vt));
            }
        }
        c->cur_outcome = -1;
    }
    for (size_t o = 0; o < r->n_outcomes; o++) {
        bool has = false;
        for (size_t i = 0; i < r->n_rules && !has; i++)
            has = r->rules[i].outcome == (int32_t)o;
        if (!has && check_is_declared(c, SYM_OUTCOME, o, r->outcomes[o].name))
            diag_report(
                c->d, DIAG_ERROR, r->outcomes[o].loc, "schrijf een regel die deze waarde vaststelt",
                "er is geen regel voor %s ‘%s’",
                r->outcomes[o].kind == CHECK_CONCEPT ? "begrip" : "uitkomst", r->outcomes[o].name);
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
    if (c->oom)
        return;
    for (size_t k = 0; k < n; k++) {
        size_t pick = n;
        for (size_t x = 0; x < n && pick == n; x++) {
            if (placed[x])
                continue;
            bool ready = true;
            for (size_t j = 0; j < c->deps[x].n && ready; j++)
                ready = placed[c->deps[x].e[j].to] || c->deps[x].e[j].to == x;
            if (ready)
                pick = x;
        }
        if (pick == n)
            for (size_t x = 0; x < n && pick == n; x++)
                if (!placed[x])
                    pick = x;
        placed[pick] = true;
        r->eval_order[k] = (uint32_t)pick;
        r->eval_index[pick] = (uint32_t)k;
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

static bool check_always_applies(const check_rule *cr)
{
    const ast_rule *ru = cr->ast;
    return ru->branches && ru->n_branches > 0 && ru->branches[ru->n_branches - 1].cond == NULL;
}

static const char *check_rule_name(const check_rule *cr)
{
    return cr->ast->name ? cr->ast->name : "?";
}

static void check_conflicts(checker *c)
{
    check_result *r = c->r;
    /* Root rules per outcome; then the direct exceptions of each rule. A rule
     * marked as an exception whose parent could not be resolved takes part
     * in neither (its error is already reported). */
    for (size_t o = 0; o < r->n_outcomes; o++) {
        long first = -1;
        for (size_t i = 0; i < r->n_rules; i++) {
            const check_rule *cr = &r->rules[i];
            if (cr->outcome != (int32_t)o || cr->ast->is_exception || !check_always_applies(cr))
                continue;
            if (first < 0) {
                first = (long)i;
                continue;
            }
            diag_report(c->d, DIAG_ERROR, cr->ast->loc,
                        "maak een van beide een uitzondering op de andere, of geef ze een "
                        "voorwaarde",
                        "conflict: de regels ‘%s’ en ‘%s’ zijn allebei altijd van toepassing op "
                        "‘%s’, en geen van beide is een uitzondering op de andere",
                        check_rule_name(&r->rules[first]), check_rule_name(cr),
                        r->outcomes[o].name);
            diag_report(c->d, DIAG_NOTE, r->rules[first].ast->loc, NULL, "regel ‘%s’ staat hier",
                        check_rule_name(&r->rules[first]));
        }
    }
    for (size_t p = 0; p < r->n_rules; p++) {
        long first = -1;
        for (size_t i = 0; i < r->n_rules; i++) {
            const check_rule *cr = &r->rules[i];
            if (cr->parent != (int32_t)p || !check_always_applies(cr))
                continue;
            if (first < 0) {
                first = (long)i;
                continue;
            }
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
    if (!p->decls)
        p->n_decls = 0;
    check_declarations(&c);
    if (c.oom)
        return NULL;
    check_rule_targets(&c);
    check_rule_parents(&c);
    check_rule_bodies(&c);
    if (c.oom)
        return NULL;
    check_cycles(&c);
    check_eval_order(&c);
    check_rule_order(&c);
    check_conflicts(&c);
    /* After errors a fact often looks unused only because its use was wrong. */
    if (diag_error_count(d) == 0)
        check_unused(&c);
    return c.oom ? NULL : r;
}
