/* test_verify.c — unit tests for the loader and verifier (runtime/load.c,
 * runtime/verify.c): every check has a program that violates exactly it and
 * the exact Dutch message is asserted; COND offsets; the disassembler listing. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "policy.h"
#include "rbc_builder.h"
#include "regel.h"

#define PFX "ongeldige bytecode in ‘x.rbc’: "

/* Types 0 waarheid, 1 getal, 2 tekst, 3 soort Kleur {rood, groen},
 * 4 gegeven T {n: getal, k: Kleur}, 5 soort Maat {klein}; inputs a: waarheid,
 * x: getal, t: T; outcomes r: waarheid, s: getal; consts 1/2 and "tekst". */
static rbc_builder *base(void)
{
    rbc_builder *b = rb_new();
    rb_meta(b, "Test", "Wet", "test.regel");
    rb_type_prim(b, RBC_TYPE_WAARHEID);
    rb_type_prim(b, RBC_TYPE_GETAL);
    rb_type_prim(b, RBC_TYPE_TEKST);
    const char *kleuren[] = {"rood", "groen"};
    rb_type_enum(b, "Kleur", 2, kleuren);
    const char *fields[] = {"n", "k"};
    uint32_t ftypes[] = {1, 3};
    rb_type_record(b, "T", 2, fields, ftypes);
    const char *maten[] = {"klein"};
    rb_type_enum(b, "Maat", 1, maten);
    rb_input(b, "a", 0);
    rb_input(b, "x", 1);
    rb_input(b, "t", 4);
    rb_outcome(b, "r", 0, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_outcome(b, "s", 1, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_const_num(b, 1, 2);
    rb_const_text(b, "tekst");
    return b;
}

/* A valid rule R for r: a; RESULT */
static void rule_r(rbc_builder *b)
{
    rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
}

static uint8_t *finish(rbc_builder *b, size_t *len)
{
    uint8_t *bytes = rb_finish(b, len);
    return bytes;
}

static void expect_bytes_bad(const uint8_t *bytes, size_t len, const char *msg)
{
    regel_policy *p = (regel_policy *)1;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_policy_load(bytes, len, "x.rbc", &p, &err);
    cr_assert_eq(rc, REGEL_ERR_BYTECODE, "verwacht een fout, kreeg %d (%s)", rc, err.message);
    cr_assert_null(p);
    cr_assert_eq(err.code, REGEL_ERR_BYTECODE);
    char want[1200];
    snprintf(want, sizeof want, PFX "%s", msg);
    cr_assert_str_eq(err.message, want);
    cr_assert_str_eq(err.file, "x.rbc");
}

static void expect_bad(rbc_builder *b, const char *msg)
{
    size_t len;
    uint8_t *bytes = finish(b, &len);
    expect_bytes_bad(bytes, len, msg);
    free(bytes);
    rb_free(b);
}

static regel_policy *expect_ok(rbc_builder *b)
{
    size_t len;
    uint8_t *bytes = finish(b, &len);
    regel_policy *p = NULL;
    regel_error err;
    int rc = regel_policy_load(bytes, len, "x.rbc", &p, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    free(bytes);
    rb_free(b);
    return p;
}

static void put32(uint8_t *d, uint32_t v)
{
    d[0] = (uint8_t)v;
    d[1] = (uint8_t)(v >> 8);
    d[2] = (uint8_t)(v >> 16);
    d[3] = (uint8_t)(v >> 24);
}

/* A valid file with base() and rule R; caller frees. */
static uint8_t *valid(size_t *len, rbc_builder **keep)
{
    rbc_builder *b = base();
    rule_r(b);
    uint8_t *bytes = finish(b, len);
    if (keep)
        *keep = b;
    else
        rb_free(b);
    return bytes;
}

/* ---- a valid program ---- */

Test(verify, valid_program_tables)
{
    rbc_builder *b = base();
    rule_r(b);
    uint32_t e = rb_rule_begin(b, "E", 0, 0);
    rb_rule_meta(b, e, "Art. 2", "Tenzij…", 7, 3);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_AND);
    rb_op(b, OP_AND);
    rb_op(b, OP_RESULT);
    rb_op(b, OP_NOT_APPLIED); /* unreachable code is decoded but allowed */
    rb_rule_end(b);
    rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 2);
    rb_op1(b, OP_FIELD, 0);
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op(b, OP_ADD);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->max_stack, 3);
    cr_assert_str_eq(p->name, "Test");
    cr_assert_str_eq(p->bron, "Wet");
    cr_assert_str_eq(p->source_file, "test.regel");
    cr_assert_str_eq(p->file, "x.rbc");
    cr_assert_eq(p->n_types, 6);
    cr_assert_str_eq(p->types[3].members[1], "groen");
    cr_assert_str_eq(p->types[4].fields[1].name, "k");
    cr_assert_eq(p->types[4].fields[1].type, 3);
    cr_assert_eq(p->consts[0].q.den, 2);
    cr_assert_str_eq(p->consts[1].s, "tekst");
    cr_assert_eq(p->consts[1].len, 5);
    cr_assert_eq(p->n_rules, 3);
    cr_assert_eq(p->outcomes[0].n_roots, 1);
    cr_assert_eq(p->outcomes[0].roots[0], 0);
    cr_assert_eq(p->outcomes[1].roots[0], 2);
    cr_assert_eq(p->rules[0].n_children, 1);
    cr_assert_eq(p->rules[0].children[0], 1);
    cr_assert_eq(p->rules[1].n_children, 0);
    cr_assert_str_eq(p->rules[1].bron, "Art. 2");
    cr_assert_str_eq(p->rules[1].citaat, "Tenzij…");
    cr_assert_null(p->rules[0].bron);
    cr_assert_eq(p->rules[1].line, 7);
    cr_assert_eq(p->display_order[1], 1);
    regel_policy_free(p);
}

Test(verify, utf8_names_accepted)
{
    rbc_builder *b = rb_new();
    rb_type_prim(b, RBC_TYPE_WAARHEID);
    rb_input(b, "oriëntatie", 0);
    rb_outcome(b, "financiële_steun", 0, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_rule_begin(b, "Steun €", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    regel_policy *p = expect_ok(b);
    cr_assert_str_eq(p->inputs[0].name, "oriëntatie");
    regel_policy_free(p);
}

/* ---- header and directory ---- */

Test(verify, empty_file)
{
    expect_bytes_bad((const uint8_t *)"", 0, "het bestand is leeg");
}

Test(verify, bad_magic)
{
    size_t len;
    uint8_t *b = valid(&len, NULL);
    b[0] = 'X';
    expect_bytes_bad(b, len, "dit is geen Regel-bytecode (het bestand begint niet met ‘RGBC’)");
    free(b);
}

Test(verify, short_header)
{
    size_t len;
    uint8_t *b = valid(&len, NULL);
    expect_bytes_bad(b, 10,
                     "het bestand is afgebroken (de kop is 16 bytes, het bestand is 10 bytes)");
    expect_bytes_bad(b, 3,
                     "het bestand is afgebroken (de kop is 16 bytes, het bestand is 3 bytes)");
    free(b);
}

Test(verify, version)
{
    size_t len;
    uint8_t *b = valid(&len, NULL);
    b[4] = 3;
    b[6] = 0;
    expect_bytes_bad(
        b, len,
        "versie 3.0 van het bytecodeformaat wordt niet ondersteund (deze runtime leest "
        "versie 2.x)");
    /* a 1.x file (before the EXPLAIN section) names both versions */
    b[4] = 1;
    b[6] = 4;
    expect_bytes_bad(
        b, len,
        "versie 1.4 van het bytecodeformaat wordt niet ondersteund (deze runtime leest "
        "versie 2.x)");
    free(b);
}

Test(verify, section_count)
{
    size_t len;
    uint8_t *b = valid(&len, NULL);
    put32(b + 8, 8);
    expect_bytes_bad(b, len, "de kop noemt 8 secties, verwacht 12");
    free(b);
}

Test(verify, file_size_truncated_and_extra)
{
    size_t len;
    uint8_t *b = valid(&len, NULL);
    char msg[200];
    snprintf(msg, sizeof msg,
             "het bestand is afgebroken (de kop noemt %zu bytes, het bestand is %zu bytes)", len,
             len - 1);
    expect_bytes_bad(b, len - 1, msg);
    uint8_t *big = calloc(1, len + 3);
    memcpy(big, b, len);
    snprintf(msg, sizeof msg,
             "het bestand heeft 3 bytes te veel (de kop noemt %zu bytes, het bestand is %zu bytes)",
             len, len + 3);
    expect_bytes_bad(big, len + 3, msg);
    free(big);
    free(b);
}

Test(verify, directory_truncated)
{
    size_t len;
    uint8_t *b = valid(&len, NULL);
    put32(b + 12, 50);
    expect_bytes_bad(b, 50,
                     "het bestand is afgebroken (de sectietabel loopt tot byte 160, het bestand is "
                     "50 bytes)");
    free(b);
}

Test(verify, section_ids)
{
    size_t len;
    uint8_t *b = valid(&len, NULL);
    put32(b + 16 + 2 * 12, 4);
    expect_bytes_bad(b, len, "de sectietabel noemt op plaats 2 sectie-id 4, verwacht 3 (TYPES)");
    free(b);
}

Test(verify, section_overlap)
{
    size_t len;
    rbc_builder *rb;
    uint8_t *b = valid(&len, &rb);
    uint32_t meta = rb_section_offset(rb, RBC_SEC_META);
    put32(b + 16 + 1 * 12 + 4, meta - 1); /* META starts inside STRINGS */
    char msg[200];
    snprintf(msg, sizeof msg,
             "sectie META begint op byte %u, binnen de kop of de vorige sectie (die loopt tot "
             "byte %u)",
             meta - 1, meta);
    expect_bytes_bad(b, len, msg);
    put32(b + 16 + 4, 100); /* STRINGS inside the directory */
    expect_bytes_bad(b, len,
                     "sectie STRINGS begint op byte 100, binnen de kop of de vorige sectie (die "
                     "loopt tot byte 160)");
    free(b);
    rb_free(rb);
}

Test(verify, section_beyond_file)
{
    size_t len;
    uint8_t *b = valid(&len, NULL);
    uint8_t *e = b + 16 + 7 * 12; /* CODE */
    uint32_t off = (uint32_t)e[4] | (uint32_t)e[5] << 8;
    put32(e + 8, 900);
    char msg[200];
    snprintf(msg, sizeof msg,
             "het bestand is afgebroken (sectie CODE loopt tot byte %u, het bestand is %zu bytes)",
             off + 900, len);
    expect_bytes_bad(b, len, msg);
    free(b);
}

/* ---- sections ---- */

Test(verify, count_too_large)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_section_count(b, RBC_SEC_INPUTS, 1000);
    expect_bad(b, "sectie INPUTS noemt 1000 ingangen, maar er is maar ruimte voor 3");
}

Test(verify, huge_count_allocates_nothing)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_section_count(b, RBC_SEC_STRINGS, 0xFFFFFFF0u);
    size_t len;
    uint8_t *bytes = finish(b, &len);
    regel_policy *p;
    regel_error err;
    cr_assert_eq(regel_policy_load(bytes, len, "x.rbc", &p, &err), REGEL_ERR_BYTECODE);
    cr_assert(strstr(err.message, "sectie STRINGS noemt 4294967280 ingangen") != NULL, "%s",
              err.message);
    free(bytes);
    rb_free(b);
}

Test(verify, entry_truncated)
{
    rbc_builder *b = base();
    rule_r(b);
    uint8_t raw[] = {RBC_TYPE_ENUM, 0, 0, 0, 0, 1, 0};
    rb_type_raw(b, raw, sizeof raw);
    expect_bad(b, "sectie TYPES is afgebroken: ingang 6 loopt voorbij het einde van de sectie "
                  "(77 bytes)");
}

Test(verify, count_missing)
{
    size_t len;
    rbc_builder *rb;
    uint8_t *b = valid(&len, &rb);
    put32(b + 16 + 2 * 12 + 8, 2); /* TYPES is 2 bytes long */
    expect_bytes_bad(b, len, "sectie TYPES is afgebroken (2 bytes): het aantal ingangen ontbreekt");
    free(b);
    rb_free(rb);
}

Test(verify, section_leftover)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_section_extra(b, RBC_SEC_LINES, "zz", 2);
    expect_bad(b, "sectie LINES heeft 2 bytes over na de laatste ingang");
}

Test(verify, meta_leftover)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_section_extra(b, RBC_SEC_META, "zzzz", 4);
    expect_bad(b, "sectie META heeft 4 bytes over na de laatste ingang");
}

Test(verify, string_nul)
{
    rbc_builder *b = base();
    rule_r(b);
    uint32_t id = rb_str_raw(b, "a\0b", 3);
    char msg[100];
    snprintf(msg, sizeof msg, "tekst %u in STRINGS bevat een NUL-byte (byte 1)", id);
    expect_bad(b, msg);
}

Test(verify, string_utf8)
{
    static const char *const bad[] = {
        "ab\xff", "ab\xc3", "ab\xc0\x80", "ab\xed\xa0\x80", "ab\xf4\x90\x80\x80", "ab\xe2\x28\xa1"};
    static const unsigned at[] = {2, 2, 2, 2, 2, 3};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        rbc_builder *b = base();
        rule_r(b);
        uint32_t id = rb_str_raw(b, bad[i], (uint32_t)strlen(bad[i]));
        char msg[100];
        snprintf(msg, sizeof msg, "tekst %u in STRINGS is geen geldige UTF-8 (byte %u)", id, at[i]);
        expect_bad(b, msg);
    }
}

Test(verify, string_index)
{
    size_t len;
    rbc_builder *rb;
    uint8_t *b = valid(&len, &rb);
    uint32_t in = rb_section_offset(rb, RBC_SEC_INPUTS);
    put32(b + in + 4, 99);
    uint32_t n = (uint32_t)b[rb_section_offset(rb, RBC_SEC_STRINGS)];
    char msg[100];
    snprintf(msg, sizeof msg, "invoer 0 verwijst naar tekst 99, maar STRINGS heeft %u teksten", n);
    expect_bytes_bad(b, len, msg);
    free(b);
    rb_free(rb);
}

