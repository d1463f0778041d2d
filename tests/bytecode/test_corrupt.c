/* test_corrupt.c — corrupted-bytecode tests: every truncation of a valid
 * .rbc must be rejected, and every single-bit flip (and byte inversion) must
 * be rejected or, when accepted, evaluate without crashing. Meant to run
 * under ASan and UBSan. */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cal.h"
#include "eval.h"
#include "policy.h"
#include "../unit/rbc_builder.h"
#include "regel.h"

/* A non-trivial policy: an enum, a record, exceptions two deep, a begrip read
 * by an outcome, arithmetic, text, short-circuit logic and LINES; and (v0.2)
 * dates, durations, amounts, a parameter with versions, rule versions with a
 * validity, a list of records with a filtered loop, a minimum with standaard
 * and periods; (format 2.0) NOTEs and an EXPLAIN section with atoms naming
 * inputs, an outcome and a parameter, condition trees with EN/OF/NIET and
 * sentences with every kind of segment. */
static uint8_t *build_policy(size_t *len)
{
    rbc_builder *b = rb_new();
    rb_meta(b, "Inburgering", "Regeerakkoord", "inburgering.regel");
    uint32_t tw = rb_type_prim(b, RBC_TYPE_WAARHEID);
    uint32_t tg = rb_type_prim(b, RBC_TYPE_GETAL);
    uint32_t tt = rb_type_prim(b, RBC_TYPE_TEKST);
    const char *regs[] = {"vreemdelingenregister", "bevolkingsregister", "wachtregister", "geen"};
    uint32_t te = rb_type_enum(b, "Register", 4, regs);
    const char *fields[] = {"score", "geslaagd", "soort"};
    uint32_t ftypes[] = {tg, tw, te};
    uint32_t tr = rb_type_record(b, "Toets", 3, fields, ftypes);
    uint32_t i_reg = rb_input(b, "register", te);
    uint32_t i_werkt = rb_input(b, "werkt", tw);
    uint32_t i_leeftijd = rb_input(b, "leeftijd", tg);
    uint32_t i_toets = rb_input(b, "toets", tr);
    uint32_t i_naam = rb_input(b, "naam", tt);
    uint32_t o_volw = rb_outcome(b, "volwassen", tw, 0, 3);
    uint32_t o_toegang = rb_outcome(b, "toegang", tw, RBC_OUTCOME_OUTPUT, 0);
    uint32_t o_bedrag = rb_outcome(b, "bedrag", tg, RBC_OUTCOME_OUTPUT, 1);
    uint32_t o_groet = rb_outcome(b, "groet", tt, RBC_OUTCOME_OUTPUT, 2);
    uint32_t c18 = rb_const_num(b, 18, 1);
    uint32_t cthird = rb_const_num(b, 1, 3);
    uint32_t c100 = rb_const_num(b, 100, 1);
    uint32_t challo = rb_const_text(b, "Hallo");
    uint32_t c0 = rb_const_num(b, 0, 1);

    /* volwassen is leeftijd ten minste 18 */
    uint32_t r = rb_rule_begin(b, "Volwassen", o_volw, RBC_NONE);
    rb_rule_meta(b, r, "Art. 1", NULL, 10, 1);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, i_leeftijd), 10, 1);
    rb_op1(b, OP_PUSH_CONST, c18);
    rb_op(b, OP_GE);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);

    /* toegang is waar indien register is een van vreemdelingen, bevolking, anders onwaar */
    uint32_t ref_reg[] = {RBC_REF_INPUT, i_reg}, ref_volw[] = {RBC_REF_OUTCOME, o_volw};
    uint32_t ref_werkt[] = {RBC_REF_INPUT, i_werkt};
    uint32_t ref_toets[] = {RBC_REF_INPUT, i_toets, RBC_REF_PARAM, 0};
    uint32_t a_vr = rb_atom(b, "register is vreemdelingenregister", 20, 30, 1, ref_reg);
    uint32_t a_be = rb_atom(b, "register is bevolkingsregister", 20, 60, 1, ref_reg);
    uint32_t toegang = rb_rule_begin(b, "Toegang", o_toegang, RBC_NONE);
    rb_rule_meta(b, toegang, "Art. 2", "De cursus staat open voor…", 20, 1);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, i_reg), 20, 1);
    rb_op2(b, OP_PUSH_ENUM, te, 0);
    rb_op(b, OP_EQ);
    rb_op1(b, OP_NOTE, a_vr);
    uint32_t j = rb_op1(b, OP_JUMP_IF_TRUE_KEEP, 0);
    rb_op1(b, OP_LOAD_INPUT, i_reg);
    rb_op2(b, OP_PUSH_ENUM, te, 1);
    rb_op(b, OP_EQ);
    rb_op1(b, OP_NOTE, a_be);
    rb_op(b, OP_OR);
    rb_patch(b, j, 0, rb_here(b));
    uint32_t c = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, OP_PUSH_TRUE);
    uint32_t res = rb_op(b, OP_RESULT);
    uint32_t n_or[] = {RBC_CN_ATOM, a_vr, RBC_CN_ATOM, a_be, RBC_CN_OR, 0};
    rb_branch(b, toegang, res,
              "register is vreemdelingenregister of register is "
              "bevolkingsregister",
              3, n_or);
    rb_patch(b, c, 0, rb_op(b, OP_PUSH_FALSE));
    rb_branch(b, toegang, rb_op(b, OP_RESULT), NULL, 0, NULL);
    rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);
    rb_seg s_toegang[] = {{RBC_SEG_TEXT, 0, "U krijgt toegang: "},
                          {RBC_SEG_OUTCOME, o_toegang, NULL},
                          {RBC_SEG_TEXT, 0, ", want u staat in het "},
                          {RBC_SEG_INPUT, i_reg, NULL},
                          {RBC_SEG_TEXT, 0, " (vergoeding "},
                          {RBC_SEG_PARAM, 0, NULL},
                          {RBC_SEG_TEXT, 0, ")."}};
    rb_rule_uitleg(b, toegang, 7, s_toegang);
    rb_seg s_nee[] = {{RBC_SEG_TEXT, 0, "Geen toegang voor "}, {RBC_SEG_INPUT, i_naam, NULL}};
    rb_branch_uitleg(b, toegang, 1, 2, s_nee);

    /* uitzondering: wachtregister en volwassen → onwaar */
    uint32_t wacht = rb_rule_begin(b, "Wachtregister", o_toegang, toegang);
    rb_rule_meta(b, wacht, NULL, NULL, 30, 1);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, i_reg), 30, 1);
    rb_op2(b, OP_PUSH_ENUM, te, 2);
    rb_op(b, OP_EQ);
    uint32_t a_wa = rb_atom(b, "register is wachtregister", 30, 20, 1, ref_reg);
    rb_op1(b, OP_NOTE, a_wa);
    j = rb_op1(b, OP_JUMP_IF_FALSE_KEEP, 0);
    rb_op1(b, OP_LOAD_OUTCOME, o_volw);
    uint32_t a_vo = rb_atom(b, "volwassen", 30, 50, 1, ref_volw);
    rb_op1(b, OP_NOTE, a_vo);
    rb_op(b, OP_AND);
    rb_patch(b, j, 0, rb_here(b));
    c = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, OP_PUSH_FALSE);
    uint32_t n_and[] = {RBC_CN_ATOM, a_wa, RBC_CN_ATOM, a_vo, RBC_CN_AND, 0};
    rb_branch(b, wacht, rb_op(b, OP_RESULT), "register is wachtregister en volwassen", 3, n_and);
    rb_patch(b, c, 0, rb_op(b, OP_NOT_APPLIED));
    rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);

    /* uitzondering op de uitzondering: werkt → waar */
    r = rb_rule_begin(b, "Werkend", o_toegang, wacht);
    rb_rule_meta(b, r, "Art. 3", NULL, 40, 1);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, i_werkt), 40, 1);
    rb_op(b, OP_NOT);
    uint32_t a_nw = rb_atom(b, "niet werkt", 40, 20, 1, ref_werkt);
    rb_op1(b, OP_NOTE, a_nw);
    rb_op(b, OP_NOT);
    c = rb_op2(b, OP_COND, 0, 0);
    rb_op(b, OP_PUSH_TRUE);
    uint32_t n_not[] = {RBC_CN_ATOM, a_nw, RBC_CN_NOT, 0};
    rb_branch(b, r, rb_op(b, OP_RESULT), "niet (niet werkt)", 2, n_not);
    rb_seg s_werkt[] = {{RBC_SEG_TEXT, 0, "U werkt: "}, {RBC_SEG_INPUT, i_werkt, NULL}};
    rb_branch_uitleg(b, r, 0, 2, s_werkt);
    rb_patch(b, c, 0, rb_op(b, OP_NOT_APPLIED));
    rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);

    /* bedrag is toets.score × 1/3 + 100 / leeftijd − 0 indien toets.geslaagd, anders −0 */
    r = rb_rule_begin(b, "Bedrag", o_bedrag, RBC_NONE);
    rb_rule_meta(b, r, NULL, NULL, 50, 1);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, i_toets), 50, 1);
    rb_op1(b, OP_FIELD, 1);
    uint32_t a_ge = rb_atom(b, "toets.geslaagd", 50, 60, 2, ref_toets);
    rb_op1(b, OP_NOTE, a_ge);
    c = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_LOAD_INPUT, i_toets);
    rb_op1(b, OP_FIELD, 0);
    rb_op1(b, OP_PUSH_CONST, cthird);
    rb_line(b, rb_op(b, OP_MUL), 50, 20);
    rb_op1(b, OP_PUSH_CONST, c100);
    rb_op1(b, OP_LOAD_INPUT, i_leeftijd);
    rb_line(b, rb_op(b, OP_DIV), 50, 30);
    rb_line(b, rb_op(b, OP_ADD), 50, 25);
    rb_op1(b, OP_PUSH_CONST, c0);
    rb_line(b, rb_op(b, OP_SUB), 50, 40);
    uint32_t n_ge[] = {RBC_CN_ATOM, a_ge};
    rb_branch(b, r, rb_op(b, OP_RESULT), "toets.geslaagd", 1, n_ge);
    rb_patch(b, c, 0, rb_op1(b, OP_PUSH_CONST, c0));
    rb_line(b, rb_op(b, OP_NEG), 51, 9);
    rb_branch(b, r, rb_op(b, OP_RESULT), NULL, 0, NULL);
    rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);

    /* groet: two roots that may conflict */
    r = rb_rule_begin(b, "Groet", o_groet, RBC_NONE);
    rb_rule_meta(b, r, NULL, NULL, 60, 1);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, i_toets), 60, 1);
    rb_op1(b, OP_FIELD, 2);
    rb_op2(b, OP_PUSH_ENUM, te, 3);
    rb_op(b, OP_NE);
    c = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_PUSH_CONST, challo);
    rb_op(b, OP_RESULT);
    rb_patch(b, c, 0, rb_op(b, OP_NOT_APPLIED));
    rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);
    r = rb_rule_begin(b, "Naam", o_groet, RBC_NONE);
    rb_rule_meta(b, r, NULL, NULL, 70, 1);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, i_werkt), 70, 1);
    rb_op(b, OP_PUSH_FALSE);
    rb_op(b, OP_EQ);
    c = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_LOAD_INPUT, i_naam);
    j = rb_op1(b, OP_JUMP, 0);
    rb_patch(b, c, 0, rb_op(b, OP_NOT_APPLIED));
    rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_patch(b, j, 0, rb_op(b, OP_RESULT));
    rb_rule_end(b);

    /* ---- v0.2 ---- */
    uint32_t td = rb_type_prim(b, RBC_TYPE_DATUM);
    uint32_t tdu = rb_type_prim(b, RBC_TYPE_DUUR);
    uint32_t tb = rb_type_prim(b, RBC_TYPE_BEDRAG);
    uint32_t tp = rb_type_prim(b, RBC_TYPE_PERIODE);
    const char *afn[] = {"datum", "cijfer", "periode"};
    uint32_t aft[] = {td, tg, tp};
    uint32_t ta = rb_type_record(b, "Afname", 3, afn, aft);
    uint32_t tla = rb_type_list(b, ta);
    uint32_t tlp = rb_type_list(b, tp);
    uint32_t i_peil = rb_input(b, "peildatum", td);
    uint32_t i_afn = rb_input(b, "afnames", tla);
    uint32_t i_duur = rb_input(b, "termijn", tdu);
    rb_peildatum(b, i_peil);
    uint32_t o_verg = rb_outcome(b, "vergoeding", tb, RBC_OUTCOME_OUTPUT, 4);
    uint32_t o_aantal = rb_outcome(b, "aantal", tg, RBC_OUTCOME_OUTPUT, 5);
    uint32_t o_eind = rb_outcome(b, "einddatum", td, RBC_OUTCOME_OUTPUT, 6);
    uint32_t o_dagen = rb_outcome(b, "dagen", tg, RBC_OUTCOME_OUTPUT, 7);
    uint32_t d2022 = (uint32_t)cal_from_ymd(2022, 3, 1);
    uint32_t c_e0 = rb_const_bedrag(b, 0), c_e90 = rb_const_bedrag(b, 9000);
    uint32_t c_d = rb_const_date(b, d2022);
    uint32_t c_6 = rb_const_num(b, 6, 1);
    uint32_t c_m = rb_const_duur(b, 3, 0);
    uint32_t pf[] = {RBC_NONE, d2022}, pu[] = {d2022, RBC_NONE}, pv[] = {c_e0, c_e90};
    uint32_t par = rb_param(b, "toetsvergoeding", tb, 2, pf, pu, pv);

    /* vergoeding is toetsvergoeding × aantal afnames (two versions of one rule) */
    r = rb_rule_begin(b, "Vergoeding", o_verg, RBC_NONE);
    rb_rule_validity(b, r, RBC_NONE, d2022);
    rb_rule_meta(b, r, NULL, NULL, 80, 1);
    rb_line(b, rb_op1(b, OP_LOAD_PARAM, par), 80, 1);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    r = rb_rule_begin(b, "Vergoeding", o_verg, RBC_NONE);
    rb_rule_validity(b, r, d2022, RBC_NONE);
    rb_rule_meta(b, r, NULL, NULL, 81, 1);
    rb_line(b, rb_op1(b, OP_PUSH_CONST, c_e0), 81, 1);
    rb_op1(b, OP_LOAD_INPUT, i_afn);
    rb_op1(b, OP_ITER_BEGIN, 0);
    uint32_t top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_FIELD, 0);
    rb_line(b, rb_op1(b, OP_LOAD_PARAM_AT, par), 81, 20);
    rb_line(b, rb_op(b, OP_BEDRAG_ADD), 81, 10);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_op(b, OP_RESULT));
    rb_rule_end(b);

    /* aantal is minimum van a.cijfer voor elke a in afnames waarvoor a.datum ≥ 2022-03-01,
     * standaard 6 */
    r = rb_rule_begin(b, "Aantal", o_aantal, RBC_NONE);
    rb_rule_meta(b, r, NULL, NULL, 90, 1);
    rb_line(b, rb_op1(b, OP_PUSH_LEEG, tg), 90, 1);
    rb_op1(b, OP_LOAD_INPUT, i_afn);
    rb_op1(b, OP_ITER_BEGIN, 0);
    top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_FIELD, 0);
    rb_op1(b, OP_PUSH_CONST, c_d);
    rb_op(b, OP_GE);
    c = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_FIELD, 1);
    rb_op(b, OP_ACC_MIN);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, c, 0, rb_op1(b, OP_LOOP, top));
    rb_patch(b, c, 1, rb_op(b, OP_POP));
    rb_op1(b, OP_PUSH_UNKNOWN, tg);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_here(b));
    j = rb_op1(b, OP_JUMP_IF_NOT_LEEG, 0);
    rb_op(b, OP_POP);
    rb_op1(b, OP_PUSH_CONST, c_6);
    rb_patch(b, j, 0, rb_op(b, OP_RESULT));
    rb_rule_end(b);

    /* einddatum is peildatum + termijn + 3 maanden − (6) dagen */
    r = rb_rule_begin(b, "Einddatum", o_eind, RBC_NONE);
    rb_rule_meta(b, r, NULL, NULL, 100, 1);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, i_peil), 100, 1);
    rb_op1(b, OP_LOAD_INPUT, i_duur);
    rb_op1(b, OP_PUSH_CONST, c_m);
    rb_op(b, OP_DUUR_ADD);
    rb_line(b, rb_op(b, OP_DATE_ADD), 100, 12);
    rb_op1(b, OP_PUSH_CONST, c_6);
    rb_line(b, rb_op1(b, OP_MAKE_DUUR, RBC_UNIT_DAGEN), 100, 30);
    rb_line(b, rb_op(b, OP_DATE_SUB), 100, 25);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);

    /* dagen is totaal aantal dagen van (elke a.periode) begrensd tot periode van 2022-03-01
     * tot einddatum, samengevoegd */
    r = rb_rule_begin(b, "Dagen", o_dagen, RBC_NONE);
    rb_rule_meta(b, r, NULL, NULL, 110, 1);
    rb_line(b, rb_op1(b, OP_LIST_NEW, tlp), 110, 1);
    rb_op1(b, OP_LOAD_INPUT, i_afn);
    rb_op1(b, OP_ITER_BEGIN, 0);
    top = rb_op2(b, OP_ITER_NEXT, 0, 0);
    rb_op1(b, OP_LOAD_LOCAL, 0);
    rb_op1(b, OP_FIELD, 2);
    rb_op(b, OP_LIST_APPEND);
    rb_op1(b, OP_LOOP, top);
    rb_patch(b, top, 1, rb_op1(b, OP_PUSH_CONST, c_d));
    rb_op1(b, OP_LOAD_OUTCOME, o_eind);
    rb_op(b, OP_MAKE_PERIODE);
    rb_op(b, OP_PERIODES_CLIP);
    rb_op(b, OP_PERIODES_MERGE);
    rb_line(b, rb_op(b, OP_PERIODES_DAGEN), 110, 9);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);

    /* ---- v0.3: optional facts and fields, defaults, questions, geen ---- */
    const char *cf[] = {"van", "uren"};
    uint32_t ct[] = {td, tg}, cfl[] = {RBC_OPTIONAL, 0};
    uint32_t tc = rb_type_record_flags(b, "Contract", 2, cf, ct, cfl);
    uint32_t i_einde = rb_input_ext(b, "einde", td, RBC_OPTIONAL, RBC_NONE, "Wanneer eindigt het?");
    uint32_t i_ziek = rb_input_ext(b, "ziek", tw, 0, rb_const_bool(b, 0), NULL);
    rb_input_ext(b, "reg2", te, 0, rb_const_enum(b, te, 3), NULL);
    rb_input_ext(b, "start", td, RBC_OPTIONAL, rb_const_geen(b), NULL);
    uint32_t i_contract = rb_input_ext(b, "contract", tc, RBC_OPTIONAL, RBC_NONE, NULL);
    uint32_t o_eind2 = rb_outcome(b, "eind2", td, RBC_OUTCOME_OUTPUT | RBC_OUTCOME_OPTIONAL, 8);
    uint32_t o_bek = rb_outcome(b, "bekend", tw, RBC_OUTCOME_OUTPUT, 9);

    /* eind2 is geen indien ziek, anders einde + termijn */
    r = rb_rule_begin(b, "Eind2", o_eind2, RBC_NONE);
    rb_rule_meta(b, r, NULL, NULL, 120, 1);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, i_ziek), 120, 1);
    c = rb_op2(b, OP_COND, 0, 0);
    rb_op1(b, OP_PUSH_GEEN, td);
    rb_op(b, OP_RESULT);
    rb_patch(b, c, 0, rb_op1(b, OP_LOAD_INPUT, i_einde));
    rb_op1(b, OP_LOAD_INPUT, i_duur);
    rb_line(b, rb_op(b, OP_DATE_ADD), 120, 30);
    rb_op(b, OP_RESULT);
    rb_patch(b, c, 1, rb_op(b, OP_RESULT_UNKNOWN));
    rb_rule_end(b);

    /* bekend is einde is bekend en niet (contract.van is geen) of eind2 < peildatum */
    r = rb_rule_begin(b, "Bekend", o_bek, RBC_NONE);
    rb_rule_meta(b, r, NULL, NULL, 130, 1);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, i_einde), 130, 1);
    rb_op(b, OP_IS_KNOWN);
    j = rb_op1(b, OP_JUMP_IF_FALSE_KEEP, 0);
    rb_op1(b, OP_LOAD_INPUT, i_contract);
    rb_op1(b, OP_FIELD, 0);
    rb_op(b, OP_IS_GEEN);
    rb_op(b, OP_NOT);
    rb_op(b, OP_AND);
    rb_patch(b, j, 0, rb_here(b));
    j = rb_op1(b, OP_JUMP_IF_TRUE_KEEP, 0);
    rb_op1(b, OP_LOAD_OUTCOME, o_eind2);
    rb_op1(b, OP_LOAD_INPUT, i_peil);
    rb_op(b, OP_LT);
    rb_op(b, OP_OR);
    rb_patch(b, j, 0, rb_op(b, OP_RESULT));
    rb_rule_end(b);

    uint8_t *bytes = rb_finish(b, len);
    rb_free(b);
    return bytes;
}

