/* host.c — host functions (issue 8): the regel_functions table, binding a
 * policy's `extern functie` declarations to it, the call through libffi with
 * the type conversions of regel.h, and the date helpers for embedders.
 * No globals (libffi's ffi_type_* descriptors are libffi's own constants). */
#include <ffi.h>
#include <math.h> /* isfinite, isnan: macros, no libm */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_date.h"
#include "cal.h"
#include "host.h"
#include "policy.h"
#include "rt.h"

_Static_assert(sizeof(bool) == 1, "REGEL_C_BOOL is passed as one byte (ffi_type_uint8)");

struct host_fn {
    char *name;
    void (*fn)(void);
    regel_ctype result;
    regel_ctype params[RBC_MAX_EXTERN_PARAMS];
    uint32_t n_params;
    ffi_cif cif; /* prepared once in regel_functions_add; read-only afterwards */
    ffi_type *atypes[RBC_MAX_EXTERN_PARAMS];
};

struct regel_functions {
    host_fn **fns; /* each allocated on its own: rt_extern.bound points to it */
    size_t n, cap;
};

/* ---- the table ---- */

static ffi_type *ctype_ffi(regel_ctype t)
{
    switch (t) {
    case REGEL_C_BOOL:
        return &ffi_type_uint8;
    case REGEL_C_INT64:
    case REGEL_C_CENTS:
        return &ffi_type_sint64;
    case REGEL_C_DOUBLE:
        return &ffi_type_double;
    case REGEL_C_STRING:
        return &ffi_type_pointer;
    case REGEL_C_DATE:
        return &ffi_type_sint32;
    default:
        return NULL;
    }
}

static const char *ctype_name(regel_ctype t)
{
    switch (t) {
    case REGEL_C_BOOL:
        return "REGEL_C_BOOL";
    case REGEL_C_INT64:
        return "REGEL_C_INT64";
    case REGEL_C_DOUBLE:
        return "REGEL_C_DOUBLE";
    case REGEL_C_STRING:
        return "REGEL_C_STRING";
    case REGEL_C_DATE:
        return "REGEL_C_DATE";
    case REGEL_C_CENTS:
        return "REGEL_C_CENTS";
    default:
        return "?";
    }
}

REGEL_API regel_functions *regel_functions_new(void)
{
    return calloc(1, sizeof(regel_functions));
}

REGEL_API void regel_functions_free(regel_functions *fs)
{
    if (!fs)
        return;
    for (size_t i = 0; i < fs->n; i++) {
        free(fs->fns[i]->name);
        free(fs->fns[i]);
    }
    free(fs->fns);
    free(fs);
}

static const host_fn *fs_find(const regel_functions *fs, const char *name)
{
    for (size_t i = 0; i < fs->n; i++)
        if (strcmp(fs->fns[i]->name, name) == 0)
            return fs->fns[i];
    return NULL;
}

