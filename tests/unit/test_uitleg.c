/* test_uitleg.c — unit tests of language v0.5 (spec7 §1, compiler half of
 * §2): `uitleg` templates in the parser and the checker, the atoms and texts
 * of branch conditions, and the EXPLAIN section and NOTE instructions the
 * emitter writes (decoded byte by byte). Parses and compiles real source. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "bytecode.h"
#include "check.h"
#include "check_internal.h"
#include "diag.h"
#include "parse.h"
#include "policy.h"
#include "regel.h"

/* ------------------------------------------------------------ helpers */

typedef struct unit {
    arena *a;
    diag_ctx *d;
    ast_policy *p;
    check_result *r; /* NULL when only parsed */
    const char *text;
    size_t errors;
} unit;

static unit parse_only(const char *src)
{
    unit u;
    memset(&u, 0, sizeof u);
    u.a = arena_new(1 << 16);
    cr_assert_not_null(u.a);
    u.d = diag_new("t.regel", src, strlen(src));
    cr_assert_not_null(u.d);
    u.p = parse_source(u.a, u.d, "t.regel", src, strlen(src));
    cr_assert_not_null(u.p);
    u.errors = diag_error_count(u.d);
    u.text = diag_text(u.d) ? diag_text(u.d) : "";
    return u;
}

static unit checked(const char *src)
{
    unit u = parse_only(src);
    cr_assert_eq(u.errors, 0, "syntaxfout in de test zelf:\n%s", u.text);
    u.r = check_policy(u.a, u.d, u.p);
    cr_assert_not_null(u.r);
    u.errors = diag_error_count(u.d);
    u.text = diag_text(u.d) ? diag_text(u.d) : "";
    return u;
}

static void done(unit *u)
{
    diag_free(u->d);
    arena_free(u->a);
}

/* The rule declaration number k (counting only rules). */
static ast_rule *rule_k(unit *u, size_t k)
{
    for (size_t i = 0; i < u->p->n_decls; i++)
        if (u->p->decls[i].kind == DECL_RULE && k-- == 0)
            return &u->p->decls[i].u.rule;
    cr_assert_fail("regel %zu ontbreekt", k);
    return NULL;
}

/* The atoms of a condition in source order (depth first, left to right). */
static void collect_atoms(const ast_expr *e, const ast_expr **out, size_t *n)
{
    if (!e)
        return;
    if (e->atom_text) {
        out[(*n)++] = e;
        return;
    }
    if (e->kind == EX_BINARY) {
        collect_atoms(e->u.binary.lhs, out, n);
        collect_atoms(e->u.binary.rhs, out, n);
    } else if (e->kind == EX_NOT) {
        collect_atoms(e->u.unary.operand, out, n);
    }
}

/* Exactly the diagnostics `want` (every message of the compilation). */
static void expect_diags(const char *src, const char *want)
{
    unit u = parse_only(src);
    if (u.errors == 0) {
        u.r = check_policy(u.a, u.d, u.p);
        cr_assert_not_null(u.r);
        u.text = diag_text(u.d) ? diag_text(u.d) : "";
    }
    cr_assert_str_eq(u.text, want, "%s", src);
    done(&u);
}

/* ------------------------------------------------- parser: conditions */

Test(uitleg_parse, atom_texts_collapse_whitespace_and_drop_comments)
{
    unit u = parse_only("regel \"R\"\n"
                        "    x is waar\n"
                        "        indien a   is  niet geen en   # de aanmelding\n"
                        "               b ≤ c\n"
                        "               en niet d.\n");
    cr_assert_eq(u.errors, 0, "%s", u.text);
    ast_branch *br = &rule_k(&u, 0)->branches[0];
    cr_assert_str_eq(br->cond_text, "a is niet geen en b ≤ c en niet d");
    const ast_expr *at[8];
    size_t n = 0;
    collect_atoms(br->cond, at, &n);
    cr_assert_eq(n, 3);
    cr_assert_str_eq(at[0]->atom_text, "a is niet geen");
    cr_assert_str_eq(at[1]->atom_text, "b ≤ c");
    cr_assert_str_eq(at[2]->atom_text, "niet d", "`niet` over an atom is one atom");
    /* positions: where the text starts (line, column in code points) */
    cr_assert_eq(at[0]->atom_loc.line, 3);
    cr_assert_eq(at[0]->atom_loc.col, 16);
    cr_assert_eq(at[1]->atom_loc.line, 4);
    cr_assert_eq(at[1]->atom_loc.col, 16);
    cr_assert_eq(at[2]->atom_loc.line, 5);
    cr_assert_eq(at[2]->atom_loc.col, 19);
    /* the value is no condition: no atom text */
    cr_assert_null(br->value->atom_text);
    done(&u);
}

Test(uitleg_parse, parentheses_are_transparent)
{
    unit u = parse_only("regel \"R\" x is 1 indien (a of (b)) en niet (c en d),\n"
                        "  anders 2 indien niet (e > 1),\n"
                        "  anders 3 indien ((f)),\n"
                        "  anders 4.\n");
    cr_assert_eq(u.errors, 0, "%s", u.text);
    ast_rule *ru = rule_k(&u, 0);
    cr_assert_eq(ru->n_branches, 4);
    cr_assert_str_eq(ru->branches[0].cond_text, "(a of (b)) en niet (c en d)");
    const ast_expr *at[8];
    size_t n = 0;
    collect_atoms(ru->branches[0].cond, at, &n);
    cr_assert_eq(n, 4, "a, b, c, d");
    cr_assert_str_eq(at[0]->atom_text, "a");
    cr_assert_str_eq(at[1]->atom_text, "b", "its own parentheses are not part of the atom");
    cr_assert_eq(at[1]->atom_loc.col, 32);
    cr_assert_str_eq(at[2]->atom_text, "c");
    cr_assert_str_eq(at[3]->atom_text, "d");
    /* niet over a parenthesised atom: one atom with the parentheses inside */
    cr_assert_str_eq(ru->branches[1].cond_text, "niet (e > 1)");
    cr_assert_str_eq(ru->branches[1].cond->atom_text, "niet (e > 1)");
    cr_assert_str_eq(ru->branches[2].cond_text, "(f)", "only the outermost pair is removed");
    cr_assert_null(ru->branches[3].cond_text);
    cr_assert_null(ru->branches[3].cond);
    done(&u);
}

