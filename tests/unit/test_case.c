/* test_case.c — unit tests of the case reader (runtime/case.c, spec §6):
 * typed facts from JSON, exact numbers, and every error with its Dutch
 * message and key path. Builds its policy tables by hand; no compiler needed. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "eval.h"
#include "policy.h"
#include "regel.h"

/* Facts of the test policy, in input order. */
enum { IN_WERKT, IN_UREN, IN_NAAM, IN_REGISTER, IN_TOETS, IN_COUNT };

static const char *register_members[] = {"vreemdelingenregister", "bevolkingsregister"};
static const char *soort_members[] = {"nt2", "mo"};
static rt_field toets_fields[] = {{"soort", 4}, {"geslaagd", 0}, {"score", 1}};
static rt_type types[] = {
    {RBC_TYPE_WAARHEID, NULL, 0, NULL, NULL},
    {RBC_TYPE_GETAL, NULL, 0, NULL, NULL},
    {RBC_TYPE_TEKST, NULL, 0, NULL, NULL},
    {RBC_TYPE_ENUM, "Register", 2, register_members, NULL},
    {RBC_TYPE_ENUM, "Soort", 2, soort_members, NULL},
    {RBC_TYPE_RECORD, "Toets", 3, NULL, toets_fields},
};
static rt_input inputs[] = {
    {"werkt", 0}, {"uren", 1}, {"naam", 2}, {"register", 3}, {"toets", 5},
};

static regel_policy test_policy(void)
{
    regel_policy p;
    memset(&p, 0, sizeof p);
    p.file = "test.rbc";
    p.name = "Test";
    p.types = types;
    p.n_types = sizeof types / sizeof types[0];
    p.inputs = inputs;
    p.n_inputs = IN_COUNT;
    return p;
}

/* Read json; expect success. */
static regel_case *read_ok(const regel_policy *p, const char *json)
{
    regel_case *c = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_case_from_json(p, json, strlen(json), "geval.json", &c, &err);
    cr_assert_eq(rc, REGEL_OK, "onverwachte fout: %s (sleutel %s)", err.message, err.key);
    cr_assert_not_null(c);
    return c;
}

/* Read json; expect REGEL_ERR_CASE with exactly this key and message. */
static void read_fails(const char *json, const char *key, const char *message)
{
    regel_policy p = test_policy();
    regel_case *c = (regel_case *)&p; /* must be reset to NULL on failure */
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_case_from_json(&p, json, strlen(json), "geval.json", &c, &err);
    cr_assert_eq(rc, REGEL_ERR_CASE, "code %d voor %s", rc, json);
    cr_assert_null(c);
    cr_assert_eq(err.code, REGEL_ERR_CASE);
    cr_assert_str_eq(err.file, "geval.json");
    cr_assert_str_eq(err.key, key);
    cr_assert_str_eq(err.message, message);
}

/* Invalid JSON: the position travels in err.line/err.column, not in the text. */
static void read_fails_at(const char *json, unsigned line, unsigned column, const char *message)
{
    regel_policy p = test_policy();
    regel_case *c = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_case_from_json(&p, json, strlen(json), "geval.json", &c, &err);
    cr_assert_eq(rc, REGEL_ERR_CASE);
    cr_assert_eq(err.line, line, "regel %u, verwacht %u", err.line, line);
    cr_assert_eq(err.column, column, "kolom %u, verwacht %u", err.column, column);
    cr_assert_str_eq(err.message, message);
}

static void assert_getal(const char *json_number, int64_t num, int64_t den)
{
    regel_policy p = test_policy();
    char json[128];
    snprintf(json, sizeof json, "{\"uren\": %s}", json_number);
    regel_case *c = read_ok(&p, json);
    cr_assert_eq(c->facts[IN_UREN].tag, RV_GETAL, "%s", json_number);
    cr_assert_eq(c->facts[IN_UREN].u.q.num, num, "%s: teller %lld", json_number,
                 (long long)c->facts[IN_UREN].u.q.num);
    cr_assert_eq(c->facts[IN_UREN].u.q.den, den, "%s: noemer %lld", json_number,
                 (long long)c->facts[IN_UREN].u.q.den);
    regel_case_free(c);
}

