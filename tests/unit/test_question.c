/* test_question.c — tests of the interview library (runtime/question.c, spec
 * v0.3 §4): the choice of the next question (most open targets first, ties by
 * input order, only the targets' causes) and the answer parsers per type. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "policy.h"
#include "regel.h"

/* ---- helpers ---- */

static regel_policy *compile(const char *src)
{
    regel_policy *p = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    char *diag = NULL;
    int rc = regel_policy_compile(src, strlen(src), "test.regel", &p, &diag, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", diag ? diag : err.message);
    regel_free(diag);
    return p;
}

static uint32_t outcome(const regel_policy *p, const char *name)
{
    for (uint32_t o = 0; o < p->n_outcomes; o++)
        if (strcmp(p->outcomes[o].name, name) == 0)
            return o;
    cr_assert_fail("geen uitkomst %s", name);
    return 0;
}

static const char heur_src[] = "beleid \"H\".\n"
                               "invoer a: waarheid, b: waarheid, c: waarheid, d: waarheid.\n"
                               "uitkomst x: waarheid, y: waarheid, z: waarheid.\n"
                               "begrip t: waarheid.\n"
                               "regel \"X\" x is a en b.\n"
                               "regel \"Y\" y is c.\n"
                               "regel \"Z\" z is d.\n"
                               "regel \"T\" t is a.\n";

/* An evaluation of heur_src whose statuses and causes are then set by the
 * test: the heuristic is tested apart from how the VM computes causes. */
typedef struct fixture {
    regel_policy *p;
    regel_case *c;
    regel_eval *ev;
    const uint8_t **saved_causes;
    const uint8_t *causes[8];
    uint8_t tables[8][4];
    uint8_t saved_status[8];
} fixture;

static fixture *fx_new(void)
{
    fixture *f = calloc(1, sizeof *f);
    cr_assert_not_null(f);
    f->p = compile(heur_src);
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_case_from_json(f->p, "{}", 2, "geval", &f->c, &err), REGEL_OK, "%s",
                 err.message);
    f->ev = regel_eval_new(f->p);
    cr_assert_not_null(f->ev);
    cr_assert_eq(regel_evaluate(f->ev, f->c, REGEL_EXPLAIN, &err), REGEL_OK, "%s", err.message);
    cr_assert_leq(f->p->n_outcomes, 8);
    cr_assert_eq(f->p->n_inputs, 4);
    f->saved_causes = f->ev->causes;
    memcpy(f->saved_status, f->ev->status, f->p->n_outcomes);
    f->ev->causes = f->causes;
    for (uint32_t o = 0; o < f->p->n_outcomes; o++) {
        f->ev->status[o] = EV_DECIDED;
        f->causes[o] = NULL;
    }
    return f;
}

/* Outcome `name` is undecided because of the inputs in `inputs` ("abd"). */
static void fx_open(fixture *f, const char *name, const char *inputs)
{
    uint32_t o = outcome(f->p, name);
    f->ev->status[o] = EV_UNKNOWN;
    memset(f->tables[o], 0, 4);
    for (const char *s = inputs; *s; s++)
        f->tables[o][*s - 'a'] = 1;
    f->causes[o] = f->tables[o];
}

static void fx_free(fixture *f)
{
    f->ev->causes = f->saved_causes;
    memcpy(f->ev->status, f->saved_status, f->p->n_outcomes);
    regel_eval_free(f->ev);
    regel_case_free(f->c);
    regel_policy_free(f->p);
    free(f);
}

/* The chosen input's name, or "-" for none. */
static const char *next(fixture *f, const char *const *targets, size_t n)
{
    long i = -2;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_next_question(f->ev, targets, n, &i, &err), REGEL_OK, "%s", err.message);
    cr_assert_geq(i, -1);
    return i < 0 ? "-" : regel_input_name(f->p, (size_t)i);
}

/* ---- the heuristic ---- */

