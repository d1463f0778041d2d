/* test_render.c — unit tests of the renderers (runtime/render*.c, spec §7, v0.3
 * §3): exact Dutch text and JSON for hand-filled policy and evaluation tables
 * (geen, onbeslist, defaults), JSON string escaping, number formatting and the
 * rendering errors. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "eval.h"
#include "policy.h"
#include "regel.h"
#include "render.h"

enum {
    T_WAARHEID,
    T_GETAL,
    T_TEKST,
    T_REGISTER,
    T_SOORT,
    T_TOETS,
    /* v0.2 */
    T_DATUM,
    T_DUUR,
    T_BEDRAG,
    T_PERIODE,
    T_AFNAME, /* gegeven Afname heeft datum: datum, kosten: bedrag, looptijd: periode */
    T_LIJST_AFNAME,
    T_LIJST_BEDRAG,
    T_LIJST_GETAL,
    T_LIJST_PERIODE,
    N_TYPES
};
/* parameter versions, numbered over all parameters */
enum { PV_TOETS_OUD, PV_TOETS_NIEUW, PV_DREMPEL, N_PV };
enum { IN_REGISTER, IN_WERKT, IN_STUDEERT, IN_NAAM, IN_TOETS, N_IN };
/* outcomes in evaluation order */
enum { O_VRIJGESTELD, O_TOEGANG, O_BEDRAG, O_GROET, O_NIVEAU, O_PLICHT, O_LAATSTE, O_BEZIG, N_OUT };
enum {
    R_DOELGROEP,
    R_VRIJ,
    R_VERGOEDING,
    R_KORTING,
    R_GROET,
    R_NIVEAU,
    R_PLICHT,
    R_LAATSTE,
    N_RULES
};

#define GROET "Zoë \"Z\" \\ \n\t\x01 einde"

/* Everything a test needs, in one place so each test starts from a fresh copy. */
typedef struct fixture {
    const char *register_members[2];
    const char *soort_members[2];
    rt_field toets_fields[2];
    rt_field afname_fields[3];
    rt_type types[N_TYPES];
    rt_const consts[N_PV];
    rt_param_version toets_versions[2];
    rt_param_version drempel_versions[1];
    rt_param params[2];
    ev_list reads_param[N_OUT];
    uint32_t param_items[N_OUT][2 * N_PV]; /* room for repeats */
    rt_input inputs[N_IN];
    rt_outcome outcomes[N_OUT];
    uint32_t display_order[N_OUT];
    rt_rule rules[N_RULES];
    regel_policy policy;
    rt_value toets_fields_val[2];
    rt_value facts[N_IN];
    regel_case kase;
    rt_value values[N_OUT];
    uint8_t status[N_OUT];
    uint32_t decided_by[N_OUT];
    ev_list reads_input[N_OUT];
    ev_list reads_outcome[N_OUT];
    uint32_t input_items[N_OUT][2 * N_IN];    /* room for repeats */
    uint32_t outcome_items[N_OUT][2 * N_OUT]; /* room for repeats */
    uint8_t missing[N_IN];
    uint8_t defaulted[N_IN];
    uint8_t causes_table[N_OUT][N_IN]; /* pointed to by causes[o] when set */
    const uint8_t *causes[N_OUT];
    regel_eval ev;
} fixture;

static rt_value v_bool(bool b)
{
    rt_value v = {RV_WAARHEID, {.b = b}};
    return v;
}

static rt_value v_getal(int64_t num, int64_t den)
{
    rt_value v = {RV_GETAL, {.q = {num, den}}};
    return v;
}

static rt_value v_member(uint32_t m)
{
    rt_value v = {RV_MEMBER, {.member = m}};
    return v;
}

static rt_value v_text(const char *s)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_TEKST;
    v.u.str.s = s;
    v.u.str.len = (uint32_t)strlen(s);
    return v;
}

static void set_outcome(fixture *f, uint32_t o, const char *name, uint32_t type, bool output,
                        uint32_t display)
{
    rt_outcome oc = {name, type, output ? RBC_OUTCOME_OUTPUT : 0, display, NULL, 0};
    f->outcomes[o] = oc;
    f->display_order[display] = o;
}

static void set_rule(fixture *f, uint32_t r, const char *name, const char *bron, const char *citaat,
                     uint32_t outcome, uint32_t parent)
{
    rt_rule rule;
    memset(&rule, 0, sizeof rule);
    rule.name = name;
    rule.bron = bron;
    rule.citaat = citaat;
    rule.outcome = outcome;
    rule.parent = parent;
    rule.line = 10 + r;
    rule.col = 1;
    rule.valid_from = RBC_NONE;
    rule.valid_until = RBC_NONE;
    f->rules[r] = rule;
}

static void decided(fixture *f, uint32_t o, uint32_t rule, rt_value v)
{
    f->values[o] = v;
    f->status[o] = EV_DECIDED;
    f->decided_by[o] = rule;
}

/* Append x to a read list (as the VM does: in read order, repeats allowed). */
static void add_read(ev_list *l, uint32_t *items, uint32_t cap, uint32_t x)
{
    cr_assert_lt(l->n, cap);
    items[l->n++] = x;
    l->items = items;
}

static void reads_in(fixture *f, uint32_t o, uint32_t i)
{
    add_read(&f->reads_input[o], f->input_items[o], 2 * N_IN, i);
}

static void reads_out(fixture *f, uint32_t o, uint32_t x)
{
    add_read(&f->reads_outcome[o], f->outcome_items[o], 2 * N_OUT, x);
}

static void reads_pv(fixture *f, uint32_t o, uint32_t g)
{
    add_read(&f->reads_param[o], f->param_items[o], 2 * N_PV, g);
}

/* Input i is among the causes of outcome o's onbekend value. */
static void cause(fixture *f, uint32_t o, uint32_t i)
{
    f->causes_table[o][i] = 1;
    f->causes[o] = f->causes_table[o];
}

static fixture *make_fixture(void)
{
    fixture *f = calloc(1, sizeof *f);
    cr_assert_not_null(f);
    f->register_members[0] = "vreemdelingenregister";
    f->register_members[1] = "bevolkingsregister";
    f->soort_members[0] = "nt2";
    f->soort_members[1] = "mo";
    f->toets_fields[0] = (rt_field){"soort", T_SOORT, 0};
    f->toets_fields[1] = (rt_field){"geslaagd", T_WAARHEID, 0};
    f->types[T_WAARHEID] = (rt_type){RBC_TYPE_WAARHEID, NULL, 0, NULL, NULL, 0};
    f->types[T_GETAL] = (rt_type){RBC_TYPE_GETAL, NULL, 0, NULL, NULL, 0};
    f->types[T_TEKST] = (rt_type){RBC_TYPE_TEKST, NULL, 0, NULL, NULL, 0};
    f->types[T_REGISTER] = (rt_type){RBC_TYPE_ENUM, "Register", 2, f->register_members, NULL, 0};
    f->types[T_SOORT] = (rt_type){RBC_TYPE_ENUM, "Soort", 2, f->soort_members, NULL, 0};
    f->types[T_TOETS] = (rt_type){RBC_TYPE_RECORD, "Toets", 2, NULL, f->toets_fields, 0};
    f->afname_fields[0] = (rt_field){"datum", T_DATUM, 0};
    f->afname_fields[1] = (rt_field){"kosten", T_BEDRAG, 0};
    f->afname_fields[2] = (rt_field){"looptijd", T_PERIODE, 0};
    f->types[T_DATUM] = (rt_type){RBC_TYPE_DATUM, NULL, 0, NULL, NULL, 0};
    f->types[T_DUUR] = (rt_type){RBC_TYPE_DUUR, NULL, 0, NULL, NULL, 0};
    f->types[T_BEDRAG] = (rt_type){RBC_TYPE_BEDRAG, NULL, 0, NULL, NULL, 0};
    f->types[T_PERIODE] = (rt_type){RBC_TYPE_PERIODE, NULL, 0, NULL, NULL, 0};
    f->types[T_AFNAME] = (rt_type){RBC_TYPE_RECORD, "Afname", 3, NULL, f->afname_fields, 0};
    f->types[T_LIJST_AFNAME] = (rt_type){RBC_TYPE_LIJST, NULL, 0, NULL, NULL, T_AFNAME};
    f->types[T_LIJST_BEDRAG] = (rt_type){RBC_TYPE_LIJST, NULL, 0, NULL, NULL, T_BEDRAG};
    f->types[T_LIJST_GETAL] = (rt_type){RBC_TYPE_LIJST, NULL, 0, NULL, NULL, T_GETAL};
    f->types[T_LIJST_PERIODE] = (rt_type){RBC_TYPE_LIJST, NULL, 0, NULL, NULL, T_PERIODE};
    f->inputs[IN_REGISTER] = (rt_input){"register", T_REGISTER, 0, RBC_NONE, NULL};
    f->inputs[IN_WERKT] = (rt_input){"werkt", T_WAARHEID, 0, RBC_NONE, NULL};
    f->inputs[IN_STUDEERT] = (rt_input){"studeert", T_WAARHEID, 0, RBC_NONE, NULL};
    f->inputs[IN_NAAM] = (rt_input){"naam", T_TEKST, 0, RBC_NONE, NULL};
    f->inputs[IN_TOETS] = (rt_input){"toets", T_TOETS, 0, RBC_NONE, NULL};

    set_outcome(f, O_TOEGANG, "toegang", T_WAARHEID, true, 0);
    set_outcome(f, O_VRIJGESTELD, "vrijgesteld", T_WAARHEID, false, 1);
    set_outcome(f, O_BEDRAG, "bedrag", T_GETAL, true, 2);
    set_outcome(f, O_GROET, "groet", T_TEKST, true, 3);
    set_outcome(f, O_NIVEAU, "niveau", T_SOORT, true, 4);
    set_outcome(f, O_PLICHT, "plicht", T_WAARHEID, true, 5);
    set_outcome(f, O_LAATSTE, "laatste_toets", T_TOETS, true, 6);
    set_outcome(f, O_BEZIG, "bezig", T_WAARHEID, false, 7);

    set_rule(f, R_DOELGROEP, "Doelgroep", "Regeerakkoord, Doelgroep",
             "Wie in het vreemdelingenregister staat, krijgt toegang.", O_TOEGANG, RBC_NONE);
    set_rule(f, R_VRIJ, "Vrijstelling", "Vrijstellingen", NULL, O_VRIJGESTELD, RBC_NONE);
    set_rule(f, R_VERGOEDING, "Vergoeding", "Vergoedingen", NULL, O_BEDRAG, RBC_NONE);
    set_rule(f, R_KORTING, "Korting", "Vergoedingen, korting", NULL, O_BEDRAG, R_VERGOEDING);
    set_rule(f, R_GROET, "Groet", NULL, NULL, O_GROET, RBC_NONE);
    set_rule(f, R_NIVEAU, "Niveau", NULL, NULL, O_NIVEAU, RBC_NONE);
    set_rule(f, R_PLICHT, "Plicht", NULL, NULL, O_PLICHT, RBC_NONE);
    set_rule(f, R_LAATSTE, "Laatste", NULL, NULL, O_LAATSTE, RBC_NONE);

    regel_policy *p = &f->policy;
    p->file = "test.regel";
    p->source_file = "test.regel";
    p->name = "Inburgering \"test\"";
    p->types = f->types;
    p->n_types = N_TYPES;
    p->inputs = f->inputs;
    p->n_inputs = N_IN;
    p->outcomes = f->outcomes;
    p->n_outcomes = N_OUT;
    p->display_order = f->display_order;
    p->rules = f->rules;
    p->n_rules = N_RULES;

    /* the case: studeert is absent */
    f->toets_fields_val[0] = v_member(1);
    f->facts[IN_REGISTER] = v_member(0);
    f->facts[IN_WERKT] = v_bool(false);
    f->facts[IN_NAAM] = v_text("Zoë");
    f->facts[IN_TOETS].tag = RV_RECORD;
    f->facts[IN_TOETS].u.fields = f->toets_fields_val;
    f->kase.policy = p;
    f->kase.facts = f->facts;
    f->kase.defaulted = f->defaulted;
    f->kase.name = "geval.json";

    for (uint32_t o = 0; o < N_OUT; o++)
        f->decided_by[o] = RBC_NONE;
    decided(f, O_VRIJGESTELD, R_VRIJ, v_bool(false));
    decided(f, O_TOEGANG, R_DOELGROEP, v_bool(true));
    /* read lists as the VM leaves them: read order, repeats, o itself */
    reads_in(f, O_TOEGANG, IN_WERKT);
    reads_in(f, O_TOEGANG, IN_REGISTER);
    reads_in(f, O_TOEGANG, IN_WERKT);
    reads_out(f, O_TOEGANG, O_VRIJGESTELD);
    reads_out(f, O_TOEGANG, O_TOEGANG);
    reads_out(f, O_TOEGANG, O_VRIJGESTELD);
    decided(f, O_BEDRAG, R_KORTING, v_getal(25, 2));
    reads_out(f, O_BEDRAG, O_TOEGANG);
    reads_out(f, O_BEDRAG, O_VRIJGESTELD);
    reads_out(f, O_BEDRAG, O_TOEGANG);
    decided(f, O_GROET, R_GROET, v_text(GROET));
    reads_in(f, O_GROET, IN_NAAM);
    f->status[O_NIVEAU] = EV_UNKNOWN; /* through bezig, which read studeert */
    reads_in(f, O_NIVEAU, IN_WERKT);
    reads_out(f, O_NIVEAU, O_BEZIG);
    f->status[O_BEZIG] = EV_UNKNOWN;
    reads_in(f, O_BEZIG, IN_STUDEERT);
    f->status[O_PLICHT] = EV_NO_RULE;
    reads_in(f, O_PLICHT, IN_WERKT);
    decided(f, O_LAATSTE, R_LAATSTE, f->facts[IN_TOETS]);
    reads_in(f, O_LAATSTE, IN_TOETS);
    f->missing[IN_STUDEERT] = 1;
    cause(f, O_NIVEAU, IN_STUDEERT);
    cause(f, O_BEZIG, IN_STUDEERT);

    regel_eval *ev = &f->ev;
    ev->policy = p;
    ev->kase = &f->kase;
    ev->values = f->values;
    ev->status = f->status;
    ev->decided_by = f->decided_by;
    ev->evaluated = true;
    ev->explained = true;
    ev->reads_input = f->reads_input;
    ev->reads_outcome = f->reads_outcome;
    ev->missing = f->missing;
    ev->causes = f->causes;
    return f;
}

