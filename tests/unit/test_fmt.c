/* test_fmt.c — `regel fmt` (issue 10, compiler/fmt.c): the layout of each
 * construct, comments and blank lines, string re-filling, idempotence, the
 * refusal of syntax errors, the safety net, and the canonical condition
 * texts that keep the bytecode of a reformatted policy the same. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "emit.h"
#include "fmt.h"
#include "parser.h"

/* Format src; the test fails unless it succeeds. Caller frees. */
static char *fmt_ok(const char *src)
{
    char *out = NULL, *diag = NULL;
    size_t len = 0;
    fmt_status st = fmt_source(src, strlen(src), "t.regel", &out, &len, &diag);
    cr_assert_eq(st, FMT_OK, "status %d for:\n%s\n%s", (int)st, src, diag ? diag : "");
    cr_assert_eq(strlen(out), len);
    /* idempotent */
    char *again = NULL;
    size_t alen = 0;
    cr_assert_eq(fmt_source(out, len, "t.regel", &again, &alen, NULL), FMT_OK);
    cr_assert_str_eq(again, out, "not idempotent:\n%s", out);
    free(again);
    free(diag);
    return out;
}

static void expect(const char *src, const char *want)
{
    char *out = fmt_ok(src);
    cr_expect_str_eq(out, want, "got:\n%s\nwant:\n%s", out, want);
    free(out);
}

Test(fmt, soort_fills_to_the_width)
{
    expect("beleid \"T\"\nsoort Lang is een van aaaaaaaaaa, bbbbbbbbbbbb, cccccccccccc, "
           "dddddddddddd, eeeeeeeeeeee, ffffffffff, gggggggggg.\nsoort K is een van a,b,   c.",
           "beleid \"T\"\n"
           "soort Lang is een van aaaaaaaaaa, bbbbbbbbbbbb, cccccccccccc, dddddddddddd,\n"
           "    eeeeeeeeeeee, ffffffffff, gggggggggg.\n"
           "soort K is een van a, b, c.\n");
}

Test(fmt, gegeven_with_keyword_fields)
{
    expect("beleid \"T\".\ngegeven Afname heeft soort:Kleur,datum:datum (optioneel), anders: "
           "getal,  standaard : tekst.",
           "beleid \"T\".\n"
           "gegeven Afname heeft soort: Kleur, datum: datum (optioneel), anders: getal,\n"
           "    standaard: tekst.\n");
}

Test(fmt, invoer_one_per_line_with_modifiers_and_vraag)
{
    expect("beleid \"T\".\ninvoer a:getal (niet negatief),b: bedrag (optioneel, niet negatief) ,\n"
           "  c: datum standaard 2020-01-01, k: Kleur (optioneel)\n    vraag \"Welke kleur?\".\n"
           "uitkomst u: getal.\nbegrip   v: bedrag,w:waarheid.",
           "beleid \"T\".\n"
           "invoer\n"
           "    a: getal (niet negatief),\n"
           "    b: bedrag (optioneel, niet negatief),\n"
           "    c: datum standaard 2020-01-01,\n"
           "    k: Kleur (optioneel)\n"
           "        vraag \"Welke kleur?\".\n"
           "uitkomst u: getal.\n"
           "begrip\n"
           "    v: bedrag,\n"
           "    w: waarheid.\n");
}

Test(fmt, parameter_versions_dates_and_money)
{
    expect("beleid \"T\".\nparameter p: bedrag is 0 euro geldig tot 1 maart 2022, is € 90,50 "
           "geldig vanaf 2022-03-01.\nparameter q: getal is 5.",
           "beleid \"T\".\n"
           "parameter p: bedrag\n"
           "    is 0 euro geldig tot 1 maart 2022,\n"
           "    is € 90,50 geldig vanaf 2022-03-01.\n"
           "parameter q: getal is 5.\n");
}

Test(fmt, extern_functie_and_calls)
{
    expect("beleid \"T\".\nextern functie werkdagen(van: datum,tot:datum): getal.\n"
           "uitzondering \"U\" op \"R\" geldig vanaf 1 januari 2020 u is werkdagen (a , 2)*2 "
           "indien (a is 3).",
           "beleid \"T\".\n"
           "extern functie werkdagen(van: datum, tot: datum): getal.\n"
           "uitzondering \"U\" op \"R\"\n"
           "    geldig vanaf 1 januari 2020\n"
           "    u is werkdagen(a, 2) * 2 indien (a is 3).\n");
}

