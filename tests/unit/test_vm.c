/* test_vm.c — unit tests for the VM (runtime/vm.c): Kleene logic with short-
 * circuit, comparisons, exact arithmetic and its errors, default logic, trace
 * tables, condition coverage (cond_seen). Programs come from rbc_builder. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
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
    uint8_t defaulted[16];
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
    memset(f->defaulted, 0, sizeof f->defaulted);
    f->c.defaulted = f->defaulted;
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
    /* the tests write f->facts directly, not through the API that would
     * clear this: check every fact again (issue 11) */
    atomic_store(&f->c.fits, false);
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
            cr_assert_eq(ev_list_has(&f.ev->reads_input[0], 1), sc && decides ? 0 : 1, "%d,%d", x,
                         y);
            /* ontbrekend: only the onbekend operands of an undecided result */
            cr_assert_eq(f.ev->missing[1], want == U && y == U, "%d,%d", x, y);
            cr_assert_eq(f.ev->missing[0], want == U && x == U, "%d,%d", x, y);
            if (want != U)
                cr_assert_null(f.ev->causes[0]);
            cr_assert_eq(ev_list_has(&f.ev->reads_input[0], 0), 1);
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
    cr_assert_eq(ev_list_has(&f.ev->reads_input[0], 0), 1);
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
    cr_assert_eq(ev_list_has(&f.ev->reads_input[0], 0), 1);
    cr_assert_eq(ev_list_has(&f.ev->reads_input[0], 1), 1);
    cr_assert_eq(ev_list_has(&f.ev->reads_input[0], 2), 0);
    cr_assert_eq(f.ev->reads_input[0].n, 2, "each read once");
    cr_assert_eq(f.ev->reads_input[1].n, 0);
    cr_assert_eq(f.ev->reads_outcome[1].n, 1);
    cr_assert_eq(f.ev->reads_outcome[1].items[0], 0);
    cr_assert_eq(f.ev->reads_outcome[0].n, 0);
    /* without REGEL_EXPLAIN no trace is recorded (the lists are emptied:
     * their items were in the arena), missing is still kept */
    f.facts[1] = vb(U);
    cr_assert_eq(run(&f, 0), REGEL_OK);
    cr_assert_eq(f.ev->reads_input[0].n, 0);
    cr_assert_eq(f.ev->reads_outcome[1].n, 0);
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

/* ---- v0.2: time, money, parameters, periods, lists and loops ---- */

/* Types of the time policy (tp_build). */
enum {
    T_WAARHEID,
    T_GETAL,
    T_TEKST,
    T_DATUM,
    T_DUUR,
    T_BEDRAG,
    T_PERIODE,
    T_LGETAL,
    T_LPERIODE,
    T_TOETS,
    T_LTOETS
};
/* Inputs of the time policy. */
enum { I_PEIL, I_D1, I_D2, I_N, I_L, I_PS, I_TS, I_B1, I_B2, I_P, I_DU };

typedef void (*emit_fn)(rbc_builder *b);

/* v0.3: when set, tp_build declares every input (except peildatum) and the
 * outcome optional, so tests can give geen. */
static bool g_opt;

/* A policy with every v0.2 type, the inputs above (peildatum = I_PEIL), one
 * outcome r of type out and rule "R" (source "tijd.regel", line 2) whose code
 * the emitter writes; emitters put LINES entries on failing instructions. */
static void tp_build(struct fixture *f, uint32_t out, emit_fn emit)
{
    rbc_builder *b = rb_new();
    rb_meta(b, "Tijd", NULL, "tijd.regel");
    rb_type_prim(b, RBC_TYPE_WAARHEID);
    rb_type_prim(b, RBC_TYPE_GETAL);
    rb_type_prim(b, RBC_TYPE_TEKST);
    rb_type_prim(b, RBC_TYPE_DATUM);
    rb_type_prim(b, RBC_TYPE_DUUR);
    rb_type_prim(b, RBC_TYPE_BEDRAG);
    rb_type_prim(b, RBC_TYPE_PERIODE);
    rb_type_list(b, T_GETAL);
    rb_type_list(b, T_PERIODE);
    const char *fields[] = {"datum", "cijfer"};
    uint32_t ftypes[] = {T_DATUM, T_GETAL};
    rb_type_record(b, "Toets", 2, fields, ftypes);
    rb_type_list(b, T_TOETS);
    uint32_t fl = g_opt ? RBC_OPTIONAL : 0;
    rb_input(b, "peildatum", T_DATUM);
    rb_input_ext(b, "d1", T_DATUM, fl, RBC_NONE, NULL);
    rb_input_ext(b, "d2", T_DATUM, fl, RBC_NONE, NULL);
    rb_input_ext(b, "n", T_GETAL, fl, RBC_NONE, NULL);
    rb_input_ext(b, "l", T_LGETAL, fl, RBC_NONE, NULL);
    rb_input_ext(b, "ps", T_LPERIODE, fl, RBC_NONE, NULL);
    rb_input_ext(b, "ts", T_LTOETS, fl, RBC_NONE, NULL);
    rb_input_ext(b, "b1", T_BEDRAG, fl, RBC_NONE, NULL);
    rb_input_ext(b, "b2", T_BEDRAG, fl, RBC_NONE, NULL);
    rb_input_ext(b, "p", T_PERIODE, fl, RBC_NONE, NULL);
    rb_input_ext(b, "du", T_DUUR, fl, RBC_NONE, NULL);
    rb_peildatum(b, I_PEIL);
    rb_outcome(b, "r", out, RBC_OUTCOME_OUTPUT | (g_opt ? RBC_OUTCOME_OPTIONAL : 0), RBC_NONE);
    uint32_t r = rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_rule_meta(b, r, NULL, NULL, 2, 1);
    emit(b);
    rb_rule_end(b);
    load(f, b);
}

static int32_t ymd(int y, int m, int d)
{
    return cal_from_ymd(y, m, d);
}

static rt_value vd(int y, int m, int d)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_DATUM;
    v.u.day = ymd(y, m, d);
    return v;
}

static rt_value vcents(int64_t c)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_BEDRAG;
    v.u.cents = c;
    return v;
}

static rt_value vduur(int32_t m, int32_t d)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_DUUR;
    v.u.duur.months = m;
    v.u.duur.days = d;
    return v;
}

static rt_value vper(int32_t van, int32_t tot, bool open)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_PERIODE;
    v.u.periode.van = van;
    v.u.periode.tot = open ? 0 : tot;
    v.u.periode.open = open;
    return v;
}

static rt_value vlist(const rt_value *items, uint32_t n)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_LIJST;
    v.u.list.items = items;
    v.u.list.n = n;
    return v;
}

static const rt_value *result(struct fixture *f)
{
    cr_assert_eq(f->ev->status[0], EV_DECIDED, "status %d", f->ev->status[0]);
    return &f->ev->values[0];
}

static void ok_run(struct fixture *f)
{
    cr_assert_eq(run(f, REGEL_EXPLAIN), REGEL_OK, "%s", f->err.message);
}

static void expect_day(struct fixture *f, int y, int m, int d)
{
    ok_run(f);
    const rt_value *v = result(f);
    cr_assert_eq(v->tag, RV_DATUM);
    char got[11], want[11];
    cal_format_iso(v->u.day, got);
    cal_format_iso(ymd(y, m, d), want);
    cr_assert_str_eq(got, want);
}

static void expect_int(struct fixture *f, int64_t n)
{
    ok_run(f);
    const rt_value *v = result(f);
    cr_assert_eq(v->tag, RV_GETAL);
    cr_assert_eq(v->u.q.num, n, "kreeg %lld", (long long)v->u.q.num);
    cr_assert_eq(v->u.q.den, 1);
}

static void expect_bool(struct fixture *f, int want)
{
    ok_run(f);
    cr_assert_eq(out_bool(f, 0), want);
}

static void expect_unknown(struct fixture *f)
{
    ok_run(f);
    cr_assert_eq(f->ev->status[0], EV_UNKNOWN);
}

static void expect_error(struct fixture *f, const char *msg, unsigned line, unsigned col)
{
    cr_assert_eq(run(f, 0), REGEL_ERR_EVAL);
    cr_assert_str_eq(f->err.message, msg);
    cr_assert_str_eq(f->err.file, "tijd.regel");
    cr_assert_eq(f->err.line, line);
    cr_assert_eq(f->err.column, col);
}

/* r = d1 + du */
static void e_date_add(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_D1);
    rb_op1(b, OP_LOAD_INPUT, I_DU);
    rb_line(b, rb_op(b, OP_DATE_ADD), 3, 9);
    rb_op(b, OP_RESULT);
}

static void e_date_sub(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_D1);
    rb_op1(b, OP_LOAD_INPUT, I_DU);
    rb_line(b, rb_op(b, OP_DATE_SUB), 3, 9);
    rb_op(b, OP_RESULT);
}

Test(vm2, date_add_month_end_clamp)
{
    struct fixture f;
    tp_build(&f, T_DATUM, e_date_add);
    f.facts[I_D1] = vd(2023, 1, 31);
    f.facts[I_DU] = vduur(1, 0);
    expect_day(&f, 2023, 2, 28);
    f.facts[I_D1] = vd(2024, 1, 31);
    expect_day(&f, 2024, 2, 29);
    f.facts[I_DU] = vduur(1, 1); /* months first, then days */
    f.facts[I_D1] = vd(2023, 1, 31);
    expect_day(&f, 2023, 3, 1);
    f.facts[I_DU] = vduur(12, 0);
    f.facts[I_D1] = vd(2024, 2, 29);
    expect_day(&f, 2025, 2, 28);
    f.facts[I_DU] = vduur(0, 10);
    f.facts[I_D1] = vd(2023, 12, 25);
    expect_day(&f, 2024, 1, 4);
    f.facts[I_DU] = vb(U);
    expect_unknown(&f);
    f.facts[I_D1] = vd(9999, 12, 31);
    f.facts[I_DU] = vduur(0, 1);
    expect_error(&f, "datum buiten het bereik 1-9999 in regel ‘R’", 3, 9);
    unload(&f);
}

Test(vm2, date_sub)
{
    struct fixture f;
    tp_build(&f, T_DATUM, e_date_sub);
    f.facts[I_D1] = vd(2023, 3, 31);
    f.facts[I_DU] = vduur(1, 0);
    expect_day(&f, 2023, 2, 28);
    f.facts[I_DU] = vduur(0, 31);
    expect_day(&f, 2023, 2, 28);
    f.facts[I_D1] = vd(1, 1, 1);
    f.facts[I_DU] = vduur(0, 1);
    expect_error(&f, "datum buiten het bereik 1-9999 in regel ‘R’", 3, 9);
    unload(&f);
}

/* r = d1 + (n weken), duur via MAKE_DUUR with the unit from the test */
static uint32_t g_unit;
static void e_make_duur(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_D1);
    rb_op1(b, OP_LOAD_INPUT, I_N);
    rb_line(b, rb_op1(b, OP_MAKE_DUUR, g_unit), 4, 2);
    rb_op(b, OP_DATE_ADD);
    rb_op(b, OP_RESULT);
}

Test(vm2, make_duur_units)
{
    struct {
        uint32_t unit;
        int64_t n;
        int y, m, d;
    } cases[] = {
        {RBC_UNIT_DAGEN, 3, 2023, 2, 3},      {RBC_UNIT_WEKEN, 2, 2023, 2, 14},
        {RBC_UNIT_MAANDEN, 1, 2023, 3, 2},    {RBC_UNIT_JAREN, 2, 2025, 1, 31},
        {RBC_UNIT_MAANDEN, -1, 2022, 12, 31},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct fixture f;
        g_unit = cases[i].unit;
        tp_build(&f, T_DATUM, e_make_duur);
        f.facts[I_D1] = vd(2023, 1, 31);
        if (cases[i].unit == RBC_UNIT_MAANDEN && cases[i].n == 1)
            f.facts[I_D1] = vd(2023, 2, 2);
        f.facts[I_N] = vq(cases[i].n, 1);
        expect_day(&f, cases[i].y, cases[i].m, cases[i].d);
        unload(&f);
    }
    struct fixture f;
    g_unit = RBC_UNIT_MAANDEN;
    tp_build(&f, T_DATUM, e_make_duur);
    f.facts[I_D1] = vd(2023, 1, 31);
    f.facts[I_N] = vq(5, 2);
    expect_error(&f, "2,5 is geen geheel aantal maanden in regel ‘R’", 4, 2);
    f.facts[I_N] = vq(INT64_MAX, 1);
    expect_error(&f, "duur te groot (overloop) in regel ‘R’", 4, 2);
    f.facts[I_N] = vb(U);
    expect_unknown(&f);
    unload(&f);
}

/* r = (du + du) = -(-(du+du)) and duur equality */
static void e_duur_ops(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_DU);
    rb_op1(b, OP_LOAD_INPUT, I_DU);
    rb_op(b, OP_DUUR_ADD);
    rb_op(b, OP_DUUR_NEG);
    rb_op(b, OP_DUUR_NEG);
    rb_op1(b, OP_PUSH_CONST, rb_const_duur(b, 2, 6));
    rb_op(b, OP_EQ);
    rb_op(b, OP_RESULT);
}

Test(vm2, duur_ops)
{
    struct fixture f;
    tp_build(&f, T_WAARHEID, e_duur_ops);
    f.facts[I_DU] = vduur(1, 3);
    expect_bool(&f, W);
    f.facts[I_DU] = vduur(1, 4);
    expect_bool(&f, O);
    f.facts[I_DU] = vb(U);
    expect_bool(&f, U);
    unload(&f);
}

static enum rbc_opcode g_op;
static void e_between(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_D1);
    rb_op1(b, OP_LOAD_INPUT, I_D2);
    rb_op(b, g_op);
    rb_op(b, OP_RESULT);
}

