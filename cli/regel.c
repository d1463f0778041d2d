/* regel.c — the `regel` command: load a policy (.regel or .rbc), read a case
 * (JSON file or standard input), evaluate it and print the decision with its
 * motivering (Dutch text, JSON or an HTML page), for every uitkomst or the
 * ones named with --uitkomst. Prints nothing on stdout unless all succeeded. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "common.h"
#include "regel.h"
#include "suggest.h"

int regel_vraag_main(int argc, char **argv); /* cli/vraag.c */
int regel_test_main(int argc, char **argv);  /* cli/test.c */
int regel_fmt_main(int argc, char **argv);   /* cli/fmt.c */

#define EXIT_DECIDED 0
#define EXIT_ERROR   1
#define EXIT_USAGE   2

static const char regel_usage_line[] =
    "Gebruik: regel [--formaat tekst|json|html] [--uitkomst NAAM]… BELEID GEVAL\n";

static void regel_print_help(void)
{
    fputs(regel_usage_line, stdout);
    fputs("       regel --json --volgende-vraag [--uitkomst NAAM]… BELEID GEVAL\n"
          "       regel --jsonl [--motivering] [--uitkomst NAAM]… [-j N] BELEID [GEVALLEN.jsonl]\n"
          "       regel vraag [--uitkomst NAAM]… [--json] [--bewaar BESTAND] BELEID GEVAL\n"
          "       regel test [--filter TEKST] [--junit BESTAND] [--json] [--dekking]\n"
          "                  [--min-dekking P] PAD…\n"
          "       regel fmt [--check] [BESTAND.regel…]\n",
          stdout);
    fputs("\n"
          "Beslist een geval volgens een beleid en motiveert elke uitkomst: een zin\n"
          "voor de burger, de juridische grond (regel, bron, citaat, de versie die\n"
          "gold), de feitelijke gronden (de feiten met hun waarden), waarom een\n"
          "voorwaarde niet voldaan was, welke uitzondering toegepast werd en de\n"
          "tussenstappen waarop de beslissing steunt.\n"
          "\n"
          "Argumenten:\n"
          "  BELEID      een beleid in Regel-broncode (wordt in het geheugen vertaald;\n"
          "              meldingen van de vertaler komen op de standaardfout) of in\n"
          "              bytecode van regelc (.rbc, herkend aan de magische bytes \"RGBC\")\n"
          "  GEVAL       de feiten van het geval als JSON-object; ‘-’ leest het geval\n"
          "              van de standaardinvoer. Een ontbrekend feit is onbekend.\n"
          "\n"
          "Opties:\n"
          "  --formaat tekst|json|html\n"
          "              tekst (standaard): de motivering als Nederlandse tekst;\n"
          "              json: uitkomsten en de volledige afleiding (uitleg,\n"
          "              onbeslist, ontbrekend; zie doc/uitleg.md); html: één\n"
          "              zelfstandige, afdrukbare pagina met een overzicht bovenaan\n"
          "  --json      hetzelfde als ‘--formaat json’\n"
          "  --volgende-vraag\n"
          "              (met --json) voeg \"volgende_vraag\" toe: het ontbrekende feit\n"
          "              dat nu gevraagd moet worden, of null als alles beslist is\n"
          "  --uitkomst NAAM\n"
          "              toon alleen deze uitkomst (of dit begrip), met de volledige\n"
          "              afleiding; mag vaker (standaard: alle uitkomsten). Met\n"
          "              --volgende-vraag: alleen deze uitkomsten moeten beslist worden\n"
          "  --plugin BIBLIOTHEEK\n"
          "              een gedeelde bibliotheek (.so) met de externe functies van het\n"
          "              beleid (extern functie …): ze exporteert regel_plugin_init\n"
          "              (zie doc/embedding.md); mag vaker. Een pad zonder ‘/’ wordt\n"
          "              in de huidige map gezocht. Een beleid met externe functies\n"
          "              werkt alleen met een plugin die ze allemaal levert\n"
          "  --jsonl     verwerk veel gevallen: één JSON-object per regel in, één per regel\n"
          "              uit (JSON Lines, zie Verwerken in bulk)\n"
          "  --motivering\n"
          "              (met --jsonl) per regel het volledige document van ‘--json’\n"
          "  -j N        (met --jsonl) beslis op N draden (1 tot 256; 0: zoveel als er\n"
          "              processors zijn); de volgorde van de uitvoer blijft gelijk\n"
          "  -h, --help  toon deze hulp en stop\n"
          "  --version   toon de versie en stop\n"
          "  --          wat volgt zijn argumenten, geen opties\n"
          "\n"
          "Vraaggesprek:\n"
          "  regel vraag stelt vragen over de ontbrekende feiten die ertoe doen (eerst\n"
          "  het feit dat de meeste open uitkomsten kan beslissen), leest de antwoorden\n"
          "  van de standaardinvoer en toont dan de beslissing; zie ‘regel vraag --help’.\n"
          "\n"
          "Scenario's:\n"
          "  regel test voert de scenario's uit die in de beleidsbestanden staan\n"
          "  (scenario \"…\" gegeven … verwacht … .), meldt per scenario ok of FOUT\n"
          "  en toont met --dekking welke regels nooit iets beslisten; zie\n"
          "  ‘regel test --help’.\n"
          "\n"
          "Opmaak:\n"
          "  regel fmt zet beleidsbestanden in de vaste opmaak van Regel (alleen de\n"
          "  witruimte verandert; commentaar blijft); --check meldt alleen wat niet\n"
          "  opgemaakt is; zie ‘regel fmt --help’.\n"
          "\n"
          "Verwerken in bulk:\n"
          "  regel --jsonl leest GEVALLEN.jsonl (of de standaardinvoer) regel voor regel:\n"
          "  elke regel is één geval als JSON-object. Regel i van de uitvoer hoort bij\n"
          "  regel i van de invoer: {\"uitkomsten\":{…}} met dezelfde waarden als ‘--json’,\n"
          "  of bij een foute regel {\"fout\":{\"regel\":N,\"kolom\":K,\"sleutel\":…,\n"
          "  \"melding\":\"…\"}} met dezelfde melding op de standaardfout; de rest gaat door.\n"
          "  Een regel mag hoogstens 1 MB zijn. Het geheugengebruik blijft gelijk, hoe\n"
          "  lang de invoer ook is. Is de standaardfout een terminal, dan toont een regel\n"
          "  de voortgang (gevallen, gevallen per seconde, procent van een bestand).\n"
          "  Afsluitstatus 0 als elke regel beslist is, 1 als er een fout was.\n"
          "\n"
          "Afsluitstatus:\n"
          "  0  het geval is beslist (ook als sommige uitkomsten onbekend zijn)\n"
          "  1  fout in het beleid, het geval of bij het beslissen; de melding staat\n"
          "     op de standaardfout en er komt niets op de standaarduitvoer\n"
          "  2  verkeerd gebruik (onbekende optie, verkeerd aantal argumenten)\n"
          "\n"
          "Voorbeelden:\n"
          "  regel examples/inburgering-basis.regel \\\n"
          "        examples/gevallen/01-verplichte-nieuwkomer.json\n"
          "  regelc beleid.regel -o beleid.rbc\n"
          "  regel --json beleid.rbc - < geval.json\n"
          "  regel --formaat html --uitkomst inburgeringsplicht \\\n"
          "        stdlib-policies/inburgering.regel geval.json > beslissing.html\n"
          "  regel vraag --bewaar geval.json beleid.regel geval.json\n"
          "  regel --jsonl -j 4 beleid.rbc < gevallen.jsonl > beslissingen.jsonl\n"
          "  regel --plugin ./werkdagen.so werkdagen.regel geval.json\n"
          "  regel test --dekking examples\n"
          "  regel fmt --check examples/*.regel\n",
          stdout);
}

