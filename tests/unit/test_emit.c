/* test_emit.c — unit tests of the emitter (compiler/emit.c, spec §5): the
 * exact bytes of a tiny policy, instruction sequences for en/of/is een van
 * and rule branches, LINES, table order, string deduplication and
 * determinism. Compiles real source through regel_compile_to_bytecode. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytecode.h"
#include "num.h"
#include "regel.h"

typedef struct rbc {
    uint8_t *bytes;
    size_t len;
} rbc;

static rbc compile(const char *src)
{
    rbc r = {NULL, 0};
    char *diags = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc =
        regel_compile_to_bytecode(src, strlen(src), "map/t.regel", &r.bytes, &r.len, &diags, &err);
    cr_assert_eq(rc, REGEL_OK, "vertalen mislukt: %s\n%s", err.message, diags ? diags : "");
    free(diags);
    return r;
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Payload of section id. */
static const uint8_t *section(const rbc *r, uint32_t id, uint32_t *size)
{
    for (uint32_t i = 0; i < RBC_SECTION_COUNT; i++) {
        const uint8_t *d = r->bytes + RBC_HEADER_SIZE + i * RBC_DIR_ENTRY_SIZE;
        if (rd32(d) == id) {
            *size = rd32(d + 8);
            cr_assert_leq((size_t)rd32(d + 4) + *size, r->len);
            return r->bytes + rd32(d + 4);
        }
    }
    cr_assert_fail("sectie %u ontbreekt", id);
    return NULL;
}

/* Expected bytes, built with the opcode names (never their numbers). */
typedef struct exp_buf {
    uint8_t b[512];
    size_t n;
} exp_buf;

static void x8(exp_buf *e, unsigned v)
{
    e->b[e->n++] = (uint8_t)v;
}

static void x32(exp_buf *e, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        x8(e, (v >> (8 * i)) & 0xFF);
}

static void xstr(exp_buf *e, const char *s)
{
    x32(e, (uint32_t)strlen(s));
    for (; *s; s++)
        x8(e, (unsigned char)*s);
}

static void assert_section(const rbc *r, uint32_t id, const exp_buf *want)
{
    uint32_t size;
    const uint8_t *p = section(r, id, &size);
    cr_assert_eq(size, want->n, "sectie %u: %u bytes, verwacht %zu", id, size, want->n);
    for (size_t i = 0; i < want->n; i++)
        cr_assert_eq(p[i], want->b[i], "sectie %u, byte %zu: %u, verwacht %u", id, i, p[i],
                     want->b[i]);
}

Test(emit, tiny_policy_exact_bytes)
{
    rbc r = compile("beleid \"T\".\nuitkomst u: waarheid.\nregel \"R\" u is waar.\n");
    /* header */
    cr_assert_eq(memcmp(r.bytes, "RGBC", 4), 0);
    cr_assert_eq(r.bytes[4] | r.bytes[5] << 8, RBC_VERSION_MAJOR);
    cr_assert_eq(r.bytes[6] | r.bytes[7] << 8, RBC_VERSION_MINOR);
    cr_assert_eq(rd32(r.bytes + 8), RBC_SECTION_COUNT);
    cr_assert_eq(rd32(r.bytes + 12), r.len);
    /* directory: ids ascending, payloads back to back after it */
    uint32_t off = RBC_HEADER_SIZE + RBC_SECTION_COUNT * RBC_DIR_ENTRY_SIZE;
    for (uint32_t i = 0; i < RBC_SECTION_COUNT; i++) {
        const uint8_t *d = r.bytes + RBC_HEADER_SIZE + i * RBC_DIR_ENTRY_SIZE;
        cr_assert_eq(rd32(d), i + 1);
        cr_assert_eq(rd32(d + 4), off);
        off += rd32(d + 8);
    }
    cr_assert_eq(off, r.len);

    exp_buf e = {{0}, 0};
    x32(&e, 4); /* strings in first-use order: meta, outcomes, rules */
    xstr(&e, "T");
    xstr(&e, "t.regel");
    xstr(&e, "u");
    xstr(&e, "R");
    assert_section(&r, RBC_SEC_STRINGS, &e);

    e.n = 0;
    x32(&e, 0);
    x32(&e, RBC_NONE);
    x32(&e, 1);
    x32(&e, RBC_NONE); /* no peildatum */
    assert_section(&r, RBC_SEC_META, &e);

    e.n = 0;
    x32(&e, 3);
    x8(&e, RBC_TYPE_WAARHEID);
    x8(&e, RBC_TYPE_GETAL);
    x8(&e, RBC_TYPE_TEKST);
    assert_section(&r, RBC_SEC_TYPES, &e);

    e.n = 0;
    x32(&e, 0);
    assert_section(&r, RBC_SEC_CONSTS, &e);
    assert_section(&r, RBC_SEC_INPUTS, &e);

    e.n = 0;
    x32(&e, 1);
    x32(&e, 2);
    x32(&e, 0);
    x32(&e, RBC_OUTCOME_OUTPUT);
    x32(&e, 0);
    assert_section(&r, RBC_SEC_OUTCOMES, &e);

    e.n = 0;
    x32(&e, 1);
    x32(&e, 3);        /* name */
    x32(&e, RBC_NONE); /* bron */
    x32(&e, RBC_NONE); /* citaat */
    x32(&e, 0);        /* outcome */
    x32(&e, RBC_NONE); /* parent */
    x32(&e, 3);        /* line */
    x32(&e, 1);        /* column */
    x32(&e, 0);        /* code offset */
    x32(&e, 2);        /* code length */
    x32(&e, RBC_NONE); /* geldig vanaf */
    x32(&e, RBC_NONE); /* geldig tot */
    assert_section(&r, RBC_SEC_RULES, &e);

    e.n = 0;
    x32(&e, 0);
    assert_section(&r, RBC_SEC_PARAMS, &e);

    e.n = 0;
    x8(&e, OP_PUSH_TRUE);
    x8(&e, OP_RESULT);
    assert_section(&r, RBC_SEC_CODE, &e);

    e.n = 0;
    x32(&e, 1);
    x32(&e, 0);
    x32(&e, 3);
    x32(&e, 1);
    assert_section(&r, RBC_SEC_LINES, &e);

    /* issue 8: EXTERNS is always there, empty without `extern functie` */
    e.n = 0;
    x32(&e, 0);
    assert_section(&r, RBC_SEC_EXTERNS, &e);
    free(r.bytes);
}

#define TWO_FACTS "invoer a: waarheid, b: waarheid.\nuitkomst u: waarheid.\n"

Test(emit, en_short_circuits)
{
    rbc r = compile(TWO_FACTS "regel \"R\" u is a en b.\n");
    exp_buf e = {{0}, 0};
    x8(&e, OP_LOAD_INPUT);
    x32(&e, 0);
    x8(&e, OP_JUMP_IF_FALSE_KEEP);
    x32(&e, 16);
    x8(&e, OP_LOAD_INPUT);
    x32(&e, 1);
    x8(&e, OP_AND);
    x8(&e, OP_RESULT); /* offset 16 */
    assert_section(&r, RBC_SEC_CODE, &e);
    free(r.bytes);
}

Test(emit, of_short_circuits)
{
    rbc r = compile(TWO_FACTS "regel \"R\" u is a of niet b.\n");
    exp_buf e = {{0}, 0};
    x8(&e, OP_LOAD_INPUT);
    x32(&e, 0);
    x8(&e, OP_JUMP_IF_TRUE_KEEP);
    x32(&e, 17);
    x8(&e, OP_LOAD_INPUT);
    x32(&e, 1);
    x8(&e, OP_NOT);
    x8(&e, OP_OR);
    x8(&e, OP_RESULT); /* offset 17 */
    assert_section(&r, RBC_SEC_CODE, &e);
    free(r.bytes);
}

