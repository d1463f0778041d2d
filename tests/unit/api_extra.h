/* api_extra.h — a small policy for the embedding-API tests (test_api_*.c)
 * with every kind of value as an input and as an outcome: tekst, duur,
 * bedrag, a gegeven, an optional soort, a list, a periode and a datum. */
#ifndef TEST_API_EXTRA_H
#define TEST_API_EXTRA_H

static const char *const api_extra_src =
    "beleid \"Extra\".\n"
    "soort Kleur is een van rood, groen.\n"
    "gegeven Adres heeft straat: tekst, nummer: getal (optioneel).\n"
    "invoer\n"
    "    naam: tekst,\n"
    "    wachttijd: duur,\n"
    "    loon: bedrag,\n"
    "    adres: Adres,\n"
    "    kleur: Kleur (optioneel),\n"
    "    cijfers: lijst van getal,\n"
    "    start: datum.\n"
    "uitkomst\n"
    "    groet: tekst,\n"
    "    wachten: duur,\n"
    "    dubbel_loon: bedrag,\n"
    "    woonadres: Adres,\n"
    "    lievelingskleur: Kleur (optioneel),\n"
    "    alle_cijfers: lijst van getal,\n"
    "    looptijd: periode,\n"
    "    vijf_kwart: getal,\n"
    "    einde: datum.\n"
    "regel \"Groet\"\n"
    "    groet is naam.\n"
    "regel \"Wachten\"\n"
    "    wachten is wachttijd.\n"
    "regel \"Loon\"\n"
    "    dubbel_loon is 2 × loon.\n"
    "regel \"Adres\"\n"
    "    woonadres is adres.\n"
    "regel \"Kleur\"\n"
    "    lievelingskleur is kleur.\n"
    "regel \"Cijfers\"\n"
    "    alle_cijfers is cijfers.\n"
    "regel \"Looptijd\"\n"
    "    looptijd is periode van start tot einde.\n"
    "regel \"Vijf kwart\"\n"
    "    vijf_kwart is 5 / 4.\n"
    "regel \"Einde\"\n"
    "    einde is start + wachttijd.\n";

#endif
