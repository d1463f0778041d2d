/* json_locate.c — finds the line and column of a value or key at a key path
 * ("toetsen[2].datum") in JSON text by scanning it again; used only when the
 * case reader reports an error (jansson keeps no positions). */
#include "json_locate.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define JL_MAX_DEPTH 4096 /* path segments followed (recursion depth) */
#define JL_NONE      SIZE_MAX

typedef struct jl {
    const char *s;
    size_t len;
} jl;

static char jl_at(const jl *j, size_t i)
{
    return i < j->len ? j->s[i] : '\0';
}

static size_t jl_ws(const jl *j, size_t i)
{
    while (i < j->len && (j->s[i] == ' ' || j->s[i] == '\t' || j->s[i] == '\n' || j->s[i] == '\r'))
        i++;
    return i;
}

/* Just past the string token whose opening quote is at i. */
static size_t jl_string_end(const jl *j, size_t i)
{
    i++;
    while (i < j->len && j->s[i] != '"')
        i += j->s[i] == '\\' ? 2 : 1;
    return i < j->len ? i + 1 : j->len;
}

/* Just past the value starting at i; brackets are counted, so nesting
 * costs no recursion. */
static size_t jl_value_end(const jl *j, size_t i)
{
    size_t depth = 0;
    while (i < j->len) {
        char c = j->s[i];
        if (c == '"') {
            i = jl_string_end(j, i);
            if (depth == 0)
                return i;
            continue;
        }
        if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i;
            if (--depth == 0)
                return i + 1;
        } else if (depth == 0 &&
                   (c == ',' || c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            return i;
        }
        i++;
    }
    return i;
}

static bool jl_hex4(const jl *j, size_t i, unsigned *out)
{
    unsigned v = 0;
    for (size_t k = 0; k < 4; k++) {
        char c = jl_at(j, i + k);
        unsigned d;
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            d = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            d = (unsigned)(c - 'A' + 10);
        else
            return false;
        v = v * 16 + d;
    }
    *out = v;
    return true;
}

static size_t jl_utf8(unsigned cp, unsigned char *b)
{
    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        b[0] = (unsigned char)(0xC0 | (cp >> 6));
        b[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (cp >> 12));
        b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    b[0] = (unsigned char)(0xF0 | (cp >> 18));
    b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    b[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Whether the decoded string token [start, end) (quotes included) is a
 * prefix of path: the number of path bytes it matches, or JL_NONE. */
static size_t jl_key_prefix(const jl *j, size_t start, size_t end, const char *path)
{
    size_t k = 0, i = start + 1, stop = end > start + 1 ? end - 1 : start + 1;
    while (i < stop) {
        unsigned char b[4];
        size_t n = 1;
        char c = j->s[i];
        if (c != '\\') {
            b[0] = (unsigned char)c;
            i++;
        } else {
            char e = jl_at(j, i + 1);
            i += 2;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                b[0] = (unsigned char)e;
                break;
            case 'b':
                b[0] = '\b';
                break;
            case 'f':
                b[0] = '\f';
                break;
            case 'n':
                b[0] = '\n';
                break;
            case 'r':
                b[0] = '\r';
                break;
            case 't':
                b[0] = '\t';
                break;
            case 'u': {
                unsigned cp, lo;
                if (!jl_hex4(j, i, &cp))
                    return JL_NONE;
                i += 4;
                if (cp >= 0xD800 && cp < 0xDC00 && jl_at(j, i) == '\\' && jl_at(j, i + 1) == 'u' &&
                    jl_hex4(j, i + 2, &lo) && lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
                n = jl_utf8(cp, b);
                break;
            }
            default:
                return JL_NONE;
            }
        }
        for (size_t m = 0; m < n; m++) {
            if (b[m] == 0 || (unsigned char)path[k] != b[m])
                return JL_NONE;
            k++;
        }
    }
    return k;
}

/* Find rem (a path, or its rest) in the value at i: *at is the byte offset
 * of the value (or, with want_key, of the last key). */
static bool jl_find(const jl *j, size_t i, const char *rem, bool want_key, size_t *at,
                    unsigned depth)
{
    if (depth > JL_MAX_DEPTH)
        return false;
    if (*rem == '\0') {
        *at = i;
        return true;
    }
    char c = jl_at(j, i);
    if (*rem == '[') {
        if (c != '[')
            return false;
        size_t k = 1, index = 0;
        if (rem[k] < '0' || rem[k] > '9')
            return false;
        for (; rem[k] >= '0' && rem[k] <= '9'; k++) {
            if (index > (SIZE_MAX - 9) / 10)
                return false;
            index = index * 10 + (size_t)(rem[k] - '0');
        }
        if (rem[k] != ']')
            return false;
        const char *rest = rem + k + 1;
        if (*rest == '.')
            rest++;
        i = jl_ws(j, i + 1);
        if (jl_at(j, i) == ']')
            return false;
        for (size_t e = 0;; e++) {
            if (e == index)
                return jl_find(j, i, rest, want_key, at, depth + 1);
            i = jl_ws(j, jl_value_end(j, i));
            if (jl_at(j, i) != ',')
                return false;
            i = jl_ws(j, i + 1);
        }
    }
    if (c != '{')
        return false;
    i = jl_ws(j, i + 1);
    while (jl_at(j, i) == '"') {
        size_t key = i, key_end = jl_string_end(j, i);
        size_t v = jl_ws(j, key_end);
        if (jl_at(j, v) != ':')
            return false;
        v = jl_ws(j, v + 1);
        size_t m = jl_key_prefix(j, key, key_end, rem);
        if (m != JL_NONE) {
            const char *rest = rem + m;
            if (*rest == '\0') {
                *at = want_key ? key : v;
                return true;
            }
            if (*rest == '.' && rest[1] && jl_find(j, v, rest + 1, want_key, at, depth + 1))
                return true;
            if (*rest == '[' && jl_find(j, v, rest, want_key, at, depth + 1))
                return true;
        }
        i = jl_ws(j, jl_value_end(j, v));
        if (jl_at(j, i) != ',')
            return false;
        i = jl_ws(j, i + 1);
    }
    return false;
}

static size_t jl_bom(const char *json, size_t len)
{
    return len >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

void json_position(const char *json, size_t len, size_t offset, unsigned *line, unsigned *col)
{
    size_t start = jl_bom(json, len);
    unsigned l = 1, c = 1;
    if (offset > len)
        offset = len;
    for (size_t i = start; i < offset; i++) {
        unsigned char b = (unsigned char)json[i];
        if (b == '\n') {
            l++;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            c++;
        }
    }
    if (line)
        *line = l;
    if (col)
        *col = c;
}

static int jl_locate(const char *json, size_t len, const char *path, bool want_key, unsigned *line,
                     unsigned *col)
{
    if (!json || !path)
        return 0;
    jl j = {json, len};
    size_t at = 0;
    if (!jl_find(&j, jl_ws(&j, jl_bom(json, len)), path, want_key, &at, 0) || at >= len)
        return 0;
    json_position(json, len, at, line, col);
    return 1;
}

int json_locate(const char *json, size_t len, const char *path, unsigned *line, unsigned *col)
{
    return jl_locate(json, len, path, false, line, col);
}

int json_locate_key(const char *json, size_t len, const char *path, unsigned *line, unsigned *col)
{
    return jl_locate(json, len, path, true, line, col);
}
