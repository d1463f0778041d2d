/* parse.c — parse_source (parse.h) and the small helpers the grammar
 * actions use to build the tree in the arena. Locations: end_line/end_col
 * are exclusive (the position just after the last character, like end_off).
 * Operator nodes (EX_BINARY, EX_NOT, EX_NEG, EX_IN; v0.2: EX_ROUND, EX_BEVAT,
 * EX_DUURT, EX_MERGE, EX_CLIP; v0.3: EX_KNOWN, EX_UNKNOWN at `is (on)bekend`)
 * carry the location of their operator words;
 * all other nodes cover their whole text. v0.5 (spec7 §1): the texts of
 * condition atoms and `uitleg` templates split into segments. Must not
 * print or exit: messages go to diag, running out of memory returns NULL. */
#include "parse.h"

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "parser.h"
#include "srccheck.h"

_Noreturn void parse_oom(parse_state *st)
{
    longjmp(st->oom, 1);
}

void *parse_alloc(parse_state *st, size_t n)
{
    void *p = arena_alloc(st->a, n ? n : 1);
    if (!p)
        parse_oom(st);
    return p;
}

const char *parse_strndup(parse_state *st, const char *s, size_t n)
{
    char *p = arena_strndup(st->a, s, n);
    if (!p)
        parse_oom(st);
    return p;
}

parse_list *parse_list_new(parse_state *st, size_t elem)
{
    parse_list *l = parse_alloc(st, sizeof *l);
    l->elem = (uint32_t)elem; /* a sizeof */
    l->next = st->lists;
    st->lists = l;
    return l;
}

/* Issue 11: the list grows in a malloc'd buffer (realloc), not in the arena,
 * which would keep every outgrown copy until the end of the compilation.
 * A list in the arena (st->decls with its reserved room, or one pushed to
 * after parse_list_finish) fills its room there first. */
void parse_list_push(parse_state *st, parse_list *l, const void *elem)
{
    if (l->n == l->cap) {
        if (l->cap > UINT32_MAX / 2)
            parse_oom(st);
        uint32_t cap = l->cap ? l->cap * 2 : 4;
        if (cap > SIZE_MAX / l->elem)
            parse_oom(st);
        void *items = realloc(l->heap ? l->items : NULL, (size_t)cap * l->elem);
        if (!items)
            parse_oom(st);
        if (!l->heap && l->n) /* out of the arena into a buffer of its own */
            memcpy(items, l->items, (size_t)l->n * l->elem);
        l->items = items;
        l->cap = cap;
        l->heap = true;
    }
    memcpy((char *)l->items + (size_t)l->n * l->elem, elem, l->elem);
    l->n++;
}

/* Move the items into the arena at their exact size (NULL when there are
 * none) and free the growing buffer; false when the arena has no memory
 * (the buffer is then left to parse_lists_free). */
static bool parse_list_to_arena(arena *a, parse_list *l)
{
    if (!l->heap)
        return true;
    void *items = NULL;
    if (l->n) {
        items = arena_alloc(a, (size_t)l->n * l->elem);
        if (!items)
            return false;
        memcpy(items, l->items, (size_t)l->n * l->elem);
    }
    free(l->items);
    l->items = items;
    l->cap = l->n;
    l->heap = false;
    return true;
}

void *parse_list_finish(parse_state *st, parse_list *l)
{
    if (!parse_list_to_arena(st->a, l))
        parse_oom(st);
    return l->items;
}

/* The list was read and is not needed any more: free its buffer now. */
void parse_list_release(parse_list *l)
{
    if (l->heap)
        free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
    l->heap = false;
}

/* At the end of a parse (also after running out of memory): free every
 * buffer that was neither finished nor released (error recovery drops lists). */
void parse_lists_free(parse_state *st)
{
    for (parse_list *l = st->lists; l; l = l->next)
        if (l->heap)
            parse_list_release(l);
    st->lists = NULL;
}

ast_expr *parse_expr(parse_state *st, ast_expr_kind kind, ast_loc loc)
{
    ast_expr *e = parse_alloc(st, sizeof *e);
    e->kind = kind;
    e->loc = loc;
    e->type = -1;
    return e;
}

/* Operator chains like `a + a + … + a` or `w en w en … w` are left-recursive:
 * bison's stack stays flat, but the tree does not, and every later walk of it
 * (locations, atoms, the checker, the emitter) recurses. The checker's own
 * depth limit is the same number. */
