/* test_cli.c — tests of the `regel` command (cli/regel.c, spec §8): exit
 * statuses, nothing on stdout after an error, Dutch messages on stderr, the
 * case from standard input. Runs the built program; changes no files but its own. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* Run regel with args (NULL-terminated) and the given standard input. */
static run_result *run(const char *input, const char *const *args)
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

#define RUN(input, ...) run((input), (const char *const[]){__VA_ARGS__, NULL})

Test(cli, decides_text_and_json)
{
    run_result *r = RUN(NULL, BASIS, GEVAL1);
    cr_assert_eq(r->status, 0, "%s", r->err);
    cr_assert_str_eq(r->err, "");
    const char *first = "Beleid: Inburgering en integratie (basis)\n\n";
    cr_assert_eq(strncmp(r->out, first, strlen(first)), 0, "%s", r->out);
    cr_assert_not_null(strstr(r->out, "\ntoegang_inburgeringscursus: waar\n"
                                      "  Regel: \"Toegang tot de inburgeringscursus\"\n"));
    cr_assert_not_null(strstr(r->out, "  Feiten: participatie_uren = 12,5\n"));
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
    cr_assert_str_eq(r->err, "regel: (standaardinvoer): fout: onbekend feit ‘werktt’ in het "
                             "geval; bedoelde u ‘werkt’?\n");
    free(r);
    r = RUN("{\"werkt\": \"ja\"}", "--json", BASIS, "-");
    cr_assert_eq(r->status, 1);
    cr_assert_str_eq(r->out, "");
    cr_assert_str_eq(r->err, "regel: (standaardinvoer): fout: feit ‘werkt’ moet waar of onwaar "
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
    cr_assert_str_eq(r->err, "regel: onbekende optie ‘--jsn’; bedoelde u ‘--json’?\n"
                             "Gebruik: regel [--json] BELEID GEVAL\n"
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
    r = run(NULL, (const char *const[]){NULL});
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
    const char *usage = "Gebruik: regel [--json] BELEID GEVAL\n";
    cr_assert_eq(strncmp(r->out, usage, strlen(usage)), 0, "%s", r->out);
    cr_assert_not_null(strstr(r->out, "Afsluitstatus:"));
    cr_assert_not_null(strstr(r->out, "Voorbeelden:"));
    cr_assert_str_eq(r->err, "");
    free(r);
}
