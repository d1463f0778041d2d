/* test_runner.c — unit tests of `regel test` (cli/test.c): the coverage
 * arithmetic, the --filter match, XML escaping, and JUnit output that is
 * well-formed XML (checked by a minimal parser here, and by xmllint when present). */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../cli/test.h"
#include "eval.h"

Test(runner, percent_rounds_down_and_empty_is_full)
{
    cr_assert_eq(rtest_percent(3, 4), 75);
    cr_assert_eq(rtest_percent(2, 3), 66);
    cr_assert_eq(rtest_percent(1, 2), 50);
    cr_assert_eq(rtest_percent(0, 5), 0);
    cr_assert_eq(rtest_percent(4, 4), 100);
    cr_assert_eq(rtest_percent(0, 0), 100);
    cr_assert_eq(rtest_percent(199, 200), 99);
}

Test(runner, below_is_exact)
{
    cr_assert_not(rtest_below(3, 4, 75.0));
    cr_assert(rtest_below(3, 4, 75.5));
    cr_assert(rtest_below(2, 3, 66.7));
    cr_assert_not(rtest_below(2, 3, 66.6));
    cr_assert_not(rtest_below(0, 0, 100.0));
    cr_assert(rtest_below(0, 4, 1.0));
    cr_assert_not(rtest_below(0, 4, 0.0));
}

Test(runner, conditions_count_waar_and_onwaar_separately)
{
    const uint8_t seen[] = {
        EV_COND_WAAR | EV_COND_ONWAAR,  EV_COND_WAAR, EV_COND_ONWAAR, EV_COND_ONBEKEND, 0,
        EV_COND_WAAR | EV_COND_ONBEKEND};
    cr_assert_eq(rtest_conds_covered(seen, 6), 5);
    cr_assert_eq(rtest_conds_covered(seen, 1), 2);
    cr_assert_eq(rtest_conds_covered(seen + 3, 2), 0); /* onbekend counts for neither */
    cr_assert_eq(rtest_conds_covered(seen, 0), 0);
}

Test(runner, filter_is_case_insensitive_substring)
{
    cr_assert(rtest_matches("Wachtregister geeft geen toegang", "WACHTREGISTER"));
    cr_assert(rtest_matches("Wachtregister geeft geen toegang", "geen toe"));
    cr_assert(rtest_matches("abc", ""));
    cr_assert(rtest_matches("abc", NULL));
    cr_assert_not(rtest_matches("Wachtregister", "wachtregisters"));
    cr_assert_not(rtest_matches("", "a"));
}

static char *escaped(const char *s)
{
    strbuf sb = STRBUF_INIT;
    rtest_xml_escape(&sb, s);
    sb_putc(&sb, '\0'); /* make sure data exists for "" */
    return sb_take(&sb);
}

Test(runner, xml_escape_all_five_and_control_characters)
{
    char *e = escaped("a&b<c>d\"e'f");
    cr_assert_str_eq(e, "a&amp;b&lt;c&gt;d&quot;e&apos;f");
    free(e);
    e = escaped("x\001y\tz\nw\r");
    cr_assert_str_eq(e, "x?y\tz\nw\r");
    free(e);
    e = escaped("€ 1.250,00 — ‘ok’");
    cr_assert_str_eq(e, "€ 1.250,00 — ‘ok’");
    free(e);
    e = escaped("&amp;");
    cr_assert_str_eq(e, "&amp;amp;");
    free(e);
}

/* ---- a minimal XML well-formedness checker ---- */

typedef struct xml_chk {
    const char *p;
    const char *err;
    char stack[64][128];
    int depth;
} xml_chk;

static bool xml_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == ':' || c == '.';
}