Test(verify, meta_name_none)
{
    size_t len;
    rbc_builder *rb;
    uint8_t *b = valid(&len, &rb);
    put32(b + rb_section_offset(rb, RBC_SEC_META), 0xFFFFFFFFu);
    uint32_t n = (uint32_t)b[rb_section_offset(rb, RBC_SEC_STRINGS)];
    char msg[160];
    snprintf(msg, sizeof msg,
             "META (naam van het beleid) verwijst naar tekst 4294967295, maar STRINGS heeft %u "
             "teksten",
             n);
    expect_bytes_bad(b, len, msg);
    free(b);
    rb_free(rb);
}

/* ---- types ---- */

Test(verify, type_kind)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_type_prim(b, 11);
    expect_bad(b, "type 6 heeft onbekende soort 11");
}

Test(verify, enum_without_members)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_type_enum(b, "Leeg", 0, NULL);
    expect_bad(b, "soort ‘Leeg’ (type 6) heeft geen leden");
}

Test(verify, record_without_fields)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_type_record(b, "Leeg", 0, NULL, NULL);
    expect_bad(b, "gegeven ‘Leeg’ (type 6) heeft geen velden");
}

Test(verify, duplicate_member)
{
    rbc_builder *b = base();
    rule_r(b);
    const char *m[] = {"a", "b", "a"};
    rb_type_enum(b, "Dubbel", 3, m);
    expect_bad(b, "soort ‘Dubbel’ (type 6) heeft lid ‘a’ twee keer");
}

Test(verify, duplicate_field)
{
    rbc_builder *b = base();
    rule_r(b);
    const char *f[] = {"n", "n"};
    uint32_t t[] = {1, 2};
    rb_type_record(b, "Dubbel", 2, f, t);
    expect_bad(b, "gegeven ‘Dubbel’ (type 6) heeft veld ‘n’ twee keer");
}

Test(verify, field_type_not_before)
{
    rbc_builder *b = base();
    rule_r(b);
    const char *f[] = {"zelf"};
    uint32_t t[] = {6};
    rb_type_record(b, "Lus", 1, f, t);
    expect_bad(b, "veld ‘zelf’ van gegeven ‘Lus’ (type 6) heeft type 6, dat niet vóór het "
                  "gegeven zelf staat");
}

Test(verify, duplicate_type_name)
{
    rbc_builder *b = base();
    rule_r(b);
    const char *m[] = {"x"};
    rb_type_enum(b, "Kleur", 1, m);
    expect_bad(b, "typenaam ‘Kleur’ komt twee keer voor (type 3 en type 6)");
}

/* ---- constants ---- */

Test(verify, const_kind)
{
    size_t len;
    rbc_builder *rb;
    uint8_t *b = valid(&len, &rb);
    b[rb_section_offset(rb, RBC_SEC_CONSTS) + 4] = 9;
    expect_bytes_bad(b, len, "constante 0 heeft onbekende soort 9");
    free(b);
    rb_free(rb);
}

Test(verify, const_denominator)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_const_num(b, 1, 0);
    expect_bad(b, "constante 2 heeft noemer 0 (moet groter dan 0 zijn)");
    b = base();
    rule_r(b);
    rb_const_num(b, 1, -3);
    expect_bad(b, "constante 2 heeft noemer -3 (moet groter dan 0 zijn)");
}

Test(verify, const_lowest_terms)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_const_num(b, 2, 4);
    expect_bad(b, "constante 2 (2/4) is geen breuk in kleinste termen");
    b = base();
    rule_r(b);
    rb_const_num(b, 0, 5);
    expect_bad(b, "constante 2 (0/5) is geen breuk in kleinste termen");
}

/* ---- inputs and outcomes ---- */

Test(verify, input_type)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_input(b, "y", 6);
    expect_bad(b, "invoer ‘y’ heeft type 6, maar er zijn 6 types");
}

Test(verify, outcome_type)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_outcome(b, "u", 60, 0, RBC_NONE);
    expect_bad(b, "uitkomst ‘u’ heeft type 60, maar er zijn 6 types");
}

Test(verify, outcome_flags)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_outcome(b, "u", 0, 4, RBC_NONE);
    expect_bad(b, "uitkomst ‘u’ heeft onbekende vlaggen 0x4");
}

Test(verify, outcome_display_range)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_outcome(b, "u", 0, 0, 3);
    expect_bad(b, "uitkomst ‘u’ heeft weergavepositie 3, maar er zijn 3 uitkomsten");
}

Test(verify, outcome_display_permutation)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_outcome(b, "u", 0, 0, 1);
    expect_bad(b, "uitkomsten ‘s’ en ‘u’ hebben allebei weergavepositie 1");
}

Test(verify, duplicate_fact_names)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_outcome(b, "x", 1, 0, RBC_NONE);
    expect_bad(b, "naam ‘x’ komt twee keer voor (invoer 1 en uitkomst 2)");
    b = base();
    rule_r(b);
    rb_input(b, "a", 0);
    expect_bad(b, "naam ‘a’ komt twee keer voor (invoer 0 en invoer 3)");
}

/* ---- rules ---- */

Test(verify, rule_outcome)
{
    rbc_builder *b = base();
    uint32_t r = rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_set(b, r, 3, 5);
    expect_bad(b, "regel ‘R’ hoort bij uitkomst 5, maar er zijn 2 uitkomsten");
}

Test(verify, rule_parent_not_before)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_rule_set(b, 0, 4, 0);
    expect_bad(b, "regel ‘R’ (regel 0) is een uitzondering op regel 0, die niet vóór haar staat");
}

Test(verify, rule_parent_other_outcome)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_rule_begin(b, "E", 1, 0);
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "regel ‘E’ is een uitzondering op ‘R’, maar die gaat over ‘r’ in plaats van ‘s’");
}

Test(verify, rule_without_code)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_rule_begin(b, "Leeg", 0, RBC_NONE);
    rb_rule_end(b);
    expect_bad(b, "regel ‘Leeg’ heeft geen code");
}

Test(verify, rule_code_range)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_rule_set(b, 0, 8, 100);
    expect_bad(b, "de code van regel ‘R’ (posities 0 tot 100) ligt buiten CODE (6 bytes)");
    b = base();
    rule_r(b);
    rb_rule_set(b, 0, 7, 0xFFFFFFFFu);
    expect_bad(b, "de code van regel ‘R’ (posities 4294967295 tot 4294967301) ligt buiten CODE "
                  "(6 bytes)");
}

Test(verify, duplicate_rule_name)
{
    rbc_builder *b = base();
    rule_r(b);
    rule_r(b);
    expect_bad(b, "regelnaam ‘R’ komt twee keer voor (regel 0 en regel 1)");
}

Test(verify, rule_code_overlap)
{
    rbc_builder *b = base();
    rule_r(b);
    uint32_t s = rb_rule_begin(b, "S", 0, RBC_NONE);
    rb_rule_end(b);
    rb_rule_set(b, s, 7, 0);
    rb_rule_set(b, s, 8, 6);
    expect_bad(b, "de code van regel ‘S’ overlapt met die van regel ‘R’ (positie 0)");
}

/* ---- lines ---- */

Test(verify, lines_outside_code)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_line(b, 6, 1, 1);
    expect_bad(b, "LINES-ingang 0 verwijst naar positie 6, buiten CODE (6 bytes)");
}

Test(verify, lines_ascending)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_line(b, 5, 1, 1);
    rb_line(b, 5, 2, 1);
    expect_bad(b, "LINES-ingang 1 (positie 5) staat niet na de vorige (positie 5)");
}

/* ---- rule blocks ---- */

/* Start rule R for outcome o; the test emits code and calls rb_rule_end. */
static rbc_builder *code_base(uint32_t o)
{
    rbc_builder *b = base();
    rb_rule_begin(b, "R", o, RBC_NONE);
    return b;
}

Test(verify, unknown_opcode)
{
    rbc_builder *b = code_base(0);
    uint8_t op = 200;
    rb_code_raw(b, &op, 1);
    rb_rule_end(b);
    expect_bad(b, "onbekende opcode 200 op positie 0 in regel ‘R’");
    b = code_base(0);
    op = OP__COUNT;
    rb_code_raw(b, &op, 1);
    rb_rule_end(b);
    char msg[100];
    snprintf(msg, sizeof msg, "onbekende opcode %d op positie 0 in regel ‘R’", OP__COUNT);
    expect_bad(b, msg);
}

Test(verify, operand_beyond_block)
{
    rbc_builder *b = code_base(0);
    rb_op(b, OP_PUSH_TRUE);
    uint8_t raw[] = {OP_PUSH_CONST, 0, 0};
    rb_code_raw(b, raw, sizeof raw);
    rb_rule_end(b);
    expect_bad(b, "instructie PUSH_CONST op positie 1 loopt voorbij het einde van regel ‘R’");
}

Test(verify, operand_into_next_block)
{
    rbc_builder *b = code_base(0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op1(b, OP_JUMP, 0);
    rb_rule_end(b);
    rb_rule_set(b, 0, 8, 3); /* the jump's operand lies outside the block */
    rb_rule_begin(b, "S", 0, RBC_NONE);
    rb_rule_end(b);
    rb_rule_set(b, 1, 7, 3);
    rb_rule_set(b, 1, 8, 3);
    expect_bad(b, "instructie JUMP op positie 1 loopt voorbij het einde van regel ‘R’");
}

Test(verify, jump_outside_block)
{
    rbc_builder *b = code_base(0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op1(b, OP_JUMP, 120);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "sprong naar positie 120 ligt buiten regel ‘R’ (instructie op positie 1)");
}

Test(verify, jump_into_other_rule)
{
    rbc_builder *b = base();
    rule_r(b); /* 0..5 */
    rb_rule_begin(b, "S", 0, RBC_NONE);
    rb_op(b, OP_PUSH_TRUE);
    rb_op1(b, OP_JUMP, 5);
    rb_rule_end(b);
    expect_bad(b, "sprong naar positie 5 ligt buiten regel ‘S’ (instructie op positie 7)");
}

Test(verify, jump_backward)
{
    rbc_builder *b = code_base(0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op1(b, OP_JUMP, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "sprong terug naar positie 0 in regel ‘R’ (instructie op positie 1); alleen "
                  "sprongen vooruit zijn toegestaan");
    b = code_base(0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op1(b, OP_JUMP, 1);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "sprong terug naar positie 1 in regel ‘R’ (instructie op positie 1); alleen "
                  "sprongen vooruit zijn toegestaan");
}

Test(verify, jump_mid_instruction)
{
    rbc_builder *b = code_base(0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op1(b, OP_JUMP, 7);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "sprong naar positie 7 in regel ‘R’ komt midden in een instructie terecht "
                  "(instructie op positie 1)");
}

Test(verify, stack_underflow)
{
    rbc_builder *b = code_base(0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_AND);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "AND op positie 1 in regel ‘R’ haalt een waarde van een lege stapel");
    b = code_base(0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "RESULT op positie 0 in regel ‘R’ haalt een waarde van een lege stapel");
}

Test(verify, stack_too_deep)
{
    rbc_builder *b = code_base(0);
    for (int i = 0; i < 256; i++)
        rb_op(b, OP_PUSH_TRUE);
    for (int i = 0; i < 255; i++)
        rb_op(b, OP_AND);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->max_stack, 256);
    regel_policy_free(p);
    b = code_base(0);
    for (int i = 0; i < 257; i++)
        rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "de stapel van regel ‘R’ wordt te diep (meer dan 256 waarden) op positie 256");
}

struct typecase {
    enum rbc_opcode push1, push2; /* OP__COUNT: none */
    uint32_t a1, a2;
    enum rbc_opcode op;
    uint32_t outcome;
    const char *msg;
};

static void emit_push(rbc_builder *b, enum rbc_opcode op, uint32_t a)
{
    if (op == OP__COUNT)
        return;
    if (op == OP_PUSH_ENUM)
        rb_op2(b, op, a, 0);
    else if (op == OP_LOAD_INPUT || op == OP_PUSH_CONST)
        rb_op1(b, op, a);
    else
        rb_op(b, op);
}

