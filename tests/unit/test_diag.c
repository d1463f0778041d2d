/* test_diag.c — unit tests for the diagnostics formatter (compiler/diag.c):
 * header, gutter width, source line, carets under tabs and UTF-8, ranges,
 * hints, severities, the first error and near-miss suggestions. Tests only. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"

static ast_loc L(unsigned line, unsigned col, unsigned end_line, unsigned end_col, unsigned off,
                 unsigned end_off)
{
    ast_loc l = {line, col, end_line, end_col, off, end_off};
    return l;
}

/* The location of the first occurrence of `what` in src (single line). */
static ast_loc find(const char *src, const char *what)
{
    const char *p = strstr(src, what);
    cr_assert_not_null(p, "%s niet gevonden", what);
    unsigned line = 1, col = 1;
    for (const char *q = src; q < p; q++) {
        if (*q == '\n') {
            line++;
            col = 1;
        } else if ((*q & 0xC0) != 0x80) {
            col++;
        }
    }
    unsigned w = 0;
    for (const char *q = p; q < p + strlen(what); q++)
        if ((*q & 0xC0) != 0x80)
            w++;
    return L(line, col, line, col + w, (unsigned)(p - src), (unsigned)(p - src + strlen(what)));
}

Test(diag, the_documented_example)
{
    const char *src = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n"
                      "    indien register is bevolkingregister\n13\n";
    diag_ctx *d = diag_new("voorbeeld.regel", src, strlen(src));
    ast_loc at = find(src, "bevolkingregister");
    cr_assert_eq(at.line, 12);
    cr_assert_eq(at.col, 24);
    diag_report(d, DIAG_ERROR, at, "bedoelde u ‘bevolkingsregister’?", "onbekende naam ‘%s’",
                "bevolkingregister");
    cr_assert_str_eq(diag_text(d),
                     "voorbeeld.regel:12:24: fout: onbekende naam ‘bevolkingregister’\n"
                     "   12 |     indien register is bevolkingregister\n"
                     "      |                        ^~~~~~~~~~~~~~~~~\n"
                     "      = hint: bedoelde u ‘bevolkingsregister’?\n");
    cr_assert_eq(diag_error_count(d), 1);
    diag_free(d);
}

Test(diag, gutter_follows_line_number_width)
{
    char src[4096] = "";
    for (int i = 1; i <= 120; i++) {
        char line[32];
        snprintf(line, sizeof line, "regel%d\n", i);
        strcat(src, line);
    }
    diag_ctx *d = diag_new("a.regel", src, strlen(src));
    diag_report(d, DIAG_WARNING, find(src, "regel7\n"), NULL, "zeven");
    diag_report(d, DIAG_NOTE, find(src, "regel107"), "h", "honderdzeven");
    cr_assert_str_eq(diag_text(d), "a.regel:7:1: waarschuwing: zeven\n"
                                   "   7 | regel7\n"
                                   "     | ^~~~~~\n"
                                   "a.regel:107:1: opmerking: honderdzeven\n"
                                   "   107 | regel107\n"
                                   "       | ^~~~~~~~\n"
                                   "       = hint: h\n");
    /* warnings and notes are not errors */
    cr_assert_eq(diag_error_count(d), 0);
    diag_free(d);
}

Test(diag, caret_line_copies_tabs)
{
    const char *src = "\tx is\t\tfout";
    diag_ctx *d = diag_new("t.regel", src, strlen(src));
    diag_report(d, DIAG_ERROR, find(src, "fout"), NULL, "m");
    cr_assert_str_eq(diag_text(d), "t.regel:1:8: fout: m\n"
                                   "   1 | \tx is\t\tfout\n"
                                   "     | \t    \t\t^~~~\n");
    diag_free(d);
}

Test(diag, carets_count_code_points)
{
    const char *src = "oriëntatie is financiële";
    diag_ctx *d = diag_new("t.regel", src, strlen(src));
    diag_report(d, DIAG_ERROR, find(src, "financiële"), NULL, "m");
    cr_assert_str_eq(diag_text(d), "t.regel:1:15: fout: m\n"
                                   "   1 | oriëntatie is financiële\n"
                                   "     |               ^~~~~~~~~~\n");
    diag_free(d);
}

Test(diag, multi_line_range_underlines_to_end_of_first_line)
{
    const char *src = "a is \"lange\n   tekst\" b";
    diag_ctx *d = diag_new("t.regel", src, strlen(src));
    ast_loc at = L(1, 6, 2, 10, 5, 21);
    diag_report(d, DIAG_ERROR, at, NULL, "m");
    cr_assert_str_eq(diag_text(d), "t.regel:1:6: fout: m\n"
                                   "   1 | a is \"lange\n"
                                   "     |      ^~~~~~\n");
    diag_free(d);
}

Test(diag, empty_range_gets_one_caret_even_past_the_end)
{
    const char *src = "uitkomst a: waarheid\nregel";
    diag_ctx *d = diag_new("t.regel", src, strlen(src));
    diag_report(d, DIAG_ERROR, L(1, 21, 1, 21, 20, 20), "elke declaratie eindigt met een punt",
                "ontbrekende ‘.’");
    cr_assert_str_eq(diag_text(d), "t.regel:1:21: fout: ontbrekende ‘.’\n"
                                   "   1 | uitkomst a: waarheid\n"
                                   "     |                     ^\n"
                                   "     = hint: elke declaratie eindigt met een punt\n");
    diag_free(d);
}