static int regel_usage_error(void)
{
    fputs(regel_usage_line, stderr);
    fputs("Probeer ‘regel --help’ voor meer informatie.\n", stderr);
    return EXIT_USAGE;
}

/* Read the case text from path or, for "-", from standard input. */
static char *regel_read_case(const char *path, const char *shown, size_t *len)
{
    bool is_stdin = strcmp(path, "-") == 0;
    errno = 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    char *text = NULL;
    if (f) {
        text = cli_read_stream(f, len);
        int e = errno;
        if (!is_stdin)
            fclose(f);
        errno = e;
    }
    if (!text) {
        regel_error err;
        memset(&err, 0, sizeof err);
        snprintf(err.message, sizeof err.message, "kan het geval niet lezen: %s",
                 cli_errno_text(errno));
        cli_report("regel", &err, shown);
    }
    return text;
}

/* Write all of text to stdout; false when that failed. */
static bool regel_write(const char *text, size_t len)
{
    if (len && fwrite(text, 1, len, stdout) != len)
        return false;
    return fflush(stdout) == 0 && !ferror(stdout);
}

/* Load, read, evaluate and render; *out receives the text for stdout. */
/* Insert `,\n  "volgende_vraag": <q>` before the final `}` of rendered JSON. */
static bool regel_add_next_question(const regel_eval *ev, const char *const *targets,
                                    size_t n_targets, char **out, size_t *out_len, regel_error *err)
{
    char *q = NULL;
    size_t q_len = 0;
    if (regel_next_question_json(ev, targets, n_targets, &q, &q_len, err) != REGEL_OK)
        return false;
    size_t end = *out_len;
    while (end > 0 && (*out)[end - 1] != '}')
        end--;
    size_t keep = end ? end - 1 : 0; /* drop the final `}` */
    while (keep > 0 && ((*out)[keep - 1] == '\n' || (*out)[keep - 1] == ' '))
        keep--;
    static const char key[] = ",\n  \"volgende_vraag\": ";
    size_t total = keep + sizeof key - 1 + q_len + 3;
    char *joined = malloc(total + 1);
    if (!joined || end == 0) {
        free(joined);
        regel_free(q);
        snprintf(err->message, sizeof err->message, "onvoldoende geheugen");
        err->code = REGEL_ERR_MEMORY;
        return false;
    }
    memcpy(joined, *out, keep);
    memcpy(joined + keep, key, sizeof key - 1);
    memcpy(joined + keep + sizeof key - 1, q, q_len);
    memcpy(joined + keep + sizeof key - 1 + q_len, "\n}\n", 4);
    regel_free(q);
    regel_free(*out);
    *out = joined;
    *out_len = total;
    return true;
}