Test(verify, operand_types)
{
    static const struct typecase cases[] = {
        {OP_PUSH_TRUE, OP_LOAD_INPUT, 0, 1, OP_AND, 0,
         "AND op positie 6 in regel ‘R’ verwacht waarheid, maar krijgt getal"},
        {OP_LOAD_INPUT, OP_PUSH_TRUE, 1, 0, OP_OR, 0,
         "OR op positie 6 in regel ‘R’ verwacht waarheid, maar krijgt getal"},
        {OP_PUSH_CONST, OP__COUNT, 1, 0, OP_NOT, 0,
         "NOT op positie 5 in regel ‘R’ verwacht waarheid, maar krijgt tekst"},
        {OP_PUSH_TRUE, OP_PUSH_CONST, 0, 0, OP_ADD, 1,
         "ADD op positie 6 in regel ‘R’ verwacht getal, maar krijgt waarheid"},
        {OP_PUSH_CONST, OP_PUSH_CONST, 0, 1, OP_LT, 0,
         "LT op positie 10 in regel ‘R’ vergelijkt getal met tekst"},
        {OP_PUSH_ENUM, OP__COUNT, 3, 0, OP_NEG, 1,
         "NEG op positie 9 in regel ‘R’ verwacht getal, maar krijgt soort ‘Kleur’"},
        {OP_LOAD_INPUT, OP__COUNT, 2, 0, OP_DIV, 1,
         "DIV op positie 5 in regel ‘R’ verwacht getal, maar krijgt gegeven ‘T’"},
        {OP_PUSH_CONST, OP_PUSH_TRUE, 0, 0, OP_EQ, 0,
         "EQ op positie 6 in regel ‘R’ vergelijkt getal met waarheid"},
        {OP_PUSH_ENUM, OP_PUSH_ENUM, 3, 5, OP_NE, 0,
         "NE op positie 18 in regel ‘R’ vergelijkt soort ‘Kleur’ met soort ‘Maat’"},
        {OP_LOAD_INPUT, OP_LOAD_INPUT, 2, 2, OP_EQ, 0,
         "EQ op positie 10 in regel ‘R’ kan gegevens (gegeven ‘T’) niet vergelijken"},
        {OP_LOAD_INPUT, OP__COUNT, 1, 0, OP_RESULT, 0,
         "RESULT op positie 5 in regel ‘R’ geeft getal, maar uitkomst ‘r’ is waarheid"},
        {OP_LOAD_INPUT, OP__COUNT, 2, 0, OP_RESULT, 1,
         "RESULT op positie 5 in regel ‘R’ geeft gegeven ‘T’, maar uitkomst ‘s’ is getal"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const struct typecase *c = &cases[i];
        rbc_builder *b = code_base(c->outcome);
        emit_push(b, c->push1, c->a1);
        emit_push(b, c->push2, c->a2);
        rb_op(b, c->op);
        rb_op(b, OP_RESULT);
        rb_rule_end(b);
        expect_bad(b, c->msg);
    }
}

Test(verify, cond_and_jump_types)
{
    rbc_builder *b = code_base(0);
    rb_op1(b, OP_LOAD_INPUT, 1);
    uint32_t j = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_RESULT);
    rb_patch(b, j, 0, rb_op(b, OP_NOT_APPLIED));
    rb_patch(b, j, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);
    expect_bad(b, "COND op positie 5 in regel ‘R’ verwacht waarheid, maar krijgt getal");
    b = code_base(0);
    rb_op1(b, OP_PUSH_CONST, 1);
    j = rb_op1(b, OP_JUMP_IF_FALSE_KEEP, 0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_AND);
    rb_patch(b, j, 0, rb_op(b, OP_RESULT));
    rb_rule_end(b);
    expect_bad(b, "JUMP_IF_FALSE_KEEP op positie 5 in regel ‘R’ verwacht waarheid, maar krijgt "
                  "tekst");
}

Test(verify, field_checks)
{
    rbc_builder *b = code_base(1);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_FIELD, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "FIELD op positie 5 in regel ‘R’ verwacht een gegeven, maar krijgt getal");
    b = code_base(1);
    rb_op1(b, OP_LOAD_INPUT, 2);
    rb_op1(b, OP_FIELD, 2);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "FIELD op positie 5 in regel ‘R’ vraagt veld 2, maar gegeven ‘T’ heeft 2 velden");
    b = code_base(1);
    rb_op(b, OP_FIELD);
    rb_code_raw(b, "\0\0\0\0", 4);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "FIELD op positie 0 in regel ‘R’ haalt een waarde van een lege stapel");
}

Test(verify, index_operands)
{
    static const struct {
        enum rbc_opcode op;
        uint32_t a, b;
        const char *msg;
    } cases[] = {
        {OP_PUSH_CONST, 2, 0,
         "PUSH_CONST op positie 0 in regel ‘R’ verwijst naar constante 2, maar er zijn 2 "
         "constanten"},
        {OP_PUSH_ENUM, 6, 0,
         "PUSH_ENUM op positie 0 in regel ‘R’ verwijst naar type 6, maar er zijn 6 types"},
        {OP_PUSH_ENUM, 4, 0,
         "PUSH_ENUM op positie 0 in regel ‘R’ verwijst naar type 4, dat geen soort is"},
        {OP_PUSH_ENUM, 3, 2,
         "PUSH_ENUM op positie 0 in regel ‘R’ vraagt lid 2 van soort ‘Kleur’, die 2 leden heeft"},
        {OP_LOAD_INPUT, 3, 0,
         "LOAD_INPUT op positie 0 in regel ‘R’ verwijst naar invoer 3, maar er zijn 3 "
         "invoerfeiten"},
        {OP_LOAD_OUTCOME, 2, 0,
         "LOAD_OUTCOME op positie 0 in regel ‘R’ verwijst naar uitkomst 2, maar er zijn 2 "
         "uitkomsten"},
        {OP_LOAD_OUTCOME, 1, 0,
         "LOAD_OUTCOME op positie 0 in regel ‘R’ leest ‘s’, die niet vóór ‘s’ berekend wordt"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        rbc_builder *b = code_base(1);
        if (cases[i].op == OP_PUSH_ENUM)
            rb_op2(b, cases[i].op, cases[i].a, cases[i].b);
        else
            rb_op1(b, cases[i].op, cases[i].a);
        rb_op(b, OP_RESULT);
        rb_rule_end(b);
        expect_bad(b, cases[i].msg);
    }
    /* reading an earlier outcome is fine, reading a later one is not */
    rbc_builder *b = base();
    rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_OUTCOME, 1);
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op(b, OP_GT);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "LOAD_OUTCOME op positie 0 in regel ‘R’ leest ‘s’, die niet vóór ‘r’ berekend "
                  "wordt");
}

Test(verify, join_mismatch)
{
    /* fall-through state differs from the jumped-in state */
    rbc_builder *b = code_base(0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_PUSH_TRUE);
    uint32_t j = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, OP_PUSH_TRUE);
    uint32_t l = rb_op(b, OP_RESULT);
    rb_patch(b, j, 0, l);
    rb_patch(b, j, 1, l);
    rb_rule_end(b);
    expect_bad(b, "de stapel verschilt tussen de paden die samenkomen op positie 12 in regel ‘R’");
    /* two jumps into one label with different types on the stack */
    b = code_base(0);
    rb_op1(b, OP_LOAD_INPUT, 0);
    j = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_PUSH_CONST, 0);
    uint32_t j2 = rb_op1(b, OP_JUMP, 0);
    l = rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_RESULT);
    rb_patch(b, j, 0, l);
    rb_patch(b, j, 1, l);
    rb_patch(b, j2, 0, l);
    rb_rule_end(b);
    expect_bad(b, "de stapel verschilt tussen de paden die samenkomen op positie 24 in regel ‘R’");
}

Test(verify, falls_off_block)
{
    rbc_builder *b = code_base(0);
    rb_op(b, OP_PUSH_TRUE);
    rb_rule_end(b);
    expect_bad(b, "regel ‘R’ loopt van het einde van haar code af na positie 0 (elk pad moet "
                  "eindigen in RESULT, NOT_APPLIED of RESULT_UNKNOWN)");
    b = code_base(0);
    rb_op1(b, OP_LOAD_INPUT, 0);
    uint32_t j = rb_op1(b, OP_JUMP_IF_TRUE_KEEP, 0);
    rb_op(b, OP_RESULT);
    rb_patch(b, j, 0, rb_op(b, OP_NOT));
    rb_rule_end(b);
    expect_bad(b, "regel ‘R’ loopt van het einde van haar code af na positie 11 (elk pad moet "
                  "eindigen in RESULT, NOT_APPLIED of RESULT_UNKNOWN)");
}

Test(verify, terminator_leaves_values)
{
    rbc_builder *b = code_base(0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "RESULT op positie 2 in regel ‘R’ laat 1 waarde(n) op de stapel achter");
    b = code_base(0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_NOT_APPLIED);
    rb_rule_end(b);
    expect_bad(b, "NOT_APPLIED op positie 1 in regel ‘R’ laat 1 waarde(n) op de stapel achter");
    b = code_base(0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_PUSH_FALSE);
    rb_op(b, OP_RESULT_UNKNOWN);
    rb_rule_end(b);
    expect_bad(b, "RESULT_UNKNOWN op positie 2 in regel ‘R’ laat 2 waarde(n) op de stapel achter");
}

Test(verify, spec_conclusion_layout_accepted)
{
    /* C1; COND L2, LU; V1; RESULT; L2: C2; COND L3, LU; V2; RESULT; L3: V3; RESULT; LU:
     * RESULT_UNKNOWN */
    rbc_builder *b = code_base(1);
    rb_op1(b, OP_LOAD_INPUT, 0);
    uint32_t c1 = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op(b, OP_RESULT);
    uint32_t l2 = rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op(b, OP_GE);
    uint32_t c2 = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op(b, OP_NEG);
    rb_op(b, OP_RESULT);
    uint32_t l3 = rb_op1(b, OP_LOAD_INPUT, 2);
    rb_op1(b, OP_FIELD, 0);
    rb_op(b, OP_RESULT);
    uint32_t lu = rb_op(b, OP_RESULT_UNKNOWN);
    rb_patch(b, c1, 0, l2);
    rb_patch(b, c1, 1, lu);
    rb_patch(b, c2, 0, l3);
    rb_patch(b, c2, 1, lu);
    rb_rule_end(b);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->max_stack, 2);
    regel_policy_free(p);
}

/* ---- v0.4: COND offsets for coverage ---- */

Test(verify, cond_offsets_reachable_ascending)
{
    /* rule "A" (RULES 0): a COND c1, then c2 after it, and an unreachable
     * COND cx; rule "B" (RULES 1): COND cb. The code ranges are swapped
     * afterwards, so the verifier walks the later code first. */
    rbc_builder *b = base();
    rb_rule_begin(b, "A", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    uint32_t c1 = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_RESULT);
    rb_patch(b, c1, 0, rb_op1(b, OP_LOAD_INPUT, 0));
    rb_op(b, OP_NOT);
    uint32_t c2 = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, OP_PUSH_FALSE);
    rb_op(b, OP_RESULT);
    rb_patch(b, c2, 0, rb_op(b, OP_NOT_APPLIED));
    rb_op(b, OP_PUSH_TRUE); /* unreachable: after a terminator, no jump here */
    uint32_t cx = rb_op2(b, OP_COND, 0, 0);
    uint32_t lu = rb_op(b, OP_RESULT_UNKNOWN);
    rb_patch(b, c1, 1, lu);
    rb_patch(b, c2, 1, lu);
    rb_patch(b, cx, 0, lu);
    rb_patch(b, cx, 1, lu);
    rb_rule_end(b);
    uint32_t end_a = rb_here(b);
    rb_rule_begin(b, "B", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    uint32_t cb = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, OP_PUSH_TRUE); /* every rule has a branch, so a RESULT (format 2.0) */
    rb_op(b, OP_RESULT);
    rb_patch(b, cb, 0, rb_op(b, OP_NOT_APPLIED));
    rb_patch(b, cb, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);
    uint32_t end_b = rb_here(b);
    rb_rule_set(b, 0, 7, end_a); /* A gets the later code, B the earlier */
    rb_rule_set(b, 0, 8, end_b - end_a);
    rb_rule_set(b, 1, 7, 0);
    rb_rule_set(b, 1, 8, end_a);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->rules[0].code_off, end_a);
    cr_assert_eq(p->n_conds, 3, "n_conds %u", p->n_conds);
    cr_assert_lt(c1, c2);
    cr_assert_lt(c2, cx);
    cr_assert_lt(cx, cb);
    cr_assert_eq(p->cond_offsets[0], c1);
    cr_assert_eq(p->cond_offsets[1], c2);
    cr_assert_eq(p->cond_offsets[2], cb);
    regel_policy_free(p);
}

Test(verify, cond_offsets_none)
{
    rbc_builder *b = base();
    rule_r(b);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->n_conds, 0);
    cr_assert_not_null(p->cond_offsets);
    regel_policy_free(p);
}

/* ---- API misuse and disassembly ---- */

Test(verify, load_usage)
{
    regel_error err;
    regel_policy *p;
    cr_assert_eq(regel_policy_load(NULL, 5, "x", &p, &err), REGEL_ERR_USAGE);
    cr_assert_eq(regel_policy_load((const uint8_t *)"", 0, "x", NULL, &err), REGEL_ERR_USAGE);
    cr_assert_eq(regel_policy_load((const uint8_t *)"", 0, NULL, &p, &err), REGEL_ERR_BYTECODE);
    cr_assert_str_eq(err.message, "ongeldige bytecode: het bestand is leeg");
    cr_assert_str_eq(err.file, "");
    cr_assert_eq(regel_policy_load((const uint8_t *)"", 0, "x", &p, NULL), REGEL_ERR_BYTECODE);
}

Test(verify, policy_pos_lookup)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_line(b, 0, 3, 1);
    rb_line(b, 5, 4, 9);
    regel_policy *p = expect_ok(b);
    uint32_t line, col;
    policy_pos(p, 0, &line, &col);
    cr_assert(line == 3 && col == 1);
    policy_pos(p, 4, &line, &col);
    cr_assert(line == 3 && col == 1);
    policy_pos(p, 5, &line, &col);
    cr_assert(line == 4 && col == 9);
    policy_pos(p, 99, &line, &col);
    cr_assert(line == 4 && col == 9);
    regel_policy_free(p);
}

Test(verify, disassemble)
{
    rbc_builder *b = base();
    uint32_t r = rb_rule_begin(b, "Toegang", 0, RBC_NONE);
    rb_rule_meta(b, r, "Art. 1", NULL, 5, 1);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, 2), 5, 1);
    rb_op1(b, OP_FIELD, 1);
    rb_op2(b, OP_PUSH_ENUM, 3, 1);
    rb_op(b, OP_EQ);
    uint32_t j = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_RESULT);
    rb_patch(b, j, 0, rb_op(b, OP_NOT_APPLIED));
    rb_patch(b, j, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);
    rb_rule_begin(b, "Som", 1, RBC_NONE);
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_line(b, rb_op(b, OP_DIV), 6, 12);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    size_t len;
    uint8_t *bytes = finish(b, &len);
    rb_free(b);
    char *out = NULL;
    regel_error err;
    cr_assert_eq(regel_disassemble(bytes, len, "x.rbc", &out, &err), REGEL_OK, "%s", err.message);
    static const char *const want[] = {
        "; beleid: \"Test\"\n",
        "; bron: \"Wet\"\n",
        "     3  soort Kleur is een van 0:rood, 1:groen\n",
        "     4  gegeven T heeft 0:n: getal, 1:k: Kleur\n",
        "     0  getal 0,5\n",
        "     1  tekst \"tekst\"\n",
        "     2  t: T\n",
        "     0  uitkomst r: waarheid  (weergave 0; regels: 0)\n",
        "     0  \"Toegang\" → r, regel 5 kolom 1, code 0..33\n",
        "        bron \"Art. 1\"\n",
        "regel 0 \"Toegang\" (r):\n",
        "       0  LOAD_INPUT           2            ; invoer t; bron 5:1\n",
        "       5  FIELD                1\n",
        "      10  PUSH_ENUM            3, 1         ; Kleur.groen\n",
        "      19  EQ\n",
        "      20  COND                 31, 32       ; onwaar → 31, onbekend → 32\n",
        "      31  NOT_APPLIED\n",
        "      32  RESULT_UNKNOWN\n",
        "      33  PUSH_CONST           0            ; 0,5\n",
        "      43  DIV                               ; bron 6:12\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        cr_assert(strstr(out, want[i]) != NULL, "ontbreekt: [%s] in\n%s", want[i], out);
    regel_free(out);
    /* a bad file gives the verifier's error and no listing */
    out = (char *)1;
    cr_assert_eq(regel_disassemble(bytes, len - 1, "x.rbc", &out, &err), REGEL_ERR_BYTECODE);
    cr_assert_null(out);
    free(bytes);
}