Test(emit, een_van_is_an_of_chain)
{
    rbc r = compile("soort S is een van x, y, z.\ninvoer s: S.\nuitkomst u: waarheid.\n"
                    "regel \"R\" u is s is niet een van x, y, z.\n");
    exp_buf e = {{0}, 0};
    /* item 1 */
    x8(&e, OP_LOAD_INPUT); /* 0 */
    x32(&e, 0);
    x8(&e, OP_PUSH_ENUM); /* 5 */
    x32(&e, 3);
    x32(&e, 0);
    x8(&e, OP_EQ);                /* 14 */
    x8(&e, OP_JUMP_IF_TRUE_KEEP); /* 15 */
    x32(&e, 36);
    x8(&e, OP_LOAD_INPUT); /* 20 */
    x32(&e, 0);
    x8(&e, OP_PUSH_ENUM); /* 25 */
    x32(&e, 3);
    x32(&e, 1);
    x8(&e, OP_EQ);                /* 34 */
    x8(&e, OP_OR);                /* 35 */
    x8(&e, OP_JUMP_IF_TRUE_KEEP); /* 36 */
    x32(&e, 57);
    x8(&e, OP_LOAD_INPUT); /* 41 */
    x32(&e, 0);
    x8(&e, OP_PUSH_ENUM); /* 46 */
    x32(&e, 3);
    x32(&e, 2);
    x8(&e, OP_EQ);  /* 55 */
    x8(&e, OP_OR);  /* 56 */
    x8(&e, OP_NOT); /* 57 */
    x8(&e, OP_RESULT);
    assert_section(&r, RBC_SEC_CODE, &e);
    free(r.bytes);
}

Test(emit, branches_with_final_anders)
{
    rbc r = compile("invoer a: waarheid, b: waarheid.\nuitkomst u: getal.\n"
                    "regel \"R\" u is 1 indien a, anders 2 indien b, anders 3.\n");
    exp_buf e = {{0}, 0};
    x8(&e, OP_LOAD_INPUT); /* 0 */
    x32(&e, 0);
    x8(&e, OP_NOTE); /* 5: atom 0 (v0.5) */
    x32(&e, 0);
    x8(&e, OP_COND); /* 10 */
    x32(&e, 25);
    x32(&e, 56);
    x8(&e, OP_PUSH_CONST); /* 19 */
    x32(&e, 0);
    x8(&e, OP_RESULT);     /* 24 */
    x8(&e, OP_LOAD_INPUT); /* 25 */
    x32(&e, 1);
    x8(&e, OP_NOTE); /* 30: atom 1 */
    x32(&e, 1);
    x8(&e, OP_COND); /* 35 */
    x32(&e, 50);
    x32(&e, 56);
    x8(&e, OP_PUSH_CONST); /* 44 */
    x32(&e, 1);
    x8(&e, OP_RESULT);     /* 49 */
    x8(&e, OP_PUSH_CONST); /* 50 */
    x32(&e, 2);
    x8(&e, OP_RESULT);         /* 55 */
    x8(&e, OP_RESULT_UNKNOWN); /* 56 */
    assert_section(&r, RBC_SEC_CODE, &e);

    /* constants 1, 2, 3 as getal */
    e.n = 0;
    x32(&e, 3);
    for (int i = 1; i <= 3; i++) {
        x8(&e, RBC_CONST_GETAL);
        x32(&e, (uint32_t)i);
        x32(&e, 0);
        x32(&e, 1);
        x32(&e, 0);
    }
    assert_section(&r, RBC_SEC_CONSTS, &e);
    free(r.bytes);
}

Test(emit, branches_without_anders_do_not_apply)
{
    rbc r = compile(TWO_FACTS "regel \"R\" u is waar indien a.\n");
    exp_buf e = {{0}, 0};
    x8(&e, OP_LOAD_INPUT); /* 0 */
    x32(&e, 0);
    x8(&e, OP_NOTE); /* 5: atom 0 (v0.5) */
    x32(&e, 0);
    x8(&e, OP_COND); /* 10 */
    x32(&e, 21);
    x32(&e, 22);
    x8(&e, OP_PUSH_TRUE);      /* 19 */
    x8(&e, OP_RESULT);         /* 20 */
    x8(&e, OP_NOT_APPLIED);    /* 21 */
    x8(&e, OP_RESULT_UNKNOWN); /* 22 */
    assert_section(&r, RBC_SEC_CODE, &e);
    free(r.bytes);
}

Test(emit, lines_for_rules_and_arithmetic)
{
    rbc r = compile("invoer a: getal, b: getal.\nuitkomst u: getal.\n"
                    "regel \"R\"\n  u is a +\n b.\nregel \"S\" u is -a indien a > 1.\n");
    exp_buf e = {{0}, 0};
    x32(&e, 5);
    x32(&e, 0); /* block R */
    x32(&e, 3);
    x32(&e, 1);
    x32(&e, 10); /* ADD after two LOAD_INPUTs, at the ‘+’ */
    x32(&e, 4);
    x32(&e, 10);
    x32(&e, 12); /* block S */
    x32(&e, 6);
    x32(&e, 1);
    /* v0.4: the COND after LOAD_INPUT, PUSH_CONST, GT (v0.5: NOTE), at the
     * start of the condition (`a`, not the operator) */
    x32(&e, 12 + 5 + 5 + 1 + 5);
    x32(&e, 6);
    x32(&e, 26);
    /* S: LOAD_INPUT, PUSH_CONST, GT, NOTE, COND (9), LOAD_INPUT, NEG */
    x32(&e, 12 + 5 + 5 + 1 + 5 + 9 + 5);
    x32(&e, 6);
    x32(&e, 16); /* the unary minus */
    assert_section(&r, RBC_SEC_LINES, &e);
    free(r.bytes);
}

Test(emit, outcomes_in_evaluation_order_with_display_index)
{
    rbc r = compile("uitkomst a: waarheid.\nbegrip b: waarheid.\n"
                    "regel \"A\" a is b.\nregel \"B\" b is waar.\n");
    uint32_t size;
    const uint8_t *p = section(&r, RBC_SEC_OUTCOMES, &size);
    cr_assert_eq(rd32(p), 2);
    /* b first (flags 0, display 1), then a (output, display 0) */
    cr_assert_eq(rd32(p + 4 + 8), 0);
    cr_assert_eq(rd32(p + 4 + 12), 1);
    cr_assert_eq(rd32(p + 20 + 8), RBC_OUTCOME_OUTPUT);
    cr_assert_eq(rd32(p + 20 + 12), 0);
    /* rule A loads outcome index 0 (b) */
    const uint8_t *code = section(&r, RBC_SEC_CODE, &size);
    cr_assert_eq(code[0], OP_LOAD_OUTCOME);
    cr_assert_eq(rd32(code + 1), 0);
    /* RULES: rule A concludes outcome 1, rule B outcome 0 */
    const uint8_t *rules = section(&r, RBC_SEC_RULES, &size);
    cr_assert_eq(rd32(rules + 4 + 12), 1);
    cr_assert_eq(rd32(rules + 4 + 4 * RBC_RULE_FIELDS + 12), 0);
    free(r.bytes);
}

