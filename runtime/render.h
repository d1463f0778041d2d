/* render.h — internal helpers shared by the two renderers (render_text.c,
 * render_json.c): value formatting in Dutch text and in JSON, and the checks
 * before rendering. Only appends to a strbuf; never evaluates anything. */
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
 * member, {veld: waarde, …}, onbekend. False when a getal in it has no
 * finite decimal expansion (nothing useful was appended then). */
bool render_value_text(strbuf *sb, const regel_policy *p, uint32_t type, const rt_value *v);

/* JSON form of v: true/false, 12.5, "tekst", "member", {…} over several lines
 * indented by 2 × `indent` spaces (the opening brace is not indented), null. */
bool render_value_json(strbuf *sb, const regel_policy *p, uint32_t type, const rt_value *v,
                       unsigned indent);

/* A JSON string literal (RFC 8259 escaping; UTF-8 kept as is). */
void render_json_string(strbuf *sb, const char *s, size_t len);
/* As render_json_string, for a NUL-terminated string; NULL gives null. */
void render_json_cstr(strbuf *sb, const char *s);

/* Whether outcome o (evaluation order) is printed with an explanation:
 * a declared uitkomst decided by a rule. */
bool render_has_uitleg(const regel_eval *ev, uint32_t o);

/* Checks before rendering: ev holds an evaluation, and every getal that will
 * be printed has a finite decimal expansion (spec §7). REGEL_OK or an error. */
int render_check(const regel_eval *ev, regel_error *err);

/* Hand the finished buffer to the caller (or fail with REGEL_ERR_MEMORY). */
int render_finish(strbuf *sb, char **out, size_t *len, regel_error *err);

#endif
