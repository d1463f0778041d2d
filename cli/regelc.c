/* regelc.c — the Regel compiler command: compile a .regel policy to .rbc
 * bytecode (written atomically, never a partial file), check it only, or
 * print a bytecode listing. Exit 0 ok, 1 errors, 2 wrong usage. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bytecode.h"
#include "compile.h"
#include "regel.h"

#define REGELC_SYNOPSIS                                                                            \
    "Gebruik: regelc BELEID.regel [-o UIT.rbc]\n"                                                  \
    "         regelc --controleer BELEID.regel\n"                                                  \
    "         regelc --disasm BESTAND\n"

static const char regelc_usage[] =
    REGELC_SYNOPSIS "\n"
                    "Vertaalt een beleid in Regel naar bytecode (.rbc).\n"
                    "\n"
                    "  -o UIT.rbc        schrijf de bytecode naar UIT.rbc\n"
                    "                    (standaard: BELEID met .rbc in plaats van .regel)\n"
                    "  --controleer      controleer het beleid alleen; schrijf niets\n"
                    "  --disasm BESTAND  toon de bytecode van BESTAND (.regel of .rbc) leesbaar\n"
                    "  --help            toon deze hulp\n"
                    "  --version         toon de versie\n"
                    "\n"
                    "Afsluitstatus: 0 gelukt, 1 fouten in het beleid of bij lezen/schrijven,\n"
                    "2 verkeerd gebruik.\n";

/* `regelc: file:line:col: fout: message` (location parts when known). */
static void regelc_report(const regel_error *err, const char *path)
{
    const char *file = err->file[0] ? err->file : path;
    fprintf(stderr, "regelc: ");
    if (file && *file) {
        fprintf(stderr, "%s:", file);
        if (err->line) {
            fprintf(stderr, "%u:", err->line);
            if (err->column)
                fprintf(stderr, "%u:", err->column);
        }
        fputc(' ', stderr);
    }
    fprintf(stderr, "fout: %s\n", err->message);
}

/* Print the compiler's messages and, when there are errors, the summary. */
static void regelc_diagnostics(const char *diagnostics, size_t n_errors)
{
    if (diagnostics && *diagnostics) {
        fputs(diagnostics, stderr);
        size_t n = strlen(diagnostics);
        if (diagnostics[n - 1] != '\n')
            fputc('\n', stderr);
    }
    if (n_errors == 1)
        fputs("1 fout gevonden.\n", stderr);
    else if (n_errors > 1)
        fprintf(stderr, "%zu fouten gevonden.\n", n_errors);
}

/* Compile a source file; on success *rbc holds the bytes (NULL when only
 * checking). Returns the exit status. */
static int regelc_compile(const char *path, bool emit, uint8_t **rbc, size_t *rbc_len)
{
    regel_error err;
    memset(&err, 0, sizeof err);
    char *src = NULL;
    size_t len = 0;
    if (compile_read_file(path, &src, &len, &err) != REGEL_OK) {
        regelc_report(&err, path);
        return 1;
    }
    uint8_t *bytes = NULL;
    size_t n_bytes = 0, n_errors = 0;
    char *diagnostics = NULL;
    int rc = compile_run(src, len, path, &bytes, &n_bytes, &diagnostics, &n_errors, &err);
    free(src);
    regelc_diagnostics(diagnostics, n_errors);
    free(diagnostics);
    if (rc != REGEL_OK) {
        free(bytes);
        if (n_errors == 0) /* not a compile error: memory or internal */
            regelc_report(&err, path);
        return 1;
    }
    if (emit) {
        *rbc = bytes;
        *rbc_len = n_bytes;
    } else {
        free(bytes);
    }
    return 0;
}

static void regelc_write_error(const char *path, int e)
{
    fprintf(stderr, "regelc: %s: fout: kan ‘%s’ niet schrijven: %s\n", path, path,
            e == ENOENT ? "de map bestaat niet" : compile_strerror(e));
}

/* Write data to path through a temporary file in the same directory and a
 * rename, so path never holds a partial file. */
static int regelc_write_atomic(const char *path, const uint8_t *data, size_t len)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp) {
        fprintf(stderr, "regelc: %s: fout: onvoldoende geheugen\n", path);
        return 1;
    }
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp.XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        regelc_write_error(path, errno);
        free(tmp);
        return 1;
    }
    mode_t mask = umask(0);
    umask(mask);
    int e = 0;
    if (fchmod(fd, 0666 & ~mask) != 0)
        e = errno;
    size_t done = 0;
    while (!e && done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            e = errno;
        } else {
            done += (size_t)w;
        }
    }
    if (!e && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    if (!e && rename(tmp, path) != 0)
        e = errno;
    if (e) {
        unlink(tmp);
        regelc_write_error(path, e);
        free(tmp);
        return 1;
    }
    free(tmp);
    return 0;
}