Test(uitleg_parse, selections_and_their_inner_conditions)
{
    unit u = parse_only("regel \"R\" x is waar indien er is een t in ts waarvoor t.ok en t.n > 1\n"
                        "  en voor alle t in ts geldt t.ok, anders onwaar.\n");
    cr_assert_eq(u.errors, 0, "%s", u.text);
    const ast_expr *at[8];
    size_t n = 0;
    collect_atoms(rule_k(&u, 0)->branches[0].cond, at, &n);
    /* the selection extends as far as possible: `en t.n > 1` and the
     * second selection belong to the first one's condition */
    cr_assert_eq(n, 1);
    cr_assert_str_eq(at[0]->atom_text, "er is een t in ts waarvoor t.ok en t.n > 1 en voor alle t "
                                       "in ts geldt t.ok");
    /* nothing inside a selection is an atom */
    const ast_expr *inner = at[0]->u.select.cond;
    cr_assert_not_null(inner);
    cr_assert_null(inner->atom_text);
    done(&u);
}

Test(uitleg_parse, strings_in_atoms_keep_their_spaces_and_hashes)
{
    unit u =
        parse_only("regel \"R\" x is waar indien naam is \"a  # b\"   en  c, anders onwaar.\n");
    cr_assert_eq(u.errors, 0, "%s", u.text);
    cr_assert_str_eq(rule_k(&u, 0)->branches[0].cond_text, "naam is \"a  # b\" en c");
    done(&u);
}

/* --------------------------------------------------- parser: templates */

static void expect_segs(const ast_template *t, size_t n, const char *const *want)
{
    cr_assert_not_null(t->text);
    cr_assert_eq(t->n_segs, n, "%zu segmenten", t->n_segs);
    for (size_t i = 0; i < n; i++) {
        /* "=text" is a literal segment, "{name}" a placeholder */
        if (want[i][0] == '=') {
            cr_assert_eq(t->segs[i].kind, SEG_TEXT, "segment %zu", i);
            cr_assert_str_eq(t->segs[i].text, want[i] + 1, "segment %zu", i);
        } else {
            cr_assert_eq(t->segs[i].kind, SEG_NAME, "segment %zu", i);
            cr_assert_str_eq(t->segs[i].text, want[i], "segment %zu", i);
        }
    }
}

Test(uitleg_parse, rule_and_branch_templates)
{
    unit u = parse_only(
        "regel \"R\"\n"
        "    bron \"Wet\"\n"
        "    uitleg \"Regel {x}.\"\n"
        "    citaat \"C\"\n"
        "    x is waar indien a uitleg \"Op {d}, uiterlijk {e}. {{letterlijk}} }}{{\",\n"
        "    anders onwaar indien b,\n"
        "    anders onwaar uitleg \"{x}\".\n"
        "uitzondering \"E\" op \"R\" x is waar indien c uitleg \"Uitzondering: {c}.\".\n");
    cr_assert_eq(u.errors, 0, "%s", u.text);
    ast_rule *r = rule_k(&u, 0);
    cr_assert_str_eq(r->bron, "Wet");
    cr_assert_str_eq(r->citaat, "C");
    const char *const rule_t[] = {"=Regel ", "x", "=."};
    expect_segs(&r->uitleg, 3, rule_t);
    cr_assert_eq(r->uitleg.loc.line, 3);
    cr_assert_eq(r->uitleg.loc.col, 12);
    cr_assert_eq(r->n_branches, 3);
    const char *const b0[] = {"=Op ", "d", "=, uiterlijk ", "e", "=. {letterlijk} }{"};
    expect_segs(&r->branches[0].uitleg, 5, b0);
    cr_assert_null(r->branches[1].uitleg.text, "a branch without uitleg");
    cr_assert_eq(r->branches[1].uitleg.n_segs, 0);
    const char *const b2[] = {"x"};
    expect_segs(&r->branches[2].uitleg, 1, b2);
    ast_rule *e = rule_k(&u, 1);
    cr_assert(e->is_exception);
    cr_assert_null(e->uitleg.text);
    const char *const eb[] = {"=Uitzondering: ", "c", "=."};
    expect_segs(&e->branches[0].uitleg, 3, eb);
    done(&u);
}

