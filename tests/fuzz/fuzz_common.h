/* fuzz_common.h — small helpers shared by the libFuzzer harnesses (issue 9):
 * reading a repository file once and evaluating/rendering a loaded policy. */
#ifndef REGEL_FUZZ_COMMON_H
#define REGEL_FUZZ_COMMON_H

#include "regel.h"

#include <stdio.h>
#include <stdlib.h>

/* Read a whole file (path relative to the source tree); abort on failure,
 * since a harness without its fixture is useless. Caller frees. */
static inline char *fuzz_read_file(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SRCDIR, rel);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "kan %s niet openen\n", path);
        abort();
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
        abort();
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

/* Render the last evaluation of ev in all three formats, freeing the output. */
static inline void fuzz_render_all(const regel_eval *ev)
{
    static const int formats[] = {REGEL_FORMAAT_TEKST, REGEL_FORMAAT_JSON, REGEL_FORMAAT_HTML};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char *out = NULL;
        size_t len = 0;
        regel_error err;
        if (regel_render(ev, formats[i], NULL, 0, &out, &len, &err) == REGEL_OK)
            regel_free(out);
    }
}

/* Evaluate a case (with explanation) against policy p and render it. */
static inline void fuzz_eval_case(const regel_policy *p, const char *json, size_t len)
{
    regel_error err;
    regel_case *c = NULL;
    if (regel_case_from_json(p, json, len, "fuzz", &c, &err) != REGEL_OK)
        return;
    regel_eval *ev = regel_eval_new(p);
    if (ev) {
        if (regel_evaluate(ev, c, REGEL_EXPLAIN, &err) == REGEL_OK)
            fuzz_render_all(ev);
        regel_eval_free(ev);
    }
    regel_case_free(c);
}

#endif