/* ---- v0.2: time, money, parameters, lists and loops ---- */

/* base() plus types 6 datum, 7 duur, 8 bedrag, 9 periode, 10 lijst van getal,
 * 11 lijst van periode, 12 lijst van T; inputs 3 peil: datum (the
 * peildatum), 4 l: lijst van getal, 5 ps: lijst van periode, 6 ts: lijst van
 * T; outcomes 2 d: datum, 3 b: bedrag; consts 2 date 2022-03-01, 3 duur 1
 * maand, 4 bedrag € 90,00; parameter 0 vergoeding: bedrag. */
static rbc_builder *base2(void)
{
    rbc_builder *b = base();
    rb_type_prim(b, RBC_TYPE_DATUM);
    rb_type_prim(b, RBC_TYPE_DUUR);
    rb_type_prim(b, RBC_TYPE_BEDRAG);
    rb_type_prim(b, RBC_TYPE_PERIODE);
    rb_type_list(b, 1);
    rb_type_list(b, 9);
    rb_type_list(b, 4);
    rb_input(b, "peil", 6);
    rb_input(b, "l", 10);
    rb_input(b, "ps", 11);
    rb_input(b, "ts", 12);
    rb_peildatum(b, 3);
    rb_outcome(b, "d", 6, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_outcome(b, "b", 8, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_const_date(b, (uint32_t)cal_from_ymd(2022, 3, 1));
    rb_const_duur(b, 1, 0);
    rb_const_bedrag(b, 9000);
    uint32_t from[] = {RBC_NONE}, until[] = {RBC_NONE}, val[] = {4};
    rb_param(b, "vergoeding", 8, 1, from, until, val);
    return b;
}

static rbc_builder *code_base2(uint32_t o)
{
    rbc_builder *b = base2();
    rb_rule_begin(b, "R", o, RBC_NONE);
    return b;
}

Test(verify2, valid_program_accepted)
{
    rbc_builder *b = code_base2(1);
    /* som van x voor elke x in l */
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op(b, OP_ADD);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_op(b, OP_RESULT));
    rb_rule_end(b);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->max_slots, 1);
    cr_assert_eq(p->peildatum_input, 3);
    cr_assert_eq(p->n_params, 1);
    cr_assert_eq(p->n_param_versions, 1);
    cr_assert_eq(p->types[10].elem, 1);
    cr_assert_eq(p->consts[4].cents, 9000);
    regel_policy_free(p);
}

Test(verify2, meta_peildatum)
{
    rbc_builder *b = base2();
    rule_r(b);
    rb_peildatum(b, 7);
    expect_bad(b, "META noemt invoer 7 als peildatum, maar er zijn 7 invoerfeiten");
    b = base2();
    rule_r(b);
    rb_peildatum(b, 1);
    expect_bad(b, "de peildatum (invoer ‘x’) is geen datum");
}

Test(verify2, list_types)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_type_list(b, 6);
    expect_bad(b, "lijst (type 6) heeft elementtype 6, dat niet vóór de lijst zelf staat");
    b = base();
    rule_r(b);
    rb_type_list(b, 1);
    rb_type_list(b, 6);
    expect_bad(b, "lijst (type 7) heeft als elementtype weer een lijst (type 6)");
}

Test(verify2, consts)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_const_date(b, 3652059);
    expect_bad(b, "constante 2 is dag 3652059, buiten het bereik van de kalender (0 tot en met "
                  "3652058)");
    b = base();
    rule_r(b);
    rb_const_num(b, 1, 1);
    rb_const_text(b, "x");
    uint8_t raw[] = {RBC_CONST_BEDRAG, 1, 2, 3};
    rb_section_extra(b, RBC_SEC_CONSTS, raw, sizeof raw);
    rb_section_count(b, RBC_SEC_CONSTS, 5);
    expect_bad(b, "sectie CONSTS is afgebroken: ingang 4 loopt voorbij het einde van de sectie "
                  "(52 bytes)");
}

Test(verify2, rule_validity)
{
    rbc_builder *b = base2();
    rule_r(b);
    rb_rule_validity(b, 0, 100, 100);
    expect_bad(b, "regel 0 is geldig vanaf dag 100 tot dag 100: het begin ligt niet vóór het "
                  "einde");
    b = base2();
    rule_r(b);
    rb_rule_validity(b, 0, 3652059, RBC_NONE);
    expect_bad(b, "regel 0 is geldig vanaf dag 3652059, buiten het bereik van de kalender");
    b = base2();
    rule_r(b);
    rb_rule_validity(b, 0, RBC_NONE, 3652060);
    expect_bad(b, "regel 0 is geldig tot dag 3652060, buiten het bereik van de kalender");
    /* a validity needs a peildatum */
    b = base();
    rule_r(b);
    rb_rule_validity(b, 0, 5, RBC_NONE);
    expect_bad(b, "regel ‘R’ heeft een geldigheid, maar het beleid heeft geen peildatum");
}

Test(verify2, rule_versions_share_a_name)
{
    rbc_builder *b = base2();
    rule_r(b);
    rule_r(b);
    rb_rule_validity(b, 0, RBC_NONE, 100);
    rb_rule_validity(b, 1, 100, RBC_NONE);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->rules[1].valid_from, 100);
    regel_policy_free(p);
    b = base2();
    rule_r(b);
    rule_r(b);
    rb_rule_validity(b, 0, RBC_NONE, 101);
    rb_rule_validity(b, 1, 100, RBC_NONE);
    expect_bad(b, "regelnaam ‘R’ komt twee keer voor (regel 0 en regel 1)");
}

static void param_bad(uint32_t type, uint32_t n, const uint32_t *from, const uint32_t *until,
                      const uint32_t *val, const char *msg)
{
    rbc_builder *b = base2();
    rule_r(b);
    rb_param(b, "p", type, n, from, until, val);
    expect_bad(b, msg);
}

Test(verify2, params)
{
    uint32_t f2[] = {RBC_NONE, 100}, u2[] = {100, RBC_NONE}, v2[] = {4, 4};
    rbc_builder *b = base2();
    rule_r(b);
    rb_param(b, "p", 8, 2, f2, u2, v2);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->n_params, 2);
    cr_assert_eq(p->n_param_versions, 3);
    cr_assert_eq(p->params[1].first_version, 1);
    cr_assert_eq(p->params[1].versions[1].from, 100);
    regel_policy_free(p);

    uint32_t u2b[] = {101, RBC_NONE};
    param_bad(8, 2, f2, u2b, v2,
              "versies 1 en 2 van parameter ‘p’ overlappen of staan niet op "
              "volgorde");
    uint32_t f2c[] = {100, RBC_NONE};
    uint32_t u2c[] = {200, 50};
    param_bad(8, 2, f2c, u2c, v2,
              "versies 1 en 2 van parameter ‘p’ overlappen of staan niet op "
              "volgorde");
    uint32_t v1[] = {0};
    param_bad(8, 1, f2, u2, v1,
              "versie 1 van parameter ‘p’ heeft constante 0, die niet van het "
              "type van de parameter is");
    uint32_t v9[] = {9};
    param_bad(8, 1, f2, u2, v9,
              "versie 1 van parameter ‘p’ verwijst naar constante 9, maar er "
              "zijn 5 constanten");
    param_bad(99, 1, f2, u2, v2, "parameter ‘p’ heeft type 99, maar er zijn 13 types");
    uint32_t fe[] = {7}, ue[] = {7};
    param_bad(8, 1, fe, ue, v2,
              "versie 1 van parameter ‘p’ is geldig vanaf dag 7 tot dag 7: het "
              "begin ligt niet vóór het einde");
    param_bad(8, 0, f2, u2, v2, "parameter ‘p’ heeft geen versies");
}

struct opcase {
    uint32_t outcome;
    void (*emit)(rbc_builder *b);
    const char *msg;
};

static void e_date_add_bad(rbc_builder *b)
{
    rb_op1(b, OP_PUSH_CONST, 2);
    rb_op1(b, OP_PUSH_CONST, 2); /* datum instead of duur */
    rb_op(b, OP_DATE_ADD);
    rb_op(b, OP_RESULT);
}

static void e_lt_duur(rbc_builder *b)
{
    rb_op1(b, OP_PUSH_CONST, 3);
    rb_op1(b, OP_PUSH_CONST, 3);
    rb_op(b, OP_LT);
    rb_op(b, OP_RESULT);
}

static void e_eq_list(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op(b, OP_EQ);
    rb_op(b, OP_RESULT);
}

static void e_bedrag_add_getal(rbc_builder *b)
{
    rb_op1(b, OP_PUSH_CONST, 4);
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op(b, OP_BEDRAG_ADD);
    rb_op(b, OP_RESULT);
}

static void e_make_duur_unit(rbc_builder *b)
{
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op1(b, OP_MAKE_DUUR, 4);
    rb_op(b, OP_POP);
    rb_op(b, OP_NOT_APPLIED);
}

static void e_round_mode(rbc_builder *b)
{
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op2(b, OP_ROUND, 4, 2);
    rb_op(b, OP_RESULT);
}

static void e_round_decimals(rbc_builder *b)
{
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op2(b, OP_ROUND, 0, 19);
    rb_op(b, OP_RESULT);
}

static void e_param_index(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_PARAM, 1);
    rb_op(b, OP_RESULT);
}

static void e_param_at_type(rbc_builder *b)
{
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op1(b, OP_LOAD_PARAM_AT, 0);
    rb_op(b, OP_RESULT);
}

static void e_clip_bad(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, 4); /* lijst van getal */
    rb_op1(b, OP_PUSH_CONST, 2);
    rb_op(b, OP_MAKE_PERIODE_OPEN);
    rb_op(b, OP_PERIODES_CLIP);
    rb_op(b, OP_POP);
    rb_op(b, OP_NOT_APPLIED);
}

static void e_list_len_bad(rbc_builder *b)
{
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op(b, OP_LIST_LEN);
    rb_op(b, OP_RESULT);
}

static void e_list_new_bad(rbc_builder *b)
{
    rb_op1(b, OP_LIST_NEW, 1);
    rb_op(b, OP_POP);
    rb_op(b, OP_NOT_APPLIED);
}

static void e_append_bad(rbc_builder *b)
{
    rb_op1(b, OP_LIST_NEW, 10);
    rb_op1(b, OP_PUSH_CONST, 2);
    rb_op(b, OP_LIST_APPEND);
    rb_op(b, OP_POP);
    rb_op(b, OP_NOT_APPLIED);
}

static void e_acc_min_bad(rbc_builder *b)
{
    rb_op1(b, OP_PUSH_LEEG, 2);
    rb_op1(b, OP_PUSH_CONST, 1);
    rb_op(b, OP_ACC_MIN);
    rb_op(b, OP_POP);
    rb_op(b, OP_NOT_APPLIED);
}

static void e_first_by_bad(rbc_builder *b)
{
    rb_op1(b, OP_PUSH_LEEG, 1);
    rb_op1(b, OP_PUSH_LEEG, 1);
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op1(b, OP_PUSH_CONST, 2);
    rb_op(b, OP_ACC_FIRST_BY);
    rb_op(b, OP_RESULT);
}

static void e_iter_non_list(rbc_builder *b)
{
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op1(b, OP_ITER_BEGIN, 0);
    rb_op(b, OP_NOT_APPLIED);
}

static void e_iter_slot_range(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op1(b, OP_ITER_BEGIN, 16);
    rb_op(b, OP_NOT_APPLIED);
}

static void e_iter_active(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op1(b, OP_ITER_BEGIN, 0);
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op1(b, OP_ITER_BEGIN, 0);
    rb_op(b, OP_NOT_APPLIED);
}

static void e_load_local_outside(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_op1(b, OP_LOAD_LOCAL, 0));
    rb_op(b, OP_RESULT);
}

static void e_next_inactive(rbc_builder *b)
{
    rb_op2(b, OP_ITER_NEXT, 1, 9);
    rb_op(b, OP_NOT_APPLIED);
}

/* LOOP from the inner loop straight back to the outer ITER_NEXT while the
 * inner slot is still active: the loop state differs */
static void e_loop_state_slots(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t outer = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op1(b, OP_ITER_BEGIN, 1);
    uint32_t inner = rb_op2(b, OP_ITER_NEXT, 1, 0);
    rb_op1(b, OP_LOOP, outer);
    rb_patch(b, inner, 1, rb_op1(b, OP_LOOP, outer));
    rb_patch(b, outer, 1, rb_op(b, OP_NOT_APPLIED));
}

/* the stack at LOOP is deeper than at the ITER_NEXT */
static void e_loop_state_stack(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_op(b, OP_NOT_APPLIED));
}

