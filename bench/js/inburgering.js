// inburgering.js — the inburgering policy (stdlib-policies/inburgering.regel, contract
// ../shared/inburgering/CONTRACT.md) written for json-rules-engine: the Node.js peer of
// `make bench` (issue 11). Usage: node bench/js/inburgering.js CASES.jsonl OUT.jsonl RUNS
'use strict';

const fs = require('fs');

let Engine;
try {
    ({ Engine } = require('json-rules-engine'));
} catch (e) {
    process.stderr.write(
        'inburgering.js: json-rules-engine niet gevonden. Installeer het met\n' +
            '  cp bench/js/package.json bench/js/package-lock.json MAP && npm ci --prefix MAP\n' +
            'en start met NODE_PATH=MAP/node_modules.\n',
    );
    process.exit(2);
}

// ---------------------------------------------------------------------------
// Calendar (contract, section 1). Dates travel through the engine as the
// "YYYY-MM-DD" strings of the case; the arithmetic below works on day numbers
// (days since 1970-01-01), because the engine has no date construct.
// ---------------------------------------------------------------------------

function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}

function civilFromDays(z) {
    z += 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor(
        (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
    );
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function monthLength(y, m) {
    if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
    return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parseDay(s) {
    return daysFromCivil(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));
}

function formatDay(z) {
    const [y, m, d] = civilFromDays(z);
    return String(y).padStart(4, '0') + (m < 10 ? '-0' : '-') + m + (d < 10 ? '-0' : '-') + d;
}

// date + n maanden: the same day number n months later, or the last day of a
// shorter month.
function addMonths(z, n) {
    const [y, m, d] = civilFromDays(z);
    const total = y * 12 + (m - 1) + n;
    const ty = Math.floor(total / 12);
    const tm = total - ty * 12 + 1;
    return daysFromCivil(ty, tm, Math.min(d, monthLength(ty, tm)));
}

// Whole months from a to b (a <= b): largest N with a + N maanden <= b.
function monthsForward(a, b) {
    const [ya, ma, da] = civilFromDays(a);
    const [yb, mb, db] = civilFromDays(b);
    let n = (yb - ya) * 12 + (mb - ma);
    if (Math.min(da, monthLength(yb, mb)) > db) n--;
    return n;
}

// leeftijd van B op D: the largest N with B + N jaar <= D (as the runtime does,
// a birth date after D gives minus the whole years the other way round).
function yearsBetween(a, b) {
    return a <= b ? Math.trunc(monthsForward(a, b) / 12) : -Math.trunc(monthsForward(b, a) / 12);
}

// Merge periods {van, tot} (day numbers, tot >= van): sorted by van, a period
// joins the run before it when van <= run.tot + 1; the run keeps the later end.
function mergeRuns(runs) {
    runs.sort((p, q) => p.van - q.van);
    const merged = [];
    for (const p of runs) {
        const last = merged[merged.length - 1];
        if (last && p.van <= last.tot + 1) {
            if (p.tot > last.tot) last.tot = p.tot;
        } else {
            merged.push({ van: p.van, tot: p.tot });
        }
    }
    return merged;
}

// Cut every period to [lo, hi] (an open end runs to hi), drop the empty ones, merge.
function runsWithin(periods, lo, hi) {
    const runs = [];
    for (const p of periods) {
        const van = Math.max(parseDay(p.van), lo);
        const tot = p.tot == null ? hi : Math.min(parseDay(p.tot), hi);
        if (tot >= van) runs.push({ van, tot });
    }
    return mergeRuns(runs);
}

// The parameter vergoeding_per_eenheid and its versions ("geldig tot" is
// exclusive: on 1 March 2022 itself the 90 euro applies).
const VERGOEDING_PER_EENHEID = [
    { vanaf: null, tot: '2022-03-01', bedrag: 0 },
    { vanaf: '2022-03-01', tot: null, bedrag: 90 },
];

function vergoedingOp(datum) {
    for (const v of VERGOEDING_PER_EENHEID)
        if ((v.vanaf === null || datum >= v.vanaf) && (v.tot === null || datum < v.tot))
            return v.bedrag;
    return 0;
}

function firstPassed(toetsen, soort) {
    let first = null;
    for (const t of toetsen)
        if (t.soort === soort && t.geslaagd && (first === null || t.datum < first)) first = t.datum;
    return first;
}

const DAY_1900_01_01 = daysFromCivil(1900, 1, 1);

// ---------------------------------------------------------------------------
// Derived facts: what the policy computes with dates, periods, sums and ages.
// json-rules-engine has no construct for these; its docs recommend dynamic
// facts that read other facts through the almanac (cached per run).
// ---------------------------------------------------------------------------

function addDerivedFacts(engine) {
    // Parameter: "een traject op maat … van 40 uur".
    engine.addFact('participatie_minimum_uren', 40);

    engine.addFact('leeftijd_op_peildatum', async (params, almanac) =>
        yearsBetween(
            parseDay(await almanac.factValue('geboortedatum')),
            parseDay(await almanac.factValue('peildatum')),
        ),
    );

    engine.addFact('vdab_termijn', async (params, almanac) => {
        const start = await almanac.factValue('start_traject');
        return start === null ? null : formatDay(addMonths(parseDay(start), 2));
    });

    engine.addFact('contract_bedrag', async (params, almanac) => {
        const getekend = await almanac.factValue('contract_getekend');
        return getekend === null ? 0 : 2 * vergoedingOp(getekend);
    });

    engine.addFact('toetsen_bedrag', async (params, almanac) => {
        let som = 0;
        for (const t of await almanac.factValue('toetsen')) som += vergoedingOp(t.datum);
        return som;
    });

    engine.addFact(
        'som_vergoedingen',
        async (params, almanac) =>
            (await almanac.factValue('vergoeding_contract')) +
            (await almanac.factValue('vergoeding_toetsen')),
    );

    engine.addFact('eerste_nt2_geslaagd', async (params, almanac) =>
        firstPassed(await almanac.factValue('toetsen'), 'nt2'),
    );

    engine.addFact('eerste_mo_geslaagd', async (params, almanac) =>
        firstPassed(await almanac.factValue('toetsen'), 'mo'),
    );

    engine.addFact('leeftijd_bij_afronding', async (params, almanac) => {
        const afronding = await almanac.factValue('datum_afronding');
        if (afronding === null) return null;
        return yearsBetween(
            parseDay(await almanac.factValue('geboortedatum')),
            parseDay(afronding),
        );
    });

    engine.addFact('b1_termijn', async (params, almanac) => {
        const afronding = await almanac.factValue('datum_afronding');
        return afronding === null ? null : formatDay(addMonths(parseDay(afronding), 24));
    });

    // The merged runs of work, training and study inside the window
    // W = datum_afronding .. datum_afronding + 24 maanden (empty without W).
    engine.addFact('activiteiten_in_b1_venster', async (params, almanac) => {
        const afronding = await almanac.factValue('datum_afronding');
        if (afronding === null) return [];
        const lo = parseDay(afronding);
        return runsWithin(await almanac.factValue('activiteiten'), lo, addMonths(lo, 24));
    });

    // Residence up to peildatum: cut at peildatum, open ends run to it, merged.
    engine.addFact('verblijf_tot_peildatum', async (params, almanac) =>
        runsWithin(
            await almanac.factValue('verblijf'),
            DAY_1900_01_01,
            parseDay(await almanac.factValue('peildatum')),
        ),
    );

    engine.addFact('verblijf_dagen', async (params, almanac) => {
        let dagen = 0;
        for (const p of await almanac.factValue('verblijf_tot_peildatum'))
            dagen += p.tot - p.van + 1;
        return dagen;
    });
}

// Custom operators for what the built-in ones (numbers, equality, lists)
// cannot say: dates, periods, list elements with several fields.
function addOperators(engine) {
    engine.addOperator('datumVoorOfOp', (a, b) => a != null && b != null && a <= b);
    engine.addOperator('datumNaOfOp', (a, b) => a != null && b != null && a >= b);
    // element has every field of the pattern: {soort: 'nt2', geslaagd: true}
    engine.addOperator('komtOvereen', (element, patroon) => {
        for (const k in patroon) if (element[k] !== patroon[k]) return false;
        return true;
    });
    // a run {van, tot} lasts n months: van + n maanden <= tot + 1 dag
    engine.addOperator('duurtTenMinsteMaanden', (p, n) => addMonths(p.van, n) <= p.tot + 1);
    engine.addOperator('bevatDatum', (p, datum) => {
        const d = parseDay(datum);
        return p.van <= d && d <= p.tot;
    });
}

// ---------------------------------------------------------------------------
// The rules. Each rule's event sets one outcome (`uitkomst`) to `waarde` when
// its conditions hold, and to `anders` (when given) when they do not; values
// may name a fact ({fact: …}), which the engine fills in
// (replaceFactsInEventParams). The outcome becomes a fact of the run, so
// later rules read it like any other fact.
//
// Priorities (higher runs first): a rule at step n reads only outcomes of
// steps before n. Inside a step a rule runs before its exception (one lower),
// so an exception that holds overrides the rule's value.
// ---------------------------------------------------------------------------

const regelOp = (stap) => 100 - 10 * stap;
const uitzonderingOp = (stap) => 99 - 10 * stap;

const ALTIJD = { all: [] };
const is = (fact, value) => ({ fact, operator: 'equal', value });

const REGELS = [
    // --- step 0: input facts and derived facts only ---
    {
        name: 'Leeftijd op de peildatum',
        priority: regelOp(0),
        conditions: ALTIJD,
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'leeftijd', waarde: { fact: 'leeftijd_op_peildatum' } },
        },
    },
    {
        name: 'Toegang tot de inburgeringscursus',
        priority: regelOp(0),
        conditions: {
            all: [
                {
                    fact: 'register',
                    operator: 'in',
                    value: ['vreemdelingenregister', 'bevolkingsregister'],
                },
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'toegang_inburgeringscursus', waarde: true, anders: false },
        },
    },
    {
        name: 'Vrijstelling wegens ziekte of handicap',
        priority: regelOp(0),
        conditions: { any: [is('ernstig_ziek', true), is('handicap', true)] },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'vrijgesteld', waarde: true, anders: false },
        },
    },
    {
        name: 'Taalniveau A2',
        priority: regelOp(0),
        conditions: ALTIJD,
        event: { type: 'uitkomst', params: { uitkomst: 'vereist_taalniveau', waarde: 'A2' } },
    },
    {
        name: 'Aangepast taalniveau',
        priority: uitzonderingOp(0),
        conditions: { all: [is('laaggeletterd', true)] },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'vereist_taalniveau', waarde: 'aangepast' },
        },
    },
    {
        name: 'Aanbod op maat',
        priority: regelOp(0),
        conditions: { any: [is('werkt', true), is('studeert', true)] },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'aanbod', waarde: 'avond_of_weekend', anders: 'regulier' },
        },
    },
    {
        name: 'Vergoeding voor het inburgeringscontract',
        priority: regelOp(0),
        conditions: { all: [{ fact: 'contract_getekend', operator: 'notEqual', value: null }] },
        event: {
            type: 'uitkomst',
            params: {
                uitkomst: 'vergoeding_contract',
                waarde: { fact: 'contract_bedrag' },
                anders: 0,
            },
        },
    },
    {
        name: 'Vergoeding voor de toetsen',
        priority: regelOp(0),
        conditions: ALTIJD,
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'vergoeding_toetsen', waarde: { fact: 'toetsen_bedrag' } },
        },
    },
    {
        name: 'NT2-toets geslaagd',
        priority: regelOp(0),
        conditions: {
            all: [
                {
                    fact: 'toetsen',
                    operator: 'someFact:komtOvereen',
                    value: { soort: 'nt2', geslaagd: true },
                },
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'nt2_geslaagd', waarde: true, anders: false },
        },
    },
    {
        name: 'Toets maatschappelijke oriëntatie geslaagd',
        priority: regelOp(0),
        conditions: {
            all: [
                {
                    fact: 'toetsen',
                    operator: 'someFact:komtOvereen',
                    value: { soort: 'mo', geslaagd: true },
                },
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'mo_geslaagd', waarde: true, anders: false },
        },
    },
    {
        name: 'B1-toets geslaagd',
        priority: regelOp(0),
        conditions: {
            all: [
                {
                    fact: 'toetsen',
                    operator: 'someFact:komtOvereen',
                    value: { soort: 'b1', geslaagd: true },
                },
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'b1_geslaagd', waarde: true, anders: false },
        },
    },
    {
        name: 'Uiterste datum aanmelding VDAB',
        priority: regelOp(0),
        conditions: ALTIJD,
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'vdab_uiterste_datum', waarde: { fact: 'vdab_termijn' } },
        },
    },
    {
        name: 'Participatie verplicht',
        priority: regelOp(0),
        conditions: ALTIJD,
        event: { type: 'uitkomst', params: { uitkomst: 'participatie_verplicht', waarde: true } },
    },
    {
        name: 'Participatie optioneel',
        priority: uitzonderingOp(0),
        conditions: { any: [is('werkt', true), is('studeert', true), is('status', 'vrijwillig')] },
        event: { type: 'uitkomst', params: { uitkomst: 'participatie_verplicht', waarde: false } },
    },
    {
        name: 'Niet-inburgeraars betalen voor een taalattest',
        priority: regelOp(0),
        conditions: { all: [is('status', 'geen')] },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'taalattest_betalend', waarde: true, anders: false },
        },
    },
    {
        name: 'Dagen wettig verblijf',
        priority: regelOp(0),
        conditions: ALTIJD,
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'verblijf_totaal_dagen', waarde: { fact: 'verblijf_dagen' } },
        },
    },
    {
        name: 'Vijf jaar ononderbroken verblijf',
        priority: regelOp(0),
        conditions: {
            all: [
                {
                    fact: 'verblijf_tot_peildatum',
                    operator: 'someFact:duurtTenMinsteMaanden',
                    value: 5 * 12,
                },
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'verblijf_5_jaar_ononderbroken', waarde: true, anders: false },
        },
    },
    {
        name: 'Wettig verblijf op de peildatum',
        priority: regelOp(0),
        conditions: {
            all: [
                {
                    fact: 'verblijf_tot_peildatum',
                    operator: 'someFact:bevatDatum',
                    value: { fact: 'peildatum' },
                },
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'wettig_verblijf', waarde: true, anders: false },
        },
    },
    {
        name: 'Geen Groeipakket tijdens de asielprocedure',
        priority: regelOp(0),
        conditions: { all: [is('asielprocedure_lopend', true)] },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'groeipakket_uitgesloten', waarde: true, anders: false },
        },
    },

    // --- step 1 ---
    {
        name: 'Inburgeringsplicht',
        priority: regelOp(1),
        conditions: { all: [is('status', 'verplicht')] },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'inburgeringsplicht', waarde: true, anders: false },
        },
    },
    {
        name: 'Vrijstelling van de inburgeringsplicht',
        priority: uitzonderingOp(1),
        conditions: { all: [is('status', 'verplicht'), is('vrijgesteld', true)] },
        event: { type: 'uitkomst', params: { uitkomst: 'inburgeringsplicht', waarde: false } },
    },
    {
        name: 'Totale vergoeding',
        priority: regelOp(1),
        conditions: ALTIJD,
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'vergoeding_totaal', waarde: { fact: 'som_vergoedingen' } },
        },
    },
    {
        name: 'Tijdig aangemeld bij VDAB',
        priority: regelOp(1),
        conditions: {
            all: [
                { fact: 'start_traject', operator: 'notEqual', value: null },
                { fact: 'vdab_aanmelding', operator: 'notEqual', value: null },
                {
                    fact: 'vdab_aanmelding',
                    operator: 'datumVoorOfOp',
                    value: { fact: 'vdab_uiterste_datum' },
                },
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'vdab_tijdig', waarde: true, anders: false },
        },
    },
    {
        name: 'Participatie voldaan',
        priority: regelOp(1),
        conditions: {
            any: [
                is('participatie_verplicht', false),
                {
                    fact: 'participatie_uren',
                    operator: 'greaterThanInclusive',
                    value: { fact: 'participatie_minimum_uren' },
                },
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'participatie_voldaan', waarde: true, anders: false },
        },
    },
    {
        name: 'Tien jaar verblijf',
        priority: regelOp(1),
        conditions: {
            all: [{ fact: 'verblijf_totaal_dagen', operator: 'greaterThanInclusive', value: 3652 }],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'verblijf_10_jaar', waarde: true, anders: false },
        },
    },
    {
        name: 'Doelgroep van het integratiebeleid',
        priority: regelOp(1),
        conditions: { all: [is('wettig_verblijf', true)] },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'doelgroep_integratiebeleid', waarde: true, anders: false },
        },
    },
    {
        name: 'Woonwagenbewoners en rondtrekkenden',
        priority: uitzonderingOp(1),
        conditions: { any: [is('woonwagenbewoner', true), is('rondtrekkend', true)] },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'doelgroep_integratiebeleid', waarde: false },
        },
    },

    // --- step 2 ---
    {
        name: 'Inburgeringsattest',
        priority: regelOp(2),
        conditions: {
            all: [
                { fact: 'status', operator: 'in', value: ['verplicht', 'vrijwillig'] },
                is('nt2_geslaagd', true),
                is('mo_geslaagd', true),
                { fact: 'vdab_aanmelding', operator: 'notEqual', value: null },
                is('participatie_voldaan', true),
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'inburgeringsattest', waarde: true, anders: false },
        },
    },
    {
        name: 'Advies aan de Dienst Vreemdelingenzaken',
        priority: regelOp(2),
        conditions: { all: [is('inburgeringsplicht', true)] },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'advies_dvz', waarde: true, anders: false },
        },
    },

    // --- step 3 ---
    // "geen indien niet inburgeringsattest, anders eerste_nt2_geslaagd indien
    // eerste_nt2_geslaagd ≥ eerste_mo_geslaagd, anders eerste_mo_geslaagd":
    // the second branch runs one priority lower and overrides.
    {
        name: 'Datum van afronding',
        priority: regelOp(3),
        conditions: { all: [is('inburgeringsattest', true)] },
        event: {
            type: 'uitkomst',
            params: {
                uitkomst: 'datum_afronding',
                waarde: { fact: 'eerste_mo_geslaagd' },
                anders: null,
            },
        },
    },
    {
        name: 'Datum van afronding (NT2 als laatste geslaagd)',
        priority: uitzonderingOp(3),
        conditions: {
            all: [
                is('inburgeringsattest', true),
                {
                    fact: 'eerste_nt2_geslaagd',
                    operator: 'datumNaOfOp',
                    value: { fact: 'eerste_mo_geslaagd' },
                },
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'datum_afronding', waarde: { fact: 'eerste_nt2_geslaagd' } },
        },
    },
    {
        name: 'Voldaan aan de inburgeringsplicht',
        priority: regelOp(3),
        conditions: { any: [is('inburgeringsplicht', false), is('inburgeringsattest', true)] },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'voldaan_inburgeringsplicht', waarde: true, anders: false },
        },
    },

    // --- step 4 ---
    {
        name: 'B1-test verplicht',
        priority: regelOp(4),
        conditions: {
            all: [
                is('inburgeringsplicht', true),
                { fact: 'datum_afronding', operator: 'notEqual', value: null },
                { fact: 'leeftijd_bij_afronding', operator: 'greaterThanInclusive', value: 18 },
                { fact: 'leeftijd_bij_afronding', operator: 'lessThanInclusive', value: 65 },
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'b1_test_verplicht', waarde: true, anders: false },
        },
    },
    {
        name: 'Zes maanden gewerkt, opleiding gevolgd of gestudeerd',
        priority: uitzonderingOp(4),
        conditions: {
            all: [
                { fact: 'datum_afronding', operator: 'notEqual', value: null },
                {
                    fact: 'activiteiten_in_b1_venster',
                    operator: 'someFact:duurtTenMinsteMaanden',
                    value: 6,
                },
            ],
        },
        event: { type: 'uitkomst', params: { uitkomst: 'b1_test_verplicht', waarde: false } },
    },
    {
        name: 'Sociaal tolken kosteloos',
        priority: regelOp(4),
        conditions: {
            all: [
                { fact: 'start_traject', operator: 'datumVoorOfOp', value: { fact: 'peildatum' } },
                {
                    any: [
                        is('datum_afronding', null),
                        {
                            fact: 'peildatum',
                            operator: 'datumVoorOfOp',
                            value: { fact: 'datum_afronding' },
                        },
                    ],
                },
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'sociaal_tolken_kosteloos', waarde: true, anders: false },
        },
    },
    {
        name: 'Voorwaarde vermindering zorgpremie',
        priority: regelOp(4),
        conditions: {
            all: [
                is('verblijf_5_jaar_ononderbroken', true),
                is('voldaan_inburgeringsplicht', true),
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'voorwaarde_zorgpremie', waarde: true, anders: false },
        },
    },
    {
        name: 'Voorwaarde zorgbudget zwaar zorgbehoevenden',
        priority: regelOp(4),
        conditions: {
            all: [
                is('verblijf_10_jaar', true),
                is('verblijf_5_jaar_ononderbroken', true),
                is('voldaan_inburgeringsplicht', true),
            ],
        },
        event: {
            type: 'uitkomst',
            params: {
                uitkomst: 'voorwaarde_zorgbudget_zwaar_zorgbehoevend',
                waarde: true,
                anders: false,
            },
        },
    },
    {
        name: 'Minderjarigen uitgezonderd',
        priority: uitzonderingOp(4),
        conditions: { all: [{ fact: 'leeftijd', operator: 'lessThan', value: 18 }] },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'voorwaarde_zorgbudget_zwaar_zorgbehoevend', waarde: true },
        },
    },
    {
        name: 'Voorwaarde zorgbudget ouderen',
        priority: regelOp(4),
        conditions: {
            all: [
                is('verblijf_10_jaar', true),
                is('verblijf_5_jaar_ononderbroken', true),
                is('voldaan_inburgeringsplicht', true),
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'voorwaarde_zorgbudget_ouderen', waarde: true, anders: false },
        },
    },
    // "niet_van_toepassing indien niet wachtlijst_ouderenzorg, anders voorrang
    // indien …, anders geen_voorrang": the voorrang branch overrides.
    {
        name: 'Voorrang in de residentiële ouderenzorg',
        priority: regelOp(4),
        conditions: { all: [is('wachtlijst_ouderenzorg', false)] },
        event: {
            type: 'uitkomst',
            params: {
                uitkomst: 'voorrang_ouderenzorg',
                waarde: 'niet_van_toepassing',
                anders: 'geen_voorrang',
            },
        },
    },
    {
        name: 'Voorrang in de residentiële ouderenzorg (voorrang)',
        priority: uitzonderingOp(4),
        conditions: {
            all: [
                is('wachtlijst_ouderenzorg', true),
                is('verblijf_5_jaar_ononderbroken', true),
                is('voldaan_inburgeringsplicht', true),
            ],
        },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'voorrang_ouderenzorg', waarde: 'voorrang' },
        },
    },

    // --- step 5 ---
    {
        name: 'Uiterste datum B1-test',
        priority: regelOp(5),
        conditions: { all: [is('b1_test_verplicht', true)] },
        event: {
            type: 'uitkomst',
            params: { uitkomst: 'b1_uiterste_datum', waarde: { fact: 'b1_termijn' }, anders: null },
        },
    },
];

