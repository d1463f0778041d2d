/* test_api_explain.c — the motivering snapshot (regel_explanation_*,
 * runtime/api_explain.c): checked node by node against the JSON motivering
 * of the same evaluation for every inburgering sample; the DAG of uses; a
 * snapshot outliving its evaluation; `only`; misuse and out-of-range access. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regel.h"
#include "repo_files.h"

static const char *const samples[] = {
    "01-nieuwkomer-net-gestart.json",
    "02-attest-behaald.json",
    "03-vrijwillig-en-werkend.json",
    "04-vrijgesteld-ernstig-ziek.json",
    "05-wachtregister-asiel.json",
    "06-b1-test-verplicht.json",
    "07-b1-niet-verplicht-zes-maanden-gewerkt.json",
    "08-verblijf-en-zorgbudget.json",
    "09-contract-voor-maart-2022-gratis.json",
    "10-laaggeletterd-maandeinde.json",
    "11-woonwagenbewoner-zonder-verblijf.json",
};
#define N_SAMPLES (sizeof samples / sizeof samples[0])

static void str_or_null(const char *got, const json_t *want, const char *what, const char *name)
{
    if (!want || json_is_null(want)) {
        cr_assert_null(got, "%s of %s: %s", what, name, got ? got : "");
        return;
    }
    cr_assert_not_null(got, "%s of %s", what, name);
    cr_assert_str_eq(got, json_string_value(want), "%s of %s", what, name);
}

/* Conditions k.. of node: the atoms of list (voldaan or waarom_niet) in order. */
static size_t check_atoms(const regel_explanation *x, size_t node, size_t k, const json_t *list,
                          int met, const char *name)
{
    for (size_t i = 0; i < json_array_size(list); i++, k++) {
        const char *text =
            json_string_value(json_object_get(json_array_get(list, i), "voorwaarde"));
        const char *got = regel_explanation_condition(x, node, k);
        cr_assert_not_null(got, "%s condition %zu", name, k);
        cr_assert(strncmp(got, text, strlen(text)) == 0, "%s: ‘%s’ does not start with ‘%s’", name,
                  got, text);
        cr_assert_eq(regel_explanation_condition_met(x, node, k), met, "%s: %s", name, got);
        /* the values read are shown after the condition */
        const json_t *values = json_object_get(json_array_get(list, i), "waarden");
        const char *key;
        json_t *v;
        json_object_foreach((json_t *)values, key, v)
        {
            char named[256];
            snprintf(named, sizeof named, "%s = ", key);
            cr_assert(strstr(got + strlen(text), named) != NULL, "%s: %s lacks %s", name, got,
                      named);
        }
    }
    return k;
}

static void check_node(const regel_explanation *x, size_t node, const json_t *j, const char *name)
{
    cr_assert_str_eq(regel_explanation_name(x, node), name);
    str_or_null(regel_explanation_sentence(x, node), json_object_get(j, "zin"), "zin", name);
    str_or_null(regel_explanation_rule(x, node), json_object_get(j, "regel"), "regel", name);
    str_or_null(regel_explanation_exception_of(x, node), json_object_get(j, "uitzondering_op"),
                "uitzondering_op", name);
    str_or_null(regel_explanation_source(x, node), json_object_get(j, "bron"), "bron", name);
    str_or_null(regel_explanation_quote(x, node), json_object_get(j, "citaat"), "citaat", name);
    const json_t *feiten = json_object_get(j, "feiten");
    cr_assert_eq(regel_explanation_fact_count(x, node), json_object_size(feiten), "%s", name);
    for (size_t k = 0; k < regel_explanation_fact_count(x, node); k++) {
        const char *fact = regel_explanation_fact_name(x, node, k);
        cr_assert_not_null(json_object_get(feiten, fact), "%s: fact %s", name, fact);
        cr_assert_not_null(regel_explanation_fact_value(x, node, k));
    }
    const json_t *voldaan = json_object_get(j, "voldaan"),
                 *niet = json_object_get(j, "waarom_niet");
    size_t n_cond = json_array_size(voldaan) + json_array_size(niet);
    cr_assert_eq(regel_explanation_condition_count(x, node), n_cond, "%s", name);
    size_t k = check_atoms(x, node, 0, voldaan, 1, name);
    check_atoms(x, node, k, niet, 0, name);
    const json_t *uses = json_object_get(j, "steunt_op");
    cr_assert_eq(regel_explanation_use_count(x, node), json_object_size(uses), "%s", name);
    for (size_t u = 0; u < regel_explanation_use_count(x, node); u++) {
        const char *used = regel_explanation_name(x, regel_explanation_use(x, node, u));
        cr_assert_not_null(used);
        cr_assert_not_null(json_object_get(uses, used), "%s relies on %s", name, used);
    }
}

