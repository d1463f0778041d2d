/* json_tree.c — JSON text to a compact tree (json_tree.h) through yajl's
 * stream parser, everything in one arena. yajl is more lenient than jansson
 * in places (\v and \f as white space, loose UTF-8, lone surrogates, \u0000,
 * no depth limit); each of those is checked here and declined. */
#include "json_tree.h"

#include <errno.h>
#include <jansson.h>
#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "rt.h"

/* Containers nested deeper are declined (jansson allows 2 048 values deep). */
#define JT_MAX_DEPTH 1024
/* Objects with more members are checked for duplicate keys by sorting;
 * smaller ones through a 64-bit filter. */
#define JT_PAIRWISE_MAX 64
#define JT_LOCAL_SLOTS  64
#define JT_LOCAL_FRAMES 16
/* yajl's own allocations (handle, lexer, state stack; 2 KB buffers when a
 * string has escapes) come from a pool on the stack, then from the arena. */
#define JT_POOL 4096

/* A value waiting for its container to close (key NULL in an array). */
typedef struct jt_slot {
    const char *key;
    uint32_t keylen;
    jt_node node;
} jt_slot;

/* An open container: its first slot and the key it will be stored under. */
typedef struct jt_frame {
    size_t start;
    const char *key;
    uint32_t keylen;
    bool object;
} jt_frame;

typedef struct jt_state {
    arena *a;
    yajl_handle h;
    const char *text;
    size_t len;
    jt_slot *slots;
    size_t n_slots, cap_slots;
    jt_frame *frames;
    size_t n_frames, cap_frames;
    char *strings; /* room for the copies of all strings: no more than len bytes */
    size_t strings_left;
    const char *key; /* the key just read, for the next value */
    uint32_t keylen;
    const jt_node *root;
    size_t root_end;       /* where the root value ended, when yajl_parse read it */
    bool finishing;        /* in yajl_complete_parse */
    enum jt_status status; /* why a callback stopped the parser */
    int decimal;           /* 0: not looked at; 1: '.'; -1: another decimal point */
    size_t pool_used;
    jt_slot local_slots[JT_LOCAL_SLOTS];
    jt_frame local_frames[JT_LOCAL_FRAMES];
    _Alignas(16) unsigned char pool[JT_POOL];
} jt_state;

static int jt_stop(jt_state *st, enum jt_status why)
{
    st->status = why;
    return 0;
}

/* --- yajl's allocations: from the pool, then the arena; freed with it
 * (each has its size in front, for realloc) --- */

static void *jt_ya_malloc(void *ctx, size_t n)
{
    jt_state *st = ctx;
    if (n > SIZE_MAX / 2)
        return NULL;
    size_t need = (n + 16 + 15) & ~(size_t)15;
    unsigned char *p;
    if (need <= JT_POOL - st->pool_used) {
        p = st->pool + st->pool_used;
        st->pool_used += need;
    } else {
        p = arena_alloc(st->a, need);
        if (!p)
            return NULL;
    }
    memcpy(p, &n, sizeof n);
    return p + 16;
}

static void *jt_ya_realloc(void *ctx, void *old, size_t n)
{
    if (!old)
        return jt_ya_malloc(ctx, n);
    size_t old_n;
    memcpy(&old_n, (unsigned char *)old - 16, sizeof old_n);
    if (n <= old_n)
        return old;
    void *p = jt_ya_malloc(ctx, n);
    if (p)
        memcpy(p, old, old_n);
    return p;
}

static void jt_ya_free(void *ctx, void *p)
{
    (void)ctx;
    (void)p;
}

/* --- strings --- */

/* Well-formed UTF-8 as jansson demands it (no overlongs, surrogates or code
 * points above U+10FFFF), without NUL; raw (as written between the quotes):
 * without any control character either. */
