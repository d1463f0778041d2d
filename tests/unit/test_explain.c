/* test_explain.c — unit tests of the motivering (spec7 §4): values in
 * sentence form, `uitleg` templates, generated sentences, the builder's
 * conditions and atoms (en/of/niet with short-circuit), exceptions, rules out
 * of force, undecided outcomes, `only`, the expansion rule, the JSON, and
 * host-function calls (issue 8). */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "eval.h"
#include "explain.h"
#include "policy.h"
#include "regel.h"
#include "render.h"

/* ---- values in sentence form (spec7 §4.2) ---- */

enum {
    S_WAARHEID,
    S_GETAL,
    S_TEKST,
    S_AANBOD,
    S_DATUM,
    S_DUUR,
    S_BEDRAG,
    S_PERIODE,
    S_TOETS,
    S_LIJST,
    S_N
};

typedef struct sfix {
    const char *members[2];
    rt_field fields[2];
    rt_type types[S_N];
    regel_policy policy;
} sfix;

static void sfix_init(sfix *f)
{
    memset(f, 0, sizeof *f);
    f->members[0] = "avond_of_weekend";
    f->members[1] = "regulier";
    f->fields[0] = (rt_field){"onderdeel", S_AANBOD, 0};
    f->fields[1] = (rt_field){"geslaagd", S_WAARHEID, 0};
    f->types[S_WAARHEID] = (rt_type){RBC_TYPE_WAARHEID, NULL, 0, NULL, NULL, 0};
    f->types[S_GETAL] = (rt_type){RBC_TYPE_GETAL, NULL, 0, NULL, NULL, 0};
    f->types[S_TEKST] = (rt_type){RBC_TYPE_TEKST, NULL, 0, NULL, NULL, 0};
    f->types[S_AANBOD] = (rt_type){RBC_TYPE_ENUM, "Aanbod", 2, f->members, NULL, 0};
    f->types[S_DATUM] = (rt_type){RBC_TYPE_DATUM, NULL, 0, NULL, NULL, 0};
    f->types[S_DUUR] = (rt_type){RBC_TYPE_DUUR, NULL, 0, NULL, NULL, 0};
    f->types[S_BEDRAG] = (rt_type){RBC_TYPE_BEDRAG, NULL, 0, NULL, NULL, 0};
    f->types[S_PERIODE] = (rt_type){RBC_TYPE_PERIODE, NULL, 0, NULL, NULL, 0};
    f->types[S_TOETS] = (rt_type){RBC_TYPE_RECORD, "Toets", 2, NULL, f->fields, 0};
    f->types[S_LIJST] = (rt_type){RBC_TYPE_LIJST, NULL, 0, NULL, NULL, S_DATUM};
    f->policy.types = f->types;
    f->policy.n_types = S_N;
}

static void assert_sentence(const sfix *f, uint32_t type, const rt_value *v, const char *want)
{
    strbuf sb = STRBUF_INIT;
    ex_value_sentence(&sb, &f->policy, type, v);
    cr_assert_not_null(sb.data);
    cr_assert_str_eq(sb.data, want);
    sb_free(&sb);
}

static rt_value sv(uint8_t tag)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = tag;
    return v;
}

static rt_value sdatum(int y, int m, int d)
{
    rt_value v = sv(RV_DATUM);
    v.u.day = cal_from_ymd(y, m, d);
    return v;
}

Test(sentence, every_type)
{
    sfix f;
    sfix_init(&f);
    rt_value v = sv(RV_WAARHEID);
    v.u.b = true;
    assert_sentence(&f, S_WAARHEID, &v, "ja");
    v.u.b = false;
    assert_sentence(&f, S_WAARHEID, &v, "nee");
    v = sv(RV_GETAL);
    v.u.q = (num_q){25, 2};
    assert_sentence(&f, S_GETAL, &v, "12,5");
    v.u.q = (num_q){-3, 1};
    assert_sentence(&f, S_GETAL, &v, "-3");
    v.u.q = (num_q){1, 3}; /* no finite decimal form: exact, never garbage */
    assert_sentence(&f, S_GETAL, &v, "1/3");
    v = sv(RV_TEKST);
    v.u.str.s = "Zoë \"Z\"\nna";
    v.u.str.len = (uint32_t)strlen(v.u.str.s);
    assert_sentence(&f, S_TEKST, &v, "Zoë \"Z\" na"); /* no quotes, one line */
    v = sv(RV_MEMBER);
    v.u.member = 0;
    assert_sentence(&f, S_AANBOD, &v, "avond of weekend");
    v.u.member = 1;
    assert_sentence(&f, S_AANBOD, &v, "regulier");
    v = sdatum(2022, 3, 1);
    assert_sentence(&f, S_DATUM, &v, "1 maart 2022");
    v = sv(RV_DUUR);
    v.u.duur.months = 38;
    assert_sentence(&f, S_DUUR, &v, "3 jaar en 2 maanden");
    v.u.duur.months = 0;
    v.u.duur.days = 1;
    assert_sentence(&f, S_DUUR, &v, "1 dag");
    v = sv(RV_BEDRAG);
    v.u.cents = 9000;
    assert_sentence(&f, S_BEDRAG, &v, "€ 90,00");
    v.u.cents = 125050;
    assert_sentence(&f, S_BEDRAG, &v, "€ 1.250,50");
    v = sv(RV_PERIODE);
    v.u.periode.van = cal_from_ymd(2022, 3, 1);
    v.u.periode.tot = cal_from_ymd(2023, 5, 5);
    assert_sentence(&f, S_PERIODE, &v, "van 1 maart 2022 tot en met 5 mei 2023");
    v.u.periode.open = true;
    assert_sentence(&f, S_PERIODE, &v, "vanaf 1 maart 2022");
    rt_value fields[2] = {sv(RV_MEMBER), sv(RV_WAARHEID)};
    fields[0].u.member = 0;
    fields[1].u.b = true;
    v = sv(RV_RECORD);
    v.u.fields = fields;
    assert_sentence(&f, S_TOETS, &v, "onderdeel avond of weekend, geslaagd ja");
    rt_value items[3] = {sdatum(2022, 3, 1), sdatum(2022, 4, 1), sdatum(2022, 5, 1)};
    v = sv(RV_LIJST);
    v.u.list.items = items;
    v.u.list.n = 3;
    assert_sentence(&f, S_LIJST, &v, "1 maart 2022, 1 april 2022 en 1 mei 2022");
    v.u.list.n = 0;
    assert_sentence(&f, S_LIJST, &v, "geen");
    v = sv(RV_GEEN);
    assert_sentence(&f, S_DATUM, &v, "geen");
    v = sv(RV_ONBEKEND);
    assert_sentence(&f, S_BEDRAG, &v, "onbekend");
    assert_sentence(&f, S_TOETS, &v, "onbekend");
}

/* ---- through the compiler, loader and VM ---- */

