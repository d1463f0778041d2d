/* emit.c — the checked program to the bytes of a .rbc file (spec §5,
 * runtime/bytecode.h): header, section directory, deduplicated strings and
 * constants, tables (also PARAMS), rule blocks with the selection loops of
 * spec3 §5 and the LINES table; v0.3 (spec4): INPUTS entries with flags,
 * default constant and question, optional record fields and outcomes,
 * PUSH_GEEN, IS_GEEN and IS_KNOWN; v0.4 (spec5 §3): a LINES entry at every
 * COND (the condition's start); scenarios are never emitted; v0.5 (spec7
 * §2, format 2.0): NOTE after every condition atom and the EXPLAIN section
 * (atoms, per rule its branches and templates); issue 8 (spec8 §1): the
 * EXTERNS section (always present) and CALL_EXTERN. Opcodes and operand
 * layouts come only from runtime/opcodes.def. Writes bytes; never verifies,
 * prints or exits. The output depends on nothing but the checked program. */
#include "emit.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytecode.h"
#include "cal.h"
#include "check_internal.h"
#include "rt.h"

/* Operand layout of every opcode, from the X-macro list. */
static const uint8_t emit_opnd[OP__COUNT] = {
#define OP(name, opnd, pops, pushes, doc) [OP_##name] = (opnd),
#include "opcodes.def"
#undef OP
};

/* Fixed stack effect of every opcode (CALL_EXTERN also pops its arguments). */
static const uint8_t emit_pops[OP__COUNT] = {
#define OP(name, opnd, pops, pushes, doc) [OP_##name] = (pops),
#include "opcodes.def"
#undef OP
};
static const uint8_t emit_pushes[OP__COUNT] = {
#define OP(name, opnd, pops, pushes, doc) [OP_##name] = (pushes),
#include "opcodes.def"
#undef OP
};

/* ------------------------------------------------------ byte buffers */

typedef struct emit_buf {
    uint8_t *data;
    size_t len, cap;
    bool failed;
} emit_buf;

static bool eb_reserve(emit_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (extra > UINT32_MAX || b->len + extra > UINT32_MAX) {
        b->failed = true;
        return false;
    }
    if (b->len + extra <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra)
        cap *= 2;
    uint8_t *d = realloc(b->data, cap);
    if (!d) {
        b->failed = true;
        return false;
    }
    b->data = d;
    b->cap = cap;
    return true;
}

static void eb_bytes(emit_buf *b, const void *p, size_t n)
{
    if (!eb_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
}

static void eb_u8(emit_buf *b, uint8_t v)
{
    eb_bytes(b, &v, 1);
}

static void eb_put_u32_at(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v & 0xFF);
    p[1] = (uint8_t)((v >> 8) & 0xFF);
    p[2] = (uint8_t)((v >> 16) & 0xFF);
    p[3] = (uint8_t)((v >> 24) & 0xFF);
}

static void eb_u32(emit_buf *b, uint32_t v)
{
    uint8_t t[4];
    eb_put_u32_at(t, v);
    eb_bytes(b, t, 4);
}

static void eb_u16(emit_buf *b, uint16_t v)
{
    uint8_t t[2] = {(uint8_t)(v & 0xFF), (uint8_t)(v >> 8)};
    eb_bytes(b, t, 2);
}

static void eb_i64(emit_buf *b, int64_t v)
{
    uint64_t u = (uint64_t)v;
    uint8_t t[8];
    for (int i = 0; i < 8; i++)
        t[i] = (uint8_t)((u >> (8 * i)) & 0xFF);
    eb_bytes(b, t, 8);
}

static void eb_patch_u32(emit_buf *b, size_t at, uint32_t v)
{
    if (!b->failed && at + 4 <= b->len)
        eb_put_u32_at(b->data + at, v);
}

/* ------------------------------------------------------------ state */

typedef struct emit_str {
    const char *s;
    uint32_t len;
} emit_str;

typedef struct emit_const {
    uint8_t kind; /* enum rbc_const_kind */
    num_q q;      /* GETAL */
    uint32_t str; /* TEKST: string index; DATUM: day number; WAARHEID: 0|1 */
    int64_t a, b; /* DUUR: months, days; BEDRAG: cents in a; ENUM: type, member */
} emit_const;

typedef struct emitter {
    const check_result *prog;
    bool failed; /* out of memory or a table too large */

    emit_str *strs;
    size_t n_strs, cap_strs;
    uint32_t *str_slots; /* hash slots: string index + 1, 0 = empty */
    size_t n_slots;

    emit_const *consts;
    size_t n_consts, cap_consts;
    uint32_t *const_slots; /* hash slots: constant index + 1, 0 = empty */
    size_t n_const_slots;

    emit_buf code;
    emit_buf lines;
    uint32_t n_lines;
    uint32_t loop_depth; /* loop slot of the next selection (spec3 §5) */
    /* Issue 9: what the verifier allows per rule (RT_MAX_STACK values on the
     * stack, RT_MAX_SLOTS loops inside each other), measured while emitting:
     * the code is structured, so the stack depth in emission order is the
     * depth at run time. The first rule over a limit is reported on diag. */
    long depth;          /* stack depth after the last instruction */
    long max_depth;      /* the most in the current rule */
    uint32_t max_loops;  /* the most loop slots in the current rule */
    diag_ctx *diag;      /* NULL: no source-level reports */
    bool no_positions;   /* issue 10: every source line and column 0 (EMIT_NO_POSITIONS) */
    bool limit_reported; /* one such error is enough */

    /* v0.5 (spec7 §2): the EXPLAIN section, built while the rules are emitted */
    emit_buf atoms; /* the ATOM entries */
    uint32_t n_atoms;
    emit_buf expl_rules; /* per rule: its template and branches */
    uint32_t *nodes;     /* the postfix tree of the condition being emitted: (kind, arg) pairs */
    size_t n_nodes, cap_nodes;
} emitter;

static uint64_t emit_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static bool emit_rehash(emitter *e, size_t slots)
{
    uint32_t *ns = calloc(slots, sizeof *ns);
    if (!ns)
        return false;
    for (size_t i = 0; i < e->n_strs; i++) {
        size_t j = (size_t)emit_hash(e->strs[i].s, e->strs[i].len) & (slots - 1);
        while (ns[j])
            j = (j + 1) & (slots - 1);
        ns[j] = (uint32_t)i + 1;
    }
    free(e->str_slots);
    e->str_slots = ns;
    e->n_slots = slots;
    return true;
}

/* The index of s[0..n) in the string pool, adding it on first use. */
static uint32_t emit_intern_n(emitter *e, const char *s, size_t n)
{
    if (e->failed)
        return 0;
    if (!s) {
        s = "";
        n = 0;
    }
    if (n > UINT32_MAX) {
        e->failed = true;
        return 0;
    }
    if ((e->n_strs + 1) * 2 > e->n_slots && !emit_rehash(e, e->n_slots ? e->n_slots * 2 : 64)) {
        e->failed = true;
        return 0;
    }
    size_t mask = e->n_slots - 1;
    size_t j = (size_t)emit_hash(s, n) & mask;
    for (; e->str_slots[j]; j = (j + 1) & mask) {
        const emit_str *x = &e->strs[e->str_slots[j] - 1];
        if (x->len == n && (n == 0 || memcmp(x->s, s, n) == 0))
            return e->str_slots[j] - 1;
    }
    if (e->n_strs == e->cap_strs) {
        size_t cap = e->cap_strs ? e->cap_strs * 2 : 64;
        emit_str *ns = realloc(e->strs, cap * sizeof *ns);
        if (!ns) {
            e->failed = true;
            return 0;
        }
        e->strs = ns;
        e->cap_strs = cap;
    }
    e->strs[e->n_strs].s = s;
    e->strs[e->n_strs].len = (uint32_t)n;
    e->str_slots[j] = (uint32_t)e->n_strs + 1;
    return (uint32_t)e->n_strs++;
}

static uint32_t emit_intern(emitter *e, const char *s)
{
    return emit_intern_n(e, s, s ? strlen(s) : 0);
}

static uint32_t emit_intern_opt(emitter *e, const char *s)
{
    return s ? emit_intern(e, s) : RBC_NONE;
}

