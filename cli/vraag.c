/* vraag.c — `regel vraag`: the interview (spec v0.3 §4). Evaluates the case,
 * asks for the missing fact that can decide the most open outcomes, re-reads
 * the completed case and repeats; then prints the decision and can save the case. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "regel.h"

#define VRAAG_OK    0
#define VRAAG_ERROR 1
#define VRAAG_USAGE 2

int regel_vraag_main(int argc, char **argv);

static const char vraag_usage_line[] =
    "Gebruik: regel vraag [--uitkomst NAAM]… [--json] [--bewaar BESTAND] BELEID GEVAL\n";

static void vraag_help(void)
{
    fputs(vraag_usage_line, stdout);
    fputs("\n"
          "Stelt vragen over de ontbrekende feiten die ertoe doen, tot de gekozen\n"
          "uitkomsten beslist zijn, en toont dan de beslissing met de uitleg.\n"
          "De antwoorden komen van de standaardinvoer, één per regel. Een ongeldig\n"
          "antwoord geeft een melding (op de standaardfout) en dezelfde vraag opnieuw.\n"
          "\n"
          "Volgorde: eerst het feit dat in de ontbrekende feiten van de meeste nog\n"
          "open uitkomsten voorkomt (zo weinig mogelijk vragen); bij gelijke stand\n"
          "het feit dat het eerst in het beleid staat.\n"
          "\n"
          "Antwoorden: waarheid ja/nee/waar/onwaar; getal met een komma of punt (12,5);\n"
          "soort de naam of het nummer uit de lijst; datum 2022-03-01 of 1 maart 2022;\n"
          "bedrag 12,50, € 12,50 of 12,50 euro; duur 2 maanden; tekst zoals getypt;\n"
          "lijst, gegeven en periode als JSON op één regel; geen bij een optioneel feit.\n"
          "\n"
          "Opties:\n"
          "  --uitkomst NAAM    vraag door tot deze uitkomst beslist is (mag vaker;\n"
          "                     standaard: alle uitkomsten)\n"
          "  --json             de beslissing als JSON; de vragen gaan dan naar de\n"
          "                     standaardfout, zodat de standaarduitvoer JSON blijft\n"
          "  --bewaar BESTAND   schrijf het aangevulde geval als JSON naar BESTAND\n"
          "                     (in één keer vervangen); ‘-’ schrijft het na de\n"
          "                     beslissing naar de standaarduitvoer\n"
          "  --plugin BIBLIOTHEEK\n"
          "                     laad de externe functies van het beleid uit een\n"
          "                     gedeelde bibliotheek (.so; mag vaker; zie ‘regel --help’)\n"
          "  -h, --help         toon deze hulp en stop\n"
          "\n"
          "Afsluitstatus: 0 beslist (of geen vraag meer mogelijk); 1 fout, of de\n"
          "invoer is op voordat alles beslist is; 2 verkeerd gebruik.\n",
          stdout);
}

static int vraag_usage_error(void)
{
    fputs(vraag_usage_line, stderr);
    fputs("Probeer ‘regel vraag --help’ voor meer informatie.\n", stderr);
    return VRAAG_USAGE;
}

static void vraag_fail(const char *file, const char *message)
{
    regel_error err;
    memset(&err, 0, sizeof err);
    snprintf(err.message, sizeof err.message, "%s", message);
    cli_report("regel", &err, file);
}

/* The case file as text; NULL with a message on failure. */
static char *vraag_read_file(const char *path, size_t *len)
{
    char *buf = cli_read_file(path, len);
    if (!buf) {
        char msg[256];
        snprintf(msg, sizeof msg, "kan het geval niet lezen: %s", cli_errno_text(errno));
        vraag_fail(path, msg);
    }
    return buf;
}

/* The fewest digits (15..17) with which every real in v reads back exactly,
 * so a typed 0.1 is saved as 0.1 and not as 0.10000000000000001. */
static int vraag_real_digits(const json_t *v)
{
    int need = 15;
    if (json_is_real(v)) {
        double d = json_real_value(v);
        char buf[40];
        for (; need < 17; need++) {
            snprintf(buf, sizeof buf, "%.*g", need, d);
            if (strtod(buf, NULL) == d)
                break;
        }
    } else if (json_is_object(v)) {
        const char *key;
        json_t *item;
        json_object_foreach((json_t *)v, key, item)
        {
            int n = vraag_real_digits(item);
            need = n > need ? n : need;
        }
    } else if (json_is_array(v)) {
        size_t k;
        json_t *item;
        json_array_foreach(v, k, item)
        {
            int n = vraag_real_digits(item);
            need = n > need ? n : need;
        }
    }
    return need;
}

