/* arena.c — region allocator (see arena.h): a chain of blocks, bump
 * allocation, everything released together. Returns NULL on failure.
 * Blocks come from calloc; only memory handed out before (dirty: below a
 * block's high-water mark, i.e. after arena_reset) is zeroed again. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16

struct arena_block {
    struct arena_block *next;
    size_t size; /* usable bytes in data */
    size_t used;
    size_t dirty; /* data[dirty..size) was never handed out: still zero from calloc */
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena {
    struct arena_block *head; /* current block; the first block is last in the chain */
    size_t block_size;
    size_t total_used;
};

static struct arena_block *arena_block_new(size_t size)
{
    if (size > SIZE_MAX - sizeof(struct arena_block))
        return NULL;
    /* calloc: the data is zero already, and fresh pages (mmap, or new heap
     * top) are not written at all, so the kernel zeroes them only when used. */
    struct arena_block *b = calloc(1, sizeof(struct arena_block) + size);
    if (!b)
        return NULL;
    b->size = size;
    return b;
}

arena *arena_new(size_t block_size)
{
    arena *a = malloc(sizeof *a);
    if (!a)
        return NULL;
    a->block_size = block_size < 256 ? 256 : block_size;
    a->total_used = 0;
    a->head = arena_block_new(a->block_size);
    if (!a->head) {
        free(a);
        return NULL;
    }
    return a;
}

void arena_free(arena *a)
{
    if (!a)
        return;
    struct arena_block *b = a->head;
    while (b) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

/* Keeps the capacity: a chain of several blocks becomes one block as large
 * as all of them, so an arena that is reset between cases stops calling
 * malloc once it has held its largest case. When that block cannot be had,
 * the first block alone is kept (as before). */
void arena_reset(arena *a)
{
    struct arena_block *b = a->head;
    if (b->next) {
        size_t total = 0;
        for (struct arena_block *k = b; k && total != SIZE_MAX; k = k->next)
            total = k->size > SIZE_MAX - total ? SIZE_MAX : total + k->size;
        struct arena_block *one = total != SIZE_MAX ? arena_block_new(total) : NULL;
        while (b->next) {
            struct arena_block *next = b->next;
            free(b);
            b = next;
        }
        if (one) {
            free(b);
            b = one;
        }
    }
    b->used = 0;
    a->head = b;
    a->total_used = 0;
}

void *arena_alloc(arena *a, size_t n)
{
    if (!a)
        return NULL;
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    size_t rounded = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    struct arena_block *b = a->head;
    if (b->size - b->used < rounded) {
        size_t size = rounded > a->block_size ? rounded : a->block_size;
        struct arena_block *nb = arena_block_new(size);
        if (!nb)
            return NULL;
        nb->next = b;
        a->head = nb;
        b = nb;
    }
    void *p = b->data + b->used;
    if (b->used < b->dirty) /* reused after arena_reset: zero what was handed out before */
        memset(p, 0, b->dirty - b->used < n ? b->dirty - b->used : n);
    b->used += rounded;
    if (b->used > b->dirty)
        b->dirty = b->used;
    a->total_used += rounded;
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *d = arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void *arena_grow(arena *a, void *old, size_t old_n, size_t new_n)
{
    void *p = arena_alloc(a, new_n);
    if (p && old && old_n)
        memcpy(p, old, old_n < new_n ? old_n : new_n);
    return p;
}

size_t arena_used(const arena *a)
{
    return a->total_used;
}