static uint64_t emit_const_hash(const emit_const *k)
{
    uint64_t v[6] = {k->kind, (uint64_t)k->q.num, (uint64_t)k->q.den,
                     k->str,  (uint64_t)k->a,     (uint64_t)k->b};
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < 6; i++) {
        h ^= v[i];
        h *= 1099511628211ull;
        h ^= h >> 29;
    }
    return h;
}

static bool emit_const_eq(const emit_const *x, const emit_const *k)
{
    return x->kind == k->kind && num_eq(x->q, k->q) && x->str == k->str && x->a == k->a &&
           x->b == k->b;
}

static bool emit_const_rehash(emitter *e, size_t slots)
{
    uint32_t *ns = calloc(slots, sizeof *ns);
    if (!ns)
        return false;
    for (size_t i = 0; i < e->n_consts; i++) {
        size_t j = (size_t)emit_const_hash(&e->consts[i]) & (slots - 1);
        while (ns[j])
            j = (j + 1) & (slots - 1);
        ns[j] = (uint32_t)i + 1;
    }
    free(e->const_slots);
    e->const_slots = ns;
    e->n_const_slots = slots;
    return true;
}

/* The index of k in the constant pool, adding it on first use. */
static uint32_t emit_const_add(emitter *e, emit_const k)
{
    if (e->failed)
        return 0;
    if ((e->n_consts + 1) * 2 > e->n_const_slots &&
        !emit_const_rehash(e, e->n_const_slots ? e->n_const_slots * 2 : 64)) {
        e->failed = true;
        return 0;
    }
    size_t mask = e->n_const_slots - 1;
    size_t j = (size_t)emit_const_hash(&k) & mask;
    for (; e->const_slots[j]; j = (j + 1) & mask)
        if (emit_const_eq(&e->consts[e->const_slots[j] - 1], &k))
            return e->const_slots[j] - 1;
    if (e->n_consts >= UINT32_MAX - 1) {
        e->failed = true;
        return 0;
    }
    if (e->n_consts == e->cap_consts) {
        size_t cap = e->cap_consts ? e->cap_consts * 2 : 32;
        emit_const *nc = realloc(e->consts, cap * sizeof *nc);
        if (!nc) {
            e->failed = true;
            return 0;
        }
        e->consts = nc;
        e->cap_consts = cap;
    }
    e->consts[e->n_consts] = k;
    e->const_slots[j] = (uint32_t)e->n_consts + 1;
    return (uint32_t)e->n_consts++;
}

static uint32_t emit_k_getal(emitter *e, num_q q)
{
    emit_const k = {RBC_CONST_GETAL, q, 0, 0, 0};
    return emit_const_add(e, k);
}

static uint32_t emit_k_datum(emitter *e, cal_day d)
{
    emit_const k = {RBC_CONST_DATUM, {0, 1}, (uint32_t)d, 0, 0};
    return emit_const_add(e, k);
}

static uint32_t emit_k_duur(emitter *e, int64_t months, int64_t days)
{
    emit_const k = {RBC_CONST_DUUR, {0, 1}, 0, months, days};
    return emit_const_add(e, k);
}

static uint32_t emit_k_bedrag(emitter *e, int64_t cents)
{
    emit_const k = {RBC_CONST_BEDRAG, {0, 1}, 0, cents, 0};
    return emit_const_add(e, k);
}

/* ------------------------------------------------------------- code */

/* Append one instruction; returns its offset in CODE. */
static uint32_t emit_op(emitter *e, enum rbc_opcode op, uint32_t a, uint32_t b)
{
    e->depth -= emit_pops[op];
    if (op == OP_CALL_EXTERN && a < e->prog->n_externs)
        e->depth -= (long)e->prog->externs[a].n_params;
    e->depth += emit_pushes[op];
    if (e->depth > e->max_depth)
        e->max_depth = e->depth;
    if (op == OP_ITER_BEGIN && a + 1 > e->max_loops)
        e->max_loops = a + 1;
    uint32_t at = (uint32_t)e->code.len;
    eb_u8(&e->code, (uint8_t)op);
    if (emit_opnd[op] == OPND_U32 || emit_opnd[op] == OPND_U32X2)
        eb_u32(&e->code, a);
    if (emit_opnd[op] == OPND_U32X2)
        eb_u32(&e->code, b);
    return at;
}

static uint32_t emit_here(const emitter *e)
{
    return (uint32_t)e->code.len;
}

/* Set operand k (0 or 1) of the instruction at `at`. */
static void emit_patch(emitter *e, uint32_t at, int k, uint32_t target)
{
    eb_patch_u32(&e->code, (size_t)at + 1 + 4 * (size_t)k, target);
}