#define PARSE_MAX_HEIGHT 1000

static void parse_height_child(void *ctx, ast_expr *child)
{
    uint32_t *h = ctx;
    uint32_t c = child->height ? child->height : 1;
    if (c > *h)
        *h = c;
}

ast_expr *parse_track(parse_state *st, ast_expr *e)
{
    uint32_t h = 0;
    ast_each_child(e, parse_height_child, &h);
    e->height = h + 1;
    if (e->height <= PARSE_MAX_HEIGHT)
        return e;
    if (!st->too_high) {
        diag_report(st->d, DIAG_ERROR, e->loc, "splits de expressie op in begrippen",
                    "de expressie is te diep genest (meer dan %d niveaus)", PARSE_MAX_HEIGHT);
        st->too_high = true;
    }
    /* A leaf in its place: nothing after this can recurse into the chain. */
    ast_expr *leaf = parse_expr(st, EX_WAAR, e->loc);
    return leaf;
}

ast_expr *parse_binary(parse_state *st, ast_binop op, ast_loc loc, ast_expr *lhs, ast_expr *rhs)
{
    ast_expr *e = parse_expr(st, EX_BINARY, loc);
    e->u.binary.op = op;
    e->u.binary.lhs = lhs;
    e->u.binary.rhs = rhs;
    return parse_track(st, e);
}

ast_expr *parse_unary(parse_state *st, ast_expr_kind kind, ast_loc loc, ast_expr *operand)
{
    ast_expr *e = parse_expr(st, kind, loc);
    e->u.unary.operand = operand;
    return parse_track(st, e);
}

void parse_add_decl(parse_state *st, const ast_decl *decl)
{
    parse_list_push(st, st->decls, decl);
    /* Issue 11: parse_canon reads the tokens of a branch while its rule is
     * being parsed, so the ones before a finished declaration are not read
     * again: keep only the last two (its `.` and a lookahead), so that the
     * recorded tokens stay as few as those of one declaration. */
    if (st->n_toks > 2) {
        memmove(st->toks, st->toks + st->n_toks - 2, 2 * sizeof *st->toks);
        st->n_toks = 2;
    }
}

void parse_add_vars(parse_state *st, ast_decl_kind kind, parse_list *fields)
{
    const ast_field *f = fields->items;
    for (size_t i = 0; i < fields->n; i++) {
        ast_decl d;
        memset(&d, 0, sizeof d);
        d.kind = kind;
        d.u.var = f[i];
        if (kind != DECL_INPUT && f[i].dflt) {
            diag_report(st->d, DIAG_ERROR, f[i].dflt->loc,
                        "een uitkomst of begrip krijgt zijn waarde uit de regels; schrijf een "
                        "regel zonder ‘indien’ als algemene waarde",
                        "alleen een invoer kan een ‘standaard’ hebben");
            d.u.var.dflt = NULL;
        }
        if (kind != DECL_INPUT && f[i].nonnegative) {
            diag_report(st->d, DIAG_ERROR, f[i].optional_loc,
                        "een uitkomst of begrip krijgt zijn waarde uit de regels; een regel "
                        "die een negatieve waarde kan geven, zegt dat zelf",
                        "alleen een invoer of een veld van een gegeven kan ‘(niet negatief)’ zijn");
            d.u.var.nonnegative = false;
        }
        if (f[i].nonnegative && f[i].dflt && f[i].dflt->kind == EX_NEG) {
            diag_report(st->d, DIAG_ERROR, f[i].dflt->loc, NULL,
                        "de standaardwaarde van ‘%s’ is negatief, maar het feit is ‘(niet "
                        "negatief)’",
                        f[i].name);
            d.u.var.dflt = NULL;
        }
        if (kind != DECL_INPUT && f[i].vraag) {
            diag_report(st->d, DIAG_ERROR, f[i].vraag_loc, NULL,
                        "alleen een invoer kan een ‘vraag’ hebben: naar een %s wordt niet "
                        "gevraagd",
                        kind == DECL_OUTCOME ? "uitkomst" : "begrip");
            d.u.var.vraag = NULL;
        }
        parse_add_decl(st, &d);
    }
    parse_list_release(fields);
}

