/* test_json_tree.c — the yajl case reader (runtime/json_tree.c) held against
 * jansson (issue 11): on the repository's cases, on the cases of bench/gen,
 * on a list of nasty texts and on cut and altered copies, json_tree either
 * gives jansson's tree or declines; it never accepts what jansson rejects. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <criterion/criterion.h>
#include <glob.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_build.h"
#include "json_tree.h"
#include "regel.h"
#include "render.h"
#include "repo_files.h"
#include "strbuf.h"

/* The cases of `bench/gen 2000` (its generator, with its main renamed). */
int bench_gen_main(int argc, char **argv);
#define main bench_gen_main
#include "../../bench/gen.c"
#undef main

enum outcome { SAME, DECLINED_REJECTED, DECLINED_ACCEPTED };

typedef struct tally {
    unsigned same, rejected, declined;
} tally;

/* The differential property for one text; what happened. */
static enum outcome check_text(const char *text, size_t len, const char *what)
{
    arena *a = arena_new(4096);
    cr_assert_not_null(a);
    const jt_node *mine = NULL;
    enum jt_status st = jt_parse(a, text, len, &mine);
    cr_assert_neq(st, JT_NOMEM, "%s: geheugen op", what);
    json_error_t e;
    json_t *j = json_loadb(text, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &e);
    enum outcome out;
    if (st == JT_OK) {
        cr_assert_not_null(mine);
        cr_assert_not_null(j, "%s: json_tree leest wat jansson weigert (%s)", what, e.text);
        const jt_node *theirs = jt_from_jansson(a, j);
        cr_assert_not_null(theirs);
        cr_assert(jt_equal(mine, theirs), "%s: json_tree leest iets anders dan jansson", what);
        out = SAME;
    } else {
        out = j ? DECLINED_ACCEPTED : DECLINED_REJECTED;
    }
    json_decref(j);
    arena_free(a);
    return out;
}

static void count(tally *t, enum outcome o)
{
    if (o == SAME)
        t->same++;
    else if (o == DECLINED_REJECTED)
        t->rejected++;
    else
        t->declined++;
}

/* The repository's JSON files (examples/, tests/, stdlib-policies/gevallen/). */
static void repo_json(glob_t *g)
{
    static const char *const patterns[] = {
        "examples/*.json", "examples/*/*.json", "examples/*/*/*.json", "tests/*.json",
        "tests/*/*.json",  "tests/*/*/*.json",  "tests/*/*/*/*.json",  "stdlib-policies/*/*.json",
    };
    memset(g, 0, sizeof *g);
    for (size_t i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
        char pattern[1024];
        snprintf(pattern, sizeof pattern, "%s/%s", SRCDIR, patterns[i]);
        glob(pattern, i ? GLOB_APPEND : 0, NULL, g);
    }
}

Test(json_tree, repo_corpus_read_as_jansson_reads_it)
{
    glob_t g;
    repo_json(&g);
    cr_assert_geq(g.gl_pathc, 80, "te weinig JSON-bestanden gevonden: %zu", g.gl_pathc);
    tally t = {0, 0, 0};
    for (size_t i = 0; i < g.gl_pathc; i++) {
        size_t len;
        char *text = repo_slurp(g.gl_pathv[i], &len);
        enum outcome o = check_text(text, len, g.gl_pathv[i]);
        cr_assert_neq(o, DECLINED_ACCEPTED, "%s: json_tree leest het niet", g.gl_pathv[i]);
        count(&t, o);
        free(text);
    }
    /* Some are meant to be wrong (tests/golden/gevallen/fout-*). */
    cr_assert_gt(t.same, 70);
    cr_assert_gt(t.rejected, 0);
    globfree(&g);
}

/* The shared inburgering cases, read where they are (not copied). */
Test(json_tree, shared_cases_read_as_jansson_reads_them)
{
    glob_t g;
    memset(&g, 0, sizeof g);
    if (glob("/work/shared/inburgering/gevallen/*.json", 0, NULL, &g) != 0 || g.gl_pathc == 0) {
        globfree(&g);
        cr_skip_test("/work/shared/inburgering/gevallen is er niet");
    }
    for (size_t i = 0; i < g.gl_pathc; i++) {
        size_t len;
        char *text = repo_slurp(g.gl_pathv[i], &len);
        cr_assert_neq(check_text(text, len, g.gl_pathv[i]), DECLINED_ACCEPTED, "%s", g.gl_pathv[i]);
        free(text);
    }
    globfree(&g);
}