/* Write the case: pretty JSON, to a temporary file beside path that then
 * replaces it (atomically), or to stdout for "-". */
static bool vraag_save(const json_t *obj, const char *path)
{
    char *text = json_dumps(obj, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                     JSON_REAL_PRECISION(vraag_real_digits(obj)));
    if (!text) {
        vraag_fail(path, "onvoldoende geheugen");
        return false;
    }
    size_t len = strlen(text);
    if (strcmp(path, "-") == 0) {
        bool ok = fwrite(text, 1, len, stdout) == len && fputc('\n', stdout) != EOF;
        free(text);
        return ok;
    }
    size_t pl = strlen(path);
    char *tmp = malloc(pl + 16);
    if (!tmp) {
        free(text);
        vraag_fail(path, "onvoldoende geheugen");
        return false;
    }
    memcpy(tmp, path, pl);
    memcpy(tmp + pl, ".tmp-XXXXXX", sizeof ".tmp-XXXXXX");
    int fd = mkstemp(tmp);
    bool ok = fd >= 0;
    if (ok) {
        FILE *f = fdopen(fd, "wb");
        if (!f) {
            close(fd);
            ok = false;
        } else {
            ok = fwrite(text, 1, len, f) == len && fputc('\n', f) != EOF && fflush(f) == 0 &&
                 fsync(fileno(f)) == 0;
            struct stat st;
            /* keep the mode of a file that is replaced */
            if (ok && stat(path, &st) == 0)
                (void)fchmod(fileno(f), st.st_mode & 07777);
            ok = (fclose(f) == 0) && ok;
        }
        if (ok)
            ok = rename(tmp, path) == 0;
        if (!ok)
            unlink(tmp);
    }
    if (!ok) {
        char msg[512];
        snprintf(msg, sizeof msg, "kan het geval niet bewaren: %s",
                 errno == EACCES || errno == EPERM ? "geen toestemming om te schrijven"
                 : errno == ENOENT                 ? "de map bestaat niet"
                                                   : strerror(errno));
        vraag_fail(path, msg);
    }
    free(tmp);
    free(text);
    return ok;
}

/* Print the question for input i on out: the text, the members of a soort
 * numbered from 1, and the prompt "> ". */
static void vraag_ask(FILE *out, const regel_policy *p, size_t i)
{
    char *question = regel_input_question(p, i);
    char *hint = regel_input_hint(p, i);
    fprintf(out, "%s (%s)\n", question ? question : "?", hint ? hint : "?");
    size_t n = regel_input_member_count(p, i);
    for (size_t k = 0; k < n; k++)
        fprintf(out, "  %zu. %s\n", k + 1, regel_input_member(p, i, k));
    fputs("> ", out);
    fflush(out);
    regel_free(question);
    regel_free(hint);
}

typedef struct vraag_opts {
    const char **targets;
    size_t n_targets;
    bool json;
    const char *bewaar;
    const char *policy_path, *case_path;
    const char **plugins; /* --plugin */
    size_t n_plugins;
} vraag_opts;

/* Evaluate obj; on success *kase and the evaluation in ev are current. */
static int vraag_evaluate(const regel_policy *policy, const json_t *obj, const char *case_path,
                          regel_eval *ev, regel_case **kase, const char *policy_path)
{
    regel_error err;
    memset(&err, 0, sizeof err);
    char *text = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
    if (!text) {
        vraag_fail(NULL, "onvoldoende geheugen");
        return VRAAG_ERROR;
    }
    regel_case *c = NULL;
    int rc = regel_case_from_json(policy, text, strlen(text), case_path, &c, &err);
    free(text);
    if (rc != REGEL_OK) {
        /* text was rebuilt from the case and the answers: its positions are
         * not those of the file, so only the key path locates the error */
        err.line = err.column = 0;
        cli_report("regel", &err, case_path);
        return VRAAG_ERROR;
    }
    rc = regel_evaluate(ev, c, REGEL_EXPLAIN, &err);
    regel_case_free(*kase);
    *kase = c;
    if (rc != REGEL_OK) {
        cli_report("regel", &err, policy_path);
        return VRAAG_ERROR;
    }
    return VRAAG_OK;
}

