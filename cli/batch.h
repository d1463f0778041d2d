/* batch.h — `regel --jsonl` (cli/batch.c): many cases, one JSON object per
 * input line, evaluated on one or more threads with the decisions written in
 * input order, one JSON object per output line, in constant memory. */
#ifndef REGEL_CLI_BATCH_H
#define REGEL_CLI_BATCH_H

#include <stdbool.h>
#include <stddef.h>

/* The most threads `-j` accepts. */
#define BATCH_MAX_THREADS 256u
/* The longest input line (one case) read; a longer line is an error line. */
#define BATCH_MAX_LINE ((size_t)1 << 20)

typedef struct batch_options {
    const char *policy_path;
    const char *cases_path;     /* NULL or "-": standard input */
    const char *const *targets; /* --uitkomst; n_targets == 0: every uitkomst */
    size_t n_targets;
    const char *const *plugins; /* --plugin */
    size_t n_plugins;
    bool motivering;  /* each line the whole `regel --json` document */
    unsigned threads; /* 1 .. BATCH_MAX_THREADS */
} batch_options;

/* Parse the value of `-j`: 1 .. BATCH_MAX_THREADS, or 0 for the number of
 * processors online (at most BATCH_MAX_THREADS). False for anything else. */
bool batch_parse_threads(const char *text, unsigned *threads);

/* The --jsonl usage line and the pointer to --help on stderr; returns 2. */
int batch_usage_error(void);

/* Run the batch: load the policy (and plugins), then read, evaluate and
 * write line by line. Exit status: 0 when every line was decided, 1 when a
 * line failed (its error object is on stdout and a message on stderr, and
 * the run went on), the policy did not load or reading or writing failed,
 * 2 for an unknown --uitkomst. */
int batch_main(const batch_options *opt);

#endif
