/* common.c — helpers shared by regel, regel vraag, regel test and regelc
 * (see common.h). Prints only what it is asked to; never exits. */
#include "common.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void cli_report(const char *prog, const regel_error *err, const char *fallback_file)
{
    const char *file = err->file[0] ? err->file : fallback_file;
    fprintf(stderr, "%s: ", prog);
    if (file && file[0]) {
        fputs(file, stderr);
        if (err->line) {
            fprintf(stderr, ":%u", err->line);
            if (err->column)
                fprintf(stderr, ":%u", err->column);
        }
        fputs(": ", stderr);
    }
    fprintf(stderr, "fout: %s\n", err->message[0] ? err->message : "onbekende fout");
}

const char *cli_errno_text(int e)
{
    switch (e) {
    case ENOENT:
        return "het bestand bestaat niet";
    case EACCES:
    case EPERM:
        return "geen toestemming om het bestand te lezen";
    case EISDIR:
        return "dit is een map, geen bestand";
    case ENOMEM:
        return "onvoldoende geheugen";
    case ENOTDIR:
        return "een deel van het pad is geen map";
    default:
        return "het bestand kan niet gelezen worden";
    }
}

char *cli_read_stream(FILE *f, size_t *len)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        errno = ENOMEM;
        return NULL;
    }
    for (;;) {
        if (n + 1 >= cap) {
            char *nb = cap <= ((size_t)-1) / 2 ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int e = errno;
                free(buf);
                errno = e ? e : EIO;
                return NULL;
            }
            break;
        }
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

char *cli_read_file(const char *path, size_t *len)
{
    errno = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = cli_read_stream(f, len);
    int e = errno;
    fclose(f);
    errno = e;
    return text;
}

regel_policy *cli_load_policy(const char *prog, const char *path)
{
    regel_error err;
    memset(&err, 0, sizeof err);
    regel_policy *policy = NULL;
    char *diagnostics = NULL;
    int rc = regel_policy_load_file(path, &policy, &diagnostics, &err);
    bool shown = false;
    if (diagnostics && diagnostics[0]) {
        fputs(diagnostics, stderr);
        size_t dl = strlen(diagnostics);
        if (diagnostics[dl - 1] != '\n')
            fputc('\n', stderr);
        shown = rc == REGEL_ERR_COMPILE;
    }
    regel_free(diagnostics);
    if (rc != REGEL_OK) {
        if (!shown)
            cli_report(prog, &err, path);
        return NULL;
    }
    return policy;
}