typedef struct regel_next {
    bool wanted; /* --volgende-vraag */
    const char *const *targets;
    size_t n_targets;
    const char *const *plugins; /* --plugin */
    size_t n_plugins;
} regel_next;

static int regel_run(const char *policy_path, const char *case_path, int formaat,
                     const regel_next *next, char **out, size_t *out_len)
{
    const char *case_name = strcmp(case_path, "-") == 0 ? "(standaardinvoer)" : case_path;
    regel_error err;
    memset(&err, 0, sizeof err);
    cli_plugins *plugins = NULL;
    if (!cli_plugins_load("regel", next->plugins, next->n_plugins, &plugins))
        return EXIT_ERROR;
    regel_policy *policy = cli_load_policy("regel", policy_path, plugins);
    if (!policy) {
        cli_plugins_free(plugins);
        return EXIT_ERROR;
    }

    int status = EXIT_ERROR;
    regel_case *kase = NULL;
    regel_eval *ev = NULL;
    size_t len = 0;
    char *text = regel_read_case(case_path, case_name, &len);
    if (!text)
        goto done;
    int rc = regel_case_from_json(policy, text, len, case_name, &kase, &err);
    free(text);
    if (rc != REGEL_OK) {
        cli_report("regel", &err, case_name);
        goto done;
    }
    ev = regel_eval_new(policy);
    if (!ev) {
        memset(&err, 0, sizeof err);
        snprintf(err.message, sizeof err.message, "onvoldoende geheugen");
        cli_report("regel", &err, NULL);
        goto done;
    }
    rc = regel_evaluate(ev, kase, REGEL_EXPLAIN, &err);
    if (rc != REGEL_OK) {
        cli_report("regel", &err, policy_path);
        goto done;
    }
    rc = regel_render(ev, formaat, next->n_targets ? next->targets : NULL, next->n_targets, out,
                      out_len, &err);
    if (rc == REGEL_ERR_USAGE) { /* an unknown --uitkomst */
        fprintf(stderr, "regel: %s\n", err.message);
        status = regel_usage_error();
        goto done;
    }
    if (rc != REGEL_OK) {
        cli_report("regel", &err, policy_path);
        goto done;
    }
    if (next->wanted &&
        !regel_add_next_question(ev, next->targets, next->n_targets, out, out_len, &err)) {
        regel_free(*out);
        *out = NULL;
        if (err.code == REGEL_ERR_USAGE) {
            fprintf(stderr, "regel: %s\n", err.message);
            status = regel_usage_error();
        } else {
            cli_report("regel", &err, NULL);
        }
        goto done;
    }
    status = EXIT_DECIDED;
done:
    regel_eval_free(ev);
    regel_case_free(kase);
    regel_policy_free(policy);
    cli_plugins_free(plugins); /* after everything that may call into it */
    return status;
}

