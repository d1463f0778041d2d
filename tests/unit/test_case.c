/* test_case.c — unit tests of the case reader (runtime/case.c, spec §6):
 * typed facts from JSON, exact numbers, geen and defaults (v0.3), and every
 * error with its Dutch message and key path. Builds its policy tables by
 * hand; no compiler needed. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "cal.h"
#include "eval.h"
#include "policy.h"
#include "regel.h"

/* Facts of the test policy, in input order. */
enum {
    IN_WERKT,
    IN_UREN,
    IN_NAAM,
    IN_REGISTER,
    IN_TOETS,
    /* v0.2 */
    IN_GEBOORTEDATUM,
    IN_TERMIJN,
    IN_VERGOEDING,
    IN_VERBLIJF_NU,
    IN_TOETSEN,
    IN_VERBLIJF,
    IN_BEDRAGEN,
    IN_ACTIVITEIT,
    IN_CONTRACT,
    IN_COUNT
};

static const char *register_members[] = {"vreemdelingenregister", "bevolkingsregister"};
static const char *soort_members[] = {"nt2", "mo"};
static rt_field toets_fields[] = {{"soort", 4, 0}, {"geslaagd", 0, 0}, {"score", 1, 0}};
/* gegeven Toetsafname heeft soort: Soort, datum: datum, geslaagd: waarheid, kosten: bedrag */
static rt_field afname_fields[] = {
    {"soort", 4, 0}, {"datum", 6, 0}, {"geslaagd", 0, 0}, {"kosten", 8, 0}};
/* gegeven Activiteit heeft van: datum, tot: datum (NOT a periode) */
static rt_field activiteit_fields[] = {{"van", 6, 0}, {"tot", 6, 0}};
/* gegeven Contract heeft looptijd: periode, duur: duur */
static rt_field contract_fields[] = {{"looptijd", 9, 0}, {"duur", 7, 0}};
static rt_type types[] = {
    {RBC_TYPE_WAARHEID, NULL, 0, NULL, NULL, 0},
    {RBC_TYPE_GETAL, NULL, 0, NULL, NULL, 0},
    {RBC_TYPE_TEKST, NULL, 0, NULL, NULL, 0},
    {RBC_TYPE_ENUM, "Register", 2, register_members, NULL, 0},
    {RBC_TYPE_ENUM, "Soort", 2, soort_members, NULL, 0},
    {RBC_TYPE_RECORD, "Toets", 3, NULL, toets_fields, 0},
    {RBC_TYPE_DATUM, NULL, 0, NULL, NULL, 0},                       /* 6 */
    {RBC_TYPE_DUUR, NULL, 0, NULL, NULL, 0},                        /* 7 */
    {RBC_TYPE_BEDRAG, NULL, 0, NULL, NULL, 0},                      /* 8 */
    {RBC_TYPE_PERIODE, NULL, 0, NULL, NULL, 0},                     /* 9 */
    {RBC_TYPE_RECORD, "Toetsafname", 4, NULL, afname_fields, 0},    /* 10 */
    {RBC_TYPE_LIJST, NULL, 0, NULL, NULL, 10},                      /* 11 */
    {RBC_TYPE_LIJST, NULL, 0, NULL, NULL, 9},                       /* 12 */
    {RBC_TYPE_LIJST, NULL, 0, NULL, NULL, 8},                       /* 13 */
    {RBC_TYPE_RECORD, "Activiteit", 2, NULL, activiteit_fields, 0}, /* 14 */
    {RBC_TYPE_RECORD, "Contract", 2, NULL, contract_fields, 0},     /* 15 */
};
/* v0.2 inputs: none optional, no defaults */
static rt_input inputs[] = {
    {"werkt", 0, 0, RBC_NONE, NULL},       {"uren", 1, 0, RBC_NONE, NULL},
    {"naam", 2, 0, RBC_NONE, NULL},        {"register", 3, 0, RBC_NONE, NULL},
    {"toets", 5, 0, RBC_NONE, NULL},       {"geboortedatum", 6, 0, RBC_NONE, NULL},
    {"termijn", 7, 0, RBC_NONE, NULL},     {"vergoeding", 8, 0, RBC_NONE, NULL},
    {"verblijf_nu", 9, 0, RBC_NONE, NULL}, {"toetsen", 11, 0, RBC_NONE, NULL},
    {"verblijf", 12, 0, RBC_NONE, NULL},   {"bedragen", 13, 0, RBC_NONE, NULL},
    {"activiteit", 14, 0, RBC_NONE, NULL}, {"contract", 15, 0, RBC_NONE, NULL},
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
    cr_assert_not_null(c->defaulted);
    for (int i = 0; i < IN_COUNT; i++) {
        cr_assert_eq(c->facts[i].tag, RV_ONBEKEND, "feit %d", i);
        cr_assert_null(c->facts[i].u.causes, "een afwezig feit heeft geen oorzaken");
        cr_assert_eq(c->defaulted[i], 0, "geen standaardwaarde voor feit %d", i);
    }
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

Test(case_reader, null_for_a_fact_that_is_not_optional)
{
    read_fails("{\"werkt\": null}", "werkt",
               "feit ‘werkt’ is null, maar is niet optioneel; laat de sleutel weg als de waarde "
               "onbekend is");
    read_fails("{\"toets\": {\"score\": null}}", "toets.score",
               "feit ‘toets.score’ is null, maar is niet optioneel; laat de sleutel weg als de "
               "waarde onbekend is");
}

Test(case_reader, first_error_in_document_order)
{
    read_fails("{\"uren\": \"x\", \"werkt\": 1}", "uren",
               "feit ‘uren’ moet een getal zijn (JSON-getal), maar is een tekst");
}

Test(case_reader, duplicate_keys)
{
    read_fails("{\"werkt\": true,\n \"werkt\": false}", "werkt",
               "sleutel ‘werkt’ komt twee keer voor in het geval");
    read_fails("{\"naam\": \"a,\\\"{\", \"toets\": {\"soort\": \"mo\", \"soort\": \"nt2\"}}",
               "toets.soort", "sleutel ‘toets.soort’ komt twee keer voor in het geval");
    regel_policy p = test_policy();
    regel_case *c = NULL;
    regel_error err;
    const char *json = "{\"werkt\": true,\n \"werkt\": false}";
    regel_case_from_json(&p, json, strlen(json), "g", &c, &err);
    cr_assert_eq(err.line, 2); /* the second key itself */
    cr_assert_eq(err.column, 2);
    read_fails_at("{\"naam\": \"a,\\\"{\", \"toets\": {\"soort\": \"mo\", \"soort\": \"nt2\"}}", 1,
                  44, "sleutel ‘toets.soort’ komt twee keer voor in het geval");
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
    read_fails("{\"naam\": \"\xff\"}", "",
               "geen geldige JSON: ongeldige UTF-8 (byte 0xFF); sla het geval op als UTF-8");

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

/* ---- v0.2: datum, duur, bedrag, periode, lijst (spec3 §6) ---- */

/* Read {"<fact>": <json>} and return the case (free it). */
static regel_case *read_fact(const regel_policy *p, const char *fact, const char *json)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "{\"%s\": %s}", fact, json);
    return read_ok(p, buf);
}

/* {"<fact>": <json>} fails with exactly this key and message. */
static void fact_fails(const char *fact, const char *json, const char *key, const char *message)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "{\"%s\": %s}", fact, json);
    read_fails(buf, key, message);
}

static void assert_datum(const char *json, int32_t y, int m, int d)
{
    regel_policy p = test_policy();
    regel_case *c = read_fact(&p, "geboortedatum", json);
    cr_assert_eq(c->facts[IN_GEBOORTEDATUM].tag, RV_DATUM, "%s", json);
    cr_assert_eq(c->facts[IN_GEBOORTEDATUM].u.day, cal_from_ymd(y, m, d), "%s", json);
    regel_case_free(c);
}

static void datum_fails(const char *json, const char *message)
{
    fact_fails("geboortedatum", json, "geboortedatum", message);
}

Test(case_v02, dates)
{
    assert_datum("\"2024-02-29\"", 2024, 2, 29);
    assert_datum("\"2022-03-01\"", 2022, 3, 1);
    assert_datum("\"2000-02-29\"", 2000, 2, 29);
    assert_datum("\"0001-01-01\"", 1, 1, 1);
    assert_datum("\"9999-12-31\"", 9999, 12, 31);
    regel_policy p = test_policy();
    regel_case *c = read_fact(&p, "geboortedatum", "\"0001-01-01\"");
    cr_assert_eq(c->facts[IN_GEBOORTEDATUM].u.day, 0, "day 0 is 0001-01-01");
    regel_case_free(c);
}

