/* test_decode.c — issue 11: the VM's pre-decoded instruction streams
 * (runtime/decode.c). The lean stream (no NOTE, fused pairs), used without a
 * motivering, must decide exactly as the exact stream the motivering uses:
 * every outcome's status, value, deciding rule and causes, and every error,
 * over the repository's policies and cases and 3 000 generated inburgering
 * cases, each also with one fact left out. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <criterion/criterion.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "eval.h"
#include "policy.h"
#include "regel.h"
#include "repo_files.h"

/* The cases `bench/gen` writes (its generator, with its main renamed). */
int bench_gen_main(int argc, char **argv);
#define main bench_gen_main
#include "../../bench/gen.c"
#undef main

/* Whether record k of a stream is a jump whose targets lie in [lo, hi). */
static bool targets_inside(const rt_ins *ins, uint32_t lo, uint32_t hi)
{
    switch (ins->op) {
    case OP_JUMP:
    case OP_JUMP_IF_FALSE_KEEP:
    case OP_JUMP_IF_TRUE_KEEP:
    case OP_LOOP:
    case OP_JUMP_IF_NOT_LEEG:
        return ins->a >= lo && ins->a < hi;
    case OP_COND:
        return ins->a >= lo && ins->a < hi && ins->b >= lo && ins->b < hi;
    case OP_ITER_NEXT:
        return ins->b >= lo && ins->b < hi;
    case VM_LOOP_NEXT:
        return ins->b >= lo && ins->b < hi && ins->c >= lo && ins->c < hi;
    default:
        return true;
    }
}

/* Evaluate c twice — lean (flags) and exact (flags | REGEL_EXPLAIN) — and
 * require the same decision. */
static void same_both_ways(const regel_policy *p, regel_eval *lean, regel_eval *exact,
                           const regel_case *c, unsigned flags, const char *what)
{
    regel_error e1, e2;
    int r1 = regel_evaluate(lean, c, flags, &e1);
    int r2 = regel_evaluate(exact, c, flags | REGEL_EXPLAIN, &e2);
    cr_assert_eq(r1, r2, "%s: slank %d, exact %d", what, r1, r2);
    if (r1 != REGEL_OK) {
        cr_assert_str_eq(e1.message, e2.message, "%s", what);
        cr_assert_eq(e1.line, e2.line, "%s", what);
        cr_assert_eq(e1.column, e2.column, "%s", what);
        return;
    }
    for (uint32_t o = 0; o < p->n_outcomes; o++) {
        const char *name = p->outcomes[o].name;
        cr_assert_eq(lean->status[o], exact->status[o], "%s: %s", what, name);
        cr_assert_eq(lean->decided_by[o], exact->decided_by[o], "%s: %s", what, name);
        const uint8_t *ca = lean->causes[o], *cb = exact->causes[o];
        cr_assert_eq(ca == NULL, cb == NULL, "%s: oorzaken van %s", what, name);
        if (ca)
            cr_assert_eq(memcmp(ca, cb, p->n_inputs), 0, "%s: oorzaken van %s", what, name);
        if (!(p->outcomes[o].flags & RBC_OUTCOME_OUTPUT))
            continue;
        char *ja = NULL, *jb = NULL;
        cr_assert_eq(regel_result_json(lean, name, &ja, &e1), REGEL_OK, "%s", e1.message);
        cr_assert_eq(regel_result_json(exact, name, &jb, &e2), REGEL_OK, "%s", e2.message);
        cr_assert_str_eq(ja, jb, "%s: %s", what, name);
        regel_free(ja);
        regel_free(jb);
    }
    if (p->n_inputs)
        cr_assert_eq(memcmp(lean->missing, exact->missing, p->n_inputs), 0, "%s: ontbrekend", what);
}

/* The policy at rel, compiled from source. */
static regel_policy *compile_file(const char *path)
{
    size_t len;
    char *src = repo_slurp(path, &len);
    regel_policy *p = NULL;
    regel_error err;
    int rc = regel_policy_compile(src, len, path, &p, NULL, &err);
    free(src);
    return rc == REGEL_OK ? p : NULL;
}