/* Set the output format from its Dutch name; false (after a message) when the
 * name is unknown or contradicts a format given earlier. */
static bool regel_set_formaat(int *formaat, const char *name)
{
    static const char *const names[] = {"tekst", "json", "html"};
    for (int f = 0; f < 3; f++) {
        if (strcmp(name, names[f]) != 0)
            continue;
        if (*formaat >= 0 && *formaat != f) {
            fprintf(stderr, "regel: twee formaten gevraagd: ‘%s’ en ‘%s’; kies er één\n",
                    names[*formaat], name);
            return false;
        }
        *formaat = f;
        return true;
    }
    const char *hint = suggest_closest(name, names, 3);
    fprintf(stderr, "regel: onbekend formaat ‘%s’ (kies tekst, json of html)", name);
    if (hint)
        fprintf(stderr, "; bedoelde u ‘%s’?", hint);
    fputc('\n', stderr);
    return false;
}

/* `regel --jsonl …` after the options were read: check them and run. */
static int regel_batch(bool jsonl, bool motivering, const char *jobs, int n_args,
                       const char *const *args, int formaat, const regel_next *next)
{
    if (!jsonl) {
        fprintf(stderr, "regel: ‘%s’ werkt alleen samen met ‘--jsonl’\n",
                motivering ? "--motivering" : "-j");
        return regel_usage_error();
    }
    if (next->wanted) {
        fputs("regel: ‘--volgende-vraag’ werkt niet samen met ‘--jsonl’\n", stderr);
        return batch_usage_error();
    }
    if (formaat >= 0) {
        fputs("regel: ‘--jsonl’ schrijft altijd JSON, zonder ‘--formaat’ of ‘--json’ "
              "(‘--motivering’ geeft per regel de volledige afleiding)\n",
              stderr);
        return batch_usage_error();
    }
    batch_options opt = {
        NULL, NULL, next->targets, next->n_targets, next->plugins, next->n_plugins, motivering, 1};
    if (jobs && !batch_parse_threads(jobs, &opt.threads)) {
        fprintf(stderr,
                "regel: ongeldig aantal draden ‘%s’ voor ‘-j’ (1 tot 256, of 0 voor het aantal "
                "processors)\n",
                jobs);
        return batch_usage_error();
    }
    if (n_args == 0) {
        fputs("regel: BELEID ontbreekt na ‘--jsonl’\n", stderr);
        return batch_usage_error();
    }
    opt.policy_path = args[0];
    opt.cases_path = n_args > 1 ? args[1] : NULL;
    return batch_main(&opt);
}

