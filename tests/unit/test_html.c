/* test_html.c — unit tests of the HTML motivering (runtime/render_html.c,
 * spec7 §4.6) on a hand-built motivering tree: the page skeleton (lang,
 * charset, title), escaping, headings and sections, links, no scripts or
 * external resources, well-formed nesting, determinism. */
#include <criterion/criterion.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cal.h"
#include "eval.h"
#include "explain.h"
#include "policy.h"
#include "regel.h"
#include "render.h"

enum { T_WAARHEID, T_TEKST, T_DATUM, T_BEDRAG, N_TYPES };
enum { IN_WERKT, IN_NAAM, IN_START, N_IN };
enum { O_VRIJ, O_TOEGANG, O_PLICHT, O_KOSTEN, N_OUT };
enum { R_DOELGROEP, R_UITZ, R_VRIJ, R_PLICHT, R_OUD, R_KOSTEN, N_RULES };
enum { A_WERKT, A_NAAM, A_START, A_VRIJ, N_ATOMS };

#define BELEID  "Beleid <b>&\"'"
#define CITAAT  "<script>alert('x')</script> & \"quote\""
#define ZIN     "U krijgt toegang <nu> & 'meteen'."
#define NAAM_IN "Zoë <img src=x onerror=alert(1)>"

typedef struct fixture {
    rt_type types[N_TYPES];
    rt_input inputs[N_IN];
    rt_outcome outcomes[N_OUT];
    uint32_t display_order[N_OUT];
    rt_rule rules[N_RULES];
    rt_ref refs[N_ATOMS];
    rt_atom atoms[N_ATOMS];
    regel_policy policy;
    rt_value facts[N_IN];
    rt_value values[N_OUT];
    rt_value own_value; /* what the set-aside rule gave */
    /* the motivering */
    ex_value atom_vals[N_ATOMS];
    ex_atom ex_atoms[N_ATOMS];
    ex_check checks[6];
    ex_rule ex_rules[8];
    ex_value node_facts[4];
    uint32_t uses[2];
    uint8_t missing[N_IN];
    uint32_t shown[3];
    ex_node nodes[N_OUT];
    ex_doc doc;
} fixture;

static rt_value v_bool(bool b)
{
    rt_value v = {RV_WAARHEID, {.b = b}};
    return v;
}

static rt_value v_text(const char *s)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_TEKST;
    v.u.str.s = s;
    v.u.str.len = (uint32_t)strlen(s);
    return v;
}

static rt_value v_datum(int y, int m, int d)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = RV_DATUM;
    v.u.day = (int32_t)cal_from_ymd(y, m, d);
    return v;
}

static void set_rule(fixture *f, uint32_t r, const char *name, const char *bron, const char *citaat,
                     uint32_t outcome, uint32_t parent)
{
    rt_rule *rule = &f->rules[r];
    memset(rule, 0, sizeof *rule);
    rule->name = name;
    rule->bron = bron;
    rule->citaat = citaat;
    rule->outcome = outcome;
    rule->parent = parent;
    rule->line = 10 + r;
    rule->col = 1;
    rule->valid_from = RBC_NONE;
    rule->valid_until = RBC_NONE;
    rule->n_branches = 1;
}

static ex_value fact(uint32_t kind, uint32_t index, const char *name, uint32_t type,
                     const rt_value *value, bool defaulted)
{
    ex_value v = {.kind = kind,
                  .index = index,
                  .name = name,
                  .type = type,
                  .value = value,
                  .defaulted = defaulted,
                  .valid_from = RBC_NONE,
                  .valid_until = RBC_NONE,
                  .version = RBC_NONE};
    return v;
}

static void set_atom(fixture *f, uint32_t a, const char *text, uint32_t ref_kind, uint32_t ref,
                     const char *ref_name, uint32_t ref_type, const rt_value *ref_value,
                     uint8_t value)
{
    f->refs[a] = (rt_ref){ref_kind, ref};
    f->atoms[a] = (rt_atom){text, 20 + a, 5, &f->refs[a], 1};
    f->atom_vals[a] = fact(ref_kind, ref, ref_name, ref_type, ref_value, false);
    f->ex_atoms[a] = (ex_atom){&f->atoms[a], value, &f->atom_vals[a], 1};
}

static ex_rule rule_of(fixture *f, uint32_t r, uint8_t run, uint8_t end, uint32_t branch,
                       const rt_value *value, ex_check *checks, uint32_t n_checks, uint8_t reason)
{
    const rt_rule *rule = &f->rules[r];
    ex_rule x = {.index = r,
                 .rule = rule,
                 .run = run,
                 .end = end,
                 .branch = branch,
                 .value = value,
                 .checks = checks,
                 .n_checks = n_checks,
                 .reason = reason,
                 .parent = rule->parent < N_RULES ? &f->rules[rule->parent] : NULL};
    return x;
}