static const char expected_text[] =
    "Beleid: Inburgering \"test\"\n"
    "\n"
    "toegang: waar\n"
    "  Volgens de regel \"Doelgroep\" is toegang ja.\n"
    "  Juridische grond\n"
    "    Regel \"Doelgroep\"\n"
    "    Bron: Regeerakkoord, Doelgroep\n"
    "    Citaat: \"Wie in het vreemdelingenregister staat, krijgt toegang.\"\n"
    "  Feitelijke gronden\n"
    "    register = vreemdelingenregister\n"
    "    werkt = onwaar\n"
    "  Steunt op\n"
    "    vrijgesteld = onwaar\n"
    "      Volgens de regel \"Vrijstelling\" is vrijgesteld nee.\n"
    "      Juridische grond\n"
    "        Regel \"Vrijstelling\"\n"
    "        Bron: Vrijstellingen\n"
    "\n"
    "bedrag: 12,5\n"
    "  Volgens de uitzondering \"Korting\" op de regel \"Vergoeding\" is bedrag 12,5.\n"
    "  Juridische grond\n"
    "    Uitzondering \"Korting\" op de regel \"Vergoeding\"\n"
    "    Bron: Vergoedingen, korting\n"
    "    Deze uitzondering zet de regel \"Vergoeding\" opzij.\n"
    "  Steunt op\n"
    "    toegang = waar (zie ‘toegang’)\n"
    "    vrijgesteld = onwaar\n"
    "      Volgens de regel \"Vrijstelling\" is vrijgesteld nee.\n"
    "      Juridische grond\n"
    "        Regel \"Vrijstelling\"\n"
    "        Bron: Vrijstellingen\n"
    "\n"
    "groet: \"Zoë \\\"Z\\\" \\\\ \\n\t\x01"
    " einde\"\n"
    "  Volgens de regel \"Groet\" is groet Zoë \"Z\" \\     einde.\n"
    "  Juridische grond\n"
    "    Regel \"Groet\"\n"
    "  Feitelijke gronden\n"
    "    naam = \"Zoë\"\n"
    "\n"
    "niveau: onbekend\n"
    "  Over niveau kan nog niet beslist worden: nog niet alle feiten zijn bekend.\n"
    "  Ontbrekende feiten: studeert.\n"
    "  Feitelijke gronden\n"
    "    werkt = onwaar\n"
    "  Steunt op\n"
    "    bezig = onbekend\n"
    "      Over bezig kan nog niet beslist worden: nog niet alle feiten zijn bekend.\n"
    "      Ontbrekende feiten: studeert.\n"
    "      Feitelijke gronden\n"
    "        studeert = onbekend\n"
    "\n"
    "plicht: onbekend\n"
    "  Geen enkele regel is van toepassing op plicht.\n"
    "  Feitelijke gronden\n"
    "    werkt = onwaar\n"
    "\n"
    "laatste_toets: {soort: mo, geslaagd: onbekend}\n"
    "  Volgens de regel \"Laatste\" is laatste_toets soort mo, geslaagd onbekend.\n"
    "  Juridische grond\n"
    "    Regel \"Laatste\"\n"
    "  Feitelijke gronden\n"
    "    toets = {soort: mo, geslaagd: onbekend}\n"
    "\n"
    "Ontbrekende feiten: studeert.\n";

static const char expected_json[] =
    "{\n"
    "  \"beleid\": \"Inburgering \\\"test\\\"\",\n"
    "  \"uitkomsten\": {\n"
    "    \"toegang\": true,\n"
    "    \"bedrag\": 12.5,\n"
    "    \"groet\": \"Zoë \\\"Z\\\" \\\\ \\n\\t\\u0001 einde\",\n"
    "    \"niveau\": null,\n"
    "    \"plicht\": null,\n"
    "    \"laatste_toets\": {\n"
    "      \"soort\": \"mo\",\n"
    "      \"geslaagd\": null\n"
    "    }\n"
    "  },\n"
    "  \"uitleg\": {\n"
    "    \"toegang\": {\n"
    "      \"waarde\": true,\n"
    "      \"zin\": \"Volgens de regel \\\"Doelgroep\\\" is toegang ja.\",\n"
    "      \"zin_gegenereerd\": true,\n"
    "      \"regel\": \"Doelgroep\",\n"
    "      \"soort\": \"regel\",\n"
    "      \"uitzondering_op\": null,\n"
    "      \"bron\": \"Regeerakkoord, Doelgroep\",\n"
    "      \"citaat\": \"Wie in het vreemdelingenregister staat, krijgt toegang.\",\n"
    "      \"geldig\": null,\n"
    "      \"voldaan\": [],\n"
    "      \"waarom_niet\": [],\n"
    "      \"niet_toegepast\": [],\n"
    "      \"feiten\": {\n"
    "        \"register\": \"vreemdelingenregister\",\n"
    "        \"werkt\": false\n"
    "      },\n"
    "      \"steunt_op\": {\n"
    "        \"vrijgesteld\": {\n"
    "          \"waarde\": false,\n"
    "          \"zin\": \"Volgens de regel \\\"Vrijstelling\\\" is vrijgesteld nee.\",\n"
    "          \"zin_gegenereerd\": true,\n"
    "          \"regel\": \"Vrijstelling\",\n"
    "          \"soort\": \"regel\",\n"
    "          \"uitzondering_op\": null,\n"
    "          \"bron\": \"Vrijstellingen\",\n"
    "          \"citaat\": null,\n"
    "          \"geldig\": null,\n"
    "          \"voldaan\": [],\n"
    "          \"waarom_niet\": [],\n"
    "          \"niet_toegepast\": [],\n"
    "          \"feiten\": {},\n"
    "          \"steunt_op\": {}\n"
    "        }\n"
    "      }\n"
    "    },\n"
    "    \"bedrag\": {\n"
    "      \"waarde\": 12.5,\n"
    "      \"zin\": \"Volgens de uitzondering \\\"Korting\\\" op de regel \\\"Vergoeding\\\" is "
    "bedrag 12,5.\",\n"
    "      \"zin_gegenereerd\": true,\n"
    "      \"regel\": \"Korting\",\n"
    "      \"soort\": \"uitzondering\",\n"
    "      \"uitzondering_op\": \"Vergoeding\",\n"
    "      \"bron\": \"Vergoedingen, korting\",\n"
    "      \"citaat\": null,\n"
    "      \"geldig\": null,\n"
    "      \"voldaan\": [],\n"
    "      \"waarom_niet\": [],\n"
    "      \"niet_toegepast\": [],\n"
    "      \"feiten\": {},\n"
    "      \"steunt_op\": {\n"
    "        \"toegang\": {\n"
    "          \"waarde\": true,\n"
    "          \"zie\": \"toegang\"\n"
    "        },\n"
    "        \"vrijgesteld\": {\n"
    "          \"waarde\": false,\n"
    "          \"zin\": \"Volgens de regel \\\"Vrijstelling\\\" is vrijgesteld nee.\",\n"
    "          \"zin_gegenereerd\": true,\n"
    "          \"regel\": \"Vrijstelling\",\n"
    "          \"soort\": \"regel\",\n"
    "          \"uitzondering_op\": null,\n"
    "          \"bron\": \"Vrijstellingen\",\n"
    "          \"citaat\": null,\n"
    "          \"geldig\": null,\n"
    "          \"voldaan\": [],\n"
    "          \"waarom_niet\": [],\n"
    "          \"niet_toegepast\": [],\n"
    "          \"feiten\": {},\n"
    "          \"steunt_op\": {}\n"
    "        }\n"
    "      }\n"
    "    },\n"
    "    \"groet\": {\n"
    "      \"waarde\": \"Zoë \\\"Z\\\" \\\\ \\n\\t\\u0001 einde\",\n"
    "      \"zin\": \"Volgens de regel \\\"Groet\\\" is groet Zoë \\\"Z\\\" \\\\     einde.\",\n"
    "      \"zin_gegenereerd\": true,\n"
    "      \"regel\": \"Groet\",\n"
    "      \"soort\": \"regel\",\n"
    "      \"uitzondering_op\": null,\n"
    "      \"bron\": null,\n"
    "      \"citaat\": null,\n"
    "      \"geldig\": null,\n"
    "      \"voldaan\": [],\n"
    "      \"waarom_niet\": [],\n"
    "      \"niet_toegepast\": [],\n"
    "      \"feiten\": {\n"
    "        \"naam\": \"Zoë\"\n"
    "      },\n"
    "      \"steunt_op\": {}\n"
    "    },\n"
    "    \"laatste_toets\": {\n"
    "      \"waarde\": {\n"
    "        \"soort\": \"mo\",\n"
    "        \"geslaagd\": null\n"
    "      },\n"
    "      \"zin\": \"Volgens de regel \\\"Laatste\\\" is laatste_toets soort mo, geslaagd "
    "onbekend.\",\n"
    "      \"zin_gegenereerd\": true,\n"
    "      \"regel\": \"Laatste\",\n"
    "      \"soort\": \"regel\",\n"
    "      \"uitzondering_op\": null,\n"
    "      \"bron\": null,\n"
    "      \"citaat\": null,\n"
    "      \"geldig\": null,\n"
    "      \"voldaan\": [],\n"
    "      \"waarom_niet\": [],\n"
    "      \"niet_toegepast\": [],\n"
    "      \"feiten\": {\n"
    "        \"toets\": {\n"
    "          \"soort\": \"mo\",\n"
    "          \"geslaagd\": null\n"
    "        }\n"
    "      },\n"
    "      \"steunt_op\": {}\n"
    "    }\n"
    "  },\n"
    "  \"onbeslist\": {\n"
    "    \"niveau\": {\n"
    "      \"ontbrekend\": [\n"
    "        \"studeert\"\n"
    "      ],\n"
    "      \"zin\": \"Over niveau kan nog niet beslist worden: nog niet alle feiten zijn "
    "bekend.\",\n"
    "      \"wacht_op\": [],\n"
    "      \"niet_toegepast\": [],\n"
    "      \"feiten\": {\n"
    "        \"werkt\": false\n"
    "      },\n"
    "      \"steunt_op\": {\n"
    "        \"bezig\": {\n"
    "          \"waarde\": null,\n"
    "          \"zin\": \"Over bezig kan nog niet beslist worden: nog niet alle feiten zijn "
    "bekend.\",\n"
    "          \"zin_gegenereerd\": true,\n"
    "          \"regel\": null,\n"
    "          \"soort\": null,\n"
    "          \"uitzondering_op\": null,\n"
    "          \"bron\": null,\n"
    "          \"citaat\": null,\n"
    "          \"geldig\": null,\n"
    "          \"voldaan\": [],\n"
    "          \"waarom_niet\": [],\n"
    "          \"niet_toegepast\": [],\n"
    "          \"feiten\": {\n"
    "            \"studeert\": null\n"
    "          },\n"
    "          \"steunt_op\": {},\n"
    "          \"ontbrekend\": [\n"
    "            \"studeert\"\n"
    "          ],\n"
    "          \"wacht_op\": []\n"
    "        }\n"
    "      }\n"
    "    },\n"
    "    \"plicht\": {\n"
    "      \"ontbrekend\": [],\n"
    "      \"reden\": \"geen regel van toepassing\",\n"
    "      \"zin\": \"Geen enkele regel is van toepassing op plicht.\",\n"
    "      \"wacht_op\": [],\n"
    "      \"niet_toegepast\": [],\n"
    "      \"feiten\": {\n"
    "        \"werkt\": false\n"
    "      },\n"
    "      \"steunt_op\": {}\n"
    "    }\n"
    "  },\n"
    "  \"ontbrekend\": [\n"
    "    \"studeert\"\n"
    "  ]\n"
    "}\n";

