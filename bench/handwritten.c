/* handwritten.c — the inburgering rules by hand in C, the lower limit for
 * make bench: reads the cases with jansson into plain structs (untimed),
 * writes one line of uitkomsten per case, then times RUNS passes (median). */
#include "bench.h"

#include "cal.h"
#include "handwritten.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Calendar (contract §1; the rest is in cal.h) ---- */

static hw_date add_months(hw_date date, int n)
{
    return cal_add_months(date, n);
}

/* The largest N with birth + N years <= on. */
static int age_on(hw_date birth, hw_date on)
{
    int by, bm, bd, y, m, d;
    cal_civil(birth, &by, &bm, &bd);
    cal_civil(on, &y, &m, &d);
    int n = y - by;
    if (add_months(birth, 12 * n) > on)
        n--;
    return n;
}

/* ---- Periods: cut to a window, merge (taal.md §6) ---- */

/* Cuts every period to lo..hi (an open one runs to hi), drops the empty
 * ones, sorts by start and merges overlapping or touching periods into
 * out; returns the number of runs. */
static int cut_and_merge(const hw_periode *in, int n, hw_date lo, hw_date hi, hw_periode *out)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        hw_date van = in[i].van > lo ? in[i].van : lo;
        hw_date tot = in[i].open || in[i].tot > hi ? hi : in[i].tot;
        if (tot < van)
            continue;
        int j = k++;
        while (j > 0 && out[j - 1].van > van) { /* insertion sort on van */
            out[j] = out[j - 1];
            j--;
        }
        out[j] = (hw_periode){van, tot, false, in[i].soort};
    }
    int runs = 0;
    for (int i = 0; i < k; i++) {
        if (runs > 0 && out[i].van <= out[runs - 1].tot + 1) {
            if (out[i].tot > out[runs - 1].tot)
                out[runs - 1].tot = out[i].tot;
        } else {
            out[runs++] = out[i];
        }
    }
    return runs;
}

/* van + months <= tot + 1 dag. */
static bool lasts_months(const hw_periode *p, int months)
{
    return add_months(p->van, months) <= p->tot + 1;
}

/* ---- The rules ---- */

/* vergoeding_per_eenheid in cents: 0 before 1 March 2022, 90 euro from then on. */
static int64_t fee_on(hw_date d)
{
    static const hw_date march_2022 = 19052; /* 2022-03-01 */
    return d < march_2022 ? 0 : 9000;
}