/* Text or attribute value up to `stop`: no '<', '&' only as an entity. */
static bool xml_text(xml_chk *x, char stop)
{
    while (*x->p && *x->p != stop) {
        if (*x->p == '<' && stop != '<') {
            x->err = "'<' in een waarde";
            return false;
        }
        if (*x->p == '&') {
            static const char *const ents[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
            bool ok = false;
            for (size_t i = 0; i < 5; i++)
                if (strncmp(x->p, ents[i], strlen(ents[i])) == 0) {
                    x->p += strlen(ents[i]);
                    ok = true;
                    break;
                }
            if (!ok) {
                x->err = "'&' zonder geldige entiteit";
                return false;
            }
            continue;
        }
        if ((unsigned char)*x->p < 0x20 && *x->p != '\n' && *x->p != '\t' && *x->p != '\r') {
            x->err = "stuurteken";
            return false;
        }
        x->p++;
    }
    return true;
}

static size_t xml_name(xml_chk *x, char *out, size_t cap)
{
    size_t n = 0;
    while (xml_name_char(*x->p)) {
        if (n + 1 < cap)
            out[n++] = *x->p;
        x->p++;
    }
    out[n] = '\0';
    return n;
}

static void xml_ws(xml_chk *x)
{
    while (*x->p == ' ' || *x->p == '\n' || *x->p == '\t' || *x->p == '\r')
        x->p++;
}

static bool xml_well_formed(const char *doc, const char **why)
{
    xml_chk x = {doc, NULL, {{0}}, 0};
    int roots = 0;
    if (strncmp(x.p, "<?xml ", 6) == 0) {
        const char *e = strstr(x.p, "?>");
        if (!e) {
            *why = "prolog niet afgesloten";
            return false;
        }
        x.p = e + 2;
    }
    for (;;) {
        if (x.depth == 0)
            xml_ws(&x);
        if (!*x.p)
            break;
        if (*x.p != '<') {
            if (x.depth == 0) {
                *why = "tekst buiten het wortelelement";
                return false;
            }
            if (!xml_text(&x, '<'))
                break;
            continue;
        }
        x.p++;
        if (*x.p == '/') {
            x.p++;
            char name[128];
            xml_name(&x, name, sizeof name);
            xml_ws(&x);
            if (*x.p != '>' || x.depth == 0 || strcmp(name, x.stack[x.depth - 1]) != 0) {
                *why = "eindtag past niet";
                return false;
            }
            x.p++;
            x.depth--;
            continue;
        }
        char name[128];
        if (!xml_name(&x, name, sizeof name)) {
            *why = "lege elementnaam";
            return false;
        }
        if (x.depth == 0 && ++roots > 1) {
            *why = "meer dan één wortelelement";
            return false;
        }
        for (;;) {
            xml_ws(&x);
            if (*x.p == '>' || *x.p == '/')
                break;
            char attr[128];
            if (!xml_name(&x, attr, sizeof attr) || *x.p != '=' || x.p[1] != '"') {
                *why = "ongeldig attribuut";
                return false;
            }
            x.p += 2;
            if (!xml_text(&x, '"') || *x.p != '"') {
                *why = x.err ? x.err : "attribuut niet afgesloten";
                return false;
            }
            x.p++;
        }
        if (*x.p == '/') {
            if (x.p[1] != '>') {
                *why = "'/' zonder '>'";
                return false;
            }
            x.p += 2;
        } else {
            x.p++;
            if (x.depth == 64) {
                *why = "te diep";
                return false;
            }
            snprintf(x.stack[x.depth++], sizeof x.stack[0], "%s", name);
        }
    }
    if (x.err) {
        *why = x.err;
        return false;
    }
    if (x.depth != 0 || roots != 1) {
        *why = "niet alle elementen afgesloten";
        return false;
    }
    return true;
}

Test(runner, checker_rejects_bad_xml)
{
    const char *why = NULL;
    cr_assert(xml_well_formed("<a x=\"1 &amp; 2\"><b/>t&lt;</a>", &why));
    cr_assert_not(xml_well_formed("<a x=\"1 & 2\"/>", &why));
    cr_assert_not(xml_well_formed("<a><b></a></b>", &why));
    cr_assert_not(xml_well_formed("<a>1 < 2</a>", &why));
    cr_assert_not(xml_well_formed("<a></a><b/>", &why));
    cr_assert_not(xml_well_formed("<a>", &why));
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    strbuf sb = STRBUF_INIT;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_append(&sb, buf, n);
    fclose(f);
    sb_putc(&sb, '\0');
    return sb_take(&sb);
}

/* Run `regel test --junit <tmp> …args` and return the XML (stdout discarded). */
static char *junit_of(const char *policy, int *status, char *tmpdir)
{
    char xml[512];
    snprintf(xml, sizeof xml, "%s/verslag.xml", tmpdir);
    char *argv[] = {"test", "--junit", xml, (char *)policy, NULL};
    fflush(stdout);
    FILE *saved = freopen("/dev/null", "w", stdout);
    *status = regel_test_main(4, argv);
    fflush(stdout);
    (void)saved;
    return slurp(xml);
}

static void check_with_xmllint(const char *dir)
{
    if (system("command -v xmllint >/dev/null 2>&1") != 0)
        return;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "xmllint --noout '%s/verslag.xml'", dir);
    cr_assert_eq(system(cmd), 0, "xmllint vindt het JUnit-verslag ongeldig");
}

