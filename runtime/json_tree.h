/* json_tree.h — a compact read-only JSON tree in an arena, read with yajl's
 * stream parser (issue 11): the case reader's fast path. It accepts only what
 * jansson's json_loadb(JSON_DECODE_ANY | JSON_REJECT_DUPLICATES) accepts, with
 * the same values; whatever it is not sure of it declines, for jansson to read. */
#ifndef REGEL_JSON_TREE_H
#define REGEL_JSON_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* jansson's kinds of value. */
enum jt_kind { JT_OBJECT, JT_ARRAY, JT_STRING, JT_INTEGER, JT_REAL, JT_TRUE, JT_FALSE, JT_NULL };

typedef struct jt_member jt_member;
typedef struct jt_node {
    uint8_t kind; /* enum jt_kind */
    uint32_t n;   /* STRING: bytes; OBJECT: members; ARRAY: elements */
    union {
        const char *s;            /* STRING: UTF-8, n bytes and a NUL, no NUL inside */
        long long i;              /* INTEGER (jansson's json_int_t) */
        double d;                 /* REAL */
        const jt_member *members; /* OBJECT: in input order, keys distinct */
        const struct jt_node *items;
    } u;
} jt_node;

struct jt_member {
    const char *key; /* UTF-8, keylen bytes and a NUL, no NUL inside */
    uint32_t keylen;
    jt_node value;
};

enum jt_status {
    JT_OK,       /* *root is the value, allocated in the arena */
    JT_DECLINED, /* not read: jansson may reject it, or read it differently */
    JT_NOMEM     /* the arena ran out */
};

/* Read the JSON text[0..len) (one value, any kind, whitespace around it)
 * into arena a. On JT_OK *root is set; the tree lives as long as the arena
 * (it does not point into text). */
enum jt_status jt_parse(arena *a, const char *text, size_t len, const jt_node **root);

/* Whether two trees hold the same values (reals bit for bit, members in
 * the same order): for the tests that hold the reader against jansson. */
bool jt_equal(const jt_node *a, const jt_node *b);

/* The same tree from a value jansson read (NULL when the arena runs out or
 * a string is longer than 4 GB). */
struct json_t;
const jt_node *jt_from_jansson(arena *a, const struct json_t *v);

#endif
