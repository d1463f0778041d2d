/* disasm.c — regel_disassemble: load and verify bytecode, then print a
 * readable listing (header, tables, every rule block with decoded operands
 * and source lines). Must only list verified bytecode; never run it. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "policy.h"
#include "rt.h"
#include "strbuf.h"

static uint32_t rd32(const uint8_t *c)
{
    return (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 | (uint32_t)c[3] << 24;
}

/* The modifiers of an input or record field as written in the source. */
static const char *flag_words(uint32_t flags)
{
    switch (flags & (RBC_OPTIONAL | RBC_NONNEGATIVE)) {
    case RBC_OPTIONAL:
        return " (optioneel)";
    case RBC_NONNEGATIVE:
        return " (niet negatief)";
    case RBC_OPTIONAL | RBC_NONNEGATIVE:
        return " (optioneel, niet negatief)";
    default:
        return "";
    }
}

/* Name of type t; a LIJST is written into buf ("lijst van getal"). */
static const char *type_name_buf(const regel_policy *p, uint32_t t, char *buf, size_t cap)
{
    static const char *const prim[] = {"?", "waarheid", "getal", "tekst",  "?",
                                       "?", "datum",    "duur",  "bedrag", "periode"};
    if (t >= p->n_types)
        return "?";
    uint8_t k = p->types[t].kind;
    if (k == RBC_TYPE_ENUM || k == RBC_TYPE_RECORD)
        return p->types[t].name;
    if (k == RBC_TYPE_LIJST) {
        char inner[128];
        snprintf(buf, cap, "lijst van %s", type_name_buf(p, p->types[t].elem, inner, sizeof inner));
        return buf;
    }
    return k < sizeof prim / sizeof *prim ? prim[k] : "?";
}

#define type_name(p, t) type_name_buf((p), (t), (char[160]){0}, 160)

static void put_day(strbuf *sb, uint32_t day)
{
    char buf[11];
    cal_format_iso((cal_day)day, buf);
    sb_puts(sb, buf);
}

/* € 1.250,00 / -€ 5,00 */
static void put_cents(strbuf *sb, int64_t cents)
{
    uint64_t u = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)(u / 100));
    sb_puts(sb, cents < 0 ? "-€ " : "€ ");
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            sb_putc(sb, '.');
        sb_putc(sb, digits[i]);
    }
    sb_printf(sb, ",%02u", (unsigned)(u % 100));
}

static void put_duur(strbuf *sb, int32_t months, int32_t days)
{
    if (months)
        sb_printf(sb, "%d %s", months, months == 1 || months == -1 ? "maand" : "maanden");
    if (days || !months)
        sb_printf(sb, "%s%d %s", months ? " en " : "", days,
                  days == 1 || days == -1 ? "dag" : "dagen");
}

static void put_validity(strbuf *sb, uint32_t from, uint32_t until)
{
    if (from != RBC_NONE) {
        sb_puts(sb, "geldig vanaf ");
        put_day(sb, from);
    }
    if (until != RBC_NONE) {
        sb_puts(sb, from != RBC_NONE ? " tot " : "geldig tot ");
        if (until > CAL_DAY_MAX)
            sb_puts(sb, "10000-01-01");
        else
            put_day(sb, until);
    }
    if (from == RBC_NONE && until == RBC_NONE)
        sb_puts(sb, "altijd geldig");
}

static void put_quoted(strbuf *sb, const char *s)
{
    sb_putc(sb, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            sb_putc(sb, '\\');
        if (*s == '\n')
            sb_puts(sb, "\\n");
        else
            sb_putc(sb, *s);
    }
    sb_putc(sb, '"');
}

static const char *const_kind_name(uint8_t k)
{
    static const char *const names[] = {"?",      "getal",    "tekst", "datum", "duur",
                                        "bedrag", "waarheid", "soort", "geen"};
    return k < sizeof names / sizeof *names ? names[k] : "?";
}