/* The 2 000 lines `bench/gen 2000` writes. */
static char *generated(size_t n, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    cr_assert_not_null(f);
    rng r = {11};
    gcase c;
    for (size_t i = 0; i < n; i++) {
        make_case(&r, &c);
        write_case(&c, f);
    }
    cr_assert_eq(fclose(f), 0);
    return buf;
}

Test(json_tree, generated_cases_read_as_jansson_reads_them)
{
    size_t len;
    char *all = generated(2000, &len);
    size_t lines = 0;
    for (char *line = all; *line;) {
        char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        char what[32];
        snprintf(what, sizeof what, "gen-regel %zu", lines + 1);
        cr_assert_eq(check_text(line, n, what), SAME, "%s: %.*s", what, (int)n, line);
        lines++;
        line += n + (end != NULL);
    }
    cr_assert_eq(lines, 2000);
    free(all);
}

/* Texts where yajl and jansson could differ. ok: jansson accepts it;
 * handled: json_tree must read it too (else it may decline). */
typedef struct nasty {
    const char *text;
    size_t len; /* 0: strlen */
    bool ok, handled;
} nasty;

static const nasty nasties[] = {
    {"{}", 0, true, true},
    {"[]", 0, true, true},
    {"  {\"a\" : [1, 2.5, \"x\", true, false, null]}  \n", 0, true, true},
    /* top-level scalars (JSON_DECODE_ANY) */
    {"1", 0, true, true},
    {"-0", 0, true, true},
    {"-0.0", 0, true, true},
    {"0.0", 0, true, true},
    {"1e-400", 0, true, true},
    {"-1e-400", 0, true, true},
    {"4.9e-324", 0, true, true},
    {"1E400", 0, false, false},
    {"-1e400", 0, false, false},
    {"1.7976931348623157e308", 0, true, true},
    {"9223372036854775807", 0, true, true},
    {"-9223372036854775808", 0, true, true},
    {"9223372036854775808", 0, false, false},
    {"-9223372036854775809", 0, false, false},
    {"1e2", 0, true, true},
    {"1E+2", 0, true, true},
    {"0.1", 0, true, true},
    {"123456789012345678901234567890.5", 0, true, true},
    {"1.000000000000000000000000000000000000000000000000000000000000000000000001", 0, true, true},
    {"\"x\"", 0, true, true},
    {"true", 0, true, true},
    {"null", 0, true, true},
    /* numbers JSON does not allow */
    {"01", 0, false, false},
    {"-", 0, false, false},
    {"1.", 0, false, false},
    {".5", 0, false, false},
    {"+1", 0, false, false},
    {"1e", 0, false, false},
    {"1e+", 0, false, false},
    {"0x10", 0, false, false},
    {"NaN", 0, false, false},
    {"Infinity", 0, false, false},
    {"[1,]", 0, false, false},
    {"{\"a\":1,}", 0, false, false},
    /* empty input and white space */
    {"", 0, false, false},
    {"   \n\t\r ", 0, false, false},
    {"\v1", 0, false, false},
    {"\f1", 0, false, false},
    {"[1\v]", 0, false, false},
    {"{}\f", 0, false, false},
    {"\r\n{}\r\n", 0, true, true},
    /* trailing text and several values */
    {"{} {}", 0, false, false},
    {"{}x", 0, false, false},
    {"1 2", 0, false, false},
    {"{}]", 0, false, false},
    {"{}\0", 3, false, false},
    {"/* c */ {}", 0, false, false},
    {"{} // c", 0, false, false},
    {"[", 0, false, false},
    {"{\"a\"", 0, false, false},
    {"{\"a\":", 0, false, false},
    {"\"abc", 0, false, false},
    /* duplicate keys, also far apart and in big objects */
    {"{\"a\":1,\"a\":2}", 0, false, false},
    {"{\"a\":{\"b\":1,\"b\":1}}", 0, false, false},
    {"{\"a\":1,\"b\":{\"a\":1}}", 0, true, true},
    {"{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,"
     "\"k10\":10,\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14,\"k15\":15,\"k16\":16,"
     "\"k17\":17,\"k18\":18,\"k19\":19,\"k1\":20}",
     0, false, false},
    {"{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,"
     "\"k10\":10,\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14,\"k15\":15,\"k16\":16,"
     "\"k17\":17,\"k18\":18,\"k19\":19,\"k20\":20}",
     0, true, true},
    {"{\"\\u0061\":1,\"a\":2}", 0, false, false},
    {"{\"\":1,\"\":2}", 0, false, false},
    {"{\"\":1}", 0, true, true},
    /* \u0000 and NUL */
    {"\"\\u0000\"", 0, false, false},
    {"{\"a\\u0000\":1}", 0, false, false},
    {"[\"a\\u0000b\"]", 0, false, false},
    {"\"a\0b\"", 5, false, false},
    {"\0", 1, false, false},
    /* escapes */
    {"\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", 0, true, true},
    {"\"\\u00e9\\u20AC\"", 0, true, true},
    {"\"\\u0001\"", 0, true, true},
    {"\"\\ud83d\\ude00\"", 0, true, true},
    {"{\"\\ud83d\\ude00\":\"\\\\\"}", 0, true, true},
    {"\"a\\\\\"", 0, true, true},
    {"[\"\\\\\",\"\\\"\"]", 0, true, true},
    {"\"\\x41\"", 0, false, false},
    {"\"\\u12\"", 0, false, false},
    {"\"\\u12G4\"", 0, false, false},
    {"\"\\U0041\"", 0, false, false},
    {"\"\\'\"", 0, false, false},
    /* lone and broken surrogates */
    {"\"\\ud800\"", 0, false, false},
    {"\"\\udc00\"", 0, false, false},
    {"\"\\ud800x\"", 0, false, false},
    {"\"\\ud800\\u0041\"", 0, false, false},
    {"\"\\ud800\\ud800\"", 0, false, false},
    {"\"\\udbff\\udfff\"", 0, true, true},
    {"\"\\ud800\\n\"", 0, false, false},
    /* control characters in strings; DEL is allowed */
    {"\"a\tb\"", 0, false, false},
    {"\"a\nb\"", 0, false, false},
    {"\"\x1f\"", 0, false, false},
    {"\"\x7f\"", 0, true, true},
    /* UTF-8 */
    {"\"h\xc3\xa9\"", 0, true, true},
    {"\"\xf0\x9f\x98\x80\"", 0, true, true},
    {"\"\xef\xbf\xbf\"", 0, true, true},
    {"\"\xf4\x8f\xbf\xbf\"", 0, true, true},
    {"\"\xc3\"", 0, false, false},
    {"\"\xc0\x80\"", 0, false, false},
    {"\"\xc1\xbf\"", 0, false, false},
    {"\"\xe0\x80\xaf\"", 0, false, false},
    {"\"\xed\xa0\x80\"", 0, false, false},
    {"\"\xed\xbf\xbf\"", 0, false, false},
    {"\"\xf0\x80\x80\x80\"", 0, false, false},
    {"\"\xf4\x90\x80\x80\"", 0, false, false},
    {"\"\xf5\x80\x80\x80\"", 0, false, false},
    {"\"\xff\"", 0, false, false},
    {"\"\x80\"", 0, false, false},
    {"{\"\xc3\xa9\":1}", 0, true, true},
    {"{\"\xed\xa0\x80\":1}", 0, false, false},
    {"\xef\xbb\xbf{}", 0, false, false}, /* the BOM is the caller's to skip */
    {"\xc3\xa9", 0, false, false},
    /* literals */
    {"tru", 0, false, false},
    {"truex", 0, false, false},
    {"True", 0, false, false},
    {"nul", 0, false, false},
    {"[true1]", 0, false, false},
};

