/* replay.c — runs a fuzz harness without libFuzzer (issue 9): every file
 * named on the command line is passed once to LLVMFuzzerTestOneInput. Linked
 * with each harness into tests/fuzz/replay_*, so every build (gcc too, with
 * or without sanitizers) replays the seeds and the regression inputs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            fprintf(stderr, "replay: kan ‘%s’ niet openen\n", argv[i]);
            failed = 1;
            continue;
        }
        size_t cap = 4096, n = 0;
        uint8_t *buf = malloc(cap);
        size_t got;
        while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
            n += got;
            if (n == cap) {
                uint8_t *nb = realloc(buf, cap * 2);
                if (!nb) {
                    free(buf);
                    buf = NULL;
                    break;
                }
                buf = nb;
                cap *= 2;
            }
        }
        fclose(f);
        if (!buf) {
            fprintf(stderr, "replay: onvoldoende geheugen voor ‘%s’\n", argv[i]);
            return 1;
        }
        /* An exact-size copy, so ASan sees a read past the end of the input. */
        uint8_t *exact = malloc(n ? n : 1);
        if (!exact) {
            free(buf);
            return 1;
        }
        for (size_t k = 0; k < n; k++)
            exact[k] = buf[k];
        free(buf);
        LLVMFuzzerTestOneInput(exact, n);
        free(exact);
    }
    return failed;
}
