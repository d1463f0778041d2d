/* cli/fmt.c — `regel fmt [--check] [BESTAND…]` (issue 10): rewrite policies in
 * the canonical layout of compiler/fmt.c, in place (temp file + rename, mode
 * kept), or from stdin to stdout; --check only reports. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "fmt.h"

int regel_fmt_main(int argc, char **argv);

#define FMT_EXIT_OK    0
#define FMT_EXIT_ERROR 1
#define FMT_EXIT_USAGE 2 /* as regel (cli/regel.c EXIT_USAGE) */

static void fmt_help(void)
{
    fputs("Gebruik: regel fmt [--check] [BESTAND.regel…]\n"
          "\n"
          "Zet beleid in de vaste opmaak van Regel: declaraties in kolom 1, elke\n"
          "clausule (bron, citaat, uitleg, de conclusie, indien, anders) op een eigen\n"
          "regel, inspringen per 4 spaties, regels van hoogstens 80 tekens. Alleen\n"
          "witruimte verandert: de woorden, teksten en het commentaar blijven, en ook\n"
          "één lege regel waar u lege regels tussen declaraties liet en uw\n"
          "regeleinden binnen een tekst (citaat, uitleg, vraag).\n"
          "\n"
          "Met bestanden wordt elk bestand ter plekke herschreven (alleen als de\n"
          "opmaak verandert). Zonder bestanden, of met ‘-’, leest regel fmt de\n"
          "standaardinvoer en schrijft het de opgemaakte tekst naar de\n"
          "standaarduitvoer.\n"
          "\n"
          "Een bestand met syntaxfouten blijft ongemoeid; de fouten verschijnen zoals\n"
          "bij ‘regelc --controleer’. Een beleid met andere fouten (een onbekende\n"
          "naam, een verkeerd type) wordt wel opgemaakt.\n"
          "\n"
          "Opties:\n"
          "  --check   schrijf niets; noem elk bestand dat niet opgemaakt is\n"
          "  --help    toon deze hulp\n"
          "\n"
          "Afsluitstatus:\n"
          "  0  alles is (nu) opgemaakt\n"
          "  1  een bestand is niet opgemaakt (--check), heeft syntaxfouten of kan\n"
          "     niet gelezen of geschreven worden\n"
          "  2  verkeerd gebruik\n"
          "\n"
          "Voorbeelden:\n"
          "  regel fmt beleid.regel\n"
          "  regel fmt --check examples/*.regel stdlib-policies/*.regel\n"
          "  regel fmt < beleid.regel > opgemaakt.regel\n",
          stdout);
}

static int fmt_usage_error(const char *option)
{
    fprintf(stderr, "regel fmt: fout: onbekende optie ‘%s’\n", option);
    fputs("Gebruik: regel fmt [--check] [BESTAND.regel…]\n"
          "Probeer ‘regel fmt --help’ voor meer informatie.\n",
          stderr);
    return FMT_EXIT_USAGE;
}

/* Format text; report problems for `shown`. Returns the status, *out the text. */
static int fmt_one(const char *text, size_t len, const char *shown, char **out, size_t *out_len)
{
    char *diagnostics = NULL;
    fmt_status st = fmt_source(text, len, shown, out, out_len, &diagnostics);
    switch (st) {
    case FMT_OK:
        return FMT_EXIT_OK;
    case FMT_SYNTAX:
        if (diagnostics)
            fputs(diagnostics, stderr);
        fprintf(stderr, "regel fmt: %s: niet opgemaakt wegens syntaxfouten\n", shown);
        break;
    case FMT_UNSAFE:
        fprintf(stderr,
                "regel fmt: %s: interne fout: de opmaak zou de betekenis veranderen; dit is een "
                "fout in regel fmt, meld ze met dit bestand erbij. Het bestand is niet "
                "gewijzigd.\n",
                shown);
        break;
    case FMT_MEMORY:
        fprintf(stderr, "regel fmt: %s: fout: onvoldoende geheugen\n", shown);
        break;
    }
    free(diagnostics);
    return FMT_EXIT_ERROR;
}

/* Why writing failed, in Dutch (cli_errno_text speaks of reading). */
static const char *fmt_write_errno(int e)
{
    switch (e) {
    case ENOSPC:
        return "de schijf is vol";
#ifdef EDQUOT
    case EDQUOT:
        return "uw schijfquotum is op";
#endif
    case EFBIG:
        return "het bestand mag niet zo groot worden (een grens van het systeem, zie ‘ulimit "
               "-f’)";
    case EACCES:
    case EPERM:
        return "geen toestemming om in die map te schrijven";
    case EROFS:
        return "het bestandssysteem is alleen-lezen";
    case ENOENT:
        return "het bestand bestaat niet (meer)";
    case ENOMEM:
        return "onvoldoende geheugen";
    default:
        return "het bestand kan niet geschreven worden";
    }
}