static void emit_line(emitter *e, uint32_t off, uint32_t line, uint32_t col)
{
    /* Offsets must ascend strictly: an instruction at the very start of a
     * rule block replaces the block's entry with its own, more precise spot. */
    if (e->n_lines > 0 && !e->lines.failed && e->lines.len >= 12) {
        const uint8_t *p = e->lines.data + e->lines.len - 12;
        uint32_t last =
            (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
        if (last == off) {
            e->lines.len -= 12;
            e->n_lines--;
        }
    }
    eb_u32(&e->lines, off);
    eb_u32(&e->lines, e->no_positions ? 0 : line);
    eb_u32(&e->lines, e->no_positions ? 0 : col);
    e->n_lines++;
}

static void emit_expr(emitter *e, const ast_expr *x);
static void emit_expr_v2(emitter *e, const ast_expr *x);

/* Where the text of x starts: operator nodes carry their operator's
 * location (parse.c), so look into the leftmost operand. */
static ast_loc emit_start_loc(const ast_expr *x)
{
    ast_loc l = x->loc;
    const ast_expr *left = NULL;
    switch (x->kind) {
    case EX_BINARY:
    case EX_BEVAT:
    case EX_DUURT:
    case EX_CLIP:
        left = x->u.binary.lhs;
        break;
    case EX_MERGE:
    case EX_KNOWN:
    case EX_UNKNOWN:
        left = x->u.unary.operand;
        break;
    case EX_ROUND:
        left = x->u.round.operand;
        break;
    case EX_IN:
        left = x->u.in.lhs;
        break;
    default:
        break;
    }
    if (left) {
        ast_loc ll = emit_start_loc(left);
        if (ll.off < l.off)
            l = ll;
    }
    return l;
}

/* COND with a LINES entry at the condition's start (spec5 §3: coverage
 * names every `indien`/`waarvoor` condition by its position). */
static uint32_t emit_cond(emitter *e, const ast_expr *cond)
{
    uint32_t at = emit_op(e, OP_COND, 0, 0);
    ast_loc l = emit_start_loc(cond);
    emit_line(e, at, l.line, l.col);
    return at;
}

static uint8_t emit_kind(const emitter *e, const ast_expr *x)
{
    if (!x || x->type < 0 || (size_t)x->type >= e->prog->n_types)
        return 0;
    return e->prog->types[x->type].kind;
}

/* An instruction that can fail at run time, with its LINES entry. */
static uint32_t emit_op_at(emitter *e, enum rbc_opcode op, uint32_t a, uint32_t b,
                           const ast_expr *x)
{
    uint32_t at = emit_op(e, op, a, b);
    emit_line(e, at, x->loc.line, x->loc.col);
    return at;
}

/* A duration literal as (months, days): weken are 7 days, jaren 12 months. */
static void emit_duration_parts(const ast_expr *x, int64_t *months, int64_t *days)
{
    int64_t n = x->u.duration.count;
    *months = x->u.duration.unit == UNIT_MAAND ? n : x->u.duration.unit == UNIT_JAAR ? 12 * n : 0;
    *days = x->u.duration.unit == UNIT_DAG ? n : x->u.duration.unit == UNIT_WEEK ? 7 * n : 0;
}

/* date literal ± duration literal, folded with THE calendar (cal.h). */
static bool emit_fold_date(const ast_expr *x, cal_day *out)
{
    const ast_expr *l = x->u.binary.lhs, *r = x->u.binary.rhs;
    if (x->u.binary.op != BIN_ADD && x->u.binary.op != BIN_SUB)
        return false;
    if (!l || !r || l->kind != EX_DATE || r->kind != EX_DURATION || r->u.duration.count_expr)
        return false;
    int64_t m, d;
    emit_duration_parts(r, &m, &d);
    int sign = x->u.binary.op == BIN_SUB ? -1 : 1;
    cal_day t;
    if (!cal_add_months(l->u.date.day, sign * m, &t) || !cal_add_days(t, sign * d, &t))
        return false;
    *out = t;
    return true;
}

/* bedrag × getal, getal × bedrag, bedrag / getal as an exact getal (euro):
 * the amount side through BEDRAG_TO_GETAL, then MUL or DIV. */
static void emit_amount_product(emitter *e, const ast_expr *x)
{
    const ast_expr *l = x->u.binary.lhs, *r = x->u.binary.rhs;
    emit_expr(e, l);
    if (emit_kind(e, l) == RBC_TYPE_BEDRAG)
        emit_op(e, OP_BEDRAG_TO_GETAL, 0, 0);
    emit_expr(e, r);
    if (emit_kind(e, r) == RBC_TYPE_BEDRAG)
        emit_op(e, OP_BEDRAG_TO_GETAL, 0, 0);
    emit_op_at(e, x->u.binary.op == BIN_MUL ? OP_MUL : OP_DIV, 0, 0, x);
}

static bool emit_is_amount_product(const emitter *e, const ast_expr *x)
{
    return x && x->kind == EX_BINARY && (x->u.binary.op == BIN_MUL || x->u.binary.op == BIN_DIV) &&
           emit_kind(e, x) == RBC_TYPE_BEDRAG;
}

/* The value `geen` (the checker resolved the name to none). */
static bool emit_is_geen(const ast_expr *x)
{
    return x && x->kind == EX_NAME && x->res.kind == REF_GEEN;
}

static void emit_binary(emitter *e, const ast_expr *x)
{
    const ast_expr *lhs = x->u.binary.lhs, *rhs = x->u.binary.rhs;
    enum rbc_opcode op;
    switch (x->u.binary.op) {
    case BIN_AND:
    case BIN_OR: {
        bool is_and = x->u.binary.op == BIN_AND;
        emit_expr(e, lhs);
        uint32_t j = emit_op(e, is_and ? OP_JUMP_IF_FALSE_KEEP : OP_JUMP_IF_TRUE_KEEP, 0, 0);
        emit_expr(e, rhs);
        emit_op(e, is_and ? OP_AND : OP_OR, 0, 0);
        emit_patch(e, j, 0, emit_here(e));
        return;
    }
    case BIN_EQ:
    case BIN_NE: {
        /* x is (niet) geen → IS_GEEN [NOT], not a comparison */
        const ast_expr *other = emit_is_geen(rhs) ? lhs : emit_is_geen(lhs) ? rhs : NULL;
        if (other) {
            emit_expr(e, other);
            emit_op(e, OP_IS_GEEN, 0, 0);
            if (x->u.binary.op == BIN_NE)
                emit_op(e, OP_NOT, 0, 0);
            return;
        }
        op = x->u.binary.op == BIN_EQ ? OP_EQ : OP_NE;
        break;
    }
    case BIN_LT:
        op = OP_LT;
        break;
    case BIN_LE:
        op = OP_LE;
        break;
    case BIN_GT:
        op = OP_GT;
        break;
    case BIN_GE:
        op = OP_GE;
        break;
    case BIN_ADD:
    case BIN_SUB: {
        bool add = x->u.binary.op == BIN_ADD;
        switch (emit_kind(e, x)) {
        case RBC_TYPE_BEDRAG:
            op = add ? OP_BEDRAG_ADD : OP_BEDRAG_SUB;
            break;
        case RBC_TYPE_DATUM: {
            cal_day d;
            if (emit_fold_date(x, &d)) {
                emit_op(e, OP_PUSH_CONST, emit_k_datum(e, d), 0);
                return;
            }
            op = add ? OP_DATE_ADD : OP_DATE_SUB;
            break;
        }
        case RBC_TYPE_DUUR:
            emit_expr(e, lhs);
            emit_expr(e, rhs);
            if (!add)
                emit_op_at(e, OP_DUUR_NEG, 0, 0, x);
            emit_op_at(e, OP_DUUR_ADD, 0, 0, x);
            return;
        default:
            op = add ? OP_ADD : OP_SUB;
            break;
        }
        break;
    }
    case BIN_MUL:
    case BIN_DIV:
        if (emit_kind(e, x) == RBC_TYPE_BEDRAG) {
            /* exact: × a whole-number literal (a rounded one goes through EX_ROUND) */
            emit_amount_product(e, x);
            emit_op_at(e, OP_GETAL_TO_BEDRAG, 0, 0, x);
            return;
        }
        if (emit_kind(e, lhs) == RBC_TYPE_BEDRAG) { /* bedrag / bedrag → getal */
            emit_amount_product(e, x);
            return;
        }
        op = x->u.binary.op == BIN_MUL ? OP_MUL : OP_DIV;
        break;
    default:
        e->failed = true;
        return;
    }
    emit_expr(e, lhs);
    emit_expr(e, rhs);
    uint32_t at = emit_op(e, op, 0, 0);
    if (op == OP_ADD || op == OP_SUB || op == OP_MUL || op == OP_DIV || op == OP_BEDRAG_ADD ||
        op == OP_BEDRAG_SUB || op == OP_DATE_ADD || op == OP_DATE_SUB) {
        emit_line(e, at, x->loc.line, x->loc.col); /* the parser puts the operator here */
    }
}

/* x is (niet) een van a, b, c  →  ((x EQ a) of (x EQ b)) of (x EQ c) [NOT] */
static void emit_in(emitter *e, const ast_expr *x)
{
    for (size_t i = 0; i < x->u.in.n_items; i++) {
        uint32_t j = 0;
        if (i > 0)
            j = emit_op(e, OP_JUMP_IF_TRUE_KEEP, 0, 0);
        emit_expr(e, x->u.in.lhs);
        emit_expr(e, x->u.in.items[i]);
        emit_op(e, OP_EQ, 0, 0);
        if (i > 0) {
            emit_op(e, OP_OR, 0, 0);
            emit_patch(e, j, 0, emit_here(e));
        }
    }
    if (x->u.in.negated)
        emit_op(e, OP_NOT, 0, 0);
}

static void emit_expr(emitter *e, const ast_expr *x)
{
    if (!x) {
        e->failed = true;
        return;
    }
    const check_result *prog = e->prog;
    switch (x->kind) {
    case EX_WAAR:
        emit_op(e, OP_PUSH_TRUE, 0, 0);
        return;
    case EX_ONWAAR:
        emit_op(e, OP_PUSH_FALSE, 0, 0);
        return;
    case EX_NUMBER: {
        emit_const k = {RBC_CONST_GETAL, x->u.number.value, 0, 0, 0};
        emit_op(e, OP_PUSH_CONST, emit_const_add(e, k), 0);
        return;
    }
    case EX_STRING: {
        emit_const k = {
            RBC_CONST_TEKST, {0, 1}, emit_intern_n(e, x->u.string.s, x->u.string.len), 0, 0};
        emit_op(e, OP_PUSH_CONST, emit_const_add(e, k), 0);
        return;
    }
    case EX_NAME:
    case EX_FIELD:
        switch (x->res.kind) {
        case REF_INPUT:
            emit_op(e, OP_LOAD_INPUT, x->res.index, 0);
            return;
        case REF_OUTCOME:
            if (x->res.index >= prog->n_outcomes)
                break;
            emit_op(e, OP_LOAD_OUTCOME, prog->eval_index[x->res.index], 0);
            return;
        case REF_MEMBER:
            emit_op(e, OP_PUSH_ENUM, x->res.index, x->res.aux);
            return;
        case REF_FIELD:
            if (x->kind != EX_FIELD)
                break;
            emit_expr(e, x->u.field.rec);
            if (x->res.index < prog->n_types && prog->types[x->res.index].kind == RBC_TYPE_PERIODE)
                emit_op(e, x->res.aux ? OP_PERIODE_TOT : OP_PERIODE_VAN, 0, 0);
            else
                emit_op(e, OP_FIELD, x->res.aux, 0);
            return;
        case REF_PARAM:
            emit_op_at(e, OP_LOAD_PARAM, x->res.index, 0, x);
            return;
        case REF_ELEMENT:
            emit_op(e, OP_LOAD_LOCAL, x->res.index, 0);
            return;
        case REF_GEEN:
            emit_op(e, OP_PUSH_GEEN, x->type >= 0 ? (uint32_t)x->type : 0u, 0);
            return;
        case REF_EXTERN: /* only on EX_CALL */
        case REF_NONE:
            break;
        }
        e->failed = true; /* unresolved: the checker reported it */
        return;
    case EX_NOT:
        emit_expr(e, x->u.unary.operand);
        emit_op(e, OP_NOT, 0, 0);
        return;
    case EX_NEG: {
        const ast_expr *o = x->u.unary.operand;
        num_q q;
        if (o && o->kind == EX_NUMBER && num_neg(o->u.number.value, &q) == NUM_OK) {
            emit_const k = {RBC_CONST_GETAL, q, 0, 0, 0}; /* a negative literal */
            emit_op(e, OP_PUSH_CONST, emit_const_add(e, k), 0);
            return;
        }
        if (o && o->kind == EX_AMOUNT && o->u.amount.cents > INT64_MIN) {
            emit_op(e, OP_PUSH_CONST, emit_k_bedrag(e, -o->u.amount.cents), 0);
            return;
        }
        if (o && o->kind == EX_DURATION && !o->u.duration.count_expr) {
            int64_t m, d;
            emit_duration_parts(o, &m, &d);
            emit_op(e, OP_PUSH_CONST, emit_k_duur(e, -m, -d), 0);
            return;
        }
        emit_expr(e, o);
        uint8_t k = emit_kind(e, x);
        emit_op_at(e,
                   k == RBC_TYPE_BEDRAG ? OP_BEDRAG_NEG
                   : k == RBC_TYPE_DUUR ? OP_DUUR_NEG
                                        : OP_NEG,
                   0, 0, x);
        return;
    }
    case EX_BINARY:
        emit_binary(e, x);
        return;
    case EX_IN:
        emit_in(e, x);
        return;
    default:
        emit_expr_v2(e, x);
        return;
    }
    e->failed = true;
}

/* A selection as a loop (spec3 §5):
 *       <accumulators>; <list>; ITER_BEGIN s
 *  top: ITER_NEXT s, end
 *       [C; COND next, unk]
 *       <update the accumulators>
 *  next: LOOP top
 *  unk: POP…; PUSH_UNKNOWN…; LOOP top        (only with a condition)
 *  end: <finish> */
static void emit_select(emitter *e, const ast_expr *x)
{
    const check_result *prog = e->prog;
    ast_select_kind k = x->u.select.kind;
    const ast_expr *cond = x->u.select.cond;
    if (k == SEL_COUNT && !cond) {
        emit_expr(e, x->u.select.list);
        emit_op(e, OP_LIST_LEN, 0, 0);
        return;
    }
    uint32_t elem_t = 0, key_t = 0, acc_t = (uint32_t)x->type;
    if (x->u.select.list && x->u.select.list->type >= 0)
        elem_t = (uint32_t)prog->types[x->u.select.list->type].elem;
    if (x->u.select.key && x->u.select.key->type >= 0)
        key_t = (uint32_t)x->u.select.key->type;
    int n_acc = 1;
    switch (k) {
    case SEL_COUNT:
        emit_op(e, OP_PUSH_CONST, emit_k_getal(e, num_int(0)), 0);
        break;
    case SEL_SUM:
        if (emit_kind(e, x) == RBC_TYPE_BEDRAG)
            emit_op(e, OP_PUSH_CONST, emit_k_bedrag(e, 0), 0);
        else
            emit_op(e, OP_PUSH_CONST, emit_k_getal(e, num_int(0)), 0);
        break;
    case SEL_MIN:
    case SEL_MAX:
        emit_op(e, OP_PUSH_LEEG, acc_t, 0);
        break;
    case SEL_FIRST:
    case SEL_LAST:
        emit_op(e, OP_PUSH_LEEG, elem_t, 0);
        emit_op(e, OP_PUSH_LEEG, key_t, 0);
        n_acc = 2;
        break;
    case SEL_FILTER:
    case SEL_MAP:
        emit_op(e, OP_LIST_NEW, acc_t, 0);
        break;
    case SEL_EXISTS:
        emit_op(e, OP_PUSH_FALSE, 0, 0);
        break;
    case SEL_FORALL:
        emit_op(e, OP_PUSH_TRUE, 0, 0);
        break;
    }
    emit_expr(e, x->u.select.list);
    uint32_t slot = e->loop_depth++;
    emit_op(e, OP_ITER_BEGIN, slot, 0);
    uint32_t top = emit_op(e, OP_ITER_NEXT, slot, 0);
    bool kleene = k == SEL_EXISTS || k == SEL_FORALL;
    uint32_t cj = 0;
    if (cond && !kleene) {
        emit_expr(e, cond);
        cj = emit_cond(e, cond);
    }
    switch (k) {
    case SEL_COUNT:
        emit_op(e, OP_PUSH_CONST, emit_k_getal(e, num_int(1)), 0);
        emit_op_at(e, OP_ADD, 0, 0, x);
        break;
    case SEL_SUM:
        emit_expr(e, x->u.select.value);
        emit_op_at(e, emit_kind(e, x) == RBC_TYPE_BEDRAG ? OP_BEDRAG_ADD : OP_ADD, 0, 0, x);
        break;
    case SEL_MIN:
    case SEL_MAX:
        emit_expr(e, x->u.select.value);
        emit_op(e, k == SEL_MIN ? OP_ACC_MIN : OP_ACC_MAX, 0, 0);
        break;
    case SEL_FIRST:
    case SEL_LAST:
        emit_op(e, OP_LOAD_LOCAL, slot, 0);
        emit_expr(e, x->u.select.key);
        emit_op(e, k == SEL_FIRST ? OP_ACC_FIRST_BY : OP_ACC_LAST_BY, 0, 0);
        break;
    case SEL_FILTER:
        emit_op(e, OP_LOAD_LOCAL, slot, 0);
        emit_op(e, OP_LIST_APPEND, 0, 0);
        break;
    case SEL_MAP:
        emit_expr(e, x->u.select.value);
        emit_op(e, OP_LIST_APPEND, 0, 0);
        break;
    case SEL_EXISTS:
    case SEL_FORALL:
        emit_expr(e, cond);
        emit_op(e, k == SEL_EXISTS ? OP_OR : OP_AND, 0, 0);
        break;
    }
    uint32_t next = emit_op(e, OP_LOOP, top, 0);
    if (cond && !kleene) {
        emit_patch(e, cj, 0, next);
        emit_patch(e, cj, 1, emit_here(e));
        for (int i = 0; i < n_acc; i++)
            emit_op(e, OP_POP, 0, 0);
        if (n_acc == 2) {
            emit_op(e, OP_PUSH_UNKNOWN, elem_t, 0);
            emit_op(e, OP_PUSH_UNKNOWN, key_t, 0);
        } else {
            emit_op(e, OP_PUSH_UNKNOWN, acc_t, 0);
        }
        emit_op(e, OP_LOOP, top, 0);
    }
    e->loop_depth--;
    emit_patch(e, top, 1, emit_here(e));
    if (n_acc == 2)
        emit_op(e, OP_POP, 0, 0); /* drop the key */
    if (k == SEL_MIN || k == SEL_MAX || k == SEL_FIRST || k == SEL_LAST) {
        uint32_t j = emit_op(e, OP_JUMP_IF_NOT_LEEG, 0, 0);
        emit_op(e, OP_POP, 0, 0);
        emit_expr(e, x->u.select.dflt);
        emit_patch(e, j, 0, emit_here(e));
    }
}

static void emit_round(emitter *e, const ast_expr *x)
{
    const ast_expr *o = x->u.round.operand;
    bool amount = emit_kind(e, x) == RBC_TYPE_BEDRAG;
    uint32_t dec = x->u.round.has_decimals ? x->u.round.decimals : (amount ? 2u : 0u);
    if (amount && emit_is_amount_product(e, o)) {
        emit_amount_product(e, o);
    } else {
        emit_expr(e, o);
        if (amount)
            emit_op(e, OP_BEDRAG_TO_GETAL, 0, 0);
    }
    emit_op_at(e, OP_ROUND, (uint32_t)x->u.round.mode, dec, x);
    if (amount)
        emit_op_at(e, OP_GETAL_TO_BEDRAG, 0, 0, x);
}

static void emit_expr_v2(emitter *e, const ast_expr *x)
{
    switch (x->kind) {
    case EX_DATE:
        emit_op(e, OP_PUSH_CONST, emit_k_datum(e, x->u.date.day), 0);
        return;
    case EX_AMOUNT:
        emit_op(e, OP_PUSH_CONST, emit_k_bedrag(e, x->u.amount.cents), 0);
        return;
    case EX_DURATION: {
        if (!x->u.duration.count_expr) {
            int64_t m, d;
            emit_duration_parts(x, &m, &d);
            emit_op(e, OP_PUSH_CONST, emit_k_duur(e, m, d), 0);
            return;
        }
        static const uint32_t unit[] = {RBC_UNIT_DAGEN, RBC_UNIT_WEKEN, RBC_UNIT_MAANDEN,
                                        RBC_UNIT_JAREN};
        emit_expr(e, x->u.duration.count_expr);
        emit_op_at(e, OP_MAKE_DUUR, unit[x->u.duration.unit & 3], 0, x);
        return;
    }
    case EX_PARAM_AT:
        emit_expr(e, x->u.param_at.date);
        emit_op_at(e, OP_LOAD_PARAM_AT, x->res.index, 0, x);
        return;
    case EX_BETWEEN:
    case EX_AGE:
        emit_expr(e, x->u.between.from);
        emit_expr(e, x->u.between.to);
        emit_op(e,
                x->kind == EX_AGE || x->u.between.unit == UNIT_JAAR ? OP_YEARS_BETWEEN
                : x->u.between.unit == UNIT_MAAND                   ? OP_MONTHS_BETWEEN
                                                                    : OP_DAYS_BETWEEN,
                0, 0);
        return;
    case EX_PERIOD:
        emit_expr(e, x->u.period.from);
        if (x->u.period.until && x->u.period.until->opt_from) {
            /* an optional end that is geen gives a running period (spec §17):
             *   b IS_GEEN JUMP_IF_TRUE_KEEP open; POP b MAKE_PERIODE JUMP end;
             *   open: POP MAKE_PERIODE_OPEN; end: */
            emit_expr(e, x->u.period.until);
            emit_op(e, OP_IS_GEEN, 0, 0);
            uint32_t j = emit_op(e, OP_JUMP_IF_TRUE_KEEP, 0, 0);
            emit_op(e, OP_POP, 0, 0);
            emit_expr(e, x->u.period.until);
            emit_op_at(e, OP_MAKE_PERIODE, 0, 0, x);
            uint32_t k = emit_op(e, OP_JUMP, 0, 0);
            emit_patch(e, j, 0, emit_here(e));
            emit_op(e, OP_POP, 0, 0);
            emit_op(e, OP_MAKE_PERIODE_OPEN, 0, 0);
            emit_patch(e, k, 0, emit_here(e));
        } else if (x->u.period.until) {
            emit_expr(e, x->u.period.until);
            emit_op_at(e, OP_MAKE_PERIODE, 0, 0, x);
        } else {
            emit_op(e, OP_MAKE_PERIODE_OPEN, 0, 0);
        }
        return;
    case EX_ROUND:
        emit_round(e, x);
        return;
    case EX_BEVAT:
    case EX_DUURT:
    case EX_CLIP:
        emit_expr(e, x->u.binary.lhs);
        emit_expr(e, x->u.binary.rhs);
        emit_op(e,
                x->kind == EX_BEVAT   ? OP_PERIODE_BEVAT
                : x->kind == EX_DUURT ? OP_PERIODE_DUURT
                                      : OP_PERIODES_CLIP,
                0, 0);
        return;
    case EX_MERGE:
        emit_expr(e, x->u.unary.operand);
        emit_op(e, OP_PERIODES_MERGE, 0, 0);
        return;
    case EX_TOTAL_DAYS:
        emit_expr(e, x->u.unary.operand);
        emit_op_at(e, OP_PERIODES_DAGEN, 0, 0, x);
        return;
    case EX_DAYS_OF:
        emit_expr(e, x->u.unary.operand);
        emit_op_at(e, OP_PERIODE_DAGEN, 0, 0, x);
        return;
    case EX_COUNT:
        emit_expr(e, x->u.unary.operand);
        emit_op(e, OP_LIST_LEN, 0, 0);
        return;
    case EX_LONGEST: {
        emit_expr(e, x->u.longest.list);
        emit_op(e, OP_PERIODES_LANGSTE, 0, 0);
        uint32_t j = emit_op(e, OP_JUMP_IF_NOT_LEEG, 0, 0);
        emit_op(e, OP_POP, 0, 0);
        emit_expr(e, x->u.longest.dflt);
        emit_patch(e, j, 0, emit_here(e));
        return;
    }
    case EX_SELECT:
        emit_select(e, x);
        return;
    case EX_KNOWN:
    case EX_UNKNOWN:
        emit_expr(e, x->u.unary.operand);
        emit_op(e, OP_IS_KNOWN, 0, 0);
        if (x->kind == EX_UNKNOWN)
            emit_op(e, OP_NOT, 0, 0);
        return;
    case EX_CALL:
        /* issue 8: the arguments left to right, then the call (which can
         * fail at run time: a LINES entry at the call) */
        if (x->res.kind != REF_EXTERN || x->res.index >= e->prog->n_externs)
            break;
        for (size_t i = 0; i < x->u.call.n_args; i++)
            emit_expr(e, x->u.call.args[i]);
        emit_op_at(e, OP_CALL_EXTERN, x->res.index, 0, x);
        return;
    default:
        break;
    }
    e->failed = true;
}

/* ------------------------------------------------- explanation (v0.5) */

static void emit_node(emitter *e, uint32_t kind, uint32_t arg)
{
    if (e->n_nodes + 2 > e->cap_nodes) {
        size_t cap = e->cap_nodes ? e->cap_nodes * 2 : 32;
        uint32_t *nn = realloc(e->nodes, cap * sizeof *nn);
        if (!nn) {
            e->failed = true;
            return;
        }
        e->nodes = nn;
        e->cap_nodes = cap;
    }
    e->nodes[e->n_nodes++] = kind;
    e->nodes[e->n_nodes++] = arg;
}

/* A name an atom depends on, at its source offset. */
typedef struct emit_ref {
    uint32_t kind, index, off;
} emit_ref;

typedef struct emit_refs {
    emitter *e;
    emit_ref *v;
    size_t n, cap;
} emit_refs;

static void emit_collect_refs(void *ctx, ast_expr *x)
{
    emit_refs *r = ctx;
    if ((x->kind == EX_NAME || x->kind == EX_FIELD) &&
        (x->res.kind == REF_INPUT || x->res.kind == REF_OUTCOME || x->res.kind == REF_PARAM)) {
        uint32_t kind = x->res.kind == REF_INPUT     ? RBC_REF_INPUT
                        : x->res.kind == REF_OUTCOME ? RBC_REF_OUTCOME
                                                     : RBC_REF_PARAM;
        uint32_t index = x->res.index;
        if (x->res.kind == REF_OUTCOME) {
            if (index >= r->e->prog->n_outcomes) {
                r->e->failed = true;
                return;
            }
            index = r->e->prog->eval_index[index];
        }
        if (r->n == r->cap) {
            size_t cap = r->cap ? r->cap * 2 : 8;
            emit_ref *nv = realloc(r->v, cap * sizeof *nv);
            if (!nv) {
                r->e->failed = true;
                return;
            }
            r->v = nv;
            r->cap = cap;
        }
        r->v[r->n].kind = kind;
        r->v[r->n].index = index;
        r->v[r->n].off = x->loc.off;
        r->n++;
    }
    /* a parameter `geldig op D` is no ref (its version depends on D); D's
     * names are; loop elements resolve to REF_ELEMENT and are skipped */
    ast_each_child(x, emit_collect_refs, r);
}

/* A stable sort of refs by source offset: a merge sort (bottom-up), after
 * a check for the usual case of refs already in order. */
static void emit_sort_refs(emitter *e, emit_ref *v, size_t n)
{
    size_t i = 1;
    while (i < n && v[i - 1].off <= v[i].off)
        i++;
    if (i >= n)
        return;
    emit_ref *tmp = malloc(n * sizeof *tmp);
    if (!tmp) {
        e->failed = true;
        return;
    }
    emit_ref *src = v, *dst = tmp;
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t a = lo, b = mid, k = lo;
            while (a < mid && b < hi)
                dst[k++] = src[b].off < src[a].off ? src[b++] : src[a++];
            while (a < mid)
                dst[k++] = src[a++];
            while (b < hi)
                dst[k++] = src[b++];
        }
        emit_ref *t = src;
        src = dst;
        dst = t;
    }
    if (src != v)
        memcpy(v, src, n * sizeof *v);
    free(tmp);
}