Test(uitleg_parse, placeholder_locations)
{
    /* one line, no escape before it: exactly the placeholder */
    unit u = parse_only("regel \"R\" x is a uitleg \"Één {é} en \\\"{b}\\\"\".\n");
    cr_assert_eq(u.errors, 0, "%s", u.text);
    const ast_template *t = &rule_k(&u, 0)->branches[0].uitleg;
    cr_assert_eq(t->n_segs, 5);
    cr_assert_eq(t->segs[1].kind, SEG_NAME);
    cr_assert_str_eq(t->segs[1].text, "é");
    cr_assert_eq(t->segs[1].loc.line, 1);
    cr_assert_eq(t->segs[1].loc.col, 30, "columns count code points");
    cr_assert_eq(t->segs[1].loc.end_col, 33);
    /* after an escape: the string's start */
    cr_assert_eq(t->segs[3].kind, SEG_NAME);
    cr_assert_str_eq(t->segs[3].text, "b");
    cr_assert_eq(t->segs[3].loc.col, 25);
    done(&u);
    /* over two lines: the string's start */
    u = parse_only("regel \"R\" x is a\n  uitleg \"Een\n     {b}\".\n");
    cr_assert_eq(u.errors, 0, "%s", u.text);
    t = &rule_k(&u, 0)->branches[0].uitleg;
    cr_assert_str_eq(t->text, "Een {b}");
    cr_assert_eq(t->segs[1].loc.line, 2);
    cr_assert_eq(t->segs[1].loc.col, 10);
    done(&u);
}

Test(uitleg_parse, uitleg_is_a_field_name)
{
    unit u = parse_only("gegeven Brief heeft uitleg: tekst, anders: tekst.\n"
                        "invoer b: Brief.\nuitkomst t: tekst.\n"
                        "regel \"R\" t is b.uitleg uitleg \"{t}\".\n");
    cr_assert_eq(u.errors, 0, "%s", u.text);
    cr_assert_str_eq(u.p->decls[0].u.record.fields[0].name, "uitleg");
    const ast_branch *br = &rule_k(&u, 0)->branches[0];
    cr_assert_eq(br->value->kind, EX_FIELD);
    cr_assert_str_eq(br->value->u.field.field, "uitleg");
    cr_assert_not_null(br->uitleg.text);
    done(&u);
}

Test(uitleg_parse, template_syntax_errors)
{
    expect_diags("regel \"R\" x is a uitleg \"a {b\".\n",
                 "t.regel:1:28: fout: een ‘{’ in de uitleg wordt niet gesloten\n"
                 "   1 | regel \"R\" x is a uitleg \"a {b\".\n"
                 "     |                            ^\n"
                 "     = hint: schrijf ‘{{’ voor een letterlijke accolade\n");
    expect_diags("regel \"R\" x is a uitleg \"a b}\".\n",
                 "t.regel:1:29: fout: een ‘}’ in de uitleg hoort bij geen ‘{’\n"
                 "   1 | regel \"R\" x is a uitleg \"a b}\".\n"
                 "     |                             ^\n"
                 "     = hint: schrijf ‘}}’ voor een letterlijke accolade\n");
    expect_diags("regel \"R\" x is a uitleg \"{1x}\".\n",
                 "t.regel:1:26: fout: ‘{1x}’ in de uitleg is geen naam\n"
                 "   1 | regel \"R\" x is a uitleg \"{1x}\".\n"
                 "     |                          ^~~~\n"
                 "     = hint: zet de naam van een invoer, uitkomst, begrip of parameter tussen "
                 "de accolades, zoals {vdab_uiterste_datum}\n");
    expect_diags("regel \"R\" x is a uitleg \" \".\n",
                 "t.regel:1:25: fout: de uitleg is leeg\n"
                 "   1 | regel \"R\" x is a uitleg \" \".\n"
                 "     |                         ^~~\n"
                 "     = hint: schrijf een zin voor de burger, of laat ‘uitleg’ weg\n");
    expect_diags("regel \"R\" x is a uitleg \"b\" uitleg \"c\".\n",
                 "t.regel:1:29: fout: een tak heeft hoogstens één ‘uitleg’\n"
                 "   1 | regel \"R\" x is a uitleg \"b\" uitleg \"c\".\n"
                 "     |                             ^~~~~~~~~~\n"
                 "     = hint: schrijf één zin per tak; een zin voor de hele regel staat vóór "
                 "de conclusie\n");
    expect_diags("regel \"R\" uitleg \"b\" uitleg \"c\" x is a.\n",
                 "t.regel:1:22: fout: ‘uitleg’ staat twee keer in deze regel\n"
                 "   1 | regel \"R\" uitleg \"b\" uitleg \"c\" x is a.\n"
                 "     |                      ^~~~~~~~~~\n"
                 "     = hint: een regel heeft hoogstens één ‘uitleg’\n");
}

/* ---------------------------------------------------------- the checker */

#define POLICY                                                                                     \
    "soort Status is een van verplicht, vrijwillig.\n"                                             \
    "gegeven Toets heeft datum: datum, geslaagd: waarheid.\n"                                      \
    "invoer aanmelding: datum, status: Status, toetsen: lijst van Toets, laatste_toets: Toets,\n"  \
    "       werkt: waarheid.\n"                                                                    \
    "uitkomst tijdig: waarheid.\n"                                                                 \
    "begrip uiterste_datum: datum.\n"                                                              \
    "parameter tarief: bedrag is € 90,00.\n"                                                     \
    "regel \"U\" uiterste_datum is aanmelding + 2 maanden.\n"