static int regel_main(int argc, char **argv, const char **targets, const char **plugins)
{
    static const char *const options[] = {"--json",    "--help",     "--version",
                                          "--formaat", "--uitkomst", "--volgende-vraag",
                                          "--plugin",  "--jsonl",    "--motivering"};
    const char *args[2] = {NULL, NULL};
    int n_args = 0;
    int formaat = -1; /* REGEL_FORMAAT_*; -1: not given (tekst) */
    bool only_args = false;
    regel_next next = {false, targets, 0, plugins, 0};
    bool jsonl = false, motivering = false; /* --jsonl, --motivering */
    const char *jobs = NULL;                /* -j N */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_args && a[0] == '-' && a[1] != '\0') {
            if (strcmp(a, "--") == 0) {
                only_args = true;
            } else if (strcmp(a, "--json") == 0) {
                if (!regel_set_formaat(&formaat, "json"))
                    return regel_usage_error();
            } else if (strcmp(a, "--formaat") == 0) {
                if (i + 1 >= argc) {
                    fputs("regel: ‘--formaat’ verwacht tekst, json of html\n", stderr);
                    return regel_usage_error();
                }
                if (!regel_set_formaat(&formaat, argv[++i]))
                    return regel_usage_error();
            } else if (strncmp(a, "--formaat=", 10) == 0) {
                if (!regel_set_formaat(&formaat, a + 10))
                    return regel_usage_error();
            } else if (strcmp(a, "--volgende-vraag") == 0) {
                next.wanted = true;
            } else if (strcmp(a, "--jsonl") == 0) {
                jsonl = true;
            } else if (strcmp(a, "--motivering") == 0) {
                motivering = true;
            } else if (strncmp(a, "-j", 2) == 0) {
                if (a[2] == '\0' && i + 1 >= argc) {
                    fputs("regel: ‘-j’ verwacht een aantal draden (1 tot 256, of 0 voor het "
                          "aantal processors)\n",
                          stderr);
                    return batch_usage_error();
                }
                jobs = a[2] ? a + 2 : argv[++i];
            } else if (strcmp(a, "--uitkomst") == 0) {
                if (i + 1 >= argc) {
                    fputs("regel: ‘--uitkomst’ verwacht een NAAM\n", stderr);
                    return regel_usage_error();
                }
                targets[next.n_targets++] = argv[++i];
            } else if (strncmp(a, "--uitkomst=", 11) == 0) {
                targets[next.n_targets++] = a + 11;
            } else if (strcmp(a, "--plugin") == 0) {
                if (i + 1 >= argc) {
                    fputs("regel: ‘--plugin’ verwacht een BIBLIOTHEEK (een .so-bestand)\n", stderr);
                    return regel_usage_error();
                }
                plugins[next.n_plugins++] = argv[++i];
            } else if (strncmp(a, "--plugin=", 9) == 0) {
                plugins[next.n_plugins++] = a + 9;
            } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
                regel_print_help();
                return fflush(stdout) == 0 ? EXIT_DECIDED : EXIT_ERROR;
            } else if (strcmp(a, "--version") == 0) {
                printf("regel (Regel) %s\n", REGEL_VERSION_STRING);
                return fflush(stdout) == 0 ? EXIT_DECIDED : EXIT_ERROR;
            } else {
                const char *hint = suggest_closest(a, options, sizeof options / sizeof *options);
                if (hint)
                    fprintf(stderr, "regel: onbekende optie ‘%s’; bedoelde u ‘%s’?\n", a, hint);
                else
                    fprintf(stderr, "regel: onbekende optie ‘%s’\n", a);
                return regel_usage_error();
            }
            continue;
        }
        if (n_args == 2) {
            /* --jsonl may come after the arguments, so it is known only here */
            bool batch = jsonl;
            for (int k = i + 1; k < argc && !batch; k++)
                batch = strcmp(argv[k], "--jsonl") == 0;
            fprintf(stderr, "regel: te veel argumenten: ‘%s’ (verwacht alleen BELEID en %s)\n", a,
                    batch ? "GEVALLEN.jsonl" : "GEVAL");
            return regel_usage_error();
        }
        args[n_args++] = a;
    }
    if (jsonl || motivering || jobs)
        return regel_batch(jsonl, motivering, jobs, n_args, args, formaat, &next);
    if (n_args < 2) {
        if (n_args == 0)
            fputs("regel: BELEID en GEVAL ontbreken\n", stderr);
        else
            fprintf(stderr,
                    "regel: GEVAL ontbreekt na BELEID ‘%s’ (gebruik ‘-’ voor de "
                    "standaardinvoer)\n",
                    args[0]);
        return regel_usage_error();
    }
    if (formaat < 0)
        formaat = REGEL_FORMAAT_TEKST;
    if (next.wanted && formaat != REGEL_FORMAAT_JSON) {
        fputs("regel: ‘--volgende-vraag’ werkt alleen samen met ‘--json’\n", stderr);
        return regel_usage_error();
    }

    char *out = NULL;
    size_t out_len = 0;
    int status = regel_run(args[0], args[1], formaat, &next, &out, &out_len);
    if (status == EXIT_DECIDED && !regel_write(out, out_len)) {
        fputs("regel: fout: kan niet naar de standaarduitvoer schrijven\n", stderr);
        status = EXIT_ERROR;
    }
    regel_free(out);
    return status;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "vraag") == 0)
        return regel_vraag_main(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "test") == 0)
        return regel_test_main(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "fmt") == 0)
        return regel_fmt_main(argc - 1, argv + 1);
    const char **targets = calloc((size_t)argc + 1, sizeof *targets);
    const char **plugins = calloc((size_t)argc + 1, sizeof *plugins);
    if (!targets || !plugins) {
        free(targets);
        free(plugins);
        fputs("regel: fout: onvoldoende geheugen\n", stderr);
        return EXIT_ERROR;
    }
    int status = regel_main(argc, argv, targets, plugins);
    free(targets);
    free(plugins);
    return status;
}