Test(vm2, between)
{
    struct {
        enum rbc_opcode op;
        int32_t a, b;
        int64_t want;
    } cases[] = {
        {OP_DAYS_BETWEEN, ymd(2022, 3, 1), ymd(2022, 2, 1), -28},
        {OP_DAYS_BETWEEN, ymd(2024, 2, 1), ymd(2024, 3, 1), 29},
        {OP_MONTHS_BETWEEN, ymd(2023, 1, 31), ymd(2023, 2, 28), 1},
        {OP_MONTHS_BETWEEN, ymd(2023, 1, 31), ymd(2023, 2, 27), 0},
        {OP_MONTHS_BETWEEN, ymd(2023, 3, 1), ymd(2023, 1, 1), -2},
        {OP_YEARS_BETWEEN, ymd(2000, 2, 29), ymd(2018, 2, 28), 18},
        {OP_YEARS_BETWEEN, ymd(2000, 3, 1), ymd(2018, 2, 28), 17},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct fixture f;
        g_op = cases[i].op;
        tp_build(&f, T_GETAL, e_between);
        f.facts[I_D1] = vd(1, 1, 1);
        f.facts[I_D1].u.day = cases[i].a;
        f.facts[I_D2] = vd(1, 1, 1);
        f.facts[I_D2].u.day = cases[i].b;
        expect_int(&f, cases[i].want);
        f.facts[I_D2] = vb(U);
        expect_unknown(&f);
        unload(&f);
    }
}

static void e_bedrag_ops(rbc_builder *b)
{
    /* r = -(b1 + b2 - b2) + b1 + b1 → b1 */
    rb_op1(b, OP_LOAD_INPUT, I_B1);
    rb_op1(b, OP_LOAD_INPUT, I_B2);
    rb_line(b, rb_op(b, OP_BEDRAG_ADD), 5, 3);
    rb_op1(b, OP_LOAD_INPUT, I_B2);
    rb_line(b, rb_op(b, OP_BEDRAG_SUB), 5, 8);
    rb_line(b, rb_op(b, OP_BEDRAG_NEG), 5, 1);
    rb_op1(b, OP_LOAD_INPUT, I_B1);
    rb_op(b, OP_BEDRAG_ADD);
    rb_op1(b, OP_LOAD_INPUT, I_B1);
    rb_op(b, OP_BEDRAG_ADD);
    rb_op(b, OP_RESULT);
}

Test(vm2, bedrag_ops_and_overflow)
{
    struct fixture f;
    tp_build(&f, T_BEDRAG, e_bedrag_ops);
    f.facts[I_B1] = vcents(1250);
    f.facts[I_B2] = vcents(-5);
    ok_run(&f);
    cr_assert_eq(result(&f)->tag, RV_BEDRAG);
    cr_assert_eq(result(&f)->u.cents, 1250);
    f.facts[I_B2] = vb(U);
    expect_unknown(&f);
    f.facts[I_B1] = vcents(INT64_MAX);
    f.facts[I_B2] = vcents(1);
    expect_error(&f, "bedrag te groot (overloop) in regel ‘R’", 5, 3);
    f.facts[I_B1] = vcents(INT64_MIN + 1);
    f.facts[I_B2] = vcents(2);
    /* b1 + b2 fits, then − b2 fits, then NEG of INT64_MIN + 1 fits; + b1 overflows */
    f.facts[I_B1] = vcents(INT64_MIN);
    f.facts[I_B2] = vcents(0);
    expect_error(&f, "bedrag te groot (overloop) in regel ‘R’", 5, 1);
    unload(&f);
}

/* r = getal_to_bedrag(bedrag_to_getal(b1) × n afgerond rekenkundig op 2) */
static void e_bedrag_round(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_B1);
    rb_op(b, OP_BEDRAG_TO_GETAL);
    rb_op1(b, OP_LOAD_INPUT, I_N);
    rb_op(b, OP_MUL);
    rb_op2(b, OP_ROUND, NUM_ROUND_HALF_UP, 2);
    rb_line(b, rb_op(b, OP_GETAL_TO_BEDRAG), 6, 4);
    rb_op(b, OP_RESULT);
}

Test(vm2, bedrag_round_trip)
{
    struct fixture f;
    tp_build(&f, T_BEDRAG, e_bedrag_round);
    f.facts[I_B1] = vcents(1000);
    f.facts[I_N] = vq(1, 3); /* 3,333… → 3,33 */
    ok_run(&f);
    cr_assert_eq(result(&f)->u.cents, 333);
    f.facts[I_B1] = vcents(5);
    f.facts[I_N] = vq(1, 2); /* 0,025 → 0,03 */
    ok_run(&f);
    cr_assert_eq(result(&f)->u.cents, 3);
    f.facts[I_N] = vb(U);
    expect_unknown(&f);
    unload(&f);
}

static void e_to_bedrag(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_N);
    rb_line(b, rb_op(b, OP_GETAL_TO_BEDRAG), 6, 4);
    rb_op(b, OP_RESULT);
}

Test(vm2, getal_to_bedrag_needs_whole_cents)
{
    struct fixture f;
    tp_build(&f, T_BEDRAG, e_to_bedrag);
    f.facts[I_N] = vq(25, 2);
    ok_run(&f);
    cr_assert_eq(result(&f)->u.cents, 1250);
    f.facts[I_N] = vq(1, 1000);
    expect_error(&f, "0,001 euro is geen geheel aantal centen in regel ‘R’", 6, 4);
    f.facts[I_N] = vq(INT64_MAX, 1);
    expect_error(&f, "bedrag te groot (overloop) in regel ‘R’", 6, 4);
    unload(&f);
}

static uint32_t g_mode;
static void e_round(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_N);
    rb_op2(b, OP_ROUND, g_mode, 0);
    rb_op(b, OP_RESULT);
}

Test(vm2, round_modes)
{
    int64_t want[4][2] = {{2, -3}, {3, -2}, {3, -3}, {2, -2}}; /* 2,5 and -2,5 */
    for (uint32_t m = 0; m < 4; m++) {
        struct fixture f;
        g_mode = m;
        tp_build(&f, T_GETAL, e_round);
        f.facts[I_N] = vq(5, 2);
        expect_int(&f, want[m][0]);
        f.facts[I_N] = vq(-5, 2);
        expect_int(&f, want[m][1]);
        unload(&f);
    }
}

static void e_cmp_dates(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_D1);
    rb_op1(b, OP_LOAD_INPUT, I_D2);
    rb_op(b, g_op);
    rb_op(b, OP_RESULT);
}

static void e_cmp_bedrag(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_B1);
    rb_op1(b, OP_LOAD_INPUT, I_B2);
    rb_op(b, g_op);
    rb_op(b, OP_RESULT);
}

Test(vm2, ordered_comparisons)
{
    enum rbc_opcode ops[] = {OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE};
    int want[6][3] = {{W, O, O}, {W, W, O}, {O, O, W}, {O, W, W}, {O, W, O}, {W, O, W}};
    for (int i = 0; i < 6; i++) {
        struct fixture f, g;
        g_op = ops[i];
        tp_build(&f, T_WAARHEID, e_cmp_dates);
        tp_build(&g, T_WAARHEID, e_cmp_bedrag);
        for (int k = 0; k < 3; k++) {
            f.facts[I_D1] = vd(2022, 3, 2);
            f.facts[I_D2] = vd(2022, 3, 3 - k);
            expect_bool(&f, want[i][k]);
            g.facts[I_B1] = vcents(100);
            g.facts[I_B2] = vcents(101 - k);
            expect_bool(&g, want[i][k]);
        }
        f.facts[I_D2] = vb(U);
        expect_bool(&f, U);
        unload(&f);
        unload(&g);
    }
}

/* parameters: vergoeding 0 euro tot 2022-03-01, 90 euro vanaf 2022-03-01;
 * oud: only valid from 2020-01-01 */
static void add_params(rbc_builder *b)
{
    uint32_t c0 = rb_const_bedrag(b, 0), c90 = rb_const_bedrag(b, 9000);
    uint32_t d = (uint32_t)ymd(2022, 3, 1);
    uint32_t from[] = {RBC_NONE, d}, until[] = {d, RBC_NONE}, val[] = {c0, c90};
    rb_param(b, "vergoeding", T_BEDRAG, 2, from, until, val);
    uint32_t f2[] = {(uint32_t)ymd(2020, 1, 1)}, u2[] = {RBC_NONE}, v2[] = {c90};
    rb_param(b, "toetsvergoeding", T_BEDRAG, 1, f2, u2, v2);
}

static uint32_t g_param;
static void e_load_param(rbc_builder *b)
{
    add_params(b);
    rb_line(b, rb_op1(b, OP_LOAD_PARAM, g_param), 7, 11);
    rb_op(b, OP_RESULT);
}

static void e_load_param_at(rbc_builder *b)
{
    add_params(b);
    rb_op1(b, OP_LOAD_INPUT, I_D1);
    rb_line(b, rb_op1(b, OP_LOAD_PARAM_AT, g_param), 7, 11);
    rb_op(b, OP_RESULT);
}

Test(vm2, load_param_versions)
{
    struct fixture f;
    g_param = 0;
    tp_build(&f, T_BEDRAG, e_load_param);
    cr_assert_eq(f.p->n_param_versions, 3);
    f.facts[I_PEIL] = vd(2022, 2, 28); /* the day before the boundary */
    ok_run(&f);
    cr_assert_eq(result(&f)->u.cents, 0);
    cr_assert_eq(ev_list_has(&f.ev->reads_param[0], 0), 1);
    cr_assert_eq(ev_list_has(&f.ev->reads_param[0], 1), 0);
    cr_assert_eq(ev_list_has(&f.ev->reads_input[0], I_PEIL), 1, "peildatum counts as a fact read");
    f.facts[I_PEIL] = vd(2022, 3, 1); /* the boundary day: the new version */
    ok_run(&f);
    cr_assert_eq(result(&f)->u.cents, 9000);
    cr_assert_eq(ev_list_has(&f.ev->reads_param[0], 0), 0);
    cr_assert_eq(ev_list_has(&f.ev->reads_param[0], 1), 1);
    f.facts[I_PEIL] = vb(U);
    expect_unknown(&f);
    cr_assert_eq(f.ev->missing[I_PEIL], 1);
    unload(&f);

    g_param = 1;
    tp_build(&f, T_BEDRAG, e_load_param);
    f.facts[I_PEIL] = vd(1990, 1, 1);
    expect_error(&f,
                 "geen versie van parameter ‘toetsvergoeding’ is geldig op 1 januari 1990 in "
                 "regel ‘R’",
                 7, 11);
    f.facts[I_PEIL] = vd(2020, 1, 1);
    ok_run(&f);
    cr_assert_eq(result(&f)->u.cents, 9000);
    cr_assert_eq(ev_list_has(&f.ev->reads_param[0], 2), 1);
    unload(&f);
}

Test(vm2, load_param_at)
{
    struct fixture f;
    g_param = 0;
    tp_build(&f, T_BEDRAG, e_load_param_at);
    f.facts[I_PEIL] = vb(U); /* not needed */
    f.facts[I_D1] = vd(2022, 3, 1);
    ok_run(&f);
    cr_assert_eq(result(&f)->u.cents, 9000);
    cr_assert_eq(f.ev->missing[I_PEIL], 0);
    cr_assert_eq(ev_list_has(&f.ev->reads_input[0], I_PEIL), 0);
    f.facts[I_D1] = vd(2022, 2, 28);
    ok_run(&f);
    cr_assert_eq(result(&f)->u.cents, 0);
    f.facts[I_D1] = vb(U);
    expect_unknown(&f);
    unload(&f);
    g_param = 1;
    tp_build(&f, T_BEDRAG, e_load_param_at);
    f.facts[I_D1] = vd(2019, 12, 31);
    expect_error(&f,
                 "geen versie van parameter ‘toetsvergoeding’ is geldig op 31 december 2019 "
                 "in regel ‘R’",
                 7, 11);
    unload(&f);
}

/* rule validity: two versions of rule "R": 1 vanaf 2022-03-01, 0 tot 2022-03-01 */
Test(vm2, rule_validity_boundary)
{
    struct fixture f;
    rbc_builder *b = rb_new();
    uint32_t tg = rb_type_prim(b, RBC_TYPE_GETAL);
    uint32_t td = rb_type_prim(b, RBC_TYPE_DATUM);
    rb_input(b, "peildatum", td);
    rb_peildatum(b, 0);
    rb_outcome(b, "r", tg, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t c0 = rb_const_num(b, 0, 1), c1 = rb_const_num(b, 1, 1);
    uint32_t d = (uint32_t)ymd(2022, 3, 1);
    uint32_t r0 = rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_rule_validity(b, r0, RBC_NONE, d);
    rb_op1(b, OP_PUSH_CONST, c0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    uint32_t r1 = rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_rule_validity(b, r1, d, (uint32_t)ymd(2023, 1, 1));
    rb_op1(b, OP_PUSH_CONST, c1);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    load(&f, b);
    f.facts[0] = vd(2022, 2, 28);
    expect_int(&f, 0);
    cr_assert_eq(f.ev->decided_by[0], 0);
    cr_assert_eq(ev_list_has(&f.ev->reads_input[0], 0), 1);
    f.facts[0] = vd(2022, 3, 1);
    expect_int(&f, 1);
    cr_assert_eq(f.ev->decided_by[0], 1);
    f.facts[0] = vd(2022, 12, 31);
    expect_int(&f, 1);
    f.facts[0] = vd(2023, 1, 1); /* until is exclusive: no version applies */
    ok_run(&f);
    cr_assert_eq(f.ev->status[0], EV_NO_RULE);
    f.facts[0] = vb(U);
    ok_run(&f);
    cr_assert_eq(f.ev->status[0], EV_UNKNOWN);
    cr_assert_eq(f.ev->missing[0], 1);
    unload(&f);
}

/* periods */
static void e_periode_dagen(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_D1);
    rb_op1(b, OP_LOAD_INPUT, I_D2);
    rb_op(b, OP_MAKE_PERIODE);
    rb_line(b, rb_op(b, OP_PERIODE_DAGEN), 8, 1);
    rb_op(b, OP_RESULT);
}

static void e_open_dagen(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_P);
    rb_line(b, rb_op(b, OP_PERIODE_DAGEN), 8, 1);
    rb_op(b, OP_RESULT);
}

