/* fuzz_source.c — libFuzzer harness (issue 9): arbitrary bytes as policy
 * source through the whole compiler (lexer, parser, checker, emitter);
 * a policy that compiles is then loaded from its bytecode as well. */
#include "regel.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    regel_error err;
    regel_policy *p = NULL;
    char *diag = NULL;
    if (regel_policy_compile((const char *)data, size, "fuzz.regel", &p, &diag, &err) == REGEL_OK)
        regel_policy_free(p);
    regel_free(diag);

    /* The emitter's output must always pass the verifier. */
    uint8_t *rbc = NULL;
    size_t rbc_len = 0;
    if (regel_compile_to_bytecode((const char *)data, size, "fuzz.regel", &rbc, &rbc_len, NULL,
                                  &err) == REGEL_OK) {
        regel_policy *q = NULL;
        if (regel_policy_load(rbc, rbc_len, "fuzz.rbc", &q, &err) != REGEL_OK)
            __builtin_trap(); /* compiled bytecode rejected by the verifier */
        regel_policy_free(q);
        regel_free(rbc);
    }
    return 0;
}
