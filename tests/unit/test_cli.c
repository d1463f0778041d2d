/* test_cli.c — tests of the `regel` command (cli/regel.c, spec §8): exit
 * statuses, nothing on stdout after an error, Dutch messages on stderr, the
 * case from standard input, plugins (--plugin, issue 8). Runs the built
 * program; changes no files but its own. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define REGEL  BUILDDIR "/regel"
#define BASIS  SRCDIR "/examples/inburgering-basis.regel"
#define GEVAL1 SRCDIR "/examples/gevallen/01-verplichte-nieuwkomer.json"

typedef struct run_result {
    int status; /* exit status, or -1 when not exited normally */
    char out[65536];
    char err[8192];
} run_result;

/* Read everything from fd into buf (NUL-terminated, truncated to cap-1). */
static void slurp(int fd, char *buf, size_t cap)
{
    size_t n = 0;
    for (;;) {
        char tmp[4096];
        ssize_t got = read(fd, tmp, sizeof tmp);
        if (got <= 0)
            break;
        for (ssize_t i = 0; i < got && n + 1 < cap; i++)
            buf[n++] = tmp[i];
    }
    buf[n] = '\0';
}

/* Run regel with args (NULL-terminated) and the given standard input, in
 * directory cwd (NULL: this one). */
static run_result *run_in(const char *cwd, const char *input, const char *const *args)
{
    run_result *r = calloc(1, sizeof *r);
    cr_assert_not_null(r);
    char in_path[] = "/tmp/regel-test-in-XXXXXX", out_path[] = "/tmp/regel-test-out-XXXXXX",
         err_path[] = "/tmp/regel-test-err-XXXXXX";
    int in = mkstemp(in_path), out = mkstemp(out_path), err = mkstemp(err_path);
    cr_assert(in >= 0 && out >= 0 && err >= 0);
    if (input)
        cr_assert_eq(write(in, input, strlen(input)), (ssize_t)strlen(input));
    lseek(in, 0, SEEK_SET);
    const char *argv[16] = {REGEL};
    int n = 1;
    for (; args[n - 1] && n < 15; n++)
        argv[n] = args[n - 1];
    argv[n] = NULL;
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        if (cwd && chdir(cwd) != 0)
            _exit(126);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        execv(REGEL, (char *const *)argv);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    r->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    lseek(out, 0, SEEK_SET);
    lseek(err, 0, SEEK_SET);
    slurp(out, r->out, sizeof r->out);
    slurp(err, r->err, sizeof r->err);
    close(in);
    close(out);
    close(err);
    unlink(in_path);
    unlink(out_path);
    unlink(err_path);
    return r;
}

#define RUN(input, ...)         run_in(NULL, (input), (const char *const[]){__VA_ARGS__, NULL})
#define RUN_IN(cwd, input, ...) run_in((cwd), (input), (const char *const[]){__VA_ARGS__, NULL})

Test(cli, decides_text_and_json)
{
    run_result *r = RUN(NULL, BASIS, GEVAL1);
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_str_eq(r->err, "");
    const char *first = "Beleid: Inburgering en integratie (basis)\n\n";
    cr_assert_eq(strncmp(r->out, first, strlen(first)), 0, "%s", r->out);
    cr_assert_not_null(strstr(r->out, "\ntoegang_inburgeringscursus: waar\n"), "%s", r->out);
    cr_assert_not_null(strstr(r->out, "  Juridische grond\n"
                                      "    Regel \"Toegang tot de inburgeringscursus\"\n"),
                       "%s", r->out);
    cr_assert_not_null(strstr(r->out, "    participatie_uren = 12,5\n"), "%s", r->out);
    free(r);
    r = RUN(NULL, "--json", BASIS, GEVAL1);
    cr_assert_eq(r->status, 0, "%s", r->err);
    const char *head = "{\n  \"beleid\": \"Inburgering en integratie (basis)\",\n";
    cr_assert_eq(strncmp(r->out, head, strlen(head)), 0, "%s", r->out);
    cr_assert_not_null(strstr(r->out, "        \"participatie_uren\": 12.5\n"));
    cr_assert_not_null(strstr(r->out, "  \"ontbrekend\": []\n}\n"));
    free(r);
    /* options may follow the arguments */
    r = RUN(NULL, BASIS, GEVAL1, "--json");
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_eq(r->out[0], '{');
    free(r);
}

Test(cli, case_from_stdin)
{
    run_result *r = RUN("{\"register\": \"wachtregister\"}", BASIS, "-");
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_not_null(strstr(r->out, "toegang_inburgeringscursus: onwaar\n"));
    cr_assert_not_null(strstr(r->out, "\nOntbrekende feiten: "));
    free(r);
}

