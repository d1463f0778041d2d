/* regel.h — the public API of libregel: load a policy (bytecode or source),
 * read a case, evaluate it and render the decision with its explanation.
 * Opaque handles, no globals; every function that can fail returns a status
 * and fills a struct regel_error. Nothing here exits or aborts. */
#ifndef REGEL_H
#define REGEL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define REGEL_API __attribute__((visibility("default")))
#else
#define REGEL_API
#endif

#define REGEL_VERSION_STRING "0.1.0"

/* Status codes. REGEL_OK is 0; every other value is an error. */
enum regel_status {
    REGEL_OK = 0,
    REGEL_ERR_IO = 1,       /* a file could not be read or written */
    REGEL_ERR_MEMORY = 2,   /* out of memory */
    REGEL_ERR_COMPILE = 3,  /* the policy source has errors */
    REGEL_ERR_BYTECODE = 4, /* the bytecode is malformed or fails verification */
    REGEL_ERR_CASE = 5,     /* the case (JSON) is malformed or does not fit the policy */
    REGEL_ERR_EVAL = 6,     /* evaluation failed (conflict, division by zero, overflow) */
    REGEL_ERR_USAGE = 7     /* the API was called wrongly (NULL, wrong state) */
};

/* An error as a value: code, Dutch message and, where known, a location.
 * `file` is empty and `line`/`column` are 0 when there is no location.
 * For JSON case errors `key` names the offending key path (e.g. "toetsen[2].datum"). */
typedef struct regel_error {
    int code;
    char file[256];
    unsigned line;
    unsigned column;
    char key[128];
    char message[1024];
} regel_error;

typedef struct regel_policy regel_policy; /* a loaded, verified policy; immutable, shareable */
typedef struct regel_case regel_case;     /* the facts of one case, typed against a policy */
typedef struct regel_eval regel_eval;     /* an evaluation context with its results */

/* Flags for regel_evaluate. */
#define REGEL_EXPLAIN 1u /* record the explanation (rules, citations, facts read) */
#define REGEL_COVERAGE                                                                             \
    2u /* record which way every `indien` condition went (regel test --dekking) */

REGEL_API const char *regel_version(void);

/* Load verified bytecode from memory. `name` is used in messages (may be NULL).
 * On success *out owns a policy to release with regel_policy_free; the bytes
 * are copied, the caller keeps ownership of `bytes`. */
REGEL_API int regel_policy_load(const uint8_t *bytes, size_t len, const char *name,
                                regel_policy **out, regel_error *err);

/* Load a policy from a file: bytecode (recognised by its magic "RGBC") or
 * source, which is compiled. Diagnostics as for regel_policy_compile. */
REGEL_API int regel_policy_load_file(const char *path, regel_policy **out, char **diagnostics,
                                     regel_error *err);

/* Compile policy source held in memory. On failure err holds the first error
 * and, when `diagnostics` is not NULL, *diagnostics receives all compiler
 * messages formatted for a terminal (free with regel_free); NULL on success. */
REGEL_API int regel_policy_compile(const char *source, size_t len, const char *name,
                                   regel_policy **out, char **diagnostics, regel_error *err);

/* Compile source to bytecode bytes (*rbc, free with regel_free). */
REGEL_API int regel_compile_to_bytecode(const char *source, size_t len, const char *name,
                                        uint8_t **rbc, size_t *rbc_len, char **diagnostics,
                                        regel_error *err);

REGEL_API void regel_policy_free(regel_policy *policy);

/* Read a case from JSON text. The case refers to `policy`, which must outlive it. */
REGEL_API int regel_case_from_json(const regel_policy *policy, const char *json, size_t len,
                                   const char *name, regel_case **out, regel_error *err);
REGEL_API void regel_case_free(regel_case *c);

/* An evaluation context. One per thread; reusable for many cases. */
REGEL_API regel_eval *regel_eval_new(const regel_policy *policy);
REGEL_API void regel_eval_free(regel_eval *ev);

/* Evaluate all outcomes of the policy for a case. */
REGEL_API int regel_evaluate(regel_eval *ev, const regel_case *c, unsigned flags, regel_error *err);

/* Render the last evaluation as the JSON of the contract (uitkomsten, uitleg,
 * ontbrekend) or as Dutch text. *out is NUL-terminated; free with regel_free. */
REGEL_API int regel_render_json(const regel_eval *ev, char **out, size_t *len, regel_error *err);
REGEL_API int regel_render_text(const regel_eval *ev, char **out, size_t *len, regel_error *err);

/* The motivering (doc/uitleg.md). Formats for regel_render. */
enum { REGEL_FORMAAT_TEKST = 0, REGEL_FORMAAT_JSON = 1, REGEL_FORMAAT_HTML = 2 };

