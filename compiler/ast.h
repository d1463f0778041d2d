/* ast.h — the syntax tree of a Regel policy, built by the parser and then
 * annotated by the checker (the `res`/`type` fields). All nodes live in the
 * compilation's arena; nothing here is freed on its own. Must not depend on
 * the parser's or the emitter's internals. */
#ifndef REGEL_AST_H
#define REGEL_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cal.h"
#include "num.h"

/* A source range. line/col are 1-based; col counts Unicode code points.
 * off/end_off are byte offsets into the source ([off, end_off)). */
typedef struct ast_loc {
    uint32_t line, col;
    uint32_t end_line, end_col;
    uint32_t off, end_off;
} ast_loc;

/* ==== v0.2 (issue 3, "time and money") — design of the AST extension ====
 * Everything from v0.1 is unchanged; v0.2 only ADDS enum values (always at
 * the end of an enum) and fields (always after the existing ones).
 *  - Types: AST_TYPE_DATUM/DUUR/BEDRAG/PERIODE, and AST_TYPE_LIJST whose
 *    element type is `elem` (arena-allocated; NULL for every other kind).
 *  - Literals: EX_DATE (u.date.day, already validated by the lexer),
 *    EX_AMOUNT (u.amount.cents, at most 2 decimals), EX_DURATION
 *    (u.duration: `count` + `unit` for `2 maanden`; for `(x) maanden` the
 *    count is the expression u.duration.count_expr, else count_expr == NULL).
 *    Duration units are kept as written in kind (dag/week/maand/jaar); weken
 *    → 7 days and jaren → 12 months is the checker's/emitter's business.
 *  - Calendar: EX_BETWEEN (u.between: unit DAG/MAAND/JAAR, from, to — `dagen
 *    tussen a en b`), EX_AGE (u.between with unit JAAR: `leeftijd van g op d`;
 *    same meaning as jaren tussen g en d), EX_PERIOD (u.period: from, until;
 *    until == NULL for `periode vanaf x`), EX_PARAM_AT (u.param_at: `naam
 *    geldig op expr`).
 *  - EX_ROUND (u.round): operand `afgerond` mode [op N decimalen]; decimals
 *    is N (0 when !has_decimals; the checker picks the default 0 / 2).
 *  - Binary-shaped new forms reuse u.binary (op is BIN_EQ, meaningless):
 *    EX_BEVAT (lhs bevat rhs), EX_DUURT (lhs duurt ten minste rhs), EX_CLIP
 *    (lhs begrensd tot rhs).
 *  - Unary-shaped new forms reuse u.unary: EX_MERGE (operand samengevoegd),
 *    EX_TOTAL_DAYS (totaal aantal dagen van operand), EX_DAYS_OF (aantal
 *    dagen van operand — one periode), EX_COUNT (aantal operand — a list).
 *  - EX_LONGEST (u.longest): langste aaneengesloten periode van list,
 *    standaard dflt.
 *  - EX_SELECT (u.select) — every quantified form over a list, with kind:
 *      SEL_COUNT   aantal x in L [waarvoor C]
 *      SEL_SUM     som van V voor elke x in L [waarvoor C]
 *      SEL_MIN/MAX minimum/maximum van V voor elke x in L [waarvoor C]
 *                  [, standaard D]
 *      SEL_FIRST/LAST  eerste/laatste x in L [waarvoor C] volgens K
 *                  [, standaard D]
 *      SEL_FILTER  elke x in L waarvoor C         (the filtered list)
 *      SEL_EXISTS  er is een x in L waarvoor C
 *      SEL_FORALL  voor alle x in L geldt C
 *      SEL_MAP     lijst van V voor elke x in L [waarvoor C]  (V of each element)
 *    var/var_loc: the bound element name; cond/value/key/dflt NULL when
 *    absent. The parser does NOT require `standaard` (missing standaard for
 *    minimum/maximum/eerste/laatste is the checker's error, with a hint), so
 *    dflt may be NULL for those kinds. The checker resolves uses of the
 *    element name as REF_ELEMENT (index = loop slot) and parameters as
 *    REF_PARAM (index = parameter number).
 *  - ast_validity: `geldig vanaf D [tot [en met] D]` / `geldig tot [en met]
 *    D`. `until` is stored EXCLUSIVE: `tot en met D` stores D + 1 day
 *    (cal_add_days); until_inclusive only records how it was written. A
 *    missing validity has has_from == has_until == false.
 *  - ast_rule gains `validity`.
 *  - DECL_PARAM (u.param): `parameter naam: type is L [validity], is L ... .`
 *    Each version holds the literal expression (EX_NUMBER, EX_STRING,
 *    EX_WAAR/ONWAAR, EX_DATE, EX_AMOUNT, EX_DURATION, or EX_NAME for an
 *    enumeration member), its validity and a location.
 * ======================================================================= */

