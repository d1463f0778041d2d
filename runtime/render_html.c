/* render_html.c — the motivering (explain.h) as one self-contained, printable
 * HTML page (spec7 §4.6): a summary of all decisions, then per outcome the
 * sentence, legal ground with the citation, conditions met or failed, rules
 * not applied, facts and the outcomes it relied on. Inline CSS, no scripts. */
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "render.h"
#include "rt.h"

typedef struct html {
    strbuf *sb;
    const ex_doc *doc;
    const regel_policy *p;
    uint8_t *expanded; /* per outcome: its motivering is already in this section */
    strbuf tmp;        /* scratch for values before escaping */
} html;

/* Append s[0..n) with & < > " ' escaped; C0 controls other than tab and
 * newline (not allowed in HTML text) become U+FFFD. */
static void html_esc(strbuf *sb, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        default:
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
                rep = "\xef\xbf\xbd";
            break;
        }
        if (!rep)
            continue;
        sb_append(sb, s + start, i - start);
        sb_puts(sb, rep);
        start = i + 1;
    }
    sb_append(sb, s + start, n - start);
}

static void html_text(html *h, const char *s)
{
    if (s)
        html_esc(h->sb, s, strlen(s));
}

/* The Dutch text form of a value (as in the text motivering), escaped. */
static void html_value(html *h, uint32_t type, const rt_value *v)
{
    if (!v) {
        sb_puts(h->sb, "onbekend");
        return;
    }
    h->tmp.len = 0;
    if (h->tmp.data)
        h->tmp.data[0] = '\0';
    render_value_text(&h->tmp, h->p, type, v);
    if (h->tmp.data)
        html_esc(h->sb, h->tmp.data, h->tmp.len);
}

/* " (geldig vanaf 1 maart 2022)" when there is a bound. */
static void html_validity(html *h, uint32_t from, uint32_t until)
{
    if (!render_has_validity(from, until))
        return;
    sb_puts(h->sb, " (");
    render_validity_text(h->sb, from, until); /* digits and Dutch words only */
    sb_putc(h->sb, ')');
}

/* The anchor of an outcome's section: id="u-naam". */
static void html_anchor(html *h, const char *name)
{
    sb_puts(h->sb, "u-");
    html_text(h, name);
}

static void html_heading(html *h, int level, const char *text)
{
    if (level > 6)
        level = 6;
    sb_printf(h->sb, "<h%d>", level);
    html_text(h, text);
    sb_printf(h->sb, "</h%d>\n", level);
}

/* "name = value" with the value's markup; (standaard) when defaulted. */
static void html_named_value(html *h, const ex_value *v)
{
    sb_puts(h->sb, "<span class=\"naam\">");
    html_text(h, v->name);
    sb_puts(h->sb, "</span> = <span class=\"waarde\">");
    html_value(h, v->type, v->value);
    sb_puts(h->sb, "</span>");
    if (v->defaulted)
        sb_puts(h->sb, " (standaard)");
}

/* An atom inline: "<condition> (a = 1, b = 2)". */
static void html_atom_inline(html *h, const ex_atom *a)
{
    sb_puts(h->sb, "<span class=\"voorwaarde\">");
    html_text(h, a->atom ? a->atom->text : "");
    sb_puts(h->sb, "</span>");
    if (a->n_values == 0)
        return;
    sb_puts(h->sb, " <span class=\"waarden\">(");
    for (uint32_t i = 0; i < a->n_values; i++) {
        if (i)
            sb_puts(h->sb, ", ");
        html_named_value(h, &a->values[i]);
    }
    sb_puts(h->sb, ")</span>");
}

/* One atom as a list item: "<label> <condition> (a = 1, b = 2)". */
static void html_atom(html *h, const char *label, const ex_atom *a)
{
    sb_puts(h->sb, "<li>");
    if (label) {
        html_text(h, label);
        sb_putc(h->sb, ' ');
    }
    html_atom_inline(h, a);
    sb_puts(h->sb, "</li>\n");
}

static bool html_is_exception(const ex_rule *r)
{
    return r->parent != NULL;
}

