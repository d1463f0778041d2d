/* test_api_result.c — the outcome listing (regel_outcome_*) and typed results
 * (regel_result_*, runtime/api_result.c): every kind on the inburgering
 * policy, tijd-en-geld and a small policy with the remaining kinds, and
 * misuse (NULL, no evaluation, unknown names, wrong kinds). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_date.h"
#include "api_extra.h"
#include "cal.h"
#include "regel.h"
#include "repo_files.h"

static int32_t ymd(int y, int m, int d)
{
    return api_date_from_cal(cal_from_ymd(y, m, d));
}

typedef struct fx {
    regel_policy *p;
    regel_case *c;
    regel_eval *ev;
    regel_error err;
} fx;

static fx evaluate(const char *policy_rel, const char *case_rel)
{
    fx f;
    memset(&f, 0, sizeof f);
    f.p = load(policy_rel);
    f.c = read_case(f.p, case_rel);
    f.ev = regel_eval_new(f.p);
    cr_assert_not_null(f.ev);
    cr_assert_eq(regel_evaluate(f.ev, f.c, 0, &f.err), REGEL_OK, "%s", f.err.message);
    return f;
}

static void done(fx *f)
{
    regel_eval_free(f->ev);
    regel_case_free(f->c);
    regel_policy_free(f->p);
}

#define OK(call) cr_assert_eq((call), REGEL_OK, "%s: %s", #call, f.err.message)
#define FAILS(call, needle)                                                                        \
    do {                                                                                           \
        memset(&f.err, 0, sizeof f.err);                                                           \
        cr_assert_eq((call), REGEL_ERR_USAGE, "%s", #call);                                        \
        cr_assert_eq(f.err.code, REGEL_ERR_USAGE);                                                 \
        cr_assert(strstr(f.err.message, (needle)) != NULL, "%s: %s (wanted %s)", #call,            \
                  f.err.message, (needle));                                                        \
    } while (0)

/* ---- outcomes ---- */

Test(api_result, outcomes_in_display_order)
{
    regel_policy *p = load("stdlib-policies/inburgering.regel");
    cr_assert_eq(regel_outcome_count(p), 34 + 7, "34 uitkomsten and 7 begrippen");
    size_t outputs = 0;
    for (size_t i = 0; i < regel_outcome_count(p); i++)
        outputs += (size_t)regel_outcome_is_output(p, i);
    cr_assert_eq(outputs, 34);
    cr_assert_str_eq(regel_outcome_name(p, 0), "leeftijd");
    cr_assert_str_eq(regel_outcome_name(p, 1), "toegang_inburgeringscursus");
    cr_assert_eq(regel_outcome_is_output(p, 0), 1);
    long b = regel_outcome_find(p, "b1_venster");
    cr_assert_geq(b, 0);
    cr_assert_str_eq(regel_outcome_name(p, (size_t)b), "b1_venster");
    cr_assert_eq(regel_outcome_is_output(p, (size_t)b), 0, "a begrip");
    char *t = regel_outcome_type(p, (size_t)b);
    cr_assert_str_eq(t, "periode");
    regel_free(t);
    t = regel_outcome_type(p, (size_t)regel_outcome_find(p, "vereist_taalniveau"));
    cr_assert_str_eq(t, "Taalniveau");
    regel_free(t);
    t = regel_outcome_type(p, (size_t)regel_outcome_find(p, "verblijf_tot_peildatum"));
    cr_assert_str_eq(t, "lijst van periode");
    regel_free(t);
    t = regel_outcome_type(p, (size_t)regel_outcome_find(p, "vdab_uiterste_datum"));
    cr_assert_str_eq(t, "datum");
    regel_free(t);
    /* every name found at its own position */
    for (size_t i = 0; i < regel_outcome_count(p); i++)
        cr_assert_eq(regel_outcome_find(p, regel_outcome_name(p, i)), (long)i);
    /* out of range and NULL */
    size_t n = regel_outcome_count(p);
    cr_assert_null(regel_outcome_name(p, n));
    cr_assert_null(regel_outcome_type(p, n));
    cr_assert_eq(regel_outcome_is_output(p, n), 0);
    cr_assert_eq(regel_outcome_find(p, "bestaat_niet"), -1);
    cr_assert_eq(regel_outcome_find(p, NULL), -1);
    cr_assert_eq(regel_outcome_find(NULL, "leeftijd"), -1);
    cr_assert_eq(regel_outcome_count(NULL), 0);
    cr_assert_null(regel_outcome_name(NULL, 0));
    cr_assert_null(regel_outcome_type(NULL, 0));
    cr_assert_eq(regel_outcome_is_output(NULL, 0), 0);
    regel_policy_free(p);
}

