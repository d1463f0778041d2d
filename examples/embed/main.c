/* main.c — a small program that embeds libregel (doc/embedding.md): it loads
 * the inburgering policy, builds a case in code, evaluates it with the
 * motivering, reads typed results, and runs a second policy whose rule calls
 * a C function of this program (an `extern functie` bound through libffi).
 *
 * Build: make (uses pkg-config regel). Run: ./embed [INBURGERING.regel [WERKDAGEN.regel]]
 * Comments are English; everything the program prints is Dutch. */
#include <regel.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef DEFAULT_POLICY
#define DEFAULT_POLICY "../../stdlib-policies/inburgering.regel"
#endif
#ifndef DEFAULT_WORKDAYS_POLICY
#define DEFAULT_WORKDAYS_POLICY "werkdagen.regel"
#endif

/* Print a regel_error in Dutch with its location, and return 1 (the exit status). */
static int report(const char *what, const regel_error *err)
{
    if (err->file[0] && err->line)
        fprintf(stderr, "%s:%u:%u: ", err->file, err->line, err->column);
    fprintf(stderr, "fout bij %s: %s\n", what, err->message);
    return 1;
}

/* The host function for `extern functie werkdagen_tussen(van: datum, tot:
 * datum): getal.` — the number of working days (Monday to Friday) from `from`
 * up to, not including, `to`. Dates arrive as days since 1970-01-01 (a
 * Thursday), as REGEL_C_DATE promises; the result is REGEL_C_INT64. */
static int64_t workdays_between(int32_t from, int32_t to)
{
    if (to < from)
        return -workdays_between(to, from);
    int64_t n = 0;
    for (int32_t day = from; day < to; day++) {
        int weekday = ((day % 7) + 7 + 3) % 7; /* 0 = Monday … 6 = Sunday */
        if (weekday < 5)
            n++;
    }
    return n;
}

/* Set a date fact from year/month/day. */
static int set_ymd(regel_case *c, const char *path, int y, int m, int d, regel_error *err)
{
    int32_t day;
    int rc = regel_date_from_ymd(y, m, d, &day, err);
    return rc != REGEL_OK ? rc : regel_case_set_date(c, path, day, err);
}

/* One test taken (a Toetsafname record): append it to the list `toetsen`
 * and fill its three fields through "toetsen[i].veld" paths. */
static int add_test(regel_case *c, const char *kind, int y, int m, int d, int passed,
                    regel_error *err)
{
    size_t i;
    char path[64];
    int rc = regel_case_append(c, "toetsen", &i, err);
    if (rc == REGEL_OK) {
        snprintf(path, sizeof path, "toetsen[%zu].soort", i);
        rc = regel_case_set_member(c, path, kind, err);
    }
    if (rc == REGEL_OK) {
        snprintf(path, sizeof path, "toetsen[%zu].datum", i);
        rc = set_ymd(c, path, y, m, d, err);
    }
    if (rc == REGEL_OK) {
        snprintf(path, sizeof path, "toetsen[%zu].geslaagd", i);
        rc = regel_case_set_bool(c, path, passed, err);
    }
    return rc;
}

