/* parser.y — the pure (reentrant) bison grammar of Regel (spec §2): tokens
 * from lexer.l to the syntax tree of ast.h, with Dutch syntax errors through
 * diag and recovery at the next declaration. No globals; never exits. */

%define api.pure full
%define api.location.type {ast_loc}
%define parse.error custom
%define parse.lac full
%locations
%expect 0

%parse-param {parse_state *st} {yyscan_t scanner}
%lex-param {yyscan_t scanner}

%code requires {
#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"

#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif

/* A string token (STRING, NAME, FIELD): NUL-terminated, in the arena. */
typedef struct parse_str {
    const char *s;
    size_t len;
} parse_str;

typedef struct parse_num {
    num_q value;
    const char *text;
} parse_num;

/* A growable array; elem is the element size. Issue 11: while it grows,
 * items is a malloc'd buffer (heap) owned by the parse: parse_list_finish
 * moves it into the arena at its exact size, parse_list_release drops it, and
 * whatever is left (error recovery) is freed with the parse
 * (parse_lists_free), so the arena holds no outgrown copies. A list in the
 * arena (finished, or the declarations with their reserved room) fills the
 * room it has there before it moves into a buffer. */
typedef struct parse_list {
    void *items;
    struct parse_list *next; /* every list of this parse (parse_state.lists) */
    uint32_t n, cap;         /* 32 bits: the source is at most 64 MB */
    uint32_t elem;
    bool heap; /* items is malloc'd (else in the arena, or NULL) */
} parse_list;

typedef struct parse_meta {
    const char *bron;
    ast_loc bron_loc;
    const char *citaat;
    ast_loc citaat_loc;
    ast_template uitleg; /* v0.5 */
} parse_meta;

typedef struct parse_concl {
    const char *target;
    ast_loc target_loc;
    parse_list *branches; /* of ast_branch */
} parse_concl;

/* v0.4: a scenario being parsed: its items so far. */
typedef struct parse_scen {
    const char *case_file;
    ast_loc case_loc;
    parse_list *facts;   /* of ast_scen_fact */
    parse_list *expects; /* of ast_scen_expect */
} parse_scen;

/* Everything one parse needs: shared by the scanner (as its extra data) and
 * the parser (as its parse-param). */
/* A token as the main scan handed it to the parser (issue 11). */
typedef struct parse_tok {
    int kind;
    uint32_t off, end_off;
} parse_tok;

typedef struct parse_state {
    arena *a;
    diag_ctx *d;
    const char *src; /* the whole source, for token texts in messages */
    size_t len;
    ast_policy *policy;
    parse_list *decls; /* of ast_decl */
    parse_list *lists; /* every parse_list made, for parse_lists_free */
    /* scanner position of the next token */
    uint32_t line, col, off;
    /* the last two tokens handed to the parser */
    ast_loc prev_loc, cur_loc;
    int prev_tok, cur_tok;
    uint32_t error_off; /* offset of the token of the last syntax error */
    bool in_scenario;   /* v0.4: the scanner is inside a scenario (lexer.l) */
    bool too_high;      /* issue 9: a tree higher than PARSE_MAX_HEIGHT was reported */
    bool record;        /* issue 11: keep every token in toks (parse_record_token) */
    struct parse_tok *toks;
    size_t n_toks, cap_toks;
    char *canon; /* issue 11: parse_canon's scratch text (malloc'd, freed with the parse) */
    size_t cap_canon;
    void *scanner;
    jmp_buf oom; /* longjmp target when the arena or flex runs out of memory */
} parse_state;
}

%code provides {
int yylex(YYSTYPE *lvalp, YYLTYPE *llocp, yyscan_t scanner);
/* Run scanner and parser over src[0..len) (lexer.l). 0 ok, 1 syntax errors,
 * -1 out of memory. */
int lex_run(parse_state *st, const char *src, size_t len, uint32_t start_off);
/* Helpers in parse.c; every allocator longjmps to st->oom on failure. */
_Noreturn void parse_oom(parse_state *st);
void *parse_alloc(parse_state *st, size_t n);
const char *parse_strndup(parse_state *st, const char *s, size_t n);
parse_list *parse_list_new(parse_state *st, size_t elem);
/* Issue 9: set e's height from its operands; a tree higher than
 * PARSE_MAX_HEIGHT is reported once and replaced by a leaf. */
ast_expr *parse_track(parse_state *st, ast_expr *e);
void parse_list_push(parse_state *st, parse_list *l, const void *elem);
void *parse_list_finish(parse_state *st, parse_list *l);
void parse_list_release(parse_list *l);
void parse_lists_free(parse_state *st);
ast_expr *parse_expr(parse_state *st, ast_expr_kind kind, ast_loc loc);
ast_expr *parse_binary(parse_state *st, ast_binop op, ast_loc loc, ast_expr *lhs, ast_expr *rhs);
ast_expr *parse_unary(parse_state *st, ast_expr_kind kind, ast_loc loc, ast_expr *operand);
void parse_add_decl(parse_state *st, const ast_decl *decl);
void parse_record_token(parse_state *st, int kind, const ast_loc *loc);
void parse_add_vars(parse_state *st, ast_decl_kind kind, parse_list *fields);
ast_loc parse_span(ast_loc first, ast_loc last);
/* v0.2: false with a Dutch reason in msg when y-m-d is not a real date. */
bool parse_date_check(int32_t y, int m, int d, char *msg, size_t cap);
/* v0.5 (parse.c): the texts of a branch condition and its atoms (spec7
 * §1.2); an `uitleg` string split into segments, with the template errors. */
void parse_explain_branch(parse_state *st, ast_branch *b);
ast_template parse_template(parse_state *st, const char *s, size_t len, ast_loc loc);
}

%code {
#include <stdio.h>
#include <string.h>

#include "strbuf.h"

/* Spans from the first to the last symbol; an empty rule gets an empty
 * range at the end of the previous symbol. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                                                \
    do {                                                                                           \
        if (N) {                                                                                   \
            (Cur) = parse_span(YYRHSLOC(Rhs, 1), YYRHSLOC(Rhs, N));                                \
        } else {                                                                                   \
            (Cur).line = (Cur).end_line = YYRHSLOC(Rhs, 0).end_line;                               \
            (Cur).col = (Cur).end_col = YYRHSLOC(Rhs, 0).end_col;                                  \
            (Cur).off = (Cur).end_off = YYRHSLOC(Rhs, 0).end_off;                                  \
        }                                                                                          \
    } while (0)

/* Deep nesting is refused early: later passes recurse over the tree. */
#define YYMAXDEPTH 2000
#define YYINITDEPTH 200

static void yyerror(ast_loc *loc, parse_state *st, yyscan_t scanner, const char *msg);
static void parse_rule_decl(parse_state *st, bool is_exception, ast_loc loc, parse_str name,
                            ast_loc name_loc, const parse_str *parent, ast_loc parent_loc,
                            const parse_meta *meta, const parse_concl *concl,
                            const ast_validity *validity);
static ast_branch parse_branch(parse_state *st, ast_expr *value, ast_expr *cond,
                               const ast_template *uitleg);
/* v0.2 helpers (below the grammar). */
static ast_validity parse_validity(parse_state *st, ast_loc loc, const ast_expr *from,
                                   const ast_expr *until, bool inclusive);
static cal_day parse_written_date(parse_state *st, ast_loc loc, const parse_num *day, int month,
                                  const parse_num *year);
static int64_t parse_cents(parse_state *st, ast_loc loc, const parse_num *n);
static const char *parse_unit_plural(ast_unit u);
static ast_field parse_keyword_field(parse_state *st, ast_loc loc, ast_type type);
/* Modifier bits after a type (opt_optional). */
#define PARSE_MOD_OPTIONAL    1
#define PARSE_MOD_NONNEGATIVE 2
static void parse_set_modifiers(parse_state *st, ast_field *f, int mods, ast_loc loc);
static ast_expr *parse_round(parse_state *st, ast_loc loc, ast_expr *operand,
                             enum num_round_mode mode, const parse_num *decimals);
static ast_expr *parse_between(parse_state *st, ast_expr_kind kind, ast_loc loc, ast_unit unit,
                               ast_expr *from, ast_expr *to);
static ast_expr *parse_select(parse_state *st, ast_select_kind kind, ast_loc loc, parse_str var,
                              ast_loc var_loc, ast_expr *list);
static bool parse_is_operator_node(const ast_expr *e);
/* v0.4 helpers (below the grammar). */
static parse_scen *parse_scen_new(parse_state *st);
static void parse_scen_fact(parse_state *st, parse_scen *sc, parse_str name, ast_loc loc,
                            ast_expr *value, bool peildatum_item);
static void parse_scen_expect(parse_state *st, parse_scen *sc, ast_loc loc, parse_str name,
                              ast_loc name_loc, ast_expr *value, const parse_str *rule,
                              ast_loc rule_loc);
static void parse_scenario_decl(parse_state *st, ast_loc loc, parse_str name, ast_loc name_loc,
                                const parse_scen *sc);
/* issue 8 helper (below the grammar). */
static void parse_extern_decl(parse_state *st, ast_loc loc, parse_str name, ast_loc name_loc,
                              parse_list *params, const ast_type *result);

/* Stop after this many errors: the rest is usually noise. */
#define PARSE_MAX_ERRORS 50

static bool parse_too_many_errors(parse_state *st, ast_loc loc)
{
    if (diag_error_count(st->d) < PARSE_MAX_ERRORS)
        return false;
    diag_report(st->d, DIAG_NOTE, loc, NULL,
                "te veel fouten; de rest van het bestand is niet gecontroleerd");
    return true;
}
}

%union {
    parse_str str;
    parse_num number;
    ast_expr *expr;
    parse_list *list;
    ast_type type;
    ast_field field;
    ast_binop op;
    parse_meta *meta;
    parse_concl *concl;
    /* v0.2 */
    int ival;
    cal_day day;
    ast_unit unit;
    ast_validity validity;
    ast_param_version version;
    enum num_round_mode mode;
    /* v0.4 */
    parse_scen *scen;
    parse_list *sfacts;
    /* v0.5 */
    ast_template *uitleg;
}

%token <str> NAME STRING FIELD
%token <number> NUMBER
%token BELEID "beleid" BRON "bron" CITAAT "citaat" SOORT "soort" IS "is" EEN "een"
       VAN "van" GEGEVEN "gegeven" HEEFT "heeft" INVOER "invoer" UITKOMST "uitkomst"
       BEGRIP "begrip" REGEL "regel" UITZONDERING "uitzondering" OP "op" INDIEN "indien"
       ANDERS "anders" EN "en" OF "of" NIET "niet" WAAR "waar" ONWAAR "onwaar"
       GROTER "groter" KLEINER "kleiner" MEER "meer" MINDER "minder" DAN "dan" TEN "ten"
       MINSTE "minste" HOOGSTE "hoogste" WAARHEID "waarheid" GETAL "getal" TEKST "tekst"
%token DOT "." COLON ":" COMMA "," LPAREN "(" RPAREN ")"
       PLUS "+" MINUS "-" TIMES "*" SLASH "/"
       EQ "=" NE "<>" LT "<" LE "<=" GT ">" GE ">="
/* v0.2 (spec3 §1). DATE: a JJJJ-MM-DD literal; MONTH: januari … december
 * (its number in ival). */
%token <day> DATE
%token <ival> MONTH
%token DAG "dag" DAGEN "dagen" WEEK "week" WEKEN "weken" MAAND "maand" MAANDEN "maanden"
       JAAR "jaar" JAREN "jaren" EURO "euro" EURO_TEKEN "€" DATUM "datum" DUUR "duur"
       BEDRAG "bedrag" PERIODE "periode" LIJST "lijst" TUSSEN "tussen" LEEFTIJD "leeftijd"
       AFGEROND "afgerond" NAAR "naar" BENEDEN "beneden" BOVEN "boven"
       REKENKUNDIG "rekenkundig" BANKIERS "bankiers" DECIMAAL "decimaal"
       DECIMALEN "decimalen" PARAMETER "parameter" GELDIG "geldig" VANAF "vanaf" TOT "tot"
       MET "met" AANTAL "aantal" SOM "som" MINIMUM "minimum" MAXIMUM "maximum"
       EERSTE "eerste" LAATSTE "laatste" ELKE "elke" ALLE "alle" WAARVOOR "waarvoor"
       GELDT "geldt" ER "er" IN "in" VOLGENS "volgens" STANDAARD "standaard" BEVAT "bevat"
       SAMENGEVOEGD "samengevoegd" BEGRENSD "begrensd" LANGSTE "langste"
       AANEENGESLOTEN "aaneengesloten" TOTAAL "totaal" DUURT "duurt" VOOR "voor"
/* v0.3 (spec4 §1) */
%token OPTIONEEL "optioneel" BEKEND "bekend" ONBEKEND "onbekend" VRAAG "vraag"
/* v0.4 (spec5 §1). SGEGEVEN: `gegeven` inside a scenario; SREGEL: `regel`
 * after `door` there (lexer.l). */
%token SCENARIO "scenario" VERWACHT "verwacht" UIT "uit" DOOR "door" SGEGEVEN SREGEL
/* v0.5 (spec7 §1.1) */
%token UITLEG "uitleg"
/* issue 8 (spec8 §1): `extern` only before `functie`, `functie` only after
 * `extern` (lexer.l) */
%token EXTERN "extern" FUNCTIE "functie"
/* A lexical error the scanner has already reported. */
%token LEXERR

/* v0.2: the trailing operand of a prefix form (`dagen tussen a en b`,
 * `aantal x in l waarvoor C`, `standaard d`, ...) extends as far as possible,
 * like the condition after `indien`: every such reduce has the lowest
 * precedence (LOW) and loses against shifting any operator that could
 * continue the operand. Parentheses end it earlier. */
%precedence LOW
%precedence STANDAARD WAARVOOR FIELD SAMENGEVOEGD BEGRENSD TIMES SLASH PLUS MINUS AFGEROND OP
            IS EQ NE LT LE GT GE GROTER KLEINER MEER MINDER TEN BEVAT DUURT EN OF COMMA