/* ---- typed results ---- */

Test(api_result, inburgering_every_kind)
{
    fx f = evaluate("stdlib-policies/inburgering.regel",
                    "stdlib-policies/gevallen/06-b1-test-verplicht.json");
    regel_kind k;
    int b = -1;
    int64_t i = 0, num = 0, den = 0, cents = 0;
    const char *s = NULL;
    int32_t d = 0, from = 0, to = 0;
    int open = -1;
    OK(regel_result_kind(f.ev, "leeftijd", &k, &f.err));
    cr_assert_eq(k, REGEL_V_NUMBER);
    OK(regel_result_int(f.ev, "leeftijd", &i, &f.err));
    cr_assert_eq(i, 33);
    OK(regel_result_number(f.ev, "leeftijd", &num, &den, &f.err));
    cr_assert_eq(num, 33);
    cr_assert_eq(den, 1);
    OK(regel_result_bool(f.ev, "inburgeringsplicht", &b, &f.err));
    cr_assert_eq(b, 1);
    OK(regel_result_bool(f.ev, "b1_geslaagd", &b, &f.err));
    cr_assert_eq(b, 0);
    OK(regel_result_member(f.ev, "vereist_taalniveau", &s, &f.err));
    cr_assert_str_eq(s, "A2");
    OK(regel_result_kind(f.ev, "voorrang_ouderenzorg", &k, &f.err));
    cr_assert_eq(k, REGEL_V_MEMBER);
    OK(regel_result_cents(f.ev, "vergoeding_totaal", &cents, &f.err));
    cr_assert_eq(cents, 36000);
    OK(regel_result_date(f.ev, "vdab_uiterste_datum", &d, &f.err));
    cr_assert_eq(d, ymd(2022, 6, 1));
    OK(regel_result_date(f.ev, "eerste_nt2_geslaagd", &d, &f.err)); /* a begrip */
    cr_assert_eq(d, ymd(2023, 3, 1));
    OK(regel_result_period(f.ev, "b1_venster", &from, &to, &open, &f.err));
    cr_assert_eq(from, ymd(2023, 5, 10));
    cr_assert_eq(to, ymd(2025, 5, 10));
    cr_assert_eq(open, 0);
    OK(regel_result_kind(f.ev, "verblijf_tot_peildatum", &k, &f.err));
    cr_assert_eq(k, REGEL_V_LIST);
    char *json = NULL;
    OK(regel_result_json(f.ev, "verblijf_tot_peildatum", &json, &f.err));
    cr_assert_str_eq(json, "[\n  {\n    \"van\": \"2021-12-01\",\n    \"tot\": \"2024-01-10\"\n  "
                           "}\n]");
    regel_free(json);
    OK(regel_result_json(f.ev, "vergoeding_totaal", &json, &f.err));
    cr_assert_str_eq(json, "360");
    regel_free(json);
    OK(regel_result_json(f.ev, "vereist_taalniveau", &json, &f.err));
    cr_assert_str_eq(json, "\"A2\"");
    regel_free(json);
    /* wrong kinds name the kind the value has */
    FAILS(regel_result_bool(f.ev, "leeftijd", &b, &f.err),
          "uitkomst ‘leeftijd’ is een getal, niet een waarheid");
    FAILS(regel_result_date(f.ev, "eerste_nt2_geslaagd", NULL, &f.err), "NULL");
    FAILS(regel_result_text(f.ev, "vereist_taalniveau", &s, &f.err),
          "is een soortwaarde, niet een tekst");
    FAILS(regel_result_cents(f.ev, "vdab_uiterste_datum", &cents, &f.err), "is een datum");
    FAILS(regel_result_period(f.ev, "verblijf_tot_peildatum", &from, &to, &open, &f.err),
          "begrip ‘verblijf_tot_peildatum’ is een lijst, niet een periode");
    FAILS(regel_result_member(f.ev, "b1_venster", &s, &f.err), "is een periode");
    FAILS(regel_result_duration(f.ev, "leeftijd", (int32_t *)&d, &from, &f.err), "is een getal");
    FAILS(regel_result_int(f.ev, "vergoeding_totaal", &i, &f.err), "is een bedrag");
    done(&f);

    /* geen */
    f = evaluate("stdlib-policies/inburgering.regel",
                 "stdlib-policies/gevallen/04-vrijgesteld-ernstig-ziek.json");
    OK(regel_result_kind(f.ev, "vdab_uiterste_datum", &k, &f.err));
    cr_assert_eq(k, REGEL_V_GEEN);
    FAILS(regel_result_date(f.ev, "vdab_uiterste_datum", &d, &f.err),
          "‘vdab_uiterste_datum’ is geen, niet een datum");
    OK(regel_result_json(f.ev, "vdab_uiterste_datum", &json, &f.err));
    cr_assert_str_eq(json, "null");
    regel_free(json);
    done(&f);
}

