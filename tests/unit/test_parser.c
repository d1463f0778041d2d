/* test_parser.c — unit tests for the bison grammar (compiler/parser.y) and
 * parse_source: every production to the right tree shape, precedence,
 * locations, exact Dutch syntax errors and recovery. Tests only. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "parse.h"
#include "strbuf.h"

static const char *astdump_op(ast_binop op)
{
    static const char *const names[] = {"en", "of", "=", "≠", "<", "≤",
                                        ">",  "≥",  "+", "-", "*", "/"};
    return names[op];
}

static void astdump_expr(strbuf *sb, const ast_expr *e);

static const char *astdump_unit(ast_unit u)
{
    static const char *const names[] = {"dag", "week", "maand", "jaar"};
    return names[u];
}

static void astdump_day(strbuf *sb, cal_day d)
{
    char buf[11];
    cal_format_iso(d, buf);
    sb_puts(sb, buf);
}

/* v0.2 nodes: (kind operands...) */
static void astdump_expr2(strbuf *sb, const ast_expr *e)
{
    static const char *const modes[] = {"beneden", "boven", "rekenkundig", "bankiers"};
    static const char *const sels[] = {"aantal",  "som",  "minimum", "maximum",  "eerste",
                                       "laatste", "elke", "er-is",   "voor-alle"};
    switch (e->kind) {
    case EX_DATE:
        sb_puts(sb, "#");
        astdump_day(sb, e->u.date.day);
        break;
    case EX_AMOUNT:
        sb_printf(sb, "%lldct", (long long)e->u.amount.cents);
        break;
    case EX_DURATION:
        if (e->u.duration.count_expr) {
            sb_puts(sb, "(duur ");
            astdump_expr(sb, e->u.duration.count_expr);
            sb_printf(sb, " %s)", astdump_unit(e->u.duration.unit));
        } else {
            sb_printf(sb, "%lld%s", (long long)e->u.duration.count,
                      astdump_unit(e->u.duration.unit));
        }
        break;
    case EX_PARAM_AT:
        sb_printf(sb, "(%s geldig-op ", e->u.param_at.name);
        astdump_expr(sb, e->u.param_at.date);
        sb_puts(sb, ")");
        break;
    case EX_BETWEEN:
    case EX_AGE:
        sb_printf(sb, "(%s-%s ", e->kind == EX_AGE ? "leeftijd" : "tussen",
                  astdump_unit(e->u.between.unit));
        astdump_expr(sb, e->u.between.from);
        sb_puts(sb, " ");
        astdump_expr(sb, e->u.between.to);
        sb_puts(sb, ")");
        break;
    case EX_PERIOD:
        sb_puts(sb, "(periode ");
        astdump_expr(sb, e->u.period.from);
        sb_puts(sb, " ");
        astdump_expr(sb, e->u.period.until);
        sb_puts(sb, ")");
        break;
    case EX_ROUND:
        sb_printf(sb, "(afgerond-%s", modes[e->u.round.mode]);
        if (e->u.round.has_decimals)
            sb_printf(sb, "-%u", (unsigned)e->u.round.decimals);
        sb_puts(sb, " ");
        astdump_expr(sb, e->u.round.operand);
        sb_puts(sb, ")");
        break;
    case EX_BEVAT:
    case EX_DUURT:
    case EX_CLIP:
        sb_printf(sb, "(%s ",
                  e->kind == EX_BEVAT   ? "bevat"
                  : e->kind == EX_DUURT ? "duurt"
                                        : "begrensd");
        astdump_expr(sb, e->u.binary.lhs);
        sb_puts(sb, " ");
        astdump_expr(sb, e->u.binary.rhs);
        sb_puts(sb, ")");
        break;
    case EX_MERGE:
    case EX_TOTAL_DAYS:
    case EX_DAYS_OF:
    case EX_COUNT:
        sb_printf(sb, "(%s ",
                  e->kind == EX_MERGE        ? "samengevoegd"
                  : e->kind == EX_TOTAL_DAYS ? "totaal-dagen"
                  : e->kind == EX_DAYS_OF    ? "dagen-van"
                                             : "aantal");
        astdump_expr(sb, e->u.unary.operand);
        sb_puts(sb, ")");
        break;
    case EX_LONGEST:
        sb_puts(sb, "(langste ");
        astdump_expr(sb, e->u.longest.list);
        sb_puts(sb, " ");
        astdump_expr(sb, e->u.longest.dflt);
        sb_puts(sb, ")");
        break;
    case EX_SELECT:
        sb_printf(sb, "(%s %s ", sels[e->u.select.kind], e->u.select.var);
        astdump_expr(sb, e->u.select.list);
        if (e->u.select.value) {
            sb_puts(sb, " waarde=");
            astdump_expr(sb, e->u.select.value);
        }
        if (e->u.select.cond) {
            sb_puts(sb, " waarvoor=");
            astdump_expr(sb, e->u.select.cond);
        }
        if (e->u.select.key) {
            sb_puts(sb, " volgens=");
            astdump_expr(sb, e->u.select.key);
        }
        if (e->u.select.dflt) {
            sb_puts(sb, " standaard=");
            astdump_expr(sb, e->u.select.dflt);
        }
        sb_puts(sb, ")");
        break;
    case EX_KNOWN:
    case EX_UNKNOWN: /* v0.3 */
        sb_printf(sb, "(%s ", e->kind == EX_KNOWN ? "bekend" : "onbekend");
        astdump_expr(sb, e->u.unary.operand);
        sb_puts(sb, ")");
        break;
    case EX_CALL: /* issue 8 */
        sb_printf(sb, "(call %s", e->u.call.name);
        for (size_t i = 0; i < e->u.call.n_args; i++) {
            sb_puts(sb, " ");
            astdump_expr(sb, e->u.call.args[i]);
        }
        sb_puts(sb, ")");
        break;
    default:
        sb_puts(sb, "?");
        break;
    }
}

static void astdump_expr(strbuf *sb, const ast_expr *e)
{
    if (!e) {
        sb_puts(sb, "NULL");
        return;
    }
    switch (e->kind) {
    case EX_WAAR:
        sb_puts(sb, "waar");
        break;
    case EX_ONWAAR:
        sb_puts(sb, "onwaar");
        break;
    case EX_NUMBER:
        sb_printf(sb, "%s=%lld/%lld", e->u.number.text, (long long)e->u.number.value.num,
                  (long long)e->u.number.value.den);
        break;
    case EX_STRING:
        sb_printf(sb, "\"%s\"", e->u.string.s);
        break;
    case EX_NAME:
        sb_puts(sb, e->u.name.name);
        break;
    case EX_FIELD:
        sb_puts(sb, "(. ");
        astdump_expr(sb, e->u.field.rec);
        sb_printf(sb, " %s)", e->u.field.field);
        break;
    case EX_NOT:
        sb_puts(sb, "(niet ");
        astdump_expr(sb, e->u.unary.operand);
        sb_puts(sb, ")");
        break;
    case EX_NEG:
        sb_puts(sb, "(neg ");
        astdump_expr(sb, e->u.unary.operand);
        sb_puts(sb, ")");
        break;
    case EX_BINARY:
        sb_printf(sb, "(%s ", astdump_op(e->u.binary.op));
        astdump_expr(sb, e->u.binary.lhs);
        sb_puts(sb, " ");
        astdump_expr(sb, e->u.binary.rhs);
        sb_puts(sb, ")");
        break;
    case EX_IN:
        sb_puts(sb, e->u.in.negated ? "(niet-een-van " : "(een-van ");
        astdump_expr(sb, e->u.in.lhs);
        for (size_t i = 0; i < e->u.in.n_items; i++) {
            sb_puts(sb, " ");
            astdump_expr(sb, e->u.in.items[i]);
        }
        sb_puts(sb, ")");
        break;
    default:
        astdump_expr2(sb, e);
        break;
    }
}

static void astdump_type(strbuf *sb, const ast_type *t)
{
    switch (t->kind) {
    case AST_TYPE_WAARHEID:
        sb_puts(sb, "waarheid");
        break;
    case AST_TYPE_GETAL:
        sb_puts(sb, "getal");
        break;
    case AST_TYPE_TEKST:
        sb_puts(sb, "tekst");
        break;
    case AST_TYPE_NAMED:
        sb_puts(sb, t->name);
        break;
    case AST_TYPE_DATUM:
        sb_puts(sb, "datum");
        break;
    case AST_TYPE_DUUR:
        sb_puts(sb, "duur");
        break;
    case AST_TYPE_BEDRAG:
        sb_puts(sb, "bedrag");
        break;
    case AST_TYPE_PERIODE:
        sb_puts(sb, "periode");
        break;
    case AST_TYPE_LIJST:
        sb_puts(sb, "lijst<");
        astdump_type(sb, t->elem);
        sb_puts(sb, ">");
        break;
    }
}

/* " [vanaf D][ tot D(excl)]" */
static void astdump_validity(strbuf *sb, const ast_validity *v)
{
    if (v->has_from) {
        sb_puts(sb, " vanaf ");
        astdump_day(sb, v->from);
    }
    if (v->has_until) {
        sb_puts(sb, v->until_inclusive ? " tot(t/m) " : " tot ");
        astdump_day(sb, v->until);
    }
}

static void astdump_policy(strbuf *sb, const ast_policy *p)
{
    if (p->name)
        sb_printf(sb, "beleid \"%s\"\n", p->name);
    if (p->bron)
        sb_printf(sb, "bron \"%s\"\n", p->bron);
    for (size_t i = 0; i < p->n_decls; i++) {
        const ast_decl *d = &p->decls[i];
        switch (d->kind) {
        case DECL_ENUM:
            sb_printf(sb, "soort %s:", d->u.enumeration.name);
            for (size_t j = 0; j < d->u.enumeration.n_members; j++)
                sb_printf(sb, " %s", d->u.enumeration.members[j]);
            break;
        case DECL_RECORD:
            sb_printf(sb, "gegeven %s:", d->u.record.name);
            for (size_t j = 0; j < d->u.record.n_fields; j++) {
                sb_printf(sb, " %s=", d->u.record.fields[j].name);
                astdump_type(sb, &d->u.record.fields[j].type);
                if (d->u.record.fields[j].optional)
                    sb_puts(sb, "?");
            }
            break;
        case DECL_INPUT:
        case DECL_OUTCOME:
        case DECL_CONCEPT:
            sb_printf(sb, "%s %s=",
                      d->kind == DECL_INPUT     ? "invoer"
                      : d->kind == DECL_OUTCOME ? "uitkomst"
                                                : "begrip",
                      d->u.var.name);
            astdump_type(sb, &d->u.var.type);
            /* v0.3: `?` for (optioneel), then the default and the question */
            if (d->u.var.optional)
                sb_puts(sb, "?");
            if (d->u.var.dflt) {
                sb_puts(sb, " standaard=");
                astdump_expr(sb, d->u.var.dflt);
            }
            if (d->u.var.vraag)
                sb_printf(sb, " vraag=\"%s\"", d->u.var.vraag);
            break;
        case DECL_RULE: {
            const ast_rule *r = &d->u.rule;
            sb_printf(sb, "%s \"%s\"", r->is_exception ? "uitzondering" : "regel", r->name);
            if (r->parent_name)
                sb_printf(sb, " op \"%s\"", r->parent_name);
            if (r->bron)
                sb_printf(sb, " bron \"%s\"", r->bron);
            if (r->citaat)
                sb_printf(sb, " citaat \"%s\"", r->citaat);
            astdump_validity(sb, &r->validity);
            sb_printf(sb, " %s:", r->target);
            for (size_t j = 0; j < r->n_branches; j++) {
                sb_puts(sb, " [");
                astdump_expr(sb, r->branches[j].value);
                if (r->branches[j].cond) {
                    sb_puts(sb, " indien ");
                    astdump_expr(sb, r->branches[j].cond);
                }
                sb_puts(sb, "]");
            }
            break;
        }
        case DECL_PARAM: {
            const ast_param *pm = &d->u.param;
            sb_printf(sb, "parameter %s=", pm->name);
            astdump_type(sb, &pm->type);
            for (size_t j = 0; j < pm->n_versions; j++) {
                sb_puts(sb, " [");
                astdump_expr(sb, pm->versions[j].value);
                astdump_validity(sb, &pm->versions[j].validity);
                sb_puts(sb, "]");
            }
            break;
        }
        case DECL_EXTERN: { /* issue 8 */
            const ast_extern *x = &d->u.ext;
            sb_printf(sb, "extern %s(", x->name);
            for (size_t j = 0; j < x->n_params; j++) {
                sb_printf(sb, "%s%s=", j ? " " : "", x->params[j].name);
                astdump_type(sb, &x->params[j].type);
            }
            sb_puts(sb, "): ");
            astdump_type(sb, &x->result);
            break;
        }
        case DECL_SCENARIO: { /* v0.4 */
            const ast_scenario *sc = &d->u.scenario;
            sb_printf(sb, "scenario \"%s\"", sc->name);
            if (sc->case_file)
                sb_printf(sb, " uit=\"%s\"", sc->case_file);
            for (size_t j = 0; j < sc->n_facts; j++) {
                sb_printf(sb, " %s%s=", sc->facts[j].is_peildatum_item ? "!" : "",
                          sc->facts[j].name);
                astdump_expr(sb, sc->facts[j].value);
            }
            for (size_t j = 0; j < sc->n_expects; j++) {
                const ast_scen_expect *x = &sc->expects[j];
                sb_printf(sb, " verwacht %s=", x->outcome);
                if (x->unknown)
                    sb_puts(sb, "onbekend");
                else
                    astdump_expr(sb, x->value);
                if (x->rule)
                    sb_printf(sb, " door \"%s\"", x->rule);
            }
            break;
        }
        }
        sb_puts(sb, "\n");
    }
}