/* a LOOP after the first loop's exit, back into that (finished) loop */
static void e_loop_not_enclosing(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t first = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOOP, first);
    rb_patch(b, first, 1, rb_op1(b, OP_LOAD_INPUT, 4));
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t second = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOOP, first);
    rb_patch(b, second, 1, rb_op(b, OP_NOT_APPLIED));
}

static void e_loop_not_iter_next(rbc_builder *b)
{
    uint32_t at = rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_POP);
    rb_op1(b, OP_LOOP, at);
}

/* slot 0 is begun again inside its own loop, after an inner ITER_NEXT 0
 * ended it: rejected (could loop forever) */
static void e_begin_inside_own_loop(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t t = rb_op2(b, OP_ITER_NEXT, 0, 0);
    uint32_t t2 = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOOP, t2);
    rb_patch(b, t2, 1, rb_op1(b, OP_LOAD_INPUT, 4));
    rb_op1(b, OP_ITER_BEGIN, 0);
    rb_op1(b, OP_LOOP, t);
    rb_patch(b, t, 1, rb_op(b, OP_NOT_APPLIED));
}

static void e_join_slots(rbc_builder *b)
{
    rb_op1(b, OP_LOAD_INPUT, 0);
    uint32_t c = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t j = rb_op1(b, OP_JUMP, 0);
    uint32_t l = rb_op(b, OP_NOT_APPLIED);
    rb_patch(b, c, 0, l);
    rb_patch(b, c, 1, l);
    rb_patch(b, j, 0, l);
}

static void e_leeg_jump_back(rbc_builder *b)
{
    uint32_t at = rb_op1(b, OP_PUSH_LEEG, 1);
    rb_op1(b, OP_JUMP_IF_NOT_LEEG, at);
    rb_op(b, OP_RESULT);
}

Test(verify2, opcodes)
{
    static const struct opcase cases[] = {
        {2, e_date_add_bad, "DATE_ADD op positie 10 in regel ‘R’ verwacht duur, maar krijgt datum"},
        {0, e_lt_duur,
         "LT op positie 10 in regel ‘R’ kan duur niet ordenen (alleen getal, datum en "
         "bedrag)"},
        {0, e_eq_list,
         "EQ op positie 10 in regel ‘R’ kan lijsten (lijst van getal) niet "
         "vergelijken"},
        {3, e_bedrag_add_getal,
         "BEDRAG_ADD op positie 10 in regel ‘R’ verwacht bedrag, maar krijgt getal"},
        {0, e_make_duur_unit, "MAKE_DUUR op positie 5 in regel ‘R’ heeft onbekende eenheid 4"},
        {1, e_round_mode,
         "ROUND op positie 5 in regel ‘R’ heeft ongeldige operanden (wijze 4, 2 decimalen)"},
        {1, e_round_decimals,
         "ROUND op positie 5 in regel ‘R’ heeft ongeldige operanden (wijze 0, 19 decimalen)"},
        {3, e_param_index,
         "LOAD_PARAM op positie 0 in regel ‘R’ verwijst naar parameter 1, maar "
         "er zijn 1 parameters"},
        {3, e_param_at_type,
         "LOAD_PARAM_AT op positie 5 in regel ‘R’ verwacht datum, maar krijgt getal"},
        {0, e_clip_bad,
         "PERIODES_CLIP op positie 11 in regel ‘R’ verwacht lijst van periode, "
         "maar krijgt lijst van getal"},
        {1, e_list_len_bad,
         "LIST_LEN op positie 5 in regel ‘R’ verwacht een lijst, maar krijgt getal"},
        {0, e_list_new_bad,
         "LIST_NEW op positie 0 in regel ‘R’ verwijst naar type 1, dat geen lijst is"},
        {0, e_append_bad,
         "LIST_APPEND op positie 10 in regel ‘R’ kan datum niet toevoegen aan "
         "lijst van getal"},
        {0, e_acc_min_bad,
         "ACC_MIN op positie 10 in regel ‘R’ kan tekst niet ordenen (alleen getal, datum en "
         "bedrag)"},
        {1, e_first_by_bad,
         "ACC_FIRST_BY op positie 20 in regel ‘R’: element en sleutel passen "
         "niet bij de accumulator"},
        {0, e_iter_non_list,
         "ITER_BEGIN op positie 5 in regel ‘R’ verwacht een lijst, maar krijgt getal"},
        {0, e_iter_slot_range,
         "ITER_BEGIN op positie 5 in regel ‘R’ gebruikt lus 16 (hoogstens 16 lussen per regel)"},
        {0, e_iter_active, "ITER_BEGIN op positie 15 in regel ‘R’ begint lus 0, die al loopt"},
        {1, e_load_local_outside,
         "LOAD_LOCAL op positie 24 in regel ‘R’ leest lus 0, die hier niet loopt"},
        {0, e_next_inactive,
         "ITER_NEXT op positie 0 in regel ‘R’ gebruikt lus 1, die hier niet "
         "loopt"},
        {0, e_loop_state_slots,
         "LOOP op positie 38 in regel ‘R’: de actieve lussen verschillen "
         "van die bij het begin van de lus (positie 10)"},
        {0, e_loop_state_stack,
         "LOOP op positie 24 in regel ‘R’: de stapel verschilt van die bij "
         "het begin van de lus (positie 10)"},
        {0, e_loop_not_enclosing,
         "LOOP op positie 43 in regel ‘R’ springt terug naar de lus op "
         "positie 10, die haar niet omvat"},
        {0, e_loop_not_iter_next,
         "LOOP op positie 2 in regel ‘R’ springt naar positie 0, dat geen eerdere ITER_NEXT is"},
        {0, e_begin_inside_own_loop,
         "ITER_BEGIN op positie 38 in regel ‘R’ begint lus 0 opnieuw binnen die lus zelf"},
        {0, e_join_slots,
         "de actieve lussen verschillen tussen de paden die samenkomen op positie "
         "29 in regel ‘R’"},
        {1, e_leeg_jump_back,
         "sprong terug naar positie 0 in regel ‘R’ (instructie op positie "
         "5); alleen sprongen vooruit zijn toegestaan"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        rbc_builder *b = code_base2(cases[i].outcome);
        cases[i].emit(b);
        rb_rule_end(b);
        expect_bad(b, cases[i].msg);
    }
}

Test(verify2, load_param_needs_peildatum)
{
    rbc_builder *b = base();
    rb_type_prim(b, RBC_TYPE_BEDRAG);
    rb_const_bedrag(b, 5);
    uint32_t from[] = {RBC_NONE}, until[] = {RBC_NONE}, val[] = {2};
    rb_param(b, "p", 6, 1, from, until, val);
    rb_outcome(b, "b", 6, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_rule_begin(b, "R", 2, RBC_NONE);
    rb_op1(b, OP_LOAD_PARAM, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "LOAD_PARAM op positie 0 in regel ‘R’ heeft de peildatum nodig, maar het beleid "
                  "heeft er geen");
}

Test(verify2, disassemble)
{
    rbc_builder *b = base2();
    uint32_t r = rb_rule_begin(b, "Vergoeding", 3, RBC_NONE);
    rb_rule_validity(b, r, (uint32_t)cal_from_ymd(2022, 3, 1), RBC_NONE);
    rb_op1(b, OP_LOAD_PARAM, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "Som", 1, RBC_NONE);
    rb_op1(b, OP_PUSH_CONST, 0);
    rb_op1(b, OP_LOAD_INPUT, 4);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op(b, OP_ADD);
    rb_op2(b, OP_ROUND, 2, 1);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_op(b, OP_RESULT));
    rb_rule_end(b);
    rb_const_bedrag(b, -125050);
    rb_const_duur(b, 14, 3);
    size_t len;
    uint8_t *bytes = finish(b, &len);
    rb_free(b);
    char *out = NULL;
    regel_error err;
    cr_assert_eq(regel_disassemble(bytes, len, "x.rbc", &out, &err), REGEL_OK, "%s", err.message);
    static const char *const want[] = {
        "; peildatum: invoer 3 (peil)\n",
        "; lussen: 1\n",
        "     6  datum\n",
        "    10  lijst van getal (element: type 1)\n",
        "    12  lijst van T (element: type 4)\n",
        "     2  datum 2022-03-01\n",
        "     3  duur 1 maand\n",
        "     4  bedrag € 90,00\n",
        "     5  bedrag -€ 1.250,50\n",
        "     6  duur 14 maanden en 3 dagen\n",
        "     4  l: lijst van getal\n",
        "\"Vergoeding\" → b, regel 1 kolom 1, code 0..6, geldig vanaf 2022-03-01\n",
        "PARAMS (1)\n",
        "     0  parameter vergoeding: bedrag\n",
        "        is € 90,00 (constante 4) altijd geldig\n",
        "       0  LOAD_PARAM           0            ; parameter vergoeding op de peildatum\n",
        "      16  ITER_BEGIN           0            ; lus 0\n",
        "      21  ITER_NEXT            0, 50        ; lus 0, klaar → 50\n",
        "      30  LOAD_LOCAL           0            ; lus 0\n",
        "      36  ROUND                2, 1         ; afgerond rekenkundig op 1 decimalen\n",
        "      45  LOOP                 21           ; terug naar 21\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        cr_assert(strstr(out, want[i]) != NULL, "ontbreekt: [%s] in\n%s", want[i], out);
    regel_free(out);
    free(bytes);
}

/* ---- v0.3: optional inputs and fields, defaults, questions, geen ---- */

Test(verify3, input_flags)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_input_ext(b, "o", 1, 4, RBC_NONE, NULL);
    expect_bad(b, "invoer ‘o’ heeft onbekende vlaggen 0x4");
}

/* (niet negatief), RBC_NONNEGATIVE: only on a getal, bedrag or duur (not a
 * list of them), and a `standaard` that is not negative. */
Test(verify3, nonnegative_inputs)
{
    rbc_builder *b = base2(); /* 7 duur, 8 bedrag */
    rule_r(b);
    rb_input_ext(b, "g", 1, RBC_NONNEGATIVE, rb_const_num(b, 0, 1), NULL);
    rb_input_ext(b, "du", 7, RBC_NONNEGATIVE | RBC_OPTIONAL, RBC_NONE, NULL);
    rb_input_ext(b, "e", 8, RBC_NONNEGATIVE, rb_const_bedrag(b, 125), NULL);
    regel_policy_free(expect_ok(b));
}

Test(verify3, nonnegative_on_other_kinds)
{
    /* waarheid, tekst, soort, gegeven, datum, periode, lijst van getal */
    const uint32_t kinds[] = {0, 2, 3, 4, 6, 9, 10};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        rbc_builder *b = base2();
        rule_r(b);
        rb_input_ext(b, "o", kinds[k], RBC_NONNEGATIVE, RBC_NONE, NULL);
        expect_bad(b, "invoer ‘o’ is niet negatief, maar dat kan alleen bij een getal, bedrag of "
                      "duur");
    }
}

Test(verify3, nonnegative_negative_default)
{
    rbc_builder *b = base2();
    rule_r(b);
    uint32_t c = rb_const_duur(b, 1, -3);
    rb_input_ext(b, "o", 7, RBC_NONNEGATIVE, c, NULL);
    char want[160];
    snprintf(want, sizeof want,
             "de standaardwaarde van invoer ‘o’ (constante %u) is negatief, maar de invoer is "
             "niet negatief",
             c);
    expect_bad(b, want);
}

Test(verify3, nonnegative_fields)
{
    rbc_builder *b = base();
    rule_r(b);
    const char *fields[] = {"n", "k"};
    uint32_t types[] = {1, 1}, flags[] = {RBC_NONNEGATIVE, RBC_NONNEGATIVE | RBC_OPTIONAL};
    rb_type_record_flags(b, "U", 2, fields, types, flags);
    regel_policy_free(expect_ok(b));

    b = base();
    rule_r(b);
    uint32_t types2[] = {1, 3};
    rb_type_record_flags(b, "U", 2, fields, types2, flags);
    expect_bad(b, "veld ‘k’ van gegeven ‘U’ (type 6) is niet negatief, maar dat kan alleen bij "
                  "een getal, bedrag of duur");
}

Test(verify3, input_default_out_of_range)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_input_ext(b, "o", 1, 0, 99, NULL);
    expect_bad(b, "invoer ‘o’ heeft als standaardwaarde constante 99, maar er zijn 2 constanten");
}

Test(verify3, input_default_wrong_type)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_input_ext(b, "o", 1, RBC_OPTIONAL, 1, NULL); /* "tekst" for a getal */
    expect_bad(b, "de standaardwaarde van invoer ‘o’ (constante 1) past niet bij haar type");
}

Test(verify3, input_default_bool_for_getal)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_input_ext(b, "o", 1, 0, rb_const_bool(b, 1), NULL);
    expect_bad(b, "de standaardwaarde van invoer ‘o’ (constante 2) past niet bij haar type");
}

Test(verify3, input_default_geen_needs_optional)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_input_ext(b, "o", 1, 0, rb_const_geen(b), NULL);
    expect_bad(b, "de standaardwaarde van invoer ‘o’ (constante 2) past niet bij haar type (geen, "
                  "maar de invoer is niet optioneel)");
}

Test(verify3, input_default_member_of_other_soort)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_input_ext(b, "o", 3, 0, rb_const_enum(b, 5, 0), NULL); /* Maat.klein for a Kleur */
    expect_bad(b, "de standaardwaarde van invoer ‘o’ (constante 2) past niet bij haar type");
}

Test(verify3, const_waarheid_value)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_const_bool(b, 2);
    expect_bad(b, "constante 2 is een waarheid met waarde 2 (verwacht 0 of 1)");
}

Test(verify3, const_enum_not_a_soort)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_const_enum(b, 1, 0);
    expect_bad(b, "constante 2 verwijst naar type 1, dat geen soort is");
}

Test(verify3, const_enum_member_range)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_const_enum(b, 3, 5);
    expect_bad(b, "constante 2 is lid 5 van soort ‘Kleur’, die 2 leden heeft");
}

