/* verify.c — check a decoded policy before anything runs (DESIGN principle
 * 8): every index, name, table and rule block, the latter by abstract
 * interpretation over operand types. Must reject, never repair or crash. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "rt.h"

/* Abstract operand types: an ENUM/RECORD type index, a primitive kind, or a
 * list of one of those (lists are compared by element type, not by index). */
#define ATY_PRIM(kind)    (0xFFFFFF00u | (uint32_t)(kind))
#define ATY_LISTPRIM(k)   (0xFFFFFE00u | (uint32_t)(k))
#define ATY_LISTIDX(i)    (0x80000000u | (uint32_t)(i)) /* i < RT_MAX_TYPES */
#define ATY_WAARHEID      ATY_PRIM(RBC_TYPE_WAARHEID)
#define ATY_GETAL         ATY_PRIM(RBC_TYPE_GETAL)
#define ATY_TEKST         ATY_PRIM(RBC_TYPE_TEKST)
#define ATY_DATUM         ATY_PRIM(RBC_TYPE_DATUM)
#define ATY_DUUR          ATY_PRIM(RBC_TYPE_DUUR)
#define ATY_BEDRAG        ATY_PRIM(RBC_TYPE_BEDRAG)
#define ATY_PERIODE       ATY_PRIM(RBC_TYPE_PERIODE)
#define ATY_PERIODE_LIJST ATY_LISTPRIM(RBC_TYPE_PERIODE)

static bool aty_is_list(uint32_t at)
{
    return (at & 0xFFFFFF00u) == 0xFFFFFE00u || (at >= 0x80000000u && at < 0xFF000000u);
}

static uint32_t aty_elem(uint32_t at)
{
    return (at & 0xFFFFFF00u) == 0xFFFFFE00u ? ATY_PRIM(at & 0xFFu) : at & 0x7FFFFFFFu;
}

static uint32_t aty_list_of(uint32_t elem)
{
    return (elem & 0xFFFFFF00u) == 0xFFFFFF00u ? ATY_LISTPRIM(elem & 0xFFu) : ATY_LISTIDX(elem);
}

/* Loop-slot state: which slots are active and their element types. */
struct vf_frame {
    uint32_t active; /* bit per slot */
    uint32_t ty[RT_MAX_SLOTS];
};

struct vf {
    regel_policy *p;
    regel_error *err;
    const char *name; /* file name for messages */
    /* scratch for rule blocks, code_len entries each */
    uint8_t *start; /* 1 at instruction boundaries of the current block */
    int32_t *state; /* -2: not reached, -1: empty stack, else node index */
    int32_t *frame; /* loop-slot state at each reached offset (index into frames) */
    uint32_t *exit; /* ITER_NEXT offsets: their exit target (RBC_NONE otherwise) */
    struct vf_frame *frames;
    uint32_t n_frames, cap_frames;
    uint32_t max_slots;
    struct vf_node {
        uint32_t type;
        int32_t below;
        uint32_t depth;
    } * nodes;
    uint32_t n_nodes;
    uint32_t max_depth;
    uint32_t *conds; /* offsets of the reachable CONDs so far (scratch) */
    uint32_t n_conds;
};

#define ST_NONE  (-2)
#define ST_EMPTY (-1)