REGEL_API int regel_functions_add(regel_functions *fs, const char *name, void (*fn)(void),
                                  regel_ctype result, const regel_ctype *params, size_t n_params,
                                  regel_error *err)
{
    if (!fs || !name || !fn || (n_params && !params))
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_functions_add: ongeldige argumenten (NULL)");
    if (!*name)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0, "regel_functions_add: lege naam");
    if (n_params > RBC_MAX_EXTERN_PARAMS)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_functions_add: functie ‘%s’ heeft %zu parameters (hoogstens %d)",
                        name, n_params, RBC_MAX_EXTERN_PARAMS);
    if (!ctype_ffi(result))
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_functions_add: functie ‘%s’ heeft een onbekend resultaattype (%d)",
                        name, (int)result);
    for (size_t k = 0; k < n_params; k++)
        if (!ctype_ffi(params[k]))
            return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                            "regel_functions_add: parameter %zu van functie ‘%s’ heeft een "
                            "onbekend type (%d)",
                            k + 1, name, (int)params[k]);
    if (fs_find(fs, name))
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_functions_add: functie ‘%s’ staat al in de tabel", name);
    if (fs->n == fs->cap) {
        size_t cap = fs->cap ? 2 * fs->cap : 8;
        host_fn **grown = realloc(fs->fns, cap * sizeof *grown);
        if (!grown)
            return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
        fs->fns = grown;
        fs->cap = cap;
    }
    host_fn *f = calloc(1, sizeof *f);
    size_t len = strlen(name);
    char *copy = f ? malloc(len + 1) : NULL;
    if (copy)
        memcpy(copy, name, len + 1);
    if (!copy) {
        free(f);
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    }
    f->name = copy;
    f->fn = fn;
    f->result = result;
    f->n_params = (uint32_t)n_params;
    for (size_t k = 0; k < n_params; k++) {
        f->params[k] = params[k];
        f->atypes[k] = ctype_ffi(params[k]);
    }
    ffi_status st = ffi_prep_cif(&f->cif, FFI_DEFAULT_ABI, (unsigned)n_params, ctype_ffi(result),
                                 n_params ? f->atypes : NULL);
    if (st != FFI_OK) {
        free(f->name);
        free(f);
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_functions_add: libffi kan geen aanroep voor functie ‘%s’ "
                        "voorbereiden (ffi_prep_cif: %d)",
                        name, (int)st);
    }
    fs->fns[fs->n++] = f;
    return REGEL_OK;
}

/* ---- binding ---- */

static const char *kind_name(uint8_t kind)
{
    switch (kind) {
    case RBC_TYPE_WAARHEID:
        return "waarheid";
    case RBC_TYPE_GETAL:
        return "getal";
    case RBC_TYPE_TEKST:
        return "tekst";
    case RBC_TYPE_DATUM:
        return "datum";
    case RBC_TYPE_BEDRAG:
        return "bedrag";
    default:
        return "?";
    }
}

/* The C types a declared type accepts (getal: INT64 or DOUBLE). */
static bool ctype_fits(uint8_t kind, regel_ctype t)
{
    switch (kind) {
    case RBC_TYPE_WAARHEID:
        return t == REGEL_C_BOOL;
    case RBC_TYPE_GETAL:
        return t == REGEL_C_INT64 || t == REGEL_C_DOUBLE;
    case RBC_TYPE_TEKST:
        return t == REGEL_C_STRING;
    case RBC_TYPE_DATUM:
        return t == REGEL_C_DATE;
    case RBC_TYPE_BEDRAG:
        return t == REGEL_C_CENTS;
    default:
        return false;
    }
}

static const char *kind_wants(uint8_t kind)
{
    switch (kind) {
    case RBC_TYPE_WAARHEID:
        return "REGEL_C_BOOL";
    case RBC_TYPE_GETAL:
        return "REGEL_C_INT64 of REGEL_C_DOUBLE";
    case RBC_TYPE_TEKST:
        return "REGEL_C_STRING";
    case RBC_TYPE_DATUM:
        return "REGEL_C_DATE";
    case RBC_TYPE_BEDRAG:
        return "REGEL_C_CENTS";
    default:
        return "?";
    }
}

/* "f(datum, datum): getal" */
static void declared_sig(const regel_policy *p, const rt_extern *x, char *buf, size_t cap)
{
    size_t n = (size_t)snprintf(buf, cap, "%s(", x->name);
    for (uint32_t k = 0; k < x->n_params && n < cap; k++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", k ? ", " : "",
                              kind_name(p->types[x->params[k]].kind));
    if (n < cap)
        snprintf(buf + n, cap - n, "): %s", kind_name(p->types[x->result].kind));
}