Test(decode, streams_are_well_formed_and_lean_drops_and_fuses)
{
    regel_policy *p = load("stdlib-policies/inburgering.regel");
    unsigned fused[VM_OP__END - OP__COUNT] = {0}, notes_exact = 0;
    for (uint32_t i = 0; i < p->n_rules; i++) {
        const rt_rule *r = &p->rules[i];
        uint32_t exact_end = r->ins_lean;
        uint32_t lean_end = i + 1 < p->n_rules ? p->rules[i + 1].ins_exact : p->n_ins;
        for (uint32_t k = r->ins_exact; k < exact_end; k++) {
            const rt_ins *x = &p->ins[k];
            cr_assert_lt(x->op, OP__COUNT, "de exacte stroom bevat alleen bytecode");
            cr_assert(x->pc >= r->code_off && x->pc < r->code_off + r->code_len);
            cr_assert_eq(p->code[x->pc], x->op, "pc is de instructie waar het record voor staat");
            cr_assert(targets_inside(x, r->ins_exact, exact_end), "regel %u record %u", i, k);
            notes_exact += x->op == OP_NOTE;
        }
        for (uint32_t k = r->ins_lean; k < lean_end; k++) {
            const rt_ins *x = &p->ins[k];
            cr_assert_neq(x->op, OP_NOTE, "regel %u: NOTE in de slanke stroom", i);
            cr_assert_neq(x->op, OP_LOOP, "regel %u: LOOP niet samengevoegd", i);
            cr_assert(x->pc >= r->code_off && x->pc < r->code_off + r->code_len);
            cr_assert(targets_inside(x, r->ins_lean, lean_end), "regel %u record %u", i, k);
            if (x->op >= OP__COUNT)
                fused[x->op - OP__COUNT]++;
        }
        cr_assert_leq(lean_end - r->ins_lean, exact_end - r->ins_exact, "regel %u", i);
    }
    cr_assert_gt(notes_exact, 0);
    for (unsigned k = 0; k < VM_OP__END - OP__COUNT; k++)
        cr_assert_gt(fused[k], 0, "samengevoegde instructie %u nooit gemaakt", k + OP__COUNT);
    regel_policy_free(p);
}

Test(decode, lean_equals_exact_on_the_repository_cases)
{
    static const char *const policies[] = {"stdlib-policies/*.regel", "examples/*.regel",
                                           "tests/golden/beleid/*.regel"};
    static const char *const cases[] = {"examples/gevallen/*.json", "tests/golden/gevallen/*.json",
                                        "tests/golden/inburgering/*.json"};
    unsigned compared = 0;
    for (size_t i = 0; i < sizeof policies / sizeof *policies; i++) {
        glob_t pg;
        char pat[512];
        snprintf(pat, sizeof pat, "%s/%s", SRCDIR, policies[i]);
        if (glob(pat, 0, NULL, &pg) != 0)
            continue;
        for (size_t k = 0; k < pg.gl_pathc; k++) {
            regel_policy *p = compile_file(pg.gl_pathv[k]);
            if (!p)
                continue; /* the error tests' policies */
            regel_eval *lean = regel_eval_new(p), *exact = regel_eval_new(p);
            cr_assert(lean && exact);
            for (size_t j = 0; j < sizeof cases / sizeof *cases; j++) {
                glob_t cg;
                snprintf(pat, sizeof pat, "%s/%s", SRCDIR, cases[j]);
                if (glob(pat, 0, NULL, &cg) != 0)
                    continue;
                for (size_t m = 0; m < cg.gl_pathc; m++) {
                    size_t len;
                    char *json = repo_slurp(cg.gl_pathv[m], &len);
                    regel_case *c = NULL;
                    regel_error err;
                    if (regel_case_from_json(p, json, len, "geval", &c, &err) == REGEL_OK) {
                        char what[1200];
                        snprintf(what, sizeof what, "%s met %s", pg.gl_pathv[k], cg.gl_pathv[m]);
                        same_both_ways(p, lean, exact, c, 0, what);
                        same_both_ways(p, lean, exact, c, REGEL_COVERAGE, what);
                        compared++;
                    }
                    regel_case_free(c);
                    free(json);
                }
                globfree(&cg);
            }
            regel_eval_free(lean);
            regel_eval_free(exact);
            regel_policy_free(p);
        }
        globfree(&pg);
    }
    cr_assert_gt(compared, 20, "maar %u paren van beleid en geval vergeleken", compared);
}

