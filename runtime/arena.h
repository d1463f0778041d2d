/* arena.h — region allocator: many small allocations, freed all at once.
 * One arena per compilation and one per evaluation context (reset between
 * cases). Allocation failure returns NULL; nothing here aborts. */
#ifndef REGEL_ARENA_H
#define REGEL_ARENA_H

#include <stddef.h>

typedef struct arena arena;

arena *arena_new(size_t block_size); /* NULL when out of memory */
void arena_free(arena *a);           /* NULL is allowed */
/* Forget all allocations but keep the capacity (several blocks become one as
 * large as all of them): once warm, allocating the same again needs no malloc. */
void arena_reset(arena *a);
void *arena_alloc(arena *a, size_t n); /* 16-byte aligned, zeroed; NULL on failure or overflow */
char *arena_strndup(arena *a, const char *s, size_t n); /* NUL-terminated copy */
/* Grow an array allocated in this arena: returns a new block of new_n bytes
 * holding the first old_n bytes of old (old may be NULL). */
void *arena_grow(arena *a, void *old, size_t old_n, size_t new_n);
size_t arena_used(const arena *a); /* bytes handed out since the last reset */

#endif
