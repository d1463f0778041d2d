/* rbc_builder.c — test helper that assembles .rbc bytes in memory (see
 * rbc_builder.h), all 12 sections (EXTERNS empty unless rb_extern is used).
 * Test code only: it aborts on out-of-memory, which library code must never
 * do. */
#include "rbc_builder.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct buf {
    uint8_t *d;
    size_t n, cap;
};

static void buf_put(struct buf *b, const void *p, size_t n)
{
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n)
            cap *= 2;
        b->d = realloc(b->d, cap);
        if (!b->d)
            abort();
        b->cap = cap;
    }
    if (n)
        memcpy(b->d + b->n, p, n);
    b->n += n;
}

static void buf_u8(struct buf *b, uint8_t v)
{
    buf_put(b, &v, 1);
}

static void buf_u32(struct buf *b, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    buf_put(b, x, 4);
}

static void buf_i64(struct buf *b, int64_t v)
{
    uint64_t u = (uint64_t)v;
    buf_u32(b, (uint32_t)u);
    buf_u32(b, (uint32_t)(u >> 32));
}

static void put32_at(uint8_t *d, uint32_t v)
{
    d[0] = (uint8_t)v;
    d[1] = (uint8_t)(v >> 8);
    d[2] = (uint8_t)(v >> 16);
    d[3] = (uint8_t)(v >> 24);
}

/* The EXPLAIN entry of one rule while building. */
struct rb_rexp {
    struct buf uitleg;   /* TEMPLATE bytes (n_segs first) */
    struct buf branches; /* BRANCH bytes */
    uint32_t n_branches;
    bool explicit_branches;
};

struct rbc_builder {
    struct buf sec[RBC_SECTION_COUNT + 1]; /* entries without the count */
    uint32_t count[RBC_SECTION_COUNT + 1];
    uint32_t count_override[RBC_SECTION_COUNT + 1];
    struct buf extra[RBC_SECTION_COUNT + 1];
    uint32_t sec_off[RBC_SECTION_COUNT + 1];
    char **strs;
    uint32_t n_strs;
    uint32_t meta[4];
    uint32_t next_display;
    uint32_t open_rule; /* RBC_NONE when none */
    struct buf atoms;   /* ATOM bytes */
    uint32_t n_atoms;
    struct rb_rexp *rexp; /* per rule */
    uint32_t n_rexp;
    uint32_t explain_rules; /* RBC_NONE: the real count */
    struct buf explain_raw;
    bool has_explain_raw;
    uint16_t major, minor;
};

rbc_builder *rb_new(void)
{
    rbc_builder *b = calloc(1, sizeof *b);
    if (!b)
        abort();
    for (int i = 0; i <= RBC_SECTION_COUNT; i++)
        b->count_override[i] = RBC_NONE;
    b->open_rule = RBC_NONE;
    b->explain_rules = RBC_NONE;
    b->major = RBC_VERSION_MAJOR;
    b->minor = RBC_VERSION_MINOR;
    b->meta[0] = RBC_NONE;
    b->meta[1] = RBC_NONE;
    b->meta[2] = RBC_NONE;
    b->meta[3] = RBC_NONE;
    return b;
}

void rb_free(rbc_builder *b)
{
    if (!b)
        return;
    for (int i = 0; i <= RBC_SECTION_COUNT; i++) {
        free(b->sec[i].d);
        free(b->extra[i].d);
    }
    for (uint32_t i = 0; i < b->n_strs; i++)
        free(b->strs[i]);
    free(b->strs);
    for (uint32_t i = 0; i < b->n_rexp; i++) {
        free(b->rexp[i].uitleg.d);
        free(b->rexp[i].branches.d);
    }
    free(b->rexp);
    free(b->atoms.d);
    free(b->explain_raw.d);
    free(b);
}

