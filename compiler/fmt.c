/* fmt.c — `regel fmt` (issue 10): the canonical layout of a policy. The
 * tokens come from the real lexer (parse_tokens); comments and blank lines
 * are recovered from the gaps between them. The layout depends only on the
 * tokens, the comments and where blank lines separate top-level items;
 * the output is lexed again and compared with the input before it is used. */
#include "fmt.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "compile.h"
#include "diag.h"
#include "parse.h"
#include "parser.h"

/* A comment: its text from `#` to the end of the line (trailing blanks cut). */
typedef struct fcomment {
    const char *text;
    size_t len;
    bool blank_before; /* a blank line separates it from what came before */
} fcomment;

/* A token as the formatter sees it: `, anders` and `, standaard` are split
 * into the comma (comma_part) and the word, with the gap between them. */
typedef struct ftok {
    int kind;         /* bison token kind; 0: the end of the file */
    bool comma_part;  /* the `,` of a `, anders` / `, standaard` token */
    const char *text; /* the text written (a string: on one line) */
    size_t len;
    size_t width;        /* in code points */
    size_t lead, n_lead; /* own-line comments before it (index into comments) */
    size_t trail;        /* 1 + index of the comment ending its line, or 0 */
    bool blank_before;   /* a blank line right before it (after its comments) */
    bool refill;         /* a string after bron/citaat/uitleg/vraag */
    const bool *nl;      /* a string: nl[k] when text[k] was a line break */
} ftok;

typedef struct fmt_state {
    arena *a;
    const char *src;
    size_t len;
    ftok *t;
    size_t n, cap;
    fcomment *c;
    size_t nc, capc;
    /* output */
    char *out;
    size_t olen, ocap;
    size_t col;
    bool failed;
} fmt_state;

static size_t fmt_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            w++;
    return w;
}

/* ---- spacing ---- */

/* The word after a number in an amount or a duration: `euro`, `dagen`, … */
static bool fmt_unit_word(int k)
{
    switch (k) {
    case EURO:
    case DAG:
    case DAGEN:
    case WEEK:
    case WEKEN:
    case MAAND:
    case MAANDEN:
    case JAAR:
    case JAREN:
        return true;
    default:
        return false;
    }
}

static bool fmt_operand_end(int k)
{
    if (fmt_unit_word(k))
        return true;
    switch (k) {
    case NAME:
    case NUMBER:
    case STRING:
    case DATE:
    case RPAREN:
    case FIELD:
    case WAAR:
    case ONWAAR:
    case BEKEND:
    case ONBEKEND:
    case DECIMAAL:
    case DECIMALEN:
    case REKENKUNDIG:
    case BANKIERS:
    case BOVEN:
    case BENEDEN:
    case SAMENGEVOEGD:
        return true;
    default:
        return false;
    }
}

bool fmt_space(int pp, int p, int n, int nn)
{
    if (p == 0)
        return false;
    if (n == COMMA || n == DOT || n == RPAREN || n == FIELD || n == COLON)
        return false;
    if (p == LPAREN)
        return false;
    if (p == NAME && n == LPAREN && nn != OPTIONEEL && nn != NIET && nn != STANDAARD)
        return false; /* a call: naam(a, b) */
    if (p == MINUS && !fmt_operand_end(pp))
        return false; /* unary minus: -5 */
    return true;
}

/* ---- output ---- */

static void fmt_put(fmt_state *f, const char *s, size_t n)
{
    if (f->failed)
        return;
    if (f->olen + n + 1 > f->ocap) {
        size_t cap = f->ocap ? f->ocap : 4096;
        while (cap < f->olen + n + 1)
            cap *= 2;
        char *p = realloc(f->out, cap);
        if (!p) {
            f->failed = true;
            return;
        }
        f->out = p;
        f->ocap = cap;
    }
    memcpy(f->out + f->olen, s, n);
    f->olen += n;
    f->out[f->olen] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            f->col = 0;
        else if (((unsigned char)s[i] & 0xC0) != 0x80)
            f->col++;
    }
}

