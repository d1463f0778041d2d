/* fuzz_source.c — libFuzzer harness (issue 9): arbitrary bytes as policy
 * source through the whole compiler (lexer, parser, checker, emitter, the
 * diagnostics renderer); bytecode that comes out must pass the verifier, and
 * the policy is then evaluated on an empty case and explained. */
#include "fuzz_common.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    regel_error err;
    uint8_t *rbc = NULL;
    size_t rbc_len = 0;
    char *diag = NULL;
    int rc = regel_compile_to_bytecode((const char *)data, size, "fuzz.regel", &rbc, &rbc_len,
                                       &diag, &err);
    regel_free(diag);
    if (rc != REGEL_OK)
        return 0;
    regel_policy *p = NULL;
    if (regel_policy_load(rbc, rbc_len, "fuzz.rbc", &p, &err) != REGEL_OK)
        __builtin_trap(); /* compiled bytecode rejected by the verifier */
    regel_free(rbc);
    fuzz_eval_case(p, "{}", 2);
    regel_policy_free(p);
    return 0;
}
