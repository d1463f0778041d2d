/* test_threads.c — one loaded policy shared by 8 threads (spec8 §4): each
 * thread has its own regel_eval and its own cases, evaluates the 11 sample
 * cases of the inburgering policy (and variants with one fact removed) with
 * REGEL_EXPLAIN in shuffled orders for many rounds, renders text, JSON and
 * HTML, and compares every byte with the single-threaded results computed
 * first; the same for a policy bound once to a host function (libffi calls
 * from every thread). Under ThreadSanitizer (./configure --enable-tsan) criterion cannot
 * start (Snaipe/Criterion#274: its arena clashes with TSan's memory layout),
 * so there the same test is a plain program with its own main(). */
#if defined(__SANITIZE_THREAD__)
#define PLAIN_MAIN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PLAIN_MAIN 1
#endif
#endif

#ifndef PLAIN_MAIN
#include <criterion/criterion.h>
#endif
#include <glob.h>
#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regel.h"

#define N_THREADS 8
#define N_FORMATS 3

/* Rounds per thread; fewer under ThreadSanitizer, which is 5-15x slower.
 * REGEL_THREADS_ROUNDS in the environment overrides (for long soak runs). */
#ifdef PLAIN_MAIN
#define DEFAULT_ROUNDS 3
#else
#define DEFAULT_ROUNDS 5
#endif

/* CHECK(cond, fmt, ...): a criterion assertion, or in the plain program a
 * Dutch failure line and exit status 1 (test code only). */
#ifdef PLAIN_MAIN
#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "FOUT %s:%d: ", __FILE__, __LINE__);                                   \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            exit(1);                                                                               \
        }                                                                                          \
    } while (0)
#else
#define CHECK(cond, ...) cr_assert(cond, __VA_ARGS__)
#endif

static const int formats[N_FORMATS] = {REGEL_FORMAAT_TEKST, REGEL_FORMAAT_JSON, REGEL_FORMAAT_HTML};

/* One case: its JSON text and the three renderings of the reference run. */
typedef struct test_case {
    char *name;
    char *json;
    size_t json_len;
    char *expect[N_FORMATS];
} test_case;

/* Everything the threads share: read-only while they run. */
typedef struct shared {
    const regel_policy *policy;
    unsigned rounds;
    const test_case *cases;
    size_t n_cases;
} shared;