/* ==== v0.3 (issue 4, "onbekende feiten") — again only additions ====
 *  - ast_field: `optional` (`type (optioneel)`), and for an invoer `dflt`
 *    (`standaard LITERAL`) and `vraag` (`vraag "…"`).
 *  - EX_KNOWN / EX_UNKNOWN (u.unary): `operand is bekend` / `is onbekend`.
 *  - `geen` stays an EX_NAME; where it means none the checker resolves it
 *    as REF_GEEN with the optional type as its type (the emitter turns
 *    `x is geen` into IS_GEEN and a geen value into PUSH_GEEN).
 *  - ast_expr.opt_from: filled by the checker (static optional discipline).
 * ======================================================================= */

/* ==== v0.5 (issue 7, "motivering") — again only additions ====
 *  - `uitleg "…"`: a citizen sentence template (ast_template) on a rule
 *    (ast_rule.uitleg, in the meta block) and on a branch
 *    (ast_branch.uitleg). The parser splits the text into segments: literal
 *    text (`{{`/`}}` already turned into one brace) and placeholders
 *    `{naam}`; the checker resolves each placeholder (seg.res: REF_INPUT,
 *    REF_OUTCOME or REF_PARAM). template.text == NULL: no uitleg.
 *  - Conditions (spec7 §1.2): the parser marks the atoms of every branch
 *    condition by setting ast_expr.atom_text (its tokens as `regel fmt`
 *    writes them on one line, comments removed; issue 10) and atom_loc (where the
 *    text starts); ast_branch.cond_text is the same text for the whole
 *    condition. Atoms are every node of the condition that is not `en`,
 *    `of`, or `niet` over `en`/`of`; parentheses are transparent.
 *  - ast_expr.paren_loc: the outermost parentheses written around the
 *    expression (all zero when there are none), so that the whole source
 *    text of an expression is known.
 * ======================================================================= */

/* ==== issue 8 (spec8 §1, "externe functies") — again only additions ====
 *  - DECL_EXTERN (u.ext): `extern functie naam(p: T, …): R.` — parameters
 *    as fields (name, location, type as written; `optional` always false),
 *    the result type, and the location of the whole declaration.
 *  - EX_CALL (u.call): `naam(a, b)` — the function name, its location and
 *    the arguments in order (n_args may be 0: `naam()`). The checker
 *    resolves it as REF_EXTERN (index = extern number, declaration order =
 *    EXTERNS index); the emitter writes the arguments left to right, then
 *    CALL_EXTERN index.
 * ======================================================================= */

/* ---- types as written ---- */
typedef enum ast_type_kind {
    AST_TYPE_WAARHEID,
    AST_TYPE_GETAL,
    AST_TYPE_TEKST,
    AST_TYPE_NAMED, /* an enumeration or record named `name` */
    /* v0.2 */
    AST_TYPE_DATUM,
    AST_TYPE_DUUR,
    AST_TYPE_BEDRAG,
    AST_TYPE_PERIODE,
    AST_TYPE_LIJST /* lijst van *elem */
} ast_type_kind;