Test(case_v02, date_errors)
{
    datum_fails("\"2023-02-29\"", "feit ‘geboortedatum’: ‘2023-02-29’ is geen geldige datum "
                                  "(februari 2023 heeft 28 dagen)");
    datum_fails("\"2023-02-30\"", "feit ‘geboortedatum’: ‘2023-02-30’ is geen geldige datum "
                                  "(februari 2023 heeft 28 dagen)");
    datum_fails("\"2024-02-30\"", "feit ‘geboortedatum’: ‘2024-02-30’ is geen geldige datum "
                                  "(februari 2024 heeft 29 dagen)");
    datum_fails("\"1900-02-29\"", "feit ‘geboortedatum’: ‘1900-02-29’ is geen geldige datum "
                                  "(februari 1900 heeft 28 dagen)");
    datum_fails("\"2023-04-31\"", "feit ‘geboortedatum’: ‘2023-04-31’ is geen geldige datum "
                                  "(april 2023 heeft 30 dagen)");
    datum_fails("\"2023-13-01\"",
                "feit ‘geboortedatum’: ‘2023-13-01’ is geen geldige datum (er is geen maand 13)");
    datum_fails("\"2023-00-10\"",
                "feit ‘geboortedatum’: ‘2023-00-10’ is geen geldige datum (er is geen maand 0)");
    datum_fails("\"2023-01-00\"",
                "feit ‘geboortedatum’: ‘2023-01-00’ is geen geldige datum (er is geen dag 0)");
    datum_fails("\"0000-01-01\"", "feit ‘geboortedatum’: ‘0000-01-01’ is geen geldige datum (het "
                                  "jaar 0 bestaat niet; jaren lopen van 1 tot 9999)");
    const char *format[] = {"1-3-2022",   "2022-3-1",   "2022-03-01T00:00:00", " 2022-03-01",
                            "2022/03/01", "01-03-2022", "1 maart 2022",        ""};
    for (size_t i = 0; i < sizeof format / sizeof format[0]; i++) {
        char json[64], msg[256];
        snprintf(json, sizeof json, "\"%s\"", format[i]);
        snprintf(msg, sizeof msg,
                 "feit ‘geboortedatum’: ‘%s’ is geen geldige datum (verwacht een datum als "
                 "JJJJ-MM-DD)",
                 format[i]);
        datum_fails(json, msg);
    }
    /* a long value is cut in the message */
    /* (60 characters, then …) */
    datum_fails(
        "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"",
        "feit ‘geboortedatum’: ‘xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…’ is "
        "geen geldige datum (verwacht een datum als JJJJ-MM-DD)");
    datum_fails("20220301", "feit ‘geboortedatum’ moet een datum zijn (JSON-tekst JJJJ-MM-DD), "
                            "maar is een getal");
    datum_fails("{\"van\": \"2022-03-01\"}", "feit ‘geboortedatum’ moet een datum zijn "
                                             "(JSON-tekst JJJJ-MM-DD), maar is een object");
}

static void assert_duur(const char *text, int32_t months, int32_t days)
{
    regel_policy p = test_policy();
    char json[128];
    snprintf(json, sizeof json, "\"%s\"", text);
    regel_case *c = read_fact(&p, "termijn", json);
    cr_assert_eq(c->facts[IN_TERMIJN].tag, RV_DUUR, "%s", text);
    cr_assert_eq(c->facts[IN_TERMIJN].u.duur.months, months, "%s: %d maanden", text,
                 c->facts[IN_TERMIJN].u.duur.months);
    cr_assert_eq(c->facts[IN_TERMIJN].u.duur.days, days, "%s: %d dagen", text,
                 c->facts[IN_TERMIJN].u.duur.days);
    regel_case_free(c);
}

Test(case_v02, durations)
{
    assert_duur("2 maanden", 2, 0);
    assert_duur("1 maand", 1, 0);
    assert_duur("1 jaar", 12, 0);
    assert_duur("2 jaren", 24, 0);
    assert_duur("5 jaar", 60, 0);
    assert_duur("10 dagen", 0, 10);
    assert_duur("1 dag", 0, 1);
    assert_duur("3 weken", 0, 21);
    assert_duur("1 week", 0, 7);
    assert_duur("0 dagen", 0, 0);
    assert_duur("-1 dag", 0, -1);
    /* what the renderers write reads back */
    assert_duur("1 jaar en 2 maanden", 14, 0);
    assert_duur("1 jaar, 2 maanden en 3 dagen", 14, 3);
    assert_duur("6 maanden en 1 dag", 6, 1);
    assert_duur("-2 maanden", -2, 0);
}

static void duur_fails(const char *text, const char *message)
{
    char json[128];
    snprintf(json, sizeof json, "\"%s\"", text);
    fact_fails("termijn", json, "termijn", message);
}

Test(case_v02, duration_errors)
{
    const char *bad[] = {
        "twee maanden",      "2maanden",    "",          "2", "maanden", "2 maanden en",
        "2 maanden 3 dagen", "2.5 maanden", "+2 maanden"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char msg[256];
        snprintf(msg, sizeof msg,
                 "feit ‘termijn’: ‘%s’ is geen geldige duur (verwacht bijvoorbeeld ‘2 maanden’, "
                 "‘1 jaar’, ‘10 dagen’ of ‘3 weken’)",
                 bad[i]);
        duur_fails(bad[i], msg);
    }
    duur_fails("2 maandn", "feit ‘termijn’: ‘2 maandn’ is geen geldige duur: onbekende eenheid "
                           "‘maandn’; bedoelde u ‘maand’?");
    duur_fails("2 uur", "feit ‘termijn’: ‘2 uur’ is geen geldige duur: onbekende eenheid ‘uur’; "
                        "mogelijk: dagen, weken, maanden, jaren");
    duur_fails("9999999999999 dagen", "feit ‘termijn’: de duur ‘9999999999999 dagen’ is te groot");
    duur_fails("999999999 jaar", "feit ‘termijn’: de duur ‘999999999 jaar’ is te groot");
    fact_fails("termijn", "2", "termijn",
               "feit ‘termijn’ moet een duur zijn (JSON-tekst zoals ‘2 maanden’), maar is een "
               "getal");
}

static void assert_bedrag(const char *json, int64_t cents)
{
    regel_policy p = test_policy();
    regel_case *c = read_fact(&p, "vergoeding", json);
    cr_assert_eq(c->facts[IN_VERGOEDING].tag, RV_BEDRAG, "%s", json);
    cr_assert_eq(c->facts[IN_VERGOEDING].u.cents, cents, "%s: %lld cent", json,
                 (long long)c->facts[IN_VERGOEDING].u.cents);
    regel_case_free(c);
}

Test(case_v02, amounts_are_exact)
{
    assert_bedrag("0.1", 10);
    assert_bedrag("0.05", 5);
    assert_bedrag("12.5", 1250);
    assert_bedrag("12.50", 1250);
    assert_bedrag("90", 9000);
    assert_bedrag("0", 0);
    assert_bedrag("-3", -300);
    assert_bedrag("-0.5", -50);
    assert_bedrag("1e2", 10000);
    assert_bedrag("1234567.89", 123456789);
    assert_bedrag("92233720368547758", 9223372036854775800LL);
    assert_bedrag("\"12,50\"", 1250);
    assert_bedrag("\"12.50\"", 1250);
    assert_bedrag("\"12,5\"", 1250);
    assert_bedrag("\"0,05\"", 5);
    assert_bedrag("\"90\"", 9000);
    assert_bedrag("\"-3,00\"", -300);
    assert_bedrag("\"007,10\"", 710);
}

static void bedrag_fails(const char *json, const char *message)
{
    fact_fails("vergoeding", json, "vergoeding", message);
}

Test(case_v02, amount_errors)
{
    bedrag_fails("12.345", "feit ‘vergoeding’: het bedrag 12.345 heeft meer dan 2 decimalen");
    bedrag_fails("0.001", "feit ‘vergoeding’: het bedrag 0.001 heeft meer dan 2 decimalen");
    /* exact: the double 0.1 + 0.2 is not 30 cents */
    bedrag_fails("0.30000000000000004",
                 "feit ‘vergoeding’: het bedrag 0.30000000000000004 heeft meer dan 2 decimalen");
    bedrag_fails("1e-30", "feit ‘vergoeding’: het bedrag 1e-30 heeft meer dan 2 decimalen");
    bedrag_fails("92233720368547759",
                 "feit ‘vergoeding’: het bedrag 92233720368547759 is te groot");
    bedrag_fails("-92233720368547759",
                 "feit ‘vergoeding’: het bedrag -92233720368547759 is te groot");
    bedrag_fails("1e300", "feit ‘vergoeding’: het bedrag 1e300 is te groot");
    bedrag_fails("1e17", "feit ‘vergoeding’: het bedrag 1e17 is te groot");
    bedrag_fails("\"99999999999999999999\"",
                 "feit ‘vergoeding’: het bedrag ‘99999999999999999999’ is te groot");
    const char *more[] = {"12,345", "1.250", "0,001"};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) {
        char json[64], msg[512];
        snprintf(json, sizeof json, "\"%s\"", more[i]);
        snprintf(msg, sizeof msg,
                 "feit ‘vergoeding’: het bedrag ‘%s’ heeft meer dan 2 decimalen (de punt of komma "
                 "is het decimaalteken; schrijf geen scheidingstekens voor duizendtallen)",
                 more[i]);
        bedrag_fails(json, msg);
    }
    const char *bad[] = {"€ 12,50", "12,50 euro", "1.250,00", "",    "12,",
                         ",5",      "abc",        " 12",      "1e2", "+5"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char json[64], msg[512];
        snprintf(json, sizeof json, "\"%s\"", bad[i]);
        snprintf(msg, sizeof msg,
                 "feit ‘vergoeding’: ‘%s’ is geen geldig bedrag (verwacht een getal in euro "
                 "zoals ‘12,50’ of ‘12.50’, zonder €-teken of scheidingstekens voor "
                 "duizendtallen)",
                 bad[i]);
        bedrag_fails(json, msg);
    }
    bedrag_fails("true", "feit ‘vergoeding’ moet een bedrag zijn (JSON-getal in euro of een tekst "
                         "zoals ‘12,50’), maar is een waarheid (true/false)");
}

