/* test_limits.c — the limits of issue 9 at their exact boundaries, through
 * the public API: stack depth and loop nesting per rule (the emitter refuses
 * what the verifier would), the evaluation step budget, the text check of a
 * policy source, the empty policy, and excerpts of very long lines. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regel.h"
#include "strbuf.h"

/* Compile src (and load its bytecode, which runs the verifier). */
static int compile(const char *src, regel_policy **p, char **diags, regel_error *err)
{
    *p = NULL;
    *diags = NULL;
    memset(err, 0, sizeof *err);
    return regel_policy_compile(src, strlen(src), "t.regel", p, diags, err);
}

/* `b is (a + (a + … a))` with n additions: n + 1 values on the stack. */
static char *nested_sum(int n)
{
    strbuf sb = STRBUF_INIT;
    sb_puts(&sb, "beleid \"x\".\ninvoer a: getal.\nuitkomst b: getal.\nregel \"r\"\n    b is ");
    for (int i = 0; i < n; i++)
        sb_puts(&sb, "(a + ");
    sb_puts(&sb, "a");
    for (int i = 0; i < n; i++)
        sb_putc(&sb, ')');
    sb_puts(&sb, ".\n");
    return sb_take(&sb);
}

/* `n is er is een x1 in l waarvoor … x1 > 0` with k loops inside each other. */
static char *nested_loops(int k)
{
    strbuf sb = STRBUF_INIT;
    sb_puts(&sb, "beleid \"x\".\ninvoer l: lijst van getal.\nuitkomst n: waarheid.\nregel "
                 "\"r\"\n    n is ");
    for (int i = 1; i <= k; i++)
        sb_printf(&sb, "er is een x%d in l waarvoor ", i);
    sb_puts(&sb, "x1 > 0.\n");
    return sb_take(&sb);
}

Test(limits, stack_256_values_compile_and_verify_257_are_a_source_error)
{
    regel_policy *p;
    char *diags;
    regel_error err;
    char *ok = nested_sum(255);
    cr_assert_eq(compile(ok, &p, &diags, &err), REGEL_OK, "%s", err.message);
    regel_policy_free(p);
    regel_free(diags);
    free(ok);

    char *bad = nested_sum(256);
    cr_assert_eq(compile(bad, &p, &diags, &err), REGEL_ERR_COMPILE);
    cr_assert_null(p);
    cr_assert_str_eq(err.message, "regel ‘r’ is te ingewikkeld om uit te rekenen: ze heeft 257 "
                                  "tussenwaarden tegelijk nodig (hoogstens 256)");
    cr_assert_eq(err.line, 4);
    cr_assert_eq(err.column, 1);
    cr_assert_not_null(strstr(diags, "= hint: splits de uitdrukking op"), "%s", diags);
    regel_free(diags);

    /* regel_compile_to_bytecode gives no bytes for it either */
    uint8_t *rbc = (uint8_t *)1;
    size_t len = 0;
    cr_assert_eq(regel_compile_to_bytecode(bad, strlen(bad), "t.regel", &rbc, &len, NULL, &err),
                 REGEL_ERR_COMPILE);
    cr_assert_null(rbc);
    free(bad);
}

Test(limits, sixteen_loops_compile_seventeen_are_a_source_error)
{
    regel_policy *p;
    char *diags;
    regel_error err;
    char *ok = nested_loops(16);
    cr_assert_eq(compile(ok, &p, &diags, &err), REGEL_OK, "%s", err.message);
    regel_policy_free(p);
    regel_free(diags);
    free(ok);

    char *bad = nested_loops(17);
    cr_assert_eq(compile(bad, &p, &diags, &err), REGEL_ERR_COMPILE);
    cr_assert_str_eq(err.message,
                     "regel ‘r’ heeft 17 lussen over lijsten in elkaar (hoogstens 16)");
    regel_free(diags);
    free(bad);
}