static const char proef_src[] =
    "beleid \"Proef\".\n"
    "soort Aanbod is een van avond_of_weekend, regulier.\n"
    "invoer a: waarheid, b: waarheid, c: waarheid, naam: tekst, start: datum (optioneel).\n"
    "parameter tarief: bedrag\n"
    "    is 10 euro geldig tot 1 maart 2022,\n"
    "    is 90 euro geldig vanaf 1 maart 2022.\n"
    "uitkomst en_uit: waarheid, of_uit: waarheid, niet_uit: waarheid, aanbod: Aanbod,\n"
    "    plicht: waarheid, prijs: bedrag, oud: waarheid, x: waarheid, y: waarheid.\n"
    "begrip basis: waarheid, midden: waarheid.\n"
    "regel \"En\" en_uit is waar indien a en b en c, anders onwaar.\n"
    "regel \"Of\" of_uit is waar indien a of b of c, anders onwaar.\n"
    "regel \"Niet\" niet_uit is waar indien niet (a en b), anders onwaar.\n"
    "regel \"Aanbod op maat\" aanbod is avond_of_weekend indien a of b, anders regulier.\n"
    "regel \"Plicht\" bron \"Art. 1\" citaat \"Wie c is, moet.\" plicht is waar indien c.\n"
    "uitzondering \"Vrij\" op \"Plicht\" bron \"Art. 2\" plicht is onwaar indien a.\n"
    "regel \"Prijs\" uitleg \"U betaalt {prijs} ({tarief} per stuk) sinds {start}; naam "
    "{naam}, a {a}, aanbod {aanbod}.\"\n"
    "    prijs is tarief.\n"
    "regel \"Oud\" geldig tot 1 januari 2000 oud is waar.\n"
    "regel \"Nieuw\" geldig vanaf 1 januari 2000 oud is onwaar.\n"
    "regel \"Basis\" basis is a of b.\n"
    "regel \"Midden\" midden is basis en c.\n"
    "regel \"X\" x is waar indien basis en midden\n"
    "    uitleg \"Basis is {basis} en midden is {midden}.\",\n"
    "    anders onwaar.\n"
    "regel \"Y\" y is basis of midden.\n";

typedef struct run {
    regel_policy *p;
    regel_case *c;
    regel_eval *ev;
    arena *a;
    ex_doc d;
} run;