Test(case_v02, periods)
{
    regel_policy p = test_policy();
    regel_case *c =
        read_fact(&p, "verblijf_nu", "{\"van\": \"2022-03-01\", \"tot\": \"2023-05-05\"}");
    const rt_value *v = &c->facts[IN_VERBLIJF_NU];
    cr_assert_eq(v->tag, RV_PERIODE);
    cr_assert_eq(v->u.periode.van, cal_from_ymd(2022, 3, 1));
    cr_assert_eq(v->u.periode.tot, cal_from_ymd(2023, 5, 5));
    cr_assert_not(v->u.periode.open);
    regel_case_free(c);
    /* tot null or absent: still running */
    const char *open[] = {"{\"van\": \"2022-03-01\", \"tot\": null}",
                          "{\"tot\": null, \"van\": \"2022-03-01\"}", "{\"van\": \"2022-03-01\"}"};
    for (size_t i = 0; i < 3; i++) {
        c = read_fact(&p, "verblijf_nu", open[i]);
        v = &c->facts[IN_VERBLIJF_NU];
        cr_assert_eq(v->tag, RV_PERIODE, "%s", open[i]);
        cr_assert_eq(v->u.periode.van, cal_from_ymd(2022, 3, 1));
        cr_assert(v->u.periode.open, "%s", open[i]);
        regel_case_free(c);
    }
    /* tot before van is taken as given (the period operations leave it out) */
    c = read_fact(&p, "verblijf_nu", "{\"van\": \"2022-03-01\", \"tot\": \"2022-02-28\"}");
    cr_assert_eq(c->facts[IN_VERBLIJF_NU].u.periode.tot, cal_from_ymd(2022, 2, 28));
    cr_assert_not(c->facts[IN_VERBLIJF_NU].u.periode.open);
    regel_case_free(c);
}

Test(case_v02, period_errors)
{
    fact_fails("verblijf_nu", "{\"tot\": \"2022-01-01\"}", "verblijf_nu",
               "feit ‘verblijf_nu’: de periode heeft geen begindatum ‘van’");
    fact_fails("verblijf_nu", "{}", "verblijf_nu",
               "feit ‘verblijf_nu’: de periode heeft geen begindatum ‘van’");
    fact_fails("verblijf_nu", "{\"van\": null}", "verblijf_nu.van",
               "feit ‘verblijf_nu.van’ is null, maar een periode heeft altijd een begindatum");
    fact_fails("verblijf_nu", "{\"van\": \"2022-02-30\"}", "verblijf_nu.van",
               "feit ‘verblijf_nu.van’: ‘2022-02-30’ is geen geldige datum (februari 2022 heeft "
               "28 dagen)");
    fact_fails("verblijf_nu", "{\"van\": \"2022-01-01\", \"tot\": 5}", "verblijf_nu.tot",
               "feit ‘verblijf_nu.tot’ moet een datum zijn (JSON-tekst JJJJ-MM-DD), maar is een "
               "getal");
    fact_fails("verblijf_nu", "{\"van\": \"2022-01-01\", \"tott\": null}", "verblijf_nu.tott",
               "onbekend veld ‘tott’ in feit ‘verblijf_nu’ (een periode); bedoelde u ‘tot’?");
    fact_fails("verblijf_nu", "{\"van\": \"2022-01-01\", \"soort\": \"werk\"}", "verblijf_nu.soort",
               "onbekend veld ‘soort’ in feit ‘verblijf_nu’ (een periode); de velden zijn: van, "
               "tot");
    fact_fails("verblijf_nu", "\"2022-01-01\"", "verblijf_nu",
               "feit ‘verblijf_nu’ moet een periode zijn (JSON-object met van en tot), maar is "
               "een tekst");
    fact_fails("verblijf_nu", "[\"2022-01-01\", null]", "verblijf_nu",
               "feit ‘verblijf_nu’ moet een periode zijn (JSON-object met van en tot), maar is "
               "een lijst");
}

Test(case_v02, lists)
{
    regel_policy p = test_policy();
    regel_case *c = read_ok(&p, "{\"toetsen\": [], \"verblijf\": [], \"bedragen\": []}");
    for (int i = IN_TOETSEN; i <= IN_BEDRAGEN; i++) {
        cr_assert_eq(c->facts[i].tag, RV_LIJST, "feit %d", i);
        cr_assert_eq(c->facts[i].u.list.n, 0);
    }
    regel_case_free(c);
    c = read_ok(&p, "{\"toetsen\": ["
                    "{\"soort\": \"nt2\", \"datum\": \"2022-02-28\", \"geslaagd\": false},"
                    "{\"soort\": \"mo\", \"datum\": \"2022-03-01\", \"kosten\": \"90,00\"},"
                    "{\"datum\": \"2024-02-29\", \"geslaagd\": true, \"kosten\": 0.1}],"
                    " \"verblijf\": [{\"van\": \"2020-01-01\", \"tot\": \"2021-12-31\"},"
                    " {\"van\": \"2022-11-03\", \"tot\": null}],"
                    " \"bedragen\": [90, \"12,50\", 0.1, -3]}");
    const rt_value *l = &c->facts[IN_TOETSEN];
    cr_assert_eq(l->tag, RV_LIJST);
    cr_assert_eq(l->u.list.n, 3);
    const rt_value *t0 = l->u.list.items[0].u.fields, *t1 = l->u.list.items[1].u.fields,
                   *t2 = l->u.list.items[2].u.fields;
    cr_assert_eq(l->u.list.items[0].tag, RV_RECORD);
    cr_assert_eq(t0[0].tag, RV_MEMBER);
    cr_assert_eq(t0[0].u.member, 0);
    cr_assert_eq(t0[1].tag, RV_DATUM);
    cr_assert_eq(t0[1].u.day, cal_from_ymd(2022, 2, 28));
    cr_assert_eq(t0[2].tag, RV_WAARHEID);
    cr_assert_not(t0[2].u.b);
    cr_assert_eq(t0[3].tag, RV_ONBEKEND, "kosten ontbreekt");
    cr_assert_eq(t1[2].tag, RV_ONBEKEND, "geslaagd ontbreekt");
    cr_assert_eq(t1[3].tag, RV_BEDRAG);
    cr_assert_eq(t1[3].u.cents, 9000);
    cr_assert_eq(t2[0].tag, RV_ONBEKEND);
    cr_assert_eq(t2[1].u.day, cal_from_ymd(2024, 2, 29));
    cr_assert_eq(t2[3].u.cents, 10);
    l = &c->facts[IN_VERBLIJF];
    cr_assert_eq(l->u.list.n, 2);
    cr_assert_eq(l->u.list.items[0].tag, RV_PERIODE);
    cr_assert_not(l->u.list.items[0].u.periode.open);
    cr_assert_eq(l->u.list.items[0].u.periode.tot, cal_from_ymd(2021, 12, 31));
    cr_assert(l->u.list.items[1].u.periode.open);
    l = &c->facts[IN_BEDRAGEN];
    cr_assert_eq(l->u.list.n, 4);
    int64_t want[] = {9000, 1250, 10, -300};
    for (int i = 0; i < 4; i++) {
        cr_assert_eq(l->u.list.items[i].tag, RV_BEDRAG);
        cr_assert_eq(l->u.list.items[i].u.cents, want[i], "bedragen[%d]", i);
    }
    regel_case_free(c);
}

Test(case_v02, list_errors_carry_the_index)
{
    fact_fails("toetsen",
               "[{\"datum\": \"2023-01-02\"}, {\"datum\": \"2023-02-28\"}, {\"datum\": "
               "\"2023-02-29\"}]",
               "toetsen[2].datum",
               "feit ‘toetsen[2].datum’: ‘2023-02-29’ is geen geldige datum (februari 2023 "
               "heeft 28 dagen)");
    fact_fails("toetsen", "[{\"datum\": \"2023-01-02\"}, null]", "toetsen[1]",
               "feit ‘toetsen[1]’ is null, maar een lijst kan geen null bevatten; laat het "
               "element weg");
    fact_fails("bedragen", "[1, null]", "bedragen[1]",
               "feit ‘bedragen[1]’ is null, maar een lijst kan geen null bevatten; laat het "
               "element weg");
    fact_fails("toetsen", "[{\"datun\": \"2023-01-02\"}]", "toetsen[0].datun",
               "onbekend veld ‘datun’ in feit ‘toetsen[0]’ (een Toetsafname); bedoelde u "
               "‘datum’?");
    fact_fails("toetsen", "[{\"soort\": \"b1\"}]", "toetsen[0].soort",
               "feit ‘toetsen[0].soort’: ‘b1’ is geen Soort; mogelijk: nt2, mo");
    fact_fails("toetsen", "[{\"kosten\": \"12,345\"}]", "toetsen[0].kosten",
               "feit ‘toetsen[0].kosten’: het bedrag ‘12,345’ heeft meer dan 2 decimalen (de "
               "punt of komma is het decimaalteken; schrijf geen scheidingstekens voor "
               "duizendtallen)");
    fact_fails("toetsen", "[{\"datum\": null}]", "toetsen[0].datum",
               "feit ‘toetsen[0].datum’ is null, maar is niet optioneel; laat de sleutel weg "
               "als de waarde onbekend is");
    fact_fails("toetsen", "[\"nt2\"]", "toetsen[0]",
               "feit ‘toetsen[0]’ moet een Toetsafname zijn (JSON-object met de velden soort, "
               "datum, geslaagd, kosten), maar is een tekst");
    fact_fails("toetsen", "{\"datum\": \"2023-01-02\"}", "toetsen",
               "feit ‘toetsen’ moet een lijst zijn (JSON-lijst […]), maar is een object");
    fact_fails("verblijf",
               "[{\"van\": \"2020-01-01\"}, {\"van\": \"2021-01-01\", \"tot\": "
               "\"2021-06-31\"}]",
               "verblijf[1].tot",
               "feit ‘verblijf[1].tot’: ‘2021-06-31’ is geen geldige datum (juni 2021 heeft 30 "
               "dagen)");
    fact_fails("bedragen", "[1, 2, 0.125]", "bedragen[2]",
               "feit ‘bedragen[2]’: het bedrag 0.125 heeft meer dan 2 decimalen");
    read_fails("{\"toetsen\": [{}, {\"datum\": \"2022-01-01\", \"datum\": \"2022-01-02\"}]}",
               "toetsen[1].datum", "sleutel ‘toetsen[1].datum’ komt twee keer voor in het geval");
}