/* Keep the first occurrence of each (kind, index) in v[0..n), in order;
 * returns the new count. A hash set past a handful of refs. */
static size_t emit_unique_refs(emitter *e, emit_ref *v, size_t n)
{
    size_t out = 0;
    if (n <= 16) {
        for (size_t i = 0; i < n; i++) {
            bool seen = false;
            for (size_t k = 0; k < out && !seen; k++)
                seen = v[k].kind == v[i].kind && v[k].index == v[i].index;
            if (!seen)
                v[out++] = v[i];
        }
        return out;
    }
    size_t slots = 32;
    while (slots < 2 * n)
        slots *= 2;
    uint32_t *set = calloc(slots, sizeof *set); /* position in v + 1 of a kept ref */
    if (!set) {
        e->failed = true;
        return n;
    }
    for (size_t i = 0; i < n; i++) {
        uint64_t h = ((uint64_t)v[i].kind << 32 | v[i].index) * 0x9E3779B97F4A7C15ull;
        size_t j = (size_t)(h >> 32) & (slots - 1);
        bool seen = false;
        for (; set[j] && !seen; j = (j + 1) & (slots - 1)) {
            const emit_ref *x = &v[set[j] - 1];
            seen = x->kind == v[i].kind && x->index == v[i].index;
        }
        if (seen)
            continue;
        v[out] = v[i];
        set[j] = (uint32_t)out + 1;
        out++;
    }
    free(set);
    return out;
}

