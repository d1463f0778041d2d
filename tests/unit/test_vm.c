/* test_vm.c — unit tests for the VM (runtime/vm.c): Kleene logic with
 * short-circuit, comparisons, exact arithmetic and its errors, default logic
 * (exceptions, conflicts), trace tables. Programs come from rbc_builder. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "policy.h"
#include "rbc_builder.h"
#include "regel.h"

enum { U = 0, W = 1, O = 2 }; /* onbekend, waar, onwaar */

struct fixture {
    regel_policy *p;
    regel_eval *ev;
    struct regel_case c;
    rt_value facts[16];
    regel_error err;
};

static void load(struct fixture *f, rbc_builder *b)
{
    size_t len;
    uint8_t *bytes = rb_finish(b, &len);
    regel_error err;
    int rc = regel_policy_load(bytes, len, "t.rbc", &f->p, &err);
    free(bytes);
    rb_free(b);
    cr_assert_eq(rc, REGEL_OK, "laden mislukt: %s", err.message);
    f->ev = regel_eval_new(f->p);
    cr_assert_not_null(f->ev);
    memset(f->facts, 0, sizeof f->facts);
    f->c.policy = f->p;
    f->c.arena = NULL;
    f->c.facts = f->facts;
    f->c.name = "geval.json";
}

static void unload(struct fixture *f)
{
    regel_eval_free(f->ev);
    regel_policy_free(f->p);
}

static rt_value vb(int k)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    if (k != U) {
        v.tag = RV_WAARHEID;
        v.u.b = k == W;
    }
    return v;
}

static rt_value vq(int64_t n, int64_t d)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_GETAL;
    cr_assert_eq(num_make(n, d, &v.u.q), NUM_OK);
    return v;
}

static int run(struct fixture *f, unsigned flags)
{
    memset(&f->err, 0, sizeof f->err);
    return regel_evaluate(f->ev, &f->c, flags, &f->err);
}

/* outcome o as U/W/O */
static int out_bool(struct fixture *f, uint32_t o)
{
    if (f->ev->status[o] != EV_DECIDED)
        return U;
    cr_assert_eq(f->ev->values[o].tag, RV_WAARHEID);
    return f->ev->values[o].u.b ? W : O;
}

