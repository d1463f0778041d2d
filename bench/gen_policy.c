/* gen_policy.c — generated policies for the compile-time benchmark (make
 * bench, item 3): N rules in groups of five (a begrip chain, a rule with a
 * citation, its exception, a rule with two versions, a soort test). */
#include "bench.h"

#include "regel.h"

#include <stdarg.h>

typedef struct text {
    char *s;
    size_t len, cap;
    int failed;
} text;

static void put(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(text *t, const char *fmt, ...)
{
    while (!t->failed) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            t->failed = 1;
            return;
        }
        if ((size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        size_t cap = t->cap * 2 + (size_t)n + 1;
        char *bigger = realloc(t->s, cap);
        if (!bigger) {
            t->failed = 1;
            return;
        }
        t->s = bigger;
        t->cap = cap;
    }
}

/* A policy of `rules` rules (a multiple of five; at least five). */
static text policy(long rules)
{
    long groups = rules / 5 > 0 ? rules / 5 : 1;
    text t = {malloc(1024), 0, 1024, 0};
    t.failed = t.s == NULL;
    put(&t, "beleid \"gegenereerd, %ld regels\".\ninvoer a: getal, peildatum: datum", groups * 5);
    for (long i = 0; i < groups; i++)
        put(&t, ",\n    s%ld: S%ld", i, i);
    put(&t, ".\n");
    for (long i = 0; i < groups; i++)
        put(&t, "soort S%ld is een van ja%ld, nee%ld, overig.\n", i, i, i);
    put(&t, "uitkomst\n");
    for (long i = 0; i < groups; i++)
        put(&t, "    u%ld: getal,\n    w%ld: getal,\n    b%ld: waarheid,\n", i, i, i);
    put(&t, "    eindwaarde: getal.\nbegrip\n");
    for (long i = 0; i < groups; i++)
        put(&t, "    c%ld: getal%s\n", i, i + 1 < groups ? "," : ".");
    for (long i = 0; i < groups; i++) {
        if (i == 0)
            put(&t, "regel \"c0\"\n    c0 is a + 1.\n");
        else
            put(&t, "regel \"c%ld\"\n    c%ld is c%ld + 1.\n", i, i, i - 1);
        put(&t,
            "regel \"r%ld\"\n    bron \"Wet %ld\"\n    citaat \"Artikel %ld, lid 1.\"\n"
            "    u%ld is a + %ld indien a > %ld, anders 0.\n",
            i, i, i, i, i, i);
        put(&t, "uitzondering \"e%ld\" op \"r%ld\"\n    u%ld is 7 indien a is %ld.\n", i, i, i,
            100 + i);
        put(&t, "regel \"v%ld\" geldig tot 1 maart 2022\n    w%ld is 1.\n", i, i);
        put(&t, "regel \"v%ld\" geldig vanaf 1 maart 2022\n    w%ld is c%ld.\n", i, i, i);
        put(&t, "regel \"b%ld\"\n    b%ld is waar indien s%ld is overig, anders onwaar.\n", i, i,
            i);
    }
    put(&t, "regel \"eindwaarde\"\n    eindwaarde is c%ld.\n", groups - 1);
    return t;
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
    text t = policy(rules);
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
