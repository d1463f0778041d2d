/* parse_only.c — the floor for batch mode (make bench, item 4): jansson
 * parses every line of a JSON Lines file and frees it again, nothing is
 * evaluated, with the flags of libregel's case reader (runtime/case.c).
 * Prints the median ns per case and MB/s of RUNS passes. */
#include "bench.h"

#include <jansson.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "gebruik: parse_only GEVALLEN.jsonl HERHALINGEN\n"
                        "  jansson leest elke regel en geeft ze weer vrij (zonder evaluatie);\n"
                        "  drukt ns_per_case=… en MB_per_s=… af (mediaan).\n");
        return 2;
    }
    int runs = atoi(argv[2]);
    bench_lines lines;
    if (runs < 1 || bench_lines_read(argv[1], &lines) != 0 || lines.n == 0) {
        fprintf(stderr, "parse_only: kan %s niet lezen (of ongeldig aantal herhalingen)\n",
                argv[1]);
        return 1;
    }
    double *samples = malloc((size_t)runs * sizeof *samples);
    int status = samples ? 0 : 1;
    for (int r = 0; status == 0 && r < runs; r++) {
        uint64_t t0 = bench_now_ns();
        for (size_t i = 0; i < lines.n; i++) {
            json_error_t e;
            json_t *v = json_loadb(lines.start[i], lines.length[i],
                                   JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &e);
            if (!v) {
                fprintf(stderr, "parse_only: %s: geval %zu: %s\n", argv[1], i + 1, e.text);
                status = 1;
                break;
            }
            json_decref(v);
        }
        samples[r] = (double)(bench_now_ns() - t0);
    }
    if (status == 0) {
        double ns = bench_median(samples, (size_t)runs);
        printf("ns_per_case=%.1f\nMB_per_s=%.1f\n", ns / (double)lines.n,
               (double)lines.len / ns * 1e3);
    }
    free(samples);
    bench_lines_free(&lines);
    return status;
}