static char *render(const regel_eval *ev, bool json, int want_rc, regel_error *err)
{
    char *out = (char *)"not reset";
    size_t len = 12345;
    int rc = json ? regel_render_json(ev, &out, &len, err) : regel_render_text(ev, &out, &len, err);
    cr_assert_eq(rc, want_rc, "rc %d: %s", rc, err->message);
    if (rc != REGEL_OK) {
        cr_assert_null(out, "no output on error");
        cr_assert_eq(len, 0);
        return NULL;
    }
    cr_assert_not_null(out);
    cr_assert_eq(len, strlen(out));
    return out;
}

Test(render, text_exact)
{
    fixture *f = make_fixture();
    regel_error err;
    char *out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_str_eq(out, expected_text);
    regel_free(out);
    free(f);
}

Test(render, json_exact)
{
    fixture *f = make_fixture();
    regel_error err;
    char *out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_str_eq(out, expected_json);
    regel_free(out);
    free(f);
}

Test(render, nothing_missing_and_no_name)
{
    fixture *f = make_fixture();
    memset(f->missing, 0, sizeof f->missing);
    f->ev.causes = NULL; /* no cause tables at all */
    f->policy.name = NULL;
    regel_error err;
    char *out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "\"beleid\": null,\n"));
    cr_assert_not_null(strstr(out, "\"ontbrekend\": []\n}\n"), "%s", out);
    cr_assert_not_null(strstr(out,
                              "  \"onbeslist\": {\n"
                              "    \"niveau\": {\n"
                              "      \"ontbrekend\": [],\n"
                              "      \"zin\": \"Over niveau kan nog niet beslist worden.\",\n"),
                       "%s", out);
    regel_free(out);
    out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_null(strstr(out, "Ontbrekende"));
    cr_assert_null(strstr(out, "Beleid"));
    cr_assert_eq(strncmp(out, "toegang: waar\n", 14), 0, "%s", out);
    cr_assert_not_null(strstr(out, "niveau: onbekend\n"
                                   "  Over niveau kan nog niet beslist worden.\n"
                                   "  Feitelijke gronden\n"),
                       "%s", out);
    cr_assert_eq(out[strlen(out) - 1], '\n');
    cr_assert_neq(out[strlen(out) - 2], '\n', "geen lege regel aan het eind");
    regel_free(out);
    free(f);
}

Test(render, without_trace)
{
    /* without REGEL_EXPLAIN at evaluation: values only (spec7 §4.7), and the
     * missing facts, which the VM always records */
    fixture *f = make_fixture();
    f->ev.explained = false;
    regel_error err;
    char *out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_str_eq(out, "Beleid: Inburgering \"test\"\n"
                          "\n"
                          "toegang: waar\n"
                          "\n"
                          "bedrag: 12,5\n"
                          "\n"
                          "groet: \"Zoë \\\"Z\\\" \\\\ \\n\t\x01 einde\"\n"
                          "\n"
                          "niveau: onbekend\n"
                          "\n"
                          "plicht: onbekend\n"
                          "\n"
                          "laatste_toets: {soort: mo, geslaagd: onbekend}\n"
                          "\n"
                          "Ontbrekende feiten: studeert.\n");
    regel_free(out);
    out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_null(strstr(out, "\"feiten\""));
    cr_assert_null(strstr(out, "\"zin\""));
    cr_assert_not_null(strstr(out, "  \"uitleg\": {},\n"), "%s", out);
    cr_assert_not_null(strstr(out, "  \"onbeslist\": {\n"
                                   "    \"niveau\": {\n"
                                   "      \"ontbrekend\": [\n"
                                   "        \"studeert\"\n"
                                   "      ]\n"
                                   "    },\n"
                                   "    \"plicht\": {\n"
                                   "      \"ontbrekend\": [],\n"
                                   "      \"reden\": \"geen regel van toepassing\"\n"
                                   "    }\n"
                                   "  },\n"),
                       "%s", out);
    regel_free(out);
    free(f);
}

Test(render, getal_formatting)
{
    fixture *f = make_fixture();
    regel_error err;
    f->values[O_BEDRAG] = v_getal(-3, 4);
    char *out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "\nbedrag: -0,75\n"));
    regel_free(out);
    out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "\"bedrag\": -0.75,\n"));
    regel_free(out);
    f->values[O_BEDRAG] = v_getal(270, 1);
    out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "\"bedrag\": 270,\n"));
    regel_free(out);
    free(f);
}

Test(render, onbekend_decided_by_a_rule)
{
    /* a rule that gave onbekend: undecided, with its legal ground */
    fixture *f = make_fixture();
    regel_error err;
    decided(f, O_NIVEAU, R_NIVEAU, (rt_value){RV_ONBEKEND, {.b = false}});
    char *out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "niveau: onbekend\n"
                                   "  Over niveau kan nog niet beslist worden: nog niet alle "
                                   "feiten zijn bekend.\n"
                                   "  Ontbrekende feiten: studeert.\n"
                                   "  Juridische grond\n"
                                   "    Regel \"Niveau\"\n"
                                   "  Feitelijke gronden\n"
                                   "    werkt = onwaar\n"
                                   "  Steunt op\n"
                                   "    bezig = onbekend\n"),
                       "%s", out);
    regel_free(out);
    out = render(&f->ev, true, REGEL_OK, &err);
    const char *uitleg = strstr(out, "\"uitleg\"");
    const char *onbeslist = strstr(out, "\"onbeslist\"");
    cr_assert(uitleg && onbeslist);
    cr_assert(strstr(uitleg, "\"niveau\": {") > onbeslist, "onbeslist, geen uitleg: %s", out);
    cr_assert_not_null(strstr(out, "\"bezig\": {\n          \"waarde\": null,\n"), "%s", out);
    regel_free(out);
    free(f);
}

Test(render, non_terminating_getal)
{
    fixture *f = make_fixture();
    regel_error err;
    f->values[O_BEDRAG] = v_getal(1, 3);
    render(&f->ev, true, REGEL_ERR_EVAL, &err);
    cr_assert_eq(err.code, REGEL_ERR_EVAL);
    cr_assert_str_eq(err.message,
                     "uitkomst ‘bedrag’ is 1/3 en heeft geen eindige decimale schrijfwijze");
    cr_assert_str_eq(err.file, "test.regel");
    cr_assert_eq(err.line, 10 + R_KORTING);
    render(&f->ev, false, REGEL_ERR_EVAL, &err);
    cr_assert_str_eq(err.message,
                     "uitkomst ‘bedrag’ is 1/3 en heeft geen eindige decimale schrijfwijze");
    free(f);
}

Test(render, non_terminating_begrip_only_when_printed)
{
    fixture *f = make_fixture();
    f->outcomes[O_VRIJGESTELD].type = T_GETAL;
    f->values[O_VRIJGESTELD] = v_getal(-2, 3);
    regel_error err;
    render(&f->ev, true, REGEL_ERR_EVAL, &err);
    cr_assert_str_eq(err.message,
                     "begrip ‘vrijgesteld’ is -2/3 en heeft geen eindige decimale schrijfwijze");
    /* without a trace the begrip is not printed, so there is nothing wrong */
    f->ev.explained = false;
    char *out = render(&f->ev, true, REGEL_OK, &err);
    regel_free(out);
    free(f);
}

Test(render, usage_errors)
{
    fixture *f = make_fixture();
    regel_error err;
    f->ev.evaluated = false;
    render(&f->ev, true, REGEL_ERR_USAGE, &err);
    cr_assert_str_eq(err.message, "er is nog geen evaluatie");
    render(&f->ev, false, REGEL_ERR_USAGE, &err);
    cr_assert_str_eq(err.message, "er is nog geen evaluatie");
    cr_assert_eq(regel_render_json(NULL, NULL, NULL, &err), REGEL_ERR_USAGE);
    f->ev.evaluated = true;
    cr_assert_eq(regel_render_text(&f->ev, NULL, NULL, &err), REGEL_ERR_USAGE);
    cr_assert_eq(regel_render_json(&f->ev, NULL, NULL, NULL), REGEL_ERR_USAGE);
    free(f);
}

Test(render, json_string_escaping)
{
    strbuf sb = STRBUF_INIT;
    char all[33];
    for (int i = 0; i < 32; i++)
        all[i] = (char)(i + 1 == 32 ? 0x1f : i);
    all[0] = 0; /* NUL is escaped too when the length says it is there */
    render_json_string(&sb, all, 32);
    cr_assert_str_eq(sb.data, "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007"
                              "\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013"
                              "\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c"
                              "\\u001d\\u001e\\u001f\"");
    sb_free(&sb);
    const char *s = "a\"b\\c/d\x7f€ oriëntatie 😀";
    render_json_string(&sb, s, strlen(s));
    cr_assert_str_eq(sb.data, "\"a\\\"b\\\\c/d\x7f€ oriëntatie 😀\"");
    sb_free(&sb);
    render_json_cstr(&sb, NULL);
    cr_assert_str_eq(sb.data, "null");
    sb_free(&sb);
    render_json_string(&sb, "", 0);
    cr_assert_str_eq(sb.data, "\"\"");
    sb_free(&sb);
}

Test(render, value_forms)
{
    fixture *f = make_fixture();
    strbuf sb = STRBUF_INIT;
    rt_value v = v_getal(123456789, 1000);
    cr_assert(render_value_text(&sb, &f->policy, T_GETAL, &v));
    cr_assert_str_eq(sb.data, "123456,789");
    sb_free(&sb);
    cr_assert(render_value_json(&sb, &f->policy, T_GETAL, &v, 0));
    cr_assert_str_eq(sb.data, "123456.789");
    sb_free(&sb);
    v = v_getal(2, 7);
    cr_assert_not(render_value_json(&sb, &f->policy, T_GETAL, &v, 0));
    cr_assert_not(render_value_text(&sb, &f->policy, T_GETAL, &v));
    sb_free(&sb);
    cr_assert(render_value_text(&sb, &f->policy, T_TOETS, &f->facts[IN_TOETS]));
    cr_assert_str_eq(sb.data, "{soort: mo, geslaagd: onbekend}");
    sb_free(&sb);
    cr_assert(render_value_json(&sb, &f->policy, T_TOETS, &f->facts[IN_TOETS], 0));
    cr_assert_str_eq(sb.data, "{\n  \"soort\": \"mo\",\n  \"geslaagd\": null\n}");
    sb_free(&sb);
    v = v_text("a\"b");
    cr_assert(render_value_text(&sb, &f->policy, T_TEKST, &v));
    cr_assert_str_eq(sb.data, "\"a\\\"b\"");
    sb_free(&sb);
    v = v_member(1);
    cr_assert(render_value_text(&sb, &f->policy, T_REGISTER, &v));
    cr_assert_str_eq(sb.data, "bevolkingsregister");
    sb_free(&sb);
    cr_assert(render_value_json(&sb, &f->policy, T_REGISTER, &v, 0));
    cr_assert_str_eq(sb.data, "\"bevolkingsregister\"");
    sb_free(&sb);
    free(f);
}