Test(verify3, const_enum_truncated)
{
    rbc_builder *b = base();
    rule_r(b);
    uint8_t raw[] = {RBC_CONST_ENUM, 3, 0, 0, 0};
    rb_section_extra(b, RBC_SEC_CONSTS, raw, sizeof raw);
    rb_section_count(b, RBC_SEC_CONSTS, 3);
    expect_bad(b, "sectie CONSTS is afgebroken: ingang 2 loopt voorbij het einde van de sectie "
                  "(31 bytes)");
}

Test(verify3, push_const_default_only)
{
    rbc_builder *b = base();
    uint32_t k = rb_const_bool(b, 1);
    rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op1(b, OP_PUSH_CONST, k);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "PUSH_CONST op positie 0 in regel ‘R’ verwijst naar constante 2, die alleen een "
                  "standaardwaarde van een invoer mag zijn");
}

Test(verify3, field_flags)
{
    rbc_builder *b = base();
    rule_r(b);
    const char *fields[] = {"n"};
    uint32_t types[] = {1}, flags[] = {4};
    rb_type_record_flags(b, "U", 1, fields, types, flags);
    expect_bad(b, "veld ‘n’ van gegeven ‘U’ (type 6) heeft onbekende vlaggen 0x4");
}

Test(verify3, outcome_flags)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_outcome(b, "z", 1, RBC_OUTCOME_OUTPUT | 4, RBC_NONE);
    expect_bad(b, "uitkomst ‘z’ heeft onbekende vlaggen 0x5");
}

Test(verify3, push_geen_type)
{
    rbc_builder *b = base();
    rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_PUSH_GEEN, 99);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "PUSH_GEEN op positie 0 in regel ‘S’ verwijst naar type 99, maar er zijn 6 "
                  "types");
}

Test(verify3, push_geen_typed)
{
    rbc_builder *b = base();
    rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_PUSH_GEEN, 2); /* tekst, for a getal outcome */
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "RESULT op positie 5 in regel ‘S’ geeft tekst, maar uitkomst ‘s’ is getal");
}

Test(verify3, is_known_empty_stack)
{
    rbc_builder *b = base();
    rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op(b, OP_IS_KNOWN);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "IS_KNOWN op positie 0 in regel ‘R’ haalt een waarde van een lege stapel");
}

Test(verify3, is_geen_gives_waarheid)
{
    rbc_builder *b = base();
    rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 2);
    rb_op(b, OP_IS_GEEN);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "RESULT op positie 6 in regel ‘S’ geeft waarheid, maar uitkomst ‘s’ is getal");
}

Test(verify3, peildatum_not_optional)
{
    rbc_builder *b = base();
    rule_r(b);
    uint32_t td = rb_type_prim(b, RBC_TYPE_DATUM);
    rb_peildatum(b, rb_input_ext(b, "peil", td, RBC_OPTIONAL, RBC_NONE, NULL));
    expect_bad(b, "de peildatum (invoer ‘peil’) mag niet optioneel zijn");
}

Test(verify3, param_rejects_default_only_const)
{
    rbc_builder *b = base();
    rule_r(b);
    uint32_t k = rb_const_bool(b, 1);
    uint32_t from[] = {RBC_NONE}, until[] = {RBC_NONE}, val[] = {k};
    rb_param(b, "p", 0, 1, from, until, val);
    expect_bad(b, "versie 1 van parameter ‘p’ heeft constante 2, die niet van het type van de "
                  "parameter is");
}

Test(verify3, question_string_index)
{
    rbc_builder *b = base();
    rule_r(b);
    uint32_t raw[] = {0, 1, 0, RBC_NONE, 77}; /* name "Test", getal, question str 77 */
    uint8_t bytes[20];
    for (int i = 0; i < 5; i++)
        for (int k = 0; k < 4; k++)
            bytes[i * 4 + k] = (uint8_t)(raw[i] >> (8 * k));
    rb_section_extra(b, RBC_SEC_INPUTS, bytes, sizeof bytes);
    rb_section_count(b, RBC_SEC_INPUTS, 4);
    char want[200];
    snprintf(want, sizeof want, "invoer 3 verwijst naar tekst 77, maar STRINGS heeft %u teksten",
             18u);
    expect_bad(b, want);
}

Test(verify3, valid_layout_and_disassembly)
{
    rbc_builder *b = base();
    const char *fields[] = {"van", "uren"};
    uint32_t td = rb_type_prim(b, RBC_TYPE_DATUM); /* type 6 */
    uint32_t types[] = {td, 1}, flags[] = {RBC_OPTIONAL, 0};
    uint32_t tc = rb_type_record_flags(b, "Contract", 2, fields, types, flags);
    uint32_t i_z = rb_input_ext(b, "ziek", 0, 0, rb_const_bool(b, 0), "Bent u ziek?");
    rb_input_ext(b, "kleur", 3, 0, rb_const_enum(b, 3, 1), NULL);
    uint32_t i_e = rb_input_ext(b, "einde", td, RBC_OPTIONAL, rb_const_geen(b), NULL);
    rb_input_ext(b, "contract", tc, RBC_OPTIONAL, RBC_NONE, NULL);
    uint32_t o = rb_outcome(b, "eind", td, RBC_OUTCOME_OUTPUT | RBC_OUTCOME_OPTIONAL, RBC_NONE);
    rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, i_e);
    rb_op(b, OP_IS_KNOWN);
    rb_op1(b, OP_LOAD_INPUT, i_z);
    rb_op(b, OP_IS_GEEN);
    rb_op(b, OP_OR);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "E", o, RBC_NONE);
    rb_op1(b, OP_PUSH_GEEN, td);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    size_t len;
    uint8_t *bytes = finish(b, &len);
    rb_free(b);
    regel_policy *p = NULL;
    regel_error err;
    cr_assert_eq(regel_policy_load(bytes, len, "x.rbc", &p, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(p->inputs[i_z].def, 2);
    cr_assert_str_eq(p->inputs[i_z].vraag, "Bent u ziek?");
    cr_assert_null(p->inputs[0].vraag);
    cr_assert_eq(p->inputs[0].def, RBC_NONE);
    cr_assert_eq(p->inputs[i_e].flags, RBC_OPTIONAL);
    cr_assert_eq(p->consts[3].kind, RBC_CONST_ENUM);
    cr_assert_eq(p->consts[3].type, 3);
    cr_assert_eq(p->consts[3].q.num, 1);
    cr_assert_eq(p->consts[2].q.num, 0);
    cr_assert_eq(p->types[tc].fields[0].flags, RBC_OPTIONAL);
    cr_assert_eq(p->outcomes[o].flags, RBC_OUTCOME_OUTPUT | RBC_OUTCOME_OPTIONAL);
    regel_policy_free(p);
    char *out = NULL;
    cr_assert_eq(regel_disassemble(bytes, len, "x.rbc", &out, &err), REGEL_OK, "%s", err.message);
    static const char *const want[] = {
        "     7  gegeven Contract heeft 0:van: datum (optioneel), 1:uren: getal\n",
        "     2  waarheid onwaar\n",
        "     3  soort Kleur.groen\n",
        "     4  geen geen\n",
        "     3  ziek: waarheid standaard onwaar (constante 2) vraag \"Bent u ziek?\"\n",
        "     4  kleur: Kleur standaard Kleur.groen (constante 3)\n",
        "     5  einde: datum (optioneel) standaard geen (constante 4)\n",
        "     6  contract: Contract (optioneel)\n",
        "uitkomst eind: datum (optioneel)  (weergave 2; regels: 1)\n",
        "IS_KNOWN\n",
        "IS_GEEN\n",
        "PUSH_GEEN            6            ; datum\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        cr_assert(strstr(out, want[i]) != NULL, "ontbreekt: [%s] in\n%s", want[i], out);
    regel_free(out);
    free(bytes);
}

/* ---- EXPLAIN (format 2.0) ---- */

/* exact message when it is known, else its start (counts that depend on the
 * pool size) */
static void expect_bad_start(rbc_builder *b, const char *start)
{
    size_t len;
    uint8_t *bytes = finish(b, &len);
    regel_policy *p = (regel_policy *)1;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_policy_load(bytes, len, "x.rbc", &p, &err);
    cr_assert_eq(rc, REGEL_ERR_BYTECODE, "verwacht een fout, kreeg %d", rc);
    cr_assert_null(p);
    char want[600];
    snprintf(want, sizeof want, PFX "%s", start);
    cr_assert(strncmp(err.message, want, strlen(want)) == 0, "kreeg: %s\nverwacht: %s…",
              err.message, want);
    free(bytes);
    rb_free(b);
}

/* Rule R for r: `waar indien a, anders onwaar` with atom 0 "a" (ref input a):
 *   0 LOAD_INPUT 0; 5 NOTE 0; 10 COND 21, 23; 19 PUSH_TRUE; 20 RESULT;
 *  21 PUSH_FALSE; 22 RESULT; 23 RESULT_UNKNOWN
 * Branches are left to the caller (none: the builder's default). */
static uint32_t rule_cond(rbc_builder *b, uint32_t *res0, uint32_t *res1)
{
    uint32_t ra[] = {RBC_REF_INPUT, 0};
    rb_atom(b, "a", 7, 12, 1, ra);
    uint32_t r = rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op1(b, OP_NOTE, 0);
    uint32_t c = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, OP_PUSH_TRUE);
    *res0 = rb_op(b, OP_RESULT);
    rb_patch(b, c, 0, rb_op(b, OP_PUSH_FALSE));
    *res1 = rb_op(b, OP_RESULT);
    rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);
    return r;
}

static const uint32_t node_a[] = {RBC_CN_ATOM, 0};

/* rule_cond with its two proper branches */
static rbc_builder *explain_base(uint32_t *r)
{
    rbc_builder *b = base();
    uint32_t res0, res1;
    *r = rule_cond(b, &res0, &res1);
    rb_branch(b, *r, res0, "a", 1, node_a);
    rb_branch(b, *r, res1, NULL, 0, NULL);
    return b;
}

Test(explain, full_section_loads)
{
    rbc_builder *b = base();
    uint32_t from = RBC_NONE, until = RBC_NONE, val = 0;
    rb_param(b, "p", 1, 1, &from, &until, &val);
    uint32_t res0, res1;
    uint32_t r = rule_cond(b, &res0, &res1);
    uint32_t refs[] = {RBC_REF_OUTCOME, 1, RBC_REF_PARAM, 0, RBC_REF_INPUT, 2};
    cr_assert_eq(rb_atom(b, "s > p en t.n = 1", 9, 3, 3, refs), 1);
    rb_seg ru[] = {{RBC_SEG_TEXT, 0, "Regel over {"},
                   {RBC_SEG_INPUT, 1, NULL},
                   {RBC_SEG_OUTCOME, 0, NULL},
                   {RBC_SEG_PARAM, 0, NULL}};
    rb_rule_uitleg(b, r, 4, ru);
    uint32_t nodes[] = {RBC_CN_ATOM, 0, RBC_CN_NOT, 0, RBC_CN_ATOM, 1, RBC_CN_OR, 0};
    rb_branch(b, r, res0, "niet a of s > p en t.n = 1", 4, nodes);
    rb_branch(b, r, res1, NULL, 0, NULL);
    rb_seg rb1[] = {{RBC_SEG_TEXT, 0, "Anders."}};
    rb_branch_uitleg(b, r, 1, 1, rb1);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->n_atoms, 2);
    cr_assert_str_eq(p->atoms[0].text, "a");
    cr_assert_eq(p->atoms[0].line, 7);
    cr_assert_eq(p->atoms[0].col, 12);
    cr_assert_eq(p->atoms[1].n_refs, 3);
    cr_assert_eq(p->atoms[1].refs[1].kind, RBC_REF_PARAM);
    cr_assert_eq(p->atoms[1].refs[2].index, 2);
    cr_assert_eq(p->n_branches_total, 2);
    const rt_rule *u = &p->rules[0];
    cr_assert_eq(u->first_branch, 0);
    cr_assert_eq(u->uitleg.n, 4);
    cr_assert_str_eq(u->uitleg.segs[0].text, "Regel over {");
    cr_assert_eq(u->uitleg.segs[1].kind, RBC_SEG_INPUT);
    cr_assert_eq(u->uitleg.segs[1].index, 1);
    cr_assert_eq(u->uitleg.segs[3].kind, RBC_SEG_PARAM);
    cr_assert_eq(u->n_branches, 2);
    cr_assert_eq(u->branches[0].result_off, res0);
    cr_assert_str_eq(u->branches[0].cond_text, "niet a of s > p en t.n = 1");
    cr_assert_eq(u->branches[0].n_nodes, 4);
    cr_assert_eq(u->branches[0].nodes[3].kind, RBC_CN_OR);
    cr_assert_eq(u->branches[0].uitleg.n, 0);
    cr_assert_eq(u->branches[1].result_off, res1);
    cr_assert_null(u->branches[1].cond_text);
    cr_assert_eq(u->branches[1].uitleg.n, 1);
    cr_assert_str_eq(u->branches[1].uitleg.segs[0].text, "Anders.");
    regel_policy_free(p);
}

Test(explain, default_builder_section_loads)
{
    /* no atoms, one unconditional branch per RESULT, global numbering */
    rbc_builder *b = base();
    uint32_t res0, res1;
    rule_r(b);
    rb_rule_set(b, 0, 0, rb_str(b, "R0"));
    rule_cond(b, &res0, &res1);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->n_branches_total, 3);
    cr_assert_eq(p->rules[0].n_branches, 1);
    cr_assert_eq(p->rules[1].first_branch, 1);
    cr_assert_eq(p->rules[1].branches[1].result_off, res1);
    cr_assert_eq(p->rules[1].uitleg.n, 0);
    regel_policy_free(p);
}

Test(explain, rule_count)
{
    uint32_t r;
    rbc_builder *b = explain_base(&r);
    rb_explain_rules(b, 2);
    expect_bad(b, "sectie EXPLAIN beschrijft 2 regels, maar RULES heeft er 1");
    b = explain_base(&r);
    rb_explain_rules(b, 0);
    expect_bad(b, "sectie EXPLAIN beschrijft 0 regels, maar RULES heeft er 1");
}