static void e_periode_tot(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_D1);
    rb_op(b, OP_MAKE_PERIODE_OPEN);
    rb_op(b, g_op);
    rb_op(b, OP_RESULT);
}

static void e_bevat(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_P);
    rb_op1(b, OP_LOAD_INPUT, I_D1);
    rb_op(b, OP_PERIODE_BEVAT);
    rb_op(b, OP_RESULT);
}

static void e_duurt(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_P);
    rb_op1(b, OP_LOAD_INPUT, I_DU);
    rb_op(b, OP_PERIODE_DUURT);
    rb_op(b, OP_RESULT);
}

Test(vm2, periods)
{
    struct fixture f;
    tp_build(&f, T_GETAL, e_periode_dagen);
    f.facts[I_D1] = vd(2022, 3, 1);
    f.facts[I_D2] = vd(2022, 3, 31);
    expect_int(&f, 31);
    f.facts[I_D2] = vb(U);
    expect_unknown(&f);
    unload(&f);

    tp_build(&f, T_GETAL, e_open_dagen);
    f.facts[I_P] = vper(ymd(2022, 3, 1), 0, true);
    expect_error(&f,
                 "een lopende periode heeft geen einde; begrens ze eerst met ‘begrensd tot’ in "
                 "regel ‘R’",
                 8, 1);
    unload(&f);

    g_op = OP_PERIODE_VAN;
    tp_build(&f, T_DATUM, e_periode_tot);
    f.facts[I_D1] = vd(2022, 3, 1);
    expect_day(&f, 2022, 3, 1);
    unload(&f);
    g_op = OP_PERIODE_TOT;
    tp_build(&f, T_DATUM, e_periode_tot);
    f.facts[I_D1] = vd(2022, 3, 1);
    expect_unknown(&f); /* an open period has no tot */
    unload(&f);

    tp_build(&f, T_WAARHEID, e_bevat);
    f.facts[I_P] = vper(ymd(2022, 3, 1), ymd(2022, 3, 31), false);
    f.facts[I_D1] = vd(2022, 3, 31);
    expect_bool(&f, W);
    f.facts[I_D1] = vd(2022, 4, 1);
    expect_bool(&f, O);
    f.facts[I_P] = vper(ymd(2022, 3, 1), 0, true);
    expect_bool(&f, W);
    f.facts[I_P] = vb(U);
    expect_bool(&f, U);
    unload(&f);

    tp_build(&f, T_WAARHEID, e_duurt);
    f.facts[I_P] = vper(ymd(2022, 1, 31), ymd(2022, 2, 27), false);
    f.facts[I_DU] = vduur(1, 0);
    expect_bool(&f, W); /* 2022-01-31 + 1 maand = 02-28 <= 02-27 + 1 dag */
    f.facts[I_P] = vper(ymd(2022, 1, 31), ymd(2022, 2, 26), false);
    expect_bool(&f, O);
    unload(&f);
}

static void e_merge_len(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_PS);
    rb_op(b, OP_PERIODES_MERGE);
    rb_op(b, OP_LIST_LEN);
    rb_op(b, OP_RESULT);
}

static void e_clip_dagen(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_PS);
    rb_op1(b, OP_LOAD_INPUT, I_P);
    rb_op(b, OP_PERIODES_CLIP);
    rb_line(b, rb_op(b, OP_PERIODES_DAGEN), 9, 5);
    rb_op(b, OP_RESULT);
}

static void e_dagen_list(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_PS);
    rb_line(b, rb_op(b, OP_PERIODES_DAGEN), 9, 5);
    rb_op(b, OP_RESULT);
}

/* langste … , standaard periode vanaf d1 */
static void e_langste(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_PS);
    rb_op(b, OP_PERIODES_LANGSTE);
    uint32_t j = rb_op1(b, OP_JUMP_IF_NOT_LEEG, 0);
    rb_op(b, OP_POP);
    rb_op1(b, OP_LOAD_INPUT, I_D1);
    rb_op(b, OP_MAKE_PERIODE_OPEN);
    rb_patch(b, j, 0, rb_here(b));
    rb_op(b, OP_PERIODE_VAN);
    rb_op(b, OP_RESULT);
}

Test(vm2, period_lists)
{
    rt_value ps[3] = {vper(ymd(2022, 1, 1), ymd(2022, 1, 10), false),
                      vper(ymd(2022, 1, 11), ymd(2022, 1, 20), false),
                      vper(ymd(2022, 3, 1), ymd(2022, 3, 5), false)};
    struct fixture f;
    tp_build(&f, T_GETAL, e_merge_len);
    f.facts[I_PS] = vlist(ps, 3);
    expect_int(&f, 2); /* touching periods join */
    f.facts[I_PS] = vb(U);
    expect_unknown(&f);
    unload(&f);

    tp_build(&f, T_GETAL, e_clip_dagen);
    f.facts[I_PS] = vlist(ps, 3);
    f.facts[I_P] = vper(ymd(2022, 1, 5), ymd(2022, 3, 2), false);
    expect_int(&f, 16 + 2);
    rt_value open_ps[2] = {ps[0], vper(ymd(2022, 2, 1), 0, true)};
    f.facts[I_PS] = vlist(open_ps, 2);
    expect_int(&f, 6 + 30); /* the open period is cut at 2022-03-02 */
    unload(&f);

    tp_build(&f, T_GETAL, e_dagen_list);
    f.facts[I_PS] = vlist(ps, 3);
    expect_int(&f, 25);
    f.facts[I_PS] = vlist(open_ps, 2);
    expect_error(&f,
                 "een lopende periode heeft geen einde; begrens ze eerst met ‘begrensd tot’ in "
                 "regel ‘R’",
                 9, 5);
    unload(&f);

    tp_build(&f, T_DATUM, e_langste);
    f.facts[I_D1] = vd(2000, 1, 1);
    f.facts[I_PS] = vlist(ps, 3);
    expect_day(&f, 2022, 1, 1);
    rt_value later[2] = {ps[2], vper(ymd(2022, 6, 1), ymd(2022, 8, 1), false)};
    f.facts[I_PS] = vlist(later, 2);
    expect_day(&f, 2022, 6, 1);
    f.facts[I_PS] = vlist(NULL, 0); /* empty: LEEG → standaard */
    expect_day(&f, 2000, 1, 1);
    unload(&f);
}

/* ---- loops ---- */

/* som van x voor elke x in l waarvoor x > 1 (onbekend condition sticks) */
static void e_sum_filtered(rbc_builder *b)
{
    uint32_t c0 = rb_const_num(b, 0, 1), c1 = rb_const_num(b, 1, 1);
    rb_op1(b, OP_PUSH_CONST, c0);
    rb_op1(b, OP_LOAD_INPUT, I_L);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_PUSH_CONST, c1);
    rb_op(b, OP_GT);
    uint32_t cond = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op(b, OP_ADD);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, cond, 0, rb_op1(b, OP_LOOP, top));
    rb_patch(b, cond, 1, rb_op(b, OP_POP));
    rb_op1(b, OP_PUSH_UNKNOWN, T_GETAL);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_op(b, OP_RESULT));
}

Test(vm2, loop_sum_with_filter)
{
    struct fixture f;
    tp_build(&f, T_GETAL, e_sum_filtered);
    cr_assert_eq(f.p->max_slots, 1);
    rt_value l[4] = {vq(1, 1), vq(2, 1), vq(3, 1), vq(1, 2)};
    f.facts[I_L] = vlist(l, 4);
    expect_int(&f, 5);
    f.facts[I_L] = vlist(NULL, 0);
    expect_int(&f, 0);
    f.facts[I_L] = vb(U); /* an onbekend list: onbekend, not 0 */
    expect_unknown(&f);
    cr_assert_eq(f.ev->missing[I_L], 1);
    unload(&f);
}

/* minimum van t.cijfer voor elke t in ts waarvoor t.datum ≥ d1, standaard n */
static void e_min_records(rbc_builder *b)
{
    rb_op1(b, OP_PUSH_LEEG, T_GETAL);
    rb_op1(b, OP_LOAD_INPUT, I_TS);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_FIELD, 0);
    rb_op1(b, OP_LOAD_INPUT, I_D1);
    rb_op(b, OP_GE);
    uint32_t cond = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_FIELD, 1);
    rb_op(b, g_op);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, cond, 0, rb_op1(b, OP_LOOP, top));
    rb_patch(b, cond, 1, rb_op(b, OP_POP));
    rb_op1(b, OP_PUSH_UNKNOWN, T_GETAL);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_here(b));
    uint32_t j = rb_op1(b, OP_JUMP_IF_NOT_LEEG, 0);
    rb_op(b, OP_POP);
    rb_op1(b, OP_LOAD_INPUT, I_N);
    rb_patch(b, j, 0, rb_op(b, OP_RESULT));
}

static rt_value vtoets(rt_value *fields, rt_value datum, rt_value cijfer)
{
    fields[0] = datum;
    fields[1] = cijfer;
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_RECORD;
    v.u.fields = fields;
    return v;
}

Test(vm2, loop_min_max_standaard_and_onbekend_sticks)
{
    rt_value fl[4][2];
    rt_value ts[4] = {vtoets(fl[0], vd(2022, 1, 1), vq(7, 1)),
                      vtoets(fl[1], vd(2022, 5, 1), vq(6, 1)),
                      vtoets(fl[2], vd(2022, 6, 1), vq(9, 1)), vtoets(fl[3], vb(U), vq(1, 1))};
    struct fixture f;
    g_op = OP_ACC_MIN;
    tp_build(&f, T_GETAL, e_min_records);
    f.facts[I_TS] = vlist(ts, 3);
    f.facts[I_D1] = vd(2022, 2, 1);
    f.facts[I_N] = vq(-1, 1);
    expect_int(&f, 6);
    f.facts[I_D1] = vd(2023, 1, 1); /* nothing selected: standaard */
    expect_int(&f, -1);
    f.facts[I_TS] = vlist(ts, 4); /* an element whose condition is onbekend */
    expect_unknown(&f);
    f.facts[I_TS] = vlist(NULL, 0);
    expect_int(&f, -1);
    unload(&f);
    g_op = OP_ACC_MAX;
    tp_build(&f, T_GETAL, e_min_records);
    f.facts[I_TS] = vlist(ts, 3);
    f.facts[I_D1] = vd(2021, 1, 1);
    f.facts[I_N] = vq(-1, 1);
    expect_int(&f, 9);
    rt_value fl2[2];
    rt_value ts2[2] = {ts[0], vtoets(fl2, vd(2022, 1, 2), vb(U))}; /* onbekend cijfer */
    f.facts[I_TS] = vlist(ts2, 2);
    expect_unknown(&f);
    unload(&f);
}

/* som over the list `elke x in l waarvoor x > n`, built by a first loop */
static void e_filter_sum(rbc_builder *b)
{
    uint32_t c0 = rb_const_num(b, 0, 1), c10 = rb_const_num(b, 10, 1);
    rb_op1(b, OP_PUSH_CONST, c0); /* accumulator of the outer som */
    rb_op1(b, OP_LIST_NEW, T_LGETAL);
    rb_op1(b, OP_LOAD_INPUT, I_L);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_LOAD_INPUT, I_N);
    rb_op(b, OP_GT);
    uint32_t cond = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op(b, OP_LIST_APPEND);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, cond, 0, rb_op1(b, OP_LOOP, top));
    rb_patch(b, cond, 1, rb_op(b, OP_POP));
    rb_op1(b, OP_PUSH_UNKNOWN, T_LGETAL);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_op1(b, OP_ITER_BEGIN, 0)); /* iterate the filtered list */
    uint32_t top2 = rb_op2(b, OP_ITER_NEXT, 0, 0);
    /* acc = acc × 10 + x: order-sensitive, so the order of the list shows */
    rb_op1(b, OP_PUSH_CONST, c10);
    rb_op(b, OP_MUL);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op(b, OP_ADD);
    rb_op1(b, OP_LOOP, top2);
    rb_patch(b, top2, 1, rb_op(b, OP_RESULT));
}

Test(vm2, loop_filter_builds_list)
{
    struct fixture f;
    tp_build(&f, T_GETAL, e_filter_sum);
    rt_value l[40];
    for (int i = 0; i < 6; i++)
        l[i] = vq(i + 1, 1);
    f.facts[I_L] = vlist(l, 6);
    f.facts[I_N] = vq(2, 1);
    expect_int(&f, 3456);
    f.facts[I_N] = vq(9, 1);
    expect_int(&f, 0);
    /* a long list (grown in place past several capacities) keeps every element */
    for (int i = 0; i < 40; i++)
        l[i] = vq(i == 37 ? 4 : i == 39 ? 7 : 0, 1);
    f.facts[I_L] = vlist(l, 40);
    f.facts[I_N] = vq(-1, 1);
    expect_int(&f, 407);
    unload(&f);
}

/* er is een x in l waarvoor x = n (OR), voor alle x in l geldt x > 0 (AND) */
static void e_exists(rbc_builder *b)
{
    rb_op(b, g_op == OP_OR ? OP_PUSH_FALSE : OP_PUSH_TRUE);
    rb_op1(b, OP_LOAD_INPUT, I_L);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_LOAD_INPUT, I_N);
    rb_op(b, g_op == OP_OR ? OP_EQ : OP_GT);
    rb_op(b, g_op);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_op(b, OP_RESULT));
}

static void e_exists_const(rbc_builder *b)
{
    rb_op(b, OP_PUSH_FALSE);
    rb_op1(b, OP_LOAD_INPUT, I_L);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_OR);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_op(b, OP_RESULT));
}

