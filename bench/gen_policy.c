/* gen_policy.c — generated policies for the compile-time benchmark (make
 * bench, item 3): N rules in groups of five (a begrip chain, a rule with a
 * citation, its exception, a rule with two versions, a soort test). */
#include "bench.h"

#include "regel.h"

#include "../tests/bigpolicy.h"

#include <stdarg.h>

/* A policy of `rules` rules (a multiple of five; at least five). */
static bigpolicy_text policy(long rules)
{
    return bigpolicy_write(rules / 5 > 0 ? rules / 5 : 1, -1);
}

int main(int argc, char **argv)
{
    int measure = argc == 4 && strcmp(argv[1], "--meet") == 0;
    if (!(argc == 2 || measure)) {
        fprintf(stderr, "gebruik: gen_policy REGELS > beleid.regel\n"
                        "         gen_policy --meet REGELS HERHALINGEN\n"
                        "  een gegenereerd beleid van REGELS regels (groepen van vijf); met\n"
                        "  --meet: vertaal het HERHALINGEN keer in het geheugen en druk\n"
                        "  ns_compile=… (wandklok), ns_compile_cpu=… (processortijd van het\n"
                        "  proces; beide de mediaan) en bytes=… (de bytecode) af.\n");
        return 2;
    }
    long rules = atol(argv[measure ? 2 : 1]);
    int runs = measure ? atoi(argv[3]) : 0;
    if (rules < 1 || (measure && runs < 1)) {
        fprintf(stderr, "gen_policy: ongeldig aantal\n");
        return 2;
    }
    bigpolicy_text t = policy(rules);
    if (t.failed) {
        fprintf(stderr, "gen_policy: geen geheugen\n");
        free(t.s);
        return 1;
    }
    if (!measure) {
        int ok = fwrite(t.s, 1, t.len, stdout) == t.len && fflush(stdout) == 0;
        free(t.s);
        return ok ? 0 : 1;
    }
    double *samples = malloc((size_t)runs * sizeof *samples);
    double *cpu = malloc((size_t)runs * sizeof *cpu);
    size_t bytes = 0;
    int status = samples && cpu ? 0 : 1;
    for (int r = 0; status == 0 && r < runs; r++) {
        uint8_t *rbc = NULL;
        char *diag = NULL;
        regel_error err;
        uint64_t c0 = bench_cpu_ns(), t0 = bench_now_ns();
        int rc =
            regel_compile_to_bytecode(t.s, t.len, "gegenereerd.regel", &rbc, &bytes, &diag, &err);
        samples[r] = (double)(bench_now_ns() - t0);
        cpu[r] = (double)(bench_cpu_ns() - c0);
        if (rc != REGEL_OK) {
            fprintf(stderr, "gen_policy: vertalen mislukt: %s\n%s", err.message, diag ? diag : "");
            status = 1;
        }
        regel_free(rbc);
        regel_free(diag);
    }
    if (status == 0)
        printf("ns_compile=%.0f\nns_compile_cpu=%.0f\nbytes=%zu\n",
               bench_median(samples, (size_t)runs), bench_median(cpu, (size_t)runs), bytes);
    free(samples);
    free(cpu);
    free(t.s);
    return status;
}