static void put_const(const regel_policy *p, strbuf *sb, const rt_const *c)
{
    switch (c->kind) {
    case RBC_CONST_WAARHEID:
        sb_puts(sb, c->q.num ? "waar" : "onwaar");
        break;
    case RBC_CONST_ENUM: /* verified: an ENUM type and a member of it */
        sb_printf(sb, "%s.%s", p->types[c->type].name, p->types[c->type].members[c->q.num]);
        break;
    case RBC_CONST_GEEN:
        sb_puts(sb, "geen");
        break;
    case RBC_CONST_GETAL: {
        char buf[NUM_FORMAT_CAP];
        if (num_format(c->q, ',', buf, sizeof buf))
            sb_puts(sb, buf);
        else
            sb_printf(sb, "%lld/%lld", (long long)c->q.num, (long long)c->q.den);
        break;
    }
    case RBC_CONST_DATUM:
        put_day(sb, (uint32_t)c->day);
        break;
    case RBC_CONST_DUUR:
        put_duur(sb, c->months, c->days);
        break;
    case RBC_CONST_BEDRAG:
        put_cents(sb, c->cents);
        break;
    default:
        put_quoted(sb, c->s);
        break;
    }
}

static void list_tables(strbuf *sb, const regel_policy *p)
{
    sb_printf(sb, "; Regel-bytecode, versie %u.%u, %zu bytes\n",
              (unsigned)(p->bytes[4] | p->bytes[5] << 8),
              (unsigned)(p->bytes[6] | p->bytes[7] << 8), p->len);
    sb_puts(sb, "; beleid: ");
    put_quoted(sb, p->name);
    sb_putc(sb, '\n');
    if (p->bron) {
        sb_puts(sb, "; bron: ");
        put_quoted(sb, p->bron);
        sb_putc(sb, '\n');
    }
    if (p->source_file)
        sb_printf(sb, "; bronbestand: %s\n", p->source_file);
    if (p->peildatum_input != RBC_NONE)
        sb_printf(sb, "; peildatum: invoer %u (%s)\n", p->peildatum_input,
                  p->inputs[p->peildatum_input].name);
    sb_printf(sb, "; hoogste stapeldiepte: %u\n", p->max_stack);
    if (p->max_slots)
        sb_printf(sb, "; lussen: %u\n", p->max_slots);

    sb_printf(sb, "\nSTRINGS (%u)\n", p->n_strs);
    for (uint32_t i = 0; i < p->n_strs; i++) {
        sb_printf(sb, "  %4u  ", i);
        put_quoted(sb, p->strs[i]);
        sb_putc(sb, '\n');
    }
    sb_printf(sb, "\nTYPES (%u)\n", p->n_types);
    for (uint32_t i = 0; i < p->n_types; i++) {
        const rt_type *t = &p->types[i];
        sb_printf(sb, "  %4u  ", i);
        if (t->kind == RBC_TYPE_ENUM) {
            sb_printf(sb, "soort %s is een van ", t->name);
            for (uint32_t k = 0; k < t->n; k++)
                sb_printf(sb, "%s%u:%s", k ? ", " : "", k, t->members[k]);
        } else if (t->kind == RBC_TYPE_RECORD) {
            sb_printf(sb, "gegeven %s heeft ", t->name);
            for (uint32_t k = 0; k < t->n; k++)
                sb_printf(sb, "%s%u:%s: %s%s", k ? ", " : "", k, t->fields[k].name,
                          type_name(p, t->fields[k].type), flag_words(t->fields[k].flags));
        } else if (t->kind == RBC_TYPE_LIJST) {
            sb_printf(sb, "%s (element: type %u)", type_name(p, i), t->elem);
        } else {
            sb_puts(sb, type_name(p, i));
        }
        sb_putc(sb, '\n');
    }
    sb_printf(sb, "\nCONSTS (%u)\n", p->n_consts);
    for (uint32_t i = 0; i < p->n_consts; i++) {
        sb_printf(sb, "  %4u  %s ", i, const_kind_name(p->consts[i].kind));
        put_const(p, sb, &p->consts[i]);
        sb_putc(sb, '\n');
    }
    sb_printf(sb, "\nINPUTS (%u)\n", p->n_inputs);
    for (uint32_t i = 0; i < p->n_inputs; i++) {
        const rt_input *in = &p->inputs[i];
        sb_printf(sb, "  %4u  %s: %s%s", i, in->name, type_name(p, in->type),
                  flag_words(in->flags));
        if (in->def != RBC_NONE) {
            sb_puts(sb, " standaard ");
            put_const(p, sb, &p->consts[in->def]);
            sb_printf(sb, " (constante %u)", in->def);
        }
        if (in->vraag) {
            sb_puts(sb, " vraag ");
            put_quoted(sb, in->vraag);
        }
        sb_putc(sb, '\n');
    }
    sb_printf(sb, "\nOUTCOMES (%u, evaluatievolgorde)\n", p->n_outcomes);
    for (uint32_t i = 0; i < p->n_outcomes; i++) {
        const rt_outcome *o = &p->outcomes[i];
        sb_printf(sb, "  %4u  %s %s: %s%s  (weergave %u; regels:", i,
                  o->flags & RBC_OUTCOME_OUTPUT ? "uitkomst" : "begrip", o->name,
                  type_name(p, o->type), o->flags & RBC_OUTCOME_OPTIONAL ? " (optioneel)" : "",
                  o->display);
        for (uint32_t k = 0; k < o->n_roots; k++)
            sb_printf(sb, " %u", o->roots[k]);
        sb_puts(sb, ")\n");
    }
    sb_printf(sb, "\nRULES (%u)\n", p->n_rules);
    for (uint32_t i = 0; i < p->n_rules; i++) {
        const rt_rule *r = &p->rules[i];
        sb_printf(sb, "  %4u  ", i);
        put_quoted(sb, r->name);
        sb_printf(sb, " → %s", p->outcomes[r->outcome].name);
        if (r->parent != RBC_NONE)
            sb_printf(sb, ", uitzondering op %u (\"%s\")", r->parent, p->rules[r->parent].name);
        sb_printf(sb, ", regel %u kolom %u, code %u..%u", r->line, r->col, r->code_off,
                  r->code_off + r->code_len);
        if (r->valid_from != RBC_NONE || r->valid_until != RBC_NONE) {
            sb_puts(sb, ", ");
            put_validity(sb, r->valid_from, r->valid_until);
        }
        sb_putc(sb, '\n');
        if (r->bron) {
            sb_puts(sb, "        bron ");
            put_quoted(sb, r->bron);
            sb_putc(sb, '\n');
        }
        if (r->citaat) {
            sb_puts(sb, "        citaat ");
            put_quoted(sb, r->citaat);
            sb_putc(sb, '\n');
        }
    }
}