Test(heuristic, most_targets_first)
{
    fixture *f = fx_new();
    fx_open(f, "x", "ab");
    fx_open(f, "y", "b");
    fx_open(f, "z", "d");
    cr_assert_str_eq(next(f, NULL, 0), "b"); /* in two cause sets; a and d in one */
    fx_open(f, "y", "d");
    fx_open(f, "x", "ad");
    cr_assert_str_eq(next(f, NULL, 0), "d");
    fx_free(f);
}

Test(heuristic, ties_go_to_input_order)
{
    fixture *f = fx_new();
    fx_open(f, "x", "c");
    fx_open(f, "y", "b");
    fx_open(f, "z", "d");
    cr_assert_str_eq(next(f, NULL, 0), "b");
    fx_open(f, "x", "dc");
    fx_open(f, "y", "cd");
    f->ev->status[outcome(f->p, "z")] = EV_DECIDED;
    cr_assert_str_eq(next(f, NULL, 0), "c");
    fx_free(f);
}

Test(heuristic, only_the_targets_causes)
{
    fixture *f = fx_new();
    fx_open(f, "x", "ab");
    fx_open(f, "y", "b");
    fx_open(f, "z", "d");
    const char *z[] = {"z"};
    cr_assert_str_eq(next(f, z, 1), "d");
    const char *xz[] = {"z", "x"};
    cr_assert_str_eq(next(f, xz, 2), "a"); /* a, b, d once each: a first */
    /* a begrip's causes do not count even when it is undecided */
    fx_open(f, "t", "c");
    cr_assert_str_eq(next(f, z, 1), "d");
    fx_free(f);
}

Test(heuristic, decided_targets_and_no_candidates)
{
    fixture *f = fx_new();
    cr_assert_str_eq(next(f, NULL, 0), "-"); /* everything decided */
    /* undecided without causes (no rule applied): nothing to ask */
    f->ev->status[outcome(f->p, "x")] = EV_NO_RULE;
    cr_assert_str_eq(next(f, NULL, 0), "-");
    fx_open(f, "y", "c");
    const char *x[] = {"x"};
    cr_assert_str_eq(next(f, x, 1), "-");
    cr_assert_str_eq(next(f, NULL, 0), "c");
    /* a decided outcome's stale causes are ignored */
    f->ev->status[outcome(f->p, "y")] = EV_DECIDED;
    cr_assert_str_eq(next(f, NULL, 0), "-");
    fx_free(f);
}

Test(heuristic, bad_targets)
{
    fixture *f = fx_new();
    long i = 5;
    regel_error err;
    memset(&err, 0, sizeof err);
    const char *bad[] = {"yy"};
    cr_assert_eq(regel_next_question(f->ev, bad, 1, &i, &err), REGEL_ERR_USAGE);
    cr_assert_eq(i, -1);
    cr_assert_str_eq(err.message, "onbekende uitkomst ‘yy’; bedoelde u ‘y’?");
    const char *begrip[] = {"t"};
    cr_assert_eq(regel_next_question(f->ev, begrip, 1, &i, &err), REGEL_ERR_USAGE);
    cr_assert_str_eq(err.message, "‘t’ is een begrip, geen uitkomst van het beleid");
    regel_eval *fresh = regel_eval_new(f->p);
    cr_assert_eq(regel_next_question(fresh, NULL, 0, &i, &err), REGEL_ERR_USAGE);
    regel_eval_free(fresh);
    fx_free(f);
}