Test(uitleg_check, placeholders_resolve_to_inputs_outcomes_and_parameters)
{
    unit u = checked(POLICY "regel \"T\" uitleg \"{tijdig}\"\n"
                            "  tijdig is aanmelding ≤ uiterste_datum\n"
                            "  uitleg \"{aanmelding} {uiterste_datum} {tarief} {status} "
                            "{peildatum}\".\n");
    cr_assert_eq(u.errors, 0, "%s", u.text);
    ast_rule *ru = rule_k(&u, 1);
    cr_assert_eq(ru->uitleg.segs[0].res.kind, REF_OUTCOME);
    cr_assert_str_eq(u.r->outcomes[ru->uitleg.segs[0].res.index].name, "tijdig");
    const ast_template *t = &ru->branches[0].uitleg;
    cr_assert_eq(t->n_segs, 9);
    cr_assert_eq(t->segs[0].res.kind, REF_INPUT);
    cr_assert_str_eq(u.r->inputs[t->segs[0].res.index].name, "aanmelding");
    cr_assert_eq(t->segs[2].res.kind, REF_OUTCOME, "a begrip is an outcome");
    cr_assert_str_eq(u.r->outcomes[t->segs[2].res.index].name, "uiterste_datum");
    cr_assert_eq(t->segs[4].res.kind, REF_PARAM);
    cr_assert_str_eq(u.r->params[t->segs[4].res.index].name, "tarief");
    cr_assert_eq(t->segs[6].res.kind, REF_INPUT);
    cr_assert_str_eq(u.r->inputs[t->segs[6].res.index].name, "status");
    /* peildatum is declared on first need, also by a placeholder */
    cr_assert_eq(t->segs[8].res.kind, REF_INPUT);
    cr_assert_eq((int32_t)t->segs[8].res.index, u.r->peildatum);
    cr_assert_eq(t->segs[1].kind, SEG_TEXT);
    cr_assert_eq(t->segs[1].res.kind, REF_NONE);
    done(&u);
}

Test(uitleg_check, a_fact_named_only_in_a_sentence_is_used)
{
    unit u = checked("invoer a: waarheid, naam: tekst.\nuitkomst x: waarheid.\n"
                     "begrip groet: tekst.\nregel \"G\" groet is \"Dag\".\n"
                     "regel \"R\" x is a uitleg \"{groet} {naam}\".\n");
    cr_assert_eq(u.errors, 0, "%s", u.text);
    cr_assert_null(strstr(u.text, "wordt door geen enkele regel gebruikt"), "%s", u.text);
    done(&u);
}

/* The diagnostics contain the line `header` and the hint line `hint`. */
static void expect_msg(const char *src, const char *header, const char *hint)
{
    unit u = checked(src);
    cr_assert_gt(u.errors, 0, "geen fout voor:\n%s", src);
    cr_assert_not_null(strstr(u.text, header), "‘%s’ ontbreekt in:\n%s", header, u.text);
    char h[512];
    snprintf(h, sizeof h, "\n     = hint: %s\n", hint);
    cr_assert_not_null(strstr(u.text, h), "‘%s’ ontbreekt in:\n%s", h, u.text);
    done(&u);
}

Test(uitleg_check, unknown_names_with_and_without_a_suggestion)
{
    expect_msg(POLICY "regel \"T\" tijdig is werkt uitleg \"Uiterlijk {uiterste_datm}.\".\n",
               "t.regel:9:45: fout: onbekende naam ‘uiterste_datm’ in de uitleg\n",
               "bedoelde u ‘uiterste_datum’?");
    /* a single word is not guessed from the words of longer names */
    expect_msg(POLICY "regel \"T\" tijdig is werkt uitleg \"{uiterste}\".\n",
               "t.regel:9:35: fout: onbekende naam ‘uiterste’ in de uitleg\n",
               "een plaatshouder noemt een invoer, uitkomst, begrip of parameter");
    expect_msg(POLICY "regel \"T\" tijdig is werkt uitleg \"{uiterste_aanmelding_datum}\".\n",
               "t.regel:9:35: fout: onbekende naam ‘uiterste_aanmelding_datum’ in de uitleg\n",
               "een plaatshouder noemt een invoer, uitkomst, begrip of parameter");
    /* the words of the name, in order, in exactly one name (spec7's example) */
    expect_msg("invoer vdab_aanmelding: datum.\nuitkomst vdab_tijdig: waarheid.\n"
               "begrip vdab_uiterste_datum: datum.\n"
               "regel \"U\" vdab_uiterste_datum is vdab_aanmelding.\n"
               "regel \"T\" vdab_tijdig is waar uitleg \"Uiterlijk op {vdab_datum}.\".\n",
               "t.regel:5:52: fout: onbekende naam ‘vdab_datum’ in de uitleg\n",
               "bedoelde u ‘vdab_uiterste_datum’?");
}

Test(uitleg_check, lists_records_and_types_do_not_fit_in_a_sentence)
{
    expect_msg(POLICY "regel \"T\" tijdig is werkt uitleg \"{toetsen}\".\n",
               "t.regel:9:35: fout: ‘toetsen’ is een lijst; die past niet in een uitlegzin\n",
               "maak er een begrip van dat één waarde geeft, zoals ‘aantal toetsen’");
    expect_msg(POLICY "regel \"T\" tijdig is werkt uitleg \"{laatste_toets}\".\n",
               "t.regel:9:35: fout: ‘laatste_toets’ is een Toets (een gegeven met velden); die "
               "past niet in een uitlegzin\n",
               "maak er een begrip van dat één waarde geeft, zoals ‘laatste_toets.datum’");
    expect_msg(POLICY "regel \"T\" tijdig is werkt uitleg \"{Status}\".\n",
               "t.regel:9:35: fout: ‘Status’ is een soort, geen waarde; die past niet in een "
               "uitlegzin\n",
               "een plaatshouder noemt een invoer, uitkomst, begrip of parameter");
}

/* ----------------------------------------------------------- the emitter */

typedef struct rbc {
    uint8_t *bytes;
    size_t len;
} rbc;

