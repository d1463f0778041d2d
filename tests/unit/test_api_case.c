/* test_api_case.c — cases built in code (runtime/api_case.c): every setter
 * with success and misuse (NULL, unknown names, wrong types, bad paths and
 * indices, geen on non-optional facts), and equivalence with the JSON reader:
 * every sample case rebuilt by setters renders byte for byte the same. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_date.h"
#include "api_extra.h"
#include "cal.h"
#include "eval.h"
#include "policy.h"
#include "regel.h"
#include "repo_files.h"

static char *slurp(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SRCDIR, rel);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    cr_assert_not_null(buf);
    cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static int32_t ymd(int y, int m, int d)
{
    return api_date_from_cal(cal_from_ymd(y, m, d));
}

/* Evaluate c and return its JSON (and text) rendering. */
static char *render(const regel_policy *p, const regel_case *c, int formaat)
{
    regel_eval *ev = regel_eval_new(p);
    cr_assert_not_null(ev);
    regel_error err;
    cr_assert_eq(regel_evaluate(ev, c, REGEL_EXPLAIN, &err), REGEL_OK, "%s", err.message);
    char *out = NULL;
    cr_assert_eq(regel_render(ev, formaat, NULL, 0, &out, NULL, &err), REGEL_OK, "%s", err.message);
    regel_eval_free(ev);
    return out;
}

/* ---- equivalence: walk the JSON and call the setters by the policy's types ---- */

static const rt_type *type_of(const regel_policy *p, uint32_t t)
{
    cr_assert_lt(t, p->n_types);
    return &p->types[t];
}

static int64_t cents_of(const json_t *v)
{
    if (json_is_integer(v))
        return (int64_t)json_integer_value(v) * 100;
    if (json_is_real(v)) {
        double d = json_real_value(v) * 100;
        return (int64_t)(d < 0 ? d - 0.5 : d + 0.5);
    }
    const char *s = json_string_value(v);
    cr_assert_not_null(s);
    int neg = *s == '-';
    s += neg;
    int64_t whole = 0, frac = 0;
    int digits = 0;
    while (*s >= '0' && *s <= '9')
        whole = whole * 10 + (*s++ - '0');
    if (*s == ',' || *s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++, digits++)
            frac = frac * 10 + (*s - '0');
    if (digits == 1)
        frac *= 10;
    int64_t c = whole * 100 + frac;
    return neg ? -c : c;
}

static int32_t date_of(const json_t *v)
{
    cal_day d;
    cr_assert(cal_parse_iso(json_string_value(v), json_string_length(v), &d));
    return api_date_from_cal(d);
}

static void build(regel_case *c, const regel_policy *p, const char *path, uint32_t type,
                  const json_t *v)
{
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = REGEL_OK;
    if (json_is_null(v)) {
        cr_assert_eq(regel_case_set_none(c, path, &err), REGEL_OK, "%s: %s", path, err.message);
        return;
    }
    const rt_type *t = type_of(p, type);
    switch (t->kind) {
    case RBC_TYPE_WAARHEID:
        rc = regel_case_set_bool(c, path, json_is_true(v), &err);
        break;
    case RBC_TYPE_GETAL:
        if (json_is_integer(v)) {
            rc = regel_case_set_int(c, path, (int64_t)json_integer_value(v), &err);
        } else {
            char text[64];
            for (int prec = 1; prec <= 17; prec++) {
                snprintf(text, sizeof text, "%.*g", prec, json_real_value(v));
                if (strtod(text, NULL) == json_real_value(v))
                    break;
            }
            rc = regel_case_set_number(c, path, text, &err);
        }
        break;
    case RBC_TYPE_TEKST:
        rc = regel_case_set_text(c, path, json_string_value(v), &err);
        break;
    case RBC_TYPE_ENUM:
        rc = regel_case_set_member(c, path, json_string_value(v), &err);
        break;
    case RBC_TYPE_DATUM:
        rc = regel_case_set_date(c, path, date_of(v), &err);
        break;
    case RBC_TYPE_BEDRAG:
        rc = regel_case_set_cents(c, path, cents_of(v), &err);
        break;
    case RBC_TYPE_PERIODE: {
        const json_t *tot = json_object_get(v, "tot");
        int open = !tot || json_is_null(tot);
        rc = regel_case_set_period(c, path, date_of(json_object_get(v, "van")),
                                   open ? 0 : date_of(tot), open, &err);
        break;
    }
    case RBC_TYPE_RECORD: {
        const char *key;
        json_t *item;
        size_t before = 0;
        json_object_foreach((json_t *)v, key, item)
        {
            uint32_t f = 0;
            while (f < t->n && strcmp(t->fields[f].name, key) != 0)
                f++;
            cr_assert_lt(f, t->n, "%s.%s", path, key);
            char sub[256];
            snprintf(sub, sizeof sub, "%s.%s", path, key);
            build(c, p, sub, t->fields[f].type, item);
            before++;
        }
        cr_assert_gt(before, 0, "%s: {} is not used by the samples", path);
        return;
    }
    case RBC_TYPE_LIJST: {
        size_t n = json_array_size(v);
        if (n == 0) { /* [] */
            cr_assert_eq(regel_case_set_empty_list(c, path, &err), REGEL_OK, "%s", err.message);
            return;
        }
        for (size_t i = 0; i < n; i++) {
            size_t idx = 99;
            cr_assert_eq(regel_case_append(c, path, &idx, &err), REGEL_OK, "%s", err.message);
            cr_assert_eq(idx, i);
            char sub[256];
            snprintf(sub, sizeof sub, "%s[%zu]", path, i);
            build(c, p, sub, t->elem, json_array_get(v, i));
        }
        return;
    }
    default:
        cr_assert_fail("%s: kind %d not handled by the test", path, t->kind);
    }
    cr_assert_eq(rc, REGEL_OK, "%s: %s", path, err.message);
}