/* One thread's work and its findings (read by the main thread after join). */
typedef struct worker {
    const shared *sh;
    unsigned id;
    size_t evaluations;
    size_t mismatches;
    size_t failures;
    char first_problem[1600];
} worker;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf)
            break;
        if (n + 1 >= cap) {
            char *more = realloc(buf, cap *= 2);
            if (!more) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = more;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

/* Evaluate json with ev and render the three formats into out[]; REGEL_OK or
 * the failing status with err filled. Each call builds its own regel_case. */
static int run_case(const regel_policy *p, regel_eval *ev, const test_case *tc,
                    char *out[N_FORMATS], regel_error *err)
{
    for (int f = 0; f < N_FORMATS; f++)
        out[f] = NULL;
    regel_case *c = NULL;
    int rc = regel_case_from_json(p, tc->json, tc->json_len, tc->name, &c, err);
    if (rc != REGEL_OK)
        return rc;
    rc = regel_evaluate(ev, c, REGEL_EXPLAIN, err);
    for (int f = 0; rc == REGEL_OK && f < N_FORMATS; f++)
        rc = regel_render(ev, formats[f], NULL, 0, &out[f], NULL, err);
    regel_case_free(c);
    return rc;
}

/* A small per-thread generator (xorshift64*); no shared state. */
static uint64_t next_random(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

static void *work(void *arg)
{
    worker *w = arg;
    const shared *sh = w->sh;
    regel_eval *ev = regel_eval_new(sh->policy);
    size_t *order = malloc(sh->n_cases * sizeof *order);
    if (!ev || !order) {
        w->failures++;
        snprintf(w->first_problem, sizeof w->first_problem, "draad %u: geen geheugen", w->id);
        regel_eval_free(ev);
        free(order);
        return NULL;
    }
    uint64_t seed = 0x9e3779b97f4a7c15ull * (w->id + 1);
    for (unsigned round = 0; round < sh->rounds; round++) {
        /* A fresh Fisher–Yates shuffle every round. */
        for (size_t i = 0; i < sh->n_cases; i++)
            order[i] = i;
        for (size_t i = sh->n_cases; i > 1; i--) {
            size_t j = (size_t)(next_random(&seed) % i);
            size_t t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
        for (size_t k = 0; k < sh->n_cases; k++) {
            const test_case *tc = &sh->cases[order[k]];
            char *out[N_FORMATS];
            regel_error err;
            memset(&err, 0, sizeof err);
            int rc = run_case(sh->policy, ev, tc, out, &err);
            w->evaluations++;
            if (rc != REGEL_OK) {
                if (w->failures++ == 0 && w->mismatches == 0)
                    snprintf(w->first_problem, sizeof w->first_problem, "draad %u, %s: fout %d: %s",
                             w->id, tc->name, rc, err.message);
            } else {
                for (int f = 0; f < N_FORMATS; f++) {
                    if (strcmp(out[f], tc->expect[f]) != 0 && w->mismatches++ == 0 &&
                        w->failures == 0)
                        snprintf(w->first_problem, sizeof w->first_problem,
                                 "draad %u, ronde %u, %s: formaat %d wijkt af van de "
                                 "enkeldraadse uitvoer",
                                 w->id, round, tc->name, formats[f]);
                }
            }
            for (int f = 0; f < N_FORMATS; f++)
                regel_free(out[f]);
        }
    }
    free(order);
    regel_eval_free(ev);
    return NULL;
}

static char *dup_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    CHECK(d != NULL, "geen geheugen");
    return memcpy(d, s, n);
}

static void add_case(test_case **cases, size_t *n, size_t *cap, char *name, char *json)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *cases = realloc(*cases, *cap * sizeof **cases);
        CHECK(*cases != NULL, "geen geheugen");
    }
    test_case *tc = &(*cases)[(*n)++];
    memset(tc, 0, sizeof *tc);
    tc->name = name;
    tc->json = json;
    tc->json_len = strlen(json);
}

/* The sample cases 01..11 and, for each, every variant with one top-level
 * fact removed (so undecided outcomes and their "ontbrekend" are exercised). */
static test_case *load_cases(size_t *n_out, size_t *n_samples)
{
    test_case *cases = NULL;
    size_t n = 0, cap = 0;
    glob_t g;
    CHECK(glob(SRCDIR "/stdlib-policies/gevallen/[01][0-9]-*.json", 0, NULL, &g) == 0,
          "geen voorbeeldgevallen in %s", SRCDIR);
    *n_samples = g.gl_pathc;
    for (size_t i = 0; i < g.gl_pathc; i++) {
        size_t len = 0;
        char *text = slurp(g.gl_pathv[i], &len);
        CHECK(text != NULL, "kan %s niet lezen", g.gl_pathv[i]);
        const char *base = strrchr(g.gl_pathv[i], '/') + 1;
        json_error_t jerr;
        json_t *root = json_loadb(text, len, 0, &jerr);
        CHECK(root != NULL, "%s: %s", base, jerr.text);
        add_case(&cases, &n, &cap, dup_string(base), text);
        const char *key;
        json_t *val;
        json_object_foreach(root, key, val)
        {
            (void)val;
            json_t *copy = json_deep_copy(root);
            CHECK(copy != NULL, "geen geheugen");
            json_object_del(copy, key);
            char *variant = json_dumps(copy, JSON_SORT_KEYS);
            CHECK(variant != NULL, "geen geheugen");
            json_decref(copy);
            char name[512];
            snprintf(name, sizeof name, "%s zonder %s", base, key);
            add_case(&cases, &n, &cap, dup_string(name), variant);
        }
        json_decref(root);
    }
    globfree(&g);
    *n_out = n;
    return cases;
}