static rbc compile(const char *src)
{
    rbc r = {NULL, 0};
    char *diags = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_compile_to_bytecode(src, strlen(src), "t.regel", &r.bytes, &r.len, &diags, &err);
    cr_assert_eq(rc, REGEL_OK, "vertalen mislukt: %s\n%s", err.message, diags ? diags : "");
    free(diags);
    return r;
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static const uint8_t *section(const rbc *r, uint32_t id, uint32_t *size)
{
    uint32_t n = rd32(r->bytes + 8);
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *d = r->bytes + RBC_HEADER_SIZE + i * RBC_DIR_ENTRY_SIZE;
        if (rd32(d) == id) {
            *size = rd32(d + 8);
            cr_assert_leq((size_t)rd32(d + 4) + *size, r->len);
            return r->bytes + rd32(d + 4);
        }
    }
    cr_assert_fail("sectie %u ontbreekt", id);
    return NULL;
}

/* The decoded EXPLAIN section (sizes are small in these tests). */
typedef struct x_atom {
    char text[160];
    uint32_t line, col, n_refs, refs[8][2];
} x_atom;

typedef struct x_tmpl {
    uint32_t n, kind[16], arg[16];
} x_tmpl;

typedef struct x_branch {
    uint32_t result, cond, n_nodes, nodes[32][2];
    x_tmpl t;
} x_branch;

typedef struct x_rule {
    x_tmpl t;
    uint32_t n_branches;
    x_branch b[8];
} x_rule;

typedef struct x_explain {
    uint32_t n_atoms;
    x_atom atoms[32];
    uint32_t n_rules;
    x_rule rules[8];
    /* the string pool and the code, to resolve texts and offsets */
    char strs[64][160];
    uint32_t n_strs;
    const uint8_t *code;
    uint32_t code_len;
} x_explain;

typedef struct x_reader {
    const uint8_t *p;
    uint32_t at, size;
} x_reader;

static uint32_t x_u32(x_reader *r)
{
    cr_assert_leq(r->at + 4, r->size, "EXPLAIN te kort");
    uint32_t v = rd32(r->p + r->at);
    r->at += 4;
    return v;
}

static void x_template(x_reader *r, x_tmpl *t)
{
    t->n = x_u32(r);
    cr_assert_leq(t->n, 16);
    for (uint32_t i = 0; i < t->n; i++) {
        t->kind[i] = x_u32(r);
        t->arg[i] = x_u32(r);
    }
}

static x_explain *decode(const rbc *r)
{
    x_explain *x = calloc(1, sizeof *x);
    cr_assert_not_null(x);
    uint32_t size;
    const uint8_t *s = section(r, RBC_SEC_STRINGS, &size);
    x->n_strs = rd32(s);
    cr_assert_leq(x->n_strs, 64);
    uint32_t at = 4;
    for (uint32_t i = 0; i < x->n_strs; i++) {
        uint32_t len = rd32(s + at);
        cr_assert_lt(len, 160);
        memcpy(x->strs[i], s + at + 4, len);
        at += 4 + len;
    }
    x->code = section(r, RBC_SEC_CODE, &x->code_len);
    x_reader rd = {section(r, RBC_SEC_EXPLAIN, &size), 0, size};
    x->n_atoms = x_u32(&rd);
    cr_assert_leq(x->n_atoms, 32);
    for (uint32_t i = 0; i < x->n_atoms; i++) {
        x_atom *a = &x->atoms[i];
        uint32_t t = x_u32(&rd);
        cr_assert_lt(t, x->n_strs);
        memcpy(a->text, x->strs[t], strlen(x->strs[t]) + 1); /* both < 160 bytes */
        a->line = x_u32(&rd);
        a->col = x_u32(&rd);
        a->n_refs = x_u32(&rd);
        cr_assert_leq(a->n_refs, 8);
        for (uint32_t k = 0; k < a->n_refs; k++) {
            a->refs[k][0] = x_u32(&rd);
            a->refs[k][1] = x_u32(&rd);
        }
    }
    x->n_rules = x_u32(&rd);
    cr_assert_leq(x->n_rules, 8);
    for (uint32_t i = 0; i < x->n_rules; i++) {
        x_rule *ru = &x->rules[i];
        x_template(&rd, &ru->t);
        ru->n_branches = x_u32(&rd);
        cr_assert_leq(ru->n_branches, 8);
        for (uint32_t b = 0; b < ru->n_branches; b++) {
            x_branch *br = &ru->b[b];
            br->result = x_u32(&rd);
            br->cond = x_u32(&rd);
            br->n_nodes = x_u32(&rd);
            cr_assert_leq(br->n_nodes, 32);
            for (uint32_t k = 0; k < br->n_nodes; k++) {
                br->nodes[k][0] = x_u32(&rd);
                br->nodes[k][1] = x_u32(&rd);
            }
            x_template(&rd, &br->t);
        }
    }
    cr_assert_eq(rd.at, size, "EXPLAIN heeft %u bytes te veel", size - rd.at);
    return x;
}

static const uint8_t opnd_of[OP__COUNT] = {
#define OP(name, opnd, pops, pushes, doc) [OP_##name] = (opnd),
#include "opcodes.def"
#undef OP
};

/* The offsets of every instruction with opcode op, in order. */
static size_t offsets_of(const x_explain *x, uint8_t op, uint32_t *out, size_t cap)
{
    size_t n = 0;
    for (uint32_t at = 0; at < x->code_len;) {
        cr_assert_lt(x->code[at], OP__COUNT);
        if (x->code[at] == op && n < cap)
            out[n++] = at;
        at += rbc_instr_size((enum rbc_operands)opnd_of[x->code[at]]);
    }
    return n;
}

static const char *x_str(const x_explain *x, uint32_t i)
{
    cr_assert_lt(i, x->n_strs);
    return x->strs[i];
}