%type <expr> expr andx notx cmp sum term unary postfix primary
%type <expr> rsum date amount duration literal opt_where opt_default
%type <expr> opt_fdefault fliteral
%type <ival> opt_optional modifiers modifier
%type <str> opt_vraag
%type <list> name_list field_list items cbranches rfield_list versions args xparams
%type <field> rfield
%type <unit> unit
%type <validity> validity opt_validity
%type <version> version
%type <ival> minmax firstlast decimals_word
%type <mode> mode
%type <field> field
%type <type> type
%type <op> cmpop
%type <meta> meta
%type <concl> conclusion
%type <scen> sitems
%type <sfacts> sfacts
%type <uitleg> opt_uitleg

%%

/* A flat list: the header entries are items too, so that state 0 can shift
 * the error token (recovery works from the first token on); their order is
 * checked in the actions. */
policy
    : %empty
    | entries
    ;

entries
    : entry
    | entries entry
    ;

entry
    : decl
    | "beleid" STRING opt_dot
        {
            if (st->policy->name || st->decls->n > 0 || st->policy->bron) {
                if (!YYRECOVERING())
                    diag_report(st->d, DIAG_ERROR, @1,
                                "schrijf ‘beleid \"…\"’ één keer, als eerste regel van het bestand",
                                "‘beleid’ staat alleen bovenaan het bestand");
            } else {
                st->policy->name = $2.s;
                st->policy->name_loc = @2;
            }
        }
    | "bron" STRING opt_dot
        {
            if (st->policy->bron || st->decls->n > 0) {
                if (!YYRECOVERING())
                    diag_report(st->d, DIAG_ERROR, @1,
                                "de bron van het beleid staat bovenaan, na ‘beleid \"…\"’; de bron "
                                "van een regel staat direct na de naam van de regel",
                                "‘bron’ op een onverwachte plaats");
            } else {
                st->policy->bron = $2.s;
            }
        }
    | error "."
        {
            yyerrok;
            if (parse_too_many_errors(st, @$))
                YYABORT;
        }
    | error
        {
            if (parse_too_many_errors(st, @$))
                YYABORT;
            /* Resume at a declaration keyword; a stray `bron` or `beleid`
             * is more likely part of the broken declaration, and the token
             * that caused the error does not start a fresh declaration. */
            if (yychar != BRON && yychar != BELEID && yylloc.off != st->error_off)
                yyerrok;
        }
    ;

opt_dot
    : %empty
    | "."
    ;

decl
    : "soort" NAME "is" "een" "van" name_list "."
        {
            ast_decl d;
            memset(&d, 0, sizeof d);
            d.kind = DECL_ENUM;
            d.u.enumeration.name = $2.s;
            d.u.enumeration.loc = @2;
            size_t n = $6->n;
            const char **names = parse_alloc(st, n * sizeof *names);
            ast_loc *locs = parse_alloc(st, n * sizeof *locs);
            const ast_field *items = $6->items;
            for (size_t i = 0; i < n; i++) {
                names[i] = items[i].name;
                locs[i] = items[i].loc;
            }
            parse_list_release($6);
            d.u.enumeration.members = names;
            d.u.enumeration.member_locs = locs;
            d.u.enumeration.n_members = n;
            parse_add_decl(st, &d);
        }
    | "gegeven" NAME "heeft" rfield_list "."
        {
            ast_decl d;
            memset(&d, 0, sizeof d);
            d.kind = DECL_RECORD;
            d.u.record.name = $2.s;
            d.u.record.loc = @2;
            d.u.record.fields = parse_list_finish(st, $4);
            d.u.record.n_fields = $4->n;
            parse_add_decl(st, &d);
        }
    | "invoer" field_list "." { parse_add_vars(st, DECL_INPUT, $2); }
    | "uitkomst" field_list "." { parse_add_vars(st, DECL_OUTCOME, $2); }
    | "begrip" field_list "." { parse_add_vars(st, DECL_CONCEPT, $2); }
    | "regel" STRING opt_validity meta conclusion "."
        {
            parse_rule_decl(st, false, parse_span(@1, @2), $2, @2, NULL, @2, $4, $5, &$3);
        }
    | "uitzondering" STRING "op" STRING opt_validity meta conclusion "."
        {
            parse_rule_decl(st, true, parse_span(@1, @2), $2, @2, &$4, @4, $6, $7, &$5);
        }
    | "parameter" NAME ":" type versions "."
        {
            ast_decl d;
            memset(&d, 0, sizeof d);
            d.kind = DECL_PARAM;
            d.u.param.name = $2.s;
            d.u.param.loc = @2;
            d.u.param.type = $4;
            d.u.param.versions = parse_list_finish(st, $5);
            d.u.param.n_versions = $5->n;
            parse_add_decl(st, &d);
        }
    /* v0.4 */
    | "scenario" STRING sitems "."
        {
            parse_scenario_decl(st, parse_span(@1, @2), $2, @2, $3);
        }
    /* issue 8 */
    | "extern" "functie" NAME "(" xparams ")" ":" type "."
        {
            parse_extern_decl(st, @$, $3, @3, $5, &$8);
        }
    ;

/* The parameters of an extern functie: `naam: type` (keywords allowed as
 * names, as for record fields), possibly none. */
xparams
    : %empty { $$ = NULL; }
    | rfield_list
    ;

/* The items of a scenario, in any order (the checker wants a `verwacht`). */
sitems
    : %empty { $$ = parse_scen_new(st); }
    | sitems SGEGEVEN "uit" STRING
        {
            $$ = $1;
            if ($$->case_file) {
                diag_report(st->d, DIAG_ERROR, parse_span(@2, @4),
                            "zet alle feiten in één geval-bestand, of schrijf de andere feiten "
                            "met ‘gegeven naam is waarde’",
                            "een scenario heeft hoogstens één ‘gegeven uit’");
            } else {
                $$->case_file = $4.s;
                $$->case_loc = @4;
            }
        }
    | sitems SGEGEVEN sfacts
        {
            $$ = $1;
            const ast_scen_fact *f = $3->items;
            for (size_t i = 0; i < $3->n; i++)
                parse_list_push(st, $$->facts, &f[i]);
            parse_list_release($3);
        }
    | sitems NAME date
        {
            $$ = $1;
            parse_scen_fact(st, $$, $2, @2, $3, true);
        }
    | sitems "verwacht" NAME "is" expr
        {
            $$ = $1;
            parse_scen_expect(st, $$, parse_span(@2, @5), $3, @3, $5, NULL, @5);
        }
    | sitems "verwacht" NAME "is" expr "door" SREGEL STRING
        {
            $$ = $1;
            parse_scen_expect(st, $$, parse_span(@2, @8), $3, @3, $5, &$8, @8);
        }
    | sitems "verwacht" NAME "is" "onbekend"
        {
            $$ = $1;
            parse_scen_expect(st, $$, parse_span(@2, @5), $3, @3, NULL, NULL, @5);
        }
    ;

/* gegeven x is E, y is F */
sfacts
    : NAME "is" expr
        {
            $$ = parse_list_new(st, sizeof(ast_scen_fact));
            ast_scen_fact f;
            memset(&f, 0, sizeof f);
            f.name = $1.s;
            f.loc = @1;
            f.value = $3;
            parse_list_push(st, $$, &f);
        }
    | sfacts "," NAME "is" expr
        {
            $$ = $1;
            ast_scen_fact f;
            memset(&f, 0, sizeof f);
            f.name = $3.s;
            f.loc = @3;
            f.value = $5;
            parse_list_push(st, $$, &f);
        }
    ;

versions
    : version
        {
            $$ = parse_list_new(st, sizeof(ast_param_version));
            parse_list_push(st, $$, &$1);
        }
    | versions "," version
        {
            $$ = $1;
            parse_list_push(st, $$, &$3);
        }
    ;

version
    : "is" literal opt_validity
        {
            memset(&$$, 0, sizeof $$);
            $$.value = $2;
            $$.validity = $3;
            $$.loc = @$;
        }
    ;

/* The value of a parameter version. */
literal
    : NUMBER
        {
            $$ = parse_expr(st, EX_NUMBER, @1);
            $$->u.number.value = $1.value;
            $$->u.number.text = $1.text;
        }
    | STRING
        {
            $$ = parse_expr(st, EX_STRING, @1);
            $$->u.string.s = $1.s;
            $$->u.string.len = $1.len;
        }
    | "waar" { $$ = parse_expr(st, EX_WAAR, @1); }
    | "onwaar" { $$ = parse_expr(st, EX_ONWAAR, @1); }
    | date
    | amount
    | duration
    | NAME
        {
            $$ = parse_expr(st, EX_NAME, @1);
            $$->u.name.name = $1.s;
        }
    ;

opt_validity
    : %empty { memset(&$$, 0, sizeof $$); }
    | validity
    ;

/* `until` is stored exclusive: `tot en met D` keeps D + 1 day. */
validity
    : "geldig" "vanaf" date
        {
            $$ = parse_validity(st, @$, $3, NULL, false);
        }
    | "geldig" "vanaf" date "tot" date
        {
            $$ = parse_validity(st, @$, $3, $5, false);
        }
    | "geldig" "vanaf" date "tot" "en" "met" date
        {
            $$ = parse_validity(st, @$, $3, $7, true);
        }
    | "geldig" "tot" date
        {
            $$ = parse_validity(st, @$, NULL, $3, false);
        }
    | "geldig" "tot" "en" "met" date
        {
            $$ = parse_validity(st, @$, NULL, $5, true);
        }
    ;

/* 2022-03-01 or 1 maart 2022 */
date
    : DATE
        {
            $$ = parse_expr(st, EX_DATE, @1);
            $$->u.date.day = $1;
        }
    | NUMBER MONTH NUMBER
        {
            $$ = parse_expr(st, EX_DATE, @$);
            $$->u.date.day = parse_written_date(st, @$, &$1, $2, &$3);
        }
    ;

amount
    : NUMBER "euro"
        {
            $$ = parse_expr(st, EX_AMOUNT, @$);
            $$->u.amount.text = $1.text;
            $$->u.amount.cents = parse_cents(st, @$, &$1);
        }
    | "€" NUMBER
        {
            $$ = parse_expr(st, EX_AMOUNT, @$);
            $$->u.amount.text = $2.text;
            $$->u.amount.cents = parse_cents(st, @$, &$2);
        }
    ;

duration
    : NUMBER unit
        {
            $$ = parse_expr(st, EX_DURATION, @$);
            $$->u.duration.unit = $2;
            if ($1.value.den != 1 || $1.value.num < 0)
                diag_report(st->d, DIAG_ERROR, @1,
                            "schrijf een kortere eenheid, bijvoorbeeld ‘45 dagen’ in plaats van "
                            "‘1,5 maand’",
                            "een duur is een geheel aantal %s, niet ‘%s’",
                            parse_unit_plural($2), $1.text);
            else
                $$->u.duration.count = $1.value.num;
        }
    ;

unit
    : "dag" { $$ = UNIT_DAG; }
    | "dagen" { $$ = UNIT_DAG; }
    | "week" { $$ = UNIT_WEEK; }
    | "weken" { $$ = UNIT_WEEK; }
    | "maand" { $$ = UNIT_MAAND; }
    | "maanden" { $$ = UNIT_MAAND; }
    | "jaar" { $$ = UNIT_JAAR; }
    | "jaren" { $$ = UNIT_JAAR; }
    ;

/* Enumeration members, kept as fields (name + location) until the action. */
name_list
    : NAME
        {
            $$ = parse_list_new(st, sizeof(ast_field));
            ast_field f;
            memset(&f, 0, sizeof f);
            f.name = $1.s;
            f.loc = @1;
            parse_list_push(st, $$, &f);
        }
    | name_list "," NAME
        {
            $$ = $1;
            ast_field f;
            memset(&f, 0, sizeof f);
            f.name = $3.s;
            f.loc = @3;
            parse_list_push(st, $$, &f);
        }
    ;

field_list
    : field
        {
            $$ = parse_list_new(st, sizeof(ast_field));
            parse_list_push(st, $$, &$1);
        }
    | field_list "," field
        {
            $$ = $1;
            parse_list_push(st, $$, &$3);
        }
    ;

/* Record fields: keywords are allowed as field names (spec3 §1), except
 * the words that start a declaration; `, anders` and `, standaard` are
 * single tokens, hence their own alternatives. */
rfield_list
    : rfield
        {
            $$ = parse_list_new(st, sizeof(ast_field));
            parse_list_push(st, $$, &$1);
        }
    | rfield_list "," rfield
        {
            $$ = $1;
            parse_list_push(st, $$, &$3);
        }
    | rfield_list "anders" ":" type opt_optional
        {
            $$ = $1;
            ast_field f = parse_keyword_field(st, @2, $4);
            parse_set_modifiers(st, &f, $5, @5);
            parse_list_push(st, $$, &f);
        }
    | rfield_list "standaard" ":" type opt_optional
        {
            $$ = $1;
            ast_field f = parse_keyword_field(st, @2, $4);
            parse_set_modifiers(st, &f, $5, @5);
            parse_list_push(st, $$, &f);
        }
    ;

rfield
    : NAME ":" type opt_optional
        {
            memset(&$$, 0, sizeof $$);
            $$.name = $1.s;
            $$.loc = @1;
            $$.type = $3;
            parse_set_modifiers(st, &$$, $4, @4);
        }
    | field_keyword ":" type opt_optional
        {
            $$ = parse_keyword_field(st, @1, $3);
            parse_set_modifiers(st, &$$, $4, @4);
        }
    ;