/* "f(REGEL_C_DATE, REGEL_C_DATE): REGEL_C_INT64" */
static void bound_sig(const host_fn *f, char *buf, size_t cap)
{
    size_t n = (size_t)snprintf(buf, cap, "%s(", f->name);
    for (uint32_t k = 0; k < f->n_params && n < cap; k++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", k ? ", " : "", ctype_name(f->params[k]));
    if (n < cap)
        snprintf(buf + n, cap - n, "): %s", ctype_name(f->result));
}

/* Check extern x against host function f; on a mismatch fill err. */
static int check_sig(const regel_policy *p, const rt_extern *x, const host_fn *f, regel_error *err)
{
    char why[160] = "";
    if (f->n_params != x->n_params) {
        snprintf(why, sizeof why, "%u parameter%s in plaats van %u", f->n_params,
                 f->n_params == 1 ? "" : "s", x->n_params);
    } else if (!ctype_fits(p->types[x->result].kind, f->result)) {
        snprintf(why, sizeof why, "het resultaat %s vraagt %s", kind_name(p->types[x->result].kind),
                 kind_wants(p->types[x->result].kind));
    } else {
        for (uint32_t k = 0; k < x->n_params; k++) {
            uint8_t kind = p->types[x->params[k]].kind;
            if (!ctype_fits(kind, f->params[k])) {
                snprintf(why, sizeof why, "parameter %u (%s) vraagt %s", k + 1, kind_name(kind),
                         kind_wants(kind));
                break;
            }
        }
    }
    if (!*why)
        return REGEL_OK;
    char decl[400], bound[400];
    declared_sig(p, x, decl, sizeof decl);
    bound_sig(f, bound, sizeof bound);
    return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                    "externe functie ‘%s’ past niet: het beleid verklaart %s, maar de functie in "
                    "de tabel is %s (%s)",
                    x->name, decl, bound, why);
}

REGEL_API int regel_policy_bind(regel_policy *policy, const regel_functions *fs, regel_error *err)
{
    if (!policy || !fs)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_policy_bind: ongeldige argumenten (NULL)");
    /* check everything first: a failure binds nothing */
    for (uint32_t i = 0; i < policy->n_externs; i++) {
        const rt_extern *x = &policy->externs[i];
        const host_fn *f = fs_find(fs, x->name);
        if (!f) {
            char decl[400];
            declared_sig(policy, x, decl, sizeof decl);
            return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                            "externe functie ‘%s’ (%s) staat niet in de functietabel; voeg haar "
                            "toe met regel_functions_add",
                            x->name, decl);
        }
        int rc = check_sig(policy, x, f, err);
        if (rc != REGEL_OK)
            return rc;
    }
    for (uint32_t i = 0; i < policy->n_externs; i++)
        policy->externs[i].bound = fs_find(fs, policy->externs[i].name);
    return REGEL_OK;
}

REGEL_API size_t regel_extern_count(const regel_policy *policy)
{
    return policy ? policy->n_externs : 0;
}

REGEL_API const char *regel_extern_name(const regel_policy *policy, size_t i)
{
    return policy && i < policy->n_externs ? policy->externs[i].name : NULL;
}

REGEL_API int regel_extern_bound(const regel_policy *policy, size_t i)
{
    return policy && i < policy->n_externs && policy->externs[i].bound != NULL;
}

/* ---- dates ---- */

REGEL_API int regel_date_from_ymd(int year, int month, int day, int32_t *out, regel_error *err)
{
    if (!out)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_date_from_ymd: ongeldige argumenten (NULL)");
    if (year < 1 || year > 9999 || !cal_valid_ymd(year, month, day))
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_date_from_ymd: %d-%02d-%02d is geen geldige datum (jaar 1 tot en "
                        "met 9999)",
                        year, month, day);
    *out = api_date_from_cal(cal_from_ymd(year, month, day));
    return REGEL_OK;
}

REGEL_API int regel_date_to_ymd(int32_t date, int *year, int *month, int *day)
{
    cal_day d;
    if (!year || !month || !day || !api_date_to_cal(date, &d))
        return REGEL_ERR_USAGE;
    int32_t y;
    cal_to_ymd(d, &y, month, day);
    *year = (int)y;
    return REGEL_OK;
}

/* ---- the call ---- */

/* The double nearest to q (ties to even), exactly: the binary expansion of
 * |num|/den by long division, 54 significant bits and a sticky bit. */