uint32_t rb_str_raw(rbc_builder *b, const void *bytes, uint32_t len)
{
    struct buf *s = &b->sec[RBC_SEC_STRINGS];
    buf_u32(s, len);
    buf_put(s, bytes, len);
    b->strs = realloc(b->strs, (b->n_strs + 1) * sizeof *b->strs);
    if (!b->strs)
        abort();
    char *c = malloc(len + 1);
    if (!c)
        abort();
    memcpy(c, bytes, len);
    c[len] = '\0';
    if (memchr(bytes, 0, len))
        c[0] = '\x01'; /* never matched by rb_str */
    b->strs[b->n_strs] = c;
    b->count[RBC_SEC_STRINGS]++;
    return b->n_strs++;
}

uint32_t rb_str(rbc_builder *b, const char *s)
{
    if (!s)
        return RBC_NONE;
    for (uint32_t i = 0; i < b->n_strs; i++)
        if (strcmp(b->strs[i], s) == 0)
            return i;
    return rb_str_raw(b, s, (uint32_t)strlen(s));
}

void rb_meta(rbc_builder *b, const char *name, const char *bron, const char *source)
{
    b->meta[0] = rb_str(b, name);
    b->meta[1] = rb_str(b, bron);
    b->meta[2] = rb_str(b, source);
}

void rb_peildatum(rbc_builder *b, uint32_t input)
{
    b->meta[3] = input;
}

uint32_t rb_type_list(rbc_builder *b, uint32_t elem)
{
    struct buf *s = &b->sec[RBC_SEC_TYPES];
    buf_u8(s, RBC_TYPE_LIJST);
    buf_u32(s, elem);
    return b->count[RBC_SEC_TYPES]++;
}

uint32_t rb_const_date(rbc_builder *b, uint32_t day)
{
    struct buf *s = &b->sec[RBC_SEC_CONSTS];
    buf_u8(s, RBC_CONST_DATUM);
    buf_u32(s, day);
    return b->count[RBC_SEC_CONSTS]++;
}

uint32_t rb_const_duur(rbc_builder *b, int32_t months, int32_t days)
{
    struct buf *s = &b->sec[RBC_SEC_CONSTS];
    buf_u8(s, RBC_CONST_DUUR);
    buf_u32(s, (uint32_t)months);
    buf_u32(s, (uint32_t)days);
    return b->count[RBC_SEC_CONSTS]++;
}

uint32_t rb_const_bedrag(rbc_builder *b, int64_t cents)
{
    struct buf *s = &b->sec[RBC_SEC_CONSTS];
    buf_u8(s, RBC_CONST_BEDRAG);
    buf_i64(s, cents);
    return b->count[RBC_SEC_CONSTS]++;
}

uint32_t rb_param(rbc_builder *b, const char *name, uint32_t type, uint32_t n, const uint32_t *from,
                  const uint32_t *until, const uint32_t *value)
{
    uint32_t id = rb_str(b, name);
    struct buf *s = &b->sec[RBC_SEC_PARAMS];
    buf_u32(s, id);
    buf_u32(s, type);
    buf_u32(s, n);
    for (uint32_t i = 0; i < n; i++) {
        buf_u32(s, from[i]);
        buf_u32(s, until[i]);
        buf_u32(s, value[i]);
    }
    return b->count[RBC_SEC_PARAMS]++;
}

uint32_t rb_type_prim(rbc_builder *b, uint8_t kind)
{
    buf_u8(&b->sec[RBC_SEC_TYPES], kind);
    return b->count[RBC_SEC_TYPES]++;
}

uint32_t rb_type_enum(rbc_builder *b, const char *name, uint32_t n, const char *const *members)
{
    uint32_t ids[64];
    for (uint32_t i = 0; i < n && i < 64; i++)
        ids[i] = rb_str(b, members[i]);
    uint32_t nm = rb_str(b, name);
    struct buf *s = &b->sec[RBC_SEC_TYPES];
    buf_u8(s, RBC_TYPE_ENUM);
    buf_u32(s, nm);
    buf_u32(s, n);
    for (uint32_t i = 0; i < n && i < 64; i++)
        buf_u32(s, ids[i]);
    return b->count[RBC_SEC_TYPES]++;
}