/* A policy with inputs a, b (waarheid) and one outcome r = a OP b. */
static void build_binary_logic(struct fixture *f, enum rbc_opcode op, int short_circuit)
{
    rbc_builder *b = rb_new();
    uint32_t tw = rb_type_prim(b, RBC_TYPE_WAARHEID);
    rb_input(b, "a", tw);
    rb_input(b, "b", tw);
    uint32_t o = rb_outcome(b, "r", tw, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_rule_begin(b, "R", o, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    uint32_t j = 0;
    if (short_circuit)
        j = rb_op1(b, op == OP_AND ? OP_JUMP_IF_FALSE_KEEP : OP_JUMP_IF_TRUE_KEEP, 0);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op(b, op);
    if (short_circuit)
        rb_patch(b, j, 0, rb_here(b));
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    load(f, b);
}

static int kleene_and(int x, int y)
{
    if (x == O || y == O)
        return O;
    if (x == U || y == U)
        return U;
    return W;
}

static int kleene_or(int x, int y)
{
    if (x == W || y == W)
        return W;
    if (x == U || y == U)
        return U;
    return O;
}

static void truth_table(enum rbc_opcode op, int sc)
{
    struct fixture f;
    build_binary_logic(&f, op, sc);
    for (int x = 0; x < 3; x++)
        for (int y = 0; y < 3; y++) {
            f.facts[0] = vb(x);
            f.facts[1] = vb(y);
            cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
            int want = op == OP_AND ? kleene_and(x, y) : kleene_or(x, y);
            cr_assert_eq(out_bool(&f, 0), want, "op %d sc %d: %d,%d", op, sc, x, y);
            cr_assert_eq(f.ev->status[0], want == U ? EV_UNKNOWN : EV_DECIDED);
            int decides = op == OP_AND ? x == O : x == W;
            /* with short-circuit the right side is not read when the left decides */
            cr_assert_eq(f.ev->reads_input[1], sc && decides ? 0 : 1, "%d,%d", x, y);
            cr_assert_eq(f.ev->missing[1], (sc && decides) || y != U ? 0 : 1);
            cr_assert_eq(f.ev->reads_input[0], 1);
        }
    unload(&f);
}

Test(vm, and_truth_table)
{
    truth_table(OP_AND, 0);
}

Test(vm, or_truth_table)
{
    truth_table(OP_OR, 0);
}

Test(vm, and_short_circuit)
{
    truth_table(OP_AND, 1);
}

Test(vm, or_short_circuit)
{
    truth_table(OP_OR, 1);
}

Test(vm, not_truth_table)
{
    struct fixture f;
    rbc_builder *b = rb_new();
    uint32_t tw = rb_type_prim(b, RBC_TYPE_WAARHEID);
    rb_input(b, "a", tw);
    rb_outcome(b, "r", tw, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op(b, OP_NOT);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    load(&f, b);
    int want[3] = {U, O, W};
    for (int x = 0; x < 3; x++) {
        f.facts[0] = vb(x);
        cr_assert_eq(run(&f, 0), REGEL_OK);
        cr_assert_eq(out_bool(&f, 0), want[x]);
    }
    unload(&f);
}

/* r = x OP y for getal inputs x, y; result type by opcode. */
static void build_binary_num(struct fixture *f, enum rbc_opcode op, int boolean)
{
    rbc_builder *b = rb_new();
    rb_meta(b, "Rekenen", NULL, "reken.regel");
    uint32_t tw = rb_type_prim(b, RBC_TYPE_WAARHEID);
    uint32_t tg = rb_type_prim(b, RBC_TYPE_GETAL);
    rb_input(b, "x", tg);
    rb_input(b, "y", tg);
    rb_outcome(b, "r", boolean ? tw : tg, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t r = rb_rule_begin(b, "Som", 0, RBC_NONE);
    rb_rule_meta(b, r, NULL, NULL, 3, 1);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, 0), 3, 1);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_line(b, rb_op(b, op), 4, 17);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    load(f, b);
}

static void expect_num(struct fixture *f, int64_t n, int64_t d)
{
    cr_assert_eq(f->ev->status[0], EV_DECIDED);
    cr_assert_eq(f->ev->values[0].tag, RV_GETAL);
    cr_assert_eq(f->ev->values[0].u.q.num, n);
    cr_assert_eq(f->ev->values[0].u.q.den, d);
    cr_assert_eq(f->ev->decided_by[0], 0);
}

Test(vm, arithmetic)
{
    struct {
        enum rbc_opcode op;
        int64_t xn, xd, yn, yd, rn, rd;
    } cases[] = {
        {OP_ADD, 1, 10, 2, 10, 3, 10}, {OP_SUB, 1, 1, 3, 2, -1, 2},  {OP_MUL, 5, 2, -4, 1, -10, 1},
        {OP_DIV, 1, 1, 3, 1, 1, 3},    {OP_DIV, -6, 1, -4, 1, 3, 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct fixture f;
        build_binary_num(&f, cases[i].op, 0);
        f.facts[0] = vq(cases[i].xn, cases[i].xd);
        f.facts[1] = vq(cases[i].yn, cases[i].yd);
        cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
        expect_num(&f, cases[i].rn, cases[i].rd);
        f.facts[1] = vb(U);
        cr_assert_eq(run(&f, 0), REGEL_OK);
        cr_assert_eq(f.ev->status[0], EV_UNKNOWN, "onbekend operand geeft onbekend");
        cr_assert_eq(f.ev->values[0].tag, RV_ONBEKEND);
        cr_assert_eq(f.ev->missing[1], 1);
        unload(&f);
    }
}

Test(vm, division_by_zero_error)
{
    struct fixture f;
    build_binary_num(&f, OP_DIV, 0);
    f.facts[0] = vq(1, 1);
    f.facts[1] = vq(0, 1);
    cr_assert_eq(run(&f, 0), REGEL_ERR_EVAL);
    cr_assert_eq(f.err.code, REGEL_ERR_EVAL);
    cr_assert_str_eq(f.err.message, "deling door nul in regel ‘Som’");
    cr_assert_str_eq(f.err.file, "reken.regel");
    cr_assert_eq(f.err.line, 4);
    cr_assert_eq(f.err.column, 17);
    cr_assert_eq(f.ev->evaluated, false);
    unload(&f);
}

Test(vm, overflow_error)
{
    struct fixture f;
    build_binary_num(&f, OP_MUL, 0);
    f.facts[0] = vq(INT64_MAX, 1);
    f.facts[1] = vq(2, 1);
    cr_assert_eq(run(&f, 0), REGEL_ERR_EVAL);
    cr_assert_str_eq(f.err.message, "getal te groot (overloop) in regel ‘Som’");
    cr_assert_eq(f.err.line, 4);
    cr_assert_eq(f.err.column, 17);
    unload(&f);
}

Test(vm, neg)
{
    struct fixture f;
    rbc_builder *b = rb_new();
    uint32_t tg = rb_type_prim(b, RBC_TYPE_GETAL);
    rb_input(b, "x", tg);
    rb_outcome(b, "r", tg, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_line(b, rb_op(b, OP_NEG), 2, 5);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    load(&f, b);
    f.facts[0] = vq(5, 2);
    cr_assert_eq(run(&f, 0), REGEL_OK);
    expect_num(&f, -5, 2);
    f.facts[0] = vq(INT64_MIN, 1);
    cr_assert_eq(run(&f, 0), REGEL_ERR_EVAL);
    cr_assert_str_eq(f.err.message, "getal te groot (overloop) in regel ‘R’");
    cr_assert_str_eq(f.err.file, "t.rbc", "zonder bronbestand: de bytecode");
    cr_assert_eq(f.err.line, 2);
    unload(&f);
}

Test(vm, comparisons)
{
    enum rbc_opcode ops[] = {OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE};
    int64_t pairs[][2] = {{1, 2}, {2, 2}, {3, 2}};
    /* expected per op for x<y, x==y, x>y */
    int want[6][3] = {{W, O, O}, {W, W, O}, {O, O, W}, {O, W, W}, {O, W, O}, {W, O, W}};
    for (int i = 0; i < 6; i++) {
        struct fixture f;
        build_binary_num(&f, ops[i], 1);
        for (int k = 0; k < 3; k++) {
            f.facts[0] = vq(pairs[k][0], 3); /* thirds: exact, non-decimal */
            f.facts[1] = vq(pairs[k][1], 3);
            cr_assert_eq(run(&f, 0), REGEL_OK);
            cr_assert_eq(out_bool(&f, 0), want[i][k], "op %d paar %d", ops[i], k);
        }
        f.facts[0] = vb(U);
        cr_assert_eq(run(&f, 0), REGEL_OK);
        cr_assert_eq(out_bool(&f, 0), U);
        unload(&f);
    }
}

Test(vm, text_enum_record_equality)
{
    struct fixture f;
    rbc_builder *b = rb_new();
    uint32_t tw = rb_type_prim(b, RBC_TYPE_WAARHEID);
    uint32_t tt = rb_type_prim(b, RBC_TYPE_TEKST);
    uint32_t tg = rb_type_prim(b, RBC_TYPE_GETAL);
    const char *members[] = {"a", "b", "geen"};
    uint32_t te = rb_type_enum(b, "Register", 3, members);
    const char *fields[] = {"n", "reg"};
    uint32_t ftypes[] = {tg, te};
    uint32_t tr = rb_type_record(b, "Toets", 2, fields, ftypes);
    rb_input(b, "naam", tt);
    rb_input(b, "toets", tr);
    uint32_t c = rb_const_text(b, "Jan");
    rb_outcome(b, "is_jan", tw, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_outcome(b, "is_b", tw, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_outcome(b, "n", tg, 0, RBC_NONE);
    rb_rule_begin(b, "R1", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op1(b, OP_PUSH_CONST, c);
    rb_op(b, OP_EQ);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "R2", 1, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_FIELD, 1);
    rb_op2(b, OP_PUSH_ENUM, te, 1);
    rb_op(b, OP_EQ);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "R3", 2, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_FIELD, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    load(&f, b);
    rt_value flds[2];
    memset(flds, 0, sizeof flds);
    flds[0] = vq(7, 2);
    flds[1].tag = RV_MEMBER;
    flds[1].u.member = 1;
    f.facts[0].tag = RV_TEKST;
    f.facts[0].u.str.s = "Jan";
    f.facts[0].u.str.len = 3;
    f.facts[1].tag = RV_RECORD;
    f.facts[1].u.fields = flds;
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(out_bool(&f, 0), W);
    cr_assert_eq(out_bool(&f, 1), W);
    cr_assert_eq(f.ev->values[2].u.q.num, 7);
    cr_assert_eq(f.ev->values[2].u.q.den, 2);
    f.facts[0].u.str.s = "Jannes";
    f.facts[0].u.str.len = 6;
    flds[1].u.member = 2;
    cr_assert_eq(run(&f, 0), REGEL_OK);
    cr_assert_eq(out_bool(&f, 0), O);
    cr_assert_eq(out_bool(&f, 1), O);
    f.facts[1] = vb(U); /* field of an onbekend record is onbekend */
    cr_assert_eq(run(&f, 0), REGEL_OK);
    cr_assert_eq(out_bool(&f, 1), U);
    cr_assert_eq(f.ev->status[2], EV_UNKNOWN);
    /* a fact that does not fit its type is rejected, not run */
    f.facts[1] = vq(1, 1);
    cr_assert_eq(run(&f, 0), REGEL_ERR_CASE);
    cr_assert_str_eq(f.err.message,
                     "feit ‘toets’ in het geval past niet bij zijn type in het beleid");
    unload(&f);
}

/* Emit "outcome is <val> indien <input c>" with the spec's layout. */
static uint32_t cond_rule(rbc_builder *b, const char *name, uint32_t parent, uint32_t c, int val,
                          uint32_t line)
{
    uint32_t r = rb_rule_begin(b, name, 0, parent);
    rb_rule_meta(b, r, "Art. 1", NULL, line, 1);
    uint32_t first = rb_op1(b, OP_LOAD_INPUT, c);
    rb_line(b, first, line, 1);
    uint32_t j = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, val ? OP_PUSH_TRUE : OP_PUSH_FALSE);
    rb_op(b, OP_RESULT);
    rb_patch(b, j, 0, rb_op(b, OP_NOT_APPLIED));
    rb_patch(b, j, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);
    return r;
}

static uint32_t const_rule(rbc_builder *b, const char *name, uint32_t parent, int val,
                           uint32_t line)
{
    uint32_t r = rb_rule_begin(b, name, 0, parent);
    rb_rule_meta(b, r, NULL, NULL, line, 1);
    rb_line(b, rb_op(b, val ? OP_PUSH_TRUE : OP_PUSH_FALSE), line, 1);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    return r;
}

static rbc_builder *default_logic_base(void)
{
    rbc_builder *b = rb_new();
    rb_meta(b, "Beleid", NULL, "b.regel");
    uint32_t tw = rb_type_prim(b, RBC_TYPE_WAARHEID);
    rb_input(b, "c0", tw);
    rb_input(b, "c1", tw);
    rb_input(b, "c2", tw);
    rb_outcome(b, "toegang", tw, RBC_OUTCOME_OUTPUT, RBC_NONE);
    return b;
}

Test(vm, exception_wins)
{
    struct fixture f;
    rbc_builder *b = default_logic_base();
    const_rule(b, "Basis", RBC_NONE, 1, 10);
    cond_rule(b, "Uitzondering", 0, 0, 0, 20);
    load(&f, b);
    cr_assert_eq(f.p->outcomes[0].n_roots, 1);
    cr_assert_eq(f.p->rules[0].n_children, 1);
    cr_assert_eq(f.p->rules[0].children[0], 1);
    f.facts[0] = vb(W);
    cr_assert_eq(run(&f, 0), REGEL_OK);
    cr_assert_eq(out_bool(&f, 0), O);
    cr_assert_eq(f.ev->decided_by[0], 1);
    f.facts[0] = vb(O);
    cr_assert_eq(run(&f, 0), REGEL_OK);
    cr_assert_eq(out_bool(&f, 0), W);
    cr_assert_eq(f.ev->decided_by[0], 0);
    f.facts[0] = vb(U);
    cr_assert_eq(run(&f, 0), REGEL_OK);
    cr_assert_eq(f.ev->status[0], EV_UNKNOWN, "een onbekende uitzondering maakt het onbekend");
    cr_assert_eq(f.ev->decided_by[0], RBC_NONE);
    cr_assert_eq(f.ev->missing[0], 1);
    unload(&f);
}

Test(vm, exception_of_exception)
{
    struct fixture f;
    rbc_builder *b = default_logic_base();
    const_rule(b, "Basis", RBC_NONE, 1, 10);
    cond_rule(b, "Vrijstelling", 0, 0, 0, 20);
    cond_rule(b, "Herstel", 1, 1, 1, 30);
    load(&f, b);
    int table[4][3] = {/* c0, c1, expected (decider) */
                       {W, W, W},
                       {W, O, O},
                       {O, W, W},
                       {O, O, W}};
    uint32_t dec[4] = {2, 1, 2, 0};
    for (int i = 0; i < 4; i++) {
        f.facts[0] = vb(table[i][0]);
        f.facts[1] = vb(table[i][1]);
        cr_assert_eq(run(&f, 0), REGEL_OK);
        cr_assert_eq(out_bool(&f, 0), table[i][2], "geval %d", i);
        cr_assert_eq(f.ev->decided_by[0], dec[i], "geval %d", i);
    }
    unload(&f);
}

Test(vm, conflict_between_roots)
{
    struct fixture f;
    rbc_builder *b = default_logic_base();
    cond_rule(b, "Toegang A", RBC_NONE, 0, 1, 10);
    cond_rule(b, "Toegang B", RBC_NONE, 1, 0, 20);
    load(&f, b);
    f.facts[0] = vb(W);
    f.facts[1] = vb(W);
    cr_assert_eq(run(&f, 0), REGEL_ERR_EVAL);
    cr_assert_str_eq(f.err.message,
                     "conflict: de regels ‘Toegang A’ en ‘Toegang B’ zijn allebei van toepassing "
                     "op ‘toegang’, en geen van beide is een uitzondering op de andere");
    cr_assert_str_eq(f.err.file, "b.regel");
    cr_assert_eq(f.err.line, 20);
    f.facts[1] = vb(O);
    cr_assert_eq(run(&f, 0), REGEL_OK);
    cr_assert_eq(out_bool(&f, 0), W);
    f.facts[1] = vb(U);
    cr_assert_eq(run(&f, 0), REGEL_OK);
    cr_assert_eq(f.ev->status[0], EV_UNKNOWN);
    unload(&f);
}

Test(vm, conflict_between_exceptions)
{
    struct fixture f;
    rbc_builder *b = default_logic_base();
    const_rule(b, "Basis", RBC_NONE, 1, 10);
    cond_rule(b, "E1", 0, 0, 0, 20);
    cond_rule(b, "E2", 0, 1, 0, 30);
    load(&f, b);
    f.facts[0] = vb(W);
    f.facts[1] = vb(W);
    cr_assert_eq(run(&f, 0), REGEL_ERR_EVAL);
    cr_assert_str_eq(f.err.message, "conflict: de regels ‘E1’ en ‘E2’ zijn allebei van toepassing "
                                    "op ‘toegang’, en geen van beide is een uitzondering op de "
                                    "andere");
    cr_assert_eq(f.err.line, 30);
    unload(&f);
}

Test(vm, result_unknown_and_no_rule)
{
    struct fixture f;
    rbc_builder *b = default_logic_base();
    cond_rule(b, "Enige", RBC_NONE, 0, 1, 10);
    load(&f, b);
    f.facts[0] = vb(U);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK);
    cr_assert_eq(f.ev->status[0], EV_UNKNOWN);
    cr_assert_eq(f.ev->values[0].tag, RV_ONBEKEND);
    cr_assert_eq(f.ev->missing[0], 1);
    cr_assert_eq(f.ev->reads_input[0], 1);
    cr_assert_eq(f.ev->explained, true);
    cr_assert_eq(f.ev->evaluated, true);
    f.facts[0] = vb(O);
    cr_assert_eq(run(&f, 0), REGEL_OK);
    cr_assert_eq(f.ev->status[0], EV_NO_RULE);
    cr_assert_eq(f.ev->decided_by[0], RBC_NONE);
    cr_assert_eq(f.ev->missing[0], 0);
    cr_assert_eq(f.ev->explained, false);
    unload(&f);
}

Test(vm, outcome_dependencies_and_trace)
{
    struct fixture f;
    rbc_builder *b = rb_new();
    uint32_t tw = rb_type_prim(b, RBC_TYPE_WAARHEID);
    rb_input(b, "a", tw);
    rb_input(b, "b", tw);
    rb_input(b, "c", tw);
    rb_outcome(b, "tussen", tw, 0, 1);
    rb_outcome(b, "eind", tw, RBC_OUTCOME_OUTPUT, 0);
    rb_rule_begin(b, "T", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op(b, OP_OR);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "E", 1, RBC_NONE);
    rb_op1(b, OP_LOAD_OUTCOME, 0);
    rb_op(b, OP_NOT);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    load(&f, b);
    cr_assert_eq(f.p->display_order[0], 1);
    cr_assert_eq(f.p->display_order[1], 0);
    f.facts[0] = vb(O);
    f.facts[1] = vb(W);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK);
    cr_assert_eq(out_bool(&f, 0), W);
    cr_assert_eq(out_bool(&f, 1), O);
    /* row per outcome: tussen read a, b; eind read only tussen */
    cr_assert_eq(f.ev->reads_input[0 * 3 + 0], 1);
    cr_assert_eq(f.ev->reads_input[0 * 3 + 1], 1);
    cr_assert_eq(f.ev->reads_input[0 * 3 + 2], 0);
    cr_assert_eq(f.ev->reads_input[1 * 3 + 0], 0);
    cr_assert_eq(f.ev->reads_outcome[1 * 2 + 0], 1);
    cr_assert_eq(f.ev->reads_outcome[0 * 2 + 0], 0);
    cr_assert_eq(f.ev->reads_outcome[1 * 2 + 1], 0);
    /* without REGEL_EXPLAIN the trace is left alone, missing is still kept */
    memset(f.ev->reads_input, 7, 6);
    f.facts[1] = vb(U);
    cr_assert_eq(run(&f, 0), REGEL_OK);
    cr_assert_eq(f.ev->reads_input[2], 7);
    cr_assert_eq(f.ev->missing[1], 1);
    cr_assert_eq(out_bool(&f, 1), U);
    unload(&f);
}

Test(vm, usage_errors)
{
    struct fixture f;
    rbc_builder *b = default_logic_base();
    const_rule(b, "Basis", RBC_NONE, 1, 10);
    load(&f, b);
    regel_error err;
    cr_assert_eq(regel_evaluate(f.ev, NULL, 0, &err), REGEL_ERR_USAGE);
    struct regel_case other = f.c;
    other.policy = NULL;
    cr_assert_eq(regel_evaluate(f.ev, &other, 0, &err), REGEL_ERR_USAGE);
    cr_assert_eq(regel_evaluate(f.ev, &f.c, 0, NULL), REGEL_OK);
    cr_assert_eq(regel_eval_new(NULL), NULL);
    regel_eval_free(NULL);
    regel_policy_free(NULL);
    cr_assert_str_eq(regel_version(), REGEL_VERSION_STRING);
    unload(&f);
}
