/* bench.h — what the benchmark programs in bench/ share (header-only: every
 * program is one file plus this): monotonic nanoseconds, the median of a
 * few samples, and reading a whole file split into lines. */
#ifndef BENCH_H
#define BENCH_H

/* clock_gettime under -std=c11: include this header first. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline uint64_t bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* CPU time of the whole process (user + system), in nanoseconds: on a busy
 * machine the wall clock also counts the time others had the core. */
static inline uint64_t bench_cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Sorts samples in place and returns their median (0 for none). */
static inline double bench_median(double *samples, size_t n)
{
    if (n == 0)
        return 0;
    qsort(samples, n, sizeof *samples, bench_cmp_double);
    return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

/* A whole file in memory, NUL-terminated, with the start and length of
 * every non-empty line (the newline is not part of a line). */
typedef struct bench_lines {
    char *text;
    size_t len;
    size_t n;
    const char **start;
    size_t *length;
} bench_lines;

static inline void bench_lines_free(bench_lines *l)
{
    free(l->text);
    free(l->start);
    free(l->length);
    memset(l, 0, sizeof *l);
}

/* Reads path; 0 on success, -1 when it cannot be read or memory runs out. */
static inline int bench_lines_read(const char *path, bench_lines *l)
{
    memset(l, 0, sizeof *l);
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 16;
    l->text = malloc(cap);
    size_t got;
    while (l->text && (got = fread(l->text + l->len, 1, cap - l->len - 1, f)) > 0) {
        l->len += got;
        if (l->len + 1 == cap) {
            char *bigger = realloc(l->text, cap * 2);
            if (!bigger) {
                free(l->text);
                l->text = NULL;
            }
            l->text = bigger;
            cap *= 2;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (!l->text || bad) {
        bench_lines_free(l);
        return -1;
    }
    l->text[l->len] = '\0';
    size_t lines = 0;
    for (size_t i = 0; i < l->len; i++)
        lines += l->text[i] == '\n';
    lines++;
    l->start = malloc(lines * sizeof *l->start);
    l->length = malloc(lines * sizeof *l->length);
    if (!l->start || !l->length) {
        bench_lines_free(l);
        return -1;
    }
    for (char *p = l->text; *p;) {
        char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > 0) {
            l->start[l->n] = p;
            l->length[l->n++] = n;
        }
        p += n + (nl != NULL);
    }
    return 0;
}

#endif
