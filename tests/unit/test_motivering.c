/* test_motivering.c — issue 7's "done when": for every sample case of the
 * inburgering contract (and the four example cases of the basis policy) the
 * text and the HTML motivering of EVERY uitkomst name the legal ground (the
 * deciding rule, its citation) and the facts it used; an undecided uitkomst
 * says what is missing. The expected names come from the JSON motivering of
 * the same evaluation, so the three formats are checked against each other. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regel.h"
#include "repo_files.h"

typedef struct rendered {
    char *text, *json, *html;
} rendered;

static void render_case(const char *policy_rel, const char *case_rel, rendered *out)
{
    regel_policy *p = load(policy_rel);
    regel_case *c = read_case(p, case_rel);
    regel_error err;
    memset(&err, 0, sizeof err);
    regel_eval *ev = regel_eval_new(p);
    cr_assert_not_null(ev);
    cr_assert_eq(regel_evaluate(ev, c, REGEL_EXPLAIN, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(regel_render(ev, REGEL_FORMAAT_TEKST, NULL, 0, &out->text, NULL, &err), REGEL_OK);
    cr_assert_eq(regel_render(ev, REGEL_FORMAAT_JSON, NULL, 0, &out->json, NULL, &err), REGEL_OK);
    cr_assert_eq(regel_render(ev, REGEL_FORMAAT_HTML, NULL, 0, &out->html, NULL, &err), REGEL_OK);
    regel_eval_free(ev);
    regel_case_free(c);
    regel_policy_free(p);
}

/* A malloc'ed copy of s[from, to). */
static char *slice(const char *from, const char *to)
{
    size_t n = (size_t)(to - from);
    char *s = malloc(n + 1);
    cr_assert_not_null(s);
    memcpy(s, from, n);
    s[n] = '\0';
    return s;
}

/* The text section of outcome name: from "\n<name>: " to the next empty line. */
static char *text_section(const char *text, const char *name)
{
    char head[256];
    snprintf(head, sizeof head, "\n%s: ", name);
    const char *at = strstr(text, head);
    cr_assert_not_null(at, "geen tekstsectie voor %s", name);
    const char *end = strstr(at + 1, "\n\n");
    return slice(at, end ? end : at + strlen(at));
}

/* The HTML section of outcome name. */
static char *html_section(const char *html, const char *name)
{
    char head[256];
    snprintf(head, sizeof head, "<section class=\"uitkomst\" id=\"u-%s\"", name);
    const char *at = strstr(html, head);
    cr_assert_not_null(at, "geen HTML-sectie voor %s", name);
    const char *end = strstr(at + 1, "<section class=\"uitkomst\"");
    return slice(at, end ? end : at + strlen(at));
}

/* s with & < > " ' escaped as the HTML renderer does. */
static char *html_escape(const char *s)
{
    size_t cap = strlen(s) * 6 + 1, n = 0;
    char *o = malloc(cap);
    cr_assert_not_null(o);
    for (; *s; s++) {
        const char *e = NULL;
        switch (*s) {
        case '&':
            e = "&amp;";
            break;
        case '<':
            e = "&lt;";
            break;
        case '>':
            e = "&gt;";
            break;
        case '"':
            e = "&quot;";
            break;
        case '\'':
            e = "&#39;";
            break;
        default:
            break;
        }
        if (e) {
            memcpy(o + n, e, strlen(e));
            n += strlen(e);
        } else {
            o[n++] = *s;
        }
    }
    o[n] = '\0';
    return o;
}

static void expect_in(const char *hay, const char *needle, const char *what, const char *name)
{
    cr_expect_not_null(strstr(hay, needle), "%s van ‘%s’ mist ‘%s’", what, name, needle);
}