/* Add atom x to the ATOM table (text, start, refs in order of first
 * occurrence in the source); returns its index. */
static uint32_t emit_atom(emitter *e, const ast_expr *x)
{
    emit_refs r = {e, NULL, 0, 0};
    emit_collect_refs(&r, (ast_expr *)x);
    /* order by source position (a selection lists its parts out of order),
     * then keep the first occurrence of each name */
    emit_sort_refs(e, r.v, r.n);
    size_t n = emit_unique_refs(e, r.v, r.n);
    ast_loc at = x->atom_text ? x->atom_loc : emit_start_loc(x);
    eb_u32(&e->atoms, emit_intern(e, x->atom_text ? x->atom_text : ""));
    eb_u32(&e->atoms, e->no_positions ? 0 : at.line);
    eb_u32(&e->atoms, e->no_positions ? 0 : at.col);
    eb_u32(&e->atoms, (uint32_t)n);
    for (size_t i = 0; i < n; i++) {
        eb_u32(&e->atoms, r.v[i].kind);
        eb_u32(&e->atoms, r.v[i].index);
    }
    free(r.v);
    return e->n_atoms++;
}

/* An inner node of a condition tree: `en`, `of`, or `niet` over a node
 * (the parser marks everything else as an atom, spec7 §1.2). */
