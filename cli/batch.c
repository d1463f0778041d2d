/* batch.c — `regel --jsonl`: JSON Lines through a policy in constant memory.
 * The main thread reads lines into a ring of slots, N workers (each with its
 * own regel_eval) decide them and a writer thread prints them in input order;
 * with -j 1 the same steps run one after the other on the main thread. */
#define _POSIX_C_SOURCE 200809L
#include "batch.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common.h"
#include "eval.h"
#include "policy.h"
#include "regel.h"
#include "render.h"
#include "strbuf.h"
#include "suggest.h"

#define BATCH_READ_CHUNK    ((size_t)64 << 10) /* one read(2) */
#define BATCH_SLOTS_PER_JOB 64u                /* lines in flight per worker */
#define BATCH_WINDOW_BYTES  ((size_t)32 << 20) /* input + output in flight */
#define BATCH_KEEP_BYTES    ((size_t)64 << 10) /* larger slot buffers are released */
#define BATCH_CLAIM         16u                /* most lines a worker takes at once */

static const char batch_usage_line[] =
    "Gebruik: regel --jsonl [--motivering] [--uitkomst NAAM]… [-j N] BELEID [GEVALLEN.jsonl]\n";

int batch_usage_error(void)
{
    fputs(batch_usage_line, stderr);
    fputs("Probeer ‘regel --help’ voor meer informatie.\n", stderr);
    return 2;
}

bool batch_parse_threads(const char *text, unsigned *threads)
{
    if (!text || text[0] < '0' || text[0] > '9')
        return false;
    unsigned long v = 0;
    for (const char *c = text; *c; c++) {
        if (*c < '0' || *c > '9')
            return false;
        v = v * 10 + (unsigned long)(*c - '0');
        if (v > BATCH_MAX_THREADS)
            return false;
    }
    if (v == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        v = cpus < 1 ? 1 : cpus > (long)BATCH_MAX_THREADS ? BATCH_MAX_THREADS : (unsigned long)cpus;
    }
    *threads = (unsigned)v;
    return true;
}

/* ---- JSON text helpers ---- */

/* Compact the JSON text from byte `from` of sb to its end, in place. */
static void batch_compact_tail(strbuf *sb, size_t from)
{
    size_t o = from;
    bool in_string = false;
    for (size_t i = from; i < sb->len; i++) {
        char c = sb->data[i];
        if (in_string) {
            if (c == '\\' && i + 1 < sb->len) {
                sb->data[o++] = c;
                c = sb->data[++i];
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            continue;
        }
        sb->data[o++] = c;
    }
    sb->len = o;
    sb->data[o] = '\0';
}

/* Append to out the JSON text [json, json+len) without the white space
 * between tokens (strings are kept as they are). */
static void batch_compact_json(strbuf *out, const char *json, size_t len)
{
    size_t run = 0; /* start of the pending run of bytes to copy */
    bool in_string = false;
    for (size_t i = 0; i < len; i++) {
        char c = json[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (i > run)
                sb_append(out, json + run, i - run);
            run = i + 1;
        }
    }
    if (len > run)
        sb_append(out, json + run, len - run);
}

/* A JSON string literal for a NUL-terminated UTF-8 string. */
static void batch_json_string(strbuf *sb, const char *s)
{
    sb_putc(sb, '"');
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\') {
            sb_putc(sb, '\\');
            sb_putc(sb, (char)*c);
        } else if (*c == '\n') {
            sb_puts(sb, "\\n");
        } else if (*c == '\t') {
            sb_puts(sb, "\\t");
        } else if (*c < 0x20) {
            sb_printf(sb, "\\u%04x", (unsigned)*c);
        } else {
            sb_putc(sb, (char)*c);
        }
    }
    sb_putc(sb, '"');
}

/* ---- one line ---- */

enum { BATCH_LINE_OK = 0, BATCH_LINE_TOO_LONG = 1, BATCH_LINE_NO_MEMORY = 2 };