Test(diag, crlf_is_not_printed)
{
    const char *src = "a\r\nb c\r\n";
    diag_ctx *d = diag_new("t.regel", src, strlen(src));
    diag_report(d, DIAG_ERROR, find(src, "c"), NULL, "m");
    cr_assert_str_eq(diag_text(d), "t.regel:2:3: fout: m\n"
                                   "   2 | b c\n"
                                   "     |   ^\n");
    diag_free(d);
}

Test(diag, empty_source_line)
{
    const char *src = "a\n\nb";
    diag_ctx *d = diag_new("t.regel", src, strlen(src));
    diag_report(d, DIAG_ERROR, L(2, 1, 2, 1, 2, 2), NULL, "m");
    cr_assert_str_eq(diag_text(d), "t.regel:2:1: fout: m\n"
                                   "   2 |\n"
                                   "     | ^\n");
    diag_free(d);
}

Test(diag, location_by_column_when_offsets_are_missing)
{
    const char *src = "abc\n\txyz ë q\n";
    diag_ctx *d = diag_new("t.regel", src, strlen(src));
    diag_report(d, DIAG_ERROR, L(2, 6, 2, 8, 0, 0), NULL, "m");
    cr_assert_str_eq(diag_text(d), "t.regel:2:6: fout: m\n"
                                   "   2 | \txyz ë q\n"
                                   "     | \t    ^~\n");
    diag_free(d);
}

Test(diag, no_location_and_location_beyond_the_source)
{
    const char *src = "a\n";
    diag_ctx *d = diag_new("t.regel", src, strlen(src));
    diag_report(d, DIAG_ERROR, L(0, 0, 0, 0, 0, 0), "h", "geen plaats");
    diag_report(d, DIAG_ERROR, L(9, 1, 9, 2, 0, 0), NULL, "te ver");
    cr_assert_str_eq(diag_text(d), "t.regel: fout: geen plaats\n"
                                   "     = hint: h\n"
                                   "t.regel:9:1: fout: te ver\n");
    cr_assert_eq(diag_error_count(d), 2);
    diag_free(d);
}

Test(diag, byte_order_mark_is_not_part_of_line_one)
{
    const char *src = "\xEF\xBB\xBFx y";
    diag_ctx *d = diag_new("t.regel", src, strlen(src));
    diag_report(d, DIAG_ERROR, L(1, 3, 1, 4, 5, 6), NULL, "m");
    cr_assert_str_eq(diag_text(d), "t.regel:1:3: fout: m\n"
                                   "   1 | x y\n"
                                   "     |   ^\n");
    diag_free(d);
}

Test(diag, text_is_empty_at_first)
{
    diag_ctx *d = diag_new("t.regel", "", 0);
    cr_assert_str_eq(diag_text(d), "");
    cr_assert_eq(diag_error_count(d), 0);
    regel_error e;
    memset(&e, 0x55, sizeof e);
    diag_first_error(d, &e);
    cr_assert_eq(e.code, 0);
    cr_assert_str_eq(e.message, "");
    diag_free(d);
}

Test(diag, long_messages_are_kept_whole)
{
    char big[2000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    diag_ctx *d = diag_new("t.regel", "", 0);
    diag_report(d, DIAG_ERROR, L(0, 0, 0, 0, 0, 0), NULL, "lang: %s", big);
    cr_assert_eq(strlen(diag_text(d)), strlen("t.regel: fout: lang: ") + 1999 + 1);
    regel_error e;
    diag_first_error(d, &e);
    cr_assert_eq(strlen(e.message), sizeof e.message - 1);
    diag_free(d);
}

Test(diag, first_error_skips_warnings)
{
    const char *src = "a b c";
    diag_ctx *d = diag_new("map/beleid.regel", src, strlen(src));
    diag_report(d, DIAG_WARNING, find(src, "a"), NULL, "eerst een waarschuwing");
    diag_report(d, DIAG_ERROR, find(src, "b"), "hint", "de eerste fout %d", 1);
    diag_report(d, DIAG_ERROR, find(src, "c"), NULL, "de tweede fout");
    regel_error e;
    diag_first_error(d, &e);
    cr_assert_eq(e.code, REGEL_ERR_COMPILE);
    cr_assert_str_eq(e.file, "map/beleid.regel");
    cr_assert_eq(e.line, 1);
    cr_assert_eq(e.column, 3);
    cr_assert_str_eq(e.message, "de eerste fout 1");
    cr_assert_eq(diag_error_count(d), 2);
    diag_free(d);
}

Test(diag, suggest)
{
    static const char *const names[] = {"vreemdelingenregister", "bevolkingsregister",
                                        "wachtregister"};
    cr_assert_str_eq(diag_suggest("bevolkingregister", names, 3), "bevolkingsregister");
    cr_assert_str_eq(diag_suggest("wachtregistr", names, 3), "wachtregister");
    cr_assert_null(diag_suggest("iets_heel_anders", names, 3));
    cr_assert_null(diag_suggest("", names, 3));
}