Test(cli, case_errors_exit_1_and_nothing_on_stdout)
{
    run_result *r = RUN("{\"werktt\": true}", BASIS, "-");
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_str_eq(r->err, "regel: (standaardinvoer):1:2: fout: onbekend feit ‘werktt’ in het "
                             "geval; bedoelde u ‘werkt’?\n");
    free(r);
    r = RUN("{\"werkt\": \"ja\"}", "--json", BASIS, "-");
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_str_eq(r->err,
                     "regel: (standaardinvoer):1:11: fout: feit ‘werkt’ moet waar of onwaar "
                     "zijn (JSON true/false), maar is een tekst\n");
    free(r);
    r = RUN("{\n  \"werkt\": tru\n}", BASIS, "-");
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_str_eq(r->err,
                     "regel: (standaardinvoer):2:14: fout: geen geldige JSON: ongeldige syntaxis "
                     "bij ‘tru’\n");
    free(r);
    r = RUN(NULL, BASIS, SRCDIR "/bestaat-niet.json");
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_str_eq(r->err, "regel: " SRCDIR "/bestaat-niet.json: fout: kan het geval niet "
                             "lezen: het bestand bestaat niet\n");
    free(r);
}

Test(cli, policy_errors_exit_1)
{
    run_result *r = RUN("{}", SRCDIR "/bestaat-niet.regel", "-");
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_not_null(strstr(r->err, "regel: " SRCDIR "/bestaat-niet.regel: fout: "), "%s",
                       r->err);
    free(r);
    /* a policy with a compile error: the compiler's diagnostics on stderr */
    char path[] = "/tmp/regel-test-beleid-XXXXXX";
    int fd = mkstemp(path);
    const char *src = "beleid \"x\".\ninvoer a: getl.\n";
    cr_assert_eq(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    r = RUN("{}", path, "-");
    unlink(path);
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_not_null(strstr(r->err, ":2:11: fout: "), "%s", r->err);
    free(r);
}

Test(cli, evaluation_errors_exit_1)
{
    char path[] = "/tmp/regel-test-beleid-XXXXXX";
    int fd = mkstemp(path);
    const char *src = "beleid \"Deling\".\ninvoer a: getal, b: getal.\nuitkomst q: getal.\n"
                      "regel \"Q\" q is a / b.\n";
    cr_assert_eq(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    run_result *r = RUN("{\"a\": 1, \"b\": 0}", path, "-");
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_not_null(strstr(r->err, ":4:18: fout: deling door nul in regel ‘Q’\n"), "%s", r->err);
    free(r);
    r = RUN("{\"a\": 1, \"b\": 3}", "--json", path, "-");
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_not_null(
        strstr(r->err, ": fout: uitkomst ‘q’ is 1/3 en heeft geen eindige decimale schrijfwijze\n"),
        "%s", r->err);
    free(r);
    r = RUN("{\"a\": 1, \"b\": 4}", "--json", path, "-");
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_not_null(strstr(r->out, "    \"q\": 0.25\n"));
    free(r);
    unlink(path);
}

Test(cli, usage_errors_exit_2)
{
    run_result *r = RUN(NULL, "--jsn", BASIS, GEVAL1);
    cr_assert_eq(r->status, 2);
    cr_assert_str_eq(r->out, "");
    cr_assert_str_eq(r->err,
                     "regel: onbekende optie ‘--jsn’; bedoelde u ‘--json’?\n"
                     "Gebruik: regel [--formaat tekst|json|html] [--uitkomst NAAM]… BELEID GEVAL\n"
                     "Probeer ‘regel --help’ voor meer informatie.\n");
    free(r);
    r = RUN(NULL, BASIS);
    cr_assert_eq(r->status, 2);
    cr_assert_str_eq(r->out, "");
    cr_assert_not_null(strstr(r->err, "regel: GEVAL ontbreekt"));
    free(r);
    r = RUN(NULL, BASIS, GEVAL1, "derde");
    cr_assert_eq(r->status, 2);
    cr_assert_not_null(strstr(r->err, "regel: te veel argumenten: ‘derde’"));
    free(r);
    r = run_in(NULL, NULL, (const char *const[]){NULL});
    cr_assert_eq(r->status, 2);
    cr_assert_not_null(strstr(r->err, "regel: BELEID en GEVAL ontbreken\n"));
    free(r);
}

Test(cli, help_and_version)
{
    run_result *r = RUN(NULL, "--version");
    cr_assert_eq(r->status, 0);
    cr_assert_str_eq(r->out, "regel (Regel) 0.1.0\n");
    free(r);
    r = RUN(NULL, "--help");
    cr_assert_eq(r->status, 0);
    const char *usage =
        "Gebruik: regel [--formaat tekst|json|html] [--uitkomst NAAM]… BELEID GEVAL\n";
    cr_assert_eq(strncmp(r->out, usage, strlen(usage)), 0, "%s", r->out);
    cr_assert_not_null(strstr(r->out, "Afsluitstatus:"));
    cr_assert_not_null(strstr(r->out, "Voorbeelden:"));
    cr_assert_str_eq(r->err, "");
    free(r);
}

/* ---- v0.2: dates, amounts, periods, lists, versions (spec3 §6, §7) ---- */

/* Write src to a fresh temporary policy file; path receives its name. */
static void write_policy(const char *src, char path[64])
{
    snprintf(path, 64, "/tmp/regel-test-beleid-XXXXXX");
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
}

static const char tijd_src[] =
    "beleid \"Tijd\".\n"
    "soort Toetssoort is een van nt2, mo, b1.\n"
    "gegeven Toetsafname heeft soort: Toetssoort, datum: datum, geslaagd: waarheid.\n"
    "invoer geboortedatum: datum, vergoeding: bedrag, toetsen: lijst van Toetsafname,\n"
    "    verblijf: lijst van periode, termijn: duur.\n"
    "uitkomst geboren: datum, bedrag_uit: bedrag, afnames: lijst van Toetsafname,\n"
    "    perioden: lijst van periode, t: duur.\n"
    "regel \"Geboren\" geboren is geboortedatum.\n"
    "regel \"Bedrag\" bedrag_uit is vergoeding.\n"
    "regel \"Afnames\" afnames is toetsen.\n"
    "regel \"Perioden\" perioden is verblijf.\n"
    "regel \"T\" t is termijn.\n";

static const char tijd_case[] =
    "{\"geboortedatum\": \"1994-07-15\", \"vergoeding\": \"1250,5\",\n"
    " \"toetsen\": [{\"soort\": \"nt2\", \"datum\": \"2022-03-01\", \"geslaagd\": true},\n"
    "              {\"soort\": \"mo\", \"datum\": \"2024-02-29\"}],\n"
    " \"verblijf\": [{\"van\": \"2020-01-01\", \"tot\": \"2021-12-31\"},\n"
    "              {\"van\": \"2022-11-03\", \"tot\": null}],\n"
    " \"termijn\": \"1 jaar en 2 maanden\"}\n";

Test(cli, v02_values_in_text)
{
    char path[64];
    write_policy(tijd_src, path);
    run_result *r = RUN(tijd_case, path, "-");
    unlink(path);
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_str_eq(
        r->out,
        "Beleid: Tijd\n"
        "\n"
        "geboren: 15 juli 1994\n"
        "  Volgens de regel \"Geboren\" is geboren 15 juli 1994.\n"
        "  Juridische grond\n"
        "    Regel \"Geboren\"\n"
        "  Feitelijke gronden\n"
        "    geboortedatum = 15 juli 1994\n"
        "\n"
        "bedrag_uit: € 1.250,50\n"
        "  Volgens de regel \"Bedrag\" is bedrag_uit € 1.250,50.\n"
        "  Juridische grond\n"
        "    Regel \"Bedrag\"\n"
        "  Feitelijke gronden\n"
        "    vergoeding = € 1.250,50\n"
        "\n"
        "afnames: [{soort: nt2, datum: 1 maart 2022, geslaagd: waar}, {soort: mo, datum: 29 "
        "februari 2024, geslaagd: onbekend}]\n"
        "  Volgens de regel \"Afnames\" is afnames soort nt2, datum 1 maart 2022, geslaagd ja en "
        "soort mo, datum 29 februari 2024, geslaagd onbekend.\n"
        "  Juridische grond\n"
        "    Regel \"Afnames\"\n"
        "  Feitelijke gronden\n"
        "    toetsen = [{soort: nt2, datum: 1 maart 2022, geslaagd: waar}, {soort: mo, datum: 29 "
        "februari 2024, geslaagd: onbekend}]\n"
        "\n"
        "perioden: [1 januari 2020 tot en met 31 december 2021, vanaf 3 november 2022]\n"
        "  Volgens de regel \"Perioden\" is perioden van 1 januari 2020 tot en met 31 december "
        "2021 en vanaf 3 november 2022.\n"
        "  Juridische grond\n"
        "    Regel \"Perioden\"\n"
        "  Feitelijke gronden\n"
        "    verblijf = [1 januari 2020 tot en met 31 december 2021, vanaf 3 november 2022]\n"
        "\n"
        "t: 1 jaar en 2 maanden\n"
        "  Volgens de regel \"T\" is t 1 jaar en 2 maanden.\n"
        "  Juridische grond\n"
        "    Regel \"T\"\n"
        "  Feitelijke gronden\n"
        "    termijn = 1 jaar en 2 maanden\n",
        "%s", r->out);
    free(r);
}

Test(cli, v02_values_in_json)
{
    char path[64];
    write_policy(tijd_src, path);
    run_result *r = RUN(tijd_case, "--json", path, "-");
    unlink(path);
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_not_null(strstr(r->out, "  \"uitkomsten\": {\n"
                                      "    \"geboren\": \"1994-07-15\",\n"
                                      "    \"bedrag_uit\": 1250.5,\n"
                                      "    \"afnames\": [\n"
                                      "      {\n"
                                      "        \"soort\": \"nt2\",\n"
                                      "        \"datum\": \"2022-03-01\",\n"
                                      "        \"geslaagd\": true\n"
                                      "      },\n"
                                      "      {\n"
                                      "        \"soort\": \"mo\",\n"
                                      "        \"datum\": \"2024-02-29\",\n"
                                      "        \"geslaagd\": null\n"
                                      "      }\n"
                                      "    ],\n"
                                      "    \"perioden\": [\n"
                                      "      {\n"
                                      "        \"van\": \"2020-01-01\",\n"
                                      "        \"tot\": \"2021-12-31\"\n"
                                      "      },\n"
                                      "      {\n"
                                      "        \"van\": \"2022-11-03\",\n"
                                      "        \"tot\": null\n"
                                      "      }\n"
                                      "    ],\n"
                                      "    \"t\": \"1 jaar en 2 maanden\"\n"
                                      "  },\n"),
                       "%s", r->out);
    cr_assert_not_null(strstr(r->out, "      \"feiten\": {\n"
                                      "        \"vergoeding\": 1250.5\n"
                                      "      },\n"),
                       "%s", r->out);
    free(r);
    /* empty lists; peildatum is accepted although this policy does not use it */
    write_policy(tijd_src, path);
    r = RUN("{\"peildatum\": \"2023-06-01\", \"toetsen\": [], \"verblijf\": []}", "--json", path,
            "-");
    unlink(path);
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_not_null(strstr(r->out, "    \"afnames\": [],\n    \"perioden\": [],\n"), "%s",
                       r->out);
    free(r);
}

Test(cli, v02_case_errors_name_the_key)
{
    char path[64];
    write_policy(tijd_src, path);
    run_result *r = RUN("{\"toetsen\": [{\"datum\": \"2023-01-01\"}, {\"datum\": \"2023-02-28\"},"
                        " {\"datum\": \"2023-02-29\"}]}",
                        "--json", path, "-");
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_str_eq(r->err, "regel: (standaardinvoer):1:74: fout: feit ‘toetsen[2].datum’: "
                             "‘2023-02-29’ is geen geldige datum (februari 2023 heeft 28 "
                             "dagen)\n");
    free(r);
    r = RUN("{\"vergoeding\": 12.345}", path, "-");
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_str_eq(r->err, "regel: (standaardinvoer):1:16: fout: feit ‘vergoeding’: het bedrag "
                             "12.345 heeft meer dan 2 decimalen\n");
    free(r);
    r = RUN("{\"verblijf\": [{\"van\": \"2020-01-01\", \"tot\": null, \"soort\": \"werk\"}]}", path,
            "-");
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_str_eq(r->err, "regel: (standaardinvoer):1:50: fout: onbekend veld ‘soort’ in feit "
                             "‘verblijf[0]’ (een periode); de velden zijn: van, tot\n");
    free(r);
    unlink(path);
}

static const char versies_src[] =
    "beleid \"Versies\".\n"
    "invoer contract_getekend: datum.\n"
    "uitkomst fee: bedrag, vc: bedrag.\n"
    "parameter toetsvergoeding: bedrag is 0 euro geldig tot 1 maart 2022,\n"
    "    is 90 euro geldig vanaf 1 maart 2022.\n"
    "regel \"Vergoeding oud\" geldig tot 1 maart 2022 fee is 1 euro.\n"
    "regel \"Vergoeding nieuw\" geldig vanaf 1 maart 2022 fee is toetsvergoeding.\n"
    "regel \"VC\" vc is toetsvergoeding geldig op contract_getekend.\n";

Test(cli, v02_versions_and_parameters)
{
    char path[64];
    write_policy(versies_src, path);
    const char *kase = "{\"peildatum\": \"2023-06-01\", \"contract_getekend\": \"2022-02-28\"}";
    run_result *r = RUN(kase, path, "-");
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_not_null(
        strstr(r->out, "fee: € 90,00\n"
                       "  Volgens de regel \"Vergoeding nieuw\" is fee € 90,00.\n"
                       "  Juridische grond\n"
                       "    Regel \"Vergoeding nieuw\" (geldig vanaf 1 maart 2022)\n"
                       "    Parameter: toetsvergoeding = € 90,00 (geldig vanaf 1 maart 2022)\n"
                       "  Niet toegepast\n"
                       "    Regel \"Vergoeding oud\" gold niet op de peildatum (geldig tot 1 maart "
                       "2022)\n"
                       "  Feitelijke gronden\n"
                       "    peildatum = 1 juni 2023\n"),
        "%s", r->out);
    cr_assert_not_null(strstr(r->out,
                              "vc: € 0,00\n"
                              "  Volgens de regel \"VC\" is vc € 0,00.\n"
                              "  Juridische grond\n"
                              "    Regel \"VC\"\n"
                              "    Parameter: toetsvergoeding = € 0,00 (geldig tot 1 maart 2022)\n"
                              "  Feitelijke gronden\n"
                              "    contract_getekend = 28 februari 2022\n"),
                       "%s", r->out);
    free(r);
    r = RUN(kase, "--json", path, "-");
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_not_null(strstr(r->out, "    \"fee\": {\n"
                                      "      \"waarde\": 90,\n"),
                       "%s", r->out);
    cr_assert_not_null(strstr(r->out, "      \"regel\": \"Vergoeding nieuw\",\n"
                                      "      \"soort\": \"regel\",\n"
                                      "      \"uitzondering_op\": null,\n"
                                      "      \"bron\": null,\n"
                                      "      \"citaat\": null,\n"
                                      "      \"geldig\": {\n"
                                      "        \"vanaf\": \"2022-03-01\",\n"
                                      "        \"tot\": null\n"
                                      "      },\n"),
                       "%s", r->out);
    cr_assert_not_null(strstr(r->out, "          \"reden\": \"niet_geldig\",\n"), "%s", r->out);
    cr_assert_not_null(strstr(r->out, "      \"feiten\": {\n"
                                      "        \"peildatum\": \"2023-06-01\"\n"
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
                                      "      \"steunt_op\": {}\n"
                                      "    },\n"),
                       "%s", r->out);
    cr_assert_not_null(strstr(r->out, "            \"waarde\": 0,\n"
                                      "            \"geldig\": {\n"
                                      "              \"vanaf\": null,\n"
                                      "              \"tot\": \"2022-03-01\"\n"),
                       "%s", r->out);
    free(r);
    /* the day before the boundary: the old rule */
    r = RUN("{\"peildatum\": \"2022-02-28\", \"contract_getekend\": \"2022-03-01\"}", path, "-");
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_not_null(strstr(r->out, "fee: € 1,00\n"
                                      "  Volgens de regel \"Vergoeding oud\" is fee € 1,00.\n"
                                      "  Juridische grond\n"
                                      "    Regel \"Vergoeding oud\" (geldig tot 1 maart 2022)\n"),
                       "%s", r->out);
    cr_assert_not_null(strstr(r->out, "vc: € 90,00\n"), "%s", r->out);
    free(r);
    unlink(path);
}

/* ---- v0.3: the interview (spec4 §4) ---- */

#define VRAAG_BELEID SRCDIR "/tests/golden/beleid/vraag.regel"

/* A fresh temporary directory; path receives its name. */
static void temp_dir(char path[64])
{
    snprintf(path, 64, "/tmp/regel-test-vraag-XXXXXX");
    cr_assert_not_null(mkdtemp(path));
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    cr_assert_eq(fputs(text, f) >= 0, 1);
    cr_assert_eq(fclose(f), 0);
}

static char *read_all(const char *path)
{
    static char buf[8192];
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "%s", path);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Entries in dir other than . and .. */
static int count_entries(const char *dir)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "ls -A %s | wc -l", dir);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    int n = -1;
    cr_assert_eq(fscanf(p, "%d", &n), 1);
    pclose(p);
    return n;
}