Test(case_reader, all_kinds_of_facts)
{
    regel_policy p = test_policy();
    regel_case *c = read_ok(&p, "{\"werkt\": true, \"uren\": 12, \"naam\": \"Zoë \\\"Z\\\"\","
                                " \"register\": \"bevolkingsregister\","
                                " \"toets\": {\"soort\": \"mo\", \"geslaagd\": false}}");
    cr_assert_eq(c->policy, &p);
    cr_assert_str_eq(c->name, "geval.json");
    cr_assert_eq(c->facts[IN_WERKT].tag, RV_WAARHEID);
    cr_assert(c->facts[IN_WERKT].u.b);
    cr_assert_eq(c->facts[IN_UREN].tag, RV_GETAL);
    cr_assert_eq(c->facts[IN_UREN].u.q.num, 12);
    cr_assert_eq(c->facts[IN_UREN].u.q.den, 1);
    cr_assert_eq(c->facts[IN_NAAM].tag, RV_TEKST);
    cr_assert_str_eq(c->facts[IN_NAAM].u.str.s, "Zoë \"Z\"");
    cr_assert_eq(c->facts[IN_NAAM].u.str.len, strlen("Zoë \"Z\""));
    cr_assert_eq(c->facts[IN_REGISTER].tag, RV_MEMBER);
    cr_assert_eq(c->facts[IN_REGISTER].u.member, 1);
    const rt_value *t = &c->facts[IN_TOETS];
    cr_assert_eq(t->tag, RV_RECORD);
    cr_assert_eq(t->u.fields[0].tag, RV_MEMBER);
    cr_assert_eq(t->u.fields[0].u.member, 1);
    cr_assert_eq(t->u.fields[1].tag, RV_WAARHEID);
    cr_assert_not(t->u.fields[1].u.b);
    cr_assert_eq(t->u.fields[2].tag, RV_ONBEKEND, "ontbrekend veld is onbekend");
    regel_case_free(c);
}

Test(case_reader, absent_facts_are_onbekend)
{
    regel_policy p = test_policy();
    regel_case *c = read_ok(&p, "{\"werkt\": false}");
    cr_assert_eq(c->facts[IN_WERKT].tag, RV_WAARHEID);
    cr_assert_not(c->facts[IN_WERKT].u.b);
    for (int i = IN_UREN; i < IN_COUNT; i++)
        cr_assert_eq(c->facts[i].tag, RV_ONBEKEND, "feit %d", i);
    regel_case_free(c);
    c = read_ok(&p, "  {}\n");
    for (int i = 0; i < IN_COUNT; i++)
        cr_assert_eq(c->facts[i].tag, RV_ONBEKEND, "feit %d", i);
    regel_case_free(c);
}

Test(case_reader, numbers_are_exact)
{
    assert_getal("0.1", 1, 10);
    assert_getal("1e2", 100, 1);
    assert_getal("1E-2", 1, 100);
    assert_getal("-0.5", -1, 2);
    assert_getal("12.5", 25, 2);
    assert_getal("0", 0, 1);
    assert_getal("-0.0", 0, 1);
    assert_getal("-7", -7, 1);
    assert_getal("100.0", 100, 1);
    assert_getal("0.30000000000000004", 30000000000000004LL / 4, 100000000000000000LL / 4);
    /* integers are taken exactly, also beyond 2^53 */
    assert_getal("9007199254740993", 9007199254740993LL, 1);
    assert_getal("-9223372036854775808", INT64_MIN, 1);
    assert_getal("9223372036854775807", INT64_MAX, 1);
}

Test(case_reader, utf8_bom_is_skipped)
{
    regel_policy p = test_policy();
    regel_case *c = read_ok(&p, "\xEF\xBB\xBF{\"werkt\": true}");
    cr_assert_eq(c->facts[IN_WERKT].tag, RV_WAARHEID);
    regel_case_free(c);
}

Test(case_reader, name_may_be_null)
{
    regel_policy p = test_policy();
    regel_case *c = NULL;
    regel_error err;
    cr_assert_eq(regel_case_from_json(&p, "{}", 2, NULL, &c, &err), REGEL_OK);
    cr_assert_str_eq(c->name, "");
    regel_case_free(c);
    regel_case_free(NULL);
}

Test(case_reader, json_text_need_not_be_nul_terminated)
{
    regel_policy p = test_policy();
    const char buf[] = "{\"werkt\": true}GARBAGE";
    regel_case *c = NULL;
    regel_error err;
    cr_assert_eq(regel_case_from_json(&p, buf, 15, "x", &c, &err), REGEL_OK, "%s", err.message);
    cr_assert(c->facts[IN_WERKT].u.b);
    regel_case_free(c);
}