/* ---- v0.2: dates, durations, amounts, periods, lists, versions ---- */

static int32_t ymd(int32_t y, int m, int d)
{
    cr_assert(cal_valid_ymd(y, m, d));
    return cal_from_ymd(y, m, d);
}

static rt_value v_datum(int32_t y, int m, int d)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_DATUM;
    v.u.day = ymd(y, m, d);
    return v;
}

static rt_value v_bedrag(int64_t cents)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_BEDRAG;
    v.u.cents = cents;
    return v;
}

static rt_value v_duur(int32_t months, int32_t days)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_DUUR;
    v.u.duur.months = months;
    v.u.duur.days = days;
    return v;
}

static rt_value v_periode(rt_value van, const rt_value *tot)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_PERIODE;
    v.u.periode.van = van.u.day;
    v.u.periode.open = tot == NULL;
    v.u.periode.tot = tot ? tot->u.day : van.u.day;
    return v;
}

static rt_value v_lijst(const rt_value *items, uint32_t n)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_LIJST;
    v.u.list.items = items;
    v.u.list.n = n;
    return v;
}

/* How often needle occurs in hay. */
static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *at = strstr(hay, needle); at; at = strstr(at + 1, needle))
        n++;
    return n;
}

/* Text and JSON (at indent 0) of v of the given type. */
static void assert_forms(const fixture *f, uint32_t type, rt_value v, const char *text,
                         const char *json)
{
    strbuf sb = STRBUF_INIT;
    cr_assert(render_value_text(&sb, &f->policy, type, &v));
    cr_assert_str_eq(sb.data, text);
    sb_free(&sb);
    cr_assert(render_value_json(&sb, &f->policy, type, &v, 0));
    cr_assert_str_eq(sb.data, json);
    sb_free(&sb);
}

Test(render_v02, datum)
{
    fixture *f = make_fixture();
    assert_forms(f, T_DATUM, v_datum(2022, 3, 1), "1 maart 2022", "\"2022-03-01\"");
    assert_forms(f, T_DATUM, v_datum(2024, 2, 29), "29 februari 2024", "\"2024-02-29\"");
    assert_forms(f, T_DATUM, v_datum(1, 1, 1), "1 januari 1", "\"0001-01-01\"");
    assert_forms(f, T_DATUM, v_datum(9999, 12, 31), "31 december 9999", "\"9999-12-31\"");
    free(f);
}

Test(render_v02, bedrag)
{
    fixture *f = make_fixture();
    assert_forms(f, T_BEDRAG, v_bedrag(27000), "€ 270,00", "270");
    assert_forms(f, T_BEDRAG, v_bedrag(9000), "€ 90,00", "90");
    assert_forms(f, T_BEDRAG, v_bedrag(1250), "€ 12,50", "12.5");
    assert_forms(f, T_BEDRAG, v_bedrag(1234), "€ 12,34", "12.34");
    assert_forms(f, T_BEDRAG, v_bedrag(5), "€ 0,05", "0.05");
    assert_forms(f, T_BEDRAG, v_bedrag(10), "€ 0,10", "0.1");
    assert_forms(f, T_BEDRAG, v_bedrag(0), "€ 0,00", "0");
    assert_forms(f, T_BEDRAG, v_bedrag(-300), "-€ 3,00", "-3");
    assert_forms(f, T_BEDRAG, v_bedrag(-500), "-€ 5,00", "-5");
    assert_forms(f, T_BEDRAG, v_bedrag(-5), "-€ 0,05", "-0.05");
    /* thousands separators: a dot every three digits, none below 1000 */
    assert_forms(f, T_BEDRAG, v_bedrag(99999), "€ 999,99", "999.99");
    assert_forms(f, T_BEDRAG, v_bedrag(100000), "€ 1.000,00", "1000");
    assert_forms(f, T_BEDRAG, v_bedrag(125000), "€ 1.250,00", "1250");
    assert_forms(f, T_BEDRAG, v_bedrag(-125050), "-€ 1.250,50", "-1250.5");
    assert_forms(f, T_BEDRAG, v_bedrag(123456789012), "€ 1.234.567.890,12", "1234567890.12");
    assert_forms(f, T_BEDRAG, v_bedrag(INT64_MAX), "€ 92.233.720.368.547.758,07",
                 "92233720368547758.07");
    assert_forms(f, T_BEDRAG, v_bedrag(INT64_MIN), "-€ 92.233.720.368.547.758,08",
                 "-92233720368547758.08");
    free(f);
}

Test(render_v02, duur)
{
    fixture *f = make_fixture();
    assert_forms(f, T_DUUR, v_duur(2, 0), "2 maanden", "\"2 maanden\"");
    assert_forms(f, T_DUUR, v_duur(1, 0), "1 maand", "\"1 maand\"");
    assert_forms(f, T_DUUR, v_duur(12, 0), "1 jaar", "\"1 jaar\"");
    assert_forms(f, T_DUUR, v_duur(24, 0), "2 jaar", "\"2 jaar\"");
    assert_forms(f, T_DUUR, v_duur(14, 0), "1 jaar en 2 maanden", "\"1 jaar en 2 maanden\"");
    assert_forms(f, T_DUUR, v_duur(0, 10), "10 dagen", "\"10 dagen\"");
    assert_forms(f, T_DUUR, v_duur(0, 1), "1 dag", "\"1 dag\"");
    assert_forms(f, T_DUUR, v_duur(0, 21), "21 dagen", "\"21 dagen\""); /* never weeks */
    assert_forms(f, T_DUUR, v_duur(13, 3), "1 jaar, 1 maand en 3 dagen",
                 "\"1 jaar, 1 maand en 3 dagen\"");
    assert_forms(f, T_DUUR, v_duur(6, 1), "6 maanden en 1 dag", "\"6 maanden en 1 dag\"");
    assert_forms(f, T_DUUR, v_duur(0, 0), "0 dagen", "\"0 dagen\"");
    assert_forms(f, T_DUUR, v_duur(-2, 0), "-2 maanden", "\"-2 maanden\"");
    assert_forms(f, T_DUUR, v_duur(0, -1), "-1 dag", "\"-1 dag\"");
    free(f);
}

Test(render_v02, periode)
{
    fixture *f = make_fixture();
    rt_value tot = v_datum(2023, 5, 5);
    assert_forms(f, T_PERIODE, v_periode(v_datum(2022, 3, 1), &tot),
                 "1 maart 2022 tot en met 5 mei 2023",
                 "{\n  \"van\": \"2022-03-01\",\n  \"tot\": \"2023-05-05\"\n}");
    assert_forms(f, T_PERIODE, v_periode(v_datum(2022, 3, 1), NULL), "vanaf 1 maart 2022",
                 "{\n  \"van\": \"2022-03-01\",\n  \"tot\": null\n}");
    /* indented inside a larger document */
    strbuf sb = STRBUF_INIT;
    rt_value v = v_periode(v_datum(2022, 3, 1), NULL);
    cr_assert(render_value_json(&sb, &f->policy, T_PERIODE, &v, 2));
    cr_assert_str_eq(sb.data, "{\n      \"van\": \"2022-03-01\",\n      \"tot\": null\n    }");
    sb_free(&sb);
    free(f);
}

Test(render_v02, lijsten)
{
    fixture *f = make_fixture();
    assert_forms(f, T_LIJST_BEDRAG, v_lijst(NULL, 0), "[]", "[]");
    assert_forms(f, T_LIJST_AFNAME, v_lijst(NULL, 0), "[]", "[]");
    rt_value bedragen[] = {v_bedrag(9000), v_bedrag(0), v_bedrag(-125)};
    assert_forms(f, T_LIJST_BEDRAG, v_lijst(bedragen, 3), "[€ 90,00, € 0,00, -€ 1,25]",
                 "[\n  90,\n  0,\n  -1.25\n]");
    rt_value tot = v_datum(2021, 12, 31);
    rt_value perioden[] = {v_periode(v_datum(2020, 1, 1), &tot),
                           v_periode(v_datum(2022, 11, 3), NULL)};
    assert_forms(f, T_LIJST_PERIODE, v_lijst(perioden, 2),
                 "[1 januari 2020 tot en met 31 december 2021, vanaf 3 november 2022]",
                 "[\n"
                 "  {\n"
                 "    \"van\": \"2020-01-01\",\n"
                 "    \"tot\": \"2021-12-31\"\n"
                 "  },\n"
                 "  {\n"
                 "    \"van\": \"2022-11-03\",\n"
                 "    \"tot\": null\n"
                 "  }\n"
                 "]");
    /* a list of records holding the new kinds; a missing field is onbekend */
    rt_value a1[3] = {v_datum(2022, 2, 28), v_bedrag(0), v_periode(v_datum(2022, 2, 1), &tot)};
    rt_value a2[3] = {v_datum(2022, 3, 1), v_bedrag(9000), {RV_ONBEKEND, {.b = false}}};
    rt_value afnames[2];
    memset(afnames, 0, sizeof afnames);
    afnames[0].tag = RV_RECORD;
    afnames[0].u.fields = a1;
    afnames[1].tag = RV_RECORD;
    afnames[1].u.fields = a2;
    assert_forms(f, T_LIJST_AFNAME, v_lijst(afnames, 2),
                 "[{datum: 28 februari 2022, kosten: € 0,00, looptijd: 1 februari 2022 tot en "
                 "met 31 december 2021}, {datum: 1 maart 2022, kosten: € 90,00, looptijd: "
                 "onbekend}]",
                 "[\n"
                 "  {\n"
                 "    \"datum\": \"2022-02-28\",\n"
                 "    \"kosten\": 0,\n"
                 "    \"looptijd\": {\n"
                 "      \"van\": \"2022-02-01\",\n"
                 "      \"tot\": \"2021-12-31\"\n"
                 "    }\n"
                 "  },\n"
                 "  {\n"
                 "    \"datum\": \"2022-03-01\",\n"
                 "    \"kosten\": 90,\n"
                 "    \"looptijd\": null\n"
                 "  }\n"
                 "]");
    free(f);
}

Test(render_v02, lijst_in_outcome_and_non_terminating_element)
{
    fixture *f = make_fixture();
    rt_value getallen[] = {v_getal(1, 2), v_getal(1, 3)};
    f->outcomes[O_BEDRAG].type = T_LIJST_GETAL;
    f->values[O_BEDRAG] = v_lijst(getallen, 1);
    regel_error err;
    char *out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "\nbedrag: [0,5]\n"), "%s", out);
    regel_free(out);
    out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "    \"bedrag\": [\n      0.5\n    ],\n"), "%s", out);
    regel_free(out);
    f->values[O_BEDRAG] = v_lijst(getallen, 2);
    render(&f->ev, true, REGEL_ERR_EVAL, &err);
    cr_assert_str_eq(err.message,
                     "uitkomst ‘bedrag’ is 1/3 en heeft geen eindige decimale schrijfwijze");
    render(&f->ev, false, REGEL_ERR_EVAL, &err);
    cr_assert_str_eq(err.message,
                     "uitkomst ‘bedrag’ is 1/3 en heeft geen eindige decimale schrijfwijze");
    free(f);
}

/* The fixture with versions: Doelgroep valid from 1 March 2022, Korting
 * until then; toegang used toetsvergoeding in both versions and drempel. */