/* Check every uitkomst of one case; returns how many were checked. */
static size_t check_case(const char *policy_rel, const char *case_rel)
{
    rendered r = {0};
    render_case(policy_rel, case_rel, &r);
    json_error_t jerr;
    json_t *doc = json_loads(r.json, 0, &jerr);
    cr_assert_not_null(doc, "%s", jerr.text);
    json_t *uitkomsten = json_object_get(doc, "uitkomsten");
    json_t *uitleg = json_object_get(doc, "uitleg");
    json_t *onbeslist = json_object_get(doc, "onbeslist");
    cr_assert(json_is_object(uitkomsten) && json_is_object(uitleg) && json_is_object(onbeslist));
    size_t checked = 0;
    const char *name;
    json_t *value;
    json_object_foreach(uitkomsten, name, value)
    {
        char *ts = text_section(r.text, name);
        char *hs = html_section(r.html, name);
        json_t *node = json_object_get(uitleg, name);
        if (node) {
            const char *rule = json_string_value(json_object_get(node, "regel"));
            const char *kind = json_string_value(json_object_get(node, "soort"));
            const char *citaat = json_string_value(json_object_get(node, "citaat"));
            const char *zin = json_string_value(json_object_get(node, "zin"));
            cr_assert_not_null(rule);
            cr_assert_not_null(kind);
            cr_assert_not_null(zin);
            char line[2048];
            expect_in(ts, "  Juridische grond\n", "tekst", name);
            snprintf(line, sizeof line, "%s \"%s\"",
                     strcmp(kind, "uitzondering") == 0 ? "Uitzondering" : "Regel", rule);
            expect_in(ts, line, "tekst", name);
            snprintf(line, sizeof line, "  %s\n", zin);
            expect_in(ts, line, "tekst", name);
            expect_in(hs, "<h3>Juridische grond</h3>", "HTML", name);
            char *e = html_escape(rule);
            expect_in(hs, e, "HTML", name);
            free(e);
            e = html_escape(zin);
            expect_in(hs, e, "HTML", name);
            free(e);
            if (citaat) {
                snprintf(line, sizeof line, "    Citaat: \"%s\"\n", citaat);
                expect_in(ts, line, "tekst", name);
                e = html_escape(citaat);
                expect_in(hs, "<blockquote", "HTML", name);
                expect_in(hs, e, "HTML", name);
                free(e);
            }
            json_t *feiten = json_object_get(node, "feiten");
            const char *feit;
            json_t *fv;
            if (json_object_size(feiten) > 0) {
                expect_in(ts, "  Feitelijke gronden\n", "tekst", name);
                expect_in(hs, "<h3>Feitelijke gronden</h3>", "HTML", name);
            }
            json_object_foreach(feiten, feit, fv)
            {
                (void)fv;
                snprintf(line, sizeof line, "\n    %s = ", feit);
                expect_in(ts, line, "tekst", name);
                snprintf(line, sizeof line, "<dt>%s</dt><dd>", feit);
                expect_in(hs, line, "HTML", name);
            }
        } else {
            json_t *open = json_object_get(onbeslist, name);
            cr_assert_not_null(open, "‘%s’ staat niet in uitleg en niet in onbeslist", name);
            cr_assert(json_is_null(value));
            expect_in(ts, " kan nog niet beslist worden", "tekst", name);
            expect_in(hs, "nog niet beslist", "HTML", name);
        }
        free(ts);
        free(hs);
        checked++;
    }
    cr_assert_gt(checked, 0);
    json_decref(doc);
    regel_free(r.text);
    regel_free(r.json);
    regel_free(r.html);
    return checked;
}

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

Test(motivering, every_outcome_of_every_contract_sample_case)
{
    size_t total = 0;
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        char rel[256];
        snprintf(rel, sizeof rel, "stdlib-policies/gevallen/%s", samples[i]);
        total += check_case("stdlib-policies/inburgering.regel", rel);
    }
    /* 34 uitkomsten in each of the 11 cases */
    cr_assert_eq(total, 11u * 34u, "%zu", total);
}

Test(motivering, every_outcome_of_the_example_cases)
{
    static const char *const cases[] = {
        "examples/gevallen/01-verplichte-nieuwkomer.json",
        "examples/gevallen/02-vrijgesteld.json",
        "examples/gevallen/03-vrijwillig-werkend.json",
        "examples/gevallen/04-ontbrekend-feit.json",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        cr_assert_gt(check_case("examples/inburgering-basis.regel", cases[i]), 5);
}