field_keyword
    : "bron" | "citaat" | "soort" | "is" | "een" | "van" | "heeft" | "op" | "indien" | "anders"
    | "en" | "of" | "niet" | "waar" | "onwaar" | "groter" | "kleiner" | "meer" | "minder"
    | "dan" | "ten" | "minste" | "hoogste" | "waarheid" | "getal" | "tekst"
    | MONTH | "dag" | "dagen" | "week" | "weken" | "maand" | "maanden" | "jaar" | "jaren"
    | "euro" | "datum" | "duur" | "bedrag" | "periode" | "lijst" | "tussen" | "leeftijd"
    | "afgerond" | "naar" | "beneden" | "boven" | "rekenkundig" | "bankiers" | "decimaal"
    | "decimalen" | "geldig" | "vanaf" | "tot" | "met" | "aantal" | "som" | "minimum"
    | "maximum" | "eerste" | "laatste" | "elke" | "alle" | "waarvoor" | "geldt" | "er" | "in"
    | "volgens" | "standaard" | "bevat" | "samengevoegd" | "begrensd" | "langste"
    | "aaneengesloten" | "totaal" | "duurt" | "voor"
    | "optioneel" | "bekend" | "onbekend" | "vraag"
    | "verwacht" | "uit" | "door"
    | "uitleg"
    ;

/* An invoer fact, uitkomst or begrip (v0.3: `(optioneel)`, and for an
 * invoer `standaard LITERAL` and `vraag "…"`; parse_add_vars refuses the
 * last two elsewhere). */
field
    : NAME ":" type opt_optional opt_fdefault opt_vraag
        {
            memset(&$$, 0, sizeof $$);
            $$.name = $1.s;
            $$.loc = @1;
            $$.type = $3;
            parse_set_modifiers(st, &$$, $4, @4);
            $$.dflt = $5;
            $$.vraag = $6.s;
            $$.vraag_loc = @6;
        }
    ;

/* Modifiers after a type (bits PARSE_MOD_*): `(optioneel)`, `(niet
 * negatief)` or both, separated by a comma, in any order. */
opt_optional
    : %empty { $$ = 0; }
    | "(" modifiers ")" { $$ = $2; }
    ;

modifiers
    : modifier
    | modifiers "," modifier
        {
            if ($1 & $3)
                diag_report(st->d, DIAG_ERROR, @3, NULL, "‘%s’ staat hier al; schrijf het één keer",
                            ($1 & $3 & PARSE_MOD_OPTIONAL) ? "optioneel" : "niet negatief");
            $$ = $1 | $3;
        }
    ;

modifier
    : "optioneel" { $$ = PARSE_MOD_OPTIONAL; }
    | "niet" NAME
        {
            $$ = PARSE_MOD_NONNEGATIVE;
            if (strcmp($2.s, "negatief") != 0) {
                diag_report(st->d, DIAG_ERROR, @2, "bedoelde u ‘(niet negatief)’?",
                            "onbekende aanduiding ‘niet %s’ na het type", $2.s);
                $$ = 0;
            }
        }
    ;

opt_fdefault
    : %empty { $$ = NULL; }
    | "standaard" fliteral
        {
            $$ = $2;
            if (st->src[@1.off] == ',') /* the `, standaard` token */
                diag_report(st->d, DIAG_ERROR, @1, "laat de komma vóór ‘standaard’ weg, "
                            "bijvoorbeeld ‘ernstig_ziek: waarheid standaard onwaar,’",
                            "de standaardwaarde van een invoer staat zonder komma direct na "
                            "het type");
        }
    ;

/* A default: a literal of the fact's type, a negative number/amount/duration,
 * `Soort.lid`, or `geen` (a NAME, resolved by the checker). */
fliteral
    : literal
    | "-" literal { $$ = parse_unary(st, EX_NEG, @1, $2); }
    | NAME FIELD
        {
            ast_expr *rec = parse_expr(st, EX_NAME, @1);
            rec->u.name.name = $1.s;
            $$ = parse_expr(st, EX_FIELD, parse_span(@1, @2));
            $$->u.field.rec = rec;
            $$->u.field.field = $2.s;
            $$->u.field.field_loc = @2;
        }
    ;

opt_vraag
    : %empty { $$.s = NULL; $$.len = 0; }
    | "vraag" STRING { $$ = $2; }
    ;

type
    : "waarheid" { memset(&$$, 0, sizeof $$); $$.kind = AST_TYPE_WAARHEID; $$.loc = @1; }
    | "getal" { memset(&$$, 0, sizeof $$); $$.kind = AST_TYPE_GETAL; $$.loc = @1; }
    | "tekst" { memset(&$$, 0, sizeof $$); $$.kind = AST_TYPE_TEKST; $$.loc = @1; }
    | NAME
        {
            memset(&$$, 0, sizeof $$);
            $$.kind = AST_TYPE_NAMED;
            $$.name = $1.s;
            $$.loc = @1;
        }
    | "datum" { memset(&$$, 0, sizeof $$); $$.kind = AST_TYPE_DATUM; $$.loc = @1; }
    | "duur" { memset(&$$, 0, sizeof $$); $$.kind = AST_TYPE_DUUR; $$.loc = @1; }
    | "bedrag" { memset(&$$, 0, sizeof $$); $$.kind = AST_TYPE_BEDRAG; $$.loc = @1; }
    | "periode" { memset(&$$, 0, sizeof $$); $$.kind = AST_TYPE_PERIODE; $$.loc = @1; }
    | "lijst" "van" type
        {
            memset(&$$, 0, sizeof $$);
            $$.kind = AST_TYPE_LIJST;
            $$.loc = @$;
            $$.elem = parse_alloc(st, sizeof *$$.elem);
            *$$.elem = $3;
        }
    ;

meta
    : %empty { $$ = parse_alloc(st, sizeof *$$); }
    | meta "bron" STRING
        {
            $$ = $1;
            if ($$->bron)
                diag_report(st->d, DIAG_ERROR, parse_span(@2, @3),
                            "een regel heeft hoogstens één ‘bron’",
                            "‘bron’ staat twee keer in deze regel");
            else {
                $$->bron = $3.s;
                $$->bron_loc = @3;
            }
        }
    | meta "citaat" STRING
        {
            $$ = $1;
            if ($$->citaat)
                diag_report(st->d, DIAG_ERROR, parse_span(@2, @3),
                            "een regel heeft hoogstens één ‘citaat’",
                            "‘citaat’ staat twee keer in deze regel");
            else {
                $$->citaat = $3.s;
                $$->citaat_loc = @3;
            }
        }
    /* v0.5 */
    | meta "uitleg" STRING
        {
            $$ = $1;
            ast_template t = parse_template(st, $3.s, $3.len, @3);
            if ($$->uitleg.text)
                diag_report(st->d, DIAG_ERROR, parse_span(@2, @3),
                            "een regel heeft hoogstens één ‘uitleg’",
                            "‘uitleg’ staat twee keer in deze regel");
            else
                $$->uitleg = t;
        }
    ;

/* v0.5: `uitleg "…"` at the end of a branch (a second one is an error). */
opt_uitleg
    : %empty { $$ = NULL; }
    | opt_uitleg "uitleg" STRING
        {
            $$ = $1;
            ast_template t = parse_template(st, $3.s, $3.len, @3);
            if ($$) {
                diag_report(st->d, DIAG_ERROR, parse_span(@2, @3),
                            "schrijf één zin per tak; een zin voor de hele regel staat vóór de "
                            "conclusie",
                            "een tak heeft hoogstens één ‘uitleg’");
            } else {
                $$ = parse_alloc(st, sizeof *$$);
                *$$ = t;
            }
        }
    ;

/* x is A | x is A indien C (anders B indien D)* [anders E] */
conclusion
    : NAME "is" expr opt_uitleg
        {
            $$ = parse_alloc(st, sizeof *$$);
            $$->target = $1.s;
            $$->target_loc = @1;
            $$->branches = parse_list_new(st, sizeof(ast_branch));
            ast_branch b = parse_branch(st, $3, NULL, $4);
            parse_list_push(st, $$->branches, &b);
        }
    | NAME "is" cbranches
        {
            $$ = parse_alloc(st, sizeof *$$);
            $$->target = $1.s;
            $$->target_loc = @1;
            $$->branches = $3;
        }
    | NAME "is" cbranches "anders" expr opt_uitleg
        {
            $$ = parse_alloc(st, sizeof *$$);
            $$->target = $1.s;
            $$->target_loc = @1;
            $$->branches = $3;
            ast_branch b = parse_branch(st, $5, NULL, $6);
            parse_list_push(st, $$->branches, &b);
        }
    ;

cbranches
    : expr "indien" expr opt_uitleg
        {
            $$ = parse_list_new(st, sizeof(ast_branch));
            ast_branch b = parse_branch(st, $1, $3, $4);
            parse_list_push(st, $$, &b);
        }
    | cbranches "anders" expr "indien" expr opt_uitleg
        {
            $$ = $1;
            ast_branch b = parse_branch(st, $3, $5, $6);
            parse_list_push(st, $$, &b);
        }
    ;

expr
    : expr "of" andx %prec LOW { $$ = parse_binary(st, BIN_OR, @2, $1, $3); }
    | andx %prec LOW
    ;

andx
    : andx "en" notx %prec LOW { $$ = parse_binary(st, BIN_AND, @2, $1, $3); }
    | notx %prec LOW
    ;

notx
    : "niet" notx { $$ = parse_unary(st, EX_NOT, @1, $2); }
    | cmp
    ;

cmp
    : rsum %prec LOW
    | rsum cmpop rsum { $$ = parse_binary(st, $2, @2, $1, $3); }
    | rsum "bevat" rsum
        {
            $$ = parse_expr(st, EX_BEVAT, @2);
            $$->u.binary.lhs = $1;
            $$->u.binary.rhs = $3;
        }
    | rsum "duurt" "ten" "minste" rsum
        {
            $$ = parse_expr(st, EX_DUURT, parse_span(@2, @4));
            $$->u.binary.lhs = $1;
            $$->u.binary.rhs = $5;
        }
    | rsum "is" "een" "van" items %prec LOW
        {
            $$ = parse_expr(st, EX_IN, parse_span(@2, @4));
            $$->u.in.lhs = $1;
            $$->u.in.items = parse_list_finish(st, $5);
            $$->u.in.n_items = $5->n;
            $$->u.in.negated = false;
        }
    | rsum "is" "niet" "een" "van" items %prec LOW
        {
            $$ = parse_expr(st, EX_IN, parse_span(@2, @5));
            $$->u.in.lhs = $1;
            $$->u.in.items = parse_list_finish(st, $6);
            $$->u.in.n_items = $6->n;
            $$->u.in.negated = true;
        }
    /* v0.3: never onbekend itself */
    | rsum "is" "bekend"
        {
            $$ = parse_unary(st, EX_KNOWN, parse_span(@2, @3), $1);
        }
    | rsum "is" "onbekend"
        {
            $$ = parse_unary(st, EX_UNKNOWN, parse_span(@2, @3), $1);
        }
    ;

cmpop
    : "is" { $$ = BIN_EQ; }
    | "is" "niet" { $$ = BIN_NE; }
    | "=" { $$ = BIN_EQ; }
    | "<>" { $$ = BIN_NE; }
    | "is" "groter" "dan" { $$ = BIN_GT; }
    | "groter" "dan" { $$ = BIN_GT; }
    | "is" "meer" "dan" { $$ = BIN_GT; }
    | "meer" "dan" { $$ = BIN_GT; }
    | ">" { $$ = BIN_GT; }
    | "is" "kleiner" "dan" { $$ = BIN_LT; }
    | "kleiner" "dan" { $$ = BIN_LT; }
    | "is" "minder" "dan" { $$ = BIN_LT; }
    | "minder" "dan" { $$ = BIN_LT; }
    | "<" { $$ = BIN_LT; }
    | "is" "ten" "minste" { $$ = BIN_GE; }
    | "ten" "minste" { $$ = BIN_GE; }
    | ">=" { $$ = BIN_GE; }
    | "is" "ten" "hoogste" { $$ = BIN_LE; }
    | "ten" "hoogste" { $$ = BIN_LE; }
    | "<=" { $$ = BIN_LE; }
    ;

items
    : rsum
        {
            $$ = parse_list_new(st, sizeof(ast_expr *));
            parse_list_push(st, $$, &$1);
        }
    | items "," rsum
        {
            $$ = $1;
            parse_list_push(st, $$, &$3);
        }
    ;

/* x afgerond <mode> [op N decimalen] */
rsum
    : sum %prec LOW
    | sum "afgerond" mode %prec LOW { $$ = parse_round(st, parse_span(@2, @3), $1, $3, NULL); }
    | sum "afgerond" mode "op" NUMBER decimals_word
        {
            $$ = parse_round(st, parse_span(@2, @6), $1, $3, &$5);
            $$->u.round.decimals_loc = @5;
            if ($6 == 1 && $$->u.round.decimals != 1)
                diag_report(st->d, DIAG_ERROR, @6, NULL, "schrijf ‘%s decimalen’", $5.text);
        }
    ;

mode
    : "naar" "beneden" { $$ = NUM_ROUND_DOWN; }
    | "naar" "boven" { $$ = NUM_ROUND_UP; }
    | "rekenkundig" { $$ = NUM_ROUND_HALF_UP; }
    | "bankiers" { $$ = NUM_ROUND_HALF_EVEN; }
    ;

decimals_word
    : "decimaal" { $$ = 1; }
    | "decimalen" { $$ = 2; }
    ;

sum
    : sum "+" term %prec LOW { $$ = parse_binary(st, BIN_ADD, @2, $1, $3); }
    | sum "-" term %prec LOW { $$ = parse_binary(st, BIN_SUB, @2, $1, $3); }
    | term %prec LOW
    ;

term
    : term "*" unary { $$ = parse_binary(st, BIN_MUL, @2, $1, $3); }
    | term "/" unary { $$ = parse_binary(st, BIN_DIV, @2, $1, $3); }
    | unary
    ;

unary
    : "-" unary { $$ = parse_unary(st, EX_NEG, @1, $2); }
    | postfix %prec LOW
    ;

postfix
    : primary
    | postfix FIELD
        {
            $$ = parse_expr(st, EX_FIELD, parse_span(@1, @2));
            $$->u.field.rec = $1;
            $$->u.field.field = $2.s;
            $$->u.field.field_loc = @2;
            $$ = parse_track(st, $$);
        }
    | postfix "samengevoegd" { $$ = parse_unary(st, EX_MERGE, @2, $1); }
    | postfix "begrensd" "tot" primary
        {
            $$ = parse_expr(st, EX_CLIP, parse_span(@2, @3));
            $$->u.binary.lhs = $1;
            $$->u.binary.rhs = $4;
            $$ = parse_track(st, $$);
        }
    ;