/* Compute the single-threaded reference renderings of every case (twice,
 * to show they are deterministic at all), then run N_THREADS workers over
 * them and check every rendering; prints the figures under `label`. */
static void run_threads(const char *label, const regel_policy *p, test_case *cases, size_t n_cases,
                        unsigned rounds)
{
    regel_error err;
    memset(&err, 0, sizeof err);
    regel_eval *ev = regel_eval_new(p);
    CHECK(ev != NULL, "geen geheugen");
    for (size_t i = 0; i < n_cases; i++) {
        CHECK(run_case(p, ev, &cases[i], cases[i].expect, &err) == REGEL_OK, "%s: %s",
              cases[i].name, err.message);
        char *again[N_FORMATS];
        CHECK(run_case(p, ev, &cases[i], again, &err) == REGEL_OK, "%s: %s", cases[i].name,
              err.message);
        for (int f = 0; f < N_FORMATS; f++) {
            CHECK(strcmp(again[f], cases[i].expect[f]) == 0, "%s: formaat %d niet deterministisch",
                  cases[i].name, formats[f]);
            regel_free(again[f]);
        }
    }
    regel_eval_free(ev);

    shared sh = {.policy = p, .rounds = rounds, .cases = cases, .n_cases = n_cases};
    worker w[N_THREADS];
    pthread_t tid[N_THREADS];
    for (unsigned t = 0; t < N_THREADS; t++) {
        memset(&w[t], 0, sizeof w[t]);
        w[t].sh = &sh;
        w[t].id = t;
        CHECK(pthread_create(&tid[t], NULL, work, &w[t]) == 0, "pthread_create");
    }
    size_t evaluations = 0, mismatches = 0, failures = 0;
    const char *problem = NULL;
    for (unsigned t = 0; t < N_THREADS; t++) {
        CHECK(pthread_join(tid[t], NULL) == 0, "pthread_join");
        evaluations += w[t].evaluations;
        mismatches += w[t].mismatches;
        failures += w[t].failures;
        if (!problem && w[t].first_problem[0])
            problem = w[t].first_problem;
    }
    fprintf(stderr,
            "threads (%s): %d draden x %u rondes x %zu gevallen = %zu evaluaties, "
            "%zu renderingen, %zu afwijkingen, %zu fouten\n",
            label, N_THREADS, rounds, n_cases, evaluations, evaluations * N_FORMATS, mismatches,
            failures);
    CHECK(failures == 0, "%s", problem ? problem : "");
    CHECK(mismatches == 0, "%s", problem ? problem : "");
    CHECK(evaluations == (size_t)N_THREADS * rounds * n_cases, "%zu evaluaties", evaluations);
}

static void free_cases(test_case *cases, size_t n_cases)
{
    for (size_t i = 0; i < n_cases; i++) {
        for (int f = 0; f < N_FORMATS; f++)
            regel_free(cases[i].expect[f]);
        free(cases[i].name);
        free(cases[i].json);
    }
    free(cases);
}

static unsigned rounds_wanted(void)
{
    const char *env = getenv("REGEL_THREADS_ROUNDS");
    return env && atoi(env) > 0 ? (unsigned)atoi(env) : DEFAULT_ROUNDS;
}

static regel_policy *load_policy(const char *rel)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SRCDIR, rel);
    regel_policy *p = NULL;
    char *diags = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    CHECK(regel_policy_load_file(path, &p, &diags, &err) == REGEL_OK, "%s: %s", path,
          diags ? diags : err.message);
    regel_free(diags);
    return p;
}