uint32_t rb_type_record(rbc_builder *b, const char *name, uint32_t n, const char *const *names,
                        const uint32_t *types)
{
    return rb_type_record_flags(b, name, n, names, types, NULL);
}

uint32_t rb_type_record_flags(rbc_builder *b, const char *name, uint32_t n,
                              const char *const *names, const uint32_t *types,
                              const uint32_t *flags)
{
    uint32_t ids[64];
    for (uint32_t i = 0; i < n && i < 64; i++)
        ids[i] = rb_str(b, names[i]);
    uint32_t nm = rb_str(b, name);
    struct buf *s = &b->sec[RBC_SEC_TYPES];
    buf_u8(s, RBC_TYPE_RECORD);
    buf_u32(s, nm);
    buf_u32(s, n);
    for (uint32_t i = 0; i < n && i < 64; i++) {
        buf_u32(s, ids[i]);
        buf_u32(s, types[i]);
        buf_u32(s, flags ? flags[i] : 0);
    }
    return b->count[RBC_SEC_TYPES]++;
}

uint32_t rb_type_raw(rbc_builder *b, const void *bytes, size_t n)
{
    buf_put(&b->sec[RBC_SEC_TYPES], bytes, n);
    return b->count[RBC_SEC_TYPES]++;
}

uint32_t rb_const_num(rbc_builder *b, int64_t num, int64_t den)
{
    struct buf *s = &b->sec[RBC_SEC_CONSTS];
    buf_u8(s, RBC_CONST_GETAL);
    buf_i64(s, num);
    buf_i64(s, den);
    return b->count[RBC_SEC_CONSTS]++;
}

uint32_t rb_const_text(rbc_builder *b, const char *str)
{
    uint32_t id = rb_str(b, str);
    struct buf *s = &b->sec[RBC_SEC_CONSTS];
    buf_u8(s, RBC_CONST_TEKST);
    buf_u32(s, id);
    return b->count[RBC_SEC_CONSTS]++;
}

uint32_t rb_input(rbc_builder *b, const char *name, uint32_t type)
{
    return rb_input_ext(b, name, type, 0, RBC_NONE, NULL);
}

uint32_t rb_input_ext(rbc_builder *b, const char *name, uint32_t type, uint32_t flags, uint32_t def,
                      const char *vraag)
{
    uint32_t id = rb_str(b, name);
    uint32_t q = rb_str(b, vraag);
    struct buf *s = &b->sec[RBC_SEC_INPUTS];
    buf_u32(s, id);
    buf_u32(s, type);
    buf_u32(s, flags);
    buf_u32(s, def);
    buf_u32(s, q);
    return b->count[RBC_SEC_INPUTS]++;
}

uint32_t rb_const_bool(rbc_builder *b, uint8_t v)
{
    struct buf *s = &b->sec[RBC_SEC_CONSTS];
    buf_u8(s, RBC_CONST_WAARHEID);
    buf_u8(s, v);
    return b->count[RBC_SEC_CONSTS]++;
}

uint32_t rb_const_enum(rbc_builder *b, uint32_t type, uint32_t member)
{
    struct buf *s = &b->sec[RBC_SEC_CONSTS];
    buf_u8(s, RBC_CONST_ENUM);
    buf_u32(s, type);
    buf_u32(s, member);
    return b->count[RBC_SEC_CONSTS]++;
}

uint32_t rb_const_geen(rbc_builder *b)
{
    buf_u8(&b->sec[RBC_SEC_CONSTS], RBC_CONST_GEEN);
    return b->count[RBC_SEC_CONSTS]++;
}

