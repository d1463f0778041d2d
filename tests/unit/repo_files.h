/* repo_files.h — for criterion tests: load a policy and read a case from the
 * repository (paths relative to the source root, SRCDIR), asserting that it
 * works. Shared by the embedding-API and motivering tests. */
#ifndef TEST_REPO_FILES_H
#define TEST_REPO_FILES_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "regel.h"

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