typedef struct ast_type ast_type;
struct ast_type {
    ast_type_kind kind;
    const char *name; /* AST_TYPE_NAMED only */
    ast_loc loc;
    ast_type *elem; /* AST_TYPE_LIJST only: the element type; else NULL */
};

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
    EX_IN,     /* u.in: lhs is (niet) een van items */
    /* v0.2 — see the design comment above */
    EX_DATE,       /* u.date */
    EX_AMOUNT,     /* u.amount */
    EX_DURATION,   /* u.duration */
    EX_PARAM_AT,   /* u.param_at: naam geldig op date */
    EX_BETWEEN,    /* u.between: dagen/maanden/jaren tussen from en to */
    EX_AGE,        /* u.between (unit JAAR): leeftijd van from op to */
    EX_PERIOD,     /* u.period: periode van from tot until / vanaf from */
    EX_ROUND,      /* u.round */
    EX_BEVAT,      /* u.binary: lhs bevat rhs */
    EX_DUURT,      /* u.binary: lhs duurt ten minste rhs */
    EX_MERGE,      /* u.unary: operand samengevoegd */
    EX_CLIP,       /* u.binary: lhs begrensd tot rhs */
    EX_TOTAL_DAYS, /* u.unary: totaal aantal dagen van operand */
    EX_DAYS_OF,    /* u.unary: aantal dagen van operand */
    EX_LONGEST,    /* u.longest */
    EX_COUNT,      /* u.unary: aantal operand */
    EX_SELECT,     /* u.select */
    /* v0.3 (issue 4) */
    EX_KNOWN,   /* u.unary: operand is bekend */
    EX_UNKNOWN, /* u.unary: operand is onbekend */
    /* issue 8 */
    EX_CALL /* u.call: naam(a, b, …) — an extern functie */
} ast_expr_kind;

/* Duration and `tussen` units as written (plural and singular alike). */
typedef enum ast_unit {
    UNIT_DAG,   /* dag, dagen */
    UNIT_WEEK,  /* week, weken */
    UNIT_MAAND, /* maand, maanden */
    UNIT_JAAR   /* jaar, jaren */
} ast_unit;

/* The quantified forms over a list (EX_SELECT). */
typedef enum ast_select_kind {
    SEL_COUNT,  /* aantal x in L [waarvoor C] */
    SEL_SUM,    /* som van V voor elke x in L [waarvoor C] */
    SEL_MIN,    /* minimum van V voor elke x in L [waarvoor C] standaard D */
    SEL_MAX,    /* maximum van V ... */
    SEL_FIRST,  /* eerste x in L [waarvoor C] volgens K standaard D */
    SEL_LAST,   /* laatste x in L ... */
    SEL_FILTER, /* elke x in L waarvoor C */
    SEL_EXISTS, /* er is een x in L waarvoor C */
    SEL_FORALL, /* voor alle x in L geldt C */
    SEL_MAP     /* lijst van V voor elke x in L [waarvoor C] */
} ast_select_kind;

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
    REF_FIELD,   /* index = record type, aux = field number */
    /* v0.2 */
    REF_PARAM,   /* index = parameter number (checker's numbering) */
    REF_ELEMENT, /* a bound list element; index = its loop slot */
    /* v0.3 */
    REF_GEEN, /* the name `geen` meaning none; the expression's type is the
                 optional type it stands for (PUSH_GEEN type) */
    /* issue 8 */
    REF_EXTERN /* EX_CALL: index = extern number (EXTERNS index) */
} ast_ref_kind;

typedef struct ast_res {
    ast_ref_kind kind;
    uint32_t index;
    uint32_t aux;
} ast_res;