uint32_t rb_outcome(rbc_builder *b, const char *name, uint32_t type, uint32_t flags,
                    uint32_t display)
{
    uint32_t id = rb_str(b, name);
    struct buf *s = &b->sec[RBC_SEC_OUTCOMES];
    if (display == RBC_NONE)
        display = b->next_display;
    b->next_display++;
    buf_u32(s, id);
    buf_u32(s, type);
    buf_u32(s, flags);
    buf_u32(s, display);
    return b->count[RBC_SEC_OUTCOMES]++;
}

uint32_t rb_rule_begin(rbc_builder *b, const char *name, uint32_t outcome, uint32_t parent)
{
    uint32_t id = rb_str(b, name);
    struct buf *s = &b->sec[RBC_SEC_RULES];
    buf_u32(s, id);
    buf_u32(s, RBC_NONE);
    buf_u32(s, RBC_NONE);
    buf_u32(s, outcome);
    buf_u32(s, parent);
    buf_u32(s, 1);
    buf_u32(s, 1);
    buf_u32(s, (uint32_t)b->sec[RBC_SEC_CODE].n);
    buf_u32(s, 0);
    buf_u32(s, RBC_NONE);
    buf_u32(s, RBC_NONE);
    b->open_rule = b->count[RBC_SEC_RULES];
    return b->count[RBC_SEC_RULES]++;
}

void rb_rule_set(rbc_builder *b, uint32_t rule, unsigned field, uint32_t value)
{
    put32_at(b->sec[RBC_SEC_RULES].d + (size_t)rule * 4 * RBC_RULE_FIELDS + field * 4, value);
}

void rb_rule_meta(rbc_builder *b, uint32_t rule, const char *bron, const char *citaat,
                  uint32_t line, uint32_t col)
{
    rb_rule_set(b, rule, 1, rb_str(b, bron));
    rb_rule_set(b, rule, 2, rb_str(b, citaat));
    rb_rule_set(b, rule, 5, line);
    rb_rule_set(b, rule, 6, col);
}

void rb_rule_validity(rbc_builder *b, uint32_t rule, uint32_t from, uint32_t until)
{
    rb_rule_set(b, rule, 9, from);
    rb_rule_set(b, rule, 10, until);
}

void rb_rule_end(rbc_builder *b)
{
    uint32_t r = b->open_rule;
    const uint8_t *e = b->sec[RBC_SEC_RULES].d + (size_t)r * 4 * RBC_RULE_FIELDS + 7 * 4;
    uint32_t off =
        (uint32_t)e[0] | (uint32_t)e[1] << 8 | (uint32_t)e[2] << 16 | (uint32_t)e[3] << 24;
    rb_rule_set(b, r, 8, (uint32_t)b->sec[RBC_SEC_CODE].n - off);
    b->open_rule = RBC_NONE;
}

uint32_t rb_here(const rbc_builder *b)
{
    return (uint32_t)b->sec[RBC_SEC_CODE].n;
}

uint32_t rb_op(rbc_builder *b, enum rbc_opcode op)
{
    uint32_t at = rb_here(b);
    buf_u8(&b->sec[RBC_SEC_CODE], (uint8_t)op);
    return at;
}

uint32_t rb_op1(rbc_builder *b, enum rbc_opcode op, uint32_t a)
{
    uint32_t at = rb_op(b, op);
    buf_u32(&b->sec[RBC_SEC_CODE], a);
    return at;
}

uint32_t rb_op2(rbc_builder *b, enum rbc_opcode op, uint32_t a, uint32_t c)
{
    uint32_t at = rb_op1(b, op, a);
    buf_u32(&b->sec[RBC_SEC_CODE], c);
    return at;
}

void rb_code_raw(rbc_builder *b, const void *bytes, size_t n)
{
    buf_put(&b->sec[RBC_SEC_CODE], bytes, n);
}

void rb_patch(rbc_builder *b, uint32_t off, unsigned k, uint32_t value)
{
    put32_at(b->sec[RBC_SEC_CODE].d + off + 1 + 4 * k, value);
}

