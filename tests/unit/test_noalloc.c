/* test_noalloc.c — issue 11: a reused regel_eval does not allocate per case.
 * A counting interposer (malloc & co. defined in this executable, forwarding
 * to glibc; under ASan/TSan the sanitizer's allocator hooks) counts every heap
 * call of this thread, libregel (linked statically) and libjansson included. */
#define _POSIX_C_SOURCE 200809L /* strdup, posix_memalign */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define NOALLOC_HOOKS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) ||                         \
    __has_feature(memory_sanitizer)
#define NOALLOC_HOOKS 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define NOALLOC_SKIP 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define NOALLOC_SKIP 1
#endif
#endif

#ifdef NOALLOC_SKIP
/* Criterion cannot start under ThreadSanitizer (see test_threads.c): skip. */
#include <stdio.h>
int main(void)
{
    puts("test_noalloc overgeslagen onder ThreadSanitizer");
    return 77;
}
#else

#include <criterion/criterion.h>
#include <errno.h>
#include <glob.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regel.h"
#include "repo_files.h"

/* The counter: only allocations of the thread that counts (criterion has
 * threads of its own). Test-only state; the library has no globals. */
static _Thread_local bool counting;
static _Thread_local unsigned long counted;

static inline void note(void)
{
    if (counting)
        counted++;
}

#ifdef NOALLOC_HOOKS
/* From <sanitizer/allocator_interface.h>, which gcc does not install. */
int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *, size_t),
                                              void (*free_hook)(const volatile void *));

static void count_malloc(const volatile void *ptr, size_t size)
{
    (void)ptr;
    (void)size;
    note();
}

static void count_free(const volatile void *ptr)
{
    if (ptr)
        note();
}

__attribute__((constructor)) static void install_hooks(void)
{
    __sanitizer_install_malloc_and_free_hooks(count_malloc, count_free);
}
#else
/* glibc's allocator under its internal names; every allocation in the
 * process (libc, libjansson, libffi, libregel) now comes through here. */
extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);
extern void *__libc_memalign(size_t align, size_t n);
extern void __libc_free(void *p);

void *malloc(size_t n)
{
    note();
    return __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    note();
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    note();
    return __libc_realloc(p, n);
}

void free(void *p)
{
    if (p)
        note();
    __libc_free(p);
}

void *aligned_alloc(size_t align, size_t n)
{
    note();
    return __libc_memalign(align, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
    note();
    if (align < sizeof(void *) || (align & (align - 1)))
        return EINVAL;
    void *p = __libc_memalign(align, n);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}
#endif

static void count_start(void)
{
    counted = 0;
    counting = true;
}

static unsigned long count_stop(void)
{
    counting = false;
    return counted;
}

#define MAX_CASES   64

typedef struct {
    regel_policy *policy;
    regel_case *cases[MAX_CASES];
    char *names[MAX_CASES];
    size_t n;
} fixture;

static regel_case *case_from_text(const regel_policy *p, const char *json, size_t len,
                                  const char *name)
{
    regel_case *c = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_case_from_json(p, json, len, name, &c, &err), REGEL_OK, "%s: %s", name,
                 err.message);
    return c;
}

/* Load a policy (relative to the source root) and every case matching the
 * patterns (NULL-terminated). */
static void fixture_load(fixture *fx, const char *policy, const char *const *patterns)
{
    memset(fx, 0, sizeof *fx);
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SRCDIR, policy);
    char *diags = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_policy_load_file(path, &fx->policy, &diags, &err), REGEL_OK, "%s: %s", path,
                 err.message);
    regel_free(diags);
    for (const char *const *pat = patterns; *pat; pat++) {
        snprintf(path, sizeof path, "%s/%s", SRCDIR, *pat);
        glob_t g;
        cr_assert_eq(glob(path, 0, NULL, &g), 0, "geen gevallen voor %s", path);
        for (size_t k = 0; k < g.gl_pathc; k++) {
            cr_assert_lt(fx->n, MAX_CASES);
            size_t len;
            char *json = repo_slurp(g.gl_pathv[k], &len);
            fx->cases[fx->n] = case_from_text(fx->policy, json, len, g.gl_pathv[k]);
            fx->names[fx->n] = strdup(g.gl_pathv[k]);
            fx->n++;
            free(json);
        }
        globfree(&g);
    }
    cr_assert(fx->n > 0 || !patterns[0]);
}

static void fixture_free(fixture *fx)
{
    for (size_t i = 0; i < fx->n; i++) {
        regel_case_free(fx->cases[i]);
        free(fx->names[i]);
    }
    regel_policy_free(fx->policy);
}