/* The INPUTS / OUTCOMES index of a name (from the tables). */
static uint32_t table_index(const rbc *r, uint32_t sec, uint32_t entry_fields, const char *name,
                            const x_explain *x)
{
    uint32_t size;
    const uint8_t *p = section(r, sec, &size);
    uint32_t n = rd32(p);
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(x_str(x, rd32(p + 4 + 4 * entry_fields * i)), name) == 0)
            return i;
    cr_assert_fail("‘%s’ ontbreekt", name);
    return 0;
}

#define X_INPUT(name)   table_index(&r, RBC_SEC_INPUTS, 5, name, x)
#define X_OUTCOME(name) table_index(&r, RBC_SEC_OUTCOMES, 4, name, x)

Test(uitleg_emit, explain_section_of_a_small_policy)
{
    rbc r = compile("invoer start: datum (optioneel), aanmelding: datum,\n"
                    "       werkt: waarheid, studeert: waarheid.\n"
                    "uitkomst tijdig: waarheid, aanbod: tekst.\n"
                    "begrip uiterste: datum.\n"
                    "parameter tarief: bedrag is € 90,00.\n"
                    "regel \"Tijdig\"\n"
                    "    uitleg \"Regel {uiterste}\"\n"
                    "    tijdig is waar\n"
                    "        indien start is niet geen en aanmelding ≤ uiterste\n"
                    "        uitleg \"Op tijd: {aanmelding}, {tarief}.\",\n"
                    "    anders onwaar indien niet (werkt of studeert),\n"
                    "    anders onwaar uitleg \"{tijdig}\".\n"
                    "regel \"Uiterste\" uiterste is aanmelding + 2 maanden.\n"
                    "regel \"Aanbod\" aanbod is \"ja\" indien werkt.\n");
    x_explain *x = decode(&r);
    /* atoms in code order, with texts, starts and refs */
    cr_assert_eq(x->n_atoms, 5);
    static const char *const texts[] = {"start is niet geen", "aanmelding ≤ uiterste", "werkt",
                                        "studeert", "werkt"};
    static const uint32_t where[][2] = {{9, 16}, {9, 38}, {11, 32}, {11, 41}, {14, 38}};
    for (uint32_t i = 0; i < 5; i++) {
        cr_assert_str_eq(x->atoms[i].text, texts[i], "atoom %u", i);
        cr_assert_eq(x->atoms[i].line, where[i][0], "atoom %u", i);
        cr_assert_eq(x->atoms[i].col, where[i][1], "atoom %u: kolom %u", i, x->atoms[i].col);
    }
    cr_assert_eq(x->atoms[0].n_refs, 1);
    cr_assert_eq(x->atoms[0].refs[0][0], RBC_REF_INPUT);
    cr_assert_eq(x->atoms[0].refs[0][1], X_INPUT("start"));
    cr_assert_eq(x->atoms[1].n_refs, 2);
    cr_assert_eq(x->atoms[1].refs[0][0], RBC_REF_INPUT);
    cr_assert_eq(x->atoms[1].refs[0][1], X_INPUT("aanmelding"));
    cr_assert_eq(x->atoms[1].refs[1][0], RBC_REF_OUTCOME);
    cr_assert_eq(x->atoms[1].refs[1][1], X_OUTCOME("uiterste"), "OUTCOMES (evaluation) order");
    cr_assert_eq(x->atoms[4].refs[0][1], X_INPUT("werkt"));

    /* one entry per rule, RULES order = declaration order here */
    cr_assert_eq(x->n_rules, 3);
    uint32_t results[8];
    size_t n_res = offsets_of(x, OP_RESULT, results, 8);
    cr_assert_eq(n_res, 5);
    uint32_t notes[8];
    cr_assert_eq(offsets_of(x, OP_NOTE, notes, 8), 5, "one NOTE per atom");
    for (uint32_t i = 0; i < 5; i++)
        cr_assert_eq(rd32(x->code + notes[i] + 1), i, "NOTE %u", i);

    const x_rule *t = &x->rules[0];
    cr_assert_eq(t->t.n, 2, "rule-level template");
    cr_assert_eq(t->t.kind[0], RBC_SEG_TEXT);
    cr_assert_str_eq(x_str(x, t->t.arg[0]), "Regel ");
    cr_assert_eq(t->t.kind[1], RBC_SEG_OUTCOME);
    cr_assert_eq(t->t.arg[1], X_OUTCOME("uiterste"));
    cr_assert_eq(t->n_branches, 3);
    for (uint32_t b = 0; b < 3; b++)
        cr_assert_eq(t->b[b].result, results[b], "tak %u: RESULT op %u", b, results[b]);
    /* branch 0: AND(atom 0, atom 1) */
    cr_assert_str_eq(x_str(x, t->b[0].cond), "start is niet geen en aanmelding ≤ uiterste");
    cr_assert_eq(t->b[0].n_nodes, 3);
    const uint32_t post0[3][2] = {{RBC_CN_ATOM, 0}, {RBC_CN_ATOM, 1}, {RBC_CN_AND, 0}};
    for (uint32_t k = 0; k < 3; k++) {
        cr_assert_eq(t->b[0].nodes[k][0], post0[k][0], "knoop %u", k);
        cr_assert_eq(t->b[0].nodes[k][1], post0[k][1], "knoop %u", k);
    }
    cr_assert_eq(t->b[0].t.n, 5);
    cr_assert_str_eq(x_str(x, t->b[0].t.arg[0]), "Op tijd: ");
    cr_assert_eq(t->b[0].t.kind[1], RBC_SEG_INPUT);
    cr_assert_eq(t->b[0].t.arg[1], X_INPUT("aanmelding"));
    cr_assert_eq(t->b[0].t.kind[3], RBC_SEG_PARAM);
    cr_assert_eq(t->b[0].t.arg[3], 0);
    cr_assert_str_eq(x_str(x, t->b[0].t.arg[4]), ".");
    /* branch 1: NOT(OR(atom 2, atom 3)), no template */
    cr_assert_str_eq(x_str(x, t->b[1].cond), "niet (werkt of studeert)");
    const uint32_t post1[4][2] = {
        {RBC_CN_ATOM, 2}, {RBC_CN_ATOM, 3}, {RBC_CN_OR, 0}, {RBC_CN_NOT, 0}};
    cr_assert_eq(t->b[1].n_nodes, 4);
    for (uint32_t k = 0; k < 4; k++) {
        cr_assert_eq(t->b[1].nodes[k][0], post1[k][0], "knoop %u", k);
        cr_assert_eq(t->b[1].nodes[k][1], post1[k][1], "knoop %u", k);
    }
    cr_assert_eq(t->b[1].t.n, 0);
    /* branch 2: anders, no condition */
    cr_assert_eq(t->b[2].cond, RBC_NONE);
    cr_assert_eq(t->b[2].n_nodes, 0);
    cr_assert_eq(t->b[2].t.n, 1);
    cr_assert_eq(t->b[2].t.kind[0], RBC_SEG_OUTCOME);
    cr_assert_eq(t->b[2].t.arg[0], X_OUTCOME("tijdig"));

    /* an unconditional rule: one branch; no template */
    cr_assert_eq(x->rules[1].t.n, 0);
    cr_assert_eq(x->rules[1].n_branches, 1);
    cr_assert_eq(x->rules[1].b[0].result, results[3]);
    cr_assert_eq(x->rules[1].b[0].cond, RBC_NONE);
    /* without anders: one branch, the NOT_APPLIED is no branch */
    cr_assert_eq(x->rules[2].n_branches, 1);
    cr_assert_eq(x->rules[2].b[0].result, results[4]);
    cr_assert_str_eq(x_str(x, x->rules[2].b[0].cond), "werkt");
    free(x);
    free(r.bytes);
}