/* Three loops inside each other over a list of n elements: n³ steps. */
static int eval_steps(int n, regel_error *err)
{
    static const char src[] = "beleid \"x\".\ninvoer l: lijst van getal.\nuitkomst n: getal.\n"
                              "regel \"r\"\n    n is aantal x in l waarvoor er is een y in l "
                              "waarvoor er is een z in l waarvoor x + y + z < 0.\n";
    regel_policy *p;
    char *diags;
    cr_assert_eq(compile(src, &p, &diags, err), REGEL_OK, "%s", err->message);
    regel_free(diags);
    strbuf sb = STRBUF_INIT;
    sb_puts(&sb, "{\"l\": [");
    for (int i = 0; i < n; i++)
        sb_printf(&sb, "%s%d", i ? "," : "", i);
    sb_puts(&sb, "]}");
    regel_case *c = NULL;
    cr_assert_eq(regel_case_from_json(p, sb.data, sb.len, "c.json", &c, err), REGEL_OK, "%s",
                 err->message);
    sb_free(&sb);
    regel_eval *ev = regel_eval_new(p);
    cr_assert_not_null(ev);
    int rc = regel_evaluate(ev, c, 0, err);
    /* the evaluator stays usable after the budget ran out */
    regel_case *small = NULL;
    regel_error err2;
    cr_assert_eq(regel_case_from_json(p, "{\"l\": [1]}", 10, "k.json", &small, &err2), REGEL_OK);
    cr_assert_eq(regel_evaluate(ev, small, 0, &err2), REGEL_OK, "%s", err2.message);
    regel_case_free(small);
    regel_eval_free(ev);
    regel_case_free(c);
    regel_policy_free(p);
    return rc;
}