static regel_case *build_case(const regel_policy *p, const char *json, size_t len)
{
    json_error_t jerr;
    json_t *root = json_loadb(json, len, 0, &jerr);
    cr_assert_not_null(root, "%s", jerr.text);
    regel_case *c = NULL;
    regel_error err;
    cr_assert_eq(regel_case_new(p, &c, &err), REGEL_OK, "%s", err.message);
    const char *key;
    json_t *item;
    json_object_foreach(root, key, item)
    {
        long i = regel_input_find(p, key);
        cr_assert_geq(i, 0, "%s", key);
        build(c, p, key, p->inputs[i].type, item);
    }
    json_decref(root);
    return c;
}

static void check_equivalent(const char *policy_rel, const char *case_rel)
{
    regel_policy *p = load(policy_rel);
    size_t len;
    char *json = slurp(case_rel, &len);
    regel_error err;
    regel_case *from_json = NULL;
    cr_assert_eq(regel_case_from_json(p, json, len, NULL, &from_json, &err), REGEL_OK, "%s",
                 err.message);
    regel_case *built = build_case(p, json, len);
    for (int f = REGEL_FORMAAT_TEKST; f <= REGEL_FORMAAT_JSON; f++) {
        char *a = render(p, from_json, f);
        char *b = render(p, built, f);
        cr_assert_str_eq(b, a, "%s (formaat %d): built case differs", case_rel, f);
        regel_free(a);
        regel_free(b);
    }
    regel_case_free(built);
    regel_case_free(from_json);
    free(json);
    regel_policy_free(p);
}

Test(api_case, equivalent_to_json_for_every_inburgering_sample)
{
    static const char *const cases[] = {
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
        "b1-activiteit-voor-afronding.json",
        "b1-geslaagd.json",
        "b1-lopend-dag-te-kort.json",
        "b1-lopend-zes-maanden.json",
        "toetsen-rond-1-maart-2022.json",
        "verblijf-lopend-2010.json",
        "verblijf-onderbroken.json",
        "verblijf-vijf-jaar-dag-te-kort.json",
        "verblijf-vijf-jaar.json",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char rel[256];
        snprintf(rel, sizeof rel, "stdlib-policies/gevallen/%s", cases[i]);
        check_equivalent("stdlib-policies/inburgering.regel", rel);
    }
}

Test(api_case, equivalent_to_json_for_tijd_en_geld)
{
    check_equivalent("tests/golden/beleid/tijd-en-geld.regel",
                     "tests/golden/gevallen/tijd-volledig.json");
    check_equivalent("tests/golden/beleid/tijd-en-geld.regel",
                     "tests/golden/gevallen/tijd-leeg.json");
}

Test(api_case, defaults_as_for_an_absent_key)
{
    regel_policy *p = load("tests/golden/beleid/vraag.regel");
    regel_case *built = NULL, *from_json = NULL;
    regel_error err;
    cr_assert_eq(regel_case_new(p, &built, &err), REGEL_OK);
    cr_assert_eq(regel_case_from_json(p, "{}", 2, NULL, &from_json, &err), REGEL_OK);
    long zk = regel_input_find(p, "ernstig_ziek");
    cr_assert_eq(built->facts[zk].tag, RV_WAARHEID);
    cr_assert_eq(built->defaulted[zk], 1);
    char *a = render(p, from_json, REGEL_FORMAAT_JSON), *b = render(p, built, REGEL_FORMAAT_JSON);
    cr_assert_str_eq(b, a);
    regel_free(a);
    regel_free(b);
    /* setting clears the default mark; unset brings the standaard value back */
    cr_assert_eq(regel_case_set_bool(built, "ernstig_ziek", 1, &err), REGEL_OK);
    cr_assert_eq(built->defaulted[zk], 0);
    cr_assert(built->facts[zk].u.b);
    cr_assert_eq(regel_case_unset(built, "ernstig_ziek", &err), REGEL_OK);
    cr_assert_eq(built->defaulted[zk], 1);
    cr_assert_not(built->facts[zk].u.b);
    regel_case_free(built);
    regel_case_free(from_json);
    regel_policy_free(p);
}

/* ---- each setter: success ---- */

typedef struct fixture {
    regel_policy *p;
    regel_case *c;
    regel_error err;
} fixture;

static fixture inburgering(void)
{
    fixture f;
    memset(&f, 0, sizeof f);
    f.p = load("stdlib-policies/inburgering.regel");
    cr_assert_eq(regel_case_new(f.p, &f.c, &f.err), REGEL_OK);
    return f;
}

static void done(fixture *f)
{
    regel_case_free(f->c);
    regel_policy_free(f->p);
}

static const rt_value *fact(const fixture *f, const char *name)
{
    long i = regel_input_find(f->p, name);
    cr_assert_geq(i, 0);
    return &f->c->facts[i];
}

Test(api_case, new_case_is_all_onbekend)
{
    fixture f = inburgering();
    for (size_t i = 0; i < regel_input_count(f.p); i++)
        cr_assert_eq(f.c->facts[i].tag, RV_ONBEKEND);
    done(&f);
}