void hw_evaluate(const hw_case *c, hw_result *r)
{
    r->leeftijd = age_on(c->geboortedatum, c->peildatum);
    r->toegang_inburgeringscursus =
        c->register_ == HW_VREEMDELINGEN || c->register_ == HW_BEVOLKING;
    r->vrijgesteld = c->ernstig_ziek || c->handicap;
    r->inburgeringsplicht = c->status == HW_VERPLICHT && !r->vrijgesteld;
    r->taalniveau_aangepast = c->laaggeletterd;
    r->aanbod_avond_of_weekend = c->werkt || c->studeert;

    r->vergoeding_contract = c->has_contract ? 2 * fee_on(c->contract_getekend) : 0;
    int64_t toetsen = 0;
    bool passed[3] = {false, false, false};
    hw_date first[3] = {0, 0, 0};
    for (int i = 0; i < c->n_toetsen; i++) {
        const hw_toetsafname *t = &c->toetsen[i];
        toetsen += fee_on(t->datum);
        if (t->geslaagd && (!passed[t->soort] || t->datum < first[t->soort])) {
            passed[t->soort] = true;
            first[t->soort] = t->datum;
        }
    }
    r->vergoeding_toetsen = toetsen;
    r->vergoeding_totaal = r->vergoeding_contract + toetsen;
    r->nt2_geslaagd = passed[HW_NT2];
    r->mo_geslaagd = passed[HW_MO];
    r->b1_geslaagd = passed[HW_B1];

    r->has_vdab_uiterste_datum = c->has_start;
    r->vdab_uiterste_datum = c->has_start ? add_months(c->start_traject, 2) : 0;
    r->vdab_tijdig = c->has_start && c->has_vdab && c->vdab_aanmelding <= r->vdab_uiterste_datum;

    r->participatie_verplicht = !(c->werkt || c->studeert || c->status == HW_VRIJWILLIG);
    r->participatie_voldaan = !r->participatie_verplicht || c->participatie_uren >= 40;
    r->inburgeringsattest = (c->status == HW_VERPLICHT || c->status == HW_VRIJWILLIG) &&
                            r->nt2_geslaagd && r->mo_geslaagd && c->has_vdab &&
                            r->participatie_voldaan;
    r->has_datum_afronding = r->inburgeringsattest;
    r->datum_afronding = 0;
    if (r->inburgeringsattest)
        r->datum_afronding = first[HW_NT2] >= first[HW_MO] ? first[HW_NT2] : first[HW_MO];

    /* B1: 18..65 on completion, and no six months of activity in the window. */
    r->b1_test_verplicht = false;
    if (r->inburgeringsplicht && r->has_datum_afronding) {
        int age = age_on(c->geboortedatum, r->datum_afronding);
        if (age >= 18 && age <= 65) {
            hw_date end = add_months(r->datum_afronding, 24);
            hw_periode runs[HW_MAX_LIST];
            int n =
                cut_and_merge(c->activiteiten, c->n_activiteiten, r->datum_afronding, end, runs);
            bool active = false;
            for (int i = 0; i < n && !active; i++)
                active = lasts_months(&runs[i], 6);
            r->b1_test_verplicht = !active;
        }
    }
    r->has_b1_uiterste_datum = r->b1_test_verplicht;
    r->b1_uiterste_datum = r->b1_test_verplicht ? add_months(r->datum_afronding, 24) : 0;

    r->sociaal_tolken_kosteloos = c->has_start && c->start_traject <= c->peildatum &&
                                  (!r->has_datum_afronding || c->peildatum <= r->datum_afronding);
    r->advies_dvz = r->inburgeringsplicht;
    r->voldaan_inburgeringsplicht = !r->inburgeringsplicht || r->inburgeringsattest;
    r->taalattest_betalend = c->status == HW_STATUS_GEEN;

    /* Residence up to peildatum (from 1 January 1900). */
    hw_periode runs[HW_MAX_LIST];
    int n = cut_and_merge(c->verblijf, c->n_verblijf, -25567, c->peildatum, runs);
    int64_t days = 0;
    bool five = false, now = false;
    for (int i = 0; i < n; i++) {
        days += runs[i].tot - runs[i].van + 1;
        five = five || lasts_months(&runs[i], 60);
        now = now || (runs[i].van <= c->peildatum && c->peildatum <= runs[i].tot);
    }
    r->verblijf_totaal_dagen = days;
    r->verblijf_5_jaar_ononderbroken = five;
    r->verblijf_10_jaar = days >= 3652;
    r->wettig_verblijf = now;

    bool voldaan = r->voldaan_inburgeringsplicht;
    r->voorwaarde_zorgpremie = five && voldaan;
    r->voorwaarde_zorgbudget_ouderen = r->verblijf_10_jaar && five && voldaan;
    r->voorwaarde_zorgbudget_zwaar_zorgbehoevend =
        r->leeftijd < 18 || r->voorwaarde_zorgbudget_ouderen;
    r->voorrang_ouderenzorg = !c->wachtlijst_ouderenzorg ? HW_NIET_VAN_TOEPASSING
                              : five && voldaan          ? HW_VOORRANG
                                                         : HW_GEEN_VOORRANG;
    r->groeipakket_uitgesloten = c->asielprocedure_lopend;
    r->doelgroep_integratiebeleid = r->wettig_verblijf && !c->woonwagenbewoner && !c->rondtrekkend;
}

/* ---- Reading a case (jansson) ---- */

/* A reading error: which key and why, in Dutch. */
typedef struct hw_error {
    char msg[256];
} hw_error;

static bool fail(hw_error *e, const char *key, const char *why)
{
    snprintf(e->msg, sizeof e->msg, "%s: %s", key, why);
    return false;
}

static bool get_date(json_t *o, const char *key, hw_date *out, bool *has, hw_error *e)
{
    json_t *v = json_object_get(o, key);
    if (has && json_is_null(v)) {
        *has = false;
        return true;
    }
    if (!json_is_string(v) || !cal_parse(json_string_value(v), json_string_length(v), out))
        return fail(e, key, "verwacht een datum JJJJ-MM-DD");
    if (has)
        *has = true;
    return true;
}