/* A value of type t for policy p (variant picks different members/values). */
static rt_value make_value(const regel_policy *p, arena *a, uint32_t t, bool optional,
                           unsigned variant, unsigned depth)
{
    rt_value v;
    memset(&v, 0, sizeof v);
    if (t >= p->n_types || depth > 8)
        return v;
    if (optional && variant % 5 == 2) {
        v.tag = RV_GEEN; /* null for an optional fact or field */
        return v;
    }
    const rt_type *ty = &p->types[t];
    switch (ty->kind) {
    case RBC_TYPE_WAARHEID:
        v.tag = RV_WAARHEID;
        v.u.b = variant & 1;
        break;
    case RBC_TYPE_GETAL:
        v.tag = RV_GETAL;
        v.u.q.num = variant & 1 ? 0 : 37;
        v.u.q.den = variant & 2 ? 1 : 2;
        break;
    case RBC_TYPE_TEKST:
        v.tag = RV_TEKST;
        v.u.str.s = "Hallo";
        v.u.str.len = 5;
        break;
    case RBC_TYPE_ENUM:
        v.tag = RV_MEMBER;
        v.u.member = variant % ty->n;
        break;
    case RBC_TYPE_RECORD: {
        rt_value *f = arena_alloc(a, ty->n * sizeof *f);
        cr_assert_not_null(f);
        for (uint32_t i = 0; i < ty->n; i++)
            f[i] = make_value(p, a, ty->fields[i].type, ty->fields[i].flags & RBC_OPTIONAL,
                              variant + i, depth + 1);
        v.tag = RV_RECORD;
        v.u.fields = f;
        break;
    }
    case RBC_TYPE_DATUM:
        v.tag = RV_DATUM;
        v.u.day =
            cal_from_ymd(variant & 1 ? 2022 : 2021, 1 + (int)variant % 12, 31 - (int)variant % 4);
        if (variant == 4)
            v.u.day = CAL_DAY_MAX - 3; /* dates near the end of the calendar */
        break;
    case RBC_TYPE_DUUR:
        v.tag = RV_DUUR;
        v.u.duur.months = (int32_t)variant - 2;
        v.u.duur.days = (int32_t)variant * 3;
        break;
    case RBC_TYPE_BEDRAG:
        v.tag = RV_BEDRAG;
        v.u.cents = variant & 1 ? 1250 : INT64_MAX - 5;
        break;
    case RBC_TYPE_PERIODE:
        v.tag = RV_PERIODE;
        v.u.periode.van = cal_from_ymd(2022, 1 + (int)variant % 12, 1);
        v.u.periode.open = variant % 3 == 0;
        v.u.periode.tot = v.u.periode.open ? 0 : v.u.periode.van + 40;
        break;
    case RBC_TYPE_LIJST: {
        uint32_t n = variant % 4;
        rt_value *items = arena_alloc(a, (n ? n : 1) * sizeof *items);
        cr_assert_not_null(items);
        for (uint32_t i = 0; i < n; i++) {
            items[i] = make_value(p, a, ty->elem, false, variant + i, depth + 1);
            if (items[i].tag == RV_ONBEKEND) /* lists hold no onbekend elements */
                items[i] = make_value(p, a, ty->elem, false, 1, depth + 1);
        }
        v.tag = RV_LIJST;
        v.u.list.items = items;
        v.u.list.n = n;
        break;
    }
    default:
        break;
    }
    return v;
}