Test(vm2, loop_exists_forall)
{
    rt_value l[3] = {vq(1, 1), vq(2, 1), vq(3, 1)};
    struct fixture f;
    g_op = OP_OR;
    tp_build(&f, T_WAARHEID, e_exists);
    f.facts[I_L] = vlist(l, 3);
    f.facts[I_N] = vq(2, 1);
    expect_bool(&f, W);
    f.facts[I_N] = vq(5, 1);
    expect_bool(&f, O);
    f.facts[I_N] = vb(U);
    expect_bool(&f, U);
    f.facts[I_L] = vlist(NULL, 0);
    expect_bool(&f, O); /* false for an empty list */
    f.facts[I_L] = vb(U);
    f.facts[I_N] = vq(2, 1);
    expect_bool(&f, U);
    unload(&f);
    /* a condition that does not depend on the element: still onbekend */
    g_op = OP_OR;
    tp_build(&f, T_WAARHEID, e_exists_const);
    f.facts[I_L] = vlist(l, 3);
    expect_bool(&f, W);
    f.facts[I_L] = vb(U);
    expect_bool(&f, U);
    unload(&f);
    g_op = OP_AND;
    tp_build(&f, T_WAARHEID, e_exists);
    f.facts[I_L] = vlist(l, 3);
    f.facts[I_N] = vq(0, 1);
    expect_bool(&f, W);
    f.facts[I_N] = vq(1, 1);
    expect_bool(&f, O);
    f.facts[I_L] = vlist(NULL, 0);
    expect_bool(&f, W); /* true for an empty list */
    unload(&f);
}

/* eerste/laatste t in ts volgens t.datum: its cijfer, standaard n */
static void e_first_by(rbc_builder *b)
{
    rb_op1(b, OP_PUSH_LEEG, T_TOETS);
    rb_op1(b, OP_PUSH_LEEG, T_DATUM);
    rb_op1(b, OP_LOAD_INPUT, I_TS);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_FIELD, 0);
    rb_op(b, g_op);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_op(b, OP_POP)); /* drop the key */
    uint32_t j = rb_op1(b, OP_JUMP_IF_NOT_LEEG, 0);
    rb_op(b, OP_POP);
    rb_op1(b, OP_LOAD_INPUT, I_N);
    uint32_t done = rb_op1(b, OP_JUMP, 0);
    rb_patch(b, j, 0, rb_op1(b, OP_FIELD, 1));
    rb_patch(b, done, 0, rb_op(b, OP_RESULT));
}

Test(vm2, loop_first_last_by_key)
{
    rt_value fl[4][2];
    rt_value ts[4] = {
        vtoets(fl[0], vd(2022, 5, 1), vq(7, 1)), vtoets(fl[1], vd(2022, 1, 1), vq(6, 1)),
        vtoets(fl[2], vd(2022, 6, 1), vq(9, 1)), vtoets(fl[3], vd(2022, 1, 1), vq(4, 1))};
    struct fixture f;
    g_op = OP_ACC_FIRST_BY;
    tp_build(&f, T_GETAL, e_first_by);
    f.facts[I_TS] = vlist(ts, 4);
    f.facts[I_N] = vq(-1, 1);
    expect_int(&f, 6); /* ties: the first one stays */
    f.facts[I_TS] = vlist(NULL, 0);
    expect_int(&f, -1);
    rt_value fl2[2];
    rt_value ts2[2] = {ts[0], vtoets(fl2, vb(U), vq(1, 1))};
    f.facts[I_TS] = vlist(ts2, 2);
    expect_unknown(&f);
    f.facts[I_TS] = vb(U); /* an onbekend list: onbekend, not the standaard */
    expect_unknown(&f);
    unload(&f);
    g_op = OP_ACC_LAST_BY;
    tp_build(&f, T_GETAL, e_first_by);
    f.facts[I_TS] = vlist(ts, 4);
    f.facts[I_N] = vq(-1, 1);
    expect_int(&f, 9);
    ts[2] = vtoets(fl[2], vd(2022, 1, 1), vq(9, 1));
    expect_int(&f, 7);
    unload(&f);
}

/* nested loops: aantal paren (x, y) uit l × l met x < y */
static void e_nested(rbc_builder *b)
{
    uint32_t c0 = rb_const_num(b, 0, 1), c1 = rb_const_num(b, 1, 1);
    rb_op1(b, OP_PUSH_CONST, c0);
    rb_op1(b, OP_LOAD_INPUT, I_L);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t outer = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_INPUT, I_L);
    rb_op1(b, OP_ITER_BEGIN, 1);
    uint32_t inner = rb_op2(b, OP_ITER_NEXT, 1, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_LOAD_LOCAL, 1);
    rb_op(b, OP_LT);
    uint32_t cond = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_PUSH_CONST, c1);
    rb_op(b, OP_ADD);
    rb_op1(b, OP_LOOP, inner);
    rb_patch(b, cond, 0, rb_op1(b, OP_LOOP, inner));
    rb_patch(b, cond, 1, rb_op(b, OP_POP));
    rb_op1(b, OP_PUSH_UNKNOWN, T_GETAL);
    rb_op1(b, OP_LOOP, inner);
    rb_patch(b, inner, 1, rb_op1(b, OP_LOOP, outer));
    rb_patch(b, outer, 1, rb_op(b, OP_RESULT));
}

Test(vm2, nested_loops)
{
    rt_value l[4] = {vq(3, 1), vq(1, 1), vq(2, 1), vq(2, 1)};
    struct fixture f;
    tp_build(&f, T_GETAL, e_nested);
    cr_assert_eq(f.p->max_slots, 2);
    f.facts[I_L] = vlist(l, 4);
    expect_int(&f, 5); /* (1,3), (1,2), (1,2), (2,3), (2,3) */
    unload(&f);
}

static void e_list_len(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_L);
    rb_op(b, OP_LIST_LEN);
    rb_op(b, OP_RESULT);
}

Test(vm2, list_len)
{
    rt_value l[2] = {vq(1, 1), vq(1, 1)};
    struct fixture f;
    tp_build(&f, T_GETAL, e_list_len);
    f.facts[I_L] = vlist(l, 2);
    expect_int(&f, 2);
    f.facts[I_L] = vlist(NULL, 0);
    expect_int(&f, 0);
    f.facts[I_L] = vb(U);
    expect_unknown(&f);
    unload(&f);
}

Test(vm2, case_values_checked_against_types)
{
    struct fixture f;
    tp_build(&f, T_GETAL, e_list_len);
    rt_value bad[1] = {vd(2022, 1, 1)}; /* a datum in a lijst van getal */
    f.facts[I_L] = vlist(bad, 1);
    cr_assert_eq(run(&f, 0), REGEL_ERR_CASE);
    f.facts[I_L] = vb(U);
    f.facts[I_D1] = vd(1, 1, 1);
    f.facts[I_D1].u.day = CAL_DAY_MAX + 1;
    cr_assert_eq(run(&f, 0), REGEL_ERR_CASE);
    unload(&f);
}

/* ---- v0.3: geen (known: none) in every operation ---- */

static rt_value vgeen(void)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_GEEN;
    return v;
}

/* Causes as a string of 0/1 per input; "" when there are none (NULL). */
static void expect_causes(const regel_policy *p, const uint8_t *c, const char *want)
{
    if (!*want) {
        cr_assert_null(c, "verwacht geen oorzaken");
        return;
    }
    cr_assert_not_null(c, "verwacht oorzaken %s", want);
    cr_assert_eq(strlen(want), p->n_inputs);
    for (uint32_t i = 0; i < p->n_inputs; i++)
        cr_assert_eq(c[i], want[i] == '1', "invoer %u: verwacht %s", i, want);
}

static void expect_missing(struct fixture *f, const char *want)
{
    for (uint32_t i = 0; i < f->p->n_inputs; i++)
        cr_assert_eq(f->ev->missing[i], want[i] == '1', "ontbrekend %u: verwacht %s", i, want);
}

/* Every time policy input known (peildatum 2022-03-01). */
static rt_value g_items[2], g_pers[1], g_toets[2], g_tsl[1];
static void set_all_known(struct fixture *f)
{
    g_items[0] = vq(1, 1);
    g_items[1] = vq(2, 1);
    g_pers[0] = vper(ymd(2022, 1, 1), ymd(2022, 1, 10), false);
    g_toets[0] = vd(2022, 1, 1);
    g_toets[1] = vq(7, 1);
    memset(&g_tsl[0], 0, sizeof g_tsl[0]);
    g_tsl[0].tag = RV_RECORD;
    g_tsl[0].u.fields = g_toets;
    f->facts[I_PEIL] = vd(2022, 3, 1);
    f->facts[I_D1] = vd(2022, 1, 31);
    f->facts[I_D2] = vd(2022, 3, 1);
    f->facts[I_N] = vq(5, 1);
    f->facts[I_L] = vlist(g_items, 2);
    f->facts[I_PS] = vlist(g_pers, 1);
    f->facts[I_TS] = vlist(g_tsl, 1);
    f->facts[I_B1] = vcents(1250);
    f->facts[I_B2] = vcents(100);
    f->facts[I_P] = vper(ymd(2022, 1, 1), ymd(2022, 12, 31), false);
    f->facts[I_DU] = vduur(1, 0);
}

enum { X_GEEN = 10, X_ZERO = 11 }; /* besides U, W, O */

struct geen_case {
    const char *what;
    emit_fn emit;
    uint32_t out;
    enum rbc_opcode op; /* g_op, when the emitter reads it */
    uint32_t input;     /* the input that is geen */
    int want;           /* X_GEEN, W, O or X_ZERO */
};

static void e_neg(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_N);
    rb_op(b, OP_NEG);
    rb_op(b, OP_RESULT);
}

static void e_arith(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_N);
    rb_op1(b, OP_LOAD_INPUT, I_N);
    rb_op(b, g_op);
    rb_op(b, OP_RESULT);
}

static void e_bedrag_to_getal(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_B1);
    rb_op(b, OP_BEDRAG_TO_GETAL);
    rb_op(b, OP_RESULT);
}

static void e_make_duur_n(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_N);
    rb_op1(b, OP_MAKE_DUUR, RBC_UNIT_DAGEN);
    rb_op(b, OP_RESULT);
}

static void e_periode_van(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_P);
    rb_op(b, g_op);
    rb_op(b, OP_RESULT);
}

static void e_periodes(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, I_PS);
    rb_op(b, g_op);
    rb_op(b, OP_RESULT);
}

Test(vm3, geen_in_every_operation)
{
    const struct geen_case cases[] = {
        {"datum + duur (datum geen)", e_date_add, T_DATUM, 0, I_D1, X_GEEN},
        {"datum + duur (duur geen)", e_date_add, T_DATUM, 0, I_DU, X_GEEN},
        {"datum − duur", e_date_sub, T_DATUM, 0, I_D1, X_GEEN},
        {"duur + duur, − duur, = duur", e_duur_ops, T_WAARHEID, 0, I_DU, O},
        {"dagen tussen", e_between, T_GETAL, OP_DAYS_BETWEEN, I_D2, X_GEEN},
        {"maanden tussen", e_between, T_GETAL, OP_MONTHS_BETWEEN, I_D1, X_GEEN},
        {"jaren tussen", e_between, T_GETAL, OP_YEARS_BETWEEN, I_D1, X_GEEN},
        {"bedrag ±", e_bedrag_ops, T_BEDRAG, 0, I_B2, X_GEEN},
        {"bedrag naar getal", e_bedrag_to_getal, T_GETAL, 0, I_B1, X_GEEN},
        {"getal naar bedrag", e_to_bedrag, T_BEDRAG, 0, I_N, X_GEEN},
        {"afronden", e_round, T_GETAL, 0, I_N, X_GEEN},
        {"min", e_neg, T_GETAL, 0, I_N, X_GEEN},
        {"+", e_arith, T_GETAL, OP_ADD, I_N, X_GEEN},
        {"−", e_arith, T_GETAL, OP_SUB, I_N, X_GEEN},
        {"×", e_arith, T_GETAL, OP_MUL, I_N, X_GEEN},
        {"/", e_arith, T_GETAL, OP_DIV, I_N, X_GEEN},
        {"(n) dagen", e_make_duur_n, T_DUUR, 0, I_N, X_GEEN},
        {"<", e_cmp_dates, T_WAARHEID, OP_LT, I_D1, O},
        {"≤", e_cmp_dates, T_WAARHEID, OP_LE, I_D2, O},
        {">", e_cmp_dates, T_WAARHEID, OP_GT, I_D1, O},
        {"≥", e_cmp_dates, T_WAARHEID, OP_GE, I_D1, O},
        {"= (één kant geen)", e_cmp_dates, T_WAARHEID, OP_EQ, I_D1, O},
        {"≠ (één kant geen)", e_cmp_dates, T_WAARHEID, OP_NE, I_D1, W},
        {"parameter geldig op", e_load_param_at, T_BEDRAG, 0, I_D1, X_GEEN},
        {"periode van … tot", e_periode_dagen, T_GETAL, 0, I_D2, X_GEEN},
        {"periode vanaf", e_periode_tot, T_DATUM, OP_PERIODE_VAN, I_D1, X_GEEN},
        {".van", e_periode_van, T_DATUM, OP_PERIODE_VAN, I_P, X_GEEN},
        {".tot", e_periode_van, T_DATUM, OP_PERIODE_TOT, I_P, X_GEEN},
        {"aantal dagen van", e_periode_van, T_GETAL, OP_PERIODE_DAGEN, I_P, X_GEEN},
        {"bevat (periode geen)", e_bevat, T_WAARHEID, 0, I_P, O},
        {"bevat (datum geen)", e_bevat, T_WAARHEID, 0, I_D1, O},
        {"duurt ten minste", e_duurt, T_WAARHEID, 0, I_DU, O},
        {"samengevoegd", e_merge_len, T_GETAL, 0, I_PS, X_GEEN},
        {"begrensd tot", e_clip_dagen, T_GETAL, 0, I_P, X_GEEN},
        {"totaal aantal dagen", e_periodes, T_GETAL, OP_PERIODES_DAGEN, I_PS, X_GEEN},
        {"langste", e_periodes, T_PERIODE, OP_PERIODES_LANGSTE, I_PS, X_GEEN},
        {"aantal", e_list_len, T_GETAL, 0, I_L, X_GEEN},
        {"som over een lijst die geen is", e_sum_filtered, T_GETAL, 0, I_L, X_ZERO},
    };
    g_opt = true;
    g_param = 0;
    g_mode = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct fixture f;
        g_op = cases[i].op;
        tp_build(&f, cases[i].out, cases[i].emit);
        set_all_known(&f);
        ok_run(&f); /* every case is decided with known inputs */
        cr_assert_eq(f.ev->status[0], EV_DECIDED, "%s: bekend", cases[i].what);
        f.facts[cases[i].input] = vgeen();
        ok_run(&f);
        cr_assert_eq(f.ev->status[0], EV_DECIDED, "%s", cases[i].what);
        const rt_value *v = &f.ev->values[0];
        if (cases[i].want == X_GEEN) {
            cr_assert_eq(v->tag, RV_GEEN, "%s: tag %d", cases[i].what, v->tag);
        } else if (cases[i].want == X_ZERO) {
            cr_assert_eq(v->tag, RV_GETAL, "%s", cases[i].what);
            cr_assert_eq(v->u.q.num, 0, "%s", cases[i].what);
        } else {
            cr_assert_eq(v->tag, RV_WAARHEID, "%s: tag %d", cases[i].what, v->tag);
            cr_assert_eq(v->u.b, cases[i].want == W, "%s", cases[i].what);
        }
        cr_assert_null(f.ev->causes[0]);
        expect_missing(&f, "00000000000");
        unload(&f);
    }
    g_opt = false;
}

