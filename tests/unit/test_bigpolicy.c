/* test_bigpolicy.c — issue 9: a policy of 20 000 rules (begrip chains, rule
 * versions, exceptions, soorten sharing a member, citaten) generated in
 * memory compiles, evaluates right, gives the same bytes twice, and an error
 * deep inside it still gets its line and its "bedoelde u" hint. No timing. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regel.h"

#include "../bigpolicy.h"

#define GROUPS 4000 /* five rules per group: 20 000 rules */

/* The policy; typo >= 0 misspells the chain begrip read by group typo. */
static bigpolicy_text big_policy(long typo)
{
    bigpolicy_text t = bigpolicy_write(GROUPS, typo);
    cr_assert(!t.failed && t.s != NULL);
    return t;
}

static int64_t result_int(const regel_eval *ev, const char *name)
{
    int64_t v = 0;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_result_int(ev, name, &v, &err), REGEL_OK, "%s: %s", name, err.message);
    return v;
}

static regel_eval *evaluate(const regel_policy *p, const char *json)
{
    regel_error err;
    memset(&err, 0, sizeof err);
    regel_case *c = NULL;
    cr_assert_eq(regel_case_from_json(p, json, strlen(json), "geval", &c, &err), REGEL_OK, "%s",
                 err.message);
    regel_eval *ev = regel_eval_new(p);
    cr_assert_not_null(ev);
    cr_assert_eq(regel_evaluate(ev, c, 0, &err), REGEL_OK, "%s", err.message);
    regel_case_free(c);
    return ev;
}

Test(bigpolicy, compiles_and_evaluates)
{
    bigpolicy_text src = big_policy(-1);
    regel_policy *p = NULL;
    char *diags = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_policy_compile(src.s, src.len, "groot.regel", &p, &diags, &err);
    cr_assert_eq(rc, REGEL_OK, "%s\n%s", err.message, diags ? diags : "");
    regel_free(diags);
    cr_assert_eq(regel_outcome_count(p), (size_t)(4 * GROUPS + 1));

    regel_eval *ev = evaluate(p, "{\"a\": 5, \"peildatum\": \"2024-01-01\", \"s3\": \"overig\", "
                                 "\"s4\": \"ja4\"}");
    cr_assert_eq(result_int(ev, "u0"), 5);                  /* a > 0: a + 0 */
    cr_assert_eq(result_int(ev, "u4"), 9);                  /* a > 4: a + 4 */
    cr_assert_eq(result_int(ev, "u10"), 0);                 /* a ≤ 10: anders 0 */
    cr_assert_eq(result_int(ev, "w7"), 5 + 8);              /* the version from 1 maart 2022: c7 */
    cr_assert_eq(result_int(ev, "eindwaarde"), 5 + GROUPS); /* the end of the begrip chain */
    int b = -1;
    cr_assert_eq(regel_result_bool(ev, "b3", &b, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(b, 1);
    cr_assert_eq(regel_result_bool(ev, "b4", &b, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(b, 0);
    regel_kind k = REGEL_V_NUMBER;
    cr_assert_eq(regel_result_kind(ev, "b5", &k, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(k, REGEL_V_ONBEKEND); /* s5 is not in the case */
    regel_eval_free(ev);

    /* an exception deep in the policy, and the older version of w */
    ev = evaluate(p, "{\"a\": 3099, \"peildatum\": \"2021-06-01\"}");
    cr_assert_eq(result_int(ev, "u2999"), 7);    /* e2999: a is 3099 */
    cr_assert_eq(result_int(ev, "u3000"), 6099); /* r3000: a > 3000 */
    cr_assert_eq(result_int(ev, "w3999"), 1);
    regel_eval_free(ev);
    regel_policy_free(p);
    free(src.s);
}

Test(bigpolicy, same_bytes_twice)
{
    bigpolicy_text src = big_policy(-1);
    uint8_t *one = NULL, *two = NULL;
    size_t n_one = 0, n_two = 0;
    regel_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(regel_compile_to_bytecode(src.s, src.len, "groot.regel", &one, &n_one, NULL, &err),
                 REGEL_OK, "%s", err.message);
    cr_assert_eq(regel_compile_to_bytecode(src.s, src.len, "groot.regel", &two, &n_two, NULL, &err),
                 REGEL_OK, "%s", err.message);
    cr_assert_eq(n_one, n_two);
    cr_assert_eq(memcmp(one, two, n_one), 0);
    regel_free(one);
    regel_free(two);
    free(src.s);
}

Test(bigpolicy, error_deep_inside_has_line_and_hint)
{
    bigpolicy_text src = big_policy(3500);
    /* the line of `c3500 is cc3499 + 1.` */
    const char *at = strstr(src.s, "is cc3499");
    cr_assert_not_null(at);
    unsigned line = 1;
    for (const char *q = src.s; q < at; q++)
        line += *q == '\n';
    regel_policy *p = NULL;
    char *diags = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_policy_compile(src.s, src.len, "groot.regel", &p, &diags, &err);
    cr_assert_eq(rc, REGEL_ERR_COMPILE);
    cr_assert_null(p);
    cr_assert_eq(err.line, line, "regel %u, verwacht %u", err.line, line);
    cr_assert_not_null(strstr(err.message, "cc3499"), "%s", err.message);
    cr_assert_not_null(diags);
    cr_assert_not_null(strstr(diags, "bedoelde u ‘c3499’?"), "%s", diags);
    regel_free(diags);
    free(src.s);
}
