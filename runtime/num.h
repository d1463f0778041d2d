/* num.h — exact numbers (getal): rationals of two int64 in lowest terms with
 * a positive denominator. No binary floating point anywhere; overflow and
 * division by zero are reported, never wrapped. Used by the VM and by the
 * compiler's literal parsing and constant folding. */
#ifndef REGEL_NUM_H
#define REGEL_NUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct num_q {
    int64_t num;
    int64_t den; /* > 0; gcd(num, den) == 1 */
} num_q;

enum num_status { NUM_OK = 0, NUM_OVERFLOW = 1, NUM_DIVZERO = 2, NUM_SYNTAX = 3 };

static inline num_q num_int(int64_t v)
{
    num_q q = {v, 1};
    return q;
}

/* Build num/den in lowest terms (den != 0; sign moved to num). */
enum num_status num_make(int64_t num, int64_t den, num_q *out);
enum num_status num_add(num_q a, num_q b, num_q *out);
enum num_status num_sub(num_q a, num_q b, num_q *out);
enum num_status num_mul(num_q a, num_q b, num_q *out);
enum num_status num_div(num_q a, num_q b, num_q *out);
enum num_status num_neg(num_q a, num_q *out);
int num_cmp(num_q a, num_q b); /* -1, 0, 1; exact, never overflows */
static inline bool num_eq(num_q a, num_q b)
{
    return a.num == b.num && a.den == b.den;
}

/* Named roundings of the language (`afgerond …`). */
enum num_round_mode {
    NUM_ROUND_DOWN = 0,     /* naar beneden: towards minus infinity */
    NUM_ROUND_UP = 1,       /* naar boven: towards plus infinity */
    NUM_ROUND_HALF_UP = 2,  /* rekenkundig: nearest, halves away from zero */
    NUM_ROUND_HALF_EVEN = 3 /* bankiers: nearest, halves to the even neighbour */
};
#define NUM_ROUND_MAX_DECIMALS 18

/* a rounded to `decimals` (0..NUM_ROUND_MAX_DECIMALS) decimals. */
enum num_status num_round(num_q a, enum num_round_mode mode, unsigned decimals, num_q *out);

/* Amounts (bedrag) are int64 cents. cents/100 exactly; and back, which
 * fails with NUM_SYNTAX when q is not a whole number of cents. */
num_q num_from_cents(int64_t cents);
enum num_status num_to_cents(num_q q, int64_t *cents);

/* Parse an exact decimal: optional '-', digits, optional fraction after ','
 * or '.', optional exponent (e/E, as JSON writes it). "0.1" is exactly 1/10.
 * The whole of s[0..len) must be consumed. */
enum num_status num_parse(const char *s, size_t len, num_q *out);

/* Buffer size that always holds num_format's text (1/2^62 needs ~66 chars). */
#define NUM_FORMAT_CAP 96

/* Exact decimal text with the given decimal separator (',' for Dutch text,
 * '.' for JSON). Returns the length written (NUL-terminated, cap >=
 * NUM_FORMAT_CAP), or 0
 * when the value has no finite decimal expansion (e.g. 1/3). */
size_t num_format(num_q q, char decimal_sep, char *buf, size_t cap);

#endif
