/* test_scenario.c — unit tests of scen_compile (compiler/scenario.c,
 * spec5 §1–2): scenarios as the runner gets them, every value as the JSON
 * `regel --json` prints (checked by evaluating the policy), `gegeven uit`
 * paths, and the same diagnostics and errors as regel_policy_compile. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regel.h"
#include "scenario.h"

typedef struct compiled {
    int rc;
    regel_policy *policy;
    scen_list *list;
    char *diags;
    regel_error err;
} compiled;

static compiled run(const char *src, const char *file)
{
    compiled c;
    memset(&c, 0, sizeof c);
    c.rc = scen_compile(src, strlen(src), file, &c.policy, &c.list, &c.diags, &c.err);
    return c;
}

static void done(compiled *c)
{
    regel_policy_free(c->policy);
    scen_list_free(c->list);
    free(c->diags);
}

static const scen *scen_named(const scen_list *l, const char *name)
{
    for (size_t i = 0; i < scen_count(l); i++)
        if (strcmp(scen_get(l, i)->name, name) == 0)
            return scen_get(l, i);
    cr_assert_fail("geen scenario ‘%s’", name);
    return NULL;
}

#define IDENTITY                                                                                   \
    "beleid \"Identiteit\".\n"                                                                     \
    "soort Kleur is een van rood, groen.\n"                                                        \
    "invoer w: waarheid, g: getal, t: tekst, k: Kleur, d: datum, u: duur, b: bedrag,\n"            \
    "  o: tekst (optioneel).\n"                                                                    \
    "uitkomst w2: waarheid, g2: getal, t2: tekst, k2: Kleur, d2: datum, u2: duur,\n"               \
    "  b2: bedrag, o2: tekst (optioneel).\n"                                                       \
    "regel \"W\" w2 is w.\nregel \"G\" g2 is g.\nregel \"T\" t2 is t.\nregel \"K\" k2 is k.\n"     \
    "regel \"D\" d2 is d.\nregel \"U\" u2 is u.\nregel \"B\" b2 is b.\nregel \"O\" o2 is o.\n"

Test(scenario, facts_and_expectations_as_json_text)
{
    compiled c =
        run(IDENTITY "scenario \"Alles\"\n"
                     "  peildatum 1 maart 2024\n"
                     "  gegeven w is onwaar, g is -12,50, t is \"a \\\"b\\\"\\\\ \\n c\",\n"
                     "    k is groen, d is 2024-01-31 + 1 maand, u is 14 maanden,\n"
                     "    b is € 1250,50, o is geen\n"
                     "  verwacht w2 is onwaar door regel \"W\"\n"
                     "  verwacht g2 is -12,5\n"
                     "  verwacht t2 is \"x\"\n"
                     "  verwacht k2 is Kleur.rood\n"
                     "  verwacht d2 is 29 februari 2024\n"
                     "  verwacht u2 is -3 weken\n"
                     "  verwacht b2 is 0,05 euro\n"
                     "  verwacht o2 is onbekend.\n",
            "map/beleid.regel");
    cr_assert_eq(c.rc, REGEL_OK, "%s\n%s", c.err.message, c.diags ? c.diags : "");
    cr_assert_not_null(c.policy);
    cr_assert_eq(scen_count(c.list), 1);
    const scen *s = scen_get(c.list, 0);
    cr_assert_str_eq(s->name, "Alles");
    cr_assert_eq(s->line, 15);
    cr_assert_eq(s->col, 1);
    cr_assert_null(s->case_file);
    cr_assert_null(s->case_path);
    static const char *const facts[][2] = {
        {"peildatum", "\"2024-03-01\""},    {"w", "false"},     {"g", "-12.5"},
        {"t", "\"a \\\"b\\\"\\\\ \\n c\""}, {"k", "\"groen\""}, {"d", "\"2024-02-29\""},
        {"u", "\"1 jaar en 2 maanden\""},   {"b", "1250.5"},    {"o", "null"},
    };
    cr_assert_eq(s->n_facts, 9);
    for (size_t i = 0; i < 9; i++) {
        cr_assert_str_eq(s->facts[i].name, facts[i][0]);
        cr_assert_str_eq(s->facts[i].json, facts[i][1], "%s: %s", facts[i][0], s->facts[i].json);
    }
    static const char *const expects[][2] = {
        {"w2", "false"},          {"g2", "-12.5"},         {"t2", "\"x\""}, {"k2", "\"rood\""},
        {"d2", "\"2024-02-29\""}, {"u2", "\"-21 dagen\""}, {"b2", "0.05"},  {"o2", NULL},
    };
    cr_assert_eq(s->n_expects, 8);
    for (size_t i = 0; i < 8; i++) {
        const scen_expect *x = &s->expects[i];
        cr_assert_str_eq(x->outcome, expects[i][0]);
        if (expects[i][1])
            cr_assert_str_eq(x->json, expects[i][1], "%s: %s", x->outcome, x->json);
        else
            cr_assert_null(x->json);
        cr_assert_eq(x->unknown, expects[i][1] == NULL);
        cr_assert_eq(x->line, 20 + i);
        cr_assert_eq(x->col, 3);
    }
    cr_assert_str_eq(s->expects[0].rule, "W");
    cr_assert_null(s->expects[1].rule);
    done(&c);
}

/* The JSON of every fact is accepted by the case reader, and the value the
 * policy computes from it prints (regel_render_json) exactly as the
 * expectation: an identity policy over every scalar type. */