static void add_versions(fixture *f)
{
    f->rules[R_DOELGROEP].valid_from = (uint32_t)ymd(2022, 3, 1);
    f->rules[R_KORTING].valid_until = (uint32_t)ymd(2022, 3, 1);
    f->consts[PV_TOETS_OUD] = (rt_const){.kind = RBC_CONST_BEDRAG, .cents = 0};
    f->consts[PV_TOETS_NIEUW] = (rt_const){.kind = RBC_CONST_BEDRAG, .cents = 9000};
    f->consts[PV_DREMPEL] = (rt_const){.kind = RBC_CONST_GETAL, .q = {81, 2}};
    f->toets_versions[0] = (rt_param_version){RBC_NONE, (uint32_t)ymd(2022, 3, 1), PV_TOETS_OUD};
    f->toets_versions[1] = (rt_param_version){(uint32_t)ymd(2022, 3, 1), RBC_NONE, PV_TOETS_NIEUW};
    f->drempel_versions[0] = (rt_param_version){RBC_NONE, RBC_NONE, PV_DREMPEL};
    f->params[0] = (rt_param){"toetsvergoeding", T_BEDRAG, f->toets_versions, 2, 0};
    f->params[1] = (rt_param){"drempel", T_GETAL, f->drempel_versions, 1, 2};
    f->policy.consts = f->consts;
    f->policy.n_consts = N_PV;
    f->policy.params = f->params;
    f->policy.n_params = 2;
    f->policy.n_param_versions = N_PV;
    f->ev.reads_param = f->reads_param;
    /* out of order and repeated, as the builder must cope with */
    reads_pv(f, O_TOEGANG, PV_DREMPEL);
    reads_pv(f, O_TOEGANG, PV_TOETS_NIEUW);
    reads_pv(f, O_TOEGANG, PV_TOETS_OUD);
    reads_pv(f, O_TOEGANG, PV_DREMPEL);
    reads_pv(f, O_GROET, PV_TOETS_NIEUW);
    /* used by a begrip only: not part of toegang's explanation */
    reads_pv(f, O_VRIJGESTELD, PV_DREMPEL);
}

Test(render_v02, versions_text)
{
    fixture *f = make_fixture();
    add_versions(f);
    regel_error err;
    char *out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_not_null(
        strstr(out, "toegang: waar\n"
                    "  Volgens de regel \"Doelgroep\" is toegang ja.\n"
                    "  Juridische grond\n"
                    "    Regel \"Doelgroep\" (geldig vanaf 1 maart 2022)\n"
                    "    Bron: Regeerakkoord, Doelgroep\n"
                    "    Citaat: \"Wie in het vreemdelingenregister staat, krijgt toegang.\"\n"
                    "    Parameter: toetsvergoeding = € 0,00 (geldig tot 1 maart 2022)\n"
                    "    Parameter: toetsvergoeding = € 90,00 (geldig vanaf 1 maart 2022)\n"
                    "    Parameter: drempel = 40,5\n"
                    "  Feitelijke gronden\n"
                    "    register = vreemdelingenregister\n"
                    "    werkt = onwaar\n"
                    "  Steunt op\n"
                    "    vrijgesteld = onwaar\n"),
        "%s", out);
    cr_assert_not_null(
        strstr(out, "bedrag: 12,5\n"
                    "  Volgens de uitzondering \"Korting\" op de regel \"Vergoeding\" is bedrag "
                    "12,5.\n"
                    "  Juridische grond\n"
                    "    Uitzondering \"Korting\" op de regel \"Vergoeding\" (geldig tot 1 maart "
                    "2022)\n"
                    "    Bron: Vergoedingen, korting\n"
                    "    Deze uitzondering zet de regel \"Vergoeding\" opzij.\n"
                    "  Steunt op\n"),
        "%s", out);
    cr_assert_not_null(strstr(out, "    Regel \"Groet\"\n"
                                   "    Parameter: toetsvergoeding = € 90,00 (geldig vanaf 1 maart "
                                   "2022)\n"
                                   "  Feitelijke gronden\n"),
                       "%s", out);
    /* a rule without a validity has none; the begrip's parameter appears
     * under the begrip, once per section that expands it */
    cr_assert_not_null(strstr(out, "    Regel \"Laatste\"\n  Feitelijke gronden\n"), "%s", out);
    cr_assert_not_null(strstr(out, "        Regel \"Vrijstelling\"\n"
                                   "        Bron: Vrijstellingen\n"
                                   "        Parameter: drempel = 40,5\n"),
                       "%s", out);
    cr_assert_eq(count(out, "Parameter:"), 4 + 2, "%s", out);
    regel_free(out);
    /* both bounds: exactly as stored, tot exclusive */
    f->rules[R_DOELGROEP].valid_from = (uint32_t)ymd(2020, 1, 1);
    f->rules[R_DOELGROEP].valid_until = (uint32_t)ymd(2022, 3, 1);
    f->toets_versions[0].from = (uint32_t)ymd(2019, 12, 31);
    out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_not_null(
        strstr(out, "    Regel \"Doelgroep\" (geldig vanaf 1 januari 2020 tot 1 maart 2022)\n"),
        "%s", out);
    cr_assert_not_null(strstr(out, "    Parameter: toetsvergoeding = € 0,00 (geldig vanaf 31 "
                                   "december 2019 tot 1 maart 2022)\n"),
                       "%s", out);
    regel_free(out);
    /* without a trace: values only */
    f->ev.explained = false;
    out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_null(strstr(out, "Parameter"));
    cr_assert_null(strstr(out, "geldig"));
    regel_free(out);
    free(f);
}

Test(render_v02, versions_json)
{
    fixture *f = make_fixture();
    add_versions(f);
    regel_error err;
    char *out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "    \"toegang\": {\n"
                                   "      \"waarde\": true,\n"
                                   "      \"zin\": \"Volgens de regel \\\"Doelgroep\\\" is toegang "
                                   "ja.\",\n"
                                   "      \"zin_gegenereerd\": true,\n"
                                   "      \"regel\": \"Doelgroep\",\n"
                                   "      \"soort\": \"regel\",\n"
                                   "      \"uitzondering_op\": null,\n"
                                   "      \"bron\": \"Regeerakkoord, Doelgroep\",\n"
                                   "      \"citaat\": \"Wie in het vreemdelingenregister "
                                   "staat, krijgt toegang.\",\n"
                                   "      \"geldig\": {\n"
                                   "        \"vanaf\": \"2022-03-01\",\n"
                                   "        \"tot\": null\n"
                                   "      },\n"
                                   "      \"voldaan\": [],\n"
                                   "      \"waarom_niet\": [],\n"
                                   "      \"niet_toegepast\": [],\n"
                                   "      \"feiten\": {\n"
                                   "        \"register\": \"vreemdelingenregister\",\n"
                                   "        \"werkt\": false\n"
                                   "      },\n"
                                   "      \"parameters\": {\n"
                                   "        \"toetsvergoeding\": [\n"
                                   "          {\n"
                                   "            \"waarde\": 0,\n"
                                   "            \"geldig\": {\n"
                                   "              \"vanaf\": null,\n"
                                   "              \"tot\": \"2022-03-01\"\n"
                                   "            }\n"
                                   "          },\n"
                                   "          {\n"
                                   "            \"waarde\": 90,\n"
                                   "            \"geldig\": {\n"
                                   "              \"vanaf\": \"2022-03-01\",\n"
                                   "              \"tot\": null\n"
                                   "            }\n"
                                   "          }\n"
                                   "        ],\n"
                                   "        \"drempel\": [\n"
                                   "          {\n"
                                   "            \"waarde\": 40.5,\n"
                                   "            \"geldig\": null\n"
                                   "          }\n"
                                   "        ]\n"
                                   "      },\n"
                                   "      \"steunt_op\": {\n"
                                   "        \"vrijgesteld\": {\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "      \"uitzondering_op\": \"Vergoeding\",\n"
                                   "      \"bron\": \"Vergoedingen, korting\",\n"
                                   "      \"citaat\": null,\n"
                                   "      \"geldig\": {\n"
                                   "        \"vanaf\": null,\n"
                                   "        \"tot\": \"2022-03-01\"\n"
                                   "      },\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "      \"feiten\": {\n"
                                   "        \"naam\": \"Zoë\"\n"
                                   "      },\n"
                                   "      \"parameters\": {\n"
                                   "        \"toetsvergoeding\": [\n"
                                   "          {\n"
                                   "            \"waarde\": 90,\n"
                                   "            \"geldig\": {\n"
                                   "              \"vanaf\": \"2022-03-01\",\n"
                                   "              \"tot\": null\n"
                                   "            }\n"
                                   "          }\n"
                                   "        ]\n"
                                   "      },\n"
                                   "      \"steunt_op\": {}\n"),
                       "%s", out);
    /* rules without validity: null; outcomes without parameters: no key */
    cr_assert_not_null(strstr(out, "      \"regel\": \"Laatste\",\n"
                                   "      \"soort\": \"regel\",\n"
                                   "      \"uitzondering_op\": null,\n"
                                   "      \"bron\": null,\n"
                                   "      \"citaat\": null,\n"
                                   "      \"geldig\": null,\n"),
                       "%s", out);
    /* toegang, groet and the begrip vrijgesteld under toegang and bedrag */
    cr_assert_eq(count(out, "\"parameters\""), 4, "%s", out);
    /* toegang 3 versions, groet 1, drempel under the begrip twice (no validity: null) */
    cr_assert_eq(count(out, "            \"waarde\": "), 3 + 1 + 2, "%s", out);
    regel_free(out);
    free(f);
}

Test(render_v02, no_parameter_tables)
{
    /* reads_param NULL (an evaluation of a policy without parameters) */
    fixture *f = make_fixture();
    f->ev.reads_param = NULL;
    regel_error err;
    char *out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_str_eq(out, expected_json);
    regel_free(out);
    free(f);
}

/* ---- through the compiler, loader and VM ---- */

static const char klein_src[] =
    "beleid \"Klein\".\n"
    "bron \"Testbron\".\n"
    "soort Kleur is een van rood, groen.\n"
    "gegeven Toets heeft kleur: Kleur, geslaagd: waarheid.\n"
    "invoer prijs: getal, stuks: getal, kleur: Kleur, naam: tekst, toets: Toets,\n"
    "    werkt: waarheid.\n"
    "uitkomst subtotaal: getal, korting: waarheid, groet: tekst, gekozen: Kleur,\n"
    "    status: waarheid.\n"
    "begrip kostbaar: waarheid.\n"
    "regel \"Totaal\" bron \"Art. 1\" citaat \"De prijs maal het aantal stuks.\"\n"
    "    subtotaal is prijs * stuks.\n"
    "regel \"Duur\" kostbaar is prijs groter dan 10.\n"
    "regel \"Korting\" bron \"Art. 2\" korting is onwaar.\n"
    "uitzondering \"Korting bij duur\" op \"Korting\" bron \"Art. 2a\"\n"
    "    korting is waar indien kostbaar en werkt.\n"
    "regel \"Groet\" groet is naam.\n"
    "regel \"Kleur\" gekozen is kleur indien toets.geslaagd.\n"
    "regel \"Status\" status is waar indien werkt.\n"
    "regel \"Derde\" bron \"Art. 3\" derde is subtotaal / 3.\n";

/* Compile klein_src (optionally without the last rule and outcome), read
 * the case, evaluate with a trace and render. Returns the output or NULL
 * (then *rc holds the error code and err the message). */
static char *run_klein(const char *case_json, bool json, bool with_derde, int *rc, regel_error *err)
{
    char src[2048];
    const char *decl = "    status: waarheid.";
    const char *at = strstr(klein_src, decl);
    cr_assert_not_null(at);
    if (with_derde) {
        snprintf(src, sizeof src, "%.*s    status: waarheid, derde: getal.%s",
                 (int)(at - klein_src), klein_src, at + strlen(decl));
    } else {
        snprintf(src, sizeof src, "%s", klein_src);
        *strstr(src, "regel \"Derde\"") = '\0';
    }
    regel_policy *p = NULL;
    char *diag = NULL;
    int r = regel_policy_compile(src, strlen(src), "klein.regel", &p, &diag, err);
    cr_assert_eq(r, REGEL_OK, "compileren mislukt: %s\n%s", err->message, diag ? diag : "");
    regel_free(diag);
    regel_case *c = NULL;
    r = regel_case_from_json(p, case_json, strlen(case_json), "geval.json", &c, err);
    cr_assert_eq(r, REGEL_OK, "%s", err->message);
    regel_eval *ev = regel_eval_new(p);
    cr_assert_not_null(ev);
    char *out = NULL;
    size_t len = 0;
    r = json ? regel_render_json(ev, &out, &len, err) : regel_render_text(ev, &out, &len, err);
    cr_assert_eq(r, REGEL_ERR_USAGE, "nog niets geëvalueerd");
    cr_assert_str_eq(err->message, "er is nog geen evaluatie");
    r = regel_evaluate(ev, c, REGEL_EXPLAIN, err);
    cr_assert_eq(r, REGEL_OK, "%s", err->message);
    r = json ? regel_render_json(ev, &out, &len, err) : regel_render_text(ev, &out, &len, err);
    *rc = r;
    if (r == REGEL_OK)
        cr_assert_eq(len, strlen(out));
    regel_eval_free(ev);
    regel_case_free(c);
    regel_policy_free(p);
    return out;
}