static regel_explanation *explain(regel_eval *ev, const char *const *only, size_t n_only)
{
    regel_explanation *x = NULL;
    regel_error err;
    cr_assert_eq(regel_explanation_new(ev, only, n_only, &x, &err), REGEL_OK, "%s", err.message);
    cr_assert_not_null(x);
    return x;
}

Test(api_explain, matches_the_json_motivering_for_every_sample)
{
    regel_policy *p = load("stdlib-policies/inburgering.regel");
    regel_eval *ev = regel_eval_new(p);
    size_t exceptions = 0, conditions_met = 0, conditions_failed = 0, shared = 0;
    for (size_t s = 0; s < N_SAMPLES; s++) {
        char rel[256];
        snprintf(rel, sizeof rel, "stdlib-policies/gevallen/%s", samples[s]);
        regel_case *c = read_case(p, rel);
        regel_error err;
        cr_assert_eq(regel_evaluate(ev, c, REGEL_EXPLAIN, &err), REGEL_OK, "%s", err.message);
        char *json = NULL;
        cr_assert_eq(regel_render(ev, REGEL_FORMAAT_JSON, NULL, 0, &json, NULL, &err), REGEL_OK);
        json_error_t jerr;
        json_t *doc = json_loads(json, 0, &jerr);
        cr_assert_not_null(doc, "%s", jerr.text);
        regel_explanation *x = explain(ev, NULL, 0);

        /* the roots: every uitkomst, display order */
        const json_t *uitkomsten = json_object_get(doc, "uitkomsten");
        cr_assert_eq(regel_explanation_root_count(x), json_object_size(uitkomsten));
        for (size_t r = 0; r < regel_explanation_root_count(x); r++) {
            size_t node = regel_explanation_root(x, r);
            const char *name = regel_explanation_name(x, node);
            cr_assert_str_eq(name, regel_outcome_name(p, r), "roots in display order");
            const json_t *j = json_object_get(json_object_get(doc, "uitleg"), name);
            if (!j) {
                cr_assert_not_null(json_object_get(json_object_get(doc, "onbeslist"), name));
                cr_assert_eq(regel_explanation_decided(x, node), 0, "%s", name);
                continue;
            }
            cr_assert_eq(regel_explanation_decided(x, node), 1, "%s", name);
            check_node(x, node, j, name);
            exceptions += regel_explanation_exception_of(x, node) != NULL;
            for (size_t k = 0; k < regel_explanation_condition_count(x, node); k++) {
                conditions_met += regel_explanation_condition_met(x, node, k) == 1;
                conditions_failed += regel_explanation_condition_met(x, node, k) == 0;
            }
        }

        /* a DAG: every outcome is one node; every node is reachable */
        size_t n_nodes = 0;
        while (regel_explanation_name(x, n_nodes))
            n_nodes++;
        cr_assert_geq(n_nodes, regel_explanation_root_count(x));
        size_t *users = calloc(n_nodes, sizeof *users);
        size_t *last_user = calloc(n_nodes, sizeof *last_user);
        for (size_t a = 0; a < n_nodes; a++) {
            for (size_t b = a + 1; b < n_nodes; b++)
                cr_assert_str_neq(regel_explanation_name(x, a), regel_explanation_name(x, b),
                                  "outcome %s is two nodes", regel_explanation_name(x, a));
            for (size_t u = 0; u < regel_explanation_use_count(x, a); u++) {
                size_t m = regel_explanation_use(x, a, u);
                cr_assert_lt(m, n_nodes);
                cr_assert_neq(m, a, "a node uses itself");
                if (users[m] == 0 || last_user[m] != a)
                    users[m]++;
                last_user[m] = a;
            }
        }
        for (size_t m = 0; m < n_nodes; m++) {
            shared += users[m] >= 2;
            if (m >= regel_explanation_root_count(x))
                cr_assert_gt(users[m], 0, "%s is not reachable", regel_explanation_name(x, m));
        }
        free(users);
        free(last_user);
        /* a begrip's own node matches its expansion in the JSON */
        regel_explanation_free(x);
        json_decref(doc);
        regel_free(json);
        regel_case_free(c);
    }
    cr_assert_gt(exceptions, 0, "some sample is decided by an exception");
    cr_assert_gt(conditions_met, 0);
    cr_assert_gt(conditions_failed, 0);
    cr_assert_gt(shared, 0, "some sub-outcome is used by two nodes (one shared node)");
    regel_eval_free(ev);
    regel_policy_free(p);
}