/* POLICY.regel → POLICY.rbc; another name gets .rbc appended. */
static char *regelc_default_output(const char *in)
{
    size_t n = strlen(in);
    char *out = malloc(n + 5);
    if (!out)
        return NULL;
    memcpy(out, in, n + 1);
    if (n > 6 && strcmp(in + n - 6, ".regel") == 0)
        n -= 6;
    memcpy(out + n, ".rbc", 5);
    return out;
}

static int regelc_disasm(const char *path)
{
    regel_error err;
    memset(&err, 0, sizeof err);
    char *data = NULL;
    size_t len = 0;
    if (compile_read_file(path, &data, &len, &err) != REGEL_OK) {
        regelc_report(&err, path);
        return 1;
    }
    uint8_t *bytes = NULL;
    size_t n_bytes = 0;
    if (len >= RBC_MAGIC_LEN && memcmp(data, RBC_MAGIC, RBC_MAGIC_LEN) == 0) {
        bytes = (uint8_t *)data;
        n_bytes = len;
        data = NULL;
    } else {
        free(data);
        int st = regelc_compile(path, true, &bytes, &n_bytes);
        if (st != 0)
            return st;
    }
    char *listing = NULL;
    int rc = regel_disassemble(bytes, n_bytes, path, &listing, &err);
    free(bytes);
    if (rc != REGEL_OK) {
        regelc_report(&err, path);
        return 1;
    }
    fputs(listing, stdout);
    regel_free(listing);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "regelc: fout: kan de uitvoer niet schrijven: %s\n",
                compile_strerror(errno));
        return 1;
    }
    return 0;
}

static int regelc_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int regelc_usage_error(const char *fmt, ...)
{
    fputs("regelc: ", stderr);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n", stderr);
    fputs(REGELC_SYNOPSIS "Meer uitleg: regelc --help\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    const char *input = NULL, *output = NULL, *disasm = NULL;
    bool check_only = false, help = false, version = false, options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) {
            options_done = true;
        } else if (!options_done && strcmp(a, "--help") == 0) {
            help = true;
        } else if (!options_done && strcmp(a, "--version") == 0) {
            version = true;
        } else if (!options_done && strcmp(a, "--controleer") == 0) {
            check_only = true;
        } else if (!options_done && strcmp(a, "-o") == 0) {
            if (i + 1 >= argc)
                return regelc_usage_error("optie ‘%s’ verwacht een bestandsnaam", a);
            if (output)
                return regelc_usage_error("optie ‘%s’ is meer dan eens opgegeven", a);
            output = argv[++i];
        } else if (!options_done && strcmp(a, "--disasm") == 0) {
            if (i + 1 >= argc)
                return regelc_usage_error("optie ‘%s’ verwacht een bestandsnaam", a);
            if (disasm)
                return regelc_usage_error("optie ‘%s’ is meer dan eens opgegeven", a);
            disasm = argv[++i];
        } else if (!options_done && a[0] == '-' && a[1] != '\0') {
            return regelc_usage_error("onbekende optie ‘%s’", a);
        } else if (input) {
            return regelc_usage_error("te veel bestanden: ‘%s’ (één beleid per keer)", a);
        } else {
            input = a;
        }
    }
    if (help) {
        fputs(regelc_usage, stdout);
        return 0;
    }
    if (version) {
        printf("regelc (Regel) %s\n", REGEL_VERSION_STRING);
        return 0;
    }
    if (disasm) {
        if (input || output || check_only)
            return regelc_usage_error("%s", "--disasm gaat niet samen met andere opties of "
                                            "bestanden");
        return regelc_disasm(disasm);
    }
    if (!input)
        return regelc_usage_error("%s", "geen beleid opgegeven");
    if (check_only) {
        if (output)
            return regelc_usage_error("%s", "--controleer schrijft niets; -o past daar niet bij");
        return regelc_compile(input, false, NULL, NULL);
    }
    uint8_t *rbc = NULL;
    size_t rbc_len = 0;
    int st = regelc_compile(input, true, &rbc, &rbc_len);
    if (st != 0)
        return st;
    char *def = NULL;
    if (!output) {
        def = regelc_default_output(input);
        if (!def) {
            free(rbc);
            fputs("regelc: fout: onvoldoende geheugen\n", stderr);
            return 1;
        }
        output = def;
    }
    st = regelc_write_atomic(output, rbc, rbc_len);
    free(rbc);
    free(def);
    return st;
}