static void list_params(strbuf *sb, const regel_policy *p)
{
    if (p->n_params == 0)
        return; /* a policy without parameters lists as before v0.2 */
    sb_printf(sb, "\nPARAMS (%u)\n", p->n_params);
    for (uint32_t i = 0; i < p->n_params; i++) {
        const rt_param *q = &p->params[i];
        sb_printf(sb, "  %4u  parameter %s: %s\n", i, q->name, type_name(p, q->type));
        for (uint32_t k = 0; k < q->n_versions; k++) {
            const rt_param_version *pv = &q->versions[k];
            sb_puts(sb, "        is ");
            put_const(p, sb, &p->consts[pv->value]);
            sb_printf(sb, " (constante %u) ", pv->value);
            put_validity(sb, pv->from, pv->until);
            sb_putc(sb, '\n');
        }
    }
}

static void list_externs(strbuf *sb, const regel_policy *p)
{
    if (p->n_externs == 0)
        return; /* a policy without host functions lists as before issue 8 */
    sb_printf(sb, "\nEXTERNS (%u)\n", p->n_externs);
    for (uint32_t i = 0; i < p->n_externs; i++) {
        const rt_extern *x = &p->externs[i];
        sb_printf(sb, "  %4u  extern functie %s(", i, x->name);
        for (uint32_t k = 0; k < x->n_params; k++)
            sb_printf(sb, "%s%s", k ? ", " : "", type_name(p, x->params[k]));
        sb_printf(sb, "): %s\n", type_name(p, x->result));
    }
}

