/* test_extern_compile.c — issue 8 (spec8 §1), compiler side end to end:
 * every policy of the repository still compiles and carries an empty
 * EXTERNS section; `extern functie` policies compile to EXTERNS entries and
 * CALL_EXTERN instructions that the loader accepts. Tests only. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytecode.h"
#include "regel.h"

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "kan %s niet openen", path);
    cr_assert_eq(fseek(f, 0, SEEK_END), 0);
    long n = ftell(f);
    cr_assert_geq(n, 0);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    cr_assert_not_null(buf);
    cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* Compile source; fails the test on any error. */
static uint8_t *compile(const char *src, size_t len, const char *name, size_t *out_len)
{
    uint8_t *rbc = NULL;
    char *diags = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_compile_to_bytecode(src, len, name, &rbc, out_len, &diags, &err);
    cr_assert_eq(rc, REGEL_OK, "%s: %s\n%s", name, err.message, diags ? diags : "");
    regel_free(diags);
    return rbc;
}

/* The payload of section id (the header must list every section once). */
static const uint8_t *section(const uint8_t *b, size_t len, uint32_t id, uint32_t *size)
{
    cr_assert_geq(len, (size_t)RBC_HEADER_SIZE + RBC_SECTION_COUNT * RBC_DIR_ENTRY_SIZE);
    cr_assert_eq(rd32(b + 8), RBC_SECTION_COUNT);
    for (uint32_t i = 0; i < RBC_SECTION_COUNT; i++) {
        const uint8_t *d = b + RBC_HEADER_SIZE + i * RBC_DIR_ENTRY_SIZE;
        cr_assert_eq(rd32(d), i + 1, "sectie-id's oplopend");
        if (rd32(d) == id) {
            *size = rd32(d + 8);
            cr_assert_leq((size_t)rd32(d + 4) + *size, len);
            return b + rd32(d + 4);
        }
    }
    cr_assert_fail("sectie %u ontbreekt", id);
    return NULL;
}

static void expect_empty_externs(const char *rel)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SRCDIR, rel);
    size_t len, n;
    char *src = read_all(path, &len);
    uint8_t *rbc = compile(src, len, rel, &n);
    uint32_t size;
    const uint8_t *x = section(rbc, n, RBC_SEC_EXTERNS, &size);
    cr_assert_eq(size, 4, "%s: EXTERNS is %u bytes", rel, size);
    cr_assert_eq(rd32(x), 0, "%s", rel);
    /* the loader accepts it */
    regel_policy *p = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_policy_load(rbc, n, rel, &p, &err), REGEL_OK, "%s: %s", rel, err.message);
    cr_assert_eq(regel_extern_count(p), 0);
    regel_policy_free(p);
    regel_free(rbc);
    free(src);
}

/* The example and standard policies, and every policy of the golden tests
 * that compiles (their scenarios included: `regel test` files). */
Test(extern_compile, repository_policies_have_an_empty_externs_section)
{
    expect_empty_externs("stdlib-policies/inburgering.regel");
    expect_empty_externs("stdlib-policies/organisaties.regel");
    expect_empty_externs("examples/inburgering-basis.regel");
    expect_empty_externs("examples/tijd-en-geld.regel");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/tests/golden/beleid", SRCDIR);
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    size_t count = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        size_t l = strlen(ent->d_name);
        if (l < 7 || strcmp(ent->d_name + l - 6, ".regel") != 0 ||
            strcmp(ent->d_name, "scenario-vertaalfout.regel") == 0) /* a compile error on purpose */
            continue;
        char rel[512];
        snprintf(rel, sizeof rel, "tests/golden/beleid/%s", ent->d_name);
        expect_empty_externs(rel);
        count++;
    }
    closedir(d);
    cr_assert_gt(count, 5, "te weinig beleid gevonden in %s", dir);
}