static void run_open(run *r, const char *src, const char *json, unsigned flags)
{
    memset(r, 0, sizeof *r);
    regel_error err;
    char *diag = NULL;
    int rc = regel_policy_compile(src, strlen(src), "proef.regel", &r->p, &diag, &err);
    cr_assert_eq(rc, REGEL_OK, "compileren mislukt: %s\n%s", err.message, diag ? diag : "");
    regel_free(diag);
    rc = regel_case_from_json(r->p, json, strlen(json), "geval.json", &r->c, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    r->ev = regel_eval_new(r->p);
    cr_assert_not_null(r->ev);
    rc = regel_evaluate(r->ev, r->c, flags, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    r->a = arena_new(4096);
    cr_assert_not_null(r->a);
}

static void run_build(run *r, const char *const *only, size_t n_only)
{
    regel_error err;
    int rc = ex_build(r->ev, only, n_only, r->a, &r->d, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
}

static void run_close(run *r)
{
    arena_free(r->a);
    regel_eval_free(r->ev);
    regel_case_free(r->c);
    regel_policy_free(r->p);
}

static const ex_node *node(const run *r, const char *name)
{
    for (uint32_t o = 0; o < r->d.n_nodes; o++)
        if (strcmp(r->d.nodes[o].name, name) == 0)
            return &r->d.nodes[o];
    cr_assert_fail("geen knoop ‘%s’", name);
    return NULL;
}

/* The text of every atom of r's checks with value `value`, joined by "|". */
static char *atoms_of(const ex_rule *r, uint8_t value)
{
    static char buf[512];
    buf[0] = '\0';
    for (uint32_t c = 0; r && c < r->n_checks; c++) {
        if (r->checks[c].value != value)
            continue;
        for (uint32_t a = 0; a < r->checks[c].n_atoms; a++) {
            if (buf[0])
                strcat(buf, "|");
            strcat(buf, r->checks[c].atoms[a].atom->text);
        }
    }
    return buf;
}

static char *render_run(const run *r, int formaat, const char *const *only, size_t n_only)
{
    regel_error err;
    char *out = NULL;
    size_t len = 0;
    int rc = regel_render(r->ev, formaat, only, n_only, &out, &len, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    cr_assert_eq(len, strlen(out));
    return out;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *at = strstr(hay, needle); at; at = strstr(at + 1, needle))
        n++;
    return n;
}

#define CASE1                                                                                      \
    "{\"peildatum\": \"2024-01-01\", \"a\": true, \"b\": false, \"c\": true, "                     \
    "\"start\": null, \"naam\": \"Zoë\"}"

Test(builder, and_short_circuit)
{
    run r;
    run_open(&r, proef_src, CASE1, REGEL_EXPLAIN);
    run_build(&r, NULL, 0);
    cr_assert(r.d.explained && r.d.traced);
    /* a en b en c, a waar, b onwaar: c is never evaluated; only b failed */
    const ex_node *n = node(&r, "en_uit");
    cr_assert_eq(n->status, EX_DECIDED);
    cr_assert_not_null(n->decider);
    cr_assert_eq(n->decider->branch, 1u, "the anders branch");
    cr_assert_null(n->decider->met);
    cr_assert_eq(n->decider->n_checks, 1u);
    cr_assert_eq(n->decider->checks[0].value, EV_COND_ONWAAR);
    cr_assert_str_eq(n->decider->checks[0].text, "a en b en c");
    cr_assert_str_eq(atoms_of(n->decider, EV_COND_ONWAAR), "b");
    const ex_atom *at = &n->decider->checks[0].atoms[0];
    cr_assert_eq(at->value, EV_COND_ONWAAR);
    cr_assert_eq(at->n_values, 1u);
    cr_assert_str_eq(at->values[0].name, "b");
    cr_assert_eq(at->values[0].value->tag, RV_WAARHEID);
    cr_assert_eq(at->atom->line, 10u);
    cr_assert_eq(at->atom->col, 39u);
    run_close(&r);
}

Test(builder, or_and_not)
{
    run r;
    run_open(&r, proef_src, CASE1, REGEL_EXPLAIN);
    run_build(&r, NULL, 0);
    /* a of b of c with a waar: only a is the reason (b, c short-circuited) */
    const ex_node *n = node(&r, "of_uit");
    cr_assert_not_null(n->decider->met);
    cr_assert_eq(n->decider->met->value, EV_COND_WAAR);
    cr_assert_str_eq(atoms_of(n->decider, EV_COND_WAAR), "a");
    /* niet (a en b), a waar and b onwaar: waar because b made (a en b) onwaar;
     * shown as the statement that held, "niet b", with its value waar */
    n = node(&r, "niet_uit");
    cr_assert_not_null(n->decider->met);
    cr_assert_str_eq(atoms_of(n->decider, EV_COND_WAAR), "niet b");
    cr_assert_eq(n->decider->met->atoms[0].value, EV_COND_WAAR);
    cr_assert_str_eq(n->decider->met->atoms[0].values[0].name, "b");
    cr_assert_eq(n->decider->met->atoms[0].values[0].value->u.b, false);
    run_close(&r);
    /* all onwaar: every atom of the of failed; niet (waar en waar): both */
    run_open(&r, proef_src, "{\"a\": false, \"b\": false, \"c\": false}", REGEL_EXPLAIN);
    run_build(&r, NULL, 0);
    n = node(&r, "of_uit");
    cr_assert_eq(n->decider->branch, 1u);
    cr_assert_str_eq(atoms_of(n->decider, EV_COND_ONWAAR), "a|b|c");
    n = node(&r, "en_uit");
    cr_assert_str_eq(atoms_of(n->decider, EV_COND_ONWAAR), "a", "short-circuit after a");
    run_close(&r);
    run_open(&r, proef_src, "{\"a\": true, \"b\": true, \"c\": false}", REGEL_EXPLAIN);
    run_build(&r, NULL, 0);
    n = node(&r, "niet_uit");
    cr_assert_eq(n->decider->branch, 1u);
    cr_assert_str_eq(atoms_of(n->decider, EV_COND_ONWAAR), "niet a|niet b");
    char *text = render_run(&r, REGEL_FORMAAT_TEKST, (const char *const[]){"niet_uit"}, 1);
    cr_assert_not_null(strstr(text, "    Niet voldaan: niet a (a = waar)\n"
                                    "    Niet voldaan: niet b (b = waar)\n"),
                       "%s", text);
    regel_free(text);
    run_close(&r);
}

Test(builder, exception_applied_sets_aside)
{
    run r;
    run_open(&r, proef_src, CASE1, REGEL_EXPLAIN);
    run_build(&r, NULL, 0);
    const ex_node *n = node(&r, "plicht");
    cr_assert_eq(n->status, EX_DECIDED);
    cr_assert_str_eq(n->decider->rule->name, "Vrij");
    cr_assert_not_null(n->decider->parent);
    cr_assert_str_eq(n->decider->parent->name, "Plicht");
    cr_assert_str_eq(atoms_of(n->decider, EV_COND_WAAR), "a");
    cr_assert_not_null(n->set_aside, "the rule ran and gave waar");
    cr_assert_str_eq(n->set_aside->rule->name, "Plicht");
    cr_assert_eq(n->set_aside->value->tag, RV_WAARHEID);
    cr_assert(n->set_aside->value->u.b);
    cr_assert_eq(n->n_not_applied, 0u);
    cr_assert_str_eq(n->sentence, "Volgens de uitzondering \"Vrij\" op de regel \"Plicht\" is "
                                  "plicht nee, omdat a.");
    cr_assert(n->sentence_generated);
    char *out = render_run(&r, REGEL_FORMAAT_TEKST, NULL, 0);
    cr_assert_not_null(strstr(out, "plicht: onwaar\n"
                                   "  Volgens de uitzondering \"Vrij\" op de regel \"Plicht\" is "
                                   "plicht nee, omdat a.\n"
                                   "  Juridische grond\n"
                                   "    Uitzondering \"Vrij\" op de regel \"Plicht\"\n"
                                   "    Bron: Art. 2\n"
                                   "    Voldaan: a (a = waar)\n"
                                   "    Deze uitzondering zet de regel \"Plicht\" opzij (die gaf: "
                                   "waar).\n"),
                       "%s", out);
    regel_free(out);
    run_close(&r);
}

Test(builder, exception_not_applied)
{
    run r;
    run_open(&r, proef_src, "{\"a\": false, \"b\": true, \"c\": true}", REGEL_EXPLAIN);
    run_build(&r, NULL, 0);
    const ex_node *n = node(&r, "plicht");
    cr_assert_str_eq(n->decider->rule->name, "Plicht");
    cr_assert_null(n->set_aside);
    cr_assert_eq(n->n_not_applied, 1u);
    cr_assert_str_eq(n->not_applied[0].rule->name, "Vrij");
    cr_assert_eq(n->not_applied[0].reason, EX_REASON_CONDITION);
    cr_assert_str_eq(atoms_of(&n->not_applied[0], EV_COND_ONWAAR), "a");
    char *out = render_run(&r, REGEL_FORMAAT_TEKST, NULL, 0);
    cr_assert_not_null(strstr(out, "    Regel \"Plicht\"\n"
                                   "    Bron: Art. 1\n"
                                   "    Citaat: \"Wie c is, moet.\"\n"
                                   "    Voldaan: c (c = waar)\n"
                                   "  Niet toegepast\n"
                                   "    Uitzondering \"Vrij\": niet voldaan: a (a = onwaar)\n"),
                       "%s", out);
    regel_free(out);
    run_close(&r);
    /* neither applies: no rule, and why not */
    run_open(&r, proef_src, "{\"a\": false, \"c\": false}", REGEL_EXPLAIN);
    run_build(&r, NULL, 0);
    n = node(&r, "plicht");
    cr_assert_eq(n->status, EX_NO_RULE);
    cr_assert_null(n->decider);
    cr_assert_eq(n->n_not_applied, 2u);
    cr_assert_str_eq(n->sentence, "Geen enkele regel is van toepassing op plicht.");
    out = render_run(&r, REGEL_FORMAAT_TEKST, NULL, 0);
    cr_assert_not_null(strstr(out, "plicht: onbekend\n"
                                   "  Geen enkele regel is van toepassing op plicht.\n"
                                   "  Niet toegepast\n"
                                   "    Regel \"Plicht\": niet voldaan: c (c = onwaar)\n"
                                   "    Uitzondering \"Vrij\": niet voldaan: a (a = onwaar)\n"),
                       "%s", out);
    regel_free(out);
    run_close(&r);
}

Test(builder, out_of_force_and_peildatum_onbekend)
{
    run r;
    run_open(&r, proef_src, CASE1, REGEL_EXPLAIN);
    run_build(&r, NULL, 0);
    cr_assert_not_null(r.d.peildatum);
    const ex_node *n = node(&r, "oud");
    cr_assert_str_eq(n->decider->rule->name, "Nieuw");
    cr_assert_eq(n->n_not_applied, 1u);
    cr_assert_eq(n->not_applied[0].run, EV_RULE_OUT_OF_FORCE);
    cr_assert_eq(n->not_applied[0].reason, EX_REASON_OUT_OF_FORCE);
    char *out = render_run(&r, REGEL_FORMAAT_TEKST, NULL, 0);
    cr_assert_eq(strncmp(out, "Beleid: Proef\nPeildatum: 1 januari 2024\n\n", 41), 0, "%s", out);
    cr_assert_not_null(strstr(out, "    Regel \"Nieuw\" (geldig vanaf 1 januari 2000)\n"
                                   "  Niet toegepast\n"
                                   "    Regel \"Oud\" gold niet op de peildatum (geldig tot 1 "
                                   "januari 2000)\n"),
                       "%s", out);
    regel_free(out);
    run_close(&r);
    /* without a peildatum: both wait for it */
    run_open(&r, proef_src, "{\"a\": true}", REGEL_EXPLAIN);
    run_build(&r, NULL, 0);
    cr_assert_null(r.d.peildatum);
    n = node(&r, "oud");
    cr_assert_eq(n->status, EX_UNKNOWN);
    cr_assert_eq(n->n_waiting, 2u);
    cr_assert_eq(n->waiting[0].reason, EX_REASON_DATE_UNKNOWN);
    out = render_run(&r, REGEL_FORMAAT_TEKST, NULL, 0);
    cr_assert_null(strstr(out, "Peildatum:"), "%s", out);
    cr_assert_not_null(strstr(out, "oud: onbekend\n"
                                   "  Over oud kan nog niet beslist worden: nog niet alle feiten "
                                   "zijn bekend.\n"
                                   "  Ontbrekende feiten: peildatum.\n"
                                   "  Regel \"Oud\" kan nog niet beslissen: de peildatum is "
                                   "onbekend (geldig tot 1 januari 2000)\n"),
                       "%s", out);
    regel_free(out);
    run_close(&r);
}

Test(builder, undecided_waits)
{
    run r;
    /* a onbekend, b and c onwaar: a of b of c is onbekend because of a */
    run_open(&r, proef_src, "{\"b\": false, \"c\": false}", REGEL_EXPLAIN);
    run_build(&r, NULL, 0);
    const ex_node *n = node(&r, "of_uit");
    cr_assert_eq(n->status, EX_UNKNOWN);
    cr_assert_null(n->decider);
    cr_assert_eq(n->n_waiting, 1u);
    cr_assert_str_eq(n->waiting[0].rule->name, "Of");
    cr_assert_eq(n->waiting[0].reason, EX_REASON_CONDITION);
    cr_assert_str_eq(atoms_of(&n->waiting[0], EV_COND_ONBEKEND), "a");
    cr_assert_not_null(n->missing);
    cr_assert_str_eq(n->sentence,
                     "Over of_uit kan nog niet beslist worden: nog niet alle feiten zijn bekend.");
    /* en: a onbekend, b onwaar: onwaar (Kleene), decided */
    cr_assert_eq(node(&r, "en_uit")->status, EX_DECIDED);
    char *out = render_run(&r, REGEL_FORMAAT_TEKST, NULL, 0);
    cr_assert_not_null(strstr(out, "of_uit: onbekend\n"
                                   "  Over of_uit kan nog niet beslist worden: nog niet alle "
                                   "feiten zijn bekend.\n"
                                   "  Ontbrekende feiten: a.\n"
                                   "  Regel \"Of\" kan nog niet beslissen: onbekend of a (a = "
                                   "onbekend)\n"
                                   "  Feitelijke gronden\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "\nOntbrekende feiten: a, peildatum.\n"), "%s", out);
    /* a rule whose branch applied with an onbekend value names what it read */
    const ex_node *y = node(&r, "y");
    cr_assert_eq(y->n_waiting, 1u);
    cr_assert_eq(y->waiting[0].reason, EX_REASON_VALUE_UNKNOWN);
    cr_assert_not_null(strstr(out,
                              "y: onbekend\n"
                              "  Over y kan nog niet beslist worden: nog niet alle feiten zijn "
                              "bekend.\n"
                              "  Ontbrekende feiten: a.\n"
                              "  Regel \"Y\" kan nog niet beslissen: de uitkomst hangt af van "
                              "onbekende gegevens (basis = onbekend)\n"
                              "  Steunt op\n"
                              "    basis = onbekend\n"),
                       "%s", out);
    regel_free(out);
    out = render_run(&r, REGEL_FORMAAT_JSON, NULL, 0);
    cr_assert_not_null(strstr(out, "      \"wacht_op\": [\n"
                                   "        {\n"
                                   "          \"regel\": \"Y\",\n"
                                   "          \"voorwaarde\": null,\n"
                                   "          \"waarden\": {\n"
                                   "            \"basis\": null\n"
                                   "          },\n"
                                   "          \"reden\": \"waarde_onbekend\"\n"),
                       "%s", out);
    regel_free(out);
    run_close(&r);
}

Test(sentence, templates_and_generated)
{
    run r;
    run_open(&r, proef_src, CASE1, REGEL_EXPLAIN);
    run_build(&r, NULL, 0);
    /* input (geen, text, waarheid), outcome (enum with _), parameter version on the peildatum */
    const ex_node *n = node(&r, "prijs");
    cr_assert_not(n->sentence_generated);
    cr_assert_str_eq(n->sentence, "U betaalt € 90,00 (€ 90,00 per stuk) sinds geen; naam Zoë, a "
                                  "ja, aanbod avond of weekend.");
    /* a branch template with begrippen */
    cr_assert_str_eq(node(&r, "x")->sentence, "Basis is ja en midden is ja.");
    cr_assert_not(node(&r, "x")->sentence_generated);
    /* generated: unconditional, condition met, failed conditions */
    cr_assert_str_eq(node(&r, "oud")->sentence, "Volgens de regel \"Nieuw\" is oud nee.");
    cr_assert_str_eq(node(&r, "aanbod")->sentence,
                     "Volgens de regel \"Aanbod op maat\" is aanbod avond of weekend, omdat a of "
                     "b.");
    cr_assert_str_eq(node(&r, "en_uit")->sentence,
                     "Volgens de regel \"En\" is en_uit nee, omdat niet voldaan is aan: a en b en "
                     "c.");
    run_close(&r);
    /* onbekend values and the other parameter version */
    run_open(&r, proef_src, "{\"peildatum\": \"2022-02-01\", \"start\": \"2022-03-01\"}",
             REGEL_EXPLAIN);
    run_build(&r, NULL, 0);
    cr_assert_str_eq(node(&r, "prijs")->sentence, "U betaalt € 10,00 (€ 10,00 per stuk) sinds 1 "
                                                  "maart 2022; naam onbekend, a onbekend, aanbod "
                                                  "onbekend.");
    /* with a template but undecided: never a half-filled template */
    cr_assert_str_eq(node(&r, "x")->sentence,
                     "Over x kan nog niet beslist worden: nog niet alle feiten zijn bekend.");
    run_close(&r);
}

Test(render_only, selection_and_unknown_name)
{
    run r;
    run_open(&r, proef_src, CASE1, REGEL_EXPLAIN);
    const char *only[] = {"x", "basis", "x"};
    char *out = render_run(&r, REGEL_FORMAAT_TEKST, only, 3);
    /* display order, each once; a begrip may be asked for */
    cr_assert_eq(count(out, "\nx: waar\n"), 1, "%s", out);
    cr_assert_eq(count(out, "\nbasis: waar\n"), 1, "%s", out);
    cr_assert_null(strstr(out, "\nplicht:"), "%s", out);
    cr_assert(strstr(out, "\nx: waar\n") < strstr(out, "\nbasis: waar\n"), "%s", out);
    /* the shown begrip has its own section: referred to, not expanded */
    cr_assert_not_null(strstr(out, "    basis = waar (zie ‘basis’)\n"), "%s", out);
    regel_free(out);
    out = render_run(&r, REGEL_FORMAAT_JSON, only, 2);
    json_error_t jerr;
    json_t *doc = json_loads(out, 0, &jerr);
    cr_assert_not_null(doc, "%s: %s", jerr.text, out);
    cr_assert_eq(json_object_size(json_object_get(doc, "uitkomsten")), 2);
    cr_assert_not_null(json_object_get(json_object_get(doc, "uitleg"), "basis"));
    json_decref(doc);
    regel_free(out);

    regel_error err;
    char *bad = (char *)"x";
    size_t len = 7;
    const char *typo[] = {"basiss"};
    cr_assert_eq(regel_render(r.ev, REGEL_FORMAAT_TEKST, typo, 1, &bad, &len, &err),
                 REGEL_ERR_USAGE);
    cr_assert_null(bad);
    cr_assert_eq(len, 0u);
    cr_assert_str_eq(err.message, "onbekende uitkomst ‘basiss’; bedoelde u ‘basis’?");
    const char *far[] = {"x", "qqqqqqqq"};
    cr_assert_eq(regel_render(r.ev, REGEL_FORMAAT_JSON, far, 2, &bad, &len, &err), REGEL_ERR_USAGE);
    cr_assert_str_eq(err.message, "onbekende uitkomst ‘qqqqqqqq’ in dit beleid");
    cr_assert_eq(regel_render(r.ev, 9, NULL, 0, &bad, &len, &err), REGEL_ERR_USAGE);
    run_close(&r);
}

Test(render_only, expansion_rule)
{
    run r;
    run_open(&r, proef_src, CASE1, REGEL_EXPLAIN);
    const char *only[] = {"x", "y"};
    char *out = render_run(&r, REGEL_FORMAAT_TEKST, only, 2);
    /* x relies on basis and midden, midden on basis again: basis is expanded
     * once in x's section and referred to above; y's section expands it anew */
    cr_assert_not_null(strstr(out, "  Steunt op\n"
                                   "    basis = waar\n"
                                   "      Volgens de regel \"Basis\" is basis ja.\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "      Steunt op\n"
                                   "        basis = waar (zie hierboven)\n"),
                       "%s", out);
    cr_assert_eq(count(out, "Volgens de regel \"Basis\""), 2, "%s", out);
    cr_assert_eq(count(out, "(zie hierboven)"), 1, "%s", out);
    regel_free(out);
    out = render_run(&r, REGEL_FORMAAT_JSON, only, 1);
    json_error_t jerr;
    json_t *doc = json_loads(out, 0, &jerr);
    cr_assert_not_null(doc, "%s", jerr.text);
    json_t *x = json_object_get(json_object_get(doc, "uitleg"), "x");
    json_t *steun = json_object_get(x, "steunt_op");
    cr_assert_str_eq(json_string_value(json_object_get(json_object_get(steun, "basis"), "regel")),
                     "Basis");
    json_t *ref =
        json_object_get(json_object_get(json_object_get(steun, "midden"), "steunt_op"), "basis");
    cr_assert_str_eq(json_string_value(json_object_get(ref, "zie")), "basis");
    cr_assert(json_is_true(json_object_get(ref, "waarde")));
    cr_assert_eq(json_object_size(ref), 2u);
    json_decref(doc);
    regel_free(out);
    run_close(&r);
}

/* A diamond chain: d(i+1) relies on l(i) and r(i), both on d(i). Repeating
 * shared begrippen would take 2^n lines; the expansion rule keeps it linear. */
Test(render_only, no_exponential_blowup)
{
    enum { LEVELS = 24 };
    static char src[16384];
    size_t n = 0;
    n += (size_t)snprintf(src + n, sizeof src - n,
                          "beleid \"Ruit\".\ninvoer a: waarheid.\nuitkomst top: waarheid.\n"
                          "begrip d0: waarheid");
    for (int i = 0; i < LEVELS; i++)
        n += (size_t)snprintf(src + n, sizeof src - n,
                              ", l%d: waarheid, r%d: waarheid, d%d: waarheid", i, i, i + 1);
    n += (size_t)snprintf(src + n, sizeof src - n, ".\nregel \"D0\" d0 is a.\n");
    for (int i = 0; i < LEVELS; i++)
        n += (size_t)snprintf(src + n, sizeof src - n,
                              "regel \"L%d\" l%d is d%d.\nregel \"R%d\" r%d is d%d.\n"
                              "regel \"D%d\" d%d is l%d en r%d.\n",
                              i, i, i, i, i, i, i + 1, i + 1, i, i);
    n += (size_t)snprintf(src + n, sizeof src - n, "regel \"Top\" top is d%d.\n", LEVELS);
    cr_assert_lt(n, sizeof src - 1);
    run r;
    run_open(&r, src, "{\"a\": true}", REGEL_EXPLAIN);
    char *out = render_run(&r, REGEL_FORMAAT_TEKST, NULL, 0);
    cr_assert_lt(strlen(out), 200000u, "%zu bytes", strlen(out));
    cr_assert_eq(count(out, "Volgens de regel \"D0\""), 1, "every begrip once");
    cr_assert_eq(count(out, "(zie hierboven)"), LEVELS, "%s", out);
    regel_free(out);
    out = render_run(&r, REGEL_FORMAAT_JSON, NULL, 0);
    cr_assert_lt(strlen(out), 400000u);
    json_error_t jerr;
    json_t *doc = json_loads(out, 0, &jerr);
    cr_assert_not_null(doc, "%s", jerr.text);
    json_decref(doc);
    regel_free(out);
    run_close(&r);
}

Test(render_json, parsed_back)
{
    run r;
    run_open(&r, proef_src, CASE1, REGEL_EXPLAIN);
    char *out = render_run(&r, REGEL_FORMAAT_JSON, NULL, 0);
    json_error_t jerr;
    json_t *doc = json_loads(out, 0, &jerr);
    cr_assert_not_null(doc, "%s: %s", jerr.text, out);
    cr_assert_str_eq(json_string_value(json_object_get(doc, "beleid")), "Proef");
    cr_assert_str_eq(json_string_value(json_object_get(doc, "peildatum")), "2024-01-01");
    json_t *uitleg = json_object_get(doc, "uitleg");
    /* the exception that applied */
    json_t *p = json_object_get(uitleg, "plicht");
    cr_assert(json_is_false(json_object_get(p, "waarde")));
    cr_assert_str_eq(json_string_value(json_object_get(p, "regel")), "Vrij");
    cr_assert_str_eq(json_string_value(json_object_get(p, "soort")), "uitzondering");
    cr_assert_str_eq(json_string_value(json_object_get(p, "uitzondering_op")), "Plicht");
    cr_assert_str_eq(json_string_value(json_object_get(p, "bron")), "Art. 2");
    cr_assert(json_is_null(json_object_get(p, "citaat")));
    cr_assert(json_is_null(json_object_get(p, "geldig")));
    cr_assert(json_is_true(json_object_get(p, "zin_gegenereerd")));
    json_t *atom = json_array_get(json_object_get(p, "voldaan"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(atom, "voorwaarde")), "a");
    cr_assert_str_eq(json_string_value(json_object_get(atom, "uitkomst")), "waar");
    cr_assert(json_is_true(json_object_get(json_object_get(atom, "waarden"), "a")));
    json_t *pos = json_object_get(atom, "regel_in_bron");
    cr_assert_eq(json_integer_value(json_object_get(pos, "regel")), 15);
    cr_assert_gt(json_integer_value(json_object_get(pos, "kolom")), 0);
    json_t *aside = json_object_get(p, "opzij_gezet");
    cr_assert_str_eq(json_string_value(json_object_get(aside, "regel")), "Plicht");
    cr_assert(json_is_true(json_object_get(aside, "waarde")));
    cr_assert_eq(json_array_size(json_object_get(p, "niet_toegepast")), 0u);
    /* failed conditions and a rule out of force */
    json_t *e = json_object_get(uitleg, "en_uit");
    cr_assert_eq(json_array_size(json_object_get(e, "voldaan")), 0u);
    json_t *wn = json_array_get(json_object_get(e, "waarom_niet"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(wn, "voorwaarde")), "b");
    cr_assert_str_eq(json_string_value(json_object_get(wn, "uitkomst")), "onwaar");
    json_t *o = json_object_get(uitleg, "oud");
    json_t *geldig = json_object_get(o, "geldig");
    cr_assert_str_eq(json_string_value(json_object_get(geldig, "vanaf")), "2000-01-01");
    cr_assert(json_is_null(json_object_get(geldig, "tot")));
    json_t *na = json_array_get(json_object_get(o, "niet_toegepast"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(na, "regel")), "Oud");
    cr_assert_str_eq(json_string_value(json_object_get(na, "reden")), "niet_geldig");
    cr_assert_str_eq(json_string_value(json_object_get(json_object_get(na, "geldig"), "tot")),
                     "2000-01-01");
    /* a template sentence and the parameter used */
    json_t *prijs = json_object_get(uitleg, "prijs");
    cr_assert(json_is_false(json_object_get(prijs, "zin_gegenereerd")));
    cr_assert_not_null(strstr(json_string_value(json_object_get(prijs, "zin")), "€ 90,00"));
    json_t *tarief =
        json_array_get(json_object_get(json_object_get(prijs, "parameters"), "tarief"), 0);
    cr_assert_eq(json_integer_value(json_object_get(tarief, "waarde")), 90);
    json_decref(doc);
    regel_free(out);
    run_close(&r);
    /* undecided: onbeslist with zin and wacht_op */
    run_open(&r, proef_src, "{\"b\": false, \"c\": false}", REGEL_EXPLAIN);
    out = render_run(&r, REGEL_FORMAAT_JSON, NULL, 0);
    doc = json_loads(out, 0, &jerr);
    cr_assert_not_null(doc, "%s", jerr.text);
    json_t *of = json_object_get(json_object_get(doc, "onbeslist"), "of_uit");
    cr_assert_str_eq(json_string_value(json_array_get(json_object_get(of, "ontbrekend"), 0)), "a");
    cr_assert_not_null(strstr(json_string_value(json_object_get(of, "zin")), "nog niet beslist"));
    json_t *w = json_array_get(json_object_get(of, "wacht_op"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(w, "regel")), "Of");
    cr_assert_str_eq(json_string_value(json_object_get(w, "voorwaarde")), "a");
    cr_assert(json_is_null(json_object_get(json_object_get(w, "waarden"), "a")));
    cr_assert_null(json_object_get(json_object_get(doc, "uitleg"), "of_uit"));
    json_decref(doc);
    regel_free(out);
    run_close(&r);
}

Test(builder, without_explain_values_only)
{
    run r;
    run_open(&r, proef_src, CASE1, 0);
    run_build(&r, NULL, 0);
    cr_assert_not(r.d.explained);
    const ex_node *n = node(&r, "plicht");
    cr_assert_null(n->sentence);
    cr_assert_null(n->decider);
    cr_assert_eq(n->n_facts, 0u);
    char *out = render_run(&r, REGEL_FORMAAT_TEKST, NULL, 0);
    cr_assert_null(strstr(out, "Juridische grond"), "%s", out);
    cr_assert_not_null(strstr(out, "\nplicht: onwaar\n\nprijs: € 90,00\n"), "%s", out);
    regel_free(out);
    out = render_run(&r, REGEL_FORMAAT_JSON, NULL, 0);
    cr_assert_not_null(strstr(out, "  \"uitleg\": {},\n"), "%s", out);
    regel_free(out);
    run_close(&r);
}

Test(render_only, missing_over_the_shown_outcomes)
{
    run r;
    run_open(&r, proef_src, "{\"b\": false, \"c\": false}", REGEL_EXPLAIN);
    const char *decided[] = {"en_uit"};
    char *out = render_run(&r, REGEL_FORMAAT_JSON, decided, 1);
    cr_assert_not_null(strstr(out, "  \"onbeslist\": {},\n  \"ontbrekend\": []\n}\n"), "%s", out);
    regel_free(out);
    out = render_run(&r, REGEL_FORMAAT_TEKST, decided, 1);
    cr_assert_null(strstr(out, "Ontbrekende"), "%s", out);
    regel_free(out);
    const char *open[] = {"of_uit"};
    out = render_run(&r, REGEL_FORMAAT_JSON, open, 1);
    cr_assert_not_null(strstr(out, "  \"ontbrekend\": [\n    \"a\"\n  ]\n}\n"), "%s", out);
    regel_free(out);
    run_close(&r);
}

/* A getal without a finite decimal form may not be printed anywhere in the
 * motivering, also not as a begrip deep under "Steunt op". */
Test(render_only, non_terminating_begrip)
{
    static const char src[] = "beleid \"Deling\".\n"
                              "invoer n: getal.\n"
                              "uitkomst groot: waarheid.\n"
                              "begrip derde: getal.\n"
                              "regel \"Derde\" derde is n / 3.\n"
                              "regel \"Groot\" groot is waar indien derde > 1, anders onwaar.\n";
    run r;
    run_open(&r, src, "{\"n\": 4}", REGEL_EXPLAIN);
    regel_error err;
    char *out = NULL;
    size_t len = 0;
    cr_assert_eq(regel_render(r.ev, REGEL_FORMAAT_TEKST, NULL, 0, &out, &len, &err),
                 REGEL_ERR_EVAL);
    cr_assert_null(out);
    cr_assert_str_eq(err.message, "begrip ‘derde’ is 4/3 en heeft geen eindige decimale "
                                  "schrijfwijze");
    cr_assert_eq(err.line, 5u);
    cr_assert_eq(regel_render(r.ev, REGEL_FORMAAT_JSON, NULL, 0, &out, &len, &err), REGEL_ERR_EVAL);
    run_close(&r);
    /* without a trace only values are printed: nothing wrong */
    run_open(&r, src, "{\"n\": 4}", 0);
    out = render_run(&r, REGEL_FORMAAT_TEKST, NULL, 0);
    cr_assert_str_eq(out, "Beleid: Deling\n\ngroot: waar\n");
    regel_free(out);
    run_close(&r);
}

/* ---- host-function calls in the motivering (issue 8) ---- */

static int64_t h_dagen_tussen(int32_t van, int32_t tot)
{
    return (int64_t)tot - van;
}

static int64_t h_dubbel(int64_t x)
{
    return 2 * x;
}

static double h_half(double x)
{
    return x / 2;
}

static const char *h_groet(const char *naam, bool formeel)
{
    (void)naam;
    return formeel ? "Geachte <heer>" : "Hoi";
}

static int64_t h_plus_euro(int64_t cents)
{
    return cents + 100;
}

/* A table with every host function of host_src. */
static regel_functions *host_table(void)
{
    regel_functions *fs = regel_functions_new();
    cr_assert_not_null(fs);
    regel_error err;
    const regel_ctype dd[] = {REGEL_C_DATE, REGEL_C_DATE};
    const regel_ctype i[] = {REGEL_C_INT64};
    const regel_ctype d[] = {REGEL_C_DOUBLE};
    const regel_ctype sb[] = {REGEL_C_STRING, REGEL_C_BOOL};
    const regel_ctype c[] = {REGEL_C_CENTS};
    cr_assert_eq(regel_functions_add(fs, "dagen_tussen", (void (*)(void))h_dagen_tussen,
                                     REGEL_C_INT64, dd, 2, &err),
                 REGEL_OK, "%s", err.message);
    cr_assert_eq(
        regel_functions_add(fs, "dubbel", (void (*)(void))h_dubbel, REGEL_C_INT64, i, 1, &err),
        REGEL_OK, "%s", err.message);
    cr_assert_eq(
        regel_functions_add(fs, "half", (void (*)(void))h_half, REGEL_C_DOUBLE, d, 1, &err),
        REGEL_OK, "%s", err.message);
    cr_assert_eq(
        regel_functions_add(fs, "groet", (void (*)(void))h_groet, REGEL_C_STRING, sb, 2, &err),
        REGEL_OK, "%s", err.message);
    cr_assert_eq(regel_functions_add(fs, "plus_euro", (void (*)(void))h_plus_euro, REGEL_C_CENTS, c,
                                     1, &err),
                 REGEL_OK, "%s", err.message);
    return fs;
}

static const char host_src[] =
    "beleid \"Extern\".\n"
    "extern functie dagen_tussen(van: datum, tot: datum): getal.\n"
    "extern functie dubbel(x: getal): getal.\n"
    "extern functie half(x: getal): getal.\n"
    "extern functie groet(naam: tekst, formeel: waarheid): tekst.\n"
    "extern functie plus_euro(b: bedrag): bedrag.\n"
    "invoer start: datum, eind: datum, naam: tekst, formeel: waarheid, bedrag_in: bedrag,\n"
    "    n: getal.\n"
    "uitkomst opgeteld: getal, lang: waarheid, aanhef: tekst, verhoogd: bedrag, vast: getal,\n"
    "    helft: getal.\n"
    "begrip dagtelling: getal.\n"
    "regel \"Aantal\" dagtelling is dagen_tussen(start, eind).\n"
    "regel \"Totaal\" opgeteld is dubbel(dagtelling) + dubbel(1).\n"
    "regel \"Lang\" lang is dagtelling > 20.\n"
    "regel \"Aanhef\" aanhef is groet(naam, formeel).\n"
    "regel \"Verhoogd\" verhoogd is plus_euro(bedrag_in).\n"
    "regel \"Vast\" vast is dubbel(21).\n"
    "regel \"Helft\" helft is half(n).\n";

#define HOST_CASE                                                                                  \
    "{\"start\": \"2023-03-01\", \"eind\": \"2023-03-31\", \"naam\": \"Zoë\", "                   \
    "\"formeel\": true, \"bedrag_in\": 12.5, \"n\": 3}"

/* As run_open, with the policy's extern functions bound to fs first. */
static void run_open_bound(run *r, const char *src, const char *json, unsigned flags,
                           const regel_functions *fs)
{
    memset(r, 0, sizeof *r);
    regel_error err;
    char *diag = NULL;
    int rc = regel_policy_compile(src, strlen(src), "extern.regel", &r->p, &diag, &err);
    cr_assert_eq(rc, REGEL_OK, "compileren mislukt: %s\n%s", err.message, diag ? diag : "");
    regel_free(diag);
    cr_assert_eq(regel_policy_bind(r->p, fs, &err), REGEL_OK, "%s", err.message);
    rc = regel_case_from_json(r->p, json, strlen(json), "geval.json", &r->c, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    r->ev = regel_eval_new(r->p);
    cr_assert_not_null(r->ev);
    rc = regel_evaluate(r->ev, r->c, flags, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    r->a = arena_new(4096);
    cr_assert_not_null(r->a);
}

static char *call_text(const regel_policy *p, const ex_call *c)
{
    strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s(", c->fn->name);
    for (uint32_t k = 0; k < c->fn->n_params; k++) {
        if (k)
            sb_puts(&sb, ", ");
        render_value_text(&sb, p, c->fn->params[k], &c->args[k]);
    }
    sb_puts(&sb, ") = ");
    render_value_text(&sb, p, c->fn->result, c->result);
    cr_assert_not_null(sb.data);
    return sb.data;
}

Test(host_calls, collected_per_outcome_in_call_order)
{
    regel_functions *fs = host_table();
    run r;
    run_open_bound(&r, host_src, HOST_CASE, REGEL_EXPLAIN, fs);
    run_build(&r, NULL, 0);
    const ex_node *dagtelling = node(&r, "dagtelling");
    cr_assert_eq(dagtelling->n_calls, 1u);
    char *t = call_text(r.p, &dagtelling->calls[0]);
    cr_assert_str_eq(t, "dagen_tussen(1 maart 2023, 31 maart 2023) = 30");
    free(t);
    /* the begrip's call belongs to the begrip, not to the outcomes using it */
    const ex_node *opgeteld = node(&r, "opgeteld");
    cr_assert_eq(opgeteld->n_calls, 2u);
    t = call_text(r.p, &opgeteld->calls[0]);
    cr_assert_str_eq(t, "dubbel(30) = 60");
    free(t);
    t = call_text(r.p, &opgeteld->calls[1]);
    cr_assert_str_eq(t, "dubbel(1) = 2");
    free(t);
    cr_assert_eq(node(&r, "lang")->n_calls, 0u);
    cr_assert_null(node(&r, "lang")->calls);
    t = call_text(r.p, &node(&r, "aanhef")->calls[0]);
    cr_assert_str_eq(t, "groet(\"Zoë\", waar) = \"Geachte <heer>\"");
    free(t);
    t = call_text(r.p, &node(&r, "verhoogd")->calls[0]);
    cr_assert_str_eq(t, "plus_euro(€ 12,50) = € 13,50");
    free(t);
    t = call_text(r.p, &node(&r, "helft")->calls[0]);
    cr_assert_str_eq(t, "half(3) = 1,5");
    free(t);
    run_close(&r);
    regel_functions_free(fs);
}

Test(host_calls, text_lines_under_feitelijke_gronden)
{
    regel_functions *fs = host_table();
    run r;
    run_open_bound(&r, host_src, HOST_CASE, REGEL_EXPLAIN, fs);
    char *out = render_run(&r, REGEL_FORMAAT_TEKST, NULL, 0);
    /* after the facts of the outcome */
    cr_assert_not_null(strstr(out,
                              "  Feitelijke gronden\n"
                              "    naam = \"Zoë\"\n"
                              "    formeel = waar\n"
                              "    Externe functie: groet(\"Zoë\", waar) = \"Geachte <heer>\"\n"),
                       "%s", out);
    /* only calls: the block is created for them */
    cr_assert_not_null(strstr(out, "vast: 42\n"
                                   "  Volgens de regel \"Vast\" is vast 42.\n"
                                   "  Juridische grond\n"
                                   "    Regel \"Vast\"\n"
                                   "  Feitelijke gronden\n"
                                   "    Externe functie: dubbel(21) = 42\n"),
                       "%s", out);
    /* the begrip expanded under Steunt op shows its own call, indented */
    cr_assert_not_null(
        strstr(out, "        Externe functie: dagen_tussen(1 maart 2023, 31 maart 2023) = 30\n"),
        "%s", out);
    cr_assert_eq(count(out, "Externe functie: dubbel(30) = 60"), 1);
    cr_assert_eq(count(out, "Externe functie: dagen_tussen("), 2, "%s", out); /* opgeteld, lang */
    regel_free(out);
    run_close(&r);
    regel_functions_free(fs);
}

Test(host_calls, json_externe_functies)
{
    regel_functions *fs = host_table();
    run r;
    run_open_bound(&r, host_src, HOST_CASE, REGEL_EXPLAIN, fs);
    char *out = render_run(&r, REGEL_FORMAAT_JSON, NULL, 0);
    json_error_t je;
    json_t *doc = json_loads(out, 0, &je);
    cr_assert_not_null(doc, "%s: %s", je.text, out);
    json_t *uitleg = json_object_get(doc, "uitleg");
    json_t *calls = json_object_get(json_object_get(uitleg, "opgeteld"), "externe_functies");
    cr_assert(json_is_array(calls));
    cr_assert_eq(json_array_size(calls), 2u);
    json_t *first = json_array_get(calls, 0);
    cr_assert_str_eq(json_string_value(json_object_get(first, "functie")), "dubbel");
    cr_assert_eq(json_integer_value(json_array_get(json_object_get(first, "argumenten"), 0)), 30);
    cr_assert_eq(json_integer_value(json_object_get(first, "resultaat")), 60);
    /* the begrip, expanded under steunt_op */
    json_t *dagtelling = json_object_get(
        json_object_get(json_object_get(uitleg, "opgeteld"), "steunt_op"), "dagtelling");
    json_t *dc = json_array_get(json_object_get(dagtelling, "externe_functies"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(dc, "functie")), "dagen_tussen");
    json_t *args = json_object_get(dc, "argumenten");
    cr_assert_str_eq(json_string_value(json_array_get(args, 0)), "2023-03-01");
    cr_assert_str_eq(json_string_value(json_array_get(args, 1)), "2023-03-31");
    json_t *ac =
        json_array_get(json_object_get(json_object_get(uitleg, "aanhef"), "externe_functies"), 0);
    cr_assert(json_is_true(json_array_get(json_object_get(ac, "argumenten"), 1)));
    cr_assert_str_eq(json_string_value(json_object_get(ac, "resultaat")), "Geachte <heer>");
    json_t *mc =
        json_array_get(json_object_get(json_object_get(uitleg, "verhoogd"), "externe_functies"), 0);
    cr_assert_eq(json_real_value(json_object_get(mc, "resultaat")), 13.5);
    json_t *hc =
        json_array_get(json_object_get(json_object_get(uitleg, "helft"), "externe_functies"), 0);
    cr_assert_eq(json_real_value(json_object_get(hc, "resultaat")), 1.5);
    /* only when there are calls */
    cr_assert_null(json_object_get(json_object_get(uitleg, "lang"), "externe_functies"));
    json_decref(doc);
    regel_free(out);
    run_close(&r);
    regel_functions_free(fs);
}

Test(host_calls, html_list_escaped)
{
    regel_functions *fs = host_table();
    run r;
    run_open_bound(&r, host_src, HOST_CASE, REGEL_EXPLAIN, fs);
    static const char *const only[] = {"aanhef"};
    char *out = render_run(&r, REGEL_FORMAAT_HTML, only, 1);
    cr_assert_not_null(strstr(out, "<div class=\"extern\"><dt>Externe functie</dt><dd>groet("
                                   "&quot;Zoë&quot;, waar) = &quot;Geachte &lt;heer&gt;&quot;"
                                   "</dd></div>"),
                       "%s", out);
    cr_assert_null(strstr(out, "<heer>"));
    regel_free(out);
    run_close(&r);
    regel_functions_free(fs);
}

Test(host_calls, onbekend_argument_is_no_call)
{
    regel_functions *fs = host_table();
    run r;
    run_open_bound(&r, host_src, "{\"start\": \"2023-03-01\", \"n\": 4}", REGEL_EXPLAIN, fs);
    run_build(&r, NULL, 0);
    cr_assert_eq(node(&r, "dagtelling")->n_calls, 0u);
    cr_assert_eq(node(&r, "aanhef")->n_calls, 0u);
    cr_assert_eq(node(&r, "vast")->n_calls, 1u);
    char *out = render_run(&r, REGEL_FORMAAT_TEKST, NULL, 0);
    /* opgeteld still calls dubbel(1); dubbel(dagtelling) is not called */
    cr_assert_eq(count(out, "Externe functie:"), 3, "%s", out);
    cr_assert_eq(count(out, "Externe functie: dubbel("), 2, "%s", out); /* opgeteld, vast */
    cr_assert_eq(node(&r, "opgeteld")->n_calls, 1u);
    cr_assert_null(strstr(out, "dagen_tussen"));
    regel_free(out);
    run_close(&r);
    regel_functions_free(fs);
}

Test(host_calls, without_explain_no_calls)
{
    regel_functions *fs = host_table();
    run r;
    run_open_bound(&r, host_src, HOST_CASE, 0, fs);
    cr_assert_null(r.ev->calls);
    run_build(&r, NULL, 0);
    cr_assert_eq(node(&r, "opgeteld")->n_calls, 0u);
    char *out = render_run(&r, REGEL_FORMAAT_TEKST, NULL, 0);
    cr_assert_null(strstr(out, "Externe functie"));
    cr_assert_not_null(strstr(out, "opgeteld: 62\n"));
    regel_free(out);
    run_close(&r);
    regel_functions_free(fs);
}

Test(host_calls, foreign_trace_entries_are_skipped)
{
    regel_functions *fs = host_table();
    run r;
    run_open_bound(&r, host_src, HOST_CASE, REGEL_EXPLAIN, fs);
    /* a call naming no function or outcome of the policy is left out */
    ev_call bad[2];
    memset(bad, 0, sizeof bad);
    bad[0].outcome = 0;
    bad[0].fn = 99;
    bad[1].outcome = 999;
    bad[1].fn = 0;
    bad[0].next = &bad[1];
    bad[1].next = r.ev->calls;
    r.ev->calls = bad;
    run_build(&r, NULL, 0);
    uint32_t total = 0;
    for (uint32_t o = 0; o < r.d.n_nodes; o++)
        total += r.d.nodes[o].n_calls;
    cr_assert_eq(total, 7u); /* dagtelling 1, opgeteld 2, aanhef, verhoogd, vast, helft */
    r.ev->calls = bad[1].next;
    run_close(&r);
    regel_functions_free(fs);
}

Test(host_calls, non_terminating_argument)
{
    regel_functions *fs = host_table();
    static const char src[] = "beleid \"Derde\".\n"
                              "extern functie half(x: getal): getal.\n"
                              "invoer n: getal.\n"
                              "uitkomst h: getal.\n"
                              "regel \"H\" h is half(n / 3) afgerond rekenkundig op 2 decimalen.\n";
    run r;
    run_open_bound(&r, src, "{\"n\": 1}", REGEL_EXPLAIN, fs);
    regel_error err;
    char *out = NULL;
    size_t len = 0;
    cr_assert_eq(regel_render(r.ev, REGEL_FORMAAT_TEKST, NULL, 0, &out, &len, &err),
                 REGEL_ERR_EVAL);
    cr_assert_null(out);
    cr_assert_str_eq(err.message, "argument 1 van de externe functie ‘half’ is 1/3 en heeft geen "
                                  "eindige decimale schrijfwijze");
    cr_assert_eq(err.line, 5u);
    run_close(&r);
    regel_functions_free(fs);
}