static bool get_bool(json_t *o, const char *key, bool *out, hw_error *e)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_boolean(v))
        return fail(e, key, "verwacht true of false");
    *out = json_is_true(v);
    return true;
}

static bool get_member(json_t *o, const char *key, const char *const *names, int n, int *out,
                       hw_error *e)
{
    const char *s = json_string_value(json_object_get(o, key));
    for (int i = 0; s && i < n; i++) {
        if (strcmp(s, names[i]) == 0) {
            *out = i;
            return true;
        }
    }
    return fail(e, key, "onbekende waarde");
}

static bool get_list(json_t *o, const char *key, size_t *n, hw_error *e)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_array(v))
        return fail(e, key, "verwacht een lijst");
    if (json_array_size(v) > HW_MAX_LIST)
        return fail(e, key, "te veel elementen voor deze benchmark");
    *n = json_array_size(v);
    return true;
}

/* A list of periods; with_soort for activities (werk, opleiding, studie). */
static bool get_periods(json_t *o, const char *key, bool with_soort, hw_periode *out, int *count,
                        hw_error *e)
{
    static const char *const soorten[] = {"werk", "opleiding", "studie"};
    size_t n;
    if (!get_list(o, key, &n, e))
        return false;
    json_t *list = json_object_get(o, key);
    for (size_t i = 0; i < n; i++) {
        json_t *p = json_array_get(list, i);
        bool has_tot = false;
        int soort = HW_GEEN_ACTIVITEIT;
        if ((with_soort && !get_member(p, "soort", soorten, 3, &soort, e)) ||
            !get_date(p, "van", &out[i].van, NULL, e) ||
            !get_date(p, "tot", &out[i].tot, &has_tot, e))
            return false;
        out[i].open = !has_tot;
        out[i].soort = (enum hw_activiteit)soort;
    }
    *count = (int)n;
    return true;
}

static bool read_case(json_t *o, hw_case *c, hw_error *e)
{
    static const char *const registers[] = {"vreemdelingenregister", "bevolkingsregister",
                                            "wachtregister", "geen"};
    static const char *const statuses[] = {"verplicht", "vrijwillig", "geen"};
    static const char *const soorten[] = {"nt2", "mo", "b1"};
    int reg, st;
    memset(c, 0, sizeof *c);
    if (!get_date(o, "peildatum", &c->peildatum, NULL, e) ||
        !get_date(o, "geboortedatum", &c->geboortedatum, NULL, e) ||
        !get_member(o, "register", registers, 4, &reg, e) ||
        !get_member(o, "status", statuses, 3, &st, e) ||
        !get_bool(o, "ernstig_ziek", &c->ernstig_ziek, e) ||
        !get_bool(o, "handicap", &c->handicap, e) ||
        !get_bool(o, "laaggeletterd", &c->laaggeletterd, e) ||
        !get_bool(o, "werkt", &c->werkt, e) || !get_bool(o, "studeert", &c->studeert, e) ||
        !get_date(o, "contract_getekend", &c->contract_getekend, &c->has_contract, e) ||
        !get_date(o, "start_traject", &c->start_traject, &c->has_start, e) ||
        !get_date(o, "vdab_aanmelding", &c->vdab_aanmelding, &c->has_vdab, e) ||
        !get_bool(o, "wachtlijst_ouderenzorg", &c->wachtlijst_ouderenzorg, e) ||
        !get_bool(o, "asielprocedure_lopend", &c->asielprocedure_lopend, e) ||
        !get_bool(o, "woonwagenbewoner", &c->woonwagenbewoner, e) ||
        !get_bool(o, "rondtrekkend", &c->rondtrekkend, e) ||
        !get_periods(o, "activiteiten", true, c->activiteiten, &c->n_activiteiten, e) ||
        !get_periods(o, "verblijf", false, c->verblijf, &c->n_verblijf, e))
        return false;
    c->register_ = (enum hw_register)reg;
    c->status = (enum hw_status)st;
    json_t *uren = json_object_get(o, "participatie_uren");
    if (!json_is_number(uren) || json_number_value(uren) < 0)
        return fail(e, "participatie_uren", "verwacht een getal, niet negatief");
    c->participatie_uren = json_number_value(uren);
    size_t n;
    if (!get_list(o, "toetsen", &n, e))
        return false;
    json_t *list = json_object_get(o, "toetsen");
    for (size_t i = 0; i < n; i++) {
        json_t *t = json_array_get(list, i);
        int soort;
        if (!get_member(t, "soort", soorten, 3, &soort, e) ||
            !get_date(t, "datum", &c->toetsen[i].datum, NULL, e) ||
            !get_bool(t, "geslaagd", &c->toetsen[i].geslaagd, e))
            return false;
        c->toetsen[i].soort = (enum hw_toets)soort;
    }
    c->n_toetsen = (int)n;
    return true;
}

