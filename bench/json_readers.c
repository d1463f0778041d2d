/* json_readers.c — the JSON readers Debian ships, parse-only on the same
 * JSON Lines file (make bench, item 4): yajl (streaming callbacks, tree, and
 * the stream filling the hand-written C's typed case directly), json-c and
 * cJSON, each only when built with it (HAVE_*). jansson is
 * bench/parse_only: its names clash with json-c's in one program. */
#include "bench.h"

#ifdef HAVE_YAJL
#include <yajl/yajl_parse.h>
#include <yajl/yajl_tree.h>

#include "cal.h"
#include "handwritten.h"
#endif
#ifdef HAVE_JSONC
#include <json-c/json.h>
#endif
#ifdef HAVE_CJSON
#include <cjson/cJSON.h>
#endif

/* Parses line i and frees the result; 0 on success. */
typedef int (*parse_fn)(const char *text, size_t len, void *state);

#ifdef HAVE_YAJL
/* The streaming parser with callbacks that only count: the floor for a
 * reader that fills the typed case directly, without a tree. */
static int count_null(void *ctx)
{
    ++*(size_t *)ctx;
    return 1;
}
static int count_bool(void *ctx, int b)
{
    *(size_t *)ctx += (size_t)b + 1;
    return 1;
}
static int count_number(void *ctx, const char *s, size_t l)
{
    (void)s;
    *(size_t *)ctx += l;
    return 1;
}
static int count_string(void *ctx, const unsigned char *s, size_t l)
{
    (void)s;
    *(size_t *)ctx += l;
    return 1;
}
static int count_map(void *ctx)
{
    ++*(size_t *)ctx;
    return 1;
}

static const yajl_callbacks counting = {
    count_null, count_bool,   NULL,      NULL,      count_number, count_string,
    count_map,  count_string, count_map, count_map, count_map,
};

/* One document through yajl's stream parser with these callbacks. */
static int yajl_run(const yajl_callbacks *cb, void *ctx, const char *text, size_t len)
{
    yajl_handle h = yajl_alloc(cb, NULL, ctx);
    if (!h)
        return -1;
    int ok = yajl_parse(h, (const unsigned char *)text, len) == yajl_status_ok &&
             yajl_complete_parse(h) == yajl_status_ok;
    yajl_free(h);
    return ok ? 0 : -1;
}

static int parse_yajl_stream(const char *text, size_t len, void *state)
{
    return yajl_run(&counting, state, text, len);
}

/* ---- yajl's stream filling the typed case (hw_case) directly ----
 * What a streaming case reader would do: no tree, every value goes straight
 * into its field. Checked untimed: every case written back in bench/gen's
 * format must give its line byte for byte (fill_check). */

enum fill_list { FILL_NONE, FILL_TOETSEN, FILL_ACTIVITEITEN, FILL_VERBLIJF };

typedef struct fill_state {
    hw_case *c;
    int depth;           /* 1 = the case object, 2 = an element of a list */
    enum fill_list list; /* the list being read */
    char key[32];        /* the last key at the current depth */
} fill_state;

static bool key_is(const fill_state *st, const char *k)
{
    return strcmp(st->key, k) == 0;
}

static int fill_null(void *ctx)
{
    fill_state *st = ctx;
    hw_case *c = st->c;
    if (st->depth == 2 && key_is(st, "tot")) {
        hw_periode *p = st->list == FILL_ACTIVITEITEN ? &c->activiteiten[c->n_activiteiten - 1]
                                                      : &c->verblijf[c->n_verblijf - 1];
        p->open = true;
        return st->list != FILL_TOETSEN;
    }
    if (st->depth != 1)
        return 0;
    if (key_is(st, "contract_getekend"))
        c->has_contract = false;
    else if (key_is(st, "start_traject"))
        c->has_start = false;
    else if (key_is(st, "vdab_aanmelding"))
        c->has_vdab = false;
    else
        return 0;
    return 1;
}