Test(heuristic, next_question_json)
{
    fixture *f = fx_new();
    char *out = NULL;
    size_t len = 0;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_next_question_json(f->ev, NULL, 0, &out, &len, &err), REGEL_OK);
    cr_assert_str_eq(out, "null");
    cr_assert_eq(len, 4);
    regel_free(out);
    fx_open(f, "z", "d");
    fx_open(f, "x", "b");
    cr_assert_eq(regel_next_question_json(f->ev, NULL, 0, &out, &len, &err), REGEL_OK);
    cr_assert_str_eq(out, "{\n"
                          "    \"feit\": \"b\",\n"
                          "    \"vraag\": \"Wat is ‘b’?\",\n"
                          "    \"type\": \"waarheid\",\n"
                          "    \"optioneel\": false,\n"
                          "    \"niet_negatief\": false,\n"
                          "    \"open_uitkomsten\": [\n"
                          "      \"x\",\n"
                          "      \"z\"\n"
                          "    ]\n"
                          "  }");
    cr_assert_eq(len, strlen(out));
    regel_free(out);
    fx_free(f);
}

/* The real evaluation feeds the heuristic: with nothing known, the register
 * (needed by all three uitkomsten) is asked first, then what remains. */
Test(heuristic, real_evaluation)
{
    regel_policy *p = compile("beleid \"R\".\n"
                              "soort Register is een van vreemdelingenregister, wachtregister.\n"
                              "invoer werkt: waarheid, uren: getal, register: Register.\n"
                              "uitkomst a: waarheid, b: waarheid, c: waarheid.\n"
                              "regel \"A\" a is register is wachtregister en werkt.\n"
                              "regel \"B\" b is register is wachtregister en uren > 3.\n"
                              "regel \"C\" c is register is vreemdelingenregister.\n");
    regel_error err;
    memset(&err, 0, sizeof err);
    const char *cases[][2] = {{"{}", "register"},
                              {"{\"register\": \"wachtregister\"}", "werkt"},
                              {"{\"register\": \"vreemdelingenregister\"}", "-"},
                              {"{\"register\": \"wachtregister\", \"werkt\": false}", "uren"}};
    regel_eval *ev = regel_eval_new(p);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        regel_case *c = NULL;
        cr_assert_eq(regel_case_from_json(p, cases[k][0], strlen(cases[k][0]), "g", &c, &err),
                     REGEL_OK, "%s", err.message);
        cr_assert_eq(regel_evaluate(ev, c, REGEL_EXPLAIN, &err), REGEL_OK, "%s", err.message);
        long i = -2;
        cr_assert_eq(regel_next_question(ev, NULL, 0, &i, &err), REGEL_OK, "%s", err.message);
        cr_assert_str_eq(i < 0 ? "-" : regel_input_name(p, (size_t)i), cases[k][1], "%s",
                         cases[k][0]);
        regel_case_free(c);
    }
    regel_eval_free(ev);
    regel_policy_free(p);
}

/* ---- describing an input ---- */

static const char types_src[] =
    "beleid \"T\".\n"
    "soort Register is een van vreemdelingenregister, wachtregister, geen.\n"
    "gegeven Toets heeft soort: Register, datum: datum.\n"
    "invoer w: waarheid vraag \"Werkt u?\", g: getal, t: tekst, r: Register, d: datum,\n"
    "    b: bedrag, u: duur, p: periode, rec: Toets, l: lijst van Toets.\n"
    "uitkomst x: waarheid.\n"
    "regel \"X\" x is w.\n";