Test(vm3, onbekend_beats_geen)
{
    struct fixture f;
    g_opt = true;
    tp_build(&f, T_DATUM, e_date_add);
    set_all_known(&f);
    f.facts[I_D1] = vgeen();
    f.facts[I_DU] = vb(U);
    expect_unknown(&f);
    expect_causes(f.p, f.ev->causes[0], "00000000001");
    expect_missing(&f, "00000000001");
    unload(&f);
    g_op = OP_EQ;
    tp_build(&f, T_WAARHEID, e_cmp_dates);
    set_all_known(&f);
    f.facts[I_D1] = vgeen();
    f.facts[I_D2] = vb(U);
    expect_unknown(&f);
    expect_causes(f.p, f.ev->causes[0], "00100000000");
    f.facts[I_D2] = vgeen(); /* geen = geen */
    expect_bool(&f, W);
    g_op = OP_NE;
    unload(&f);
    tp_build(&f, T_WAARHEID, e_cmp_dates);
    set_all_known(&f);
    f.facts[I_D1] = vgeen();
    f.facts[I_D2] = vgeen();
    expect_bool(&f, O);
    unload(&f);
    g_opt = false;
}

/* A policy: types waarheid (0), getal (1), Inner {m: getal (optioneel)} (2),
 * Rec {n: getal, inner: Inner (optioneel)} (3), lijst van Rec (4); inputs
 * a, b: waarheid; x, y, z: getal; t: Rec; ts: lijst van Rec — all optional. */
enum { C_A, C_B, C_X, C_Y, C_Z, C_T, C_TS, C_N };

static rbc_builder *cp_base(void)
{
    rbc_builder *b = rb_new();
    rb_type_prim(b, RBC_TYPE_WAARHEID);
    rb_type_prim(b, RBC_TYPE_GETAL);
    const char *fi[] = {"m"};
    uint32_t ti[] = {1}, fli[] = {RBC_OPTIONAL};
    rb_type_record_flags(b, "Inner", 1, fi, ti, fli);
    const char *fr[] = {"n", "inner"};
    uint32_t tr[] = {1, 2}, flr[] = {0, RBC_OPTIONAL};
    rb_type_record_flags(b, "Rec", 2, fr, tr, flr);
    rb_type_list(b, 3);
    const char *names[] = {"a", "b", "x", "y", "z", "t", "ts"};
    uint32_t types[] = {0, 0, 1, 1, 1, 3, 4};
    for (int i = 0; i < C_N; i++)
        rb_input_ext(b, names[i], types[i], RBC_OPTIONAL, RBC_NONE, NULL);
    return b;
}

static void cp_load(struct fixture *f, rbc_builder *b)
{
    load(f, b);
    for (int i = 0; i < C_N; i++)
        f->facts[i] = vb(U);
}

/* one rule "R<o>" for outcome o: LOAD a; LOAD b; op; RESULT */
static void rule_bin(rbc_builder *b, uint32_t o, uint32_t x, uint32_t y, enum rbc_opcode op)
{
    char name[16];
    snprintf(name, sizeof name, "R%u", o);
    rb_rule_begin(b, name, o, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, x);
    rb_op1(b, OP_LOAD_INPUT, y);
    rb_op(b, op);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
}

Test(vm3, causes_masking_and_absorption)
{
    struct fixture f;
    for (int sc = 0; sc < 2; sc++) {
        build_binary_logic(&f, OP_AND, sc);
        f.facts[0] = vb(O);
        f.facts[1] = vb(U);
        ok_run(&f);
        cr_assert_eq(out_bool(&f, 0), O);
        cr_assert_null(f.ev->causes[0]); /* onwaar en x: no causes */
        expect_missing(&f, "00");
        f.facts[0] = vb(U);
        f.facts[1] = vb(O); /* x en onwaar */
        ok_run(&f);
        cr_assert_null(f.ev->causes[0]);
        expect_missing(&f, "00");
        f.facts[1] = vb(W);
        expect_unknown(&f);
        expect_causes(f.p, f.ev->causes[0], "10");
        f.facts[1] = vb(U);
        expect_unknown(&f);
        expect_causes(f.p, f.ev->causes[0], "11");
        expect_missing(&f, "11");
        unload(&f);
        build_binary_logic(&f, OP_OR, sc);
        f.facts[0] = vb(U);
        f.facts[1] = vb(W); /* x of waar */
        ok_run(&f);
        cr_assert_eq(out_bool(&f, 0), W);
        cr_assert_null(f.ev->causes[0]);
        expect_missing(&f, "00");
        f.facts[1] = vb(O);
        expect_unknown(&f);
        expect_causes(f.p, f.ev->causes[0], "10");
        unload(&f);
    }
}

Test(vm3, geen_in_logic_counts_as_onwaar)
{
    struct fixture f;
    rbc_builder *b = cp_base();
    uint32_t o_and = rb_outcome(b, "en", 0, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t o_or = rb_outcome(b, "of", 0, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t o_not = rb_outcome(b, "niet", 0, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t o_cond = rb_outcome(b, "indien", 1, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rule_bin(b, o_and, C_A, C_B, OP_AND);
    rule_bin(b, o_or, C_A, C_B, OP_OR);
    rb_rule_begin(b, "N", o_not, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, C_A);
    rb_op(b, OP_NOT);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    /* indien a: 1, anders 2 */
    rb_rule_begin(b, "C", o_cond, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, C_A);
    uint32_t c = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_PUSH_CONST, rb_const_num(b, 1, 1));
    rb_op(b, OP_RESULT);
    rb_patch(b, c, 0, rb_op1(b, OP_PUSH_CONST, rb_const_num(b, 2, 1)));
    rb_op(b, OP_RESULT);
    rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);
    cp_load(&f, b);
    f.facts[C_A] = vgeen();
    f.facts[C_B] = vb(W);
    ok_run(&f);
    cr_assert_eq(out_bool(&f, o_and), O);
    cr_assert_eq(out_bool(&f, o_or), W);
    cr_assert_eq(out_bool(&f, o_not), W);
    cr_assert_eq(f.ev->values[o_cond].u.q.num, 2);
    f.facts[C_B] = vb(U);
    ok_run(&f);
    cr_assert_eq(out_bool(&f, o_and), O);
    cr_assert_null(f.ev->causes[o_and]);
    cr_assert_eq(out_bool(&f, o_or), U);
    expect_causes(f.p, f.ev->causes[o_or], "0100000");
    /* COND to its onbekend branch: the outcome's causes are the condition's */
    f.facts[C_A] = vb(U);
    ok_run(&f);
    cr_assert_eq(f.ev->status[o_cond], EV_UNKNOWN);
    expect_causes(f.p, f.ev->causes[o_cond], "1000000");
    unload(&f);
}

Test(vm3, causes_unite_through_arithmetic_comparisons_and_outcomes)
{
    struct fixture f;
    rbc_builder *b = cp_base();
    uint32_t o_som = rb_outcome(b, "som", 1, 0, RBC_NONE); /* a begrip */
    uint32_t o_gt = rb_outcome(b, "groter", 0, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t o_los = rb_outcome(b, "los", 1, 0, RBC_NONE); /* a begrip nobody reads */
    rule_bin(b, o_som, C_X, C_Y, OP_ADD);
    rb_rule_begin(b, "G", o_gt, RBC_NONE);
    rb_op1(b, OP_LOAD_OUTCOME, o_som);
    rb_op1(b, OP_LOAD_INPUT, C_Z);
    rb_op(b, OP_GT);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "L", o_los, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, C_B);
    rb_op(b, OP_IS_GEEN);
    uint32_t c = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_LOAD_INPUT, C_X);
    rb_op(b, OP_RESULT);
    rb_patch(b, c, 0, rb_op(b, OP_NOT_APPLIED));
    rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);
    cp_load(&f, b);
    ok_run(&f);
    expect_causes(f.p, f.ev->causes[o_som], "0011000");
    expect_causes(f.p, f.ev->causes[o_gt], "0011100");
    expect_causes(f.p, f.ev->causes[o_los], "0100000");
    /* ontbrekend: only what reaches an uitkomst (b only reaches the begrip los) */
    expect_missing(&f, "0011100");
    f.facts[C_X] = vq(1, 1);
    f.facts[C_Z] = vq(1, 1);
    ok_run(&f);
    expect_causes(f.p, f.ev->causes[o_gt], "0001000");
    expect_missing(&f, "0001000");
    f.facts[C_Y] = vq(1, 1);
    f.facts[C_B] = vb(W);
    ok_run(&f);
    cr_assert_eq(out_bool(&f, o_gt), W);
    cr_assert_null(f.ev->causes[o_gt]);
    cr_assert_eq(f.ev->status[o_los], EV_NO_RULE);
    cr_assert_null(f.ev->causes[o_los]); /* no rule applied: no causes */
    expect_missing(&f, "0000000");
    unload(&f);
}

Test(vm3, causes_of_default_logic)
{
    struct fixture f;
    rbc_builder *b = cp_base();
    uint32_t o = rb_outcome(b, "r", 1, RBC_OUTCOME_OUTPUT, RBC_NONE);
    /* two roots: "A" indien a, "B" indien b (both RESULT_UNKNOWN when onbekend);
     * "A" has an exception "E" indien x > 0 */
    const uint32_t in[] = {C_A, C_B};
    uint32_t roots[2];
    for (int i = 0; i < 2; i++) {
        roots[i] = rb_rule_begin(b, i ? "B" : "A", o, RBC_NONE);
        rb_op1(b, OP_LOAD_INPUT, in[i]);
        uint32_t c = rb_op2(b, OP_COND, 0, 0);
        rb_op1(b, OP_PUSH_CONST, rb_const_num(b, i + 1, 1));
        rb_op(b, OP_RESULT);
        rb_patch(b, c, 0, rb_op(b, OP_NOT_APPLIED));
        rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
        rb_rule_end(b);
    }
    rb_rule_begin(b, "E", o, roots[0]);
    rb_op1(b, OP_LOAD_INPUT, C_X);
    rb_op1(b, OP_PUSH_CONST, rb_const_num(b, 0, 1));
    rb_op(b, OP_GT);
    uint32_t c = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_PUSH_CONST, rb_const_num(b, 9, 1));
    rb_op(b, OP_RESULT);
    rb_patch(b, c, 0, rb_op(b, OP_NOT_APPLIED));
    rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);
    cp_load(&f, b);
    ok_run(&f); /* E onbekend (x), so A is; B onbekend (b): r onbekend with {x, b} */
    cr_assert_eq(f.ev->status[o], EV_UNKNOWN);
    expect_causes(f.p, f.ev->causes[o], "0110000");
    f.facts[C_X] = vq(-1, 1); /* E does not apply: A's own block is onbekend (a) */
    ok_run(&f);
    expect_causes(f.p, f.ev->causes[o], "1100000");
    f.facts[C_B] = vb(O);
    ok_run(&f);
    expect_causes(f.p, f.ev->causes[o], "1000000");
    expect_missing(&f, "1000000");
    f.facts[C_A] = vb(O); /* nothing applies */
    ok_run(&f);
    cr_assert_eq(f.ev->status[o], EV_NO_RULE);
    cr_assert_null(f.ev->causes[o]);
    expect_missing(&f, "0000000");
    f.facts[C_A] = vb(W);
    ok_run(&f);
    cr_assert_eq(f.ev->values[o].u.q.num, 1);
    cr_assert_null(f.ev->causes[o]);
    unload(&f);
}

Test(vm3, causes_of_absent_record_fields)
{
    struct fixture f;
    rbc_builder *b = cp_base();
    uint32_t o_n = rb_outcome(b, "n", 1, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t o_m = rb_outcome(b, "m", 1, RBC_OUTCOME_OUTPUT | RBC_OUTCOME_OPTIONAL, RBC_NONE);
    uint32_t o_som = rb_outcome(b, "som", 1, RBC_OUTCOME_OUTPUT, RBC_NONE);
    /* n is t.n; m is t.inner.m; som is som van e.n voor elke e in ts */
    rb_rule_begin(b, "N", o_n, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, C_T);
    rb_op1(b, OP_FIELD, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "M", o_m, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, C_T);
    rb_op1(b, OP_FIELD, 1);
    rb_op1(b, OP_FIELD, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "S", o_som, RBC_NONE);
    rb_op1(b, OP_PUSH_CONST, rb_const_num(b, 0, 1));
    rb_op1(b, OP_LOAD_INPUT, C_TS);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_FIELD, 0);
    rb_op(b, OP_ADD);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_op(b, OP_RESULT));
    rb_rule_end(b);
    cp_load(&f, b);
    /* t and ts absent: caused by themselves (onbekend list: the loop is onbekend) */
    ok_run(&f);
    expect_causes(f.p, f.ev->causes[o_n], "0000010");
    expect_causes(f.p, f.ev->causes[o_m], "0000010");
    expect_causes(f.p, f.ev->causes[o_som], "0000001");
    /* present records with absent fields: caused by the fact they are in */
    rt_value inner[1], rec[2], recs[2][2], items[2];
    memset(inner, 0, sizeof inner);
    memset(rec, 0, sizeof rec);
    memset(recs, 0, sizeof recs);
    rec[1].tag = RV_RECORD;
    rec[1].u.fields = inner; /* inner.m absent */
    f.facts[C_T].tag = RV_RECORD;
    f.facts[C_T].u.fields = rec; /* t.n absent */
    recs[0][0] = vq(4, 1);
    recs[1][1] = vgeen(); /* inner geen, n absent */
    for (int i = 0; i < 2; i++) {
        memset(&items[i], 0, sizeof items[i]);
        items[i].tag = RV_RECORD;
        items[i].u.fields = recs[i];
    }
    f.facts[C_TS] = vlist(items, 2);
    ok_run(&f);
    expect_causes(f.p, f.ev->causes[o_n], "0000010");
    expect_causes(f.p, f.ev->causes[o_m], "0000010");
    expect_causes(f.p, f.ev->causes[o_som], "0000001");
    expect_missing(&f, "0000011");
    /* FIELD of geen is geen; known fields decide */
    rec[0] = vq(3, 1);
    rec[1] = vgeen();
    recs[1][0] = vq(5, 1);
    ok_run(&f);
    cr_assert_eq(f.ev->values[o_n].u.q.num, 3);
    cr_assert_eq(f.ev->status[o_m], EV_DECIDED);
    cr_assert_eq(f.ev->values[o_m].tag, RV_GEEN);
    cr_assert_eq(f.ev->values[o_som].u.q.num, 9);
    expect_missing(&f, "0000000");
    /* a geen list is iterated zero times */
    f.facts[C_TS] = vgeen();
    ok_run(&f);
    cr_assert_eq(f.ev->values[o_som].u.q.num, 0);
    unload(&f);
}