Test(api_result, onbekend)
{
    fx f;
    memset(&f, 0, sizeof f);
    f.p = load("stdlib-policies/inburgering.regel");
    OK(regel_case_new(f.p, &f.c, &f.err));
    f.ev = regel_eval_new(f.p);
    OK(regel_evaluate(f.ev, f.c, 0, &f.err));
    regel_kind k = REGEL_V_BOOL;
    OK(regel_result_kind(f.ev, "leeftijd", &k, &f.err));
    cr_assert_eq(k, REGEL_V_ONBEKEND);
    int64_t i;
    FAILS(regel_result_int(f.ev, "leeftijd", &i, &f.err), "is onbekend, niet een getal");
    char *json = NULL;
    OK(regel_result_json(f.ev, "leeftijd", &json, &f.err));
    cr_assert_str_eq(json, "null");
    regel_free(json);
    done(&f);
}

Test(api_result, tijd_en_geld)
{
    fx f = evaluate("tests/golden/beleid/tijd-en-geld.regel",
                    "tests/golden/gevallen/tijd-volledig.json");
    const char *s = NULL;
    int64_t cents = 0, num = 0, den = 0;
    int32_t d = 0;
    OK(regel_result_text(f.ev, "nieuwe_regeling", &s, &f.err));
    cr_assert_str_eq(s, "nieuw");
    OK(regel_result_cents(f.ev, "maandloon", &cents, &f.err));
    cr_assert_eq(cents, 236626);
    OK(regel_result_cents(f.ev, "weekloon", &cents, &f.err));
    cr_assert_eq(cents, 54606);
    OK(regel_result_number(f.ev, "halve_maand", &num, &den, &f.err));
    cr_assert_eq(num, 8);
    cr_assert_eq(den, 1);
    OK(regel_result_date(f.ev, "laatste_toets", &d, &f.err));
    cr_assert_eq(d, ymd(2023, 6, 1));
    OK(regel_result_date(f.ev, "vdab_uiterste_datum", &d, &f.err));
    cr_assert_eq(d, ymd(2024, 2, 29));
    int b = -1;
    OK(regel_result_bool(f.ev, "vijf_jaar_verblijf", &b, &f.err));
    cr_assert_eq(b, 1);
    /* the string stays valid after the case is freed (owned by ev) */
    regel_case_free(f.c);
    f.c = NULL;
    cr_assert_str_eq(s, "nieuw");
    regel_eval_free(f.ev);
    regel_policy_free(f.p);
}