/* Read every outcome through the typed getters (the way an embedder would);
 * they must not allocate either (strings are copied into ev's arena). */
static void read_results(const regel_eval *ev, const regel_policy *p)
{
    regel_error err;
    for (size_t i = 0; i < regel_outcome_count(p); i++) {
        const char *name = regel_outcome_name(p, i);
        regel_kind kind;
        cr_assert_eq(regel_result_kind(ev, name, &kind, &err), REGEL_OK, "%s", err.message);
        int b;
        int64_t num, den, cents;
        int32_t from, to, months, days;
        const char *s;
        int rc = REGEL_OK;
        switch (kind) {
        case REGEL_V_BOOL:
            rc = regel_result_bool(ev, name, &b, &err);
            break;
        case REGEL_V_NUMBER:
            rc = regel_result_number(ev, name, &num, &den, &err);
            break;
        case REGEL_V_TEXT:
            rc = regel_result_text(ev, name, &s, &err);
            break;
        case REGEL_V_MEMBER:
            rc = regel_result_member(ev, name, &s, &err);
            break;
        case REGEL_V_DATE:
            rc = regel_result_date(ev, name, &from, &err);
            break;
        case REGEL_V_DURATION:
            rc = regel_result_duration(ev, name, &months, &days, &err);
            break;
        case REGEL_V_CENTS:
            rc = regel_result_cents(ev, name, &cents, &err);
            break;
        case REGEL_V_PERIOD:
            rc = regel_result_period(ev, name, &from, &to, &b, &err);
            break;
        default:
            break;
        }
        cr_assert_eq(rc, REGEL_OK, "%s: %s", name, err.message);
    }
}

static const unsigned flag_sets[] = {0, REGEL_EXPLAIN, REGEL_EXPLAIN | REGEL_COVERAGE};
#define N_FLAG_SETS (sizeof flag_sets / sizeof *flag_sets)

static void evaluate(regel_eval *ev, const regel_case *c, unsigned flags, const char *name)
{
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_evaluate(ev, c, flags, &err);
    bool was = counting;
    counting = false; /* a failing assertion may allocate */
    cr_assert_eq(rc, REGEL_OK, "%s: %s", name, err.message);
    counting = was;
}

/* Warm up with every case and flag set, then evaluate every case `rounds`
 * times per flag set (reading all results): not one heap call. */
static void check_steady(const fixture *fx, unsigned rounds)
{
    regel_eval *ev = regel_eval_new(fx->policy);
    cr_assert_not_null(ev);
    for (size_t f = 0; f < N_FLAG_SETS; f++)
        for (size_t i = 0; i < fx->n; i++) {
            evaluate(ev, fx->cases[i], flag_sets[f], fx->names[i]);
            read_results(ev, fx->policy);
        }
    for (size_t f = 0; f < N_FLAG_SETS; f++)
        for (size_t i = 0; i < fx->n; i++) {
            count_start();
            for (unsigned r = 0; r < rounds; r++) {
                evaluate(ev, fx->cases[i], flag_sets[f], fx->names[i]);
                read_results(ev, fx->policy);
            }
            unsigned long n = count_stop();
            cr_assert_eq(n, 0, "%s (vlaggen %u): %lu heap-aanroepen in %u evaluaties", fx->names[i],
                         flag_sets[f], n, rounds);
        }
    /* all cases interleaved, as a batch does */
    count_start();
    for (unsigned r = 0; r < rounds; r++)
        for (size_t f = 0; f < N_FLAG_SETS; f++)
            for (size_t i = 0; i < fx->n; i++)
                evaluate(ev, fx->cases[i], flag_sets[f], fx->names[i]);
    unsigned long n = count_stop();
    cr_assert_eq(n, 0, "%lu heap-aanroepen in %u rondes over alle gevallen", n, rounds);
    regel_eval_free(ev);
}

Test(noalloc, inburgering)
{
    static const char *const cases[] = {"stdlib-policies/gevallen/*.json",
                                        "examples/gevallen/inburgering-*.json", NULL};
    fixture fx;
    fixture_load(&fx, "stdlib-policies/inburgering.regel", cases);
    cr_assert_geq(fx.n, 24, "%zu gevallen", fx.n);
    check_steady(&fx, 100);
    fixture_free(&fx);
}

Test(noalloc, tijd_en_geld)
{
    static const char *const cases[] = {"examples/gevallen/tijd-*.json", NULL};
    fixture fx;
    fixture_load(&fx, "examples/tijd-en-geld.regel", cases);
    check_steady(&fx, 100);
    fixture_free(&fx);
}

