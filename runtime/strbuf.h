/* strbuf.h — a growable, always NUL-terminated text buffer for building
 * messages, listings and rendered output. On allocation failure the buffer
 * is marked failed and later appends are ignored; nothing aborts. */
#ifndef REGEL_STRBUF_H
#define REGEL_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct strbuf {
    char *data; /* NUL-terminated; NULL until the first append */
    size_t len;
    size_t cap;
    bool failed; /* an allocation failed: contents are incomplete */
} strbuf;

#define STRBUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0, false                                                                          \
    }

void sb_append(strbuf *sb, const char *s, size_t n);
void sb_puts(strbuf *sb, const char *s);
void sb_putc(strbuf *sb, char c);
void sb_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the text to the caller (malloc'd, never NULL unless failed) and reset sb. */
char *sb_take(strbuf *sb);
void sb_free(strbuf *sb);

#endif
