/* decode.c — turns a verified policy's bytecode into the VM's instruction
 * records (decode.h), once at load time: operands read once, jumps as
 * indices, and for evaluations without a motivering a lean stream without
 * NOTE and with the commonest pairs fused. Trusts verify.c: every rule block
 * is well formed and every jump that can run lands on an instruction of its
 * own block. A jump that cannot run (unreachable code is not checked beyond
 * its opcode and size) may point anywhere: it is never followed here, and its
 * record points at the block's first record. */
#include "decode.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "rt.h"

static uint32_t dc_u32(const uint8_t *c)
{
    return (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 | (uint32_t)c[3] << 24;
}

static uint32_t dc_size(const uint8_t *code, uint32_t off)
{
    return rbc_instr_size(rt_opcode_operands(code[off]));
}

/* Whether the instruction at off jumps, and which of its operands are
 * targets (code offsets): bit 0 operand a, bit 1 operand b. */
static unsigned dc_targets(uint8_t op)
{
    switch (op) {
    case OP_JUMP_IF_FALSE_KEEP:
    case OP_JUMP_IF_TRUE_KEEP:
    case OP_JUMP:
    case OP_LOOP:
    case OP_JUMP_IF_NOT_LEEG:
        return 1u;
    case OP_COND:
        return 3u;
    case OP_ITER_NEXT:
        return 2u;
    default:
        return 0u;
    }
}

/* Scratch for one rule block [s, e): per code byte whether a jump lands
 * there, and the index of the record that stands for it (RBC_NONE: none). */
typedef struct dc_scratch {
    uint8_t *target;
    uint32_t *map;
} dc_scratch;

/* The record for code offset off of block [s, e), whose first record is
 * first; first when off is no instruction of the block (a jump that cannot run). */
static uint32_t dc_index(const dc_scratch *sc, uint32_t s, uint32_t e, uint32_t first, uint32_t off)
{
    return off >= s && off < e && sc->map[off - s] != RBC_NONE ? sc->map[off - s] : first;
}

/* Emit the records of block [s, e) from index n on; lean: drop NOTE and fuse.
 * Returns the index after the last record. out NULL: only count. */
static uint32_t dc_block(const regel_policy *p, uint32_t s, uint32_t e, bool lean, dc_scratch *sc,
                         rt_ins *out, uint32_t n)
{
    const uint8_t *code = p->code;
    uint32_t first = n;
    memset(sc->map, 0xFF, (size_t)(e - s) * sizeof *sc->map);
    for (uint32_t off = s; off < e;) {
        uint8_t op = code[off];
        uint32_t size = dc_size(code, off);
        uint32_t a = size >= 5 ? dc_u32(code + off + 1) : 0;
        uint32_t b = size >= 9 ? dc_u32(code + off + 5) : 0;
        uint32_t next = off + size;
        uint8_t nop = next < e ? code[next] : OP__COUNT;
        bool fusable = next < e && !sc->target[next - s];
        sc->map[off - s] = n;
        rt_ins ins = {op, a, b, 0, off};
        if (lean && op == OP_NOTE && next < e) {
            off = next; /* a jump to it goes to the record that follows */
            continue;
        }
        if (lean && fusable && op == OP_LOAD_LOCAL && nop == OP_FIELD) {
            ins = (rt_ins){VM_LOCAL_FIELD, a, dc_u32(code + next + 1), 0, next};
            sc->map[next - s] = n;
            next += dc_size(code, next);
        } else if (lean && fusable && op == OP_PUSH_ENUM && nop == OP_EQ) {
            ins = (rt_ins){VM_EQ_ENUM, a, b, 0, next};
            sc->map[next - s] = n;
            next += 1;
        } else if (lean && fusable && (op == OP_PUSH_TRUE || op == OP_PUSH_FALSE) &&
                   nop == OP_RESULT) {
            ins = (rt_ins){op == OP_PUSH_TRUE ? VM_RESULT_TRUE : VM_RESULT_FALSE, 0, 0, 0, next};
            sc->map[next - s] = n;
            next += 1;
        } else if (lean && op == OP_LOOP && a >= s && a < e && e - a >= 9 &&
                   code[a] == OP_ITER_NEXT) {
            /* a LOOP that can run goes to an ITER_NEXT (verified): do its work here */
            ins = (rt_ins){VM_LOOP_NEXT, dc_u32(code + a + 1), dc_u32(code + a + 5), a + 9, a};
        }
        if (out)
            out[n] = ins;
        n++;
        off = next;
    }
    if (!out)
        return n;
    /* jump targets: code offsets to record indices */
    for (uint32_t k = first; k < n; k++) {
        rt_ins *ins = &out[k];
        unsigned t = ins->op < OP__COUNT ? dc_targets(ins->op) : 0;
        if (ins->op == VM_LOOP_NEXT) {
            ins->b = dc_index(sc, s, e, first, ins->b);
            ins->c = dc_index(sc, s, e, first, ins->c);
            continue;
        }
        if (t & 1u)
            ins->a = dc_index(sc, s, e, first, ins->a);
        if (t & 2u)
            ins->b = dc_index(sc, s, e, first, ins->b);
    }
    return n;
}

/* Mark the jump targets of block [s, e). */
static void dc_mark(const regel_policy *p, uint32_t s, uint32_t e, dc_scratch *sc)
{
    const uint8_t *code = p->code;
    memset(sc->target, 0, e - s);
    for (uint32_t off = s; off < e; off += dc_size(code, off)) {
        unsigned t = dc_targets(code[off]);
        uint32_t a = t & 1u ? dc_u32(code + off + 1) : RBC_NONE;
        uint32_t b = t & 2u ? dc_u32(code + off + 5) : RBC_NONE;
        if (a >= s && a < e)
            sc->target[a - s] = 1;
        if (b >= s && b < e)
            sc->target[b - s] = 1;
    }
}

int decode_policy(regel_policy *p, regel_error *err)
{
    uint32_t longest = 1;
    for (uint32_t i = 0; i < p->n_rules; i++)
        if (p->rules[i].code_len > longest)
            longest = p->rules[i].code_len;
    dc_scratch sc = {malloc(longest), malloc((size_t)longest * sizeof *sc.map)};
    if (!sc.target || !sc.map) {
        free(sc.target);
        free(sc.map);
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    }
    /* count, then fill: the exact stream of every rule, then the lean one */
    size_t total = 0;
    for (uint32_t i = 0; i < p->n_rules; i++) {
        const rt_rule *r = &p->rules[i];
        dc_mark(p, r->code_off, r->code_off + r->code_len, &sc);
        total += dc_block(p, r->code_off, r->code_off + r->code_len, false, &sc, NULL, 0);
        total += dc_block(p, r->code_off, r->code_off + r->code_len, true, &sc, NULL, 0);
    }
    p->ins = total && total <= UINT32_MAX ? arena_alloc(p->arena, total * sizeof *p->ins) : NULL;
    if (!p->ins && p->n_rules) {
        free(sc.target);
        free(sc.map);
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    }
    uint32_t n = 0;
    for (uint32_t i = 0; i < p->n_rules; i++) {
        rt_rule *r = &p->rules[i];
        dc_mark(p, r->code_off, r->code_off + r->code_len, &sc);
        r->ins_exact = n;
        n = dc_block(p, r->code_off, r->code_off + r->code_len, false, &sc, p->ins, n);
        r->ins_lean = n;
        n = dc_block(p, r->code_off, r->code_off + r->code_len, true, &sc, p->ins, n);
    }
    p->n_ins = n;
    free(sc.target);
    free(sc.map);
    return REGEL_OK;
}