Test(vm3, is_known_and_is_geen)
{
    struct fixture f;
    rbc_builder *b = cp_base();
    uint32_t o_k = rb_outcome(b, "bekend", 0, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t o_g = rb_outcome(b, "geen", 0, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_rule_begin(b, "K", o_k, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, C_X);
    rb_op(b, OP_IS_KNOWN);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "G", o_g, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, C_X);
    rb_op(b, OP_IS_GEEN);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    cp_load(&f, b);
    ok_run(&f);
    cr_assert_eq(out_bool(&f, o_k), O); /* never onbekend itself */
    cr_assert_null(f.ev->causes[o_k]);
    cr_assert_eq(out_bool(&f, o_g), U);
    expect_causes(f.p, f.ev->causes[o_g], "0010000");
    f.facts[C_X] = vgeen();
    ok_run(&f);
    cr_assert_eq(out_bool(&f, o_k), W);
    cr_assert_eq(out_bool(&f, o_g), W);
    f.facts[C_X] = vq(0, 1);
    ok_run(&f);
    cr_assert_eq(out_bool(&f, o_k), W);
    cr_assert_eq(out_bool(&f, o_g), O);
    expect_missing(&f, "0000000");
    unload(&f);
}

Test(vm3, push_geen_and_selection_causes)
{
    struct fixture f;
    g_opt = true;
    g_op = OP_ACC_MIN;
    /* minimum of t.cijfer over ts with a waarvoor on t.datum > d1: the
     * condition's causes reach the accumulator through PUSH_UNKNOWN */
    tp_build(&f, T_GETAL, e_min_records);
    set_all_known(&f);
    ok_run(&f);
    f.facts[I_D1] = vb(U);
    expect_unknown(&f);
    expect_causes(f.p, f.ev->causes[0], "01000000000");
    f.facts[I_D1] = vgeen(); /* datum > geen is onwaar: nothing selected */
    ok_run(&f);
    cr_assert_eq(f.ev->status[0], EV_DECIDED);
    unload(&f);
    g_opt = false;
    rbc_builder *b = cp_base();
    uint32_t o = rb_outcome(b, "r", 1, RBC_OUTCOME_OUTPUT | RBC_OUTCOME_OPTIONAL, RBC_NONE);
    rb_rule_begin(b, "R", o, RBC_NONE);
    rb_op1(b, OP_PUSH_GEEN, 1);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    cp_load(&f, b);
    ok_run(&f);
    cr_assert_eq(f.ev->status[o], EV_DECIDED);
    cr_assert_eq(f.ev->values[o].tag, RV_GEEN);
    unload(&f);
}

Test(vm3, geen_accepted_only_for_optional_inputs)
{
    struct fixture f;
    tp_build(&f, T_DATUM, e_date_add); /* g_opt false: nothing optional */
    set_all_known(&f);
    f.facts[I_D1] = vgeen();
    cr_assert_eq(run(&f, 0), REGEL_ERR_CASE);
    cr_assert_str_eq(f.err.message, "feit ‘d1’ in het geval past niet bij zijn type in het beleid");
    unload(&f);
}

Test(vm3, peildatum_causes_of_rule_validity)
{
    struct fixture f;
    rbc_builder *b = rb_new();
    uint32_t td = rb_type_prim(b, RBC_TYPE_DATUM);
    uint32_t tg = rb_type_prim(b, RBC_TYPE_GETAL);
    rb_input(b, "x", tg);
    rb_peildatum(b, rb_input(b, "peildatum", td));
    uint32_t o = rb_outcome(b, "r", tg, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t r = rb_rule_begin(b, "R", o, RBC_NONE);
    rb_rule_validity(b, r, (uint32_t)ymd(2022, 1, 1), RBC_NONE);
    rb_op1(b, OP_PUSH_CONST, rb_const_num(b, 1, 1));
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    load(&f, b);
    ok_run(&f);
    cr_assert_eq(f.ev->status[o], EV_UNKNOWN);
    expect_causes(f.p, f.ev->causes[o], "01");
    expect_missing(&f, "01");
    unload(&f);
}

Test(vm3, causes_of_an_applied_onbekend_value_and_an_onbekend_rule)
{
    struct fixture f;
    rbc_builder *b = cp_base();
    uint32_t o = rb_outcome(b, "r", 1, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t p = rb_rule_begin(b, "P", o, RBC_NONE); /* r is 1 */
    rb_op1(b, OP_PUSH_CONST, rb_const_num(b, 1, 1));
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "A", o, p); /* uitzondering: r is x */
    rb_op1(b, OP_LOAD_INPUT, C_X);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "B", o, p); /* uitzondering: r is 2 indien b */
    rb_op1(b, OP_LOAD_INPUT, C_B);
    uint32_t c = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_PUSH_CONST, rb_const_num(b, 2, 1));
    rb_op(b, OP_RESULT);
    rb_patch(b, c, 0, rb_op(b, OP_NOT_APPLIED));
    rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);
    cp_load(&f, b);
    ok_run(&f);
    cr_assert_eq(f.ev->status[o], EV_UNKNOWN);
    expect_causes(f.p, f.ev->causes[o], "0110000");
    f.facts[C_B] = vb(O); /* only A applies, with an onbekend value */
    ok_run(&f);
    cr_assert_eq(f.ev->status[o], EV_UNKNOWN);
    expect_causes(f.p, f.ev->causes[o], "0010000");
    expect_missing(&f, "0010000");
    unload(&f);
}

Test(vm3, absent_field_deep_in_a_long_list)
{
    struct fixture f;
    rbc_builder *b = cp_base();
    uint32_t o = rb_outcome(b, "som", 1, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_rule_begin(b, "S", o, RBC_NONE); /* t.n + som van e.n voor elke e in ts */
    rb_op1(b, OP_LOAD_INPUT, C_T);
    rb_op1(b, OP_FIELD, 0);
    rb_op1(b, OP_LOAD_INPUT, C_TS);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_FIELD, 0);
    rb_op(b, OP_ADD);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_op(b, OP_RESULT));
    rb_rule_end(b);
    cp_load(&f, b);
    rt_value t[2], recs[50][2], items[50];
    memset(t, 0, sizeof t);
    memset(recs, 0, sizeof recs);
    t[0] = vq(1, 1);
    f.facts[C_T].tag = RV_RECORD;
    f.facts[C_T].u.fields = t;
    for (int i = 0; i < 50; i++) {
        recs[i][0] = vq(1, 1);
        memset(&items[i], 0, sizeof items[i]);
        items[i].tag = RV_RECORD;
        items[i].u.fields = recs[i];
    }
    f.facts[C_TS] = vlist(items, 50);
    ok_run(&f);
    cr_assert_eq(f.ev->values[o].u.q.num, 51);
    memset(&recs[37][0], 0, sizeof recs[37][0]); /* one absent field */
    ok_run(&f);
    expect_causes(f.p, f.ev->causes[o], "0000001");
    memset(&t[0], 0, sizeof t[0]);
    ok_run(&f);
    expect_causes(f.p, f.ev->causes[o], "0000011");
    expect_missing(&f, "0000011");
    unload(&f);
}

/* ---- v0.4: condition coverage (REGEL_COVERAGE) ---- */

/* r: indien a dan waar, anders indien b dan onwaar (else not applied);
 * s: indien b dan waar. b is optional (geen). conds[] gets the COND offsets. */
static void build_cov(struct fixture *f, uint32_t conds[3])
{
    rbc_builder *b = rb_new();
    uint32_t tw = rb_type_prim(b, RBC_TYPE_WAARHEID);
    rb_input(b, "a", tw);
    rb_input_ext(b, "b", tw, RBC_OPTIONAL, RBC_NONE, NULL);
    uint32_t o_r = rb_outcome(b, "r", tw, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t o_s = rb_outcome(b, "s", tw, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_rule_begin(b, "R", o_r, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    conds[0] = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_RESULT);
    rb_patch(b, conds[0], 0, rb_op1(b, OP_LOAD_INPUT, 1));
    conds[1] = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, OP_PUSH_FALSE);
    rb_op(b, OP_RESULT);
    rb_patch(b, conds[1], 0, rb_op(b, OP_NOT_APPLIED));
    uint32_t lu = rb_op(b, OP_RESULT_UNKNOWN);
    rb_patch(b, conds[0], 1, lu);
    rb_patch(b, conds[1], 1, lu);
    rb_rule_end(b);
    rb_rule_begin(b, "S", o_s, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 1);
    conds[2] = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_RESULT);
    rb_patch(b, conds[2], 0, rb_op(b, OP_NOT_APPLIED));
    rb_patch(b, conds[2], 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);
    load(f, b);
}

static void expect_seen(struct fixture *f, unsigned s0, unsigned s1, unsigned s2)
{
    cr_assert_eq(f->ev->cond_seen[0], s0, "cond 0: %u, verwacht %u", f->ev->cond_seen[0], s0);
    cr_assert_eq(f->ev->cond_seen[1], s1, "cond 1: %u, verwacht %u", f->ev->cond_seen[1], s1);
    cr_assert_eq(f->ev->cond_seen[2], s2, "cond 2: %u, verwacht %u", f->ev->cond_seen[2], s2);
}