Test(explain, sizes)
{
    uint32_t r;
    rbc_builder *b = explain_base(&r);
    rb_section_count(b, RBC_SEC_EXPLAIN, 1000);
    expect_bad_start(b, "sectie EXPLAIN noemt 1000 ingangen, maar er is maar ruimte voor ");
    b = explain_base(&r);
    rb_section_extra(b, RBC_SEC_EXPLAIN, "\0\0\0\0", 4);
    expect_bad(b, "sectie EXPLAIN heeft 4 bytes over na de laatste ingang");
    /* 0 atoms, 1 rule, no sentence, 1 branch: only its result offset */
    static const uint8_t cut[] = {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 20, 0, 0, 0};
    b = base();
    rule_r(b);
    rb_explain_raw(b, cut, sizeof cut);
    expect_bad(b, "sectie EXPLAIN is afgebroken: regel 0 loopt voorbij het einde van de sectie "
                  "(20 bytes)");
    /* an atom whose refs run past the end */
    static const uint8_t atom[] = {1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 9, 0, 0, 0};
    b = base();
    rule_r(b);
    rb_explain_raw(b, atom, sizeof atom);
    expect_bad(b, "sectie EXPLAIN is afgebroken: atoom 0 loopt voorbij het einde van de sectie "
                  "(20 bytes)");
    /* an empty section */
    b = base();
    rule_r(b);
    rb_explain_raw(b, "", 0);
    expect_bad(b, "sectie EXPLAIN is afgebroken (0 bytes): het aantal ingangen ontbreekt");
}

Test(explain, strings)
{
    rbc_builder *b = base();
    rule_r(b);
    rb_atom_raw(b, RBC_NONE, 1, 1, 0, NULL);
    char msg[200];
    uint32_t n = rb_str(b, "laatste") + 1;
    snprintf(msg, sizeof msg,
             "atoom 0 in EXPLAIN verwijst naar tekst 4294967295, maar STRINGS heeft %u teksten", n);
    expect_bad(b, msg);

    uint32_t r;
    b = explain_base(&r);
    rb_seg bad[] = {{RBC_SEG_TEXT, 999, NULL}};
    rb_rule_uitleg(b, r, 1, bad);
    n = rb_str(b, "laatste") + 1;
    snprintf(msg, sizeof msg,
             "de uitleg van regel ‘R’ in EXPLAIN verwijst naar tekst 999, maar STRINGS heeft %u "
             "teksten",
             n);
    expect_bad(b, msg);

    b = base();
    uint32_t res0, res1;
    r = rule_cond(b, &res0, &res1);
    rb_branch_raw(b, r, res0, 777, 1, node_a);
    rb_branch(b, r, res1, NULL, 0, NULL);
    n = rb_str(b, "laatste") + 1;
    snprintf(msg, sizeof msg,
             "tak 1 van regel ‘R’ in EXPLAIN verwijst naar tekst 777, maar STRINGS heeft %u "
             "teksten",
             n);
    expect_bad(b, msg);
}

Test(explain, atom_refs)
{
    uint32_t r;
    rbc_builder *b = base();
    uint32_t k4[] = {RBC_REF_INPUT, 0, 4, 0};
    rb_atom(b, "a", 1, 1, 2, k4);
    rule_r(b);
    expect_bad(b, "atoom 0 (‘a’) heeft een verwijzing van onbekende soort 4");
    b = base();
    uint32_t k0[] = {0, 0};
    rb_atom(b, "a", 1, 1, 1, k0);
    rule_r(b);
    expect_bad(b, "atoom 0 (‘a’) heeft een verwijzing van onbekende soort 0");
    b = base();
    uint32_t ri[] = {RBC_REF_INPUT, 3};
    rb_atom(b, "a", 1, 1, 1, ri);
    rule_r(b);
    expect_bad(b, "atoom 0 (‘a’) verwijst naar invoer 3, maar er zijn er 3");
    b = base();
    uint32_t ro[] = {RBC_REF_OUTCOME, 7};
    rb_atom(b, "a", 1, 1, 1, ro);
    rule_r(b);
    expect_bad(b, "atoom 0 (‘a’) verwijst naar uitkomst 7, maar er zijn er 2");
    b = explain_base(&r);
    uint32_t rp[] = {RBC_REF_PARAM, 0};
    rb_atom(b, "p", 1, 1, 1, rp);
    expect_bad(b, "atoom 1 (‘p’) verwijst naar parameter 0, maar er zijn er 0");
}

Test(explain, templates)
{
    uint32_t r;
    rbc_builder *b = explain_base(&r);
    rb_seg k4[] = {{RBC_SEG_TEXT, 0, "x"}, {4, 0, NULL}};
    rb_rule_uitleg(b, r, 2, k4);
    expect_bad(b, "deel 2 van de uitleg van regel ‘R’ heeft onbekende soort 4");
    b = explain_base(&r);
    rb_seg in3[] = {{RBC_SEG_TEXT, 0, "x"}, {RBC_SEG_INPUT, 3, NULL}};
    rb_branch_uitleg(b, r, 0, 2, in3);
    expect_bad(b, "deel 2 van de uitleg van tak 1 van regel ‘R’ verwijst naar invoer 3, maar er "
                  "zijn er 3");
    b = explain_base(&r);
    rb_seg o2[] = {{RBC_SEG_OUTCOME, 2, NULL}};
    rb_branch_uitleg(b, r, 1, 1, o2);
    expect_bad(b, "deel 1 van de uitleg van tak 2 van regel ‘R’ verwijst naar uitkomst 2, maar er "
                  "zijn er 2");
    b = explain_base(&r);
    rb_seg p0[] = {{RBC_SEG_PARAM, 0, NULL}};
    rb_rule_uitleg(b, r, 1, p0);
    expect_bad(b,
               "deel 1 van de uitleg van regel ‘R’ verwijst naar parameter 0, maar er zijn er 0");
}

Test(explain, result_offsets)
{
    rbc_builder *b = base();
    uint32_t res0, res1;
    uint32_t r = rule_cond(b, &res0, &res1);
    rb_branch(b, r, res0, "a", 1, node_a);
    rb_branch(b, r, 24, NULL, 0, NULL);
    expect_bad(b, "tak 2 van regel ‘R’ eindigt op positie 24, buiten de code van de regel "
                  "(posities 0 tot 24)");
    b = base();
    r = rule_cond(b, &res0, &res1);
    rb_branch(b, r, 0, "a", 1, node_a);
    rb_branch(b, r, res1, NULL, 0, NULL);
    expect_bad(b, "tak 1 van regel ‘R’ eindigt op positie 0, maar daar staat geen RESULT");
    b = base();
    r = rule_cond(b, &res0, &res1);
    rb_branch(b, r, res1, "a", 1, node_a);
    rb_branch(b, r, res0, NULL, 0, NULL);
    expect_bad(b, "de takken van regel ‘R’ staan niet op volgorde (tak 1 eindigt op positie 22, "
                  "tak 2 op positie 20)");
    b = base();
    r = rule_cond(b, &res0, &res1);
    rb_branch(b, r, res0, "a", 1, node_a);
    rb_branch(b, r, res0, NULL, 0, NULL);
    expect_bad(b, "de takken van regel ‘R’ staan niet op volgorde (tak 1 eindigt op positie 20, "
                  "tak 2 op positie 20)");
    b = base();
    r = rule_cond(b, &res0, &res1);
    rb_branch(b, r, res0, "a", 1, node_a);
    expect_bad(b, "RESULT op positie 22 in regel ‘R’ beëindigt geen tak van de EXPLAIN-sectie");
    b = base();
    r = rule_cond(b, &res0, &res1);
    rb_branch(b, r, res1, NULL, 0, NULL);
    expect_bad(b, "RESULT op positie 20 in regel ‘R’ beëindigt geen tak van de EXPLAIN-sectie");
    /* no branches: only when the rule has no RESULT either (the count is >= 1) */
    static const uint8_t none[] = {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    b = base();
    rule_r(b);
    rb_explain_raw(b, none, sizeof none);
    expect_bad(b, "regel ‘R’ heeft geen takken in EXPLAIN");
    b = base();
    rb_rule_begin(b, "N", 0, RBC_NONE);
    rb_op(b, OP_NOT_APPLIED);
    rb_rule_end(b);
    expect_bad(b, "regel ‘N’ heeft geen takken in EXPLAIN");
}

Test(explain, result_offset_inside_an_instruction)
{
    /* PUSH_CONST 25: its operand's first byte is the RESULT opcode */
    rbc_builder *b = base();
    for (int64_t k = 2; k <= (int64_t)OP_RESULT; k++)
        rb_const_num(b, k, 1);
    uint32_t r = rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_PUSH_CONST, (uint32_t)OP_RESULT);
    uint32_t res = rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_branch(b, r, 1, NULL, 0, NULL);
    rb_branch(b, r, res, NULL, 0, NULL);
    expect_bad(b, "tak 1 van regel ‘S’ eindigt op positie 1, maar daar staat geen RESULT");
}

Test(explain, condition_trees)
{
    struct {
        const char *cond;
        uint32_t n;
        uint32_t nodes[8];
        const char *msg;
    } cases[] = {
        {NULL,
         1,
         {RBC_CN_ATOM, 0},
         "tak 1 van regel ‘R’ heeft een voorwaardeboom, maar geen tekst van de voorwaarde"},
        {"a",
         0,
         {0},
         "tak 1 van regel ‘R’ heeft de tekst van een voorwaarde, maar geen voorwaardeboom"},
        {"a",
         1,
         {5, 0},
         "knoop 1 van de voorwaarde van tak 1 van regel ‘R’ heeft onbekende soort 5"},
        {"a",
         1,
         {0, 0},
         "knoop 1 van de voorwaarde van tak 1 van regel ‘R’ heeft onbekende soort 0"},
        {"a",
         1,
         {RBC_CN_ATOM, 1},
         "knoop 1 van de voorwaarde van tak 1 van regel ‘R’ verwijst naar atoom 1, maar er zijn 1 "
         "atomen"},
        {"a",
         3,
         {RBC_CN_ATOM, 0, RBC_CN_ATOM, 0, RBC_CN_AND, 7},
         "knoop 3 (EN) van de voorwaarde van tak 1 van regel ‘R’ heeft argument 7 (verwacht 0)"},
        {"a",
         2,
         {RBC_CN_ATOM, 0, RBC_CN_OR, 0},
         "knoop 2 (OF) van de voorwaarde van tak 1 van regel ‘R’ heeft 2 deelvoorwaarde(n) nodig, "
         "maar er is er 1"},
        {"a",
         1,
         {RBC_CN_NOT, 0},
         "knoop 1 (NIET) van de voorwaarde van tak 1 van regel ‘R’ heeft 1 deelvoorwaarde(n) "
         "nodig, maar er is er 0"},
        {"a",
         2,
         {RBC_CN_ATOM, 0, RBC_CN_ATOM, 0},
         "de voorwaarde van tak 1 van regel ‘R’ vormt geen boom (2 losse delen)"},
        {"a",
         4,
         {RBC_CN_ATOM, 0, RBC_CN_ATOM, 0, RBC_CN_ATOM, 0, RBC_CN_AND, 0},
         "de voorwaarde van tak 1 van regel ‘R’ vormt geen boom (2 losse delen)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        rbc_builder *b = base();
        uint32_t res0, res1;
        uint32_t r = rule_cond(b, &res0, &res1);
        rb_branch(b, r, res0, cases[i].cond, cases[i].n, cases[i].nodes);
        rb_branch(b, r, res1, NULL, 0, NULL);
        expect_bad(b, cases[i].msg);
    }
    /* a deeper valid tree: niet (a en (a of niet a)) */
    rbc_builder *b = base();
    uint32_t res0, res1;
    uint32_t r = rule_cond(b, &res0, &res1);
    uint32_t deep[] = {RBC_CN_ATOM, 0, RBC_CN_ATOM, 0, RBC_CN_ATOM, 0, RBC_CN_NOT, 0,
                       RBC_CN_OR,   0, RBC_CN_AND,  0, RBC_CN_NOT,  0};
    rb_branch(b, r, res0, "niet (a en (a of niet a))", 7, deep);
    rb_branch(b, r, res1, NULL, 0, NULL);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->rules[0].branches[0].n_nodes, 7);
    regel_policy_free(p);
}

Test(explain, note_instruction)
{
    /* NOTE's atom must exist */
    rbc_builder *b = base();
    uint32_t ra[] = {RBC_REF_INPUT, 0};
    rb_atom(b, "a", 1, 1, 1, ra);
    rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op1(b, OP_NOTE, 1);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "NOTE op positie 5 in regel ‘R’ verwijst naar atoom 1, maar er zijn 1 atomen");
    /* ... and there are none without atoms */
    b = base();
    rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op1(b, OP_NOTE, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "NOTE op positie 5 in regel ‘R’ verwijst naar atoom 0, maar er zijn 0 atomen");
    /* the top must be a waarheid */
    b = base();
    rb_atom(b, "x", 1, 1, 0, NULL);
    rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_NOTE, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "NOTE op positie 5 in regel ‘S’ verwacht waarheid, maar krijgt getal");
    b = base();
    rb_atom(b, "x", 1, 1, 0, NULL);
    rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op1(b, OP_NOTE, 0);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "NOTE op positie 0 in regel ‘R’ haalt een waarde van een lege stapel");
    /* it leaves the waarheid on the stack: NOTE; RESULT is a valid rule */
    uint32_t r;
    b = explain_base(&r);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->max_stack, 1);
    regel_policy_free(p);
}

Test(explain, block_errors_come_first)
{
    /* a rule whose block is wrong is reported for its block, not its branches */
    rbc_builder *b = base();
    rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op(b, OP_PUSH_TRUE);
    rb_op(b, OP_NOT_APPLIED);
    rb_rule_end(b);
    expect_bad(b, "NOT_APPLIED op positie 1 in regel ‘R’ laat 1 waarde(n) op de stapel achter");
    b = base();
    rb_rule_begin(b, "R", 0, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "RESULT op positie 5 in regel ‘R’ geeft getal, maar uitkomst ‘r’ is waarheid");
}