/* "Regel "X"" or "Uitzondering "X"". */
static void html_rule_name(html *h, const ex_rule *r)
{
    sb_puts(h->sb, html_is_exception(r) ? "Uitzondering &quot;" : "Regel &quot;");
    html_text(h, r->rule ? r->rule->name : "");
    sb_puts(h->sb, "&quot;");
}

/* Whether check ck of r is on the wanted side: the branch that gave the
 * value (met) or a failed branch ("Waarom niet"). */
static bool html_check_side(const ex_rule *r, const ex_check *ck, bool met)
{
    if (met)
        return ck->value == EV_COND_WAAR && (r->met ? ck == r->met : ck->branch == r->branch);
    return ck->value == EV_COND_ONWAAR;
}

/* The atoms of r's met (or failed) checks as a list with `label`; the
 * number written. */
static unsigned html_checks(html *h, const ex_rule *r, bool met, const char *label)
{
    unsigned n = 0;
    for (uint32_t c = 0; c < r->n_checks; c++) {
        const ex_check *ck = &r->checks[c];
        if (!html_check_side(r, ck, met))
            continue;
        for (uint32_t a = 0; a < ck->n_atoms; a++) {
            if (n++ == 0)
                sb_puts(h->sb, "<ul class=\"voorwaarden\">\n");
            html_atom(h, label, &ck->atoms[a]);
        }
    }
    if (n)
        sb_puts(h->sb, "</ul>\n");
    return n;
}

/* Juridische grond: rule (or exception on a rule), bron, citaat, parameter
 * versions, the conditions met, and the rule an exception set aside. */
static void html_ground(html *h, const ex_node *n, int level)
{
    const ex_rule *r = n->decider;
    const rt_rule *rr = r->rule;
    html_heading(h, level, "Juridische grond");
    sb_puts(h->sb, "<div class=\"grond\">\n<p class=\"regel\">");
    if (html_is_exception(r)) {
        sb_puts(h->sb, "Uitzondering &quot;");
        html_text(h, rr->name);
        sb_puts(h->sb, "&quot; op de regel &quot;");
        html_text(h, r->parent->name);
        sb_puts(h->sb, "&quot;");
    } else {
        sb_puts(h->sb, "Regel &quot;");
        html_text(h, rr ? rr->name : "");
        sb_puts(h->sb, "&quot;");
    }
    if (rr)
        html_validity(h, rr->valid_from, rr->valid_until);
    sb_puts(h->sb, "</p>\n");
    if (rr && rr->bron) {
        sb_puts(h->sb, "<p class=\"bron\">Bron: ");
        html_text(h, rr->bron);
        sb_puts(h->sb, "</p>\n");
    }
    if (rr && rr->citaat) {
        sb_puts(h->sb, "<blockquote class=\"citaat\"><p>");
        html_text(h, rr->citaat);
        sb_puts(h->sb, "</p></blockquote>\n");
    }
    if (n->n_params > 0) {
        sb_puts(h->sb, "<ul class=\"parameters\">\n");
        for (uint32_t i = 0; i < n->n_params; i++) {
            const ex_value *v = &n->params[i];
            sb_puts(h->sb, "<li>Parameter: ");
            html_named_value(h, v);
            html_validity(h, v->valid_from, v->valid_until);
            sb_puts(h->sb, "</li>\n");
        }
        sb_puts(h->sb, "</ul>\n");
    }
    html_checks(h, r, true, "Voldaan:");
    if (html_is_exception(r)) {
        sb_puts(h->sb, "<p class=\"opzij\">Deze uitzondering zet de regel &quot;");
        html_text(h, r->parent->name);
        sb_puts(h->sb, "&quot; opzij");
        if (n->set_aside && n->set_aside->value) {
            sb_puts(h->sb, " (die gaf: ");
            html_value(h, n->type, n->set_aside->value);
            sb_putc(h->sb, ')');
        }
        sb_puts(h->sb, ".</p>\n");
    }
    sb_puts(h->sb, "</div>\n");
}