/* Evaluate several cases built for p; every result must be OK or EVAL. */
static unsigned evaluate_cases(const regel_policy *p)
{
    regel_eval *ev = regel_eval_new(p);
    cr_assert_not_null(ev);
    arena *a = arena_new(4096);
    cr_assert_not_null(a);
    unsigned ok = 0;
    for (unsigned variant = 0; variant < 6; variant++) {
        arena_reset(a);
        struct regel_case c;
        c.policy = p;
        c.arena = a;
        c.name = "geval";
        c.facts = arena_alloc(a, (p->n_inputs ? p->n_inputs : 1) * sizeof *c.facts);
        c.defaulted = arena_alloc(a, p->n_inputs ? p->n_inputs : 1);
        cr_assert_not_null(c.facts);
        cr_assert_not_null(c.defaulted);
        for (uint32_t i = 0; i < p->n_inputs; i++)
            if (variant < 5 && (variant + i) % 4 != 3) /* some facts stay onbekend */
                c.facts[i] = make_value(p, a, p->inputs[i].type, p->inputs[i].flags & RBC_OPTIONAL,
                                        variant + i, 0);
        regel_error err;
        int rc = regel_evaluate(ev, &c, variant & 1 ? REGEL_EXPLAIN : 0, &err);
        cr_assert(rc == REGEL_OK || rc == REGEL_ERR_EVAL, "evaluatie gaf %d: %s", rc, err.message);
        if (rc == REGEL_OK) {
            ok++;
            for (uint32_t o = 0; o < p->n_outcomes; o++)
                cr_assert(ev->status[o] <= EV_NO_RULE);
            /* The renderers must cope with whatever a verified policy holds. */
            char *out = NULL;
            size_t out_len = 0;
            rc = regel_render_json(ev, &out, &out_len, &err);
            cr_assert(rc == REGEL_OK || rc == REGEL_ERR_EVAL, "json gaf %d: %s", rc, err.message);
            regel_free(out);
            out = NULL;
            rc = regel_render_text(ev, &out, &out_len, &err);
            cr_assert(rc == REGEL_OK || rc == REGEL_ERR_EVAL, "tekst gaf %d: %s", rc, err.message);
            regel_free(out);
        } else {
            cr_assert_neq(err.message[0], '\0');
        }
    }
    arena_free(a);
    regel_eval_free(ev);
    return ok;
}