/* Render the last evaluation in `formaat` (REGEL_FORMAAT_*). only/n_only:
 * the names of the uitkomsten (or begrippen) to show; NULL/0 shows every
 * uitkomst. An unknown name gives REGEL_ERR_USAGE. With REGEL_EXPLAIN at
 * evaluation the full motivering is shown, without it only the values.
 * *out is NUL-terminated; free with regel_free. */
REGEL_API int regel_render(const regel_eval *ev, int formaat, const char *const *only,
                           size_t n_only, char **out, size_t *len, regel_error *err);

/* The motivering as one self-contained, printable HTML page (lang="nl"). */
REGEL_API int regel_render_html(const regel_eval *ev, char **out, size_t *len, regel_error *err);

/* Disassemble bytecode into a readable listing (free with regel_free). */
REGEL_API int regel_disassemble(const uint8_t *bytes, size_t len, const char *name, char **out,
                                regel_error *err);

REGEL_API void regel_free(void *p);

/* ---- The interview (spec v0.3 §4) ----
 * Inputs are numbered 0 .. regel_input_count()-1 in declaration order. Every
 * const char * returned below is owned by the policy and lives as long as it;
 * every char * is malloc'd for the caller (free with regel_free). */

REGEL_API size_t regel_input_count(const regel_policy *policy);
/* The fact's name (the key in the case JSON); NULL when i is out of range. */
REGEL_API const char *regel_input_name(const regel_policy *policy, size_t i);
/* Index of the fact called name, or -1. */
REGEL_API long regel_input_find(const regel_policy *policy, const char *name);
/* 1 when the fact is declared `(optioneel)` (the answer `geen` is allowed), else 0. */
REGEL_API int regel_input_optional(const regel_policy *policy, size_t i);
/* The type as written in the policy: "waarheid", "getal", "datum", the name of
 * a soort or gegeven ("Register"), "lijst van Toetsafname" (without
 * "(optioneel)"). NULL when out of range or out of memory. */
REGEL_API char *regel_input_type(const regel_policy *policy, size_t i);
/* The policy's `vraag "…"` text, or NULL when it gives none. */
REGEL_API const char *regel_input_vraag(const regel_policy *policy, size_t i);
/* The question to ask: the policy's text or a generated one ("Wat is
 * ‘werkt’?"). NULL when out of range or out of memory. */
REGEL_API char *regel_input_question(const regel_policy *policy, size_t i);
/* A short hint of the accepted answers, for after the question: "waar of
 * onwaar", "een datum, bijv. 1 maart 2022", "… of geen" for optional facts. */
REGEL_API char *regel_input_hint(const regel_policy *policy, size_t i);
/* Members of a soort-typed fact (0 for other types), in declaration order;
 * regel_input_member returns NULL when k is out of range. */
REGEL_API size_t regel_input_member_count(const regel_policy *policy, size_t i);
REGEL_API const char *regel_input_member(const regel_policy *policy, size_t i, size_t k);

/* Parse an answer typed by a person for fact i into JSON text for the case
 * (*json: "true", "12.5", "\"2022-03-01\"", "null" for `geen`, …; free with
 * regel_free). Accepted: waarheid ja/nee/waar/onwaar; getal with a decimal
 * comma or point; tekst as typed; soort a member name or its 1-based number;
 * datum 2022-03-01 or 1 maart 2022; bedrag 12,50 / € 12,50 / 12,50 euro;
 * duur 2 maanden, 1 jaar en 3 dagen; lijst, gegeven and periode one line of
 * JSON; `geen` for optional facts. Surrounding white space is ignored. The
 * result is checked by reading it as the case reader would. A bad answer
 * gives REGEL_ERR_CASE with a Dutch message that says what is accepted. */
REGEL_API int regel_parse_answer(const regel_policy *policy, size_t i, const char *text, size_t len,
                                 char **json, regel_error *err);

/* Choose the next fact to ask after an evaluation (regel_evaluate must have
 * succeeded on ev). The targets are the named uitkomsten (all uitkomsten of
 * the policy when n_targets is 0) that are still undecided; the candidates
 * are the facts in their causes (the absent facts each depends on). The
 * heuristic aims at the fewest questions: the candidate that occurs in the
 * causes of the most targets wins, ties go to the fact declared first.
 * *input receives its index, or -1 when every target is decided or no
 * candidate remains. An unknown target name gives REGEL_ERR_USAGE. */
REGEL_API int regel_next_question(const regel_eval *ev, const char *const *targets,
                                  size_t n_targets, long *input, regel_error *err);

/* The next question as JSON (the value of "volgende_vraag"): `null` when
 * there is none, else {"feit", "vraag", "type", "optioneel", "mogelijk"
 * (soorten only), "open_uitkomsten" (the undecided targets, display order)}
 * laid out as a value one level deep in regel_render_json's output. */
REGEL_API int regel_next_question_json(const regel_eval *ev, const char *const *targets,
                                       size_t n_targets, char **out, size_t *len, regel_error *err);

#ifdef __cplusplus
}
#endif
#endif