static const char klein_case[] = "{\"prijs\": 12.5, \"stuks\": 3, \"kleur\": \"groen\", "
                                 "\"naam\": \"Zoë \\\"Z\\\"\", \"toets\": {\"kleur\": \"rood\"}, "
                                 "\"werkt\": false}";

Test(render_compiled, text)
{
    regel_error err;
    int rc;
    char *out = run_klein(klein_case, false, false, &rc, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    cr_assert_str_eq(
        out, "Beleid: Klein\n"
             "\n"
             "subtotaal: 37,5\n"
             "  Volgens de regel \"Totaal\" is subtotaal 37,5.\n"
             "  Juridische grond\n"
             "    Regel \"Totaal\"\n"
             "    Bron: Art. 1\n"
             "    Citaat: \"De prijs maal het aantal stuks.\"\n"
             "  Feitelijke gronden\n"
             "    prijs = 12,5\n"
             "    stuks = 3\n"
             "\n"
             "korting: onwaar\n"
             "  Volgens de regel \"Korting\" is korting nee.\n"
             "  Juridische grond\n"
             "    Regel \"Korting\"\n"
             "    Bron: Art. 2\n"
             "  Niet toegepast\n"
             "    Uitzondering \"Korting bij duur\": niet voldaan: werkt (werkt = onwaar)\n"
             "  Feitelijke gronden\n"
             "    werkt = onwaar\n"
             "  Steunt op\n"
             "    kostbaar = waar\n"
             "      Volgens de regel \"Duur\" is kostbaar ja.\n"
             "      Juridische grond\n"
             "        Regel \"Duur\"\n"
             "      Feitelijke gronden\n"
             "        prijs = 12,5\n"
             "\n"
             "groet: \"Zoë \\\"Z\\\"\"\n"
             "  Volgens de regel \"Groet\" is groet Zoë \"Z\".\n"
             "  Juridische grond\n"
             "    Regel \"Groet\"\n"
             "  Feitelijke gronden\n"
             "    naam = \"Zoë \\\"Z\\\"\"\n"
             "\n"
             "gekozen: onbekend\n"
             "  Over gekozen kan nog niet beslist worden: nog niet alle feiten zijn bekend.\n"
             "  Ontbrekende feiten: toets.\n"
             "  Regel \"Kleur\" kan nog niet beslissen: onbekend of toets.geslaagd (toets = "
             "{kleur: rood, geslaagd: onbekend})\n"
             "  Feitelijke gronden\n"
             "    toets = {kleur: rood, geslaagd: onbekend}\n"
             "\n"
             "status: onbekend\n"
             "  Geen enkele regel is van toepassing op status.\n"
             "  Niet toegepast\n"
             "    Regel \"Status\": niet voldaan: werkt (werkt = onwaar)\n"
             "  Feitelijke gronden\n"
             "    werkt = onwaar\n"
             "\n"
             "Ontbrekende feiten: toets.\n");
    regel_free(out);
}

Test(render_compiled, json)
{
    regel_error err;
    int rc;
    char *out = run_klein(klein_case, true, false, &rc, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    cr_assert_str_eq(out,
                     "{\n"
                     "  \"beleid\": \"Klein\",\n"
                     "  \"uitkomsten\": {\n"
                     "    \"subtotaal\": 37.5,\n"
                     "    \"korting\": false,\n"
                     "    \"groet\": \"Zoë \\\"Z\\\"\",\n"
                     "    \"gekozen\": null,\n"
                     "    \"status\": null\n"
                     "  },\n"
                     "  \"uitleg\": {\n"
                     "    \"subtotaal\": {\n"
                     "      \"waarde\": 37.5,\n"
                     "      \"zin\": \"Volgens de regel \\\"Totaal\\\" is subtotaal 37,5.\",\n"
                     "      \"zin_gegenereerd\": true,\n"
                     "      \"regel\": \"Totaal\",\n"
                     "      \"soort\": \"regel\",\n"
                     "      \"uitzondering_op\": null,\n"
                     "      \"bron\": \"Art. 1\",\n"
                     "      \"citaat\": \"De prijs maal het aantal stuks.\",\n"
                     "      \"geldig\": null,\n"
                     "      \"voldaan\": [],\n"
                     "      \"waarom_niet\": [],\n"
                     "      \"niet_toegepast\": [],\n"
                     "      \"feiten\": {\n"
                     "        \"prijs\": 12.5,\n"
                     "        \"stuks\": 3\n"
                     "      },\n"
                     "      \"steunt_op\": {}\n"
                     "    },\n"
                     "    \"korting\": {\n"
                     "      \"waarde\": false,\n"
                     "      \"zin\": \"Volgens de regel \\\"Korting\\\" is korting nee.\",\n"
                     "      \"zin_gegenereerd\": true,\n"
                     "      \"regel\": \"Korting\",\n"
                     "      \"soort\": \"regel\",\n"
                     "      \"uitzondering_op\": null,\n"
                     "      \"bron\": \"Art. 2\",\n"
                     "      \"citaat\": null,\n"
                     "      \"geldig\": null,\n"
                     "      \"voldaan\": [],\n"
                     "      \"waarom_niet\": [],\n"
                     "      \"niet_toegepast\": [\n"
                     "        {\n"
                     "          \"regel\": \"Korting bij duur\",\n"
                     "          \"soort\": \"uitzondering\",\n"
                     "          \"reden\": \"voorwaarde\",\n"
                     "          \"waarom_niet\": [\n"
                     "            {\n"
                     "              \"voorwaarde\": \"werkt\",\n"
                     "              \"uitkomst\": \"onwaar\",\n"
                     "              \"waarden\": {\n"
                     "                \"werkt\": false\n"
                     "              },\n"
                     "              \"regel_in_bron\": {\n"
                     "                \"regel\": 15,\n"
                     "                \"kolom\": 40\n"
                     "              }\n"
                     "            }\n"
                     "          ],\n"
                     "          \"geldig\": null\n"
                     "        }\n"
                     "      ],\n"
                     "      \"feiten\": {\n"
                     "        \"werkt\": false\n"
                     "      },\n"
                     "      \"steunt_op\": {\n"
                     "        \"kostbaar\": {\n"
                     "          \"waarde\": true,\n"
                     "          \"zin\": \"Volgens de regel \\\"Duur\\\" is kostbaar ja.\",\n"
                     "          \"zin_gegenereerd\": true,\n"
                     "          \"regel\": \"Duur\",\n"
                     "          \"soort\": \"regel\",\n"
                     "          \"uitzondering_op\": null,\n"
                     "          \"bron\": null,\n"
                     "          \"citaat\": null,\n"
                     "          \"geldig\": null,\n"
                     "          \"voldaan\": [],\n"
                     "          \"waarom_niet\": [],\n"
                     "          \"niet_toegepast\": [],\n"
                     "          \"feiten\": {\n"
                     "            \"prijs\": 12.5\n"
                     "          },\n"
                     "          \"steunt_op\": {}\n"
                     "        }\n"
                     "      }\n"
                     "    },\n"
                     "    \"groet\": {\n"
                     "      \"waarde\": \"Zoë \\\"Z\\\"\",\n"
                     "      \"zin\": \"Volgens de regel \\\"Groet\\\" is groet Zoë \\\"Z\\\".\",\n"
                     "      \"zin_gegenereerd\": true,\n"
                     "      \"regel\": \"Groet\",\n"
                     "      \"soort\": \"regel\",\n"
                     "      \"uitzondering_op\": null,\n"
                     "      \"bron\": null,\n"
                     "      \"citaat\": null,\n"
                     "      \"geldig\": null,\n"
                     "      \"voldaan\": [],\n"
                     "      \"waarom_niet\": [],\n"
                     "      \"niet_toegepast\": [],\n"
                     "      \"feiten\": {\n"
                     "        \"naam\": \"Zoë \\\"Z\\\"\"\n"
                     "      },\n"
                     "      \"steunt_op\": {}\n"
                     "    }\n"
                     "  },\n"
                     "  \"onbeslist\": {\n"
                     "    \"gekozen\": {\n"
                     "      \"ontbrekend\": [\n"
                     "        \"toets\"\n"
                     "      ],\n"
                     "      \"zin\": \"Over gekozen kan nog niet beslist worden: nog niet alle "
                     "feiten zijn bekend.\",\n"
                     "      \"wacht_op\": [\n"
                     "        {\n"
                     "          \"regel\": \"Kleur\",\n"
                     "          \"voorwaarde\": \"toets.geslaagd\",\n"
                     "          \"waarden\": {\n"
                     "            \"toets\": {\n"
                     "              \"kleur\": \"rood\",\n"
                     "              \"geslaagd\": null\n"
                     "            }\n"
                     "          }\n"
                     "        }\n"
                     "      ],\n"
                     "      \"niet_toegepast\": [],\n"
                     "      \"feiten\": {\n"
                     "        \"toets\": {\n"
                     "          \"kleur\": \"rood\",\n"
                     "          \"geslaagd\": null\n"
                     "        }\n"
                     "      },\n"
                     "      \"steunt_op\": {}\n"
                     "    },\n"
                     "    \"status\": {\n"
                     "      \"ontbrekend\": [],\n"
                     "      \"reden\": \"geen regel van toepassing\",\n"
                     "      \"zin\": \"Geen enkele regel is van toepassing op status.\",\n"
                     "      \"wacht_op\": [],\n"
                     "      \"niet_toegepast\": [\n"
                     "        {\n"
                     "          \"regel\": \"Status\",\n"
                     "          \"soort\": \"regel\",\n"
                     "          \"reden\": \"voorwaarde\",\n"
                     "          \"waarom_niet\": [\n"
                     "            {\n"
                     "              \"voorwaarde\": \"werkt\",\n"
                     "              \"uitkomst\": \"onwaar\",\n"
                     "              \"waarden\": {\n"
                     "                \"werkt\": false\n"
                     "              },\n"
                     "              \"regel_in_bron\": {\n"
                     "                \"regel\": 18,\n"
                     "                \"kolom\": 38\n"
                     "              }\n"
                     "            }\n"
                     "          ],\n"
                     "          \"geldig\": null\n"
                     "        }\n"
                     "      ],\n"
                     "      \"feiten\": {\n"
                     "        \"werkt\": false\n"
                     "      },\n"
                     "      \"steunt_op\": {}\n"
                     "    }\n"
                     "  },\n"
                     "  \"ontbrekend\": [\n"
                     "    \"toets\"\n"
                     "  ]\n"
                     "}\n");
    regel_free(out);
}

Test(render_compiled, exception_and_missing_facts)
{
    regel_error err;
    int rc;
    char *out = run_klein("{\"prijs\": 20, \"werkt\": true}", false, false, &rc, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    cr_assert_str_eq(
        out,
        "Beleid: Klein\n"
        "\n"
        "subtotaal: onbekend\n"
        "  Over subtotaal kan nog niet beslist worden: nog niet alle feiten zijn bekend.\n"
        "  Ontbrekende feiten: stuks.\n"
        "  Regel \"Totaal\" kan nog niet beslissen: de uitkomst hangt af van onbekende gegevens "
        "(stuks = onbekend)\n"
        "  Feitelijke gronden\n"
        "    prijs = 20\n"
        "    stuks = onbekend\n"
        "\n"
        "korting: waar\n"
        "  Volgens de uitzondering \"Korting bij duur\" op de regel \"Korting\" is korting ja, "
        "omdat kostbaar en werkt.\n"
        "  Juridische grond\n"
        "    Uitzondering \"Korting bij duur\" op de regel \"Korting\"\n"
        "    Bron: Art. 2a\n"
        "    Voldaan: kostbaar (kostbaar = waar)\n"
        "    Voldaan: werkt (werkt = waar)\n"
        "    Deze uitzondering zet de regel \"Korting\" opzij (die gaf: onwaar).\n"
        "  Feitelijke gronden\n"
        "    werkt = waar\n"
        "  Steunt op\n"
        "    kostbaar = waar\n"
        "      Volgens de regel \"Duur\" is kostbaar ja.\n"
        "      Juridische grond\n"
        "        Regel \"Duur\"\n"
        "      Feitelijke gronden\n"
        "        prijs = 20\n"
        "\n"
        "groet: onbekend\n"
        "  Over groet kan nog niet beslist worden: nog niet alle feiten zijn bekend.\n"
        "  Ontbrekende feiten: naam.\n"
        "  Regel \"Groet\" kan nog niet beslissen: de uitkomst hangt af van onbekende gegevens "
        "(naam = onbekend)\n"
        "  Feitelijke gronden\n"
        "    naam = onbekend\n"
        "\n"
        "gekozen: onbekend\n"
        "  Over gekozen kan nog niet beslist worden: nog niet alle feiten zijn bekend.\n"
        "  Ontbrekende feiten: toets.\n"
        "  Regel \"Kleur\" kan nog niet beslissen: onbekend of toets.geslaagd (toets = onbekend)\n"
        "  Feitelijke gronden\n"
        "    toets = onbekend\n"
        "\n"
        "status: waar\n"
        "  Volgens de regel \"Status\" is status ja, omdat werkt.\n"
        "  Juridische grond\n"
        "    Regel \"Status\"\n"
        "    Voldaan: werkt (werkt = waar)\n"
        "  Feitelijke gronden\n"
        "    werkt = waar\n"
        "\n"
        "Ontbrekende feiten: stuks, naam, toets.\n");
    regel_free(out);
    out = run_klein("{\"prijs\": 20, \"werkt\": true}", true, false, &rc, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    cr_assert_not_null(strstr(out, "      \"uitzondering_op\": \"Korting\",\n"
                                   "      \"bron\": \"Art. 2a\",\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "  \"ontbrekend\": [\n"
                                   "    \"stuks\",\n"
                                   "    \"naam\",\n"
                                   "    \"toets\"\n"
                                   "  ]\n"
                                   "}\n"));
    regel_free(out);
}

Test(render_compiled, non_terminating_uitkomst)
{
    regel_error err;
    int rc;
    /* 12.5 × 1 / 3 = 25/6 */
    char *out = run_klein("{\"prijs\": 12.5, \"stuks\": 1}", true, true, &rc, &err);
    cr_assert_eq(rc, REGEL_ERR_EVAL);
    cr_assert_null(out);
    cr_assert_str_eq(err.message,
                     "uitkomst ‘derde’ is 25/6 en heeft geen eindige decimale schrijfwijze");
    cr_assert_str_eq(err.file, "klein.regel");
    cr_assert_eq(err.line, 19);
    out = run_klein("{\"prijs\": 12.5, \"stuks\": 1}", false, true, &rc, &err);
    cr_assert_eq(rc, REGEL_ERR_EVAL);
    cr_assert_null(out);
    /* 12.5 × 6 / 3 = 25 */
    out = run_klein("{\"prijs\": 12.5, \"stuks\": 6}", true, true, &rc, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    cr_assert_not_null(strstr(out, "    \"derde\": 25\n  },\n"));
    regel_free(out);
}

/* ---- v0.3: geen, onbeslist, defaults ---- */

static rt_value v_geen(void)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_GEEN;
    return v;
}

static rt_value v_onbekend(void)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    return v;
}

Test(render_v03, geen_values)
{
    fixture *f = make_fixture();
    assert_forms(f, T_DATUM, v_geen(), "geen", "null");
    assert_forms(f, T_BEDRAG, v_geen(), "geen", "null");
    assert_forms(f, T_LIJST_GETAL, v_geen(), "geen", "null");
    /* inside a record and a list; onbekend stays onbekend */
    rt_value fields[2] = {v_geen(), v_onbekend()};
    rt_value toets;
    memset(&toets, 0, sizeof toets);
    toets.tag = RV_RECORD;
    toets.u.fields = fields;
    assert_forms(f, T_TOETS, toets, "{soort: geen, geslaagd: onbekend}",
                 "{\n  \"soort\": null,\n  \"geslaagd\": null\n}");
    rt_value items[3] = {v_bedrag(9000), v_geen(), v_bedrag(5)};
    assert_forms(f, T_LIJST_BEDRAG, v_lijst(items, 3), "[€ 90,00, geen, € 0,05]",
                 "[\n  90,\n  null,\n  0.05\n]");
    rt_value a[3] = {v_datum(2022, 3, 1), v_geen(), v_geen()};
    rt_value afname;
    memset(&afname, 0, sizeof afname);
    afname.tag = RV_RECORD;
    afname.u.fields = a;
    assert_forms(f, T_LIJST_AFNAME, v_lijst(&afname, 1),
                 "[{datum: 1 maart 2022, kosten: geen, looptijd: geen}]",
                 "[\n"
                 "  {\n"
                 "    \"datum\": \"2022-03-01\",\n"
                 "    \"kosten\": null,\n"
                 "    \"looptijd\": null\n"
                 "  }\n"
                 "]");
    free(f);
}

Test(render_v03, geen_outcome_and_fact)
{
    fixture *f = make_fixture();
    decided(f, O_BEDRAG, R_KORTING, v_geen());
    f->facts[IN_NAAM] = v_geen();
    regel_error err;
    char *out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_not_null(strstr(out,
                              "\nbedrag: geen\n"
                              "  Volgens de uitzondering \"Korting\" op de regel \"Vergoeding\" "
                              "is bedrag geen.\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "  Feitelijke gronden\n    naam = geen\n"), "%s", out);
    cr_assert_null(strstr(out, "Over bedrag"), "geen is beslist");
    regel_free(out);
    out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "    \"bedrag\": null,\n    \"groet\""), "%s", out);
    cr_assert_not_null(strstr(out, "    \"bedrag\": {\n      \"waarde\": null,\n"), "%s", out);
    cr_assert_not_null(strstr(out, "      \"feiten\": {\n        \"naam\": null\n      },\n"), "%s",
                       out);
    /* a decided geen is not onbeslist */
    cr_assert_null(strstr(strstr(out, "\"onbeslist\""), "\"bedrag\""), "%s", out);
    regel_free(out);
    free(f);
}

Test(render_v03, onbeslist_per_uitkomst)
{
    fixture *f = make_fixture();
    /* niveau waits for three facts (marked out of order: printed in input order) */
    cause(f, O_NIVEAU, IN_TOETS);
    cause(f, O_NIVEAU, IN_WERKT);
    /* laatste_toets: onbekend without causes, not for want of a rule */
    f->values[O_LAATSTE] = v_onbekend();
    f->status[O_LAATSTE] = EV_UNKNOWN;
    f->decided_by[O_LAATSTE] = RBC_NONE;
    /* a begrip never gets a section, a known uitkomst never an onbeslist entry */
    cause(f, O_BEZIG, IN_NAAM);
    cause(f, O_TOEGANG, IN_NAAM);
    /* the overall list is ev->missing as the VM computed it */
    f->missing[IN_NAAM] = 1;
    regel_error err;
    char *out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "  \"onbeslist\": {\n"
                                   "    \"niveau\": {\n"
                                   "      \"ontbrekend\": [\n"
                                   "        \"werkt\",\n"
                                   "        \"studeert\",\n"
                                   "        \"toets\"\n"
                                   "      ],\n"
                                   "      \"zin\": \"Over niveau kan nog niet beslist worden: nog "
                                   "niet alle feiten zijn bekend.\",\n"
                                   "      \"wacht_op\": [],\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "    \"plicht\": {\n"
                                   "      \"ontbrekend\": [],\n"
                                   "      \"reden\": \"geen regel van toepassing\",\n"
                                   "      \"zin\": \"Geen enkele regel is van toepassing op "
                                   "plicht.\",\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "    \"laatste_toets\": {\n"
                                   "      \"ontbrekend\": [],\n"
                                   "      \"zin\": \"Over laatste_toets kan nog niet beslist "
                                   "worden.\",\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "  },\n"
                                   "  \"ontbrekend\": [\n"
                                   "    \"studeert\",\n"
                                   "    \"naam\"\n"
                                   "  ]\n"
                                   "}\n"),
                       "%s", out);
    cr_assert_eq(count(out, "\"laatste_toets\": {"), 1, "geen uitleg meer: %s", out);
    cr_assert_null(strstr(out, "    \"bezig\": {\n      \"ontbrekend\""), "%s", out);
    regel_free(out);
    out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "\nniveau: onbekend\n"
                                   "  Over niveau kan nog niet beslist worden: nog niet alle "
                                   "feiten zijn bekend.\n"
                                   "  Ontbrekende feiten: werkt, studeert, toets.\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "\nplicht: onbekend\n"
                                   "  Geen enkele regel is van toepassing op plicht.\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "\nlaatste_toets: onbekend\n"
                                   "  Over laatste_toets kan nog niet beslist worden.\n"
                                   "  Feitelijke gronden\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "\n\nOntbrekende feiten: studeert, naam.\n"), "%s", out);
    cr_assert_null(strstr(out, "\nbezig:"), "%s", out);
    regel_free(out);
    free(f);
}