Test(emit, exceptions_after_parents_with_parent_index)
{
    rbc r = compile("invoer w: waarheid.\nuitkomst a: getal.\n"
                    "uitzondering \"E\" op \"R\" a is 2 indien w.\nregel \"R\" a is 1.\n");
    uint32_t size;
    const uint8_t *rules = section(&r, RBC_SEC_RULES, &size);
    cr_assert_eq(rd32(rules), 2);
    cr_assert_eq(rd32(rules + 4 + 16), RBC_NONE, "R eerst, zonder ouder");
    cr_assert_eq(rd32(rules + 4 + 4 * RBC_RULE_FIELDS + 16), 0,
                 "E daarna, uitzondering op regel 0");
    free(r.bytes);
}

Test(emit, string_pool_has_no_duplicates)
{
    rbc r = compile("beleid \"x\".\nbron \"Wet\".\nsoort S is een van x, y.\n"
                    "gegeven G heeft x: S.\ninvoer g: G, t: tekst.\nuitkomst u: S.\n"
                    "regel \"x\" bron \"Wet\" u is g.x indien g.x is x en t is \"x\","
                    " anders y.\n");
    uint32_t size;
    const uint8_t *p = section(&r, RBC_SEC_STRINGS, &size);
    uint32_t n = rd32(p);
    /* distinct: x, Wet, t.regel, S, y, G, g, t, u → 9, and (v0.5) the
     * texts of the two atoms and of the condition → 12 */
    cr_assert_eq(n, 12, "%u strings", n);
    const uint8_t *q = p + 4;
    const uint8_t *start[16];
    uint32_t lens[16];
    for (uint32_t i = 0; i < n; i++) {
        lens[i] = rd32(q);
        start[i] = q + 4;
        q += 4 + lens[i];
        for (uint32_t j = 0; j < i; j++)
            cr_assert(lens[i] != lens[j] || memcmp(start[i], start[j], lens[i]) != 0,
                      "string %u en %u zijn gelijk", i, j);
    }
    cr_assert_eq((size_t)(q - p), size);
    /* the tekst constant "x" refers to the same string as the name "x" */
    const uint8_t *c = section(&r, RBC_SEC_CONSTS, &size);
    cr_assert_eq(rd32(c), 1);
    cr_assert_eq(c[4], RBC_CONST_TEKST);
    cr_assert_eq(rd32(c + 5), 0);
    free(r.bytes);
}

Test(emit, deterministic_output)
{
    const char *src = "beleid \"D\".\nsoort S is een van a, b.\ninvoer s: S, n: getal.\n"
                      "uitkomst u: getal, v: waarheid.\nbegrip k: getal.\n"
                      "regel \"K\" k is n * 2 / 3.\nregel \"U\" u is k - 1 indien v.\n"
                      "regel \"V\" v is s is een van a, b.\n";
    rbc r1 = compile(src), r2 = compile(src);
    cr_assert_eq(r1.len, r2.len);
    cr_assert_eq(memcmp(r1.bytes, r2.bytes, r1.len), 0);
    free(r1.bytes);
    free(r2.bytes);
}

Test(emit, loads_in_the_runtime)
{
    const char *src = "beleid \"L\".\nsoort S is een van a, b.\ngegeven G heeft s: S, n: getal.\n"
                      "invoer g: G, w: waarheid.\nuitkomst u: getal.\nbegrip k: waarheid.\n"
                      "regel \"K\" k is g.s is a of w.\n"
                      "regel \"U\" u is g.n + 1 indien k, anders -1.\n"
                      "uitzondering \"E\" op \"U\" u is 0 indien niet w.\n";
    rbc r = compile(src);
    regel_policy *pol = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_policy_load(r.bytes, r.len, "t.rbc", &pol, &err);
    cr_assert_eq(rc, REGEL_OK, "laden mislukt: %s", err.message);
    regel_policy_free(pol);
    free(r.bytes);
}

Test(emit, compile_errors_give_no_bytes)
{
    uint8_t *bytes = (uint8_t *)"x";
    size_t len = 7;
    char *diags = NULL;
    regel_error err;
    const char *src = "uitkomst u: getal.\nregel \"R\" u is waar.\n";
    int rc = regel_compile_to_bytecode(src, strlen(src), "f.regel", &bytes, &len, &diags, &err);
    cr_assert_eq(rc, REGEL_ERR_COMPILE);
    cr_assert_null(bytes);
    cr_assert_eq(len, 0);
    cr_assert_not_null(diags);
    cr_assert_not_null(strstr(diags, "f.regel:2:"), "%s", diags);
    cr_assert_eq(err.code, REGEL_ERR_COMPILE);
    cr_assert_eq(err.line, 2);
    regel_free(diags);
}

Test(emit, warnings_alone_still_compile)
{
    uint8_t *bytes = NULL;
    size_t len = 0;
    char *diags = NULL;
    regel_error err;
    const char *src = "invoer x: getal.\nuitkomst u: getal.\nregel \"R\" u is 1.\n";
    int rc = regel_compile_to_bytecode(src, strlen(src), "f.regel", &bytes, &len, &diags, &err);
    cr_assert_eq(rc, REGEL_OK);
    cr_assert_not_null(bytes);
    cr_assert_not_null(diags);
    cr_assert_not_null(strstr(diags, "invoer ‘x’ wordt door geen enkele regel gebruikt"));
    regel_free(diags);
    free(bytes);
}

Test(emit, load_file_missing_gives_io_error)
{
    regel_policy *pol = NULL;
    char *diags = NULL;
    regel_error err;
    int rc = regel_policy_load_file("/nonexistent/beleid.regel", &pol, &diags, &err);
    cr_assert_eq(rc, REGEL_ERR_IO);
    cr_assert_null(pol);
    cr_assert_str_eq(err.message,
                     "kan ‘/nonexistent/beleid.regel’ niet lezen: het bestand bestaat niet");
}

/* ------------------------------------------------------------ v0.2 */

/* The instruction that starts at offset `at` must be `op`; returns the
 * offset after it. */
static const uint8_t emit_opnd_test[OP__COUNT] = {
#define OP(name, opnd, pops, pushes, doc) [OP_##name] = (opnd),
#include "opcodes.def"
#undef OP
};

/* The opcodes of CODE, in order (operands skipped), into ops; returns count. */
static size_t code_ops(const rbc *r, uint8_t *ops, size_t cap)
{
    uint32_t size;
    const uint8_t *c = section(r, RBC_SEC_CODE, &size);
    size_t n = 0;
    for (uint32_t at = 0; at < size && n < cap;) {
        cr_assert_lt(c[at], OP__COUNT);
        ops[n++] = c[at];
        at += rbc_instr_size((enum rbc_operands)emit_opnd_test[c[at]]);
    }
    return n;
}

static void assert_ops(const rbc *r, const uint8_t *want, size_t n_want)
{
    uint8_t ops[256];
    size_t n = code_ops(r, ops, 256);
    cr_assert_eq(n, n_want, "%zu instructies, verwacht %zu", n, n_want);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(ops[i], want[i], "instructie %zu: %u, verwacht %u", i, ops[i], want[i]);
}

/* Operand k of the i-th instruction in CODE. */
static uint32_t code_operand(const rbc *r, size_t i, int k)
{
    uint32_t size;
    const uint8_t *c = section(r, RBC_SEC_CODE, &size);
    uint32_t at = 0;
    for (size_t j = 0; j < i; j++)
        at += rbc_instr_size((enum rbc_operands)emit_opnd_test[c[at]]);
    return rd32(c + at + 1 + 4 * k);
}

static uint32_t code_offset(const rbc *r, size_t i)
{
    uint32_t size;
    const uint8_t *c = section(r, RBC_SEC_CODE, &size);
    uint32_t at = 0;
    for (size_t j = 0; j < i; j++)
        at += rbc_instr_size((enum rbc_operands)emit_opnd_test[c[at]]);
    return at;
}