Test(json_tree, nasty_texts)
{
    tally t = {0, 0, 0};
    for (size_t i = 0; i < sizeof nasties / sizeof nasties[0]; i++) {
        const nasty *x = &nasties[i];
        size_t len = x->len ? x->len : strlen(x->text);
        char what[64];
        snprintf(what, sizeof what, "geval %zu (%.30s)", i, x->text);
        enum outcome o = check_text(x->text, len, what);
        count(&t, o);
        cr_assert_eq(o != DECLINED_REJECTED, x->ok, "%s: jansson %s het", what,
                     x->ok ? "weigert" : "leest");
        if (x->handled)
            cr_assert_eq(o, SAME, "%s: json_tree leest het niet", what);
    }
    cr_assert_eq(t.declined, 0);
}

/* Nesting: json_tree reads 1 024 containers deep and declines deeper;
 * jansson reads up to 2 048 values deep. */
static char *nested(size_t depth, const char *inner, size_t *len)
{
    size_t il = strlen(inner);
    char *s = malloc(2 * depth + il + 1);
    cr_assert_not_null(s);
    memset(s, '[', depth);
    memcpy(s + depth, inner, il);
    memset(s + depth + il, ']', depth);
    *len = 2 * depth + il;
    s[*len] = '\0';
    return s;
}

