/* uitkomsten_gelijk.c — a check program for tests/inburgering.sh: reads the
 * JSON output of `regel --json` and an expected outcomes file, and exits 0
 * when the "uitkomsten" object equals the expected object (json_equal). */
#include <jansson.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "gebruik: uitkomsten_gelijk UITVOER.json VERWACHT.json\n");
        return 2;
    }
    json_error_t err;
    json_t *out = json_load_file(argv[1], 0, &err);
    if (!out) {
        fprintf(stderr, "%s:%d: ongeldige JSON: %s\n", argv[1], err.line, err.text);
        return 2;
    }
    json_t *want = json_load_file(argv[2], 0, &err);
    if (!want) {
        fprintf(stderr, "%s:%d: ongeldige JSON: %s\n", argv[2], err.line, err.text);
        json_decref(out);
        return 2;
    }
    json_t *got = json_object_get(out, "uitkomsten");
    int rc = 0;
    if (!got || !json_equal(got, want)) {
        rc = 1;
        const char *key;
        json_t *v;
        json_object_foreach(want, key, v)
        {
            json_t *g = got ? json_object_get(got, key) : NULL;
            if (!g || !json_equal(g, v)) {
                char *ws = json_dumps(v, JSON_ENCODE_ANY);
                char *gs = g ? json_dumps(g, JSON_ENCODE_ANY) : NULL;
                fprintf(stderr, "  %s: verwacht %s, gekregen %s\n", key, ws ? ws : "?",
                        gs ? gs : "(ontbreekt)");
                free(ws);
                free(gs);
            }
        }
        if (got)
            json_object_foreach(got, key, v) if (!json_object_get(want, key))
                fprintf(stderr, "  %s: onverwachte uitkomst\n", key);
    }
    json_decref(out);
    json_decref(want);
    return rc;
}