Test(case_v02, records_with_new_kinds)
{
    regel_policy p = test_policy();
    /* a record with fields van and tot of type datum is an ordinary record */
    regel_case *c = read_fact(&p, "activiteit", "{\"van\": \"2022-01-01\"}");
    const rt_value *a = &c->facts[IN_ACTIVITEIT];
    cr_assert_eq(a->tag, RV_RECORD);
    cr_assert_eq(a->u.fields[0].tag, RV_DATUM);
    cr_assert_eq(a->u.fields[1].tag, RV_ONBEKEND, "tot is unknown, not open");
    regel_case_free(c);
    fact_fails("activiteit", "{\"van\": \"2022-01-01\", \"tot\": null}", "activiteit.tot",
               "feit ‘activiteit.tot’ is null, maar is niet optioneel; laat de sleutel weg als "
               "de waarde onbekend is");
    /* a record field of type periode reads a nested object */
    c = read_fact(&p, "contract",
                  "{\"looptijd\": {\"van\": \"2022-01-01\", \"tot\": null}, \"duur\": \"2 "
                  "maanden\"}");
    a = &c->facts[IN_CONTRACT];
    cr_assert_eq(a->u.fields[0].tag, RV_PERIODE);
    cr_assert(a->u.fields[0].u.periode.open);
    cr_assert_eq(a->u.fields[0].u.periode.van, cal_from_ymd(2022, 1, 1));
    cr_assert_eq(a->u.fields[1].tag, RV_DUUR);
    cr_assert_eq(a->u.fields[1].u.duur.months, 2);
    regel_case_free(c);
    fact_fails("contract", "{\"looptijd\": {\"van\": \"2022-01-01\", \"tot\": \"2022-1-2\"}}",
               "contract.looptijd.tot",
               "feit ‘contract.looptijd.tot’: ‘2022-1-2’ is geen geldige datum (verwacht een "
               "datum als JJJJ-MM-DD)");
    fact_fails("contract", "{\"duur\": \"2 mnd\"}", "contract.duur",
               "feit ‘contract.duur’: ‘2 mnd’ is geen geldige duur: onbekende eenheid ‘mnd’; "
               "mogelijk: dagen, weken, maanden, jaren");
}

Test(case_v02, peildatum_is_predeclared)
{
    /* the test policy has no peildatum input: the key is still accepted (and checked) */
    regel_policy p = test_policy();
    regel_case *c = read_ok(&p, "{\"peildatum\": \"2023-06-01\", \"werkt\": true}");
    cr_assert_eq(c->facts[IN_WERKT].tag, RV_WAARHEID);
    regel_case_free(c);
    read_fails("{\"peildatum\": \"2023-06-31\"}", "peildatum",
               "feit ‘peildatum’: ‘2023-06-31’ is geen geldige datum (juni 2023 heeft 30 dagen)");
    read_fails("{\"peildatum\": true}", "peildatum",
               "feit ‘peildatum’ moet een datum zijn (JSON-tekst JJJJ-MM-DD), maar is een waarheid "
               "(true/false)");
    read_fails("{\"peildatum\": null}", "peildatum",
               "feit ‘peildatum’ is null, maar is niet optioneel; laat de sleutel weg als de "
               "waarde onbekend is");
    read_fails("{\"peildatun\": \"2023-06-01\"}", "peildatun",
               "onbekend feit ‘peildatun’ in het geval; bedoelde u ‘peildatum’?");
}

/* ---- v0.3: optional facts (null is geen) and defaults (`standaard`) ---- */

enum {
    V3_WERKT,        /* waarheid */
    V3_CONTRACT,     /* datum (optioneel) */
    V3_ERNSTIG_ZIEK, /* waarheid standaard onwaar */
    V3_UREN,         /* getal standaard 12,5 */
    V3_REGISTER,     /* Register standaard bevolkingsregister */
    V3_START,        /* datum (optioneel) standaard geen */
    V3_NAAM,         /* tekst standaard "Zoë" */
    V3_TERMIJN,      /* duur standaard 2 maanden */
    V3_VERGOEDING,   /* bedrag standaard € 90,00 */
    V3_PEIL,         /* datum standaard 2022-03-01 */
    V3_TOETSEN,      /* lijst van Toets */
    V3_DOSSIER,      /* Dossier */
    V3_KOSTEN,       /* bedrag (optioneel) */
    V3_LOOPTIJD,     /* periode (optioneel) */
    V3_DATA,         /* lijst van datum (optioneel) */
    V3_AANWEZIG,     /* waarheid standaard waar */
    V3_COUNT
};

enum {
    K_ONWAAR,
    K_UREN,
    K_BEVOLKING,
    K_GEEN,
    K_NAAM,
    K_TERMIJN,
    K_VERGOEDING,
    K_PEIL,
    K_WAAR,
    K_EEN,
    K_COUNT
};

static const char *v3_register_members[] = {"vreemdelingenregister", "bevolkingsregister", "geen"};
/* gegeven Toets heeft soort: tekst, datum: datum (optioneel), geslaagd: waarheid */
static rt_field v3_toets_fields[] = {
    {"soort", 2, 0}, {"datum", 4, RBC_OPTIONAL}, {"geslaagd", 0, 0}};
/* gegeven Dossier heeft toets: Toets, start: datum (optioneel) */
static rt_field v3_dossier_fields[] = {{"toets", 5, 0}, {"start", 4, RBC_OPTIONAL}};
static rt_type v3_types[] = {
    {RBC_TYPE_WAARHEID, NULL, 0, NULL, NULL, 0},                  /* 0 */
    {RBC_TYPE_GETAL, NULL, 0, NULL, NULL, 0},                     /* 1 */
    {RBC_TYPE_TEKST, NULL, 0, NULL, NULL, 0},                     /* 2 */
    {RBC_TYPE_ENUM, "Register", 3, v3_register_members, NULL, 0}, /* 3 */
    {RBC_TYPE_DATUM, NULL, 0, NULL, NULL, 0},                     /* 4 */
    {RBC_TYPE_RECORD, "Toets", 3, NULL, v3_toets_fields, 0},      /* 5 */
    {RBC_TYPE_LIJST, NULL, 0, NULL, NULL, 5},                     /* 6 */
    {RBC_TYPE_DUUR, NULL, 0, NULL, NULL, 0},                      /* 7 */
    {RBC_TYPE_BEDRAG, NULL, 0, NULL, NULL, 0},                    /* 8 */
    {RBC_TYPE_PERIODE, NULL, 0, NULL, NULL, 0},                   /* 9 */
    {RBC_TYPE_RECORD, "Dossier", 2, NULL, v3_dossier_fields, 0},  /* 10 */
    {RBC_TYPE_LIJST, NULL, 0, NULL, NULL, 4},                     /* 11 */
};

/* A fresh copy of the v0.3 tables, so a test may change them. */
typedef struct v3_fixture {
    rt_const consts[K_COUNT];
    rt_input inputs[V3_COUNT];
    regel_policy policy;
} v3_fixture;

static void v3_setup(v3_fixture *f)
{
    memset(f, 0, sizeof *f);
    f->consts[K_ONWAAR].kind = RBC_CONST_WAARHEID;
    f->consts[K_ONWAAR].q = (num_q){0, 1};
    f->consts[K_UREN].kind = RBC_CONST_GETAL;
    f->consts[K_UREN].q = (num_q){25, 2};
    f->consts[K_BEVOLKING].kind = RBC_CONST_ENUM;
    f->consts[K_BEVOLKING].type = 3;
    f->consts[K_BEVOLKING].q = (num_q){1, 1};
    f->consts[K_GEEN].kind = RBC_CONST_GEEN;
    f->consts[K_NAAM].kind = RBC_CONST_TEKST;
    f->consts[K_NAAM].s = "Zoë";
    f->consts[K_NAAM].len = (uint32_t)strlen("Zoë");
    f->consts[K_TERMIJN].kind = RBC_CONST_DUUR;
    f->consts[K_TERMIJN].months = 2;
    f->consts[K_VERGOEDING].kind = RBC_CONST_BEDRAG;
    f->consts[K_VERGOEDING].cents = 9000;
    f->consts[K_PEIL].kind = RBC_CONST_DATUM;
    f->consts[K_PEIL].day = cal_from_ymd(2022, 3, 1);
    f->consts[K_WAAR].kind = RBC_CONST_WAARHEID;
    f->consts[K_WAAR].q = (num_q){1, 1};
    f->consts[K_EEN].kind = RBC_CONST_GETAL;
    f->consts[K_EEN].q = (num_q){1, 1};
    const rt_input in[V3_COUNT] = {
        [V3_WERKT] = {"werkt", 0, 0, RBC_NONE, "Werkt u momenteel?"},
        [V3_CONTRACT] = {"contract_getekend", 4, RBC_OPTIONAL, RBC_NONE, NULL},
        [V3_ERNSTIG_ZIEK] = {"ernstig_ziek", 0, 0, K_ONWAAR, NULL},
        [V3_UREN] = {"uren", 1, 0, K_UREN, NULL},
        [V3_REGISTER] = {"register", 3, 0, K_BEVOLKING, NULL},
        [V3_START] = {"start_traject", 4, RBC_OPTIONAL, K_GEEN, NULL},
        [V3_NAAM] = {"naam", 2, 0, K_NAAM, NULL},
        [V3_TERMIJN] = {"termijn", 7, 0, K_TERMIJN, NULL},
        [V3_VERGOEDING] = {"vergoeding", 8, 0, K_VERGOEDING, NULL},
        [V3_PEIL] = {"peil", 4, 0, K_PEIL, NULL},
        [V3_TOETSEN] = {"toetsen", 6, 0, RBC_NONE, NULL},
        [V3_DOSSIER] = {"dossier", 10, 0, RBC_NONE, NULL},
        [V3_KOSTEN] = {"kosten", 8, RBC_OPTIONAL, RBC_NONE, NULL},
        [V3_LOOPTIJD] = {"looptijd", 9, RBC_OPTIONAL, RBC_NONE, NULL},
        [V3_DATA] = {"data", 11, RBC_OPTIONAL, RBC_NONE, NULL},
        [V3_AANWEZIG] = {"aanwezig", 0, 0, K_WAAR, NULL},
    };
    memcpy(f->inputs, in, sizeof in);
    regel_policy *p = &f->policy;
    p->file = "test.rbc";
    p->name = "Test v0.3";
    p->types = v3_types;
    p->n_types = sizeof v3_types / sizeof v3_types[0];
    p->consts = f->consts;
    p->n_consts = K_COUNT;
    p->inputs = f->inputs;
    p->n_inputs = V3_COUNT;
}