void rb_line(rbc_builder *b, uint32_t off, uint32_t line, uint32_t col)
{
    struct buf *s = &b->sec[RBC_SEC_LINES];
    buf_u32(s, off);
    buf_u32(s, line);
    buf_u32(s, col);
    b->count[RBC_SEC_LINES]++;
}

void rb_section_extra(rbc_builder *b, enum rbc_section sec, const void *bytes, size_t n)
{
    buf_put(&b->extra[sec], bytes, n);
}

void rb_section_count(rbc_builder *b, enum rbc_section sec, uint32_t n)
{
    b->count_override[sec] = n;
}

uint32_t rb_section_offset(const rbc_builder *b, enum rbc_section sec)
{
    return b->sec_off[sec];
}

/* ---- EXTERNS ---- */

uint32_t rb_extern_raw(rbc_builder *b, uint32_t name_str, uint32_t result, uint32_t n,
                       const uint32_t *params)
{
    struct buf *s = &b->sec[RBC_SEC_EXTERNS];
    buf_u32(s, name_str);
    buf_u32(s, result);
    buf_u32(s, n);
    for (uint32_t i = 0; i < n; i++)
        buf_u32(s, params[i]);
    return b->count[RBC_SEC_EXTERNS]++;
}

uint32_t rb_extern(rbc_builder *b, const char *name, uint32_t result, uint32_t n,
                   const uint32_t *params)
{
    return rb_extern_raw(b, rb_str(b, name), result, n, params);
}

/* ---- EXPLAIN ---- */

static struct rb_rexp *rexp_of(rbc_builder *b, uint32_t rule)
{
    if (rule >= b->n_rexp) {
        b->rexp = realloc(b->rexp, (size_t)(rule + 1) * sizeof *b->rexp);
        if (!b->rexp)
            abort();
        memset(b->rexp + b->n_rexp, 0, (size_t)(rule + 1 - b->n_rexp) * sizeof *b->rexp);
        b->n_rexp = rule + 1;
    }
    return &b->rexp[rule];
}

static void put_template(rbc_builder *b, struct buf *out, uint32_t n, const rb_seg *segs)
{
    buf_u32(out, n);
    for (uint32_t i = 0; i < n; i++) {
        buf_u32(out, segs[i].kind);
        buf_u32(out, segs[i].kind == RBC_SEG_TEXT && segs[i].text ? rb_str(b, segs[i].text)
                                                                  : segs[i].arg);
    }
}

uint32_t rb_atom_raw(rbc_builder *b, uint32_t text_str, uint32_t line, uint32_t col,
                     uint32_t n_refs, const uint32_t *refs)
{
    buf_u32(&b->atoms, text_str);
    buf_u32(&b->atoms, line);
    buf_u32(&b->atoms, col);
    buf_u32(&b->atoms, n_refs);
    for (uint32_t i = 0; i < 2 * n_refs; i++)
        buf_u32(&b->atoms, refs[i]);
    return b->n_atoms++;
}

uint32_t rb_atom(rbc_builder *b, const char *text, uint32_t line, uint32_t col, uint32_t n_refs,
                 const uint32_t *refs)
{
    return rb_atom_raw(b, rb_str(b, text), line, col, n_refs, refs);
}

void rb_rule_uitleg(rbc_builder *b, uint32_t rule, uint32_t n, const rb_seg *segs)
{
    struct rb_rexp *x = rexp_of(b, rule);
    x->uitleg.n = 0;
    put_template(b, &x->uitleg, n, segs);
}

uint32_t rb_branch_raw(rbc_builder *b, uint32_t rule, uint32_t result_off, uint32_t cond_str,
                       uint32_t n_nodes, const uint32_t *nodes)
{
    struct rb_rexp *x = rexp_of(b, rule);
    x->explicit_branches = true;
    buf_u32(&x->branches, result_off);
    buf_u32(&x->branches, cond_str);
    buf_u32(&x->branches, n_nodes);
    for (uint32_t i = 0; i < 2 * n_nodes; i++)
        buf_u32(&x->branches, nodes[i]);
    buf_u32(&x->branches, 0); /* no sentence (rb_branch_uitleg may set one) */
    return x->n_branches++;
}