Test(scenario, json_round_trips_through_the_runtime)
{
    compiled c = run(
        IDENTITY "scenario \"Heen en terug\"\n"
                 "  gegeven w is waar, g is -0,125, t is \"é \\\"q\\\" \\\\\", k is rood,\n"
                 "    d is 2024-02-29 - 1 jaar, u is 1 jaar, b is 10 euro, o is \"x\"\n"
                 "  verwacht w2 is waar verwacht g2 is -0,125 verwacht t2 is \"é \\\"q\\\" \\\\\"\n"
                 "  verwacht k2 is rood verwacht d2 is 28 februari 2023 verwacht u2 is 12 "
                 "maanden\n"
                 "  verwacht b2 is 10,00 euro verwacht o2 is \"x\".\n"
                 "scenario \"Geen en nul\"\n"
                 "  gegeven w is onwaar, g is 0, t is \"\", k is groen, d is 0001-01-01,\n"
                 "    u is 0 dagen, b is -€ 0,01, o is geen\n"
                 "  verwacht w2 is onwaar verwacht g2 is 0 verwacht t2 is \"\"\n"
                 "  verwacht k2 is groen verwacht d2 is 0001-01-01 verwacht u2 is 0 weken\n"
                 "  verwacht b2 is -0,01 euro verwacht o2 is geen.\n",
        "beleid.regel");
    cr_assert_eq(c.rc, REGEL_OK, "%s\n%s", c.err.message, c.diags ? c.diags : "");
    cr_assert_eq(scen_count(c.list), 2);
    for (size_t i = 0; i < 2; i++) {
        const scen *s = scen_get(c.list, i);
        /* the case: {"fact": json, …} */
        size_t cap = 64;
        for (size_t k = 0; k < s->n_facts; k++)
            cap += strlen(s->facts[k].name) + strlen(s->facts[k].json) + 8;
        char *kase = calloc(1, cap);
        cr_assert_not_null(kase);
        strcat(kase, "{");
        for (size_t k = 0; k < s->n_facts; k++) {
            if (k)
                strcat(kase, ", ");
            strcat(kase, "\"");
            strcat(kase, s->facts[k].name);
            strcat(kase, "\": ");
            strcat(kase, s->facts[k].json);
        }
        strcat(kase, "}");
        regel_error err;
        regel_case *rc = NULL;
        cr_assert_eq(regel_case_from_json(c.policy, kase, strlen(kase), "geval", &rc, &err),
                     REGEL_OK, "%s: %s", kase, err.message);
        regel_eval *ev = regel_eval_new(c.policy);
        cr_assert_not_null(ev);
        cr_assert_eq(regel_evaluate(ev, rc, 0, &err), REGEL_OK, "%s", err.message);
        char *out = NULL;
        size_t len = 0;
        cr_assert_eq(regel_render_json(ev, &out, &len, &err), REGEL_OK, "%s", err.message);
        json_error_t jerr;
        json_t *root = json_loadb(out, len, 0, &jerr);
        cr_assert_not_null(root, "%s", jerr.text);
        json_t *outcomes = json_object_get(root, "uitkomsten");
        cr_assert_not_null(outcomes);
        for (size_t k = 0; k < s->n_expects; k++) {
            const scen_expect *x = &s->expects[k];
            json_t *want = json_loads(x->json, JSON_DECODE_ANY, &jerr);
            cr_assert_not_null(want, "%s: %s", x->json, jerr.text);
            json_t *got = json_object_get(outcomes, x->outcome);
            cr_assert_not_null(got, "%s ontbreekt in %s", x->outcome, out);
            cr_assert(json_equal(want, got), "%s: verwacht %s in %s", x->outcome, x->json, out);
            json_decref(want);
        }
        json_decref(root);
        regel_free(out);
        regel_eval_free(ev);
        regel_case_free(rc);
        free(kase);
    }
    done(&c);
}