Test(fmt, regel_with_branches_uitleg_and_a_comment_inside_anders)
{
    expect("beleid \"T\".\nregel \"R\" bron \"Wet\" citaat \"Een   lange\n      tekst\" uitleg "
           "\"Zin {u}.\"\n  u is a+1 indien a>0 uitleg \"Ja.\", # waarom\n  # eigen regel\n"
           "  anders -a uitleg \"Nee.\".",
           "beleid \"T\".\n"
           "regel \"R\"\n"
           "    bron \"Wet\"\n"
           "    citaat \"Een   lange\n"
           "        tekst\"\n"
           "    uitleg \"Zin {u}.\"\n"
           "    u is a + 1 indien a > 0\n"
           "        uitleg \"Ja.\", # waarom\n"
           "        # eigen regel\n"
           "        anders -a\n"
           "        uitleg \"Nee.\".\n");
}

Test(fmt, long_condition_goes_to_its_own_line)
{
    expect("beleid \"T\".\nregel \"Lang\" u is 10,50 euro indien a is groter dan 5 en a is "
           "kleiner dan 100 en d > 1 januari 2020 of a = 3, anders € 0.",
           "beleid \"T\".\n"
           "regel \"Lang\"\n"
           "    u is 10,50 euro\n"
           "        indien a is groter dan 5\n"
           "            en a is kleiner dan 100\n"
           "            en d > 1 januari 2020\n"
           "            of a = 3,\n"
           "        anders € 0.\n");
}

Test(fmt, scenario_items_on_their_own_lines)
{
    expect("beleid \"T\".\nscenario \"S\" gegeven a is 1,c is 2020-01-01 peildatum 1 maart 2022 "
           "verwacht u is 2 door regel \"R\" verwacht v is onbekend.   # eind\n# slot\n",
           "beleid \"T\".\n"
           "scenario \"S\"\n"
           "    gegeven a is 1, c is 2020-01-01\n"
           "    peildatum 1 maart 2022\n"
           "    verwacht u is 2 door regel \"R\"\n"
           "    verwacht v is onbekend. # eind\n"
           "# slot\n");
}

Test(fmt, blank_lines_one_at_most_and_only_between_items)
{
    expect("\n\n# kop\nbeleid \"X\".\n\n\n# a\n\n\n# b\ninvoer a: getal.   # t\n\n\n\n"
           "uitkomst b: getal.\n\n\n",
           "# kop\n"
           "beleid \"X\".\n"
           "\n"
           "# a\n"
           "\n"
           "# b\n"
           "invoer a: getal. # t\n"
           "\n"
           "uitkomst b: getal.\n");
}

Test(fmt, strings_are_refilled_and_keep_their_meaning)
{
    expect("beleid \"T\".\nregel \"R\"\n citaat \"Dit is een heel lange tekst die over de "
           "breedte van tachtig tekens heen loopt en dus opnieuw wordt verdeeld.\"\n u is 1.",
           "beleid \"T\".\n"
           "regel \"R\"\n"
           "    citaat \"Dit is een heel lange tekst die over de breedte van tachtig tekens\n"
           "        heen loopt en dus opnieuw wordt verdeeld.\"\n"
           "    u is 1.\n");
    /* the author's line breaks stay, re-indented; double spaces, tabs and
     * escapes stay */
    expect("beleid \"T\".\nregel \"R\" citaat \"een\n            twee  drie\tvier \\\"vijf\\\"\" "
           "u is 1.",
           "beleid \"T\".\n"
           "regel \"R\"\n"
           "    citaat \"een\n"
           "        twee  drie\tvier \\\"vijf\\\"\"\n"
           "    u is 1.\n");
    /* an author's line that passes the width is broken; the short line
     * after it stays a line of its own */
    expect("beleid \"T\".\nregel \"R\"\n citaat \"Dit is een heel lange regel tekst die over de "
           "breedte van tachtig tekens heen loopt.\n Kort.\"\n u is 1.",
           "beleid \"T\".\n"
           "regel \"R\"\n"
           "    citaat \"Dit is een heel lange regel tekst die over de breedte van tachtig\n"
           "        tekens heen loopt.\n"
           "        Kort.\"\n"
           "    u is 1.\n");
}

Test(fmt, every_comment_exactly_once)
{
    const char *src = "# één\nbeleid \"T\". # twee\n# drie\nregel \"R\" # vier\n"
                      "  u is 1 + # vijf\n  2. # zes\n# zeven";
    char *out = fmt_ok(src);
    static const char *const words[] = {"één", "twee", "drie", "vier", "vijf", "zes", "zeven"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        char needle[32];
        snprintf(needle, sizeof needle, "# %s", words[i]);
        const char *p = strstr(out, needle);
        cr_assert(p != NULL, "%s missing in:\n%s", needle, out);
        cr_assert(strstr(p + 1, needle) == NULL, "%s twice in:\n%s", needle, out);
    }
    cr_expect_str_eq(out, "# één\n"
                          "beleid \"T\". # twee\n"
                          "# drie\n"
                          "regel \"R\" # vier\n"
                          "    u is 1 + # vijf\n"
                          "        2. # zes\n"
                          "# zeven\n");
    free(out);
}