primary
    : NUMBER
        {
            $$ = parse_expr(st, EX_NUMBER, @1);
            $$->u.number.value = $1.value;
            $$->u.number.text = $1.text;
        }
    | STRING
        {
            $$ = parse_expr(st, EX_STRING, @1);
            $$->u.string.s = $1.s;
            $$->u.string.len = $1.len;
        }
    | "waar" { $$ = parse_expr(st, EX_WAAR, @1); }
    | "onwaar" { $$ = parse_expr(st, EX_ONWAAR, @1); }
    | NAME
        {
            $$ = parse_expr(st, EX_NAME, @1);
            $$->u.name.name = $1.s;
        }
    /* issue 8: a call of an extern functie */
    | NAME "(" ")"
        {
            $$ = parse_expr(st, EX_CALL, @$);
            $$->u.call.name = $1.s;
            $$->u.call.name_loc = @1;
        }
    | NAME "(" args ")"
        {
            $$ = parse_expr(st, EX_CALL, @$);
            $$->u.call.name = $1.s;
            $$->u.call.name_loc = @1;
            $$->u.call.args = parse_list_finish(st, $3);
            $$->u.call.n_args = $3->n;
        }
    | "(" expr ")"
        {
            $$ = $2;
            /* Leaves and fields cover the parentheses too; operator nodes keep
             * the operator's location (see parse.c). */
            if (!parse_is_operator_node($$))
                $$->loc = parse_span(@1, @3);
            $$->paren_loc = parse_span(@1, @3); /* v0.5: the outermost pair wins */
        }
    /* ---- v0.2 ---- */
    | date
    | amount
    | duration
    | "(" expr ")" unit
        {
            $$ = parse_expr(st, EX_DURATION, @$);
            $$->u.duration.count_expr = $2;
            $$->u.duration.unit = $4;
        }
    | NAME "geldig" "op" postfix %prec LOW
        {
            $$ = parse_expr(st, EX_PARAM_AT, @$);
            $$->u.param_at.name = $1.s;
            $$->u.param_at.name_loc = @1;
            $$->u.param_at.date = $4;
        }
    | "dagen" "tussen" sum "en" sum %prec LOW
        {
            $$ = parse_between(st, EX_BETWEEN, @$, UNIT_DAG, $3, $5);
        }
    | "maanden" "tussen" sum "en" sum %prec LOW
        {
            $$ = parse_between(st, EX_BETWEEN, @$, UNIT_MAAND, $3, $5);
        }
    | "jaren" "tussen" sum "en" sum %prec LOW
        {
            $$ = parse_between(st, EX_BETWEEN, @$, UNIT_JAAR, $3, $5);
        }
    | "leeftijd" "van" sum "op" sum %prec LOW
        {
            $$ = parse_between(st, EX_AGE, @$, UNIT_JAAR, $3, $5);
        }
    | "periode" "van" sum "tot" sum %prec LOW
        {
            $$ = parse_expr(st, EX_PERIOD, @$);
            $$->u.period.from = $3;
            $$->u.period.until = $5;
        }
    | "periode" "vanaf" sum %prec LOW
        {
            $$ = parse_expr(st, EX_PERIOD, @$);
            $$->u.period.from = $3;
        }
    | "aantal" postfix %prec LOW { $$ = parse_unary(st, EX_COUNT, @$, $2); }
    | "aantal" NAME "in" postfix opt_where
        {
            $$ = parse_select(st, SEL_COUNT, @$, $2, @2, $4);
            $$->u.select.cond = $5;
        }
    | "som" "van" expr "voor" "elke" NAME "in" postfix opt_where
        {
            $$ = parse_select(st, SEL_SUM, @$, $6, @6, $8);
            $$->u.select.value = $3;
            $$->u.select.cond = $9;
        }
    | "lijst" "van" expr "voor" "elke" NAME "in" postfix opt_where
        {
            $$ = parse_select(st, SEL_MAP, @$, $6, @6, $8);
            $$->u.select.value = $3;
            $$->u.select.cond = $9;
        }
    | minmax "van" expr "voor" "elke" NAME "in" postfix opt_where opt_default
        {
            $$ = parse_select(st, (ast_select_kind)$1, @$, $6, @6, $8);
            $$->u.select.value = $3;
            $$->u.select.cond = $9;
            $$->u.select.dflt = $10;
        }
    | firstlast NAME "in" postfix opt_where "volgens" sum opt_default
        {
            $$ = parse_select(st, (ast_select_kind)$1, @$, $2, @2, $4);
            $$->u.select.cond = $5;
            $$->u.select.key = $7;
            $$->u.select.dflt = $8;
        }
    | "elke" NAME "in" postfix "waarvoor" expr %prec LOW
        {
            $$ = parse_select(st, SEL_FILTER, @$, $2, @2, $4);
            $$->u.select.cond = $6;
        }
    | "er" "is" "een" NAME "in" postfix "waarvoor" expr %prec LOW
        {
            $$ = parse_select(st, SEL_EXISTS, @$, $4, @4, $6);
            $$->u.select.cond = $8;
        }
    | "voor" "alle" NAME "in" postfix "geldt" expr %prec LOW
        {
            $$ = parse_select(st, SEL_FORALL, @$, $3, @3, $5);
            $$->u.select.cond = $7;
        }
    | "totaal" "aantal" "dagen" "van" postfix %prec LOW
        {
            $$ = parse_unary(st, EX_TOTAL_DAYS, @$, $5);
        }
    | "aantal" "dagen" "van" postfix %prec LOW { $$ = parse_unary(st, EX_DAYS_OF, @$, $4); }
    | "langste" "aaneengesloten" "periode" "van" postfix opt_default
        {
            $$ = parse_expr(st, EX_LONGEST, @$);
            $$->u.longest.list = $5;
            $$->u.longest.dflt = $6;
        }
    ;

/* issue 8: the arguments of a call */
args
    : expr
        {
            $$ = parse_list_new(st, sizeof(ast_expr *));
            parse_list_push(st, $$, &$1);
        }
    | args "," expr
        {
            $$ = $1;
            parse_list_push(st, $$, &$3);
        }
    ;

minmax
    : "minimum" { $$ = SEL_MIN; }
    | "maximum" { $$ = SEL_MAX; }
    ;

firstlast
    : "eerste" { $$ = SEL_FIRST; }
    | "laatste" { $$ = SEL_LAST; }
    ;

/* Dangling `waarvoor` / `standaard`: they belong to the innermost selection
 * (shift). */
opt_where
    : %empty %prec LOW { $$ = NULL; }
    | "waarvoor" expr %prec LOW { $$ = $2; }
    ;

opt_default
    : %empty %prec LOW { $$ = NULL; }
    | "standaard" sum %prec LOW { $$ = $2; }
    ;

%%

static ast_branch parse_branch(parse_state *st, ast_expr *value, ast_expr *cond,
                               const ast_template *uitleg)
{
    ast_branch b;
    memset(&b, 0, sizeof b);
    b.value = value;
    b.cond = cond;
    b.loc = value->loc;
    if (cond)
        b.loc = parse_span(value->loc, cond->loc);
    if (uitleg)
        b.uitleg = *uitleg;
    parse_explain_branch(st, &b); /* v0.5 */
    return b;
}

static void parse_rule_decl(parse_state *st, bool is_exception, ast_loc loc, parse_str name,
                            ast_loc name_loc, const parse_str *parent, ast_loc parent_loc,
                            const parse_meta *meta, const parse_concl *concl,
                            const ast_validity *validity)
{
    (void)name_loc;
    ast_decl d;
    memset(&d, 0, sizeof d);
    d.kind = DECL_RULE;
    ast_rule *r = &d.u.rule;
    r->name = name.s;
    r->loc = loc;
    r->is_exception = is_exception;
    if (parent) {
        r->parent_name = parent->s;
        r->parent_loc = parent_loc;
    }
    r->bron = meta->bron;
    r->bron_loc = meta->bron_loc;
    r->citaat = meta->citaat;
    r->citaat_loc = meta->citaat_loc;
    r->target = concl->target;
    r->target_loc = concl->target_loc;
    r->branches = parse_list_finish(st, concl->branches);
    r->n_branches = concl->branches->n;
    r->validity = *validity;
    r->uitleg = meta->uitleg;
    parse_add_decl(st, &d);
}

/* ---- v0.2 helpers ---- */

static ast_validity parse_validity(parse_state *st, ast_loc loc, const ast_expr *from,
                                   const ast_expr *until, bool inclusive)
{
    ast_validity v;
    memset(&v, 0, sizeof v);
    v.loc = loc;
    if (from) {
        v.has_from = true;
        v.from = from->u.date.day;
        v.from_loc = from->loc;
    }
    if (until) {
        v.has_until = true;
        v.until = until->u.date.day;
        v.until_loc = until->loc;
        v.until_inclusive = inclusive;
        if (inclusive && !cal_add_days(until->u.date.day, 1, &v.until)) {
            diag_report(st->d, DIAG_ERROR, until->loc, "schrijf ‘tot’ met de dag erna, of laat "
                        "‘tot’ weg", "datum buiten het bereik 1-9999");
            v.until = until->u.date.day;
        }
    }
    if (from && until && v.until <= v.from) {
        char d1[32], d2[32];
        cal_format_dutch(from->u.date.day, d1, sizeof d1);
        cal_format_dutch(until->u.date.day, d2, sizeof d2);
        diag_report(st->d, DIAG_ERROR, loc,
                    inclusive ? "de einddatum mag niet vóór de begindatum liggen"
                              : "‘tot’ is exclusief: de einddatum moet na de begindatum liggen; "
                                "bedoelt u ‘tot en met’?",
                    "lege geldigheid: er is geen dag vanaf %s tot%s %s", d1,
                    inclusive ? " en met" : "", d2);
    }
    return v;
}

/* 1 maart 2022: day and year are whole numbers; checked with the calendar. */
static cal_day parse_written_date(parse_state *st, ast_loc loc, const parse_num *day, int month,
                                  const parse_num *year)
{
    const char *mname = cal_month_name(month);
    if (day->value.den != 1 || year->value.den != 1) {
        diag_report(st->d, DIAG_ERROR, loc, "schrijf bijvoorbeeld ‘1 maart 2022’",
                    "ongeldige datum ‘%s %s %s’: dag en jaar zijn gehele getallen", day->text,
                    mname ? mname : "?", year->text);
        return CAL_DAY_MIN;
    }
    char msg[128];
    int64_t d = day->value.num, y = year->value.num;
    if (d > 99 || y > 99999 || d < 0 || y < 0 ||
        !parse_date_check((int32_t)y, month, (int)d, msg, sizeof msg)) {
        if (d > 99 || y > 99999 || d < 0 || y < 0)
            snprintf(msg, sizeof msg, "%s", "het jaar moet tussen 1 en 9999 liggen");
        diag_report(st->d, DIAG_ERROR, loc, NULL, "ongeldige datum ‘%s %s %s’: %s", day->text,
                    mname ? mname : "?", year->text, msg);
        return CAL_DAY_MIN;
    }
    if (strlen(year->text) <= 2) {
        /* `1 maart 22` is the year 22: most likely 2022 was meant */
        char hint[160];
        snprintf(hint, sizeof hint,
                 "schrijf het jaar voluit: ‘%s %s 20%02d’; bedoelt u echt het jaar %d, schrijf "
                 "dan ‘%s %s %04d’",
                 day->text, mname, (int)y, (int)y, day->text, mname, (int)y);
        diag_report(st->d, DIAG_WARNING, loc, hint, "‘%s %s %s’ is een datum in het jaar %d",
                    day->text, mname, year->text, (int)y);
    }
    return cal_from_ymd((int32_t)y, month, (int)d);
}

/* An amount literal: at most 2 decimals, as int64 cents. */
static int64_t parse_cents(parse_state *st, ast_loc loc, const parse_num *n)
{
    int64_t cents = 0;
    if (num_to_cents(n->value, &cents) != NUM_OK) {
        const char *comma = strchr(n->text, ',');
        if (comma && strlen(comma + 1) > 2)
            diag_report(st->d, DIAG_ERROR, loc, "een bedrag is een heel aantal centen",
                        "bedrag ‘%s euro’ heeft meer dan 2 decimalen", n->text);
        else
            diag_report(st->d, DIAG_ERROR, loc, NULL, "bedrag ‘%s euro’ is te groot", n->text);
        return 0;
    }
    return cents;
}

static const char *parse_unit_plural(ast_unit u)
{
    switch (u) {
    case UNIT_DAG:
        return "dagen";
    case UNIT_WEEK:
        return "weken";
    case UNIT_MAAND:
        return "maanden";
    case UNIT_JAAR:
        return "jaren";
    }
    return "dagen";
}

/* Sets the modifiers of a field whose type is already known; `(niet
 * negatief)` is only for a single getal, bedrag or duur. */
static void parse_set_modifiers(parse_state *st, ast_field *f, int mods, ast_loc loc)
{
    f->optional = (mods & PARSE_MOD_OPTIONAL) != 0;
    f->nonnegative = (mods & PARSE_MOD_NONNEGATIVE) != 0;
    f->optional_loc = loc;
    if (f->nonnegative && f->type.kind != AST_TYPE_GETAL && f->type.kind != AST_TYPE_BEDRAG &&
        f->type.kind != AST_TYPE_DUUR) {
        diag_report(st->d, DIAG_ERROR, loc,
                    f->type.kind == AST_TYPE_LIJST
                        ? "voor getallen in een lijst: maak een gegeven met een veld dat "
                          "‘(niet negatief)’ is, en een lijst van dat gegeven"
                        : NULL,
                    "‘(niet negatief)’ kan alleen bij een getal, een bedrag of een duur");
        f->nonnegative = false;
    }
}

/* A record field whose name is a keyword: the name is its source text (for
 * `, anders` only the word). */