Test(cli, vraag_bewaar_replaces_the_case_file)
{
    char dir[64], kase[128];
    temp_dir(dir);
    snprintf(kase, sizeof kase, "%s/geval.json", dir);
    write_file(kase, "{\"werkt\": false}\n");
    cr_assert_eq(chmod(kase, 0640), 0);
    /* a wrong answer first: asked again; then the register and the rest */
    run_result *r = RUN("derde\n3\n", "vraag", "--bewaar", kase, VRAAG_BELEID, kase);
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_str_eq(r->err, "‘derde’ is geen geldig antwoord; geef een van "
                             "vreemdelingenregister, wachtregister of bevolkingsregister, of "
                             "het nummer ervoor (1 tot en met 3).\n");
    cr_assert_eq(strncmp(r->out,
                         "In welk register staat u ingeschreven? (een naam of nummer uit "
                         "de lijst)\n  1. vreemdelingenregister\n",
                         strlen("In welk register staat u ingeschreven? (een naam of nummer uit "
                                "de lijst)\n  1. vreemdelingenregister\n")),
                 0, "%s", r->out);
    cr_assert_not_null(strstr(r->out, "> derde\nIn welk register"), "%s", r->out);
    cr_assert_not_null(strstr(r->out, "> 3\n\nBeleid: Vraaggesprek\n"), "%s", r->out);
    cr_assert_not_null(strstr(r->out, "toelage: € 0,00\n"), "%s", r->out);
    free(r);
    cr_assert_str_eq(read_all(kase), "{\n"
                                     "  \"werkt\": false,\n"
                                     "  \"register\": \"bevolkingsregister\"\n"
                                     "}\n");
    struct stat st;
    cr_assert_eq(stat(kase, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0640);
    cr_assert_eq(count_entries(dir), 1); /* no temporary file left behind */
    unlink(kase);
    rmdir(dir);
}

Test(cli, vraag_errors)
{
    char dir[64], kase[128], missing[160];
    temp_dir(dir);
    snprintf(kase, sizeof kase, "%s/geval.json", dir);
    snprintf(missing, sizeof missing, "%s/geen-map/uit.json", dir);
    write_file(kase, "{}");
    /* cannot save: exit 1 after the decision, the case file untouched */
    run_result *r = RUN("2\n", "vraag", "--bewaar", missing, VRAAG_BELEID, kase);
    cr_assert_eq(r->status, 1);
    cr_assert_not_null(strstr(r->err, "uit.json: fout: kan het geval niet bewaren: de map "
                                      "bestaat niet\n"),
                       "%s", r->err);
    cr_assert_str_eq(read_all(kase), "{}");
    free(r);
    /* end of input before a decision */
    r = RUN("", "vraag", VRAAG_BELEID, kase);
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->err, "regel: de invoer is op voordat alles beslist is\n");
    free(r);
    /* the answers come from standard input, so the case is a file */
    r = RUN("{}", "vraag", VRAAG_BELEID, "-");
    cr_assert_eq(r->status, 2);
    cr_assert_str_eq(r->out, "");
    cr_assert_not_null(strstr(r->err, "geef het geval als bestand"));
    free(r);
    /* the case is checked before anything is asked */
    write_file(kase, "{\"werkt\": \"ja\"}");
    r = RUN("ja\n", "vraag", VRAAG_BELEID, kase);
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_not_null(strstr(r->err, "feit ‘werkt’ moet waar of onwaar zijn"), "%s", r->err);
    free(r);
    r = RUN(NULL, "vraag", "--bewaar");
    cr_assert_eq(r->status, 2);
    cr_assert_not_null(strstr(r->err, "regel: ‘--bewaar’ verwacht een BESTAND\n"), "%s", r->err);
    free(r);
    r = RUN(NULL, "vraag", "--help");
    cr_assert_eq(r->status, 0);
    cr_assert_not_null(strstr(r->out, "Gebruik: regel vraag [--uitkomst NAAM]… [--json] "
                                      "[--bewaar BESTAND] BELEID GEVAL\n"));
    free(r);
    unlink(kase);
    rmdir(dir);
}

