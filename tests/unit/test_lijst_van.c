/* test_lijst_van.c — the two language additions issue 6 needed, end to end
 * through the public API: `lijst van V voor elke x in L [waarvoor C]` (a list
 * built from each element) and `periode van a tot b` with b geen (running). */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "regel.h"

static const char *const SRC =
    "beleid \"t\".\n"
    "soort S is een van werk, studie.\n"
    "gegeven Act heeft soort: S, van: datum, tot: datum (optioneel).\n"
    "invoer acts: lijst van Act, a: datum (optioneel), b: datum (optioneel).\n"
    "uitkomst ndagen: getal, werkdagen: getal, begins: getal, lopend: waarheid,\n"
    "    p: periode (optioneel).\n"
    "begrip ps: lijst van periode.\n"
    "regel \"ps\" ps is lijst van periode van x.van tot x.tot voor elke x in acts.\n"
    "regel \"dagen\" ndagen is totaal aantal dagen van\n"
    "    (ps begrensd tot periode van 2020-01-01 tot 2020-12-31).\n"
    "regel \"werk\" werkdagen is totaal aantal dagen van\n"
    "    ((lijst van periode van x.van tot x.tot voor elke x in acts waarvoor x.soort is werk)\n"
    "     begrensd tot periode van 2020-01-01 tot 2020-12-31).\n"
    "regel \"begins\" begins is aantal (lijst van x.van voor elke x in acts).\n"
    "regel \"p\" p is periode van a tot b.\n"
    "regel \"lopend\" lopend is waar indien periode van a tot b bevat 2999-01-01,\n"
    "    anders onwaar.\n";

static regel_policy *compile_src(const char *src, char **diags)
{
    regel_policy *p = NULL;
    regel_error err;
    *diags = NULL;
    int rc = regel_policy_compile(src, strlen(src), "t.regel", &p, diags, &err);
    return rc == REGEL_OK ? p : NULL;
}

static json_t *decide(const char *case_json)
{
    char *diags;
    regel_policy *p = compile_src(SRC, &diags);
    cr_assert_not_null(p, "compileert niet: %s", diags ? diags : "?");
    regel_free(diags);
    regel_error err;
    regel_case *c = NULL;
    int rc = regel_case_from_json(p, case_json, strlen(case_json), "geval", &c, &err);
    cr_assert_eq(rc, REGEL_OK, "geval: %s", err.message);
    regel_eval *ev = regel_eval_new(p);
    cr_assert_not_null(ev);
    cr_assert_eq(regel_evaluate(ev, c, 0, &err), REGEL_OK, "%s", err.message);
    char *out = NULL;
    size_t len = 0;
    cr_assert_eq(regel_render_json(ev, &out, &len, &err), REGEL_OK);
    json_error_t jerr;
    json_t *j = json_loadb(out, len, 0, &jerr);
    cr_assert_not_null(j);
    regel_free(out);
    regel_eval_free(ev);
    regel_case_free(c);
    regel_policy_free(p);
    json_t *u = json_incref(json_object_get(j, "uitkomsten"));
    json_decref(j);
    return u;
}

static json_int_t num(json_t *u, const char *k)
{
    json_t *v = json_object_get(u, k);
    cr_assert(json_is_integer(v), "%s is geen geheel getal", k);
    return json_integer_value(v);
}

Test(lijst_van, open_activity_runs_to_the_window_end)
{
    json_t *u =
        decide("{\"acts\": [{\"soort\": \"werk\", \"van\": \"2020-12-01\", \"tot\": null},"
               " {\"soort\": \"studie\", \"van\": \"2019-06-01\", \"tot\": \"2020-01-10\"}],"
               " \"a\": null, \"b\": null}");
    /* 1..31 december (31) and 1..10 januari (10) */
    cr_assert_eq(num(u, "ndagen"), 41);
    /* waarvoor keeps only the werk element */
    cr_assert_eq(num(u, "werkdagen"), 31);
    cr_assert_eq(num(u, "begins"), 2);
    json_decref(u);
}

Test(lijst_van, empty_list_gives_empty_list)
{
    json_t *u = decide("{\"acts\": [], \"a\": null, \"b\": null}");
    cr_assert_eq(num(u, "ndagen"), 0);
    cr_assert_eq(num(u, "begins"), 0);
    json_decref(u);
}

Test(periode_tot_geen, geen_end_is_a_running_period)
{
    json_t *u = decide("{\"acts\": [], \"a\": \"2020-01-01\", \"b\": null}");
    json_t *p = json_object_get(u, "p");
    cr_assert(json_is_object(p), "een lopende periode, niet geen");
    cr_assert_str_eq(json_string_value(json_object_get(p, "van")), "2020-01-01");
    cr_assert(json_is_null(json_object_get(p, "tot")));
    cr_assert(json_is_true(json_object_get(u, "lopend")));
    json_decref(u);
}

Test(periode_tot_geen, known_end_is_a_closed_period)
{
    json_t *u = decide("{\"acts\": [], \"a\": \"2020-01-01\", \"b\": \"2020-03-01\"}");
    json_t *p = json_object_get(u, "p");
    cr_assert(json_is_object(p));
    cr_assert_str_eq(json_string_value(json_object_get(p, "tot")), "2020-03-01");
    cr_assert(json_is_false(json_object_get(u, "lopend")));
    json_decref(u);
}

Test(periode_tot_geen, geen_begin_is_still_geen_and_unknown_end_unknown)
{
    json_t *u = decide("{\"acts\": [], \"a\": null, \"b\": null}");
    cr_assert(json_is_null(json_object_get(u, "p")));
    cr_assert(json_is_false(json_object_get(u, "lopend")), "bevat met geen is onwaar");
    json_decref(u);
    u = decide("{\"acts\": [], \"a\": \"2020-01-01\"}");
    cr_assert(json_is_null(json_object_get(u, "p")), "b ontbreekt: onbekend");
    cr_assert(json_is_null(json_object_get(u, "lopend")));
    json_decref(u);
}

static void expect_compile_error(const char *rule, const char *needle)
{
    char src[2048];
    snprintf(src, sizeof src,
             "gegeven Act heeft van: datum, tot: datum (optioneel).\n"
             "invoer acts: lijst van Act.\n"
             "uitkomst u: lijst van datum, v: getal.\n%s\n",
             rule);
    char *diags;
    regel_policy *p = compile_src(src, &diags);
    cr_assert_null(p, "zou niet mogen compileren: %s", rule);
    cr_assert_not_null(diags);
    cr_assert(strstr(diags, needle), "melding '%s' mist '%s'", diags, needle);
    regel_free(diags);
}

Test(lijst_van, element_that_can_be_geen_is_an_error)
{
    expect_compile_error("regel \"r\" u is lijst van x.tot voor elke x in acts.",
                         "kan niet geen zijn");
}

Test(lijst_van, narrowed_element_compiles)
{
    char *diags;
    regel_policy *p = compile_src("gegeven Act heeft van: datum, tot: datum (optioneel).\n"
                                  "invoer acts: lijst van Act.\n"
                                  "uitkomst u: lijst van datum.\n"
                                  "regel \"r\" u is lijst van x.tot voor elke x in acts\n"
                                  "    waarvoor x.tot is niet geen.\n",
                                  &diags);
    cr_assert_not_null(p, "%s", diags ? diags : "?");
    regel_free(diags);
    regel_policy_free(p);
}

Test(lijst_van, result_type_is_checked)
{
    expect_compile_error("regel \"r\" v is lijst van x.van voor elke x in acts.", "");
}
