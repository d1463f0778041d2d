/* api.c — small public entry points of libregel (version, loading, freeing,
 * source positions) and the shared error helpers of the runtime core.
 * Must not exit, abort or keep global state. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "regel.h"
#include "rt.h"

REGEL_API const char *regel_version(void)
{
    return REGEL_VERSION_STRING;
}

REGEL_API void regel_free(void *p)
{
    free(p);
}

static void rt_verror(regel_error *err, int code, const char *file, unsigned line, unsigned col,
                      const char *prefix, const char *fmt, va_list ap)
    __attribute__((format(printf, 7, 0)));

static void rt_verror(regel_error *err, int code, const char *file, unsigned line, unsigned col,
                      const char *prefix, const char *fmt, va_list ap)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->code = code;
    if (file)
        snprintf(err->file, sizeof err->file, "%s", file);
    err->line = line;
    err->column = col;
    size_t n = 0;
    if (prefix) {
        snprintf(err->message, sizeof err->message, "%s", prefix);
        n = strlen(err->message);
    }
    vsnprintf(err->message + n, sizeof err->message - n, fmt, ap);
}

int rt_error(regel_error *err, int code, const char *file, unsigned line, unsigned col,
             const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rt_verror(err, code, file, line, col, NULL, fmt, ap);
    va_end(ap);
    return code;
}

int rt_bytecode_error(regel_error *err, const char *name, const char *fmt, ...)
{
    char prefix[320];
    if (name && *name)
        snprintf(prefix, sizeof prefix, "ongeldige bytecode in ‘%s’: ", name);
    else
        snprintf(prefix, sizeof prefix, "ongeldige bytecode: ");
    va_list ap;
    va_start(ap, fmt);
    rt_verror(err, REGEL_ERR_BYTECODE, name && *name ? name : NULL, 0, 0, prefix, fmt, ap);
    va_end(ap);
    return REGEL_ERR_BYTECODE;
}

const char *rt_section_name(uint32_t id)
{
    static const char *const names[] = {"?",      "STRINGS",  "META",   "TYPES", "CONSTS",
                                        "INPUTS", "OUTCOMES", "RULES",  "CODE",  "LINES",
                                        "PARAMS", "EXPLAIN",  "EXTERNS"};
    return id <= RBC_SECTION_COUNT ? names[id] : "?";
}

static const char *const rt_op_names[] = {
#define OP(name, opnd, pops, pushes, doc) #name,
#include "opcodes.def"
#undef OP
};

static const unsigned char rt_op_operands[] = {
#define OP(name, opnd, pops, pushes, doc) opnd,
#include "opcodes.def"
#undef OP
};

const char *rt_opcode_name(uint32_t op)
{
    return op < OP__COUNT ? rt_op_names[op] : NULL;
}

enum rbc_operands rt_opcode_operands(uint32_t op)
{
    return op < OP__COUNT ? (enum rbc_operands)rt_op_operands[op] : OPND_NONE;
}

REGEL_API int regel_policy_load(const uint8_t *bytes, size_t len, const char *name,
                                regel_policy **out, regel_error *err)
{
    if (!out || (!bytes && len))
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_policy_load: ongeldige argumenten (NULL)");
    *out = NULL;
    return load_policy(bytes, len, name, out, err);
}

REGEL_API void regel_policy_free(regel_policy *policy)
{
    if (policy)
        arena_free(policy->arena); /* the policy itself lives in its arena */
}

void policy_pos(const regel_policy *p, uint32_t off, uint32_t *line, uint32_t *col)
{
    uint32_t lo = 0, hi = p ? p->n_lines : 0; /* find the last entry with .off <= off */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (p->lines[mid].off <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0) {
        *line = 0;
        *col = 0;
    } else {
        *line = p->lines[lo - 1].line;
        *col = p->lines[lo - 1].col;
    }
}