Test(cli, volgende_vraag)
{
    char dir[64], kase[128];
    temp_dir(dir);
    snprintf(kase, sizeof kase, "%s/geval.json", dir);
    write_file(kase, "{\"register\": \"vreemdelingenregister\"}");
    run_result *r =
        RUN(NULL, "--json", "--volgende-vraag", "--uitkomst", "avondcursus", VRAAG_BELEID, kase);
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_not_null(strstr(r->out, "  ],\n"
                                      "  \"volgende_vraag\": {\n"
                                      "    \"feit\": \"werkt\",\n"
                                      "    \"vraag\": \"Werkt u momenteel?\",\n"
                                      "    \"type\": \"waarheid\",\n"
                                      "    \"optioneel\": false,\n"
                                      "    \"niet_negatief\": false,\n"
                                      "    \"open_uitkomsten\": [\n"
                                      "      \"avondcursus\"\n"
                                      "    ]\n"
                                      "  }\n"
                                      "}\n"),
                       "%s", r->out);
    free(r);
    /* the optional diploma is asked for the plicht */
    r = RUN(NULL, "--json", "--volgende-vraag", "--uitkomst=inburgeringsplichtig", VRAAG_BELEID,
            kase);
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_not_null(strstr(r->out, "    \"feit\": \"diploma\",\n"
                                      "    \"vraag\": \"Wanneer haalde u uw diploma?\",\n"
                                      "    \"type\": \"datum\",\n"
                                      "    \"optioneel\": true,\n"),
                       "%s", r->out);
    free(r);
    r = RUN(NULL, "--json", "--volgende-vraag", "--uitkomst", "plicht", VRAAG_BELEID, kase);
    cr_assert_eq(r->status, 2);
    cr_assert_str_eq(r->out, "");
    cr_assert_not_null(strstr(r->err, "regel: onbekende uitkomst ‘plicht’ in dit beleid\n"), "%s",
                       r->err);
    free(r);
    /* --uitkomst alone selects what is shown */
    r = RUN(NULL, "--uitkomst", "inburgeringsplichtig", VRAAG_BELEID, kase);
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_not_null(strstr(r->out, "\ninburgeringsplichtig: "), "%s", r->out);
    cr_assert_null(strstr(r->out, "\ntoelage: "), "%s", r->out);
    free(r);
    r = RUN(NULL, "--formaat", "html", "--uitkomst", "toelag", VRAAG_BELEID, kase);
    cr_assert_eq(r->status, 2);
    cr_assert_str_eq(r->out, "");
    cr_assert_not_null(
        strstr(r->err, "regel: onbekende uitkomst ‘toelag’; bedoelde u ‘toelage’?\n"), "%s",
        r->err);
    free(r);
    r = RUN(NULL, "--help");
    cr_assert_not_null(strstr(r->out, "  --volgende-vraag\n"));
    cr_assert_not_null(strstr(r->out, "       regel vraag [--uitkomst NAAM]…"));
    free(r);
    unlink(kase);
    rmdir(dir);
}

