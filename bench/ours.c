/* ours.c — the in-process benchmark of libregel (make bench, item 1): loads
 * a policy, reads every case first, writes one line of uitkomsten per case,
 * then times RUNS passes with the explanation off and on (medians, ns/case). */
#include "bench.h"

#include "regel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line {"naam":waarde,…} with every uitkomst of the last evaluation. */
static int write_outcomes(const regel_policy *pol, const regel_eval *ev, FILE *out,
                          regel_error *err)
{
    size_t n = regel_outcome_count(pol);
    int first = 1;
    fputc('{', out);
    for (size_t i = 0; i < n; i++) {
        if (!regel_outcome_is_output(pol, i))
            continue;
        const char *name = regel_outcome_name(pol, i);
        char *json = NULL;
        int rc = regel_result_json(ev, name, &json, err);
        if (rc != REGEL_OK)
            return rc;
        fprintf(out, "%s\"%s\":%s", first ? "" : ",", name, json);
        regel_free(json);
        first = 0;
    }
    fputs("}\n", out);
    return REGEL_OK;
}

/* Median ns per case of `runs` passes over all cases with `flags`, after
 * one untimed pass (warm caches, the arena at its largest). */
static int time_passes(regel_eval *ev, regel_case **cases, size_t n, unsigned flags, int runs,
                       double *ns_per_case, regel_error *err)
{
    double *samples = calloc((size_t)runs, sizeof *samples);
    if (!samples)
        return REGEL_ERR_MEMORY;
    for (size_t i = 0; i < n; i++) {
        int rc = regel_evaluate(ev, cases[i], flags, err);
        if (rc != REGEL_OK) {
            free(samples);
            return rc;
        }
    }
    for (int r = 0; r < runs; r++) {
        uint64_t t0 = bench_now_ns();
        for (size_t i = 0; i < n; i++) {
            int rc = regel_evaluate(ev, cases[i], flags, err);
            if (rc != REGEL_OK) {
                free(samples);
                return rc;
            }
        }
        samples[r] = (double)(bench_now_ns() - t0) / (double)n;
    }
    *ns_per_case = bench_median(samples, (size_t)runs);
    free(samples);
    return REGEL_OK;
}

int main(int argc, char **argv)
{
    /* only: 0 both, 1 only without explanation, 2 only with (for profiles) */
    int only = argc == 6 ? (strcmp(argv[5], "uit") == 0   ? 1
                            : strcmp(argv[5], "aan") == 0 ? 2
                                                          : -1)
                         : 0;
    if ((argc != 5 && argc != 6) || only < 0) {
        fprintf(stderr, "gebruik: ours BELEID GEVALLEN.jsonl UIT.jsonl HERHALINGEN [uit|aan]\n"
                        "  leest alle gevallen, schrijft per geval één regel uitkomsten naar\n"
                        "  UIT.jsonl en meet HERHALINGEN keer alle gevallen, zonder en met\n"
                        "  uitleg: ns_per_case=… en ns_per_case_uitleg=… (mediaan);\n"
                        "  met uit of aan alleen zonder of alleen met uitleg (voor profielen).\n");
        return 2;
    }
    int runs = atoi(argv[4]);
    if (runs < 1) {
        fprintf(stderr, "ours: ongeldig aantal herhalingen '%s'\n", argv[4]);
        return 2;
    }
    regel_error err;
    regel_policy *pol = NULL;
    char *diag = NULL;
    if (regel_policy_load_file(argv[1], &pol, &diag, &err) != REGEL_OK) {
        fprintf(stderr, "ours: %s: %s\n%s", argv[1], err.message, diag ? diag : "");
        regel_free(diag);
        return 1;
    }
    bench_lines lines;
    if (bench_lines_read(argv[2], &lines) != 0) {
        fprintf(stderr, "ours: kan %s niet lezen\n", argv[2]);
        regel_policy_free(pol);
        return 1;
    }
    size_t n = 0;
    regel_case **cases = calloc(lines.n ? lines.n : 1, sizeof *cases);
    int status = 0;
    for (; cases && n < lines.n; n++) {
        if (regel_case_from_json(pol, lines.start[n], lines.length[n], argv[2], &cases[n], &err) !=
            REGEL_OK) {
            fprintf(stderr, "ours: %s: geval %zu: %s %s\n", argv[2], n + 1, err.key, err.message);
            status = 1;
            break;
        }
    }
    bench_lines_free(&lines);
    regel_eval *ev = cases ? regel_eval_new(pol) : NULL;
    FILE *out = NULL;
    if (status == 0 && !ev) {
        fprintf(stderr, "ours: geen geheugen\n");
        status = 1;
    }
    if (status == 0 && !(out = fopen(argv[3], "w"))) {
        fprintf(stderr, "ours: kan %s niet schrijven\n", argv[3]);
        status = 1;
    }
    for (size_t i = 0; status == 0 && i < n; i++) {
        if (regel_evaluate(ev, cases[i], 0, &err) != REGEL_OK ||
            write_outcomes(pol, ev, out, &err) != REGEL_OK) {
            fprintf(stderr, "ours: geval %zu: %s\n", i + 1, err.message);
            status = 1;
        }
    }
    if (out && fclose(out) != 0 && status == 0) {
        fprintf(stderr, "ours: schrijven naar %s mislukt\n", argv[3]);
        status = 1;
    }
    double off = 0, on = 0;
    if (status == 0 && n > 0) {
        if ((only != 2 && time_passes(ev, cases, n, 0, runs, &off, &err) != REGEL_OK) ||
            (only != 1 && time_passes(ev, cases, n, REGEL_EXPLAIN, runs, &on, &err) != REGEL_OK)) {
            fprintf(stderr, "ours: evaluatie mislukt: %s\n", err.message);
            status = 1;
        } else {
            if (only != 2)
                printf("ns_per_case=%.1f\n", off);
            if (only != 1)
                printf("ns_per_case_uitleg=%.1f\n", on);
        }
    }
    regel_eval_free(ev);
    for (size_t i = 0; i < n; i++)
        regel_case_free(cases[i]);
    free(cases);
    regel_policy_free(pol);
    return status;
}