#define LIST_HEAD                                                                                  \
    "gegeven Toets heeft datum: datum, geslaagd: waarheid, cijfer: getal.\n"                       \
    "invoer toetsen: lijst van Toets.\n"

Test(emit, count_with_condition_is_a_loop)
{
    rbc r = compile(LIST_HEAD "uitkomst u: getal.\n"
                              "regel \"R\" u is aantal t in toetsen waarvoor t.geslaagd.\n");
    const uint8_t want[] = {OP_PUSH_CONST, OP_LOAD_INPUT, OP_ITER_BEGIN, OP_ITER_NEXT,
                            OP_LOAD_LOCAL, OP_FIELD,      OP_COND,       OP_PUSH_CONST,
                            OP_ADD,        OP_LOOP,       OP_POP,        OP_PUSH_UNKNOWN,
                            OP_LOOP,       OP_RESULT};
    assert_ops(&r, want, sizeof want);
    /* slot 0; ITER_NEXT ends at RESULT; COND: onwaar → the first LOOP, onbekend → POP */
    cr_assert_eq(code_operand(&r, 2, 0), 0);
    cr_assert_eq(code_operand(&r, 3, 0), 0);
    cr_assert_eq(code_operand(&r, 3, 1), code_offset(&r, 13));
    cr_assert_eq(code_operand(&r, 6, 0), code_offset(&r, 9));
    cr_assert_eq(code_operand(&r, 6, 1), code_offset(&r, 10));
    cr_assert_eq(code_operand(&r, 9, 0), code_offset(&r, 3));
    cr_assert_eq(code_operand(&r, 12, 0), code_offset(&r, 3));
    cr_assert_eq(code_operand(&r, 4, 0), 0);
    cr_assert_eq(code_operand(&r, 11, 0), 1); /* onbekend getal */
    free(r.bytes);
}

Test(emit, nested_loops_use_slots_by_depth)
{
    rbc r = compile(LIST_HEAD "uitkomst u: waarheid.\n"
                              "regel \"R\" u is er is een t in toetsen waarvoor voor alle s in "
                              "toetsen geldt s.cijfer ≤ t.cijfer.\n");
    const uint8_t want[] = {
        OP_PUSH_FALSE, OP_LOAD_INPUT, OP_ITER_BEGIN, OP_ITER_NEXT, OP_PUSH_TRUE,  OP_LOAD_INPUT,
        OP_ITER_BEGIN, OP_ITER_NEXT,  OP_LOAD_LOCAL, OP_FIELD,     OP_LOAD_LOCAL, OP_FIELD,
        OP_LE,         OP_AND,        OP_LOOP,       OP_OR,        OP_LOOP,       OP_RESULT};
    assert_ops(&r, want, sizeof want);
    cr_assert_eq(code_operand(&r, 2, 0), 0);
    cr_assert_eq(code_operand(&r, 6, 0), 1);
    cr_assert_eq(code_operand(&r, 8, 0), 1);  /* s */
    cr_assert_eq(code_operand(&r, 10, 0), 0); /* t */
    free(r.bytes);
}

Test(emit, minimum_with_standaard)
{
    rbc r = compile(LIST_HEAD "uitkomst u: getal.\n"
                              "regel \"R\" u is minimum van t.cijfer voor elke t in toetsen, "
                              "standaard 0.\n");
    const uint8_t want[] = {OP_PUSH_LEEG,        OP_LOAD_INPUT, OP_ITER_BEGIN, OP_ITER_NEXT,
                            OP_LOAD_LOCAL,       OP_FIELD,      OP_ACC_MIN,    OP_LOOP,
                            OP_JUMP_IF_NOT_LEEG, OP_POP,        OP_PUSH_CONST, OP_RESULT};
    assert_ops(&r, want, sizeof want);
    cr_assert_eq(code_operand(&r, 0, 0), 1); /* LEEG getal */
    cr_assert_eq(code_operand(&r, 8, 0), code_offset(&r, 11));
    cr_assert_eq(code_operand(&r, 3, 1), code_offset(&r, 8));
    free(r.bytes);
}

Test(emit, eerste_volgens_drops_the_key)
{
    rbc r = compile("invoer data: lijst van datum.\nuitkomst u: datum.\n"
                    "regel \"R\" u is laatste d in data waarvoor d > 1 januari 2000 volgens d, "
                    "standaard 1 januari 2000.\n");
    const uint8_t want[] = {OP_PUSH_LEEG,    OP_PUSH_LEEG,  OP_LOAD_INPUT, OP_ITER_BEGIN,
                            OP_ITER_NEXT,    OP_LOAD_LOCAL, OP_PUSH_CONST, OP_GT,
                            OP_COND,         OP_LOAD_LOCAL, OP_LOAD_LOCAL, OP_ACC_LAST_BY,
                            OP_LOOP,         OP_POP,        OP_POP,        OP_PUSH_UNKNOWN,
                            OP_PUSH_UNKNOWN, OP_LOOP,       OP_POP,        OP_JUMP_IF_NOT_LEEG,
                            OP_POP,          OP_PUSH_CONST, OP_RESULT};
    assert_ops(&r, want, sizeof want);
    cr_assert_eq(code_operand(&r, 4, 1), code_offset(&r, 18)); /* done → drop the key */
    free(r.bytes);
}

Test(emit, parameter_use_and_params_section)
{
    rbc r = compile("parameter vergoeding: bedrag is 0 euro geldig tot 1 maart 2022, "
                    "is 90 euro geldig vanaf 1 maart 2022.\n"
                    "invoer d: datum.\nuitkomst u: bedrag, v: bedrag.\n"
                    "regel \"U\" u is vergoeding.\n"
                    "regel \"V\" v is vergoeding geldig op d.\n");
    const uint8_t want[] = {OP_LOAD_PARAM, OP_RESULT, OP_LOAD_INPUT, OP_LOAD_PARAM_AT, OP_RESULT};
    assert_ops(&r, want, sizeof want);
    uint32_t size;
    const uint8_t *m = section(&r, RBC_SEC_META, &size);
    cr_assert_eq(size, 16);
    cr_assert_eq(rd32(m + 12), 1); /* peildatum added after d */
    const uint8_t *in = section(&r, RBC_SEC_INPUTS, &size);
    cr_assert_eq(rd32(in), 2);
    const uint8_t *p = section(&r, RBC_SEC_PARAMS, &size);
    cr_assert_eq(size, 4 + 12 + 2 * 12);
    cr_assert_eq(rd32(p), 1);
    cr_assert_eq(rd32(p + 12), 2);        /* versions */
    cr_assert_eq(rd32(p + 16), RBC_NONE); /* first: from unbounded */
    cr_assert_eq(rd32(p + 20), 738214);   /* tot 2022-03-01 (day number) */
    cr_assert_eq(rd32(p + 28), 738214);   /* second: vanaf 2022-03-01 */
    cr_assert_eq(rd32(p + 32), RBC_NONE);
    /* the constants are bedrag 0 and 90 euro */
    const uint8_t *k = section(&r, RBC_SEC_CONSTS, &size);
    uint32_t c0 = rd32(p + 24), c1 = rd32(p + 36);
    cr_assert_eq(rd32(k), 2);
    cr_assert_eq(k[4 + 9 * c0], RBC_CONST_BEDRAG);
    cr_assert_eq(rd32(k + 4 + 9 * c1 + 1), 9000);
    /* LINES has entries for LOAD_PARAM and LOAD_PARAM_AT */
    const uint8_t *l = section(&r, RBC_SEC_LINES, &size);
    cr_assert_eq(rd32(l), 3); /* LOAD_PARAM (at the start of rule U), rule V, LOAD_PARAM_AT */
    free(r.bytes);
}