Test(case_reader, wrong_type_waarheid)
{
    read_fails("{\"werkt\": \"ja\"}", "werkt",
               "feit ‘werkt’ moet waar of onwaar zijn (JSON true/false), maar is een tekst");
    read_fails("{\"werkt\": 1}", "werkt",
               "feit ‘werkt’ moet waar of onwaar zijn (JSON true/false), maar is een getal");
}

Test(case_reader, wrong_type_getal_tekst)
{
    read_fails("{\"uren\": \"12\"}", "uren",
               "feit ‘uren’ moet een getal zijn (JSON-getal), maar is een tekst");
    read_fails("{\"uren\": true}", "uren",
               "feit ‘uren’ moet een getal zijn (JSON-getal), maar is een waarheid (true/false)");
    read_fails("{\"naam\": [\"a\"]}", "naam",
               "feit ‘naam’ moet een tekst zijn (JSON-tekst), maar is een lijst");
    read_fails("{\"naam\": {}}", "naam",
               "feit ‘naam’ moet een tekst zijn (JSON-tekst), maar is een object");
}

Test(case_reader, enum_errors)
{
    read_fails("{\"register\": \"xyz\"}", "register",
               "feit ‘register’: ‘xyz’ is geen Register; mogelijk: vreemdelingenregister, "
               "bevolkingsregister");
    read_fails("{\"register\": \"bevolkingsregistr\"}", "register",
               "feit ‘register’: ‘bevolkingsregistr’ is geen Register; bedoelde u "
               "‘bevolkingsregister’?");
    read_fails("{\"register\": 3}", "register",
               "feit ‘register’ moet een Register zijn (JSON-tekst: vreemdelingenregister, "
               "bevolkingsregister), maar is een getal");
}

Test(case_reader, record_errors)
{
    read_fails("{\"toets\": {\"soort\": \"nt2\", \"scor\": 5}}", "toets.scor",
               "onbekend veld ‘scor’ in feit ‘toets’ (een Toets); bedoelde u ‘score’?");
    read_fails("{\"toets\": {\"datum\": \"2020-01-01\"}}", "toets.datum",
               "onbekend veld ‘datum’ in feit ‘toets’ (een Toets); de velden zijn: soort, "
               "geslaagd, score");
    read_fails("{\"toets\": {\"geslaagd\": \"ja\"}}", "toets.geslaagd",
               "feit ‘toets.geslaagd’ moet waar of onwaar zijn (JSON true/false), maar is een "
               "tekst");
    read_fails("{\"toets\": {\"soort\": \"b1\"}}", "toets.soort",
               "feit ‘toets.soort’: ‘b1’ is geen Soort; mogelijk: nt2, mo");
    read_fails("{\"toets\": [1]}", "toets",
               "feit ‘toets’ moet een Toets zijn (JSON-object met de velden soort, geslaagd, "
               "score), maar is een lijst");
}

Test(case_reader, unknown_fact)
{
    read_fails("{\"werkt\": true, \"werktt\": true}", "werktt",
               "onbekend feit ‘werktt’ in het geval; bedoelde u ‘werkt’?");
    read_fails("{\"leeftijd\": 3}", "leeftijd",
               "onbekend feit ‘leeftijd’ in het geval; het beleid kent geen invoer met die naam");
}

Test(case_reader, null_is_not_yet_allowed)
{
    read_fails("{\"werkt\": null}", "werkt",
               "feit ‘werkt’ is null, maar optionele feiten komen later; laat de sleutel weg als "
               "het feit onbekend is");
    read_fails("{\"toets\": {\"score\": null}}", "toets.score",
               "feit ‘toets.score’ is null, maar optionele feiten komen later; laat de sleutel "
               "weg als het feit onbekend is");
}

Test(case_reader, first_error_in_document_order)
{
    read_fails("{\"uren\": \"x\", \"werkt\": 1}", "uren",
               "feit ‘uren’ moet een getal zijn (JSON-getal), maar is een tekst");
}

Test(case_reader, duplicate_keys)
{
    read_fails("{\"werkt\": true,\n \"werkt\": false}", "werkt",
               "sleutel ‘werkt’ komt twee keer voor in het geval (regel 2, kolom 8)");
    read_fails("{\"naam\": \"a,\\\"{\", \"toets\": {\"soort\": \"mo\", \"soort\": \"nt2\"}}",
               "toets.soort",
               "sleutel ‘toets.soort’ komt twee keer voor in het geval (regel 1, "
               "kolom 50)");
    regel_policy p = test_policy();
    regel_case *c = NULL;
    regel_error err;
    const char *json = "{\"werkt\": true,\n \"werkt\": false}";
    regel_case_from_json(&p, json, strlen(json), "g", &c, &err);
    cr_assert_eq(err.line, 2);
    cr_assert_eq(err.column, 8);
}

