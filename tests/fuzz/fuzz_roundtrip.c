/* fuzz_roundtrip.c — harness (issue 9): source that compiles is disassembled and
 * compiled again; both bytecodes must be identical (determinism). There is no
 * assembler yet, so listing → bytecode cannot be checked: that is future work. */
#include "regel.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    regel_error err;
    uint8_t *a = NULL, *b = NULL;
    size_t a_len = 0, b_len = 0;
    if (regel_compile_to_bytecode((const char *)data, size, "fuzz.regel", &a, &a_len, NULL, &err) !=
        REGEL_OK)
        return 0;
    char *listing = NULL;
    if (regel_disassemble(a, a_len, "fuzz.rbc", &listing, &err) != REGEL_OK)
        __builtin_trap(); /* compiled bytecode the disassembler refuses */
    regel_free(listing);
    if (regel_compile_to_bytecode((const char *)data, size, "fuzz.regel", &b, &b_len, NULL, &err) !=
        REGEL_OK)
        __builtin_trap(); /* the second compilation failed */
    if (a_len != b_len || memcmp(a, b, a_len) != 0)
        __builtin_trap(); /* not deterministic */
    regel_free(a);
    regel_free(b);
    return 0;
}