static double q_to_double(num_q q)
{
    uint64_t n = q.num < 0 ? (uint64_t)0 - (uint64_t)q.num : (uint64_t)q.num;
    uint64_t d = (uint64_t)q.den; /* > 0, < 2^63 */
    if (n == 0)
        return 0.0;
    uint64_t ip = n / d, r = n % d, m = 0;
    int e = 0, bits = 0;
    bool sticky;
    if (ip) {
        while (bits < 64 && ip >> bits)
            bits++;
        if (bits > 54) {
            int sh = bits - 54;
            m = ip >> sh;
            sticky = (ip & ((UINT64_C(1) << sh) - 1)) != 0 || r != 0;
            e = sh;
            goto round;
        }
        m = ip;
    }
    while (bits < 54) { /* r < d < 2^63: 2r fits */
        r <<= 1;
        uint64_t bit = 0;
        if (r >= d) {
            r -= d;
            bit = 1;
        }
        m = m << 1 | bit;
        e--;
        if (m)
            bits++;
    }
    sticky = r != 0;
round:; /* m has 54 bits: value m·2^e; round off the last one */
    uint64_t half = m & 1;
    m >>= 1;
    e++;
    if (half && (sticky || (m & 1)))
        m++;
    if (m >> 53) { /* carried to 2^53 */
        m >>= 1;
        e++;
    }
    double x = (double)m; /* m < 2^53: exact; scaling by 2 is exact in this range */
    for (; e > 0; e--)
        x *= 2.0;
    for (; e < 0; e++)
        x *= 0.5;
    return q.num < 0 ? -x : x;
}

static rt_value v_tagged(uint8_t tag)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    v.tag = tag;
    return v;
}

static const char *ctype_wants_tag_name(regel_ctype t)
{
    switch (t) {
    case REGEL_C_BOOL:
        return "waarheid";
    case REGEL_C_INT64:
    case REGEL_C_DOUBLE:
        return "getal";
    case REGEL_C_STRING:
        return "tekst";
    case REGEL_C_DATE:
        return "datum";
    default:
        return "bedrag";
    }
}

static uint8_t ctype_tag(regel_ctype t)
{
    switch (t) {
    case REGEL_C_BOOL:
        return RV_WAARHEID;
    case REGEL_C_INT64:
    case REGEL_C_DOUBLE:
        return RV_GETAL;
    case REGEL_C_STRING:
        return RV_TEKST;
    case REGEL_C_DATE:
        return RV_DATUM;
    default:
        return RV_BEDRAG;
    }
}