static bool emit_is_cond_node(const ast_expr *x)
{
    if (!x || x->atom_text)
        return false;
    if (x->kind == EX_BINARY && (x->u.binary.op == BIN_AND || x->u.binary.op == BIN_OR))
        return true;
    return x->kind == EX_NOT;
}

/* A branch condition: like emit_expr, with NOTE a after the code of each
 * atom (before any short-circuit jump) and its postfix tree in e->nodes. */
static void emit_condition(emitter *e, const ast_expr *x)
{
    if (!x) {
        e->failed = true;
        return;
    }
    if (!emit_is_cond_node(x)) {
        emit_expr(e, x);
        uint32_t a = emit_atom(e, x);
        emit_op(e, OP_NOTE, a, 0);
        emit_node(e, RBC_CN_ATOM, a);
        return;
    }
    if (x->kind == EX_NOT) {
        emit_condition(e, x->u.unary.operand);
        emit_op(e, OP_NOT, 0, 0);
        emit_node(e, RBC_CN_NOT, 0);
        return;
    }
    bool is_and = x->u.binary.op == BIN_AND;
    emit_condition(e, x->u.binary.lhs);
    uint32_t j = emit_op(e, is_and ? OP_JUMP_IF_FALSE_KEEP : OP_JUMP_IF_TRUE_KEEP, 0, 0);
    emit_condition(e, x->u.binary.rhs);
    emit_op(e, is_and ? OP_AND : OP_OR, 0, 0);
    emit_patch(e, j, 0, emit_here(e));
    emit_node(e, is_and ? RBC_CN_AND : RBC_CN_OR, 0);
}

/* TEMPLATE := n_segs, n_segs × (kind, arg) (0 segments: no uitleg). */
static void emit_template(emitter *e, emit_buf *b, const ast_template *t)
{
    if (!t->text) {
        eb_u32(b, 0);
        return;
    }
    eb_u32(b, (uint32_t)t->n_segs);
    for (size_t i = 0; i < t->n_segs; i++) {
        const ast_seg *g = &t->segs[i];
        if (g->kind == SEG_TEXT) {
            eb_u32(b, RBC_SEG_TEXT);
            eb_u32(b, emit_intern(e, g->text));
            continue;
        }
        switch (g->res.kind) {
        case REF_INPUT:
            eb_u32(b, RBC_SEG_INPUT);
            eb_u32(b, g->res.index);
            break;
        case REF_OUTCOME:
            if (g->res.index >= e->prog->n_outcomes) {
                e->failed = true;
                return;
            }
            eb_u32(b, RBC_SEG_OUTCOME);
            eb_u32(b, e->prog->eval_index[g->res.index]);
            break;
        case REF_PARAM:
            eb_u32(b, RBC_SEG_PARAM);
            eb_u32(b, g->res.index);
            break;
        default:
            e->failed = true; /* unresolved: the checker reported it */
            return;
        }
    }
}

/* One rule block (spec §5):
 *       C1; COND L2, LU;  V1; RESULT
 *   L2: C2; COND L3, LU;  V2; RESULT
 *   L3: V3; RESULT                  (or, without a final anders: NOT_APPLIED)
 *   LU: RESULT_UNKNOWN              (only when there is a condition) */
/* After a rule block: a rule the verifier would refuse for its size is a
 * source error (issue 9: found by probing — the bytecode used to be written
 * and only refused when loaded). */
static void emit_check_limits(emitter *e, const ast_rule *ru)
{
    if (e->limit_reported || !e->diag)
        return;
    if (e->max_depth > RT_MAX_STACK) {
        diag_report(e->diag, DIAG_ERROR, ru->loc,
                    "splits de uitdrukking op: reken een deel uit in een begrip en gebruik "
                    "dat begrip hier",
                    "regel ‘%s’ is te ingewikkeld om uit te rekenen: ze heeft %ld tussenwaarden "
                    "tegelijk nodig (hoogstens %d)",
                    ru->name, e->max_depth, RT_MAX_STACK);
        e->limit_reported = true;
    } else if (e->max_loops > RT_MAX_SLOTS) {
        diag_report(e->diag, DIAG_ERROR, ru->loc,
                    "splits de regel op: reken de binnenste lussen uit in een begrip",
                    "regel ‘%s’ heeft %u lussen over lijsten in elkaar (hoogstens %d)", ru->name,
                    e->max_loops, RT_MAX_SLOTS);
        e->limit_reported = true;
    }
}

static void emit_rule_block(emitter *e, const ast_rule *ru)
{
    e->depth = 0;
    e->max_depth = 0;
    e->max_loops = 0;
    size_t n = ru->n_branches;
    uint32_t *conds = calloc(n ? n : 1, sizeof *conds);
    if (!conds) {
        e->failed = true;
        return;
    }
    /* EXPLAIN: the rule's template and its branches (up to the first
     * unconditional one, which ends the block) */
    size_t n_emitted = 0;
    while (n_emitted < n && ru->branches[n_emitted++].cond)
        ;
    emit_template(e, &e->expl_rules, &ru->uitleg);
    eb_u32(&e->expl_rules, (uint32_t)n_emitted);
    size_t n_conds = 0;
    bool open_end = true; /* the last branch has a condition */
    for (size_t i = 0; i < n; i++) {
        const ast_branch *br = &ru->branches[i];
        if (n_conds)
            emit_patch(e, conds[n_conds - 1], 0, emit_here(e));
        e->n_nodes = 0;
        if (br->cond) {
            emit_condition(e, br->cond);
            conds[n_conds++] = emit_cond(e, br->cond);
        } else {
            open_end = false;
        }
        emit_expr(e, br->value);
        uint32_t res = emit_op(e, OP_RESULT, 0, 0);
        /* BRANCH := result offset, cond text|NONE, n_nodes × (kind, arg), TEMPLATE */
        eb_u32(&e->expl_rules, res);
        eb_u32(&e->expl_rules,
               br->cond ? emit_intern(e, br->cond_text ? br->cond_text : "") : RBC_NONE);
        eb_u32(&e->expl_rules, (uint32_t)(e->n_nodes / 2));
        for (size_t k = 0; k < e->n_nodes; k++)
            eb_u32(&e->expl_rules, e->nodes[k]);
        emit_template(e, &e->expl_rules, &br->uitleg);
        if (!br->cond)
            break; /* only the last branch can be unconditional */
    }
    if (open_end) {
        if (n_conds)
            emit_patch(e, conds[n_conds - 1], 0, emit_here(e));
        emit_op(e, OP_NOT_APPLIED, 0, 0);
    }
    if (n_conds) {
        uint32_t lu = emit_op(e, OP_RESULT_UNKNOWN, 0, 0);
        for (size_t i = 0; i < n_conds; i++)
            emit_patch(e, conds[i], 1, lu);
    }
    free(conds);
    emit_check_limits(e, ru);
}