static void check_truncations(const uint8_t *bytes, size_t len)
{
    for (size_t n = 0; n < len; n++) {
        uint8_t *copy = malloc(n ? n : 1); /* exact size so ASan sees over-reads */
        cr_assert_not_null(copy);
        memcpy(copy, bytes, n);
        regel_policy *p = NULL;
        regel_error err;
        int rc = regel_policy_load(copy, n, "x.rbc", &p, &err);
        cr_assert_eq(rc, REGEL_ERR_BYTECODE, "afgebroken op %zu bytes geaccepteerd (%d)", n, rc);
        cr_assert_null(p);
        cr_assert(strncmp(err.message, "ongeldige bytecode in ‘x.rbc’: ", 35) == 0, "%s",
                  err.message);
        char *listing = NULL;
        cr_assert_eq(regel_disassemble(copy, n, "x.rbc", &listing, &err), REGEL_ERR_BYTECODE);
        cr_assert_null(listing);
        free(copy);
    }
}

struct flip_stats {
    unsigned rejected, accepted, evaluated_ok;
};

static void try_mutant(const uint8_t *copy, size_t len, struct flip_stats *st)
{
    regel_policy *p = NULL;
    regel_error err;
    int rc = regel_policy_load(copy, len, "x.rbc", &p, &err);
    cr_assert(rc == REGEL_OK || rc == REGEL_ERR_BYTECODE, "laden gaf %d: %s", rc, err.message);
    if (rc != REGEL_OK) {
        cr_assert_null(p);
        cr_assert_neq(err.message[0], '\0');
        st->rejected++;
        return;
    }
    st->accepted++;
    st->evaluated_ok += evaluate_cases(p);
    char *listing = NULL;
    cr_assert_eq(regel_disassemble(copy, len, "x.rbc", &listing, &err), REGEL_OK);
    cr_assert_not_null(listing);
    regel_free(listing);
    regel_policy_free(p);
}

static struct flip_stats check_flips(const uint8_t *bytes, size_t len)
{
    struct flip_stats st = {0, 0, 0};
    uint8_t *copy = malloc(len);
    cr_assert_not_null(copy);
    for (size_t i = 0; i < len; i++) {
        static const uint8_t masks[] = {1, 2, 4, 8, 16, 32, 64, 128, 0xFF};
        for (size_t m = 0; m < sizeof masks; m++) {
            memcpy(copy, bytes, len);
            copy[i] ^= masks[m];
            try_mutant(copy, len, &st);
        }
    }
    free(copy);
    return st;
}

static void check_valid(const uint8_t *bytes, size_t len)
{
    regel_policy *p = NULL;
    regel_error err;
    cr_assert_eq(regel_policy_load(bytes, len, "x.rbc", &p, &err), REGEL_OK, "%s", err.message);
    unsigned ok = evaluate_cases(p);
    cr_log_info("ongeschonden beleid: %u van 6 gevallen beslist", ok);
    regel_policy_free(p);
}