Test(limits, step_budget_allows_ten_million_loop_steps_not_more)
{
    regel_error err;
    /* 215³ = 9 938 375 iterations of the innermost loop, plus 215² + 215 outer ones */
    cr_assert_eq(eval_steps(215, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(eval_steps(216, &err), REGEL_ERR_EVAL);
    cr_assert_str_eq(err.message, "de berekening is te groot: meer dan 10 miljoen stappen in "
                                  "lussen over lijsten (maak de lijsten korter of vermijd lussen "
                                  "in lussen) in regel ‘r’");
    cr_assert_str_eq(err.file, "t.regel");
    cr_assert_eq(err.line, 4);
}

/* Compile src of len bytes; return the first error message (static). */
static const char *first_error(const char *src, size_t len, unsigned *line, unsigned *col)
{
    static regel_error err;
    regel_policy *p = NULL;
    char *diags = NULL;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_policy_compile(src, len, "t.regel", &p, &diags, &err), REGEL_ERR_COMPILE);
    regel_free(diags);
    *line = err.line;
    *col = err.column;
    return err.message;
}

Test(limits, seven_stray_bytes_are_lexer_errors_eight_make_it_binary)
{
    char src[64] = "beleid \"x\".\n";
    size_t n = strlen(src);
    for (int i = 0; i < 7; i++)
        src[n++] = '\x01';
    unsigned line, col;
    cr_assert_str_eq(first_error(src, n, &line, &col), "onverwacht stuurteken (U+0001)");
    cr_assert_eq(line, 2);
    src[n++] = '\x01';
    cr_assert_str_eq(first_error(src, n, &line, &col),
                     "dit is geen tekstbestand: de eerste 4096 bytes bevatten 8 stuurtekens of "
                     "ongeldige UTF-8-reeksen");
    cr_assert_eq(line, 2);
    cr_assert_eq(col, 1);
    /* invalid UTF-8 counts the same; a BOM does not count as a column */
    char latin[] = "\xEF\xBB\xBF\xE9\xE9\xE9\xE9\xE9\xE9\xE9\xE9 beleid";
    cr_assert_str_eq(first_error(latin, strlen(latin), &line, &col),
                     "dit is geen tekstbestand: de eerste 4096 bytes bevatten 8 stuurtekens of "
                     "ongeldige UTF-8-reeksen");
    cr_assert_eq(line, 1);
    cr_assert_eq(col, 1);
    /* a NUL byte anywhere */
    char nul[] = "beleid \"x\".\ninvoer a: getal.\n  \0";
    cr_assert_str_eq(first_error(nul, sizeof nul - 1, &line, &col),
                     "het bestand bevat een nulbyte: dit is geen tekstbestand");
    cr_assert_eq(line, 3);
    cr_assert_eq(col, 3);
}

Test(limits, empty_source_is_an_error_for_the_whole_file)
{
    unsigned line, col;
    cr_assert_str_eq(first_error("", 0, &line, &col),
                     "het beleid is leeg: er staat geen enkele declaratie in");
    cr_assert_eq(line, 0);
    cr_assert_eq(col, 0);
}

Test(limits, excerpt_of_a_long_line_is_a_window_around_the_caret)
{
    strbuf sb = STRBUF_INIT;
    sb_puts(&sb, "beleid \"x\". invoer a: getal. uitkomst b: getal. regel \"r\" b is a");
    for (int i = 0; i < 500; i++) /* 2 000 bytes; 1 000 terms would be too deep */
        sb_puts(&sb, " + a");
    sb_puts(&sb, " +.");
    regel_policy *p = NULL;
    char *diags = NULL;
    regel_error err;
    cr_assert_eq(regel_policy_compile(sb.data, sb.len, "t.regel", &p, &diags, &err),
                 REGEL_ERR_COMPILE);
    cr_assert_eq(err.column, sb.len); /* the final '.' (ASCII: bytes are columns) */
    const char *line2 = strchr(diags, '\n') + 1;
    cr_assert(strncmp(line2, "   1 | …", strlen("   1 | …")) == 0, "%s", diags);
    const char *line3 = strchr(line2, '\n') + 1;
    size_t shown = (size_t)(line3 - line2);
    cr_assert_lt(shown, 200, "%s", diags);
    cr_assert(strncmp(line3, "     |  ", 8) == 0, "%s", diags);
    /* the caret sits under the '.' : 40 characters of context plus "…" */
    const char *caret = strchr(line3, '^');
    cr_assert_not_null(caret);
    const char *dot = strstr(line2, "+.");
    cr_assert_not_null(dot, "%s", diags);
    /* both lines start with the same 6-byte gutter "   1 | " / "     | ";
     * the excerpt has a 3-byte "…" where the caret line has one space */
    cr_assert_eq((size_t)(caret - line3), (size_t)(dot + 1 - line2) - 2, "%s", diags);
    regel_free(diags);
    sb_free(&sb);
}

/* Lists of at most a million elements and texts of at most 1 MB, through
 * JSON (tests/robuust) and the C API alike. */
Test(limits, case_lists_and_texts_through_the_api)
{
    static const char src[] = "beleid \"x\".\ninvoer l: lijst van getal, t: tekst.\nuitkomst n: "
                              "getal.\nregel \"r\" n is aantal l.\n";
    regel_policy *p;
    char *diags;
    regel_error err;
    cr_assert_eq(compile(src, &p, &diags, &err), REGEL_OK, "%s", err.message);
    regel_free(diags);
    regel_case *c = NULL;
    cr_assert_eq(regel_case_new(p, &c, &err), REGEL_OK, "%s", err.message);
    size_t index = 0;
    for (size_t i = 0; i < 1000000; i++)
        cr_assert_eq(regel_case_append(c, "l", &index, &err), REGEL_OK, "%zu: %s", i, err.message);
    cr_assert_eq(index, 999999);
    cr_assert_eq(regel_case_append(c, "l", &index, &err), REGEL_ERR_CASE);
    cr_assert_str_eq(err.message, "feit ‘l’: de lijst is te lang: meer dan 1 miljoen elementen");

    char *text = malloc((1u << 20) + 2);
    cr_assert_not_null(text);
    memset(text, 'x', (1u << 20) + 1);
    text[1u << 20] = '\0'; /* exactly 1 MB: allowed */
    cr_assert_eq(regel_case_set_text(c, "t", text, &err), REGEL_OK, "%s", err.message);
    text[1u << 20] = 'x';
    text[(1u << 20) + 1] = '\0';
    cr_assert_eq(regel_case_set_text(c, "t", text, &err), REGEL_ERR_CASE);
    cr_assert_str_eq(err.message, "feit ‘t’: de tekst is te lang: 1048577 bytes (hoogstens 1 MB)");
    free(text);
    regel_case_free(c);
    regel_policy_free(p);
}