Test(describe, inputs)
{
    regel_policy *p = compile(types_src);
    cr_assert_eq(regel_input_count(p), 10);
    cr_assert_str_eq(regel_input_name(p, 0), "w");
    cr_assert_null(regel_input_name(p, 10));
    cr_assert_eq(regel_input_find(p, "r"), 3);
    cr_assert_eq(regel_input_find(p, "zz"), -1);
    cr_assert_eq(regel_input_optional(p, 0), 0);
    cr_assert_str_eq(regel_input_vraag(p, 0), "Werkt u?");
    cr_assert_null(regel_input_vraag(p, 1));
    const char *types[] = {"waarheid", "getal", "tekst",   "Register", "datum",
                           "bedrag",   "duur",  "periode", "Toets",    "lijst van Toets"};
    for (size_t i = 0; i < 10; i++) {
        char *t = regel_input_type(p, i);
        cr_assert_str_eq(t, types[i]);
        regel_free(t);
    }
    char *q = regel_input_question(p, 0);
    cr_assert_str_eq(q, "Werkt u?");
    regel_free(q);
    q = regel_input_question(p, 1);
    cr_assert_str_eq(q, "Wat is ‘g’?");
    regel_free(q);
    char *h = regel_input_hint(p, 0);
    cr_assert_str_eq(h, "waar of onwaar");
    regel_free(h);
    h = regel_input_hint(p, 4);
    cr_assert_str_eq(h, "een datum, bijv. 1 maart 2022");
    regel_free(h);
    cr_assert_eq(regel_input_member_count(p, 3), 3);
    cr_assert_eq(regel_input_member_count(p, 0), 0);
    cr_assert_str_eq(regel_input_member(p, 3, 1), "wachtregister");
    cr_assert_null(regel_input_member(p, 3, 3));
    regel_policy_free(p);
}

/* ---- parsing answers ---- */

/* Parse text for input `name`; expect JSON `want`, or with want NULL an
 * error whose message contains `msg`. */
static void answer(const regel_policy *p, const char *name, const char *text, const char *want,
                   const char *msg)
{
    long i = regel_input_find(p, name);
    cr_assert_geq(i, 0, "%s", name);
    char *json = (char *)1;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_parse_answer(p, (size_t)i, text, strlen(text), &json, &err);
    if (want) {
        cr_assert_eq(rc, REGEL_OK, "%s ← ‘%s’: %s", name, text, err.message);
        cr_assert_str_eq(json, want, "%s ← ‘%s’", name, text);
        regel_free(json);
    } else {
        cr_assert_eq(rc, REGEL_ERR_CASE, "%s ← ‘%s’ gave %s", name, text,
                     rc == REGEL_OK ? json : "?");
        cr_assert_null(json);
        cr_assert_not_null(strstr(err.message, msg), "%s ← ‘%s’: %s", name, text, err.message);
        cr_assert_str_eq(err.key, name);
    }
}

Test(answers, waarheid)
{
    regel_policy *p = compile(types_src);
    answer(p, "w", "ja", "true", NULL);
    answer(p, "w", "  Ja \n", "true", NULL);
    answer(p, "w", "waar", "true", NULL);
    answer(p, "w", "NEE", "false", NULL);
    answer(p, "w", "onwaar", "false", NULL);
    answer(p, "w", "misschien", NULL,
           "‘misschien’ is geen geldig antwoord; geef ja, nee, waar of onwaar.");
    answer(p, "w", "", NULL, "geen antwoord gegeven; geef ja, nee, waar of onwaar.");
    answer(p, "w", "geen", NULL, "geef ja, nee, waar of onwaar."); /* not optional */
    regel_policy_free(p);
}

Test(answers, getal)
{
    regel_policy *p = compile(types_src);
    answer(p, "g", "12", "12", NULL);
    answer(p, "g", "12,5", "12.5", NULL);
    answer(p, "g", "12.50", "12.5", NULL);
    answer(p, "g", "-0,25", "-0.25", NULL);
    answer(p, "g", "twaalf", NULL, "geef een getal met een decimale komma of punt");
    answer(p, "g", "1,2,3", NULL, "geen geldig antwoord");
    answer(p, "g", "99999999999999999999999", NULL, "te groot");
    regel_policy_free(p);
}

