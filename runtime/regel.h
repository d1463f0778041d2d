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

/* ==== Embedding (issue 8; doc/embedding.md) ==== */

/* ---- Host functions: `extern functie f(…): T.` in a policy, bound to C
 * functions called through libffi. Type mapping: */
typedef enum regel_ctype {
    REGEL_C_BOOL = 1,   /* waarheid <-> bool */
    REGEL_C_INT64 = 2,  /* getal <-> int64_t: a non-whole argument is an evaluation error */
    REGEL_C_DOUBLE = 3, /* getal <-> double: argument = nearest double; the result must be
                           finite and is read back as the shortest decimal that round-trips */
    REGEL_C_STRING = 4, /* tekst <-> const char * (UTF-8, NUL-terminated); arguments live until
                           the call returns; a returned string is copied at once (NULL: error) */
    REGEL_C_DATE = 5,   /* datum <-> int32_t days since 1970-01-01 (negative before) */
    REGEL_C_CENTS = 6   /* bedrag <-> int64_t cents */
} regel_ctype;

typedef struct regel_functions regel_functions; /* a table of host functions */

/* A new, empty table; NULL when out of memory. Free with regel_functions_free (NULL ok). */
REGEL_API regel_functions *regel_functions_new(void);
REGEL_API void regel_functions_free(regel_functions *fs);
/* Add host function `name` with C signature result(params[0..n_params)). The
 * libffi call interface is prepared here, once. A NULL/empty name or fn, a
 * duplicate name, an unknown ctype or more than 16 parameters give
 * REGEL_ERR_USAGE. */
REGEL_API int regel_functions_add(regel_functions *fs, const char *name, void (*fn)(void),
                                  regel_ctype result, const regel_ctype *params, size_t n_params,
                                  regel_error *err);
/* Bind every `extern functie` of the policy to the function of that name in
 * fs, checking each signature against the declaration (getal: INT64 or
 * DOUBLE). A missing function or a mismatch gives REGEL_ERR_USAGE and binds
 * nothing. fs is not copied: it must outlive every evaluation with the
 * policy. Binding is the one change to a loaded policy: do it before the
 * policy is shared between threads. */
REGEL_API int regel_policy_bind(regel_policy *policy, const regel_functions *fs, regel_error *err);
/* The extern functions a policy declares (declaration order). */
REGEL_API size_t regel_extern_count(const regel_policy *policy);
REGEL_API const char *regel_extern_name(const regel_policy *policy, size_t i);
REGEL_API int regel_extern_bound(const regel_policy *policy, size_t i);

/* A plugin (regel --plugin LIB.so) exports this function; it adds its host
 * functions to fs and returns REGEL_OK, or an error code with err filled. */
typedef int (*regel_plugin_init_fn)(regel_functions *fs, regel_error *err);
#define REGEL_PLUGIN_INIT "regel_plugin_init"

/* Dates as int32_t days since 1970-01-01: from a calendar date (an invalid
 * date such as 2023-02-30 gives REGEL_ERR_USAGE) and back (REGEL_OK, or
 * REGEL_ERR_USAGE outside 0001-01-01 .. 9999-12-31). */
REGEL_API int regel_date_from_ymd(int year, int month, int day, int32_t *out, regel_error *err);
REGEL_API int regel_date_to_ymd(int32_t date, int *year, int *month, int *day);

/* ---- Cases built in code. A path names a fact, then `.veld` for a record
 * field and `[i]` for a list element: "toetsen[0].datum". The value must fit
 * the declared type (REGEL_ERR_CASE naming the path and both types); an
 * unknown name gives REGEL_ERR_CASE with a suggestion. Setting again
 * replaces the value. */
REGEL_API int regel_case_new(const regel_policy *policy, regel_case **out, regel_error *err);
REGEL_API int regel_case_set_bool(regel_case *c, const char *path, int value, regel_error *err);
REGEL_API int regel_case_set_int(regel_case *c, const char *path, int64_t value, regel_error *err);
/* An exact decimal with a comma or point: "12,5", "-0.25". */
REGEL_API int regel_case_set_number(regel_case *c, const char *path, const char *decimal,
                                    regel_error *err);
REGEL_API int regel_case_set_text(regel_case *c, const char *path, const char *utf8,
                                  regel_error *err);
REGEL_API int regel_case_set_date(regel_case *c, const char *path, int32_t date, regel_error *err);
REGEL_API int regel_case_set_cents(regel_case *c, const char *path, int64_t cents,
                                   regel_error *err);
REGEL_API int regel_case_set_duration(regel_case *c, const char *path, int32_t months, int32_t days,
                                      regel_error *err);
REGEL_API int regel_case_set_member(regel_case *c, const char *path, const char *member,
                                    regel_error *err);
/* A period from..to (both inclusive), or open (still running; `to` ignored). */
REGEL_API int regel_case_set_period(regel_case *c, const char *path, int32_t from, int32_t to,
                                    int open, regel_error *err);
/* geen: only for facts and fields declared (optioneel). */
REGEL_API int regel_case_set_none(regel_case *c, const char *path, regel_error *err);
/* An empty list (known to hold nothing, JSON []) at path; replaces the value. */
REGEL_API int regel_case_set_empty_list(regel_case *c, const char *path, regel_error *err);
/* Undo a value: a top-level fact becomes absent again (its `standaard`
 * value, else onbekend), a record field (`x.veld`) onbekend, and a list
 * element (`lijst[i]`) is removed (later elements move up). */
REGEL_API int regel_case_unset(regel_case *c, const char *path, regel_error *err);
/* Append an element to a list fact or field (creating the list when absent);
 * its value (or every field of a record) starts onbekend; *index receives its
 * position for "naam[i]…" paths. */