/* Read json against p; expect this error code, key and message. */
static void v3_fails(const regel_policy *p, const char *json, int code, const char *key,
                     const char *message)
{
    regel_case *c = (regel_case *)p; /* must be reset to NULL on failure */
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_case_from_json(p, json, strlen(json), "geval.json", &c, &err);
    cr_assert_eq(rc, code, "code %d voor %s: %s", rc, json, err.message);
    cr_assert_null(c);
    cr_assert_eq(err.code, code);
    cr_assert_str_eq(err.file, "geval.json");
    cr_assert_str_eq(err.key, key);
    cr_assert_str_eq(err.message, message);
}

static void v3_null_fails(const char *json, const char *key)
{
    v3_fixture f;
    v3_setup(&f);
    char message[256];
    snprintf(message, sizeof message,
             "feit ‘%s’ is null, maar is niet optioneel; laat de sleutel weg als de waarde "
             "onbekend is",
             key);
    v3_fails(&f.policy, json, REGEL_ERR_CASE, key, message);
}

Test(case_v03, null_for_an_optional_fact_is_geen)
{
    v3_fixture f;
    v3_setup(&f);
    regel_case *c = read_ok(&f.policy, "{\"contract_getekend\": null, \"kosten\": null, "
                                       "\"looptijd\": null, \"data\": null, "
                                       "\"start_traject\": null}");
    static const int geen[] = {V3_CONTRACT, V3_KOSTEN, V3_LOOPTIJD, V3_DATA, V3_START};
    for (size_t k = 0; k < sizeof geen / sizeof geen[0]; k++) {
        cr_assert_eq(c->facts[geen[k]].tag, RV_GEEN, "feit %d", geen[k]);
        /* null is known (none): never the default, even when there is one */
        cr_assert_eq(c->defaulted[geen[k]], 0, "feit %d", geen[k]);
    }
    cr_assert_eq(c->facts[V3_WERKT].tag, RV_ONBEKEND);
    regel_case_free(c);
    /* an optional fact with a value is read as usual */
    c = read_ok(&f.policy, "{\"contract_getekend\": \"2022-03-01\", \"kosten\": \"12,50\", "
                           "\"data\": [\"2022-01-01\"]}");
    cr_assert_eq(c->facts[V3_CONTRACT].tag, RV_DATUM);
    cr_assert_eq(c->facts[V3_CONTRACT].u.day, cal_from_ymd(2022, 3, 1));
    cr_assert_eq(c->facts[V3_KOSTEN].tag, RV_BEDRAG);
    cr_assert_eq(c->facts[V3_KOSTEN].u.cents, 1250);
    cr_assert_eq(c->facts[V3_DATA].tag, RV_LIJST);
    cr_assert_eq(c->facts[V3_DATA].u.list.n, 1);
    regel_case_free(c);
}

Test(case_v03, null_for_an_optional_field_is_geen)
{
    v3_fixture f;
    v3_setup(&f);
    regel_case *c =
        read_ok(&f.policy, "{\"toetsen\": [{\"soort\": \"nt2\", \"datum\": null},"
                           " {\"datum\": \"2023-01-02\", \"geslaagd\": true}],"
                           " \"dossier\": {\"toets\": {\"datum\": null}, \"start\": null}}");
    const rt_value *t = &c->facts[V3_TOETSEN];
    cr_assert_eq(t->tag, RV_LIJST);
    cr_assert_eq(t->u.list.n, 2);
    cr_assert_eq(t->u.list.items[0].u.fields[1].tag, RV_GEEN, "toetsen[0].datum is geen");
    cr_assert_eq(t->u.list.items[0].u.fields[2].tag, RV_ONBEKEND, "geslaagd is afwezig");
    cr_assert_eq(t->u.list.items[1].u.fields[1].tag, RV_DATUM);
    const rt_value *d = &c->facts[V3_DOSSIER];
    cr_assert_eq(d->tag, RV_RECORD);
    cr_assert_eq(d->u.fields[0].tag, RV_RECORD);
    cr_assert_eq(d->u.fields[0].u.fields[1].tag, RV_GEEN, "dossier.toets.datum is geen");
    cr_assert_eq(d->u.fields[0].u.fields[0].tag, RV_ONBEKEND, "dossier.toets.soort is afwezig");
    cr_assert_eq(d->u.fields[1].tag, RV_GEEN, "dossier.start is geen");
    regel_case_free(c);
}

Test(case_v03, null_for_a_fact_that_is_not_optional)
{
    v3_null_fails("{\"werkt\": null}", "werkt");
    /* a default does not make a fact optional */
    v3_null_fails("{\"ernstig_ziek\": null}", "ernstig_ziek");
    v3_null_fails("{\"toetsen\": null}", "toetsen");
    v3_null_fails("{\"dossier\": null}", "dossier");
    /* record fields, also nested and inside list elements: the full key path */
    v3_null_fails("{\"toetsen\": [{\"datum\": null}, {\"geslaagd\": null}]}",
                  "toetsen[1].geslaagd");
    v3_null_fails("{\"toetsen\": [{\"soort\": null}]}", "toetsen[0].soort");
    v3_null_fails("{\"dossier\": {\"start\": null, \"toets\": {\"geslaagd\": null}}}",
                  "dossier.toets.geslaagd");
    v3_null_fails("{\"dossier\": {\"toets\": null}}", "dossier.toets");
    /* a list never holds null, also when the list itself is optional */
    v3_fixture f;
    v3_setup(&f);
    v3_fails(&f.policy, "{\"data\": [\"2022-01-01\", null]}", REGEL_ERR_CASE, "data[1]",
             "feit ‘data[1]’ is null, maar een lijst kan geen null bevatten; laat het element "
             "weg");
    /* an optional periode still needs its begindatum */
    v3_fails(&f.policy, "{\"looptijd\": {\"van\": null}}", REGEL_ERR_CASE, "looptijd.van",
             "feit ‘looptijd.van’ is null, maar een periode heeft altijd een begindatum");
    /* the predeclared peildatum is not optional */
    v3_null_fails("{\"peildatum\": null}", "peildatum");
}

Test(case_v03, absent_facts_take_their_default)
{
    v3_fixture f;
    v3_setup(&f);
    regel_case *c = read_ok(&f.policy, "{}");
    cr_assert_eq(c->facts[V3_ERNSTIG_ZIEK].tag, RV_WAARHEID);
    cr_assert_not(c->facts[V3_ERNSTIG_ZIEK].u.b);
    cr_assert_eq(c->facts[V3_UREN].tag, RV_GETAL);
    cr_assert_eq(c->facts[V3_UREN].u.q.num, 25);
    cr_assert_eq(c->facts[V3_UREN].u.q.den, 2);
    cr_assert_eq(c->facts[V3_REGISTER].tag, RV_MEMBER);
    cr_assert_eq(c->facts[V3_REGISTER].u.member, 1);
    cr_assert_eq(c->facts[V3_START].tag, RV_GEEN);
    cr_assert_eq(c->facts[V3_NAAM].tag, RV_TEKST);
    cr_assert_str_eq(c->facts[V3_NAAM].u.str.s, "Zoë");
    cr_assert_eq(c->facts[V3_NAAM].u.str.len, strlen("Zoë"));
    cr_assert_eq(c->facts[V3_TERMIJN].tag, RV_DUUR);
    cr_assert_eq(c->facts[V3_TERMIJN].u.duur.months, 2);
    cr_assert_eq(c->facts[V3_TERMIJN].u.duur.days, 0);
    cr_assert_eq(c->facts[V3_VERGOEDING].tag, RV_BEDRAG);
    cr_assert_eq(c->facts[V3_VERGOEDING].u.cents, 9000);
    cr_assert_eq(c->facts[V3_PEIL].tag, RV_DATUM);
    cr_assert_eq(c->facts[V3_PEIL].u.day, cal_from_ymd(2022, 3, 1));
    cr_assert_eq(c->facts[V3_AANWEZIG].tag, RV_WAARHEID);
    cr_assert(c->facts[V3_AANWEZIG].u.b);
    for (int i = 0; i < V3_COUNT; i++) {
        bool has_default = f.inputs[i].def != RBC_NONE;
        cr_assert_eq(c->defaulted[i], has_default, "feit %d", i);
        if (!has_default) {
            cr_assert_eq(c->facts[i].tag, RV_ONBEKEND, "feit %d", i);
            cr_assert_null(c->facts[i].u.causes, "feit %d", i);
        }
    }
    regel_case_free(c);
}