Test(emit, rounded_amount_product)
{
    rbc r = compile("invoer b: bedrag, f: getal.\nuitkomst u: bedrag.\n"
                    "regel \"R\" u is b × f afgerond rekenkundig op 2 decimalen.\n");
    const uint8_t want[] = {OP_LOAD_INPUT, OP_BEDRAG_TO_GETAL, OP_LOAD_INPUT, OP_MUL,
                            OP_ROUND,      OP_GETAL_TO_BEDRAG, OP_RESULT};
    assert_ops(&r, want, sizeof want);
    cr_assert_eq(code_operand(&r, 4, 0), NUM_ROUND_HALF_UP);
    cr_assert_eq(code_operand(&r, 4, 1), 2);
    free(r.bytes);
}

Test(emit, whole_literal_amount_product_needs_no_rounding)
{
    rbc r = compile("invoer b: bedrag.\nuitkomst u: bedrag.\nregel \"R\" u is b × 2.\n");
    const uint8_t want[] = {OP_LOAD_INPUT, OP_BEDRAG_TO_GETAL, OP_PUSH_CONST,
                            OP_MUL,        OP_GETAL_TO_BEDRAG, OP_RESULT};
    assert_ops(&r, want, sizeof want);
    free(r.bytes);
}

Test(emit, date_literal_plus_duration_is_folded)
{
    rbc r = compile("uitkomst u: datum.\nregel \"R\" u is 31 januari 2023 + 1 maand.\n");
    const uint8_t want[] = {OP_PUSH_CONST, OP_RESULT};
    assert_ops(&r, want, sizeof want);
    uint32_t size;
    const uint8_t *k = section(&r, RBC_SEC_CONSTS, &size);
    cr_assert_eq(rd32(k), 1);
    cr_assert_eq(k[4], RBC_CONST_DATUM);
    cr_assert_eq(rd32(k + 5), 738578); /* 2023-02-28: clamped to the month end */
    free(r.bytes);
}

Test(emit, date_plus_computed_duration)
{
    rbc r = compile("invoer d: datum, n: getal.\nuitkomst u: datum.\n"
                    "regel \"R\" u is d + (n) maanden - 2 weken.\n");
    const uint8_t want[] = {OP_LOAD_INPUT, OP_LOAD_INPUT, OP_MAKE_DUUR, OP_DATE_ADD,
                            OP_PUSH_CONST, OP_DATE_SUB,   OP_RESULT};
    assert_ops(&r, want, sizeof want);
    cr_assert_eq(code_operand(&r, 2, 0), RBC_UNIT_MAANDEN);
    uint32_t size;
    const uint8_t *k = section(&r, RBC_SEC_CONSTS, &size);
    cr_assert_eq(k[4], RBC_CONST_DUUR);
    cr_assert_eq(rd32(k + 5), 0);
    cr_assert_eq(rd32(k + 9), 14);
    free(r.bytes);
}

Test(emit, rule_validity_in_rules_entry)
{
    rbc r = compile("uitkomst u: getal.\n"
                    "regel \"R\" geldig vanaf 1 maart 2022 u is 1.\n"
                    "regel \"R\" geldig tot 1 maart 2022 u is 2.\n");
    uint32_t size;
    const uint8_t *ru = section(&r, RBC_SEC_RULES, &size);
    cr_assert_eq(rd32(ru), 2);
    cr_assert_eq(size, 4 + 2 * 4 * RBC_RULE_FIELDS);
    cr_assert_eq(rd32(ru + 4 + 9 * 4), 738214);
    cr_assert_eq(rd32(ru + 4 + 10 * 4), RBC_NONE);
    cr_assert_eq(rd32(ru + 4 + 44 + 9 * 4), RBC_NONE);
    cr_assert_eq(rd32(ru + 4 + 44 + 10 * 4), 738214);
    const uint8_t *m = section(&r, RBC_SEC_META, &size);
    cr_assert_eq(rd32(m + 12), 0); /* peildatum is the only input */
    free(r.bytes);
}

Test(emit, list_type_after_its_element)
{
    rbc r = compile(LIST_HEAD "uitkomst u: getal.\nregel \"R\" u is aantal toetsen.\n");
    uint32_t size;
    const uint8_t *t = section(&r, RBC_SEC_TYPES, &size);
    /* waarheid getal tekst datum Toets lijst */
    cr_assert_eq(rd32(t), 6);
    cr_assert_eq(t[4 + 3], RBC_TYPE_DATUM);
    cr_assert_eq(t[4 + 4], RBC_TYPE_RECORD);
    cr_assert_eq(t[size - 5], RBC_TYPE_LIJST);
    cr_assert_eq(rd32(t + size - 4), 4);
    free(r.bytes);
}

Test(emit, v02_deterministic_output)
{
    const char *src = LIST_HEAD "parameter p: bedrag is 10 euro geldig tot 1 januari 2024, is "
                                "12,50 euro geldig vanaf 1 januari 2024.\n"
                                "uitkomst u: bedrag, w: getal.\n"
                                "regel \"U\" u is som van p × 2 voor elke t in toetsen waarvoor "
                                "t.geslaagd.\n"
                                "regel \"W\" w is dagen tussen 1 januari 2024 en peildatum.\n";
    rbc r1 = compile(src), r2 = compile(src);
    cr_assert_eq(r1.len, r2.len);
    cr_assert_eq(memcmp(r1.bytes, r2.bytes, r1.len), 0);
    free(r1.bytes);
    free(r2.bytes);
}

/* The LINES entries after the rule's own entry: (offset → opcode). */
Test(emit, lines_for_instructions_that_can_fail)
{
    rbc r = compile("invoer b: bedrag, n: getal, d: datum, l: lijst van bedrag.\n"
                    "uitkomst u: bedrag, v: datum.\n"
                    "regel \"U\" u is som van x voor elke x in l waarvoor x > 0 euro.\n"
                    "regel \"V\" v is d + (n) dagen.\n");
    uint32_t size, csize;
    const uint8_t *l = section(&r, RBC_SEC_LINES, &size);
    const uint8_t *c = section(&r, RBC_SEC_CODE, &csize);
    uint32_t n = rd32(l);
    uint8_t seen[OP__COUNT] = {0};
    uint32_t prev = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t off = rd32(l + 4 + 12 * i);
        cr_assert(i == 0 || off > prev, "LINES oplopend");
        prev = off;
        cr_assert_lt(off, csize);
        seen[c[off]] = 1;
    }
    cr_assert(seen[OP_BEDRAG_ADD]);
    cr_assert(seen[OP_MAKE_DUUR]);
    cr_assert(seen[OP_DATE_ADD]);
    free(r.bytes);
}

Test(emit, failing_instruction_at_block_start_loads)
{
    /* LOAD_PARAM is the first instruction of its block: one LINES entry there */
    rbc r = compile("parameter p: getal is 1 geldig tot 1 januari 2024, is 2 geldig vanaf 1 "
                    "januari 2024.\nuitkomst u: getal, v: getal.\n"
                    "regel \"U\" u is p.\nregel \"V\" v is p × 2.\n");
    uint32_t size;
    const uint8_t *l = section(&r, RBC_SEC_LINES, &size);
    cr_assert_eq(rd32(l), 3); /* LOAD_PARAM of U, LOAD_PARAM of V (each replaces its rule), MUL */
    cr_assert_eq(rd32(l + 4), 0);
    cr_assert_eq(rd32(l + 8), 3);   /* line of `p` */
    cr_assert_eq(rd32(l + 12), 16); /* its column */
    regel_policy *pol = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_policy_load(r.bytes, r.len, "t.rbc", &pol, &err), REGEL_OK, "laden: %s",
                 err.message);
    regel_policy_free(pol);
    free(r.bytes);
}