Test(render_v03, onbeslist_empty_when_all_decided)
{
    fixture *f = make_fixture();
    decided(f, O_NIVEAU, R_NIVEAU, v_member(0));
    decided(f, O_PLICHT, R_PLICHT, v_bool(true));
    f->causes[O_NIVEAU] = NULL;
    memset(f->missing, 0, sizeof f->missing);
    regel_error err;
    char *out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "  },\n  \"onbeslist\": {},\n  \"ontbrekend\": []\n}\n"), "%s",
                       out);
    regel_free(out);
    out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_null(strstr(out, "Over niveau"), "%s", out);
    cr_assert_null(strstr(out, "\nOntbrekende"), "%s", out);
    /* the begrip bezig is still onbekend, under niveau */
    cr_assert_not_null(strstr(out, "    bezig = onbekend\n"
                                   "      Over bezig kan nog niet beslist worden: nog niet alle "
                                   "feiten zijn bekend.\n"
                                   "      Ontbrekende feiten: studeert.\n"),
                       "%s", out);
    regel_free(out);
    free(f);
}

Test(render_v03, a_rule_that_gave_onbekend)
{
    fixture *f = make_fixture();
    decided(f, O_NIVEAU, R_NIVEAU, v_onbekend());
    regel_error err;
    char *out = render(&f->ev, true, REGEL_OK, &err);
    /* onbeslist, with what it waits for */
    cr_assert_not_null(strstr(out, "  \"onbeslist\": {\n"
                                   "    \"niveau\": {\n"
                                   "      \"ontbrekend\": [\n"
                                   "        \"studeert\"\n"
                                   "      ],\n"
                                   "      \"zin\": \"Over niveau kan nog niet beslist worden: nog "
                                   "niet alle feiten zijn bekend.\",\n"),
                       "%s", out);
    /* top level, niveau, plicht and the begrip bezig expanded under niveau */
    cr_assert_eq(count(out, "\"ontbrekend\""), 4, "%s", out);
    regel_free(out);
    /* without causes: an empty list */
    f->causes[O_NIVEAU] = NULL;
    out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "    \"niveau\": {\n"
                                   "      \"ontbrekend\": [],\n"),
                       "%s", out);
    regel_free(out);
    out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "niveau: onbekend\n"
                                   "  Over niveau kan nog niet beslist worden.\n"
                                   "  Juridische grond\n"
                                   "    Regel \"Niveau\"\n"),
                       "%s", out);
    regel_free(out);
    free(f);
}

Test(render_v03, defaults_are_marked)
{
    fixture *f = make_fixture();
    f->defaulted[IN_WERKT] = 1;
    f->defaulted[IN_REGISTER] = 1;
    f->defaulted[IN_NAAM] = 1;
    reads_in(f, O_BEDRAG, IN_NAAM); /* bedrag reads a defaulted fact too */
    regel_error err;
    char *out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "  Feitelijke gronden\n"
                                   "    register = vreemdelingenregister (standaard)\n"
                                   "    werkt = onwaar (standaard)\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "    naam = \"Zoë\" (standaard)\n"), "%s", out);
    cr_assert_not_null(strstr(out, "    toets = {soort: mo, geslaagd: onbekend}\n"), "%s", out);
    /* toegang 2, bedrag 1, groet 1, niveau 1, plicht 1 */
    cr_assert_eq(count(out, "(standaard)"), 6, "%s", out);
    regel_free(out);
    out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "      \"feiten\": {\n"
                                   "        \"register\": \"vreemdelingenregister\",\n"
                                   "        \"werkt\": false\n"
                                   "      },\n"
                                   "      \"standaard_gebruikt\": [\n"
                                   "        \"register\",\n"
                                   "        \"werkt\"\n"
                                   "      ],\n"
                                   "      \"steunt_op\": {\n"),
                       "%s", out);
    cr_assert_not_null(strstr(out, "      \"feiten\": {\n"
                                   "        \"naam\": \"Zoë\"\n"
                                   "      },\n"
                                   "      \"standaard_gebruikt\": [\n"
                                   "        \"naam\"\n"
                                   "      ],\n"),
                       "%s", out);
    /* toegang, bedrag, groet, niveau, plicht; not laatste_toets (toets took no default) */
    cr_assert_eq(count(out, "\"standaard_gebruikt\""), 5, "%s", out);
    regel_free(out);
    /* before the parameters */
    add_versions(f);
    out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_not_null(strstr(out, "        \"werkt\"\n"
                                   "      ],\n"
                                   "      \"parameters\": {\n"),
                       "%s", out);
    regel_free(out);
    free(f);
}

