/* question.h — internal helpers of the interview (runtime/question.c): the
 * undecided targets of an evaluation and the type text of a policy type.
 * The public interface is in regel.h (regel_next_question and friends). */
#ifndef REGEL_QUESTION_H
#define REGEL_QUESTION_H

#include <stddef.h>
#include <stdint.h>

#include "eval.h"
#include "policy.h"
#include "regel.h"
#include "strbuf.h"

/* Mark in open[o] (n_outcomes bytes) the targets that are undecided: the
 * named uitkomsten, or all uitkomsten when n_targets is 0. REGEL_ERR_USAGE
 * names an unknown target (with a suggestion) or a begrip. */
int question_open_targets(const regel_eval *ev, const char *const *targets, size_t n_targets,
                          uint8_t *open, regel_error *err);

/* The type as written in a policy: "waarheid", "Register", "lijst van X". */
void question_type_text(strbuf *sb, const regel_policy *p, uint32_t type);

#endif
