/* srccheck.h — checks a policy source before lexing: not too big and really
 * text (no NUL bytes, not mostly binary garbage). One Dutch error, then stop. */
#ifndef REGEL_SRCCHECK_H
#define REGEL_SRCCHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* The largest policy source the compiler reads (64 MB). */
#define SRCCHECK_MAX_BYTES ((size_t)64 << 20)

/* Within the first SRCCHECK_WINDOW bytes, this many control characters or
 * invalid UTF-8 sequences mean the file is not text (a single stray byte in a
 * real policy still gets the lexer's precise errors). */
#define SRCCHECK_WINDOW     4096
#define SRCCHECK_MAX_BINARY 8

/* Report one error on d and return false when src (len bytes, after any byte
 * order mark at offset start) is too big or not text. */
/* Length of the valid UTF-8 sequence at s[0] (1–4; n ≥ 1 bytes available),
 * or 0 when it is invalid (overlong forms, surrogates, above U+10FFFF). */
size_t srccheck_utf8_len(const unsigned char *s, size_t n);

bool srccheck_text(diag_ctx *d, const char *src, size_t len, size_t start);

#endif