Test(api_case, setters_store_typed_values)
{
    fixture f = inburgering();
    cr_assert_eq(regel_case_set_bool(f.c, "werkt", 7, &f.err), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(fact(&f, "werkt")->tag, RV_WAARHEID);
    cr_assert(fact(&f, "werkt")->u.b);
    cr_assert_eq(regel_case_set_bool(f.c, "werkt", 0, &f.err), REGEL_OK); /* replaces */
    cr_assert_not(fact(&f, "werkt")->u.b);

    cr_assert_eq(regel_case_set_int(f.c, "participatie_uren", 42, &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "participatie_uren")->u.q.num, 42);
    cr_assert_eq(fact(&f, "participatie_uren")->u.q.den, 1);
    cr_assert_eq(regel_case_set_number(f.c, "participatie_uren", "12,5", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "participatie_uren")->u.q.num, 25);
    cr_assert_eq(fact(&f, "participatie_uren")->u.q.den, 2);
    cr_assert_eq(regel_case_set_number(f.c, "participatie_uren", "0.25", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "participatie_uren")->u.q.num, 1);
    cr_assert_eq(fact(&f, "participatie_uren")->u.q.den, 4);
    /* participatie_uren: getal (niet negatief): a negative value is refused
     * and the fact keeps its value; zero is allowed */
    cr_assert_eq(regel_case_set_number(f.c, "participatie_uren", "-0.25", &f.err), REGEL_ERR_CASE);
    cr_assert_str_eq(f.err.message, "feit ‘participatie_uren’: -0,25 is negatief; dit feit kan "
                                    "niet negatief zijn");
    cr_assert_str_eq(f.err.key, "participatie_uren");
    cr_assert_eq(regel_case_set_int(f.c, "participatie_uren", -1, &f.err), REGEL_ERR_CASE);
    cr_assert_eq(fact(&f, "participatie_uren")->u.q.num, 1);
    cr_assert_eq(regel_case_set_int(f.c, "participatie_uren", 0, &f.err), REGEL_OK);

    cr_assert_eq(regel_case_set_member(f.c, "register", "bevolkingsregister", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "register")->tag, RV_MEMBER);
    cr_assert_eq(fact(&f, "register")->u.member, 1);

    cr_assert_eq(regel_case_set_date(f.c, "geboortedatum", ymd(1990, 10, 10), &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "geboortedatum")->u.day, cal_from_ymd(1990, 10, 10));
    cr_assert_eq(regel_case_set_date(f.c, "geboortedatum", 0, &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "geboortedatum")->u.day, cal_from_ymd(1970, 1, 1));
    cr_assert_eq(regel_case_set_date(f.c, "geboortedatum", -1, &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "geboortedatum")->u.day, cal_from_ymd(1969, 12, 31));

    cr_assert_eq(regel_case_set_none(f.c, "contract_getekend", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "contract_getekend")->tag, RV_GEEN);
    cr_assert_eq(regel_case_unset(f.c, "contract_getekend", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "contract_getekend")->tag, RV_ONBEKEND);

    size_t i = 9;
    cr_assert_eq(regel_case_append(f.c, "toetsen", &i, &f.err), REGEL_OK);
    cr_assert_eq(i, 0);
    cr_assert_eq(fact(&f, "toetsen")->tag, RV_LIJST);
    cr_assert_eq(fact(&f, "toetsen")->u.list.items[0].tag, RV_RECORD);
    cr_assert_eq(fact(&f, "toetsen")->u.list.items[0].u.fields[1].tag, RV_ONBEKEND);
    cr_assert_eq(regel_case_set_date(f.c, "toetsen[0].datum", ymd(2023, 3, 1), &f.err), REGEL_OK);
    cr_assert_eq(regel_case_set_member(f.c, "toetsen[0].soort", "mo", &f.err), REGEL_OK);
    cr_assert_eq(regel_case_append(f.c, "toetsen", &i, &f.err), REGEL_OK);
    cr_assert_eq(i, 1);
    cr_assert_eq(regel_case_set_bool(f.c, "toetsen[1].geslaagd", 1, &f.err), REGEL_OK);
    const rt_value *t = fact(&f, "toetsen");
    cr_assert_eq(t->u.list.n, 2);
    cr_assert_eq(t->u.list.items[0].u.fields[1].u.day, cal_from_ymd(2023, 3, 1));
    cr_assert_eq(t->u.list.items[0].u.fields[0].u.member, 1);
    cr_assert(t->u.list.items[1].u.fields[2].u.b);
    /* an optional record field: geen, then unset back to onbekend */
    cr_assert_eq(regel_case_append(f.c, "activiteiten", NULL, &f.err), REGEL_OK);
    cr_assert_eq(regel_case_set_none(f.c, "activiteiten[0].tot", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "activiteiten")->u.list.items[0].u.fields[2].tag, RV_GEEN);
    cr_assert_eq(regel_case_unset(f.c, "activiteiten[0].tot", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "activiteiten")->u.list.items[0].u.fields[2].tag, RV_ONBEKEND);
    /* unset of an element removes it; later ones move up */
    cr_assert_eq(regel_case_unset(f.c, "toetsen[0]", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "toetsen")->u.list.n, 1);
    cr_assert(fact(&f, "toetsen")->u.list.items[0].u.fields[2].u.b);
    /* periods in a list */
    cr_assert_eq(regel_case_append(f.c, "verblijf", &i, &f.err), REGEL_OK);
    cr_assert_eq(regel_case_set_period(f.c, "verblijf[0]", ymd(2021, 12, 1), 12345, 1, &f.err),
                 REGEL_OK);
    const rt_value *pv = &fact(&f, "verblijf")->u.list.items[0];
    cr_assert_eq(pv->tag, RV_PERIODE);
    cr_assert(pv->u.periode.open);
    cr_assert_eq(pv->u.periode.van, cal_from_ymd(2021, 12, 1));
    cr_assert_eq(pv->u.periode.tot, pv->u.periode.van);
    cr_assert_eq(
        regel_case_set_period(f.c, "verblijf[0]", ymd(2021, 12, 1), ymd(2022, 1, 31), 0, &f.err),
        REGEL_OK);
    cr_assert_not(pv->u.periode.open);
    cr_assert_eq(pv->u.periode.tot, cal_from_ymd(2022, 1, 31));
    /* unset of a whole fact */
    cr_assert_eq(regel_case_unset(f.c, "toetsen", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "toetsen")->tag, RV_ONBEKEND);
    /* the predeclared peildatum of a policy that does not use it: accepted, ignored */
    done(&f);
}

static fixture extra(void)
{
    fixture f;
    memset(&f, 0, sizeof f);
    char *diags = NULL;
    cr_assert_eq(regel_policy_compile(api_extra_src, strlen(api_extra_src), "extra.regel", &f.p,
                                      &diags, &f.err),
                 REGEL_OK, "%s\n%s", f.err.message, diags ? diags : "");
    regel_free(diags);
    cr_assert_eq(regel_case_new(f.p, &f.c, &f.err), REGEL_OK);
    return f;
}

Test(api_case, text_duration_cents_and_records)
{
    fixture f = extra();
    cr_assert_eq(regel_case_set_text(f.c, "naam", "Zoë \"Z\"", &f.err), REGEL_OK);
    cr_assert_str_eq(fact(&f, "naam")->u.str.s, "Zoë \"Z\"");
    cr_assert_eq(fact(&f, "naam")->u.str.len, strlen("Zoë \"Z\""));
    cr_assert_eq(regel_case_set_duration(f.c, "wachttijd", 3, 5, &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "wachttijd")->u.duur.months, 3);
    cr_assert_eq(fact(&f, "wachttijd")->u.duur.days, 5);
    cr_assert_eq(regel_case_set_cents(f.c, "loon", -1250, &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "loon")->u.cents, -1250);
    /* a field of an onbekend record creates it with the other fields onbekend */
    cr_assert_eq(regel_case_set_text(f.c, "adres.straat", "Kerkstraat", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "adres")->tag, RV_RECORD);
    cr_assert_eq(fact(&f, "adres")->u.fields[1].tag, RV_ONBEKEND);
    cr_assert_eq(regel_case_set_none(f.c, "adres.nummer", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "adres")->u.fields[1].tag, RV_GEEN);
    cr_assert_eq(regel_case_set_none(f.c, "kleur", &f.err), REGEL_OK);
    cr_assert_eq(regel_case_set_member(f.c, "kleur", "groen", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "kleur")->u.member, 1);
    size_t i;
    cr_assert_eq(regel_case_append(f.c, "cijfers", &i, &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "cijfers")->u.list.items[0].tag, RV_ONBEKEND);
    cr_assert_eq(regel_case_set_int(f.c, "cijfers[0]", 2024, &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "cijfers")->u.list.items[0].u.q.num, 2024);

    /* the same facts as JSON give the same case */
    const char *json = "{\"naam\": \"Zoë \\\"Z\\\"\", \"wachttijd\": \"3 maanden en 5 dagen\", "
                       "\"loon\": \"-12,50\", \"adres\": {\"straat\": \"Kerkstraat\", "
                       "\"nummer\": null}, \"kleur\": \"groen\", \"cijfers\": [2024]}";
    regel_case *j = NULL;
    cr_assert_eq(regel_case_from_json(f.p, json, strlen(json), NULL, &j, &f.err), REGEL_OK, "%s",
                 f.err.message);
    char *a = render(f.p, j, REGEL_FORMAAT_JSON), *b = render(f.p, f.c, REGEL_FORMAAT_JSON);
    cr_assert_str_eq(b, a);
    regel_free(a);
    regel_free(b);
    regel_case_free(j);
    done(&f);
}

Test(api_case, peildatum_not_declared_is_accepted_and_ignored)
{
    fixture f = extra();
    cr_assert_eq(regel_case_set_date(f.c, "peildatum", ymd(2024, 1, 1), &f.err), REGEL_OK);
    cr_assert_eq(regel_case_unset(f.c, "peildatum", &f.err), REGEL_OK);
    cr_assert_eq(regel_case_set_bool(f.c, "peildatum", 1, &f.err), REGEL_ERR_CASE);
    cr_assert_eq(regel_case_set_date(f.c, "peildatum", INT32_MAX, &f.err), REGEL_ERR_CASE);
    cr_assert_eq(regel_case_set_none(f.c, "peildatum", &f.err), REGEL_ERR_CASE);
    done(&f);
}

/* ---- misuse ---- */

#define EXPECT(call, code_, key_, needle)                                                          \
    do {                                                                                           \
        memset(&f.err, 0, sizeof f.err);                                                           \
        int rc_ = (call);                                                                          \
        cr_assert_eq(rc_, (code_), "%s gave %d: %s", #call, rc_, f.err.message);                   \
        cr_assert_eq(f.err.code, (code_));                                                         \
        if ((key_) != NULL)                                                                        \
            cr_assert_str_eq(f.err.key, (const char *)(key_));                                     \
        cr_assert(strstr(f.err.message, (needle)) != NULL, "message of %s: %s (wanted %s)", #call, \
                  f.err.message, (needle));                                                        \
    } while (0)

Test(api_case, null_arguments)
{
    fixture f = inburgering();
    regel_case *c = (regel_case *)0x1;
    EXPECT(regel_case_new(NULL, &c, &f.err), REGEL_ERR_USAGE, NULL, "verplicht");
    cr_assert_null(c);
    EXPECT(regel_case_new(f.p, NULL, &f.err), REGEL_ERR_USAGE, NULL, "verplicht");
    EXPECT(regel_case_set_bool(NULL, "werkt", 1, &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    EXPECT(regel_case_set_bool(f.c, NULL, 1, &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    EXPECT(regel_case_set_int(NULL, "x", 1, &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    EXPECT(regel_case_set_number(f.c, NULL, "1", &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    EXPECT(regel_case_set_number(f.c, "participatie_uren", NULL, &f.err), REGEL_ERR_USAGE,
           "participatie_uren", "NULL");
    EXPECT(regel_case_set_text(NULL, "x", "y", &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    EXPECT(regel_case_set_member(f.c, "register", NULL, &f.err), REGEL_ERR_USAGE, "register",
           "NULL");
    EXPECT(regel_case_set_date(f.c, NULL, 0, &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    EXPECT(regel_case_set_cents(NULL, "x", 0, &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    EXPECT(regel_case_set_duration(NULL, "x", 0, 0, &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    EXPECT(regel_case_set_period(f.c, NULL, 0, 0, 1, &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    EXPECT(regel_case_set_none(NULL, "x", &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    EXPECT(regel_case_unset(f.c, NULL, &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    EXPECT(regel_case_append(NULL, "toetsen", NULL, &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    /* a NULL err is allowed */
    cr_assert_eq(regel_case_set_bool(f.c, "onbekend_feit", 1, NULL), REGEL_ERR_CASE);
    cr_assert_eq(regel_case_set_bool(NULL, NULL, 1, NULL), REGEL_ERR_USAGE);
    regel_case_free(NULL);
    done(&f);
}

Test(api_case, unknown_names_with_suggestion)
{
    fixture f = inburgering();
    EXPECT(regel_case_set_bool(f.c, "werkd", 1, &f.err), REGEL_ERR_CASE, "werkd",
           "onbekend feit ‘werkd’; bedoelde u ‘werkt’?");
    EXPECT(regel_case_set_bool(f.c, "xyzzy_qq", 1, &f.err), REGEL_ERR_CASE, "xyzzy_qq",
           "kent geen invoer");
    cr_assert_eq(regel_case_append(f.c, "toetsen", NULL, &f.err), REGEL_OK);
    EXPECT(regel_case_set_date(f.c, "toetsen[0].datun", 0, &f.err), REGEL_ERR_CASE,
           "toetsen[0].datun",
           "onbekend veld ‘datun’ in ‘toetsen[0]’ (een Toetsafname); "
           "bedoelde u ‘datum’?");
    EXPECT(regel_case_set_date(f.c, "toetsen[0].qqqqqqq", 0, &f.err), REGEL_ERR_CASE, NULL,
           "de velden zijn: soort, datum, geslaagd");
    EXPECT(regel_case_set_member(f.c, "register", "bevolkingsregistr", &f.err), REGEL_ERR_CASE,
           "register", "bedoelde u ‘bevolkingsregister’?");
    EXPECT(regel_case_set_member(f.c, "toetsen[0].soort", "zzzzzz", &f.err), REGEL_ERR_CASE,
           "toetsen[0].soort", "mogelijk: nt2, mo, b1");
    cr_assert_eq(fact(&f, "register")->tag, RV_ONBEKEND); /* a failed setter changes nothing */
    done(&f);
}

Test(api_case, wrong_types_name_path_and_both_types)
{
    fixture f = inburgering();
    EXPECT(regel_case_set_bool(f.c, "geboortedatum", 1, &f.err), REGEL_ERR_CASE, "geboortedatum",
           "feit ‘geboortedatum’ moet een datum zijn, maar krijgt een waarheid");
    EXPECT(regel_case_set_int(f.c, "werkt", 1, &f.err), REGEL_ERR_CASE, "werkt",
           "moet een waarheid zijn, maar krijgt een getal");
    EXPECT(regel_case_set_number(f.c, "register", "1", &f.err), REGEL_ERR_CASE, "register",
           "moet een Register zijn, maar krijgt een getal");
    EXPECT(regel_case_set_text(f.c, "register", "x", &f.err), REGEL_ERR_CASE, "register",
           "moet een Register zijn, maar krijgt een tekst");
    EXPECT(regel_case_set_member(f.c, "werkt", "ja", &f.err), REGEL_ERR_CASE, "werkt",
           "maar krijgt een soortwaarde");
    EXPECT(regel_case_set_cents(f.c, "participatie_uren", 1, &f.err), REGEL_ERR_CASE,
           "participatie_uren", "moet een getal zijn, maar krijgt een bedrag");
    EXPECT(regel_case_set_duration(f.c, "peildatum", 1, 1, &f.err), REGEL_ERR_CASE, "peildatum",
           "moet een datum zijn, maar krijgt een duur");
    EXPECT(regel_case_set_period(f.c, "toetsen", 0, 0, 1, &f.err), REGEL_ERR_CASE, "toetsen",
           "moet een lijst van Toetsafname zijn, maar krijgt een periode");
    EXPECT(regel_case_set_date(f.c, "verblijf", 0, &f.err), REGEL_ERR_CASE, "verblijf",
           "moet een lijst van periode zijn");
    EXPECT(regel_case_append(f.c, "werkt", NULL, &f.err), REGEL_ERR_CASE, "werkt",
           "is een waarheid en geen lijst");
    cr_assert_eq(regel_case_append(f.c, "verblijf", NULL, &f.err), REGEL_OK);
    EXPECT(regel_case_set_date(f.c, "verblijf[0]", 0, &f.err), REGEL_ERR_CASE, "verblijf[0]",
           "feit ‘verblijf[0]’ moet een periode zijn, maar krijgt een datum");
    done(&f);
}

Test(api_case, values_checked_like_the_json_reader)
{
    fixture f = inburgering();
    EXPECT(regel_case_set_date(f.c, "geboortedatum", ymd(1, 1, 1) - 1, &f.err), REGEL_ERR_CASE,
           "geboortedatum", "ligt buiten 1 januari 1 tot en met 31 december 9999");
    EXPECT(regel_case_set_date(f.c, "geboortedatum", ymd(9999, 12, 31) + 1, &f.err), REGEL_ERR_CASE,
           "geboortedatum", "ligt buiten");
    cr_assert_eq(regel_case_set_date(f.c, "geboortedatum", ymd(9999, 12, 31), &f.err), REGEL_OK);
    cr_assert_eq(regel_case_set_date(f.c, "geboortedatum", ymd(1, 1, 1), &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "geboortedatum")->u.day, 0);
    EXPECT(regel_case_set_number(f.c, "participatie_uren", "12,5x", &f.err), REGEL_ERR_CASE,
           "participatie_uren", "‘12,5x’ is geen getal");
    EXPECT(regel_case_set_number(f.c, "participatie_uren", "", &f.err), REGEL_ERR_CASE,
           "participatie_uren", "is geen getal");
    EXPECT(regel_case_set_number(f.c, "participatie_uren", "1e400", &f.err), REGEL_ERR_CASE,
           "participatie_uren", "te groot");
    cr_assert_eq(regel_case_append(f.c, "verblijf", NULL, &f.err), REGEL_OK);
    EXPECT(regel_case_set_period(f.c, "verblijf[0]", INT32_MIN, 0, 0, &f.err), REGEL_ERR_CASE,
           "verblijf[0]", "de begindatum");
    EXPECT(regel_case_set_period(f.c, "verblijf[0]", 0, INT32_MAX, 0, &f.err), REGEL_ERR_CASE,
           "verblijf[0]", "de einddatum");
    cr_assert_eq(regel_case_set_period(f.c, "verblijf[0]", 0, INT32_MAX, 1, &f.err), REGEL_OK,
                 "open: to is ignored");
    done(&f);
}

Test(api_case, text_must_be_utf8)
{
    fixture f = extra();
    EXPECT(regel_case_set_text(f.c, "naam", "a\xff", &f.err), REGEL_ERR_CASE, "naam", "UTF-8");
    cr_assert_eq(fact(&f, "naam")->tag, RV_ONBEKEND);
    done(&f);
}

Test(api_case, geen_only_for_optional)
{
    fixture f = inburgering();
    EXPECT(regel_case_set_none(f.c, "werkt", &f.err), REGEL_ERR_CASE, "werkt",
           "feit ‘werkt’ is niet optioneel en kan dus niet geen zijn");
    cr_assert_eq(regel_case_append(f.c, "toetsen", NULL, &f.err), REGEL_OK);
    EXPECT(regel_case_set_none(f.c, "toetsen[0].datum", &f.err), REGEL_ERR_CASE, "toetsen[0].datum",
           "niet optioneel");
    EXPECT(regel_case_set_none(f.c, "toetsen[0]", &f.err), REGEL_ERR_CASE, "toetsen[0]",
           "een element van een lijst is nooit optioneel");
    EXPECT(regel_case_set_none(f.c, "toetsen", &f.err), REGEL_ERR_CASE, "toetsen",
           "niet optioneel");
    done(&f);
}

Test(api_case, paths_into_non_records_and_non_lists)
{
    fixture f = inburgering();
    EXPECT(regel_case_set_bool(f.c, "werkt.ja", 1, &f.err), REGEL_ERR_CASE, "werkt.ja",
           "‘werkt’ is een waarheid en geen gegeven");
    EXPECT(regel_case_set_bool(f.c, "werkt[0]", 1, &f.err), REGEL_ERR_CASE, "werkt[0]",
           "‘werkt’ is een waarheid en geen lijst");
    EXPECT(regel_case_set_bool(f.c, "toetsen.datum", 1, &f.err), REGEL_ERR_CASE, "toetsen.datum",
           "‘toetsen’ is een lijst van Toetsafname en geen gegeven");
    cr_assert_eq(regel_case_append(f.c, "toetsen", NULL, &f.err), REGEL_OK);
    EXPECT(regel_case_set_bool(f.c, "toetsen[0].datum.dag", 1, &f.err), REGEL_ERR_CASE, NULL,
           "‘toetsen[0].datum’ is een datum en geen gegeven");
    EXPECT(regel_case_set_bool(f.c, "toetsen[0][1]", 1, &f.err), REGEL_ERR_CASE, NULL,
           "‘toetsen[0]’ is een Toetsafname en geen lijst");
    done(&f);
}

Test(api_case, malformed_paths)
{
    fixture f = inburgering();
    cr_assert_eq(regel_case_append(f.c, "toetsen", NULL, &f.err), REGEL_OK);
    EXPECT(regel_case_set_bool(f.c, "toetsen[", 1, &f.err), REGEL_ERR_CASE, "toetsen[",
           "een index is een geheel getal");
    EXPECT(regel_case_set_bool(f.c, "toetsen[0", 1, &f.err), REGEL_ERR_CASE, "toetsen[0",
           "‘]’ ontbreekt");
    EXPECT(regel_case_set_bool(f.c, "toetsen[x]", 1, &f.err), REGEL_ERR_CASE, "toetsen[x]",
           "een index is een geheel getal");
    EXPECT(regel_case_set_bool(f.c, "toetsen[-1]", 1, &f.err), REGEL_ERR_CASE, NULL,
           "een index is een geheel getal");
    EXPECT(regel_case_set_bool(f.c, "toetsen..geslaagd", 1, &f.err), REGEL_ERR_CASE,
           "toetsen..geslaagd", "lege naam op positie 9");
    EXPECT(regel_case_set_bool(f.c, "", 1, &f.err), REGEL_ERR_CASE, "", "lege naam");
    EXPECT(regel_case_set_bool(f.c, ".werkt", 1, &f.err), REGEL_ERR_CASE, NULL, "lege naam");
    EXPECT(regel_case_set_bool(f.c, "werkt.", 1, &f.err), REGEL_ERR_CASE, NULL, "lege naam");
    EXPECT(regel_case_set_bool(f.c, "toetsen[0]x", 1, &f.err), REGEL_ERR_CASE, NULL,
           "onverwacht teken ‘x’");
    EXPECT(regel_case_set_bool(f.c, "werkt]", 1, &f.err), REGEL_ERR_CASE, NULL,
           "onverwacht teken ‘]’");
    EXPECT(regel_case_set_bool(f.c, "toetsen[99999999999999999999]", 1, &f.err), REGEL_ERR_CASE,
           NULL, "te groot");
    done(&f);
}

Test(api_case, index_out_of_range)
{
    fixture f = inburgering();
    EXPECT(regel_case_set_bool(f.c, "toetsen[0].geslaagd", 1, &f.err), REGEL_ERR_CASE,
           "toetsen[0].geslaagd", "de lijst ‘toetsen’ heeft geen elementen");
    cr_assert_eq(regel_case_append(f.c, "toetsen", NULL, &f.err), REGEL_OK);
    cr_assert_eq(regel_case_append(f.c, "toetsen", NULL, &f.err), REGEL_OK);
    EXPECT(regel_case_set_bool(f.c, "toetsen[99].geslaagd", 1, &f.err), REGEL_ERR_CASE,
           "toetsen[99].geslaagd", "index 99 ligt buiten de lijst ‘toetsen’ (2 elementen");
    EXPECT(regel_case_set_bool(f.c, "toetsen[2].geslaagd", 1, &f.err), REGEL_ERR_CASE, NULL,
           "index 0 tot en met 1");
    EXPECT(regel_case_unset(f.c, "toetsen[2]", &f.err), REGEL_ERR_CASE, NULL, "index 2");
    cr_assert_eq(fact(&f, "toetsen")->u.list.n, 2);
    done(&f);
}

Test(api_case, unfilled_scalar_element_fails_evaluation)
{
    fixture f = extra();
    cr_assert_eq(regel_case_append(f.c, "cijfers", NULL, &f.err), REGEL_OK);
    regel_eval *ev = regel_eval_new(f.p);
    EXPECT(regel_evaluate(ev, f.c, 0, &f.err), REGEL_ERR_CASE, NULL, "‘cijfers’");
    cr_assert_eq(regel_case_set_int(f.c, "cijfers[0]", 1, &f.err), REGEL_OK);
    cr_assert_eq(regel_evaluate(ev, f.c, 0, &f.err), REGEL_OK, "%s", f.err.message);
    regel_eval_free(ev);
    done(&f);
}

Test(api_case, setters_on_a_json_case)
{
    fixture f = inburgering();
    size_t len;
    char *json = slurp("stdlib-policies/gevallen/06-b1-test-verplicht.json", &len);
    regel_case *c = NULL;
    cr_assert_eq(regel_case_from_json(f.p, json, len, NULL, &c, &f.err), REGEL_OK);
    size_t i = 0;
    cr_assert_eq(regel_case_append(c, "toetsen", &i, &f.err), REGEL_OK);
    cr_assert_eq(i, 2);
    cr_assert_eq(regel_case_set_member(c, "toetsen[2].soort", "b1", &f.err), REGEL_OK);
    cr_assert_eq(regel_case_set_date(c, "toetsen[2].datum", ymd(2023, 12, 1), &f.err), REGEL_OK);
    cr_assert_eq(regel_case_set_bool(c, "toetsen[2].geslaagd", 1, &f.err), REGEL_OK);
    regel_eval *ev = regel_eval_new(f.p);
    cr_assert_eq(regel_evaluate(ev, c, 0, &f.err), REGEL_OK, "%s", f.err.message);
    int b1 = 0;
    cr_assert_eq(regel_result_bool(ev, "b1_geslaagd", &b1, &f.err), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(b1, 1);
    /* issue 11: the facts were checked against their types once; a change
     * through the API (or regel_case_unset) asks for a new check, and the
     * next evaluation sees the change */
    cr_assert(atomic_load(&c->fits));
    cr_assert_eq(regel_case_set_bool(c, "toetsen[2].geslaagd", 0, &f.err), REGEL_OK);
    cr_assert(!atomic_load(&c->fits));
    cr_assert_eq(regel_evaluate(ev, c, 0, &f.err), REGEL_OK, "%s", f.err.message);
    cr_assert(atomic_load(&c->fits));
    cr_assert_eq(regel_result_bool(ev, "b1_geslaagd", &b1, &f.err), REGEL_OK, "%s", f.err.message);
    cr_assert_eq(b1, 0);
    cr_assert_eq(regel_case_unset(c, "werkt", &f.err), REGEL_OK, "%s", f.err.message);
    cr_assert(!atomic_load(&c->fits));
    regel_eval_free(ev);
    regel_case_free(c);
    free(json);
    done(&f);
}

#define OK_DATE(y, m, d, out)                                                                      \
    cr_assert_eq(regel_date_from_ymd((y), (m), (d), &(out), &f.err), REGEL_OK, "%s", f.err.message)

Test(api_case, dates_agree_with_regel_date_from_ymd)
{
    fixture f = inburgering();
    int32_t d = -1;
    OK_DATE(1970, 1, 1, d);
    cr_assert_eq(d, 0);
    OK_DATE(1969, 12, 31, d);
    cr_assert_eq(d, -1);
    OK_DATE(2022, 3, 1, d);
    cr_assert_eq(regel_case_set_date(f.c, "geboortedatum", d, &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "geboortedatum")->u.day, cal_from_ymd(2022, 3, 1));
    OK_DATE(1, 1, 1, d);
    cr_assert_eq(regel_case_set_date(f.c, "geboortedatum", d, &f.err), REGEL_OK);
    cr_assert_eq(regel_case_set_date(f.c, "geboortedatum", d - 1, &f.err), REGEL_ERR_CASE);
    OK_DATE(9999, 12, 31, d);
    cr_assert_eq(regel_case_set_date(f.c, "geboortedatum", d, &f.err), REGEL_OK);
    cr_assert_eq(regel_case_set_date(f.c, "geboortedatum", d + 1, &f.err), REGEL_ERR_CASE);
    int y, m, day;
    cr_assert_eq(regel_date_to_ymd(ymd(2024, 2, 29), &y, &m, &day), REGEL_OK);
    cr_assert_eq(y, 2024);
    cr_assert_eq(m, 2);
    cr_assert_eq(day, 29);
    done(&f);
}

Test(api_case, empty_lists)
{
    fixture f = inburgering();
    cr_assert_eq(regel_case_set_empty_list(f.c, "toetsen", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "toetsen")->tag, RV_LIJST);
    cr_assert_eq(fact(&f, "toetsen")->u.list.n, 0);
    /* replaces a list with elements; append works on it */
    size_t i = 9;
    cr_assert_eq(regel_case_append(f.c, "verblijf", NULL, &f.err), REGEL_OK);
    cr_assert_eq(regel_case_set_empty_list(f.c, "verblijf", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "verblijf")->u.list.n, 0);
    cr_assert_eq(regel_case_append(f.c, "verblijf", &i, &f.err), REGEL_OK);
    cr_assert_eq(i, 0);
    /* append + unset of the element gives the same empty list */
    cr_assert_eq(regel_case_append(f.c, "activiteiten", NULL, &f.err), REGEL_OK);
    cr_assert_eq(regel_case_unset(f.c, "activiteiten[0]", &f.err), REGEL_OK);
    cr_assert_eq(fact(&f, "activiteiten")->tag, RV_LIJST);
    cr_assert_eq(fact(&f, "activiteiten")->u.list.n, 0);
    /* misuse */
    EXPECT(regel_case_set_empty_list(NULL, "toetsen", &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    EXPECT(regel_case_set_empty_list(f.c, NULL, &f.err), REGEL_ERR_USAGE, NULL, "NULL");
    EXPECT(regel_case_set_empty_list(f.c, "register", &f.err), REGEL_ERR_CASE, "register",
           "feit ‘register’ moet een Register zijn, maar krijgt een lege lijst");
    EXPECT(regel_case_set_empty_list(f.c, "toetsen[0]", &f.err), REGEL_ERR_CASE, "toetsen[0]",
           "heeft geen elementen");
    EXPECT(regel_case_set_empty_list(f.c, "toetsn", &f.err), REGEL_ERR_CASE, "toetsn",
           "bedoelde u ‘toetsen’?");
    EXPECT(regel_case_set_empty_list(f.c, "peildatum", &f.err), REGEL_ERR_CASE, "peildatum",
           "moet een datum zijn");
    done(&f);
}

/* Issue 9: a path, name or value from the caller shows at most 60 characters
 * in a message, then "…" (cut at a character). */
Test(api_case, long_paths_and_values_are_cut_in_messages)
{
    fixture f = inburgering();
    size_t n = 100000;
    char *long_name = malloc(n + 16);
    cr_assert_not_null(long_name);
    memset(long_name, 'q', n);
    long_name[n] = '\0';
    char want[128];
    snprintf(want, sizeof want, "onbekend feit ‘%.60s…’", long_name);
    EXPECT(regel_case_set_bool(f.c, long_name, 1, &f.err), REGEL_ERR_CASE, NULL, want);
    cr_assert_lt(strlen(f.err.message), 300);
    EXPECT(regel_case_set_number(f.c, "participatie_uren", long_name, &f.err), REGEL_ERR_CASE,
           "participatie_uren", want + strlen("onbekend feit "));
    cr_assert_lt(strlen(f.err.message), 300);
    memcpy(long_name, "werkt", 5); /* a bad character after a long name */
    strcpy(long_name + n, "]");
    EXPECT(regel_case_set_bool(f.c, long_name, 1, &f.err), REGEL_ERR_CASE, NULL,
           "onverwacht teken ‘]’");
    cr_assert_lt(strlen(f.err.message), 400);
    EXPECT(regel_case_set_member(f.c, "register", long_name, &f.err), REGEL_ERR_CASE, "register",
           "…’ is geen Register");
    cr_assert_lt(strlen(f.err.message), 400);
    free(long_name);
    /* a character of several bytes is shown whole, not as one byte of it */
    EXPECT(regel_case_set_bool(f.c, "toetsen[0]é", 1, &f.err), REGEL_ERR_CASE, NULL,
           "onverwacht teken ‘é’");
    done(&f);
}