Test(api_explain, specific_values_of_one_case)
{
    regel_policy *p = load("stdlib-policies/inburgering.regel");
    regel_eval *ev = regel_eval_new(p);
    regel_case *c = read_case(p, "stdlib-policies/gevallen/06-b1-test-verplicht.json");
    regel_error err;
    cr_assert_eq(regel_evaluate(ev, c, REGEL_EXPLAIN, &err), REGEL_OK);
    regel_explanation *x = explain(ev, NULL, 0);
    /* leeftijd */
    size_t n = regel_explanation_root(x, 0);
    cr_assert_str_eq(regel_explanation_name(x, n), "leeftijd");
    cr_assert_str_eq(regel_explanation_value(x, n), "33");
    cr_assert_str_eq(regel_explanation_sentence(x, n), "Op 10 januari 2024 bent u 33 jaar oud.");
    cr_assert_str_eq(regel_explanation_rule(x, n), "Leeftijd op de peildatum");
    cr_assert_null(regel_explanation_exception_of(x, n));
    cr_assert_str_eq(regel_explanation_source(x, n),
                     "Regeerakkoord 2019-2024, Inburgering, Taalniveau B1");
    cr_assert(strncmp(regel_explanation_quote(x, n), "Binnen 24 maanden", 17) == 0);
    cr_assert_eq(regel_explanation_fact_count(x, n), 2);
    cr_assert_str_eq(regel_explanation_fact_name(x, n, 0), "peildatum");
    cr_assert_str_eq(regel_explanation_fact_value(x, n, 0), "10 januari 2024");
    cr_assert_str_eq(regel_explanation_fact_name(x, n, 1), "geboortedatum");
    cr_assert_str_eq(regel_explanation_fact_value(x, n, 1), "10 oktober 1990");
    /* vrijgesteld: two failed conditions */
    n = regel_explanation_root(x, 2);
    cr_assert_str_eq(regel_explanation_name(x, n), "vrijgesteld");
    cr_assert_str_eq(regel_explanation_value(x, n), "onwaar");
    cr_assert_eq(regel_explanation_condition_count(x, n), 2);
    cr_assert_str_eq(regel_explanation_condition(x, n, 0), "ernstig_ziek (ernstig_ziek = onwaar)");
    cr_assert_eq(regel_explanation_condition_met(x, n, 0), 0);
    cr_assert_str_eq(regel_explanation_condition(x, n, 1), "handicap (handicap = onwaar)");
    /* toegang: one met condition */
    n = regel_explanation_root(x, 1);
    cr_assert_eq(regel_explanation_condition_count(x, n), 1);
    cr_assert_str_eq(regel_explanation_condition(x, n, 0),
                     "register is een van vreemdelingenregister, bevolkingsregister (register = "
                     "vreemdelingenregister)");
    cr_assert_eq(regel_explanation_condition_met(x, n, 0), 1);
    /* inburgeringsplicht relies on vrijgesteld: the same node as the root */
    n = regel_explanation_root(x, 3);
    cr_assert_str_eq(regel_explanation_name(x, n), "inburgeringsplicht");
    cr_assert_eq(regel_explanation_use_count(x, n), 1);
    cr_assert_eq(regel_explanation_use(x, n, 0), regel_explanation_root(x, 2));
    /* a money value and a member in Dutch text form */
    long v = regel_outcome_find(p, "vergoeding_contract");
    cr_assert_str_eq(regel_explanation_value(x, regel_explanation_root(x, (size_t)v)), "€ 180,00");
    regel_explanation_free(x);
    regel_eval_free(ev);
    regel_case_free(c);
    regel_policy_free(p);
}