// The 34 outcomes, in the order of the contract (section 3).
const UITKOMSTEN = [
    'leeftijd',
    'toegang_inburgeringscursus',
    'vrijgesteld',
    'inburgeringsplicht',
    'vereist_taalniveau',
    'aanbod',
    'vergoeding_contract',
    'vergoeding_toetsen',
    'vergoeding_totaal',
    'nt2_geslaagd',
    'mo_geslaagd',
    'b1_geslaagd',
    'vdab_uiterste_datum',
    'vdab_tijdig',
    'participatie_verplicht',
    'participatie_voldaan',
    'inburgeringsattest',
    'datum_afronding',
    'b1_test_verplicht',
    'b1_uiterste_datum',
    'sociaal_tolken_kosteloos',
    'advies_dvz',
    'voldaan_inburgeringsplicht',
    'taalattest_betalend',
    'verblijf_totaal_dagen',
    'verblijf_5_jaar_ononderbroken',
    'verblijf_10_jaar',
    'wettig_verblijf',
    'voorwaarde_zorgpremie',
    'voorwaarde_zorgbudget_zwaar_zorgbehoevend',
    'voorwaarde_zorgbudget_ouderen',
    'voorrang_ouderenzorg',
    'groeipakket_uitgesloten',
    'doelgroep_integratiebeleid',
];