/* ------------------------------------------------------------ v0.3 */

Test(emit, inputs_entries_have_flags_default_and_question)
{
    rbc r = compile("soort S is een van x, y.\n"
                    "invoer a: waarheid standaard onwaar vraag \"Werkt u?\",\n"
                    "       d: datum (optioneel),\n"
                    "       s: S standaard y,\n"
                    "       g: getal (optioneel) standaard geen,\n"
                    "       n: getal standaard -2.\n"
                    "uitkomst u: waarheid.\n"
                    "regel \"R\" u is a en d is geen en s is x en g is bekend en n > 0.\n");
    uint32_t size;
    const uint8_t *p = section(&r, RBC_SEC_INPUTS, &size);
    cr_assert_eq(rd32(p), 5);
    cr_assert_eq(size, 4 + 5 * 20, "INPUTS: 5 × 5 u32");
    /* types: 0 waarheid, 1 getal, 2 tekst, 3 S, 4 datum */
    const uint32_t type[5] = {0, 4, 3, 1, 1};
    const uint32_t flags[5] = {0, RBC_OPTIONAL, 0, RBC_OPTIONAL, 0};
    for (int i = 0; i < 5; i++) {
        cr_assert_eq(rd32(p + 4 + 20 * i + 4), type[i], "invoer %d: type", i);
        cr_assert_eq(rd32(p + 4 + 20 * i + 8), flags[i], "invoer %d: flags", i);
    }
    cr_assert_eq(rd32(p + 4 + 20 * 1 + 12), RBC_NONE, "d heeft geen standaard");
    cr_assert_eq(rd32(p + 4 + 20 * 1 + 16), RBC_NONE, "d heeft geen vraag");
    cr_assert_eq(rd32(p + 4 + 20 * 2 + 16), RBC_NONE);
    /* the question of a is the string "Werkt u?" */
    uint32_t q = rd32(p + 4 + 16);
    uint32_t ssize;
    const uint8_t *s = section(&r, RBC_SEC_STRINGS, &ssize);
    const uint8_t *at = s + 4;
    for (uint32_t i = 0; i < q; i++)
        at += 4 + rd32(at);
    cr_assert_eq(rd32(at), 8);
    cr_assert_eq(memcmp(at + 4, "Werkt u?", 8), 0);
    /* defaults: onwaar, S.y, geen, -2 — in INPUTS order, before any code constant */
    uint32_t csize;
    const uint8_t *c = section(&r, RBC_SEC_CONSTS, &csize);
    cr_assert_eq(rd32(p + 4 + 12), 0);
    cr_assert_eq(rd32(p + 4 + 20 * 2 + 12), 1);
    cr_assert_eq(rd32(p + 4 + 20 * 3 + 12), 2);
    cr_assert_eq(rd32(p + 4 + 20 * 4 + 12), 3);
    const uint8_t *k = c + 4;
    cr_assert_eq(k[0], RBC_CONST_WAARHEID);
    cr_assert_eq(k[1], 0);
    k += 2;
    cr_assert_eq(k[0], RBC_CONST_ENUM);
    cr_assert_eq(rd32(k + 1), 3);
    cr_assert_eq(rd32(k + 5), 1);
    k += 9;
    cr_assert_eq(k[0], RBC_CONST_GEEN);
    k += 1;
    cr_assert_eq(k[0], RBC_CONST_GETAL);
    cr_assert_eq((int32_t)rd32(k + 1), -2);
    free(r.bytes);
}

Test(emit, record_fields_are_triples_with_flags)
{
    rbc r = compile("gegeven G heeft a: getal, b: getal (optioneel).\ninvoer g: G.\n"
                    "uitkomst u: getal (optioneel).\nregel \"R\" u is g.b.\n");
    exp_buf e = {{0}, 0};
    x32(&e, 4);
    x8(&e, RBC_TYPE_WAARHEID);
    x8(&e, RBC_TYPE_GETAL);
    x8(&e, RBC_TYPE_TEKST);
    x8(&e, RBC_TYPE_RECORD);
    x32(&e, 2); /* "G" (strings 0, 1: the policy and file name) */
    x32(&e, 2);
    x32(&e, 3); /* a */
    x32(&e, 1);
    x32(&e, 0);
    x32(&e, 4); /* b */
    x32(&e, 1);
    x32(&e, RBC_OPTIONAL);
    assert_section(&r, RBC_SEC_TYPES, &e);
    /* the outcome is optional */
    uint32_t size;
    const uint8_t *p = section(&r, RBC_SEC_OUTCOMES, &size);
    cr_assert_eq(rd32(p + 4 + 8), RBC_OUTCOME_OUTPUT | RBC_OUTCOME_OPTIONAL);
    free(r.bytes);
}

Test(emit, begrip_optional_flag_without_output)
{
    rbc r = compile("invoer d: datum (optioneel).\nbegrip b: datum (optioneel).\n"
                    "uitkomst u: waarheid.\nregel \"B\" b is d.\nregel \"U\" u is b is geen.\n");
    uint32_t size;
    const uint8_t *p = section(&r, RBC_SEC_OUTCOMES, &size);
    cr_assert_eq(rd32(p), 2);
    cr_assert_eq(rd32(p + 4 + 8), RBC_OUTCOME_OPTIONAL, "b: begrip, optioneel");
    cr_assert_eq(rd32(p + 4 + 16 + 8), RBC_OUTCOME_OUTPUT, "u: uitkomst");
    free(r.bytes);
}

#define OPT_HEAD "invoer d: datum (optioneel).\nuitkomst u: waarheid.\n"

Test(emit, is_geen_is_IS_GEEN_not_EQ)
{
    rbc r = compile(OPT_HEAD "regel \"R\" u is d is geen.\n");
    const uint8_t want[] = {OP_LOAD_INPUT, OP_IS_GEEN, OP_RESULT};
    assert_ops(&r, want, sizeof want);
    free(r.bytes);
    r = compile(OPT_HEAD "regel \"R\" u is d is niet geen.\n");
    const uint8_t want2[] = {OP_LOAD_INPUT, OP_IS_GEEN, OP_NOT, OP_RESULT};
    assert_ops(&r, want2, sizeof want2);
    free(r.bytes);
    r = compile(OPT_HEAD "regel \"R\" u is d = geen.\n");
    assert_ops(&r, want, sizeof want);
    free(r.bytes);
}

Test(emit, is_bekend_and_is_onbekend)
{
    rbc r = compile(OPT_HEAD "regel \"R\" u is d is bekend.\n");
    const uint8_t want[] = {OP_LOAD_INPUT, OP_IS_KNOWN, OP_RESULT};
    assert_ops(&r, want, sizeof want);
    free(r.bytes);
    r = compile(OPT_HEAD "regel \"R\" u is (d + 2 dagen) is onbekend.\n");
    const uint8_t want2[] = {OP_LOAD_INPUT, OP_PUSH_CONST, OP_DATE_ADD,
                             OP_IS_KNOWN,   OP_NOT,        OP_RESULT};
    assert_ops(&r, want2, sizeof want2);
    free(r.bytes);
}

