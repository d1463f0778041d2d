/* fuzz_json_tree.c — libFuzzer harness (issue 11): arbitrary bytes through
 * the yajl reader (runtime/json_tree.c) and through jansson. json_tree must
 * read jansson's tree or decline; accepting what jansson rejects traps. */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "json_tree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena *a = arena_new(4096);
    if (!a)
        return 0;
    const char *text = (const char *)data;
    const jt_node *mine = NULL;
    enum jt_status st = jt_parse(a, text, size, &mine);
    json_error_t e;
    json_t *j = json_loadb(text, size, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &e);
    if (st == JT_OK) {
        if (!j)
            __builtin_trap(); /* accepted what jansson rejects */
        const jt_node *theirs = jt_from_jansson(a, j);
        if (theirs && !jt_equal(mine, theirs))
            __builtin_trap(); /* read something else */
    }
    json_decref(j);
    arena_free(a);
    return 0;
}
