/* fuzz_case.c — libFuzzer harness (issue 9): arbitrary bytes as a JSON case
 * for stdlib-policies/inburgering.regel (compiled once), evaluated with
 * REGEL_EXPLAIN and rendered in all three formats. */
#include "fuzz_common.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The policy is compiled on the first call and kept for the whole run. */
static const regel_policy *fuzz_policy(void)
{
    static regel_policy *policy;
    if (!policy) {
        size_t len;
        char *src = fuzz_read_file("stdlib-policies/inburgering.regel", &len);
        regel_error err;
        if (regel_policy_compile(src, len, "inburgering.regel", &policy, NULL, &err) != REGEL_OK)
            abort();
        free(src);
    }
    return policy;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_eval_case(fuzz_policy(), (const char *)data, size);
    return 0;
}