uint32_t rb_branch(rbc_builder *b, uint32_t rule, uint32_t result_off, const char *cond,
                   uint32_t n_nodes, const uint32_t *nodes)
{
    return rb_branch_raw(b, rule, result_off, rb_str(b, cond), n_nodes, nodes);
}

/* Byte offset of branch k inside x->branches (branches are variable-sized). */
static size_t branch_at(const struct rb_rexp *x, uint32_t k, size_t *end)
{
    size_t at = 0;
    for (uint32_t i = 0;; i++) {
        const uint8_t *d = x->branches.d + at + 8;
        uint32_t nn =
            (uint32_t)d[0] | (uint32_t)d[1] << 8 | (uint32_t)d[2] << 16 | (uint32_t)d[3] << 24;
        size_t tpl = at + 12 + (size_t)nn * 8;
        d = x->branches.d + tpl;
        uint32_t ns =
            (uint32_t)d[0] | (uint32_t)d[1] << 8 | (uint32_t)d[2] << 16 | (uint32_t)d[3] << 24;
        size_t next = tpl + 4 + (size_t)ns * 8;
        if (i == k) {
            *end = next;
            return tpl;
        }
        at = next;
    }
}

void rb_branch_uitleg(rbc_builder *b, uint32_t rule, uint32_t k, uint32_t n, const rb_seg *segs)
{
    struct rb_rexp *x = rexp_of(b, rule);
    if (k >= x->n_branches)
        abort();
    size_t end, tpl = branch_at(x, k, &end);
    struct buf t = {0};
    put_template(b, &t, n, segs);
    struct buf nb = {0};
    buf_put(&nb, x->branches.d, tpl);
    buf_put(&nb, t.d, t.n);
    buf_put(&nb, x->branches.d + end, x->branches.n - end);
    free(t.d);
    free(x->branches.d);
    x->branches = nb;
}

void rb_explain_rules(rbc_builder *b, uint32_t n)
{
    b->explain_rules = n;
}

void rb_explain_raw(rbc_builder *b, const void *bytes, size_t n)
{
    b->explain_raw.n = 0;
    b->has_explain_raw = bytes != NULL;
    if (bytes)
        buf_put(&b->explain_raw, bytes, n);
}

void rb_version(rbc_builder *b, uint16_t major, uint16_t minor)
{
    b->major = major;
    b->minor = minor;
}

static uint32_t get32(const uint8_t *d)
{
    return (uint32_t)d[0] | (uint32_t)d[1] << 8 | (uint32_t)d[2] << 16 | (uint32_t)d[3] << 24;
}

/* The default branches of rule r: one unconditional branch per RESULT of its
 * code (decoded with the opcode table; stops at a bad opcode or the end). */
static void default_branches(const rbc_builder *b, uint32_t r, struct buf *out, uint32_t *n)
{
    static const uint8_t opnds[] = {
#define OP(name, opnd, pops, pushes, doc) opnd,
#include "opcodes.def"
#undef OP
    };
    const struct buf *code = &b->sec[RBC_SEC_CODE];
    const uint8_t *e = b->sec[RBC_SEC_RULES].d + (size_t)r * 4 * RBC_RULE_FIELDS;
    uint32_t off = get32(e + 7 * 4), len = get32(e + 8 * 4);
    uint64_t end = (uint64_t)off + len;
    if (end > code->n)
        end = code->n;
    *n = 0;
    for (uint64_t o = off; o < end;) {
        uint8_t op = code->d[o];
        if (op >= OP__COUNT)
            break;
        if (op == OP_RESULT) {
            buf_u32(out, (uint32_t)o);
            buf_u32(out, RBC_NONE);
            buf_u32(out, 0);
            buf_u32(out, 0);
            (*n)++;
        }
        o += rbc_instr_size((enum rbc_operands)opnds[op]);
    }
}