/* NOTE right after the atom's code, before the short-circuit jump; a value
 * (x is a en b) gets none. */
Test(uitleg_emit, note_after_each_atom_before_the_jumps)
{
    rbc r = compile("invoer a: waarheid, b: waarheid, c: getal.\nuitkomst u: waarheid.\n"
                    "regel \"R\" u is a en b indien a en (b of niet c > 1), anders onwaar.\n");
    x_explain *x = decode(&r);
    static const uint8_t want[] = {OP_LOAD_INPUT,    OP_NOTE,       OP_JUMP_IF_FALSE_KEEP, /* a */
                                   OP_LOAD_INPUT,    OP_NOTE,       OP_JUMP_IF_TRUE_KEEP,  /* b */
                                   OP_LOAD_INPUT,    OP_PUSH_CONST, OP_GT,
                                   OP_NOT,           OP_NOTE,       OP_OR,
                                   OP_AND, /* niet c > 1 */
                                   OP_COND,          OP_LOAD_INPUT, OP_JUMP_IF_FALSE_KEEP,
                                   OP_LOAD_INPUT,    OP_AND, /* value */
                                   OP_RESULT,        OP_PUSH_FALSE, OP_RESULT,
                                   OP_RESULT_UNKNOWN};
    size_t n = 0;
    for (uint32_t at = 0; at < x->code_len; n++) {
        cr_assert_lt(n, sizeof want);
        cr_assert_eq(x->code[at], want[n], "instructie %zu: %u, verwacht %u", n, x->code[at],
                     want[n]);
        at += rbc_instr_size((enum rbc_operands)opnd_of[x->code[at]]);
    }
    cr_assert_eq(n, sizeof want);
    cr_assert_eq(x->n_atoms, 3);
    cr_assert_str_eq(x->atoms[2].text, "niet c > 1");
    const uint32_t post[5][2] = {
        {RBC_CN_ATOM, 0}, {RBC_CN_ATOM, 1}, {RBC_CN_ATOM, 2}, {RBC_CN_OR, 0}, {RBC_CN_AND, 0}};
    cr_assert_eq(x->rules[0].b[0].n_nodes, 5);
    for (uint32_t k = 0; k < 5; k++) {
        cr_assert_eq(x->rules[0].b[0].nodes[k][0], post[k][0], "knoop %u", k);
        cr_assert_eq(x->rules[0].b[0].nodes[k][1], post[k][1], "knoop %u", k);
    }
    free(x);
    free(r.bytes);
}