Test(case_reader, not_an_object)
{
    read_fails("[1, 2]", "",
               "het geval moet een JSON-object met feiten zijn ({…}), maar is een lijst");
    read_fails("42", "", "het geval moet een JSON-object met feiten zijn ({…}), maar is een getal");
    read_fails("\"werkt\"", "",
               "het geval moet een JSON-object met feiten zijn ({…}), maar is een tekst");
    read_fails("null", "", "het geval moet een JSON-object met feiten zijn ({…}), maar is null");
}

Test(case_reader, invalid_json_location)
{
    read_fails_at("{\n  \"werkt\": true,\n  \"uren\": tru\n}", 3, 13,
                  "geen geldige JSON: ongeldige syntaxis bij ‘tru’");
    read_fails_at("{\"werkt\": true,}", 1, 16, "geen geldige JSON: ongeldige syntaxis bij ‘}’");
    read_fails("{\n  \"werkt\": true,\n  \"uren\": tru\n}", "",
               "geen geldige JSON: ongeldige syntaxis bij ‘tru’");
    read_fails("{\"werkt\": true,}", "", "geen geldige JSON: ongeldige syntaxis bij ‘}’");
    read_fails("{werkt: true}", "", "geen geldige JSON: ongeldige syntaxis bij ‘werkt’");
    read_fails("{\"werkt\": true \"uren\": 2}", "",
               "geen geldige JSON: ongeldige syntaxis bij ‘\"uren\"’");
    read_fails("{\"a\\\"b\": 1 \"c\": 2}", "", "geen geldige JSON: ongeldige syntaxis bij ‘\"c\"’");
    read_fails("{\"werkt\": 1 \"a\\\"b\": 2}", "",
               "geen geldige JSON: ongeldige syntaxis bij ‘\"a\\\"b\"’");
    read_fails("{\"werkt\": true", "", "geen geldige JSON: onverwacht einde van de invoer");
    read_fails("", "", "geen geldige JSON: het geval is leeg (verwacht een JSON-object {…})");
    read_fails(" \n ", "", "geen geldige JSON: het geval is leeg (verwacht een JSON-object {…})");
    read_fails("{\"werkt\": true,\n", "", "geen geldige JSON: onverwacht einde van de invoer");
    read_fails("{} {}", "",
               "geen geldige JSON: er staat nog tekst na het einde van het "
               "JSON-object");
    read_fails("{\"uren\": 99999999999999999999}", "", "geen geldige JSON: getal te groot");
    read_fails("{\"naam\": \"\\u0000\"}", "",
               "geen geldige JSON: het teken \\u0000 is niet toegestaan");
    read_fails("{\"naam\": \"\xff\"}", "", "geen geldige JSON: ongeldige UTF-8");

    regel_policy p = test_policy();
    regel_case *c = NULL;
    regel_error err;
    const char *json = "{\n  \"werkt\": true,\n  \"uren\": tru\n}";
    regel_case_from_json(&p, json, strlen(json), "g", &c, &err);
    cr_assert_eq(err.line, 3);
    cr_assert_eq(err.column, 13);
    cr_assert_null(strstr(err.message, "invalid"), "geen Engelse tekst van jansson");
}

Test(case_reader, number_too_precise)
{
    read_fails("{\"uren\": 1e300}", "uren",
               "feit ‘uren’: het getal 1e300 is te groot of te precies om exact te rekenen");
    read_fails("{\"uren\": 1.2345e-30}", "uren",
               "feit ‘uren’: het getal 1.2345e-30 is te groot of te precies om exact te rekenen");
}

Test(case_reader, usage_errors)
{
    regel_policy p = test_policy();
    regel_case *c = NULL;
    regel_error err;
    cr_assert_eq(regel_case_from_json(NULL, "{}", 2, "g", &c, &err), REGEL_ERR_USAGE);
    cr_assert_eq(err.code, REGEL_ERR_USAGE);
    cr_assert_eq(regel_case_from_json(&p, NULL, 0, "g", &c, &err), REGEL_ERR_USAGE);
    cr_assert_eq(regel_case_from_json(&p, "{}", 2, "g", NULL, &err), REGEL_ERR_USAGE);
    /* a NULL error pointer is allowed */
    cr_assert_eq(regel_case_from_json(&p, "[", 1, "g", &c, NULL), REGEL_ERR_CASE);
    cr_assert_null(c);
}