static int fill_bool(void *ctx, int b)
{
    fill_state *st = ctx;
    hw_case *c = st->c;
    if (st->depth == 2 && st->list == FILL_TOETSEN && key_is(st, "geslaagd")) {
        c->toetsen[c->n_toetsen - 1].geslaagd = b;
        return 1;
    }
    if (st->depth != 1)
        return 0;
    static const struct {
        const char *key;
        size_t offset;
    } fields[] = {
        {"ernstig_ziek", offsetof(hw_case, ernstig_ziek)},
        {"handicap", offsetof(hw_case, handicap)},
        {"laaggeletterd", offsetof(hw_case, laaggeletterd)},
        {"werkt", offsetof(hw_case, werkt)},
        {"studeert", offsetof(hw_case, studeert)},
        {"wachtlijst_ouderenzorg", offsetof(hw_case, wachtlijst_ouderenzorg)},
        {"asielprocedure_lopend", offsetof(hw_case, asielprocedure_lopend)},
        {"woonwagenbewoner", offsetof(hw_case, woonwagenbewoner)},
        {"rondtrekkend", offsetof(hw_case, rondtrekkend)},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (key_is(st, fields[i].key)) {
            *(bool *)((char *)c + fields[i].offset) = b;
            return 1;
        }
    }
    return 0;
}

static int fill_number(void *ctx, const char *s, size_t l)
{
    fill_state *st = ctx;
    char buf[64];
    if (st->depth != 1 || !key_is(st, "participatie_uren") || l >= sizeof buf)
        return 0;
    memcpy(buf, s, l);
    buf[l] = '\0';
    char *end;
    st->c->participatie_uren = strtod(buf, &end);
    return *end == '\0' && st->c->participatie_uren >= 0;
}

/* The index of s[0..l) in names, or -1. */
static int member(const unsigned char *s, size_t l, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strlen(names[i]) == l && memcmp(names[i], s, l) == 0)
            return i;
    return -1;
}

static int fill_string(void *ctx, const unsigned char *s, size_t l)
{
    static const char *const registers[] = {"vreemdelingenregister", "bevolkingsregister",
                                            "wachtregister", "geen"};
    static const char *const statuses[] = {"verplicht", "vrijwillig", "geen"};
    static const char *const soorten[] = {"nt2", "mo", "b1"};
    static const char *const activiteiten[] = {"werk", "opleiding", "studie"};
    fill_state *st = ctx;
    hw_case *c = st->c;
    const char *t = (const char *)s;
    if (st->depth == 2) {
        if (st->list == FILL_TOETSEN) {
            hw_toetsafname *a = &c->toetsen[c->n_toetsen - 1];
            if (key_is(st, "datum"))
                return cal_parse(t, l, &a->datum);
            int k = key_is(st, "soort") ? member(s, l, soorten, 3) : -1;
            a->soort = (enum hw_toets)k;
            return k >= 0;
        }
        hw_periode *p = st->list == FILL_ACTIVITEITEN ? &c->activiteiten[c->n_activiteiten - 1]
                                                      : &c->verblijf[c->n_verblijf - 1];
        if (key_is(st, "van"))
            return cal_parse(t, l, &p->van);
        if (key_is(st, "tot"))
            return cal_parse(t, l, &p->tot);
        int k = st->list == FILL_ACTIVITEITEN && key_is(st, "soort") ? member(s, l, activiteiten, 3)
                                                                     : -1;
        p->soort = (enum hw_activiteit)k;
        return k >= 0;
    }
    if (key_is(st, "peildatum"))
        return cal_parse(t, l, &c->peildatum);
    if (key_is(st, "geboortedatum"))
        return cal_parse(t, l, &c->geboortedatum);
    if (key_is(st, "contract_getekend"))
        return c->has_contract = cal_parse(t, l, &c->contract_getekend);
    if (key_is(st, "start_traject"))
        return c->has_start = cal_parse(t, l, &c->start_traject);
    if (key_is(st, "vdab_aanmelding"))
        return c->has_vdab = cal_parse(t, l, &c->vdab_aanmelding);
    int k;
    if (key_is(st, "register") && (k = member(s, l, registers, 4)) >= 0) {
        c->register_ = (enum hw_register)k;
        return 1;
    }
    if (key_is(st, "status") && (k = member(s, l, statuses, 3)) >= 0) {
        c->status = (enum hw_status)k;
        return 1;
    }
    return 0;
}