Test(json_tree, nesting)
{
    static const struct {
        size_t depth;
        const char *inner;
        enum outcome want;
    } cases[] = {
        {1024, "", SAME},
        {1024, "1", SAME},
        {1025, "", DECLINED_ACCEPTED},
        {2048, "", DECLINED_ACCEPTED},
        {2048, "1", DECLINED_REJECTED},
        {2049, "", DECLINED_REJECTED},
        {100000, "", DECLINED_REJECTED},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len;
        char *s = nested(cases[i].depth, cases[i].inner, &len);
        char what[64];
        snprintf(what, sizeof what, "diepte %zu met '%s'", cases[i].depth, cases[i].inner);
        cr_assert_eq(check_text(s, len, what), cases[i].want, "%s", what);
        free(s);
    }
}

/* Every prefix of some cases, and every byte of them replaced by a few
 * bytes that matter to a JSON reader: never accepted against jansson. */
Test(json_tree, cut_and_altered_cases)
{
    static const char *const files[] = {
        "stdlib-policies/gevallen/02-attest-behaald.json",
        "examples/gevallen/tijd-volledig.json",
        "tests/golden/gevallen/rekenen-volledig.json",
    };
    static const char subst[] = {'"', '\\', '{', '}',  '[',  ']',    ',',    ':', '0',
                                 '-', 'e',  '.', '\v', '\0', '\x80', '\xc3', ' ', 'u'};
    tally t = {0, 0, 0};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", SRCDIR, files[f]);
        size_t len;
        char *text = repo_slurp(path, &len);
        char *copy = malloc(len + 1);
        cr_assert_not_null(copy);
        for (size_t n = 0; n <= len; n++) {
            memcpy(copy, text, n); /* an exact-length copy: no reading past n */
            count(&t, check_text(copy, n, files[f]));
        }
        for (size_t i = 0; i < len; i++) {
            for (size_t k = 0; k < sizeof subst; k++) {
                memcpy(copy, text, len);
                copy[i] = subst[k];
                count(&t, check_text(copy, len, files[f]));
            }
        }
        free(copy);
        free(text);
    }
    /* Both kinds occur, so the property was really tried. */
    cr_assert_gt(t.same, 100);
    cr_assert_gt(t.rejected, 1000);
    cr_log_info("afgekapt en veranderd: %u gelijk, %u geweigerd, %u afgeslagen maar door jansson "
                "gelezen",
                t.same, t.rejected, t.declined);
}

/* jt_equal itself can say no. */
Test(json_tree, equal_sees_differences)
{
    static const char *const pairs[][2] = {
        {"1", "1.0"},       {"0.0", "-0.0"},
        {"[1,2]", "[2,1]"}, {"{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}"},
        {"\"a\"", "\"b\""}, {"true", "false"},
        {"[]", "{}"},       {"{\"a\":1}", "{\"b\":1}"},
        {"[[1]]", "[[2]]"}, {"null", "false"},
    };
    arena *a = arena_new(4096);
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const jt_node *x, *y;
        cr_assert_eq(jt_parse(a, pairs[i][0], strlen(pairs[i][0]), &x), JT_OK);
        cr_assert_eq(jt_parse(a, pairs[i][1], strlen(pairs[i][1]), &y), JT_OK);
        cr_assert(!jt_equal(x, y), "%s = %s", pairs[i][0], pairs[i][1]);
        cr_assert(jt_equal(x, x));
    }
    arena_free(a);
}

/* --- the case reader: the yajl path and the jansson path agree --- */

/* The facts of c as text, one line each (tag, default flag, value). */
static char *facts_text(const regel_case *c)
{
    strbuf sb = STRBUF_INIT;
    const regel_policy *p = c->policy;
    for (uint32_t i = 0; i < p->n_inputs; i++) {
        sb_printf(&sb, "%s %d %d ", p->inputs[i].name, c->facts[i].tag, c->defaulted[i]);
        if (c->facts[i].tag != RV_ONBEKEND)
            render_value_text(&sb, p, p->inputs[i].type, &c->facts[i]);
        sb_printf(&sb, "\n");
    }
    cr_assert(!sb.failed);
    return sb.data;
}