/* ---------------------------------------------------------- sections */

/* The constant of a parameter version's literal (a negative number or
 * amount may come as a negation of a literal). */
static uint32_t emit_param_const(emitter *e, const ast_expr *x)
{
    bool neg = false;
    if (x && x->kind == EX_NEG) {
        neg = true;
        x = x->u.unary.operand;
    }
    if (!x) {
        e->failed = true;
        return 0;
    }
    switch (x->kind) {
    case EX_NUMBER: {
        num_q q = x->u.number.value;
        if (neg && num_neg(q, &q) != NUM_OK)
            e->failed = true;
        return emit_k_getal(e, q);
    }
    case EX_AMOUNT:
        return emit_k_bedrag(e, neg ? -x->u.amount.cents : x->u.amount.cents);
    case EX_DATE:
        return emit_k_datum(e, x->u.date.day);
    case EX_DURATION: {
        int64_t m, d;
        emit_duration_parts(x, &m, &d);
        return neg ? emit_k_duur(e, -m, -d) : emit_k_duur(e, m, d);
    }
    case EX_STRING: {
        emit_const k = {
            RBC_CONST_TEKST, {0, 1}, emit_intern_n(e, x->u.string.s, x->u.string.len), 0, 0};
        return emit_const_add(e, k);
    }
    default:
        e->failed = true;
        return 0;
    }
}

/* The constant of an invoer's `standaard` literal (type = the fact's type):
 * also waar/onwaar, a soort member and geen, which only defaults use. */
static uint32_t emit_default_const(emitter *e, const ast_expr *x)
{
    if (!x)
        return RBC_NONE;
    switch (x->kind) {
    case EX_WAAR:
    case EX_ONWAAR: {
        emit_const k = {RBC_CONST_WAARHEID, {0, 1}, x->kind == EX_WAAR ? 1u : 0u, 0, 0};
        return emit_const_add(e, k);
    }
    case EX_NAME:
    case EX_FIELD:
        if (x->res.kind == REF_GEEN) {
            emit_const k = {RBC_CONST_GEEN, {0, 1}, 0, 0, 0};
            return emit_const_add(e, k);
        }
        if (x->res.kind == REF_MEMBER) {
            emit_const k = {RBC_CONST_ENUM, {0, 1}, 0, x->res.index, x->res.aux};
            return emit_const_add(e, k);
        }
        e->failed = true;
        return RBC_NONE;
    default:
        return emit_param_const(e, x);
    }
}

static const char *emit_basename(const char *path)
{
    if (!path)
        return NULL;
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static void emit_set_error(regel_error *err, int code, const char *msg)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->code = code;
    snprintf(err->message, sizeof err->message, "%s", msg);
}

static void emit_free(emitter *e)
{
    free(e->strs);
    free(e->str_slots);
    free(e->consts);
    free(e->const_slots);
    free(e->code.data);
    free(e->lines.data);
    free(e->atoms.data);
    free(e->expl_rules.data);
    free(e->nodes);
}

int emit_bytecode(const check_result *prog, diag_ctx *diag, uint8_t **out, size_t *out_len,
                  regel_error *err)
{
    return emit_bytecode_flags(prog, diag, 0, out, out_len, err);
}