typedef struct parsed {
    arena *a;
    diag_ctx *d;
    ast_policy *p;
    char *tree; /* astdump of p */
    const char *diags;
    size_t errors;
} parsed;

static void parse_str(parsed *r, const char *src)
{
    r->a = arena_new(4096);
    cr_assert_not_null(r->a);
    r->d = diag_new("t.regel", src, strlen(src));
    cr_assert_not_null(r->d);
    r->p = parse_source(r->a, r->d, "t.regel", src, strlen(src));
    cr_assert_not_null(r->p);
    strbuf sb = STRBUF_INIT;
    astdump_policy(&sb, r->p);
    r->tree = sb_take(&sb);
    if (!r->tree) {
        r->tree = malloc(1);
        r->tree[0] = '\0';
    }
    r->diags = diag_text(r->d);
    r->errors = diag_error_count(r->d);
}

static void parsed_free(parsed *r)
{
    free(r->tree);
    diag_free(r->d);
    arena_free(r->a);
}

/* src must parse without errors to exactly the tree `want`. */
static void expect_tree(const char *src, const char *want)
{
    parsed r;
    parse_str(&r, src);
    cr_assert_eq(r.errors, 0, "%s\n%s", src, r.diags);
    cr_assert_str_eq(r.tree, want, "%s\nkreeg:\n%s", src, r.tree);
    parsed_free(&r);
}

/* The conclusion of a one-rule policy "regel "r" x is <src>." as a tree line. */
static void expect_expr(const char *expr, const char *want)
{
    char src[512], line[512];
    snprintf(src, sizeof src, "regel \"r\" x is %s.", expr);
    snprintf(line, sizeof line, "regel \"r\" x: [%s]\n", want);
    expect_tree(src, line);
}

/* src must give exactly these diagnostics. */
static void expect_diags(const char *src, const char *want)
{
    parsed r;
    parse_str(&r, src);
    cr_assert_str_eq(r.diags, want, "%s", src);
    parsed_free(&r);
}

/* ---- declarations ---- */

/* An empty file (or one with only comments) is an error for the whole
 * file (issue 9); a file with only `beleid` and `bron` is not empty. */
Test(parser, empty_policy)
{
    static const char *const empty[] = {"", "\n\n", "# alleen commentaar\n", "\xEF\xBB\xBF"};
    for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
        parsed r;
        parse_str(&r, empty[i]);
        cr_assert_eq(r.errors, 1, "%s", empty[i]);
        cr_assert_eq(r.p->n_decls, 0);
        cr_assert_null(r.p->name);
        cr_assert_str_eq(r.p->file, "t.regel");
        cr_assert_str_eq(r.diags,
                         "t.regel: fout: het beleid is leeg: er staat geen enkele declaratie in\n"
                         "     = hint: begin met ‘beleid \"Naam van het beleid\".’ en declareer "
                         "dan invoer, uitkomsten en regels (zie doc/handboek.md)\n");
        parsed_free(&r);
    }
    parsed r;
    parse_str(&r, "beleid \"Alleen een naam\".\n");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    parsed_free(&r);
}

Test(parser, header_with_and_without_dots)
{
    expect_tree("beleid \"Inburgering\"\nbron \"Regeerakkoord\"\n",
                "beleid \"Inburgering\"\nbron \"Regeerakkoord\"\n");
    expect_tree("beleid \"A\".\nbron \"B\".", "beleid \"A\"\nbron \"B\"\n");
    expect_tree("bron \"B\"", "bron \"B\"\n");
    parsed r;
    parse_str(&r, "beleid \"A\"");
    cr_assert_eq(r.p->name_loc.line, 1);
    cr_assert_eq(r.p->name_loc.col, 8);
    cr_assert_eq(r.p->name_loc.off, 7);
    cr_assert_eq(r.p->name_loc.end_off, 10);
    parsed_free(&r);
}