Test(json_tree, case_reader_yajl_and_jansson_agree, .timeout = 120)
{
    glob_t pols;
    memset(&pols, 0, sizeof pols);
    char pattern[1024];
    snprintf(pattern, sizeof pattern, "%s/stdlib-policies/*.regel", SRCDIR);
    glob(pattern, 0, NULL, &pols);
    snprintf(pattern, sizeof pattern, "%s/examples/*.regel", SRCDIR);
    glob(pattern, GLOB_APPEND, NULL, &pols);
    snprintf(pattern, sizeof pattern, "%s/tests/golden/beleid/*.regel", SRCDIR);
    glob(pattern, GLOB_APPEND, NULL, &pols);
    glob_t g;
    repo_json(&g);
    unsigned read = 0, refused = 0;
    for (size_t k = 0; k < pols.gl_pathc; k++) {
        regel_policy *p = NULL;
        char *diags = NULL;
        regel_error err;
        if (regel_policy_load_file(pols.gl_pathv[k], &p, &diags, &err) != REGEL_OK) {
            regel_free(diags);
            continue; /* some golden policies are meant to fail */
        }
        regel_free(diags);
        for (size_t i = 0; i < g.gl_pathc; i++) {
            size_t len;
            char *text = repo_slurp(g.gl_pathv[i], &len);
            regel_case *a = NULL, *b = NULL;
            regel_error ea, eb;
            memset(&ea, 0, sizeof ea);
            memset(&eb, 0, sizeof eb);
            int ra = case_from_json(p, text, len, "g", &a, &ea, false);
            int rb = case_from_json(p, text, len, "g", &b, &eb, true);
            cr_assert_eq(ra, rb, "%s met %s", g.gl_pathv[i], pols.gl_pathv[k]);
            cr_assert_eq(memcmp(&ea, &eb, sizeof ea), 0, "%s met %s: ‘%s’ tegen ‘%s’",
                         g.gl_pathv[i], pols.gl_pathv[k], ea.message, eb.message);
            if (ra == REGEL_OK) {
                char *fa = facts_text(a), *fb = facts_text(b);
                cr_assert_str_eq(fa, fb, "%s met %s", g.gl_pathv[i], pols.gl_pathv[k]);
                free(fa);
                free(fb);
                read++;
            } else {
                refused++;
            }
            regel_case_free(a);
            regel_case_free(b);
            free(text);
        }
        regel_policy_free(p);
    }
    cr_assert_gt(read, 50, "te weinig gevallen gelezen: %u", read);
    cr_assert_gt(refused, 50);
    globfree(&g);
    globfree(&pols);
}

/* Errors keep their wording and place whichever reader saw the text. */
Test(json_tree, case_reader_errors_agree)
{
    regel_policy *p = load("stdlib-policies/inburgering.regel");
    static const char *const texts[] = {
        "{\"peildatum\":\"2024-01-01\",\"peildatum\":\"2024-01-01\"}",
        "{\"geboortedatum\": 12}",
        "{\"toetsen\": [{\"soort\": \"x\"}]}",
        "{\"onbekend\": 1}",
        "{\"geboortedatum\": \"\\ud800\"}",
        "{\"geboortedatum\": \"\\u0000\"}",
        "[",
        "",
        "{\"participatie_uren\": 1e400}",
        "{\"participatie_uren\": 1e-400}",
        "{\"participatie_uren\": -0.0}",
        "\v{}",
        "{\"geboortedatum\": \"2001-02-29\"}\n\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        regel_case *a = NULL, *b = NULL;
        regel_error ea, eb;
        memset(&ea, 0, sizeof ea);
        memset(&eb, 0, sizeof eb);
        int ra = case_from_json(p, texts[i], strlen(texts[i]), "g", &a, &ea, false);
        int rb = case_from_json(p, texts[i], strlen(texts[i]), "g", &b, &eb, true);
        cr_assert_eq(ra, rb, "%s", texts[i]);
        cr_assert_eq(memcmp(&ea, &eb, sizeof ea), 0, "%s: ‘%s’ tegen ‘%s’", texts[i], ea.message,
                     eb.message);
        regel_case_free(a);
        regel_case_free(b);
    }
    regel_policy_free(p);
}