typedef struct ast_expr ast_expr;
struct ast_expr {
    ast_expr_kind kind;
    /* v0.6 (issue 9): the height of the tree below it, for the nodes of the
     * left-recursive productions (operators, `.veld`, `samengevoegd`,
     * `begrensd tot`), which the parser's stack does not limit; 0 for other
     * nodes (they count as 1). The parser refuses a tree higher than
     * PARSE_MAX_HEIGHT before any recursive walk can overflow the C stack.
     * (Next to kind: no padding; issue 11.) */
    uint32_t height;
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
        /* ---- v0.2 ---- */
        struct {
            cal_day day;
        } date;
        struct {
            int64_t cents;
            const char *text; /* the number as written, e.g. "12,50" */
        } amount;
        struct {
            int64_t count;        /* the whole number; 0 when count_expr */
            ast_expr *count_expr; /* (x) maanden; NULL for a literal */
            ast_unit unit;
        } duration;
        struct {
            const char *name; /* the parameter */
            ast_loc name_loc;
            ast_expr *date;
        } param_at;
        struct {
            ast_unit unit; /* UNIT_DAG, UNIT_MAAND or UNIT_JAAR */
            ast_expr *from, *to;
        } between;
        struct {
            ast_expr *from;
            ast_expr *until; /* NULL: open (periode vanaf from) */
        } period;
        struct {
            ast_expr *operand;
            enum num_round_mode mode;
            uint32_t decimals; /* as written; 0 when !has_decimals */
            bool has_decimals;
            ast_loc decimals_loc;
        } round;
        struct {
            ast_expr *list;
            ast_expr *dflt; /* NULL when `standaard` is missing */
        } longest;
        struct {
            ast_select_kind kind;
            const char *var; /* the bound element name */
            ast_loc var_loc;
            ast_expr *list;
            ast_expr *cond;  /* waarvoor / geldt; NULL when absent */
            ast_expr *value; /* som/minimum/maximum van VALUE; else NULL */
            ast_expr *key;   /* volgens KEY (eerste/laatste); else NULL */
            ast_expr *dflt;  /* standaard D; NULL when absent */
        } select;
        /* ---- issue 8 ---- */
        struct {
            const char *name; /* the extern functie */
            ast_loc name_loc;
            ast_expr **args; /* in order; NULL when n_args == 0 */
            size_t n_args;
        } call;
    } u;
    /* Filled by the checker. */
    ast_res res;
    int32_t type; /* checker's type id; -1 until checked */
    /* v0.3: the expression may be geen — the name of the optional fact,
     * field, uitkomst or begrip it depends on (for messages); NULL when it
     * cannot be geen (also after a `… is niet geen` condition narrowed it). */
    const char *opt_from;
    /* v0.5 (issue 7): see the design comment above. */
    ast_loc paren_loc;     /* `( … )` around it; off == end_off == 0 when none */
    const char *atom_text; /* an atom of a branch condition: its text; else NULL */
    ast_loc atom_loc;      /* the atom's whole text (start = first character) */
};

/* ---- declarations ---- */