ast_loc parse_span(ast_loc first, ast_loc last)
{
    ast_loc r = first;
    r.end_line = last.end_line;
    r.end_col = last.end_col;
    r.end_off = last.end_off;
    return r;
}

bool parse_date_check(int32_t y, int m, int d, char *msg, size_t cap)
{
    if (y < 1 || y > 9999) {
        snprintf(msg, cap, "het jaar moet tussen 1 en 9999 liggen");
        return false;
    }
    if (m < 1 || m > 12) {
        snprintf(msg, cap, "er is geen maand %d", m);
        return false;
    }
    if (d < 1 || d > cal_days_in_month(y, m)) {
        if (d < 1)
            snprintf(msg, cap, "er is geen dag %d", d);
        else
            snprintf(msg, cap, "%s %d heeft %d dagen", cal_month_name(m), (int)y,
                     cal_days_in_month(y, m));
        return false;
    }
    return cal_valid_ymd(y, m, d);
}

/* Issue 11: room for the declarations, reserved in the arena before the
 * parse so that the list never moves: one per `.` or `,` in the text at most
 * (a declaration ends with `.`; a field of `invoer a, b` is one too) and at
 * most one per 4 bytes (`a:T,`). The room that stays unused is never
 * written, so fresh pages of it cost nothing. When the arena cannot give it,
 * the list grows as any other (parse_list_push). */
static void parse_reserve_decls(parse_state *st)
{
    size_t marks = 0;
    const unsigned char *s = (const unsigned char *)st->src;
    for (size_t i = 0; i < st->len; i++)
        marks += (s[i] == '.') | (s[i] == ',');
    size_t cap = (marks < st->len / 4 ? marks : st->len / 4) + 1;
    if (cap > UINT32_MAX)
        return;
    void *items = arena_alloc(st->a, cap * sizeof(ast_decl));
    if (!items)
        return;
    st->decls->items = items;
    st->decls->cap = (uint32_t)cap;
}

ast_policy *parse_source(arena *a, diag_ctx *d, const char *file, const char *src, size_t len)
{
    if (!a || !d || (!src && len > 0))
        return NULL;
    ast_policy *pol = arena_alloc(a, sizeof *pol);
    if (!pol)
        return NULL;
    pol->file = arena_strndup(a, file ? file : "", file ? strlen(file) : 0);
    if (!pol->file)
        return NULL;
    if (!srccheck_text(d, src, len, len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0))
        return pol; /* too big or not text: one error, nothing lexed */

    parse_state *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->a = a;
    st->d = d;
    st->src = src ? src : "";
    st->len = len;
    st->policy = pol;
    st->decls = arena_alloc(a, sizeof *st->decls);
    if (!st->decls) {
        free(st);
        return NULL;
    }
    st->decls->elem = sizeof(ast_decl);
    st->decls->next = NULL;
    st->lists = st->decls;
    parse_reserve_decls(st);

    uint32_t start = 0;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        start = 3; /* byte order mark */
    st->record = true;
    int r = lex_run(st, st->src, len, start);
    free(st->toks);
    free(st->canon);
    if (r >= 0 && !parse_list_to_arena(a, st->decls))
        r = -1;
    pol->decls = r >= 0 ? st->decls->items : NULL;
    pol->n_decls = r >= 0 ? st->decls->n : 0;
    parse_lists_free(st);
    if (r < 0) {
        free(st);
        return NULL;
    }
    free(st);
    if (pol->n_decls == 0 && !pol->name && !pol->bron && diag_error_count(d) == 0) {
        ast_loc whole = {0, 0, 0, 0, 0, 0}; /* the whole file */
        diag_report(d, DIAG_ERROR, whole,
                    "begin met ‘beleid \"Naam van het beleid\".’ en declareer dan invoer, "
                    "uitkomsten en regels (zie doc/handboek.md)",
                    "het beleid is leeg: er staat geen enkele declaratie in");
    }
    return pol;
}

/* ---- v0.5 (issue 7): condition atoms and `uitleg` templates ---- */

static ast_loc parse_widen(ast_loc a, ast_loc b)
{
    if (b.off == 0 && b.end_off == 0 && b.line == 0)
        return a; /* absent (paren_loc) */
    ast_loc r = a;
    if (b.off < a.off) {
        r.line = b.line;
        r.col = b.col;
        r.off = b.off;
    }
    if (b.end_off > a.end_off) {
        r.end_line = b.end_line;
        r.end_col = b.end_col;
        r.end_off = b.end_off;
    }
    return r;
}