/* Whether r has an atom in a check of the wanted side. */
static bool html_has_checks(const ex_rule *r, bool met)
{
    for (uint32_t c = 0; c < r->n_checks; c++)
        if (html_check_side(r, &r->checks[c], met) && r->checks[c].n_atoms > 0)
            return true;
    return false;
}

/* One rule of "Niet toegepast". */
static void html_not_applied(html *h, const ex_rule *r)
{
    if (r->reason == EX_REASON_OUT_OF_FORCE || r->run == EV_RULE_OUT_OF_FORCE) {
        sb_puts(h->sb, "<li>");
        html_rule_name(h, r);
        sb_puts(h->sb, " gold niet op de peildatum");
        if (r->rule)
            html_validity(h, r->rule->valid_from, r->rule->valid_until);
        sb_puts(h->sb, "</li>\n");
        return;
    }
    bool any = false;
    for (uint32_t c = 0; c < r->n_checks; c++) {
        const ex_check *ck = &r->checks[c];
        if (ck->value == EV_COND_WAAR)
            continue;
        for (uint32_t a = 0; a < ck->n_atoms; a++) {
            sb_puts(h->sb, "<li>");
            html_rule_name(h, r);
            sb_puts(h->sb, ": niet voldaan: ");
            html_atom_inline(h, &ck->atoms[a]);
            sb_puts(h->sb, "</li>\n");
            any = true;
        }
    }
    if (!any) {
        sb_puts(h->sb, "<li>");
        html_rule_name(h, r);
        sb_puts(h->sb, ": niet van toepassing</li>\n");
    }
}

/* "Ontbrekende feiten: a, b." over a byte-per-input table; false when none. */
static bool html_missing(html *h, const uint8_t *missing, const char *cls)
{
    bool any = false;
    for (uint32_t i = 0; missing && i < h->p->n_inputs; i++) {
        if (!missing[i])
            continue;
        if (!any)
            sb_printf(h->sb, "<p class=\"%s\">Ontbrekende feiten: ", cls);
        else
            sb_puts(h->sb, ", ");
        sb_puts(h->sb, "<span class=\"naam\">");
        html_text(h, h->p->inputs[i].name);
        sb_puts(h->sb, "</span>");
        any = true;
    }
    if (any)
        sb_puts(h->sb, ".</p>\n");
    return any;
}

/* The rules an undecided outcome waits for. */
static void html_waiting(html *h, const ex_node *n)
{
    if (n->n_waiting == 0)
        return;
    sb_puts(h->sb, "<ul class=\"wacht\">\n");
    for (uint32_t w = 0; w < n->n_waiting; w++) {
        const ex_rule *r = &n->waiting[w];
        if (r->reason == EX_REASON_DATE_UNKNOWN || r->run == EV_RULE_DATE_UNKNOWN) {
            sb_puts(h->sb, "<li>");
            html_rule_name(h, r);
            sb_puts(h->sb, " kan nog niet beslissen: de peildatum is onbekend");
            if (r->rule)
                html_validity(h, r->rule->valid_from, r->rule->valid_until);
            sb_puts(h->sb, "</li>\n");
            continue;
        }
        bool any = false;
        for (uint32_t c = 0; c < r->n_checks; c++) {
            const ex_check *ck = &r->checks[c];
            if (ck->value != EV_COND_ONBEKEND)
                continue;
            for (uint32_t a = 0; a < ck->n_atoms; a++) {
                sb_puts(h->sb, "<li>");
                html_rule_name(h, r);
                sb_puts(h->sb, " kan nog niet beslissen: onbekend of ");
                html_atom_inline(h, &ck->atoms[a]);
                sb_puts(h->sb, "</li>\n");
                any = true;
            }
        }
        if (!any) {
            sb_puts(h->sb, "<li>");
            html_rule_name(h, r);
            sb_puts(h->sb, r->reason == EX_REASON_VALUE_UNKNOWN
                               ? " kan nog niet beslissen: de waarde hangt af van iets dat nog "
                                 "onbekend is</li>\n"
                               : " kan nog niet beslissen</li>\n");
        }
    }
    sb_puts(h->sb, "</ul>\n");
}

static void html_body(html *h, const ex_node *n, int level, int depth);