Test(render_v03, no_default_table)
{
    /* a case built without a defaulted table renders without markers */
    fixture *f = make_fixture();
    f->defaulted[IN_WERKT] = 1;
    f->kase.defaulted = NULL;
    regel_error err;
    char *out = render(&f->ev, false, REGEL_OK, &err);
    cr_assert_null(strstr(out, "(standaard)"), "%s", out);
    regel_free(out);
    out = render(&f->ev, true, REGEL_OK, &err);
    cr_assert_null(strstr(out, "standaard_gebruikt"), "%s", out);
    cr_assert_str_eq(out, expected_json);
    regel_free(out);
    free(f);
}

/* ---- v0.3 through the compiler, loader and VM ---- */

static const char proef_src[] =
    "beleid \"Proef\".\n"
    "gegeven Toets heeft datum: datum (optioneel), geslaagd: waarheid.\n"
    "invoer ernstig_ziek: waarheid standaard onwaar,\n"
    "    werkt: waarheid vraag \"Werkt u momenteel?\",\n"
    "    studeert: waarheid,\n"
    "    contract_getekend: datum (optioneel),\n"
    "    toets: Toets.\n"
    "uitkomst vrijgesteld: waarheid, getekend: datum (optioneel), bezig: waarheid,\n"
    "    toetsdatum: datum (optioneel).\n"
    "regel \"Vrij\" vrijgesteld is waar indien ernstig_ziek.\n"
    "regel \"Niet vrij\" vrijgesteld is onwaar indien niet ernstig_ziek.\n"
    "regel \"Getekend\" getekend is contract_getekend.\n"
    "regel \"Bezig\" bezig is werkt of studeert.\n"
    "regel \"Toetsdatum\" toetsdatum is toets.datum.\n";

/* Compile proef_src, read case_json, evaluate with a trace and render. */
static char *run_proef(const char *case_json, bool json)
{
    regel_error err;
    regel_policy *p = NULL;
    char *diag = NULL;
    int rc = regel_policy_compile(proef_src, strlen(proef_src), "proef.regel", &p, &diag, &err);
    cr_assert_eq(rc, REGEL_OK, "compileren mislukt: %s\n%s", err.message, diag ? diag : "");
    regel_free(diag);
    regel_case *c = NULL;
    rc = regel_case_from_json(p, case_json, strlen(case_json), "geval.json", &c, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    regel_eval *ev = regel_eval_new(p);
    cr_assert_not_null(ev);
    rc = regel_evaluate(ev, c, REGEL_EXPLAIN, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    char *out = NULL;
    size_t len = 0;
    rc = json ? regel_render_json(ev, &out, &len, &err) : regel_render_text(ev, &out, &len, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    cr_assert_eq(len, strlen(out));
    regel_eval_free(ev);
    regel_case_free(c);
    regel_policy_free(p);
    return out;
}

static const char proef_case[] =
    "{\"contract_getekend\": null, \"toets\": {\"datum\": null, \"geslaagd\": true}}";

Test(render_compiled, geen_defaults_and_onbeslist_text)
{
    char *out = run_proef(proef_case, false);
    cr_assert_str_eq(
        out,
        "Beleid: Proef\n"
        "\n"
        "vrijgesteld: onwaar\n"
        "  Volgens de regel \"Niet vrij\" is vrijgesteld nee, omdat niet ernstig_ziek.\n"
        "  Juridische grond\n"
        "    Regel \"Niet vrij\"\n"
        "    Voldaan: niet ernstig_ziek (ernstig_ziek = onwaar)\n"
        "  Niet toegepast\n"
        "    Regel \"Vrij\": niet voldaan: ernstig_ziek (ernstig_ziek = onwaar)\n"
        "  Feitelijke gronden\n"
        "    ernstig_ziek = onwaar (standaard)\n"
        "\n"
        "getekend: geen\n"
        "  Volgens de regel \"Getekend\" is getekend geen.\n"
        "  Juridische grond\n"
        "    Regel \"Getekend\"\n"
        "  Feitelijke gronden\n"
        "    contract_getekend = geen\n"
        "\n"
        "bezig: onbekend\n"
        "  Over bezig kan nog niet beslist worden: nog niet alle feiten zijn bekend.\n"
        "  Ontbrekende feiten: werkt, studeert.\n"
        "  Regel \"Bezig\" kan nog niet beslissen: de uitkomst hangt af van onbekende gegevens "
        "(werkt = onbekend, studeert = onbekend)\n"
        "  Feitelijke gronden\n"
        "    werkt = onbekend\n"
        "    studeert = onbekend\n"
        "\n"
        "toetsdatum: geen\n"
        "  Volgens de regel \"Toetsdatum\" is toetsdatum geen.\n"
        "  Juridische grond\n"
        "    Regel \"Toetsdatum\"\n"
        "  Feitelijke gronden\n"
        "    toets = {datum: geen, geslaagd: waar}\n"
        "\n"
        "Ontbrekende feiten: werkt, studeert.\n");
    regel_free(out);
    /* a given value: no default, and a decided bezig */
    out = run_proef("{\"ernstig_ziek\": false, \"werkt\": true}", false);
    cr_assert_not_null(strstr(out, "  Feitelijke gronden\n    ernstig_ziek = onwaar\n"), "%s", out);
    cr_assert_null(strstr(out, "(standaard)"), "%s", out);
    cr_assert_not_null(strstr(out, "bezig: waar\n"), "%s", out);
    cr_assert_not_null(strstr(out, "getekend: onbekend\n"
                                   "  Over getekend kan nog niet beslist worden: nog niet alle "
                                   "feiten zijn bekend.\n"
                                   "  Ontbrekende feiten: contract_getekend.\n"),
                       "%s", out);
    regel_free(out);
}

Test(render_compiled, geen_defaults_and_onbeslist_json)
{
    char *out = run_proef(proef_case, true);
    cr_assert_str_eq(out,
                     "{\n"
                     "  \"beleid\": \"Proef\",\n"
                     "  \"uitkomsten\": {\n"
                     "    \"vrijgesteld\": false,\n"
                     "    \"getekend\": null,\n"
                     "    \"bezig\": null,\n"
                     "    \"toetsdatum\": null\n"
                     "  },\n"
                     "  \"uitleg\": {\n"
                     "    \"vrijgesteld\": {\n"
                     "      \"waarde\": false,\n"
                     "      \"zin\": \"Volgens de regel \\\"Niet vrij\\\" is vrijgesteld nee, "
                     "omdat niet ernstig_ziek.\",\n"
                     "      \"zin_gegenereerd\": true,\n"
                     "      \"regel\": \"Niet vrij\",\n"
                     "      \"soort\": \"regel\",\n"
                     "      \"uitzondering_op\": null,\n"
                     "      \"bron\": null,\n"
                     "      \"citaat\": null,\n"
                     "      \"geldig\": null,\n"
                     "      \"voldaan\": [\n"
                     "        {\n"
                     "          \"voorwaarde\": \"niet ernstig_ziek\",\n"
                     "          \"uitkomst\": \"waar\",\n"
                     "          \"waarden\": {\n"
                     "            \"ernstig_ziek\": false\n"
                     "          },\n"
                     "          \"regel_in_bron\": {\n"
                     "            \"regel\": 11,\n"
                     "            \"kolom\": 48\n"
                     "          }\n"
                     "        }\n"
                     "      ],\n"
                     "      \"waarom_niet\": [],\n"
                     "      \"niet_toegepast\": [\n"
                     "        {\n"
                     "          \"regel\": \"Vrij\",\n"
                     "          \"soort\": \"regel\",\n"
                     "          \"reden\": \"voorwaarde\",\n"
                     "          \"waarom_niet\": [\n"
                     "            {\n"
                     "              \"voorwaarde\": \"ernstig_ziek\",\n"
                     "              \"uitkomst\": \"onwaar\",\n"
                     "              \"waarden\": {\n"
                     "                \"ernstig_ziek\": false\n"
                     "              },\n"
                     "              \"regel_in_bron\": {\n"
                     "                \"regel\": 10,\n"
                     "                \"kolom\": 41\n"
                     "              }\n"
                     "            }\n"
                     "          ],\n"
                     "          \"geldig\": null\n"
                     "        }\n"
                     "      ],\n"
                     "      \"feiten\": {\n"
                     "        \"ernstig_ziek\": false\n"
                     "      },\n"
                     "      \"standaard_gebruikt\": [\n"
                     "        \"ernstig_ziek\"\n"
                     "      ],\n"
                     "      \"steunt_op\": {}\n"
                     "    },\n"
                     "    \"getekend\": {\n"
                     "      \"waarde\": null,\n"
                     "      \"zin\": \"Volgens de regel \\\"Getekend\\\" is getekend geen.\",\n"
                     "      \"zin_gegenereerd\": true,\n"
                     "      \"regel\": \"Getekend\",\n"
                     "      \"soort\": \"regel\",\n"
                     "      \"uitzondering_op\": null,\n"
                     "      \"bron\": null,\n"
                     "      \"citaat\": null,\n"
                     "      \"geldig\": null,\n"
                     "      \"voldaan\": [],\n"
                     "      \"waarom_niet\": [],\n"
                     "      \"niet_toegepast\": [],\n"
                     "      \"feiten\": {\n"
                     "        \"contract_getekend\": null\n"
                     "      },\n"
                     "      \"steunt_op\": {}\n"
                     "    },\n"
                     "    \"toetsdatum\": {\n"
                     "      \"waarde\": null,\n"
                     "      \"zin\": \"Volgens de regel \\\"Toetsdatum\\\" is toetsdatum geen.\",\n"
                     "      \"zin_gegenereerd\": true,\n"
                     "      \"regel\": \"Toetsdatum\",\n"
                     "      \"soort\": \"regel\",\n"
                     "      \"uitzondering_op\": null,\n"
                     "      \"bron\": null,\n"
                     "      \"citaat\": null,\n"
                     "      \"geldig\": null,\n"
                     "      \"voldaan\": [],\n"
                     "      \"waarom_niet\": [],\n"
                     "      \"niet_toegepast\": [],\n"
                     "      \"feiten\": {\n"
                     "        \"toets\": {\n"
                     "          \"datum\": null,\n"
                     "          \"geslaagd\": true\n"
                     "        }\n"
                     "      },\n"
                     "      \"steunt_op\": {}\n"
                     "    }\n"
                     "  },\n"
                     "  \"onbeslist\": {\n"
                     "    \"bezig\": {\n"
                     "      \"ontbrekend\": [\n"
                     "        \"werkt\",\n"
                     "        \"studeert\"\n"
                     "      ],\n"
                     "      \"zin\": \"Over bezig kan nog niet beslist worden: nog niet alle "
                     "feiten zijn bekend.\",\n"
                     "      \"wacht_op\": [\n"
                     "        {\n"
                     "          \"regel\": \"Bezig\",\n"
                     "          \"voorwaarde\": null,\n"
                     "          \"waarden\": {\n"
                     "            \"werkt\": null,\n"
                     "            \"studeert\": null\n"
                     "          },\n"
                     "          \"reden\": \"waarde_onbekend\"\n"
                     "        }\n"
                     "      ],\n"
                     "      \"niet_toegepast\": [],\n"
                     "      \"feiten\": {\n"
                     "        \"werkt\": null,\n"
                     "        \"studeert\": null\n"
                     "      },\n"
                     "      \"steunt_op\": {}\n"
                     "    }\n"
                     "  },\n"
                     "  \"ontbrekend\": [\n"
                     "    \"werkt\",\n"
                     "    \"studeert\"\n"
                     "  ]\n"
                     "}\n");
    regel_free(out);
}