static ast_field parse_keyword_field(parse_state *st, ast_loc loc, ast_type type)
{
    ast_field f;
    memset(&f, 0, sizeof f);
    const char *text = st->src + loc.off;
    size_t n = loc.end_off - loc.off;
    size_t skip = 0;
    if (n > 0 && text[0] == ',') {
        /* `, anders` / `, standaard`: keep the word after the comma */
        while (skip < n && !(text[skip] >= 'a' && text[skip] <= 'z'))
            skip++;
        /* skip comments: the word is the last one */
        size_t last = n;
        while (last > skip && text[last - 1] >= 'a' && text[last - 1] <= 'z')
            last--;
        skip = last;
        ast_loc l = loc;
        uint32_t len = (uint32_t)(n - skip);
        l.off = loc.end_off - len;
        l.line = loc.end_line;
        l.col = loc.end_col - len;
        loc = l;
    }
    f.name = parse_strndup(st, text + skip, n - skip);
    f.loc = loc;
    f.type = type;
    return f;
}

static ast_expr *parse_round(parse_state *st, ast_loc loc, ast_expr *operand,
                             enum num_round_mode mode, const parse_num *decimals)
{
    ast_expr *e = parse_expr(st, EX_ROUND, loc);
    e->u.round.operand = operand;
    e->u.round.mode = mode;
    if (decimals) {
        e->u.round.has_decimals = true;
        if (decimals->value.den != 1 || decimals->value.num < 0 ||
            decimals->value.num > NUM_ROUND_MAX_DECIMALS)
            diag_report(st->d, DIAG_ERROR, loc, NULL,
                        "afronden kan op 0 tot en met %d decimalen, niet op ‘%s’",
                        NUM_ROUND_MAX_DECIMALS, decimals->text);
        else
            e->u.round.decimals = (uint32_t)decimals->value.num;
    }
    return e;
}

static ast_expr *parse_between(parse_state *st, ast_expr_kind kind, ast_loc loc, ast_unit unit,
                               ast_expr *from, ast_expr *to)
{
    ast_expr *e = parse_expr(st, kind, loc);
    e->u.between.unit = unit;
    e->u.between.from = from;
    e->u.between.to = to;
    return e;
}

static ast_expr *parse_select(parse_state *st, ast_select_kind kind, ast_loc loc, parse_str var,
                              ast_loc var_loc, ast_expr *list)
{
    ast_expr *e = parse_expr(st, EX_SELECT, loc);
    e->u.select.kind = kind;
    e->u.select.var = var.s;
    e->u.select.var_loc = var_loc;
    e->u.select.list = list;
    return e;
}

/* Nodes located at their operator words (see parse.c). */
static bool parse_is_operator_node(const ast_expr *e)
{
    switch (e->kind) {
    case EX_BINARY:
    case EX_NOT:
    case EX_NEG:
    case EX_IN:
    case EX_ROUND:
    case EX_BEVAT:
    case EX_DUURT:
    case EX_MERGE:
    case EX_CLIP:
    case EX_KNOWN:
    case EX_UNKNOWN:
        return true;
    default:
        return false;
    }
}

/* ---- v0.4 helpers ---- */

static parse_scen *parse_scen_new(parse_state *st)
{
    parse_scen *sc = parse_alloc(st, sizeof *sc);
    sc->facts = parse_list_new(st, sizeof(ast_scen_fact));
    sc->expects = parse_list_new(st, sizeof(ast_scen_expect));
    return sc;
}

/* `peildatum D` (the only item that starts with a name). */
static void parse_scen_fact(parse_state *st, parse_scen *sc, parse_str name, ast_loc loc,
                            ast_expr *value, bool peildatum_item)
{
    if (peildatum_item && strcmp(name.s, "peildatum") != 0) {
        static const char *const items[] = {"peildatum"};
        const char *sug = diag_suggest(name.s, items, 1);
        diag_report(st->d, DIAG_ERROR, loc,
                    sug ? "bedoelde u ‘peildatum’?"
                        : "een scenario bestaat uit ‘gegeven naam is waarde’, ‘gegeven uit "
                          "\"geval.json\"’, ‘peildatum datum’ en ‘verwacht uitkomst is waarde’",
                    "onverwachte naam ‘%s’ in een scenario", name.s);
        return;
    }
    ast_scen_fact f;
    memset(&f, 0, sizeof f);
    f.name = name.s;
    f.loc = loc;
    f.value = value;
    f.is_peildatum_item = peildatum_item;
    parse_list_push(st, sc->facts, &f);
}

static void parse_scen_expect(parse_state *st, parse_scen *sc, ast_loc loc, parse_str name,
                              ast_loc name_loc, ast_expr *value, const parse_str *rule,
                              ast_loc rule_loc)
{
    ast_scen_expect x;
    memset(&x, 0, sizeof x);
    x.outcome = name.s;
    x.loc = loc;
    x.name_loc = name_loc;
    x.value = value;
    x.unknown = value == NULL;
    if (rule) {
        x.rule = rule->s;
        x.rule_loc = rule_loc;
    }
    parse_list_push(st, sc->expects, &x);
}

static void parse_scenario_decl(parse_state *st, ast_loc loc, parse_str name, ast_loc name_loc,
                                const parse_scen *sc)
{
    ast_decl d;
    memset(&d, 0, sizeof d);
    d.kind = DECL_SCENARIO;
    ast_scenario *s = &d.u.scenario;
    s->name = name.s;
    s->loc = loc;
    s->name_loc = name_loc;
    s->case_file = sc->case_file;
    s->case_loc = sc->case_loc;
    s->facts = parse_list_finish(st, sc->facts);
    s->n_facts = sc->facts->n;
    s->expects = parse_list_finish(st, sc->expects);
    s->n_expects = sc->expects->n;
    parse_add_decl(st, &d);
}

/* ---- issue 8 helper ---- */

static void parse_extern_decl(parse_state *st, ast_loc loc, parse_str name, ast_loc name_loc,
                              parse_list *params, const ast_type *result)
{
    ast_decl d;
    memset(&d, 0, sizeof d);
    d.kind = DECL_EXTERN;
    ast_extern *x = &d.u.ext;
    x->name = name.s;
    x->loc = name_loc;
    x->decl_loc = loc;
    x->result = *result;
    if (params) {
        x->params = parse_list_finish(st, params);
        x->n_params = params->n;
        for (size_t i = 0; i < x->n_params; i++) {
            if (x->params[i].nonnegative) {
                diag_report(st->d, DIAG_ERROR, x->params[i].optional_loc,
                            "laat ‘(niet negatief)’ weg en controleer de waarde in de functie zelf",
                            "een parameter van een externe functie kan niet ‘(niet negatief)’ zijn");
                x->params[i].nonnegative = false;
            }
            if (!x->params[i].optional)
                continue;
            diag_report(st->d, DIAG_ERROR, x->params[i].optional_loc,
                        "laat ‘(optioneel)’ weg: met een argument dat geen is, wordt de functie "
                        "niet aangeroepen en is het resultaat geen",
                        "een parameter van een externe functie kan niet optioneel zijn");
            x->params[i].optional = false;
        }
    }
    parse_add_decl(st, &d);
}

/* Called by bison only when its stack overflows (YYMAXDEPTH): everything else
 * goes through yyreport_syntax_error. */
static void yyerror(ast_loc *loc, parse_state *st, yyscan_t scanner, const char *msg)
{
    (void)scanner;
    (void)msg;
    diag_report(st->d, DIAG_ERROR, *loc, "splits de expressie op of verwijder haakjes",
                "de expressie is te diep genest");
}

/* ---- syntax error messages ---- */

/* Token classes used to summarise long lists of expected tokens. */
static bool parse_is_decl_start(yysymbol_kind_t k)
{
    switch (k) {
    case YYSYMBOL_SOORT:
    case YYSYMBOL_GEGEVEN:
    case YYSYMBOL_INVOER:
    case YYSYMBOL_UITKOMST:
    case YYSYMBOL_BEGRIP:
    case YYSYMBOL_REGEL:
    case YYSYMBOL_UITZONDERING:
    case YYSYMBOL_PARAMETER:
    case YYSYMBOL_SCENARIO:
    case YYSYMBOL_EXTERN: /* issue 8 */
        return true;
    default:
        return false;
    }
}

static bool parse_is_expr_start(yysymbol_kind_t k)
{
    switch (k) {
    case YYSYMBOL_NUMBER:
    case YYSYMBOL_STRING:
    case YYSYMBOL_NAME:
    case YYSYMBOL_WAAR:
    case YYSYMBOL_ONWAAR:
    case YYSYMBOL_LPAREN:
    case YYSYMBOL_MINUS:
    case YYSYMBOL_NIET:
    /* v0.2 */
    case YYSYMBOL_DATE:
    case YYSYMBOL_EURO_TEKEN:
    case YYSYMBOL_DAGEN:
    case YYSYMBOL_MAANDEN:
    case YYSYMBOL_JAREN:
    case YYSYMBOL_LEEFTIJD:
    case YYSYMBOL_PERIODE:
    case YYSYMBOL_AANTAL:
    case YYSYMBOL_SOM:
    case YYSYMBOL_MINIMUM:
    case YYSYMBOL_MAXIMUM:
    case YYSYMBOL_EERSTE:
    case YYSYMBOL_LAATSTE:
    case YYSYMBOL_ELKE:
    case YYSYMBOL_ER:
    case YYSYMBOL_VOOR:
    case YYSYMBOL_TOTAAL:
    case YYSYMBOL_LANGSTE:
    /* issue 6 */
    case YYSYMBOL_LIJST:
        return true;
    default:
        return false;
    }
}

/* v0.2: what may follow a value and continue it (units, `euro`, a month,
 * `afgerond`, `samengevoegd`, ...): left out of summarised lists. */
static bool parse_is_continuation(yysymbol_kind_t k)
{
    switch (k) {
    case YYSYMBOL_MONTH:
    case YYSYMBOL_DAG:
    case YYSYMBOL_DAGEN:
    case YYSYMBOL_WEEK:
    case YYSYMBOL_WEKEN:
    case YYSYMBOL_MAAND:
    case YYSYMBOL_MAANDEN:
    case YYSYMBOL_JAAR:
    case YYSYMBOL_JAREN:
    case YYSYMBOL_EURO:
    case YYSYMBOL_AFGEROND:
    case YYSYMBOL_SAMENGEVOEGD:
    case YYSYMBOL_BEGRENSD:
    case YYSYMBOL_GELDIG:
        return true;
    default:
        return false;
    }
}


/* The keyword or punctuation spelling of a token ("indien", "."), or NULL. */
static const char *parse_token_word(yysymbol_kind_t k)
{
    switch (k) {
    case YYSYMBOL_NAME:
    case YYSYMBOL_STRING:
    case YYSYMBOL_FIELD:
    case YYSYMBOL_NUMBER:
    case YYSYMBOL_DATE:
    case YYSYMBOL_MONTH:
    case YYSYMBOL_LEXERR:
    case YYSYMBOL_YYEOF:
    case YYSYMBOL_YYerror:
    case YYSYMBOL_YYUNDEF:
        return NULL;
    case YYSYMBOL_SGEGEVEN:
        return "gegeven";
    case YYSYMBOL_SREGEL:
        return "regel";
    case YYSYMBOL_NE:
        return "≠";
    case YYSYMBOL_LE:
        return "≤";
    case YYSYMBOL_GE:
        return "≥";
    default:
        break;
    }
    /* parse.error custom stores aliases without their quotes. */
    return yysymbol_name(k);
}

/* How an expected token is named in "verwacht …". */
static void parse_put_expected(strbuf *sb, yysymbol_kind_t k)
{
    const char *w = parse_token_word(k);
    if (w) {
        sb_printf(sb, "‘%s’", w);
        return;
    }
    switch (k) {
    case YYSYMBOL_NAME:
        sb_puts(sb, "een naam");
        break;
    case YYSYMBOL_NUMBER:
        sb_puts(sb, "een getal");
        break;
    case YYSYMBOL_STRING:
        sb_puts(sb, "een tekst tussen aanhalingstekens");
        break;
    case YYSYMBOL_FIELD:
        sb_puts(sb, "een veld (.naam)");
        break;
    case YYSYMBOL_DATE:
        sb_puts(sb, "een datum");
        break;
    case YYSYMBOL_MONTH:
        sb_puts(sb, "een maand (januari … december)");
        break;
    case YYSYMBOL_YYEOF:
        sb_puts(sb, "het einde van het bestand");
        break;
    default:
        sb_puts(sb, yysymbol_name(k));
        break;
    }
}

/* "onverwacht ‘indien’", "onverwachte naam ‘x’", ... */
static void parse_put_unexpected(parse_state *st, strbuf *sb, yysymbol_kind_t k, ast_loc loc)
{
    const char *text = st->src + loc.off;
    int n = (int)(loc.end_off - loc.off);
    if (loc.end_off > st->len || loc.off > loc.end_off)
        n = 0;
    if (n > 60) {
        n = 60;
        while (n > 0 && (((unsigned char)text[n]) & 0xC0) == 0x80)
            n--; /* keep whole UTF-8 sequences */
    }
    switch (k) {
    case YYSYMBOL_YYEOF:
        sb_puts(sb, "onverwacht einde van het bestand");
        return;
    case YYSYMBOL_NAME:
        sb_printf(sb, "onverwachte naam ‘%.*s’", n, text);
        return;
    case YYSYMBOL_NUMBER:
        sb_printf(sb, "onverwacht getal ‘%.*s’", n, text);
        return;
    case YYSYMBOL_STRING:
        sb_puts(sb, "onverwachte tekst tussen aanhalingstekens");
        return;
    case YYSYMBOL_FIELD:
        sb_printf(sb, "onverwacht veld ‘%.*s’", n, text);
        return;
    case YYSYMBOL_ANDERS:
        /* `, anders` is one token */
        sb_puts(sb, n > 0 && text[0] == ',' ? "onverwacht ‘, anders’" : "onverwacht ‘anders’");
        return;
    case YYSYMBOL_STANDAARD:
        sb_puts(sb, n > 0 && text[0] == ',' ? "onverwacht ‘, standaard’"
                                            : "onverwacht ‘standaard’");
        return;
    case YYSYMBOL_DATE:
        sb_printf(sb, "onverwachte datum ‘%.*s’", n, text);
        return;
    default:
        if (n > 0)
            sb_printf(sb, "onverwacht ‘%.*s’", n, text);
        else
            sb_printf(sb, "onverwacht %s", yysymbol_name(k));
        return;
    }
}

