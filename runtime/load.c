/* load.c — decode .rbc bytes into struct regel_policy: header, section
 * directory and every section, through bounds-checked little-endian readers,
 * then hand the tables to verify_policy. Must never read outside the input,
 * never trust a count before checking it against the bytes that remain. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cal.h"
#include "decode.h"
#include "policy.h"
#include "rt.h"

struct ld {
    regel_policy *p;
    const char *name; /* file name for messages (may be NULL) */
    regel_error *err;
};

/* A cursor over one section. */
struct rd {
    struct ld *ld;
    const uint8_t *b;
    uint32_t len, pos;
    uint32_t sec;
    uint32_t entry; /* entry being read, UINT32_MAX while reading the count */
    bool failed;
    const char *entry_kind; /* how an entry is named in messages (NULL: "ingang") */
};

static uint32_t le32(const uint8_t *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static bool rd_fail_short(struct rd *r)
{
    if (!r->failed) {
        r->failed = true;
        if (r->entry == UINT32_MAX)
            rt_bytecode_error(r->ld->err, r->ld->name,
                              "sectie %s is afgebroken (%u bytes): het aantal ingangen ontbreekt",
                              rt_section_name(r->sec), r->len);
        else
            rt_bytecode_error(r->ld->err, r->ld->name,
                              "sectie %s is afgebroken: %s %u loopt voorbij het einde van de "
                              "sectie (%u bytes)",
                              rt_section_name(r->sec), r->entry_kind ? r->entry_kind : "ingang",
                              r->entry, r->len);
    }
    return false;
}

static bool rd_u8(struct rd *r, uint8_t *v)
{
    if (r->failed || r->len - r->pos < 1)
        return rd_fail_short(r);
    *v = r->b[r->pos++];
    return true;
}

static bool rd_u32(struct rd *r, uint32_t *v)
{
    if (r->failed || r->len - r->pos < 4)
        return rd_fail_short(r);
    *v = le32(r->b + r->pos);
    r->pos += 4;
    return true;
}

static bool rd_i32(struct rd *r, int32_t *v)
{
    uint32_t u;
    if (!rd_u32(r, &u))
        return false;
    memcpy(v, &u, sizeof u); /* two's complement reinterpretation */
    return true;
}

static bool rd_i64(struct rd *r, int64_t *v)
{
    if (r->failed || r->len - r->pos < 8)
        return rd_fail_short(r);
    uint64_t lo = le32(r->b + r->pos), hi = le32(r->b + r->pos + 4);
    uint64_t u = lo | hi << 32;
    memcpy(v, &u, sizeof u); /* two's complement reinterpretation */
    r->pos += 8;
    return true;
}

/* Read an entry count and check that n entries of at least min_size bytes fit. */
static bool rd_count(struct rd *r, uint32_t min_size, uint32_t *n)
{
    r->entry = UINT32_MAX;
    if (!rd_u32(r, n))
        return false;
    uint32_t room = (r->len - r->pos) / min_size;
    if (*n > room) {
        r->failed = true;
        rt_bytecode_error(r->ld->err, r->ld->name,
                          "sectie %s noemt %u ingangen, maar er is maar ruimte voor %u",
                          rt_section_name(r->sec), *n, room);
        return false;
    }
    return true;
}

static bool rd_end(struct rd *r)
{
    if (r->failed)
        return false;
    if (r->pos != r->len) {
        r->failed = true;
        rt_bytecode_error(r->ld->err, r->ld->name,
                          "sectie %s heeft %u bytes over na de laatste ingang",
                          rt_section_name(r->sec), r->len - r->pos);
        return false;
    }
    return true;
}

/* Resolve a string index; RBC_NONE gives NULL when allow_none. ctx names the
 * entry in the message (e.g. "regel 3"). */
static bool rd_str(struct rd *r, bool allow_none, const char *ctx, const char **out)
{
    uint32_t idx;
    if (!rd_u32(r, &idx))
        return false;
    if (allow_none && idx == RBC_NONE) {
        *out = NULL;
        return true;
    }
    if (idx >= r->ld->p->n_strs) {
        r->failed = true;
        rt_bytecode_error(r->ld->err, r->ld->name,
                          "%s verwijst naar tekst %u, maar STRINGS heeft %u teksten", ctx, idx,
                          r->ld->p->n_strs);
        return false;
    }
    *out = r->ld->p->strs[idx];
    return true;
}

static bool alloc_array(struct ld *ld, void **out, size_t n, size_t size)
{
    *out = arena_alloc(ld->p->arena, n ? n * size : 1); /* n * size <= file size * size */
    if (!*out) {
        rt_error(ld->err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
        return false;
    }
    return true;
}

/* Strict UTF-8 (rt.h); also used for strings returned by host functions. */
uint32_t rt_utf8_check(const uint8_t *s, uint32_t len)
{
    uint32_t i = 0;
    while (i < len) {
        uint8_t c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        uint32_t n, cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1Fu;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0Fu;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07u;
            min = 0x10000;
        } else {
            return i;
        }
        if (len - i - 1 < n)
            return i;
        for (uint32_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i + k;
            cp = cp << 6 | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return len;
}

/* One sequence by the rules of rt_utf8_check (rt.h); for the case readers. */
size_t rt_utf8_seq(const unsigned char *s, size_t len)
{
    unsigned char b = s[0];
    if (b < 0x80)
        return 1;
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        if (b == 0xE0)
            lo = 0xA0; /* no overlong form */
        else if (b == 0xED)
            hi = 0x9F; /* no surrogate */
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        if (b == 0xF0)
            lo = 0x90; /* no overlong form */
        else if (b == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else {
        return 0;
    }
    if (n > len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < n; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return n;
}

static bool load_strings(struct ld *ld, struct rd *r)
{
    regel_policy *p = ld->p;
    uint32_t n;
    if (!rd_count(r, 4, &n))
        return false;
    if (!alloc_array(ld, (void **)&p->strs, n, sizeof *p->strs) ||
        !alloc_array(ld, (void **)&p->str_lens, n, sizeof *p->str_lens))
        return false;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t len;
        r->entry = i;
        if (!rd_u32(r, &len))
            return false;
        if (len > r->len - r->pos)
            return rd_fail_short(r);
        const uint8_t *s = r->b + r->pos;
        const void *nul = memchr(s, 0, len);
        if (nul)
            return rt_bytecode_error(ld->err, ld->name,
                                     "tekst %u in STRINGS bevat een NUL-byte (byte %u)", i,
                                     (uint32_t)((const uint8_t *)nul - s)),
                   false;
        uint32_t bad = rt_utf8_check(s, len);
        if (bad != len)
            return rt_bytecode_error(ld->err, ld->name,
                                     "tekst %u in STRINGS is geen geldige UTF-8 (byte %u)", i, bad),
                   false;
        char *copy = arena_strndup(p->arena, (const char *)s, len);
        if (!copy)
            return rt_error(ld->err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen"), false;
        p->strs[i] = copy;
        p->str_lens[i] = len;
        r->pos += len;
    }
    p->n_strs = n;
    return rd_end(r);
}

static bool load_meta(struct ld *ld, struct rd *r)
{
    regel_policy *p = ld->p;
    r->entry = 0;
    return rd_str(r, false, "META (naam van het beleid)", &p->name) &&
           rd_str(r, true, "META (bron)", &p->bron) &&
           rd_str(r, true, "META (bronbestand)", &p->source_file) &&
           rd_u32(r, &p->peildatum_input) && rd_end(r); /* checked against INPUTS in verify */
}

static bool load_types(struct ld *ld, struct rd *r)
{
    regel_policy *p = ld->p;
    uint32_t n;
    char ctx[64];
    if (!rd_count(r, 1, &n))
        return false;
    if (n >= RT_MAX_TYPES)
        return rt_bytecode_error(ld->err, ld->name, "sectie TYPES heeft te veel types (%u)", n),
               false;
    if (!alloc_array(ld, (void **)&p->types, n, sizeof *p->types))
        return false;
    for (uint32_t i = 0; i < n; i++) {
        rt_type *t = &p->types[i];
        r->entry = i;
        if (!rd_u8(r, &t->kind))
            return false;
        snprintf(ctx, sizeof ctx, "type %u", i);
        switch (t->kind) {
        case RBC_TYPE_WAARHEID:
        case RBC_TYPE_GETAL:
        case RBC_TYPE_TEKST:
        case RBC_TYPE_DATUM:
        case RBC_TYPE_DUUR:
        case RBC_TYPE_BEDRAG:
        case RBC_TYPE_PERIODE:
            break;
        case RBC_TYPE_LIJST:
            if (!rd_u32(r, &t->elem))
                return false;
            if (t->elem >= i)
                return rt_bytecode_error(ld->err, ld->name,
                                         "lijst (type %u) heeft elementtype %u, dat niet vóór de "
                                         "lijst zelf staat",
                                         i, t->elem),
                       false;
            if (p->types[t->elem].kind == RBC_TYPE_LIJST)
                return rt_bytecode_error(ld->err, ld->name,
                                         "lijst (type %u) heeft als elementtype weer een lijst "
                                         "(type %u)",
                                         i, t->elem),
                       false;
            break;
        case RBC_TYPE_ENUM: {
            uint32_t m;
            if (!rd_str(r, false, ctx, &t->name) || !rd_u32(r, &m))
                return false;
            if (m == 0)
                return rt_bytecode_error(ld->err, ld->name, "soort ‘%s’ (type %u) heeft geen leden",
                                         t->name, i),
                       false;
            if (m > (r->len - r->pos) / 4)
                return rd_fail_short(r);
            if (!alloc_array(ld, (void **)&t->members, m, sizeof *t->members))
                return false;
            t->n = m;
            for (uint32_t k = 0; k < m; k++)
                if (!rd_str(r, false, ctx, &t->members[k]))
                    return false;
            break;
        }
        case RBC_TYPE_RECORD: {
            uint32_t f;
            if (!rd_str(r, false, ctx, &t->name) || !rd_u32(r, &f))
                return false;
            if (f == 0)
                return rt_bytecode_error(ld->err, ld->name,
                                         "gegeven ‘%s’ (type %u) heeft geen velden", t->name, i),
                       false;
            if (f > (r->len - r->pos) / 12)
                return rd_fail_short(r);
            if (!alloc_array(ld, (void **)&t->fields, f, sizeof *t->fields))
                return false;
            t->n = f;
            for (uint32_t k = 0; k < f; k++)
                if (!rd_str(r, false, ctx, &t->fields[k].name) || !rd_u32(r, &t->fields[k].type) ||
                    !rd_u32(r, &t->fields[k].flags))
                    return false;
            break;
        }
        default:
            return rt_bytecode_error(ld->err, ld->name, "type %u heeft onbekende soort %u", i,
                                     t->kind),
                   false;
        }
    }
    p->n_types = n;
    return rd_end(r);
}

static bool load_consts(struct ld *ld, struct rd *r)
{
    regel_policy *p = ld->p;
    uint32_t n;
    char ctx[64];
    if (!rd_count(r, 1, &n) || !alloc_array(ld, (void **)&p->consts, n, sizeof *p->consts))
        return false;
    for (uint32_t i = 0; i < n; i++) {
        rt_const *c = &p->consts[i];
        r->entry = i;
        if (!rd_u8(r, &c->kind))
            return false;
        if (c->kind == RBC_CONST_GETAL) {
            if (!rd_i64(r, &c->q.num) || !rd_i64(r, &c->q.den))
                return false;
        } else if (c->kind == RBC_CONST_TEKST) {
            uint32_t idx;
            snprintf(ctx, sizeof ctx, "constante %u", i);
            size_t save = r->pos;
            if (!rd_u32(r, &idx))
                return false;
            r->pos = (uint32_t)save;
            if (!rd_str(r, false, ctx, &c->s))
                return false;
            c->len = p->str_lens[idx];
        } else if (c->kind == RBC_CONST_DATUM) {
            uint32_t day;
            if (!rd_u32(r, &day))
                return false;
            if (day > CAL_DAY_MAX)
                return rt_bytecode_error(ld->err, ld->name,
                                         "constante %u is dag %u, buiten het bereik van de "
                                         "kalender (0 tot en met %u)",
                                         i, day, (unsigned)CAL_DAY_MAX),
                       false;
            c->day = (int32_t)day;
        } else if (c->kind == RBC_CONST_DUUR) {
            if (!rd_i32(r, &c->months) || !rd_i32(r, &c->days))
                return false;
        } else if (c->kind == RBC_CONST_BEDRAG) {
            if (!rd_i64(r, &c->cents))
                return false;
        } else if (c->kind == RBC_CONST_WAARHEID) {
            uint8_t b;
            if (!rd_u8(r, &b))
                return false;
            if (b > 1)
                return rt_bytecode_error(ld->err, ld->name,
                                         "constante %u is een waarheid met waarde %u (verwacht 0 "
                                         "of 1)",
                                         i, b),
                       false;
            c->q = (num_q){b, 1};
        } else if (c->kind == RBC_CONST_ENUM) {
            uint32_t m;
            if (!rd_u32(r, &c->type) || !rd_u32(r, &m))
                return false;
            if (c->type >= p->n_types || p->types[c->type].kind != RBC_TYPE_ENUM)
                return rt_bytecode_error(ld->err, ld->name,
                                         "constante %u verwijst naar type %u, dat geen soort is", i,
                                         c->type),
                       false;
            if (m >= p->types[c->type].n)
                return rt_bytecode_error(
                           ld->err, ld->name,
                           "constante %u is lid %u van soort ‘%s’, die %u leden heeft", i, m,
                           p->types[c->type].name, p->types[c->type].n),
                       false;
            c->q = (num_q){m, 1};
        } else if (c->kind == RBC_CONST_GEEN) {
            /* no payload */
        } else {
            return rt_bytecode_error(ld->err, ld->name, "constante %u heeft onbekende soort %u", i,
                                     c->kind),
                   false;
        }
    }
    p->n_consts = n;
    return rd_end(r);
}

static bool load_inputs(struct ld *ld, struct rd *r)
{
    regel_policy *p = ld->p;
    uint32_t n;
    char ctx[64];
    if (!rd_count(r, 20, &n) || !alloc_array(ld, (void **)&p->inputs, n, sizeof *p->inputs))
        return false;
    for (uint32_t i = 0; i < n; i++) {
        rt_input *in = &p->inputs[i];
        r->entry = i;
        snprintf(ctx, sizeof ctx, "invoer %u", i);
        if (!rd_str(r, false, ctx, &in->name) || !rd_u32(r, &in->type) || !rd_u32(r, &in->flags) ||
            !rd_u32(r, &in->def) || !rd_str(r, true, ctx, &in->vraag))
            return false; /* type, flags and default are checked in verify.c */
    }
    p->n_inputs = n;
    return rd_end(r);
}

static bool load_outcomes(struct ld *ld, struct rd *r)
{
    regel_policy *p = ld->p;
    uint32_t n;
    char ctx[64];
    if (!rd_count(r, 16, &n) || !alloc_array(ld, (void **)&p->outcomes, n, sizeof *p->outcomes) ||
        !alloc_array(ld, (void **)&p->display_order, n, sizeof *p->display_order))
        return false;
    for (uint32_t i = 0; i < n; i++) {
        rt_outcome *o = &p->outcomes[i];
        r->entry = i;
        snprintf(ctx, sizeof ctx, "uitkomst %u", i);
        if (!rd_str(r, false, ctx, &o->name) || !rd_u32(r, &o->type) || !rd_u32(r, &o->flags) ||
            !rd_u32(r, &o->display))
            return false;
    }
    p->n_outcomes = n;
    return rd_end(r);
}

/* A validity [from, until): each bound a day number or RBC_NONE; until may
 * be the day after the last calendar day (a "tot en met 9999-12-31"). */
static bool check_validity(struct ld *ld, const char *ctx, uint32_t from, uint32_t until)
{
    if (from != RBC_NONE && from > CAL_DAY_MAX)
        return rt_bytecode_error(ld->err, ld->name,
                                 "%s is geldig vanaf dag %u, buiten het bereik van de kalender",
                                 ctx, from),
               false;
    if (until != RBC_NONE && until > (uint32_t)CAL_DAY_MAX + 1)
        return rt_bytecode_error(ld->err, ld->name,
                                 "%s is geldig tot dag %u, buiten het bereik van de kalender", ctx,
                                 until),
               false;
    if (from != RBC_NONE && until != RBC_NONE && from >= until)
        return rt_bytecode_error(ld->err, ld->name,
                                 "%s is geldig vanaf dag %u tot dag %u: het begin ligt niet vóór "
                                 "het einde",
                                 ctx, from, until),
               false;
    return true;
}

/* Does a constant of kind ck fit type kind tk? */
static bool const_fits(uint8_t ck, uint8_t tk)
{
    return (ck == RBC_CONST_GETAL && tk == RBC_TYPE_GETAL) ||
           (ck == RBC_CONST_TEKST && tk == RBC_TYPE_TEKST) ||
           (ck == RBC_CONST_DATUM && tk == RBC_TYPE_DATUM) ||
           (ck == RBC_CONST_DUUR && tk == RBC_TYPE_DUUR) ||
           (ck == RBC_CONST_BEDRAG && tk == RBC_TYPE_BEDRAG);
}

static bool load_rules(struct ld *ld, struct rd *r)
{
    regel_policy *p = ld->p;
    uint32_t n;
    char ctx[64];
    if (!rd_count(r, 4 * RBC_RULE_FIELDS, &n) ||
        !alloc_array(ld, (void **)&p->rules, n, sizeof *p->rules))
        return false;
    for (uint32_t i = 0; i < n; i++) {
        rt_rule *u = &p->rules[i];
        r->entry = i;
        snprintf(ctx, sizeof ctx, "regel %u", i);
        if (!rd_str(r, false, ctx, &u->name) || !rd_str(r, true, ctx, &u->bron) ||
            !rd_str(r, true, ctx, &u->citaat) || !rd_u32(r, &u->outcome) ||
            !rd_u32(r, &u->parent) || !rd_u32(r, &u->line) || !rd_u32(r, &u->col) ||
            !rd_u32(r, &u->code_off) || !rd_u32(r, &u->code_len) || !rd_u32(r, &u->valid_from) ||
            !rd_u32(r, &u->valid_until))
            return false;
        if (!check_validity(ld, ctx, u->valid_from, u->valid_until))
            return false;
    }
    p->n_rules = n;
    return rd_end(r);
}

static bool load_params(struct ld *ld, struct rd *r)
{
    regel_policy *p = ld->p;
    uint32_t n;
    char ctx[160];
    /* an entry is at least 12 bytes (its versions are checked below) */
    if (!rd_count(r, 12, &n) || !alloc_array(ld, (void **)&p->params, n, sizeof *p->params))
        return false;
    uint32_t total = 0;
    for (uint32_t i = 0; i < n; i++) {
        rt_param *q = &p->params[i];
        uint32_t v;
        r->entry = i;
        snprintf(ctx, sizeof ctx, "parameter %u", i);
        if (!rd_str(r, false, ctx, &q->name) || !rd_u32(r, &q->type) || !rd_u32(r, &v))
            return false;
        if (q->type >= p->n_types)
            return rt_bytecode_error(ld->err, ld->name,
                                     "parameter ‘%s’ heeft type %u, maar er zijn %u types", q->name,
                                     q->type, p->n_types),
                   false;
        if (v == 0)
            return rt_bytecode_error(ld->err, ld->name, "parameter ‘%s’ heeft geen versies",
                                     q->name),
                   false;
        if (v > (r->len - r->pos) / 12)
            return rd_fail_short(r);
        if (!alloc_array(ld, (void **)&q->versions, v, sizeof *q->versions))
            return false;
        q->n_versions = v;
        q->first_version = total;
        total += v; /* v <= section size / 12, so no overflow */
        for (uint32_t k = 0; k < v; k++) {
            rt_param_version *pv = &q->versions[k];
            if (!rd_u32(r, &pv->from) || !rd_u32(r, &pv->until) || !rd_u32(r, &pv->value))
                return false;
            snprintf(ctx, sizeof ctx, "versie %u van parameter ‘%s’", k + 1, q->name);
            if (!check_validity(ld, ctx, pv->from, pv->until))
                return false;
            if (pv->value >= p->n_consts)
                return rt_bytecode_error(ld->err, ld->name,
                                         "%s verwijst naar constante %u, maar er zijn %u "
                                         "constanten",
                                         ctx, pv->value, p->n_consts),
                       false;
            if (!const_fits(p->consts[pv->value].kind, p->types[q->type].kind))
                return rt_bytecode_error(ld->err, ld->name,
                                         "%s heeft constante %u, die niet van het type van de "
                                         "parameter is",
                                         ctx, pv->value),
                       false;
            if (k > 0) {
                const rt_param_version *pr = &q->versions[k - 1];
                if (pr->until == RBC_NONE || pv->from == RBC_NONE || pv->from < pr->until)
                    return rt_bytecode_error(ld->err, ld->name,
                                             "versies %u en %u van parameter ‘%s’ overlappen of "
                                             "staan niet op volgorde",
                                             k, k + 1, q->name),
                           false;
            }
        }
    }
    p->n_params = n;
    p->n_param_versions = total;
    return rd_end(r);
}

static bool load_lines(struct ld *ld, struct rd *r)
{
    regel_policy *p = ld->p;
    uint32_t n;
    if (!rd_count(r, 12, &n) || !alloc_array(ld, (void **)&p->lines, n, sizeof *p->lines))
        return false;
    for (uint32_t i = 0; i < n; i++) {
        r->entry = i;
        if (!rd_u32(r, &p->lines[i].off) || !rd_u32(r, &p->lines[i].line) ||
            !rd_u32(r, &p->lines[i].col))
            return false;
    }
    p->n_lines = n;
    return rd_end(r);
}

/* TEMPLATE := u32 n_segs; n_segs × (kind, arg). A TEXT segment's string is
 * resolved here; kinds and the other indices are checked in verify.c. */
static bool load_template(struct ld *ld, struct rd *r, const char *ctx, rt_template *t)
{
    uint32_t n;
    t->segs = NULL;
    t->n = 0;
    if (!rd_u32(r, &n))
        return false;
    if (n > (r->len - r->pos) / 8)
        return rd_fail_short(r);
    if (n == 0)
        return true;
    if (!alloc_array(ld, (void **)&t->segs, n, sizeof *t->segs))
        return false;
    for (uint32_t k = 0; k < n; k++) {
        rt_seg *sg = &t->segs[k];
        if (!rd_u32(r, &sg->kind))
            return false;
        sg->text = NULL;
        sg->index = RBC_NONE;
        if (sg->kind == RBC_SEG_TEXT) {
            if (!rd_str(r, false, ctx, &sg->text))
                return false;
        } else if (!rd_u32(r, &sg->index)) {
            return false;
        }
    }
    t->n = n;
    return true;
}

/* EXPLAIN (format 2.0): the atoms, then per rule its sentence and branches.
 * Decoded here (counts, strings, the rule count); every other index, the
 * condition trees and the result offsets are checked in verify.c. */
static bool load_explain(struct ld *ld, struct rd *r)
{
    regel_policy *p = ld->p;
    uint32_t n;
    char ctx[200];
    /* an atom is at least 16 bytes: text, line, col, n_refs */
    if (!rd_count(r, 16, &n) || !alloc_array(ld, (void **)&p->atoms, n, sizeof *p->atoms))
        return false;
    r->entry_kind = "atoom";
    for (uint32_t i = 0; i < n; i++) {
        rt_atom *at = &p->atoms[i];
        uint32_t nr;
        r->entry = i;
        snprintf(ctx, sizeof ctx, "atoom %u in EXPLAIN", i);
        if (!rd_str(r, false, ctx, &at->text) || !rd_u32(r, &at->line) || !rd_u32(r, &at->col) ||
            !rd_u32(r, &nr))
            return false;
        if (nr > (r->len - r->pos) / 8)
            return rd_fail_short(r);
        if (!alloc_array(ld, (void **)&at->refs, nr, sizeof *at->refs))
            return false;
        for (uint32_t k = 0; k < nr; k++)
            if (!rd_u32(r, &at->refs[k].kind) || !rd_u32(r, &at->refs[k].index))
                return false;
        at->n_refs = nr;
    }
    p->n_atoms = n;

    uint32_t nrules;
    r->entry_kind = NULL;
    r->entry = UINT32_MAX;
    if (!rd_u32(r, &nrules))
        return false;
    if (nrules != p->n_rules)
        return rt_bytecode_error(ld->err, ld->name,
                                 "sectie EXPLAIN beschrijft %u regels, maar RULES heeft er %u",
                                 nrules, p->n_rules),
               false;
    r->entry_kind = "regel";
    uint32_t total = 0;
    for (uint32_t i = 0; i < nrules; i++) {
        rt_rule *u = &p->rules[i];
        uint32_t nb;
        r->entry = i;
        snprintf(ctx, sizeof ctx, "de uitleg van regel ‘%s’ in EXPLAIN", u->name);
        if (!load_template(ld, r, ctx, &u->uitleg) || !rd_u32(r, &nb))
            return false;
        /* a branch is at least 16 bytes: result, cond text, n_nodes, n_segs */
        if (nb > (r->len - r->pos) / 16)
            return rd_fail_short(r);
        if (!alloc_array(ld, (void **)&u->branches, nb, sizeof *u->branches))
            return false;
        u->n_branches = nb;
        u->first_branch = total;
        total += nb; /* nb <= section size / 16: no overflow */
        for (uint32_t k = 0; k < nb; k++) {
            rt_branch *br = &u->branches[k];
            uint32_t nn;
            snprintf(ctx, sizeof ctx, "tak %u van regel ‘%s’ in EXPLAIN", k + 1, u->name);
            if (!rd_u32(r, &br->result_off) || !rd_str(r, true, ctx, &br->cond_text) ||
                !rd_u32(r, &nn))
                return false;
            if (nn > (r->len - r->pos) / 8)
                return rd_fail_short(r);
            if (!alloc_array(ld, (void **)&br->nodes, nn, sizeof *br->nodes))
                return false;
            for (uint32_t m = 0; m < nn; m++)
                if (!rd_u32(r, &br->nodes[m].kind) || !rd_u32(r, &br->nodes[m].arg))
                    return false;
            br->n_nodes = nn;
            snprintf(ctx, sizeof ctx, "de uitleg van tak %u van regel ‘%s’ in EXPLAIN", k + 1,
                     u->name);
            if (!load_template(ld, r, ctx, &br->uitleg))
                return false;
        }
    }
    p->n_branches_total = total;
    return rd_end(r);
}

/* EXTERNS (issue 8): u32 n; n × (name str, u32 result type, u32 n_params,
 * n_params × u32 param type). Decoded here (counts, strings); the types, the
 * parameter limit and the names are checked in verify.c. */
static bool load_externs(struct ld *ld, struct rd *r)
{
    regel_policy *p = ld->p;
    uint32_t n;
    char ctx[64];
    /* an entry is at least 12 bytes: name, result, n_params */
    if (!rd_count(r, 12, &n) || !alloc_array(ld, (void **)&p->externs, n, sizeof *p->externs))
        return false;
    r->entry_kind = "externe functie";
    for (uint32_t i = 0; i < n; i++) {
        rt_extern *x = &p->externs[i];
        uint32_t np;
        r->entry = i;
        snprintf(ctx, sizeof ctx, "externe functie %u", i);
        if (!rd_str(r, false, ctx, &x->name) || !rd_u32(r, &x->result) || !rd_u32(r, &np))
            return false;
        if (np > (r->len - r->pos) / 4)
            return rd_fail_short(r);
        if (!alloc_array(ld, (void **)&x->params, np, sizeof *x->params))
            return false;
        for (uint32_t k = 0; k < np; k++)
            if (!rd_u32(r, &x->params[k]))
                return false;
        x->n_params = np;
        x->bound = NULL;
    }
    p->n_externs = n;
    return rd_end(r);
}

/* Header and directory; fills off/size per section id. */
static bool load_header(struct ld *ld, const uint8_t *b, size_t len, uint32_t *off, uint32_t *size)
{
    if (len == 0)
        return rt_bytecode_error(ld->err, ld->name, "het bestand is leeg"), false;
    if (len < RBC_MAGIC_LEN || memcmp(b, RBC_MAGIC, RBC_MAGIC_LEN) != 0) {
        if (len < RBC_MAGIC_LEN && memcmp(b, RBC_MAGIC, len) == 0)
            return rt_bytecode_error(ld->err, ld->name,
                                     "het bestand is afgebroken (de kop is %u bytes, het "
                                     "bestand is %zu bytes)",
                                     RBC_HEADER_SIZE, len),
                   false;
        return rt_bytecode_error(ld->err, ld->name,
                                 "dit is geen Regel-bytecode (het bestand begint niet met ‘RGBC’)"),
               false;
    }
    if (len < RBC_HEADER_SIZE)
        return rt_bytecode_error(ld->err, ld->name,
                                 "het bestand is afgebroken (de kop is %u bytes, het bestand is "
                                 "%zu bytes)",
                                 RBC_HEADER_SIZE, len),
               false;
    unsigned major = (unsigned)b[4] | (unsigned)b[5] << 8;
    unsigned minor = (unsigned)b[6] | (unsigned)b[7] << 8;
    if (major != RBC_VERSION_MAJOR)
        return rt_bytecode_error(ld->err, ld->name,
                                 "versie %u.%u van het bytecodeformaat wordt niet ondersteund "
                                 "(deze runtime leest versie %u.x)",
                                 major, minor, RBC_VERSION_MAJOR),
               false;
    uint32_t nsec = le32(b + 8), total = le32(b + 12);
    if (nsec != RBC_SECTION_COUNT)
        return rt_bytecode_error(ld->err, ld->name, "de kop noemt %u secties, verwacht %u", nsec,
                                 RBC_SECTION_COUNT),
               false;
    if (total > len)
        return rt_bytecode_error(ld->err, ld->name,
                                 "het bestand is afgebroken (de kop noemt %u bytes, het bestand "
                                 "is %zu bytes)",
                                 total, len),
               false;
    if (total < len)
        return rt_bytecode_error(ld->err, ld->name,
                                 "het bestand heeft %zu bytes te veel (de kop noemt %u bytes, "
                                 "het bestand is %zu bytes)",
                                 len - total, total, len),
               false;
    size_t dir_end = RBC_HEADER_SIZE + (size_t)RBC_SECTION_COUNT * RBC_DIR_ENTRY_SIZE;
    if (len < dir_end)
        return rt_bytecode_error(ld->err, ld->name,
                                 "het bestand is afgebroken (de sectietabel loopt tot byte %zu, "
                                 "het bestand is %zu bytes)",
                                 dir_end, len),
               false;
    uint64_t prev_end = dir_end;
    for (uint32_t i = 0; i < RBC_SECTION_COUNT; i++) {
        const uint8_t *e = b + RBC_HEADER_SIZE + (size_t)i * RBC_DIR_ENTRY_SIZE;
        uint32_t id = le32(e), so = le32(e + 4), ss = le32(e + 8);
        if (id != i + 1)
            return rt_bytecode_error(ld->err, ld->name,
                                     "de sectietabel noemt op plaats %u sectie-id %u, verwacht %u "
                                     "(%s)",
                                     i, id, i + 1, rt_section_name(i + 1)),
                   false;
        if (so < prev_end)
            return rt_bytecode_error(ld->err, ld->name,
                                     "sectie %s begint op byte %u, binnen de kop of de vorige "
                                     "sectie (die loopt tot byte %llu)",
                                     rt_section_name(id), so, (unsigned long long)prev_end),
                   false;
        uint64_t end = (uint64_t)so + ss;
        if (end > len)
            return rt_bytecode_error(ld->err, ld->name,
                                     "het bestand is afgebroken (sectie %s loopt tot byte %llu, "
                                     "het bestand is %zu bytes)",
                                     rt_section_name(id), (unsigned long long)end, len),
                   false;
        off[id] = so;
        size[id] = ss;
        prev_end = end;
    }
    return true;
}

int load_policy(const uint8_t *bytes, size_t len, const char *name, regel_policy **out,
                regel_error *err)
{
    struct ld ld = {NULL, name, err};
    uint32_t off[RBC_SECTION_COUNT + 1] = {0}, size[RBC_SECTION_COUNT + 1] = {0};
    *out = NULL;
    if (len > UINT32_MAX)
        return rt_bytecode_error(err, name, "het bestand is te groot (%zu bytes)", len);
    if (!load_header(&ld, bytes, len, off, size))
        return err ? err->code : REGEL_ERR_BYTECODE;

    arena *a = arena_new(len + 4096 > 65536 ? 65536 : len + 4096);
    regel_policy *p = a ? arena_alloc(a, sizeof *p) : NULL;
    uint8_t *copy = p ? arena_alloc(a, len) : NULL;
    if (!copy) {
        arena_free(a);
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    }
    memcpy(copy, bytes, len);
    p->arena = a;
    p->bytes = copy;
    p->len = len;
    p->file = arena_strndup(a, name ? name : "", name ? strlen(name) : 0);
    ld.p = p;

    static bool (*const loaders[RBC_SECTION_COUNT + 1])(struct ld *, struct rd *) = {
        NULL,       load_strings, load_meta,  load_types,  load_consts,  load_inputs, load_outcomes,
        load_rules, NULL,         load_lines, load_params, load_explain, load_externs};
    for (uint32_t id = 1; id <= RBC_SECTION_COUNT; id++) {
        if (id == RBC_SEC_CODE) {
            p->code = copy + off[id];
            p->code_len = size[id];
            continue;
        }
        struct rd r = {&ld, copy + off[id], size[id], 0, id, UINT32_MAX, false, NULL};
        if (!loaders[id](&ld, &r)) {
            int code = err ? err->code : REGEL_ERR_BYTECODE;
            arena_free(a);
            return code ? code : REGEL_ERR_BYTECODE;
        }
    }
    int rc = verify_policy(p, err);
    if (rc == REGEL_OK)
        rc = decode_policy(p, err);
    if (rc != REGEL_OK) {
        arena_free(a);
        return rc;
    }
    *out = p;
    return REGEL_OK;
}