/* ---- Writing the uitkomsten (the contract's .verwacht.json, compact) ---- */

static void put_date(FILE *f, bool has, hw_date d)
{
    if (!has) {
        fputs("null", f);
        return;
    }
    int y, m, dd;
    cal_civil(d, &y, &m, &dd);
    fprintf(f, "\"%04d-%02d-%02d\"", y, m, dd);
}

/* An amount in euro: a whole number, or the shortest decimal. */
static void put_cents(FILE *f, int64_t cents)
{
    if (cents % 100 == 0)
        fprintf(f, "%lld", (long long)(cents / 100));
    else if (cents % 10 == 0)
        fprintf(f, "%lld.%lld", (long long)(cents / 100), (long long)(llabs(cents) % 100 / 10));
    else
        fprintf(f, "%lld.%02lld", (long long)(cents / 100), (long long)(llabs(cents) % 100));
}

static const char *b(bool v)
{
    return v ? "true" : "false";
}

static void write_result(FILE *f, const hw_result *r)
{
    static const char *const voorrang[] = {"niet_van_toepassing", "voorrang", "geen_voorrang"};
    fprintf(f, "{\"leeftijd\":%d,\"toegang_inburgeringscursus\":%s,\"vrijgesteld\":%s", r->leeftijd,
            b(r->toegang_inburgeringscursus), b(r->vrijgesteld));
    fprintf(f, ",\"inburgeringsplicht\":%s,\"vereist_taalniveau\":\"%s\",\"aanbod\":\"%s\"",
            b(r->inburgeringsplicht), r->taalniveau_aangepast ? "aangepast" : "A2",
            r->aanbod_avond_of_weekend ? "avond_of_weekend" : "regulier");
    fputs(",\"vergoeding_contract\":", f);
    put_cents(f, r->vergoeding_contract);
    fputs(",\"vergoeding_toetsen\":", f);
    put_cents(f, r->vergoeding_toetsen);
    fputs(",\"vergoeding_totaal\":", f);
    put_cents(f, r->vergoeding_totaal);
    fprintf(f, ",\"nt2_geslaagd\":%s,\"mo_geslaagd\":%s,\"b1_geslaagd\":%s", b(r->nt2_geslaagd),
            b(r->mo_geslaagd), b(r->b1_geslaagd));
    fputs(",\"vdab_uiterste_datum\":", f);
    put_date(f, r->has_vdab_uiterste_datum, r->vdab_uiterste_datum);
    fprintf(f, ",\"vdab_tijdig\":%s,\"participatie_verplicht\":%s,\"participatie_voldaan\":%s",
            b(r->vdab_tijdig), b(r->participatie_verplicht), b(r->participatie_voldaan));
    fprintf(f, ",\"inburgeringsattest\":%s,\"datum_afronding\":", b(r->inburgeringsattest));
    put_date(f, r->has_datum_afronding, r->datum_afronding);
    fprintf(f, ",\"b1_test_verplicht\":%s,\"b1_uiterste_datum\":", b(r->b1_test_verplicht));
    put_date(f, r->has_b1_uiterste_datum, r->b1_uiterste_datum);
    fprintf(f, ",\"sociaal_tolken_kosteloos\":%s,\"advies_dvz\":%s", b(r->sociaal_tolken_kosteloos),
            b(r->advies_dvz));
    fprintf(f, ",\"voldaan_inburgeringsplicht\":%s,\"taalattest_betalend\":%s",
            b(r->voldaan_inburgeringsplicht), b(r->taalattest_betalend));
    fprintf(f, ",\"verblijf_totaal_dagen\":%lld", (long long)r->verblijf_totaal_dagen);
    fprintf(f, ",\"verblijf_5_jaar_ononderbroken\":%s,\"verblijf_10_jaar\":%s",
            b(r->verblijf_5_jaar_ononderbroken), b(r->verblijf_10_jaar));
    fprintf(f, ",\"wettig_verblijf\":%s,\"voorwaarde_zorgpremie\":%s", b(r->wettig_verblijf),
            b(r->voorwaarde_zorgpremie));
    fprintf(f, ",\"voorwaarde_zorgbudget_zwaar_zorgbehoevend\":%s",
            b(r->voorwaarde_zorgbudget_zwaar_zorgbehoevend));
    fprintf(f, ",\"voorwaarde_zorgbudget_ouderen\":%s,\"voorrang_ouderenzorg\":\"%s\"",
            b(r->voorwaarde_zorgbudget_ouderen), voorrang[r->voorrang_ouderenzorg]);
    fprintf(f, ",\"groeipakket_uitgesloten\":%s,\"doelgroep_integratiebeleid\":%s}\n",
            b(r->groeipakket_uitgesloten), b(r->doelgroep_integratiebeleid));
}

