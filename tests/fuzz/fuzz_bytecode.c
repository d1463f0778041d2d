/* fuzz_bytecode.c — libFuzzer harness (issue 9): arbitrary bytes as .rbc
 * through the loader and verifier; bytecode that verifies is evaluated on
 * one fixed small case and rendered as text, JSON and HTML. */
#include "fuzz_common.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    regel_error err;
    regel_policy *p = NULL;
    if (regel_policy_load(data, size, "fuzz.rbc", &p, &err) != REGEL_OK)
        return 0;
    /* The fixed case: no facts at all, so every input is unknown. */
    static const char empty_case[] = "{}";
    fuzz_eval_case(p, empty_case, sizeof empty_case - 1);
    regel_policy_free(p);
    return 0;
}