/* Write text to path through a temp file in the same directory and rename.
 * A symbolic link stays a link: the file it points to is rewritten. */
static bool fmt_write_file(const char *shown, const char *text, size_t len)
{
    struct stat sb;
    char *path = realpath(shown, NULL);
    if (!path || stat(path, &sb) != 0) {
        fprintf(stderr, "regel fmt: %s: fout: kan het bestand niet schrijven: %s\n", shown,
                fmt_write_errno(errno));
        free(path);
        return false;
    }
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp) {
        fprintf(stderr, "regel fmt: %s: fout: onvoldoende geheugen\n", shown);
        free(path);
        return false;
    }
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".fmt-XXXXXX", 12);
    int fd = mkstemp(tmp);
    bool ok = fd >= 0;
    int e = errno;
    if (ok && fchmod(fd, sb.st_mode & 07777) != 0) {
        e = errno;
        close(fd);
        remove(tmp);
        ok = false;
    } else if (ok) {
        FILE *f = fdopen(fd, "wb");
        ok = f != NULL;
        e = errno;
        if (!f)
            close(fd);
        if (ok) {
            ok = (len == 0 || fwrite(text, 1, len, f) == len) && fflush(f) == 0;
            e = errno;
            ok = fclose(f) == 0 && ok;
        }
        if (ok && rename(tmp, path) != 0) {
            ok = false;
            e = errno;
        }
        if (!ok)
            remove(tmp);
    }
    if (!ok)
        fprintf(stderr, "regel fmt: %s: fout: kan het bestand niet schrijven: %s\n", shown,
                fmt_write_errno(e));
    free(tmp);
    free(path);
    return ok;
}

int regel_fmt_main(int argc, char **argv)
{
    bool check = false, options_done = false;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t n_files = 0;
    if (!files) {
        fputs("regel fmt: fout: onvoldoende geheugen\n", stderr);
        return FMT_EXIT_ERROR;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) {
            options_done = true;
        } else if (!options_done && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            free(files);
            fmt_help();
            return FMT_EXIT_OK;
        } else if (!options_done && strcmp(a, "--check") == 0) {
            check = true;
        } else if (!options_done && a[0] == '-' && a[1] != '\0') {
            free(files);
            return fmt_usage_error(a);
        } else {
            files[n_files++] = a;
        }
    }
    int status = FMT_EXIT_OK;
    if (n_files == 0)
        files[n_files++] = "-";
    for (size_t i = 0; i < n_files; i++) {
        const char *path = files[i];
        bool is_stdin = strcmp(path, "-") == 0;
        const char *shown = is_stdin ? "<stdin>" : path;
        size_t len = 0;
        errno = 0;
        char *text = is_stdin ? cli_read_stream(stdin, &len) : cli_read_file(path, &len);
        if (!text) {
            fprintf(stderr, "regel fmt: %s: fout: kan het bestand niet lezen: %s\n", shown,
                    cli_errno_text(errno));
            status = FMT_EXIT_ERROR;
            continue;
        }
        char *out = NULL;
        size_t out_len = 0;
        if (fmt_one(text, len, shown, &out, &out_len) != FMT_EXIT_OK) {
            status = FMT_EXIT_ERROR;
        } else if (check) {
            if (out_len != len || memcmp(out, text, len) != 0) {
                if (is_stdin)
                    printf("<stdin> is niet opgemaakt; voer ‘regel fmt’ uit\n");
                else
                    printf("%s is niet opgemaakt; voer ‘regel fmt %s’ uit\n", path, path);
                status = FMT_EXIT_ERROR;
            }
        } else if (is_stdin) {
            if ((out_len && fwrite(out, 1, out_len, stdout) != out_len) || fflush(stdout) != 0) {
                fputs("regel fmt: fout: kan niet naar de standaarduitvoer schrijven\n", stderr);
                status = FMT_EXIT_ERROR;
            }
        } else if (out_len != len || memcmp(out, text, len) != 0) {
            if (!fmt_write_file(path, out, out_len))
                status = FMT_EXIT_ERROR;
        }
        free(out);
        free(text);
    }
    free(files);
    return status;
}