/* ---- EXPLAIN ---- */

static const char *ref_name(const regel_policy *p, uint32_t kind, uint32_t index, char *buf,
                            size_t cap)
{
    /* verified: kind 1..3 and index in range */
    if (kind == RBC_REF_INPUT)
        snprintf(buf, cap, "invoer %s", p->inputs[index].name);
    else if (kind == RBC_REF_OUTCOME)
        snprintf(buf, cap, "%s %s",
                 p->outcomes[index].flags & RBC_OUTCOME_OUTPUT ? "uitkomst" : "begrip",
                 p->outcomes[index].name);
    else
        snprintf(buf, cap, "parameter %s", p->params[index].name);
    return buf;
}

/* A template as the source wrote it: text with {naam} placeholders. */
static void put_template(strbuf *sb, const regel_policy *p, const rt_template *t)
{
    sb_putc(sb, '"');
    for (uint32_t k = 0; k < t->n; k++) {
        const rt_seg *sg = &t->segs[k];
        if (sg->kind == RBC_SEG_TEXT) {
            for (const char *c = sg->text; *c; c++) {
                if (*c == '{' || *c == '}')
                    sb_putc(sb, *c); /* {{ and }} as in the source */
                if (*c == '"' || *c == '\\')
                    sb_putc(sb, '\\');
                if (*c == '\n')
                    sb_puts(sb, "\\n");
                else
                    sb_putc(sb, *c);
            }
        } else {
            sb_printf(sb, "{%s}",
                      sg->kind == RBC_SEG_INPUT     ? p->inputs[sg->index].name
                      : sg->kind == RBC_SEG_OUTCOME ? p->outcomes[sg->index].name
                                                    : p->params[sg->index].name);
        }
    }
    sb_putc(sb, '"');
}

/* A condition tree (verified postfix, one tree) in infix form with atom
 * numbers: "(a0 en niet (a1 of a2))". Built with an explicit stack of
 * strings, no recursion. */
static void put_tree(strbuf *sb, const rt_branch *br)
{
    char **st = calloc(br->n_nodes ? br->n_nodes : 1, sizeof *st);
    uint32_t n = 0;
    if (!st) {
        sb->failed = true;
        return;
    }
    for (uint32_t m = 0; m < br->n_nodes; m++) {
        const rt_cnode *nd = &br->nodes[m];
        strbuf t = STRBUF_INIT;
        if (nd->kind == RBC_CN_ATOM) {
            sb_printf(&t, "atoom %u", nd->arg);
        } else if (nd->kind == RBC_CN_NOT) {
            sb_printf(&t, "niet (%s)", st[n - 1]);
            free(st[--n]);
        } else {
            sb_printf(&t, "(%s %s %s)", st[n - 2], nd->kind == RBC_CN_AND ? "en" : "of", st[n - 1]);
            free(st[--n]);
            free(st[--n]);
        }
        if (t.failed)
            sb->failed = true;
        st[n++] = sb_take(&t);
        if (!st[n - 1])
            st[n - 1] = calloc(1, 1);
    }
    sb_puts(sb, n == 1 && st[0] ? st[0] : "?");
    for (uint32_t i = 0; i < n; i++)
        free(st[i]);
    free(st);
}