static int fill_start_map(void *ctx)
{
    fill_state *st = ctx;
    hw_case *c = st->c;
    st->depth++;
    if (st->depth == 1)
        return 1;
    if (st->depth != 2)
        return 0;
    int *n = st->list == FILL_TOETSEN        ? &c->n_toetsen
             : st->list == FILL_ACTIVITEITEN ? &c->n_activiteiten
             : st->list == FILL_VERBLIJF     ? &c->n_verblijf
                                             : NULL;
    if (!n || *n == HW_MAX_LIST)
        return 0;
    ++*n;
    return 1;
}

static int fill_key(void *ctx, const unsigned char *s, size_t l)
{
    fill_state *st = ctx;
    if (l >= sizeof st->key)
        return 0;
    memcpy(st->key, s, l);
    st->key[l] = '\0';
    return 1;
}

static int fill_end_map(void *ctx)
{
    fill_state *st = ctx;
    st->depth--;
    return 1;
}

static int fill_start_array(void *ctx)
{
    fill_state *st = ctx;
    if (st->depth != 1 || st->list != FILL_NONE)
        return 0;
    st->list = key_is(st, "toetsen")        ? FILL_TOETSEN
               : key_is(st, "activiteiten") ? FILL_ACTIVITEITEN
               : key_is(st, "verblijf")     ? FILL_VERBLIJF
                                            : FILL_NONE;
    return st->list != FILL_NONE;
}

static int fill_end_array(void *ctx)
{
    fill_state *st = ctx;
    st->list = FILL_NONE;
    return 1;
}

static const yajl_callbacks filling = {
    fill_null,    fill_bool,        NULL,           NULL,
    fill_number,  fill_string,      fill_start_map, fill_key,
    fill_end_map, fill_start_array, fill_end_array,
};

/* state: the hw_case to fill. Every case key must be present (as bench/gen
 * writes them); yajl allocates nothing per value here. */
static int parse_yajl_fill(const char *text, size_t len, void *state)
{
    fill_state st = {state, 0, FILL_NONE, ""};
    memset(st.c, 0, sizeof *st.c);
    return yajl_run(&filling, &st, text, len);
}

/* ---- writing a filled case back, to check the filler (untimed) ---- */

static int put_date(char *out, size_t cap, bool has, hw_date d)
{
    if (!has)
        return snprintf(out, cap, "null");
    int y, m, dd;
    cal_civil(d, &y, &m, &dd);
    return snprintf(out, cap, "\"%04d-%02d-%02d\"", y, m, dd);
}