/* The EXPLAIN payload (atom count first). */
static void build_explain(rbc_builder *b, struct buf *p)
{
    uint32_t n_atoms = b->count_override[RBC_SEC_EXPLAIN] != RBC_NONE
                           ? b->count_override[RBC_SEC_EXPLAIN]
                           : b->n_atoms;
    buf_u32(p, n_atoms);
    buf_put(p, b->atoms.d, b->atoms.n);
    uint32_t n_rules = b->count[RBC_SEC_RULES];
    buf_u32(p, b->explain_rules != RBC_NONE ? b->explain_rules : n_rules);
    for (uint32_t r = 0; r < n_rules; r++) {
        const struct rb_rexp *x = r < b->n_rexp ? &b->rexp[r] : NULL;
        if (x && x->uitleg.n)
            buf_put(p, x->uitleg.d, x->uitleg.n);
        else
            buf_u32(p, 0);
        if (x && x->explicit_branches) {
            buf_u32(p, x->n_branches);
            buf_put(p, x->branches.d, x->branches.n);
        } else {
            struct buf br = {0};
            uint32_t nb;
            default_branches(b, r, &br, &nb);
            buf_u32(p, nb);
            buf_put(p, br.d, br.n);
            free(br.d);
        }
    }
}

uint8_t *rb_finish(rbc_builder *b, size_t *len)
{
    if (b->meta[0] == RBC_NONE)
        b->meta[0] = rb_str(b, "test");
    struct buf out = {0};
    struct buf payload[RBC_SECTION_COUNT + 1];
    memset(payload, 0, sizeof payload);
    for (int id = 1; id <= RBC_SECTION_COUNT; id++) {
        struct buf *p = &payload[id];
        if (id == RBC_SEC_META) {
            buf_u32(p, b->meta[0]);
            buf_u32(p, b->meta[1]);
            buf_u32(p, b->meta[2]);
            buf_u32(p, b->meta[3]);
        } else if (id == RBC_SEC_EXPLAIN) {
            if (b->has_explain_raw)
                buf_put(p, b->explain_raw.d, b->explain_raw.n);
            else
                build_explain(b, p);
        } else if (id != RBC_SEC_CODE) {
            buf_u32(p, b->count_override[id] != RBC_NONE ? b->count_override[id] : b->count[id]);
        }
        buf_put(p, b->sec[id].d, b->sec[id].n);
        buf_put(p, b->extra[id].d, b->extra[id].n);
    }
    uint32_t off = RBC_HEADER_SIZE + RBC_SECTION_COUNT * RBC_DIR_ENTRY_SIZE;
    uint32_t total = off;
    for (int id = 1; id <= RBC_SECTION_COUNT; id++)
        total += (uint32_t)payload[id].n;
    buf_put(&out, RBC_MAGIC, 4);
    uint8_t ver[4] = {(uint8_t)b->major, (uint8_t)(b->major >> 8), (uint8_t)b->minor,
                      (uint8_t)(b->minor >> 8)};
    buf_put(&out, ver, 4);
    buf_u32(&out, RBC_SECTION_COUNT);
    buf_u32(&out, total);
    for (int id = 1; id <= RBC_SECTION_COUNT; id++) {
        buf_u32(&out, (uint32_t)id);
        buf_u32(&out, off);
        buf_u32(&out, (uint32_t)payload[id].n);
        b->sec_off[id] = off;
        off += (uint32_t)payload[id].n;
    }
    for (int id = 1; id <= RBC_SECTION_COUNT; id++) {
        buf_put(&out, payload[id].d, payload[id].n);
        free(payload[id].d);
    }
    *len = out.n;
    return out.d;
}