/* Steunt op: a nested list; sections are linked, begrippen expanded once. */
static void html_uses(html *h, const ex_node *n, int level, int depth)
{
    if (n->n_uses == 0)
        return;
    html_heading(h, level, "Steunt op");
    sb_puts(h->sb, "<ul class=\"steunt\">\n");
    for (uint32_t i = 0; i < n->n_uses; i++) {
        uint32_t x = n->uses[i];
        if (x >= h->p->n_outcomes)
            continue;
        const ex_node *m = &h->doc->nodes[x];
        sb_puts(h->sb, "<li><p><span class=\"naam\">");
        html_text(h, m->name);
        sb_puts(h->sb, "</span> = <span class=\"waarde\">");
        html_value(h, m->type, m->value);
        sb_puts(h->sb, "</span>");
        if (m->own_section) {
            sb_puts(h->sb, " (<a href=\"#");
            html_anchor(h, m->name);
            sb_puts(h->sb, "\">zie ‘");
            html_text(h, m->name);
            sb_puts(h->sb, "’</a>)</p></li>\n");
        } else if (h->expanded[x] || depth + 1 >= EX_MAX_DEPTH) {
            sb_puts(h->sb, " (zie hierboven)</p></li>\n");
        } else {
            h->expanded[x] = 1;
            sb_puts(h->sb, "</p>\n<div class=\"genest\">\n");
            html_body(h, m, level + 1, depth + 1);
            sb_puts(h->sb, "</div></li>\n");
        }
    }
    sb_puts(h->sb, "</ul>\n");
}

/* One entry per host-function call (issue 8), inside the facts list:
 * "Externe functie" — "werkdagen_tussen(1 maart 2023, 31 maart 2023) = 22". */
static void html_calls(html *h, const ex_node *n)
{
    for (uint32_t i = 0; i < n->n_calls; i++) {
        const ex_call *c = &n->calls[i];
        sb_puts(h->sb, "<div class=\"extern\"><dt>Externe functie</dt><dd>");
        html_text(h, c->fn->name);
        sb_putc(h->sb, '(');
        for (uint32_t k = 0; c->args && k < c->fn->n_params; k++) {
            if (k)
                sb_puts(h->sb, ", ");
            html_value(h, c->fn->params[k], &c->args[k]);
        }
        sb_puts(h->sb, ") = ");
        html_value(h, c->fn->result, c->result);
        sb_puts(h->sb, "</dd></div>\n");
    }
}

/* Everything under an outcome's title; block headings at `level`. */
static void html_body(html *h, const ex_node *n, int level, int depth)
{
    if (n->sentence && n->sentence[0]) {
        sb_puts(h->sb, "<p class=\"zin\">");
        html_text(h, n->sentence);
        sb_puts(h->sb, "</p>\n");
    }
    if (!h->doc->explained)
        return;
    if (n->status != EX_DECIDED || !n->value || n->value->tag == RV_ONBEKEND) {
        bool missing = false;
        for (uint32_t i = 0; n->missing && i < h->p->n_inputs; i++)
            missing |= n->missing[i] != 0;
        if (missing || n->n_waiting > 0)
            html_heading(h, level, "Wat nog ontbreekt");
        html_missing(h, n->missing, "ontbrekend");
        html_waiting(h, n);
    }
    if (n->decider) {
        html_ground(h, n, level);
        if (html_has_checks(n->decider, false)) {
            html_heading(h, level, "Waarom niet");
            html_checks(h, n->decider, false, "Niet voldaan:");
        }
    }
    if (n->n_not_applied > 0) {
        html_heading(h, level, "Niet toegepast");
        sb_puts(h->sb, "<ul class=\"niet-toegepast\">\n");
        for (uint32_t i = 0; i < n->n_not_applied; i++)
            html_not_applied(h, &n->not_applied[i]);
        sb_puts(h->sb, "</ul>\n");
    }
    if (n->n_facts > 0 || n->n_calls > 0) {
        html_heading(h, level, "Feitelijke gronden");
        sb_puts(h->sb, "<dl class=\"feiten\">\n");
        for (uint32_t i = 0; i < n->n_facts; i++) {
            const ex_value *v = &n->facts[i];
            sb_puts(h->sb, "<div><dt>");
            html_text(h, v->name);
            sb_puts(h->sb, "</dt><dd>");
            html_value(h, v->type, v->value);
            if (v->defaulted)
                sb_puts(h->sb, " (standaard)");
            sb_puts(h->sb, "</dd></div>\n");
        }
        html_calls(h, n);
        sb_puts(h->sb, "</dl>\n");
    }
    html_uses(h, n, level, depth);
}