Test(case_v03, a_given_value_beats_the_default)
{
    v3_fixture f;
    v3_setup(&f);
    regel_case *c = read_ok(&f.policy, "{\"ernstig_ziek\": true, \"register\": \"geen\", "
                                       "\"start_traject\": \"2023-01-01\", \"uren\": 3}");
    cr_assert_eq(c->facts[V3_ERNSTIG_ZIEK].tag, RV_WAARHEID);
    cr_assert(c->facts[V3_ERNSTIG_ZIEK].u.b);
    cr_assert_eq(c->facts[V3_REGISTER].u.member, 2, "the member named geen");
    cr_assert_eq(c->facts[V3_START].tag, RV_DATUM);
    cr_assert_eq(c->facts[V3_UREN].u.q.num, 3);
    cr_assert_eq(c->defaulted[V3_ERNSTIG_ZIEK], 0);
    cr_assert_eq(c->defaulted[V3_REGISTER], 0);
    cr_assert_eq(c->defaulted[V3_START], 0);
    cr_assert_eq(c->defaulted[V3_UREN], 0);
    cr_assert_eq(c->defaulted[V3_NAAM], 1, "the others still take theirs");
    regel_case_free(c);
    /* a bad value is an error even though there is a default */
    v3_fails(&f.policy, "{\"ernstig_ziek\": \"nee\"}", REGEL_ERR_CASE, "ernstig_ziek",
             "feit ‘ernstig_ziek’ moet waar of onwaar zijn (JSON true/false), maar is een tekst");
}

Test(case_v03, a_default_that_does_not_fit_is_a_bytecode_error)
{
    static const char message[] = "de standaardwaarde van feit ‘ernstig_ziek’ past niet bij "
                                  "zijn type";
    v3_fixture f;
    v3_setup(&f);
    f.inputs[V3_ERNSTIG_ZIEK].def = K_COUNT; /* no such constant */
    v3_fails(&f.policy, "{}", REGEL_ERR_BYTECODE, "ernstig_ziek", message);
    f.inputs[V3_ERNSTIG_ZIEK].def = K_NAAM; /* a tekst for a waarheid */
    v3_fails(&f.policy, "{}", REGEL_ERR_BYTECODE, "ernstig_ziek", message);
    f.inputs[V3_ERNSTIG_ZIEK].def = K_GEEN; /* geen for a fact that is not optional */
    v3_fails(&f.policy, "{}", REGEL_ERR_BYTECODE, "ernstig_ziek", message);
    f.inputs[V3_ERNSTIG_ZIEK].def = K_EEN; /* a getal is not a waarheid constant */
    v3_fails(&f.policy, "{}", REGEL_ERR_BYTECODE, "ernstig_ziek", message);
    f.inputs[V3_ERNSTIG_ZIEK].def = K_ONWAAR;
    f.consts[K_ONWAAR].q = (num_q){2, 1}; /* neither 0 nor 1 */
    v3_fails(&f.policy, "{}", REGEL_ERR_BYTECODE, "ernstig_ziek", message);
    /* a present fact never looks at its default */
    regel_case *c = read_ok(&f.policy, "{\"ernstig_ziek\": false}");
    cr_assert_eq(c->defaulted[V3_ERNSTIG_ZIEK], 0);
    regel_case_free(c);
    v3_setup(&f);
    f.consts[K_BEVOLKING].q = (num_q){3, 1}; /* Register has 3 members */
    v3_fails(&f.policy, "{}", REGEL_ERR_BYTECODE, "register",
             "de standaardwaarde van feit ‘register’ past niet bij zijn type");
    v3_setup(&f);
    f.consts[K_BEVOLKING].type = 4; /* a member of another type */
    v3_fails(&f.policy, "{}", REGEL_ERR_BYTECODE, "register",
             "de standaardwaarde van feit ‘register’ past niet bij zijn type");
    v3_setup(&f);
    f.inputs[V3_PEIL].def = K_VERGOEDING; /* a bedrag for a datum */
    v3_fails(&f.policy, "{}", REGEL_ERR_BYTECODE, "peil",
             "de standaardwaarde van feit ‘peil’ past niet bij zijn type");
}

/* ---- issue 9: where in the text, bounded messages, not text, (niet negatief) ---- */

#include <stdlib.h>

#include "json_locate.h"

/* json_locate / json_locate_key: expect (line, col), or 0 for line = not found. */
static void at(const char *json, const char *path, unsigned line, unsigned col)
{
    unsigned l = 0, c = 0;
    int found = json_locate(json, strlen(json), path, &l, &c);
    if (line == 0) {
        cr_assert_eq(found, 0, "‘%s’ in %s: gevonden op %u:%u", path, json, l, c);
        return;
    }
    cr_assert_eq(found, 1, "‘%s’ niet gevonden in %s", path, json);
    cr_assert(l == line && c == col, "‘%s’ in %s: %u:%u, verwacht %u:%u", path, json, l, c, line,
              col);
}

static void key_at(const char *json, const char *path, unsigned line, unsigned col)
{
    unsigned l = 0, c = 0;
    cr_assert_eq(json_locate_key(json, strlen(json), path, &l, &c), 1, "‘%s’ in %s", path, json);
    cr_assert(l == line && c == col, "sleutel ‘%s’ in %s: %u:%u, verwacht %u:%u", path, json, l, c,
              line, col);
}

Test(json_locate, nested_lists_and_records)
{
    const char *j = "{\"a\": {\"b\": [1, {\"c\": true}, [7, 8]]},\n \"d\": [[], [\"x\"]]}";
    at(j, "", 1, 1);
    at(j, "a", 1, 7);
    at(j, "a.b", 1, 13);
    at(j, "a.b[0]", 1, 14);
    at(j, "a.b[1]", 1, 17);
    at(j, "a.b[1].c", 1, 23);
    at(j, "a.b[2][1]", 1, 34);
    at(j, "d", 2, 7);
    at(j, "d[1][0]", 2, 13);
    key_at(j, "a.b[1].c", 1, 18);
    key_at(j, "d", 2, 2);
    key_at(j, "a.b[1]", 1, 17); /* an element has no key: its own position */
    at("  \n\t{}", "", 2, 2);
}

Test(json_locate, not_there)
{
    const char *j = "{\"a\": {\"b\": [1, 2]}, \"c\": 3}";
    at(j, "x", 0, 0);
    at(j, "a.x", 0, 0);
    at(j, "a.b[2]", 0, 0);
    at(j, "a.b.c", 0, 0);
    at(j, "c[0]", 0, 0);
    at(j, "c.d", 0, 0);
    at(j, "a[0]", 0, 0);
    at(j, "a.b[x]", 0, 0);
    at("{\"a\": []}", "a[0]", 0, 0);
    at("{}", "a", 0, 0);
    /* text that is not JSON (the reader only calls it on valid JSON): no crash */
    at("{\"a\": [1, {\"b\"", "a[1].b", 0, 0);
    at("{\"a", "a", 0, 0);
    at("", "", 0, 0);
    at("[", "[3]", 0, 0);
}

Test(json_locate, escaped_keys)
{
    const char *j = "{\"a\\\"b\": 1, \"\\u00e9\": 2, \"\\ud83d\\ude00\": 3, \"t\\tn\\n\": 4, "
                    "\"s\\/\\\\\": 5}";
    at(j, "a\"b", 1, 10);
    at(j, "\xc3\xa9", 1, 23);
    at(j, "\xf0\x9f\x98\x80", 1, 42);
    at(j, "t\tn\n", 1, 55);
    at(j, "s/\\", 1, 67);
    at(j, "a", 0, 0);
    at(j, "\xc3", 0, 0); /* half a character is no key */
}

Test(json_locate, utf8_columns_count_characters)
{
    /* é, ü and € are one column each, as in jansson's own positions */
    const char *j = "{\"é\": \"ü€\", \"x\": 1,\n \"ë\": {\"y\": \"😀\", \"z\": 2}}";
    at(j, "x", 1, 18);
    at(j, "ë.z", 2, 23);
    key_at(j, "ë.y", 2, 8);
    /* and they agree with jansson's column of an error at the same place */
    regel_policy p = test_policy();
    regel_case *c = NULL;
    regel_error err;
    const char *bad = "{\"naam\": \"é€😀\", \"uren\": x}";
    const char *good = "{\"naam\": \"é€😀\", \"uren\": 7}";
    regel_case_from_json(&p, bad, strlen(bad), "g", &c, &err);
    unsigned l, col;
    cr_assert_eq(json_locate(good, strlen(good), "uren", &l, &col), 1);
    cr_assert_eq(err.column, 25, "jansson: kolom %u", err.column);
    cr_assert_eq(col, 25);
}

Test(json_locate, crlf_and_bom)
{
    const char *j = "{\r\n  \"x\": 1,\r\n  \"y\": [true,\r\n    false]\r\n}";
    at(j, "x", 2, 8);
    at(j, "y[1]", 4, 5);
    key_at(j, "y", 3, 3);
    const char *b = "\xEF\xBB\xBF{\"x\": 1}";
    at(b, "x", 1, 7);
    at(b, "", 1, 1);
    unsigned l, c;
    json_position(b, strlen(b), 3, &l, &c);
    cr_assert(l == 1 && c == 1);
}

Test(json_locate, same_key_at_several_levels)
{
    const char *j = "{\"b\": {\"a\": 1, \"b\": {\"a\": 2}}, \"a\": [{\"a\": 3}]}";
    at(j, "a", 1, 37);
    at(j, "b.a", 1, 13);
    at(j, "b.b.a", 1, 27);
    at(j, "a[0].a", 1, 44);
    /* a key with a dot: every way of reading the path is tried, in text order */
    at("{\"a.b\": 1, \"a\": {\"b\": 2}}", "a.b", 1, 9);
    at("{\"a\": {\"b\": 2}, \"a.b\": 1}", "a.b", 1, 13);
    at("{\"a\": {\"c\": 2}, \"a.b\": 1}", "a.b", 1, 24);
    at("{\"a[0]\": 5}", "a[0]", 1, 10);
}