function maakEngine() {
    const engine = new Engine([], { replaceFactsInEventParams: true });
    addDerivedFacts(engine);
    addOperators(engine);
    for (const r of REGELS) engine.addRule(r);
    // An outcome decided by a rule becomes a fact of this run (rule chaining).
    engine.on('success', (event, almanac) => {
        if (event.type === 'uitkomst') almanac.addFact(event.params.uitkomst, event.params.waarde);
    });
    engine.on('failure', (event, almanac) => {
        if (event.type === 'uitkomst' && 'anders' in event.params)
            almanac.addFact(event.params.uitkomst, event.params.anders);
    });
    return engine;
}

// One case through the engine; the outcomes are read back from the run's almanac.
async function beslis(engine, geval) {
    const { almanac } = await engine.run(geval);
    const uitkomsten = {};
    for (const naam of UITKOMSTEN) uitkomsten[naam] = await almanac.factValue(naam);
    return uitkomsten;
}

function fail(msg) {
    process.stderr.write('inburgering.js: ' + msg + '\n');
    process.exit(1);
}

async function main(args) {
    if (args.length !== 3)
        fail('gebruik: node inburgering.js GEVALLEN.jsonl UIT.jsonl HERHALINGEN');
    const [invoer, uitvoer, herhalingenTekst] = args;
    const herhalingen = Number(herhalingenTekst);
    if (!Number.isInteger(herhalingen) || herhalingen < 0)
        fail(`herhalingen moet een geheel getal ≥ 0 zijn, niet ‘${herhalingenTekst}’`);

    // Read and parse every case first (not timed).
    let tekst;
    try {
        tekst = fs.readFileSync(invoer, 'utf8');
    } catch (e) {
        fail(`${invoer}: kan het bestand niet lezen (${e.code || e.message})`);
    }
    const gevallen = [];
    const regels = tekst.split('\n');
    for (let i = 0; i < regels.length; i++) {
        if (regels[i].trim() === '') continue;
        try {
            gevallen.push(JSON.parse(regels[i]));
        } catch (e) {
            fail(`${invoer}:${i + 1}: ongeldige JSON (${e.message})`);
        }
    }

    const engine = maakEngine();

    // Each case once; write the outcomes.
    const lijnen = [];
    for (let i = 0; i < gevallen.length; i++) {
        try {
            lijnen.push(JSON.stringify(await beslis(engine, gevallen[i])));
        } catch (e) {
            const m = /^Undefined fact: (.*)$/.exec(e.message);
            fail(
                `${invoer}: geval ${i + 1}: ` +
                    (m
                        ? `het feit ‘${m[1]}’ ontbreekt (hier moet elk feit bekend zijn)`
                        : e.message),
            );
        }
    }
    fs.writeFileSync(uitvoer, lijnen.length ? lijnen.join('\n') + '\n' : '');

    // Timed passes over all cases; the median time per case.
    if (herhalingen === 0 || gevallen.length === 0) return;
    const perGeval = [];
    for (let r = 0; r < herhalingen; r++) {
        const t0 = process.hrtime.bigint();
        for (const geval of gevallen) await beslis(engine, geval);
        const t1 = process.hrtime.bigint();
        perGeval.push(Number(t1 - t0) / gevallen.length);
    }
    perGeval.sort((a, b) => a - b);
    const mid = perGeval.length >> 1;
    const mediaan = perGeval.length % 2 ? perGeval[mid] : (perGeval[mid - 1] + perGeval[mid]) / 2;
    process.stdout.write(`ns_per_case=${Math.round(mediaan)}\n`);
}

if (require.main === module) main(process.argv.slice(2)).catch((e) => fail(e.stack || String(e)));
else module.exports = { maakEngine, beslis, UITKOMSTEN };