Test(fmt, syntax_errors_are_refused_with_the_compiler_messages)
{
    const char *src = "beleid \"X\".\nregel \"R\" b is .\n";
    char *out = NULL, *diag = NULL;
    size_t len = 0;
    cr_assert_eq(fmt_source(src, strlen(src), "x.regel", &out, &len, &diag), FMT_SYNTAX);
    cr_assert_null(out);
    cr_assert_not_null(diag);
    cr_expect(strncmp(diag, "x.regel:2:", 10) == 0, "%s", diag);
    cr_expect(strstr(diag, "1 fout gevonden.\n") != NULL, "%s", diag);
    free(diag);
}

Test(fmt, checker_errors_are_formatted)
{
    expect("beleid \"X\".\nuitkomst b: getal.\nregel \"R\" b is onbekende_naam  +1.",
           "beleid \"X\".\nuitkomst b: getal.\nregel \"R\"\n    b is onbekende_naam + 1.\n");
}

/* Safety-net hooks: each changes the formatted text in its own way. */
static void tamper_token(void *ctx, char *text, size_t *len)
{
    (void)ctx;
    (void)len;
    char *p = strstr(text, "getal");
    if (p)
        p[0] = 'G';
}

static void tamper_comment(void *ctx, char *text, size_t *len)
{
    (void)ctx;
    char *p = strstr(text, "# c");
    if (p) {
        memmove(p, p + 3, strlen(p + 3) + 1);
        *len -= 3;
    }
}

static void tamper_space(void *ctx, char *text, size_t *len)
{
    (void)ctx;
    char *p = strstr(text, "a: getal");
    if (p) {
        memmove(p + 3, p + 2, strlen(p + 2) + 1); /* "a:  getal": layout only */
        (*len)++;
    }
}

static fmt_status run_tampered(void (*fn)(void *, char *, size_t *))
{
    const char *src = "beleid \"X\".\ninvoer a: getal. # c\n";
    char *out = NULL;
    size_t len = 0;
    fmt_opts o = {fn, NULL};
    fmt_status st = fmt_source_opts(src, strlen(src), "x.regel", &out, &len, NULL, &o);
    free(out);
    return st;
}

Test(fmt, safety_net_refuses_a_changed_token_or_comment)
{
    cr_expect_eq(run_tampered(tamper_token), FMT_UNSAFE);
    cr_expect_eq(run_tampered(tamper_comment), FMT_UNSAFE);
    cr_expect_eq(run_tampered(tamper_space), FMT_OK);
}

Test(fmt, same_tokens_compares_strings_after_unescaping)
{
    const char *a = "regel \"R\" citaat \"een\n      twee\".";
    const char *b = "regel \"R\"\n    citaat \"een twee\".";
    const char *c = "regel \"R\" citaat \"een  twee\".";
    cr_expect(fmt_same_tokens(a, strlen(a), b, strlen(b)));
    cr_expect(!fmt_same_tokens(a, strlen(a), c, strlen(c)));
    const char *d = "x, # c\n anders y";
    const char *e = "x, # c\nanders y";
    const char *f = "x anders y # c"; /* the comma is part of the token */
    cr_expect(fmt_same_tokens(d, strlen(d), e, strlen(e)));
    cr_expect(!fmt_same_tokens(d, strlen(d), f, strlen(f)));
}

/* Bytecode without positions: the same for the source and its formatted text,
 * also when the author spaced a condition differently (canonical atoms). */
static void same_bytecode(const char *src)
{
    char *out = fmt_ok(src);
    uint8_t *a = NULL, *b = NULL;
    size_t al = 0, bl = 0;
    regel_error err;
    cr_assert_eq(compile_run_flags(src, strlen(src), "t.regel", EMIT_NO_POSITIONS, &a, &al, NULL,
                                   NULL, &err),
                 REGEL_OK, "%s", err.message);
    cr_assert_eq(compile_run_flags(out, strlen(out), "t.regel", EMIT_NO_POSITIONS, &b, &bl, NULL,
                                   NULL, &err),
                 REGEL_OK, "%s", err.message);
    cr_expect(al == bl && memcmp(a, b, al) == 0, "bytecode differs for:\n%s", out);
    /* with positions the two differ (the test can fail) */
    free(a);
    free(b);
    free(out);
}