Test(json_locate, deep_nesting_needs_no_recursion)
{
    size_t depth = 100000;
    char *j = malloc(2 * depth + 32);
    cr_assert_not_null(j);
    size_t n = (size_t)sprintf(j, "{\"skip\": ");
    for (size_t i = 0; i < depth; i++)
        j[n++] = '[';
    for (size_t i = 0; i < depth; i++)
        j[n++] = ']';
    n += (size_t)sprintf(j + n, ", \"x\": 1}");
    unsigned l = 0, c = 0;
    cr_assert_eq(json_locate(j, n, "x", &l, &c), 1);
    cr_assert_eq(c, 2 * depth + 17);
    free(j);
}

/* Read json; expect REGEL_ERR_CASE at (line, col) with this key and message. */
static void fails_at(const regel_policy *p, const char *json, unsigned line, unsigned col,
                     const char *key, const char *message)
{
    regel_case *c = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_case_from_json(p, json, strlen(json), "geval.json", &c, &err);
    cr_assert_eq(rc, REGEL_ERR_CASE, "code %d voor %s", rc, json);
    cr_assert_null(c);
    cr_assert_str_eq(err.key, key);
    cr_assert_str_eq(err.message, message);
    cr_assert(err.line == line && err.column == col, "%s: %u:%u, verwacht %u:%u", json, err.line,
              err.column, line, col);
}

Test(case_location, value_errors_point_at_the_value)
{
    regel_policy p = test_policy();
    fails_at(&p, "{\"werkt\": \"ja\"}", 1, 11, "werkt",
             "feit ‘werkt’ moet waar of onwaar zijn (JSON true/false), maar is een tekst");
    fails_at(&p, "{\n  \"naam\": \"x\",\n  \"uren\":\n    \"acht\"\n}", 4, 5, "uren",
             "feit ‘uren’ moet een getal zijn (JSON-getal), maar is een tekst");
    /* in a list element */
    fails_at(&p,
             "{\"toetsen\": [\n  {\"datum\": \"2023-01-02\"},\n  {\"soort\": \"mo\", \"datum\": "
             "\"2023-02-29\"}\n]}",
             3, 28, "toetsen[1].datum",
             "feit ‘toetsen[1].datum’: ‘2023-02-29’ is geen geldige datum (februari 2023 heeft "
             "28 dagen)");
    fails_at(&p, "{\"bedragen\": [1, null]}", 1, 18, "bedragen[1]",
             "feit ‘bedragen[1]’ is null, maar een lijst kan geen null bevatten; laat het "
             "element weg");
    /* in a record field */
    fails_at(&p, "{\"toets\": {\"soort\": \"nt2\", \"geslaagd\": 1}}", 1, 40, "toets.geslaagd",
             "feit ‘toets.geslaagd’ moet waar of onwaar zijn (JSON true/false), maar is een "
             "getal");
    /* in a period field, and a period without van (the period itself) */
    fails_at(&p, "{\"verblijf_nu\": {\"van\": \"2020-01-01\", \"tot\": 5}}", 1, 46,
             "verblijf_nu.tot",
             "feit ‘verblijf_nu.tot’ moet een datum zijn (JSON-tekst JJJJ-MM-DD), maar is een "
             "getal");
    fails_at(&p, "{\"verblijf\": [{\"van\": \"2020-01-01\"}, {\"tot\": null}]}", 1, 38,
             "verblijf[1]", "feit ‘verblijf[1]’: de periode heeft geen begindatum ‘van’");
    fails_at(&p, "{\"contract\": {\"looptijd\": {\"van\": \"2020-02-30\"}}}", 1, 35,
             "contract.looptijd.van",
             "feit ‘contract.looptijd.van’: ‘2020-02-30’ is geen geldige datum (februari 2020 "
             "heeft 29 dagen)");
    /* the whole case */
    fails_at(&p, "\n  [1]", 2, 3, "",
             "het geval moet een JSON-object met feiten zijn ({…}), maar is een lijst");
    /* escapes and UTF-8 before the value, a BOM and CRLF */
    fails_at(&p, "\xEF\xBB\xBF{\"naam\": \"\\\"é\\u00e9\",\r\n \"uren\": true}", 2, 10, "uren",
             "feit ‘uren’ moet een getal zijn (JSON-getal), maar is een waarheid (true/false)");
}

Test(case_location, unknown_keys_point_at_the_key)
{
    regel_policy p = test_policy();
    fails_at(&p, "{\"werkt\": true,\n  \"werktt\": true}", 2, 3, "werktt",
             "onbekend feit ‘werktt’ in het geval; bedoelde u ‘werkt’?");
    fails_at(&p, "{\"toets\": {\"soort\": \"nt2\", \"score\": 1, \"slaagd\": true}}", 1, 40,
             "toets.slaagd",
             "onbekend veld ‘slaagd’ in feit ‘toets’ (een Toets); bedoelde u ‘geslaagd’?");
    fails_at(&p, "{\"toetsen\": [{}, {\"datun\": \"2023-01-02\"}]}", 1, 19, "toetsen[1].datun",
             "onbekend veld ‘datun’ in feit ‘toetsen[1]’ (een Toetsafname); bedoelde u "
             "‘datum’?");
    fails_at(&p, "{\"verblijf_nu\": {\"van\": \"2020-01-01\", \"tott\": null}}", 1, 39,
             "verblijf_nu.tott",
             "onbekend veld ‘tott’ in feit ‘verblijf_nu’ (een periode); bedoelde u ‘tot’?");
    fails_at(&p, "{\"contract\": {\"looptijd\": {\"van\": \"2020-01-01\", \"x\": 1}}}", 1, 49,
             "contract.looptijd.x",
             "onbekend veld ‘x’ in feit ‘contract.looptijd’ (een periode); de velden zijn: van, "
             "tot");
    /* the same name at another level is not the one meant */
    fails_at(&p, "{\"toets\": {\"soort\": \"nt2\"}, \"soort\": 1}", 1, 29, "soort",
             "onbekend feit ‘soort’ in het geval; het beleid kent geen invoer met die naam");
    /* duplicate keys: the second key */
    fails_at(&p, "{\"toets\": {\"soort\": \"mo\",\n \"soort\": \"nt2\"}}", 2, 2, "toets.soort",
             "sleutel ‘toets.soort’ komt twee keer voor in het geval");
}

/* A JSON document {"<key>": <value>} with a value or key of n bytes of 'x'. */
static char *big_case(const char *key, size_t n, bool big_key)
{
    char *j = malloc(n + strlen(key) + 32);
    cr_assert_not_null(j);
    size_t k = 0;
    if (big_key) {
        memcpy(j, "{\"", 2);
        memset(j + 2, 'x', n);
        k = (size_t)sprintf(j + 2 + n, "\": 1}") + 2 + n;
    } else {
        k = (size_t)sprintf(j, "{\"%s\": \"", key);
        memset(j + k, 'x', n);
        k += n;
        memcpy(j + k, "\"}", 3);
    }
    (void)k;
    return j;
}

Test(case_location, huge_values_and_keys_are_cut_in_messages)
{
    regel_policy p = test_policy();
    const size_t n = 10u * 1024 * 1024;
    const char *facts[] = {"register", "geboortedatum", "termijn", "vergoeding", "werkt"};
    for (size_t f = 0; f < sizeof facts / sizeof facts[0]; f++) {
        char *j = big_case(facts[f], n, false);
        regel_case *c = NULL;
        regel_error err;
        cr_assert_eq(regel_case_from_json(&p, j, strlen(j), "g", &c, &err), REGEL_ERR_CASE);
        cr_assert_lt(strlen(err.message), 300, "%s: %zu bytes", facts[f], strlen(err.message));
        cr_assert_eq(err.line, 1);
        cr_assert_eq(err.column, strlen(facts[f]) + 6);
        free(j);
    }
    char *j = big_case("", n, true);
    fails_at(&p, j, 1, 2, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…",
             "onbekend feit ‘xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…’ in het "
             "geval; het beleid kent geen invoer met die naam");
    free(j);
    /* the member, cut at a character: 59 x, then é (2 bytes) is the 60th */
    fails_at(&p,
             "{\"register\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxéé\"}", 1,
             14, "register",
             "feit ‘register’: ‘xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxé…’ "
             "is geen Register; mogelijk: vreemdelingenregister, bevolkingsregister");
    /* a line break in a value does not break the message */
    fails_at(&p, "{\"register\": \"a\\nb\"}", 1, 14, "register",
             "feit ‘register’: ‘a?b’ is geen Register; mogelijk: vreemdelingenregister, "
             "bevolkingsregister");
}