typedef struct batch_slot {
    char *line; /* the input line without its '\n' (not NUL-terminated) */
    size_t len, cap;
    int problem;               /* BATCH_LINE_* */
    unsigned long lineno;      /* 1-based */
    unsigned long long offset; /* input bytes up to and including this line */
    strbuf out;                /* the output line with its '\n' */
    strbuf msg;                /* the stderr line of a failed line */
    size_t weight;             /* bytes counted in the window */
    bool failed;
    bool done;
} batch_slot;

/* What every worker shares (read only while the run lasts). */
typedef struct batch_ctx {
    const batch_options *opt;
    const regel_policy *policy;
    const char *cases_name; /* in messages */
    size_t n_shown;
    const char **names; /* the uitkomsten shown, display order */
    uint32_t *index;    /* their index in evaluation order (ev->values) */
    char **keys;        /* their `"naam":` */
} batch_ctx;

static void batch_sb_clear(strbuf *sb)
{
    sb->len = 0;
    sb->failed = false;
    if (sb->data)
        sb->data[0] = '\0';
}

/* A failed line: the error object on stdout, the message for stderr. */
static void batch_fail(const batch_ctx *ctx, batch_slot *s, unsigned col, const char *key,
                       const char *message)
{
    s->failed = true;
    batch_sb_clear(&s->out);
    batch_sb_clear(&s->msg);
    sb_printf(&s->out, "{\"fout\":{\"regel\":%lu,\"kolom\":", s->lineno);
    if (col)
        sb_printf(&s->out, "%u", col);
    else
        sb_puts(&s->out, "null");
    sb_puts(&s->out, ",\"sleutel\":");
    if (key && key[0])
        batch_json_string(&s->out, key);
    else
        sb_puts(&s->out, "null");
    sb_puts(&s->out, ",\"melding\":");
    batch_json_string(&s->out, message);
    sb_puts(&s->out, "}}\n");
    sb_printf(&s->msg, "regel: %s:%lu", ctx->cases_name, s->lineno);
    if (col)
        sb_printf(&s->msg, ":%u", col);
    sb_printf(&s->msg, ": fout: %s\n", message);
}

/* A message with the policy location of an evaluation or rendering error. */
static void batch_fail_eval(const batch_ctx *ctx, batch_slot *s, const regel_error *err)
{
    char message[sizeof err->message + sizeof err->file + 64];
    const char *text = err->message[0] ? err->message : "onbekende fout";
    if (err->file[0] && err->line && err->column)
        snprintf(message, sizeof message, "%s (%s:%u:%u)", text, err->file, err->line, err->column);
    else if (err->file[0] && err->line)
        snprintf(message, sizeof message, "%s (%s:%u)", text, err->file, err->line);
    else
        snprintf(message, sizeof message, "%s", text);
    batch_fail(ctx, s, 0, NULL, message);
}

/* The outcomes as {"uitkomsten":{"naam":waarde,…}} in the value forms of
 * `regel --json` (render_value_json, as regel_result_json does, without
 * looking each name up again). */
static int batch_outcomes(const batch_ctx *ctx, const regel_eval *ev, strbuf *out, regel_error *err)
{
    const regel_policy *p = ctx->policy;
    sb_puts(out, "{\"uitkomsten\":{");
    for (size_t i = 0; i < ctx->n_shown; i++) {
        uint32_t o = ctx->index[i];
        if (i)
            sb_putc(out, ',');
        sb_puts(out, ctx->keys[i]);
        size_t at = out->len;
        if (!render_value_json(out, p, p->outcomes[o].type, &ev->values[o], 0)) {
            /* a getal such as 1/3: regel_render says so with the rule's place */
            char *doc = NULL;
            int rc = regel_render(ev, REGEL_FORMAAT_JSON, &ctx->names[i], 1, &doc, NULL, err);
            regel_free(doc);
            if (rc != REGEL_OK)
                return rc;
            snprintf(err->message, sizeof err->message,
                     "uitkomst ‘%s’ bevat een getal zonder eindige decimale schrijfwijze",
                     ctx->names[i]);
            err->code = REGEL_ERR_EVAL;
            return REGEL_ERR_EVAL;
        }
        if (out->data && memchr(out->data + at, '\n', out->len - at))
            batch_compact_tail(out, at);
    }
    sb_puts(out, "}}\n");
    return REGEL_OK;
}