REGEL_API int regel_case_append(regel_case *c, const char *path, size_t *index, regel_error *err);

/* ---- Outcomes: uitkomsten and begrippen, in display order. Strings are
 * owned by the policy; regel_outcome_type is malloc'd (regel_free). */
REGEL_API size_t regel_outcome_count(const regel_policy *policy);
REGEL_API const char *regel_outcome_name(const regel_policy *policy, size_t i);
REGEL_API long regel_outcome_find(const regel_policy *policy, const char *name);
REGEL_API int regel_outcome_is_output(const regel_policy *policy, size_t i);
REGEL_API char *regel_outcome_type(const regel_policy *policy, size_t i);

/* ---- Typed results of the last evaluation, by outcome name. Each getter
 * fails with REGEL_ERR_USAGE when the name is unknown, there is no
 * evaluation, or the value has another kind (the message says which). Strings
 * are owned by ev and valid until its next evaluation or regel_eval_free. */
typedef enum regel_kind {
    REGEL_V_ONBEKEND = 0,
    REGEL_V_GEEN = 1,
    REGEL_V_BOOL = 2,
    REGEL_V_NUMBER = 3,
    REGEL_V_TEXT = 4,
    REGEL_V_MEMBER = 5,
    REGEL_V_DATE = 6,
    REGEL_V_DURATION = 7,
    REGEL_V_CENTS = 8,
    REGEL_V_PERIOD = 9,
    REGEL_V_LIST = 10,
    REGEL_V_RECORD = 11
} regel_kind;
REGEL_API int regel_result_kind(const regel_eval *ev, const char *name, regel_kind *kind,
                                regel_error *err);
REGEL_API int regel_result_bool(const regel_eval *ev, const char *name, int *value,
                                regel_error *err);
/* Whole numbers only (else REGEL_ERR_USAGE; use regel_result_number). */
REGEL_API int regel_result_int(const regel_eval *ev, const char *name, int64_t *value,
                               regel_error *err);
/* Exact: num/den in lowest terms, den > 0. */
REGEL_API int regel_result_number(const regel_eval *ev, const char *name, int64_t *num,
                                  int64_t *den, regel_error *err);
REGEL_API int regel_result_text(const regel_eval *ev, const char *name, const char **value,
                                regel_error *err);
REGEL_API int regel_result_member(const regel_eval *ev, const char *name, const char **member,
                                  regel_error *err);
REGEL_API int regel_result_date(const regel_eval *ev, const char *name, int32_t *date,
                                regel_error *err);
REGEL_API int regel_result_cents(const regel_eval *ev, const char *name, int64_t *cents,
                                 regel_error *err);
REGEL_API int regel_result_duration(const regel_eval *ev, const char *name, int32_t *months,
                                    int32_t *days, regel_error *err);
REGEL_API int regel_result_period(const regel_eval *ev, const char *name, int32_t *from,
                                  int32_t *to, int *open, regel_error *err);
/* Any value (lists and records too) as JSON text (malloc'd, regel_free). */
REGEL_API int regel_result_json(const regel_eval *ev, const char *name, char **json,
                                regel_error *err);

/* ---- Walking the motivering: an immutable snapshot of the last evaluation's
 * motivering (REGEL_EXPLAIN required), independent of later evaluations.
 * Nodes are numbered 0..; the shown outcomes are the roots; a sub-outcome used
 * twice is one node. Every string is owned by the snapshot; out-of-range
 * arguments give NULL or 0. */
typedef struct regel_explanation regel_explanation;
REGEL_API int regel_explanation_new(const regel_eval *ev, const char *const *only, size_t n_only,
                                    regel_explanation **out, regel_error *err);
REGEL_API void regel_explanation_free(regel_explanation *x);
REGEL_API size_t regel_explanation_root_count(const regel_explanation *x);
REGEL_API size_t regel_explanation_root(const regel_explanation *x, size_t i);
REGEL_API const char *regel_explanation_name(const regel_explanation *x, size_t node);
/* The value in Dutch text form ("waar", "€ 90,00", "1 maart 2022", "onbekend"). */
REGEL_API const char *regel_explanation_value(const regel_explanation *x, size_t node);
REGEL_API const char *regel_explanation_sentence(const regel_explanation *x, size_t node);
REGEL_API int regel_explanation_decided(const regel_explanation *x, size_t node);
REGEL_API const char *regel_explanation_rule(const regel_explanation *x, size_t node);
REGEL_API const char *regel_explanation_exception_of(const regel_explanation *x, size_t node);
REGEL_API const char *regel_explanation_source(const regel_explanation *x, size_t node);
REGEL_API const char *regel_explanation_quote(const regel_explanation *x, size_t node);
REGEL_API size_t regel_explanation_fact_count(const regel_explanation *x, size_t node);
REGEL_API const char *regel_explanation_fact_name(const regel_explanation *x, size_t node,
                                                  size_t k);
REGEL_API const char *regel_explanation_fact_value(const regel_explanation *x, size_t node,
                                                   size_t k);
/* The conditions shown: first the ones met (Voldaan), then the failed ones
 * (Waarom niet), as text with their values. */
REGEL_API size_t regel_explanation_condition_count(const regel_explanation *x, size_t node);
REGEL_API const char *regel_explanation_condition(const regel_explanation *x, size_t node,
                                                  size_t k);
REGEL_API int regel_explanation_condition_met(const regel_explanation *x, size_t node, size_t k);
REGEL_API size_t regel_explanation_use_count(const regel_explanation *x, size_t node);
REGEL_API size_t regel_explanation_use(const regel_explanation *x, size_t node, size_t k);

#ifdef __cplusplus
}
#endif
#endif