Test(runner, junit_of_a_failing_scenario_is_well_formed)
{
    char dir[] = "/tmp/regel-junit-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    int status = -1;
    char *xml = junit_of(SRCDIR "/tests/golden/beleid/scenario-mislukt.regel", &status, dir);
    cr_assert_eq(status, 1);
    cr_assert_not_null(xml);
    const char *why = NULL;
    cr_assert(xml_well_formed(xml, &why), "niet welgevormd: %s\n%s", why, xml);
    cr_assert(strstr(xml, "<testsuites name=\"regel test\" tests=\"2\" failures=\"1\">"));
    cr_assert(strstr(xml, "<testcase name=\"Zieke volwassene is vrijgesteld\""));
    cr_assert(strstr(xml, "<failure message=\"verwacht: vrijgesteld is waar\">"));
    check_with_xmllint(dir);
    free(xml);
    char path[600];
    snprintf(path, sizeof path, "%s/verslag.xml", dir);
    unlink(path);
    rmdir(dir);
}

Test(runner, junit_escapes_names_and_messages)
{
    char dir[] = "/tmp/regel-junit-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char policy[600];
    snprintf(policy, sizeof policy, "%s/a&b<c>.regel", dir);
    FILE *f = fopen(policy, "w");
    cr_assert_not_null(f);
    fputs("beleid \"Tekens\".\n"
          "invoer naam: tekst.\n"
          "uitkomst groet: tekst.\n"
          "regel \"Groet <&>\" groet is naam.\n"
          "scenario \"1 < 2 & 3 > 2 'ja'\"\n"
          "    gegeven naam is \"<b>&amp;'\"\n"
          "    verwacht groet is \"<i>&\".\n"
          "scenario \"goed & wel\"\n"
          "    gegeven naam is \"x\"\n"
          "    verwacht groet is \"x\".\n",
          f);
    fclose(f);
    int status = -1;
    char *xml = junit_of(policy, &status, dir);
    cr_assert_eq(status, 1);
    cr_assert_not_null(xml);
    const char *why = NULL;
    cr_assert(xml_well_formed(xml, &why), "niet welgevormd: %s\n%s", why, xml);
    cr_assert(strstr(xml, "name=\"1 &lt; 2 &amp; 3 &gt; 2 &apos;ja&apos;\""), "%s", xml);
    cr_assert(strstr(xml, "a&amp;b&lt;c&gt;.regel"));
    cr_assert(strstr(xml, "&quot;&lt;i&gt;&amp;&quot;"), "%s", xml);
    check_with_xmllint(dir);
    free(xml);
    char path[600];
    snprintf(path, sizeof path, "%s/verslag.xml", dir);
    unlink(path);
    unlink(policy);
    rmdir(dir);
}
