/* gen.c — writes N complete, deterministic cases of
 * stdlib-policies/inburgering.regel as JSON Lines (make bench). The spread
 * reaches every rule and both sides of each condition: ages around 18 and 65,
 * dates around 1 March 2022, the VDAB deadline and the 24-month B1 window. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"

typedef struct rng {
    uint64_t s;
} rng;

/* splitmix64: small, fast and the same on every platform. */
static uint64_t next(rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* A whole number in lo..hi (both included). */
static long range(rng *r, long lo, long hi)
{
    return lo + (long)(next(r) % (uint64_t)(hi - lo + 1));
}

/* 1 with probability pct/100. */
static int chance(rng *r, int pct)
{
    return range(r, 0, 99) < pct;
}

static long add_months(long date, long n)
{
    return cal_add_months((int32_t)date, (int)n);
}

static void put_date(FILE *f, long date)
{
    int y, m, d;
    cal_civil((int32_t)date, &y, &m, &d);
    fprintf(f, "\"%04d-%02d-%02d\"", y, m, d);
}

static void put_opt_date(FILE *f, int present, long date)
{
    if (present)
        put_date(f, date);
    else
        fputs("null", f);
}

static const char *pick(rng *r, const char *const *names, int n)
{
    return names[range(r, 0, n - 1)];
}

static long d(int y, int m, int day)
{
    return cal_days(y, m, day);
}

/* A date near an interesting boundary: days -spread..+spread around it. */
static long near(rng *r, long date, long spread)
{
    return date + range(r, -spread, spread);
}

/* One case, built first (some dates depend on others) and then written. */
typedef struct gcase {
    long peil, birth, contract, start, vdab;
    int has_contract, has_start, has_vdab;
    const char *reg, *status;
    int ziek, handicap, laag, werkt, studeert, wachtlijst, asiel, woonwagen, rondtrekkend;
    char uren[16];
    int n_toets, n_act, n_verb;
    const char *toets_soort[8];
    long toets_datum[8];
    int toets_ok[8];
    const char *act_soort[8];
    long act_van[8], act_tot[8];
    int act_open[8];
    long verb_van[4], verb_tot[4];
    int verb_open[4];
} gcase;

static void add_test(gcase *c, const char *soort, long datum, int ok)
{
    c->toets_soort[c->n_toets] = soort;
    c->toets_datum[c->n_toets] = datum;
    c->toets_ok[c->n_toets++] = ok;
}

static void add_activity(gcase *c, const char *soort, long van, long tot, int open)
{
    c->act_soort[c->n_act] = soort;
    c->act_van[c->n_act] = van;
    c->act_tot[c->n_act] = tot;
    c->act_open[c->n_act++] = open;
}

static void make_case(rng *r, gcase *c)
{
    static const char *const registers[] = {"vreemdelingenregister", "bevolkingsregister",
                                            "wachtregister", "geen"};
    static const char *const statuses[] = {"verplicht", "verplicht", "vrijwillig", "geen"};
    static const char *const activities[] = {"werk", "opleiding", "studie"};
    static const char *const kinds[] = {"nt2", "mo", "b1"};
    const long march2022 = d(2022, 3, 1);
    memset(c, 0, sizeof *c);

    /* The trajectory: start (sometimes on a month end), contract around
     * 1 March 2022, VDAB registration around the 2-month deadline. */
    c->has_start = chance(r, 85);
    int s = (int)range(r, 0, 9);
    if (s == 0)
        c->start = d(range(r, 2019, 2025), 12, 31); /* + 2 maanden = end of February */
    else if (s == 1)
        c->start = d(range(r, 2019, 2025), 8, 31);
    else if (s == 2)
        c->start = near(r, march2022, 20);
    else
        c->start = range(r, d(2018, 1, 1), d(2025, 12, 31));
    c->has_contract = chance(r, 80);
    c->contract = chance(r, 30) ? near(r, march2022, 10) : c->start + range(r, -10, 30);
    c->has_vdab = chance(r, 80);
    c->vdab = chance(r, 50) ? near(r, add_months(c->start, 2), 3) : c->start + range(r, -30, 120);

    /* Tests: often a completed trajectory (nt2 and mo passed, sometimes
     * after a failed attempt), attempts around 1 March 2022, b1 tests. */
    long base = c->has_start ? c->start : range(r, d(2018, 1, 1), d(2025, 12, 31));
    long last_pass = base;
    if (chance(r, 60)) {
        static const char *const both[] = {"nt2", "mo"};
        for (int k = 0; k < 2; k++) {
            if (chance(r, 30))
                add_test(c, both[k],
                         chance(r, 20) ? near(r, march2022, 5) : base + range(r, 30, 500), 0);
            long t = chance(r, 15) ? near(r, march2022, 5) : base + range(r, 60, 700);
            if (t > last_pass)
                last_pass = t;
            add_test(c, both[k], t, 1);
        }
    }
    int extra = (int)range(r, 0, 2);
    for (int k = 0; k < extra; k++)
        add_test(c, pick(r, kinds, 3),
                 chance(r, 20) ? near(r, march2022, 5) : base + range(r, -100, 900), chance(r, 50));

    /* Peildatum: around 1 March 2022, around the completion, or anywhere. */
    int p = (int)range(r, 0, 9);
    if (p < 2)
        c->peil = near(r, march2022, 30);
    else if (p < 3)
        c->peil = near(r, last_pass, 3);
    else
        c->peil = range(r, d(2012, 1, 1), d(2027, 12, 31));

    /* Age: around 18 and 65 on peildatum and on the (likely) completion
     * date, sometimes born on 29 February, else anything up to 90. */
    int a = (int)range(r, 0, 9);
    if (a < 2)
        c->birth = add_months(c->peil, -12 * 18) + range(r, -3, 3);
    else if (a < 3)
        c->birth = add_months(c->peil, -12 * 65) + range(r, -3, 3);
    else if (a < 4)
        c->birth = add_months(last_pass, -12 * (chance(r, 50) ? 18 : 65)) + range(r, -2, 2);
    else if (a < 5)
        c->birth = d(range(r, 1950, 2008) / 4 * 4, 2, 29);
    else
        c->birth = c->peil - range(r, 0, 90 * 365);
    if (c->birth > c->peil)
        c->birth = c->peil;

    c->reg = pick(r, registers, 4);
    c->status = pick(r, statuses, 4);
    c->ziek = chance(r, 10);
    c->handicap = chance(r, 10);
    c->laag = chance(r, 20);
    c->werkt = chance(r, 30);
    c->studeert = chance(r, 20);
    int u = (int)range(r, 0, 9);
    if (u < 4)
        snprintf(c->uren, sizeof c->uren, "%ld", range(r, 38, 42));
    else if (u < 5)
        snprintf(c->uren, sizeof c->uren, "%ld.5", range(r, 38, 41));
    else
        snprintf(c->uren, sizeof c->uren, "%ld", range(r, 0, 80));

    /* Activities around the B1 window (completion .. + 24 months): exactly
     * six months, a day short, touching periods, still running. */
    int na = (int)range(r, 0, 3);
    for (int k = 0; k < na; k++) {
        long van = last_pass + range(r, -250, 760);
        int shape = (int)range(r, 0, 4);
        long tot = shape == 0   ? add_months(van, 6) - 1
                   : shape == 1 ? add_months(van, 6) - 2
                                : van + range(r, 20, 400);
        add_activity(c, pick(r, activities, 3), van, tot, chance(r, 25));
        if (chance(r, 15) && !c->act_open[c->n_act - 1])
            add_activity(c, pick(r, activities, 3), tot + 1, tot + range(r, 10, 120), 0);
    }

    /* Residence: exactly five years, a day short, tot before van (left
     * out), overlapping and touching periods, still running. */
    c->n_verb = (int)range(r, 0, 3);
    long from = c->peil - range(r, 0, 16 * 365);
    for (int k = 0; k < c->n_verb; k++) {
        int shape = (int)range(r, 0, 5);
        long tot = shape == 0   ? add_months(from, 60) - 1
                   : shape == 1 ? add_months(from, 60) - 2
                   : shape == 2 ? from - range(r, 1, 30)
                                : from + range(r, 30, 4000);
        c->verb_van[k] = from;
        c->verb_tot[k] = tot;
        c->verb_open[k] = chance(r, 30);
        from = (tot > from ? tot : from) + range(r, -30, 400);
    }
    c->wachtlijst = chance(r, 30);
    c->asiel = chance(r, 15);
    c->woonwagen = chance(r, 5);
    c->rondtrekkend = chance(r, 5);
}

static const char *jb(int v)
{
    return v ? "true" : "false";
}

static void write_case(const gcase *c, FILE *f)
{
    fputs("{\"peildatum\":", f);
    put_date(f, c->peil);
    fputs(",\"geboortedatum\":", f);
    put_date(f, c->birth);
    fprintf(f, ",\"register\":\"%s\",\"status\":\"%s\"", c->reg, c->status);
    fprintf(f, ",\"ernstig_ziek\":%s,\"handicap\":%s,\"laaggeletterd\":%s", jb(c->ziek),
            jb(c->handicap), jb(c->laag));
    fprintf(f, ",\"werkt\":%s,\"studeert\":%s", jb(c->werkt), jb(c->studeert));
    fputs(",\"contract_getekend\":", f);
    put_opt_date(f, c->has_contract, c->contract);
    fputs(",\"start_traject\":", f);
    put_opt_date(f, c->has_start, c->start);
    fputs(",\"vdab_aanmelding\":", f);
    put_opt_date(f, c->has_vdab, c->vdab);
    fprintf(f, ",\"participatie_uren\":%s,\"toetsen\":[", c->uren);
    for (int k = 0; k < c->n_toets; k++) {
        fprintf(f, "%s{\"soort\":\"%s\",\"datum\":", k ? "," : "", c->toets_soort[k]);
        put_date(f, c->toets_datum[k]);
        fprintf(f, ",\"geslaagd\":%s}", jb(c->toets_ok[k]));
    }
    fputs("],\"activiteiten\":[", f);
    for (int k = 0; k < c->n_act; k++) {
        fprintf(f, "%s{\"soort\":\"%s\",\"van\":", k ? "," : "", c->act_soort[k]);
        put_date(f, c->act_van[k]);
        fputs(",\"tot\":", f);
        put_opt_date(f, !c->act_open[k], c->act_tot[k]);
        fputc('}', f);
    }
    fputs("],\"verblijf\":[", f);
    for (int k = 0; k < c->n_verb; k++) {
        fprintf(f, "%s{\"van\":", k ? "," : "");
        put_date(f, c->verb_van[k]);
        fputs(",\"tot\":", f);
        put_opt_date(f, !c->verb_open[k], c->verb_tot[k]);
        fputc('}', f);
    }
    fprintf(f, "],\"wachtlijst_ouderenzorg\":%s,\"asielprocedure_lopend\":%s", jb(c->wachtlijst),
            jb(c->asiel));
    fprintf(f, ",\"woonwagenbewoner\":%s,\"rondtrekkend\":%s}\n", jb(c->woonwagen),
            jb(c->rondtrekkend));
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "gebruik: gen AANTAL [ZAAD] > gevallen.jsonl\n"
                        "  schrijft AANTAL volledige inburgeringsgevallen als JSON Lines;\n"
                        "  hetzelfde ZAAD (standaard 11) geeft dezelfde gevallen.\n");
        return 2;
    }
    char *end;
    long count = strtol(argv[1], &end, 10);
    if (*end || count < 0) {
        fprintf(stderr, "gen: ongeldig aantal '%s'\n", argv[1]);
        return 2;
    }
    rng r = {11};
    if (argc == 3) {
        r.s = strtoull(argv[2], &end, 10);
        if (*end) {
            fprintf(stderr, "gen: ongeldig zaad '%s'\n", argv[2]);
            return 2;
        }
    }
    gcase c;
    for (long i = 0; i < count; i++) {
        make_case(&r, &c);
        write_case(&c, stdout);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "gen: schrijven mislukt\n");
        return 1;
    }
    return 0;
}