/* The case of stdlib-policies/gevallen/02-attest-behaald.json, built in code. */
static int build_inburgering_case(regel_case *c, regel_error *err)
{
    static const char *const no[] = {"ernstig_ziek",
                                     "handicap",
                                     "laaggeletterd",
                                     "werkt",
                                     "studeert",
                                     "wachtlijst_ouderenzorg",
                                     "asielprocedure_lopend",
                                     "woonwagenbewoner",
                                     "rondtrekkend"};
    int rc = set_ymd(c, "peildatum", 2024, 9, 1, err);
    if (rc == REGEL_OK)
        rc = set_ymd(c, "geboortedatum", 1988, 3, 2, err);
    if (rc == REGEL_OK)
        rc = regel_case_set_member(c, "register", "vreemdelingenregister", err);
    if (rc == REGEL_OK)
        rc = regel_case_set_member(c, "status", "verplicht", err);
    for (size_t k = 0; rc == REGEL_OK && k < sizeof no / sizeof no[0]; k++)
        rc = regel_case_set_bool(c, no[k], 0, err);
    if (rc == REGEL_OK)
        rc = set_ymd(c, "contract_getekend", 2022, 9, 5, err);
    if (rc == REGEL_OK)
        rc = set_ymd(c, "start_traject", 2022, 9, 5, err);
    if (rc == REGEL_OK)
        rc = set_ymd(c, "vdab_aanmelding", 2022, 10, 1, err);
    if (rc == REGEL_OK)
        rc = regel_case_set_int(c, "participatie_uren", 40, err);
    /* A list of records: three tests, the first NT2 test failed. */
    if (rc == REGEL_OK)
        rc = add_test(c, "nt2", 2023, 5, 12, 0, err);
    if (rc == REGEL_OK)
        rc = add_test(c, "nt2", 2023, 8, 30, 1, err);
    if (rc == REGEL_OK)
        rc = add_test(c, "mo", 2023, 4, 20, 1, err);
    /* One activity that is still running: `tot` is geen (declared optional). */
    size_t i;
    if (rc == REGEL_OK)
        rc = regel_case_append(c, "activiteiten", &i, err);
    if (rc == REGEL_OK)
        rc = regel_case_set_member(c, "activiteiten[0].soort", "werk", err);
    if (rc == REGEL_OK)
        rc = set_ymd(c, "activiteiten[0].van", 2024, 1, 15, err);
    if (rc == REGEL_OK)
        rc = regel_case_set_none(c, "activiteiten[0].tot", err);
    /* A list of periods: residence since 1 June 2022, still running (open). */
    int32_t since;
    if (rc == REGEL_OK)
        rc = regel_date_from_ymd(2022, 6, 1, &since, err);
    if (rc == REGEL_OK)
        rc = regel_case_append(c, "verblijf", &i, err);
    if (rc == REGEL_OK)
        rc = regel_case_set_period(c, "verblijf[0]", since, 0, 1, err);
    return rc;
}

/* Part 1: the inburgering policy with a case built in code. */
static int run_inburgering(const char *path)
{
    regel_error err = {0};
    regel_policy *policy = NULL;
    regel_case *c = NULL;
    regel_eval *ev = NULL;
    regel_explanation *x = NULL;
    char *diagnostics = NULL, *text = NULL;
    int status = 1;

    if (regel_policy_load_file(path, &policy, &diagnostics, &err) != REGEL_OK) {
        if (diagnostics)
            fputs(diagnostics, stderr);
        report("het laden van het beleid", &err);
        goto done;
    }
    printf("Beleid %s: %zu invoerfeiten, %zu uitkomsten en begrippen.\n\n", path,
           regel_input_count(policy), regel_outcome_count(policy));

    if (regel_case_new(policy, &c, &err) != REGEL_OK ||
        build_inburgering_case(c, &err) != REGEL_OK) {
        report("het opbouwen van het geval", &err);
        goto done;
    }
    ev = regel_eval_new(policy);
    if (!ev) {
        fprintf(stderr, "fout: onvoldoende geheugen\n");
        goto done;
    }
    if (regel_evaluate(ev, c, REGEL_EXPLAIN, &err) != REGEL_OK) {
        report("de evaluatie", &err);
        goto done;
    }

    /* The motivering of two uitkomsten, as Dutch text. */
    const char *const shown[] = {"inburgeringsattest", "vergoeding_totaal"};
    if (regel_render(ev, REGEL_FORMAAT_TEKST, shown, 2, &text, NULL, &err) != REGEL_OK) {
        report("het opstellen van de motivering", &err);
        goto done;
    }
    fputs(text, stdout);

    /* Typed results: no JSON parsing needed. */
    int attest, plicht;
    int64_t cents, age;
    int32_t finished;
    const char *level;
    int y, m, d;
    if (regel_result_bool(ev, "inburgeringsattest", &attest, &err) != REGEL_OK ||
        regel_result_bool(ev, "inburgeringsplicht", &plicht, &err) != REGEL_OK ||
        regel_result_cents(ev, "vergoeding_totaal", &cents, &err) != REGEL_OK ||
        regel_result_int(ev, "leeftijd", &age, &err) != REGEL_OK ||
        regel_result_member(ev, "vereist_taalniveau", &level, &err) != REGEL_OK ||
        regel_result_date(ev, "datum_afronding", &finished, &err) != REGEL_OK) {
        report("het lezen van een uitkomst", &err);
        goto done;
    }
    regel_date_to_ymd(finished, &y, &m, &d);
    printf("\nGetypeerde uitkomsten:\n");
    printf("  Inburgeringsplicht: %s\n", plicht ? "ja" : "nee");
    printf("  Inburgeringsattest: %s\n", attest ? "ja" : "nee");
    printf("  Datum afronding: %02d-%02d-%04d\n", d, m, y);
    printf("  Leeftijd: %lld jaar, taalniveau %s\n", (long long)age, level);
    printf("  Totale vergoeding: € %lld,%02lld\n", (long long)(cents / 100),
           (long long)(cents % 100));

    /* Walking the motivering: which rule decided the attest, on which facts. */
    const char *const attest_only[] = {"inburgeringsattest"};
    if (regel_explanation_new(ev, attest_only, 1, &x, &err) != REGEL_OK) {
        report("het doorlopen van de motivering", &err);
        goto done;
    }
    size_t node = regel_explanation_root(x, 0);
    const char *rule = regel_explanation_rule(x, node);
    printf("\n%s = %s, beslist door regel \"%s\" (%zu feiten)\n", regel_explanation_name(x, node),
           regel_explanation_value(x, node), rule ? rule : "(geen)",
           regel_explanation_fact_count(x, node));
    status = 0;
done:
    regel_explanation_free(x);
    regel_free(text);
    regel_free(diagnostics);
    regel_eval_free(ev);
    regel_case_free(c);
    regel_policy_free(policy);
    return status;
}

