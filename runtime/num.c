/* num.c — exact rational arithmetic for getal (see num.h): int64 fractions in
 * lowest terms, computed through 128-bit intermediates so nothing wraps.
 * Must never use binary floating point and never silently overflow. */
#include "num.h"

#include <string.h>

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

static u128 u128_gcd(u128 a, u128 b)
{
    while (b) {
        u128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static u128 u128_abs(i128 v)
{
    return v < 0 ? (u128)0 - (u128)v : (u128)v;
}

/* Reduce n/d (d != 0) to lowest terms and check that it fits in num_q. */
static enum num_status num_from128(i128 n, i128 d, num_q *out)
{
    if (d == 0)
        return NUM_DIVZERO;
    int neg = (n < 0) != (d < 0);
    u128 un = u128_abs(n), ud = u128_abs(d);
    if (un == 0) {
        out->num = 0;
        out->den = 1;
        return NUM_OK;
    }
    u128 g = u128_gcd(un, ud);
    un /= g;
    ud /= g;
    if (ud > (u128)INT64_MAX)
        return NUM_OVERFLOW;
    if (neg) {
        if (un > (u128)INT64_MAX + 1)
            return NUM_OVERFLOW;
        out->num = un == (u128)INT64_MAX + 1 ? INT64_MIN : -(int64_t)un;
    } else {
        if (un > (u128)INT64_MAX)
            return NUM_OVERFLOW;
        out->num = (int64_t)un;
    }
    out->den = (int64_t)ud;
    return NUM_OK;
}

enum num_status num_make(int64_t num, int64_t den, num_q *out)
{
    return num_from128(num, den, out);
}

/* |products| < 2^126, so sums of two stay below 2^127. */
enum num_status num_add(num_q a, num_q b, num_q *out)
{
    if (a.den == b.den)
        return num_from128((i128)a.num + b.num, a.den, out);
    return num_from128((i128)a.num * b.den + (i128)b.num * a.den, (i128)a.den * b.den, out);
}

enum num_status num_sub(num_q a, num_q b, num_q *out)
{
    if (a.den == b.den)
        return num_from128((i128)a.num - b.num, a.den, out);
    return num_from128((i128)a.num * b.den - (i128)b.num * a.den, (i128)a.den * b.den, out);
}

enum num_status num_mul(num_q a, num_q b, num_q *out)
{
    return num_from128((i128)a.num * b.num, (i128)a.den * b.den, out);
}

enum num_status num_div(num_q a, num_q b, num_q *out)
{
    if (b.num == 0)
        return NUM_DIVZERO;
    return num_from128((i128)a.num * b.den, (i128)a.den * b.num, out);
}

enum num_status num_neg(num_q a, num_q *out)
{
    if (a.num == INT64_MIN)
        return NUM_OVERFLOW;
    out->num = -a.num;
    out->den = a.den;
    return NUM_OK;
}

int num_cmp(num_q a, num_q b)
{
    i128 l = (i128)a.num * b.den, r = (i128)b.num * a.den;
    return l < r ? -1 : (l > r ? 1 : 0);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

#define NUM_U128_MAX_DIV10 ((~(u128)0) / 10)

enum num_status num_parse(const char *s, size_t len, num_q *out)
{
    size_t i = 0;
    int neg = 0;
    if (!s)
        return NUM_SYNTAX;
    if (i < len && s[i] == '-') {
        neg = 1;
        i++;
    }
    u128 mant = 0;
    int too_big = 0;
    long frac_digits = 0;   /* significant fraction digits kept in mant */
    long pending_zeros = 0; /* fraction zeros not yet multiplied in */
    size_t start = i;
    while (i < len && is_digit(s[i])) {
        unsigned d = (unsigned)(s[i] - '0');
        if (mant > NUM_U128_MAX_DIV10 || mant * 10 > ~(u128)0 - d)
            too_big = 1;
        else
            mant = mant * 10 + d;
        i++;
    }
    if (i == start)
        return NUM_SYNTAX;
    if (i < len && (s[i] == ',' || s[i] == '.')) {
        i++;
        size_t fstart = i;
        while (i < len && is_digit(s[i])) {
            unsigned d = (unsigned)(s[i] - '0');
            if (d == 0) {
                pending_zeros++; /* trailing zeros do not change the value */
            } else {
                for (; pending_zeros > 0 && !too_big; pending_zeros--) {
                    if (mant > NUM_U128_MAX_DIV10)
                        too_big = 1;
                    else
                        mant *= 10;
                    frac_digits++;
                }
                if (mant > NUM_U128_MAX_DIV10 || mant * 10 > ~(u128)0 - d)
                    too_big = 1;
                else
                    mant = mant * 10 + d;
                frac_digits++;
            }
            i++;
        }
        if (i == fstart)
            return NUM_SYNTAX;
    }
    long exp = 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        int eneg = 0;
        if (i < len && (s[i] == '+' || s[i] == '-')) {
            eneg = s[i] == '-';
            i++;
        }
        size_t estart = i;
        while (i < len && is_digit(s[i])) {
            if (exp < 1000000)
                exp = exp * 10 + (s[i] - '0');
            i++;
        }
        if (i == estart)
            return NUM_SYNTAX;
        if (eneg)
            exp = -exp;
    }
    if (i != len)
        return NUM_SYNTAX;
    if (too_big)
        return NUM_OVERFLOW;
    if (mant == 0) {
        out->num = 0;
        out->den = 1;
        return NUM_OK;
    }
    long e = exp - frac_digits; /* value = mant * 10^e */
    while (e < 0 && mant % 10 == 0) {
        mant /= 10;
        e++;
    }
    u128 den = 1;
    if (e > 0) {
        for (long k = 0; k < e; k++) {
            if (mant > (u128)INT64_MAX)
                return NUM_OVERFLOW;
            mant *= 10;
        }
    } else if (e < 0) {
        long twos = -e; /* 10^-e = 2^-e * 5^-e */
        long fives = twos;
        while (twos > 0 && mant % 2 == 0) {
            mant /= 2;
            twos--;
        }
        while (fives > 0 && mant % 5 == 0) {
            mant /= 5;
            fives--;
        }
        for (long k = 0; k < twos; k++) {
            den *= 2;
            if (den > (u128)INT64_MAX)
                return NUM_OVERFLOW;
        }
        for (long k = 0; k < fives; k++) {
            den *= 5;
            if (den > (u128)INT64_MAX)
                return NUM_OVERFLOW;
        }
    }
    if (mant > (u128)INT64_MAX + (neg ? 1u : 0u))
        return NUM_OVERFLOW;
    i128 n = (i128)mant;
    return num_from128(neg ? -n : n, (i128)den, out);
}

size_t num_format(num_q q, char decimal_sep, char *buf, size_t cap)
{
    if (!buf || cap == 0 || q.den <= 0)
        return 0;
    uint64_t d = (uint64_t)q.den;
    unsigned twos = 0, fives = 0;
    while (d % 2 == 0) {
        d /= 2;
        twos++;
    }
    while (d % 5 == 0) {
        d /= 5;
        fives++;
    }
    if (d != 1)
        return 0; /* no finite decimal expansion */
    unsigned digits = twos > fives ? twos : fives;
    u128 n = u128_abs(q.num);
    u128 den = (u128)q.den;
    u128 ip = n / den, rem = n % den;

    char tmp[128];
    size_t len = 0;
    if (q.num < 0)
        tmp[len++] = '-';
    char rev[48];
    size_t nr = 0;
    do {
        rev[nr++] = (char)('0' + (unsigned)(ip % 10));
        ip /= 10;
    } while (ip);
    while (nr)
        tmp[len++] = rev[--nr];
    if (digits) {
        tmp[len++] = decimal_sep;
        for (unsigned k = 0; k < digits; k++) {
            rem *= 10;
            tmp[len++] = (char)('0' + (unsigned)(rem / den));
            rem %= den;
        }
    }
    if (len + 1 > cap)
        return 0;
    memcpy(buf, tmp, len);
    buf[len] = '\0';
    return len;
}

/* 10^k for k <= 18 (fits int64). */
static int64_t pow10_i64(unsigned k)
{
    int64_t p = 1;
    while (k--)
        p *= 10;
    return p;
}

enum num_status num_round(num_q a, enum num_round_mode mode, unsigned decimals, num_q *out)
{
    if (decimals > NUM_ROUND_MAX_DECIMALS)
        return NUM_OVERFLOW; /* 10^decimals would not fit */
    if (a.den <= 0)
        return NUM_DIVZERO;
    i128 scale = pow10_i64(decimals);
    /* |a.num * scale| < 2^63 * 2^60: exact in 128 bits. */
    i128 x = (i128)a.num * scale, den = a.den;
    i128 q = x / den, r = x % den; /* truncated: make q the floor */
    if (r < 0) {
        q -= 1;
        r += den;
    }
    /* Now x = q * den + r with 0 <= r < den, so a * scale lies in [q, q + 1). */
    i128 twice = 2 * r; /* < 2^64: compares the fraction with one half */
    switch (mode) {
    case NUM_ROUND_DOWN:
        break;
    case NUM_ROUND_UP:
        if (r != 0)
            q += 1;
        break;
    case NUM_ROUND_HALF_UP:
        if (twice > den || (twice == den && x > 0))
            q += 1; /* a negative half stays at the floor: away from zero */
        break;
    case NUM_ROUND_HALF_EVEN:
        if (twice > den || (twice == den && q % 2 != 0))
            q += 1;
        break;
    default:
        return NUM_SYNTAX;
    }
    return num_from128(q, scale, out);
}

num_q num_from_cents(int64_t cents)
{
    num_q q;
    /* cents / 100 always fits: the denominator only shrinks. */
    if (num_from128(cents, 100, &q) != NUM_OK) {
        q.num = 0;
        q.den = 1;
    }
    return q;
}

enum num_status num_to_cents(num_q q, int64_t *cents)
{
    if (q.den <= 0)
        return NUM_DIVZERO;
    i128 x = (i128)q.num * 100;
    if (x % q.den != 0)
        return NUM_SYNTAX; /* not a whole number of cents */
    i128 c = x / q.den;
    if (c > INT64_MAX || c < INT64_MIN)
        return NUM_OVERFLOW;
    if (cents)
        *cents = (int64_t)c;
    return NUM_OK;
}