int host_call(const host_fn *f, const rt_value *args, arena *a, rt_value *result, char *msg,
              size_t cap)
{
    union {
        uint8_t b;
        int64_t i;
        double d;
        const char *s;
        int32_t day;
    } av[RBC_MAX_EXTERN_PARAMS];
    void *ptrs[RBC_MAX_EXTERN_PARAMS];
    for (uint32_t k = 0; k < f->n_params; k++) {
        const rt_value *v = &args[k];
        if (v->tag != ctype_tag(f->params[k])) { /* verified and bound: cannot happen */
            snprintf(msg, cap, "interne fout: argument %u van externe functie ‘%s’ is geen %s",
                     k + 1, f->name, ctype_wants_tag_name(f->params[k]));
            return REGEL_ERR_EVAL;
        }
        switch (f->params[k]) {
        case REGEL_C_BOOL:
            av[k].b = v->u.b ? 1 : 0;
            break;
        case REGEL_C_INT64:
            if (v->u.q.den != 1) {
                char num[NUM_FORMAT_CAP];
                if (!num_format(v->u.q, ',', num, sizeof num))
                    snprintf(num, sizeof num, "%lld/%lld", (long long)v->u.q.num,
                             (long long)v->u.q.den);
                snprintf(msg, cap,
                         "argument %u van externe functie ‘%s’ moet een geheel getal zijn, maar "
                         "is %s",
                         k + 1, f->name, num);
                return REGEL_ERR_EVAL;
            }
            av[k].i = v->u.q.num;
            break;
        case REGEL_C_DOUBLE:
            av[k].d = q_to_double(v->u.q);
            break;
        case REGEL_C_STRING:
            av[k].s = v->u.str.s;
            break;
        case REGEL_C_DATE:
            av[k].day = api_date_from_cal(v->u.day); /* verified: a day of the calendar */
            break;
        case REGEL_C_CENTS:
            av[k].i = v->u.cents;
            break;
        }
        ptrs[k] = &av[k];
    }
    union {
        ffi_arg u;
        ffi_sarg s;
        int64_t i;
        double d;
        const char *p;
        unsigned char raw[16];
    } rv;
    memset(&rv, 0, sizeof rv);
    ffi_call((ffi_cif *)&f->cif, FFI_FN(f->fn), &rv, f->n_params ? ptrs : NULL);

    rt_value out = v_tagged(ctype_tag(f->result));
    switch (f->result) {
    case REGEL_C_BOOL:
        out.u.b = (uint8_t)rv.u != 0; /* small integer results are widened to ffi_arg */
        break;
    case REGEL_C_INT64:
        out.u.q = num_int(rv.i);
        break;
    case REGEL_C_DOUBLE: {
        double d = rv.d;
        if (!isfinite(d)) {
            snprintf(msg, cap, "externe functie ‘%s’ gaf %s terug in plaats van een getal", f->name,
                     isnan(d) ? "NaN"
                     : d > 0  ? "oneindig"
                              : "min oneindig");
            return REGEL_ERR_EVAL;
        }
        char buf[48];
        for (int prec = 1; prec <= 17; prec++) { /* the shortest text that round-trips */
            snprintf(buf, sizeof buf, "%.*g", prec, d);
            if (strtod(buf, NULL) == d)
                break;
        }
        if (num_parse(buf, strlen(buf), &out.u.q) != NUM_OK) {
            snprintf(msg, cap,
                     "externe functie ‘%s’ gaf %s terug; dat past niet als exact getal (te groot "
                     "of te klein)",
                     f->name, buf);
            return REGEL_ERR_EVAL;
        }
        break;
    }
    case REGEL_C_STRING: {
        if (!rv.p) {
            snprintf(msg, cap, "externe functie ‘%s’ gaf NULL terug in plaats van een tekst",
                     f->name);
            return REGEL_ERR_EVAL;
        }
        size_t len = strlen(rv.p);
        if (len >= UINT32_MAX) {
            snprintf(msg, cap, "externe functie ‘%s’ gaf een te lange tekst terug (%zu bytes)",
                     f->name, len);
            return REGEL_ERR_EVAL;
        }
        uint32_t bad = rt_utf8_check((const uint8_t *)rv.p, (uint32_t)len);
        if (bad != len) {
            snprintf(msg, cap,
                     "externe functie ‘%s’ gaf een tekst terug die geen geldige UTF-8 is "
                     "(byte %u)",
                     f->name, bad);
            return REGEL_ERR_EVAL;
        }
        char *copy = arena_strndup(a, rv.p, len);
        if (!copy) {
            snprintf(msg, cap, "onvoldoende geheugen");
            return REGEL_ERR_MEMORY;
        }
        out.u.str.s = copy;
        out.u.str.len = (uint32_t)len;
        break;
    }
    case REGEL_C_DATE: {
        cal_day day;
        if (!api_date_to_cal((int32_t)rv.s, &day)) {
            snprintf(msg, cap,
                     "externe functie ‘%s’ gaf dag %d (sinds 1 januari 1970) terug, buiten het "
                     "bereik 1-9999",
                     f->name, (int)(int32_t)rv.s);
            return REGEL_ERR_EVAL;
        }
        out.u.day = day;
        break;
    }
    case REGEL_C_CENTS:
        out.u.cents = rv.i;
        break;
    }
    *result = out;
    return REGEL_OK;
}
