/* handwritten.h — the inburgering policy written by hand in C (make bench:
 * "the limit"): plain structs for a case and its 34 uitkomsten, following
 * ../shared/inburgering/CONTRACT.md and stdlib-policies/inburgering.regel. */
#ifndef BENCH_HANDWRITTEN_H
#define BENCH_HANDWRITTEN_H

#include <stdbool.h>
#include <stdint.h>

/* Dates are days since 1970-01-01. An optional date has `has_*` false for null. */
typedef int32_t hw_date;

enum hw_register { HW_VREEMDELINGEN, HW_BEVOLKING, HW_WACHT, HW_REGISTER_GEEN };
enum hw_status { HW_VERPLICHT, HW_VRIJWILLIG, HW_STATUS_GEEN };
enum hw_toets { HW_NT2, HW_MO, HW_B1 };
enum hw_voorrang { HW_NIET_VAN_TOEPASSING, HW_VOORRANG, HW_GEEN_VOORRANG };

/* The longest list a case may hold (a longer one is refused when reading). */
#define HW_MAX_LIST 32

typedef struct hw_toetsafname {
    enum hw_toets soort;
    hw_date datum;
    bool geslaagd;
} hw_toetsafname;

enum hw_activiteit { HW_WERK, HW_OPLEIDING, HW_STUDIE, HW_GEEN_ACTIVITEIT };

/* A period; `open` when tot is null (still running). An activity keeps its
 * soort (every kind counts the same in the rules); a residence period has
 * HW_GEEN_ACTIVITEIT. */
typedef struct hw_periode {
    hw_date van, tot;
    bool open;
    enum hw_activiteit soort;
} hw_periode;

typedef struct hw_case {
    hw_date peildatum, geboortedatum;
    enum hw_register register_;
    enum hw_status status;
    bool ernstig_ziek, handicap, laaggeletterd, werkt, studeert;
    bool has_contract, has_start, has_vdab;
    hw_date contract_getekend, start_traject, vdab_aanmelding;
    double participatie_uren;
    int n_toetsen, n_activiteiten, n_verblijf;
    hw_toetsafname toetsen[HW_MAX_LIST];
    hw_periode activiteiten[HW_MAX_LIST];
    hw_periode verblijf[HW_MAX_LIST];
    bool wachtlijst_ouderenzorg, asielprocedure_lopend, woonwagenbewoner, rondtrekkend;
} hw_case;

typedef struct hw_result {
    int leeftijd;
    bool toegang_inburgeringscursus, vrijgesteld, inburgeringsplicht;
    bool taalniveau_aangepast;    /* vereist_taalniveau: aangepast, else A2 */
    bool aanbod_avond_of_weekend; /* aanbod: avond_of_weekend, else regulier */
    int64_t vergoeding_contract, vergoeding_toetsen, vergoeding_totaal; /* cents */
    bool nt2_geslaagd, mo_geslaagd, b1_geslaagd;
    bool has_vdab_uiterste_datum;
    hw_date vdab_uiterste_datum;
    bool vdab_tijdig, participatie_verplicht, participatie_voldaan, inburgeringsattest;
    bool has_datum_afronding;
    hw_date datum_afronding;
    bool b1_test_verplicht;
    bool has_b1_uiterste_datum;
    hw_date b1_uiterste_datum;
    bool sociaal_tolken_kosteloos, advies_dvz, voldaan_inburgeringsplicht, taalattest_betalend;
    int64_t verblijf_totaal_dagen;
    bool verblijf_5_jaar_ononderbroken, verblijf_10_jaar, wettig_verblijf;
    bool voorwaarde_zorgpremie, voorwaarde_zorgbudget_zwaar_zorgbehoevend,
        voorwaarde_zorgbudget_ouderen;
    enum hw_voorrang voorrang_ouderenzorg;
    bool groeipakket_uitgesloten, doelgroep_integratiebeleid;
} hw_result;

/* Evaluates every uitkomst of one case. */
void hw_evaluate(const hw_case *c, hw_result *r);

#endif