static bool jt_text_ok(const unsigned char *u, size_t len, bool raw)
{
    size_t i = 0;
    while (i < len) {
        /* Eight bytes at a time while they are all printable ASCII. */
        while (len - i >= 8) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (((w | (w - 0x2020202020202020u)) & 0x8080808080808080u) != 0)
                break;
            i += 8;
        }
        if (i == len)
            break;
        unsigned char b = u[i];
        if (b < 0x20 && (raw || b == 0))
            return false;
        size_t n = rt_utf8_seq(u + i, len - i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

static int jt_hex4(const unsigned char *p)
{
    int v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned char c = p[k];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Decode the raw string body s[0..n) (between the quotes, escapes intact)
 * into out (at least n + 1 bytes: no escape grows). False when jansson would
 * reject it: a bad escape, a lone surrogate, \u0000. */
static bool jt_unescape(const unsigned char *s, size_t n, char *out, size_t *out_len)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c < 0x20)
            return false;
        if (c != '\\') {
            out[o++] = (char)c;
            i++;
            continue;
        }
        if (i + 1 >= n)
            return false;
        unsigned char e = s[i + 1];
        i += 2;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            out[o++] = (char)e;
            continue;
        case 'b':
            out[o++] = '\b';
            continue;
        case 'f':
            out[o++] = '\f';
            continue;
        case 'n':
            out[o++] = '\n';
            continue;
        case 'r':
            out[o++] = '\r';
            continue;
        case 't':
            out[o++] = '\t';
            continue;
        case 'u':
            break;
        default:
            return false;
        }
        if (n - i < 4)
            return false;
        long v = jt_hex4(s + i);
        i += 4;
        if (v <= 0 || (v >= 0xDC00 && v <= 0xDFFF))
            return false;
        if (v >= 0xD800 && v <= 0xDBFF) {
            if (n - i < 6 || s[i] != '\\' || s[i + 1] != 'u')
                return false;
            long low = jt_hex4(s + i + 2);
            if (low < 0xDC00 || low > 0xDFFF)
                return false;
            i += 6;
            v = ((v - 0xD800) << 10) + (low - 0xDC00) + 0x10000;
        }
        if (v < 0x80) {
            out[o++] = (char)v;
        } else if (v < 0x800) {
            out[o++] = (char)(0xC0 | (v >> 6));
            out[o++] = (char)(0x80 | (v & 0x3F));
        } else if (v < 0x10000) {
            out[o++] = (char)(0xE0 | (v >> 12));
            out[o++] = (char)(0x80 | ((v >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (v & 0x3F));
        } else {
            out[o++] = (char)(0xF0 | (v >> 18));
            out[o++] = (char)(0x80 | ((v >> 12) & 0x3F));
            out[o++] = (char)(0x80 | ((v >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (v & 0x3F));
        }
    }
    out[o] = '\0';
    *out_len = o;
    return true;
}

/* The string yajl just read as a NUL-terminated copy in the arena. yajl
 * hands over a pointer into the text when the string has no escapes;
 * otherwise its own decoding (which lets lone surrogates and \u0000 pass)
 * is set aside and the raw token, which ends where yajl stopped, is decoded
 * here. */
static int jt_string(jt_state *st, const unsigned char *s, size_t n, const char **out,
                     uint32_t *out_len)
{
    const unsigned char *text = (const unsigned char *)st->text;
    const unsigned char *raw = s;
    size_t raw_n = n;
    /* Not in the text: yajl's decoding buffer. */
    bool escaped = (uintptr_t)s < (uintptr_t)text || (uintptr_t)s > (uintptr_t)(text + st->len) ||
                   n > (size_t)(text + st->len - s);
    if (escaped) {
        size_t end = yajl_get_bytes_consumed(st->h); /* just past the closing quote */
        if (end < 2 || end > st->len || text[end - 1] != '"')
            return jt_stop(st, JT_DECLINED);
        size_t i = end - 1, start = SIZE_MAX; /* the opening quote: not escaped */
        while (i > 0) {
            i--;
            if (text[i] != '"')
                continue;
            size_t bs = 0;
            while (bs < i && text[i - 1 - bs] == '\\')
                bs++;
            if (bs % 2 == 0) {
                start = i;
                break;
            }
        }
        if (start == SIZE_MAX)
            return jt_stop(st, JT_DECLINED);
        raw = text + start + 1;
        raw_n = end - 1 - (start + 1);
    }
    /* Each copy (raw_n + 1 bytes at most) is shorter than its token. */
    if (raw_n >= UINT32_MAX || raw_n >= st->strings_left)
        return jt_stop(st, JT_DECLINED);
    char *copy = st->strings;
    size_t len = raw_n;
    if (escaped) {
        if (!jt_unescape(raw, raw_n, copy, &len))
            return jt_stop(st, JT_DECLINED);
    } else {
        memcpy(copy, raw, raw_n);
        copy[raw_n] = '\0';
    }
    if (!jt_text_ok((const unsigned char *)copy, len, !escaped))
        return jt_stop(st, JT_DECLINED);
    st->strings += len + 1;
    st->strings_left -= len + 1;
    *out = copy;
    *out_len = (uint32_t)len;
    return 1;
}

/* --- building --- */

static int jt_add(jt_state *st, jt_node node)
{
    if (st->n_frames == 0) {
        if (st->root)
            return jt_stop(st, JT_DECLINED);
        jt_node *root = arena_alloc(st->a, sizeof *root);
        if (!root)
            return jt_stop(st, JT_NOMEM);
        *root = node;
        st->root = root;
        st->root_end = st->finishing ? st->len : yajl_get_bytes_consumed(st->h);
        return 1;
    }
    if (st->n_slots == st->cap_slots) {
        size_t cap = st->cap_slots * 2;
        jt_slot *grown = arena_grow(st->a, NULL, 0, cap * sizeof *grown);
        if (!grown)
            return jt_stop(st, JT_NOMEM);
        memcpy(grown, st->slots, st->n_slots * sizeof *grown);
        st->slots = grown;
        st->cap_slots = cap;
    }
    st->slots[st->n_slots++] = (jt_slot){st->key, st->keylen, node};
    st->key = NULL;
    st->keylen = 0;
    return 1;
}

static int jt_open(jt_state *st, bool object)
{
    if (st->n_frames >= JT_MAX_DEPTH)
        return jt_stop(st, JT_DECLINED);
    if (st->n_frames == st->cap_frames) {
        size_t cap = st->cap_frames * 2;
        jt_frame *grown = arena_alloc(st->a, cap * sizeof *grown);
        if (!grown)
            return jt_stop(st, JT_NOMEM);
        memcpy(grown, st->frames, st->n_frames * sizeof *grown);
        st->frames = grown;
        st->cap_frames = cap;
    }
    st->frames[st->n_frames++] = (jt_frame){st->n_slots, st->key, st->keylen, object};
    st->key = NULL;
    st->keylen = 0;
    return 1;
}

static int jt_cmp_member(const void *x, const void *y)
{
    const jt_member *a = *(const jt_member *const *)x, *b = *(const jt_member *const *)y;
    if (a->keylen != b->keylen)
        return a->keylen < b->keylen ? -1 : 1;
    return memcmp(a->key, b->key, a->keylen);
}

static bool jt_same_key(const jt_member *a, const jt_member *b)
{
    return a->keylen == b->keylen && memcmp(a->key, b->key, a->keylen) == 0;
}

/* Whether two members of the object have the same key. */
static unsigned jt_key_bit(const jt_member *m)
{
    unsigned char first = m->keylen ? (unsigned char)m->key[0] : 0;
    unsigned char last = m->keylen ? (unsigned char)m->key[m->keylen - 1] : 0;
    return (m->keylen * 7u + first * 3u + last) & 63u;
}

static int jt_duplicates(jt_state *st, const jt_member *m, size_t n)
{
    if (n <= JT_PAIRWISE_MAX) {
        /* Keys are compared only when their bit in the filter is taken. */
        uint64_t seen = 0;
        for (size_t i = 0; i < n; i++) {
            uint64_t bit = (uint64_t)1 << jt_key_bit(&m[i]);
            if (seen & bit)
                for (size_t k = 0; k < i; k++)
                    if (jt_same_key(&m[i], &m[k]))
                        return 1;
            seen |= bit;
        }
        return 0;
    }
    const jt_member **order = arena_alloc(st->a, n * sizeof *order);
    if (!order)
        return -1;
    for (size_t i = 0; i < n; i++)
        order[i] = &m[i];
    qsort(order, n, sizeof *order, jt_cmp_member);
    for (size_t i = 1; i < n; i++)
        if (jt_same_key(order[i - 1], order[i]))
            return 1;
    return 0;
}

static int jt_close(jt_state *st, bool object)
{
    if (st->n_frames == 0 || st->frames[st->n_frames - 1].object != object)
        return jt_stop(st, JT_DECLINED);
    jt_frame f = st->frames[--st->n_frames];
    size_t n = st->n_slots - f.start;
    if (n >= UINT32_MAX)
        return jt_stop(st, JT_DECLINED);
    const jt_slot *from = st->slots + f.start;
    jt_node node = {.kind = object ? JT_OBJECT : JT_ARRAY, .n = (uint32_t)n};
    if (object) {
        jt_member *m = arena_alloc(st->a, (n ? n : 1) * sizeof *m);
        if (!m)
            return jt_stop(st, JT_NOMEM);
        for (size_t i = 0; i < n; i++)
            m[i] = (jt_member){from[i].key, from[i].keylen, from[i].node};
        int dup = jt_duplicates(st, m, n);
        if (dup)
            return jt_stop(st, dup < 0 ? JT_NOMEM : JT_DECLINED);
        node.u.members = m;
    } else {
        jt_node *items = arena_alloc(st->a, (n ? n : 1) * sizeof *items);
        if (!items)
            return jt_stop(st, JT_NOMEM);
        for (size_t i = 0; i < n; i++)
            items[i] = from[i].node;
        node.u.items = items;
    }
    st->n_slots = f.start;
    st->key = f.key;
    st->keylen = f.keylen;
    return jt_add(st, node);
}

/* --- yajl's callbacks --- */

static int jt_on_null(void *ctx)
{
    return jt_add(ctx, (jt_node){.kind = JT_NULL});
}

static int jt_on_boolean(void *ctx, int b)
{
    return jt_add(ctx, (jt_node){.kind = b ? JT_TRUE : JT_FALSE});
}

/* A number as jansson reads it: without '.', 'e' and 'E' an integer by
 * strtoll (out of range: rejected), else a real by strtod (overflow to
 * infinity: rejected; underflow: what strtod gives). */
static int jt_on_number(void *ctx, const char *s, size_t n)
{
    jt_state *st = ctx;
    char local[64];
    char *buf = local;
    if (n >= sizeof local) {
        buf = arena_alloc(st->a, n + 1);
        if (!buf)
            return jt_stop(st, JT_NOMEM);
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    bool integer = !memchr(s, '.', n) && !memchr(s, 'e', n) && !memchr(s, 'E', n);
    char *end;
    errno = 0;
    if (integer) {
        long long v = strtoll(buf, &end, 10);
        if (errno == ERANGE || end != buf + n)
            return jt_stop(st, JT_DECLINED);
        return jt_add(st, (jt_node){.kind = JT_INTEGER, .u.i = v});
    }
    if (st->decimal == 0) { /* jansson turns '.' into the locale's decimal point */
        const char *point = localeconv()->decimal_point;
        st->decimal = point && strcmp(point, ".") == 0 ? 1 : -1;
    }
    if (st->decimal < 0)
        return jt_stop(st, JT_DECLINED);
    double d = strtod(buf, &end);
    if ((errno == ERANGE && (d == HUGE_VAL || d == -HUGE_VAL)) || end != buf + n)
        return jt_stop(st, JT_DECLINED);
    return jt_add(st, (jt_node){.kind = JT_REAL, .u.d = d});
}

static int jt_on_string(void *ctx, const unsigned char *s, size_t n)
{
    jt_state *st = ctx;
    jt_node node = {.kind = JT_STRING};
    const char *copy;
    if (!jt_string(st, s, n, &copy, &node.n))
        return 0;
    node.u.s = copy;
    return jt_add(st, node);
}

static int jt_on_key(void *ctx, const unsigned char *s, size_t n)
{
    jt_state *st = ctx;
    return jt_string(st, s, n, &st->key, &st->keylen);
}

static int jt_on_start_map(void *ctx)
{
    return jt_open(ctx, true);
}

static int jt_on_end_map(void *ctx)
{
    return jt_close(ctx, true);
}

static int jt_on_start_array(void *ctx)
{
    return jt_open(ctx, false);
}

static int jt_on_end_array(void *ctx)
{
    return jt_close(ctx, false);
}

static const yajl_callbacks jt_callbacks = {
    jt_on_null,      jt_on_boolean,   NULL,      NULL,          jt_on_number,
    jt_on_string,    jt_on_start_map, jt_on_key, jt_on_end_map, jt_on_start_array,
    jt_on_end_array,
};

enum jt_status jt_parse(arena *a, const char *text, size_t len, const jt_node **root)
{
    *root = NULL;
    /* yajl takes \v and \f for white space; jansson does not (and they are
     * control characters inside a string, rejected by both). */
    if (memchr(text, '\v', len) || memchr(text, '\f', len))
        return JT_DECLINED;
    jt_state state; /* the local arrays are used as they fill */
    jt_state *st = &state;
    st->a = a;
    st->text = text;
    st->len = len;
    st->slots = st->local_slots;
    st->n_slots = 0;
    st->cap_slots = JT_LOCAL_SLOTS;
    st->frames = st->local_frames;
    st->n_frames = 0;
    st->cap_frames = JT_LOCAL_FRAMES;
    st->key = NULL;
    st->keylen = 0;
    st->root = NULL;
    st->root_end = 0;
    st->finishing = false;
    st->status = JT_DECLINED;
    st->decimal = 0;
    st->pool_used = 0;
    st->strings = arena_alloc(a, len + 1);
    st->strings_left = len + 1;
    if (!st->strings)
        return JT_NOMEM;
    yajl_alloc_funcs funcs = {jt_ya_malloc, jt_ya_realloc, jt_ya_free, st};
    st->h = yajl_alloc(&jt_callbacks, &funcs, st);
    if (!st->h)
        return JT_NOMEM;
    /* Strings are checked here, as strictly as jansson does. */
    yajl_config(st->h, yajl_dont_validate_strings, 1);
    bool ok = yajl_parse(st->h, (const unsigned char *)text, len) == yajl_status_ok;
    st->finishing = true;
    ok = ok && yajl_complete_parse(st->h) == yajl_status_ok;
    yajl_free(st->h);
    if (!ok || !st->root || st->n_frames != 0)
        return st->status == JT_NOMEM ? JT_NOMEM : JT_DECLINED;
    /* yajl lets an unclosed string after the value pass ("{} \"x"): only
     * white space may follow it. */
    for (size_t i = st->root_end; i < len; i++)
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
            return JT_DECLINED;
    *root = st->root;
    return JT_OK;
}

bool jt_equal(const jt_node *a, const jt_node *b)
{
    if (a->kind != b->kind || a->n != b->n)
        return false;
    switch (a->kind) {
    case JT_OBJECT:
        for (uint32_t i = 0; i < a->n; i++) {
            const jt_member *x = &a->u.members[i], *y = &b->u.members[i];
            if (x->keylen != y->keylen || memcmp(x->key, y->key, x->keylen) != 0 ||
                x->key[x->keylen] != '\0' || y->key[y->keylen] != '\0' ||
                !jt_equal(&x->value, &y->value))
                return false;
        }
        return true;
    case JT_ARRAY:
        for (uint32_t i = 0; i < a->n; i++)
            if (!jt_equal(&a->u.items[i], &b->u.items[i]))
                return false;
        return true;
    case JT_STRING:
        return memcmp(a->u.s, b->u.s, a->n) == 0 && a->u.s[a->n] == '\0' && b->u.s[b->n] == '\0';
    case JT_INTEGER:
        return a->u.i == b->u.i;
    case JT_REAL:
        return memcmp(&a->u.d, &b->u.d, sizeof a->u.d) == 0;
    default:
        return true;
    }
}

/* --- from jansson --- */

static bool jt_copy_jansson(arena *a, const json_t *v, jt_node *out)
{
    memset(out, 0, sizeof *out);
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        size_t n = json_object_size(v);
        if (n >= UINT32_MAX)
            return false;
        jt_member *m = arena_alloc(a, (n ? n : 1) * sizeof *m);
        if (!m)
            return false;
        size_t i = 0;
        const char *key;
        json_t *item;
        json_object_foreach((json_t *)v, key, item)
        {
            size_t kl = strlen(key);
            if (i == n || kl >= UINT32_MAX)
                return false;
            m[i].key = arena_strndup(a, key, kl);
            m[i].keylen = (uint32_t)kl;
            if (!m[i].key || !jt_copy_jansson(a, item, &m[i].value))
                return false;
            i++;
        }
        out->kind = JT_OBJECT;
        out->n = (uint32_t)i;
        out->u.members = m;
        return true;
    }
    case JSON_ARRAY: {
        size_t n = json_array_size(v);
        if (n >= UINT32_MAX)
            return false;
        jt_node *items = arena_alloc(a, (n ? n : 1) * sizeof *items);
        if (!items)
            return false;
        for (size_t i = 0; i < n; i++)
            if (!jt_copy_jansson(a, json_array_get(v, i), &items[i]))
                return false;
        out->kind = JT_ARRAY;
        out->n = (uint32_t)n;
        out->u.items = items;
        return true;
    }
    case JSON_STRING: {
        size_t n = json_string_length(v);
        if (n >= UINT32_MAX)
            return false;
        out->u.s = arena_strndup(a, json_string_value(v), n);
        out->kind = JT_STRING;
        out->n = (uint32_t)n;
        return out->u.s != NULL;
    }
    case JSON_INTEGER:
        out->kind = JT_INTEGER;
        out->u.i = (long long)json_integer_value(v);
        return true;
    case JSON_REAL:
        out->kind = JT_REAL;
        out->u.d = json_real_value(v);
        return true;
    case JSON_TRUE:
        out->kind = JT_TRUE;
        return true;
    case JSON_FALSE:
        out->kind = JT_FALSE;
        return true;
    case JSON_NULL:
        out->kind = JT_NULL;
        return true;
    }
    return false;
}

const jt_node *jt_from_jansson(arena *a, const struct json_t *v)
{
    jt_node *root = v ? arena_alloc(a, sizeof *root) : NULL;
    if (!root || !jt_copy_jansson(a, v, root))
        return NULL;
    return root;
}