Test(emit, geen_value_is_PUSH_GEEN_of_the_outcome_type)
{
    rbc r = compile("invoer d: datum (optioneel).\nuitkomst e: datum (optioneel).\n"
                    "regel \"R\" e is geen indien d is geen, anders d + 3 maanden.\n");
    const uint8_t want[] = {OP_LOAD_INPUT, OP_IS_GEEN, OP_NOTE,          OP_COND,
                            OP_PUSH_GEEN,  OP_RESULT,  OP_LOAD_INPUT,    OP_PUSH_CONST,
                            OP_DATE_ADD,   OP_RESULT,  OP_RESULT_UNKNOWN};
    assert_ops(&r, want, sizeof want);
    cr_assert_eq(code_operand(&r, 4, 0), 3, "type datum (na waarheid, getal, tekst)");
    free(r.bytes);
}

Test(emit, soort_member_geen_stays_a_member)
{
    rbc r = compile("soort S is een van ja, geen.\ninvoer s: S (optioneel).\n"
                    "uitkomst u: waarheid.\nregel \"R\" u is s is geen.\n");
    const uint8_t want[] = {OP_LOAD_INPUT, OP_PUSH_ENUM, OP_EQ, OP_RESULT};
    assert_ops(&r, want, sizeof want);
    cr_assert_eq(code_operand(&r, 1, 1), 1);
    free(r.bytes);
}

Test(emit, geen_in_een_van_is_compared)
{
    rbc r = compile("invoer n: getal (optioneel).\nuitkomst u: waarheid.\n"
                    "regel \"R\" u is n is een van 1, geen.\n");
    const uint8_t want[] = {OP_LOAD_INPUT, OP_PUSH_CONST, OP_EQ, OP_JUMP_IF_TRUE_KEEP,
                            OP_LOAD_INPUT, OP_PUSH_GEEN,  OP_EQ, OP_OR,
                            OP_RESULT};
    assert_ops(&r, want, sizeof want);
    free(r.bytes);
}

Test(emit, v03_policy_loads_in_the_runtime)
{
    rbc r = compile("soort S is een van x, y.\n"
                    "gegeven G heeft a: getal, b: datum (optioneel).\n"
                    "invoer w: waarheid standaard onwaar vraag \"Werkt u?\",\n"
                    "       g: G (optioneel), s: S standaard x, n: getal (optioneel) standaard "
                    "geen.\n"
                    "uitkomst e: datum (optioneel), k: waarheid.\n"
                    "regel \"E\" e is g.b indien w, anders geen.\n"
                    "regel \"K\" k is e is niet geen en s is x en n is onbekend.\n");
    regel_policy *pol = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_policy_load(r.bytes, r.len, "t.rbc", &pol, &err);
    cr_assert_eq(rc, REGEL_OK, "laden mislukt: %s", err.message);
    regel_policy_free(pol);
    free(r.bytes);
}

/* ------------------------------------------------------------- v0.4 */

static const uint8_t opnd_of[OP__COUNT] = {
#define OP(name, opnd, pops, pushes, doc) [OP_##name] = (opnd),
#include "opcodes.def"
#undef OP
};

/* Every COND in CODE has a LINES entry at its own offset, at the start of
 * its condition; LINES offsets ascend strictly. */
Test(emit, lines_entry_at_every_cond)
{
    rbc r = compile("soort K is een van a, b.\n"
                    "gegeven T heeft ok: waarheid.\n"
                    "invoer x: getal, k: K, ts: lijst van T.\n"
                    "uitkomst u: getal, n: getal.\n"
                    "regel \"U\" u is 1 indien x > 1 en k is a,\n"
                    "  anders 2 indien (x < 0 of k is b).\n"
                    "regel \"N\" n is aantal t in ts waarvoor t.ok.\n");
    uint32_t code_len, lines_len;
    const uint8_t *code = section(&r, RBC_SEC_CODE, &code_len);
    const uint8_t *lines = section(&r, RBC_SEC_LINES, &lines_len);
    uint32_t n_lines = rd32(lines);
    cr_assert_eq(lines_len, 4 + 12 * n_lines);
    for (uint32_t i = 1; i < n_lines; i++)
        cr_assert_lt(rd32(lines + 4 + 12 * (i - 1)), rd32(lines + 4 + 12 * i),
                     "LINES oplopend bij %u", i);
    /* expected (line, col) of the conditions, in code order */
    static const uint32_t want[3][2] = {{5, 25}, {6, 20}, {7, 40}};
    size_t n_conds = 0;
    for (uint32_t off = 0; off < code_len;) {
        uint8_t op = code[off];
        cr_assert_lt(op, OP__COUNT);
        if (op == OP_COND) {
            cr_assert_lt(n_conds, 3);
            bool found = false;
            for (uint32_t i = 0; i < n_lines; i++) {
                const uint8_t *e = lines + 4 + 12 * i;
                if (rd32(e) == off) {
                    found = true;
                    cr_assert_eq(rd32(e + 4), want[n_conds][0], "COND %zu: regel %u", n_conds,
                                 rd32(e + 4));
                    cr_assert_eq(rd32(e + 8), want[n_conds][1], "COND %zu: kolom %u", n_conds,
                                 rd32(e + 8));
                }
            }
            cr_assert(found, "geen LINES-regel bij COND op %u", off);
            n_conds++;
        }
        off += rbc_instr_size((enum rbc_operands)opnd_of[op]);
    }
    cr_assert_eq(n_conds, 3);
    free(r.bytes);
}

/* Scenarios are not part of the bytecode: the same policy with and without
 * them (before, among and after its declarations, one giving peildatum,
 * which the policy does not use) compiles to identical bytes. The scenario
 * lines are comments in the plain version, so that positions stay. */
Test(emit, scenarios_do_not_change_the_bytes)
{
    static const char *const parts[] = {
        "invoer a: waarheid, b: getal.\n",
        "uitkomst u: waarheid.\n",
        "regel \"U\" u is waar indien a en b > 1, anders onwaar.\n",
    };
    static const char *const scens[] = {
        "scenario \"Eerst\" peildatum 1 maart 2024 gegeven a is waar verwacht u is waar.\n",
        "scenario \"Datum\" gegeven uit \"geval.json\" gegeven b is 2 verwacht u is onwaar.\n",
        "scenario \"Regel\" verwacht u is onwaar door regel \"U\".\n",
        "scenario \"Onbekend\" verwacht u is onbekend.\n",
    };
    char plain_src[2048] = "", with_src[2048] = "";
    for (size_t i = 0; i < 4; i++) {
        strcat(plain_src, "# scenario\n");
        strcat(with_src, scens[i]);
        if (i < 3) {
            strcat(plain_src, parts[i]);
            strcat(with_src, parts[i]);
        }
    }
    rbc plain = compile(plain_src);
    rbc with = compile(with_src);
    cr_assert_eq(with.len, plain.len);
    cr_assert(memcmp(with.bytes, plain.bytes, plain.len) == 0);
    free(plain.bytes);
    free(with.bytes);
}

/* ------------------------------------------------------------ issue 8 */

/* String i of STRINGS (NUL-terminated copy in buf). */
static const char *string_at(const rbc *r, uint32_t i, char *buf, size_t cap)
{
    uint32_t size;
    const uint8_t *p = section(r, RBC_SEC_STRINGS, &size);
    uint32_t n = rd32(p);
    cr_assert_lt(i, n, "string %u van %u", i, n);
    const uint8_t *q = p + 4;
    for (uint32_t k = 0; k < i; k++)
        q += 4 + rd32(q);
    uint32_t len = rd32(q);
    cr_assert_lt(len, cap);
    memcpy(buf, q + 4, len);
    buf[len] = '\0';
    return buf;
}