/* Decide one line into s->out (and s->msg when it failed). */
static void batch_process(const batch_ctx *ctx, regel_eval *ev, batch_slot *s)
{
    s->failed = false;
    batch_sb_clear(&s->out);
    batch_sb_clear(&s->msg);
    if (s->problem == BATCH_LINE_TOO_LONG) {
        batch_fail(ctx, s, 0, NULL,
                   "de regel is te lang (meer dan 1 MB); een geval op één regel mag hoogstens "
                   "1 MB zijn");
        return;
    }
    if (s->problem == BATCH_LINE_NO_MEMORY) {
        batch_fail(ctx, s, 0, NULL, "onvoldoende geheugen");
        return;
    }
    size_t len = s->len;
    if (len && s->line[len - 1] == '\r') /* CRLF */
        len--;
    regel_error err;
    memset(&err, 0, sizeof err);
    regel_case *kase = NULL;
    int rc =
        regel_case_from_json(ctx->policy, len ? s->line : "", len, ctx->cases_name, &kase, &err);
    if (rc != REGEL_OK) {
        batch_fail(ctx, s, err.line == 1 ? err.column : 0, err.key,
                   err.message[0] ? err.message : "onbekende fout");
        return;
    }
    rc = regel_evaluate(ev, kase, ctx->opt->motivering ? REGEL_EXPLAIN : 0, &err);
    if (rc == REGEL_OK && ctx->opt->motivering) {
        char *doc = NULL;
        size_t doc_len = 0;
        rc = regel_render(ev, REGEL_FORMAAT_JSON, ctx->opt->n_targets ? ctx->opt->targets : NULL,
                          ctx->opt->n_targets, &doc, &doc_len, &err);
        if (rc == REGEL_OK) {
            batch_compact_json(&s->out, doc, doc_len);
            sb_putc(&s->out, '\n');
        }
        regel_free(doc);
    } else if (rc == REGEL_OK) {
        rc = batch_outcomes(ctx, ev, &s->out, &err);
    }
    if (rc != REGEL_OK)
        batch_fail_eval(ctx, s, &err);
    else if (s->out.failed)
        batch_fail(ctx, s, 0, NULL, "onvoldoende geheugen");
    regel_case_free(kase);
}

/* Release buffers a rare long line or document left behind. */
static void batch_slot_trim(batch_slot *s)
{
    if (s->cap > BATCH_KEEP_BYTES) {
        free(s->line);
        s->line = NULL;
        s->cap = 0;
    }
    if (s->out.cap > BATCH_KEEP_BYTES)
        sb_free(&s->out);
    if (s->msg.cap > BATCH_KEEP_BYTES)
        sb_free(&s->msg);
}

static void batch_slot_free(batch_slot *s)
{
    free(s->line);
    sb_free(&s->out);
    sb_free(&s->msg);
}

/* ---- reading lines ---- */

typedef struct batch_reader {
    int fd;
    char *buf;
    size_t pos, end;
    bool eof;
    int error; /* errno of a failed read, else 0 */
    unsigned long lines;
    unsigned long long offset; /* bytes consumed */
    bool flush_first;          /* flush stdout before a read that may block */
} batch_reader;

