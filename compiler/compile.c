/* compile.c — the compilation driver: source → parse → check → emit, and the
 * public compile/load functions of regel.h built on it (v0.4: optionally
 * handing the checked program to a collector, for scen_compile). Collects
 * diagnostics for the caller; prints nothing and never exits. */
#define _POSIX_C_SOURCE 200809L
#include "compile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "bytecode.h"
#include "check.h"
#include "diag.h"
#include "emit.h"
#include "parse.h"
#include "policy.h"
#include "rt.h"
#include "srccheck.h"

#define COMPILE_DEFAULT_NAME "<bron>"

static void compile_error(regel_error *err, int code, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void compile_error(regel_error *err, int code, const char *file, const char *fmt, ...)
{
    char msg[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rt_error(err, code, file, 0, 0, "%s", msg);
}

char *compile_strdup(const char *s)
{
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    if (d)
        memcpy(d, s, n + 1);
    return d;
}

const char *compile_strerror(int e)
{
    switch (e) {
    case ENOENT:
        return "het bestand bestaat niet";
    case EACCES:
    case EPERM:
        return "geen toestemming";
    case EISDIR:
        return "het is een map, geen bestand";
    case ENOTDIR:
        return "een deel van het pad is geen map";
    case ENAMETOOLONG:
        return "de naam is te lang";
    case ELOOP:
        return "te veel symbolische koppelingen";
    case EMFILE:
    case ENFILE:
        return "te veel geopende bestanden";
    case ENOMEM:
        return "onvoldoende geheugen";
    case EIO:
        return "invoer-/uitvoerfout";
    case ENOSPC:
        return "de schijf is vol";
    case EROFS:
        return "het bestandssysteem is alleen-lezen";
    default:
        return strerror(e);
    }
}

int compile_read_file(const char *path, char **data, size_t *len, regel_error *err)
{
    *data = NULL;
    *len = 0;
    if (!path) {
        compile_error(err, REGEL_ERR_USAGE, NULL, "geen bestandsnaam opgegeven");
        return REGEL_ERR_USAGE;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        compile_error(err, REGEL_ERR_IO, path, "kan ‘%s’ niet lezen: %s", path,
                      compile_strerror(errno));
        return REGEL_ERR_IO;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    bool oom = buf == NULL;
    while (!oom) {
        if (n + 1 >= cap) {
            char *nb = cap > ((size_t)-1) / 2 ? NULL : realloc(buf, cap * 2);
            if (!nb) {
                oom = true;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
        if (n > COMPILE_MAX_FILE_BYTES) { /* also stops /dev/zero and friends */
            free(buf);
            fclose(f);
            compile_error(err, REGEL_ERR_IO, path,
                          "‘%s’ is te groot (meer dan %zu MB); een beleid is hooguit %zu MB "
                          "broncode of %zu MB bytecode",
                          path, COMPILE_MAX_FILE_BYTES >> 20, SRCCHECK_MAX_BYTES >> 20,
                          COMPILE_MAX_FILE_BYTES >> 20);
            return REGEL_ERR_IO;
        }
    }
    if (oom) {
        free(buf);
        fclose(f);
        compile_error(err, REGEL_ERR_MEMORY, path, "onvoldoende geheugen om ‘%s’ te lezen", path);
        return REGEL_ERR_MEMORY;
    }
    if (ferror(f)) {
        int e = errno;
        fclose(f);
        free(buf);
        compile_error(err, REGEL_ERR_IO, path, "kan ‘%s’ niet lezen: %s", path,
                      compile_strerror(e));
        return REGEL_ERR_IO;
    }
    fclose(f);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return REGEL_OK;
}

int compile_run(const char *source, size_t len, const char *name, uint8_t **rbc, size_t *rbc_len,
                char **diagnostics, size_t *n_errors, regel_error *err)
{
    return compile_run_collect(source, len, name, rbc, rbc_len, diagnostics, n_errors, err, NULL,
                               NULL);
}

static int compile_run_any(const char *source, size_t len, const char *name, uint8_t **rbc,
                           size_t *rbc_len, char **diagnostics, size_t *n_errors, regel_error *err,
                           compile_collect_fn collect, void *ctx, unsigned flags);

int compile_run_collect(const char *source, size_t len, const char *name, uint8_t **rbc,
                        size_t *rbc_len, char **diagnostics, size_t *n_errors, regel_error *err,
                        compile_collect_fn collect, void *ctx)
{
    return compile_run_any(source, len, name, rbc, rbc_len, diagnostics, n_errors, err, collect,
                           ctx, 0);
}

int compile_run_flags(const char *source, size_t len, const char *name, unsigned flags,
                      uint8_t **rbc, size_t *rbc_len, char **diagnostics, size_t *n_errors,
                      regel_error *err)
{
    return compile_run_any(source, len, name, rbc, rbc_len, diagnostics, n_errors, err, NULL, NULL,
                           flags);
}

static int compile_run_any(const char *source, size_t len, const char *name, uint8_t **rbc,
                           size_t *rbc_len, char **diagnostics, size_t *n_errors, regel_error *err,
                           compile_collect_fn collect, void *ctx, unsigned flags)
{
    if (diagnostics)
        *diagnostics = NULL;
    if (n_errors)
        *n_errors = 0;
    if (rbc)
        *rbc = NULL;
    if (rbc_len)
        *rbc_len = 0;
    if (!source && len) {
        compile_error(err, REGEL_ERR_USAGE, NULL, "geen brontekst opgegeven");
        return REGEL_ERR_USAGE;
    }
    if (!source)
        source = "";
    if (!name)
        name = COMPILE_DEFAULT_NAME;

    arena *a = arena_new(64 * 1024);
    diag_ctx *d = a ? diag_new(name, source, len) : NULL;
    if (!d) {
        arena_free(a);
        compile_error(err, REGEL_ERR_MEMORY, name, "onvoldoende geheugen om ‘%s’ te vertalen",
                      name);
        return REGEL_ERR_MEMORY;
    }
    int rc = REGEL_OK;
    if (rbc)
        *rbc = NULL;
    ast_policy *p = parse_source(a, d, name, source, len);
    check_result *prog = NULL;
    if (!p) {
        rc = REGEL_ERR_MEMORY;
    } else if (diag_error_count(d) == 0) {
        prog = check_policy(a, d, p);
        if (!prog)
            rc = REGEL_ERR_MEMORY;
    }
    /* Emit before the diagnostics are taken: the emitter reports a rule that
     * is too big for the runtime as a source error. */
    uint8_t *code = NULL;
    size_t code_len = 0;
    if (rc == REGEL_OK && prog && rbc && diag_error_count(d) == 0) {
        rc = emit_bytecode_flags(prog, d, flags, &code, &code_len, err);
        if (rc == REGEL_ERR_COMPILE)
            rc = REGEL_OK; /* counted below like every other compile error */
    }
    size_t errors = diag_error_count(d);
    if (n_errors)
        *n_errors = errors;
    if (diagnostics) {
        const char *text = diag_text(d);
        if (text && *text) {
            *diagnostics = compile_strdup(text);
            if (!*diagnostics)
                rc = REGEL_ERR_MEMORY;
        }
    }
    if (rc == REGEL_OK && errors > 0) {
        diag_first_error(d, err);
        if (err)
            err->code = REGEL_ERR_COMPILE;
        rc = REGEL_ERR_COMPILE;
    } else if (rc == REGEL_OK && rbc) {
        *rbc = code;
        code = NULL;
        if (rbc_len)
            *rbc_len = code_len;
    }
    free(code);
    if (rc == REGEL_OK && errors == 0 && collect)
        rc = collect(ctx, prog);
    if (rc == REGEL_ERR_MEMORY)
        compile_error(err, REGEL_ERR_MEMORY, name, "onvoldoende geheugen om ‘%s’ te vertalen",
                      name);
    if (rc != REGEL_OK && rbc && *rbc) {
        free(*rbc);
        *rbc = NULL;
    }
    diag_free(d);
    arena_free(a);
    return rc;
}

REGEL_API int regel_compile_to_bytecode(const char *source, size_t len, const char *name,
                                        uint8_t **rbc, size_t *rbc_len, char **diagnostics,
                                        regel_error *err)
{
    if (diagnostics)
        *diagnostics = NULL;
    if (!rbc || !rbc_len) {
        compile_error(err, REGEL_ERR_USAGE, NULL,
                      "regel_compile_to_bytecode: rbc en rbc_len zijn verplicht");
        return REGEL_ERR_USAGE;
    }
    return compile_run(source, len, name, rbc, rbc_len, diagnostics, NULL, err);
}

REGEL_API int regel_policy_compile(const char *source, size_t len, const char *name,
                                   regel_policy **out, char **diagnostics, regel_error *err)
{
    return compile_policy_collect(source, len, name, out, diagnostics, err, NULL, NULL);
}

int compile_policy_collect(const char *source, size_t len, const char *name, regel_policy **out,
                           char **diagnostics, regel_error *err, compile_collect_fn collect,
                           void *ctx)
{
    if (diagnostics)
        *diagnostics = NULL;
    if (!out) {
        compile_error(err, REGEL_ERR_USAGE, NULL, "regel_policy_compile: out is verplicht");
        return REGEL_ERR_USAGE;
    }
    *out = NULL;
    uint8_t *rbc = NULL;
    size_t rbc_len = 0;
    int rc = compile_run_collect(source, len, name, &rbc, &rbc_len, diagnostics, NULL, err, collect,
                                 ctx);
    if (rc != REGEL_OK)
        return rc;
    rc = regel_policy_load(rbc, rbc_len, name ? name : COMPILE_DEFAULT_NAME, out, err);
    free(rbc);
    /* Compiled from source: run-time errors point at the path the user gave,
     * not at the base name recorded in the bytecode. */
    if (rc == REGEL_OK)
        (*out)->source_file = (*out)->file;
    return rc;
}

REGEL_API int regel_policy_load_file(const char *path, regel_policy **out, char **diagnostics,
                                     regel_error *err)
{
    if (diagnostics)
        *diagnostics = NULL;
    if (!out) {
        compile_error(err, REGEL_ERR_USAGE, NULL, "regel_policy_load_file: out is verplicht");
        return REGEL_ERR_USAGE;
    }
    *out = NULL;
    char *data = NULL;
    size_t len = 0;
    int rc = compile_read_file(path, &data, &len, err);
    if (rc != REGEL_OK)
        return rc;
    if (len >= RBC_MAGIC_LEN && memcmp(data, RBC_MAGIC, RBC_MAGIC_LEN) == 0)
        rc = regel_policy_load((const uint8_t *)data, len, path, out, err);
    else
        rc = regel_policy_compile(data, len, path, out, diagnostics, err);
    free(data);
    return rc;
}