/* The decision as a short text: the value, or why there is none. */
static void html_decision(html *h, const ex_node *n)
{
    if (n->status == EX_UNKNOWN)
        sb_puts(h->sb, "nog niet beslist");
    else if (n->status == EX_NO_RULE)
        sb_puts(h->sb, "geen regel van toepassing");
    else
        html_value(h, n->type, n->value);
}

static const char *const html_css =
    ":root{color-scheme:light}\n"
    "html{font-family:system-ui,\"Segoe UI\",Roboto,\"Noto Sans\",\"DejaVu Sans\",Arial,"
    "sans-serif;font-size:100%;line-height:1.5;color:#1a1a1a;background:#fff}\n"
    "body{margin:0;padding:1rem}\n"
    "main{max-width:48rem;margin:0 auto}\n"
    "h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,caption,blockquote{overflow-wrap:anywhere}\n"
    "h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem}\n"
    "h2{font-size:1.5rem;line-height:1.25;margin:2rem 0 .75rem;padding-bottom:.25rem;"
    "border-bottom:.125rem solid #1d4f7c}\n"
    "h3{font-size:1.2rem;margin:1.5rem 0 .5rem}\n"
    "h4,h5,h6{font-size:1.05rem;margin:1rem 0 .25rem}\n"
    "p,ul,dl,blockquote{margin:.5rem 0}\n"
    "ul{padding-left:1.5rem}\n"
    "a{color:#0b4a85}\n"
    "a:focus-visible{outline:.1875rem solid #b35900;outline-offset:.125rem}\n"
    ".beleid{font-size:1.15rem}\n"
    ".samenvatting{border:.125rem solid #1d4f7c;border-radius:.375rem;background:#eef4fa;"
    "padding:0 1rem .75rem;margin:1rem 0 2rem}\n"
    ".samenvatting h2{border:0;margin-top:.75rem}\n"
    "table{border-collapse:collapse;width:100%}\n"
    "caption{text-align:left;font-weight:600;padding:0 0 .5rem}\n"
    "th,td{text-align:left;vertical-align:top;padding:.375rem .5rem;"
    "border-bottom:.0625rem solid #7b8da3}\n"
    "thead th{border-bottom:.125rem solid #1d4f7c}\n"
    "tbody th{font-weight:normal}\n"
    ".zin{font-size:1.15rem;background:#f4f6f0;border-left:.3rem solid #1d4f7c;"
    "padding:.5rem .75rem}\n"
    ".regel{font-weight:600}\n"
    "blockquote{margin:.5rem 0;padding:.5rem 1rem;border-left:.3rem solid #5c5c5c;"
    "background:#f5f5f5;font-style:italic}\n"
    "blockquote p{margin:0}\n"
    ".voorwaarde{font-weight:600}\n"
    ".naam{font-weight:600}\n"
    "dl.feiten{margin:.5rem 0}\n"
    "dl.feiten div{display:flex;flex-wrap:wrap;column-gap:.75rem;padding:.25rem 0;"
    "border-bottom:.0625rem solid #d0d6de}\n"
    "dl.feiten dt{font-weight:600;min-width:0}\n"
    "dl.feiten dd{margin:0;min-width:0}\n"
    ".genest{margin:.25rem 0 .75rem;padding-left:1rem;border-left:.2rem solid #c3ccd6}\n"
    ".opzij{font-style:italic}\n"
    "@page{size:A4;margin:1.5cm}\n"
    "@media print{"
    "html{font-size:10.5pt}"
    "body{padding:0}"
    "main{max-width:none}"
    "a{color:inherit;text-decoration:none}"
    "section.uitkomst,.grond,.genest,.zin,blockquote,li,tr,dl.feiten div{break-inside:avoid}"
    "h1,h2,h3,h4,h5,h6{break-after:avoid}"
    "th,td{padding:.2rem .5rem}"
    "h2{margin-top:1.25rem}"
    ".samenvatting,.zin,blockquote{background:none}"
    "}\n";