static void batch_slot_append(batch_slot *s, const char *text, size_t n)
{
    if (s->problem != BATCH_LINE_OK || n == 0)
        return;
    if (n > BATCH_MAX_LINE - s->len) {
        s->problem = BATCH_LINE_TOO_LONG;
        return;
    }
    if (s->len + n > s->cap) {
        size_t cap = s->cap ? s->cap : 1024;
        while (cap < s->len + n)
            cap *= 2;
        char *grown = realloc(s->line, cap);
        if (!grown) {
            s->problem = BATCH_LINE_NO_MEMORY;
            return;
        }
        s->line = grown;
        s->cap = cap;
    }
    memcpy(s->line + s->len, text, n);
    s->len += n;
}

/* The next line into s: 1, or 0 at the end of the input, or -1 when reading
 * failed (r->error). A last line without '\n' is a line. */
static int batch_read_line(batch_reader *r, batch_slot *s)
{
    s->len = 0;
    s->problem = BATCH_LINE_OK;
    bool any = false;
    for (;;) {
        if (r->pos == r->end) {
            if (r->eof)
                break;
            if (r->flush_first)
                fflush(stdout); /* a coprocess waits for its answers */
            ssize_t got;
            do
                got = read(r->fd, r->buf, BATCH_READ_CHUNK);
            while (got < 0 && errno == EINTR);
            if (got < 0) {
                r->error = errno;
                return -1;
            }
            if (got == 0) {
                r->eof = true;
                break;
            }
            r->pos = 0;
            r->end = (size_t)got;
        }
        any = true;
        const char *start = r->buf + r->pos;
        size_t avail = r->end - r->pos;
        const char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        batch_slot_append(s, start, take);
        size_t used = take + (nl ? 1 : 0);
        r->pos += used;
        r->offset += used;
        if (nl)
            break;
    }
    if (!any)
        return 0;
    s->lineno = ++r->lines;
    s->offset = r->offset;
    return 1;
}

/* ---- progress on a terminal ---- */

typedef struct batch_progress {
    bool on;
    struct timespec start, last;
    size_t shown;             /* characters of the line on screen (0: none) */
    unsigned long long total; /* input bytes when the input is a regular file, else 0 */
    unsigned long long base;  /* offset of the input at the start */
} batch_progress;