Test(uitleg_emit, refs_of_selections_parameters_and_fields)
{
    rbc r =
        compile("gegeven T heeft ok: waarheid, d: datum.\n"
                "invoer ts: lijst van T, g: T, grens: datum, moment: datum.\n"
                "uitkomst u: waarheid.\nbegrip b: waarheid.\n"
                "parameter p: getal is 1 geldig vanaf 2020-01-01 tot 2021-01-01, is 2 geldig vanaf "
                "2021-01-01.\n"
                "regel \"B\" b is waar.\n"
                "regel \"R\" u is waar indien (er is een t in ts waarvoor t.d > grens en b)\n"
                "  en g.ok en p geldig op moment > 1 en p < 3 en aantal ts > p,\n"
                "  anders onwaar.\n");
    x_explain *x = decode(&r);
    cr_assert_eq(x->n_atoms, 5);
    /* the list and the names inside the selection; not the element t */
    cr_assert_str_eq(x->atoms[0].text, "er is een t in ts waarvoor t.d > grens en b");
    cr_assert_eq(x->atoms[0].n_refs, 3);
    cr_assert_eq(x->atoms[0].refs[0][0], RBC_REF_INPUT);
    cr_assert_eq(x->atoms[0].refs[0][1], X_INPUT("ts"));
    cr_assert_eq(x->atoms[0].refs[1][1], X_INPUT("grens"));
    cr_assert_eq(x->atoms[0].refs[2][0], RBC_REF_OUTCOME);
    cr_assert_eq(x->atoms[0].refs[2][1], X_OUTCOME("b"));
    /* a field of an input: the input */
    cr_assert_str_eq(x->atoms[1].text, "g.ok");
    cr_assert_eq(x->atoms[1].n_refs, 1);
    cr_assert_eq(x->atoms[1].refs[0][1], X_INPUT("g"));
    /* `p geldig op dag`: dag, not p */
    cr_assert_str_eq(x->atoms[2].text, "p geldig op moment > 1");
    cr_assert_eq(x->atoms[2].n_refs, 1);
    cr_assert_eq(x->atoms[2].refs[0][0], RBC_REF_INPUT);
    cr_assert_eq(x->atoms[2].refs[0][1], X_INPUT("moment"));
    /* a plain parameter read is a ref */
    cr_assert_eq(x->atoms[3].n_refs, 1);
    cr_assert_eq(x->atoms[3].refs[0][0], RBC_REF_PARAM);
    cr_assert_eq(x->atoms[3].refs[0][1], 0);
    /* order of first occurrence, each once */
    cr_assert_str_eq(x->atoms[4].text, "aantal ts > p");
    cr_assert_eq(x->atoms[4].n_refs, 2);
    cr_assert_eq(x->atoms[4].refs[0][0], RBC_REF_INPUT);
    cr_assert_eq(x->atoms[4].refs[1][0], RBC_REF_PARAM);
    /* only one COND-level NOTE per atom: the waarvoor condition has none */
    uint32_t notes[16];
    cr_assert_eq(offsets_of(x, OP_NOTE, notes, 16), 5);
    free(x);
    free(r.bytes);
}

Test(uitleg_emit, refs_are_distinct_in_order_of_first_occurrence)
{
    rbc r = compile("invoer a: getal, b: getal.\nuitkomst u: waarheid.\n"
                    "regel \"R\" u is waar indien b + a > a * b, anders onwaar.\n");
    x_explain *x = decode(&r);
    cr_assert_eq(x->n_atoms, 1);
    cr_assert_eq(x->atoms[0].n_refs, 2);
    cr_assert_eq(x->atoms[0].refs[0][1], X_INPUT("b"));
    cr_assert_eq(x->atoms[0].refs[1][1], X_INPUT("a"));
    free(x);
    free(r.bytes);
}

Test(uitleg_emit, exceptions_follow_rules_order)
{
    rbc r = compile("invoer w: waarheid.\nuitkomst a: getal.\n"
                    "uitzondering \"E\" op \"R\" a is 2 indien w uitleg \"Twee\".\n"
                    "regel \"R\" a is 1 uitleg \"Een\".\n");
    x_explain *x = decode(&r);
    cr_assert_eq(x->n_rules, 2);
    /* RULES: R (parent) first, then E */
    cr_assert_str_eq(x_str(x, x->rules[0].b[0].t.arg[0]), "Een");
    cr_assert_eq(x->rules[0].b[0].cond, RBC_NONE);
    cr_assert_str_eq(x_str(x, x->rules[1].b[0].t.arg[0]), "Twee");
    cr_assert_str_eq(x_str(x, x->rules[1].b[0].cond), "w");
    /* each result offset lies inside its rule's block */
    uint32_t size;
    const uint8_t *rules = section(&r, RBC_SEC_RULES, &size);
    for (uint32_t k = 0; k < 2; k++) {
        const uint8_t *e = rules + 4 + 4 * RBC_RULE_FIELDS * k;
        uint32_t start = rd32(e + 28), len = rd32(e + 32);
        cr_assert_geq(x->rules[k].b[0].result, start);
        cr_assert_lt(x->rules[k].b[0].result, start + len);
        cr_assert_eq(x->code[x->rules[k].b[0].result], OP_RESULT);
    }
    free(x);
    free(r.bytes);
}

Test(uitleg_emit, deterministic_and_loaded_by_the_runtime)
{
    const char *src = "invoer a: waarheid, d: datum.\nuitkomst u: waarheid.\n"
                      "parameter p: getal is 1.\n"
                      "regel \"R\" uitleg \"{u} op {d}, {p}\"\n"
                      "  u is waar indien a en niet a, anders onwaar indien a uitleg \"x\".\n";
    rbc r1 = compile(src), r2 = compile(src);
    cr_assert_eq(r1.len, r2.len);
    cr_assert_eq(memcmp(r1.bytes, r2.bytes, r1.len), 0);
    regel_policy *pol = NULL;
    regel_error err;
    memset(&err, 0, sizeof err);
    int rc = regel_policy_load(r1.bytes, r1.len, "t.rbc", &pol, &err);
    cr_assert_eq(rc, REGEL_OK, "laden mislukt: %s", err.message);
    cr_assert_eq(pol->n_atoms, 3);
    cr_assert_str_eq(pol->atoms[1].text, "niet a");
    cr_assert_eq(pol->n_rules, 1);
    cr_assert_eq(pol->rules[0].n_branches, 2);
    cr_assert_eq(pol->rules[0].uitleg.n, 5);
    cr_assert_str_eq(pol->rules[0].branches[0].cond_text, "a en niet a");
    cr_assert_eq(pol->rules[0].branches[1].uitleg.n, 1);
    regel_policy_free(pol);
    free(r1.bytes);
    free(r2.bytes);
}