static void parse_full_child(void *ctx, ast_expr *child);

/* The whole source range of e: operator nodes carry only their operator's
 * location, so widen over the operands and their parentheses. */
static ast_loc parse_full_loc(const ast_expr *e)
{
    ast_loc l = parse_widen(e->loc, e->paren_loc);
    ast_each_child(e, parse_full_child, &l);
    return l;
}

/* The same without e's own outermost parentheses: the text of an atom or a
 * whole condition (`indien (a of b)` reads `a of b`). A leaf's location
 * includes its parentheses (parser.y), so they are cut off here; the
 * collapsed text drops the spaces this may leave at either end. */
static ast_loc parse_inner_loc(const ast_expr *e)
{
    ast_loc l = e->loc;
    bool paren = e->paren_loc.end_off > e->paren_loc.off;
    if (paren && l.off == e->paren_loc.off && l.end_off == e->paren_loc.end_off &&
        l.line == l.end_line) {
        l.off++; /* step inside `(` and `)` */
        l.col++;
        l.end_off--;
        l.end_col--;
    } else if (paren && l.off == e->paren_loc.off && l.end_off == e->paren_loc.end_off) {
        l.off++; /* over several lines: the columns of the start suffice */
        l.col++;
        l.end_off--;
    }
    ast_each_child(e, parse_full_child, &l);
    return l;
}

static void parse_full_child(void *ctx, ast_expr *child)
{
    ast_loc *l = ctx;
    *l = parse_widen(*l, parse_full_loc(child));
}

/* flex's reentrant interface (lexer.c), for scanners without the parser. */
struct yy_buffer_state;
int yylex_init_extra(parse_state *user, yyscan_t *scanner);
int yylex_destroy(yyscan_t scanner);
struct yy_buffer_state *yy_scan_bytes(const char *bytes, int len, yyscan_t scanner);

/* Issue 11: every token the main scan hands to the parser, in order (lexer.l
 * lex_token); parse_canon reads them instead of scanning a condition again. */
void parse_record_token(parse_state *st, int kind, const ast_loc *loc)
{
    if (st->n_toks == st->cap_toks) {
        size_t cap = st->cap_toks ? st->cap_toks * 2 : 1024;
        parse_tok *t = realloc(st->toks, cap * sizeof *t);
        if (!t)
            parse_oom(st);
        st->toks = t;
        st->cap_toks = cap;
    }
    parse_tok *t = &st->toks[st->n_toks++];
    t->kind = kind;
    t->off = loc->off;
    t->end_off = loc->end_off;
}

/* Issue 10: the text of src[off..end) as `regel fmt` writes it on one line:
 * its tokens (comments left out) joined with the formatter's inline spacing
 * (fmt_space); a string's line breaks and their indentation one space, as
 * in the lexer. So the motivering shows a condition the same way whatever
 * the layout of the source. The tokens are the recorded ones (st->toks). */
static const char *parse_canon(parse_state *st, uint32_t off, uint32_t end)
{
    if (end > st->len)
        end = (uint32_t)st->len;
    if (off > end)
        off = end;
    /* issue 11: written in a scratch buffer (of the same bound as before:
     * twice the source text); only its exact length goes to the arena */
    size_t need = 2 * (size_t)(end - off) + 2;
    if (need > st->cap_canon) {
        size_t cap = need > 2 * st->cap_canon ? need : 2 * st->cap_canon;
        char *buf = realloc(st->canon, cap);
        if (!buf)
            parse_oom(st);
        st->canon = buf;
        st->cap_canon = cap;
    }
    char *out = st->canon;
    /* the first recorded token at or after off */
    size_t lo = 0, hi = st->n_toks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->toks[mid].off < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t last = lo;
    while (last < st->n_toks && st->toks[last].end_off <= end)
        last++;
    size_t o = 0;
    int kinds[4] = {0, 0, 0, 0}; /* fmt_space's pp, p, n, nn */
    int have = 0;
    for (size_t i = lo; i < last; i++) {
        int cur = st->toks[i].kind;
        kinds[0] = kinds[1];
        kinds[1] = have ? kinds[2] : 0;
        kinds[2] = cur;
        kinds[3] = i + 1 < last ? st->toks[i + 1].kind : 0;
        const char *t = st->src + st->toks[i].off;
        size_t n = st->toks[i].end_off - st->toks[i].off;
        bool comma = (cur == ANDERS || cur == STANDAARD) && n > 0 && t[0] == ',';
        if (have && !comma && fmt_space(kinds[0], kinds[1], kinds[2], kinds[3]))
            out[o++] = ' ';
        if (comma) {
            size_t wl = cur == ANDERS ? 6 : 9;
            out[o++] = ',';
            out[o++] = ' ';
            memcpy(out + o, t + n - wl, wl);
            o += wl;
        } else if (cur == STRING) {
            o += fmt_flatten(t, n, out + o, NULL);
        } else {
            memcpy(out + o, t, n);
            o += n;
        }
        have = 1;
    }
    return parse_strndup(st, out, o);
}