/* The inburgering policy: the 11 sample cases and their variants. */
static void inburgering_from_eight_threads(void)
{
    regel_policy *p = load_policy("stdlib-policies/inburgering.regel");
    size_t n_cases = 0, n_samples = 0;
    test_case *cases = load_cases(&n_cases, &n_samples);
    CHECK(n_samples == 11, "verwacht 11 voorbeeldgevallen, gevonden %zu", n_samples);
    CHECK(n_cases > n_samples, "geen varianten");
    run_threads("inburgering, 11 voorbeelden + varianten", p, cases, n_cases, rounds_wanted());
    /* The sample cases decide something: the JSON of case 01 names the
     * inburgeringsplicht, so a comparison of empty strings cannot pass. */
    CHECK(strstr(cases[0].expect[1], "\"inburgeringsplicht\": true") != NULL, "%s",
          cases[0].expect[1]);
    free_cases(cases, n_cases);
    regel_policy_free(p);
}

/* A pure host function (safe from any thread): working days from `from` up
 * to, not including, `to` (day 0 = 1970-01-01, a Thursday). */
static int64_t workdays_between(int32_t from, int32_t to)
{
    int64_t n = 0;
    for (int32_t day = from; day < to; day++)
        n += ((day % 7) + 7 + 3) % 7 < 5;
    return n;
}

/* A policy with an `extern functie`, bound once, then shared: every thread
 * calls the host function through libffi and records the call in the
 * motivering. */
static void host_function_from_eight_threads(void)
{
    regel_policy *p = load_policy("examples/embed/werkdagen.regel");
    regel_functions *fs = regel_functions_new();
    CHECK(fs != NULL, "geen geheugen");
    regel_error err;
    memset(&err, 0, sizeof err);
    const regel_ctype params[] = {REGEL_C_DATE, REGEL_C_DATE};
    CHECK(regel_functions_add(fs, "werkdagen_tussen", (void (*)(void))workdays_between,
                              REGEL_C_INT64, params, 2, &err) == REGEL_OK,
          "%s", err.message);
    CHECK(regel_policy_bind(p, fs, &err) == REGEL_OK, "%s", err.message);

    /* 60 cases: start dates 1..20 March 2023, sign-up 3, 25 or 47 days later. */
    test_case *cases = NULL;
    size_t n = 0, cap = 0;
    for (int start = 1; start <= 20; start++) {
        for (int later = 3; later <= 47; later += 22) {
            int d = start - 1 + later; /* days after 1 March */
            int month = d < 31 ? 3 : d < 61 ? 4 : 5;
            int day = d < 31 ? d + 1 : d < 61 ? d - 30 : d - 60;
            char json[256], name[64];
            snprintf(json, sizeof json,
                     "{\"peildatum\": \"2023-06-01\", \"start_traject\": \"2023-03-%02d\", "
                     "\"vdab_aanmelding\": \"2023-%02d-%02d\"}",
                     start, month, day);
            snprintf(name, sizeof name, "werkdagen %d+%d", start, later);
            add_case(&cases, &n, &cap, dup_string(name), dup_string(json));
        }
    }
    run_threads("externe functie werkdagen_tussen", p, cases, n, rounds_wanted() * 2);
    /* The host function was really called, and its call is in the motivering. */
    CHECK(strstr(cases[0].expect[0], "Externe functie: werkdagen_tussen(1 maart 2023, 4 maart "
                                     "2023) = 3") != NULL,
          "%s", cases[0].expect[0]);
    free_cases(cases, n);
    regel_policy_free(p);
    regel_functions_free(fs);
}

#ifdef PLAIN_MAIN
int main(void)
{
    inburgering_from_eight_threads();
    printf("ok threads: inburgering uit 8 draden komt overeen met de enkeldraadse uitvoer\n");
    host_function_from_eight_threads();
    printf("ok threads: externe functie uit 8 draden komt overeen met de enkeldraadse uitvoer\n");
    return 0;
}
#else
Test(threads, inburgering_from_eight_threads, .timeout = 600)
{
    inburgering_from_eight_threads();
}

Test(threads, host_function_from_eight_threads, .timeout = 600)
{
    host_function_from_eight_threads();
}
#endif