Test(explain, disassembly)
{
    rbc_builder *b = base();
    uint32_t res0, res1;
    uint32_t r = rule_cond(b, &res0, &res1);
    uint32_t refs[] = {RBC_REF_OUTCOME, 1, RBC_REF_INPUT, 2};
    rb_atom(b, "s = 1 en \"t\"", 9, 3, 2, refs);
    rb_seg ru[] = {
        {RBC_SEG_TEXT, 0, "U {krijgt} "}, {RBC_SEG_INPUT, 0, NULL}, {RBC_SEG_TEXT, 0, "."}};
    rb_rule_uitleg(b, r, 3, ru);
    uint32_t nodes[] = {RBC_CN_ATOM, 0, RBC_CN_ATOM, 1, RBC_CN_NOT, 0, RBC_CN_AND, 0};
    rb_branch(b, r, res0, "a en niet (…)", 4, nodes);
    rb_branch(b, r, res1, NULL, 0, NULL);
    rb_seg rb1[] = {{RBC_SEG_OUTCOME, 1, NULL}};
    rb_branch_uitleg(b, r, 1, 1, rb1);
    size_t len;
    uint8_t *bytes = finish(b, &len);
    rb_free(b);
    char *out = NULL;
    regel_error err;
    cr_assert_eq(regel_disassemble(bytes, len, "x.rbc", &out, &err), REGEL_OK, "%s", err.message);
    static const char *const want[] = {
        "; Regel-bytecode, versie 2.1, ",
        "\nEXPLAIN (2 atomen, 2 takken)\n",
        "  atoom 0  \"a\"  (bron 7:12; noemt invoer a)\n",
        "  atoom 1  \"s = 1 en \\\"t\\\"\"  (bron 9:3; noemt uitkomst s, invoer t)\n",
        "  regel 0 \"R\"\n",
        "    uitleg \"U {{krijgt}} {a}.\"\n",
        ("    tak 0 (tak 0 van het beleid): RESULT op 20, indien \"a en niet (…)\" = (atoom 0 en "
         "niet (atoom 1))\n"),
        "    tak 1 (tak 1 van het beleid): RESULT op 22, zonder voorwaarde\n",
        "      uitleg \"{s}\"\n",
        "       5  NOTE                 0            ; atoom \"a\"\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        cr_assert(strstr(out, want[i]) != NULL, "ontbreekt: [%s] in\n%s", want[i], out);
    cr_assert(strstr(out, "\nEXPLAIN") < strstr(out, "\nCODE"), "EXPLAIN vóór CODE");
    regel_free(out);
    free(bytes);
}

/* ---- EXTERNS and CALL_EXTERN (issue 8) ---- */

/* base() plus 6 datum, 7 duur, 8 bedrag. */
static rbc_builder *base_ext(void)
{
    rbc_builder *b = base();
    rb_type_prim(b, RBC_TYPE_DATUM);
    rb_type_prim(b, RBC_TYPE_DUUR);
    rb_type_prim(b, RBC_TYPE_BEDRAG);
    return b;
}

/* A valid rule S for s: x; CALL_EXTERN 0; RESULT (extern 0: f(getal): getal). */
static void rule_s_call(rbc_builder *b)
{
    rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
}

static void expect_bad_part(rbc_builder *b, const char *part)
{
    size_t len;
    uint8_t *bytes = finish(b, &len);
    regel_policy *p = NULL;
    regel_error err;
    cr_assert_eq(regel_policy_load(bytes, len, "x.rbc", &p, &err), REGEL_ERR_BYTECODE);
    cr_assert_null(p);
    cr_assert(strstr(err.message, part), "‘%s’ ontbreekt in: %s", part, err.message);
    free(bytes);
    rb_free(b);
}

Test(externs, valid_section_and_call)
{
    rbc_builder *b = base_ext();
    uint32_t pf[] = {1};
    uint32_t pg[] = {6, 2, 8, 0};
    rb_extern(b, "f", 1, 1, pf);
    rb_extern(b, "g", 6, 4, pg);
    rb_extern(b, "nul", 2, 0, NULL);
    rule_r(b);
    rule_s_call(b);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->n_externs, 3);
    cr_assert_str_eq(p->externs[1].name, "g");
    cr_assert_eq(p->externs[1].result, 6);
    cr_assert_eq(p->externs[1].n_params, 4);
    cr_assert_eq(p->externs[1].params[0], 6);
    cr_assert_eq(p->externs[1].params[3], 0);
    cr_assert_eq(p->externs[2].n_params, 0);
    cr_assert_null(p->externs[0].bound);
    regel_policy_free(p);
}

Test(externs, empty_section_by_default)
{
    rbc_builder *b = base();
    rule_r(b);
    regel_policy *p = expect_ok(b);
    cr_assert_eq(p->n_externs, 0);
    regel_policy_free(p);
}

Test(externs, types_must_be_scalar)
{
    rbc_builder *b = base_ext();
    rb_extern(b, "f", 3, 0, NULL);
    rule_r(b);
    expect_bad(b, "externe functie ‘f’ heeft als resultaat type 3, dat geen waarheid, getal, "
                  "tekst, datum of bedrag is");
    b = base_ext();
    uint32_t p1[] = {1, 7};
    rb_extern(b, "f", 1, 2, p1);
    rule_r(b);
    expect_bad(b, "parameter 2 van externe functie ‘f’ heeft type 7, dat geen waarheid, getal, "
                  "tekst, datum of bedrag is");
    b = base_ext();
    uint32_t p2[] = {99};
    rb_extern(b, "f", 1, 1, p2);
    rule_r(b);
    expect_bad(b, "parameter 1 van externe functie ‘f’ heeft type 99, dat geen waarheid, getal, "
                  "tekst, datum of bedrag is");
    b = base_ext();
    uint32_t p3[] = {4}; /* a record */
    rb_extern(b, "f", 1, 1, p3);
    rule_r(b);
    expect_bad(b, "parameter 1 van externe functie ‘f’ heeft type 4, dat geen waarheid, getal, "
                  "tekst, datum of bedrag is");
    b = base_ext();
    uint32_t tl = rb_type_list(b, 1);
    rb_extern(b, "f", tl, 0, NULL);
    rule_r(b);
    expect_bad(b, "externe functie ‘f’ heeft als resultaat type 9, dat geen waarheid, getal, "
                  "tekst, datum of bedrag is");
}

Test(externs, at_most_16_parameters)
{
    uint32_t ps[17];
    for (int i = 0; i < 17; i++)
        ps[i] = 1;
    rbc_builder *b = base_ext();
    rb_extern(b, "f", 1, 16, ps);
    rule_r(b);
    regel_policy *p = expect_ok(b);
    regel_policy_free(p);
    b = base_ext();
    rb_extern(b, "f", 1, 17, ps);
    rule_r(b);
    expect_bad(b, "externe functie ‘f’ heeft 17 parameters (hoogstens 16)");
}

Test(externs, names)
{
    rbc_builder *b = base_ext();
    rb_extern(b, "f", 1, 0, NULL);
    rb_extern(b, "g", 1, 0, NULL);
    rb_extern(b, "f", 2, 0, NULL);
    rule_r(b);
    expect_bad(b, "externe functie ‘f’ komt twee keer voor (functie 0 en 2)");
    b = base_ext();
    rb_extern(b, "x", 1, 0, NULL);
    rule_r(b);
    expect_bad(b, "externe functie ‘x’ heeft dezelfde naam als een invoer");
    b = base_ext();
    rb_extern(b, "s", 1, 0, NULL);
    rule_r(b);
    expect_bad(b, "externe functie ‘s’ heeft dezelfde naam als een uitkomst");
    b = base_ext();
    uint32_t from[] = {RBC_NONE}, until[] = {RBC_NONE}, val[] = {0};
    rb_param(b, "p", 1, 1, from, until, val);
    rb_extern(b, "p", 1, 0, NULL);
    rule_r(b);
    expect_bad(b, "externe functie ‘p’ heeft dezelfde naam als een parameter");
    b = base_ext();
    rb_extern(b, "", 1, 0, NULL);
    rule_r(b);
    expect_bad(b, "externe functie 0 heeft een lege naam");
    b = base_ext();
    rb_extern_raw(b, 9999, 1, 0, NULL);
    rule_r(b);
    expect_bad_part(b, "externe functie 0 verwijst naar tekst 9999, maar STRINGS heeft ");
}

Test(externs, section_layout)
{
    rbc_builder *b = base_ext();
    uint32_t pf[] = {1};
    rb_extern(b, "f", 1, 1, pf);
    rb_section_count(b, RBC_SEC_EXTERNS, 5);
    rule_r(b);
    expect_bad(b, "sectie EXTERNS noemt 5 ingangen, maar er is maar ruimte voor 1");
    /* a second entry cut off after its name and result */
    b = base_ext();
    rb_extern(b, "f", 1, 1, pf);
    rb_section_count(b, RBC_SEC_EXTERNS, 2);
    uint8_t half[8] = {0, 0, 0, 0, 1, 0, 0, 0};
    rb_section_extra(b, RBC_SEC_EXTERNS, half, sizeof half);
    rule_r(b);
    expect_bad(b, "sectie EXTERNS is afgebroken: externe functie 1 loopt voorbij het einde van de "
                  "sectie (28 bytes)");
    /* n_params beyond the bytes that remain */
    b = base_ext();
    rb_extern(b, "f", 1, 1, pf);
    rb_section_count(b, RBC_SEC_EXTERNS, 2);
    uint8_t many[12] = {0, 0, 0, 0, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F};
    rb_section_extra(b, RBC_SEC_EXTERNS, many, sizeof many);
    rule_r(b);
    expect_bad(b, "sectie EXTERNS is afgebroken: externe functie 1 loopt voorbij het einde van de "
                  "sectie (32 bytes)");
    b = base_ext();
    uint8_t extra[4] = {0};
    rb_section_extra(b, RBC_SEC_EXTERNS, extra, sizeof extra);
    rule_r(b);
    expect_bad(b, "sectie EXTERNS heeft 4 bytes over na de laatste ingang");
}

Test(externs, directory_names_the_section)
{
    size_t len;
    uint8_t *b = valid(&len, NULL);
    put32(b + 16 + 11 * 12, 13);
    expect_bytes_bad(b, len,
                     "de sectietabel noemt op plaats 11 sectie-id 13, verwacht 12 "
                     "(EXTERNS)");
    free(b);
}

Test(externs, call_index)
{
    rbc_builder *b = base_ext();
    uint32_t pf[] = {1};
    rb_extern(b, "f", 1, 1, pf);
    rule_r(b);
    rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_CALL_EXTERN, 1);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "CALL_EXTERN op positie 11 in regel ‘S’ verwijst naar externe functie 1, maar er "
                  "zijn 1 externe functies");
    b = base();
    rule_r(b);
    rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "CALL_EXTERN op positie 6 in regel ‘S’ verwijst naar externe functie 0, maar er "
                  "zijn 0 externe functies");
}

Test(externs, call_stack_and_types)
{
    /* too few arguments on the stack */
    rbc_builder *b = base_ext();
    uint32_t p11[] = {1, 1};
    rb_extern(b, "f", 1, 2, p11);
    rule_r(b);
    rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "CALL_EXTERN op positie 11 in regel ‘S’ haalt een waarde van een lege stapel");
    /* a wrong argument type (the last argument is on top) */
    uint32_t p2[] = {1, 2};
    b = base_ext();
    rb_extern(b, "f", 1, 2, p2);
    rule_r(b);
    rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_LOAD_INPUT, 0);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "CALL_EXTERN op positie 16 in regel ‘S’ verwacht tekst, maar krijgt waarheid");
    b = base_ext();
    rb_extern(b, "f", 1, 2, p2);
    rule_r(b);
    rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_PUSH_CONST, 1); /* "tekst" */
    rb_op1(b, OP_PUSH_CONST, 1);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "CALL_EXTERN op positie 16 in regel ‘S’ verwacht getal, maar krijgt tekst");
    /* the result has the declared type */
    b = base_ext();
    rb_extern(b, "f", 2, 0, NULL);
    rule_r(b);
    rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "RESULT op positie 11 in regel ‘S’ geeft tekst, maar uitkomst ‘s’ is getal");
    /* extra values below the arguments stay */
    b = base_ext();
    uint32_t p1[] = {1};
    rb_extern(b, "f", 1, 1, p1);
    rule_r(b);
    rb_rule_begin(b, "S", 1, RBC_NONE);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_LOAD_INPUT, 1);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    expect_bad(b, "RESULT op positie 21 in regel ‘S’ laat 1 waarde(n) op de stapel achter");
}

Test(externs, disassembly)
{
    rbc_builder *b = base_ext();
    uint32_t pf[] = {1};
    uint32_t pg[] = {6, 8};
    rb_extern(b, "f", 1, 1, pf);
    rb_extern(b, "g", 0, 2, pg);
    rule_r(b);
    rule_s_call(b);
    size_t len;
    uint8_t *bytes = finish(b, &len);
    rb_free(b);
    char *out = NULL;
    regel_error err;
    cr_assert_eq(regel_disassemble(bytes, len, "x.rbc", &out, &err), REGEL_OK, "%s", err.message);
    static const char *const want[] = {
        "\nEXTERNS (2)\n",
        "     0  extern functie f(getal): getal\n",
        "     1  extern functie g(datum, bedrag): waarheid\n",
        "      11  CALL_EXTERN          0            ; externe functie f, 1 argument\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        cr_assert(strstr(out, want[i]) != NULL, "ontbreekt: [%s] in\n%s", want[i], out);
    regel_free(out);
    free(bytes);
    /* without externs there is no EXTERNS listing */
    bytes = valid(&len, NULL);
    cr_assert_eq(regel_disassemble(bytes, len, "x.rbc", &out, &err), REGEL_OK, "%s", err.message);
    cr_assert_null(strstr(out, "EXTERNS"));
    regel_free(out);
    free(bytes);
}
