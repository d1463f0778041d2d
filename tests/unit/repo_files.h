/* repo_files.h — for criterion tests: load a policy and read a case from the
 * repository (paths relative to the source root, SRCDIR), asserting that it
 * works, or read a whole file. Shared by the embedding-API, motivering and
 * allocation tests. */
#ifndef TEST_REPO_FILES_H
#define TEST_REPO_FILES_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regel.h"

/* The whole file at path (NUL-terminated, malloc'd; *len its length). */
static inline char *repo_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    cr_assert_eq(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    cr_assert_geq(size, 0);
    rewind(f);
    char *buf = malloc((size_t)size + 1);
    cr_assert_not_null(buf);
    *len = fread(buf, 1, (size_t)size, f);
    fclose(f);
    buf[*len] = '\0';
    return buf;
}

static inline regel_policy *load(const char *rel)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SRCDIR, rel);
    regel_policy *p = NULL;
    char *diags = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_policy_load_file(path, &p, &diags, &err), REGEL_OK, "%s: %s", path,
                 err.message);
    regel_free(diags);
    return p;
}

static inline regel_case *read_case(const regel_policy *p, const char *rel)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SRCDIR, rel);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    cr_assert_lt(n, sizeof buf, "%s is te groot voor de test", path);
    regel_case *c = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_case_from_json(p, buf, n, rel, &c, &err), REGEL_OK, "%s", err.message);
    return c;
}

#endif
