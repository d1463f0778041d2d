/* diag.c — collects and formats the compiler's Dutch diagnostics (diag.h):
 * a header `bestand:regel:kolom: fout: …`, the source line, a caret line and
 * an optional hint. Prints nothing and never exits; allocation failures only
 * lose text (the error count stays right). */
#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "srccheck.h"
#include "strbuf.h"
#include "suggest.h"

struct diag_ctx {
    const char *file;
    const char *src;
    size_t len;
    strbuf text; /* every message so far, formatted */
    size_t n_errors;
    bool have_first;
    unsigned first_line, first_col;
    char *first_msg; /* malloc'd */
};

diag_ctx *diag_new(const char *file, const char *source, size_t len)
{
    diag_ctx *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->file = file ? file : "";
    d->src = source ? source : "";
    d->len = source ? len : 0;
    return d;
}

void diag_free(diag_ctx *d)
{
    if (!d)
        return;
    sb_free(&d->text);
    free(d->first_msg);
    free(d);
}

static const char *diag_severity_word(diag_severity sev)
{
    switch (sev) {
    case DIAG_ERROR:
        return "fout";
    case DIAG_WARNING:
        return "waarschuwing";
    case DIAG_NOTE:
        return "opmerking";
    }
    return "fout";
}

static unsigned diag_digits(unsigned v)
{
    unsigned n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

static void diag_spaces(strbuf *sb, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        sb_putc(sb, ' ');
}

/* Byte range [*start, *end) of the 1-based line `line`, without its line
 * break; false when the source has fewer lines. */
static bool diag_find_line(const diag_ctx *d, unsigned line, size_t *start, size_t *end)
{
    size_t p = 0;
    if (d->len >= 3 && memcmp(d->src, "\xEF\xBB\xBF", 3) == 0)
        p = 3;
    for (unsigned l = 1; l < line; l++) {
        const char *nl = memchr(d->src + p, '\n', d->len - p);
        if (!nl)
            return false;
        p = (size_t)(nl - d->src) + 1;
    }
    size_t e = p;
    while (e < d->len && d->src[e] != '\n')
        e++;
    *start = p;
    *end = e;
    if (e > p && d->src[e - 1] == '\r')
        *end = e - 1;
    return true;
}

/* Lines longer than four times DIAG_EXCERPT_WIDTH bytes are cut to a window
 * of DIAG_EXCERPT_WIDTH characters, DIAG_EXCERPT_CONTEXT of them before the caret. */
#define DIAG_EXCERPT_WIDTH   100
#define DIAG_EXCERPT_CONTEXT 40

static bool diag_is_lead(unsigned char c)
{
    return (c & 0xC0) != 0x80;
}

/* Source line and caret line for loc. */
static void diag_excerpt(const diag_ctx *d, strbuf *sb, ast_loc loc, unsigned gutter)
{
    size_t ls, le;
    if (!diag_find_line(d, loc.line, &ls, &le))
        return;
    const char *line = d->src + ls;
    size_t line_len = le - ls;

    /* Start of the caret: the byte offset when it lies on this line,
     * otherwise the column. */
    size_t cb; /* byte index in the line */
    bool by_off = loc.off >= ls && loc.off <= le;
    if (by_off) {
        cb = loc.off - ls;
    } else {
        cb = 0;
        unsigned col = 1;
        while (cb < line_len && col < loc.col) {
            cb++;
            while (cb < line_len && !diag_is_lead((unsigned char)line[cb]))
                cb++;
            col++;
        }
    }

    /* Width in code points, limited to this line. */
    unsigned width = 0;
    if (by_off && loc.end_off > loc.off) {
        size_t eb = loc.end_off - ls;
        if (loc.end_off > le)
            eb = line_len;
        for (size_t i = cb; i < eb; i++)
            if (diag_is_lead((unsigned char)line[i]))
                width++;
    } else if (!by_off) {
        if (loc.end_line == loc.line && loc.end_col > loc.col)
            width = loc.end_col - loc.col;
        else if (loc.end_line > loc.line) {
            for (size_t i = cb; i < line_len; i++)
                if (diag_is_lead((unsigned char)line[i]))
                    width++;
        }
    }
    if (width == 0)
        width = 1;

    /* A long line (a minified or generated policy, binary garbage) is shown
     * as a window of about DIAG_EXCERPT_WIDTH characters around the caret,
     * with "…" where it was cut; control characters and invalid UTF-8 are
     * shown as "?". */
    size_t ws = 0, we = line_len;
    if (line_len > DIAG_EXCERPT_WIDTH * 4) {
        unsigned before = 0;
        ws = cb < line_len ? cb : line_len;
        while (ws > 0 && before < DIAG_EXCERPT_CONTEXT) {
            ws--;
            if (diag_is_lead((unsigned char)line[ws]))
                before++;
        }
        unsigned shown = 0;
        we = ws;
        while (we < line_len && shown < DIAG_EXCERPT_WIDTH) {
            we++;
            while (we < line_len && !diag_is_lead((unsigned char)line[we]))
                we++;
            shown++;
        }
    }
    if (we < cb)
        we = cb < line_len ? cb : line_len;

    sb_printf(sb, "   %*u |", (int)gutter, loc.line);
    if (line_len > 0) {
        sb_putc(sb, ' ');
        if (ws > 0)
            sb_puts(sb, "…");
        for (size_t i = ws; i < we;) {
            unsigned char c = (unsigned char)line[i];
            size_t n = srccheck_utf8_len((const unsigned char *)line + i, we - i);
            if (n > 1) {
                sb_append(sb, line + i, n);
                i += n;
                continue;
            }
            /* Invalid UTF-8: '?' for a byte the caret counts as a character,
             * nothing for a stray continuation byte (it counts as none). */
            if ((c < 0x20 && c != '\t') || c == 0x7F || (n == 0 && diag_is_lead(c)))
                sb_putc(sb, '?');
            else if (n == 1)
                sb_putc(sb, (char)c);
            i++;
        }
        if (we < line_len)
            sb_puts(sb, "…");
    }
    sb_putc(sb, '\n');

    sb_puts(sb, "   ");
    diag_spaces(sb, gutter);
    sb_puts(sb, " | ");
    if (ws > 0)
        sb_putc(sb, ' ');
    for (size_t i = ws; i < cb && i < line_len; i++) {
        unsigned char c = (unsigned char)line[i];
        if (c == '\t')
            sb_putc(sb, '\t');
        else if (diag_is_lead(c))
            sb_putc(sb, ' ');
    }
    if (cb > line_len)
        diag_spaces(sb, (unsigned)(cb - line_len));
    sb_putc(sb, '^');
    if (line_len > DIAG_EXCERPT_WIDTH * 4 && width > DIAG_EXCERPT_WIDTH)
        width = DIAG_EXCERPT_WIDTH;
    for (unsigned i = 1; i < width; i++)
        sb_putc(sb, '~');
    sb_putc(sb, '\n');
}

void diag_report(diag_ctx *d, diag_severity sev, ast_loc loc, const char *hint, const char *fmt,
                 ...)
{
    if (!d)
        return;
    strbuf msg = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    char small[512];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap2);
    va_end(ap2);
    if (n >= 0 && (size_t)n < sizeof small) {
        sb_append(&msg, small, (size_t)n);
    } else if (n >= 0) {
        char *big = malloc((size_t)n + 1);
        if (big) {
            vsnprintf(big, (size_t)n + 1, fmt, ap);
            sb_append(&msg, big, (size_t)n);
            free(big);
        }
    }
    va_end(ap);
    const char *m = msg.data ? msg.data : "";

    if (sev == DIAG_ERROR) {
        d->n_errors++;
        if (!d->have_first) {
            d->have_first = true;
            d->first_line = loc.line;
            d->first_col = loc.line ? loc.col : 0;
            size_t ml = strlen(m);
            d->first_msg = malloc(ml + 1);
            if (d->first_msg)
                memcpy(d->first_msg, m, ml + 1);
        }
    }

    strbuf *sb = &d->text;
    if (loc.line > 0)
        sb_printf(sb, "%s:%u:%u: %s: %s\n", d->file, loc.line, loc.col, diag_severity_word(sev), m);
    else
        sb_printf(sb, "%s: %s: %s\n", d->file, diag_severity_word(sev), m);
    unsigned gutter = diag_digits(loc.line);
    if (loc.line > 0)
        diag_excerpt(d, sb, loc, gutter);
    if (hint && *hint) {
        sb_puts(sb, "   ");
        diag_spaces(sb, loc.line > 0 ? gutter : 1);
        sb_printf(sb, " = hint: %s\n", hint);
    }
    sb_free(&msg);
}

size_t diag_error_count(const diag_ctx *d)
{
    return d ? d->n_errors : 0;
}

const char *diag_text(const diag_ctx *d)
{
    return d && d->text.data ? d->text.data : "";
}

static void diag_copy(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap) {
        n = cap - 1;
        /* Do not cut a UTF-8 sequence in half. */
        while (n > 0 && (((unsigned char)src[n]) & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void diag_first_error(const diag_ctx *d, regel_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    if (!d || !d->have_first)
        return;
    err->code = REGEL_ERR_COMPILE;
    diag_copy(err->file, sizeof err->file, d->file);
    err->line = d->first_line;
    err->column = d->first_col;
    diag_copy(err->message, sizeof err->message,
              d->first_msg ? d->first_msg : "onvoldoende geheugen voor de foutmelding");
}

const char *diag_suggest(const char *name, const char *const *candidates, size_t n)
{
    return suggest_closest(name, candidates, n);
}