/* `en`, `of`, and `niet` over one of those: the inner nodes of a
 * condition tree (spec7 §1.2); everything else is an atom. */
static bool parse_is_cond_node(const ast_expr *e)
{
    if (!e)
        return false;
    if (e->kind == EX_BINARY && (e->u.binary.op == BIN_AND || e->u.binary.op == BIN_OR))
        return true;
    return e->kind == EX_NOT && parse_is_cond_node(e->u.unary.operand);
}

static void parse_mark_atoms(parse_state *st, ast_expr *e)
{
    if (!e)
        return;
    if (e->kind == EX_BINARY && (e->u.binary.op == BIN_AND || e->u.binary.op == BIN_OR)) {
        parse_mark_atoms(st, e->u.binary.lhs);
        parse_mark_atoms(st, e->u.binary.rhs);
        return;
    }
    if (e->kind == EX_NOT && parse_is_cond_node(e->u.unary.operand)) {
        parse_mark_atoms(st, e->u.unary.operand);
        return;
    }
    e->atom_loc = parse_inner_loc(e);
    e->atom_text = parse_canon(st, e->atom_loc.off, e->atom_loc.end_off);
}

void parse_explain_branch(parse_state *st, ast_branch *b)
{
    if (!b->cond)
        return;
    ast_loc l = parse_inner_loc(b->cond);
    b->cond_text = parse_canon(st, l.off, l.end_off);
    parse_mark_atoms(st, b->cond);
}

/* The location of byte i of the unescaped template text s: exact (from the
 * character to `to`) when the literal is on one line and has no escape
 * before it; else the opening quote of the string. */
static ast_loc parse_template_loc(parse_state *st, ast_loc str, const char *s, size_t i, size_t to)
{
    ast_loc at = str;
    at.end_line = str.line;
    at.end_col = str.col + 1;
    at.end_off = str.off + 1;
    if (str.line != str.end_line || str.off + 1 + to > str.end_off || str.end_off > st->len)
        return at;
    const char *raw = st->src + str.off + 1;
    if (memchr(raw, '\\', to) != NULL || memcmp(raw, s, to) != 0)
        return at;
    uint32_t col = str.col + 1, end_col = col;
    for (size_t k = 0; k < to; k++) {
        if (((unsigned char)s[k] & 0xC0) == 0x80)
            continue;
        if (k < i)
            col++;
        end_col++;
    }
    at.col = col;
    at.end_col = end_col;
    at.off = str.off + 1 + (uint32_t)i;
    at.end_off = str.off + 1 + (uint32_t)to;
    return at;
}

/* A placeholder name: a Regel name (letters, digits, _, not starting with a
 * digit; any non-ASCII byte counts as a letter, as in the lexer). */
static bool parse_is_name(const char *s, size_t n)
{
    if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c >= 0x80))
            return false;
    }
    return true;
}

/* Close the literal text collected in buf[*start..*used) as a segment. */
static void parse_seg_push(parse_state *st, parse_list *segs, char *buf, size_t *start,
                           size_t *used)
{
    if (*used == *start)
        return;
    ast_seg g;
    memset(&g, 0, sizeof g);
    g.kind = SEG_TEXT;
    buf[(*used)++] = '\0';
    g.text = buf + *start;
    *start = *used;
    parse_list_push(st, segs, &g);
}