/* Read one answer line; false at end of input. *line is reused. */
static bool vraag_read_line(char **line, size_t *cap, size_t *len)
{
    errno = 0;
    ssize_t got = getline(line, cap, stdin);
    if (got < 0)
        return false;
    *len = (size_t)got;
    while (*len && ((*line)[*len - 1] == '\n' || (*line)[*len - 1] == '\r'))
        (*line)[--*len] = '\0';
    return true;
}

static int vraag_run(const vraag_opts *o)
{
    regel_error err;
    memset(&err, 0, sizeof err);
    cli_plugins *plugins = NULL;
    if (!cli_plugins_load("regel", o->plugins, o->n_plugins, &plugins))
        return VRAAG_ERROR;
    regel_policy *policy = cli_load_policy("regel", o->policy_path, plugins);
    if (!policy) {
        cli_plugins_free(plugins);
        return VRAAG_ERROR;
    }

    int status = VRAAG_ERROR;
    json_t *obj = NULL;
    regel_eval *ev = NULL;
    regel_case *kase = NULL;
    char *line = NULL, *out = NULL;
    size_t line_cap = 0, out_len = 0;
    FILE *talk = o->json ? stderr : stdout; /* where the questions go */
    bool echo = !isatty(STDIN_FILENO);      /* show scripted answers in the transcript */

    size_t len = 0;
    char *text = vraag_read_file(o->case_path, &len);
    if (!text)
        goto done;
    int rc = regel_case_from_json(policy, text, len, o->case_path, &kase, &err);
    if (rc != REGEL_OK) {
        free(text);
        cli_report("regel", &err, o->case_path);
        goto done;
    }
    json_error_t jerr;
    obj = json_loadb(text, len, 0, &jerr);
    free(text);
    if (!obj || !json_is_object(obj)) {
        vraag_fail(o->case_path, "het geval is geen JSON-object");
        goto done;
    }
    ev = regel_eval_new(policy);
    if (!ev) {
        vraag_fail(NULL, "onvoldoende geheugen");
        goto done;
    }
    if (vraag_evaluate(policy, obj, o->case_path, ev, &kase, o->policy_path) != VRAAG_OK)
        goto done;
    bool asked = false;
    for (;;) {
        long i = -1;
        rc = regel_next_question(ev, o->targets, o->n_targets, &i, &err);
        if (rc != REGEL_OK) {
            if (rc == REGEL_ERR_USAGE) {
                fprintf(stderr, "regel: %s\n", err.message);
                status = vraag_usage_error();
            } else {
                cli_report("regel", &err, NULL);
            }
            goto done;
        }
        const char *name = i >= 0 ? regel_input_name(policy, (size_t)i) : NULL;
        if (!name || json_object_get(obj, name))
            break; /* decided, nothing left to ask (or a fact already given) */
        json_t *value = NULL;
        asked = true;
        while (!value) {
            vraag_ask(talk, policy, (size_t)i);
            size_t n = 0;
            if (!vraag_read_line(&line, &line_cap, &n)) {
                fputc('\n', talk);
                fflush(talk);
                fputs("regel: de invoer is op voordat alles beslist is\n", stderr);
                goto done;
            }
            if (echo) {
                fwrite(line, 1, n, talk);
                fputc('\n', talk);
            }
            char *answer = NULL;
            rc = regel_parse_answer(policy, (size_t)i, line, n, &answer, &err);
            if (rc == REGEL_OK) {
                value = json_loads(answer, JSON_DECODE_ANY, &jerr);
                regel_free(answer);
                if (!value) {
                    vraag_fail(NULL, "onvoldoende geheugen");
                    goto done;
                }
            } else if (rc == REGEL_ERR_CASE) {
                fflush(talk);
                fprintf(stderr, "%s\n", err.message);
                fflush(stderr);
            } else {
                cli_report("regel", &err, NULL);
                goto done;
            }
        }
        if (json_object_set_new(obj, name, value) != 0) {
            vraag_fail(NULL, "onvoldoende geheugen");
            goto done;
        }
        if (vraag_evaluate(policy, obj, o->case_path, ev, &kase, o->policy_path) != VRAAG_OK)
            goto done;
    }
    rc = o->json ? regel_render_json(ev, &out, &out_len, &err)
                 : regel_render_text(ev, &out, &out_len, &err);
    if (rc != REGEL_OK) {
        cli_report("regel", &err, o->policy_path);
        goto done;
    }
    if (!o->json && asked)
        fputc('\n', stdout); /* between the last answer and the decision */
    if (fwrite(out, 1, out_len, stdout) != out_len || fflush(stdout) != 0) {
        vraag_fail(NULL, "kan niet naar de standaarduitvoer schrijven");
        goto done;
    }
    if (o->bewaar && !vraag_save(obj, o->bewaar))
        goto done;
    status = fflush(stdout) == 0 ? VRAAG_OK : VRAAG_ERROR;
done:
    free(line);
    regel_free(out);
    json_decref(obj);
    regel_eval_free(ev);
    regel_case_free(kase);
    regel_policy_free(policy);
    cli_plugins_free(plugins);
    return status;
}