Test(cli, volgende_vraag_is_valid_json)
{
    char dir[64], kase[128];
    temp_dir(dir);
    snprintf(kase, sizeof kase, "%s/geval.json", dir);
    write_file(kase, "{}");
    run_result *r = RUN(NULL, "--json", "--volgende-vraag", VRAAG_BELEID, kase);
    cr_assert_eq(r->status, 0, "%s", r->err);
    json_error_t e;
    json_t *root = json_loads(r->out, 0, &e);
    cr_assert_not_null(root, "%s: %s", e.text, r->out);
    json_t *q = json_object_get(root, "volgende_vraag");
    cr_assert_str_eq(json_string_value(json_object_get(q, "feit")), "register");
    cr_assert_eq(json_array_size(json_object_get(q, "mogelijk")), 3);
    cr_assert_eq(json_array_size(json_object_get(q, "open_uitkomsten")), 3);
    cr_assert_not_null(json_object_get(root, "ontbrekend"));
    json_decref(root);
    free(r);
    unlink(kase);
    rmdir(dir);
}

Test(cli, vraag_bewaar_keeps_typed_decimals)
{
    char dir[64], kase[128];
    temp_dir(dir);
    snprintf(kase, sizeof kase, "%s/geval.json", dir);
    write_file(kase, "{\"register\": \"vreemdelingenregister\", \"werkt\": true}");
    run_result *r =
        RUN("0,1\n", "vraag", "--uitkomst", "avondcursus", "--bewaar", "-", VRAAG_BELEID, kase);
    cr_assert_eq(r->status, 0, "%s", r->err);
    const char *tail = "{\n"
                       "  \"register\": \"vreemdelingenregister\",\n"
                       "  \"werkt\": true,\n"
                       "  \"uren\": 0.1\n"
                       "}\n";
    size_t n = strlen(r->out);
    cr_assert_geq(n, strlen(tail));
    cr_assert_str_eq(r->out + n - strlen(tail), tail);
    cr_assert_not_null(strstr(r->out, "avondcursus: onwaar\n"), "%s", r->out);
    free(r);
    unlink(kase);
    rmdir(dir);
}