#define POLICY                                                                                     \
    "beleid \"Werkdagen\".\n"                                                                      \
    "extern functie werkdagen_tussen(van: datum, tot: datum): getal.\n"                            \
    "extern functie is_feestdag(dag: datum): waarheid.\n"                                          \
    "extern functie maandnaam(dag: datum): tekst.\n"                                               \
    "invoer start: datum, eind: datum (optioneel).\n"                                              \
    "uitkomst werkdagen: getal (optioneel), vrij: waarheid, startmaand: tekst.\n"                  \
    "regel \"W\" werkdagen is werkdagen_tussen(start, eind).\n"                                    \
    "regel \"V\" vrij is waar indien is_feestdag(start) of is_feestdag(peildatum),\n"              \
    "    anders onwaar.\n"                                                                         \
    "regel \"M\" startmaand is maandnaam(start).\n"                                                \
    "scenario \"S\" gegeven start is 1 maart 2023 verwacht startmaand is \"maart\".\n"

/* The loader sees the declared functions by name, in declaration order,
 * unbound; the CODE calls only those. */
Test(extern_compile, externs_load_in_declaration_order)
{
    size_t n;
    uint8_t *rbc = compile(POLICY, strlen(POLICY), "w.regel", &n);
    uint32_t size;
    const uint8_t *x = section(rbc, n, RBC_SEC_EXTERNS, &size);
    cr_assert_eq(rd32(x), 3);
    /* 3 entries: name, result, n_params (1 or 2), params */
    cr_assert_eq(size, 4 + (12 + 8) + (12 + 4) + (12 + 4));
    regel_policy *p = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_policy_load(rbc, n, "w.rbc", &p, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(regel_extern_count(p), 3);
    cr_assert_str_eq(regel_extern_name(p, 0), "werkdagen_tussen");
    cr_assert_str_eq(regel_extern_name(p, 1), "is_feestdag");
    cr_assert_str_eq(regel_extern_name(p, 2), "maandnaam");
    cr_assert_eq(regel_extern_bound(p, 0), 0);
    regel_policy_free(p);
    regel_free(rbc);
}

/* Compiling is deterministic (same bytes twice), and a policy without
 * calls still lists its declared functions (with the unused warning). */
Test(extern_compile, deterministic_and_unused)
{
    size_t n1, n2;
    uint8_t *a = compile(POLICY, strlen(POLICY), "w.regel", &n1);
    uint8_t *b = compile(POLICY, strlen(POLICY), "w.regel", &n2);
    cr_assert_eq(n1, n2);
    cr_assert_eq(memcmp(a, b, n1), 0);
    regel_free(a);
    regel_free(b);

    const char *src =
        "extern functie f(x: getal): getal.\nuitkomst u: getal.\nregel \"U\" u is 1.\n";
    uint8_t *rbc = NULL;
    size_t n = 0;
    char *diags = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_compile_to_bytecode(src, strlen(src), "u.regel", &rbc, &n, &diags, &err),
                 REGEL_OK);
    cr_assert_not_null(diags);
    cr_assert_not_null(strstr(diags, "waarschuwing: externe functie ‘f’ wordt door geen enkele "
                                     "regel gebruikt"),
                       "%s", diags);
    uint32_t size;
    const uint8_t *x = section(rbc, n, RBC_SEC_EXTERNS, &size);
    cr_assert_eq(rd32(x), 1);
    regel_free(diags);
    regel_free(rbc);
}

/* A call that does not check gives no bytecode, with the Dutch message. */
Test(extern_compile, errors_give_no_bytecode)
{
    const char *src = "extern functie werkdagen_tussen(van: datum, tot: datum): getal.\n"
                      "invoer start: datum.\nuitkomst u: getal.\n"
                      "regel \"U\" u is werkdagen_tussen(start).\n";
    uint8_t *rbc = NULL;
    size_t n = 0;
    char *diags = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_neq(regel_compile_to_bytecode(src, strlen(src), "f.regel", &rbc, &n, &diags, &err),
                  REGEL_OK);
    cr_assert_null(rbc);
    cr_assert_not_null(diags);
    cr_assert_not_null(strstr(diags, "fout: functie ‘werkdagen_tussen’ verwacht 2 argumenten, "
                                     "maar krijgt er 1"),
                       "%s", diags);
    regel_free(diags);
}