/* `naam: type` — an invoer fact, uitkomst, begrip or record field. */
typedef struct ast_field {
    const char *name;
    ast_loc loc; /* the name */
    ast_type type;
    /* v0.3 (issue 4): `type (optioneel)`, and for an invoer fact
     * `standaard LITERAL` (dflt: EX_WAAR/ONWAAR, EX_NUMBER, EX_STRING,
     * EX_DATE, EX_AMOUNT, EX_DURATION, EX_NEG of a number/amount/duration,
     * EX_NAME for a soort member or `geen`, EX_FIELD for Soort.member) and
     * `vraag "…"`. All zero/NULL when absent (and for other declarations). */
    bool optional;
    ast_loc optional_loc; /* `(optioneel)` */
    ast_expr *dflt;       /* standaard …; NULL when absent */
    const char *vraag;    /* vraag "…" (unescaped); NULL when absent */
    ast_loc vraag_loc;
    /* v0.6 (issue 9): `(niet negatief)`, alone or as `(optioneel, niet
     * negatief)`; optional_loc is then the location of the parentheses. */
    bool nonnegative;
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

/* v0.5: one segment of an `uitleg` template. */
typedef enum ast_seg_kind {
    SEG_TEXT, /* literal text */
    SEG_NAME  /* a placeholder {name} */
} ast_seg_kind;

typedef struct ast_seg {
    ast_seg_kind kind;
    const char *text; /* TEXT: the literal text; NAME: the name (NUL-terminated) */
    ast_loc loc;      /* NAME: the placeholder (or the string when not exact) */
    ast_res res;      /* NAME: filled by the checker (INPUT, OUTCOME or PARAM) */
} ast_seg;

/* v0.5: `uitleg "…"` — the string and its segments. */
typedef struct ast_template {
    const char *text; /* unescaped; NULL when there is no uitleg */
    ast_loc loc;      /* the string literal */
    ast_seg *segs;
    size_t n_segs;
} ast_template;

/* One branch of a conclusion. The conclusion is the list of branches in
 * order; a branch with cond == NULL is unconditional (a rule without
 * `indien`, or its final `anders`) and can only be the last one.
 *   x is A indien C1, anders B indien C2, anders D.
 *   → (A, C1), (B, C2), (D, NULL) */
typedef struct ast_branch {
    ast_expr *value;
    ast_expr *cond;
    ast_loc loc; /* the branch, for messages */
    /* v0.5 */
    const char *cond_text; /* the condition as regel fmt writes it; NULL without one */
    ast_template uitleg;   /* `uitleg "…"` at the end of the branch */
} ast_branch;

/* geldig vanaf D1 [tot [en met] D2] | geldig tot [en met] D2.
 * until is EXCLUSIVE: `tot en met D` is stored as D + 1 day. */
typedef struct ast_validity {
    bool has_from;
    bool has_until;       /* (the flags side by side: no padding; issue 11) */
    bool until_inclusive; /* written as `tot en met` (until = D + 1) */
    cal_day from;
    ast_loc from_loc;
    cal_day until; /* exclusive */
    ast_loc until_loc;
    ast_loc loc; /* from `geldig` to the last date; zero when absent */
} ast_validity;

typedef struct ast_rule {
    const char *name;        /* the quoted name, unescaped */
    ast_loc loc;             /* the keyword `regel`/`uitzondering` up to the name */
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
    /* v0.2 */
    ast_validity validity; /* none: has_from == has_until == false */
    bool is_exception;     /* here, after validity's 4-byte fields: no padding (issue 11) */
    /* v0.5 */
    ast_template uitleg; /* the rule-level `uitleg "…"` (in the meta block) */
} ast_rule;

/* One version of a parameter: `is LITERAL [validity]`. */
typedef struct ast_param_version {
    ast_expr *value; /* a literal (see the design comment) */
    ast_validity validity;
    ast_loc loc; /* from `is` to the end of the version */
} ast_param_version;

/* parameter naam: type is L1 geldig ..., is L2 geldig ... . */
typedef struct ast_param {
    const char *name;
    ast_loc loc; /* the name */
    ast_type type;
    ast_param_version *versions;
    size_t n_versions;
} ast_param;

/* ==== v0.4 (issue 5, "scenario's") — again only additions ====
 * A scenario (spec5 §1) is a declaration (DECL_SCENARIO) that is never
 * emitted: `scenario "Naam" { item } .` with the items
 *   gegeven uit "geval.json"       → case_file (at most one; the parser
 *                                    reports a second one)
 *   gegeven x is E, y is F         → facts, in order
 *   peildatum D                    → a fact named "peildatum" (is_peildatum_item)
 *   verwacht u is E [door regel "R"] / verwacht u is onbekend → expects
 * Values are kept as written (any expression); the checker requires
 * constants of the right type.
 * ======================================================================= */

typedef struct ast_scen_fact {
    const char *name;
    ast_loc loc;            /* the name */
    ast_expr *value;        /* as written */
    bool is_peildatum_item; /* written as `peildatum D` */
} ast_scen_fact;

typedef struct ast_scen_expect {
    const char *outcome;
    ast_loc loc; /* from `verwacht` to the end of the item */
    ast_loc name_loc;
    ast_expr *value;  /* NULL for `is onbekend` */
    bool unknown;     /* `verwacht u is onbekend` */
    const char *rule; /* `door regel "R"`, unescaped; NULL when absent */
    ast_loc rule_loc;
} ast_scen_expect;

typedef struct ast_scenario {
    const char *name; /* unescaped */
    ast_loc loc;      /* `scenario "Naam"` */
    ast_loc name_loc;
    const char *case_file; /* gegeven uit "…", as written; NULL when absent */
    ast_loc case_loc;
    ast_scen_fact *facts;
    size_t n_facts;
    ast_scen_expect *expects;
    size_t n_expects;
} ast_scenario;

/* issue 8: extern functie naam(p: T, …): R. */
typedef struct ast_extern {
    const char *name;
    ast_loc loc;       /* the name */
    ast_loc decl_loc;  /* from `extern` to the final `.` */
    ast_field *params; /* name, loc, type as written; NULL when n_params == 0 */
    size_t n_params;
    ast_type result;
} ast_extern;

typedef enum ast_decl_kind {
    DECL_ENUM,
    DECL_RECORD,
    DECL_INPUT,   /* one `invoer` entry */
    DECL_OUTCOME, /* one `uitkomst` entry */
    DECL_CONCEPT, /* one `begrip` entry */
    DECL_RULE,
    DECL_PARAM,    /* v0.2: u.param */
    DECL_SCENARIO, /* v0.4: u.scenario */
    DECL_EXTERN    /* issue 8: u.ext */
} ast_decl_kind;

typedef struct ast_decl {
    ast_decl_kind kind;
    union {
        ast_enum enumeration;
        ast_record record;
        ast_field var; /* DECL_INPUT, DECL_OUTCOME, DECL_CONCEPT */
        ast_rule rule;
        ast_param param;
        ast_scenario scenario; /* v0.4 */
        ast_extern ext;        /* issue 8 */
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

/* v0.5: call f(ctx, child) for every direct sub-expression of e, in source
 * order where the syntax fixes one (a selection: value, list, cond, key,
 * default). Shared by the parser (spans, atoms) and the emitter (refs). */
typedef void (*ast_child_fn)(void *ctx, ast_expr *child);

static inline void ast_each_child(const ast_expr *e, ast_child_fn f, void *ctx)
{
    if (!e)
        return;
    switch (e->kind) {
    case EX_FIELD:
        if (e->u.field.rec)
            f(ctx, e->u.field.rec);
        return;
    case EX_NOT:
    case EX_NEG:
    case EX_MERGE:
    case EX_TOTAL_DAYS:
    case EX_DAYS_OF:
    case EX_COUNT:
    case EX_KNOWN:
    case EX_UNKNOWN:
        if (e->u.unary.operand)
            f(ctx, e->u.unary.operand);
        return;
    case EX_BINARY:
    case EX_BEVAT:
    case EX_DUURT:
    case EX_CLIP:
        if (e->u.binary.lhs)
            f(ctx, e->u.binary.lhs);
        if (e->u.binary.rhs)
            f(ctx, e->u.binary.rhs);
        return;
    case EX_IN:
        if (e->u.in.lhs)
            f(ctx, e->u.in.lhs);
        for (size_t i = 0; i < e->u.in.n_items; i++)
            if (e->u.in.items[i])
                f(ctx, e->u.in.items[i]);
        return;
    case EX_DURATION:
        if (e->u.duration.count_expr)
            f(ctx, e->u.duration.count_expr);
        return;
    case EX_PARAM_AT:
        if (e->u.param_at.date)
            f(ctx, e->u.param_at.date);
        return;
    case EX_BETWEEN:
    case EX_AGE:
        if (e->u.between.from)
            f(ctx, e->u.between.from);
        if (e->u.between.to)
            f(ctx, e->u.between.to);
        return;
    case EX_PERIOD:
        if (e->u.period.from)
            f(ctx, e->u.period.from);
        if (e->u.period.until)
            f(ctx, e->u.period.until);
        return;
    case EX_ROUND:
        if (e->u.round.operand)
            f(ctx, e->u.round.operand);
        return;
    case EX_LONGEST:
        if (e->u.longest.list)
            f(ctx, e->u.longest.list);
        if (e->u.longest.dflt)
            f(ctx, e->u.longest.dflt);
        return;
    case EX_SELECT:
        if (e->u.select.value)
            f(ctx, e->u.select.value);
        if (e->u.select.list)
            f(ctx, e->u.select.list);
        if (e->u.select.cond)
            f(ctx, e->u.select.cond);
        if (e->u.select.key)
            f(ctx, e->u.select.key);
        if (e->u.select.dflt)
            f(ctx, e->u.select.dflt);
        return;
    case EX_CALL:
        for (size_t i = 0; i < e->u.call.n_args; i++)
            if (e->u.call.args[i])
                f(ctx, e->u.call.args[i]);
        return;
    default:
        return;
    }
}

#endif