/* ---- plugins: --plugin (issue 8; tests/plugin/run.sh has the golden outputs) ---- */

#define PLUGIN_DIR       BUILDDIR "/tests/plugin/.libs"
#define WERKDAGEN_SO     PLUGIN_DIR "/werkdagen.so"
#define WERKDAGEN_BELEID SRCDIR "/tests/plugin/werkdagen.regel"
#define WERKDAGEN_GEVAL  SRCDIR "/tests/plugin/geval-maart.json"
#define WERKDAGEN_CALL   "Externe functie: werkdagen_tussen(1 maart 2023, 31 maart 2023) = 22\n"

Test(cli, plugin_in_every_help)
{
    run_result *r = RUN(NULL, "--help");
    cr_assert_not_null(strstr(r->out, "  --plugin BIBLIOTHEEK\n"), "%s", r->out);
    free(r);
    r = RUN(NULL, "vraag", "--help");
    cr_assert_not_null(strstr(r->out, "  --plugin BIBLIOTHEEK\n"), "%s", r->out);
    free(r);
    r = RUN(NULL, "test", "--help");
    cr_assert_not_null(strstr(r->out, "  --plugin BIBLIOTHEEK\n"), "%s", r->out);
    free(r);
}

Test(cli, plugin_name_without_slash_is_taken_from_here)
{
    /* in the plugin folder: found */
    run_result *r =
        RUN_IN(PLUGIN_DIR, NULL, "--plugin", "werkdagen.so", WERKDAGEN_BELEID, WERKDAGEN_GEVAL);
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_not_null(strstr(r->out, WERKDAGEN_CALL), "%s", r->out);
    cr_assert_str_eq(r->err, "");
    free(r);
    /* elsewhere: not looked up in the library path */
    r = RUN_IN("/", NULL, "--plugin", "werkdagen.so", WERKDAGEN_BELEID, WERKDAGEN_GEVAL);
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_str_eq(r->err, "regel: werkdagen.so: fout: kan de plugin niet laden: het bestand "
                             "bestaat niet\n");
    free(r);
}

