/* parse_only.c — the floors for batch mode (make bench, item 4): jansson
 * parses every line of a JSON Lines file and frees it again, with the flags
 * libregel used to read cases with; or, given a policy, libregel reads every
 * line into a typed case (regel_case_from_json) and frees it. Nothing is
 * evaluated. Prints the median ns per case and MB/s of RUNS passes. */
#include "bench.h"

#include <jansson.h>

#include "regel.h"

/* One pass over the lines: jansson (policy NULL) or libregel's case reader. */
static int one_pass(const bench_lines *lines, const regel_policy *policy, const char *file)
{
    for (size_t i = 0; i < lines->n; i++) {
        if (policy) {
            regel_case *c = NULL;
            regel_error err;
            if (regel_case_from_json(policy, lines->start[i], lines->length[i], "geval", &c,
                                     &err) != REGEL_OK) {
                fprintf(stderr, "parse_only: %s: geval %zu: %s\n", file, i + 1, err.message);
                return 1;
            }
            regel_case_free(c);
            continue;
        }
        json_error_t e;
        json_t *v = json_loadb(lines->start[i], lines->length[i],
                               JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &e);
        if (!v) {
            fprintf(stderr, "parse_only: %s: geval %zu: %s\n", file, i + 1, e.text);
            return 1;
        }
        json_decref(v);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "gebruik: parse_only GEVALLEN.jsonl HERHALINGEN [BELEID]\n"
                        "  jansson leest elke regel en geeft ze weer vrij (zonder evaluatie);\n"
                        "  met BELEID leest libregel elke regel als geval van dat beleid\n"
                        "  (regel_case_from_json) en geeft het weer vrij;\n"
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
    regel_policy *policy = NULL;
    if (argc == 4) {
        regel_error err;
        char *diag = NULL;
        if (regel_policy_load_file(argv[3], &policy, &diag, &err) != REGEL_OK) {
            fprintf(stderr, "parse_only: %s\n%s", err.message, diag ? diag : "");
            regel_free(diag);
            bench_lines_free(&lines);
            return 1;
        }
        regel_free(diag);
    }
    double *samples = malloc((size_t)runs * sizeof *samples);
    int status = samples ? 0 : 1;
    for (int r = 0; status == 0 && r < runs; r++) {
        uint64_t t0 = bench_now_ns();
        status = one_pass(&lines, policy, argv[1]);
        samples[r] = (double)(bench_now_ns() - t0);
    }
    if (status == 0) {
        double ns = bench_median(samples, (size_t)runs);
        printf("ns_per_case=%.1f\nMB_per_s=%.1f\n", ns / (double)lines.n,
               (double)lines.len / ns * 1e3);
    }
    free(samples);
    regel_policy_free(policy);
    bench_lines_free(&lines);
    return status;
}