Test(noalloc, inburgering_basis)
{
    static const char *const cases[] = {"examples/gevallen/0*.json", NULL};
    fixture fx;
    fixture_load(&fx, "examples/inburgering-basis.regel", cases);
    check_steady(&fx, 100);
    fixture_free(&fx);
}

/* werkdagen_tussen (examples/embed/werkdagen.regel): the weekdays from
 * `from` up to `to` (excluded), as a double so that the result goes through
 * host.c's shortest round-trip conversion. */
static double workdays_between(int32_t from, int32_t to)
{
    double n = 0;
    for (int32_t d = from; d < to; d++)
        if ((d % 7 + 7 + 3) % 7 < 5) /* 1970-01-01 was a Thursday; 0 is Monday */
            n++;
    return n;
}

/* A host function called through libffi in every evaluation. */
Test(noalloc, host_function)
{
    static const char *const none[] = {NULL};
    fixture fx;
    fixture_load(&fx, "examples/embed/werkdagen.regel", none);
    regel_functions *fs = regel_functions_new();
    cr_assert_not_null(fs);
    regel_error err;
    const regel_ctype params[] = {REGEL_C_DATE, REGEL_C_DATE};
    cr_assert_eq(regel_functions_add(fs, "werkdagen_tussen", (void (*)(void))workdays_between,
                                     REGEL_C_DOUBLE, params, 2, &err),
                 REGEL_OK, "%s", err.message);
    cr_assert_eq(regel_policy_bind(fx.policy, fs, &err), REGEL_OK, "%s", err.message);
    static const char *const cases[] = {
        "{\"peildatum\": \"2023-03-31\", \"start_traject\": \"2023-03-01\", "
        "\"vdab_aanmelding\": \"2023-03-20\"}",
        "{\"peildatum\": \"2023-03-31\", \"start_traject\": \"2023-03-01\", "
        "\"vdab_aanmelding\": \"2023-05-20\"}",
        "{\"peildatum\": \"2023-03-31\", \"start_traject\": \"2023-03-01\"}"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char name[32];
        snprintf(name, sizeof name, "werkdagen %zu", i + 1);
        fx.cases[fx.n] = case_from_text(fx.policy, cases[i], strlen(cases[i]), name);
        fx.names[fx.n++] = strdup(name);
    }
    check_steady(&fx, 100);
    /* the function did run: 1 to 20 March 2023 holds 13 weekdays */
    regel_eval *ev = regel_eval_new(fx.policy);
    cr_assert_not_null(ev);
    evaluate(ev, fx.cases[0], 0, fx.names[0]);
    int64_t days = 0;
    cr_assert_eq(regel_result_int(ev, "werkdagen_tot_aanmelding", &days, &err), REGEL_OK, "%s",
                 err.message);
    cr_assert_eq(days, 13);
    regel_eval_free(ev);
    fixture_free(&fx);
    regel_functions_free(fs);
}

/* A case with long lists of tests and stays (n of each) as JSON (malloc'd). */
static char *big_case(unsigned n, size_t *len)
{
    size_t cap = 1024 + (size_t)n * 160;
    char *s = malloc(cap);
    cr_assert_not_null(s);
    size_t at = (size_t)snprintf(
        s, cap,
        "{\"peildatum\": \"2031-06-01\", \"geboortedatum\": \"1994-07-15\", "
        "\"register\": \"vreemdelingenregister\", \"status\": \"verplicht\", "
        "\"ernstig_ziek\": false, \"handicap\": false, \"laaggeletterd\": false, "
        "\"werkt\": false, \"studeert\": false, \"contract_getekend\": \"2023-01-10\", "
        "\"start_traject\": \"2023-01-10\", \"vdab_aanmelding\": \"2023-02-20\", "
        "\"participatie_uren\": 0, \"activiteiten\": [], \"wachtlijst_ouderenzorg\": false, "
        "\"asielprocedure_lopend\": false, \"woonwagenbewoner\": false, "
        "\"rondtrekkend\": false, \"toetsen\": [");
    static const char *const kinds[] = {"nt2", "mo", "b1"};
    for (unsigned i = 0; i < n; i++) /* days 1..28 of every month from 2000 on */
        at += (size_t)snprintf(s + at, cap - at,
                               "%s{\"soort\": \"%s\", \"datum\": \"%04u-%02u-%02u\", "
                               "\"geslaagd\": %s}",
                               i ? ", " : "", kinds[i % 3], 2000 + i / 336, 1 + i / 28 % 12,
                               1 + i % 28, i % 5 ? "false" : "true");
    at += (size_t)snprintf(s + at, cap - at, "], \"verblijf\": [");
    for (unsigned i = 0; i < n; i++) /* a stay of one or two days, every other day */
        at += (size_t)snprintf(s + at, cap - at,
                               "%s{\"van\": \"%04u-%02u-%02u\", \"tot\": \"%04u-%02u-%02u\"}",
                               i ? ", " : "", 2000 + i / 168, 1 + i / 14 % 12, 1 + i % 14 * 2,
                               2000 + i / 168, 1 + i / 14 % 12, 2 + i % 14 * 2);
    at += (size_t)snprintf(s + at, cap - at, "]}");
    cr_assert_lt(at, cap);
    *len = at;
    return s;
}