static fixture *make_fixture(void)
{
    fixture *f = calloc(1, sizeof *f);
    cr_assert_not_null(f);
    f->types[T_WAARHEID] = (rt_type){RBC_TYPE_WAARHEID, NULL, 0, NULL, NULL, 0};
    f->types[T_TEKST] = (rt_type){RBC_TYPE_TEKST, NULL, 0, NULL, NULL, 0};
    f->types[T_DATUM] = (rt_type){RBC_TYPE_DATUM, NULL, 0, NULL, NULL, 0};
    f->types[T_BEDRAG] = (rt_type){RBC_TYPE_BEDRAG, NULL, 0, NULL, NULL, 0};
    f->inputs[IN_WERKT] = (rt_input){"werkt", T_WAARHEID, 0, RBC_NONE, NULL};
    f->inputs[IN_NAAM] = (rt_input){"naam", T_TEKST, 0, RBC_NONE, NULL};
    f->inputs[IN_START] = (rt_input){"start_traject", T_DATUM, 0, RBC_NONE, NULL};
    f->outcomes[O_VRIJ] = (rt_outcome){"vrijgesteld", T_WAARHEID, 0, 3, NULL, 0};
    f->outcomes[O_TOEGANG] = (rt_outcome){"toegang", T_WAARHEID, RBC_OUTCOME_OUTPUT, 0, NULL, 0};
    f->outcomes[O_PLICHT] = (rt_outcome){"plicht", T_WAARHEID, RBC_OUTCOME_OUTPUT, 1, NULL, 0};
    f->outcomes[O_KOSTEN] = (rt_outcome){"kosten", T_BEDRAG, RBC_OUTCOME_OUTPUT, 2, NULL, 0};
    f->display_order[0] = O_TOEGANG;
    f->display_order[1] = O_PLICHT;
    f->display_order[2] = O_KOSTEN;
    f->display_order[3] = O_VRIJ;
    set_rule(f, R_DOELGROEP, "Doelgroep <i>", "Regeerakkoord, Doelgroep", "Wie werkt, is vrij.",
             O_TOEGANG, RBC_NONE);
    set_rule(f, R_UITZ, "Uitzondering & co", "Decreet art. 5", CITAAT, O_TOEGANG, R_DOELGROEP);
    set_rule(f, R_VRIJ, "Vrijstelling", NULL, NULL, O_VRIJ, RBC_NONE);
    set_rule(f, R_PLICHT, "Plicht", NULL, NULL, O_PLICHT, RBC_NONE);
    set_rule(f, R_OUD, "Oude regel", NULL, NULL, O_TOEGANG, RBC_NONE);
    f->rules[R_OUD].valid_until = (uint32_t)cal_from_ymd(2022, 3, 1); /* out of force */
    set_rule(f, R_KOSTEN, "Kosten", NULL, NULL, O_KOSTEN, RBC_NONE);
    f->rules[R_VRIJ].n_branches = 2;

    regel_policy *p = &f->policy;
    p->file = "test.regel";
    p->name = BELEID;
    p->types = f->types;
    p->n_types = N_TYPES;
    p->inputs = f->inputs;
    p->n_inputs = N_IN;
    p->outcomes = f->outcomes;
    p->n_outcomes = N_OUT;
    p->display_order = f->display_order;
    p->rules = f->rules;
    p->n_rules = N_RULES;
    p->atoms = f->atoms;
    p->n_atoms = N_ATOMS;
    p->peildatum_input = RBC_NONE;

    f->facts[IN_WERKT] = v_bool(true);
    f->facts[IN_NAAM] = v_text(NAAM_IN);
    f->facts[IN_START] = v_datum(2023, 1, 10);
    f->values[O_VRIJ] = v_bool(false);
    f->values[O_TOEGANG] = v_bool(false);
    f->values[O_PLICHT].tag = RV_ONBEKEND;
    f->values[O_KOSTEN].tag = RV_BEDRAG;
    f->values[O_KOSTEN].u.cents = 125000;
    f->own_value = v_bool(true);

    set_atom(f, A_WERKT, "werkt is waar", RBC_REF_INPUT, IN_WERKT, "werkt", T_WAARHEID,
             &f->facts[IN_WERKT], EV_COND_WAAR);
    set_atom(f, A_NAAM, "naam is \"<x>\"", RBC_REF_INPUT, IN_NAAM, "naam", T_TEKST,
             &f->facts[IN_NAAM], EV_COND_ONWAAR);
    set_atom(f, A_START, "start_traject ≤ 1 maart 2022", RBC_REF_INPUT, IN_START, "start_traject",
             T_DATUM, &f->facts[IN_START], EV_COND_ONBEKEND);
    set_atom(f, A_VRIJ, "niet vrijgesteld", RBC_REF_OUTCOME, O_VRIJ, "vrijgesteld", T_WAARHEID,
             &f->values[O_VRIJ], EV_COND_WAAR);

    /* checks: the exception's met condition; vrijstelling's failed first
     * branch; plicht's onbekend condition */
    f->checks[0] = (ex_check){0, "werkt is waar", EV_COND_WAAR, &f->ex_atoms[A_WERKT], 1};
    f->checks[1] = (ex_check){0, "naam is \"<x>\"", EV_COND_ONWAAR, &f->ex_atoms[A_NAAM], 1};
    f->checks[2] =
        (ex_check){0, "start_traject ≤ 1 maart 2022", EV_COND_ONBEKEND, &f->ex_atoms[A_START], 1};
    f->checks[3] = (ex_check){0, "niet vrijgesteld", EV_COND_WAAR, &f->ex_atoms[A_VRIJ], 1};

    f->ex_rules[0] = rule_of(f, R_UITZ, EV_RULE_RAN, EV_END_RESULT, 0, &f->values[O_TOEGANG],
                             &f->checks[0], 1, EX_REASON_NONE);
    f->ex_rules[1] = rule_of(f, R_DOELGROEP, EV_RULE_RAN, EV_END_RESULT, 0, &f->own_value,
                             &f->checks[3], 1, EX_REASON_NONE);
    f->ex_rules[2] = rule_of(f, R_OUD, EV_RULE_OUT_OF_FORCE, EV_END_NOT_APPLIED, RBC_NONE, NULL,
                             NULL, 0, EX_REASON_OUT_OF_FORCE);
    f->ex_rules[3] = rule_of(f, R_VRIJ, EV_RULE_RAN, EV_END_RESULT, 1, &f->values[O_VRIJ],
                             &f->checks[1], 1, EX_REASON_NONE);
    f->ex_rules[4] = rule_of(f, R_PLICHT, EV_RULE_RAN, EV_END_UNKNOWN, 0, NULL, &f->checks[2], 1,
                             EX_REASON_CONDITION);
    f->ex_rules[5] = rule_of(f, R_KOSTEN, EV_RULE_RAN, EV_END_RESULT, 0, &f->values[O_KOSTEN], NULL,
                             0, EX_REASON_NONE);

    f->node_facts[0] =
        fact(RBC_REF_INPUT, IN_WERKT, "werkt", T_WAARHEID, &f->facts[IN_WERKT], false);
    f->node_facts[1] = fact(RBC_REF_INPUT, IN_NAAM, "naam", T_TEKST, &f->facts[IN_NAAM], true);
    f->node_facts[2] =
        fact(RBC_REF_INPUT, IN_START, "start_traject", T_DATUM, &f->facts[IN_START], false);
    f->uses[0] = O_VRIJ;
    f->uses[1] = O_KOSTEN;
    f->missing[IN_START] = 1;

    ex_node *t = &f->nodes[O_TOEGANG];
    t->outcome = O_TOEGANG;
    t->name = "toegang";
    t->type = T_WAARHEID;
    t->value = &f->values[O_TOEGANG];
    t->status = EX_DECIDED;
    t->is_output = true;
    t->own_section = true;
    t->sentence = (char *)ZIN;
    t->decider = &f->ex_rules[0];
    t->set_aside = &f->ex_rules[1];
    t->not_applied = &f->ex_rules[2];
    t->n_not_applied = 1;
    t->facts = &f->node_facts[0];
    t->n_facts = 2;
    t->uses = f->uses;
    t->n_uses = 2;

    ex_node *v = &f->nodes[O_VRIJ];
    v->outcome = O_VRIJ;
    v->name = "vrijgesteld";
    v->type = T_WAARHEID;
    v->value = &f->values[O_VRIJ];
    v->status = EX_DECIDED;
    v->sentence = (char *)"U bent niet vrijgesteld.";
    v->decider = &f->ex_rules[3];
    v->facts = &f->node_facts[1];
    v->n_facts = 1;

    ex_node *pl = &f->nodes[O_PLICHT];
    pl->outcome = O_PLICHT;
    pl->name = "plicht";
    pl->type = T_WAARHEID;
    pl->value = &f->values[O_PLICHT];
    pl->status = EX_UNKNOWN;
    pl->is_output = true;
    pl->own_section = true;
    pl->sentence = (char *)"Over plicht kan nog niet beslist worden: nog niet alle feiten zijn "
                           "bekend.";
    pl->waiting = &f->ex_rules[4];
    pl->n_waiting = 1;
    pl->facts = &f->node_facts[2];
    pl->n_facts = 1;
    pl->missing = f->missing;

    ex_node *k = &f->nodes[O_KOSTEN];
    k->outcome = O_KOSTEN;
    k->name = "kosten";
    k->type = T_BEDRAG;
    k->value = &f->values[O_KOSTEN];
    k->status = EX_DECIDED;
    k->is_output = true;
    k->own_section = true;
    k->sentence = (char *)"Volgens de regel \"Kosten\" is kosten € 1.250,00.";
    k->sentence_generated = true;
    k->decider = &f->ex_rules[5];

    f->shown[0] = O_TOEGANG;
    f->shown[1] = O_PLICHT;
    f->shown[2] = O_KOSTEN;
    f->doc.policy = p;
    f->doc.explained = true;
    f->doc.nodes = f->nodes;
    f->doc.shown = f->shown;
    f->doc.n_shown = 3;
    f->doc.missing = f->missing;
    f->doc.n_nodes = N_OUT;
    f->doc.traced = true;
    return f;
}