static void html_section(html *h, uint32_t o)
{
    const ex_node *n = &h->doc->nodes[o];
    memset(h->expanded, 0, h->p->n_outcomes);
    h->expanded[o] = 1;
    sb_puts(h->sb, "<section class=\"uitkomst\" id=\"");
    html_anchor(h, n->name);
    sb_puts(h->sb, "\" aria-labelledby=\"t-");
    html_text(h, n->name);
    sb_puts(h->sb, "\">\n<h2 id=\"t-");
    html_text(h, n->name);
    sb_puts(h->sb, "\">");
    html_text(h, n->name);
    sb_puts(h->sb, ": ");
    html_decision(h, n);
    sb_puts(h->sb, "</h2>\n");
    html_body(h, n, 3, 0);
    sb_puts(h->sb, "</section>\n");
}

static void html_summary(html *h)
{
    sb_puts(h->sb, "<section class=\"samenvatting\" aria-labelledby=\"samenvatting\">\n"
                   "<h2 id=\"samenvatting\">Samenvatting</h2>\n"
                   "<table>\n<caption>Alle beslissingen in dit document</caption>\n"
                   "<thead><tr><th scope=\"col\">Uitkomst</th><th scope=\"col\">Beslissing</th>"
                   "</tr></thead>\n<tbody>\n");
    for (uint32_t i = 0; i < h->doc->n_shown; i++) {
        const ex_node *n = &h->doc->nodes[h->doc->shown[i]];
        sb_puts(h->sb, "<tr><th scope=\"row\"><a href=\"#");
        html_anchor(h, n->name);
        sb_puts(h->sb, "\">");
        html_text(h, n->name);
        sb_puts(h->sb, "</a></th><td>");
        html_decision(h, n);
        sb_puts(h->sb, "</td></tr>\n");
    }
    sb_puts(h->sb, "</tbody>\n</table>\n");
    html_missing(h, h->doc->missing, "ontbrekend");
    sb_puts(h->sb, "</section>\n");
}

void render_html_doc(strbuf *sb, const ex_doc *doc)
{
    html h = {.sb = sb, .doc = doc, .p = doc->policy, .tmp = STRBUF_INIT};
    const regel_policy *p = doc->policy;
    h.expanded = calloc(p->n_outcomes ? p->n_outcomes : 1, 1);
    if (!h.expanded) {
        sb->failed = true;
        return;
    }
    const char *beleid = p->name && p->name[0] ? p->name : NULL;
    sb_puts(sb, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<title>Beslissing");
    if (beleid) {
        sb_puts(sb, " – ");
        html_text(&h, beleid);
    }
    sb_puts(sb, "</title>\n<style>\n");
    sb_puts(sb, html_css);
    sb_puts(sb, "</style>\n</head>\n<body>\n<main>\n<h1>Beslissing</h1>\n");
    if (beleid) {
        sb_puts(sb, "<p class=\"beleid\">Beleid: <strong>");
        html_text(&h, beleid);
        sb_puts(sb, "</strong></p>\n");
    }
    if (doc->peildatum && p->peildatum_input < p->n_inputs) {
        sb_puts(sb, "<p class=\"peildatum\">Peildatum: ");
        html_value(&h, p->inputs[p->peildatum_input].type, doc->peildatum);
        sb_puts(sb, "</p>\n");
    }
    html_summary(&h);
    for (uint32_t i = 0; i < doc->n_shown; i++)
        if (doc->shown[i] < p->n_outcomes)
            html_section(&h, doc->shown[i]);
    sb_puts(sb, "</main>\n</body>\n</html>\n");
    sb_free(&h.tmp);
    free(h.expanded);
}