/* The kind of TYPES entry t (the entries before it are all scalar here). */
static uint8_t type_kind(const rbc *r, uint32_t t)
{
    uint32_t size;
    const uint8_t *p = section(r, RBC_SEC_TYPES, &size);
    cr_assert_lt(t, rd32(p));
    for (uint32_t k = 0; k < t; k++)
        cr_assert(p[4 + k] != RBC_TYPE_ENUM && p[4 + k] != RBC_TYPE_RECORD &&
                  p[4 + k] != RBC_TYPE_LIJST);
    return p[4 + t];
}

#define EXTERN_POLICY                                                                              \
    "beleid \"E\".\n"                                                                              \
    "extern functie werkdagen_tussen(van: datum, tot: datum): getal.\n"                            \
    "extern functie feestdag(d: datum): waarheid.\n"                                               \
    "extern functie tarief(naam: tekst, basis: bedrag, factor: getal, ja: waarheid): bedrag.\n"    \
    "extern functie nu(): datum.\n"                                                                \
    "invoer a: datum, b: datum, s: tekst.\n"                                                       \
    "uitkomst n: getal, f: waarheid, t: bedrag, d: datum.\n"                                       \
    "regel \"N\" n is werkdagen_tussen(a, b) + 1.\n"                                               \
    "regel \"F\" f is feestdag(a).\n"                                                              \
    "regel \"T\" t is tarief(s, 12,50 euro, 2, feestdag(nu())).\n"                                 \
    "regel \"D\" d is nu().\n"

/* The EXTERNS entries: name, result type, parameter count and types (TYPES
 * indices of the right kinds), in declaration order. */
Test(emit_v08, externs_section)
{
    rbc r = compile(EXTERN_POLICY);
    uint32_t size;
    const uint8_t *p = section(&r, RBC_SEC_EXTERNS, &size);
    static const char *const names[] = {"werkdagen_tussen", "feestdag", "tarief", "nu"};
    static const uint8_t results[] = {RBC_TYPE_GETAL, RBC_TYPE_WAARHEID, RBC_TYPE_BEDRAG,
                                      RBC_TYPE_DATUM};
    static const uint8_t params[4][4] = {
        {RBC_TYPE_DATUM, RBC_TYPE_DATUM},
        {RBC_TYPE_DATUM},
        {RBC_TYPE_TEKST, RBC_TYPE_BEDRAG, RBC_TYPE_GETAL, RBC_TYPE_WAARHEID},
        {0}};
    static const uint32_t n_params[] = {2, 1, 4, 0};
    cr_assert_eq(rd32(p), 4);
    const uint8_t *q = p + 4;
    char buf[64];
    for (int i = 0; i < 4; i++) {
        cr_assert_str_eq(string_at(&r, rd32(q), buf, sizeof buf), names[i]);
        cr_assert_eq(type_kind(&r, rd32(q + 4)), results[i], "resultaat van %s", names[i]);
        cr_assert_eq(rd32(q + 8), n_params[i]);
        for (uint32_t k = 0; k < n_params[i]; k++)
            cr_assert_eq(type_kind(&r, rd32(q + 12 + 4 * k)), params[i][k], "%s param %u", names[i],
                         k);
        q += 12 + 4 * n_params[i];
    }
    cr_assert_eq((size_t)(q - p), (size_t)size, "niets na de laatste functie");
    /* both datum parameters are the one datum type */
    cr_assert_eq(rd32(p + 4 + 12), rd32(p + 4 + 16));
    free(r.bytes);
}

/* Arguments left to right, then CALL_EXTERN with the EXTERNS index; a call
 * as an argument is evaluated in its place. */
Test(emit_v08, call_extern_sequence)
{
    rbc r = compile(EXTERN_POLICY);
    const uint8_t want[] = {/* N */ OP_LOAD_INPUT,
                            OP_LOAD_INPUT,
                            OP_CALL_EXTERN,
                            OP_PUSH_CONST,
                            OP_ADD,
                            OP_RESULT,
                            /* F */ OP_LOAD_INPUT,
                            OP_CALL_EXTERN,
                            OP_RESULT,
                            /* T */ OP_LOAD_INPUT,
                            OP_PUSH_CONST,
                            OP_PUSH_CONST,
                            OP_CALL_EXTERN,
                            OP_CALL_EXTERN,
                            OP_CALL_EXTERN,
                            OP_RESULT,
                            /* D */ OP_CALL_EXTERN,
                            OP_RESULT};
    assert_ops(&r, want, sizeof want);
    cr_assert_eq(code_operand(&r, 0, 0), 0);  /* a */
    cr_assert_eq(code_operand(&r, 1, 0), 1);  /* b */
    cr_assert_eq(code_operand(&r, 2, 0), 0);  /* werkdagen_tussen */
    cr_assert_eq(code_operand(&r, 7, 0), 1);  /* feestdag */
    cr_assert_eq(code_operand(&r, 9, 0), 2);  /* s */
    cr_assert_eq(code_operand(&r, 12, 0), 3); /* nu() */
    cr_assert_eq(code_operand(&r, 13, 0), 1); /* feestdag(nu()) */
    cr_assert_eq(code_operand(&r, 14, 0), 2); /* tarief */
    cr_assert_eq(code_operand(&r, 16, 0), 3); /* nu */
    free(r.bytes);
}

/* Every CALL_EXTERN has a LINES entry at the call (a host function may fail
 * at run time with the rule's location). */
Test(emit_v08, call_extern_has_a_line)
{
    rbc r = compile("extern functie f(x: getal): getal.\ninvoer a: getal.\nuitkomst u: getal.\n"
                    "regel \"R\"\n    u is 1 + f(a).\n");
    uint32_t size;
    const uint8_t *l = section(&r, RBC_SEC_LINES, &size);
    uint32_t call_at = code_offset(&r, 2);
    bool found = false;
    for (uint32_t i = 0; i < rd32(l); i++) {
        const uint8_t *e = l + 4 + 12 * i;
        if (rd32(e) == call_at) {
            cr_assert_eq(rd32(e + 4), 5);
            cr_assert_eq(rd32(e + 8), 14);
            found = true;
        }
    }
    cr_assert(found, "geen LINES-regel bij CALL_EXTERN");
    free(r.bytes);
}

/* A call as a condition is an atom of the motivering (with the names in its
 * arguments as references). */
Test(emit_v08, call_in_a_condition_is_an_atom)
{
    rbc r = compile("extern functie feestdag(d: datum): waarheid.\ninvoer a: datum.\n"
                    "uitkomst u: waarheid.\nregel \"R\" u is waar indien feestdag(a), anders "
                    "onwaar.\n");
    uint32_t size;
    const uint8_t *x = section(&r, RBC_SEC_EXPLAIN, &size);
    char buf[64];
    cr_assert_eq(rd32(x), 1);
    cr_assert_str_eq(string_at(&r, rd32(x + 4), buf, sizeof buf), "feestdag(a)");
    cr_assert_eq(rd32(x + 16), 1); /* one ref */
    cr_assert_eq(rd32(x + 20), RBC_REF_INPUT);
    cr_assert_eq(rd32(x + 24), 0);
    const uint8_t want[] = {OP_LOAD_INPUT, OP_CALL_EXTERN, OP_NOTE,       OP_COND,
                            OP_PUSH_TRUE,  OP_RESULT,      OP_PUSH_FALSE, OP_RESULT};
    uint8_t ops[16];
    size_t n = code_ops(&r, ops, 16);
    cr_assert_geq(n, 3);
    for (size_t i = 0; i < 3; i++)
        cr_assert_eq(ops[i], want[i], "instructie %zu", i);
    free(r.bytes);
}