static int vf_oom(struct vf *v)
{
    return rt_error(v->err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
}

static uint32_t aty_of(const regel_policy *p, uint32_t t)
{
    uint8_t k = p->types[t].kind;
    if (k == RBC_TYPE_LIJST) /* elem < t and not a LIJST (load.c) */
        return aty_list_of(aty_of(p, p->types[t].elem));
    return (k == RBC_TYPE_ENUM || k == RBC_TYPE_RECORD) ? t : ATY_PRIM(k);
}

static const char *aty_desc(const regel_policy *p, uint32_t at, char *buf, size_t cap)
{
    switch (at) {
    case ATY_WAARHEID:
        return "waarheid";
    case ATY_GETAL:
        return "getal";
    case ATY_TEKST:
        return "tekst";
    case ATY_DATUM:
        return "datum";
    case ATY_DUUR:
        return "duur";
    case ATY_BEDRAG:
        return "bedrag";
    case ATY_PERIODE:
        return "periode";
    default:
        break;
    }
    if (aty_is_list(at)) {
        char inner[200];
        snprintf(buf, cap, "lijst van %s", aty_desc(p, aty_elem(at), inner, sizeof inner));
        return buf;
    }
    if (at < p->n_types) {
        const rt_type *t = &p->types[at];
        snprintf(buf, cap, "%s ‘%s’", t->kind == RBC_TYPE_ENUM ? "soort" : "gegeven", t->name);
        return buf;
    }
    return "?";
}

/* ---- unique names ---- */

struct named {
    const char *name;
    uint32_t idx;
};

static int named_cmp(const void *a, const void *b)
{
    const struct named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sort items and find a duplicate name: returns true and the two indices (the
 * first duplicate pair in sorted order) when there is one. */
static bool find_duplicate(struct named *items, uint32_t n, uint32_t *a, uint32_t *b)
{
    if (n < 2)
        return false;
    qsort(items, n, sizeof *items, named_cmp);
    for (uint32_t i = 1; i < n; i++)
        if (strcmp(items[i - 1].name, items[i].name) == 0) {
            *a = items[i - 1].idx;
            *b = items[i].idx;
            return true;
        }
    return false;
}

/* ---- tables ---- */

/* Whether values of type kind `kind` can be below zero: the kinds a
 * (niet negatief) flag (RBC_NONNEGATIVE) is allowed on. */
static bool signed_kind(uint8_t kind)
{
    return kind == RBC_TYPE_GETAL || kind == RBC_TYPE_BEDRAG || kind == RBC_TYPE_DUUR;
}

static int verify_types(struct vf *v)
{
    regel_policy *p = v->p;
    size_t max_n = p->n_types;
    for (uint32_t i = 0; i < p->n_types; i++)
        if (p->types[i].n > max_n)
            max_n = p->types[i].n;
    struct named *items = malloc((max_n ? max_n : 1) * sizeof *items);
    if (!items)
        return vf_oom(v);
    int rc = REGEL_OK;
    uint32_t a, b, n_named = 0;
    for (uint32_t i = 0; i < p->n_types && rc == REGEL_OK; i++) {
        const rt_type *t = &p->types[i];
        if (t->kind == RBC_TYPE_ENUM) {
            for (uint32_t k = 0; k < t->n; k++)
                items[k] = (struct named){t->members[k], k};
            if (find_duplicate(items, t->n, &a, &b))
                rc = rt_bytecode_error(v->err, v->name,
                                       "soort ‘%s’ (type %u) heeft lid ‘%s’ twee keer", t->name, i,
                                       t->members[a]);
        } else if (t->kind == RBC_TYPE_RECORD) {
            for (uint32_t k = 0; k < t->n && rc == REGEL_OK; k++)
                if (t->fields[k].type >= i)
                    rc = rt_bytecode_error(v->err, v->name,
                                           "veld ‘%s’ van gegeven ‘%s’ (type %u) heeft type %u, "
                                           "dat niet vóór het gegeven zelf staat",
                                           t->fields[k].name, t->name, i, t->fields[k].type);
            for (uint32_t k = 0; k < t->n && rc == REGEL_OK; k++)
                if (t->fields[k].flags & ~(RBC_OPTIONAL | RBC_NONNEGATIVE))
                    rc = rt_bytecode_error(v->err, v->name,
                                           "veld ‘%s’ van gegeven ‘%s’ (type %u) heeft onbekende "
                                           "vlaggen 0x%x",
                                           t->fields[k].name, t->name, i, t->fields[k].flags);
                else if ((t->fields[k].flags & RBC_NONNEGATIVE) &&
                         !signed_kind(p->types[t->fields[k].type].kind))
                    rc = rt_bytecode_error(v->err, v->name,
                                           "veld ‘%s’ van gegeven ‘%s’ (type %u) is niet negatief, "
                                           "maar dat kan alleen bij een getal, bedrag of duur",
                                           t->fields[k].name, t->name, i);
            if (rc != REGEL_OK)
                break;
            for (uint32_t k = 0; k < t->n; k++)
                items[k] = (struct named){t->fields[k].name, k};
            if (find_duplicate(items, t->n, &a, &b))
                rc = rt_bytecode_error(v->err, v->name,
                                       "gegeven ‘%s’ (type %u) heeft veld ‘%s’ twee keer", t->name,
                                       i, t->fields[a].name);
        }
    }
    if (rc == REGEL_OK) {
        for (uint32_t i = 0; i < p->n_types; i++)
            if (p->types[i].name)
                items[n_named++] = (struct named){p->types[i].name, i};
        if (find_duplicate(items, n_named, &a, &b))
            rc = rt_bytecode_error(v->err, v->name,
                                   "typenaam ‘%s’ komt twee keer voor (type %u en type %u)",
                                   p->types[a].name, a, b);
    }
    free(items);
    return rc;
}

static uint64_t u64_gcd(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static int verify_consts(struct vf *v)
{
    regel_policy *p = v->p;
    for (uint32_t i = 0; i < p->n_consts; i++) {
        const rt_const *c = &p->consts[i];
        if (c->kind != RBC_CONST_GETAL)
            continue;
        if (c->q.den <= 0)
            return rt_bytecode_error(v->err, v->name,
                                     "constante %u heeft noemer %lld (moet groter dan 0 zijn)", i,
                                     (long long)c->q.den);
        uint64_t an = c->q.num < 0 ? (uint64_t)0 - (uint64_t)c->q.num : (uint64_t)c->q.num;
        if (u64_gcd(an, (uint64_t)c->q.den) != 1)
            return rt_bytecode_error(v->err, v->name,
                                     "constante %u (%lld/%lld) is geen breuk in kleinste termen", i,
                                     (long long)c->q.num, (long long)c->q.den);
    }
    return REGEL_OK;
}

/* Does constant c fit as the `standaard` of input in? */
static bool default_fits(const regel_policy *p, const rt_const *c, const rt_input *in)
{
    const rt_type *t = &p->types[in->type];
    switch (c->kind) {
    case RBC_CONST_GETAL:
        return t->kind == RBC_TYPE_GETAL;
    case RBC_CONST_TEKST:
        return t->kind == RBC_TYPE_TEKST;
    case RBC_CONST_DATUM:
        return t->kind == RBC_TYPE_DATUM;
    case RBC_CONST_DUUR:
        return t->kind == RBC_TYPE_DUUR;
    case RBC_CONST_BEDRAG:
        return t->kind == RBC_TYPE_BEDRAG;
    case RBC_CONST_WAARHEID:
        return t->kind == RBC_TYPE_WAARHEID;
    case RBC_CONST_ENUM:
        return c->type == in->type;
    case RBC_CONST_GEEN:
        return (in->flags & RBC_OPTIONAL) != 0;
    default:
        return false;
    }
}

/* Whether a getal, bedrag or duur constant is below zero (a duur: a part). */
static bool const_negative(const rt_const *c)
{
    switch (c->kind) {
    case RBC_CONST_GETAL:
        return c->q.num < 0;
    case RBC_CONST_BEDRAG:
        return c->cents < 0;
    case RBC_CONST_DUUR:
        return c->months < 0 || c->days < 0;
    default:
        return false;
    }
}

static int verify_facts(struct vf *v)
{
    regel_policy *p = v->p;
    for (uint32_t i = 0; i < p->n_inputs; i++) {
        const rt_input *in = &p->inputs[i];
        if (in->type >= p->n_types)
            return rt_bytecode_error(v->err, v->name,
                                     "invoer ‘%s’ heeft type %u, maar er zijn %u types", in->name,
                                     in->type, p->n_types);
        if (in->flags & ~(RBC_OPTIONAL | RBC_NONNEGATIVE))
            return rt_bytecode_error(v->err, v->name, "invoer ‘%s’ heeft onbekende vlaggen 0x%x",
                                     in->name, in->flags);
        if ((in->flags & RBC_NONNEGATIVE) && !signed_kind(p->types[in->type].kind))
            return rt_bytecode_error(v->err, v->name,
                                     "invoer ‘%s’ is niet negatief, maar dat kan alleen bij een "
                                     "getal, bedrag of duur",
                                     in->name);
        if (in->def == RBC_NONE)
            continue;
        if (in->def >= p->n_consts)
            return rt_bytecode_error(v->err, v->name,
                                     "invoer ‘%s’ heeft als standaardwaarde constante %u, maar er "
                                     "zijn %u constanten",
                                     in->name, in->def, p->n_consts);
        if (!default_fits(p, &p->consts[in->def], in))
            return rt_bytecode_error(v->err, v->name,
                                     "de standaardwaarde van invoer ‘%s’ (constante %u) past niet "
                                     "bij haar type%s",
                                     in->name, in->def,
                                     p->consts[in->def].kind == RBC_CONST_GEEN
                                         ? " (geen, maar de invoer is niet optioneel)"
                                         : "");
        if ((in->flags & RBC_NONNEGATIVE) && const_negative(&p->consts[in->def]))
            return rt_bytecode_error(v->err, v->name,
                                     "de standaardwaarde van invoer ‘%s’ (constante %u) is "
                                     "negatief, maar de invoer is niet negatief",
                                     in->name, in->def);
    }
    if (p->peildatum_input != RBC_NONE) {
        if (p->peildatum_input >= p->n_inputs)
            return rt_bytecode_error(v->err, v->name,
                                     "META noemt invoer %u als peildatum, maar er zijn %u "
                                     "invoerfeiten",
                                     p->peildatum_input, p->n_inputs);
        const rt_input *in = &p->inputs[p->peildatum_input];
        if (p->types[in->type].kind != RBC_TYPE_DATUM)
            return rt_bytecode_error(v->err, v->name, "de peildatum (invoer ‘%s’) is geen datum",
                                     in->name);
        if (in->flags & RBC_OPTIONAL)
            return rt_bytecode_error(
                v->err, v->name, "de peildatum (invoer ‘%s’) mag niet optioneel zijn", in->name);
    }
    for (uint32_t i = 0; i < p->n_outcomes; i++)
        p->display_order[i] = RBC_NONE;
    for (uint32_t i = 0; i < p->n_outcomes; i++) {
        const rt_outcome *o = &p->outcomes[i];
        if (o->type >= p->n_types)
            return rt_bytecode_error(v->err, v->name,
                                     "uitkomst ‘%s’ heeft type %u, maar er zijn %u types", o->name,
                                     o->type, p->n_types);
        if (o->flags & ~(RBC_OUTCOME_OUTPUT | RBC_OUTCOME_OPTIONAL))
            return rt_bytecode_error(v->err, v->name, "uitkomst ‘%s’ heeft onbekende vlaggen 0x%x",
                                     o->name, o->flags);
        if (o->display >= p->n_outcomes)
            return rt_bytecode_error(v->err, v->name,
                                     "uitkomst ‘%s’ heeft weergavepositie %u, maar er zijn %u "
                                     "uitkomsten",
                                     o->name, o->display, p->n_outcomes);
        if (p->display_order[o->display] != RBC_NONE)
            return rt_bytecode_error(
                v->err, v->name, "uitkomsten ‘%s’ en ‘%s’ hebben allebei weergavepositie %u",
                p->outcomes[p->display_order[o->display]].name, o->name, o->display);
        p->display_order[o->display] = i;
    }
    size_t n = (size_t)p->n_inputs + p->n_outcomes;
    struct named *items = malloc((n ? n : 1) * sizeof *items);
    if (!items)
        return vf_oom(v);
    for (uint32_t i = 0; i < p->n_inputs; i++)
        items[i] = (struct named){p->inputs[i].name, i};
    for (uint32_t i = 0; i < p->n_outcomes; i++)
        items[p->n_inputs + i] = (struct named){p->outcomes[i].name, p->n_inputs + i};
    uint32_t a, b;
    int rc = REGEL_OK;
    if (find_duplicate(items, (uint32_t)n, &a, &b)) {
        const char *what_a = a < p->n_inputs ? "invoer" : "uitkomst";
        const char *what_b = b < p->n_inputs ? "invoer" : "uitkomst";
        uint32_t ia = a < p->n_inputs ? a : a - p->n_inputs;
        uint32_t ib = b < p->n_inputs ? b : b - p->n_inputs;
        rc = rt_bytecode_error(v->err, v->name, "naam ‘%s’ komt twee keer voor (%s %u en %s %u)",
                               a < p->n_inputs ? p->inputs[ia].name : p->outcomes[ia].name, what_a,
                               ia, what_b, ib);
    }
    free(items);
    return rc;
}

/* EXTERNS (issue 8): scalar types, the parameter limit, unique names that
 * clash with no input, outcome or parameter. */
static bool extern_type_ok(const regel_policy *p, uint32_t t)
{
    if (t >= p->n_types)
        return false;
    switch (p->types[t].kind) {
    case RBC_TYPE_WAARHEID:
    case RBC_TYPE_GETAL:
    case RBC_TYPE_TEKST:
    case RBC_TYPE_DATUM:
    case RBC_TYPE_BEDRAG:
        return true;
    default:
        return false;
    }
}

static int verify_externs(struct vf *v)
{
    regel_policy *p = v->p;
    for (uint32_t i = 0; i < p->n_externs; i++) {
        const rt_extern *x = &p->externs[i];
        if (!*x->name)
            return rt_bytecode_error(v->err, v->name, "externe functie %u heeft een lege naam", i);
        if (!extern_type_ok(p, x->result))
            return rt_bytecode_error(v->err, v->name,
                                     "externe functie ‘%s’ heeft als resultaat type %u, dat geen "
                                     "waarheid, getal, tekst, datum of bedrag is",
                                     x->name, x->result);
        if (x->n_params > RBC_MAX_EXTERN_PARAMS)
            return rt_bytecode_error(v->err, v->name,
                                     "externe functie ‘%s’ heeft %u parameters (hoogstens %u)",
                                     x->name, x->n_params, RBC_MAX_EXTERN_PARAMS);
        for (uint32_t k = 0; k < x->n_params; k++)
            if (!extern_type_ok(p, x->params[k]))
                return rt_bytecode_error(v->err, v->name,
                                         "parameter %u van externe functie ‘%s’ heeft type %u, dat "
                                         "geen waarheid, getal, tekst, datum of bedrag is",
                                         k + 1, x->name, x->params[k]);
    }
    size_t n = (size_t)p->n_externs + p->n_inputs + p->n_outcomes + p->n_params;
    struct named *items = malloc((n ? n : 1) * sizeof *items);
    if (!items)
        return vf_oom(v);
    uint32_t m = 0;
    for (uint32_t i = 0; i < p->n_externs; i++)
        items[m++] = (struct named){p->externs[i].name, i};
    uint32_t a, b;
    int rc = REGEL_OK;
    if (find_duplicate(items, m, &a, &b))
        rc = rt_bytecode_error(v->err, v->name,
                               "externe functie ‘%s’ komt twee keer voor (functie %u en %u)",
                               p->externs[a].name, a, b);
    /* an extern may not share its name with an input, outcome or parameter
     * (the externs come first, so a pair with idx < n_externs names one) */
    for (uint32_t i = 0; i < p->n_inputs; i++)
        items[m++] = (struct named){p->inputs[i].name, p->n_externs + i};
    for (uint32_t i = 0; i < p->n_outcomes; i++)
        items[m++] = (struct named){p->outcomes[i].name, p->n_externs + p->n_inputs + i};
    for (uint32_t i = 0; i < p->n_params; i++)
        items[m++] =
            (struct named){p->params[i].name, p->n_externs + p->n_inputs + p->n_outcomes + i};
    if (rc == REGEL_OK && p->n_externs > 0) {
        qsort(items, m, sizeof *items, named_cmp);
        for (uint32_t i = 1; i < m && rc == REGEL_OK; i++) {
            if (strcmp(items[i - 1].name, items[i].name) != 0)
                continue;
            uint32_t x = items[i - 1].idx, y = items[i].idx; /* x < y */
            if (x >= p->n_externs)
                continue; /* not about externs (verify_facts checks the rest) */
            y -= p->n_externs;
            const char *what = y < p->n_inputs                   ? "een invoer"
                               : y < p->n_inputs + p->n_outcomes ? "een uitkomst"
                                                                 : "een parameter";
            rc = rt_bytecode_error(v->err, v->name,
                                   "externe functie ‘%s’ heeft dezelfde naam als %s",
                                   p->externs[x].name, what);
        }
    }
    free(items);
    return rc;
}

static int verify_rules(struct vf *v)
{
    regel_policy *p = v->p;
    for (uint32_t i = 0; i < p->n_rules; i++) {
        const rt_rule *r = &p->rules[i];
        if (r->outcome >= p->n_outcomes)
            return rt_bytecode_error(v->err, v->name,
                                     "regel ‘%s’ hoort bij uitkomst %u, maar er zijn %u uitkomsten",
                                     r->name, r->outcome, p->n_outcomes);
        if (r->parent != RBC_NONE) {
            if (r->parent >= i)
                return rt_bytecode_error(v->err, v->name,
                                         "regel ‘%s’ (regel %u) is een uitzondering op regel %u, "
                                         "die niet vóór haar staat",
                                         r->name, i, r->parent);
            const rt_rule *pr = &p->rules[r->parent];
            if (pr->outcome != r->outcome)
                return rt_bytecode_error(v->err, v->name,
                                         "regel ‘%s’ is een uitzondering op ‘%s’, maar die gaat "
                                         "over ‘%s’ in plaats van ‘%s’",
                                         r->name, pr->name, p->outcomes[pr->outcome].name,
                                         p->outcomes[r->outcome].name);
        }
        if (r->code_len == 0)
            return rt_bytecode_error(v->err, v->name, "regel ‘%s’ heeft geen code", r->name);
        if ((r->valid_from != RBC_NONE || r->valid_until != RBC_NONE) &&
            p->peildatum_input == RBC_NONE)
            return rt_bytecode_error(v->err, v->name,
                                     "regel ‘%s’ heeft een geldigheid, maar het beleid heeft geen "
                                     "peildatum",
                                     r->name);
        if ((uint64_t)r->code_off + r->code_len > p->code_len)
            return rt_bytecode_error(v->err, v->name,
                                     "de code van regel ‘%s’ (posities %u tot %llu) ligt buiten "
                                     "CODE (%u bytes)",
                                     r->name, r->code_off,
                                     (unsigned long long)r->code_off + r->code_len, p->code_len);
    }
    struct named *items = malloc((p->n_rules ? p->n_rules : 1) * sizeof *items);
    if (!items)
        return vf_oom(v);
    for (uint32_t i = 0; i < p->n_rules; i++)
        items[i] = (struct named){p->rules[i].name, i};
    int rc = REGEL_OK;
    /* Rules may share a name only as versions whose validities do not overlap. */
    if (p->n_rules > 1)
        qsort(items, p->n_rules, sizeof *items, named_cmp);
    for (uint32_t i = 0; i < p->n_rules && rc == REGEL_OK; i++) {
        for (uint32_t j = i + 1; j < p->n_rules && rc == REGEL_OK; j++) {
            if (strcmp(items[i].name, items[j].name) != 0)
                break;
            const rt_rule *x = &p->rules[items[i].idx], *y = &p->rules[items[j].idx];
            bool x_before_y = x->valid_until != RBC_NONE && y->valid_from != RBC_NONE &&
                              x->valid_until <= y->valid_from;
            bool y_before_x = y->valid_until != RBC_NONE && x->valid_from != RBC_NONE &&
                              y->valid_until <= x->valid_from;
            if (!x_before_y && !y_before_x)
                rc = rt_bytecode_error(v->err, v->name,
                                       "regelnaam ‘%s’ komt twee keer voor (regel %u en regel "
                                       "%u)",
                                       x->name, items[i].idx, items[j].idx);
        }
    }
    free(items);
    if (rc != REGEL_OK)
        return rc;

    /* Code ranges must not overlap: each CODE byte belongs to at most one rule. */
    uint32_t *owner = malloc((p->code_len ? p->code_len : 1) * sizeof *owner);
    if (!owner)
        return vf_oom(v);
    for (uint32_t k = 0; k < p->code_len; k++)
        owner[k] = RBC_NONE;
    for (uint32_t i = 0; i < p->n_rules && rc == REGEL_OK; i++) {
        const rt_rule *r = &p->rules[i];
        for (uint32_t k = r->code_off; k < r->code_off + r->code_len; k++) {
            if (owner[k] != RBC_NONE) {
                rc = rt_bytecode_error(v->err, v->name,
                                       "de code van regel ‘%s’ overlapt met die van regel ‘%s’ "
                                       "(positie %u)",
                                       r->name, p->rules[owner[k]].name, k);
                break;
            }
            owner[k] = i;
        }
    }
    free(owner);
    return rc;
}

static int verify_lines(struct vf *v)
{
    regel_policy *p = v->p;
    for (uint32_t i = 0; i < p->n_lines; i++) {
        if (p->lines[i].off >= p->code_len)
            return rt_bytecode_error(v->err, v->name,
                                     "LINES-ingang %u verwijst naar positie %u, buiten CODE (%u "
                                     "bytes)",
                                     i, p->lines[i].off, p->code_len);
        if (i > 0 && p->lines[i].off <= p->lines[i - 1].off)
            return rt_bytecode_error(v->err, v->name,
                                     "LINES-ingang %u (positie %u) staat niet na de vorige "
                                     "(positie %u)",
                                     i, p->lines[i].off, p->lines[i - 1].off);
    }
    return REGEL_OK;
}

/* roots per outcome and children per rule, in RULES order */
static int build_tree(struct vf *v)
{
    regel_policy *p = v->p;
    for (uint32_t i = 0; i < p->n_rules; i++) {
        const rt_rule *r = &p->rules[i];
        if (r->parent == RBC_NONE)
            p->outcomes[r->outcome].n_roots++;
        else
            p->rules[r->parent].n_children++;
    }
    for (uint32_t i = 0; i < p->n_outcomes; i++) {
        rt_outcome *o = &p->outcomes[i];
        o->roots = arena_alloc(p->arena, (o->n_roots ? o->n_roots : 1) * sizeof *o->roots);
        if (!o->roots)
            return vf_oom(v);
        o->n_roots = 0;
    }
    for (uint32_t i = 0; i < p->n_rules; i++) {
        rt_rule *r = &p->rules[i];
        r->children =
            arena_alloc(p->arena, (r->n_children ? r->n_children : 1) * sizeof *r->children);
        if (!r->children)
            return vf_oom(v);
        r->n_children = 0;
    }
    for (uint32_t i = 0; i < p->n_rules; i++) {
        const rt_rule *r = &p->rules[i];
        if (r->parent == RBC_NONE) {
            rt_outcome *o = &p->outcomes[r->outcome];
            o->roots[o->n_roots++] = i;
        } else {
            rt_rule *pr = &p->rules[r->parent];
            pr->children[pr->n_children++] = i;
        }
    }
    return REGEL_OK;
}

/* ---- rule blocks ---- */

static uint32_t code_u32(const uint8_t *c)
{
    return (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 | (uint32_t)c[3] << 24;
}

struct blk {
    struct vf *v;
    const rt_rule *r;
    uint32_t s, e; /* block range in CODE */
    uint32_t at;   /* offset of the current instruction */
    const char *op;
    int32_t cur;                  /* current stack state */
    int32_t fr;                   /* current loop-slot state (index into v->frames) */
    uint32_t reach[RT_MAX_SLOTS]; /* per slot: furthest exit of its ITER_NEXTs so far */
};

static uint32_t const_aty(uint8_t kind)
{
    switch (kind) {
    case RBC_CONST_GETAL:
        return ATY_GETAL;
    case RBC_CONST_DATUM:
        return ATY_DATUM;
    case RBC_CONST_DUUR:
        return ATY_DUUR;
    case RBC_CONST_BEDRAG:
        return ATY_BEDRAG;
    default:
        return ATY_TEKST;
    }
}

static uint32_t st_depth(const struct vf *v, int32_t st)
{
    return st < 0 ? 0 : v->nodes[st].depth;
}

static int blk_pop(struct blk *k, uint32_t *type)
{
    if (k->cur < 0)
        return rt_bytecode_error(k->v->err, k->v->name,
                                 "%s op positie %u in regel ‘%s’ haalt een waarde van een lege "
                                 "stapel",
                                 k->op, k->at, k->r->name);
    *type = k->v->nodes[k->cur].type;
    k->cur = k->v->nodes[k->cur].below;
    return REGEL_OK;
}

static int blk_push(struct blk *k, uint32_t type)
{
    struct vf *v = k->v;
    uint32_t d = st_depth(v, k->cur) + 1;
    if (d > RT_MAX_STACK)
        return rt_bytecode_error(v->err, v->name,
                                 "de stapel van regel ‘%s’ wordt te diep (meer dan %u waarden) op "
                                 "positie %u",
                                 k->r->name, RT_MAX_STACK, k->at);
    /* nodes has room for two pushes per code byte */
    v->nodes[v->n_nodes] = (struct vf_node){type, k->cur, d};
    k->cur = (int32_t)v->n_nodes++;
    if (d > v->max_depth)
        v->max_depth = d;
    return REGEL_OK;
}

static int blk_expect(struct blk *k, uint32_t got, uint32_t want)
{
    if (got == want)
        return REGEL_OK;
    char b1[300], b2[300];
    const regel_policy *p = k->v->p;
    return rt_bytecode_error(
        k->v->err, k->v->name, "%s op positie %u in regel ‘%s’ verwacht %s, maar krijgt %s", k->op,
        k->at, k->r->name, aty_desc(p, want, b1, sizeof b1), aty_desc(p, got, b2, sizeof b2));
}

static int blk_pop_expect(struct blk *k, uint32_t want)
{
    uint32_t t = 0;
    int rc = blk_pop(k, &t);
    return rc ? rc : blk_expect(k, t, want);
}

/* Pop operands of the given types (the last one is the top), push res. */
static int blk_op(struct blk *k, unsigned n, const uint32_t *in, uint32_t res)
{
    for (unsigned i = n; i-- > 0;) {
        int rc = blk_pop_expect(k, in[i]);
        if (rc)
            return rc;
    }
    return blk_push(k, res);
}

static bool st_equal(const struct vf *v, int32_t a, int32_t b)
{
    while (a >= 0 && b >= 0) {
        if (a == b)
            return true;
        if (v->nodes[a].type != v->nodes[b].type)
            return false;
        a = v->nodes[a].below;
        b = v->nodes[b].below;
    }
    return a == b;
}

static bool fr_equal(const struct vf *v, int32_t a, int32_t b)
{
    const struct vf_frame *x = &v->frames[a], *y = &v->frames[b];
    if (x->active != y->active)
        return false;
    for (uint32_t s = 0; s < RT_MAX_SLOTS; s++)
        if ((x->active >> s & 1u) && x->ty[s] != y->ty[s])
            return false;
    return true;
}

/* A new frame: base with slot s activated (type ty) or deactivated. */
static int32_t fr_with(struct vf *v, int32_t base, uint32_t s, bool on, uint32_t ty)
{
    struct vf_frame f = v->frames[base]; /* cap_frames: one per ITER_* instruction + 1 */
    if (on) {
        f.active |= 1u << s;
        f.ty[s] = ty;
    } else {
        f.active &= ~(1u << s);
    }
    v->frames[v->n_frames] = f;
    return (int32_t)v->n_frames++;
}

static int blk_join_error(struct blk *k, uint32_t target, bool stack)
{
    if (stack)
        return rt_bytecode_error(k->v->err, k->v->name,
                                 "de stapel verschilt tussen de paden die samenkomen op positie %u "
                                 "in regel ‘%s’",
                                 target, k->r->name);
    return rt_bytecode_error(k->v->err, k->v->name,
                             "de actieve lussen verschillen tussen de paden die samenkomen op "
                             "positie %u in regel ‘%s’",
                             target, k->r->name);
}

/* Record the state flowing into a jump target; check target validity. */
static int blk_flow(struct blk *k, uint32_t target, int32_t st, int32_t fr)
{
    struct vf *v = k->v;
    if (target < k->s || target >= k->e)
        return rt_bytecode_error(v->err, v->name,
                                 "sprong naar positie %u ligt buiten regel ‘%s’ (instructie op "
                                 "positie %u)",
                                 target, k->r->name, k->at);
    if (target <= k->at)
        return rt_bytecode_error(v->err, v->name,
                                 "sprong terug naar positie %u in regel ‘%s’ (instructie op "
                                 "positie %u); alleen sprongen vooruit zijn toegestaan",
                                 target, k->r->name, k->at);
    if (!v->start[target])
        return rt_bytecode_error(v->err, v->name,
                                 "sprong naar positie %u in regel ‘%s’ komt midden in een "
                                 "instructie terecht (instructie op positie %u)",
                                 target, k->r->name, k->at);
    if (v->state[target] == ST_NONE) {
        v->state[target] = st;
        v->frame[target] = fr;
    } else if (!st_equal(v, v->state[target], st)) {
        return blk_join_error(k, target, true);
    } else if (!fr_equal(v, v->frame[target], fr)) {
        return blk_join_error(k, target, false);
    }
    return REGEL_OK;
}

/* Loops and why every evaluation ends.
 *
 * The abstract state at each offset is (stack types, loop-slot state: which
 * slots are active and their element types). It must be identical on every
 * path that reaches an offset. Rules:
 *   ITER_BEGIN s   pops a lijst; s must be inactive and the instruction must
 *                  not lie inside the region of an ITER_NEXT s (below);
 *                  s becomes active with the list's element type.
 *   ITER_NEXT s,X  s active; X is a forward jump target where s is inactive;
 *                  [offset, X) is the loop's region.
 *   LOOP t         the only backward jump: t is a reached ITER_NEXT s whose
 *                  region contains the LOOP, s is active, and the state at
 *                  the LOOP equals the state recorded at t.
 *   LOAD_LOCAL s   only while s is active. All other jumps go forward.
 * Termination: suppose a run is infinite. Only LOOP jumps backward, so some
 * LOOP target is visited infinitely often; let t (ITER_NEXT s, exit X) be the
 * smallest such. After some point no jump goes below t, so pc stays >= t, and
 * since a LOOP to t must lie in [t, X) and everything from X on is reached
 * only forward, pc stays in [t, X). No ITER_BEGIN s lies in [t, X), so the
 * iterator of s is never reset there; s is active at every visit of t (the
 * verified state at t says so on every path). Each visit of t takes one
 * element of that one finite list, so t can be visited only finitely often:
 * a contradiction. Lists are finite, hence every block runs a bounded time. */
static int verify_block(struct vf *v, uint32_t ri)
{
    regel_policy *p = v->p;
    const rt_rule *r = &p->rules[ri];
    struct blk k = {v, r, r->code_off, r->code_off + r->code_len, 0, NULL, ST_EMPTY, 0, {0}};
    const uint8_t *code = p->code;

    /* pass 1: instruction boundaries and operands inside the block */
    for (uint32_t o = k.s; o < k.e; o++) {
        v->start[o] = 0;
        v->state[o] = ST_NONE;
        v->exit[o] = RBC_NONE;
    }
    for (uint32_t o = k.s; o < k.e;) {
        uint8_t op = code[o];
        if (op >= OP__COUNT)
            return rt_bytecode_error(
                v->err, v->name, "onbekende opcode %u op positie %u in regel ‘%s’", op, o, r->name);
        uint32_t size = rbc_instr_size(rt_opcode_operands(op));
        if (size > k.e - o)
            return rt_bytecode_error(v->err, v->name,
                                     "instructie %s op positie %u loopt voorbij het einde van "
                                     "regel ‘%s’",
                                     rt_opcode_name(op), o, r->name);
        v->start[o] = 1;
        o += size;
    }

    /* pass 2: one forward walk; jumps only go forward, so every incoming
     * state of an instruction is known when the walk reaches it */
    v->n_nodes = 0;
    v->n_frames = 1; /* frame 0: no loop active */
    memset(&v->frames[0], 0, sizeof v->frames[0]);
    v->state[k.s] = ST_EMPTY;
    v->frame[k.s] = 0;
    bool live = false; /* the previous instruction falls through */
    uint32_t last = k.s;
    const rt_outcome *out = &p->outcomes[r->outcome];
    for (uint32_t o = k.s; o < k.e;) {
        uint8_t op = code[o];
        uint32_t size = rbc_instr_size(rt_opcode_operands(op));
        uint32_t a = size >= 5 ? code_u32(code + o + 1) : 0;
        uint32_t b = size >= 9 ? code_u32(code + o + 5) : 0;
        k.at = o;
        k.op = rt_opcode_name(op);
        last = o;
        if (live) {
            if (v->state[o] == ST_NONE) {
                v->state[o] = k.cur; /* LOOP compares with the state at an ITER_NEXT */
                v->frame[o] = k.fr;
            } else if (!st_equal(v, v->state[o], k.cur)) {
                return blk_join_error(&k, o, true);
            } else if (!fr_equal(v, v->frame[o], k.fr)) {
                return blk_join_error(&k, o, false);
            }
        } else if (v->state[o] == ST_NONE) {
            o += size; /* unreachable: decoded, never executed */
            continue;
        } else {
            k.cur = v->state[o];
            k.fr = v->frame[o];
        }
        live = true;
        uint32_t t1 = 0, t2 = 0;
        int rc = REGEL_OK;
        char b1[300], b2[300];
        switch ((enum rbc_opcode)op) {
        case OP_PUSH_TRUE:
        case OP_PUSH_FALSE:
            rc = blk_push(&k, ATY_WAARHEID);
            break;
        case OP_PUSH_CONST:
            if (a >= p->n_consts)
                return rt_bytecode_error(v->err, v->name,
                                         "PUSH_CONST op positie %u in regel ‘%s’ verwijst naar "
                                         "constante %u, maar er zijn %u constanten",
                                         o, r->name, a, p->n_consts);
            if (p->consts[a].kind >= RBC_CONST_WAARHEID)
                return rt_bytecode_error(v->err, v->name,
                                         "PUSH_CONST op positie %u in regel ‘%s’ verwijst naar "
                                         "constante %u, die alleen een standaardwaarde van een "
                                         "invoer mag zijn",
                                         o, r->name, a);
            rc = blk_push(&k, const_aty(p->consts[a].kind));
            break;
        case OP_PUSH_ENUM:
            if (a >= p->n_types)
                return rt_bytecode_error(v->err, v->name,
                                         "PUSH_ENUM op positie %u in regel ‘%s’ verwijst naar type "
                                         "%u, maar er zijn %u types",
                                         o, r->name, a, p->n_types);
            if (p->types[a].kind != RBC_TYPE_ENUM)
                return rt_bytecode_error(v->err, v->name,
                                         "PUSH_ENUM op positie %u in regel ‘%s’ verwijst naar type "
                                         "%u, dat geen soort is",
                                         o, r->name, a);
            if (b >= p->types[a].n)
                return rt_bytecode_error(v->err, v->name,
                                         "PUSH_ENUM op positie %u in regel ‘%s’ vraagt lid %u van "
                                         "soort ‘%s’, die %u leden heeft",
                                         o, r->name, b, p->types[a].name, p->types[a].n);
            rc = blk_push(&k, a);
            break;
        case OP_LOAD_INPUT:
            if (a >= p->n_inputs)
                return rt_bytecode_error(v->err, v->name,
                                         "LOAD_INPUT op positie %u in regel ‘%s’ verwijst naar "
                                         "invoer %u, maar er zijn %u invoerfeiten",
                                         o, r->name, a, p->n_inputs);
            rc = blk_push(&k, aty_of(p, p->inputs[a].type));
            break;
        case OP_LOAD_OUTCOME:
            if (a >= p->n_outcomes)
                return rt_bytecode_error(v->err, v->name,
                                         "LOAD_OUTCOME op positie %u in regel ‘%s’ verwijst naar "
                                         "uitkomst %u, maar er zijn %u uitkomsten",
                                         o, r->name, a, p->n_outcomes);
            if (a >= r->outcome)
                return rt_bytecode_error(v->err, v->name,
                                         "LOAD_OUTCOME op positie %u in regel ‘%s’ leest ‘%s’, die "
                                         "niet vóór ‘%s’ berekend wordt",
                                         o, r->name, p->outcomes[a].name, out->name);
            rc = blk_push(&k, aty_of(p, p->outcomes[a].type));
            break;
        case OP_FIELD:
            if ((rc = blk_pop(&k, &t1)))
                break;
            if (t1 >= p->n_types || p->types[t1].kind != RBC_TYPE_RECORD)
                return rt_bytecode_error(v->err, v->name,
                                         "FIELD op positie %u in regel ‘%s’ verwacht een gegeven, "
                                         "maar krijgt %s",
                                         o, r->name, aty_desc(p, t1, b1, sizeof b1));
            if (a >= p->types[t1].n)
                return rt_bytecode_error(v->err, v->name,
                                         "FIELD op positie %u in regel ‘%s’ vraagt veld %u, maar "
                                         "gegeven ‘%s’ heeft %u velden",
                                         o, r->name, a, p->types[t1].name, p->types[t1].n);
            rc = blk_push(&k, aty_of(p, p->types[t1].fields[a].type));
            break;
        case OP_NOT:
            if (!(rc = blk_pop_expect(&k, ATY_WAARHEID)))
                rc = blk_push(&k, ATY_WAARHEID);
            break;
        case OP_AND:
        case OP_OR:
            if (!(rc = blk_pop_expect(&k, ATY_WAARHEID)) &&
                !(rc = blk_pop_expect(&k, ATY_WAARHEID)))
                rc = blk_push(&k, ATY_WAARHEID);
            break;
        case OP_JUMP_IF_FALSE_KEEP:
        case OP_JUMP_IF_TRUE_KEEP:
            if (!(rc = blk_pop_expect(&k, ATY_WAARHEID)) && !(rc = blk_push(&k, ATY_WAARHEID)))
                rc = blk_flow(&k, a, k.cur, k.fr);
            break;
        case OP_EQ:
        case OP_NE:
            if ((rc = blk_pop(&k, &t2)) || (rc = blk_pop(&k, &t1)))
                break;
            if (t1 != t2)
                return rt_bytecode_error(
                    v->err, v->name, "%s op positie %u in regel ‘%s’ vergelijkt %s met %s", k.op, o,
                    r->name, aty_desc(p, t1, b1, sizeof b1), aty_desc(p, t2, b2, sizeof b2));
            if (t1 < p->n_types && p->types[t1].kind == RBC_TYPE_RECORD)
                return rt_bytecode_error(v->err, v->name,
                                         "%s op positie %u in regel ‘%s’ kan gegevens (%s) niet "
                                         "vergelijken",
                                         k.op, o, r->name, aty_desc(p, t1, b1, sizeof b1));
            if (aty_is_list(t1))
                return rt_bytecode_error(v->err, v->name,
                                         "%s op positie %u in regel ‘%s’ kan lijsten (%s) niet "
                                         "vergelijken",
                                         k.op, o, r->name, aty_desc(p, t1, b1, sizeof b1));
            rc = blk_push(&k, ATY_WAARHEID);
            break;
        case OP_LT:
        case OP_LE:
        case OP_GT:
        case OP_GE:
        case OP_ACC_MIN:
        case OP_ACC_MAX:
            if ((rc = blk_pop(&k, &t2)) || (rc = blk_pop(&k, &t1)))
                break;
            if (t1 != t2)
                return rt_bytecode_error(
                    v->err, v->name, "%s op positie %u in regel ‘%s’ vergelijkt %s met %s", k.op, o,
                    r->name, aty_desc(p, t1, b1, sizeof b1), aty_desc(p, t2, b2, sizeof b2));
            if (t1 != ATY_GETAL && t1 != ATY_DATUM && t1 != ATY_BEDRAG)
                return rt_bytecode_error(v->err, v->name,
                                         "%s op positie %u in regel ‘%s’ kan %s niet ordenen "
                                         "(alleen getal, datum en bedrag)",
                                         k.op, o, r->name, aty_desc(p, t1, b1, sizeof b1));
            rc = blk_push(&k, op == OP_ACC_MIN || op == OP_ACC_MAX ? t1 : ATY_WAARHEID);
            break;
        case OP_ADD:
        case OP_SUB:
        case OP_MUL:
        case OP_DIV:
            if (!(rc = blk_pop_expect(&k, ATY_GETAL)) && !(rc = blk_pop_expect(&k, ATY_GETAL)))
                rc = blk_push(&k, ATY_GETAL);
            break;
        case OP_NEG:
            if (!(rc = blk_pop_expect(&k, ATY_GETAL)))
                rc = blk_push(&k, ATY_GETAL);
            break;
        case OP_JUMP:
            rc = blk_flow(&k, a, k.cur, k.fr);
            live = false;
            break;
        case OP_COND:
            if (!(rc = blk_pop_expect(&k, ATY_WAARHEID)) && !(rc = blk_flow(&k, a, k.cur, k.fr)))
                rc = blk_flow(&k, b, k.cur, k.fr);
            v->conds[v->n_conds++] = o; /* reached; at most one per 9 code bytes */
            break;
        case OP_RESULT:
            if ((rc = blk_pop(&k, &t1)))
                break;
            if (t1 != aty_of(p, out->type))
                return rt_bytecode_error(v->err, v->name,
                                         "RESULT op positie %u in regel ‘%s’ geeft %s, maar "
                                         "uitkomst ‘%s’ is %s",
                                         o, r->name, aty_desc(p, t1, b1, sizeof b1), out->name,
                                         aty_desc(p, aty_of(p, out->type), b2, sizeof b2));
            /* the stack must be empty after every terminator */
            /* fall through */
        case OP_NOT_APPLIED:
        case OP_RESULT_UNKNOWN:
            if (k.cur != ST_EMPTY)
                return rt_bytecode_error(v->err, v->name,
                                         "%s op positie %u in regel ‘%s’ laat %u waarde(n) op de "
                                         "stapel achter",
                                         k.op, o, r->name, st_depth(v, k.cur));
            live = false;
            break;

        /* ---- time and money ---- */
        case OP_PUSH_UNKNOWN:
        case OP_PUSH_LEEG:
        case OP_PUSH_GEEN:
        case OP_LIST_NEW:
            if (a >= p->n_types)
                return rt_bytecode_error(v->err, v->name,
                                         "%s op positie %u in regel ‘%s’ verwijst naar type %u, "
                                         "maar er zijn %u types",
                                         k.op, o, r->name, a, p->n_types);
            if (op == OP_LIST_NEW && p->types[a].kind != RBC_TYPE_LIJST)
                return rt_bytecode_error(v->err, v->name,
                                         "LIST_NEW op positie %u in regel ‘%s’ verwijst naar type "
                                         "%u, dat geen lijst is",
                                         o, r->name, a);
            rc = blk_push(&k, aty_of(p, a));
            break;
        case OP_MAKE_DUUR:
            if (a > RBC_UNIT_JAREN)
                return rt_bytecode_error(v->err, v->name,
                                         "MAKE_DUUR op positie %u in regel ‘%s’ heeft onbekende "
                                         "eenheid %u",
                                         o, r->name, a);
            rc = blk_op(&k, 1, (const uint32_t[]){ATY_GETAL}, ATY_DUUR);
            break;
        case OP_DATE_ADD:
        case OP_DATE_SUB:
            rc = blk_op(&k, 2, (const uint32_t[]){ATY_DATUM, ATY_DUUR}, ATY_DATUM);
            break;
        case OP_DUUR_ADD:
            rc = blk_op(&k, 2, (const uint32_t[]){ATY_DUUR, ATY_DUUR}, ATY_DUUR);
            break;
        case OP_DUUR_NEG:
            rc = blk_op(&k, 1, (const uint32_t[]){ATY_DUUR}, ATY_DUUR);
            break;
        case OP_DAYS_BETWEEN:
        case OP_MONTHS_BETWEEN:
        case OP_YEARS_BETWEEN:
            rc = blk_op(&k, 2, (const uint32_t[]){ATY_DATUM, ATY_DATUM}, ATY_GETAL);
            break;
        case OP_BEDRAG_ADD:
        case OP_BEDRAG_SUB:
            rc = blk_op(&k, 2, (const uint32_t[]){ATY_BEDRAG, ATY_BEDRAG}, ATY_BEDRAG);
            break;
        case OP_BEDRAG_NEG:
            rc = blk_op(&k, 1, (const uint32_t[]){ATY_BEDRAG}, ATY_BEDRAG);
            break;
        case OP_BEDRAG_TO_GETAL:
            rc = blk_op(&k, 1, (const uint32_t[]){ATY_BEDRAG}, ATY_GETAL);
            break;
        case OP_GETAL_TO_BEDRAG:
            rc = blk_op(&k, 1, (const uint32_t[]){ATY_GETAL}, ATY_BEDRAG);
            break;
        case OP_ROUND:
            if (a > NUM_ROUND_HALF_EVEN || b > NUM_ROUND_MAX_DECIMALS)
                return rt_bytecode_error(v->err, v->name,
                                         "ROUND op positie %u in regel ‘%s’ heeft ongeldige "
                                         "operanden (wijze %u, %u decimalen)",
                                         o, r->name, a, b);
            rc = blk_op(&k, 1, (const uint32_t[]){ATY_GETAL}, ATY_GETAL);
            break;
        case OP_LOAD_PARAM:
        case OP_LOAD_PARAM_AT:
            if (a >= p->n_params)
                return rt_bytecode_error(v->err, v->name,
                                         "%s op positie %u in regel ‘%s’ verwijst naar parameter "
                                         "%u, maar er zijn %u parameters",
                                         k.op, o, r->name, a, p->n_params);
            if (op == OP_LOAD_PARAM && p->peildatum_input == RBC_NONE)
                return rt_bytecode_error(v->err, v->name,
                                         "LOAD_PARAM op positie %u in regel ‘%s’ heeft de "
                                         "peildatum nodig, maar het beleid heeft er geen",
                                         o, r->name);
            if (op == OP_LOAD_PARAM_AT && (rc = blk_pop_expect(&k, ATY_DATUM)))
                break;
            rc = blk_push(&k, aty_of(p, p->params[a].type));
            break;
        case OP_MAKE_PERIODE:
            rc = blk_op(&k, 2, (const uint32_t[]){ATY_DATUM, ATY_DATUM}, ATY_PERIODE);
            break;
        case OP_MAKE_PERIODE_OPEN:
            rc = blk_op(&k, 1, (const uint32_t[]){ATY_DATUM}, ATY_PERIODE);
            break;
        case OP_PERIODE_VAN:
        case OP_PERIODE_TOT:
            rc = blk_op(&k, 1, (const uint32_t[]){ATY_PERIODE}, ATY_DATUM);
            break;
        case OP_PERIODE_BEVAT:
            rc = blk_op(&k, 2, (const uint32_t[]){ATY_PERIODE, ATY_DATUM}, ATY_WAARHEID);
            break;
        case OP_PERIODE_DUURT:
            rc = blk_op(&k, 2, (const uint32_t[]){ATY_PERIODE, ATY_DUUR}, ATY_WAARHEID);
            break;
        case OP_PERIODE_DAGEN:
            rc = blk_op(&k, 1, (const uint32_t[]){ATY_PERIODE}, ATY_GETAL);
            break;
        case OP_PERIODES_MERGE:
            rc = blk_op(&k, 1, (const uint32_t[]){ATY_PERIODE_LIJST}, ATY_PERIODE_LIJST);
            break;
        case OP_PERIODES_CLIP:
            rc = blk_op(&k, 2, (const uint32_t[]){ATY_PERIODE_LIJST, ATY_PERIODE},
                        ATY_PERIODE_LIJST);
            break;
        case OP_PERIODES_DAGEN:
            rc = blk_op(&k, 1, (const uint32_t[]){ATY_PERIODE_LIJST}, ATY_GETAL);
            break;
        case OP_PERIODES_LANGSTE:
            rc = blk_op(&k, 1, (const uint32_t[]){ATY_PERIODE_LIJST}, ATY_PERIODE);
            break;
        case OP_LIST_LEN:
        case OP_ITER_BEGIN:
            if ((rc = blk_pop(&k, &t1)))
                break;
            if (!aty_is_list(t1))
                return rt_bytecode_error(v->err, v->name,
                                         "%s op positie %u in regel ‘%s’ verwacht een lijst, maar "
                                         "krijgt %s",
                                         k.op, o, r->name, aty_desc(p, t1, b1, sizeof b1));
            if (op == OP_LIST_LEN) {
                rc = blk_push(&k, ATY_GETAL);
                break;
            }
            if (a >= RT_MAX_SLOTS)
                return rt_bytecode_error(v->err, v->name,
                                         "ITER_BEGIN op positie %u in regel ‘%s’ gebruikt lus %u "
                                         "(hoogstens %u lussen per regel)",
                                         o, r->name, a, RT_MAX_SLOTS);
            if (v->frames[k.fr].active >> a & 1u)
                return rt_bytecode_error(v->err, v->name,
                                         "ITER_BEGIN op positie %u in regel ‘%s’ begint lus %u, "
                                         "die al loopt",
                                         o, r->name, a);
            if (o < k.reach[a])
                return rt_bytecode_error(v->err, v->name,
                                         "ITER_BEGIN op positie %u in regel ‘%s’ begint lus %u "
                                         "opnieuw binnen die lus zelf",
                                         o, r->name, a);
            k.fr = fr_with(v, k.fr, a, true, aty_elem(t1));
            if (a + 1 > v->max_slots)
                v->max_slots = a + 1;
            break;
        case OP_ITER_NEXT:
            if (a >= RT_MAX_SLOTS || !(v->frames[k.fr].active >> a & 1u))
                return rt_bytecode_error(v->err, v->name,
                                         "ITER_NEXT op positie %u in regel ‘%s’ gebruikt lus %u, "
                                         "die hier niet loopt",
                                         o, r->name, a);
            if ((rc = blk_flow(&k, b, k.cur, fr_with(v, k.fr, a, false, 0))))
                break;
            v->exit[o] = b;
            if (b > k.reach[a])
                k.reach[a] = b;
            break;
        case OP_LOOP: {
            if (a < k.s || a >= o || !v->start[a] || code[a] != OP_ITER_NEXT ||
                v->exit[a] == RBC_NONE)
                return rt_bytecode_error(v->err, v->name,
                                         "LOOP op positie %u in regel ‘%s’ springt naar positie "
                                         "%u, dat geen eerdere ITER_NEXT is",
                                         o, r->name, a);
            uint32_t slot = code_u32(code + a + 1);
            if (o >= v->exit[a] || !(v->frames[k.fr].active >> slot & 1u))
                return rt_bytecode_error(v->err, v->name,
                                         "LOOP op positie %u in regel ‘%s’ springt terug naar de "
                                         "lus op positie %u, die haar niet omvat",
                                         o, r->name, a);
            if (!st_equal(v, v->state[a], k.cur))
                return rt_bytecode_error(
                    v->err, v->name,
                    "LOOP op positie %u in regel ‘%s’: de stapel verschilt van "
                    "die bij het begin van de lus (positie %u)",
                    o, r->name, a);
            if (!fr_equal(v, v->frame[a], k.fr))
                return rt_bytecode_error(v->err, v->name,
                                         "LOOP op positie %u in regel ‘%s’: de actieve lussen "
                                         "verschillen van die bij het begin van de lus (positie "
                                         "%u)",
                                         o, r->name, a);
            live = false;
            break;
        }
        case OP_LOAD_LOCAL:
            if (a >= RT_MAX_SLOTS || !(v->frames[k.fr].active >> a & 1u))
                return rt_bytecode_error(v->err, v->name,
                                         "LOAD_LOCAL op positie %u in regel ‘%s’ leest lus %u, "
                                         "die hier niet loopt",
                                         o, r->name, a);
            rc = blk_push(&k, v->frames[k.fr].ty[a]);
            break;
        case OP_LIST_APPEND:
            if ((rc = blk_pop(&k, &t2)) || (rc = blk_pop(&k, &t1)))
                break;
            if (!aty_is_list(t1) || aty_elem(t1) != t2)
                return rt_bytecode_error(v->err, v->name,
                                         "LIST_APPEND op positie %u in regel ‘%s’ kan %s niet "
                                         "toevoegen aan %s",
                                         o, r->name, aty_desc(p, t2, b2, sizeof b2),
                                         aty_desc(p, t1, b1, sizeof b1));
            rc = blk_push(&k, t1);
            break;
        case OP_JUMP_IF_NOT_LEEG:
            if (!(rc = blk_pop(&k, &t1)) && !(rc = blk_push(&k, t1)))
                rc = blk_flow(&k, a, k.cur, k.fr);
            break;
        case OP_POP:
            rc = blk_pop(&k, &t1);
            break;
        case OP_ACC_FIRST_BY:
        case OP_ACC_LAST_BY: {
            uint32_t kk, e, ak, ae;
            if ((rc = blk_pop(&k, &kk)) || (rc = blk_pop(&k, &e)) || (rc = blk_pop(&k, &ak)) ||
                (rc = blk_pop(&k, &ae)))
                break;
            if (kk != ak || e != ae)
                return rt_bytecode_error(v->err, v->name,
                                         "%s op positie %u in regel ‘%s’: element en sleutel "
                                         "passen niet bij de accumulator",
                                         k.op, o, r->name);
            if (kk != ATY_GETAL && kk != ATY_DATUM && kk != ATY_BEDRAG)
                return rt_bytecode_error(v->err, v->name,
                                         "%s op positie %u in regel ‘%s’ kan niet ordenen op %s "
                                         "(alleen getal, datum en bedrag)",
                                         k.op, o, r->name, aty_desc(p, kk, b1, sizeof b1));
            if (!(rc = blk_push(&k, ae)))
                rc = blk_push(&k, ak);
            break;
        }
        case OP_IS_KNOWN:
        case OP_IS_GEEN:
            if (!(rc = blk_pop(&k, &t1)))
                rc = blk_push(&k, ATY_WAARHEID);
            break;
        case OP_NOTE:
            if (a >= p->n_atoms)
                return rt_bytecode_error(v->err, v->name,
                                         "NOTE op positie %u in regel ‘%s’ verwijst naar atoom %u, "
                                         "maar er zijn %u atomen",
                                         o, r->name, a, p->n_atoms);
            if (!(rc = blk_pop_expect(&k, ATY_WAARHEID)))
                rc = blk_push(&k, ATY_WAARHEID);
            break;
        case OP_CALL_EXTERN: {
            if (a >= p->n_externs)
                return rt_bytecode_error(v->err, v->name,
                                         "CALL_EXTERN op positie %u in regel ‘%s’ verwijst naar "
                                         "externe functie %u, maar er zijn %u externe functies",
                                         o, r->name, a, p->n_externs);
            const rt_extern *x = &p->externs[a];
            uint32_t in[RBC_MAX_EXTERN_PARAMS];
            for (uint32_t i = 0; i < x->n_params; i++) /* n_params checked in verify_externs */
                in[i] = aty_of(p, x->params[i]);
            rc = blk_op(&k, x->n_params, in, aty_of(p, x->result));
            break;
        }
        case OP__COUNT:
        default:
            break; /* rejected in pass 1 */
        }
        if (rc != REGEL_OK)
            return rc;
        o += size;
    }
    if (live)
        return rt_bytecode_error(v->err, v->name,
                                 "regel ‘%s’ loopt van het einde van haar code af na positie %u "
                                 "(elk pad moet eindigen in RESULT, NOT_APPLIED of "
                                 "RESULT_UNKNOWN)",
                                 r->name, last);
    return REGEL_OK;
}

/* ---- the EXPLAIN tables (format 2.0) ---- */

static const char *ref_kind_name(uint32_t kind)
{
    return kind == RBC_REF_INPUT ? "invoer" : kind == RBC_REF_OUTCOME ? "uitkomst" : "parameter";
}

/* Does index lie inside the table of a ref/segment kind (INPUT, OUTCOME, PARAM)? */
static bool ref_index_ok(const regel_policy *p, uint32_t kind, uint32_t index, uint32_t *n)
{
    *n = kind == RBC_REF_INPUT     ? p->n_inputs
         : kind == RBC_REF_OUTCOME ? p->n_outcomes
                                   : p->n_params;
    return index < *n;
}

static int verify_atoms(struct vf *v)
{
    const regel_policy *p = v->p;
    for (uint32_t i = 0; i < p->n_atoms; i++) {
        const rt_atom *at = &p->atoms[i];
        for (uint32_t k = 0; k < at->n_refs; k++) {
            uint32_t kind = at->refs[k].kind, idx = at->refs[k].index, n;
            if (kind < RBC_REF_INPUT || kind > RBC_REF_PARAM)
                return rt_bytecode_error(v->err, v->name,
                                         "atoom %u (‘%s’) heeft een verwijzing van onbekende "
                                         "soort %u",
                                         i, at->text, kind);
            if (!ref_index_ok(p, kind, idx, &n))
                return rt_bytecode_error(v->err, v->name,
                                         "atoom %u (‘%s’) verwijst naar %s %u, maar er zijn er %u",
                                         i, at->text, ref_kind_name(kind), idx, n);
        }
    }
    return REGEL_OK;
}

/* what: "de uitleg van regel ‘x’" or "de uitleg van tak 2 van regel ‘x’" */
static int verify_template(struct vf *v, const rt_template *t, const char *what)
{
    const regel_policy *p = v->p;
    for (uint32_t k = 0; k < t->n; k++) {
        const rt_seg *sg = &t->segs[k];
        uint32_t n;
        if (sg->kind == RBC_SEG_TEXT)
            continue; /* its string was resolved by the loader */
        if (sg->kind > RBC_SEG_PARAM)
            return rt_bytecode_error(v->err, v->name, "deel %u van %s heeft onbekende soort %u",
                                     k + 1, what, sg->kind);
        /* RBC_SEG_INPUT/OUTCOME/PARAM equal RBC_REF_INPUT/OUTCOME/PARAM */
        if (!ref_index_ok(p, sg->kind, sg->index, &n))
            return rt_bytecode_error(v->err, v->name,
                                     "deel %u van %s verwijst naar %s %u, maar er zijn er %u",
                                     k + 1, what, ref_kind_name(sg->kind), sg->index, n);
    }
    return REGEL_OK;
}

/* A branch condition: text iff nodes, and the nodes in postfix form exactly one tree. */
static int verify_cond_tree(struct vf *v, const rt_rule *r, uint32_t bi, const rt_branch *br)
{
    const regel_policy *p = v->p;
    static const char *const kind_names[] = {"?", "ATOOM", "EN", "OF", "NIET"};
    if (!br->cond_text != (br->n_nodes == 0))
        return rt_bytecode_error(v->err, v->name,
                                 br->n_nodes ? "tak %u van regel ‘%s’ heeft een voorwaardeboom, "
                                               "maar geen tekst van de voorwaarde"
                                             : "tak %u van regel ‘%s’ heeft de tekst van een "
                                               "voorwaarde, maar geen voorwaardeboom",
                                 bi + 1, r->name);
    uint32_t depth = 0;
    for (uint32_t m = 0; m < br->n_nodes; m++) {
        const rt_cnode *nd = &br->nodes[m];
        uint32_t need;
        switch (nd->kind) {
        case RBC_CN_ATOM:
            if (nd->arg >= p->n_atoms)
                return rt_bytecode_error(v->err, v->name,
                                         "knoop %u van de voorwaarde van tak %u van regel ‘%s’ "
                                         "verwijst naar atoom %u, maar er zijn %u atomen",
                                         m + 1, bi + 1, r->name, nd->arg, p->n_atoms);
            depth++;
            continue;
        case RBC_CN_AND:
        case RBC_CN_OR:
            need = 2;
            break;
        case RBC_CN_NOT:
            need = 1;
            break;
        default:
            return rt_bytecode_error(v->err, v->name,
                                     "knoop %u van de voorwaarde van tak %u van regel ‘%s’ heeft "
                                     "onbekende soort %u",
                                     m + 1, bi + 1, r->name, nd->kind);
        }
        if (nd->arg != 0)
            return rt_bytecode_error(v->err, v->name,
                                     "knoop %u (%s) van de voorwaarde van tak %u van regel ‘%s’ "
                                     "heeft argument %u (verwacht 0)",
                                     m + 1, kind_names[nd->kind], bi + 1, r->name, nd->arg);
        if (depth < need)
            return rt_bytecode_error(v->err, v->name,
                                     "knoop %u (%s) van de voorwaarde van tak %u van regel ‘%s’ "
                                     "heeft %u deelvoorwaarde(n) nodig, maar er is er %u",
                                     m + 1, kind_names[nd->kind], bi + 1, r->name, need, depth);
        depth -= need - 1;
    }
    if (br->n_nodes && depth != 1)
        return rt_bytecode_error(v->err, v->name,
                                 "de voorwaarde van tak %u van regel ‘%s’ vormt geen boom (%u "
                                 "losse delen)",
                                 bi + 1, r->name, depth);
    return REGEL_OK;
}

/* The EXPLAIN entry of rule ri, right after its block was verified (v->start
 * still marks the block's instruction boundaries): every branch ends at a
 * RESULT of the block, in ascending order, and every RESULT ends a branch. */
static int verify_rule_explain(struct vf *v, uint32_t ri)
{
    const regel_policy *p = v->p;
    const rt_rule *r = &p->rules[ri];
    uint32_t s = r->code_off, e = r->code_off + r->code_len;
    char what[300];
    int rc;
    snprintf(what, sizeof what, "de uitleg van regel ‘%s’", r->name);
    if ((rc = verify_template(v, &r->uitleg, what)))
        return rc;
    if (r->n_branches == 0)
        return rt_bytecode_error(v->err, v->name, "regel ‘%s’ heeft geen takken in EXPLAIN",
                                 r->name);
    for (uint32_t k = 0; k < r->n_branches; k++) {
        const rt_branch *br = &r->branches[k];
        uint32_t off = br->result_off;
        if (off < s || off >= e)
            return rt_bytecode_error(v->err, v->name,
                                     "tak %u van regel ‘%s’ eindigt op positie %u, buiten de code "
                                     "van de regel (posities %u tot %u)",
                                     k + 1, r->name, off, s, e);
        if (!v->start[off] || p->code[off] != OP_RESULT)
            return rt_bytecode_error(v->err, v->name,
                                     "tak %u van regel ‘%s’ eindigt op positie %u, maar daar "
                                     "staat geen RESULT",
                                     k + 1, r->name, off);
        if (k > 0 && off <= r->branches[k - 1].result_off)
            return rt_bytecode_error(v->err, v->name,
                                     "de takken van regel ‘%s’ staan niet op volgorde (tak %u "
                                     "eindigt op positie %u, tak %u op positie %u)",
                                     r->name, k, r->branches[k - 1].result_off, k + 1, off);
        if ((rc = verify_cond_tree(v, r, k, br)))
            return rc;
        snprintf(what, sizeof what, "de uitleg van tak %u van regel ‘%s’", k + 1, r->name);
        if ((rc = verify_template(v, &br->uitleg, what)))
            return rc;
    }
    /* every RESULT ends a branch (branches are ascending: one merge walk) */
    uint32_t k = 0;
    for (uint32_t o = s; o < e;) {
        uint8_t op = p->code[o];
        if (op == OP_RESULT) {
            while (k < r->n_branches && r->branches[k].result_off < o)
                k++;
            if (k == r->n_branches || r->branches[k].result_off != o)
                return rt_bytecode_error(v->err, v->name,
                                         "RESULT op positie %u in regel ‘%s’ beëindigt geen tak "
                                         "van de EXPLAIN-sectie",
                                         o, r->name);
        }
        o += rbc_instr_size(rt_opcode_operands(op)); /* decoded in verify_block */
    }
    return REGEL_OK;
}

static int u32_cmp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The reachable CONDs for coverage: ascending (blocks are verified in RULES
 * order, not CODE order), unique (code ranges do not overlap). */
static int store_conds(struct vf *v)
{
    regel_policy *p = v->p;
    if (v->n_conds > 1)
        qsort(v->conds, v->n_conds, sizeof *v->conds, u32_cmp);
    p->cond_offsets = arena_alloc(p->arena, (v->n_conds ? v->n_conds : 1) * sizeof *v->conds);
    if (!p->cond_offsets)
        return vf_oom(v);
    if (v->n_conds)
        memcpy(p->cond_offsets, v->conds, v->n_conds * sizeof *v->conds);
    p->n_conds = v->n_conds;
    return REGEL_OK;
}

int verify_policy(regel_policy *p, regel_error *err)
{
    struct vf v = {0};
    v.p = p;
    v.err = err;
    v.name = p->file && *p->file ? p->file : NULL;
    if (p->code_len > (uint32_t)INT32_MAX) /* node indices are int32 */
        return rt_bytecode_error(err, v.name, "sectie CODE is te groot (%u bytes)", p->code_len);
    int rc;
    if ((rc = verify_types(&v)) || (rc = verify_consts(&v)) || (rc = verify_facts(&v)) ||
        (rc = verify_externs(&v)) || (rc = verify_rules(&v)) || (rc = verify_lines(&v)) ||
        (rc = build_tree(&v)))
        return rc;
    size_t n = p->code_len ? p->code_len : 1;
    v.start = malloc(n);
    v.state = malloc(n * sizeof *v.state);
    v.nodes = malloc((2 * n + 2) * sizeof *v.nodes); /* ACC_*_BY: 2 pushes in 1 byte */
    v.frame = malloc(n * sizeof *v.frame);
    v.exit = malloc(n * sizeof *v.exit);
    v.cap_frames = (uint32_t)(n / 5 + 2); /* one per ITER_BEGIN/ITER_NEXT, plus frame 0 */
    v.frames = malloc((size_t)v.cap_frames * sizeof *v.frames);
    v.conds = malloc((n / 9 + 1) * sizeof *v.conds); /* a COND is 9 bytes */
    if (!v.start || !v.state || !v.nodes || !v.frame || !v.exit || !v.frames || !v.conds) {
        rc = vf_oom(&v);
    } else {
        for (uint32_t i = 0; i < p->n_rules && rc == REGEL_OK; i++)
            if ((rc = verify_block(&v, i)) == REGEL_OK)
                rc = verify_rule_explain(&v, i);
        if (rc == REGEL_OK)
            rc = verify_atoms(&v);
    }
    free(v.start);
    free(v.state);
    free(v.nodes);
    free(v.frame);
    free(v.exit);
    free(v.frames);
    if (rc == REGEL_OK) {
        p->max_stack = v.max_depth;
        p->max_slots = v.max_slots;
        rc = store_conds(&v);
    }
    free(v.conds);
    return rc;
}