Test(cli, plugin_checked_before_the_case_is_read)
{
    /* the case on standard input is not even valid JSON: the plugin error comes first */
    run_result *r = RUN("niet eens JSON", WERKDAGEN_BELEID, "-");
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_str_eq(r->err, "regel: " WERKDAGEN_BELEID ": fout: het beleid gebruikt de externe "
                             "functie ‘werkdagen_tussen’; geef een plugin met --plugin\n");
    free(r);
    r = RUN(NULL, "--plugin", SRCDIR "/tests/plugin/bestaat-niet.so", WERKDAGEN_BELEID,
            "/bestaat/niet.json");
    cr_assert_eq(r->status, 1);
    cr_assert_not_null(strstr(r->err, "kan de plugin niet laden: het bestand bestaat niet\n"));
    cr_assert_null(strstr(r->err, "geval"), "%s", r->err);
    free(r);
    /* a folder is no plugin */
    r = RUN(NULL, "--plugin", PLUGIN_DIR, WERKDAGEN_BELEID, WERKDAGEN_GEVAL);
    cr_assert_eq(r->status, 1);
    cr_assert_not_null(strstr(r->err, "kan de plugin niet laden: dit is een map, geen bestand\n"),
                       "%s", r->err);
    free(r);
}

Test(cli, plugin_for_every_command_and_both_option_forms)
{
    run_result *r =
        RUN(NULL, "--json", "--plugin=" WERKDAGEN_SO, WERKDAGEN_BELEID, WERKDAGEN_GEVAL);
    cr_assert_eq(r->status, 0, "%s", r->err);
    json_error_t je;
    json_t *doc = json_loads(r->out, 0, &je);
    cr_assert_not_null(doc, "%s", je.text);
    json_t *call =
        json_array_get(json_object_get(json_object_get(json_object_get(doc, "uitleg"), "werkdagen"),
                                       "externe_functies"),
                       0);
    cr_assert_str_eq(json_string_value(json_object_get(call, "functie")), "werkdagen_tussen");
    cr_assert_eq(json_integer_value(json_object_get(call, "resultaat")), 22);
    json_decref(doc);
    free(r);
    r = RUN(NULL, "test", "--plugin=" WERKDAGEN_SO, WERKDAGEN_BELEID);
    cr_assert_eq(r->status, 0, "%s%s", r->out, r->err);
    cr_assert_not_null(strstr(r->out, "4 geslaagd, 0 mislukt\n"), "%s", r->out);
    free(r);
    r = RUN("2023-03-01\n", "vraag", "--uitkomst", "werkdagen", "--plugin=" WERKDAGEN_SO,
            WERKDAGEN_BELEID, SRCDIR "/tests/plugin/geval-leeg.json");
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_not_null(strstr(r->out, WERKDAGEN_CALL), "%s", r->out);
    free(r);
    /* a policy without extern functions runs the same with a plugin */
    run_result *with = RUN(NULL, "--plugin", WERKDAGEN_SO, BASIS, GEVAL1);
    run_result *without = RUN(NULL, BASIS, GEVAL1);
    cr_assert_eq(with->status, 0);
    cr_assert_str_eq(with->out, without->out);
    free(with);
    free(without);
}

Test(cli, plugin_test_skips_files_without_scenarios)
{
    /* a policy with extern functions but no scenarios needs no plugin in regel test */
    char dir[64], path[128];
    temp_dir(dir);
    snprintf(path, sizeof path, "%s/extern.regel", dir);
    write_file(path, "beleid \"E\".\n"
                     "extern functie f(x: getal): getal.\n"
                     "invoer n: getal.\n"
                     "uitkomst u: getal.\n"
                     "regel \"U\" u is f(n).\n");
    run_result *r = RUN(NULL, "test", dir);
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_str_eq(r->out, "0 geslaagd, 0 mislukt\n");
    cr_assert_str_eq(r->err, "");
    free(r);
    unlink(path);
    rmdir(dir);
}