static bool parse_is_comparison(yysymbol_kind_t k)
{
    switch (k) {
    case YYSYMBOL_IS:
    case YYSYMBOL_EQ:
    case YYSYMBOL_NE:
    case YYSYMBOL_LT:
    case YYSYMBOL_LE:
    case YYSYMBOL_GT:
    case YYSYMBOL_GE:
    case YYSYMBOL_GROTER:
    case YYSYMBOL_KLEINER:
    case YYSYMBOL_MEER:
    case YYSYMBOL_MINDER:
    case YYSYMBOL_TEN:
    case YYSYMBOL_BEVAT:
    case YYSYMBOL_DUURT:
        return true;
    default:
        return false;
    }
}

static bool parse_is_arith(yysymbol_kind_t k)
{
    return k == YYSYMBOL_PLUS || k == YYSYMBOL_MINUS || k == YYSYMBOL_TIMES || k == YYSYMBOL_SLASH;
}

/* The text of a token in the source, as a NUL-terminated copy in buf. */
static const char *parse_token_text(const parse_state *st, ast_loc loc, char *buf, size_t cap)
{
    size_t n = 0;
    if (loc.end_off >= loc.off && loc.end_off <= st->len)
        n = loc.end_off - loc.off;
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, st->src + loc.off, n);
    buf[n] = '\0';
    return buf;
}

static void parse_add_phrase(strbuf *sb, int *count, const char *phrase)
{
    if (*count >= 8)
        return;
    if (*count > 0)
        sb_putc(sb, '\n'); /* separator, replaced when the list is joined */
    sb_puts(sb, phrase);
    (*count)++;
}

/* ---- issue 10: the most common drafting mistakes, in plain Dutch ---- */

static bool parse_is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c >= 0x80;
}

/* The word that starts at or after off (spaces and tabs skipped), copied
 * into buf ("" when none); returns the offset just after it. */
static size_t parse_word_after(const parse_state *st, size_t off, char *buf, size_t cap)
{
    while (off < st->len && (st->src[off] == ' ' || st->src[off] == '\t'))
        off++;
    size_t start = off;
    while (off < st->len && parse_is_word_byte((unsigned char)st->src[off]))
        off++;
    size_t n = off - start < cap - 1 ? off - start : cap - 1;
    memcpy(buf, st->src + start, n);
    buf[n] = '\0';
    return off;
}

/* The word that ends at or before off (spaces and tabs skipped). */
static void parse_word_before(const parse_state *st, size_t off, char *buf, size_t cap)
{
    if (off > st->len)
        off = st->len;
    while (off > 0 && (st->src[off - 1] == ' ' || st->src[off - 1] == '\t'))
        off--;
    size_t end = off;
    while (off > 0 && parse_is_word_byte((unsigned char)st->src[off - 1]))
        off--;
    size_t n = end - off < cap - 1 ? end - off : cap - 1;
    memcpy(buf, st->src + off, n);
    buf[n] = '\0';
}

/* The rest of a branch from off: up to the next ',', the '.' that ends the
 * declaration, or the end of the line; trimmed, at most about 50 bytes
 * (then "…"). *end_ch is the character that ended it ('\0' at the end). */
static void parse_segment(const parse_state *st, size_t off, char *buf, size_t cap, char *end_ch)
{
    while (off < st->len && strchr(" \t\r\n", st->src[off]))
        off++;
    size_t start = off;
    *end_ch = '\0';
    while (off < st->len) {
        char ch = st->src[off];
        bool decimal = off + 1 < st->len && off > start && st->src[off - 1] >= '0' &&
                       st->src[off - 1] <= '9' && st->src[off + 1] >= '0' &&
                       st->src[off + 1] <= '9';
        bool field = ch == '.' && off + 1 < st->len &&
                     parse_is_word_byte((unsigned char)st->src[off + 1]) && !decimal;
        if ((ch == ',' && !decimal) || (ch == '.' && !decimal && !field) || ch == '\n' ||
            ch == '\r') {
            *end_ch = ch;
            break;
        }
        off++;
    }
    size_t n = off - start;
    while (n > 0 && (st->src[start + n - 1] == ' ' || st->src[start + n - 1] == '\t'))
        n--;
    bool cut = false;
    if (n > 50 && cap > 60) {
        n = 50;
        while (n > 0 && (((unsigned char)st->src[start + n]) & 0xC0) == 0x80)
            n--;
        cut = true;
    }
    if (n >= cap - 4)
        n = cap - 4;
    memcpy(buf, st->src + start, n);
    strcpy(buf + n, cut ? "…" : "");
}

/* The words of a name written with spaces or hyphens, from off up to (not
 * including) stop: "ernstig ziek" and, in join, "ernstig_ziek". False when
 * something else than words, spaces and hyphens lies in between. */
static bool parse_split_name(const parse_state *st, size_t off, size_t stop, char *text, char *join,
                             size_t cap)
{
    while (stop > off && (st->src[stop - 1] == ' ' || st->src[stop - 1] == '\t'))
        stop--;
    if (stop <= off || stop - off >= cap)
        return false;
    size_t j = 0;
    bool gap = false;
    for (size_t i = off; i < stop; i++) {
        unsigned char ch = (unsigned char)st->src[i];
        if (ch == ' ' || ch == '\t' || ch == '-') {
            gap = true;
            continue;
        }
        if (!parse_is_word_byte(ch))
            return false;
        if (gap && j > 0)
            join[j++] = '_';
        gap = false;
        join[j++] = (char)ch;
    }
    join[j] = '\0';
    memcpy(text, st->src + off, stop - off);
    text[stop - off] = '\0';
    return true;
}

/* "een spatie", "spaties", "een streepje" or "streepjes" for a split name. */
static const char *parse_gap_words(const char *text)
{
    size_t spaces = 0, dashes = 0;
    for (const char *p = text; *p; p++) {
        if (*p == '-')
            dashes++;
        else if ((*p == ' ' || *p == '\t') && p[1] != ' ' && p[1] != '\t')
            spaces++;
    }
    if (dashes > 0)
        return dashes > 1 ? "streepjes" : "een streepje";
    return spaces > 1 ? "spaties" : "een spatie";
}

/* Where `needle` next occurs on the same line at or after off, or 0. */
static size_t parse_find_on_line(const parse_state *st, size_t off, const char *needle)
{
    size_t l = strlen(needle);
    for (size_t i = off; i + l <= st->len && st->src[i] != '\n'; i++)
        if (memcmp(st->src + i, needle, l) == 0)
            return i;
    return 0;
}

/* A keyword that is a type: `invoer werkt waarheid` lacks its colon. */
static bool parse_is_type_word(yysymbol_kind_t k)
{
    return k == YYSYMBOL_WAARHEID || k == YYSYMBOL_GETAL || k == YYSYMBOL_TEKST ||
           k == YYSYMBOL_DATUM || k == YYSYMBOL_BEDRAG || k == YYSYMBOL_DUUR ||
           k == YYSYMBOL_PERIODE || k == YYSYMBOL_LIJST;
}

/* Everyday or English words for a keyword of Regel. */
typedef struct parse_foreign {
    const char *word;
    yysymbol_kind_t kw;
} parse_foreign;

static const parse_foreign parse_foreign_words[] = {
    {"als", YYSYMBOL_INDIEN},       {"wanneer", YYSYMBOL_INDIEN}, {"mits", YYSYMBOL_INDIEN},
    {"zodra", YYSYMBOL_INDIEN},     {"if", YYSYMBOL_INDIEN},      {"when", YYSYMBOL_INDIEN},
    {"and", YYSYMBOL_EN},           {"or", YYSYMBOL_OF},          {"else", YYSYMBOL_ANDERS},
    {"otherwise", YYSYMBOL_ANDERS}, {"not", YYSYMBOL_NIET}};

static const char *parse_foreign_why(yysymbol_kind_t kw)
{
    switch (kw) {
    case YYSYMBOL_INDIEN:
        return "een voorwaarde begint met ‘indien’";
    case YYSYMBOL_EN:
        return "voorwaarden die allebei moeten gelden, verbindt u met ‘en’";
    case YYSYMBOL_OF:
        return "voorwaarden waarvan er één moet gelden, verbindt u met ‘of’";
    case YYSYMBOL_ANDERS:
        return "de laatste tak begint met ‘anders’";
    default:
        return "een ontkenning schrijft u met ‘niet’";
    }
}

static const parse_foreign *parse_foreign_word(const char *w)
{
    for (size_t i = 0; i < sizeof parse_foreign_words / sizeof parse_foreign_words[0]; i++)
        if (strcmp(w, parse_foreign_words[i].word) == 0)
            return &parse_foreign_words[i];
    return NULL;
}

static int parse_month_number(const char *w)
{
    static const char *const months[] = {"januari",   "februari", "maart",    "april",
                                         "mei",       "juni",     "juli",     "augustus",
                                         "september", "oktober",  "november", "december"};
    char low[16];
    size_t n = strlen(w);
    if (n == 0 || n >= sizeof low)
        return 0;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
    for (int m = 0; m < 12; m++)
        if (strcmp(low, months[m]) == 0)
            return m + 1;
    return 0;
}

/* A message for one of the common mistakes at the syntax error (la at
 * loc): fills msg and hint and returns true, or returns false. */