/* Writes c in bench/gen's format into out; the length, or -1 when it does not fit. */
static int write_back(const hw_case *c, char *out, size_t cap)
{
    static const char *const registers[] = {"vreemdelingenregister", "bevolkingsregister",
                                            "wachtregister", "geen"};
    static const char *const statuses[] = {"verplicht", "vrijwillig", "geen"};
    static const char *const soorten[] = {"nt2", "mo", "b1"};
    static const char *const activiteiten[] = {"werk", "opleiding", "studie"};
    size_t n = 0;
#define PUT(...)                                                                                   \
    do {                                                                                           \
        int k_ = snprintf(out + n, cap - n, __VA_ARGS__);                                          \
        if (k_ < 0 || (size_t)k_ >= cap - n)                                                       \
            return -1;                                                                             \
        n += (size_t)k_;                                                                           \
    } while (0)
#define PUT_DATE(has, d)                                                                           \
    do {                                                                                           \
        int k_ = put_date(out + n, cap - n, has, d);                                               \
        if (k_ < 0 || (size_t)k_ >= cap - n)                                                       \
            return -1;                                                                             \
        n += (size_t)k_;                                                                           \
    } while (0)
#define B(v) ((v) ? "true" : "false")
    PUT("{\"peildatum\":");
    PUT_DATE(true, c->peildatum);
    PUT(",\"geboortedatum\":");
    PUT_DATE(true, c->geboortedatum);
    PUT(",\"register\":\"%s\",\"status\":\"%s\"", registers[c->register_], statuses[c->status]);
    PUT(",\"ernstig_ziek\":%s,\"handicap\":%s,\"laaggeletterd\":%s", B(c->ernstig_ziek),
        B(c->handicap), B(c->laaggeletterd));
    PUT(",\"werkt\":%s,\"studeert\":%s,\"contract_getekend\":", B(c->werkt), B(c->studeert));
    PUT_DATE(c->has_contract, c->contract_getekend);
    PUT(",\"start_traject\":");
    PUT_DATE(c->has_start, c->start_traject);
    PUT(",\"vdab_aanmelding\":");
    PUT_DATE(c->has_vdab, c->vdab_aanmelding);
    PUT(",\"participatie_uren\":%g,\"toetsen\":[", c->participatie_uren);
    for (int i = 0; i < c->n_toetsen; i++) {
        PUT("%s{\"soort\":\"%s\",\"datum\":", i ? "," : "", soorten[c->toetsen[i].soort]);
        PUT_DATE(true, c->toetsen[i].datum);
        PUT(",\"geslaagd\":%s}", B(c->toetsen[i].geslaagd));
    }
    PUT("],\"activiteiten\":[");
    for (int i = 0; i < c->n_activiteiten; i++) {
        PUT("%s{\"soort\":\"%s\",\"van\":", i ? "," : "", activiteiten[c->activiteiten[i].soort]);
        PUT_DATE(true, c->activiteiten[i].van);
        PUT(",\"tot\":");
        PUT_DATE(!c->activiteiten[i].open, c->activiteiten[i].tot);
        PUT("}");
    }
    PUT("],\"verblijf\":[");
    for (int i = 0; i < c->n_verblijf; i++) {
        PUT("%s{\"van\":", i ? "," : "");
        PUT_DATE(true, c->verblijf[i].van);
        PUT(",\"tot\":");
        PUT_DATE(!c->verblijf[i].open, c->verblijf[i].tot);
        PUT("}");
    }
    PUT("],\"wachtlijst_ouderenzorg\":%s,\"asielprocedure_lopend\":%s",
        B(c->wachtlijst_ouderenzorg), B(c->asielprocedure_lopend));
    PUT(",\"woonwagenbewoner\":%s,\"rondtrekkend\":%s}", B(c->woonwagenbewoner),
        B(c->rondtrekkend));
#undef PUT
#undef PUT_DATE
#undef B
    return (int)n;
}

/* Fills every case once and compares it with its line; 0 when all agree. */
static int fill_check(const bench_lines *l, hw_case *c)
{
    char back[8192];
    for (size_t i = 0; i < l->n; i++) {
        int n;
        if (parse_yajl_fill(l->start[i], l->length[i], c) != 0 ||
            (n = write_back(c, back, sizeof back)) < 0 || (size_t)n != l->length[i] ||
            memcmp(back, l->start[i], (size_t)n) != 0) {
            fprintf(stderr, "json_readers: yajl-geval: geval %zu anders teruggeschreven\n", i + 1);
            return -1;
        }
    }
    return 0;
}

/* yajl_tree wants a NUL-terminated string: the line is copied into state. */
static int parse_yajl_tree(const char *text, size_t len, void *state)
{
    char *buf = state;
    memcpy(buf, text, len);
    buf[len] = '\0';
    yajl_val v = yajl_tree_parse(buf, NULL, 0);
    yajl_tree_free(v);
    return v ? 0 : -1;
}
#endif

