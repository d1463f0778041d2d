/* ast.h — the syntax tree of a Regel policy, built by the parser and then
 * annotated by the checker (the `res`/`type` fields). All nodes live in the
 * compilation's arena; nothing here is freed on its own. Must not depend on
 * the parser's or the emitter's internals. */
#ifndef REGEL_AST_H
#define REGEL_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "num.h"

/* A source range. line/col are 1-based; col counts Unicode code points.
 * off/end_off are byte offsets into the source ([off, end_off)). */
typedef struct ast_loc {
    uint32_t line, col;
    uint32_t end_line, end_col;
    uint32_t off, end_off;
} ast_loc;

/* ---- types as written ---- */
typedef enum ast_type_kind {
    AST_TYPE_WAARHEID,
    AST_TYPE_GETAL,
    AST_TYPE_TEKST,
    AST_TYPE_NAMED /* an enumeration or record named `name` */
} ast_type_kind;

typedef struct ast_type {
    ast_type_kind kind;
    const char *name; /* AST_TYPE_NAMED only */
    ast_loc loc;
} ast_type;

/* ---- expressions ---- */
typedef enum ast_expr_kind {
    EX_WAAR,
    EX_ONWAAR,
    EX_NUMBER, /* u.number */
    EX_STRING, /* u.string */
    EX_NAME,   /* u.name: a fact, outcome, begrip or enumeration member */
    EX_FIELD,  /* u.field: rec.veld; also Type.member for a qualified member */
    EX_NOT,    /* u.unary */
    EX_NEG,    /* u.unary */
    EX_BINARY, /* u.binary */
    EX_IN      /* u.in: lhs is (niet) een van items */
} ast_expr_kind;

typedef enum ast_binop {
    BIN_AND,
    BIN_OR,
    BIN_EQ,
    BIN_NE,
    BIN_LT,
    BIN_LE,
    BIN_GT,
    BIN_GE,
    BIN_ADD,
    BIN_SUB,
    BIN_MUL,
    BIN_DIV
} ast_binop;

/* What a name resolved to (filled by the checker). */
typedef enum ast_ref_kind {
    REF_NONE = 0,
    REF_INPUT,   /* index = input number */
    REF_OUTCOME, /* index = outcome/begrip number (checker's numbering) */
    REF_MEMBER,  /* index = enumeration type, aux = member number */
    REF_FIELD    /* index = record type, aux = field number */
} ast_ref_kind;

typedef struct ast_res {
    ast_ref_kind kind;
    uint32_t index;
    uint32_t aux;
} ast_res;

typedef struct ast_expr ast_expr;
struct ast_expr {
    ast_expr_kind kind;
    ast_loc loc;
    union {
        struct {
            num_q value;      /* exact value of the literal */
            const char *text; /* as written, e.g. "0,5" */
        } number;
        struct {
            const char *s; /* unescaped UTF-8, NUL-terminated */
            size_t len;
        } string;
        struct {
            const char *name;
        } name;
        struct {
            ast_expr *rec;
            const char *field;
            ast_loc field_loc;
        } field;
        struct {
            ast_expr *operand;
        } unary;
        struct {
            ast_binop op;
            ast_expr *lhs, *rhs;
        } binary;
        struct {
            ast_expr *lhs;
            ast_expr **items;
            size_t n_items;
            bool negated; /* "is niet een van" */
        } in;
    } u;
    /* Filled by the checker. */
    ast_res res;
    int32_t type; /* checker's type id; -1 until checked */
};

/* ---- declarations ---- */

/* `naam: type` — an invoer fact, uitkomst, begrip or record field. */
typedef struct ast_field {
    const char *name;
    ast_loc loc; /* the name */
    ast_type type;
} ast_field;

/* soort Naam is een van a, b, c. */
typedef struct ast_enum {
    const char *name;
    ast_loc loc;
    const char **members;
    ast_loc *member_locs;
    size_t n_members;
} ast_enum;

/* gegeven Naam heeft veld: type, ... . */
typedef struct ast_record {
    const char *name;
    ast_loc loc;
    ast_field *fields;
    size_t n_fields;
} ast_record;

/* One branch of a conclusion. The conclusion is the list of branches in
 * order; a branch with cond == NULL is unconditional (a rule without
 * `indien`, or its final `anders`) and can only be the last one.
 *   x is A indien C1, anders B indien C2, anders D.
 *   → (A, C1), (B, C2), (D, NULL) */
typedef struct ast_branch {
    ast_expr *value;
    ast_expr *cond;
    ast_loc loc; /* the branch, for messages */
} ast_branch;

typedef struct ast_rule {
    const char *name; /* the quoted name, unescaped */
    ast_loc loc;      /* the keyword `regel`/`uitzondering` up to the name */
    bool is_exception;
    const char *parent_name; /* uitzondering ... op "parent_name" */
    ast_loc parent_loc;
    const char *bron; /* NULL when absent */
    ast_loc bron_loc;
    const char *citaat; /* the quoted source sentence; NULL when absent */
    ast_loc citaat_loc;
    const char *target; /* the outcome or begrip it concludes */
    ast_loc target_loc;
    ast_branch *branches;
    size_t n_branches;
} ast_rule;

typedef enum ast_decl_kind {
    DECL_ENUM,
    DECL_RECORD,
    DECL_INPUT,   /* one `invoer` entry */
    DECL_OUTCOME, /* one `uitkomst` entry */
    DECL_CONCEPT, /* one `begrip` entry */
    DECL_RULE
} ast_decl_kind;

typedef struct ast_decl {
    ast_decl_kind kind;
    union {
        ast_enum enumeration;
        ast_record record;
        ast_field var; /* DECL_INPUT, DECL_OUTCOME, DECL_CONCEPT */
        ast_rule rule;
    } u;
} ast_decl;

/* A whole policy file; declarations in source order. */
typedef struct ast_policy {
    const char *file;
    const char *name; /* beleid "..."; NULL when absent */
    ast_loc name_loc;
    const char *bron; /* bron "..." of the policy; NULL when absent */
    ast_decl *decls;
    size_t n_decls;
} ast_policy;

#endif