Test(fmt, bytecode_without_positions_is_the_same)
{
    same_bytecode("beleid \"X\".\ninvoer a: getal.\nuitkomst b: getal.\n"
                  "regel \"R\" b is a+1 indien a>0 en ( a<5 ), anders 0.\n");
    same_bytecode("beleid \"X\".\ninvoer a: getal.\nuitkomst b: getal.\nregel \"R\" citaat "
                  "\"een\n   twee\" b is -a indien a   is\n een van 1,2 uitleg \"{a}\n  x\", "
                  "# c\n anders 0.\n");
}

Test(fmt, positions_differ_without_the_flag)
{
    const char *a = "beleid \"X\".\ninvoer a: getal.\nuitkomst b: getal.\nregel \"R\" b is a.";
    const char *b = "beleid \"X\".\ninvoer a: getal.\nuitkomst b: getal.\n\nregel \"R\" b is a.";
    uint8_t *x = NULL, *y = NULL;
    size_t xl = 0, yl = 0;
    regel_error err;
    cr_assert_eq(compile_run_flags(a, strlen(a), "t.regel", 0, &x, &xl, NULL, NULL, &err),
                 REGEL_OK);
    cr_assert_eq(compile_run_flags(b, strlen(b), "t.regel", 0, &y, &yl, NULL, NULL, &err),
                 REGEL_OK);
    cr_expect(xl != yl || memcmp(x, y, xl) != 0);
    free(x);
    free(y);
    cr_assert_eq(
        compile_run_flags(a, strlen(a), "t.regel", EMIT_NO_POSITIONS, &x, &xl, NULL, NULL, &err),
        REGEL_OK);
    cr_assert_eq(
        compile_run_flags(b, strlen(b), "t.regel", EMIT_NO_POSITIONS, &y, &yl, NULL, NULL, &err),
        REGEL_OK);
    cr_expect(xl == yl && memcmp(x, y, xl) == 0);
    free(x);
    free(y);
}

Test(fmt, spacing_rules)
{
    /* unary minus after an operator, binary between operands; calls */
    cr_expect(fmt_space(0, NAME, MINUS, NUMBER));
    cr_expect(!fmt_space(IS, MINUS, NAME, 0));
    cr_expect(fmt_space(NAME, MINUS, NAME, 0));
    cr_expect(!fmt_space(0, NAME, LPAREN, NAME));
    cr_expect(fmt_space(0, NAME, LPAREN, OPTIONEEL));
    cr_expect(!fmt_space(0, NAME, COMMA, 0));
    cr_expect(!fmt_space(0, LPAREN, NAME, 0));
}

Test(fmt, names_dates_and_amounts_stay_whole)
{
    /* a rule name stays after `regel` (also past the width), `geldig` gets
     * its own line, `door regel "…"` moves to the next line as a whole */
    expect(
        "beleid \"T\".\nregel \"Een heel lange naam van een regel die zelf al bijna tachtig tekens "
        "breed is\" geldig tot 1 januari 2021 u is 1.\nscenario \"S\" verwacht u is 1 door regel "
        "\"Een heel lange naam van een regel die zelf al bijna tachtig tekens breed is\".",
        "beleid \"T\".\n"
        "regel \"Een heel lange naam van een regel die zelf al bijna tachtig tekens breed is\"\n"
        "    geldig tot 1 januari 2021\n"
        "    u is 1.\n"
        "scenario \"S\"\n"
        "    verwacht u is 1\n"
        "        door regel \"Een heel lange naam van een regel die zelf al bijna tachtig "
        "tekens breed is\".\n");
    /* `1 januari 2021` would start at column 76: it moves down whole */
    expect("beleid \"T\".\nregel \"F\" u is waar indien "
           "(ffffffffffffffffffffffffffffffffffffffffffffffffffffffff > 1 januari 2021 en a), "
           "anders onwaar.",
           "beleid \"T\".\n"
           "regel \"F\"\n"
           "    u is waar\n"
           "        indien (ffffffffffffffffffffffffffffffffffffffffffffffffffffffff >\n"
           "            1 januari 2021 en a),\n"
           "        anders onwaar.\n");
    expect("beleid \"T\".\nregel \"G\" u is waar indien "
           "(ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff > 12,50 euro en a), "
           "anders onwaar.",
           "beleid \"T\".\n"
           "regel \"G\"\n"
           "    u is waar\n"
           "        indien (ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff >\n"
           "            12,50 euro en a),\n"
           "        anders onwaar.\n");
}