static void fmt_newline(fmt_state *f)
{
    while (f->olen > 0 && f->out[f->olen - 1] == ' ')
        f->olen--;
    fmt_put(f, "\n", 1);
}

static void fmt_blank(fmt_state *f)
{
    if (f->olen == 0 || f->failed)
        return;
    if (f->olen >= 2 && f->out[f->olen - 1] == '\n' && f->out[f->olen - 2] == '\n')
        return;
    fmt_put(f, "\n", 1);
}

static void fmt_indent(fmt_state *f, size_t n)
{
    static const char spaces[] = "                                ";
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        fmt_put(f, spaces, k);
        n -= k;
    }
}

/* ---- tokens and comments ---- */

static bool fmt_push_tok(fmt_state *f, const ftok *t)
{
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 256;
        ftok *p = realloc(f->t, cap * sizeof *p);
        if (!p)
            return false;
        f->t = p;
        f->cap = cap;
    }
    f->t[f->n++] = *t;
    return true;
}

/* Read the comments in src[from..to): the first one on the line of the token
 * before (when there is one) is its trailing comment; the others belong to
 * the next token. Sets *trail, *lead, *n_lead and *blank. */
static bool fmt_gap(fmt_state *f, size_t from, size_t to, bool after_token, size_t *trail,
                    size_t *lead, size_t *n_lead, bool *blank)
{
    size_t newlines = 0;
    *trail = 0;
    *lead = f->nc;
    *n_lead = 0;
    for (size_t i = from; i < to; i++) {
        char ch = f->src[i];
        if (ch == '\n') {
            newlines++;
            continue;
        }
        if (ch != '#')
            continue;
        size_t e = i;
        while (e < to && f->src[e] != '\n')
            e++;
        size_t te = e;
        while (te > i &&
               (f->src[te - 1] == ' ' || f->src[te - 1] == '\t' || f->src[te - 1] == '\r'))
            te--;
        if (f->nc == f->capc) {
            size_t cap = f->capc ? f->capc * 2 : 64;
            fcomment *p = realloc(f->c, cap * sizeof *p);
            if (!p)
                return false;
            f->c = p;
            f->capc = cap;
        }
        fcomment c = {f->src + i, te - i, newlines >= 2};
        if (after_token && newlines == 0 && *trail == 0 && *n_lead == 0) {
            f->c[f->nc] = c;
            *trail = ++f->nc;
            *lead = f->nc;
        } else {
            f->c[f->nc++] = c;
            (*n_lead)++;
        }
        newlines = 0;
        i = e - 1;
    }
    *blank = newlines >= 2;
    return true;
}

size_t fmt_flatten(const char *s, size_t n, char *out, bool *nl)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '\\' && i + 1 < n) {
            out[k++] = ch;
            out[k++] = s[++i];
            continue;
        }
        if (ch == '\r' && i + 1 < n && s[i + 1] == '\n')
            continue;
        if (ch == '\n') {
            while (i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t'))
                i++;
            if (nl)
                nl[k] = true;
            out[k++] = ' ';
            continue;
        }
        out[k++] = ch;
    }
    return k;
}

/* A string literal on one line (fmt_flatten); *nl marks the spaces that
 * were line breaks, so the author's line breaks in a text can be kept. */
static const char *fmt_string_text(fmt_state *f, const char *s, size_t n, size_t *len,
                                   const bool **nl)
{
    char *o = arena_alloc(f->a, n + 1);
    bool *brk = arena_alloc(f->a, n + 1);
    if (!o || !brk)
        return NULL;
    memset(brk, 0, n + 1);
    *nl = brk;
    *len = fmt_flatten(s, n, o, brk);
    o[*len] = '\0';
    return o;
}