/* ---- main: read, check output, time ---- */

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "gebruik: handwritten GEVALLEN.jsonl UIT.jsonl HERHALINGEN\n"
                        "  het inburgeringsbeleid met de hand in C; drukt ns_per_case=… af\n"
                        "  (mediaan van HERHALINGEN keer alle gevallen).\n");
        return 2;
    }
    int runs = atoi(argv[3]);
    if (runs < 1) {
        fprintf(stderr, "handwritten: ongeldig aantal herhalingen '%s'\n", argv[3]);
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        fprintf(stderr, "handwritten: kan %s niet lezen\n", argv[1]);
        return 1;
    }
    size_t cap = 1024, n = 0;
    hw_case *cases = malloc(cap * sizeof *cases);
    int status = cases ? 0 : 1;
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t got;
    unsigned long lineno = 0;
    while (status == 0 && (got = getline(&line, &line_cap, in)) >= 0) {
        lineno++;
        if (got <= 1)
            continue;
        if (n == cap) {
            hw_case *bigger = realloc(cases, cap * 2 * sizeof *cases);
            if (!bigger) {
                status = 1;
                break;
            }
            cases = bigger;
            cap *= 2;
        }
        json_error_t je;
        json_t *o = json_loadb(line, (size_t)got, 0, &je);
        hw_error e = {""};
        if (!o) {
            fprintf(stderr, "handwritten: %s:%lu: ongeldige JSON: %s\n", argv[1], lineno, je.text);
            status = 1;
        } else if (!read_case(o, &cases[n], &e)) {
            fprintf(stderr, "handwritten: %s:%lu: %s\n", argv[1], lineno, e.msg);
            status = 1;
        } else {
            n++;
        }
        json_decref(o);
    }
    free(line);
    fclose(in);
    FILE *out = status == 0 ? fopen(argv[2], "w") : NULL;
    if (status == 0 && !out) {
        fprintf(stderr, "handwritten: kan %s niet schrijven\n", argv[2]);
        status = 1;
    }
    hw_result r;
    for (size_t i = 0; status == 0 && i < n; i++) {
        hw_evaluate(&cases[i], &r);
        write_result(out, &r);
    }
    if (out && fclose(out) != 0) {
        fprintf(stderr, "handwritten: schrijven naar %s mislukt\n", argv[2]);
        status = 1;
    }
    if (status == 0 && n > 0) {
        double *samples = malloc((size_t)runs * sizeof *samples);
        /* Called through a volatile pointer, so the compiler cannot inline
         * the evaluation and drop the outcomes nobody reads. */
        void (*volatile eval)(const hw_case *, hw_result *) = hw_evaluate;
        for (size_t i = 0; i < n; i++) /* one untimed pass, as bench/ours does */
            eval(&cases[i], &r);
        for (int k = 0; samples && k < runs; k++) {
            uint64_t t0 = bench_now_ns();
            for (size_t i = 0; i < n; i++)
                eval(&cases[i], &r);
            samples[k] = (double)(bench_now_ns() - t0) / (double)n;
        }
        if (samples)
            printf("ns_per_case=%.1f\n", bench_median(samples, (size_t)runs));
        free(samples);
    }
    free(cases);
    return status;
}