/* Part 2: a policy with `extern functie werkdagen_tussen`, bound to the C
 * function above. */
static int run_workdays(const char *path)
{
    regel_error err = {0};
    regel_policy *policy = NULL;
    regel_functions *fs = NULL;
    regel_case *c = NULL;
    regel_eval *ev = NULL;
    char *diagnostics = NULL, *text = NULL;
    int status = 1;

    if (regel_policy_load_file(path, &policy, &diagnostics, &err) != REGEL_OK) {
        if (diagnostics)
            fputs(diagnostics, stderr);
        report("het laden van het beleid", &err);
        goto done;
    }
    /* Register the C function with its C signature, then bind the policy's
     * externs to the table: a missing function or a wrong signature is an
     * error here, never a crash during evaluation. fs must outlive policy. */
    const regel_ctype params[] = {REGEL_C_DATE, REGEL_C_DATE};
    fs = regel_functions_new();
    if (!fs) {
        fprintf(stderr, "fout: onvoldoende geheugen\n");
        goto done;
    }
    if (regel_functions_add(fs, "werkdagen_tussen", (void (*)(void))workdays_between, REGEL_C_INT64,
                            params, 2, &err) != REGEL_OK ||
        regel_policy_bind(policy, fs, &err) != REGEL_OK) {
        report("het binden van werkdagen_tussen", &err);
        goto done;
    }

    if (regel_case_new(policy, &c, &err) != REGEL_OK ||
        set_ymd(c, "peildatum", 2023, 4, 1, &err) != REGEL_OK ||
        set_ymd(c, "start_traject", 2023, 3, 1, &err) != REGEL_OK ||
        set_ymd(c, "vdab_aanmelding", 2023, 3, 24, &err) != REGEL_OK) {
        report("het opbouwen van het geval", &err);
        goto done;
    }
    ev = regel_eval_new(policy);
    if (!ev) {
        fprintf(stderr, "fout: onvoldoende geheugen\n");
        goto done;
    }
    if (regel_evaluate(ev, c, REGEL_EXPLAIN, &err) != REGEL_OK) {
        report("de evaluatie", &err);
        goto done;
    }
    /* The whole motivering; it shows the call of the host function. */
    if (regel_render_text(ev, &text, NULL, &err) != REGEL_OK) {
        report("het opstellen van de motivering", &err);
        goto done;
    }
    fputs(text, stdout);

    int64_t days;
    int in_time;
    if (regel_result_int(ev, "werkdagen_tot_aanmelding", &days, &err) != REGEL_OK ||
        regel_result_bool(ev, "tijdig_aangemeld", &in_time, &err) != REGEL_OK) {
        report("het lezen van een uitkomst", &err);
        goto done;
    }
    printf("\nWerkdagen tot de aanmelding: %lld; tijdig aangemeld: %s\n", (long long)days,
           in_time ? "ja" : "nee");
    status = 0;
done:
    regel_free(text);
    regel_free(diagnostics);
    regel_eval_free(ev);
    regel_case_free(c);
    regel_policy_free(policy); /* the policy first, then the table it was bound to */
    regel_functions_free(fs);
    return status;
}

int main(int argc, char **argv)
{
    const char *inburgering = argc > 1 ? argv[1] : DEFAULT_POLICY;
    const char *workdays = argc > 2 ? argv[2] : DEFAULT_WORKDAYS_POLICY;
    printf("libregel %s\n\n", regel_version());
    if (run_inburgering(inburgering) != 0)
        return 1;
    printf("\n----\n\n");
    return run_workdays(workdays) != 0;
}