Test(vm4, cond_seen_per_branch_and_reset_per_evaluation)
{
    struct fixture f;
    uint32_t conds[3];
    build_cov(&f, conds);
    cr_assert_eq(f.p->n_conds, 3);
    for (int i = 0; i < 3; i++)
        cr_assert_eq(f.p->cond_offsets[i], conds[i]);
    /* a fresh context: all zero */
    expect_seen(&f, 0, 0, 0);
    f.facts[0] = vb(W);
    f.facts[1] = vb(W);
    cr_assert_eq(run(&f, REGEL_COVERAGE), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(out_bool(&f, 0), W);
    expect_seen(&f, EV_COND_WAAR, 0, EV_COND_WAAR);
    /* the next evaluation starts from zero: no WAAR left over */
    f.facts[0] = vb(O);
    f.facts[1] = vb(U);
    cr_assert_eq(run(&f, REGEL_COVERAGE), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->status[0], EV_UNKNOWN);
    expect_seen(&f, EV_COND_ONWAAR, EV_COND_ONBEKEND, EV_COND_ONBEKEND);
    /* geen counts as onwaar; a branch not reached stays 0 */
    f.facts[0] = vb(U);
    f.facts[1] = vgeen();
    cr_assert_eq(run(&f, REGEL_COVERAGE), REGEL_OK, "%s", f.err.message);
    expect_seen(&f, EV_COND_ONBEKEND, 0, EV_COND_ONWAAR);
    f.facts[0] = vb(O);
    f.facts[1] = vb(O);
    cr_assert_eq(run(&f, REGEL_COVERAGE | REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->status[0], EV_NO_RULE);
    expect_seen(&f, EV_COND_ONWAAR, EV_COND_ONWAAR, EV_COND_ONWAAR);
    unload(&f);
}

Test(vm4, cond_seen_untouched_without_the_flag)
{
    struct fixture f;
    uint32_t conds[3];
    build_cov(&f, conds);
    f.facts[0] = vb(O);
    f.facts[1] = vb(W);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    expect_seen(&f, 0, 0, 0);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    expect_seen(&f, 0, 0, 0);
    f.facts[1] = vb(U);
    cr_assert_eq(run(&f, REGEL_COVERAGE), REGEL_OK, "%s", f.err.message);
    expect_seen(&f, EV_COND_ONWAAR, EV_COND_ONBEKEND, EV_COND_ONBEKEND);
    /* without the flag the last coverage is neither reset nor extended */
    f.facts[0] = vb(W);
    f.facts[1] = vb(W);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(out_bool(&f, 0), W);
    expect_seen(&f, EV_COND_ONWAAR, EV_COND_ONBEKEND, EV_COND_ONBEKEND);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    expect_seen(&f, EV_COND_ONWAAR, EV_COND_ONBEKEND, EV_COND_ONBEKEND);
    unload(&f);
}

Test(vm4, cond_seen_in_a_loop_collects_both_ways)
{
    struct fixture f;
    tp_build(&f, T_GETAL, e_sum_filtered); /* one COND: x > 1, once per element */
    cr_assert_eq(f.p->n_conds, 1);
    rt_value l[4] = {vq(1, 1), vq(2, 1), vq(3, 1), vq(1, 2)};
    f.facts[I_L] = vlist(l, 4);
    cr_assert_eq(run(&f, REGEL_COVERAGE), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(result(&f)->u.q.num, 5);
    cr_assert_eq(f.ev->cond_seen[0], EV_COND_WAAR | EV_COND_ONWAAR);
    f.facts[I_L] = vlist(l + 1, 2); /* 2, 3: only waar */
    cr_assert_eq(run(&f, REGEL_COVERAGE), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->cond_seen[0], EV_COND_WAAR);
    f.facts[I_L] = vb(U); /* one onbekend element */
    cr_assert_eq(run(&f, REGEL_COVERAGE), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->cond_seen[0], EV_COND_ONBEKEND);
    f.facts[I_L] = vlist(NULL, 0); /* never runs */
    cr_assert_eq(run(&f, REGEL_COVERAGE), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->cond_seen[0], 0);
    unload(&f);
}

/* indien n > 1 dan vergoeding (parameter 0), else not applied */
static void e_cov_param(rbc_builder *b)
{
    add_params(b);
    rb_op1(b, OP_LOAD_INPUT, I_N);
    rb_op1(b, OP_PUSH_CONST, rb_const_num(b, 1, 1));
    rb_op(b, OP_GT);
    uint32_t c = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_LOAD_PARAM, 0);
    rb_op(b, OP_RESULT);
    rb_patch(b, c, 0, rb_op(b, OP_NOT_APPLIED));
    rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
}

Test(vm4, coverage_with_explain_gives_rules_and_parameter_versions)
{
    struct fixture f;
    tp_build(&f, T_BEDRAG, e_cov_param);
    cr_assert_eq(f.p->n_param_versions, 3);
    f.facts[I_PEIL] = vd(2022, 3, 1);
    f.facts[I_N] = vq(2, 1);
    cr_assert_eq(run(&f, REGEL_COVERAGE | REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(result(&f)->u.cents, 9000);
    cr_assert(f.ev->explained);
    cr_assert_eq(f.ev->decided_by[0], 0);
    cr_assert_eq(f.ev->cond_seen[0], EV_COND_WAAR);
    cr_assert_eq(ev_list_has(&f.ev->reads_param[0], 0), 0);
    cr_assert_eq(ev_list_has(&f.ev->reads_param[0], 1), 1,
                 "the version valid on the peildatum was used");
    cr_assert_eq(ev_list_has(&f.ev->reads_param[0], 2), 0);
    f.facts[I_N] = vq(1, 1);
    cr_assert_eq(run(&f, REGEL_COVERAGE | REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->status[0], EV_NO_RULE);
    cr_assert_eq(f.ev->decided_by[0], RBC_NONE);
    cr_assert_eq(f.ev->cond_seen[0], EV_COND_ONWAAR);
    cr_assert_eq(ev_list_has(&f.ev->reads_param[0], 1), 0, "reset: no parameter used this time");
    /* REGEL_COVERAGE alone still records the deciding rule */
    f.facts[I_N] = vq(3, 1);
    cr_assert_eq(run(&f, REGEL_COVERAGE), REGEL_OK, "%s", f.err.message);
    cr_assert(!f.ev->explained);
    cr_assert_eq(f.ev->decided_by[0], 0);
    cr_assert_eq(f.ev->cond_seen[0], EV_COND_WAAR);
    unload(&f);
}

Test(vm4, unknown_flags_rejected)
{
    struct fixture f;
    uint32_t conds[3];
    build_cov(&f, conds);
    f.facts[0] = vb(W);
    f.facts[1] = vb(W);
    cr_assert_eq(run(&f, REGEL_COVERAGE), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(run(&f, 4u), REGEL_ERR_USAGE);
    cr_assert_str_eq(f.err.message, "regel_evaluate: onbekende vlaggen 0x4 (bekend: REGEL_EXPLAIN, "
                                    "REGEL_COVERAGE)");
    cr_assert_eq(f.err.code, REGEL_ERR_USAGE);
    cr_assert_eq(run(&f, REGEL_EXPLAIN | REGEL_COVERAGE | 0x80000000u), REGEL_ERR_USAGE);
    cr_assert_str_eq(f.err.message,
                     "regel_evaluate: onbekende vlaggen 0x80000000 (bekend: REGEL_EXPLAIN, "
                     "REGEL_COVERAGE)");
    /* rejected before anything ran: the previous coverage is kept */
    expect_seen(&f, EV_COND_WAAR, 0, EV_COND_WAAR);
    cr_assert_eq(run(&f, REGEL_EXPLAIN | REGEL_COVERAGE), REGEL_OK, "%s", f.err.message);
    unload(&f);
}

/* ---- the motivering trace (spec7 §3, REGEL_EXPLAIN only) ---- */

enum { TA = 0, TB = 1, TC = 2 }; /* inputs a, b (optional), c of the trace policy */

/* Outcome q (rule "Q": q is waar, one branch) first, so rule R's branches
 * start at global branch 1; then
 *   r is 1 indien a en b, anders 2 indien c of niet a, anders 3
 * with atoms 0 "a", 1 "b", 2 "c", 3 "niet a" and NOTEs after each, the
 * short-circuit jumps after the NOTEs. The last branch's value holds a COND
 * with a value below it (as in a waarvoor): it is not a branch condition. */
static void build_trace(struct fixture *f, uint32_t res[3], uint32_t conds[2])
{
    rbc_builder *b = rb_new();
    uint32_t tw = rb_type_prim(b, RBC_TYPE_WAARHEID);
    uint32_t tg = rb_type_prim(b, RBC_TYPE_GETAL);
    rb_input(b, "a", tw);
    rb_input_ext(b, "b", tw, RBC_OPTIONAL, RBC_NONE, NULL);
    rb_input(b, "c", tw);
    rb_outcome(b, "q", tw, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_outcome(b, "r", tg, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t k1 = rb_const_num(b, 1, 1), k2 = rb_const_num(b, 2, 1), k3 = rb_const_num(b, 3, 1);
    uint32_t ref_a[] = {RBC_REF_INPUT, TA}, ref_b[] = {RBC_REF_INPUT, TB},
             ref_c[] = {RBC_REF_INPUT, TC};
    cr_assert_eq(rb_atom(b, "a", 10, 20, 1, ref_a), 0);
    cr_assert_eq(rb_atom(b, "b", 10, 26, 1, ref_b), 1);
    cr_assert_eq(rb_atom(b, "c", 11, 20, 1, ref_c), 2);
    cr_assert_eq(rb_atom(b, "niet a", 11, 25, 1, ref_a), 3);

    rb_rule_begin(b, "Q", 0, RBC_NONE);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);

    uint32_t r = rb_rule_begin(b, "R", 1, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, TA);
    rb_op1(b, OP_NOTE, 0);
    uint32_t j = rb_op1(b, OP_JUMP_IF_FALSE_KEEP, 0);
    rb_op1(b, OP_LOAD_INPUT, TB);
    rb_op1(b, OP_NOTE, 1);
    rb_op(b, OP_AND);
    rb_patch(b, j, 0, rb_here(b));
    conds[0] = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_PUSH_CONST, k1);
    res[0] = rb_op(b, OP_RESULT);
    rb_patch(b, conds[0], 0, rb_op1(b, OP_LOAD_INPUT, TC));
    rb_op1(b, OP_NOTE, 2);
    j = rb_op1(b, OP_JUMP_IF_TRUE_KEEP, 0);
    rb_op1(b, OP_LOAD_INPUT, TA);
    rb_op(b, OP_NOT);
    rb_op1(b, OP_NOTE, 3);
    rb_op(b, OP_OR);
    rb_patch(b, j, 0, rb_here(b));
    conds[1] = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_PUSH_CONST, k2);
    res[1] = rb_op(b, OP_RESULT);
    rb_patch(b, conds[1], 0, rb_op1(b, OP_PUSH_CONST, k3));
    rb_op1(b, OP_LOAD_INPUT, TA);
    uint32_t inner = rb_op2(b, OP_COND, 0, 0); /* a value stays below: not a branch's */
    rb_patch(b, inner, 0, rb_here(b));
    rb_patch(b, inner, 1, rb_here(b));
    res[2] = rb_op(b, OP_RESULT);
    uint32_t lu = rb_op(b, OP_RESULT_UNKNOWN);
    rb_patch(b, conds[0], 1, lu);
    rb_patch(b, conds[1], 1, lu);
    rb_rule_end(b);

    uint32_t n_and[] = {RBC_CN_ATOM, 0, RBC_CN_ATOM, 1, RBC_CN_AND, 0};
    uint32_t n_or[] = {RBC_CN_ATOM, 2, RBC_CN_ATOM, 3, RBC_CN_OR, 0};
    cr_assert_eq(rb_branch(b, r, res[0], "a en b", 3, n_and), 0);
    cr_assert_eq(rb_branch(b, r, res[1], "c of niet a", 3, n_or), 1);
    cr_assert_eq(rb_branch(b, r, res[2], NULL, 0, NULL), 2);
    rb_seg s[] = {{RBC_SEG_TEXT, 0, "r is "}, {RBC_SEG_OUTCOME, 1, NULL}};
    rb_branch_uitleg(b, r, 0, 2, s);
    load(f, b);
}

/* The trace of a rule: run, end, branch, own value (a getal; -1 none; -2 unchecked). */
static void expect_rule(struct fixture *f, uint32_t rule, uint8_t run_, uint8_t end, uint32_t br,
                        int64_t value)
{
    const ev_rule_trace *t = &f->ev->rule_trace[rule];
    cr_assert_eq(t->run, run_, "regel %u: run %u, verwacht %u", rule, t->run, run_);
    cr_assert_eq(t->end, end, "regel %u: end %u, verwacht %u", rule, t->end, end);
    cr_assert_eq(t->branch, br, "regel %u: tak %u, verwacht %u", rule, t->branch, br);
    if (value >= 0) {
        cr_assert_eq(t->value.tag, RV_GETAL);
        cr_assert(num_eq(t->value.u.q, num_int(value)), "eigen waarde");
    } else if (value == -1) {
        cr_assert_eq(t->value.tag, RV_ONBEKEND, "geen eigen waarde");
    } /* -2: not a getal, checked by the caller */
}

static void expect_atoms(struct fixture *f, uint8_t a0, uint8_t a1, uint8_t a2, uint8_t a3)
{
    const uint8_t *v = f->ev->atom_value;
    cr_assert(v[0] == a0 && v[1] == a1 && v[2] == a2 && v[3] == a3,
              "atomen %u %u %u %u, verwacht %u %u %u %u", v[0], v[1], v[2], v[3], a0, a1, a2, a3);
}

/* branch_cond of R's branches (global 1, 2, 3) */
static void expect_bconds(struct fixture *f, uint8_t b0, uint8_t b1, uint8_t b2)
{
    const uint8_t *v = f->ev->branch_cond;
    cr_assert_eq(v[0], 0, "Q heeft geen voorwaarde");
    cr_assert(v[1] == b0 && v[2] == b1 && v[3] == b2, "takken %u %u %u, verwacht %u %u %u", v[1],
              v[2], v[3], b0, b1, b2);
}

static rt_value v_geen(void)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_GEEN;
    return v;
}

Test(trace, tables_loaded)
{
    struct fixture f;
    uint32_t res[3], conds[2];
    build_trace(&f, res, conds);
    const regel_policy *p = f.p;
    cr_assert_eq(p->n_atoms, 4);
    cr_assert_str_eq(p->atoms[3].text, "niet a");
    cr_assert_eq(p->atoms[3].line, 11);
    cr_assert_eq(p->atoms[3].col, 25);
    cr_assert_eq(p->atoms[3].n_refs, 1);
    cr_assert_eq(p->atoms[3].refs[0].kind, RBC_REF_INPUT);
    cr_assert_eq(p->atoms[3].refs[0].index, TA);
    cr_assert_eq(p->n_branches_total, 4);
    cr_assert_eq(p->rules[0].n_branches, 1);
    cr_assert_eq(p->rules[0].first_branch, 0);
    cr_assert_null(p->rules[0].branches[0].cond_text);
    const rt_rule *r = &p->rules[1];
    cr_assert_eq(r->first_branch, 1);
    cr_assert_eq(r->n_branches, 3);
    cr_assert_eq(r->uitleg.n, 0);
    cr_assert_eq(r->branches[0].result_off, res[0]);
    cr_assert_eq(r->branches[2].result_off, res[2]);
    cr_assert_str_eq(r->branches[1].cond_text, "c of niet a");
    cr_assert_eq(r->branches[1].n_nodes, 3);
    cr_assert_eq(r->branches[1].nodes[1].kind, RBC_CN_ATOM);
    cr_assert_eq(r->branches[1].nodes[1].arg, 3);
    cr_assert_eq(r->branches[1].nodes[2].kind, RBC_CN_OR);
    cr_assert_null(r->branches[2].cond_text);
    cr_assert_eq(r->branches[2].n_nodes, 0);
    cr_assert_eq(r->branches[0].uitleg.n, 2);
    cr_assert_eq(r->branches[0].uitleg.segs[0].kind, RBC_SEG_TEXT);
    cr_assert_str_eq(r->branches[0].uitleg.segs[0].text, "r is ");
    cr_assert_eq(r->branches[0].uitleg.segs[1].kind, RBC_SEG_OUTCOME);
    cr_assert_eq(r->branches[0].uitleg.segs[1].index, 1);
    cr_assert_null(r->branches[0].uitleg.segs[1].text);
    cr_assert_eq(r->branches[1].uitleg.n, 0);
    unload(&f);
}

Test(trace, first_branch_taken)
{
    struct fixture f;
    uint32_t res[3], conds[2];
    build_trace(&f, res, conds);
    f.facts[TA] = vb(W);
    f.facts[TB] = vb(W);
    f.facts[TC] = vb(W);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    expect_rule(&f, 0, EV_RULE_RAN, EV_END_RESULT, 0, -2);
    cr_assert_eq(f.ev->rule_trace[0].value.tag, RV_WAARHEID);
    expect_rule(&f, 1, EV_RULE_RAN, EV_END_RESULT, 0, 1);
    expect_bconds(&f, EV_COND_WAAR, 0, 0);
    expect_atoms(&f, EV_COND_WAAR, EV_COND_WAAR, 0, 0);
    unload(&f);
}

Test(trace, short_circuit_and_second_branch)
{
    struct fixture f;
    uint32_t res[3], conds[2];
    build_trace(&f, res, conds);
    /* a onwaar: `a en b` stops at a (b not evaluated), `c of …` stops at c */
    f.facts[TA] = vb(O);
    f.facts[TB] = vb(W);
    f.facts[TC] = vb(W);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    expect_rule(&f, 1, EV_RULE_RAN, EV_END_RESULT, 1, 2);
    expect_bconds(&f, EV_COND_ONWAAR, EV_COND_WAAR, 0);
    expect_atoms(&f, EV_COND_ONWAAR, 0, EV_COND_WAAR, 0);
    /* c onwaar too: `niet a` is evaluated and decides */
    f.facts[TC] = vb(O);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    expect_rule(&f, 1, EV_RULE_RAN, EV_END_RESULT, 1, 2);
    expect_bconds(&f, EV_COND_ONWAAR, EV_COND_WAAR, 0);
    expect_atoms(&f, EV_COND_ONWAAR, 0, EV_COND_ONWAAR, EV_COND_WAAR);
    unload(&f);
}

Test(trace, anders_branch_and_geen_atom)
{
    struct fixture f;
    uint32_t res[3], conds[2];
    build_trace(&f, res, conds);
    /* b is geen (optional): the atom counts as onwaar; both conditions fail,
     * the anders branch gives 3; its inner COND (a value below) is not a
     * branch condition, so branch 3 stays "not evaluated" */
    f.facts[TA] = vb(W);
    f.facts[TB] = v_geen();
    f.facts[TC] = vb(O);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->values[1].tag, RV_GETAL);
    cr_assert(num_eq(f.ev->values[1].u.q, num_int(3)));
    expect_rule(&f, 1, EV_RULE_RAN, EV_END_RESULT, 2, 3);
    expect_bconds(&f, EV_COND_ONWAAR, EV_COND_ONWAAR, 0);
    expect_atoms(&f, EV_COND_WAAR, EV_COND_ONWAAR, EV_COND_ONWAAR, EV_COND_ONWAAR);
    unload(&f);
}

Test(trace, onbekend_condition)
{
    struct fixture f;
    uint32_t res[3], conds[2];
    build_trace(&f, res, conds);
    /* a waar, b onbekend: the first condition is onbekend, the rule waits on branch 0 */
    f.facts[TA] = vb(W);
    f.facts[TB] = vb(U);
    f.facts[TC] = vb(W);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->status[1], EV_UNKNOWN);
    expect_rule(&f, 1, EV_RULE_RAN, EV_END_UNKNOWN, 0, -1);
    expect_bconds(&f, EV_COND_ONBEKEND, 0, 0);
    expect_atoms(&f, EV_COND_WAAR, EV_COND_ONBEKEND, 0, 0);
    /* a onwaar, c onbekend: `c of niet a` is waar (niet a decides): branch 1 */
    f.facts[TA] = vb(O);
    f.facts[TC] = vb(U);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    expect_rule(&f, 1, EV_RULE_RAN, EV_END_RESULT, 1, 2);
    expect_bconds(&f, EV_COND_ONWAAR, EV_COND_WAAR, 0);
    expect_atoms(&f, EV_COND_ONWAAR, 0, EV_COND_ONBEKEND, EV_COND_WAAR);
    /* a onbekend: the first condition is onbekend at once (b never read) */
    f.facts[TA] = vb(U);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    expect_rule(&f, 1, EV_RULE_RAN, EV_END_UNKNOWN, 0, -1);
    expect_atoms(&f, EV_COND_ONBEKEND, EV_COND_ONBEKEND, 0, 0);
    unload(&f);
}

Test(trace, nothing_written_without_explain)
{
    struct fixture f;
    uint32_t res[3], conds[2];
    build_trace(&f, res, conds);
    f.facts[TA] = vb(W);
    f.facts[TB] = vb(U);
    f.facts[TC] = vb(O);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    const regel_policy *p = f.p;
    /* poison everything the trace holds, then evaluate without explaining */
    size_t nr = p->n_rules * sizeof *f.ev->rule_trace;
    uint8_t *want_r = malloc(nr), want_b[4], want_a[4];
    cr_assert_not_null(want_r);
    memset(f.ev->rule_trace, 0xA5, nr);
    memset(f.ev->branch_cond, 0x5A, p->n_branches_total);
    memset(f.ev->atom_value, 0x3C, p->n_atoms);
    memcpy(want_r, f.ev->rule_trace, nr);
    memcpy(want_b, f.ev->branch_cond, 4);
    memcpy(want_a, f.ev->atom_value, 4);
    for (int flags = 0; flags <= (int)REGEL_COVERAGE; flags += (int)REGEL_COVERAGE) {
        for (int x = 0; x < 3; x++) {
            f.facts[TA] = vb(x);
            f.facts[TB] = vb((x + 1) % 3);
            f.facts[TC] = vb((x + 2) % 3);
            cr_assert_eq(run(&f, (unsigned)flags), REGEL_OK, "%s", f.err.message);
            cr_assert(!f.ev->explained);
            cr_assert(memcmp(f.ev->rule_trace, want_r, nr) == 0, "rule_trace beschreven");
            cr_assert(memcmp(f.ev->branch_cond, want_b, 4) == 0, "branch_cond beschreven");
            cr_assert(memcmp(f.ev->atom_value, want_a, 4) == 0, "atom_value beschreven");
        }
    }
    /* the next explained evaluation resets it all */
    f.facts[TA] = vb(W);
    f.facts[TB] = vb(W);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    expect_rule(&f, 1, EV_RULE_RAN, EV_END_RESULT, 0, 1);
    expect_bconds(&f, EV_COND_WAAR, 0, 0);
    expect_atoms(&f, EV_COND_WAAR, EV_COND_WAAR, 0, 0);
    free(want_r);
    unload(&f);
}

/* Basis: getal r is 10 indien a (atom 0); exception E (RULES 1): r is 20
 * indien b (atom 1); with div_zero, Basis's value is 10 / 0 instead. */
static void build_set_aside(struct fixture *f, bool div_zero)
{
    rbc_builder *b = rb_new();
    uint32_t tw = rb_type_prim(b, RBC_TYPE_WAARHEID);
    uint32_t tg = rb_type_prim(b, RBC_TYPE_GETAL);
    rb_input(b, "a", tw);
    rb_input(b, "b", tw);
    rb_outcome(b, "r", tg, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t k10 = rb_const_num(b, 10, 1), k20 = rb_const_num(b, 20, 1), k0 = rb_const_num(b, 0, 1);
    uint32_t ra[] = {RBC_REF_INPUT, 0}, rbb[] = {RBC_REF_INPUT, 1};
    rb_atom(b, "a", 1, 1, 1, ra);
    rb_atom(b, "b", 2, 1, 1, rbb);
    for (uint32_t k = 0; k < 2; k++) {
        uint32_t r = rb_rule_begin(b, k ? "E" : "Basis", 0, k ? 0 : RBC_NONE);
        rb_op1(b, OP_LOAD_INPUT, k);
        rb_op1(b, OP_NOTE, k);
        uint32_t c = rb_op2(b, OP_COND, 0, 0);
        rb_op1(b, OP_PUSH_CONST, k ? k20 : k10);
        if (!k && div_zero) {
            rb_op1(b, OP_PUSH_CONST, k0);
            rb_op(b, OP_DIV);
        }
        uint32_t res = rb_op(b, OP_RESULT);
        rb_patch(b, c, 0, rb_op(b, OP_NOT_APPLIED));
        rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
        rb_rule_end(b);
        uint32_t nodes[] = {RBC_CN_ATOM, k};
        rb_branch(b, r, res, k ? "b" : "a", 1, nodes);
    }
    load(f, b);
}

Test(trace, exception_applied_sets_aside_own_value)
{
    struct fixture f;
    build_set_aside(&f, false);
    f.facts[0] = vb(W);
    f.facts[1] = vb(W);
    cr_assert_eq(run(&f, REGEL_EXPLAIN | REGEL_COVERAGE), REGEL_OK, "%s", f.err.message);
    cr_assert(num_eq(f.ev->values[0].u.q, num_int(20)));
    cr_assert_eq(f.ev->decided_by[0], 1, "the exception decides");
    expect_rule(&f, 1, EV_RULE_RAN, EV_END_RESULT, 0, 20);
    /* the rule it set aside ran for the trace alone: its own value 10 */
    expect_rule(&f, 0, EV_RULE_RAN, EV_END_RESULT, 0, 10);
    cr_assert_eq(f.ev->branch_cond[0], EV_COND_WAAR);
    cr_assert_eq(f.ev->branch_cond[1], EV_COND_WAAR);
    cr_assert_eq(f.ev->atom_value[0], EV_COND_WAAR);
    cr_assert_eq(f.ev->atom_value[1], EV_COND_WAAR);
    /* ... but changed nothing else: not a fact of r, no coverage of its COND */
    cr_assert_eq(ev_list_has(&f.ev->reads_input[0], 0), 0, "a is niet gelezen voor r");
    cr_assert_eq(ev_list_has(&f.ev->reads_input[0], 1), 1);
    cr_assert_eq(f.p->n_conds, 2);
    cr_assert_eq(f.ev->cond_seen[0], 0, "Basis ran for the trace only");
    cr_assert_eq(f.ev->cond_seen[1], EV_COND_WAAR);
    /* Basis would not apply itself: it ran and gave nothing */
    f.facts[0] = vb(O);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    expect_rule(&f, 0, EV_RULE_RAN, EV_END_NOT_APPLIED, RBC_NONE, -1);
    cr_assert_eq(f.ev->branch_cond[0], EV_COND_ONWAAR);
    /* the exception does not apply: Basis decides the normal way */
    f.facts[0] = vb(W);
    f.facts[1] = vb(O);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->decided_by[0], 0);
    expect_rule(&f, 0, EV_RULE_RAN, EV_END_RESULT, 0, 10);
    expect_rule(&f, 1, EV_RULE_RAN, EV_END_NOT_APPLIED, RBC_NONE, -1);
    cr_assert_eq(ev_list_has(&f.ev->reads_input[0], 0), 1);
    /* the exception onbekend: r is onbekend; Basis still ran for the trace */
    f.facts[1] = vb(U);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->status[0], EV_UNKNOWN);
    expect_rule(&f, 1, EV_RULE_RAN, EV_END_UNKNOWN, 0, -1);
    expect_rule(&f, 0, EV_RULE_RAN, EV_END_RESULT, 0, 10);
    cr_assert_eq(f.ev->missing[1], 1);
    cr_assert_eq(f.ev->missing[0], 0, "a is not a cause");
    unload(&f);
}

Test(trace, set_aside_rule_error_is_not_an_error)
{
    struct fixture f;
    build_set_aside(&f, true);
    f.facts[0] = vb(W);
    f.facts[1] = vb(W);
    /* Basis would divide by zero, but the exception decides: no error, with
     * or without explaining; the trace says Basis did not run */
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert(num_eq(f.ev->values[0].u.q, num_int(20)));
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    cr_assert(num_eq(f.ev->values[0].u.q, num_int(20)));
    expect_rule(&f, 0, EV_RULE_NOT_RUN, EV_END_NOT_APPLIED, RBC_NONE, -1);
    expect_rule(&f, 1, EV_RULE_RAN, EV_END_RESULT, 0, 20);
    cr_assert_eq(f.ev->branch_cond[0], 0, "what the failed run noted is dropped");
    cr_assert_eq(f.ev->atom_value[0], 0);
    cr_assert_eq(f.ev->branch_cond[1], EV_COND_WAAR);
    cr_assert_eq(f.ev->atom_value[1], EV_COND_WAAR);
    /* without the exception the error is the policy's */
    f.facts[1] = vb(O);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_ERR_EVAL);
    cr_assert(strstr(f.err.message, "deling door nul in regel ‘Basis’") != NULL, "%s",
              f.err.message);
    unload(&f);
}

