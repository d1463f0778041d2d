/* fuzz_fmt.c — harness (issue 10): `regel fmt` on any source. When the source
 * parses: the safety net must not fire, formatting twice changes nothing, and
 * the formatted text compiles exactly when the original does, to the same
 * bytecode once the source positions are left out (EMIT_NO_POSITIONS).
 * With FUZZ_FMT_STATS set, one line per input says how far it got (replay). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "emit.h"
#include "fmt.h"
#include "regel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_fmt_stat(const char *what)
{
    if (getenv("FUZZ_FMT_STATS"))
        fprintf(stderr, "fuzz_fmt: %s\n", what);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *src = (const char *)data;
    char *once = NULL, *twice = NULL;
    size_t once_len = 0, twice_len = 0;
    fmt_status st = fmt_source(src, size, "fuzz.regel", &once, &once_len, NULL);
    if (st == FMT_UNSAFE)
        __builtin_trap(); /* the layout would change the tokens or the comments */
    if (st != FMT_OK) {
        fuzz_fmt_stat(st == FMT_SYNTAX ? "syntaxfout" : "geheugen");
        return 0;
    }
    st = fmt_source(once, once_len, "fuzz.regel", &twice, &twice_len, NULL);
    if (st != FMT_OK || twice_len != once_len || memcmp(once, twice, once_len) != 0)
        __builtin_trap(); /* not idempotent */
    free(twice);

    regel_error err;
    uint8_t *a = NULL, *b = NULL;
    size_t a_len = 0, b_len = 0;
    int ra =
        compile_run_flags(src, size, "fuzz.regel", EMIT_NO_POSITIONS, &a, &a_len, NULL, NULL, &err);
    int rb = compile_run_flags(once, once_len, "fuzz.regel", EMIT_NO_POSITIONS, &b, &b_len, NULL,
                               NULL, &err);
    if (ra == REGEL_ERR_MEMORY || rb == REGEL_ERR_MEMORY) {
        fuzz_fmt_stat("geheugen");
    } else if ((ra == REGEL_OK) != (rb == REGEL_OK)) {
        __builtin_trap(); /* one compiles, the other does not */
    } else if (ra == REGEL_OK) {
        if (a_len != b_len || memcmp(a, b, a_len) != 0)
            __builtin_trap(); /* different bytecode */
        fuzz_fmt_stat("vertaald, bytecode gelijk");
    } else {
        fuzz_fmt_stat("ontleed, vertaalt niet");
    }
    free(a);
    free(b);
    free(once);
    return 0;
}