Test(parser, soort)
{
    parsed r;
    parse_str(&r, "soort Register is een van vreemdelingenregister,\n"
                  "    bevolkingsregister, geen.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    cr_assert_str_eq(r.tree, "soort Register: vreemdelingenregister bevolkingsregister geen\n");
    const ast_enum *e = &r.p->decls[0].u.enumeration;
    cr_assert_eq(r.p->decls[0].kind, DECL_ENUM);
    cr_assert_eq(e->loc.col, 7);
    cr_assert_eq(e->n_members, 3);
    cr_assert_eq(e->member_locs[1].line, 2);
    cr_assert_eq(e->member_locs[1].col, 5);
    cr_assert_eq(e->member_locs[2].col, 25);
    parsed_free(&r);
}

Test(parser, gegeven)
{
    parsed r;
    parse_str(&r, "gegeven Toets heeft niveau: Niveau, geslaagd: waarheid, score: getal,\n"
                  "  naam: tekst.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    cr_assert_str_eq(r.tree, "gegeven Toets: niveau=Niveau geslaagd=waarheid score=getal "
                             "naam=tekst\n");
    const ast_record *g = &r.p->decls[0].u.record;
    cr_assert_eq(r.p->decls[0].kind, DECL_RECORD);
    cr_assert_eq(g->n_fields, 4);
    cr_assert_eq(g->fields[0].type.kind, AST_TYPE_NAMED);
    cr_assert_eq(g->fields[0].type.loc.col, 29);
    cr_assert_eq(g->fields[3].loc.line, 2);
    cr_assert_eq(g->fields[3].loc.col, 3);
    parsed_free(&r);
}

Test(parser, invoer_uitkomst_begrip_give_one_decl_per_field)
{
    parsed r;
    parse_str(&r, "invoer a: waarheid, b: Register.\nuitkomst c: getal, d: tekst.\n"
                  "begrip e: waarheid.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    cr_assert_str_eq(r.tree, "invoer a=waarheid\ninvoer b=Register\nuitkomst c=getal\n"
                             "uitkomst d=tekst\nbegrip e=waarheid\n");
    cr_assert_eq(r.p->n_decls, 5);
    cr_assert_eq(r.p->decls[1].kind, DECL_INPUT);
    cr_assert_eq(r.p->decls[2].kind, DECL_OUTCOME);
    cr_assert_eq(r.p->decls[4].kind, DECL_CONCEPT);
    cr_assert_eq(r.p->decls[3].u.var.loc.line, 2);
    cr_assert_eq(r.p->decls[3].u.var.loc.col, 20);
    parsed_free(&r);
}

Test(parser, rule_with_meta_in_either_order)
{
    expect_tree("regel \"R\" bron \"B\" citaat \"C\" x is waar.",
                "regel \"R\" bron \"B\" citaat \"C\" x: [waar]\n");
    expect_tree("regel \"R\" citaat \"C\" bron \"B\" x is waar.",
                "regel \"R\" bron \"B\" citaat \"C\" x: [waar]\n");
    expect_tree("regel \"R\" citaat \"C\" x is waar.", "regel \"R\" citaat \"C\" x: [waar]\n");
}

Test(parser, rule_fields_and_locations)
{
    parsed r;
    parse_str(&r, "regel \"Toegang\"\n    bron \"Art. 1\"\n    toegang is waar\n"
                  "    indien a, anders onwaar.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    const ast_rule *ru = &r.p->decls[0].u.rule;
    cr_assert_eq(r.p->decls[0].kind, DECL_RULE);
    cr_assert_not(ru->is_exception);
    cr_assert_null(ru->parent_name);
    cr_assert_null(ru->citaat);
    cr_assert_str_eq(ru->bron, "Art. 1");
    cr_assert_eq(ru->bron_loc.line, 2);
    cr_assert_eq(ru->bron_loc.col, 10);
    /* the keyword up to the name */
    cr_assert_eq(ru->loc.line, 1);
    cr_assert_eq(ru->loc.col, 1);
    cr_assert_eq(ru->loc.end_col, 16);
    cr_assert_eq(ru->loc.off, 0);
    cr_assert_eq(ru->loc.end_off, 15);
    cr_assert_str_eq(ru->target, "toegang");
    cr_assert_eq(ru->target_loc.line, 3);
    cr_assert_eq(ru->target_loc.col, 5);
    cr_assert_eq(ru->n_branches, 2);
    cr_assert_eq(ru->branches[0].loc.line, 3);
    cr_assert_eq(ru->branches[0].loc.col, 16);
    cr_assert_eq(ru->branches[0].loc.end_line, 4);
    cr_assert_eq(ru->branches[0].loc.end_col, 13);
    cr_assert_null(ru->branches[1].cond);
    cr_assert_eq(ru->branches[1].value->kind, EX_ONWAAR);
    cr_assert_eq(ru->branches[1].value->loc.col, 22);
    parsed_free(&r);
}

Test(parser, exception)
{
    parsed r;
    parse_str(&r, "uitzondering \"Vrijstelling\" op \"Plicht\" bron \"B\" plicht is onwaar "
                  "indien ziek.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    cr_assert_str_eq(r.tree, "uitzondering \"Vrijstelling\" op \"Plicht\" bron \"B\" plicht: "
                             "[onwaar indien ziek]\n");
    const ast_rule *ru = &r.p->decls[0].u.rule;
    cr_assert(ru->is_exception);
    cr_assert_str_eq(ru->parent_name, "Plicht");
    cr_assert_eq(ru->parent_loc.col, 32);
    cr_assert_eq(ru->loc.end_col, 28);
    parsed_free(&r);
}

Test(parser, conclusion_branches)
{
    expect_tree("regel \"r\" x is 1.", "regel \"r\" x: [1=1/1]\n");
    expect_tree("regel \"r\" x is 1 indien a.", "regel \"r\" x: [1=1/1 indien a]\n");
    expect_tree("regel \"r\" x is 1 indien a, anders 2.",
                "regel \"r\" x: [1=1/1 indien a] [2=2/1]\n");
    expect_tree("regel \"r\" x is 1 indien a anders 2.",
                "regel \"r\" x: [1=1/1 indien a] [2=2/1]\n");
    expect_tree("regel \"r\" x is 1 indien a, anders 2 indien b, anders 3 indien c.",
                "regel \"r\" x: [1=1/1 indien a] [2=2/1 indien b] [3=3/1 indien c]\n");
    expect_tree("regel \"r\" x is 1 indien a,\n  anders 2 indien b,\n  # laatste\n  anders 3.",
                "regel \"r\" x: [1=1/1 indien a] [2=2/1 indien b] [3=3/1]\n");
}

/* ---- expressions ---- */

Test(parser, literals_and_names)
{
    expect_expr("waar", "waar");
    expect_expr("onwaar", "onwaar");
    expect_expr("0,25", "0,25=1/4");
    expect_expr("\"tekst\"", "\"tekst\"");
    expect_expr("oriëntatie", "oriëntatie");
    expect_expr("(a)", "a");
}

Test(parser, precedence)
{
    expect_expr("niet a en b of c", "(of (en (niet a) b) c)");
    expect_expr("a of b en c", "(of a (en b c))");
    expect_expr("a + b * c", "(+ a (* b c))");
    expect_expr("a * b + c", "(+ (* a b) c)");
    expect_expr("- a", "(neg a)");
    expect_expr("− a * b", "(* (neg a) b)");
    expect_expr("- - a", "(neg (neg a))");
    expect_expr("a - b - c", "(- (- a b) c)");
    expect_expr("a / b × c", "(* (/ a b) c)");
    expect_expr("(a + b) * c", "(* (+ a b) c)");
    expect_expr("niet niet a", "(niet (niet a))");
    expect_expr("niet a is b", "(niet (= a b))");
    expect_expr("a is b of c", "(of (= a b) c)");
    expect_expr("a + 1 is b * 2 en c", "(en (= (+ a 1=1/1) (* b 2=2/1)) c)");
    expect_expr("a - -1", "(- a (neg 1=1/1))");
}

Test(parser, comparisons)
{
    expect_expr("a is b", "(= a b)");
    expect_expr("a is niet b", "(≠ a b)");
    expect_expr("a = b", "(= a b)");
    expect_expr("a ≠ b", "(≠ a b)");
    expect_expr("a != b", "(≠ a b)");
    expect_expr("a <> b", "(≠ a b)");
    expect_expr("a is groter dan b", "(> a b)");
    expect_expr("a groter dan b", "(> a b)");
    expect_expr("a is meer dan b", "(> a b)");
    expect_expr("a meer dan b", "(> a b)");
    expect_expr("a > b", "(> a b)");
    expect_expr("a is kleiner dan b", "(< a b)");
    expect_expr("a kleiner dan b", "(< a b)");
    expect_expr("a is minder dan b", "(< a b)");
    expect_expr("a minder dan b", "(< a b)");
    expect_expr("a < b", "(< a b)");
    expect_expr("a is ten minste b", "(≥ a b)");
    expect_expr("a ten minste b", "(≥ a b)");
    expect_expr("a >= b", "(≥ a b)");
    expect_expr("a ≥ b", "(≥ a b)");
    expect_expr("a is ten hoogste b", "(≤ a b)");
    expect_expr("a ten hoogste b", "(≤ a b)");
    expect_expr("a <= b", "(≤ a b)");
    expect_expr("a ≤ b", "(≤ a b)");
}

Test(parser, membership)
{
    expect_expr("a is een van b", "(een-van a b)");
    expect_expr("a is een van b, c, d + 1", "(een-van a b c (+ d 1=1/1))");
    expect_expr("a is niet een van b, c", "(niet-een-van a b c)");
    expect_tree("regel \"r\" x is waar indien a is een van b, c, anders onwaar.",
                "regel \"r\" x: [waar indien (een-van a b c)] [onwaar]\n");
    expect_expr("(a is een van b, c) en d", "(en (een-van a b c) d)");
}

Test(parser, fields)
{
    expect_expr("a.b", "(. a b)");
    expect_expr("a.b.c", "(. (. a b) c)");
    expect_expr("Register.geen", "(. Register geen)");
    expect_expr("(a).b", "(. a b)");
    expect_expr("a.b + 1", "(+ (. a b) 1=1/1)");
}

Test(parser, nodes_are_initialised_for_the_checker)
{
    parsed r;
    parse_str(&r, "regel \"r\" x is a.b + 1 indien niet c is een van d.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    const ast_branch *b = &r.p->decls[0].u.rule.branches[0];
    const ast_expr *plus = b->value;
    cr_assert_eq(plus->type, -1);
    cr_assert_eq(plus->res.kind, REF_NONE);
    cr_assert_eq(plus->u.binary.lhs->type, -1);
    cr_assert_eq(plus->u.binary.lhs->u.field.rec->type, -1);
    cr_assert_eq(b->cond->type, -1);
    cr_assert_eq(b->cond->u.unary.operand->type, -1);
    cr_assert_eq(b->cond->u.unary.operand->u.in.items[0]->type, -1);
    parsed_free(&r);
}

Test(parser, expression_locations)
{
    parsed r;
    parse_str(&r, "regel \"r\" x is a.veld × 2 indien b is groter dan (c).");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    const ast_branch *b = &r.p->decls[0].u.rule.branches[0];
    const ast_expr *mul = b->value;
    /* operator nodes carry the operator's location */
    cr_assert_eq(mul->loc.col, 23);
    cr_assert_eq(mul->loc.end_col, 24);
    cr_assert_eq(mul->loc.off, 22);
    cr_assert_eq(mul->loc.end_off, 24);
    const ast_expr *f = mul->u.binary.lhs;
    cr_assert_eq(f->kind, EX_FIELD);
    cr_assert_eq(f->loc.col, 16);
    cr_assert_eq(f->loc.end_col, 22);
    cr_assert_eq(f->u.field.field_loc.col, 17);
    const ast_expr *gt = b->cond;
    cr_assert_eq(gt->loc.col, 36);
    cr_assert_eq(gt->loc.end_col, 49);
    /* a parenthesised leaf covers the parentheses */
    cr_assert_eq(gt->u.binary.rhs->loc.col, 50);
    cr_assert_eq(gt->u.binary.rhs->loc.end_col, 53);
    const ast_expr *num = mul->u.binary.rhs;
    cr_assert_eq(num->kind, EX_NUMBER);
    cr_assert_eq(num->loc.col, 25);
    parsed_free(&r);
}

Test(parser, source_need_not_be_nul_terminated)
{
    const char buf[] = "uitkomst a: getal.XXXX";
    arena *a = arena_new(1024);
    diag_ctx *d = diag_new("t.regel", buf, 18);
    ast_policy *p = parse_source(a, d, "t.regel", buf, 18);
    cr_assert_not_null(p);
    cr_assert_eq(diag_error_count(d), 0, "%s", diag_text(d));
    cr_assert_eq(p->n_decls, 1);
    diag_free(d);
    arena_free(a);
}

Test(parser, byte_order_mark_is_skipped)
{
    parsed r;
    parse_str(&r, "\xEF\xBB\xBFuitkomst a: getal.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    cr_assert_eq(r.p->decls[0].u.var.loc.col, 10);
    cr_assert_eq(r.p->decls[0].u.var.loc.off, 12);
    parsed_free(&r);
}

Test(parser, full_example)
{
    expect_tree("beleid \"Inburgering\"\n"
                "soort Register is een van vreemdelingenregister, bevolkingsregister, geen.\n"
                "invoer register: Register, werkt: waarheid.\n"
                "uitkomst toegang: waarheid.\n"
                "regel \"Toegang\"\n"
                "    bron \"Regeerakkoord\"\n"
                "    toegang is waar\n"
                "    indien register is vreemdelingenregister of register is "
                "bevolkingsregister,\n"
                "    anders onwaar.\n",
                "beleid \"Inburgering\"\n"
                "soort Register: vreemdelingenregister bevolkingsregister geen\n"
                "invoer register=Register\ninvoer werkt=waarheid\nuitkomst toegang=waarheid\n"
                "regel \"Toegang\" bron \"Regeerakkoord\" toegang: [waar indien (of (= register "
                "vreemdelingenregister) (= register bevolkingsregister))] [onwaar]\n");
}

/* ---- syntax errors ---- */

Test(parser_errors, missing_dot_at_end_of_file)
{
    expect_diags("uitkomst a: waarheid.\nregel \"r\" a is waar\n",
                 "t.regel:2:20: fout: ontbrekende ‘.’ aan het einde van de declaratie\n"
                 "   2 | regel \"r\" a is waar\n"
                 "     |                    ^\n"
                 "     = hint: zet een punt na ‘waar’: elke declaratie eindigt met een punt\n");
}

Test(parser_errors, missing_dot_before_next_declaration)
{
    parsed r;
    parse_str(&r, "invoer a: getal\n\nuitkomst b: getal.\n");
    cr_assert_eq(r.errors, 1);
    cr_assert_str_eq(
        r.diags, "t.regel:1:16: fout: ontbrekende ‘.’ aan het einde van de declaratie\n"
                 "   1 | invoer a: getal\n"
                 "     |                ^\n"
                 "     = hint: zet een punt na ‘getal’: elke declaratie eindigt met een punt\n");
    parsed_free(&r);
    expect_diags("uitkomst a: getal regel \"r\" a is 1.",
                 "t.regel:1:19: fout: onverwacht ‘regel’; verwacht ‘.’ of ‘,’\n"
                 "   1 | uitkomst a: getal regel \"r\" a is 1.\n"
                 "     |                   ^~~~~\n"
                 "     = hint: elke declaratie eindigt met een punt\n");
}

Test(parser_errors, missing_is_in_conclusion)
{
    expect_diags("regel \"r\"\n    a waar.",
                 "t.regel:2:7: fout: onverwacht ‘waar’; verwacht ‘is’\n"
                 "   2 |     a waar.\n"
                 "     |       ^~~~\n"
                 "     = hint: een conclusie heeft de vorm ‘naam is waarde’, bijvoorbeeld "
                 "‘toegang is waar’\n");
}

Test(parser_errors, indien_without_condition)
{
    expect_diags("regel \"r\" a is waar indien.",
                 "t.regel:1:27: fout: onverwacht ‘.’; verwacht een voorwaarde\n"
                 "   1 | regel \"r\" a is waar indien.\n"
                 "     |                           ^\n"
                 "     = hint: na ‘indien’ volgt de voorwaarde, bijvoorbeeld ‘indien werkt’\n");
    expect_diags("regel \"r\" a is waar indien, anders onwaar.",
                 "t.regel:1:27: fout: onverwacht ‘, anders’; verwacht een voorwaarde\n"
                 "   1 | regel \"r\" a is waar indien, anders onwaar.\n"
                 "     |                           ^~~~~~~~\n"
                 "     = hint: na ‘indien’ volgt de voorwaarde, bijvoorbeeld ‘indien werkt’\n");
}

Test(parser_errors, misspelt_keywords)
{
    expect_diags("regle \"r\" a is 1.",
                 "t.regel:1:1: fout: onverwachte naam ‘regle’; verwacht ‘beleid’, ‘bron’ of een "
                 "declaratie (‘soort’, ‘gegeven’, ‘invoer’, ‘uitkomst’, ‘begrip’, ‘parameter’, "
                 "‘regel’, ‘uitzondering’ of ‘scenario’)\n"
                 "   1 | regle \"r\" a is 1.\n"
                 "     | ^~~~~\n"
                 "     = hint: bedoelde u ‘regel’?\n");
    expect_diags("regel \"r\" a is 1 indien x is groter dam 3.",
                 "t.regel:1:37: fout: onverwachte naam ‘dam’; verwacht ‘dan’\n"
                 "   1 | regel \"r\" a is 1 indien x is groter dam 3.\n"
                 "     |                                     ^~~\n"
                 "     = hint: bedoelde u ‘dan’?\n");
    parsed r;
    parse_str(&r, "regel \"r\" a is 1 indien x is grooter dan 3.");
    cr_assert(strstr(r.diags, "hint: bedoelde u ‘groter’ in plaats van ‘grooter’?\n"), "%s",
              r.diags);
    parsed_free(&r);
}

Test(parser_errors, groter_without_dan)
{
    expect_diags("regel \"r\" a is 1 indien x is groter 18.",
                 "t.regel:1:37: fout: onverwacht getal ‘18’; verwacht ‘dan’\n"
                 "   1 | regel \"r\" a is 1 indien x is groter 18.\n"
                 "     |                                     ^~\n"
                 "     = hint: schrijf ‘groter dan’\n");
}

Test(parser_errors, chained_comparison)
{
    expect_diags("regel \"r\" a is x is 1 is 2.",
                 "t.regel:1:23: fout: onverwacht ‘is’; verwacht ‘.’, ‘indien’, ‘en’ of ‘of’\n"
                 "   1 | regel \"r\" a is x is 1 is 2.\n"
                 "     |                       ^~\n"
                 "     = hint: vergelijkingen kunnen niet aan elkaar geregen worden; verbind ze "
                 "met ‘en’ of ‘of’, of zet haakjes\n");
    expect_tree("regel \"r\" a is (x is 1) is waar.", "regel \"r\" a: [(= (= x 1=1/1) waar)]\n");
}

Test(parser_errors, anders_without_indien)
{
    expect_diags("regel \"r\" x is waar, anders onwaar.",
                 "t.regel:1:20: fout: onverwacht ‘, anders’; verwacht ‘.’, ‘indien’, ‘en’ of "
                 "‘of’\n"
                 "   1 | regel \"r\" x is waar, anders onwaar.\n"
                 "     |                    ^~~~~~~~\n"
                 "     = hint: ‘anders’ volgt op een voorwaarde: ‘x is A indien C, anders B’\n");
}

Test(parser_errors, names_are_one_word)
{
    expect_diags("uitkomst recht op premie: waarheid.",
                 "t.regel:1:16: fout: een naam is één woord, maar ‘recht op premie’ bevat "
                 "spaties\n"
                 "   1 | uitkomst recht op premie: waarheid.\n"
                 "     |                ^~\n"
                 "     = hint: verbind de woorden met ‘_’: ‘recht_op_premie’\n");
    expect_diags("invoer ernstig-ziek: waarheid.",
                 "t.regel:1:15: fout: een naam is één woord, maar ‘ernstig-ziek’ bevat een "
                 "streepje\n"
                 "   1 | invoer ernstig-ziek: waarheid.\n"
                 "     |               ^\n"
                 "     = hint: verbind de woorden met ‘_’: ‘ernstig_ziek’\n");
    /* v0.2: keywords are field names in `gegeven`, but not names of facts */
    expect_diags("invoer soort: S.",
                 "t.regel:1:8: fout: ‘soort’ is een vast woord van Regel en kan geen naam zijn\n"
                 "   1 | invoer soort: S.\n"
                 "     |        ^~~~~\n"
                 "     = hint: verbind het met een ander woord tot één naam, bijvoorbeeld "
                 "‘aanvraag_soort’\n");
}

Test(parser_errors, rule_name_needs_quotes)
{
    expect_diags("regel Toegang x is 1.",
                 "t.regel:1:7: fout: onverwachte naam ‘Toegang’; verwacht een tekst tussen "
                 "aanhalingstekens\n"
                 "   1 | regel Toegang x is 1.\n"
                 "     |       ^~~~~~~\n"
                 "     = hint: de naam van een regel staat tussen aanhalingstekens, bijvoorbeeld "
                 "regel \"Toegang\"\n");
    expect_diags("uitzondering \"a\" \"b\" x is 1.",
                 "t.regel:1:18: fout: onverwachte tekst tussen aanhalingstekens; verwacht ‘op’\n"
                 "   1 | uitzondering \"a\" \"b\" x is 1.\n"
                 "     |                  ^~~\n");
}

Test(parser_errors, unexpected_end_of_file)
{
    expect_diags("regel \"r\" x is 1 +",
                 "t.regel:1:19: fout: onverwacht einde van het bestand; verwacht een waarde\n"
                 "   1 | regel \"r\" x is 1 +\n"
                 "     |                   ^\n");
}

Test(parser_errors, lexical_errors_are_reported_once)
{
    expect_diags("regel \"r\" x is 1 @@@ 2.", "t.regel:1:18: fout: onverwacht teken ‘@’\n"
                                              "   1 | regel \"r\" x is 1 @@@ 2.\n"
                                              "     |                  ^\n");
    expect_diags("regel \"r\" x is 0.5.",
                 "t.regel:1:16: fout: getal met een decimale punt ‘0.5’; schrijf ‘0,5’\n"
                 "   1 | regel \"r\" x is 0.5.\n"
                 "     |                ^~~\n"
                 "     = hint: Regel schrijft decimalen met een komma; een punt beëindigt een "
                 "declaratie\n");
}

Test(parser_errors, header_rules)
{
    parsed r;
    parse_str(&r, "beleid \"A\"\nuitkomst a: getal.\nbeleid \"B\".\nbron \"C\".");
    cr_assert_eq(r.errors, 2, "%s", r.diags);
    cr_assert_str_eq(r.p->name, "A");
    cr_assert_null(r.p->bron);
    cr_assert(strstr(r.diags, "t.regel:3:1: fout: ‘beleid’ staat alleen bovenaan het bestand\n"));
    cr_assert(strstr(r.diags, "t.regel:4:1: fout: ‘bron’ op een onverwachte plaats\n"));
    parsed_free(&r);
    parse_str(&r, "regel \"r\" bron \"a\" bron \"b\" citaat \"c\" citaat \"d\" x is 1.");
    cr_assert_eq(r.errors, 2, "%s", r.diags);
    cr_assert(strstr(r.diags, "t.regel:1:20: fout: ‘bron’ staat twee keer in deze regel\n"));
    cr_assert(strstr(r.diags, "t.regel:1:40: fout: ‘citaat’ staat twee keer in deze regel\n"));
    cr_assert_str_eq(r.p->decls[0].u.rule.bron, "a");
    cr_assert_str_eq(r.p->decls[0].u.rule.citaat, "c");
    parsed_free(&r);
}

Test(parser_errors, recovery_reports_every_broken_declaration)
{
    parsed r;
    parse_str(&r, "regle \"a\" x is 1.\n"
                  "regel \"b\" y is 2.\n"
                  "regel \"c\" z 3.\n"
                  "uitkomst u: getal.\n"
                  "regel \"d\" w is (1.\n"
                  "invoer v: waarheid.\n");
    cr_assert_eq(r.errors, 3, "%s", r.diags);
    cr_assert(strstr(r.diags, "t.regel:1:1: fout: onverwachte naam ‘regle’"));
    cr_assert(strstr(r.diags, "t.regel:3:13: fout: onverwacht getal ‘3’; verwacht ‘is’\n"));
    cr_assert(strstr(r.diags, "t.regel:5:18: fout: onverwacht ‘.’; verwacht ‘)’, ‘en’, ‘of’ of "
                              "een vergelijking\n"));
    /* the good declarations between the errors are kept */
    cr_assert_str_eq(r.tree, "regel \"b\" y: [2=2/1]\nuitkomst u=getal\ninvoer v=waarheid\n");
    parsed_free(&r);
}

Test(parser_errors, recovery_after_missing_dot_keeps_next_declaration)
{
    parsed r;
    parse_str(&r, "invoer a: getal\nuitkomst b: getal.\nregel \"r\" b is @.\n");
    cr_assert_eq(r.errors, 2, "%s", r.diags);
    cr_assert(strstr(r.diags, "t.regel:1:16: fout: ontbrekende ‘.’"));
    cr_assert(strstr(r.diags, "t.regel:3:16: fout: onverwacht teken ‘@’"));
    cr_assert(strstr(r.tree, "uitkomst b=getal\n"), "%s", r.tree);
    parsed_free(&r);
}

Test(parser_errors, unterminated_string_keeps_following_declarations)
{
    parsed r;
    parse_str(&r, "uitkomst a: tekst.\nregel \"r\n    a is 1.\n\nregel \"s\" a is \"y\".\n");
    cr_assert_eq(r.errors, 1, "%s", r.diags);
    cr_assert(strstr(r.diags, "t.regel:2:7: fout: tekst zonder afsluitend aanhalingsteken\n"));
    cr_assert_str_eq(r.tree, "uitkomst a=tekst\nregel \"s\" a: [\"y\"]\n");
    parsed_free(&r);
}

Test(parser_errors, too_deep_nesting_is_an_error_not_a_crash)
{
    size_t depth = 5000;
    char *src = malloc(depth * 2 + 64);
    strcpy(src, "regel \"r\" x is ");
    size_t n = strlen(src);
    for (size_t i = 0; i < depth; i++)
        src[n++] = '(';
    src[n++] = '1';
    for (size_t i = 0; i < depth; i++)
        src[n++] = ')';
    strcpy(src + n, ".");
    parsed r;
    parse_str(&r, src);
    cr_assert_eq(r.errors, 1);
    cr_assert(strstr(r.diags, "fout: de expressie is te diep genest\n"), "%.200s", r.diags);
    parsed_free(&r);
    /* a few hundred levels are fine */
    n = strlen("regel \"r\" x is ");
    for (size_t i = 0; i < 300; i++)
        src[n++] = '-';
    strcpy(src + n, "1.");
    parse_str(&r, src);
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    parsed_free(&r);
    free(src);
}

Test(parser_errors, garbage_terminates_and_stops_after_many_errors)
{
    static const char *const junk[] = {
        ") ( ] , : . . . indien anders , anders is is een van",
        "regel regel regel \"\" \"\" . . uitzondering op op op",
        "soort is een van , , , . gegeven heeft : : .",
        "\"open",
        "((((((((((",
        ". . . . .",
    };
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
        parsed r;
        parse_str(&r, junk[i]);
        cr_assert_gt(r.errors, 0, "%s", junk[i]);
        parsed_free(&r);
    }
    char src[4000] = "";
    for (int i = 0; i < 120; i++)
        strcat(src, "regel \"x\" a is @.\n");
    parsed r;
    parse_str(&r, src);
    cr_assert_eq(r.errors, 50);
    cr_assert(strstr(r.diags, "opmerking: te veel fouten; de rest van het bestand is niet "
                              "gecontroleerd\n"));
    parsed_free(&r);
}

Test(parser_errors, error_right_after_missing_dot_is_reported)
{
    parsed r;
    parse_str(&r, "invoer a: getal\nregel x is 1.\n");
    cr_assert_eq(r.errors, 2, "%s", r.diags);
    cr_assert(strstr(r.diags, "t.regel:1:16: fout: ontbrekende ‘.’"));
    cr_assert(strstr(r.diags, "t.regel:2:7: fout: onverwachte naam ‘x’"));
    parsed_free(&r);
}

Test(parser_errors, no_cascade_after_error_at_a_keyword)
{
    parsed r;
    parse_str(&r, "invoer soort: S, b: getal.\nuitkomst u: getal.");
    cr_assert_eq(r.errors, 1, "%s", r.diags);
    cr_assert_str_eq(r.tree, "uitkomst u=getal\n");
    parsed_free(&r);
}

static void expect_hint(const char *src, const char *hint)
{
    parsed r;
    parse_str(&r, src);
    char want[512];
    snprintf(want, sizeof want, "= hint: %s\n", hint);
    cr_assert(strstr(r.diags, want), "%s\n%s", src, r.diags);
    parsed_free(&r);
}

Test(parser_errors, hints_for_common_mistakes)
{
    expect_hint("invoer ouderdom getal.",
                "tussen de naam en het type staat een dubbele punt: ‘ouderdom: getal’");
    expect_hint("invoer reg Register.",
                "tussen de naam en het type staat een dubbele punt: ‘reg: Register’");
    expect_hint("soort Register is vreemdelingen, geen.",
                "een soort somt haar waarden op: ‘soort Naam is een van a, b, c.’");
    expect_hint("invoer a: waarheid;", "een declaratie eindigt met een punt; tussen opgesomde "
                                       "delen staat een komma");
    expect_hint("regel \"r\" a is waar indien b, c.",
                "is ‘c’ de waarde voor alle andere gevallen, schrijf dan ‘, anders c’; twee "
                "voorwaarden verbindt u met ‘en’ of ‘of’: ‘b of c’");
    expect_hint("regel \"r\" a is waar indien b en c, onwaar.",
                "schrijf ‘, anders onwaar’: elke volgende tak begint met ‘anders’");
    expect_hint("regel \"r\" a is (1 + 2.", "er ontbreekt een ‘)’ bij een eerder ‘(’");
    expect_hint("regel \"r\" a is “x”.", "gebruik rechte aanhalingstekens: \"…\"");
}

/* ---- v0.2: time and money (spec3 §2) ---- */

Test(parser_v02, types)
{
    expect_tree("invoer a: datum, b: duur, c: bedrag, d: periode, e: lijst van periode.",
                "invoer a=datum\ninvoer b=duur\ninvoer c=bedrag\ninvoer d=periode\n"
                "invoer e=lijst<periode>\n");
    expect_tree("invoer l: lijst van lijst van Toets.", "invoer l=lijst<lijst<Toets>>\n");
    parsed r;
    parse_str(&r, "invoer l: lijst van getal.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    const ast_type *t = &r.p->decls[0].u.var.type;
    cr_assert_eq(t->kind, AST_TYPE_LIJST);
    cr_assert_eq(t->loc.col, 11);
    cr_assert_eq(t->loc.end_col, 26);
    cr_assert_eq(t->elem->kind, AST_TYPE_GETAL);
    cr_assert_eq(t->elem->loc.col, 21);
    cr_assert_null(t->elem->elem);
    parsed_free(&r);
}

Test(parser_v02, keywords_as_record_fields)
{
    expect_tree("gegeven Toetsafname heeft soort: Toetssoort, datum: datum, geslaagd: waarheid.",
                "gegeven Toetsafname: soort=Toetssoort datum=datum geslaagd=waarheid\n");
    expect_tree("gegeven P heeft van: datum, tot: datum, maart: getal, in: tekst.",
                "gegeven P: van=datum tot=datum maart=getal in=tekst\n");
    /* `, anders` and `, standaard` are single tokens */
    parsed r;
    parse_str(&r, "gegeven P heeft a: getal, anders: tekst,\n  standaard: getal.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    cr_assert_str_eq(r.tree, "gegeven P: a=getal anders=tekst standaard=getal\n");
    const ast_field *f = r.p->decls[0].u.record.fields;
    cr_assert_eq(f[1].loc.line, 1);
    cr_assert_eq(f[1].loc.col, 27);
    cr_assert_eq(f[1].loc.end_col, 33);
    cr_assert_eq(f[2].loc.line, 2);
    cr_assert_eq(f[2].loc.col, 3);
    parsed_free(&r);
    /* keywords after a dot are fields */
    expect_expr("t.van + t.datum.tot", "(+ (. t van) (. (. t datum) tot))");
    expect_expr("t.soort", "(. t soort)");
}

Test(parser_v02, date_literals)
{
    expect_expr("2022-03-01", "#2022-03-01");
    expect_expr("1 maart 2022", "#2022-03-01");
    expect_expr("29 februari 2024", "#2024-02-29");
    expect_expr("31 december 9999", "#9999-12-31");
    expect_expr("1 januari 1", "#0001-01-01");
    parsed r;
    parse_str(&r, "regel \"r\" x is 1 maart 2022 + 2022-03-01.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    const ast_expr *plus = r.p->decls[0].u.rule.branches[0].value;
    const ast_expr *a = plus->u.binary.lhs, *b = plus->u.binary.rhs;
    cr_assert_eq(a->kind, EX_DATE);
    cr_assert_eq(a->loc.col, 16);
    cr_assert_eq(a->loc.end_col, 28);
    cr_assert_eq(a->loc.off, 15);
    cr_assert_eq(a->loc.end_off, 27);
    cr_assert_eq(b->kind, EX_DATE);
    cr_assert_eq(b->loc.col, 31);
    cr_assert_eq(b->loc.end_col, 41);
    cr_assert_eq(a->u.date.day, b->u.date.day);
    cr_assert_eq(a->type, -1);
    parsed_free(&r);
}

Test(parser_v02, invalid_written_dates)
{
    parsed r;
    parse_str(&r, "regel \"r\" x is 30 februari 2023.");
    cr_assert_eq(r.errors, 1);
    cr_assert(strstr(r.diags, "t.regel:1:16: fout: ongeldige datum ‘30 februari 2023’: februari "
                              "2023 heeft 28 dagen\n"),
              "%s", r.diags);
    parsed_free(&r);
    parse_str(&r, "regel \"r\" x is 0 mei 2023 + 1 mei 0 + 1,5 mei 2020.");
    cr_assert_eq(r.errors, 3, "%s", r.diags);
    cr_assert(strstr(r.diags, "ongeldige datum ‘0 mei 2023’: er is geen dag 0\n"), "%s", r.diags);
    cr_assert(strstr(r.diags, "ongeldige datum ‘1 mei 0’: het jaar moet tussen 1 en 9999 "
                              "liggen\n"),
              "%s", r.diags);
    cr_assert(strstr(r.diags, "ongeldige datum ‘1,5 mei 2020’: dag en jaar zijn gehele "
                              "getallen\n"),
              "%s", r.diags);
    parsed_free(&r);
}

Test(parser_v02, date_without_year)
{
    expect_diags("regel \"r\" x is 1 maart.",
                 "t.regel:1:23: fout: onverwacht ‘.’; verwacht een jaartal\n"
                 "   1 | regel \"r\" x is 1 maart.\n"
                 "     |                       ^\n"
                 "     = hint: een datum heeft een jaartal: schrijf bijvoorbeeld ‘1 maart 2022’ "
                 "of ‘2022-03-01’\n");
}

Test(parser_v02, amounts)
{
    expect_expr("90 euro", "9000ct");
    expect_expr("12,5 euro", "1250ct");
    expect_expr("€ 0,05", "5ct");
    expect_expr("€12,50", "1250ct");
    expect_expr("- 5 euro", "(neg 500ct)");
    expect_expr("2 × 90 euro", "(* 2=2/1 9000ct)");
    parsed r;
    parse_str(&r, "regel \"r\" x is 12,50 euro.");
    const ast_expr *e = r.p->decls[0].u.rule.branches[0].value;
    cr_assert_eq(e->kind, EX_AMOUNT);
    cr_assert_str_eq(e->u.amount.text, "12,50");
    cr_assert_eq(e->loc.col, 16);
    cr_assert_eq(e->loc.end_col, 26);
    parsed_free(&r);
    parse_str(&r, "regel \"r\" x is 12,505 euro + € 0,001.");
    cr_assert_eq(r.errors, 2, "%s", r.diags);
    cr_assert(strstr(r.diags, "t.regel:1:16: fout: bedrag ‘12,505 euro’ heeft meer dan 2 "
                              "decimalen\n"),
              "%s", r.diags);
    parsed_free(&r);
}

Test(parser_v02, durations)
{
    expect_expr("1 dag", "1dag");
    expect_expr("10 dagen", "10dag");
    expect_expr("1 week + 3 weken", "(+ 1week 3week)");
    expect_expr("1 maand - 2 maanden", "(- 1maand 2maand)");
    expect_expr("1 jaar + 2 jaren", "(+ 1jaar 2jaar)");
    expect_expr("(n) maanden", "(duur n maand)");
    expect_expr("(n + 1) jaar", "(duur (+ n 1=1/1) jaar)");
    expect_expr("d + (n) dagen", "(+ d (duur n dag))");
    expect_expr("(n)", "n");
    parsed r;
    parse_str(&r, "regel \"r\" x is 1,5 maand.");
    cr_assert_eq(r.errors, 1);
    cr_assert(strstr(r.diags, "fout: een duur is een geheel aantal maanden, niet ‘1,5’\n"), "%s",
              r.diags);
    parsed_free(&r);
}

Test(parser_v02, parameter_at_and_calendar_forms)
{
    expect_expr("vergoeding geldig op t.datum", "(vergoeding geldig-op (. t datum))");
    expect_expr("vergoeding geldig op 1 maart 2022 * 2",
                "(* (vergoeding geldig-op #2022-03-01) 2=2/1)");
    expect_expr("dagen tussen a en b", "(tussen-dag a b)");
    expect_expr("maanden tussen a en b + 1 maand", "(tussen-maand a (+ b 1maand))");
    expect_expr("jaren tussen a.van en b", "(tussen-jaar (. a van) b)");
    expect_expr("leeftijd van g op peildatum", "(leeftijd-jaar g peildatum)");
    expect_expr("leeftijd van g op p is ten minste 18", "(≥ (leeftijd-jaar g p) 18=18/1)");
    expect_expr("dagen tussen a en b en c", "(en (tussen-dag a b) c)");
    expect_expr("periode van a tot b", "(periode a b)");
    expect_expr("periode vanaf a", "(periode a NULL)");
    expect_expr("periode vanaf a + 1 jaar", "(periode (+ a 1jaar) NULL)");
}

Test(parser_v02, rounding_precedence)
{
    expect_expr("a afgerond naar beneden", "(afgerond-beneden a)");
    expect_expr("a afgerond naar boven", "(afgerond-boven a)");
    expect_expr("a afgerond rekenkundig op 2 decimalen", "(afgerond-rekenkundig-2 a)");
    expect_expr("a afgerond bankiers op 1 decimaal", "(afgerond-bankiers-1 a)");
    expect_expr("a afgerond bankiers op 0 decimalen", "(afgerond-bankiers-0 a)");
    /* arithmetic binds tighter than afgerond, afgerond tighter than comparison */
    expect_expr("a + b * c afgerond rekenkundig", "(afgerond-rekenkundig (+ a (* b c)))");
    expect_expr("a * 2 afgerond naar beneden is groter dan b + 1 afgerond naar boven",
                "(> (afgerond-beneden (* a 2=2/1)) (afgerond-boven (+ b 1=1/1)))");
    expect_expr("a afgerond rekenkundig is b en c", "(en (= (afgerond-rekenkundig a) b) c)");
    expect_expr("(a afgerond rekenkundig) * 2", "(* (afgerond-rekenkundig a) 2=2/1)");
    expect_expr("a is een van b afgerond bankiers, c", "(een-van a (afgerond-bankiers b) c)");
    parsed r;
    parse_str(&r, "regel \"r\" x is a * b afgerond rekenkundig op 2 decimalen.");
    const ast_expr *e = r.p->decls[0].u.rule.branches[0].value;
    cr_assert_eq(e->kind, EX_ROUND);
    cr_assert_eq(e->loc.col, 22); /* the operator words */
    cr_assert_eq(e->loc.end_col, 57);
    cr_assert_eq(e->u.round.decimals_loc.col, 46);
    parsed_free(&r);
    parse_str(&r, "regel \"r\" x is a afgerond op 2 decimalen.");
    cr_assert_eq(r.errors, 1);
    cr_assert(strstr(r.diags, "fout: onverwacht ‘op’; verwacht ‘naar’, ‘rekenkundig’ of "
                              "‘bankiers’\n"),
              "%s", r.diags);
    parsed_free(&r);
    parse_str(&r, "regel \"r\" x is (a afgerond rekenkundig op 2 decimaal) + (a afgerond "
                  "bankiers op 1,5 decimalen).");
    cr_assert_eq(r.errors, 2, "%s", r.diags);
    cr_assert(strstr(r.diags, "fout: schrijf ‘2 decimalen’\n"), "%s", r.diags);
    cr_assert(strstr(r.diags, "fout: afronden kan op 0 tot en met 18 decimalen, niet op ‘1,5’\n"),
              "%s", r.diags);
    parsed_free(&r);
}

Test(parser_v02, period_operations)
{
    expect_expr("p bevat d", "(bevat p d)");
    expect_expr("p bevat d + 1 dag en q", "(en (bevat p (+ d 1dag)) q)");
    expect_expr("p duurt ten minste 2 maanden", "(duurt p 2maand)");
    expect_expr("niet p duurt ten minste 1 jaar of q", "(of (niet (duurt p 1jaar)) q)");
    expect_expr("l samengevoegd", "(samengevoegd l)");
    expect_expr("l samengevoegd begrensd tot p", "(begrensd (samengevoegd l) p)");
    expect_expr("l begrensd tot periode van a tot b", "(begrensd l (periode a b))");
    expect_expr("l begrensd tot p samengevoegd", "(samengevoegd (begrensd l p))");
    expect_expr("totaal aantal dagen van l samengevoegd", "(totaal-dagen (samengevoegd l))");
    expect_expr("aantal dagen van p", "(dagen-van p)");
    expect_expr("aantal dagen van p + 1", "(+ (dagen-van p) 1=1/1)");
    expect_expr("langste aaneengesloten periode van l, standaard p", "(langste l p)");
    expect_expr("langste aaneengesloten periode van l standaard periode vanaf d",
                "(langste l (periode d NULL))");
    expect_expr("langste aaneengesloten periode van l", "(langste l NULL)");
}

Test(parser_v02, selections)
{
    expect_expr("aantal l", "(aantal l)");
    expect_expr("aantal t.toetsen", "(aantal (. t toetsen))");
    expect_expr("aantal l + 1", "(+ (aantal l) 1=1/1)");
    expect_expr("aantal t in l", "(aantal t l)");
    expect_expr("aantal t in l waarvoor t.geslaagd", "(aantal t l waarvoor=(. t geslaagd))");
    expect_expr("som van t.bedrag voor elke t in l", "(som t l waarde=(. t bedrag))");
    expect_expr("som van t.a * 2 voor elke t in l waarvoor t.b is 1",
                "(som t l waarde=(* (. t a) 2=2/1) waarvoor=(= (. t b) 1=1/1))");
    expect_expr("minimum van t.datum voor elke t in l, standaard 1 maart 2022",
                "(minimum t l waarde=(. t datum) standaard=#2022-03-01)");
    expect_expr("maximum van t.datum voor elke t in l waarvoor t.geslaagd, standaard d",
                "(maximum t l waarde=(. t datum) waarvoor=(. t geslaagd) standaard=d)");
    /* a missing standaard is the checker's error, not a syntax error */
    expect_expr("minimum van t.datum voor elke t in l", "(minimum t l waarde=(. t datum))");
    expect_expr("eerste t in l volgens t.datum, standaard d",
                "(eerste t l volgens=(. t datum) standaard=d)");
    expect_expr("laatste t in l waarvoor t.geslaagd volgens t.datum, standaard d",
                "(laatste t l waarvoor=(. t geslaagd) volgens=(. t datum) standaard=d)");
    expect_expr("(laatste t in l volgens t.datum, standaard d).datum",
                "(. (laatste t l volgens=(. t datum) standaard=d) datum)");
    expect_expr("elke t in l waarvoor t.geslaagd", "(elke t l waarvoor=(. t geslaagd))");
    expect_expr("er is een t in l waarvoor t.geslaagd", "(er-is t l waarvoor=(. t geslaagd))");
    expect_expr("voor alle t in l geldt t.geslaagd", "(voor-alle t l waarvoor=(. t geslaagd))");
    expect_expr("aantal elke t in l waarvoor t.a", "(aantal (elke t l waarvoor=(. t a)))");
    parsed r;
    parse_str(&r, "regel \"r\" x is aantal toets in toetsen waarvoor toets.geslaagd.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    const ast_expr *e = r.p->decls[0].u.rule.branches[0].value;
    cr_assert_eq(e->kind, EX_SELECT);
    cr_assert_eq(e->u.select.kind, SEL_COUNT);
    cr_assert_str_eq(e->u.select.var, "toets");
    cr_assert_eq(e->u.select.var_loc.col, 23);
    cr_assert_eq(e->u.select.var_loc.end_col, 28);
    cr_assert_eq(e->loc.col, 16);
    cr_assert_eq(e->loc.end_col, 63);
    cr_assert_null(e->u.select.value);
    cr_assert_null(e->u.select.key);
    cr_assert_null(e->u.select.dflt);
    cr_assert_eq(e->u.select.cond->type, -1);
    parsed_free(&r);
}

Test(parser_v02, conditions_extend_as_far_as_possible)
{
    /* the condition takes everything, like `indien` */
    expect_expr("aantal t in l waarvoor t.a en t.b is 3",
                "(aantal t l waarvoor=(en (. t a) (= (. t b) 3=3/1)))");
    expect_expr("aantal t in l waarvoor t.a is groter dan 2",
                "(aantal t l waarvoor=(> (. t a) 2=2/1))");
    expect_expr("er is een t in l waarvoor t.a of b", "(er-is t l waarvoor=(of (. t a) b))");
    expect_expr("voor alle t in l geldt t.a en b", "(voor-alle t l waarvoor=(en (. t a) b))");
    /* parentheses end it */
    expect_expr("(aantal t in l waarvoor t.a) is groter dan 2",
                "(> (aantal t l waarvoor=(. t a)) 2=2/1)");
    expect_expr("(er is een t in l waarvoor t.a) of b", "(of (er-is t l waarvoor=(. t a)) b)");
    /* the dangling `waarvoor` belongs to the innermost selection */
    expect_expr("aantal t in elke u in l waarvoor u.a", "(aantal t (elke u l waarvoor=(. u a)))");
    expect_expr("aantal t in aantal u in l waarvoor u.a",
                "(aantal t (aantal u l waarvoor=(. u a)))");
    expect_expr("aantal t in (aantal u in l) waarvoor t.a",
                "(aantal t (aantal u l) waarvoor=(. t a))");
    /* ... and so does a dangling `standaard` */
    expect_expr("minimum van t.a voor elke t in langste aaneengesloten periode van l, standaard "
                "d",
                "(minimum t (langste l d) waarde=(. t a))");
    /* the default is a sum: it extends too */
    expect_expr("eerste t in l volgens t.d, standaard a + 1 is b",
                "(= (eerste t l volgens=(. t d) standaard=(+ a 1=1/1)) b)");
    /* a conclusion with a selection still takes `indien` and `anders` */
    expect_tree("regel \"r\" x is aantal t in l waarvoor t.a indien b, anders 0.",
                "regel \"r\" x: [(aantal t l waarvoor=(. t a)) indien b] [0=0/1]\n");
    expect_tree("regel \"r\" x is elke t in l waarvoor t.a is een van b, c indien e, anders d.",
                "regel \"r\" x: [(elke t l waarvoor=(een-van (. t a) b c)) indien e] [d]\n");
}

Test(parser_v02, parameters)
{
    expect_tree("parameter toetsvergoeding: bedrag is 0 euro geldig tot 1 maart 2022, is 90 euro "
                "geldig vanaf 1 maart 2022.",
                "parameter toetsvergoeding=bedrag [0ct tot 2022-03-01] [9000ct vanaf "
                "2022-03-01]\n");
    expect_tree("parameter g: getal is 5.", "parameter g=getal [5=5/1]\n");
    expect_tree("parameter g: getal is 5 geldig vanaf 2020-01-01 tot 2021-01-01, is 6 geldig "
                "vanaf 2021-01-01 tot en met 2021-12-31, is 7 geldig tot en met 2019-12-31.",
                "parameter g=getal [5=5/1 vanaf 2020-01-01 tot 2021-01-01] [6=6/1 vanaf "
                "2021-01-01 tot(t/m) 2022-01-01] [7=7/1 tot(t/m) 2020-01-01]\n");
    expect_tree("parameter a: tekst is \"x\", is waar, is onwaar, is 2022-01-01, is 2 maanden, "
                "is € 1, is lid.",
                "parameter a=tekst [\"x\"] [waar] [onwaar] [#2022-01-01] [2maand] [100ct] "
                "[lid]\n");
    parsed r;
    parse_str(&r, "parameter p: duur is 3 weken geldig vanaf 1 januari 2020 tot 2020-02-01.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    const ast_param *pm = &r.p->decls[0].u.param;
    cr_assert_eq(r.p->decls[0].kind, DECL_PARAM);
    cr_assert_eq(pm->loc.col, 11);
    cr_assert_eq(pm->type.kind, AST_TYPE_DUUR);
    cr_assert_eq(pm->n_versions, 1);
    const ast_param_version *v = &pm->versions[0];
    cr_assert_eq(v->loc.col, 19);
    cr_assert_eq(v->loc.end_col, 72);
    cr_assert(v->validity.has_from && v->validity.has_until && !v->validity.until_inclusive);
    cr_assert_eq(v->validity.from, cal_from_ymd(2020, 1, 1));
    cr_assert_eq(v->validity.until, cal_from_ymd(2020, 2, 1));
    cr_assert_eq(v->validity.from_loc.col, 43);
    cr_assert_eq(v->validity.until_loc.col, 62);
    cr_assert_eq(v->validity.loc.col, 30);
    parsed_free(&r);
}

Test(parser_v02, rule_validity)
{
    expect_tree("regel \"X\" geldig vanaf 1 maart 2022 x is 1.",
                "regel \"X\" vanaf 2022-03-01 x: [1=1/1]\n");
    expect_tree("regel \"X\" geldig tot 2022-03-01 bron \"b\" x is 1.",
                "regel \"X\" bron \"b\" tot 2022-03-01 x: [1=1/1]\n");
    expect_tree("uitzondering \"E\" op \"X\" geldig vanaf 2020-01-01 tot en met 31 december 2021 "
                "x is 2.",
                "uitzondering \"E\" op \"X\" vanaf 2020-01-01 tot(t/m) 2022-01-01 x: [2=2/1]\n");
    parsed r;
    parse_str(&r, "regel \"X\" x is 1.");
    cr_assert(!r.p->decls[0].u.rule.validity.has_from);
    cr_assert(!r.p->decls[0].u.rule.validity.has_until);
    parsed_free(&r);
    /* an empty validity */
    parse_str(&r, "regel \"X\" geldig vanaf 2022-03-01 tot 2022-03-01 x is 1.");
    cr_assert_eq(r.errors, 1, "%s", r.diags);
    cr_assert(strstr(r.diags, "t.regel:1:11: fout: lege geldigheid: er is geen dag vanaf 1 maart "
                              "2022 tot 1 maart 2022\n"),
              "%s", r.diags);
    cr_assert(strstr(r.diags, "bedoelt u ‘tot en met’?"), "%s", r.diags);
    parsed_free(&r);
    /* tot en met the last day of the calendar */
    parse_str(&r, "regel \"X\" geldig tot en met 9999-12-31 x is 1.");
    cr_assert_eq(r.errors, 1, "%s", r.diags);
    cr_assert(strstr(r.diags, "fout: datum buiten het bereik 1-9999\n"), "%s", r.diags);
    parsed_free(&r);
}

Test(parser_v02, geldig_needs_vanaf_or_tot)
{
    expect_diags("regel \"X\" geldig 2022-03-01 x is 1.",
                 "t.regel:1:18: fout: onverwachte datum ‘2022-03-01’; verwacht ‘vanaf’ of "
                 "‘tot’\n"
                 "   1 | regel \"X\" geldig 2022-03-01 x is 1.\n"
                 "     |                  ^~~~~~~~~~\n"
                 "     = hint: schrijf ‘geldig vanaf 1 maart 2022’, ‘geldig tot 1 maart 2022’ of "
                 "‘geldig vanaf 1 januari 2020 tot en met 28 februari 2022’\n");
}

Test(parser_v02, error_messages_name_new_tokens)
{
    parsed r;
    parse_str(&r, "regel \"r\" x is aantal t l.");
    cr_assert(strstr(r.diags, "fout: onverwachte naam ‘l’; verwacht "), "%s", r.diags);
    parsed_free(&r);
    parse_str(&r, "regel \"r\" x is som van t.a voor t in l.");
    cr_assert(strstr(r.diags, "fout: onverwachte naam ‘t’; verwacht ‘elke’\n"), "%s", r.diags);
    parsed_free(&r);
    parse_str(&r, "regel \"r\" x is eerste t in l, standaard d.");
    cr_assert(strstr(r.diags, "fout: onverwacht ‘, standaard’; verwacht ‘waarvoor’ of "
                              "‘volgens’\n"),
              "%s", r.diags);
    parsed_free(&r);
    parse_str(&r, "regel \"r\" x is aantal t in l waarvoor.");
    cr_assert(strstr(r.diags, "fout: onverwacht ‘.’; verwacht een voorwaarde\n"), "%s", r.diags);
    cr_assert(strstr(r.diags, "hint: na ‘waarvoor’ volgt een voorwaarde over het element"), "%s",
              r.diags);
    parsed_free(&r);
    parse_str(&r, "regel \"r\" x is d + (n) mnd.");
    cr_assert(strstr(r.diags, "een eenheid (dagen, weken, maanden, jaren)"), "%s", r.diags);
    cr_assert(strstr(r.diags, "hint: een berekende duur schrijft u als ‘(n) maanden’"), "%s",
              r.diags);
    parsed_free(&r);
    parse_str(&r, "regel \"r\" x is (n) maandn.");
    cr_assert(strstr(r.diags, "hint: bedoelde u ‘maand’?"), "%s", r.diags);
    parsed_free(&r);
    parse_str(&r, "parameter p: bedrag is 5 euro geldig vanaf 2022-01-01 is 6 euro.");
    cr_assert(strstr(r.diags, "fout: onverwacht ‘is’; verwacht "), "%s", r.diags);
    parsed_free(&r);
    parse_str(&r, "regel \"r\" x is d afgerond naar voren.");
    cr_assert(strstr(r.diags, "verwacht ‘beneden’ of ‘boven’\n"), "%s", r.diags);
    cr_assert(strstr(r.diags, "hint: schrijf ‘naar beneden’ of ‘naar boven’\n"), "%s", r.diags);
    parsed_free(&r);
    /* declaration keywords after a dot are not fields */
    parse_str(&r, "uitkomst a: getal.regel \"r\" a is 1.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    parsed_free(&r);
    parse_str(&r, "uitkomst a: getal.parameter p: getal is 1.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    parsed_free(&r);
}

Test(parser_v02, v01_precedence_unchanged)
{
    /* the precedence declarations only settle the new forms */
    expect_expr("a + b * c - d / e", "(- (+ a (* b c)) (/ d e))");
    expect_expr("a is b en c of d", "(of (en (= a b) c) d)");
    expect_expr("- a.b * c", "(* (neg (. a b)) c)");
    expect_expr("a is een van b, c en d", "(en (een-van a b c) d)");
}

/* ------------------------------------------------------------ v0.3 */

Test(parser_v03, optioneel_on_every_kind_of_field)
{
    expect_tree("gegeven G heeft a: datum (optioneel), b: getal, anders: tekst (optioneel).\n"
                "invoer x: datum (optioneel), y: lijst van periode (optioneel).\n"
                "uitkomst u: bedrag (optioneel).\nbegrip k: G (optioneel).",
                "gegeven G: a=datum? b=getal anders=tekst?\n"
                "invoer x=datum?\ninvoer y=lijst<periode>?\n"
                "uitkomst u=bedrag?\nbegrip k=G?\n");
}

Test(parser_v03, standaard_and_vraag_on_invoer)
{
    expect_tree("invoer ernstig_ziek: waarheid standaard onwaar,\n"
                "       werkt: waarheid vraag \"Werkt u momenteel?\",\n"
                "       d: datum (optioneel) standaard geen vraag \"Datum?\",\n"
                "       r: Register standaard Register.geen,\n"
                "       n: getal standaard -2, b: bedrag standaard 12,50 euro,\n"
                "       t: datum standaard 1 maart 2022.",
                "invoer ernstig_ziek=waarheid standaard=onwaar\n"
                "invoer werkt=waarheid vraag=\"Werkt u momenteel?\"\n"
                "invoer d=datum? standaard=geen vraag=\"Datum?\"\n"
                "invoer r=Register standaard=(. Register geen)\n"
                "invoer n=getal standaard=(neg 2=2/1)\n"
                "invoer b=bedrag standaard=1250ct\n"
                "invoer t=datum standaard=#2022-03-01\n");
}

Test(parser_v03, standaard_and_vraag_only_on_invoer)
{
    parsed r;
    parse_str(&r, "uitkomst u: getal standaard 0.\nbegrip b: getal vraag \"x?\".");
    cr_assert_eq(r.errors, 2, "%s", r.diags);
    cr_assert(strstr(r.diags, "t.regel:1:29: fout: alleen een invoer kan een ‘standaard’ "
                              "hebben\n"),
              "%s", r.diags);
    cr_assert(strstr(r.diags, "t.regel:2:17: fout: alleen een invoer kan een ‘vraag’ hebben: "
                              "naar een begrip wordt niet gevraagd\n"),
              "%s", r.diags);
    cr_assert(strstr(r.tree, "uitkomst u=getal\n"), "%s", r.tree);
    parsed_free(&r);
}

Test(parser_v03, is_bekend_and_is_onbekend)
{
    expect_expr("a is bekend", "(bekend a)");
    expect_expr("a.b is onbekend en c", "(en (onbekend (. a b)) c)");
    expect_expr("niet a + 1 is bekend", "(niet (bekend (+ a 1=1/1)))");
    expect_expr("a is geen", "(= a geen)");
    expect_expr("a is niet geen", "(≠ a geen)");
}

Test(parser_v03, location_of_is_bekend)
{
    parsed r;
    parse_str(&r, "regel \"r\" x is a is onbekend.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    const ast_expr *v = r.p->decls[0].u.rule.branches[0].value;
    cr_assert_eq(v->kind, EX_UNKNOWN);
    cr_assert_eq(v->loc.col, 18);
    cr_assert_eq(v->loc.end_col, 29);
    parsed_free(&r);
}

Test(parser_v03, syntax_errors)
{
    expect_diags("invoer a: getal (optionel).",
                 "t.regel:1:18: fout: onverwachte naam ‘optionel’; verwacht ‘niet’ of "
                 "‘optioneel’\n"
                 "   1 | invoer a: getal (optionel).\n"
                 "     |                  ^~~~~~~~\n"
                 "     = hint: bedoelde u ‘optioneel’?\n");
    /* the default before the question, both before the comma */
    parsed r;
    parse_str(&r, "invoer a: getal vraag \"x?\" standaard 0.");
    cr_assert_geq(r.errors, 1, "%s", r.diags);
    cr_assert(strstr(r.diags, "fout: onverwacht ‘standaard’"), "%s", r.diags);
    parsed_free(&r);
    /* `, standaard` would be a new field */
    parse_str(&r, "invoer a: waarheid, standaard onwaar.");
    cr_assert_eq(r.errors, 1, "%s", r.diags);
    parsed_free(&r);
    /* a default is a literal, not an expression */
    parse_str(&r, "invoer a: getal standaard 1 + 2.");
    cr_assert_eq(r.errors, 1, "%s", r.diags);
    cr_assert(strstr(r.diags, "onverwacht ‘+’"), "%s", r.diags);
    parsed_free(&r);
}

Test(parser_v03, new_keywords_are_field_names)
{
    expect_tree("gegeven G heeft vraag: tekst, bekend: getal, onbekend: getal, optioneel: getal.",
                "gegeven G: vraag=tekst bekend=getal onbekend=getal optioneel=getal\n");
    expect_expr("g.bekend is onbekend", "(onbekend (. g bekend))");
}

/* ---- v0.4: scenarios ---- */

Test(parser_v04, scenario_with_every_item)
{
    expect_tree("scenario \"Wachtregister geeft geen toegang\"\n"
                "    gegeven register is wachtregister, werkt is onwaar\n"
                "    verwacht toegang is onwaar door regel \"Toegang tot de cursus\"\n"
                "    verwacht vrijgesteld is onbekend.\n",
                "scenario \"Wachtregister geeft geen toegang\" register=wachtregister "
                "werkt=onwaar verwacht toegang=onwaar door \"Toegang tot de cursus\" "
                "verwacht vrijgesteld=onbekend\n");
    expect_tree("scenario \"S\" gegeven uit \"geval.json\" peildatum 1 maart 2023 "
                "gegeven peildatum is 2023-03-02, loon is -12,50 euro, d is 2024-01-31 + 1 "
                "maand verwacht b is Kleur.rood verwacht c is geen.",
                "scenario \"S\" uit=\"geval.json\" !peildatum=#2023-03-01 peildatum=#2023-03-02 "
                "loon=(neg 1250ct) d=(+ #2024-01-31 1maand) verwacht b=(. Kleur rood) "
                "verwacht c=geen\n");
}

Test(parser_v04, scenarios_anywhere_among_declarations)
{
    expect_tree("beleid \"B\".\n"
                "scenario \"Eerst\" verwacht a is waar.\n"
                "invoer x: waarheid.\n"
                "scenario \"Midden\" gegeven x is waar verwacht a is waar.\n"
                "uitkomst a: waarheid.\n"
                "regel \"R\" a is x.\n"
                "scenario \"Laatst\" verwacht a is onbekend.\n",
                "beleid \"B\"\n"
                "scenario \"Eerst\" verwacht a=waar\n"
                "invoer x=waarheid\n"
                "scenario \"Midden\" x=waar verwacht a=waar\n"
                "uitkomst a=waarheid\n"
                "regel \"R\" a: [x]\n"
                "scenario \"Laatst\" verwacht a=onbekend\n");
}

Test(parser_v04, locations_of_scenario_items)
{
    parsed r;
    parse_str(&r, "scenario \"S\"\n  gegeven x is 1\n  verwacht a is waar door regel \"R\".");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    const ast_scenario *sc = &r.p->decls[0].u.scenario;
    cr_assert_eq(r.p->decls[0].kind, DECL_SCENARIO);
    cr_assert_eq(sc->loc.line, 1);
    cr_assert_eq(sc->loc.col, 1);
    cr_assert_eq(sc->loc.end_col, 13);
    cr_assert_eq(sc->name_loc.col, 10);
    cr_assert_eq(sc->facts[0].loc.line, 2);
    cr_assert_eq(sc->facts[0].loc.col, 11);
    cr_assert_eq(sc->expects[0].loc.line, 3);
    cr_assert_eq(sc->expects[0].loc.col, 3);
    cr_assert_eq(sc->expects[0].name_loc.col, 12);
    cr_assert_eq(sc->expects[0].rule_loc.col, 33);
    cr_assert_str_eq(sc->expects[0].rule, "R");
    cr_assert(!sc->expects[0].unknown);
    parsed_free(&r);
}

Test(parser_v04, peildatum_is_contextual)
{
    /* still a name everywhere else */
    expect_tree("invoer peildatum: datum.\nregel \"r\" x is peildatum.",
                "invoer peildatum=datum\nregel \"r\" x: [peildatum]\n");
    expect_diags("scenario \"S\" peildag 2023-01-01 verwacht a is waar.",
                 "t.regel:1:14: fout: onverwachte naam ‘peildag’ in een scenario\n"
                 "   1 | scenario \"S\" peildag 2023-01-01 verwacht a is waar.\n"
                 "     |              ^~~~~~~\n"
                 "     = hint: een scenario bestaat uit ‘gegeven naam is waarde’, ‘gegeven uit "
                 "\"geval.json\"’, ‘peildatum datum’ en ‘verwacht uitkomst is waarde’\n");
    expect_diags("scenario \"S\" peildatum is 2023-01-01 verwacht a is waar.",
                 "t.regel:1:24: fout: onverwacht ‘is’; verwacht een waarde\n"
                 "   1 | scenario \"S\" peildatum is 2023-01-01 verwacht a is waar.\n"
                 "     |                        ^~\n"
                 "     = hint: schrijf ‘peildatum 1 maart 2023’ of ‘gegeven peildatum is 1 "
                 "maart 2023’\n");
}

Test(parser_v04, one_case_file_per_scenario)
{
    parsed r;
    parse_str(&r, "scenario \"S\" gegeven uit \"a.json\" gegeven uit \"b.json\" verwacht a is "
                  "waar.");
    cr_assert_eq(r.errors, 1, "%s", r.diags);
    cr_assert(strstr(r.diags, "fout: een scenario heeft hoogstens één ‘gegeven uit’"), "%s",
              r.diags);
    cr_assert_str_eq(r.p->decls[0].u.scenario.case_file, "a.json");
    parsed_free(&r);
}

Test(parser_v04, recovery_skips_to_the_scenarios_dot)
{
    /* `gegeven` and `door regel` inside the broken scenario are not taken for
     * new declarations; the next scenario and rule parse normally */
    parsed r;
    parse_str(&r, "scenario \"A\" verwacht a is waar, gegeven x is 1 verwacht b is 2 door regel "
                  "\"R\".\n"
                  "scenario \"B\" verwacht a is onbekend door regel \"R\" gegeven x is 1.\n"
                  "scenario \"C\" verwacht a is waar.\n"
                  "regel \"R\" a is waar.\n");
    cr_assert_eq(r.errors, 2, "%s", r.diags);
    cr_assert(strstr(r.diags, "t.regel:1:32: fout: onverwacht ‘,’"), "%s", r.diags);
    cr_assert(strstr(r.diags, "hint: elke verwachting begint met ‘verwacht’"), "%s", r.diags);
    cr_assert(strstr(r.diags, "t.regel:2:37: fout: onverwacht ‘door’"), "%s", r.diags);
    cr_assert(strstr(r.diags, "hint: een onbekende uitkomst is door geen regel beslist"), "%s",
              r.diags);
    cr_assert_str_eq(r.tree, "scenario \"C\" verwacht a=waar\nregel \"R\" a: [waar]\n", "%s",
                     r.tree);
    parsed_free(&r);
}

Test(parser_v04, missing_dot_before_the_next_declaration)
{
    parsed r;
    parse_str(&r, "scenario \"A\"\n  verwacht a is waar\nregel \"R\" a is waar.\n");
    cr_assert_eq(r.errors, 1, "%s", r.diags);
    cr_assert(strstr(r.diags, "t.regel:2:21: fout: ontbrekende ‘.’ aan het einde van de "
                              "declaratie"),
              "%s", r.diags);
    cr_assert_str_eq(r.tree, "regel \"R\" a: [waar]\n", "%s", r.tree);
    parsed_free(&r);
    /* inside a scenario `gegeven` is an item: a record declaration after a
     * missing dot gets a hint */
    parse_str(&r, "scenario \"A\" verwacht a is waar\ngegeven T heeft x: getal.\nregel \"R\" a is "
                  "waar.\n");
    cr_assert_eq(r.errors, 1, "%s", r.diags);
    cr_assert(strstr(r.diags, "t.regel:2:11: fout: onverwacht ‘heeft’; verwacht ‘is’"), "%s",
              r.diags);
    cr_assert(strstr(r.diags, "Dan ontbreekt de ‘.’ aan het einde van het scenario"), "%s",
              r.diags);
    parsed_free(&r);
}

Test(parser_v04, door_needs_regel)
{
    expect_diags("scenario \"S\" verwacht a is waar door \"R\".",
                 "t.regel:1:38: fout: onverwachte tekst tussen aanhalingstekens; verwacht "
                 "‘regel’\n"
                 "   1 | scenario \"S\" verwacht a is waar door \"R\".\n"
                 "     |                                      ^~~\n"
                 "     = hint: schrijf ‘door regel \"Naam van de regel\"’\n");
}

Test(parser_v04, new_keywords)
{
    /* reserved: no longer names, but still field names */
    parsed r;
    parse_str(&r, "invoer uit: waarheid.");
    cr_assert_eq(r.errors, 1, "%s", r.diags);
    parsed_free(&r);
    expect_tree("gegeven G heeft uit: tekst, door: getal, verwacht: getal.",
                "gegeven G: uit=tekst door=getal verwacht=getal\n");
    expect_expr("g.uit", "(. g uit)");
    /* `scenario` starts a declaration, also after a field-like dot */
    parse_str(&r, "regel \"r\" x is a.scenario \"S\" verwacht x is 1.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    cr_assert_str_eq(r.tree, "regel \"r\" x: [a]\nscenario \"S\" verwacht x=1=1/1\n", "%s", r.tree);
    parsed_free(&r);
}

/* ------------------------------------------------------------ issue 8 */

Test(parser_v08, extern_declaration)
{
    parsed r;
    parse_str(&r, "extern functie werkdagen_tussen(van: datum, tot: datum): getal.\n"
                  "extern functie nu(): datum.");
    cr_assert_eq(r.errors, 0, "%s", r.diags);
    cr_assert_str_eq(r.tree,
                     "extern werkdagen_tussen(van=datum tot=datum): getal\n"
                     "extern nu(): datum\n",
                     "%s", r.tree);
    const ast_extern *x = &r.p->decls[0].u.ext;
    cr_assert_eq(r.p->decls[0].kind, DECL_EXTERN);
    cr_assert_str_eq(x->name, "werkdagen_tussen");
    cr_assert_eq(x->loc.line, 1);
    cr_assert_eq(x->loc.col, 16);
    cr_assert_eq(x->loc.end_col, 32);
    cr_assert_eq(x->decl_loc.col, 1);
    cr_assert_eq(x->decl_loc.end_col, 64); /* after the dot */
    cr_assert_eq(x->n_params, 2);
    cr_assert_eq(x->params[1].loc.col, 45);
    cr_assert_eq(x->params[1].type.kind, AST_TYPE_DATUM);
    cr_assert_eq(x->params[1].type.loc.col, 50);
    cr_assert_eq(x->result.kind, AST_TYPE_GETAL);
    cr_assert_eq(x->result.loc.col, 58);
    cr_assert_eq(r.p->decls[1].u.ext.n_params, 0);
    cr_assert_null(r.p->decls[1].u.ext.params);
    parsed_free(&r);
}

/* Parameter names may be keywords (as record fields), types any type as
 * written (the checker restricts them). */
Test(parser_v08, extern_parameter_names_and_types)
{
    expect_tree("extern functie f(is: getal, van: tekst, periode: Soort, anders: lijst van "
                "bedrag, standaard: waarheid): bedrag.",
                "extern f(is=getal van=tekst periode=Soort anders=lijst<bedrag> "
                "standaard=waarheid): bedrag\n");
    /* `extern` and `functie` stay names of facts, fields and outcomes */
    expect_tree("invoer extern: waarheid, functie: tekst.\n"
                "gegeven G heeft extern: waarheid, functie: tekst.",
                "invoer extern=waarheid\ninvoer functie=tekst\n"
                "gegeven G: extern=waarheid functie=tekst\n");
    expect_expr("extern en g.functie = functie", "(en extern (= (. g functie) functie))");
}

Test(parser_v08, calls)
{
    expect_expr("f(a)", "(call f a)");
    expect_expr("f()", "(call f)");
    expect_expr("f(a, b + 1, g(c), \"x\")", "(call f a (+ b 1=1/1) (call g c) \"x\")");
    expect_expr("f(a) + 2 * f(b)", "(+ (call f a) (* 2=2/1 (call f b)))");
    expect_expr("f(a).veld", "(. (call f a) veld)");
    expect_expr("-f(1 maart 2023)", "(neg (call f #2023-03-01))");
    expect_expr("f(a of b, niet c, x is een van 1, 2)",
                "(call f (of a b) (niet c) (een-van x 1=1/1 2=2/1))");
    expect_expr("f(aantal t in l waarvoor t.ok)", "(call f (aantal t l waarvoor=(. t ok)))");
    expect_expr("waar indien f(a) en niet g()", "waar indien (en (call f a) (niet (call g)))");
}

/* Every syntax error of the declaration has its own hint; `extern` or
 * `functie` alone is a name, so the hint tells the form. */
Test(parser_v08, syntax_errors)
{
    expect_diags("extern functie f(x: getal).",
                 "t.regel:1:27: fout: onverwacht ‘.’; verwacht ‘:’\n"
                 "   1 | extern functie f(x: getal).\n"
                 "     |                           ^\n"
                 "     = hint: na de parameters volgt het type van het resultaat: ‘extern functie "
                 "naam(p: type, …): type.’\n");
    expect_diags("extern functie f: getal.",
                 "t.regel:1:17: fout: onverwacht ‘:’; verwacht ‘(’\n"
                 "   1 | extern functie f: getal.\n"
                 "     |                 ^\n"
                 "     = hint: de parameters van een externe functie staan tussen haakjes, ook als "
                 "er geen zijn: ‘extern functie naam(p: type, …): type.’\n");
    expect_diags("extern functie f(x: getal,): getal.",
                 "t.regel:1:27: fout: onverwacht ‘)’; verwacht een naam\n"
                 "   1 | extern functie f(x: getal,): getal.\n"
                 "     |                           ^\n"
                 "     = hint: na de laatste parameter staat geen komma\n");
    expect_diags("gegeven G heeft a: getal, .",
                 "t.regel:1:27: fout: onverwacht ‘.’; verwacht een naam\n"
                 "   1 | gegeven G heeft a: getal, .\n"
                 "     |                           ^\n"
                 "     = hint: na het laatste veld staat geen komma\n");
    expect_diags("extern f(x: getal): getal.",
                 "t.regel:1:1: fout: onverwachte naam ‘extern’; verwacht ‘beleid’, ‘bron’ of een "
                 "declaratie (‘soort’, ‘gegeven’, ‘invoer’, ‘uitkomst’, ‘begrip’, ‘parameter’, "
                 "‘regel’, ‘uitzondering’ of ‘scenario’)\n"
                 "   1 | extern f(x: getal): getal.\n"
                 "     | ^~~~~~\n"
                 "     = hint: een externe functie declareert u met ‘extern functie naam(p: type, "
                 "…): type.’\n");
    expect_diags("functie f(x: getal): getal.",
                 "t.regel:1:1: fout: onverwachte naam ‘functie’; verwacht ‘beleid’, ‘bron’ of een "
                 "declaratie (‘soort’, ‘gegeven’, ‘invoer’, ‘uitkomst’, ‘begrip’, ‘parameter’, "
                 "‘regel’, ‘uitzondering’ of ‘scenario’)\n"
                 "   1 | functie f(x: getal): getal.\n"
                 "     | ^~~~~~~\n"
                 "     = hint: een externe functie declareert u met ‘extern functie naam(p: type, "
                 "…): type.’\n");
    expect_diags(
        "extern functie f(x: getal (optioneel)): getal.",
        "t.regel:1:27: fout: een parameter van een externe functie kan niet optioneel zijn\n"
        "   1 | extern functie f(x: getal (optioneel)): getal.\n"
        "     |                           ^~~~~~~~~~~\n"
        "     = hint: laat ‘(optioneel)’ weg: met een argument dat geen is, wordt de functie niet "
        "aangeroepen en is het resultaat geen\n");
    expect_diags("regel \"r\" x is f(a b).",
                 "t.regel:1:20: fout: onverwachte naam ‘b’; verwacht ‘)’, ‘,’, ‘en’ of ‘of’\n"
                 "   1 | regel \"r\" x is f(a b).\n"
                 "     |                    ^\n");
}

/* An error inside an extern declaration: recovery at its dot, the next
 * declaration is parsed. */
Test(parser_v08, recovery)
{
    parsed r;
    parse_str(&r, "extern functie f(x getal): getal.\nextern functie g(): tekst.\n"
                  "regel \"r\" x is g() indien a.extern functie h(): datum.");
    cr_assert_eq(r.errors, 1, "%s", r.diags);
    cr_assert_str_eq(r.tree,
                     "extern g(): tekst\nregel \"r\" x: [(call g) indien a]\n"
                     "extern h(): datum\n",
                     "%s", r.tree);
    parsed_free(&r);
}