Test(case_location, a_case_that_is_not_text)
{
    regel_policy p = test_policy();
    regel_case *c = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    const char nul[] = "\0{\"werkt\": true}";
    cr_assert_eq(regel_case_from_json(&p, nul, sizeof nul - 1, "g", &c, &err), REGEL_ERR_CASE);
    cr_assert_str_eq(err.message, "het geval is geen tekst (byte 0x00); verwacht een JSON-object");
    cr_assert(err.line == 1 && err.column == 1);
    fails_at(&p, "\x89PNG\r\n", 1, 1, "",
             "het geval is geen tekst (byte 0x89); verwacht een JSON-object");
    fails_at(&p, "\n \xff\xfd{", 2, 2, "",
             "het geval is geen tekst (byte 0xFF); verwacht een JSON-object");
    fails_at(&p, "\xff\xfe{\x00}\x00", 1, 1, "",
             "het geval is in UTF-16 opgeslagen (bytes 0xFF 0xFE); sla het op als UTF-8");
    const char late[] = "{\"werkt\": true}\n\0\0";
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_case_from_json(&p, late, sizeof late - 1, "g", &c, &err), REGEL_ERR_CASE);
    cr_assert_str_eq(err.message, "geen geldige JSON: een nulbyte (byte 0x00) hoort niet in een "
                                  "geval; is het wel een tekstbestand?");
    cr_assert(err.line == 2 && err.column == 1, "%u:%u", err.line, err.column);
    /* Latin-1 é in a key; an overlong and a surrogate in a value */
    fails_at(&p, "{\"w\xe9rkt\": true}", 1, 4, "",
             "geen geldige JSON: ongeldige UTF-8 (byte 0xE9); sla het geval op als UTF-8");
    fails_at(&p, "{\"naam\": \"é\xc0\xaf\"}", 1, 12, "",
             "geen geldige JSON: ongeldige UTF-8 (byte 0xC0); sla het geval op als UTF-8");
    fails_at(&p, "{\"naam\": \"\xed\xa0\x80\"}", 1, 11, "",
             "geen geldige JSON: ongeldige UTF-8 (byte 0xED); sla het geval op als UTF-8");
    /* other control bytes: at the start, and in a string */
    fails_at(&p, "\x01\x02\x03\x04", 1, 1, "",
             "het geval is geen tekst (byte 0x01); verwacht een JSON-object");
    fails_at(&p, "{\"naam\": \"a\x1b[0m\"}", 1, 12, "",
             "geen geldige JSON: het stuurteken 0x1B hoort niet in een geval (in een tekst: "
             "schrijf \\u001B)");
    /* a syntax error before a bad byte is reported as such */
    fails_at(&p, "{\"werkt\": tru, \"naam\": \"\xff\"}", 1, 13, "",
             "geen geldige JSON: ongeldige syntaxis bij ‘tru’");
}

/* ---- (niet negatief): RBC_NONNEGATIVE on inputs and record fields ---- */

static rt_field nn_fields[] = {{"uren", 1, RBC_NONNEGATIVE}, {"saldo", 1, 0}};
static rt_type nn_types[] = {
    {RBC_TYPE_WAARHEID, NULL, 0, NULL, NULL, 0},      {RBC_TYPE_GETAL, NULL, 0, NULL, NULL, 0},
    {RBC_TYPE_BEDRAG, NULL, 0, NULL, NULL, 0},        {RBC_TYPE_DUUR, NULL, 0, NULL, NULL, 0},
    {RBC_TYPE_RECORD, "Week", 2, NULL, nn_fields, 0}, {RBC_TYPE_LIJST, NULL, 0, NULL, NULL, 4},
};
static rt_input nn_inputs[] = {
    {"participatie_uren", 1, RBC_NONNEGATIVE, RBC_NONE, NULL},
    {"loon", 2, RBC_NONNEGATIVE | RBC_OPTIONAL, RBC_NONE, NULL},
    {"wachttijd", 3, RBC_NONNEGATIVE, RBC_NONE, NULL},
    {"weken", 5, 0, RBC_NONE, NULL},
    {"verschil", 1, 0, RBC_NONE, NULL},
};

static regel_policy nn_policy(void)
{
    regel_policy p;
    memset(&p, 0, sizeof p);
    p.file = "nn.rbc";
    p.name = "Niet negatief";
    p.types = nn_types;
    p.n_types = sizeof nn_types / sizeof nn_types[0];
    p.inputs = nn_inputs;
    p.n_inputs = sizeof nn_inputs / sizeof nn_inputs[0];
    return p;
}

Test(nonnegative, json)
{
    regel_policy p = nn_policy();
    regel_case *c = read_ok(&p, "{\"participatie_uren\": 0, \"loon\": null, \"wachttijd\": \"0 "
                                "dagen\", \"verschil\": -3, \"weken\": [{\"uren\": 0, \"saldo\": "
                                "-2}]}");
    regel_case_free(c);
    c = read_ok(&p,
                "{\"participatie_uren\": 12.5, \"loon\": \"0,01\", \"wachttijd\": \"2 maanden\"}");
    regel_case_free(c);
    fails_at(&p, "{\"participatie_uren\": -5}", 1, 23, "participatie_uren",
             "feit ‘participatie_uren’: -5 is negatief; dit feit kan niet negatief zijn");
    fails_at(&p, "{\"participatie_uren\": -0.5}", 1, 23, "participatie_uren",
             "feit ‘participatie_uren’: -0,5 is negatief; dit feit kan niet negatief zijn");
    fails_at(&p, "{\"loon\": \"-12,50\"}", 1, 10, "loon",
             "feit ‘loon’: -€ 12,50 is negatief; dit feit kan niet negatief zijn");
    fails_at(&p, "{\"loon\": -0.01}", 1, 10, "loon",
             "feit ‘loon’: -€ 0,01 is negatief; dit feit kan niet negatief zijn");
    fails_at(&p, "{\"wachttijd\": \"-2 maanden\"}", 1, 15, "wachttijd",
             "feit ‘wachttijd’: -2 maanden is negatief; dit feit kan niet negatief zijn");
    fails_at(&p, "{\"wachttijd\": \"1 maand en -3 dagen\"}", 1, 15, "wachttijd",
             "feit ‘wachttijd’: 1 maand en -3 dagen is negatief; dit feit kan niet negatief "
             "zijn");
    fails_at(&p, "{\"weken\": [{\"uren\": 1}, {\"uren\": -1}]}", 1, 34, "weken[1].uren",
             "feit ‘weken[1].uren’: -1 is negatief; dit feit kan niet negatief zijn");
}

Test(nonnegative, c_api)
{
    regel_policy p = nn_policy();
    regel_case *c = NULL;
    regel_error err;
    cr_assert_eq(regel_case_new(&p, &c, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(regel_case_set_int(c, "participatie_uren", 0, &err), REGEL_OK);
    cr_assert_eq(regel_case_set_int(c, "participatie_uren", -5, &err), REGEL_ERR_CASE);
    cr_assert_str_eq(err.message,
                     "feit ‘participatie_uren’: -5 is negatief; dit feit kan niet negatief zijn");
    cr_assert_str_eq(err.key, "participatie_uren");
    cr_assert_eq(c->facts[0].u.q.num, 0, "de oude waarde blijft");
    cr_assert_eq(regel_case_set_number(c, "participatie_uren", "-0,25", &err), REGEL_ERR_CASE);
    cr_assert_str_eq(err.message, "feit ‘participatie_uren’: -0,25 is negatief; dit feit kan "
                                  "niet negatief zijn");
    cr_assert_eq(regel_case_set_number(c, "participatie_uren", "0.25", &err), REGEL_OK);
    cr_assert_eq(regel_case_set_cents(c, "loon", -1, &err), REGEL_ERR_CASE);
    cr_assert_str_eq(err.message, "feit ‘loon’: -€ 0,01 is negatief; dit feit kan niet negatief "
                                  "zijn");
    cr_assert_eq(regel_case_set_cents(c, "loon", 0, &err), REGEL_OK);
    cr_assert_eq(regel_case_set_none(c, "loon", &err), REGEL_OK);
    cr_assert_eq(regel_case_set_duration(c, "wachttijd", 0, -1, &err), REGEL_ERR_CASE);
    cr_assert_str_eq(err.message,
                     "feit ‘wachttijd’: -1 dag is negatief; dit feit kan niet negatief zijn");
    cr_assert_eq(regel_case_set_duration(c, "wachttijd", 2, 0, &err), REGEL_OK);
    cr_assert_eq(regel_case_set_int(c, "verschil", -5, &err), REGEL_OK);
    size_t i = 0;
    cr_assert_eq(regel_case_append(c, "weken", &i, &err), REGEL_OK);
    cr_assert_eq(regel_case_set_int(c, "weken[0].saldo", -2, &err), REGEL_OK);
    cr_assert_eq(regel_case_set_int(c, "weken[0].uren", -2, &err), REGEL_ERR_CASE);
    cr_assert_str_eq(err.message,
                     "feit ‘weken[0].uren’: -2 is negatief; dit feit kan niet negatief zijn");
    cr_assert_str_eq(err.key, "weken[0].uren");
    regel_case_free(c);
}

Test(nonnegative, answers)
{
    regel_policy p = nn_policy();
    regel_error err;
    char *json = NULL;
    cr_assert_eq(regel_parse_answer(&p, 0, "0", 1, &json, &err), REGEL_OK, "%s", err.message);
    cr_assert_str_eq(json, "0");
    regel_free(json);
    cr_assert_eq(regel_parse_answer(&p, 0, "-5", 2, &json, &err), REGEL_ERR_CASE);
    cr_assert_null(json);
    cr_assert_str_eq(err.message, "‘-5’ is geen geldig antwoord: het getal is negatief; geef een "
                                  "getal met een decimale komma of punt, bijvoorbeeld 12 of "
                                  "12,5, niet negatief.");
    cr_assert_eq(regel_parse_answer(&p, 1, "€ -3,50", strlen("€ -3,50"), &json, &err),
                 REGEL_ERR_CASE);
    cr_assert_str_eq(err.message, "‘€ -3,50’ is geen geldig antwoord: het bedrag is negatief; "
                                  "geef een bedrag in euro als 12,50, € 12,50 of 12,50 euro, "
                                  "niet negatief; of geen als het er niet is.");
    cr_assert_eq(regel_parse_answer(&p, 1, "geen", 4, &json, &err), REGEL_OK);
    regel_free(json);
    cr_assert_eq(regel_parse_answer(&p, 2, "-2 maanden", 10, &json, &err), REGEL_ERR_CASE);
    cr_assert_str_eq(err.message, "‘-2 maanden’ is geen geldig antwoord: -2 maanden is negatief; "
                                  "dit feit kan niet negatief zijn; geef een duur als 2 maanden, "
                                  "1 jaar en 3 dagen of 10 weken, niet negatief.");
    cr_assert_eq(regel_parse_answer(&p, 2, "0 dagen", 7, &json, &err), REGEL_OK);
    regel_free(json);
    cr_assert_eq(regel_parse_answer(&p, 4, "-5", 2, &json, &err), REGEL_OK);
    regel_free(json);
}