Test(decode, lean_equals_exact_on_generated_cases_and_with_a_fact_left_out)
{
    regel_policy *p = load("stdlib-policies/inburgering.regel");
    regel_eval *lean = regel_eval_new(p), *exact = regel_eval_new(p);
    cr_assert(lean && exact);
    rng r = {7};
    gcase g;
    size_t n_inputs = regel_input_count(p);
    for (int i = 0; i < 3000; i++) {
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        cr_assert_not_null(f);
        make_case(&r, &g);
        write_case(&g, f);
        cr_assert_eq(fclose(f), 0);
        regel_case *c = NULL;
        regel_error err;
        cr_assert_eq(regel_case_from_json(p, text, len, "gegenereerd", &c, &err), REGEL_OK, "%s",
                     err.message);
        char what[64];
        snprintf(what, sizeof what, "geval %d", i);
        same_both_ways(p, lean, exact, c, 0, what);
        /* the same case without one fact: the onbekend paths */
        const char *gone = regel_input_name(p, (size_t)i % n_inputs);
        cr_assert_eq(regel_case_unset(c, gone, &err), REGEL_OK, "%s", err.message);
        snprintf(what, sizeof what, "geval %d zonder %s", i, gone);
        same_both_ways(p, lean, exact, c, 0, what);
        regel_case_free(c);
        free(text);
    }
    regel_eval_free(lean);
    regel_eval_free(exact);
    regel_policy_free(p);
}

/* Unreachable code is verified only for its opcodes and sizes, so a jump in
 * it may point anywhere (fuzz_operands found this): loading must still decode
 * safely, and both streams must decide as before. */
Test(decode, a_wild_jump_in_unreachable_code_is_harmless)
{
    static const char src[] = "beleid \"t\"\n"
                              "invoer a: waarheid, b: waarheid.\n"
                              "uitkomst x: waarheid.\n"
                              "regel \"R\"\n"
                              "    x is waar indien a en b, anders onwaar.\n";
    uint8_t *rbc = NULL;
    size_t len = 0;
    regel_error err;
    cr_assert_eq(regel_compile_to_bytecode(src, sizeof src - 1, "t.regel", &rbc, &len, NULL, &err),
                 REGEL_OK, "%s", err.message);
    /* the CODE section (id 8) from the directory after the 16-byte header */
    uint32_t n_sections = (uint32_t)rbc[8] | (uint32_t)rbc[9] << 8, code = 0;
    for (uint32_t k = 0; k < n_sections; k++) {
        const uint8_t *d = rbc + 16 + 12 * k;
        if (d[0] == RBC_SEC_CODE)
            code = (uint32_t)d[4] | (uint32_t)d[5] << 8 | (uint32_t)d[6] << 16;
    }
    /* LOAD_INPUT a; NOTE; JUMP_IF_FALSE_KEEP 26; LOAD_INPUT b; NOTE; AND; COND … */
    cr_assert_eq(rbc[code + 10], OP_JUMP_IF_FALSE_KEEP);
    cr_assert_eq(rbc[code + 15], OP_LOAD_INPUT);
    rbc[code + 10] = OP_JUMP; /* 15 .. 25 can no longer run */
    rbc[code + 15] = OP_JUMP; /* … and jumps far outside the block */
    memcpy(rbc + code + 16, "\x00\xff\xff\xff", 4);
    regel_policy *p = NULL;
    cr_assert_eq(regel_policy_load(rbc, len, "t.rbc", &p, &err), REGEL_OK, "%s", err.message);
    regel_eval *lean = regel_eval_new(p), *exact = regel_eval_new(p);
    for (int a = 0; a < 2; a++) {
        regel_case *c = NULL;
        cr_assert_eq(regel_case_new(p, &c, &err), REGEL_OK);
        cr_assert_eq(regel_case_set_bool(c, "a", a, &err), REGEL_OK);
        cr_assert_eq(regel_case_set_bool(c, "b", 0, &err), REGEL_OK);
        same_both_ways(p, lean, exact, c, 0, "wilde sprong");
        char *json = NULL;
        cr_assert_eq(regel_result_json(lean, "x", &json, &err), REGEL_OK);
        cr_assert_str_eq(json, a ? "true" : "false", "x hangt nu alleen van a af");
        regel_free(json);
        regel_case_free(c);
    }
    regel_eval_free(lean);
    regel_eval_free(exact);
    regel_policy_free(p);
    regel_free(rbc);
}