#ifdef HAVE_JSONC
static int parse_jsonc(const char *text, size_t len, void *state)
{
    json_tokener *tok = state;
    json_tokener_reset(tok);
    struct json_object *v = json_tokener_parse_ex(tok, text, (int)len);
    json_object_put(v);
    return v ? 0 : -1;
}
#endif

#ifdef HAVE_CJSON
static int parse_cjson(const char *text, size_t len, void *state)
{
    (void)state;
    cJSON *v = cJSON_ParseWithLength(text, len);
    cJSON_Delete(v);
    return v ? 0 : -1;
}
#endif

/* Times `runs` passes of fn over every line; prints one line of results. */
static int measure(const char *name, parse_fn fn, void *state, const bench_lines *l, int runs)
{
    double *samples = malloc((size_t)runs * sizeof *samples);
    if (!samples)
        return -1;
    for (int r = 0; r < runs; r++) {
        uint64_t t0 = bench_now_ns();
        for (size_t i = 0; i < l->n; i++) {
            if (fn(l->start[i], l->length[i], state) != 0) {
                fprintf(stderr, "json_readers: %s: geval %zu is geen geldige JSON\n", name, i + 1);
                free(samples);
                return -1;
            }
        }
        samples[r] = (double)(bench_now_ns() - t0);
    }
    double ns = bench_median(samples, (size_t)runs);
    printf("lezer=%s ns_per_case=%.1f MB_per_s=%.1f\n", name, ns / (double)l->n,
           (double)l->len / ns * 1e3);
    free(samples);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "gebruik: json_readers GEVALLEN.jsonl HERHALINGEN\n"
                        "  leest elke regel met yajl, json-c en cJSON (wie erbij gebouwd\n"
                        "  is) zonder evaluatie; per lezer ns_per_case en MB_per_s.\n");
        return 2;
    }
    int runs = atoi(argv[2]);
    bench_lines lines;
    if (runs < 1 || bench_lines_read(argv[1], &lines) != 0 || lines.n == 0) {
        fprintf(stderr, "json_readers: kan %s niet lezen (of ongeldig aantal herhalingen)\n",
                argv[1]);
        return 1;
    }
    size_t longest = 0;
    for (size_t i = 0; i < lines.n; i++)
        longest = lines.length[i] > longest ? lines.length[i] : longest;
    int rc = 0;
#ifdef HAVE_YAJL
    size_t count = 0;
    char *buf = malloc(longest + 1);
    if (rc == 0)
        rc = measure("yajl-stroom", parse_yajl_stream, &count, &lines, runs);
    if (rc == 0 && buf)
        rc = measure("yajl-boom", parse_yajl_tree, buf, &lines, runs);
    free(buf);
    hw_case *kase = malloc(sizeof *kase);
    if (rc == 0 && kase) {
        if (fill_check(&lines, kase) == 0)
            rc = measure("yajl-geval", parse_yajl_fill, kase, &lines, runs);
        else
            printf("lezer=yajl-geval overgeslagen: het ingevulde geval klopt niet\n");
    }
    free(kase);
#else
    printf("lezer=yajl overgeslagen: niet gebouwd (apt-get install libyajl-dev)\n");
#endif
#ifdef HAVE_JSONC
    json_tokener *tok = json_tokener_new();
    if (rc == 0 && tok)
        rc = measure("json-c", parse_jsonc, tok, &lines, runs);
    json_tokener_free(tok);
#else
    printf("lezer=json-c overgeslagen: niet gebouwd (apt-get install libjson-c-dev)\n");
#endif
#ifdef HAVE_CJSON
    if (rc == 0)
        rc = measure("cJSON", parse_cjson, NULL, &lines, runs);
#else
    printf("lezer=cJSON overgeslagen: niet gebouwd (apt-get install libcjson-dev)\n");
#endif
    (void)longest;
    bench_lines_free(&lines);
    return rc == 0 ? 0 : 1;
}