static double batch_seconds(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* n with a space between groups of three digits: 12 345. */
static void batch_grouped(char *buf, size_t size, unsigned long long n)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%llu", n);
    size_t o = 0;
    for (int i = 0; i < len && o + 2 < size; i++) {
        if (i && (len - i) % 3 == 0)
            buf[o++] = ' ';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

static void batch_progress_clear(batch_progress *pg)
{
    if (!pg->on || !pg->shown)
        return;
    fprintf(stderr, "\r%*s\r", (int)pg->shown, "");
    pg->shown = 0;
}

static void batch_progress_show(batch_progress *pg, unsigned long long done,
                                unsigned long long failed, unsigned long long offset,
                                const struct timespec *now, bool final)
{
    double secs = batch_seconds(&pg->start, now);
    char n[40], rate[40], line[160];
    batch_grouped(n, sizeof n, done);
    batch_grouped(rate, sizeof rate,
                  secs > 0 ? (unsigned long long)((double)done / secs + 0.5) : done);
    int len =
        snprintf(line, sizeof line, "%s %s · %s/s", n, done == 1 ? "geval" : "gevallen", rate);
    if (pg->total && len > 0 && (size_t)len < sizeof line) {
        unsigned long long read = offset > pg->base ? offset - pg->base : 0;
        unsigned pct = (unsigned)(read >= pg->total ? 100 : read * 100 / pg->total);
        len += snprintf(line + len, sizeof line - (size_t)len, " · %u %%", pct);
    }
    if (failed && len > 0 && (size_t)len < sizeof line) {
        char f[40];
        batch_grouped(f, sizeof f, failed);
        len += snprintf(line + len, sizeof line - (size_t)len, " · %s %s", f,
                        failed == 1 ? "fout" : "fouten");
    }
    if (len < 0)
        return;
    /* the characters on screen: the middle dots are 2 bytes each */
    size_t width = 0;
    for (const unsigned char *c = (const unsigned char *)line; *c; c++)
        width += (*c & 0xC0) != 0x80;
    fprintf(stderr, "\r%s", line);
    if (width < pg->shown)
        fprintf(stderr, "%*s", (int)(pg->shown - width), "");
    if (final) {
        fputc('\n', stderr);
        pg->shown = 0;
    } else {
        pg->shown = width;
    }
    fflush(stderr);
    pg->last = *now;
}

/* ---- writing in input order ---- */

typedef struct batch_out {
    batch_progress progress;
    unsigned long long done, failed, offset;
    bool write_failed;
} batch_out;

/* Print one decided line (and its message); false when stdout failed. */
static bool batch_emit(batch_out *o, const batch_slot *s)
{
    if (s->out.failed || !s->out.data) {
        if (printf("{\"fout\":{\"regel\":%lu,\"kolom\":null,\"sleutel\":null,"
                   "\"melding\":\"onvoldoende geheugen\"}}\n",
                   s->lineno) < 0)
            o->write_failed = true;
        o->failed++;
    } else {
        if (fwrite(s->out.data, 1, s->out.len, stdout) != s->out.len)
            o->write_failed = true;
        if (s->failed)
            o->failed++;
    }
    if (s->failed || s->out.failed) {
        batch_progress_clear(&o->progress);
        if (s->msg.data && !s->msg.failed)
            fputs(s->msg.data, stderr);
        else
            fprintf(stderr, "regel: regel %lu: fout: onvoldoende geheugen\n", s->lineno);
    }
    o->done++;
    o->offset = s->offset;
    if (o->progress.on) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (batch_seconds(&o->progress.last, &now) >= 0.2)
            batch_progress_show(&o->progress, o->done, o->failed, o->offset, &now, false);
    }
    return !o->write_failed;
}

/* ---- one thread ---- */

static void batch_run_sequential(const batch_ctx *ctx, regel_eval *ev, batch_reader *r,
                                 batch_out *o)
{
    batch_slot s;
    memset(&s, 0, sizeof s);
    while (batch_read_line(r, &s) > 0) {
        batch_process(ctx, ev, &s);
        if (!batch_emit(o, &s))
            break;
        batch_slot_trim(&s);
    }
    batch_slot_free(&s);
}

/* ---- N threads: reader (the caller), workers, writer ---- */

typedef struct batch_pipe {
    const batch_ctx *ctx;
    batch_out *out;
    pthread_mutex_t mu;
    pthread_cond_t slot_free, work_ready, done_ready;
    batch_slot *slots;
    size_t n_slots;
    unsigned n_workers;
    unsigned long long n_read, n_claimed, n_written;
    size_t in_flight; /* bytes of the lines read and not yet written */
    bool eof, stop;
} batch_pipe;

typedef struct batch_worker {
    batch_pipe *p;
    regel_eval *ev;
    pthread_t tid;
} batch_worker;

static void *batch_worker_main(void *arg)
{
    batch_worker *w = arg;
    batch_pipe *p = w->p;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->n_claimed == p->n_read && !p->eof && !p->stop)
            pthread_cond_wait(&p->work_ready, &p->mu);
        if (p->stop || p->n_claimed == p->n_read)
            break;
        unsigned long long first = p->n_claimed;
        unsigned long long take = (p->n_read - first) / p->n_workers;
        take = take < 1 ? 1 : take > BATCH_CLAIM ? BATCH_CLAIM : take;
        p->n_claimed += take;
        pthread_mutex_unlock(&p->mu);
        size_t grown = 0;
        for (unsigned long long k = 0; k < take; k++) {
            batch_slot *s = &p->slots[(first + k) % p->n_slots];
            batch_process(p->ctx, w->ev, s);
            s->weight += s->out.len;
            grown += s->out.len;
        }
        pthread_mutex_lock(&p->mu);
        for (unsigned long long k = 0; k < take; k++)
            p->slots[(first + k) % p->n_slots].done = true;
        p->in_flight += grown;
        if (first == p->n_written)
            pthread_cond_signal(&p->done_ready);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void *batch_writer_main(void *arg)
{
    batch_pipe *p = arg;
    bool unflushed = false;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        unsigned long long first = p->n_written, k = 0;
        while (first + k < p->n_read && k < p->n_slots && p->slots[(first + k) % p->n_slots].done)
            k++;
        if (k) {
            pthread_mutex_unlock(&p->mu);
            bool ok = true;
            size_t freed = 0;
            for (unsigned long long i = 0; i < k; i++) {
                batch_slot *s = &p->slots[(first + i) % p->n_slots];
                if (ok)
                    ok = batch_emit(p->out, s);
                batch_slot_trim(s);
                freed += s->weight;
            }
            unflushed = true;
            pthread_mutex_lock(&p->mu);
            for (unsigned long long i = 0; i < k; i++)
                p->slots[(first + i) % p->n_slots].done = false;
            p->n_written += k;
            p->in_flight -= freed;
            if (!ok) {
                p->stop = true;
                pthread_cond_broadcast(&p->work_ready);
            }
            pthread_cond_signal(&p->slot_free);
            continue;
        }
        if (p->stop || (p->eof && p->n_written == p->n_read))
            break;
        if (unflushed) { /* nothing to print now: let a waiting reader see it */
            pthread_mutex_unlock(&p->mu);
            fflush(stdout);
            unflushed = false;
            pthread_mutex_lock(&p->mu);
            continue;
        }
        pthread_cond_wait(&p->done_ready, &p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Read lines into free slots until the input ends or the writer stops. */
static void batch_read_all(batch_pipe *p, batch_reader *r)
{
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->stop && (p->n_read - p->n_written >= p->n_slots ||
                            (p->in_flight >= BATCH_WINDOW_BYTES && p->n_read > p->n_written)))
            pthread_cond_wait(&p->slot_free, &p->mu);
        bool stop = p->stop;
        batch_slot *s = &p->slots[p->n_read % p->n_slots];
        pthread_mutex_unlock(&p->mu);
        int got = stop ? 0 : batch_read_line(r, s);
        pthread_mutex_lock(&p->mu);
        if (got <= 0) {
            p->eof = true;
            pthread_cond_broadcast(&p->work_ready);
            pthread_cond_signal(&p->done_ready);
            pthread_mutex_unlock(&p->mu);
            return;
        }
        s->weight = s->len;
        s->done = false;
        p->n_read++;
        p->in_flight += s->len;
        pthread_cond_signal(&p->work_ready);
        pthread_mutex_unlock(&p->mu);
    }
}

/* False (after a message) when the threads could not be started. */
static bool batch_run_threads(const batch_ctx *ctx, batch_reader *r, batch_out *o)
{
    unsigned n = ctx->opt->threads;
    batch_pipe p;
    memset(&p, 0, sizeof p);
    p.ctx = ctx;
    p.out = o;
    p.n_workers = n;
    p.n_slots = (size_t)n * BATCH_SLOTS_PER_JOB;
    p.slots = calloc(p.n_slots, sizeof *p.slots);
    batch_worker *workers = calloc(n, sizeof *workers);
    bool ok = p.slots && workers;
    for (unsigned i = 0; ok && i < n; i++) {
        workers[i].p = &p;
        workers[i].ev = regel_eval_new(ctx->policy);
        ok = workers[i].ev != NULL;
    }
    if (!ok) {
        fputs("regel: fout: onvoldoende geheugen\n", stderr);
    } else {
        pthread_mutex_init(&p.mu, NULL);
        pthread_cond_init(&p.slot_free, NULL);
        pthread_cond_init(&p.work_ready, NULL);
        pthread_cond_init(&p.done_ready, NULL);
        unsigned started = 0;
        pthread_t writer;
        bool writer_started = pthread_create(&writer, NULL, batch_writer_main, &p) == 0;
        for (; writer_started && started < n; started++)
            if (pthread_create(&workers[started].tid, NULL, batch_worker_main, &workers[started]))
                break;
        if (!writer_started || started < n) {
            fputs("regel: fout: kan de draden voor -j niet starten\n", stderr);
            ok = false;
            pthread_mutex_lock(&p.mu);
            p.stop = true;
            p.eof = true;
            pthread_cond_broadcast(&p.work_ready);
            pthread_cond_signal(&p.done_ready);
            pthread_mutex_unlock(&p.mu);
        } else {
            batch_read_all(&p, r);
        }
        for (unsigned i = 0; i < started; i++)
            pthread_join(workers[i].tid, NULL);
        if (writer_started)
            pthread_join(writer, NULL);
        pthread_cond_destroy(&p.done_ready);
        pthread_cond_destroy(&p.work_ready);
        pthread_cond_destroy(&p.slot_free);
        pthread_mutex_destroy(&p.mu);
    }
    for (unsigned i = 0; workers && i < n; i++)
        regel_eval_free(workers[i].ev);
    free(workers);
    for (size_t i = 0; p.slots && i < p.n_slots; i++)
        batch_slot_free(&p.slots[i]);
    free(p.slots);
    return ok;
}

/* ---- setting up ---- */

/* The outcomes to print (display order) and their keys; 2 after a message
 * for an unknown --uitkomst, 1 when out of memory, else 0. */
static int batch_shown(batch_ctx *ctx)
{
    const batch_options *opt = ctx->opt;
    size_t n = regel_outcome_count(ctx->policy);
    unsigned char *own = calloc(n ? n : 1, 1);
    ctx->names = calloc(n ? n : 1, sizeof *ctx->names);
    ctx->keys = calloc(n ? n : 1, sizeof *ctx->keys);
    ctx->index = calloc(n ? n : 1, sizeof *ctx->index);
    if (!own || !ctx->names || !ctx->keys || !ctx->index) {
        free(own);
        fputs("regel: fout: onvoldoende geheugen\n", stderr);
        return 1;
    }
    for (size_t i = 0; i < opt->n_targets; i++) {
        long o = regel_outcome_find(ctx->policy, opt->targets[i]);
        if (o >= 0) {
            own[o] = 1;
            continue;
        }
        const char **all = calloc(n ? n : 1, sizeof *all);
        for (size_t k = 0; all && k < n; k++)
            all[k] = regel_outcome_name(ctx->policy, k);
        const char *hint = all ? suggest_closest(opt->targets[i], all, n) : NULL;
        if (hint)
            fprintf(stderr, "regel: onbekende uitkomst ‘%s’; bedoelde u ‘%s’?\n", opt->targets[i],
                    hint);
        else
            fprintf(stderr, "regel: onbekende uitkomst ‘%s’ in dit beleid\n", opt->targets[i]);
        free(all);
        free(own);
        return batch_usage_error();
    }
    for (size_t i = 0; i < n; i++) {
        if (opt->n_targets ? !own[i] : !regel_outcome_is_output(ctx->policy, i))
            continue;
        const char *name = regel_outcome_name(ctx->policy, i);
        strbuf key = STRBUF_INIT;
        batch_json_string(&key, name);
        sb_putc(&key, ':');
        char *text = key.failed ? NULL : sb_take(&key);
        sb_free(&key);
        if (!text) {
            free(own);
            fputs("regel: fout: onvoldoende geheugen\n", stderr);
            return 1;
        }
        for (uint32_t o = 0; o < ctx->policy->n_outcomes; o++)
            if (ctx->policy->outcomes[o].name == name)
                ctx->index[ctx->n_shown] = o;
        ctx->names[ctx->n_shown] = name;
        ctx->keys[ctx->n_shown++] = text;
    }
    free(own);
    return 0;
}

/* Open the cases (a path, or standard input for NULL and "-"). */
static bool batch_open(const char *path, const char *shown, batch_reader *r, batch_progress *pg)
{
    bool is_stdin = !path || strcmp(path, "-") == 0;
    r->fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    if (r->fd < 0) {
        fprintf(stderr, "regel: %s: fout: kan de gevallen niet lezen: %s\n", shown,
                cli_errno_text(errno));
        return false;
    }
    struct stat st;
    if (fstat(r->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "regel: %s: fout: kan de gevallen niet lezen: %s\n", shown,
                cli_errno_text(EISDIR));
        if (!is_stdin)
            close(r->fd);
        r->fd = -1;
        return false;
    }
    if (fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode)) {
        off_t at = lseek(r->fd, 0, SEEK_CUR);
        pg->base = 0;
        if (at > 0 && at <= st.st_size)
            pg->total = (unsigned long long)(st.st_size - at);
        else if (at == 0)
            pg->total = (unsigned long long)st.st_size;
    }
    return true;
}