/* Every string of the snapshot, concatenated (to compare before and after). */
static char *dump(const regel_explanation *x)
{
    size_t cap = 1 << 20, len = 0;
    char *out = malloc(cap);
    cr_assert_not_null(out);
    out[0] = '\0';
#define PUT(s)                                                                                     \
    do {                                                                                           \
        const char *s_ = (s) ? (s) : "(null)";                                                     \
        size_t l_ = strlen(s_);                                                                    \
        cr_assert_lt(len + l_ + 2, cap);                                                           \
        memcpy(out + len, s_, l_);                                                                 \
        len += l_;                                                                                 \
        out[len++] = '|';                                                                          \
        out[len] = '\0';                                                                           \
    } while (0)
    for (size_t n = 0; regel_explanation_name(x, n); n++) {
        PUT(regel_explanation_name(x, n));
        PUT(regel_explanation_value(x, n));
        PUT(regel_explanation_sentence(x, n));
        PUT(regel_explanation_rule(x, n));
        PUT(regel_explanation_exception_of(x, n));
        PUT(regel_explanation_source(x, n));
        PUT(regel_explanation_quote(x, n));
        for (size_t k = 0; k < regel_explanation_fact_count(x, n); k++) {
            PUT(regel_explanation_fact_name(x, n, k));
            PUT(regel_explanation_fact_value(x, n, k));
        }
        for (size_t k = 0; k < regel_explanation_condition_count(x, n); k++)
            PUT(regel_explanation_condition(x, n, k));
        for (size_t k = 0; k < regel_explanation_use_count(x, n); k++)
            PUT(regel_explanation_name(x, regel_explanation_use(x, n, k)));
    }
#undef PUT
    return out;
}

Test(api_explain, survives_new_evaluation_and_free)
{
    regel_policy *p = load("stdlib-policies/inburgering.regel");
    regel_eval *ev = regel_eval_new(p);
    regel_case *c = read_case(p, "stdlib-policies/gevallen/06-b1-test-verplicht.json");
    regel_error err;
    cr_assert_eq(regel_evaluate(ev, c, REGEL_EXPLAIN, &err), REGEL_OK);
    regel_explanation *x = explain(ev, NULL, 0);
    char *before = dump(x);
    cr_assert_gt(strlen(before), 1000);
    /* a different case in the same context overwrites the arena */
    regel_case *other = read_case(p, "stdlib-policies/gevallen/01-nieuwkomer-net-gestart.json");
    cr_assert_eq(regel_evaluate(ev, other, REGEL_EXPLAIN, &err), REGEL_OK);
    regel_explanation *y = explain(ev, NULL, 0);
    char *b = dump(y);
    cr_assert_str_neq(b, before, "the other case explains differently");
    free(b);
    regel_explanation_free(y);
    char *after = dump(x);
    cr_assert_str_eq(after, before);
    free(after);
    /* and after the context, the cases and the policy are gone */
    regel_eval_free(ev);
    regel_case_free(c);
    regel_case_free(other);
    regel_policy_free(p);
    after = dump(x);
    cr_assert_str_eq(after, before);
    free(after);
    free(before);
    regel_explanation_free(x);
}

Test(api_explain, only_and_begrippen)
{
    regel_policy *p = load("stdlib-policies/inburgering.regel");
    regel_eval *ev = regel_eval_new(p);
    regel_case *c = read_case(p, "stdlib-policies/gevallen/06-b1-test-verplicht.json");
    regel_error err;
    cr_assert_eq(regel_evaluate(ev, c, REGEL_EXPLAIN, &err), REGEL_OK);
    const char *only[] = {"b1_venster", "leeftijd"};
    regel_explanation *x = explain(ev, only, 2);
    cr_assert_eq(regel_explanation_root_count(x), 2);
    /* display order, not the order asked */
    cr_assert_str_eq(regel_explanation_name(x, regel_explanation_root(x, 0)), "leeftijd");
    size_t b = regel_explanation_root(x, 1);
    cr_assert_str_eq(regel_explanation_name(x, b), "b1_venster");
    cr_assert_str_eq(regel_explanation_value(x, b), "10 mei 2023 tot en met 10 mei 2025");
    cr_assert_eq(regel_explanation_decided(x, b), 1);
    cr_assert_gt(regel_explanation_use_count(x, b), 0, "relies on datum_afronding");
    size_t u = regel_explanation_use(x, b, 0);
    cr_assert_str_eq(regel_explanation_name(x, u), "datum_afronding");
    cr_assert_str_eq(regel_explanation_value(x, u), "10 mei 2023");
    regel_explanation_free(x);
    regel_eval_free(ev);
    regel_case_free(c);
    regel_policy_free(p);
}