/* A case larger than any before grows the context: its evaluation adds
 * arena blocks, and the next evaluation's reset merges them into one block
 * (runtime/arena.c). After that it and every smaller case evaluate without
 * a heap call. */
Test(noalloc, grows_once_for_a_larger_case)
{
    static const char *const cases[] = {"stdlib-policies/gevallen/*.json", NULL};
    fixture fx;
    fixture_load(&fx, "stdlib-policies/inburgering.regel", cases);
    size_t len;
    char *json = big_case(3000, &len);
    regel_case *big = case_from_text(fx.policy, json, len, "groot geval");
    free(json);
    regel_eval *ev = regel_eval_new(fx.policy);
    cr_assert_not_null(ev);
    for (size_t f = 0; f < N_FLAG_SETS; f++)
        for (size_t i = 0; i < fx.n; i++)
            evaluate(ev, fx.cases[i], flag_sets[f], fx.names[i]);
    for (size_t f = 0; f < N_FLAG_SETS; f++) {
        count_start();
        evaluate(ev, big, flag_sets[f], "groot geval");
        unsigned long first = count_stop();
        count_start();
        evaluate(ev, big, flag_sets[f], "groot geval");
        unsigned long second = count_stop();
        cr_log_info("groot geval, vlaggen %u: %lu heap-aanroepen bij de eerste evaluatie, %lu "
                    "bij de tweede",
                    flag_sets[f], first, second);
        count_start();
        for (unsigned r = 0; r < 20; r++) {
            evaluate(ev, big, flag_sets[f], "groot geval");
            for (size_t i = 0; i < fx.n; i++)
                evaluate(ev, fx.cases[i], flag_sets[f], fx.names[i]);
        }
        unsigned long n = count_stop();
        cr_assert_eq(n, 0, "vlaggen %u: %lu heap-aanroepen na het opwarmen met het grote geval",
                     flag_sets[f], n);
    }
    regel_eval_free(ev);
    regel_case_free(big);
    fixture_free(&fx);
}

/* Controls: the counter does see heap calls, in libjansson (reading a case)
 * and in libregel itself (a new context), so the tests above can fail. */
Test(noalloc, counter_sees_allocations)
{
    static const char *const cases[] = {"stdlib-policies/gevallen/01-*.json", NULL};
    fixture fx;
    fixture_load(&fx, "stdlib-policies/inburgering.regel", cases);
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SRCDIR, "stdlib-policies/gevallen/02-attest-behaald.json");
    size_t len;
    char *json = repo_slurp(path, &len);
    count_start();
    regel_case *c = NULL;
    regel_error err;
    int rc = regel_case_from_json(fx.policy, json, len, "02", &c, &err);
    unsigned long n = count_stop();
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    cr_assert_gt(n, 0, "regel_case_from_json zonder heap-aanroepen geteld");
    count_start();
    regel_case_free(c);
    n = count_stop();
    cr_assert_gt(n, 0, "regel_case_free zonder heap-aanroepen geteld");
    count_start();
    regel_eval *ev = regel_eval_new(fx.policy);
    n = count_stop();
    cr_assert_not_null(ev);
    cr_assert_gt(n, 0, "regel_eval_new zonder heap-aanroepen geteld");
    count_start();
    char *out = NULL;
    size_t out_len;
    evaluate(ev, fx.cases[0], REGEL_EXPLAIN, fx.names[0]);
    rc = regel_render_json(ev, &out, &out_len, &err);
    n = count_stop();
    cr_assert_eq(rc, REGEL_OK, "%s", err.message);
    cr_assert_gt(n, 0, "regel_render_json zonder heap-aanroepen geteld");
    regel_free(out);
    regel_eval_free(ev);
    free(json);
    fixture_free(&fx);
}
#endif