Test(scenario, case_files_resolve_against_the_policy_folder)
{
    const char *src = "invoer a: waarheid.\nuitkomst u: waarheid.\nregel \"U\" u is a.\n"
                      "scenario \"Relatief\" gegeven uit \"gevallen/a.json\" verwacht u is waar.\n"
                      "scenario \"Omhoog\" gegeven uit \"../b.json\" gegeven a is waar\n"
                      "  verwacht u is waar.\n"
                      "scenario \"Absoluut\" gegeven uit \"/tmp/c.json\" verwacht u is waar.\n";
    compiled c = run(src, "beleid/map/x.regel");
    cr_assert_eq(c.rc, REGEL_OK, "%s", c.err.message);
    cr_assert_str_eq(scen_named(c.list, "Relatief")->case_file, "gevallen/a.json");
    cr_assert_str_eq(scen_named(c.list, "Relatief")->case_path, "beleid/map/gevallen/a.json");
    cr_assert_str_eq(scen_named(c.list, "Omhoog")->case_path, "beleid/map/../b.json");
    cr_assert_eq(scen_named(c.list, "Omhoog")->n_facts, 1, "facts over the case file");
    cr_assert_str_eq(scen_named(c.list, "Absoluut")->case_path, "/tmp/c.json");
    done(&c);
    /* a policy in the current folder: the path as written; the file is not read */
    c = run(src, "x.regel");
    cr_assert_eq(c.rc, REGEL_OK, "%s", c.err.message);
    cr_assert_str_eq(scen_named(c.list, "Relatief")->case_path, "gevallen/a.json");
    done(&c);
}

Test(scenario, policy_without_scenarios)
{
    compiled c = run("invoer a: waarheid.\nuitkomst u: waarheid.\nregel \"U\" u is a.\n", NULL);
    cr_assert_eq(c.rc, REGEL_OK, "%s", c.err.message);
    cr_assert_not_null(c.policy);
    cr_assert_not_null(c.list);
    cr_assert_eq(scen_count(c.list), 0);
    cr_assert_null(scen_get(c.list, 0));
    cr_assert_null(c.diags);
    done(&c);
    cr_assert_eq(scen_count(NULL), 0);
    cr_assert_null(scen_get(NULL, 0));
    scen_list_free(NULL);
}

/* Diagnostics (also warnings), error code and first error are exactly those
 * of regel_policy_compile; on an error there is neither policy nor list. */
static void same_as_policy_compile(const char *src, int want_rc)
{
    compiled c = run(src, "t.regel");
    regel_policy *p = NULL;
    char *diags = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_policy_compile(src, strlen(src), "t.regel", &p, &diags, &err);
    cr_assert_eq(c.rc, want_rc, "%s", c.diags ? c.diags : c.err.message);
    cr_assert_eq(rc, want_rc);
    if (diags)
        cr_assert_str_eq(c.diags, diags);
    else
        cr_assert_null(c.diags);
    cr_assert_str_eq(c.err.message, err.message);
    cr_assert_eq(c.err.line, err.line);
    cr_assert_eq(c.err.column, err.column);
    if (rc != REGEL_OK) {
        cr_assert_null(c.policy);
        cr_assert_null(c.list);
    }
    regel_policy_free(p);
    free(diags);
    done(&c);
}

Test(scenario, same_diagnostics_as_regel_policy_compile)
{
    /* a warning only */
    same_as_policy_compile("invoer a: waarheid, b: getal.\nuitkomst u: waarheid.\n"
                           "regel \"U\" u is a.\n"
                           "scenario \"S\" gegeven b is 1 verwacht u is onbekend.\n",
                           REGEL_OK);
    /* a scenario error */
    same_as_policy_compile("invoer a: waarheid.\nuitkomst u: waarheid.\nregel \"U\" u is a.\n"
                           "scenario \"S\" verwacht uu is waar.\n",
                           REGEL_ERR_COMPILE);
    /* a syntax error */
    same_as_policy_compile("invoer a: waarheid.\nscenario \"S\" verwacht u is waar,.\n",
                           REGEL_ERR_COMPILE);
    /* an error in the policy itself */
    same_as_policy_compile("uitkomst u: waarheid.\nregel \"U\" u is 1.\n"
                           "scenario \"S\" verwacht u is waar.\n",
                           REGEL_ERR_COMPILE);
}

Test(scenario, compile_errors_name_the_scenario_problem)
{
    compiled c = run("invoer a: waarheid.\nuitkomst toegang: waarheid.\nregel \"U\" toegang is a.\n"
                     "scenario \"S\" verwacht toegan is waar.\n",
                     "t.regel");
    cr_assert_eq(c.rc, REGEL_ERR_COMPILE);
    cr_assert_eq(c.err.code, REGEL_ERR_COMPILE);
    cr_assert_eq(c.err.line, 4);
    cr_assert_eq(c.err.column, 23);
    cr_assert_not_null(strstr(c.diags, "scenario ‘S’ noemt een onbekende uitkomst ‘toegan’"));
    cr_assert_not_null(strstr(c.diags, "bedoelde u ‘toegang’?"));
    done(&c);
}

Test(scenario, usage_errors)
{
    regel_policy *p = (regel_policy *)1;
    regel_error err;
    memset(&err, 0, sizeof err);
    char *diags = (char *)1;
    cr_assert_eq(scen_compile("", 0, "x", &p, NULL, &diags, &err), REGEL_ERR_USAGE);
    cr_assert_eq(err.code, REGEL_ERR_USAGE);
    cr_assert_null(p);
    cr_assert_null(diags);
    scen_list *l = (scen_list *)1;
    cr_assert_eq(scen_compile("", 0, "x", NULL, &l, NULL, &err), REGEL_ERR_USAGE);
    cr_assert_null(l);
}