Test(trace, validity_out_of_force_and_peildatum_onbekend)
{
    struct fixture f;
    rbc_builder *b = rb_new();
    uint32_t tg = rb_type_prim(b, RBC_TYPE_GETAL);
    uint32_t td = rb_type_prim(b, RBC_TYPE_DATUM);
    rb_input(b, "peildatum", td);
    rb_peildatum(b, 0);
    rb_outcome(b, "r", tg, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t c0 = rb_const_num(b, 0, 1), c1 = rb_const_num(b, 1, 1);
    uint32_t d = (uint32_t)ymd(2022, 3, 1);
    uint32_t r0 = rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_rule_validity(b, r0, RBC_NONE, d);
    rb_op1(b, OP_PUSH_CONST, c0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    uint32_t r1 = rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_rule_validity(b, r1, d, RBC_NONE);
    rb_op1(b, OP_PUSH_CONST, c1);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    load(&f, b);
    f.facts[0] = vd(2022, 2, 28);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    expect_rule(&f, 0, EV_RULE_RAN, EV_END_RESULT, 0, 0);
    expect_rule(&f, 1, EV_RULE_OUT_OF_FORCE, EV_END_NOT_APPLIED, RBC_NONE, -1);
    f.facts[0] = vd(2022, 3, 1);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    expect_rule(&f, 0, EV_RULE_OUT_OF_FORCE, EV_END_NOT_APPLIED, RBC_NONE, -1);
    expect_rule(&f, 1, EV_RULE_RAN, EV_END_RESULT, 0, 1);
    f.facts[0] = vb(U);
    cr_assert_eq(run(&f, REGEL_EXPLAIN), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->status[0], EV_UNKNOWN);
    expect_rule(&f, 0, EV_RULE_DATE_UNKNOWN, EV_END_NOT_APPLIED, RBC_NONE, -1);
    expect_rule(&f, 1, EV_RULE_DATE_UNKNOWN, EV_END_NOT_APPLIED, RBC_NONE, -1);
    /* not explaining: the trace keeps what the last explained run wrote */
    f.facts[0] = vd(2022, 2, 28);
    cr_assert_eq(run(&f, 0), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(f.ev->rule_trace[0].run, EV_RULE_DATE_UNKNOWN);
    unload(&f);
}
