/* render.h — internal helpers shared by the renderers (render_text.c,
 * render_json.c, render_html.c): value formatting in Dutch text and in JSON, what is still
 * open and why, and the checks before rendering. Only appends to a strbuf;
 * never evaluates anything. */
#ifndef REGEL_RENDER_H
#define REGEL_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eval.h"
#include "policy.h"
#include "strbuf.h"
#include "value.h"

/* Dutch text form of v (of policy type `type`): waar/onwaar, 12,5, "tekst",
 * member, {veld: waarde, …}, 1 maart 2022, 2 maanden, € 1.250,00, "D1 tot en
 * met D2" / "vanaf D", [a, b], geen, onbekend. False when a getal in it has no
 * finite decimal expansion (nothing useful was appended then). */
bool render_value_text(strbuf *sb, const regel_policy *p, uint32_t type, const rt_value *v);

/* JSON form of v: true/false, 12.5, "tekst", "member", "2022-03-01", "2
 * maanden", 1250 (bedrag in euro), {…} (records, periodes) and […] over
 * several lines indented by 2 × `indent` spaces (the opening bracket is not
 * indented), null (geen and onbekend). */
bool render_value_json(strbuf *sb, const regel_policy *p, uint32_t type, const rt_value *v,
                       unsigned indent);

/* A duur in Dutch: "2 maanden", "1 jaar en 2 maanden", "1 jaar, 2 maanden en
 * 3 dagen", "0 dagen" (months above 11 as years; days never as weeks). */
void render_duur(strbuf *sb, int32_t months, int32_t days);

/* Whether a validity [from, until) has a bound (day numbers; RBC_NONE = none). */
bool render_has_validity(uint32_t from, uint32_t until);
/* "geldig vanaf 1 maart 2022", "geldig tot 1 maart 2022", "geldig vanaf D1
 * tot D2": the stored bounds, tot exclusive as in the source. */
void render_validity_text(strbuf *sb, uint32_t from, uint32_t until);
/* A validity bound as JSON: "2022-03-01" or null. */
void render_validity_day_json(strbuf *sb, uint32_t day);

/* The value of version `version` (0-based within param) as a run-time
 * value; false when the tables do not hold it. */
bool render_param_value(const regel_policy *p, const rt_param *param, uint32_t version,
                        rt_value *out);

/* A JSON string literal (RFC 8259 escaping; UTF-8 kept as is). */
void render_json_string(strbuf *sb, const char *s, size_t len);
/* As render_json_string, for a NUL-terminated string; NULL gives null. */
void render_json_cstr(strbuf *sb, const char *s);

/* Whether outcome o (evaluation order) is printed with an explanation:
 * a declared uitkomst decided by a rule. */
bool render_has_uitleg(const regel_eval *ev, uint32_t o);

/* Whether outcome o is a declared uitkomst that is still onbekend (it gets
 * an entry in "onbeslist"). */
bool render_is_open(const regel_eval *ev, uint32_t o);

/* The causes of outcome o (ev->causes[o], a byte per input: the absent facts
 * its onbekend value depends on), or NULL when it has none or is not onbekend. */
const uint8_t *render_causes(const regel_eval *ev, uint32_t o);

/* Whether input i was absent from the case and took its `standaard` value. */
bool render_defaulted(const regel_eval *ev, uint32_t i);

/* Checks before rendering: ev holds an evaluation. REGEL_OK or an error.
 * (ex_build checks that every getal it will print has a finite decimal
 * expansion, spec §7.) */
int render_check(const regel_eval *ev, regel_error *err);

/* Hand the finished buffer to the caller (or fail with REGEL_ERR_MEMORY). */
int render_finish(strbuf *sb, char **out, size_t *len, regel_error *err);

/* Append a built motivering (explain.h; regel_render builds it once) to sb
 * as Dutch text (render_text.c, spec7 §4.4), JSON (render_json.c, §4.5) or
 * one HTML page (render_html.c, §4.6). Text and JSON mark the expansion
 * state of d while they walk it. */
struct ex_doc;
void render_text_doc(strbuf *sb, struct ex_doc *d);
void render_json_doc(strbuf *sb, struct ex_doc *d);
void render_html_doc(strbuf *sb, const struct ex_doc *doc);

#endif
