/* srccheck.c — refuses a policy source that is too big or is not text, with
 * one Dutch error at the first offending byte, before the lexer would report
 * every byte of a binary file separately (srccheck.h). */
#include "srccheck.h"

#include <stdint.h>

size_t srccheck_utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07u;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/* A byte that has no place in a policy text: C0 controls other than tab,
 * line feed, carriage return and form feed, and DEL. */
static bool srccheck_is_control(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
}

/* Line and column (in characters, as the lexer counts them) of byte off. */
static ast_loc srccheck_loc(const char *src, size_t start, size_t off)
{
    uint32_t line = 1, col = 1;
    for (size_t i = start; i < off; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c == '\n') {
            line++;
            col = 1;
        } else if ((c & 0xC0) != 0x80) {
            col++;
        }
    }
    ast_loc at = {line, col, line, col + 1, (uint32_t)off, (uint32_t)off + 1};
    return at;
}

bool srccheck_text(diag_ctx *d, const char *src, size_t len, size_t start)
{
    if (len > SRCCHECK_MAX_BYTES) {
        ast_loc at = {0, 0, 0, 0, 0, 0}; /* the whole file */
        diag_report(d, DIAG_ERROR, at,
                    "splits het beleid op, of controleer of dit wel het juiste bestand is",
                    "het bestand is te groot: %zu MB (de grens is %zu MB)", len >> 20,
                    SRCCHECK_MAX_BYTES >> 20);
        return false;
    }
    const unsigned char *s = (const unsigned char *)src;
    size_t first_bad = len, n_bad = 0;
    for (size_t i = start; i < len;) {
        if (s[i] == 0) {
            diag_report(d, DIAG_ERROR, srccheck_loc(src, start, i),
                        "een beleid is platte tekst in UTF-8; open het met een teksteditor",
                        "het bestand bevat een nulbyte: dit is geen tekstbestand");
            return false;
        }
        size_t n = srccheck_utf8_len(s + i, len - i);
        if (i < SRCCHECK_WINDOW && (n == 0 || srccheck_is_control(s[i]))) {
            if (first_bad == len)
                first_bad = i;
            n_bad++;
        }
        i += n ? n : 1;
    }
    if (n_bad >= SRCCHECK_MAX_BINARY) {
        diag_report(d, DIAG_ERROR, srccheck_loc(src, start, first_bad),
                    "een beleid is platte tekst in UTF-8; open het met een teksteditor",
                    "dit is geen tekstbestand: de eerste %d bytes bevatten %zu stuurtekens of "
                    "ongeldige UTF-8-reeksen",
                    SRCCHECK_WINDOW, n_bad);
        return false;
    }
    return true;
}