static char *render(const fixture *f)
{
    strbuf sb = STRBUF_INIT;
    render_html_doc(&sb, &f->doc);
    cr_assert(!sb.failed);
    char *s = sb_take(&sb);
    cr_assert_not_null(s);
    return s;
}

static void assert_has(const char *page, const char *needle)
{
    cr_assert_not_null(strstr(page, needle), "missing in the page: %s", needle);
}

static void assert_lacks(const char *page, const char *needle)
{
    cr_assert_null(strstr(page, needle), "must not be in the page: %s", needle);
}

/* Case-insensitive strstr (ASCII). */
static const char *find_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return hay;
    return NULL;
}

static size_t count(const char *hay, const char *needle)
{
    size_t c = 0, n = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + n, needle))
        c++;
    return c;
}

Test(html, skeleton)
{
    fixture *f = make_fixture();
    char *page = render(f);
    cr_assert(strncmp(page, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">",
                      62) == 0,
              "%.*s", 80, page);
    assert_has(page, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    assert_has(page, "<title>Beslissing – Beleid &lt;b&gt;&amp;&quot;&#39;</title>");
    assert_has(page, "<style>");
    cr_assert_eq(count(page, "<h1>"), 1);
    assert_has(page, "<h1>Beslissing</h1>");
    assert_has(page, "Beleid: <strong>Beleid &lt;b&gt;&amp;&quot;&#39;</strong>");
    size_t n = strlen(page);
    cr_assert(n > 7 && strcmp(page + n - 8, "</html>\n") == 0);
    free(page);
    free(f);
}

Test(html, no_scripts_or_external_resources)
{
    fixture *f = make_fixture();
    char *page = render(f);
    cr_assert_null(find_ci(page, "<script"));
    cr_assert_null(find_ci(page, "<img"));
    cr_assert_null(find_ci(page, "<link"));
    cr_assert_null(find_ci(page, "<iframe"));
    cr_assert_null(find_ci(page, "http:"));
    cr_assert_null(find_ci(page, "https:"));
    cr_assert_null(find_ci(page, "url("));
    cr_assert_null(find_ci(page, "@import"));
    /* inside tags: no event handlers, sources or inline styles */
    for (const char *p = strchr(page, '<'); p; p = strchr(p + 1, '<')) {
        const char *e = strchr(p, '>');
        cr_assert_not_null(e);
        char tag[256];
        snprintf(tag, sizeof tag, "%.*s", (int)(e - p), p);
        cr_assert_null(find_ci(tag, " on"), "event handler in %s", tag);
        cr_assert_null(find_ci(tag, " src"), "source in %s", tag);
        cr_assert_null(find_ci(tag, " style"), "inline style in %s", tag);
    }
    /* every link stays inside the page */
    for (const char *p = strstr(page, "href=\""); p; p = strstr(p + 1, "href=\""))
        cr_assert_eq(p[6], '#', "external link: %.40s", p);
    free(page);
    free(f);
}

Test(html, escaping)
{
    fixture *f = make_fixture();
    char *page = render(f);
    assert_has(page, "<blockquote class=\"citaat\"><p>&lt;script&gt;alert(&#39;x&#39;)&lt;/"
                     "script&gt; &amp; &quot;quote&quot;</p></blockquote>");
    assert_has(page, "<p class=\"zin\">U krijgt toegang &lt;nu&gt; &amp; &#39;meteen&#39;.</p>");
    assert_has(page, "Zoë &lt;img src=x onerror=alert(1)&gt;");
    assert_has(page, "naam is &quot;&lt;x&gt;&quot;");
    assert_has(page, "Uitzondering &quot;Uitzondering &amp; co&quot; op de regel &quot;Doelgroep "
                     "&lt;i&gt;&quot;");
    assert_lacks(page, "<i>");
    assert_lacks(page, "<b>");
    assert_lacks(page, "<nu>");
    assert_lacks(page, "<x>");
    free(page);
    free(f);
}

Test(html, control_characters_are_replaced)
{
    fixture *f = make_fixture();
    f->nodes[O_TOEGANG].sentence = (char *)"a\x01"
                                           "b\x7f"
                                           "c\td";
    char *page = render(f);
    assert_has(page, "<p class=\"zin\">a\xef\xbf\xbd"
                     "b\xef\xbf\xbd"
                     "c\td</p>");
    free(page);
    free(f);
}

Test(html, summary_box)
{
    fixture *f = make_fixture();
    char *page = render(f);
    const char *sum = strstr(page, "<section class=\"samenvatting\"");
    cr_assert_not_null(sum);
    const char *first = strstr(page, "<section class=\"uitkomst\"");
    cr_assert_not_null(first);
    cr_assert(sum < first, "the summary comes before the outcomes");
    assert_has(sum, "<h2 id=\"samenvatting\">Samenvatting</h2>");
    assert_has(sum, "<caption>");
    assert_has(sum, "<th scope=\"col\">Uitkomst</th><th scope=\"col\">Beslissing</th>");
    assert_has(sum,
               "<tr><th scope=\"row\"><a href=\"#u-toegang\">toegang</a></th><td>onwaar</td></tr>");
    assert_has(sum, "<tr><th scope=\"row\"><a href=\"#u-plicht\">plicht</a></th><td>nog niet "
                    "beslist</td></tr>");
    assert_has(
        sum, "<tr><th scope=\"row\"><a href=\"#u-kosten\">kosten</a></th><td>€ 1.250,00</td></tr>");
    /* a begrip is not a row of its own */
    cr_assert_null(strstr(sum, "href=\"#u-vrijgesteld\""));
    const char *missing = strstr(sum, "Ontbrekende feiten: ");
    cr_assert(missing && missing < first);
    assert_has(sum, "Ontbrekende feiten: <span class=\"naam\">start_traject</span>.");
    free(page);
    free(f);
}

Test(html, outcome_sections)
{
    fixture *f = make_fixture();
    char *page = render(f);
    const char *t = strstr(page, "<section class=\"uitkomst\" id=\"u-toegang\" "
                                 "aria-labelledby=\"t-toegang\">\n<h2 id=\"t-toegang\">toegang: "
                                 "onwaar</h2>\n<p class=\"zin\">");
    cr_assert_not_null(t);
    const char *pl = strstr(page, "<section class=\"uitkomst\" id=\"u-plicht\"");
    const char *k = strstr(page, "<section class=\"uitkomst\" id=\"u-kosten\"");
    cr_assert(pl && k && t < pl && pl < k, "display order");
    /* toegang: exception applied, rule not applied, facts, relied on */
    const char *g = strstr(t, "<h3>Juridische grond</h3>");
    const char *na = strstr(t, "<h3>Niet toegepast</h3>");
    const char *fg = strstr(t, "<h3>Feitelijke gronden</h3>");
    const char *so = strstr(t, "<h3>Steunt op</h3>");
    cr_assert(g && na && fg && so && g < na && na < fg && fg < so && so < pl, "block order");
    assert_has(g, "Bron: Decreet art. 5");
    assert_has(g, "<blockquote class=\"citaat\"><p>&lt;script&gt;");
    assert_has(g, "<li>Voldaan: <span class=\"voorwaarde\">werkt is waar</span> <span "
                  "class=\"waarden\">(<span class=\"naam\">werkt</span> = <span "
                  "class=\"waarde\">waar</span>)</span></li>");
    assert_has(g, "Deze uitzondering zet de regel &quot;Doelgroep &lt;i&gt;&quot; opzij (die gaf: "
                  "waar).");
    assert_has(na, "<li>Regel &quot;Oude regel&quot; gold niet op de peildatum (geldig tot 1 maart "
                   "2022)</li>");
    assert_has(fg, "<dl class=\"feiten\">\n<div><dt>werkt</dt><dd>waar</dd></div>\n"
                   "<div><dt>naam</dt><dd>&quot;Zoë &lt;img src=x onerror=alert(1)&gt;&quot; "
                   "(standaard)</dd></div>\n</dl>");
    /* the begrip is expanded below it, with nested headings; the section is linked */
    const char *nest = strstr(so, "<span class=\"naam\">vrijgesteld</span> = <span "
                                  "class=\"waarde\">onwaar</span></p>\n<div class=\"genest\">\n"
                                  "<p class=\"zin\">U bent niet vrijgesteld.</p>\n<h4>Juridische "
                                  "grond</h4>");
    cr_assert_not_null(nest);
    const char *wn = strstr(nest, "<h4>Waarom niet</h4>\n<ul class=\"voorwaarden\">\n<li>Niet "
                                  "voldaan: <span class=\"voorwaarde\">naam is &quot;&lt;x&gt;"
                                  "&quot;</span>");
    cr_assert(wn && wn < pl);
    assert_has(so, "<span class=\"naam\">kosten</span> = <span class=\"waarde\">€ 1.250,00</span> "
                   "(<a href=\"#u-kosten\">zie ‘kosten’</a>)</p></li>");
    /* plicht: undecided */
    assert_has(pl, "<h3>Wat nog ontbreekt</h3>\n<p class=\"ontbrekend\">Ontbrekende feiten: <span "
                   "class=\"naam\">start_traject</span>.");
    assert_has(pl, "<li>Regel &quot;Plicht&quot; kan nog niet beslissen: onbekend of <span "
                   "class=\"voorwaarde\">start_traject ≤ 1 maart 2022</span> <span "
                   "class=\"waarden\">(<span class=\"naam\">start_traject</span> = <span "
                   "class=\"waarde\">10 januari 2023</span>)</span></li>");
    cr_assert(strstr(pl, "Juridische grond") == NULL || strstr(pl, "Juridische grond") > k);
    /* kosten: the rule without bron or citaat, no empty blocks */
    assert_has(k, "<h3>Juridische grond</h3>\n<div class=\"grond\">\n<p class=\"regel\">Regel "
                  "&quot;Kosten&quot;</p>\n</div>\n</section>");
    free(page);
    free(f);
}

Test(html, expanded_once_per_section)
{
    fixture *f = make_fixture();
    /* kosten relies on vrijgesteld twice and is shown as a begrip-less page */
    uint32_t uses[2] = {O_VRIJ, O_VRIJ};
    f->nodes[O_KOSTEN].uses = uses;
    f->nodes[O_KOSTEN].n_uses = 2;
    char *page = render(f);
    const char *k = strstr(page, "id=\"u-kosten\"");
    cr_assert_not_null(k);
    cr_assert_eq(count(k, "<div class=\"genest\">"), 1);
    assert_has(k, "<span class=\"naam\">vrijgesteld</span> = <span class=\"waarde\">onwaar</span>"
                  " (zie hierboven)</p></li>");
    /* and expanded again in a later section (each section stands on its own) */
    const char *t = strstr(page, "id=\"u-toegang\"");
    cr_assert(count(t, "<div class=\"genest\">") == 2);
    free(page);
    free(f);
}

/* Tags open and close in order; ids are unique; every #link has a target. */
Test(html, well_formed_and_links_resolve)
{
    fixture *f = make_fixture();
    char *page = render(f);
    static const char *const voids[] = {"meta", "br", "hr", "!DOCTYPE", NULL};
    char stack[64][16];
    int depth = 0;
    for (const char *p = strchr(page, '<'); p; p = strchr(p + 1, '<')) {
        bool closing = p[1] == '/';
        const char *s = p + 1 + closing;
        size_t n = 0;
        while (s[n] && (isalnum((unsigned char)s[n]) || s[n] == '!' || s[n] == '-'))
            n++;
        cr_assert(n > 0 && n < 16, "bad tag at %.30s", p);
        char name[16];
        memcpy(name, s, n);
        name[n] = '\0';
        bool is_void = false;
        for (int i = 0; voids[i]; i++)
            is_void |= strcmp(name, voids[i]) == 0;
        if (strcmp(name, "style") == 0 && !closing) {
            p = strstr(p, "</style>");
            cr_assert_not_null(p);
            continue;
        }
        if (is_void)
            continue;
        if (!closing) {
            cr_assert(depth < 64);
            strcpy(stack[depth++], name);
        } else {
            cr_assert(depth > 0, "close without open: %s", name);
            cr_assert_str_eq(stack[depth - 1], name, "mismatched </%s> at %.40s", name, p);
            depth--;
        }
    }
    cr_assert_eq(depth, 0);
    /* headings never skip a level: h1, h2, h3, then h4 inside a nested block */
    int last = 0;
    for (const char *p = strstr(page, "<h"); p; p = strstr(p + 1, "<h")) {
        if (p[2] < '1' || p[2] > '6')
            continue;
        int level = p[2] - '0';
        cr_assert(level <= last + 1, "h%d after h%d at %.40s", level, last, p);
        last = level;
    }
    cr_assert_eq(count(page, "<h1"), 1);
    /* every outcome section is a region named by its heading */
    for (const char *p = strstr(page, "<section class=\"uitkomst\""); p;
         p = strstr(p + 1, "<section class=\"uitkomst\"")) {
        const char *lab = strstr(p, "aria-labelledby=\"");
        cr_assert(lab && lab < strchr(p, '>'));
        const char *e = strchr(lab + 17, '"');
        char id[64];
        snprintf(id, sizeof id, "<h2 id=\"%.*s\">", (int)(e - lab - 17), lab + 17);
        cr_assert_not_null(strstr(p, id), "%s", id);
    }
    /* ids unique, links resolve */
    for (const char *p = strstr(page, " id=\""); p; p = strstr(p + 1, " id=\"")) {
        const char *e = strchr(p + 5, '"');
        char id[64];
        snprintf(id, sizeof id, " id=\"%.*s\"", (int)(e - p - 5), p + 5);
        cr_assert_eq(count(page, id), 1, "duplicate %s", id);
    }
    for (const char *p = strstr(page, "href=\"#"); p; p = strstr(p + 1, "href=\"#")) {
        const char *e = strchr(p + 7, '"');
        char id[64];
        snprintf(id, sizeof id, " id=\"%.*s\"", (int)(e - p - 7), p + 7);
        cr_assert_not_null(strstr(page, id), "link without target: %s", id);
    }
    free(page);
    free(f);
}

Test(html, deterministic)
{
    fixture *f = make_fixture();
    char *a = render(f);
    char *b = render(f);
    cr_assert_str_eq(a, b);
    /* TEST_HTML_OUT=file keeps the page for a look in a browser */
    const char *keep = getenv("TEST_HTML_OUT");
    if (keep && *keep) {
        FILE *fp = fopen(keep, "w");
        cr_assert_not_null(fp);
        fputs(a, fp);
        fclose(fp);
    }
    free(a);
    free(b);
    free(f);
}

Test(html, css_is_zoomable_and_printable)
{
    fixture *f = make_fixture();
    char *page = render(f);
    const char *style = strstr(page, "<style>");
    const char *end = strstr(page, "</style>");
    cr_assert(style && end);
    assert_has(style, "max-width:48rem");
    assert_has(style, "overflow-wrap:anywhere");
    assert_has(style, "@media print");
    assert_has(style, "size:A4");
    /* no fixed pixel sizes anywhere in the style sheet */
    for (const char *p = strstr(style, "px"); p && p < end; p = strstr(p + 1, "px"))
        cr_assert(!isdigit((unsigned char)p[-1]), "fixed pixel size at %.20s", p - 6);
    free(page);
    free(f);
}

Test(html, without_explanation_only_values)
{
    fixture *f = make_fixture();
    f->doc.explained = false;
    char *page = render(f);
    assert_has(page, "<h2 id=\"t-toegang\">toegang: onwaar</h2>");
    assert_lacks(page, "Juridische grond");
    assert_lacks(page, "Feitelijke gronden");
    free(page);
    free(f);
}

Test(html, api_errors)
{
    regel_error err;
    memset(&err, 0, sizeof err);
    char *out = (char *)"x";
    size_t len = 9;
    cr_assert_eq(regel_render_html(NULL, &out, &len, &err), REGEL_ERR_USAGE);
    cr_assert_null(out);
    cr_assert_eq(len, 0);
    cr_assert_eq(regel_render(NULL, REGEL_FORMAAT_HTML, NULL, 0, &out, &len, &err),
                 REGEL_ERR_USAGE);
}

/* ---- End to end: compile, evaluate with REGEL_EXPLAIN, render ---- */

static const char *const e2e_source = "beleid \"Proef <html> & co\".\n"
                                      "invoer\n"
                                      "    werkt: waarheid,\n"
                                      "    ziek: waarheid,\n"
                                      "    naam: tekst.\n"
                                      "uitkomst\n"
                                      "    toegang: waarheid,\n"
                                      "    plicht: waarheid.\n"
                                      "regel \"Toegang <a>\"\n"
                                      "    bron \"Decreet & co\"\n"
                                      "    citaat \"Wie <werkt>, krijgt 'toegang' & meer.\"\n"
                                      "    toegang is waar indien werkt\n"
                                      "        uitleg \"U werkt, {naam}.\",\n"
                                      "        anders onwaar.\n"
                                      "regel \"Plicht\"\n"
                                      "    bron \"Decreet\"\n"
                                      "    citaat \"Iedereen is verplicht.\"\n"
                                      "    plicht is waar.\n"
                                      "uitzondering \"Vrijstelling\" op \"Plicht\"\n"
                                      "    bron \"Decreet art. 2\"\n"
                                      "    citaat \"Zieken zijn vrij.\"\n"
                                      "    plicht is onwaar indien ziek.\n";

/* Render the policy above for case `json`; only/n_only as regel_render.
 * Returns the page (regel_free) or NULL with *rc set. */
static char *e2e_flags(const char *json, unsigned flags, const char *const *only, size_t n_only,
                       int *rc, regel_error *err)
{
    regel_policy *pol = NULL;
    char *diag = NULL;
    memset(err, 0, sizeof *err);
    int r = regel_policy_compile(e2e_source, strlen(e2e_source), "proef.regel", &pol, &diag, err);
    cr_assert_eq(r, REGEL_OK, "compile: %s\n%s", err->message, diag ? diag : "");
    regel_case *c = NULL;
    r = regel_case_from_json(pol, json, strlen(json), "geval.json", &c, err);
    cr_assert_eq(r, REGEL_OK, "case: %s", err->message);
    regel_eval *ev = regel_eval_new(pol);
    cr_assert_not_null(ev);
    r = regel_evaluate(ev, c, flags, err);
    cr_assert_eq(r, REGEL_OK, "evaluate: %s", err->message);
    char *out = NULL;
    size_t len = 0;
    *rc = regel_render(ev, REGEL_FORMAAT_HTML, only, n_only, &out, &len, err);
    if (out)
        cr_assert_eq(strlen(out), len);
    regel_eval_free(ev);
    regel_case_free(c);
    regel_policy_free(pol);
    return out;
}

static char *e2e(const char *json, const char *const *only, size_t n_only, int *rc,
                 regel_error *err)
{
    return e2e_flags(json, REGEL_EXPLAIN, only, n_only, rc, err);
}

Test(html_e2e, decided_and_exception)
{
    regel_error err;
    int rc;
    char *page =
        e2e("{\"werkt\": true, \"ziek\": true, \"naam\": \"Zoë <script>\"}", NULL, 0, &rc, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    cr_assert_not_null(page);
    assert_has(page, "<html lang=\"nl\">");
    assert_has(page, "<title>Beslissing – Proef &lt;html&gt; &amp; co</title>");
    cr_assert_null(find_ci(page, "<script"));
    assert_has(page,
               "<tr><th scope=\"row\"><a href=\"#u-toegang\">toegang</a></th><td>waar</td></tr>");
    assert_has(page,
               "<tr><th scope=\"row\"><a href=\"#u-plicht\">plicht</a></th><td>onwaar</td></tr>");
    const char *t = strstr(page, "<section class=\"uitkomst\" id=\"u-toegang\"");
    const char *p = strstr(page, "<section class=\"uitkomst\" id=\"u-plicht\"");
    cr_assert(t && p && t < p);
    /* the template, filled in and escaped */
    assert_has(t, "<p class=\"zin\">U werkt, Zoë &lt;script&gt;.</p>");
    assert_has(t, "<p class=\"regel\">Regel &quot;Toegang &lt;a&gt;&quot;</p>");
    assert_has(t, "<blockquote class=\"citaat\"><p>Wie &lt;werkt&gt;, krijgt &#39;toegang&#39; "
                  "&amp; meer.</p></blockquote>");
    assert_has(t, "Voldaan: <span class=\"voorwaarde\">werkt</span>");
    assert_has(t, "<dt>werkt</dt><dd>waar</dd>");
    /* the exception and the rule it set aside */
    assert_has(p, "Uitzondering &quot;Vrijstelling&quot; op de regel &quot;Plicht&quot;");
    assert_has(p, "<blockquote class=\"citaat\"><p>Zieken zijn vrij.</p></blockquote>");
    assert_has(p, "Deze uitzondering zet de regel &quot;Plicht&quot; opzij (die gaf: waar).");
    assert_has(p, "<dt>ziek</dt><dd>waar</dd>");
    regel_free(page);
}

Test(html_e2e, undecided)
{
    regel_error err;
    int rc;
    char *page = e2e("{\"ziek\": false, \"naam\": \"x\"}", NULL, 0, &rc, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    assert_has(page, "<tr><th scope=\"row\"><a href=\"#u-toegang\">toegang</a></th><td>nog niet "
                     "beslist</td></tr>");
    const char *t = strstr(page, "id=\"u-toegang\"");
    cr_assert_not_null(t);
    assert_has(t, "<h2 id=\"t-toegang\">toegang: nog niet beslist</h2>");
    assert_has(t, "Ontbrekende feiten: <span class=\"naam\">werkt</span>.");
    assert_has(t, "Regel &quot;Toegang &lt;a&gt;&quot; kan nog niet beslissen: onbekend of <span "
                  "class=\"voorwaarde\">werkt</span>");
    /* plicht is decided by the rule itself; the exception did not apply */
    const char *p = strstr(page, "id=\"u-plicht\"");
    cr_assert_not_null(p);
    assert_has(p, "<h3>Niet toegepast</h3>");
    assert_has(p, "Uitzondering &quot;Vrijstelling&quot;: niet voldaan: <span "
                  "class=\"voorwaarde\">ziek</span>");
    regel_free(page);
}

Test(html_e2e, only_selection)
{
    regel_error err;
    int rc;
    const char *only[] = {"plicht"};
    char *page = e2e("{\"werkt\": false, \"ziek\": false, \"naam\": \"x\"}", only, 1, &rc, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    assert_has(page, "id=\"u-plicht\"");
    assert_lacks(page, "id=\"u-toegang\"");
    assert_lacks(page, "href=\"#u-toegang\"");
    regel_free(page);
    const char *wrong[] = {"plichtt"};
    page = e2e("{\"werkt\": false, \"ziek\": false, \"naam\": \"x\"}", wrong, 1, &rc, &err);
    cr_assert_eq(rc, REGEL_ERR_USAGE);
    cr_assert_null(page);
    cr_assert_not_null(strstr(err.message, "plichtt"), "%s", err.message);
}

Test(html_e2e, without_explain_values_only)
{
    regel_error err;
    int rc;
    char *page =
        e2e_flags("{\"werkt\": true, \"ziek\": true, \"naam\": \"x\"}", 0, NULL, 0, &rc, &err);
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    assert_has(page, "<html lang=\"nl\">");
    assert_has(page, "<h2 id=\"t-toegang\">toegang: waar</h2>");
    assert_has(page, "<h2 id=\"t-plicht\">plicht: onwaar</h2>");
    assert_lacks(page, "Juridische grond");
    assert_lacks(page, "<blockquote");
    regel_free(page);
}