Test(api_explain, undecided_outcomes)
{
    regel_policy *p = load("stdlib-policies/inburgering.regel");
    regel_eval *ev = regel_eval_new(p);
    regel_case *c = NULL;
    regel_error err;
    cr_assert_eq(regel_case_new(p, &c, &err), REGEL_OK);
    cr_assert_eq(regel_evaluate(ev, c, REGEL_EXPLAIN, &err), REGEL_OK);
    regel_explanation *x = explain(ev, NULL, 0);
    size_t n = regel_explanation_root(x, 0);
    cr_assert_str_eq(regel_explanation_name(x, n), "leeftijd");
    cr_assert_str_eq(regel_explanation_value(x, n), "onbekend");
    cr_assert_eq(regel_explanation_decided(x, n), 0);
    cr_assert_null(regel_explanation_rule(x, n));
    cr_assert_eq(regel_explanation_condition_count(x, n), 0);
    regel_explanation_free(x);
    regel_eval_free(ev);
    regel_case_free(c);
    regel_policy_free(p);
}

Test(api_explain, misuse_and_out_of_range)
{
    regel_policy *p = load("stdlib-policies/inburgering.regel");
    regel_eval *ev = regel_eval_new(p);
    regel_explanation *x = (regel_explanation *)0x1;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_explanation_new(ev, NULL, 0, &x, &err), REGEL_ERR_USAGE);
    cr_assert_null(x);
    cr_assert(strstr(err.message, "nog geen evaluatie") != NULL, "%s", err.message);
    cr_assert_eq(regel_explanation_new(NULL, NULL, 0, &x, &err), REGEL_ERR_USAGE);
    regel_case *c = read_case(p, "stdlib-policies/gevallen/06-b1-test-verplicht.json");
    cr_assert_eq(regel_evaluate(ev, c, 0, &err), REGEL_OK);
    cr_assert_eq(regel_explanation_new(ev, NULL, 0, &x, &err), REGEL_ERR_USAGE);
    cr_assert(strstr(err.message, "REGEL_EXPLAIN") != NULL, "%s", err.message);
    cr_assert_eq(regel_evaluate(ev, c, REGEL_EXPLAIN, &err), REGEL_OK);
    cr_assert_eq(regel_explanation_new(ev, NULL, 0, NULL, &err), REGEL_ERR_USAGE);
    cr_assert_eq(regel_explanation_new(ev, NULL, 3, &x, &err), REGEL_ERR_USAGE);
    const char *bad[] = {"leeftyd"};
    cr_assert_eq(regel_explanation_new(ev, bad, 1, &x, &err), REGEL_ERR_USAGE);
    cr_assert(strstr(err.message, "bedoelde u ‘leeftijd’?") != NULL, "%s", err.message);
    cr_assert_null(x);
    cr_assert_eq(regel_explanation_new(ev, NULL, 0, &x, NULL), REGEL_OK, "err may be NULL");

    size_t big = 100000;
    cr_assert_eq(regel_explanation_root(x, big), 0);
    cr_assert_null(regel_explanation_name(x, big));
    cr_assert_null(regel_explanation_value(x, big));
    cr_assert_null(regel_explanation_sentence(x, big));
    cr_assert_eq(regel_explanation_decided(x, big), 0);
    cr_assert_null(regel_explanation_rule(x, big));
    cr_assert_null(regel_explanation_exception_of(x, big));
    cr_assert_null(regel_explanation_source(x, big));
    cr_assert_null(regel_explanation_quote(x, big));
    cr_assert_eq(regel_explanation_fact_count(x, big), 0);
    cr_assert_null(regel_explanation_fact_name(x, 0, big));
    cr_assert_null(regel_explanation_fact_value(x, 0, big));
    cr_assert_eq(regel_explanation_condition_count(x, big), 0);
    cr_assert_null(regel_explanation_condition(x, 2, big));
    cr_assert_eq(regel_explanation_condition_met(x, 2, big), 0);
    cr_assert_eq(regel_explanation_use_count(x, big), 0);
    cr_assert_eq(regel_explanation_use(x, 3, big), 0);
    /* a NULL snapshot */
    cr_assert_eq(regel_explanation_root_count(NULL), 0);
    cr_assert_eq(regel_explanation_root(NULL, 0), 0);
    cr_assert_null(regel_explanation_name(NULL, 0));
    cr_assert_null(regel_explanation_condition(NULL, 0, 0));
    cr_assert_eq(regel_explanation_use_count(NULL, 0), 0);
    regel_explanation_free(NULL);
    regel_explanation_free(x);
    regel_eval_free(ev);
    regel_case_free(c);
    regel_policy_free(p);
}