ast_template parse_template(parse_state *st, const char *s, size_t len, ast_loc loc)
{
    ast_template t;
    memset(&t, 0, sizeof t);
    t.text = s;
    t.loc = loc;
    bool blank = true;
    for (size_t i = 0; i < len && blank; i++)
        blank = s[i] == ' ' || s[i] == '\t' || s[i] == '\n';
    if (blank)
        diag_report(st->d, DIAG_ERROR, loc, "schrijf een zin voor de burger, of laat ‘uitleg’ weg",
                    "de uitleg is leeg");
    parse_list *segs = parse_list_new(st, sizeof(ast_seg));
    /* literal texts, each NUL-terminated: never longer than the template */
    char *buf = parse_alloc(st, 2 * len + 2);
    size_t start = 0, used = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if ((c == '{' || c == '}') && i + 1 < len && s[i + 1] == c) {
            buf[used++] = c;
            i++;
            continue;
        }
        if (c == '}') {
            diag_report(st->d, DIAG_ERROR, parse_template_loc(st, loc, s, i, i + 1),
                        "schrijf ‘}}’ voor een letterlijke accolade",
                        "een ‘}’ in de uitleg hoort bij geen ‘{’");
            continue;
        }
        if (c != '{') {
            buf[used++] = c;
            continue;
        }
        size_t j = i + 1;
        while (j < len && s[j] != '}' && s[j] != '{')
            j++;
        if (j >= len || s[j] != '}') {
            diag_report(st->d, DIAG_ERROR, parse_template_loc(st, loc, s, i, i + 1),
                        "schrijf ‘{{’ voor een letterlijke accolade",
                        "een ‘{’ in de uitleg wordt niet gesloten");
            continue; /* the rest is text */
        }
        ast_loc at = parse_template_loc(st, loc, s, i, j + 1);
        if (!parse_is_name(s + i + 1, j - i - 1)) {
            diag_report(st->d, DIAG_ERROR, at,
                        "zet de naam van een invoer, uitkomst, begrip of parameter tussen de "
                        "accolades, zoals {vdab_uiterste_datum}",
                        "‘%.*s’ in de uitleg is geen naam", (int)(j + 1 - i), s + i);
        } else {
            parse_seg_push(st, segs, buf, &start, &used);
            ast_seg g;
            memset(&g, 0, sizeof g);
            g.kind = SEG_NAME;
            g.text = parse_strndup(st, s + i + 1, j - i - 1);
            g.loc = at;
            parse_list_push(st, segs, &g);
        }
        i = j;
    }
    parse_seg_push(st, segs, buf, &start, &used);
    t.segs = parse_list_finish(st, segs);
    t.n_segs = segs->n;
    return t;
}

/* ---- issue 10 (regel fmt): the token stream alone ---- */

ptrdiff_t parse_tokens(arena *a, diag_ctx *d, const char *src, size_t len, parse_token **out)
{
    *out = NULL;
    if (!a || !d || (!src && len > 0))
        return -1;
    parse_state *st = calloc(1, sizeof *st);
    if (!st)
        return -1;
    st->a = a;
    st->d = d;
    st->src = src ? src : "";
    st->len = len;
    parse_list *toks = NULL;
    yyscan_t scanner = NULL;
    if (yylex_init_extra(st, &scanner) != 0) {
        free(st);
        return -1;
    }
    st->scanner = scanner;
    if (setjmp(st->oom) != 0) {
        yylex_destroy(scanner);
        parse_lists_free(st);
        free(st);
        return -1;
    }
    toks = parse_list_new(st, sizeof(parse_token));
    uint32_t start = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    st->line = 1;
    st->col = 1;
    st->off = start;
    yy_scan_bytes(st->src + start, (int)(len - start), scanner);
    for (;;) {
        YYSTYPE val;
        ast_loc loc;
        memset(&val, 0, sizeof val);
        int tok = yylex(&val, &loc, scanner);
        if (tok == 0)
            break;
        parse_token t;
        memset(&t, 0, sizeof t);
        t.kind = tok;
        t.loc = loc;
        if (tok == STRING || tok == NAME || tok == FIELD) {
            t.str = val.str.s;
            t.len = val.str.len;
        }
        parse_list_push(st, toks, &t);
    }
    *out = parse_list_finish(st, toks);
    yylex_destroy(scanner);
    ptrdiff_t n = (ptrdiff_t)toks->n;
    parse_lists_free(st);
    free(st);
    return n;
}