int emit_bytecode_flags(const check_result *prog, diag_ctx *diag, unsigned flags, uint8_t **out,
                        size_t *out_len, regel_error *err)
{
    if (!prog || !out || !out_len) {
        emit_set_error(err, REGEL_ERR_USAGE, "emit_bytecode: ongeldige argumenten");
        return REGEL_ERR_USAGE;
    }
    *out = NULL;
    *out_len = 0;
    emitter e;
    memset(&e, 0, sizeof e);
    e.prog = prog;
    e.diag = diag;
    e.no_positions = (flags & EMIT_NO_POSITIONS) != 0;
    const ast_policy *p = prog->policy;
    emit_buf sec[RBC_SECTION_COUNT + 1];
    memset(sec, 0, sizeof sec);

    /* META. Without `beleid` the policy is named after its file. */
    const char *base = emit_basename(p->file);
    emit_buf *b = &sec[RBC_SEC_META];
    if (p->name) {
        eb_u32(b, emit_intern(&e, p->name));
    } else {
        size_t bl = base ? strlen(base) : 0;
        if (bl > 6 && strcmp(base + bl - 6, ".regel") == 0)
            bl -= 6;
        eb_u32(b, emit_intern_n(&e, base ? base : "", bl));
    }
    eb_u32(b, emit_intern_opt(&e, p->bron));
    eb_u32(b, emit_intern_opt(&e, base));
    eb_u32(b, prog->peildatum >= 0 ? (uint32_t)prog->peildatum : RBC_NONE);

    /* TYPES */
    b = &sec[RBC_SEC_TYPES];
    eb_u32(b, (uint32_t)prog->n_types);
    for (size_t i = 0; i < prog->n_types; i++) {
        const check_type *t = &prog->types[i];
        eb_u8(b, t->kind);
        if (t->kind == RBC_TYPE_ENUM) {
            eb_u32(b, emit_intern(&e, t->name));
            eb_u32(b, (uint32_t)t->n_members);
            for (size_t m = 0; m < t->n_members; m++)
                eb_u32(b, emit_intern(&e, t->members[m]));
        } else if (t->kind == RBC_TYPE_RECORD) {
            eb_u32(b, emit_intern(&e, t->name));
            eb_u32(b, (uint32_t)t->n_fields);
            for (size_t f = 0; f < t->n_fields; f++) {
                eb_u32(b, emit_intern(&e, t->fields[f].name));
                eb_u32(b, (uint32_t)t->field_types[f]);
                eb_u32(b, (t->fields[f].optional ? RBC_OPTIONAL : 0u) |
                              (t->fields[f].nonnegative ? RBC_NONNEGATIVE : 0u));
            }
        } else if (t->kind == RBC_TYPE_LIJST) {
            eb_u32(b, (uint32_t)t->elem);
        }
    }

    /* INPUTS */
    b = &sec[RBC_SEC_INPUTS];
    eb_u32(b, (uint32_t)prog->n_inputs);
    for (size_t i = 0; i < prog->n_inputs; i++) {
        const check_var *v = &prog->inputs[i];
        eb_u32(b, emit_intern(&e, v->name));
        eb_u32(b, (uint32_t)v->type);
        eb_u32(b, (v->optional ? RBC_OPTIONAL : 0u) | (v->nonnegative ? RBC_NONNEGATIVE : 0u));
        eb_u32(b, emit_default_const(&e, v->dflt));
        eb_u32(b, emit_intern_opt(&e, v->vraag));
    }

    /* OUTCOMES, in evaluation order; the 4th field is the display index. */
    b = &sec[RBC_SEC_OUTCOMES];
    eb_u32(b, (uint32_t)prog->n_outcomes);
    for (size_t k = 0; k < prog->n_outcomes; k++) {
        uint32_t o = prog->eval_order[k];
        const check_var *v = &prog->outcomes[o];
        eb_u32(b, emit_intern(&e, v->name));
        eb_u32(b, (uint32_t)v->type);
        eb_u32(b, (v->kind == CHECK_OUTCOME ? RBC_OUTCOME_OUTPUT : 0u) |
                      (v->optional ? RBC_OUTCOME_OPTIONAL : 0u));
        eb_u32(b, o);
    }

    /* RULES and CODE, in RULES order (parents before their exceptions). */
    size_t nr = prog->n_rules;
    uint32_t *pos = calloc(nr ? nr : 1, sizeof *pos); /* rule number → RULES index */
    uint32_t *names = calloc(nr ? nr * 3 : 1, sizeof *names);
    uint32_t *spans = calloc(nr ? nr * 2 : 1, sizeof *spans);
    if (!pos || !names || !spans)
        e.failed = true;
    for (size_t k = 0; k < nr && !e.failed; k++) {
        const ast_rule *ru = prog->rules[prog->rule_order[k]].ast;
        pos[prog->rule_order[k]] = (uint32_t)k;
        names[3 * k] = emit_intern(&e, ru->name);
        names[3 * k + 1] = emit_intern_opt(&e, ru->bron);
        names[3 * k + 2] = emit_intern_opt(&e, ru->citaat);
    }
    for (size_t k = 0; k < nr && !e.failed; k++) {
        const ast_rule *ru = prog->rules[prog->rule_order[k]].ast;
        uint32_t start = emit_here(&e);
        emit_line(&e, start, ru->loc.line, ru->loc.col);
        emit_rule_block(&e, ru);
        spans[2 * k] = start;
        spans[2 * k + 1] = emit_here(&e) - start;
    }
    b = &sec[RBC_SEC_RULES];
    eb_u32(b, (uint32_t)nr);
    for (size_t k = 0; k < nr && !e.failed; k++) {
        const check_rule *cr = &prog->rules[prog->rule_order[k]];
        eb_u32(b, names[3 * k]);
        eb_u32(b, names[3 * k + 1]);
        eb_u32(b, names[3 * k + 2]);
        eb_u32(b, cr->outcome >= 0 ? prog->eval_index[cr->outcome] : RBC_NONE);
        eb_u32(b, cr->parent >= 0 ? pos[cr->parent] : RBC_NONE);
        eb_u32(b, e.no_positions ? 0 : cr->ast->loc.line);
        eb_u32(b, e.no_positions ? 0 : cr->ast->loc.col);
        eb_u32(b, spans[2 * k]);
        eb_u32(b, spans[2 * k + 1]);
        eb_u32(b, cr->vanaf >= 0 ? (uint32_t)cr->vanaf : RBC_NONE);
        eb_u32(b, cr->tot >= 0 ? (uint32_t)cr->tot : RBC_NONE);
    }
    free(pos);
    free(names);
    free(spans);
    sec[RBC_SEC_CODE] = e.code;
    e.code.data = NULL;

    /* LINES */
    if (e.lines.failed)
        e.failed = true;
    b = &sec[RBC_SEC_LINES];
    eb_u32(b, e.n_lines);
    eb_bytes(b, e.lines.data, e.lines.len);

    /* PARAMS: the version values become constants of the parameter's type. */
    b = &sec[RBC_SEC_PARAMS];
    eb_u32(b, (uint32_t)prog->n_params);
    for (size_t i = 0; i < prog->n_params; i++) {
        const check_param *cp = &prog->params[i];
        eb_u32(b, emit_intern(&e, cp->name));
        eb_u32(b, (uint32_t)cp->type);
        eb_u32(b, (uint32_t)cp->n_versions);
        for (size_t v = 0; v < cp->n_versions; v++) {
            const check_param_version *pv = &cp->versions[v];
            eb_u32(b, pv->vanaf >= 0 ? (uint32_t)pv->vanaf : RBC_NONE);
            eb_u32(b, pv->tot >= 0 ? (uint32_t)pv->tot : RBC_NONE);
            eb_u32(b, emit_param_const(&e, pv->value));
        }
    }

    /* EXPLAIN (spec7 §2): the atoms, then per rule (RULES order) its
     * template and branches */
    if (e.atoms.failed || e.expl_rules.failed)
        e.failed = true;
    b = &sec[RBC_SEC_EXPLAIN];
    eb_u32(b, e.n_atoms);
    eb_bytes(b, e.atoms.data, e.atoms.len);
    eb_u32(b, (uint32_t)nr);
    eb_bytes(b, e.expl_rules.data, e.expl_rules.len);

    /* EXTERNS (issue 8): always present, n = 0 when the policy declares none */
    b = &sec[RBC_SEC_EXTERNS];
    eb_u32(b, (uint32_t)prog->n_externs);
    for (size_t i = 0; i < prog->n_externs; i++) {
        const check_extern *x = &prog->externs[i];
        eb_u32(b, emit_intern(&e, x->name));
        eb_u32(b, (uint32_t)x->result);
        eb_u32(b, (uint32_t)x->n_params);
        for (size_t k = 0; k < x->n_params; k++)
            eb_u32(b, (uint32_t)x->params[k]);
    }

    /* CONSTS (found while generating code and parameters) */
    b = &sec[RBC_SEC_CONSTS];
    eb_u32(b, (uint32_t)e.n_consts);
    for (size_t i = 0; i < e.n_consts; i++) {
        eb_u8(b, e.consts[i].kind);
        switch (e.consts[i].kind) {
        case RBC_CONST_GETAL:
            eb_i64(b, e.consts[i].q.num);
            eb_i64(b, e.consts[i].q.den);
            break;
        case RBC_CONST_DUUR:
            eb_u32(b, (uint32_t)(int32_t)e.consts[i].a);
            eb_u32(b, (uint32_t)(int32_t)e.consts[i].b);
            break;
        case RBC_CONST_BEDRAG:
            eb_i64(b, e.consts[i].a);
            break;
        case RBC_CONST_WAARHEID:
            eb_u8(b, (uint8_t)e.consts[i].str);
            break;
        case RBC_CONST_ENUM:
            eb_u32(b, (uint32_t)e.consts[i].a);
            eb_u32(b, (uint32_t)e.consts[i].b);
            break;
        case RBC_CONST_GEEN:
            break;
        default: /* TEKST, DATUM */
            eb_u32(b, e.consts[i].str);
            break;
        }
    }

    /* STRINGS (complete now) */
    b = &sec[RBC_SEC_STRINGS];
    eb_u32(b, (uint32_t)e.n_strs);
    for (size_t i = 0; i < e.n_strs; i++) {
        eb_u32(b, e.strs[i].len);
        eb_bytes(b, e.strs[i].s, e.strs[i].len);
    }

    /* Header, directory (ids ascending), payloads in the same order. */
    emit_buf file = {0};
    size_t total = RBC_HEADER_SIZE + (size_t)RBC_SECTION_COUNT * RBC_DIR_ENTRY_SIZE;
    for (int id = 1; id <= RBC_SECTION_COUNT; id++) {
        if (sec[id].failed)
            e.failed = true;
        total += sec[id].len;
    }
    if (total > UINT32_MAX)
        e.failed = true;
    if (!e.failed) {
        eb_bytes(&file, RBC_MAGIC, RBC_MAGIC_LEN);
        eb_u16(&file, RBC_VERSION_MAJOR);
        eb_u16(&file, RBC_VERSION_MINOR);
        eb_u32(&file, RBC_SECTION_COUNT);
        eb_u32(&file, (uint32_t)total);
        uint32_t off = RBC_HEADER_SIZE + RBC_SECTION_COUNT * RBC_DIR_ENTRY_SIZE;
        for (int id = 1; id <= RBC_SECTION_COUNT; id++) {
            eb_u32(&file, (uint32_t)id);
            eb_u32(&file, off);
            eb_u32(&file, (uint32_t)sec[id].len);
            off += (uint32_t)sec[id].len;
        }
        for (int id = 1; id <= RBC_SECTION_COUNT; id++)
            eb_bytes(&file, sec[id].data, sec[id].len);
        if (file.failed)
            e.failed = true;
    }
    for (int id = 1; id <= RBC_SECTION_COUNT; id++)
        free(sec[id].data);
    emit_free(&e);
    if (e.limit_reported && !e.failed) {
        free(file.data);
        return REGEL_ERR_COMPILE; /* the error is on diag */
    }
    if (e.failed) {
        free(file.data);
        emit_set_error(err, REGEL_ERR_MEMORY,
                       "onvoldoende geheugen (of een te groot beleid) bij het maken van bytecode");
        return REGEL_ERR_MEMORY;
    }
    *out = file.data;
    *out_len = file.len;
    return REGEL_OK;
}