static bool fmt_add(fmt_state *f, int kind, size_t off, size_t end, size_t gap_from,
                    bool after_token)
{
    ftok t;
    memset(&t, 0, sizeof t);
    t.kind = kind;
    bool blank;
    if (!fmt_gap(f, gap_from, off, after_token, &t.trail, &t.lead, &t.n_lead, &blank))
        return false;
    /* the trailing comment belongs to the token before */
    if (t.trail && f->n > 0)
        f->t[f->n - 1].trail = t.trail;
    t.trail = 0;
    t.blank_before = blank;
    t.text = f->src + off;
    t.len = end - off;
    if (kind == STRING) {
        t.text = fmt_string_text(f, f->src + off, end - off, &t.len, &t.nl);
        if (!t.text)
            return false;
    }
    t.width = fmt_width(t.text, t.len);
    return fmt_push_tok(f, &t);
}

/* Build f->t from the lexer's tokens. */
static bool fmt_tokens(fmt_state *f, const parse_token *pt, size_t n)
{
    size_t pos = 0;
    if (f->len >= 3 && memcmp(f->src, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    for (size_t i = 0; i < n; i++) {
        size_t off = pt[i].loc.off, end = pt[i].loc.end_off;
        int k = pt[i].kind;
        if ((k == ANDERS || k == STANDAARD) && f->src[off] == ',') {
            size_t wl = k == ANDERS ? 6 : 9;
            if (!fmt_add(f, k, off, off + 1, pos, i > 0))
                return false;
            f->t[f->n - 1].comma_part = true;
            if (!fmt_add(f, k, end - wl, end, off + 1, true))
                return false;
        } else if (!fmt_add(f, k, off, end, pos, i > 0)) {
            return false;
        }
        pos = end;
    }
    if (!fmt_add(f, 0, f->len, f->len, pos, n > 0))
        return false;
    for (size_t i = 1; i < f->n; i++) {
        int p = f->t[i - 1].kind;
        if (f->t[i].kind == STRING && !f->t[i - 1].comma_part &&
            (p == CITAAT || p == UITLEG || p == VRAAG))
            f->t[i].refill = true;
    }
    return true;
}

/* ---- layout ---- */

static int fmt_kind(const fmt_state *f, size_t i)
{
    return i < f->n ? f->t[i].kind : 0;
}

/* Whether a space goes before token i (i > 0). */
static bool fmt_space_before(const fmt_state *f, size_t i)
{
    const ftok *t = &f->t[i];
    if (t->comma_part)
        return false;
    if (i == 0)
        return false;
    if (f->t[i - 1].comma_part)
        return true;
    int pp = i >= 2 ? f->t[i - 2].kind : 0;
    return fmt_space(pp, f->t[i - 1].kind, t->kind, fmt_kind(f, i + 1));
}

/* A preferred place for a line break: before these words and after a comma. */
static bool fmt_break_pref(const fmt_state *f, size_t i)
{
    if (i == 0)
        return false;
    if (f->t[i - 1].kind == COMMA || f->t[i - 1].comma_part)
        return true;
    switch (f->t[i].kind) {
    case EN:
    case OF:
    case WAARVOOR:
    case STANDAARD:
    case VOLGENS:
    case DOOR:
    case GELDT:
    case INDIEN:
    case VOOR:
    case GELDIG:
        return true;
    default:
        return false;
    }
}

/* No line break before token i: a name in quotes stays with the word before
 * it (`regel "…"`, `op "…"`, `door regel "…"`), and a written date, an
 * amount or a duration stays whole (`1 januari 2021`, `12,50 euro`, `€ 90`,
 * `6 maanden`). Texts that are re-filled break inside instead. */
static bool fmt_glued(const fmt_state *f, size_t i)
{
    if (i == 0)
        return false;
    int p = f->t[i - 1].kind, k = f->t[i].kind;
    if (k == MONTH || fmt_unit_word(k))
        return p == NUMBER;
    switch (k) {
    case STRING:
        return !f->t[i].refill;
    case NUMBER:
        return p == MONTH || p == EURO_TEKEN;
    case SREGEL:
        return p == DOOR;
    default:
        return false;
    }
}

/* The width of the unit starting at i: the token and the ones joined to it
 * without a space or glued to it (fmt_glued), up to b; *next receives the
 * index after the unit. */
static size_t fmt_unit(const fmt_state *f, size_t i, size_t b, size_t *next)
{
    size_t w = f->t[i].width;
    size_t j = i + 1;
    while (j < b && f->t[j].n_lead == 0 && f->t[j - 1].trail == 0) {
        bool sp = fmt_space_before(f, j);
        if (sp && !fmt_glued(f, j))
            break;
        w += f->t[j].width + (sp ? 1 : 0);
        j++;
    }
    *next = j;
    return w;
}

/* The width of tokens a..b on one line, or SIZE_MAX when a comment forces a
 * break inside. */
static size_t fmt_line_width(const fmt_state *f, size_t a, size_t b)
{
    size_t w = 0;
    for (size_t i = a; i < b; i++) {
        if (i > a && (f->t[i].n_lead > 0 || f->t[i - 1].trail))
            return SIZE_MAX;
        if (i > a && fmt_space_before(f, i))
            w++;
        w += f->t[i].width;
    }
    return w;
}

static void fmt_comment(fmt_state *f, size_t ci)
{
    fmt_put(f, f->c[ci].text, f->c[ci].len);
}

/* The own-line comments before token i, at indent; blank lines kept when
 * blanks (top level). */
static void fmt_leads(fmt_state *f, size_t i, size_t indent, bool blanks)
{
    const ftok *t = &f->t[i];
    for (size_t k = 0; k < t->n_lead; k++) {
        if (blanks && f->c[t->lead + k].blank_before)
            fmt_blank(f);
        fmt_indent(f, indent);
        fmt_comment(f, t->lead + k);
        fmt_newline(f);
    }
    if (blanks && t->blank_before)
        fmt_blank(f);
}

/* A single space between two words of string text s[0..n) (quotes
 * included) at k, which may become a line break and indentation. */
static bool fmt_breakable(const char *s, size_t n, size_t k)
{
    return k >= 2 && k + 2 < n && s[k] == ' ' && s[k - 1] != ' ' && s[k - 1] != '\t' &&
           s[k + 1] != ' ' && s[k + 1] != '\t';
}

/* A string that may be re-filled: the author's line breaks are kept (at
 * single spaces between words; a text is written as its author broke it),
 * and a line that would pass FMT_WIDTH is broken at the last single space
 * that fits. tail is the width of what follows the closing quote without a
 * space. */
static void fmt_refill(fmt_state *f, size_t i, size_t cont, size_t tail)
{
    const ftok *t = &f->t[i];
    const char *s = t->text;
    size_t n = t->len;
    size_t start = 0;
    for (size_t k = 1; k < n; k++) {
        if (!fmt_breakable(s, n, k))
            continue;
        fmt_put(f, s + start, k - start);
        size_t e = k + 1;
        while (e < n && !fmt_breakable(s, n, e))
            e++;
        size_t w = fmt_width(s + k + 1, e - k - 1) + (e == n ? tail : 0);
        if ((t->nl && t->nl[k]) || f->col + 1 + w > FMT_WIDTH) {
            fmt_newline(f);
            fmt_indent(f, cont);
        } else {
            fmt_put(f, " ", 1);
        }
        start = k + 1;
    }
    fmt_put(f, s + start, n - start);
}

/* Tokens a..b as one logical line: the first line at indent, the rest at
 * indent + 4, filled to FMT_WIDTH. Ends with a line break. */
static void fmt_clause(fmt_state *f, size_t a, size_t b, size_t indent, bool top)
{
    if (a >= b)
        return;
    size_t cont = indent + 4;
    fmt_leads(f, a, indent, top);
    fmt_indent(f, indent);
    bool line_start = true;
    size_t i = a;
    while (i < b) {
        if (i > a && f->t[i].n_lead > 0) {
            if (!line_start)
                fmt_newline(f);
            fmt_leads(f, i, cont, false);
            fmt_indent(f, cont);
            line_start = true;
        }
        size_t next;
        size_t w = fmt_unit(f, i, b, &next);
        bool sp = !line_start && fmt_space_before(f, i);
        const ftok *t = &f->t[i];
        if (sp) {
            size_t need = w;
            if (t->refill) {
                /* only the first word has to fit here */
                const char *q = memchr(t->text, ' ', t->len);
                need = q ? fmt_width(t->text, (size_t)(q - t->text)) : w;
            }
            bool brk = f->col + 1 + need > FMT_WIDTH;
            if (!brk && fmt_break_pref(f, i)) {
                /* the chunk up to the next preferred break must fit too */
                size_t cw = 0, j = i;
                while (j < b) {
                    size_t nj;
                    size_t uw = fmt_unit(f, j, b, &nj);
                    if (j > i && (fmt_break_pref(f, j) || f->t[j].n_lead > 0))
                        break;
                    if (f->t[j].refill) {
                        const char *q = memchr(f->t[j].text, ' ', f->t[j].len);
                        if (q)
                            uw = fmt_width(f->t[j].text, (size_t)(q - f->t[j].text));
                    }
                    cw += (j > i ? 1 : 0) + uw;
                    bool stop = f->t[nj - 1].trail != 0 || f->t[j].refill;
                    j = nj;
                    if (stop)
                        break;
                }
                brk = f->col + 1 + cw > FMT_WIDTH;
            }
            if (brk) {
                fmt_newline(f);
                fmt_indent(f, cont);
            } else {
                fmt_put(f, " ", 1);
            }
        }
        line_start = false;
        for (size_t j = i; j < next; j++) {
            if (j > i && fmt_space_before(f, j))
                fmt_put(f, " ", 1);
            if (f->t[j].refill) {
                size_t tail = 0, nx;
                if (j + 1 < next)
                    tail = fmt_unit(f, j + 1, next, &nx);
                fmt_refill(f, j, cont, tail);
            } else {
                fmt_put(f, f->t[j].text, f->t[j].len);
            }
        }
        if (f->t[next - 1].trail) {
            fmt_put(f, " ", 1);
            fmt_comment(f, f->t[next - 1].trail - 1);
            if (next < b) {
                fmt_newline(f);
                fmt_indent(f, cont);
                line_start = true;
            }
        }
        i = next;
    }
    fmt_newline(f);
}

static bool fmt_starts_decl(int k)
{
    switch (k) {
    case BELEID:
    case SOORT:
    case GEGEVEN:
    case INVOER:
    case UITKOMST:
    case BEGRIP:
    case PARAMETER:
    case REGEL:
    case UITZONDERING:
    case SCENARIO:
    case EXTERN:
        return true;
    default:
        return false;
    }
}

/* invoer / uitkomst / begrip: one field on one line, else one per line. */
static void fmt_vars(fmt_state *f, size_t a, size_t b)
{
    size_t fields = 1;
    bool vraag = false;
    int depth = 0;
    for (size_t i = a; i < b; i++) {
        int k = f->t[i].kind;
        depth += k == LPAREN ? 1 : k == RPAREN ? -1 : 0;
        if (k == COMMA && depth == 0)
            fields++;
        if (k == VRAAG)
            vraag = true;
    }
    if (fields == 1 && !vraag && fmt_line_width(f, a, b) <= FMT_WIDTH) {
        fmt_clause(f, a, b, 0, true);
        return;
    }
    fmt_clause(f, a, a + 1, 0, true);
    size_t s = a + 1;
    depth = 0;
    for (size_t i = a + 1; i < b; i++) {
        int k = f->t[i].kind;
        depth += k == LPAREN ? 1 : k == RPAREN ? -1 : 0;
        if (k == VRAAG && depth == 0) {
            fmt_clause(f, s, i, 4, false);
            s = i;
        }
        if ((k == COMMA && depth == 0) || i + 1 == b) {
            fmt_clause(f, s, i + 1, f->t[s].kind == VRAAG ? 8 : 4, false);
            s = i + 1;
        }
    }
}

/* parameter: one version on one line, else `is …` per line. */
static void fmt_param(fmt_state *f, size_t a, size_t b)
{
    size_t first_is = b;
    bool many = false;
    for (size_t i = a; i < b; i++) {
        if (f->t[i].kind == IS && first_is == b)
            first_is = i;
        if (f->t[i].kind == COMMA)
            many = true;
    }
    if (!many || first_is == b) {
        fmt_clause(f, a, b, 0, true);
        return;
    }
    fmt_clause(f, a, first_is, 0, true);
    size_t s = first_is;
    for (size_t i = first_is; i < b; i++) {
        if (f->t[i].kind == COMMA || i + 1 == b) {
            fmt_clause(f, s, i + 1, 4, false);
            s = i + 1;
        }
    }
}

/* A value and its condition on one line when that fits, else the condition
 * on the next line, one step further in; a condition that does not fit on
 * that line either gets a line for each `en` and `of` outside parentheses,
 * one step further in again. */
static void fmt_branch(fmt_state *f, size_t v, size_t c, size_t e, size_t indent)
{
    if (c < e && fmt_line_width(f, v, e) + indent <= FMT_WIDTH) {
        fmt_clause(f, v, e, indent, false);
        return;
    }
    fmt_clause(f, v, c, indent, false);
    if (c >= e || fmt_line_width(f, c, e) + indent + 4 <= FMT_WIDTH) {
        fmt_clause(f, c, e, indent + 4, false);
        return;
    }
    size_t s = c;
    int depth = 0;
    for (size_t i = c; i < e; i++) {
        int k = f->t[i].kind;
        depth += k == LPAREN ? 1 : k == RPAREN ? -1 : 0;
        if (depth == 0 && i > s && (k == EN || k == OF)) {
            fmt_clause(f, s, i, s == c ? indent + 4 : indent + 8, false);
            s = i;
        }
    }
    fmt_clause(f, s, e, s == c ? indent + 4 : indent + 8, false);
}

/* regel / uitzondering */
static void fmt_rule(fmt_state *f, size_t a, size_t b)
{
    size_t i = a + 1;
    while (i < b) {
        int k = f->t[i].kind;
        if (k == BRON || k == CITAAT || k == UITLEG || k == GELDIG || k == NAME)
            break;
        i++;
    }
    fmt_clause(f, a, i, 0, true);
    /* meta clauses: geldig …, bron, citaat, uitleg, each on its own line */
    while (i < b && f->t[i].kind != NAME) {
        size_t s = i++;
        while (i < b && f->t[i].kind != BRON && f->t[i].kind != CITAAT && f->t[i].kind != UITLEG &&
               f->t[i].kind != GELDIG && f->t[i].kind != NAME)
            i++;
        fmt_clause(f, s, i, 4, false);
    }
    /* the conclusion: value [indien cond] [uitleg], anders value … */
    size_t v = i, c = b;
    size_t indent = 4;
    int depth = 0;
    while (i < b) {
        int k = f->t[i].kind;
        depth += k == LPAREN ? 1 : k == RPAREN ? -1 : 0;
        bool word_anders = k == ANDERS && !f->t[i].comma_part;
        if (depth == 0 && k == INDIEN && c == b && i > v) {
            c = i;
        } else if (depth == 0 && (k == UITLEG || word_anders) && i > v) {
            fmt_branch(f, v, c < i ? c : i, i, indent);
            if (k == UITLEG) {
                size_t s = i++;
                while (i < b && !(f->t[i].kind == ANDERS && !f->t[i].comma_part))
                    i++;
                fmt_clause(f, s, i, 8, false);
            }
            v = i;
            c = b;
            indent = 8;
            continue;
        }
        i++;
    }
    if (v < b)
        fmt_branch(f, v, c < b ? c : b, b, indent);
}

/* scenario: the header, then each item on its own line */
static void fmt_scenario(fmt_state *f, size_t a, size_t b)
{
    size_t s = a;
    for (size_t i = a + 1; i < b; i++) {
        int k = f->t[i].kind;
        bool item = k == SGEGEVEN || k == VERWACHT;
        if (k == NAME && fmt_operand_end(f->t[i - 1].kind) &&
            (fmt_kind(f, i + 1) == DATE ||
             (fmt_kind(f, i + 1) == NUMBER && fmt_kind(f, i + 2) == MONTH)))
            item = true;
        if (item) {
            fmt_clause(f, s, i, s == a ? 0 : 4, s == a);
            s = i;
        }
    }
    fmt_clause(f, s, b, s == a ? 0 : 4, s == a);
}

static void fmt_item(fmt_state *f, size_t a, size_t b)
{
    switch (f->t[a].kind) {
    case INVOER:
    case UITKOMST:
    case BEGRIP:
        fmt_vars(f, a, b);
        break;
    case PARAMETER:
        fmt_param(f, a, b);
        break;
    case REGEL:
    case UITZONDERING:
        fmt_rule(f, a, b);
        break;
    case SCENARIO:
        fmt_scenario(f, a, b);
        break;
    default:
        fmt_clause(f, a, b, 0, true);
        break;
    }
}

static void fmt_layout(fmt_state *f)
{
    size_t last = f->n - 1; /* the end-of-file pseudo token */
    size_t i = 0;
    while (i < last) {
        size_t j = i + 1;
        while (j < last) {
            int k = f->t[j].kind;
            if (f->t[j - 1].kind == DOT)
                break;
            /* only `beleid` and `bron` may end without a dot */
            bool open = f->t[i].kind == BELEID || f->t[i].kind == BRON;
            if (open && (fmt_starts_decl(k) || (k == BRON && f->t[i].kind == BELEID)))
                break;
            j++;
        }
        fmt_item(f, i, j);
        i = j;
    }
    fmt_leads(f, last, 0, true);
    /* no blank lines at the end */
    while (f->olen >= 2 && f->out[f->olen - 1] == '\n' && f->out[f->olen - 2] == '\n')
        f->out[--f->olen] = '\0';
}

/* ---- the safety net ---- */

typedef struct fmt_lexed {
    arena *a;
    fmt_state f;
    parse_token *pt;
    ptrdiff_t n;
} fmt_lexed;

static bool fmt_lex(fmt_lexed *l, const char *src, size_t len)
{
    memset(l, 0, sizeof *l);
    l->a = arena_new(64 * 1024);
    diag_ctx *d = l->a ? diag_new("", src, len) : NULL;
    if (!d)
        return false;
    l->n = parse_tokens(l->a, d, src, len, &l->pt);
    bool ok = l->n >= 0 && diag_error_count(d) == 0;
    diag_free(d);
    if (!ok)
        return false;
    l->f.a = l->a;
    l->f.src = src;
    l->f.len = len;
    return fmt_tokens(&l->f, l->pt, (size_t)l->n);
}

static void fmt_lexed_free(fmt_lexed *l)
{
    free(l->f.t);
    free(l->f.c);
    arena_free(l->a);
}

bool fmt_same_tokens(const char *a, size_t alen, const char *b, size_t blen)
{
    fmt_lexed x, y;
    bool okx = fmt_lex(&x, a, alen); /* both, so that both can be freed */
    bool oky = fmt_lex(&y, b, blen);
    bool ok = okx && oky;
    ok = ok && x.n == y.n && x.f.nc == y.f.nc && x.f.n == y.f.n;
    for (ptrdiff_t i = 0; ok && i < x.n; i++) {
        const parse_token *p = &x.pt[i], *q = &y.pt[i];
        if (p->kind != q->kind) {
            ok = false;
        } else if (p->kind == STRING) {
            ok = p->len == q->len && memcmp(p->str, q->str, p->len) == 0;
        } else if (p->kind == ANDERS || p->kind == STANDAARD) {
            ok = (a[p->loc.off] == ',') == (b[q->loc.off] == ',');
        } else {
            size_t pl = p->loc.end_off - p->loc.off, ql = q->loc.end_off - q->loc.off;
            ok = pl == ql && memcmp(a + p->loc.off, b + q->loc.off, pl) == 0;
        }
    }
    for (size_t i = 0; ok && i < x.f.nc; i++)
        ok =
            x.f.c[i].len == y.f.c[i].len && memcmp(x.f.c[i].text, y.f.c[i].text, x.f.c[i].len) == 0;
    if (x.a)
        fmt_lexed_free(&x);
    if (y.a)
        fmt_lexed_free(&y);
    return ok;
}

/* ---- the driver ---- */

fmt_status fmt_source_opts(const char *src, size_t len, const char *name, char **out,
                           size_t *out_len, char **diagnostics, const fmt_opts *opts)
{
    *out = NULL;
    *out_len = 0;
    if (diagnostics)
        *diagnostics = NULL;
    if (!src)
        src = "";
    if (!name)
        name = "<stdin>";
    /* 1. it must parse (the checker's verdict does not matter) */
    arena *a = arena_new(64 * 1024);
    diag_ctx *d = a ? diag_new(name, src, len) : NULL;
    if (!d) {
        arena_free(a);
        return FMT_MEMORY;
    }
    ast_policy *p = parse_source(a, d, name, src, len);
    if (!p) {
        diag_free(d);
        arena_free(a);
        return FMT_MEMORY;
    }
    if (diag_error_count(d) > 0) {
        if (diagnostics) {
            /* as regelc --controleer: the messages, then the count */
            const char *t = diag_text(d);
            size_t tl = t ? strlen(t) : 0, ne = diag_error_count(d);
            char *m = malloc(tl + 64);
            if (m) {
                memcpy(m, t ? t : "", tl);
                if (tl > 0 && m[tl - 1] != '\n')
                    m[tl++] = '\n';
                if (ne == 1)
                    snprintf(m + tl, 64, "1 fout gevonden.\n");
                else
                    snprintf(m + tl, 64, "%zu fouten gevonden.\n", ne);
            }
            *diagnostics = m;
        }
        diag_free(d);
        arena_free(a);
        return FMT_SYNTAX;
    }
    diag_free(d);
    arena_free(a);

    /* 2. the tokens, comments and blank lines; 3. the layout */
    fmt_lexed l;
    if (!fmt_lex(&l, src, len)) {
        if (l.a)
            fmt_lexed_free(&l);
        return FMT_MEMORY;
    }
    fmt_layout(&l.f);
    bool failed = l.f.failed;
    char *text = l.f.out;
    size_t tlen = l.f.olen;
    l.f.out = NULL;
    fmt_lexed_free(&l);
    if (failed || !text) {
        free(text);
        if (failed)
            return FMT_MEMORY;
        text = compile_strdup("");
        if (!text)
            return FMT_MEMORY;
        tlen = 0;
    }
    if (opts && opts->tamper)
        opts->tamper(opts->ctx, text, &tlen);
    /* 4. the safety net */
    if (!fmt_same_tokens(src, len, text, tlen)) {
        free(text);
        return FMT_UNSAFE;
    }
    *out = text;
    *out_len = tlen;
    return FMT_OK;
}

fmt_status fmt_source(const char *src, size_t len, const char *name, char **out, size_t *out_len,
                      char **diagnostics)
{
    return fmt_source_opts(src, len, name, out, out_len, diagnostics, NULL);
}
