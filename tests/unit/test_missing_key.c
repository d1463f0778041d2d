/* test_missing_key.c — issue 4's promise about incomplete cases: deleting any
 * single key from a complete case never crashes, and every uitkomst either
 * keeps its value or becomes null (onbekend) with exactly that key as its
 * missing fact; the overall `ontbrekend` is empty or just that key. Runs over
 * real policies and complete cases of the repository through the public API.
 * Every one of those evaluations is explained, and its trace (eval.h) must
 * agree with the outcomes and with itself (check_trace). */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "policy.h"
#include "regel.h"

static char *read_file(const char *rel, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", SRCDIR, rel);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "kan %s niet openen", path);
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 1 >= cap) {
            cap = cap ? cap * 2 : 4096;
            buf = realloc(buf, cap);
            cr_assert_not_null(buf);
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Kleene value of a branch's condition tree from the atoms the VM noted; an
 * atom whose NOTE did not run (short-circuit) counts as onbekend, which
 * cannot change a decided result. */
static uint8_t tree_value(const rt_branch *br, const uint8_t *atom_value)
{
    uint8_t *st = malloc(br->n_nodes);
    cr_assert_not_null(st);
    uint32_t n = 0;
    for (uint32_t m = 0; m < br->n_nodes; m++) {
        const rt_cnode *nd = &br->nodes[m];
        if (nd->kind == RBC_CN_ATOM) {
            st[n++] = atom_value[nd->arg] ? atom_value[nd->arg] : EV_COND_ONBEKEND;
        } else if (nd->kind == RBC_CN_NOT) {
            uint8_t x = st[n - 1];
            st[n - 1] = x == EV_COND_WAAR     ? EV_COND_ONWAAR
                        : x == EV_COND_ONWAAR ? EV_COND_WAAR
                                              : EV_COND_ONBEKEND;
        } else {
            uint8_t y = st[--n], x = st[n - 1];
            uint8_t dom = nd->kind == RBC_CN_AND ? EV_COND_ONWAAR : EV_COND_WAAR;
            uint8_t other = nd->kind == RBC_CN_AND ? EV_COND_WAAR : EV_COND_ONWAAR;
            st[n - 1] = x == dom || y == dom                             ? dom
                        : x == EV_COND_ONBEKEND || y == EV_COND_ONBEKEND ? EV_COND_ONBEKEND
                                                                         : other;
        }
    }
    uint8_t v = st[0];
    free(st);
    return v;
}

/* The motivering trace of an explained evaluation against its results. */
static void check_trace(const regel_eval *ev, const char *what)
{
    const regel_policy *p = ev->policy;
    cr_assert(ev->explained);
    for (uint32_t o = 0; o < p->n_outcomes; o++) {
        if (ev->status[o] != EV_DECIDED)
            continue;
        uint32_t d = ev->decided_by[o];
        cr_assert_lt(d, p->n_rules, "%s: ‘%s’ zonder beslissende regel", what, p->outcomes[o].name);
        const ev_rule_trace *t = &ev->rule_trace[d];
        cr_assert(t->run == EV_RULE_RAN && t->end == EV_END_RESULT,
                  "%s: regel ‘%s’ besliste ‘%s’, maar het spoor zegt run %u end %u", what,
                  p->rules[d].name, p->outcomes[o].name, t->run, t->end);
        cr_assert_eq(t->value.tag, ev->values[o].tag, "%s: eigen waarde van ‘%s’", what,
                     p->rules[d].name);
    }
    for (uint32_t r = 0; r < p->n_rules; r++) {
        const rt_rule *u = &p->rules[r];
        const ev_rule_trace *t = &ev->rule_trace[r];
        const uint8_t *bc = ev->branch_cond + u->first_branch;
        if (t->run != EV_RULE_RAN) {
            for (uint32_t k = 0; k < u->n_branches; k++)
                cr_assert_eq(bc[k], 0, "%s: regel ‘%s’ liep niet, maar tak %u heeft een waarde",
                             what, u->name, k);
            cr_assert_eq(t->branch, RBC_NONE);
            continue;
        }
        /* the branches before the one it ended in failed; none after it ran */
        uint32_t last = t->end == EV_END_NOT_APPLIED ? u->n_branches : t->branch;
        cr_assert(t->end == EV_END_NOT_APPLIED ? t->branch == RBC_NONE : last < u->n_branches,
                  "%s: regel ‘%s’: tak %u", what, u->name, t->branch);
        for (uint32_t k = 0; k < u->n_branches; k++) {
            const rt_branch *br = &u->branches[k];
            uint8_t want = k < last                  ? EV_COND_ONWAAR
                           : k > last                ? 0
                           : br->n_nodes == 0        ? 0
                           : t->end == EV_END_RESULT ? EV_COND_WAAR
                                                     : EV_COND_ONBEKEND;
            cr_assert_eq(bc[k], want, "%s: regel ‘%s’ tak %u: voorwaarde %u, verwacht %u", what,
                         u->name, k, bc[k], want);
            if (bc[k])
                cr_assert_eq(tree_value(br, ev->atom_value), bc[k],
                             "%s: regel ‘%s’ tak %u (‘%s’): de atomen geven een andere waarde "
                             "dan de voorwaarde",
                             what, u->name, k, br->cond_text);
        }
    }
}

/* Evaluate `case_json` and return the parsed JSON output. */
static json_t *decide(const regel_policy *p, const char *case_json)
{
    regel_error err;
    regel_case *c = NULL;
    int rc = regel_case_from_json(p, case_json, strlen(case_json), "geval", &c, &err);
    cr_assert_eq(rc, REGEL_OK, "geval niet leesbaar: %s", err.message);
    regel_eval *ev = regel_eval_new(p);
    cr_assert_not_null(ev);
    rc = regel_evaluate(ev, c, REGEL_EXPLAIN, &err);
    cr_assert_eq(rc, REGEL_OK, "evaluatie mislukt: %s", err.message);
    check_trace(ev, case_json);
    char *out = NULL;
    size_t len = 0;
    rc = regel_render_json(ev, &out, &len, &err);
    cr_assert_eq(rc, REGEL_OK, "json mislukt: %s", err.message);
    json_error_t jerr;
    json_t *j = json_loadb(out, len, 0, &jerr);
    cr_assert_not_null(j, "uitvoer is geen JSON: %s", jerr.text);
    regel_free(out);
    regel_eval_free(ev);
    regel_case_free(c);
    return j;
}

static bool list_is_just(const json_t *list, const char *key)
{
    return json_is_array(list) && json_array_size(list) == 1 &&
           strcmp(json_string_value(json_array_get(list, 0)), key) == 0;
}

/* Returns the number of keys checked. */
static size_t check_every_key(const char *policy_rel, const char *case_rel)
{
    size_t len;
    char *src = read_file(policy_rel, &len);
    regel_policy *p = NULL;
    char *diags = NULL;
    regel_error err;
    int rc = regel_policy_compile(src, len, policy_rel, &p, &diags, &err);
    cr_assert_eq(rc, REGEL_OK, "%s compileert niet: %s", policy_rel, diags ? diags : err.message);
    regel_free(diags);
    free(src);

    char *case_text = read_file(case_rel, &len);
    json_error_t jerr;
    json_t *full_case = json_loadb(case_text, len, 0, &jerr);
    cr_assert_not_null(full_case);
    json_t *full = decide(p, case_text);
    cr_assert_eq(json_array_size(json_object_get(full, "ontbrekend")), 0, "%s is niet volledig",
                 case_rel);
    json_t *full_out = json_object_get(full, "uitkomsten");

    size_t checked = 0;
    const char *key;
    json_t *unused;
    json_object_foreach(full_case, key, unused)
    {
        (void)unused;
        json_t *partial_case = json_deep_copy(full_case);
        json_object_del(partial_case, key);
        char *partial_text = json_dumps(partial_case, JSON_COMPACT);
        json_t *partial = decide(p, partial_text);
        json_t *out = json_object_get(partial, "uitkomsten");
        json_t *onbeslist = json_object_get(partial, "onbeslist");
        const char *name;
        json_t *value;
        size_t changed = 0;
        json_object_foreach(out, name, value)
        {
            json_t *before = json_object_get(full_out, name);
            if (json_equal(before, value))
                continue;
            changed++;
            cr_assert(json_is_null(value),
                      "%s zonder ‘%s’: ‘%s’ veranderde maar werd niet onbekend", case_rel, key,
                      name);
            json_t *why = json_object_get(json_object_get(onbeslist, name), "ontbrekend");
            cr_assert(list_is_just(why, key),
                      "%s zonder ‘%s’: ‘%s’ is onbekend, maar ‘%s’ staat niet (als enige) bij de "
                      "ontbrekende feiten",
                      case_rel, key, name, key);
        }
        json_t *missing = json_object_get(partial, "ontbrekend");
        if (changed)
            cr_assert(list_is_just(missing, key), "%s zonder ‘%s’: ontbrekend klopt niet", case_rel,
                      key);
        else
            cr_assert_eq(json_array_size(missing), 0,
                         "%s zonder ‘%s’: niets veranderde, toch "
                         "staat er iets bij ontbrekend",
                         case_rel, key);
        json_decref(partial);
        free(partial_text);
        json_decref(partial_case);
        checked++;
    }
    json_decref(full);
    json_decref(full_case);
    free(case_text);
    regel_policy_free(p);
    return checked;
}

Test(missing_key, example_policy_every_key)
{
    static const char *const cases[] = {
        "examples/gevallen/01-verplichte-nieuwkomer.json",
        "examples/gevallen/02-vrijgesteld.json",
        "examples/gevallen/03-vrijwillig-werkend.json",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_assert_eq(check_every_key("examples/inburgering-basis.regel", cases[i]), 13);
}

Test(missing_key, dates_money_lists_every_key)
{
    cr_assert_eq(check_every_key("tests/golden/beleid/tijd-en-geld.regel",
                                 "tests/golden/gevallen/tijd-volledig.json"),
                 8);
    cr_assert_eq(check_every_key("tests/golden/beleid/rekenen.regel",
                                 "tests/golden/gevallen/rekenen-volledig.json"),
                 6);
}

/* The real policy on every sample case of the contract (complete cases: all
 * keys of CONTRACT §2, so 20 keys each). */
Test(missing_key, inburgering_every_sample_case_every_key)
{
    static const char *const cases[] = {
        "tests/golden/inburgering/01-nieuwkomer-net-gestart.json",
        "tests/golden/inburgering/02-attest-behaald.json",
        "tests/golden/inburgering/03-vrijwillig-en-werkend.json",
        "tests/golden/inburgering/04-vrijgesteld-ernstig-ziek.json",
        "tests/golden/inburgering/05-wachtregister-asiel.json",
        "tests/golden/inburgering/06-b1-test-verplicht.json",
        "tests/golden/inburgering/07-b1-niet-verplicht-zes-maanden-gewerkt.json",
        "tests/golden/inburgering/08-verblijf-en-zorgbudget.json",
        "tests/golden/inburgering/09-contract-voor-maart-2022-gratis.json",
        "tests/golden/inburgering/10-laaggeletterd-maandeinde.json",
        "tests/golden/inburgering/11-woonwagenbewoner-zonder-verblijf.json",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_assert_eq(check_every_key("stdlib-policies/inburgering.regel", cases[i]), 20, "%s",
                     cases[i]);
}