Test(api_result, remaining_kinds)
{
    fx f;
    memset(&f, 0, sizeof f);
    char *diags = NULL;
    OK(regel_policy_compile(api_extra_src, strlen(api_extra_src), "extra.regel", &f.p, &diags,
                            &f.err));
    regel_free(diags);
    OK(regel_case_new(f.p, &f.c, &f.err));
    OK(regel_case_set_text(f.c, "naam", "Zoë", &f.err));
    OK(regel_case_set_duration(f.c, "wachttijd", 14, 3, &f.err));
    OK(regel_case_set_cents(f.c, "loon", 1250, &f.err));
    OK(regel_case_set_text(f.c, "adres.straat", "Kerkstraat", &f.err));
    OK(regel_case_set_int(f.c, "adres.nummer", 7, &f.err));
    OK(regel_case_set_none(f.c, "kleur", &f.err));
    size_t idx;
    OK(regel_case_append(f.c, "cijfers", &idx, &f.err));
    OK(regel_case_set_number(f.c, "cijfers[0]", "7,5", &f.err));
    OK(regel_case_set_date(f.c, "start", ymd(2024, 1, 31), &f.err));
    f.ev = regel_eval_new(f.p);
    OK(regel_evaluate(f.ev, f.c, 0, &f.err));

    const char *s = NULL;
    OK(regel_result_text(f.ev, "groet", &s, &f.err));
    cr_assert_str_eq(s, "Zoë");
    int32_t months = 0, days = 0, from = 0, to = 0, d = 0;
    int open = -1;
    OK(regel_result_duration(f.ev, "wachten", &months, &days, &f.err));
    cr_assert_eq(months, 14);
    cr_assert_eq(days, 3);
    int64_t cents = 0, num = 0, den = 0, i = 0;
    OK(regel_result_cents(f.ev, "dubbel_loon", &cents, &f.err));
    cr_assert_eq(cents, 2500);
    regel_kind k;
    OK(regel_result_kind(f.ev, "woonadres", &k, &f.err));
    cr_assert_eq(k, REGEL_V_RECORD);
    char *json = NULL;
    OK(regel_result_json(f.ev, "woonadres", &json, &f.err));
    cr_assert_str_eq(json, "{\n  \"straat\": \"Kerkstraat\",\n  \"nummer\": 7\n}");
    regel_free(json);
    OK(regel_result_kind(f.ev, "lievelingskleur", &k, &f.err));
    cr_assert_eq(k, REGEL_V_GEEN);
    OK(regel_result_json(f.ev, "alle_cijfers", &json, &f.err));
    cr_assert_str_eq(json, "[\n  7.5\n]");
    regel_free(json);
    OK(regel_result_number(f.ev, "vijf_kwart", &num, &den, &f.err));
    cr_assert_eq(num, 5);
    cr_assert_eq(den, 4);
    FAILS(regel_result_int(f.ev, "vijf_kwart", &i, &f.err), "5/4 en geen geheel getal");
    OK(regel_result_date(f.ev, "einde", &d, &f.err));
    cr_assert_eq(d, ymd(2025, 4, 3), "31-1-2024 + 14 maanden = 31-3-2025, + 3 dagen");
    OK(regel_result_period(f.ev, "looptijd", &from, &to, &open, &f.err));
    cr_assert_eq(from, ymd(2024, 1, 31));
    cr_assert_eq(to, d);
    cr_assert_eq(open, 0);
    FAILS(regel_result_member(f.ev, "lievelingskleur", &s, &f.err),
          "is geen, niet een soortwaarde");
    FAILS(regel_result_text(f.ev, "woonadres", &s, &f.err), "is een gegeven, niet een tekst");

    /* with a member */
    OK(regel_case_set_member(f.c, "kleur", "groen", &f.err));
    OK(regel_evaluate(f.ev, f.c, 0, &f.err));
    OK(regel_result_member(f.ev, "lievelingskleur", &s, &f.err));
    cr_assert_str_eq(s, "groen");
    done(&f);
}

Test(api_result, misuse)
{
    fx f;
    memset(&f, 0, sizeof f);
    f.p = load("stdlib-policies/inburgering.regel");
    f.ev = regel_eval_new(f.p);
    int b;
    regel_kind k;
    /* no evaluation yet */
    FAILS(regel_result_bool(f.ev, "vrijgesteld", &b, &f.err), "nog geen evaluatie");
    FAILS(regel_result_kind(f.ev, "vrijgesteld", &k, &f.err), "nog geen evaluatie");
    char *json = (char *)0x1;
    FAILS(regel_result_json(f.ev, "vrijgesteld", &json, &f.err), "nog geen evaluatie");
    cr_assert_null(json);
    f.c = read_case(f.p, "stdlib-policies/gevallen/06-b1-test-verplicht.json");
    OK(regel_evaluate(f.ev, f.c, 0, &f.err));
    /* NULL arguments */
    FAILS(regel_result_bool(NULL, "vrijgesteld", &b, &f.err), "NULL");
    FAILS(regel_result_bool(f.ev, NULL, &b, &f.err), "NULL");
    FAILS(regel_result_bool(f.ev, "vrijgesteld", NULL, &f.err), "NULL");
    FAILS(regel_result_kind(f.ev, "vrijgesteld", NULL, &f.err), "NULL");
    int64_t n;
    FAILS(regel_result_number(f.ev, "leeftijd", &n, NULL, &f.err), "NULL");
    FAILS(regel_result_number(f.ev, "leeftijd", NULL, &n, &f.err), "NULL");
    int32_t d;
    int open;
    FAILS(regel_result_period(f.ev, "b1_venster", &d, &d, NULL, &f.err), "NULL");
    FAILS(regel_result_json(f.ev, "leeftijd", NULL, &f.err), "NULL");
    const char *s;
    FAILS(regel_result_text(f.ev, NULL, &s, &f.err), "NULL");
    cr_assert_eq(regel_result_bool(NULL, NULL, NULL, NULL), REGEL_ERR_USAGE);
    /* unknown names, with a suggestion */
    FAILS(regel_result_bool(f.ev, "vrijgesteid", &b, &f.err),
          "onbekende uitkomst ‘vrijgesteid’; bedoelde u ‘vrijgesteld’?");
    FAILS(regel_result_period(f.ev, "qqqqqqqqqq", &d, &d, &open, &f.err),
          "onbekende uitkomst ‘qqqqqqqqqq’ in dit beleid");
    FAILS(regel_result_json(f.ev, "werkt", &json, &f.err), "onbekende uitkomst ‘werkt’");
    done(&f);
}