/* argv[0] is "vraag". */
int regel_vraag_main(int argc, char **argv)
{
    vraag_opts o;
    memset(&o, 0, sizeof o);
    o.targets = calloc((size_t)argc + 1, sizeof *o.targets);
    o.plugins = calloc((size_t)argc + 1, sizeof *o.plugins);
    if (!o.targets || !o.plugins) {
        free(o.targets);
        free(o.plugins);
        vraag_fail(NULL, "onvoldoende geheugen");
        return VRAAG_ERROR;
    }
    const char *args[2] = {NULL, NULL};
    int n_args = 0, status = VRAAG_USAGE;
    bool only_args = false;
    for (int k = 1; k < argc; k++) {
        const char *a = argv[k];
        if (!only_args && a[0] == '-' && a[1] != '\0') {
            if (strcmp(a, "--") == 0) {
                only_args = true;
            } else if (strcmp(a, "--json") == 0) {
                o.json = true;
            } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
                vraag_help();
                status = fflush(stdout) == 0 ? VRAAG_OK : VRAAG_ERROR;
                goto out;
            } else if (strcmp(a, "--uitkomst") == 0 || strcmp(a, "--bewaar") == 0 ||
                       strcmp(a, "--plugin") == 0) {
                if (k + 1 >= argc) {
                    fprintf(stderr, "regel: ‘%s’ verwacht een %s\n", a,
                            a[2] == 'u'   ? "NAAM"
                            : a[2] == 'b' ? "BESTAND"
                                          : "BIBLIOTHEEK (een .so-bestand)");
                    status = vraag_usage_error();
                    goto out;
                }
                if (a[2] == 'u')
                    o.targets[o.n_targets++] = argv[++k];
                else if (a[2] == 'b')
                    o.bewaar = argv[++k];
                else
                    o.plugins[o.n_plugins++] = argv[++k];
            } else if (strncmp(a, "--uitkomst=", 11) == 0) {
                o.targets[o.n_targets++] = a + 11;
            } else if (strncmp(a, "--bewaar=", 9) == 0) {
                o.bewaar = a + 9;
            } else if (strncmp(a, "--plugin=", 9) == 0) {
                o.plugins[o.n_plugins++] = a + 9;
            } else {
                fprintf(stderr, "regel: onbekende optie ‘%s’ voor ‘regel vraag’\n", a);
                status = vraag_usage_error();
                goto out;
            }
            continue;
        }
        if (n_args == 2) {
            fprintf(stderr, "regel: te veel argumenten: ‘%s’ (verwacht alleen BELEID en GEVAL)\n",
                    a);
            status = vraag_usage_error();
            goto out;
        }
        args[n_args++] = a;
    }
    if (n_args < 2) {
        fputs(n_args == 0 ? "regel: BELEID en GEVAL ontbreken\n" : "regel: GEVAL ontbreekt\n",
              stderr);
        status = vraag_usage_error();
        goto out;
    }
    if (strcmp(args[1], "-") == 0) {
        fputs("regel: bij ‘regel vraag’ komen de antwoorden van de standaardinvoer; geef het "
              "geval als bestand (‘{}’ mag)\n",
              stderr);
        status = vraag_usage_error();
        goto out;
    }
    o.policy_path = args[0];
    o.case_path = args[1];
    status = vraag_run(&o);
out:
    free(o.targets);
    free(o.plugins);
    return status;
}