static bool parse_common_mistake(parse_state *st, yysymbol_kind_t la, ast_loc loc, const bool *has,
                                 int n, const yysymbol_kind_t *exp, bool expr_start, strbuf *msg,
                                 strbuf *hint)
{
    char word[64], prev[64], next[64], seg[96], text[128], join[128];
    char end_ch;
    parse_token_text(st, loc, word, sizeof word);
    if (st->prev_tok == NAME || st->prev_tok == NUMBER)
        parse_token_text(st, st->prev_loc, prev, sizeof prev);
    else
        parse_word_before(st, loc.off, prev, sizeof prev);

    /* English or everyday words: `als`, `and`, `or`, `else`, `not` */
    const parse_foreign *fw = la == YYSYMBOL_NAME ? parse_foreign_word(word) : NULL;
    if (fw && (has[fw->kw] || fw->kw == YYSYMBOL_NIET)) {
        parse_word_after(st, loc.end_off, next, sizeof next);
        sb_printf(msg, "‘%s’ is geen woord van Regel: %s", word, parse_foreign_why(fw->kw));
        sb_printf(hint, "schrijf ‘%s%s%s%s%s’", prev, prev[0] ? " " : "", parse_token_word(fw->kw),
                  next[0] ? " " : "", next);
        return true;
    }
    fw = st->prev_tok == NAME ? parse_foreign_word(prev) : NULL;
    if (fw && fw->kw == YYSYMBOL_NIET && la == YYSYMBOL_NAME) {
        sb_printf(msg, "‘%s’ is geen woord van Regel: %s", prev, parse_foreign_why(fw->kw));
        sb_printf(hint, "schrijf ‘niet %s’", word);
        return true;
    }

    /* a forgotten `anders`: `x is A indien C, B` */
    if (la == YYSYMBOL_COMMA && has[YYSYMBOL_ANDERS] && !has[YYSYMBOL_COMMA]) {
        parse_word_after(st, loc.end_off, next, sizeof next);
        fw = parse_foreign_word(next);
        if (fw && fw->kw == YYSYMBOL_ANDERS) {
            size_t after = parse_word_after(st, loc.end_off, next, sizeof next);
            parse_segment(st, after, seg, sizeof seg, &end_ch);
            sb_printf(msg, "‘%s’ is geen woord van Regel: %s", next,
                      parse_foreign_why(YYSYMBOL_ANDERS));
            sb_printf(hint, "schrijf ‘, anders %s’", seg);
            return true;
        }
        parse_segment(st, loc.end_off, seg, sizeof seg, &end_ch);
        bool value = strcmp(seg, "waar") == 0 || strcmp(seg, "onwaar") == 0 ||
                     (seg[0] >= '0' && seg[0] <= '9') || seg[0] == '"' || seg[0] == '-' ||
                     strncmp(seg, "€", strlen("€")) == 0;
        if (seg[0] && (value || strstr(seg, " indien "))) {
            sb_printf(msg, "na de komma ontbreekt ‘anders’");
            sb_printf(hint, "schrijf ‘, anders %s’: elke volgende tak begint met ‘anders’", seg);
            return true;
        }
        size_t w = 0;
        while (seg[w] && parse_is_word_byte((unsigned char)seg[w]))
            w++;
        if (w > 0 && seg[w] == '\0' && end_ch == '.') {
            /* `indien b, c.`: a value for the other cases, or a second condition */
            sb_puts(msg, "na de komma ontbreekt ‘anders’, of hoort hier ‘en’ of ‘of’ in plaats "
                         "van de komma?");
            sb_printf(hint,
                      "is ‘%s’ de waarde voor alle andere gevallen, schrijf dan ‘, anders "
                      "%s’; twee voorwaarden verbindt u met ‘en’ of ‘of’: ‘%s of %s’",
                      seg, seg, prev, seg);
            return true;
        }
    }
    /* `anders is onwaar` */
    if (st->prev_tok == ANDERS && la == YYSYMBOL_IS && expr_start) {
        parse_segment(st, loc.end_off, seg, sizeof seg, &end_ch);
        sb_puts(msg, "na ‘anders’ volgt direct de waarde, zonder ‘is’");
        sb_printf(hint, "schrijf ‘anders %s’", seg);
        return true;
    }
    /* `indien C onwaar`: the comma and `anders` are both missing */
    if (has[YYSYMBOL_ANDERS] && !expr_start && (la == YYSYMBOL_WAAR || la == YYSYMBOL_ONWAAR)) {
        parse_segment(st, loc.off, seg, sizeof seg, &end_ch);
        sb_printf(msg, "vóór ‘%s’ ontbreekt ‘, anders’", word);
        sb_printf(hint, "schrijf ‘%s, anders %s’", prev, seg);
        return true;
    }

    /* `=`, `:` or `:=` in a conclusion */
    if (n == 1 && exp[0] == YYSYMBOL_IS && st->prev_tok == NAME &&
        (la == YYSYMBOL_EQ || la == YYSYMBOL_COLON)) {
        size_t after = loc.end_off;
        bool assign = la == YYSYMBOL_COLON && after < st->len && st->src[after] == '=';
        if (assign)
            after++;
        parse_word_after(st, after, next, sizeof next);
        sb_printf(msg,
                  st->in_scenario ? "in een scenario schrijft u ‘is’, niet ‘%s’"
                                  : "een conclusie schrijft u met ‘is’, niet met ‘%s’",
                  assign              ? ":="
                  : la == YYSYMBOL_EQ ? "="
                                      : ":");
        sb_printf(hint, "schrijf ‘%s is %s%s’", prev, next, next[0] ? " …" : "…");
        return true;
    }
    /* `==` */
    if (la == YYSYMBOL_EQ && st->prev_tok == EQ && st->prev_loc.end_off == loc.off) {
        parse_word_before(st, st->prev_loc.off, prev, sizeof prev);
        parse_word_after(st, loc.end_off, next, sizeof next);
        sb_puts(msg, "‘==’ kent Regel niet: gelijk schrijft u met ‘is’ (of met één ‘=’)");
        sb_printf(hint, "schrijf ‘%s is %s’", prev, next);
        return true;
    }

    /* a name of more words: `invoer ernstig ziek: waarheid`, `ernstig-ziek` */
    if (has[YYSYMBOL_COLON] && st->prev_tok == NAME &&
        (la == YYSYMBOL_NAME || la == YYSYMBOL_MINUS || parse_token_word(la)) &&
        !parse_is_type_word(la)) {
        size_t colon = parse_find_on_line(st, loc.off, ":");
        if (colon && parse_split_name(st, st->prev_loc.off, colon, text, join, sizeof text)) {
            sb_printf(msg, "een naam is één woord, maar ‘%s’ bevat %s", text,
                      parse_gap_words(text));
            sb_printf(hint, "verbind de woorden met ‘_’: ‘%s’", join);
            return true;
        }
    }
    if (n == 1 && exp[0] == YYSYMBOL_IS && st->prev_tok == NAME) {
        size_t is = parse_find_on_line(st, loc.off, " is ");
        if (is && parse_split_name(st, st->prev_loc.off, is, text, join, sizeof text)) {
            sb_printf(msg, "een naam is één woord, maar ‘%s’ bevat %s", text,
                      parse_gap_words(text));
            sb_printf(hint, "verbind de woorden met ‘_’: ‘%s is …’", join);
            return true;
        }
    }
    if (st->prev_tok == NAME && la == YYSYMBOL_NAME && !expr_start &&
        (has[YYSYMBOL_EN] || has[YYSYMBOL_OF]) && !has[YYSYMBOL_IN] && !has[YYSYMBOL_COMMA] &&
        !has[YYSYMBOL_RPAREN] && st->prev_loc.line == loc.line &&
        parse_split_name(st, st->prev_loc.off, loc.end_off, text, join, sizeof text)) {
        sb_printf(msg, "twee namen na elkaar: ‘%s’", text);
        sb_printf(hint,
                  "een naam is één woord: bedoelt u ‘%s’? Twee voorwaarden verbindt u met "
                  "‘en’ of ‘of’",
                  join);
        return true;
    }

    /* a keyword as the name of a fact or outcome */
    if (has[YYSYMBOL_NAME] && !expr_start && !has[YYSYMBOL_VERWACHT] && !has[YYSYMBOL_HEEFT] &&
        (st->prev_tok == INVOER || st->prev_tok == UITKOMST || st->prev_tok == BEGRIP ||
         st->prev_tok == PARAMETER || st->prev_tok == COMMA ||
         (st->prev_tok == STRING && has[YYSYMBOL_CITAAT]))) {
        const char *kw = parse_token_word(la);
        if (kw && kw[0] >= 'a' && kw[0] <= 'z') {
            sb_printf(msg, "‘%s’ is een vast woord van Regel en kan geen naam zijn", kw);
            sb_printf(hint,
                      "verbind het met een ander woord tot één naam, bijvoorbeeld "
                      "‘aanvraag_%s’",
                      kw);
            return true;
        }
    }

    /* numbers and money: `1 250`, `12 EUR`, `12,50 €`, `1 Maart 2022` */
    if (st->prev_tok == NUMBER && la == YYSYMBOL_NUMBER && st->prev_loc.end_off + 1 == loc.off &&
        strlen(word) == 3) {
        sb_printf(msg, "‘%s %s’ is geen getal: Regel schrijft een getal zonder spatie", prev, word);
        sb_printf(hint, "schrijf ‘%s%s’, zonder spatie of punt tussen de duizendtallen", prev,
                  word);
        return true;
    }
    if (st->prev_tok == NUMBER && la == YYSYMBOL_NAME &&
        (strcmp(word, "EUR") == 0 || strcmp(word, "eur") == 0 || strcmp(word, "Eur") == 0 ||
         strcmp(word, "Euro") == 0 || strcmp(word, "EURO") == 0 || strcmp(word, "euros") == 0)) {
        sb_printf(msg, "‘%s’ kent Regel niet: een bedrag schrijft u met ‘euro’ of ‘€’", word);
        sb_printf(hint, "schrijf ‘%s euro’ of ‘€ %s’", prev, prev);
        return true;
    }
    if (st->prev_tok == NUMBER && la == YYSYMBOL_EURO_TEKEN) {
        sb_puts(msg, "het euroteken staat vóór het bedrag, niet erachter");
        sb_printf(hint, "schrijf ‘€ %s’ of ‘%s euro’", prev, prev);
        return true;
    }
    if (st->prev_tok == NUMBER && la == YYSYMBOL_NAME && parse_month_number(word)) {
        parse_word_after(st, loc.end_off, next, sizeof next);
        char low[64];
        size_t i = 0;
        for (; word[i] && i < sizeof low - 1; i++)
            low[i] = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] - 'A' + 'a' : word[i]);
        low[i] = '\0';
        sb_printf(msg, "een maand schrijft u met een kleine letter: ‘%s’, niet ‘%s’", low, word);
        sb_printf(hint, "schrijf ‘%s %s%s%s’", prev, low, next[0] ? " " : "", next);
        return true;
    }
    return false;
}
static int yyreport_syntax_error(const yypcontext_t *ctx, parse_state *st, yyscan_t scanner)
{
    (void)scanner;
    yysymbol_kind_t la = yypcontext_token(ctx);
    ast_loc loc = *yypcontext_location(ctx);
    st->error_off = loc.off;
    if (la == YYSYMBOL_LEXERR)
        return 0; /* the scanner has reported it */

    yysymbol_kind_t exp[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, exp, YYNTOKENS);
    if (n < 0)
        n = 0;
    /* v0.5: `uitleg` may end any branch; as an optional extra it is left
     * out of the list (like `(optioneel)` after a type) */
    if (n > 1) {
        int m = 0;
        for (int i = 0; i < n; i++)
            if (exp[i] != YYSYMBOL_UITLEG)
                exp[m++] = exp[i];
        n = m;
    }

    bool has[YYNTOKENS];
    memset(has, 0, sizeof has);
    for (int i = 0; i < n; i++)
        has[exp[i]] = true;
    bool expr_start = has[YYSYMBOL_NUMBER]; /* only where an expression starts */
    bool decl_start = has[YYSYMBOL_REGEL];

    /* A declaration not ended by '.': the next declaration (or the end of
     * the file) follows where the dot was expected. Point just after the
     * previous token. */
    if (has[YYSYMBOL_DOT] && (la == YYSYMBOL_YYEOF || parse_is_decl_start(la)) &&
        (la == YYSYMBOL_YYEOF || st->prev_loc.end_line < loc.line)) {
        ast_loc at = st->prev_loc;
        at.line = at.end_line;
        at.col = at.end_col;
        at.off = at.end_off;
        char last[64];
        parse_token_text(st, st->prev_loc, last, sizeof last);
        strbuf dot_hint = STRBUF_INIT;
        if (last[0] && strlen(last) < 40 && !strchr(last, '\n'))
            sb_printf(&dot_hint, "zet een punt na ‘%s’: elke declaratie eindigt met een punt",
                      last);
        diag_report(st->d, DIAG_ERROR, at,
                    dot_hint.data ? dot_hint.data : "elke declaratie eindigt met een punt",
                    "ontbrekende ‘.’ aan het einde van de declaratie");
        sb_free(&dot_hint);
        st->error_off = UINT32_MAX; /* the keyword does start a fresh declaration */
        return 0;
    }

    strbuf msg = STRBUF_INIT;
    strbuf hint = STRBUF_INIT;
    if (parse_common_mistake(st, la, loc, has, n, exp, expr_start && st->prev_tok != MONTH, &msg,
                             &hint)) {
        diag_report(st->d, DIAG_ERROR, loc, hint.data, "%s", msg.data ? msg.data : "syntaxfout");
        sb_free(&msg);
        sb_free(&hint);
        return 0;
    }
    parse_put_unexpected(st, &msg, la, loc);

    /* What was expected, most useful first; long lists are summarised. */
    strbuf list = STRBUF_INIT;
    int n_phrases = 0;
    if (st->prev_tok == MONTH && has[YYSYMBOL_NUMBER])
        expr_start = false; /* 1 maart … : the year */
    bool after_month = st->prev_tok == MONTH && has[YYSYMBOL_NUMBER];
    /* `(` is expected without a value only after a field's type (issue 8:
     * or alone, after `extern functie naam`) */
    bool after_type = has[YYSYMBOL_LPAREN] && !expr_start && n > 1;
    /* the name of a record field or extern parameter, where keywords are
     * names too: just "een naam" (issue 8; was a list of keywords) */
    bool field_name = has[YYSYMBOL_NAME] && has[YYSYMBOL_HEEFT] && has[YYSYMBOL_CITAAT];
    if (after_month)
        parse_add_phrase(&list, &n_phrases, "een jaartal");
    if (expr_start)
        parse_add_phrase(&list, &n_phrases,
                         st->prev_tok == INDIEN                                ? "een voorwaarde"
                         : st->prev_tok == WAARVOOR || st->prev_tok == GELDT ? "een voorwaarde"
                                                                               : "een waarde");
    static const yysymbol_kind_t structural[] = {YYSYMBOL_DOT, YYSYMBOL_INDIEN, YYSYMBOL_ANDERS,
                                                 YYSYMBOL_RPAREN, YYSYMBOL_COMMA};
    for (size_t i = 0; i < sizeof structural / sizeof structural[0]; i++) {
        if (has[structural[i]]) {
            strbuf p = STRBUF_INIT;
            parse_put_expected(&p, structural[i]);
            parse_add_phrase(&list, &n_phrases, p.data ? p.data : "");
            sb_free(&p);
        }
    }
    int n_cmp = 0, n_arith = 0;
    for (int i = 0; i < n; i++) {
        yysymbol_kind_t k = exp[i];
        if (parse_is_comparison(k)) {
            if (!expr_start) /* after `is`: the value is what matters */
                n_cmp++;
        }
        else if (parse_is_arith(k) && !(expr_start && k == YYSYMBOL_MINUS))
            n_arith++;
    }
    bool summarise = n > 5;
    if (st->prev_tok == RPAREN && has[YYSYMBOL_MAANDEN] && n_phrases < 6)
        parse_add_phrase(&list, &n_phrases, "een eenheid (dagen, weken, maanden, jaren)");
    if (has[YYSYMBOL_EN] && summarise)
        parse_add_phrase(&list, &n_phrases, "‘en’");
    if (has[YYSYMBOL_OF] && summarise)
        parse_add_phrase(&list, &n_phrases, "‘of’");
    if (summarise && n_cmp > 0 && n_phrases < 4)
        parse_add_phrase(&list, &n_phrases, "een vergelijking");
    if (summarise && n_arith > 0 && n_phrases < 4)
        parse_add_phrase(&list, &n_phrases, "een rekenteken");
    for (int i = 0; i < n; i++) {
        yysymbol_kind_t k = exp[i];
        bool done = false;
        for (size_t j = 0; j < sizeof structural / sizeof structural[0]; j++)
            if (structural[j] == k)
                done = true;
        if (done || k == YYSYMBOL_YYEOF || (expr_start && parse_is_expr_start(k)) ||
            parse_is_decl_start(k))
            continue;
        if (decl_start && (k == YYSYMBOL_BELEID || k == YYSYMBOL_BRON) && st->decls->n > 0)
            continue;
        if (expr_start && (k == YYSYMBOL_EEN || parse_is_comparison(k)))
            continue;
        if (summarise && (parse_is_comparison(k) || parse_is_arith(k) || k == YYSYMBOL_EN ||
                          k == YYSYMBOL_OF || k == YYSYMBOL_FIELD || parse_is_continuation(k)))
            continue;
        if (after_month && k == YYSYMBOL_NUMBER)
            continue;
        /* v0.3: after the type of a field, `(optioneel)`, `standaard` and
         * `vraag` are optional extras; the list names what ends the field */
        if (after_type && (k == YYSYMBOL_LPAREN || k == YYSYMBOL_STANDAARD || k == YYSYMBOL_VRAAG))
            continue;
        /* v0.4: the only scenario item that starts with a name */
        if (k == YYSYMBOL_NAME && has[YYSYMBOL_VERWACHT]) {
            parse_add_phrase(&list, &n_phrases, "‘peildatum’");
            continue;
        }
        strbuf p = STRBUF_INIT;
        parse_put_expected(&p, k);
        parse_add_phrase(&list, &n_phrases, p.data ? p.data : "");
        sb_free(&p);
    }
    if (decl_start)
        parse_add_phrase(&list, &n_phrases,
                         "een declaratie (‘soort’, ‘gegeven’, ‘invoer’, ‘uitkomst’, ‘begrip’, "
                         "‘parameter’, ‘regel’, ‘uitzondering’ of ‘scenario’)");
    if (n_phrases == 0 && has[YYSYMBOL_YYEOF])
        parse_add_phrase(&list, &n_phrases, "het einde van het bestand");
    if (field_name) { /* keywords are names here */
        sb_free(&list);
        n_phrases = 0;
        parse_add_phrase(&list, &n_phrases, "een naam");
    }
    if (n_phrases > 0) {
        sb_puts(&msg, "; verwacht ");
        int seen = 0;
        const char *p = list.data;
        while (p) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            if (seen > 0)
                sb_puts(&msg, seen == n_phrases - 1 ? " of " : ", ");
            sb_append(&msg, p, len);
            seen++;
            p = nl ? nl + 1 : NULL;
        }
    }
    sb_free(&list);

    /* Hints for the common mistakes. */
    char word[64];
    const char *la_word = parse_token_word(la);
    bool la_keyword = la_word && la_word[0] >= 'a' && la_word[0] <= 'z';
    /* issue 8 hint: `extern naam(…)` or `functie naam(…)` */
    if (!hint.data && la == YYSYMBOL_NAME && decl_start) {
        parse_token_text(st, loc, word, sizeof word);
        if (strcmp(word, "extern") == 0 || strcmp(word, "functie") == 0)
            sb_puts(&hint, "een externe functie declareert u met ‘extern functie naam(p: type, "
                           "…): type.’");
    }
    if (!hint.data && la == YYSYMBOL_NAME) {
        /* A misspelt keyword: suggest among the keywords expected here. */
        parse_token_text(st, loc, word, sizeof word);
        const char *cands[YYNTOKENS];
        size_t n_c = 0;
        for (int i = 0; i < n; i++) {
            const char *w = parse_token_word(exp[i]);
            if (w && w[0] >= 'a' && w[0] <= 'z')
                cands[n_c++] = w;
        }
        const char *sug = strlen(word) >= 3 ? diag_suggest(word, cands, n_c) : NULL;
        if (sug)
            sb_printf(&hint, "bedoelde u ‘%s’?", sug);
    }
    if (!hint.data && st->prev_tok == NAME) {
        /* The name before the error may be a misspelt keyword. */
        parse_token_text(st, st->prev_loc, word, sizeof word);
        static const char *const keywords[] = {
            "beleid", "bron",   "citaat",  "soort",        "is",     "een",     "van",
            "gegeven", "heeft", "invoer",  "uitkomst",     "begrip", "regel",   "uitzondering",
            "op",     "indien", "anders",  "en",           "of",     "niet",    "waar",
            "onwaar", "groter", "kleiner", "meer",         "minder", "dan",     "ten",
            "minste", "hoogste", "waarheid", "getal",      "tekst",
            /* v0.2 */
            "parameter", "geldig", "afgerond", "waarvoor", "standaard", "samengevoegd",
            "begrensd", "aaneengesloten", "volgens", "decimalen", "rekenkundig", "bankiers",
            /* v0.3 */
            "optioneel", "bekend", "onbekend", "vraag",
            /* v0.4 */
            "scenario", "verwacht",
            /* v0.5 */
            "uitleg",
            /* issue 8 */
            "extern", "functie"};
        const char *sug = strlen(word) >= 4
                              ? diag_suggest(word, keywords, sizeof keywords / sizeof keywords[0])
                              : NULL;
        if (sug)
            sb_printf(&hint, "bedoelde u ‘%s’ in plaats van ‘%s’?", sug, word);
    }
    /* issue 8 hints */
    if (!hint.data && field_name && st->prev_tok == COMMA &&
        (la == YYSYMBOL_RPAREN || la == YYSYMBOL_DOT))
        sb_puts(&hint, la == YYSYMBOL_RPAREN ? "na de laatste parameter staat geen komma"
                                             : "na het laatste veld staat geen komma");
    if (!hint.data && n == 1 && exp[0] == YYSYMBOL_LPAREN)
        sb_puts(&hint, "de parameters van een externe functie staan tussen haakjes, ook als er "
                       "geen zijn: ‘extern functie naam(p: type, …): type.’");
    if (!hint.data && n == 1 && exp[0] == YYSYMBOL_COLON && st->prev_tok == RPAREN)
        sb_puts(&hint, "na de parameters volgt het type van het resultaat: ‘extern functie "
                       "naam(p: type, …): type.’");
    /* v0.5 hint */
    if (!hint.data && la == YYSYMBOL_INDIEN && st->prev_tok == STRING && has[YYSYMBOL_DOT] &&
        !has[YYSYMBOL_INDIEN])
        sb_puts(&hint, "‘uitleg’ staat aan het einde van een tak, na de voorwaarde: ‘x is A "
                       "indien C uitleg \"…\"’");
    /* v0.4 hints */
    if (!hint.data && st->prev_tok == NAME && has[YYSYMBOL_DATE] && la == YYSYMBOL_IS) {
        parse_token_text(st, st->prev_loc, word, sizeof word);
        if (strcmp(word, "peildatum") == 0)
            sb_puts(&hint, "schrijf ‘peildatum 1 maart 2023’ of ‘gegeven peildatum is 1 maart "
                           "2023’");
        else
            sb_printf(&hint, "een feit geeft u met ‘gegeven %s is …’, een verwachting met "
                             "‘verwacht %s is …’",
                      word, word);
    }
    if (!hint.data && la == YYSYMBOL_COMMA && has[YYSYMBOL_VERWACHT])
        sb_puts(&hint, "elke verwachting begint met ‘verwacht’: ‘verwacht a is waar verwacht b "
                       "is onwaar’");
    if (!hint.data && expr_start && st->prev_tok == IS &&
        (la == YYSYMBOL_VERWACHT || la == YYSYMBOL_SGEGEVEN || la == YYSYMBOL_DOT))
        sb_puts(&hint, "na ‘is’ volgt een waarde, bijvoorbeeld ‘gegeven werkt is waar’");
    if (!hint.data && la == YYSYMBOL_HEEFT && st->in_scenario)
        sb_puts(&hint, "begint hier een nieuwe declaratie (‘gegeven … heeft’)? Dan ontbreekt de "
                       "‘.’ aan het einde van het scenario");
    if (!hint.data && la == YYSYMBOL_DOOR && st->prev_tok == ONBEKEND)
        sb_puts(&hint, "een onbekende uitkomst is door geen regel beslist: laat ‘door regel …’ "
                       "weg");
    if (!hint.data && st->prev_tok == DOOR)
        sb_puts(&hint, "schrijf ‘door regel \"Naam van de regel\"’");
    /* v0.3 hints */
    if (!hint.data && st->prev_tok == NIET && (la == YYSYMBOL_BEKEND || la == YYSYMBOL_ONBEKEND))
        sb_puts(&hint, la == YYSYMBOL_BEKEND
                           ? "schrijf ‘… is onbekend’ in plaats van ‘… is niet bekend’"
                           : "schrijf ‘… is bekend’ in plaats van ‘… is niet onbekend’");
    if (!hint.data && la == YYSYMBOL_OPTIONEEL && !has[YYSYMBOL_OPTIONEEL])
        sb_puts(&hint, "‘(optioneel)’ staat tussen haakjes direct na het type: ‘einde: datum "
                       "(optioneel)’");
    /* v0.2 hints */
    if (!hint.data && after_month)
        sb_puts(&hint, "een datum heeft een jaartal: schrijf bijvoorbeeld ‘1 maart 2022’ of "
                       "‘2022-03-01’");
    if (!hint.data && st->prev_tok == GELDIG && has[YYSYMBOL_VANAF])
        sb_puts(&hint, "schrijf ‘geldig vanaf 1 maart 2022’, ‘geldig tot 1 maart 2022’ of "
                       "‘geldig vanaf 1 januari 2020 tot en met 28 februari 2022’");
    if (!hint.data && st->prev_tok == AFGEROND)
        sb_puts(&hint, "schrijf ‘afgerond naar beneden’, ‘afgerond naar boven’, ‘afgerond "
                       "rekenkundig’ of ‘afgerond bankiers’, eventueel gevolgd door ‘op 2 "
                       "decimalen’");
    if (!hint.data && st->prev_tok == NAAR && has[YYSYMBOL_BENEDEN])
        sb_puts(&hint, "schrijf ‘naar beneden’ of ‘naar boven’");
    if (!hint.data && has[YYSYMBOL_MAANDEN] && has[YYSYMBOL_DAGEN] && st->prev_tok == RPAREN &&
        (la == YYSYMBOL_NAME || la == YYSYMBOL_NUMBER))
        sb_puts(&hint, "een berekende duur schrijft u als ‘(n) maanden’; eenheden: dag, dagen, "
                       "week, weken, maand, maanden, jaar, jaren");
    if (!hint.data && has[YYSYMBOL_MAANDEN] && has[YYSYMBOL_EURO] && st->prev_tok == NUMBER &&
        la == YYSYMBOL_NAME)
        sb_puts(&hint, "na een getal kan een eenheid (‘2 maanden’), ‘euro’ of een maand (‘1 "
                       "maart 2022’) volgen");
    if (!hint.data && st->prev_tok == NUMBER && la == YYSYMBOL_NUMBER && has[YYSYMBOL_MONTH])
        sb_puts(&hint, "een datum schrijft u als ‘1 maart 2022’ of ‘2022-03-01’");
    if (!hint.data && has[YYSYMBOL_IN] && !has[YYSYMBOL_NAME] && la != YYSYMBOL_IN)
        sb_puts(&hint, "een selectie noemt eerst het element en dan de lijst: ‘aantal t in "
                       "toetsen waarvoor t.geslaagd’");
    if (!hint.data && has[YYSYMBOL_ELKE] && st->prev_tok == VOOR)
        sb_puts(&hint, "schrijf ‘som van t.bedrag voor elke t in lijst’ of ‘voor alle t in "
                       "lijst geldt …’");
    if (!hint.data && expr_start && (st->prev_tok == WAARVOOR || st->prev_tok == GELDT))
        sb_printf(&hint, "na ‘%s’ volgt een voorwaarde over het element, bijvoorbeeld ‘%s "
                         "t.geslaagd’",
                  st->prev_tok == WAARVOOR ? "waarvoor" : "geldt",
                  st->prev_tok == WAARVOOR ? "waarvoor" : "geldt");
    if (!hint.data && expr_start && st->prev_tok == INDIEN)
        sb_puts(&hint, "na ‘indien’ volgt de voorwaarde, bijvoorbeeld ‘indien werkt’");
    if (!hint.data && n == 1 && exp[0] == YYSYMBOL_DAN)
        sb_printf(&hint, "schrijf ‘%s dan’", parse_token_word(YYTRANSLATE(st->prev_tok)));
    if (!hint.data && has[YYSYMBOL_NAME] && !expr_start && la_keyword && !has[YYSYMBOL_VERWACHT])
        sb_printf(&hint, "‘%s’ is een vast woord van Regel en kan geen naam zijn", la_word);
    if (!hint.data && parse_is_comparison(la) && !has[la] && !has[YYSYMBOL_IS] &&
        (has[YYSYMBOL_EN] || has[YYSYMBOL_OF]))
        sb_puts(&hint, "vergelijkingen kunnen niet aan elkaar geregen worden; verbind ze met "
                       "‘en’ of ‘of’, of zet haakjes");
    if (!hint.data && n == 1 && exp[0] == YYSYMBOL_IS && st->prev_tok == NAME)
        sb_puts(&hint, "een conclusie heeft de vorm ‘naam is waarde’, bijvoorbeeld "
                       "‘toegang is waar’");
    if (!hint.data && has[YYSYMBOL_COLON] && st->prev_tok == NAME &&
        (la == YYSYMBOL_WAARHEID || la == YYSYMBOL_GETAL || la == YYSYMBOL_TEKST ||
         (la == YYSYMBOL_NAME && st->src[loc.off] >= 'A' && st->src[loc.off] <= 'Z'))) {
        char name[64];
        parse_token_text(st, st->prev_loc, name, sizeof name);
        parse_token_text(st, loc, word, sizeof word);
        sb_printf(&hint, "tussen de naam en het type staat een dubbele punt: ‘%s: %s’", name,
                  word);
    }
    if (!hint.data && has[YYSYMBOL_COLON] && st->prev_tok == NAME &&
        (la == YYSYMBOL_NAME || la_keyword))
        sb_puts(&hint, "een naam is één woord; verbind woorden met ‘_’, bijvoorbeeld "
                       "‘recht_op_premie’");
    if (!hint.data && la == YYSYMBOL_NAME && has[YYSYMBOL_STRING] &&
        (st->prev_tok == REGEL || st->prev_tok == UITZONDERING || st->prev_tok == OP))
        sb_puts(&hint, "de naam van een regel staat tussen aanhalingstekens, bijvoorbeeld "
                       "regel \"Toegang\"");

    if (!hint.data && has[YYSYMBOL_RPAREN] && !expr_start &&
        (la == YYSYMBOL_DOT || la == YYSYMBOL_YYEOF || la == YYSYMBOL_INDIEN ||
         la == YYSYMBOL_ANDERS))
        sb_puts(&hint, "er ontbreekt een ‘)’ bij een eerder ‘(’");
    if (!hint.data && n == 1 && exp[0] == YYSYMBOL_EEN && st->prev_tok == IS)
        sb_puts(&hint, "een soort somt haar waarden op: ‘soort Naam is een van a, b, c.’");
    if (!hint.data && la == YYSYMBOL_COMMA && has[YYSYMBOL_EN] && !has[YYSYMBOL_COMMA])
        sb_puts(&hint, "voorwaarden verbindt u met ‘en’ of ‘of’; een komma staat alleen in een "
                       "opsomming (‘is een van a, b’) of vóór ‘anders’");
    if (!hint.data && la == YYSYMBOL_ANDERS && has[YYSYMBOL_INDIEN])
        sb_puts(&hint, "‘anders’ volgt op een voorwaarde: ‘x is A indien C, anders B’");
    if (!hint.data && has[YYSYMBOL_DOT] && !expr_start &&
        (parse_is_decl_start(la) || la == YYSYMBOL_YYEOF))
        sb_puts(&hint, "elke declaratie eindigt met een punt");

    diag_report(st->d, DIAG_ERROR, loc, hint.data, "%s", msg.data ? msg.data : "syntaxfout");
    sb_free(&msg);
    sb_free(&hint);
    return 0;
}