int batch_main(const batch_options *opt)
{
    bool from_stdin = !opt->cases_path || strcmp(opt->cases_path, "-") == 0;
    const char *cases_name = from_stdin ? "(standaardinvoer)" : opt->cases_path;
    cli_plugins *plugins = NULL;
    if (!cli_plugins_load("regel", opt->plugins, opt->n_plugins, &plugins))
        return 1;
    regel_policy *policy = cli_load_policy("regel", opt->policy_path, plugins);
    if (!policy) {
        cli_plugins_free(plugins);
        return 1;
    }
    batch_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.opt = opt;
    ctx.policy = policy;
    ctx.cases_name = cases_name;
    int status = batch_shown(&ctx);

    batch_reader r;
    memset(&r, 0, sizeof r);
    r.fd = -1;
    batch_out o;
    memset(&o, 0, sizeof o);
    if (status == 0 && !batch_open(opt->cases_path, cases_name, &r, &o.progress))
        status = 1;
    if (status == 0) {
        r.buf = malloc(BATCH_READ_CHUNK);
        if (!r.buf) {
            fputs("regel: fout: onvoldoende geheugen\n", stderr);
            status = 1;
        }
    }
    if (status == 0) {
        if (!isatty(STDOUT_FILENO))
            setvbuf(stdout, NULL, _IOFBF, (size_t)64 << 10);
        json_object_seed(0); /* before any thread reads JSON */
        o.progress.on = isatty(STDERR_FILENO) != 0;
        clock_gettime(CLOCK_MONOTONIC, &o.progress.start);
        o.progress.last = o.progress.start;
        if (opt->threads <= 1) {
            regel_eval *ev = regel_eval_new(policy);
            if (!ev) {
                fputs("regel: fout: onvoldoende geheugen\n", stderr);
                status = 1;
            } else {
                r.flush_first = true;
                batch_run_sequential(&ctx, ev, &r, &o);
                regel_eval_free(ev);
            }
        } else if (!batch_run_threads(&ctx, &r, &o)) {
            status = 1;
        }
        if (fflush(stdout) != 0 || ferror(stdout))
            o.write_failed = true;
        if (o.progress.on) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            batch_progress_show(&o.progress, o.done, o.failed, o.offset, &now, true);
        }
        if (o.write_failed) {
            fputs("regel: fout: kan niet naar de standaarduitvoer schrijven\n", stderr);
            status = 1;
        } else if (r.error) {
            fprintf(stderr, "regel: %s:%lu: fout: kan de gevallen niet verder lezen: %s\n",
                    cases_name, r.lines + 1, cli_errno_text(r.error));
            status = 1;
        }
        if (o.failed)
            status = 1;
    }
    if (r.fd > STDIN_FILENO)
        close(r.fd);
    free(r.buf);
    for (size_t i = 0; i < ctx.n_shown; i++)
        free(ctx.keys[i]);
    free(ctx.keys);
    free(ctx.names);
    free(ctx.index);
    regel_policy_free(policy);
    cli_plugins_free(plugins);
    return status;
}