static void list_explain(strbuf *sb, const regel_policy *p)
{
    char buf[300];
    sb_printf(sb, "\nEXPLAIN (%u atomen, %u takken)\n", p->n_atoms, p->n_branches_total);
    for (uint32_t i = 0; i < p->n_atoms; i++) {
        const rt_atom *at = &p->atoms[i];
        sb_printf(sb, "  atoom %u  ", i);
        put_quoted(sb, at->text);
        sb_printf(sb, "  (bron %u:%u", at->line, at->col);
        for (uint32_t k = 0; k < at->n_refs; k++)
            sb_printf(sb, "%s%s", k ? ", " : "; noemt ",
                      ref_name(p, at->refs[k].kind, at->refs[k].index, buf, sizeof buf));
        sb_puts(sb, ")\n");
    }
    for (uint32_t i = 0; i < p->n_rules; i++) {
        const rt_rule *r = &p->rules[i];
        sb_printf(sb, "  regel %u ", i);
        put_quoted(sb, r->name);
        sb_putc(sb, '\n');
        if (r->uitleg.n) {
            sb_puts(sb, "    uitleg ");
            put_template(sb, p, &r->uitleg);
            sb_putc(sb, '\n');
        }
        for (uint32_t k = 0; k < r->n_branches; k++) {
            const rt_branch *br = &r->branches[k];
            sb_printf(sb, "    tak %u (tak %u van het beleid): RESULT op %u", k,
                      r->first_branch + k, br->result_off);
            if (br->cond_text) {
                sb_puts(sb, ", indien ");
                put_quoted(sb, br->cond_text);
                sb_puts(sb, " = ");
                put_tree(sb, br);
            } else {
                sb_puts(sb, ", zonder voorwaarde");
            }
            sb_putc(sb, '\n');
            if (br->uitleg.n) {
                sb_puts(sb, "      uitleg ");
                put_template(sb, p, &br->uitleg);
                sb_putc(sb, '\n');
            }
        }
    }
}

static bool operands_ok(const regel_policy *p, uint8_t op, uint32_t a, uint32_t b)
{
    switch ((enum rbc_opcode)op) {
    case OP_PUSH_CONST:
        return a < p->n_consts;
    case OP_PUSH_ENUM:
        return a < p->n_types && p->types[a].kind == RBC_TYPE_ENUM && b < p->types[a].n;
    case OP_LOAD_INPUT:
        return a < p->n_inputs;
    case OP_LOAD_OUTCOME:
        return a < p->n_outcomes;
    case OP_MAKE_DUUR:
        return a <= RBC_UNIT_JAREN;
    case OP_ROUND:
        return a <= NUM_ROUND_HALF_EVEN;
    case OP_LOAD_PARAM:
    case OP_LOAD_PARAM_AT:
        return a < p->n_params;
    case OP_NOTE:
        return a < p->n_atoms;
    case OP_CALL_EXTERN:
        return a < p->n_externs;
    default:
        return true; /* type_name checks its index itself */
    }
}

