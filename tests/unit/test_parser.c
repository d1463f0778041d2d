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
    cr_assert_str_eq(r.tree, want, "%s", src);
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

Test(parser, empty_policy)
{
    parsed r;
    parse_str(&r, "");
    cr_assert_eq(r.errors, 0);
    cr_assert_eq(r.p->n_decls, 0);
    cr_assert_null(r.p->name);
    cr_assert_null(r.p->bron);
    cr_assert_str_eq(r.p->file, "t.regel");
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
                 "     = hint: elke declaratie eindigt met een punt\n");
}

Test(parser_errors, missing_dot_before_next_declaration)
{
    parsed r;
    parse_str(&r, "invoer a: getal\n\nuitkomst b: getal.\n");
    cr_assert_eq(r.errors, 1);
    cr_assert_str_eq(r.diags,
                     "t.regel:1:16: fout: ontbrekende ‘.’ aan het einde van de declaratie\n"
                     "   1 | invoer a: getal\n"
                     "     |                ^\n"
                     "     = hint: elke declaratie eindigt met een punt\n");
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
                 "declaratie (‘soort’, ‘gegeven’, ‘invoer’, ‘uitkomst’, ‘begrip’, ‘regel’ of "
                 "‘uitzondering’)\n"
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
                 "t.regel:1:16: fout: onverwacht ‘op’; verwacht ‘:’\n"
                 "   1 | uitkomst recht op premie: waarheid.\n"
                 "     |                ^~\n"
                 "     = hint: een naam is één woord; verbind woorden met ‘_’, bijvoorbeeld "
                 "‘recht_op_premie’\n");
    expect_diags("gegeven T heeft soort: S.",
                 "t.regel:1:17: fout: onverwacht ‘soort’; verwacht een naam\n"
                 "   1 | gegeven T heeft soort: S.\n"
                 "     |                 ^~~~~\n"
                 "     = hint: ‘soort’ is een gereserveerd woord en kan geen naam zijn\n");
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
    parse_str(&r, "gegeven T heeft soort: S, b: getal.\nuitkomst u: getal.");
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
    expect_hint("invoer leeftijd getal.",
                "tussen de naam en het type staat een dubbele punt: ‘leeftijd: getal’");
    expect_hint("invoer reg Register.",
                "tussen de naam en het type staat een dubbele punt: ‘reg: Register’");
    expect_hint("soort Register is vreemdelingen, geen.",
                "een soort somt haar waarden op: ‘soort Naam is een van a, b, c.’");
    expect_hint("invoer a: waarheid;", "een declaratie eindigt met een punt; tussen opgesomde "
                                       "delen staat een komma");
    expect_hint("regel \"r\" a is waar indien b, c.",
                "voorwaarden verbindt u met ‘en’ of ‘of’; een komma staat alleen in een "
                "opsomming (‘is een van a, b’) of vóór ‘anders’");
    expect_hint("regel \"r\" a is (1 + 2.", "er ontbreekt een ‘)’ bij een eerder ‘(’");
    expect_hint("regel \"r\" a is “x”.", "gebruik rechte aanhalingstekens: \"…\"");
}
