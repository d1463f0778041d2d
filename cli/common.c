/* common.c — helpers shared by regel, regel vraag, regel test and regelc
 * (see common.h), including the plugin loader of --plugin (dlopen).
 * Prints only what it is asked to; never exits. */
#define _POSIX_C_SOURCE 200809L
#include "common.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    case EFBIG:
        return "het bestand is te groot (meer dan 256 MB)";
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
        if (n > CLI_MAX_INPUT_BYTES) { /* a runaway stream (/dev/zero) stops here */
            free(buf);
            errno = EFBIG;
            return NULL;
        }
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

struct cli_plugins {
    regel_functions *fs; /* the one table every plugin adds to */
    void **handles;      /* dlopen handles, load order */
    size_t n;
};

/* `<prog>: <lib>: fout: <message>` */
static void cli_plugin_fail(const char *prog, const char *lib, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void cli_plugin_fail(const char *prog, const char *lib, const char *fmt, ...)
{
    regel_error err;
    memset(&err, 0, sizeof err);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err.message, sizeof err.message, fmt, ap);
    va_end(ap);
    cli_report(prog, &err, lib);
}

/* Open one plugin and run its regel_plugin_init on pl->fs. */
static bool cli_plugin_open(const char *prog, cli_plugins *pl, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        cli_plugin_fail(prog, path, "kan de plugin niet laden: %s", cli_errno_text(errno));
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        cli_plugin_fail(prog, path, "kan de plugin niet laden: %s", cli_errno_text(EISDIR));
        return false;
    }
    /* dlopen searches the library path for a name without '/': take the file here */
    char *local = NULL;
    if (!strchr(path, '/')) {
        size_t len = strlen(path);
        local = malloc(len + 3);
        if (!local) {
            cli_plugin_fail(prog, path, "%s", "onvoldoende geheugen");
            return false;
        }
        memcpy(local, "./", 2);
        memcpy(local + 2, path, len + 1);
    }
    dlerror();
    void *h = dlopen(local ? local : path, RTLD_NOW | RTLD_LOCAL);
    free(local);
    if (!h) {
        const char *why = dlerror();
        cli_plugin_fail(prog, path, "kan de plugin niet laden: %s", why ? why : "onbekende fout");
        return false;
    }
    pl->handles[pl->n++] = h;
    dlerror();
    void *sym = dlsym(h, REGEL_PLUGIN_INIT);
    if (!sym) {
        cli_plugin_fail(prog, path, "de plugin exporteert geen functie ‘%s’ (zie doc/embedding.md)",
                        REGEL_PLUGIN_INIT);
        return false;
    }
    /* POSIX: a function pointer from dlsym goes through memcpy, not a cast */
    regel_plugin_init_fn init;
    memcpy(&init, &sym, sizeof init);
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = init(pl->fs, &err);
    if (rc != REGEL_OK) {
        err.message[sizeof err.message - 1] = '\0';
        if (err.message[0])
            cli_plugin_fail(prog, path, "de plugin kon niet starten: %.960s", err.message);
        else
            cli_plugin_fail(prog, path, "%s", "de plugin kon niet starten (geen melding)");
        return false;
    }
    return true;
}

bool cli_plugins_load(const char *prog, const char *const *paths, size_t n, cli_plugins **out)
{
    *out = NULL;
    if (n == 0)
        return true;
    cli_plugins *pl = calloc(1, sizeof *pl);
    if (pl) {
        pl->handles = calloc(n, sizeof *pl->handles);
        pl->fs = regel_functions_new();
    }
    if (!pl || !pl->handles || !pl->fs) {
        cli_plugins_free(pl);
        fprintf(stderr, "%s: fout: onvoldoende geheugen\n", prog);
        return false;
    }
    for (size_t i = 0; i < n; i++)
        if (!cli_plugin_open(prog, pl, paths[i])) {
            cli_plugins_free(pl);
            return false;
        }
    *out = pl;
    return true;
}

void cli_plugins_free(cli_plugins *pl)
{
    if (!pl)
        return;
    /* the table first: its functions live in the libraries */
    regel_functions_free(pl->fs);
    for (size_t i = pl->n; i-- > 0;)
        dlclose(pl->handles[i]);
    free(pl->handles);
    free(pl);
}

int cli_plugins_try_bind(const cli_plugins *pl, regel_policy *policy, regel_error *err)
{
    memset(err, 0, sizeof *err);
    if (regel_extern_count(policy) == 0)
        return REGEL_OK;
    if (!pl) {
        err->code = REGEL_ERR_USAGE;
        snprintf(err->message, sizeof err->message,
                 "het beleid gebruikt de externe functie ‘%s’; geef een plugin met --plugin",
                 regel_extern_name(policy, 0));
        return REGEL_ERR_USAGE;
    }
    return regel_policy_bind(policy, pl->fs, err);
}

bool cli_plugins_bind(const char *prog, const cli_plugins *pl, regel_policy *policy,
                      const char *policy_path)
{
    regel_error err;
    if (cli_plugins_try_bind(pl, policy, &err) == REGEL_OK)
        return true;
    cli_report(prog, &err, policy_path);
    return false;
}

regel_policy *cli_load_policy(const char *prog, const char *path, const cli_plugins *plugins)
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
    if (!cli_plugins_bind(prog, plugins, policy, path)) {
        regel_policy_free(policy);
        return NULL;
    }
    return policy;
}