Test(corrupt, built_policy_is_valid)
{
    size_t len;
    uint8_t *bytes = build_policy(&len);
    regel_policy *p = NULL;
    regel_error err;
    cr_assert_eq(regel_policy_load(bytes, len, "x.rbc", &p, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(p->n_rules, 14);
    cr_assert_eq(p->n_outcomes, 10);
    cr_assert_eq(p->n_inputs, 13);
    cr_assert_eq(p->inputs[8].flags, RBC_OPTIONAL);
    cr_assert_str_eq(p->inputs[8].vraag, "Wanneer eindigt het?");
    cr_assert_neq(p->inputs[9].def, RBC_NONE);
    cr_assert_eq(p->types[p->inputs[12].type].fields[0].flags, RBC_OPTIONAL);
    cr_assert_eq(p->max_slots, 1);
    cr_assert_eq(p->n_param_versions, 2);
    cr_assert_eq(p->rules[1].n_children, 1);
    cr_assert_eq(p->rules[2].n_children, 1);
    cr_assert_eq(p->outcomes[3].n_roots, 2);
    cr_assert_eq(p->n_atoms, 6);
    cr_assert_eq(p->rules[1].n_branches, 2);
    cr_assert_eq(p->rules[1].uitleg.n, 7);
    cr_assert_eq(p->rules[3].first_branch, 4);
    cr_assert_eq(p->rules[3].branches[0].n_nodes, 2);
    cr_assert_eq(p->n_branches_total, 17);
    regel_policy_free(p);
    free(bytes);
}

/* The explained evaluation of the built policy records a trace that fits it. */
Test(corrupt, built_policy_trace)
{
    size_t len;
    uint8_t *bytes = build_policy(&len);
    regel_policy *p = NULL;
    regel_error err;
    cr_assert_eq(regel_policy_load(bytes, len, "x.rbc", &p, &err), REGEL_OK, "%s", err.message);
    regel_eval *ev = regel_eval_new(p);
    cr_assert_not_null(ev);
    arena *a = arena_new(4096);
    struct regel_case c = {p, a, NULL, NULL, "geval", false};
    c.facts = arena_alloc(a, p->n_inputs * sizeof *c.facts);
    c.defaulted = arena_alloc(a, p->n_inputs);
    cr_assert_not_null(c.facts);
    memset(c.facts, 0, p->n_inputs * sizeof *c.facts);
    memset(c.defaulted, 0, p->n_inputs);
    /* register = wachtregister, leeftijd 40, werkt onwaar: Wachtregister
     * sets Toegang aside; Werkend runs and does not apply */
    c.facts[0].tag = RV_MEMBER;
    c.facts[0].u.member = 2;
    c.facts[1].tag = RV_WAARHEID;
    c.facts[1].u.b = false;
    c.facts[2].tag = RV_GETAL;
    c.facts[2].u.q = num_int(40);
    cr_assert_eq(regel_evaluate(ev, &c, REGEL_EXPLAIN, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(ev->decided_by[1], 2);
    cr_assert_eq(ev->rule_trace[2].end, EV_END_RESULT);
    cr_assert_eq(ev->rule_trace[2].branch, 0);
    cr_assert_eq(ev->rule_trace[1].run, EV_RULE_RAN, "set aside: ran for the trace");
    cr_assert_eq(ev->rule_trace[1].end, EV_END_RESULT);
    cr_assert_eq(ev->rule_trace[1].branch, 1, "Toegang's own value came from anders");
    cr_assert_eq(ev->rule_trace[1].value.u.b, false);
    cr_assert_eq(ev->rule_trace[3].end, EV_END_NOT_APPLIED);
    cr_assert_eq(ev->atom_value[0], EV_COND_ONWAAR);
    cr_assert_eq(ev->atom_value[1], EV_COND_ONWAAR);
    cr_assert_eq(ev->atom_value[2], EV_COND_WAAR);
    cr_assert_eq(ev->atom_value[3], EV_COND_WAAR);
    cr_assert_eq(ev->atom_value[4], EV_COND_WAAR, "niet werkt");
    cr_assert_eq(ev->branch_cond[p->rules[2].first_branch], EV_COND_WAAR);
    cr_assert_eq(ev->branch_cond[p->rules[3].first_branch], EV_COND_ONWAAR);
    arena_free(a);
    regel_eval_free(ev);
    regel_policy_free(p);
    free(bytes);
}

/* Every u32 field of the EXPLAIN section set to hostile values (counts, string
 * and table indices, offsets, kinds): rejected, or accepted and safe to
 * evaluate, explain, render and disassemble. */
Test(corrupt, explain_fields_damaged)
{
    size_t len;
    uint8_t *bytes = build_policy(&len);
    /* the EXPLAIN payload (followed only by the empty EXTERNS): its directory entry */
    const uint8_t *e = bytes + RBC_HEADER_SIZE + (RBC_SEC_EXPLAIN - 1) * RBC_DIR_ENTRY_SIZE;
    uint32_t off =
        (uint32_t)e[4] | (uint32_t)e[5] << 8 | (uint32_t)e[6] << 16 | (uint32_t)e[7] << 24;
    uint32_t size =
        (uint32_t)e[8] | (uint32_t)e[9] << 8 | (uint32_t)e[10] << 16 | (uint32_t)e[11] << 24;
    cr_assert_eq((size_t)off + size + 4, len, "EXTERNS (u32 0) follows EXPLAIN");
    cr_assert_gt(size, 200);
    uint8_t *copy = malloc(len);
    cr_assert_not_null(copy);
    struct flip_stats st = {0, 0, 0};
    static const uint32_t hostile[] = {0,    1,      2,          3,          4,         5,
                                       0x7F, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFE, 0xFFFFFFFF};
    for (uint32_t at = off; at + 4 <= off + size; at += 4) {
        uint32_t orig = (uint32_t)bytes[at] | (uint32_t)bytes[at + 1] << 8 |
                        (uint32_t)bytes[at + 2] << 16 | (uint32_t)bytes[at + 3] << 24;
        uint32_t vals[sizeof hostile / sizeof *hostile + 2];
        size_t nv = 0;
        for (size_t k = 0; k < sizeof hostile / sizeof *hostile; k++)
            vals[nv++] = hostile[k];
        vals[nv++] = orig + 1;
        vals[nv++] = orig - 1;
        for (size_t k = 0; k < nv; k++) {
            memcpy(copy, bytes, len);
            copy[at] = (uint8_t)vals[k];
            copy[at + 1] = (uint8_t)(vals[k] >> 8);
            copy[at + 2] = (uint8_t)(vals[k] >> 16);
            copy[at + 3] = (uint8_t)(vals[k] >> 24);
            try_mutant(copy, len, &st);
        }
    }
    cr_assert_gt(st.rejected, st.accepted, "de meeste beschadigingen worden afgewezen");
    cr_assert_gt(st.accepted, 0, "regelnummers en kolommen van atomen zijn onschuldig");
    cr_log_info("EXPLAIN, %u bytes: %u afgewezen, %u geaccepteerd", size, st.rejected, st.accepted);
    free(copy);
    free(bytes);
}

Test(corrupt, built_policy_decides)
{
    size_t len;
    uint8_t *bytes = build_policy(&len);
    regel_policy *p = NULL;
    regel_error err;
    cr_assert_eq(regel_policy_load(bytes, len, "x.rbc", &p, &err), REGEL_OK);
    regel_eval *ev = regel_eval_new(p);
    rt_value facts[16], toets[3];
    memset(facts, 0, sizeof facts);
    memset(toets, 0, sizeof toets);
    facts[0].tag = RV_MEMBER;
    facts[0].u.member = 2; /* wachtregister */
    facts[1].tag = RV_WAARHEID;
    facts[1].u.b = false; /* werkt niet */
    facts[2].tag = RV_GETAL;
    facts[2].u.q = num_int(40);
    toets[0].tag = RV_GETAL;
    toets[0].u.q = num_int(9);
    toets[1].tag = RV_WAARHEID;
    toets[1].u.b = true;
    toets[2].tag = RV_MEMBER;
    toets[2].u.member = 3; /* geen: Groet does not apply */
    facts[3].tag = RV_RECORD;
    facts[3].u.fields = toets;
    uint8_t defaulted[16] = {0};
    struct regel_case c = {.policy = p, .facts = facts, .defaulted = defaulted, .name = "geval"};
    cr_assert_eq(regel_evaluate(ev, &c, REGEL_EXPLAIN, &err), REGEL_OK, "%s", err.message);
    /* volwassen waar; Wachtregister applies (Werkend does not): toegang onwaar */
    cr_assert_eq(ev->status[1], EV_DECIDED);
    cr_assert_eq(ev->values[1].u.b, false);
    cr_assert_eq(ev->decided_by[1], 2);
    cr_assert_eq(ev_list_has(&ev->reads_outcome[1], 0), 1);
    /* bedrag = 9/3 + 100/40 - 0 = 11/2 */
    cr_assert_eq(ev->values[2].u.q.num, 11);
    cr_assert_eq(ev->values[2].u.q.den, 2);
    /* groet: Naam applies, naam is onbekend: onbekend value */
    cr_assert_eq(ev->status[3], EV_UNKNOWN);
    cr_assert_eq(ev->missing[4], 1);
    /* v0.2: peildatum and afnames onbekend: the versioned rules are onbekend */
    cr_assert_eq(ev->status[4], EV_UNKNOWN);
    cr_assert_eq(ev->status[5], EV_UNKNOWN);
    cr_assert_eq(ev->missing[5], 1);
    /* peildatum 2022-02-28: the first version, the parameter's first version */
    facts[5].tag = RV_DATUM;
    facts[5].u.day = cal_from_ymd(2022, 2, 28);
    rt_value afn[2][3], list[2];
    memset(afn, 0, sizeof afn);
    memset(list, 0, sizeof list);
    for (int i = 0; i < 2; i++) {
        afn[i][0].tag = RV_DATUM;
        afn[i][0].u.day = cal_from_ymd(2022, 2 + i, 28 - 27 * i); /* 02-28, 03-01 */
        afn[i][1].tag = RV_GETAL;
        afn[i][1].u.q = num_int(7 - i);
        afn[i][2].tag = RV_PERIODE;
        afn[i][2].u.periode.van = cal_from_ymd(2022, 3, 1 + 10 * i);
        afn[i][2].u.periode.tot = cal_from_ymd(2022, 3, 20 + 10 * i);
        list[i].tag = RV_RECORD;
        list[i].u.fields = afn[i];
    }
    facts[6].tag = RV_LIJST;
    facts[6].u.list.items = list;
    facts[6].u.list.n = 2;
    facts[7].tag = RV_DUUR;
    facts[7].u.duur.days = 1;
    cr_assert_eq(regel_evaluate(ev, &c, REGEL_EXPLAIN, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(ev->status[4], EV_DECIDED);
    cr_assert_eq(ev->values[4].u.cents, 0);
    cr_assert_eq(ev_list_has(&ev->reads_param[4], 0), 1);
    cr_assert_eq(ev->values[5].u.q.num, 6); /* minimum over the afname of 03-01 */
    /* einddatum 2022-02-28 + (3 maanden, 1 dag) − 6 dagen = 2022-05-23 */
    cr_assert_eq(ev->values[6].u.day, cal_from_ymd(2022, 5, 23));
    /* periods 03-01..03-20 and 03-11..03-30 merged: 30 days */
    cr_assert_eq(ev->values[7].u.q.num, 30);
    /* peildatum 2022-03-01: the second version sums the parameter per afname */
    facts[5].u.day = cal_from_ymd(2022, 3, 1);
    cr_assert_eq(regel_evaluate(ev, &c, REGEL_EXPLAIN, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(ev->values[4].u.cents, 9000);
    cr_assert_eq(ev->decided_by[4], 8);
    cr_assert_eq(ev_list_has(&ev->reads_param[4], 0), 1);
    cr_assert_eq(ev_list_has(&ev->reads_param[4], 1), 1);
    facts[5].u.day = CAL_DAY_MAX - 10;
    cr_assert_eq(regel_evaluate(ev, &c, 0, &err), REGEL_ERR_EVAL);
    cr_assert_str_eq(err.message, "datum buiten het bereik 1-9999 in regel ‘Einddatum’");
    cr_assert_eq(err.line, 100);
    cr_assert_eq(err.column, 12);
    facts[5].u.day = cal_from_ymd(2022, 3, 1);
    facts[2].u.q = num_int(0);
    cr_assert_eq(regel_evaluate(ev, &c, 0, &err), REGEL_ERR_EVAL);
    cr_assert_str_eq(err.message, "deling door nul in regel ‘Bedrag’");
    cr_assert_eq(err.line, 50);
    cr_assert_eq(err.column, 30);
    cr_assert_str_eq(err.file, "inburgering.regel");
    /* v0.3: ziek onbekend: eind2 is onbekend because of ziek alone */
    facts[2].u.q = num_int(40);
    cr_assert_eq(regel_evaluate(ev, &c, 0, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(ev->status[8], EV_UNKNOWN);
    cr_assert_not_null(ev->causes[8]);
    for (uint32_t i = 0; i < 13; i++)
        cr_assert_eq(ev->causes[8][i], i == 9, "invoer %u", i);
    /* ziek onwaar, einde geen: eind2 is geen (decided); bekend hangs on contract */
    facts[9].tag = RV_WAARHEID;
    facts[8].tag = RV_GEEN;
    cr_assert_eq(regel_evaluate(ev, &c, 0, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(ev->status[8], EV_DECIDED);
    cr_assert_eq(ev->values[8].tag, RV_GEEN);
    cr_assert_eq(ev->status[9], EV_UNKNOWN);
    for (uint32_t i = 0; i < 13; i++)
        cr_assert_eq(ev->causes[9][i], i == 12, "invoer %u", i);
    cr_assert_eq(ev->missing[12], 1);
    cr_assert_eq(ev->missing[8], 0);
    /* contract given with van null: niet geen is onwaar, eind2 < peildatum onwaar */
    rt_value contract[2];
    memset(contract, 0, sizeof contract);
    contract[0].tag = RV_GEEN;
    facts[12].tag = RV_RECORD;
    facts[12].u.fields = contract;
    cr_assert_eq(regel_evaluate(ev, &c, 0, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(ev->status[9], EV_DECIDED);
    cr_assert_eq(ev->values[9].u.b, false);
    cr_assert_null(ev->causes[9]);
    regel_eval_free(ev);
    regel_policy_free(p);
    free(bytes);
}

Test(corrupt, every_truncation_is_rejected)
{
    size_t len;
    uint8_t *bytes = build_policy(&len);
    check_valid(bytes, len);
    check_truncations(bytes, len);
    free(bytes);
}

Test(corrupt, every_bit_flip_is_safe)
{
    size_t len;
    uint8_t *bytes = build_policy(&len);
    struct flip_stats st = check_flips(bytes, len);
    cr_assert_eq(st.rejected + st.accepted, len * 9);
    cr_assert_gt(st.rejected, len * 9 / 2, "de meeste beschadigingen worden afgewezen");
    cr_assert_gt(st.accepted, 0, "sommige bits (namen, regelnummers) zijn onschuldig");
    cr_log_info("%zu bytes: %u afgewezen, %u geaccepteerd, %u gevallen beslist", len, st.rejected,
                st.accepted, st.evaluated_ok);
    free(bytes);
}

Test(corrupt, random_multi_byte_damage_is_safe)
{
    size_t len;
    uint8_t *bytes = build_policy(&len);
    uint8_t *copy = malloc(len);
    cr_assert_not_null(copy);
    struct flip_stats st = {0, 0, 0};
    uint64_t seed = 0x5eed1234abcdULL; /* fixed: the test is reproducible */
    for (unsigned iter = 0; iter < 20000; iter++) {
        memcpy(copy, bytes, len);
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        unsigned n = 1 + (unsigned)(seed >> 60) % 4;
        for (unsigned k = 0; k < n; k++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            size_t at = (size_t)(seed >> 33) % len;
            copy[at] = (uint8_t)(seed >> 17);
        }
        try_mutant(copy, len, &st);
    }
    cr_assert_eq(st.rejected + st.accepted, 20000);
    cr_log_info("willekeurige schade: %u afgewezen, %u geaccepteerd", st.rejected, st.accepted);
    free(copy);
    free(bytes);
}

/* The real example policy of the repository, compiled in memory: its
 * bytecode is what users will feed the loader. */
static uint8_t *compile_example(size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/examples/inburgering-basis.regel", SRCDIR);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "kan %s niet openen", path);
    char *src = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            src = realloc(src, cap);
            cr_assert_not_null(src);
        }
        size_t got = fread(src + n, 1, cap - n, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    uint8_t *rbc = NULL;
    char *diags = NULL;
    regel_error err;
    int rc = regel_compile_to_bytecode(src, n, "inburgering-basis.regel", &rbc, len, &diags, &err);
    cr_assert_eq(rc, REGEL_OK, "het voorbeeldbeleid compileert niet: %s", err.message);
    regel_free(diags);
    free(src);
    return rbc;
}

Test(corrupt, example_policy_truncations_and_flips)
{
    size_t len;
    uint8_t *bytes = compile_example(&len);
    check_valid(bytes, len);
    check_truncations(bytes, len);
    struct flip_stats st = check_flips(bytes, len);
    cr_assert_eq(st.rejected + st.accepted, len * 9);
    cr_log_info("inburgering-basis.rbc, %zu bytes: %u afgewezen, %u geaccepteerd", len, st.rejected,
                st.accepted);
    free(bytes);
}

/* ---- host functions (issue 8): the EXTERNS section and CALL_EXTERN ---- */

static double hx_f1(double g, int32_t d)
{
    return g + d;
}

static const char *hx_f2(const char *s)
{
    return s;
}

static int64_t hx_f3(int64_t c, bool w)
{
    return w ? c / 2 : -c;
}

static bool hx_f4(void)
{
    return true;
}

/* Inputs g: getal, t: tekst, d: datum (optional), c: bedrag, w: waarheid;
 * externs f1(getal, datum): getal, f2(tekst): tekst, f3(bedrag, waarheid):
 * bedrag, f4(): waarheid, each called by one outcome (f1 twice, nested). */
static uint8_t *build_extern_policy(size_t *len)
{
    rbc_builder *b = rb_new();
    rb_meta(b, "Extern", NULL, "extern.regel");
    uint32_t tw = rb_type_prim(b, RBC_TYPE_WAARHEID);
    uint32_t tg = rb_type_prim(b, RBC_TYPE_GETAL);
    uint32_t tt = rb_type_prim(b, RBC_TYPE_TEKST);
    uint32_t td = rb_type_prim(b, RBC_TYPE_DATUM);
    uint32_t tb = rb_type_prim(b, RBC_TYPE_BEDRAG);
    uint32_t ig = rb_input(b, "g", tg);
    uint32_t it = rb_input(b, "t", tt);
    uint32_t id = rb_input_ext(b, "d", td, RBC_OPTIONAL, RBC_NONE, NULL);
    uint32_t ic = rb_input(b, "c", tb);
    uint32_t iw = rb_input(b, "w", tw);
    uint32_t p1[] = {tg, td}, p2[] = {tt}, p3[] = {tb, tw};
    rb_extern(b, "f1", tg, 2, p1);
    rb_extern(b, "f2", tt, 1, p2);
    rb_extern(b, "f3", tb, 2, p3);
    rb_extern(b, "f4", tw, 0, NULL);
    uint32_t o1 = rb_outcome(b, "o1", tg, RBC_OUTCOME_OUTPUT | RBC_OUTCOME_OPTIONAL, RBC_NONE);
    uint32_t o2 = rb_outcome(b, "o2", tt, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t o3 = rb_outcome(b, "o3", tb, RBC_OUTCOME_OUTPUT, RBC_NONE);
    uint32_t o4 = rb_outcome(b, "o4", tw, RBC_OUTCOME_OUTPUT, RBC_NONE);
    rb_rule_begin(b, "R1", o1, RBC_NONE);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, ig), 3, 1);
    rb_op1(b, OP_LOAD_INPUT, id);
    rb_op1(b, OP_CALL_EXTERN, 0);
    rb_op1(b, OP_LOAD_INPUT, id);
    rb_line(b, rb_op1(b, OP_CALL_EXTERN, 0), 3, 20);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "R2", o2, RBC_NONE);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, it), 4, 1);
    rb_op1(b, OP_CALL_EXTERN, 1);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "R3", o3, RBC_NONE);
    rb_line(b, rb_op1(b, OP_LOAD_INPUT, ic), 5, 1);
    rb_op1(b, OP_LOAD_INPUT, iw);
    rb_op1(b, OP_CALL_EXTERN, 2);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    rb_rule_begin(b, "R4", o4, RBC_NONE);
    rb_line(b, rb_op1(b, OP_CALL_EXTERN, 3), 6, 1);
    rb_op(b, OP_RESULT);
    rb_rule_end(b);
    uint8_t *bytes = rb_finish(b, len);
    rb_free(b);
    return bytes;
}

static regel_functions *extern_table(void)
{
    regel_functions *fs = regel_functions_new();
    cr_assert_not_null(fs);
    regel_error err;
    const regel_ctype c1[] = {REGEL_C_DOUBLE, REGEL_C_DATE}, c2[] = {REGEL_C_STRING},
                      c3[] = {REGEL_C_CENTS, REGEL_C_BOOL};
    cr_assert_eq(regel_functions_add(fs, "f1", (void (*)(void))hx_f1, REGEL_C_DOUBLE, c1, 2, &err),
                 REGEL_OK);
    cr_assert_eq(regel_functions_add(fs, "f2", (void (*)(void))hx_f2, REGEL_C_STRING, c2, 1, &err),
                 REGEL_OK);
    cr_assert_eq(regel_functions_add(fs, "f3", (void (*)(void))hx_f3, REGEL_C_CENTS, c3, 2, &err),
                 REGEL_OK);
    cr_assert_eq(regel_functions_add(fs, "f4", (void (*)(void))hx_f4, REGEL_C_BOOL, NULL, 0, &err),
                 REGEL_OK);
    return fs;
}

/* Load a (possibly damaged) extern policy: rejected, or accepted and then
 * either bound (cases evaluate to OK or EVAL) or not bindable (evaluation
 * refuses with USAGE before running). */
static void try_extern_mutant(const uint8_t *copy, size_t len, const regel_functions *fs,
                              struct flip_stats *st)
{
    regel_policy *p = NULL;
    regel_error err;
    int rc = regel_policy_load(copy, len, "x.rbc", &p, &err);
    cr_assert(rc == REGEL_OK || rc == REGEL_ERR_BYTECODE, "laden gaf %d: %s", rc, err.message);
    if (rc != REGEL_OK) {
        cr_assert_null(p);
        st->rejected++;
        return;
    }
    st->accepted++;
    if (regel_policy_bind(p, fs, &err) == REGEL_OK) {
        st->evaluated_ok += evaluate_cases(p);
    } else {
        cr_assert_gt(p->n_externs, 0);
        regel_eval *ev = regel_eval_new(p);
        cr_assert_not_null(ev);
        struct regel_case c = {p, NULL, NULL, NULL, "geval", false};
        rt_value facts[16];
        uint8_t defaulted[16];
        memset(facts, 0, sizeof facts);
        memset(defaulted, 0, sizeof defaulted);
        c.facts = facts;
        c.defaulted = defaulted;
        if (p->n_inputs <= 16)
            cr_assert_eq(regel_evaluate(ev, &c, REGEL_EXPLAIN, &err), REGEL_ERR_USAGE);
        regel_eval_free(ev);
    }
    char *listing = NULL;
    cr_assert_eq(regel_disassemble(copy, len, "x.rbc", &listing, &err), REGEL_OK);
    regel_free(listing);
    regel_policy_free(p);
}

Test(corrupt, extern_policy_decides_and_traces)
{
    size_t len;
    uint8_t *bytes = build_extern_policy(&len);
    regel_policy *p = NULL;
    regel_error err;
    cr_assert_eq(regel_policy_load(bytes, len, "x.rbc", &p, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(p->n_externs, 4);
    regel_functions *fs = extern_table();
    cr_assert_eq(regel_policy_bind(p, fs, &err), REGEL_OK, "%s", err.message);
    regel_eval *ev = regel_eval_new(p);
    rt_value facts[5];
    uint8_t defaulted[5] = {0};
    memset(facts, 0, sizeof facts);
    facts[0].tag = RV_GETAL;
    facts[0].u.q = num_int(3);
    facts[1].tag = RV_TEKST;
    facts[1].u.str.s = "hoi";
    facts[1].u.str.len = 3;
    facts[2].tag = RV_DATUM;
    facts[2].u.day = cal_from_ymd(1970, 1, 11); /* 10 */
    facts[3].tag = RV_BEDRAG;
    facts[3].u.cents = 501;
    facts[4].tag = RV_WAARHEID;
    facts[4].u.b = true;
    struct regel_case c = {p, NULL, facts, defaulted, "geval", false};
    cr_assert_eq(regel_evaluate(ev, &c, REGEL_EXPLAIN, &err), REGEL_OK, "%s", err.message);
    cr_assert(num_eq(ev->values[0].u.q, num_int(23)), "(3 + 10) + 10");
    cr_assert_str_eq(ev->values[1].u.str.s, "hoi");
    cr_assert_eq(ev->values[2].u.cents, 250);
    cr_assert_eq(ev->values[3].u.b, true);
    unsigned n = 0;
    for (const ev_call *k = ev->calls; k; k = k->next)
        n++;
    cr_assert_eq(n, 5);
    /* d geen: both calls of f1 skipped, o1 geen */
    facts[2].tag = RV_GEEN;
    cr_assert_eq(regel_evaluate(ev, &c, REGEL_EXPLAIN, &err), REGEL_OK, "%s", err.message);
    cr_assert_eq(ev->values[0].tag, RV_GEEN);
    cr_assert(ev->calls && ev->calls->fn == 1, "the first call is f2's");
    regel_eval_free(ev);
    regel_policy_free(p);
    regel_functions_free(fs);
    free(bytes);
}

Test(corrupt, extern_policy_truncations_and_flips)
{
    size_t len;
    uint8_t *bytes = build_extern_policy(&len);
    check_truncations(bytes, len);
    regel_functions *fs = extern_table();
    uint8_t *copy = malloc(len);
    cr_assert_not_null(copy);
    struct flip_stats st = {0, 0, 0};
    for (size_t i = 0; i < len; i++) {
        static const uint8_t masks[] = {1, 2, 4, 8, 16, 32, 64, 128, 0xFF};
        for (size_t m = 0; m < sizeof masks; m++) {
            memcpy(copy, bytes, len);
            copy[i] ^= masks[m];
            try_extern_mutant(copy, len, fs, &st);
        }
    }
    cr_assert_eq(st.rejected + st.accepted, len * 9);
    cr_assert_gt(st.rejected, len * 9 / 2, "de meeste beschadigingen worden afgewezen");
    cr_assert_gt(st.accepted, 0);
    cr_log_info("extern: %zu bytes: %u afgewezen, %u geaccepteerd, %u gevallen beslist", len,
                st.rejected, st.accepted, st.evaluated_ok);
    free(copy);
    regel_functions_free(fs);
    free(bytes);
}

/* Every u32 of the EXTERNS section set to hostile values: rejected, or
 * accepted and safe to bind, evaluate and disassemble. */
Test(corrupt, externs_fields_damaged)
{
    size_t len;
    uint8_t *bytes = build_extern_policy(&len);
    const uint8_t *e = bytes + RBC_HEADER_SIZE + (RBC_SEC_EXTERNS - 1) * RBC_DIR_ENTRY_SIZE;
    uint32_t off =
        (uint32_t)e[4] | (uint32_t)e[5] << 8 | (uint32_t)e[6] << 16 | (uint32_t)e[7] << 24;
    uint32_t size =
        (uint32_t)e[8] | (uint32_t)e[9] << 8 | (uint32_t)e[10] << 16 | (uint32_t)e[11] << 24;
    cr_assert_eq((size_t)off + size, len, "EXTERNS is the last section");
    cr_assert_eq(size, 4 + 4 * 12 + 5 * 4);
    regel_functions *fs = extern_table();
    uint8_t *copy = malloc(len);
    cr_assert_not_null(copy);
    struct flip_stats st = {0, 0, 0};
    static const uint32_t hostile[] = {0,  1,  2,    3,      4,          5,          6,
                                       16, 17, 0x7F, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFE, 0xFFFFFFFF};
    for (uint32_t at = off; at + 4 <= off + size; at += 4) {
        for (size_t k = 0; k < sizeof hostile / sizeof *hostile; k++) {
            memcpy(copy, bytes, len);
            copy[at] = (uint8_t)hostile[k];
            copy[at + 1] = (uint8_t)(hostile[k] >> 8);
            copy[at + 2] = (uint8_t)(hostile[k] >> 16);
            copy[at + 3] = (uint8_t)(hostile[k] >> 24);
            try_extern_mutant(copy, len, fs, &st);
        }
    }
    cr_assert_gt(st.rejected, st.accepted, "de meeste beschadigingen worden afgewezen");
    cr_assert_gt(st.accepted, 0, "een ander scalair type laadt (en bindt dan niet)");
    cr_log_info("EXTERNS, %u bytes: %u afgewezen, %u geaccepteerd", size, st.rejected, st.accepted);
    free(copy);
    regel_functions_free(fs);
    free(bytes);
}