Test(answers, tekst)
{
    regel_policy *p = compile(types_src);
    answer(p, "t", "Ann", "\"Ann\"", NULL);
    answer(p, "t", " Dag \"Ann\" ", "\"Dag \\\"Ann\\\"\"", NULL);
    answer(p, "t", "één", "\"één\"", NULL);
    answer(p, "t", "a\nb", NULL, "op één regel");
    answer(p, "t", "\xff", NULL, "het antwoord is geen geldige UTF-8-tekst; geef een tekst");
    answer(p, "t", "\xc3\x28", NULL, "geen geldige UTF-8");
    answer(p, "t", "\xed\xa0\x80", NULL, "geen geldige UTF-8"); /* a surrogate */
    answer(p, "t", "\xc0\xaf", NULL, "geen geldige UTF-8");     /* overlong */
    answer(p, "t", "\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"", NULL);
    regel_policy_free(p);
}

Test(answers, soort)
{
    regel_policy *p = compile(types_src);
    answer(p, "r", "wachtregister", "\"wachtregister\"", NULL);
    answer(p, "r", "Wachtregister", "\"wachtregister\"", NULL);
    answer(p, "r", "1", "\"vreemdelingenregister\"", NULL);
    answer(p, "r", "3", "\"geen\"", NULL);
    answer(p, "r", "geen", "\"geen\"", NULL);
    answer(p, "r", "4", NULL,
           "‘4’ is geen geldig antwoord: er is geen nummer 4; geef een van "
           "vreemdelingenregister, wachtregister of geen, of het nummer ervoor (1 tot en met 3).");
    answer(p, "r", "0", NULL, "er is geen nummer 0");
    answer(p, "r", "wachtregistr", NULL, "bedoelde u ‘wachtregister’?");
    answer(p, "r", "bevolking", NULL, "‘bevolking’ is geen geldig antwoord; geef een van");
    regel_policy_free(p);
}

Test(answers, datum)
{
    regel_policy *p = compile(types_src);
    answer(p, "d", "2022-03-01", "\"2022-03-01\"", NULL);
    answer(p, "d", "1 maart 2022", "\"2022-03-01\"", NULL);
    answer(p, "d", "29 Februari 2024", "\"2024-02-29\"", NULL);
    answer(p, "d", "01-03-2022", "\"2022-03-01\"", NULL);
    answer(p, "d", "31-12-1999", "\"1999-12-31\"", NULL);
    answer(p, "d", "29 februari 2023", NULL,
           "die datum bestaat niet (februari 2023 heeft 28 dagen)");
    answer(p, "d", "2023-02-29", NULL, "die datum bestaat niet (februari 2023 heeft 28 dagen)");
    answer(p, "d", "1 maat 2022", NULL, "‘maat’ is geen maand");
    answer(p, "d", "gisteren", NULL, "geef een datum als 2022-03-01 of 1 maart 2022.");
    answer(p, "d", "1 maart 22", NULL, "geen geldig antwoord");
    answer(p, "d", "32-01-2022", NULL, "die datum bestaat niet");
    regel_policy_free(p);
}

Test(answers, bedrag)
{
    regel_policy *p = compile(types_src);
    answer(p, "b", "12,50", "12.5", NULL);
    answer(p, "b", "€ 12,50", "12.5", NULL);
    answer(p, "b", "€12,50", "12.5", NULL);
    answer(p, "b", "12,50 euro", "12.5", NULL);
    answer(p, "b", "1.250,75", "1250.75", NULL);
    answer(p, "b", "12.5", "12.5", NULL);
    answer(p, "b", "1.250", "1250", NULL); /* a point before three digits groups thousands */
    answer(p, "b", "€ 1.250.000", "1250000", NULL);
    answer(p, "b", "euro 7", "7", NULL);
    answer(p, "b", "-3,05", "-3.05", NULL);
    answer(p, "b", "90", "90", NULL);
    answer(p, "b", "€ 90,-", "90", NULL);
    answer(p, "b", "12,505", NULL, "een bedrag heeft hoogstens 2 decimalen");
    answer(p, "b", "twaalf euro", NULL,
           "geef een bedrag in euro als 12,50, € 12,50 of 12,50 euro.");
    answer(p, "b", "$ 12", NULL, "geen geldig antwoord");
    regel_policy_free(p);
}

Test(answers, duur)
{
    regel_policy *p = compile(types_src);
    answer(p, "u", "2 maanden", "\"2 maanden\"", NULL);
    answer(p, "u", "1 jaar en 3 dagen", "\"1 jaar en 3 dagen\"", NULL);
    answer(p, "u", "1 Maand", "\"1 maand\"", NULL);
    answer(p, "u", "2 maandn", NULL,
           "‘2 maandn’ is geen geldige duur: onbekende eenheid ‘maandn’; bedoelde u ‘maand’? "
           "Geef een duur als 2 maanden, 1 jaar en 3 dagen of 10 weken.");
    answer(p, "u", "lang", NULL, "geef een duur als 2 maanden");
    regel_policy_free(p);
}

Test(answers, json_values)
{
    regel_policy *p = compile(types_src);
    answer(p, "p", "{\"van\": \"2022-01-01\", \"tot\": null}",
           "{\"van\": \"2022-01-01\", \"tot\": null}", NULL);
    answer(p, "p", "2022", NULL, "geef een periode als JSON op één regel");
    answer(p, "p", "{\"van\": \"2022-02-30\"}", NULL, "is geen geldige datum");
    answer(p, "rec", "{\"soort\": \"geen\", \"datum\": \"2020-01-01\"}",
           "{\"soort\": \"geen\", \"datum\": \"2020-01-01\"}", NULL);
    answer(p, "rec", "{\"soort\": \"x\"}", NULL,
           "geef een Toets als JSON-object op één regel met de velden soort en datum.");
    answer(p, "rec", "{\"soort\": ", NULL,
           "‘{\"soort\":’ is geen geldig antwoord: geen geldige JSON; geef een Toets");
    answer(p, "l", "[1, 2", NULL, "‘[1, 2’ is geen geldig antwoord: geen geldige JSON; geef");
    answer(p, "l", "[{\"datum\": 1}]", NULL, "feit ‘l[0].datum’");
    answer(p, "l", "[]", "[]", NULL);
    answer(p, "l", "[{\"datum\": \"2020-01-01\"}]", "[{\"datum\": \"2020-01-01\"}]", NULL);
    answer(p, "l", "{}", NULL, "geef een lijst als JSON op één regel");
    regel_policy_free(p);
}

Test(answers, bad_calls)
{
    regel_policy *p = compile(types_src);
    char *json = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_parse_answer(p, 10, "ja", 2, &json, &err), REGEL_ERR_USAGE);
    cr_assert_eq(regel_parse_answer(p, 0, "ja", 2, NULL, &err), REGEL_ERR_USAGE);
    cr_assert_eq(regel_parse_answer(NULL, 0, "ja", 2, &json, &err), REGEL_ERR_USAGE);
    regel_policy_free(p);
}

/* Optional facts accept `geen` (JSON null); a soort with a member `geen`
 * keeps the member. Needs the v0.3 compiler (`(optioneel)`). */
Test(answers, optional_geen)
{
    regel_policy *p = compile("beleid \"O\".\n"
                              "soort S is een van a, geen.\n"
                              "invoer d: datum (optioneel), s: S (optioneel), w: waarheid.\n"
                              "uitkomst x: waarheid.\n"
                              "regel \"X\" x is w.\n");
    cr_assert_eq(regel_input_optional(p, 0), 1);
    cr_assert_eq(regel_input_optional(p, 2), 0);
    char *h = regel_input_hint(p, 0);
    cr_assert_str_eq(h, "een datum, bijv. 1 maart 2022, of geen");
    regel_free(h);
    answer(p, "d", "geen", "null", NULL);
    answer(p, "d", "Geen", "null", NULL);
    answer(p, "d", "1 maart 2022", "\"2022-03-01\"", NULL);
    answer(p, "d", "nooit", NULL, "1 maart 2022; of geen als het er niet is.");
    answer(p, "s", "geen", "\"geen\"", NULL);
    regel_policy_free(p);
}
