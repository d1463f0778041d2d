/* compare.c — checks that two JSON Lines files of uitkomsten are equal line
 * by line (jansson json_equal), before make bench reports any time. Exit 0
 * when equal; else the first differing line number and key, exit 1. With
 * --veld NAAM a line of B is compared by its member NAAM (regel --jsonl);
 * --regels FILE… prints each JSON file as one compact line (golden cases). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads one line (without the newline) into *buf; -1 at end of file. */
static long read_line(FILE *f, char **buf, size_t *cap)
{
    size_t n = 0;
    int c;
    while ((c = getc(f)) != EOF && c != '\n') {
        if (n + 1 >= *cap) {
            size_t ncap = *cap ? *cap * 2 : 4096;
            char *bigger = realloc(*buf, ncap);
            if (!bigger)
                return -2;
            *buf = bigger;
            *cap = ncap;
        }
        (*buf)[n++] = (char)c;
    }
    if (c == EOF && n == 0)
        return -1;
    if (!*buf) {
        *buf = malloc(1);
        *cap = 1;
        if (!*buf)
            return -2;
    }
    (*buf)[n] = '\0';
    return (long)n;
}

/* Prints the first key where a and b differ (a's keys first, then b's extra keys). */
static void show_difference(const char *fa, const char *fb, unsigned long line, json_t *a,
                            json_t *b)
{
    if (!json_is_object(a) || !json_is_object(b)) {
        fprintf(stderr, "compare: regel %lu: geen JSON-object in %s of %s\n", line, fa, fb);
        return;
    }
    const char *key;
    json_t *v;
    json_object_foreach(a, key, v)
    {
        json_t *w = json_object_get(b, key);
        if (!w || !json_equal(v, w)) {
            char *vs = json_dumps(v, JSON_ENCODE_ANY);
            char *ws = w ? json_dumps(w, JSON_ENCODE_ANY) : NULL;
            fprintf(stderr, "compare: regel %lu, sleutel %s: %s in %s, %s in %s\n", line, key,
                    vs ? vs : "?", fa, ws ? ws : "(ontbreekt)", fb);
            free(vs);
            free(ws);
            return;
        }
    }
    json_object_foreach(b, key, v)
    {
        if (!json_object_get(a, key)) {
            fprintf(stderr, "compare: regel %lu, sleutel %s: ontbreekt in %s\n", line, key, fa);
            return;
        }
    }
}

/* Each JSON file as one compact line on stdout, keys in file order. */
static int to_lines(int n, char **files)
{
    for (int i = 0; i < n; i++) {
        json_error_t e;
        json_t *v = json_load_file(files[i], JSON_PRESERVE_ORDER, &e);
        if (!v) {
            fprintf(stderr, "compare: %s:%d: ongeldige JSON: %s\n", files[i], e.line, e.text);
            return 1;
        }
        int rc = json_dumpf(v, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
        json_decref(v);
        if (rc != 0 || putchar('\n') == EOF)
            return 1;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "--regels") == 0)
        return to_lines(argc - 2, argv + 2);
    const char *field = NULL;
    if (argc == 5 && strcmp(argv[1], "--veld") == 0) {
        field = argv[2];
        argc -= 2;
        argv += 2;
    }
    if (argc != 3) {
        fprintf(stderr, "gebruik: compare [--veld NAAM] A.jsonl B.jsonl\n"
                        "  status 0 als elke regel van A gelijk is aan die van B (json_equal);\n"
                        "  anders het eerste regelnummer en de sleutel die verschilt. Met\n"
                        "  --veld NAAM telt van elke regel van B alleen het lid NAAM.\n"
                        "       compare --regels BESTAND.json… > gevallen.jsonl\n"
                        "  schrijft elk JSON-bestand als één compacte regel.\n");
        return 2;
    }
    FILE *fa = fopen(argv[1], "r");
    FILE *fb = fopen(argv[2], "r");
    if (!fa || !fb) {
        fprintf(stderr, "compare: kan %s niet lezen\n", !fa ? argv[1] : argv[2]);
        if (fa)
            fclose(fa);
        if (fb)
            fclose(fb);
        return 2;
    }
    char *la = NULL, *lb = NULL;
    size_t ca = 0, cb = 0;
    unsigned long line = 0;
    int rc = 0;
    for (;;) {
        long na = read_line(fa, &la, &ca);
        long nb = read_line(fb, &lb, &cb);
        line++;
        if (na == -2 || nb == -2) {
            fprintf(stderr, "compare: geen geheugen\n");
            rc = 2;
            break;
        }
        if (na == -1 && nb == -1)
            break;
        if (na == -1 || nb == -1) {
            fprintf(stderr, "compare: regel %lu: %s houdt eerder op dan %s\n", line,
                    na == -1 ? argv[1] : argv[2], na == -1 ? argv[2] : argv[1]);
            rc = 1;
            break;
        }
        json_error_t e;
        json_t *a = json_loads(la, 0, &e);
        json_t *b = a ? json_loads(lb, 0, &e) : NULL;
        if (!a || !b) {
            fprintf(stderr, "compare: %s:%lu: ongeldige JSON: %s\n", !a ? argv[1] : argv[2], line,
                    e.text);
            json_decref(a);
            rc = 1;
            break;
        }
        if (field) {
            json_t *member = json_object_get(b, field);
            json_incref(member);
            json_decref(b);
            b = member ? member : json_null();
        }
        int same = json_equal(a, b);
        if (!same)
            show_difference(argv[1], argv[2], line, a, b);
        json_decref(a);
        json_decref(b);
        if (!same) {
            rc = 1;
            break;
        }
    }
    if (rc == 0)
        printf("compare: %lu regels gelijk\n", line - 1);
    free(la);
    free(lb);
    fclose(fa);
    fclose(fb);
    return rc;
}