static void list_block(strbuf *sb, const regel_policy *p, uint32_t ri)
{
    const rt_rule *r = &p->rules[ri];
    sb_printf(sb, "\nregel %u ", ri);
    put_quoted(sb, r->name);
    sb_printf(sb, " (%s):\n", p->outcomes[r->outcome].name);
    uint32_t li = 0;
    while (li < p->n_lines && p->lines[li].off < r->code_off)
        li++;
    for (uint32_t o = r->code_off; o < r->code_off + r->code_len;) {
        uint8_t op = p->code[o];
        enum rbc_operands kind = rt_opcode_operands(op);
        uint32_t a = kind != OPND_NONE ? rd32(p->code + o + 1) : 0;
        uint32_t b = kind == OPND_U32X2 ? rd32(p->code + o + 5) : 0;
        char ops[32] = "";
        if (kind == OPND_U32)
            snprintf(ops, sizeof ops, "%u", a);
        else if (kind == OPND_U32X2)
            snprintf(ops, sizeof ops, "%u, %u", a, b);
        size_t before = sb->len;
        sb_printf(sb, "  %6u  %-20s %-12s", o, rt_opcode_name(op), ops);
        strbuf note = STRBUF_INIT;
        /* unreachable instructions are decoded but their operands are not
         * verified: annotate only operands that are in range */
        switch (operands_ok(p, op, a, b) ? (enum rbc_opcode)op : OP__COUNT) {
        case OP_PUSH_CONST:
            put_const(p, &note, &p->consts[a]);
            break;
        case OP_PUSH_ENUM:
            sb_printf(&note, "%s.%s", p->types[a].name, p->types[a].members[b]);
            break;
        case OP_LOAD_INPUT:
            sb_printf(&note, "invoer %s", p->inputs[a].name);
            break;
        case OP_LOAD_OUTCOME:
            sb_printf(&note, "%s %s",
                      p->outcomes[a].flags & RBC_OUTCOME_OUTPUT ? "uitkomst" : "begrip",
                      p->outcomes[a].name);
            break;
        case OP_COND:
            sb_printf(&note, "onwaar → %u, onbekend → %u", a, b);
            break;
        case OP_PUSH_UNKNOWN:
        case OP_PUSH_LEEG:
        case OP_PUSH_GEEN:
        case OP_LIST_NEW:
            sb_puts(&note, type_name(p, a));
            break;
        case OP_MAKE_DUUR: {
            static const char *const units[] = {"dagen", "weken", "maanden", "jaren"};
            sb_puts(&note, units[a]);
            break;
        }
        case OP_ROUND: {
            static const char *const modes[] = {"naar beneden", "naar boven", "rekenkundig",
                                                "bankiers"};
            sb_printf(&note, "afgerond %s op %u decimalen", modes[a], b);
            break;
        }
        case OP_LOAD_PARAM:
            sb_printf(&note, "parameter %s op de peildatum", p->params[a].name);
            break;
        case OP_LOAD_PARAM_AT:
            sb_printf(&note, "parameter %s", p->params[a].name);
            break;
        case OP_ITER_BEGIN:
        case OP_LOAD_LOCAL:
            sb_printf(&note, "lus %u", a);
            break;
        case OP_ITER_NEXT:
            sb_printf(&note, "lus %u, klaar → %u", a, b);
            break;
        case OP_LOOP:
            sb_printf(&note, "terug naar %u", a);
            break;
        case OP_NOTE:
            sb_puts(&note, "atoom ");
            put_quoted(&note, p->atoms[a].text);
            break;
        case OP_CALL_EXTERN:
            sb_printf(&note, "externe functie %s, %u argument%s", p->externs[a].name,
                      p->externs[a].n_params, p->externs[a].n_params == 1 ? "" : "en");
            break;
        default:
            break;
        }
        if (li < p->n_lines && p->lines[li].off == o) {
            sb_printf(&note, "%sbron %u:%u", note.len ? "; " : "", p->lines[li].line,
                      p->lines[li].col);
            li++;
        }
        if (note.len) {
            sb_printf(sb, " ; %s", note.data);
        } else {
            while (sb->len > before && sb->data[sb->len - 1] == ' ')
                sb->data[--sb->len] = '\0';
        }
        sb_free(&note);
        sb_putc(sb, '\n');
        o += rbc_instr_size(kind);
    }
}

REGEL_API int regel_disassemble(const uint8_t *bytes, size_t len, const char *name, char **out,
                                regel_error *err)
{
    if (!out)
        return rt_error(err, REGEL_ERR_USAGE, NULL, 0, 0,
                        "regel_disassemble: ongeldige argumenten (NULL)");
    *out = NULL;
    regel_policy *p;
    int rc = regel_policy_load(bytes, len, name, &p, err);
    if (rc != REGEL_OK)
        return rc;
    strbuf sb = STRBUF_INIT;
    list_tables(&sb, p);
    list_params(&sb, p);
    list_externs(&sb, p);
    list_explain(&sb, p);
    sb_printf(&sb, "\nCODE (%u bytes)\n", p->code_len);
    for (uint32_t i = 0; i < p->n_rules; i++)
        list_block(&sb, p, i);
    regel_policy_free(p);
    bool failed = sb.failed;
    *out = sb_take(&sb);
    if (failed || !*out)
        return rt_error(err, REGEL_ERR_MEMORY, NULL, 0, 0, "onvoldoende geheugen");
    return REGEL_OK;
}
