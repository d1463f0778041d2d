/* value.h — run-time values of the VM. Every value may be onbekend (the tag
 * RV_ONBEKEND), so unknown facts flow through evaluation. Plain data only:
 * strings, records and lists point into the policy, the case or the
 * evaluation arena. */
#ifndef REGEL_VALUE_H
#define REGEL_VALUE_H

#include <stdbool.h>
#include <stdint.h>

#include "num.h"

typedef enum rv_tag {
    RV_ONBEKEND = 0,
    RV_WAARHEID = 1,
    RV_GETAL = 2,
    RV_TEKST = 3,
    RV_MEMBER = 4,  /* member of a soort: u.member is its index */
    RV_RECORD = 5,  /* u.fields: one value per declared field */
    RV_DATUM = 6,   /* u.day: runtime/cal.h day number */
    RV_DUUR = 7,    /* u.duur: months and days */
    RV_BEDRAG = 8,  /* u.cents */
    RV_PERIODE = 9, /* u.periode */
    RV_LIJST = 10,  /* u.list */
    RV_GEEN = 11,   /* known to be none (an optional fact given as null); no payload */
    RV_LEEG = 15    /* VM-internal "no element yet" of an accumulator; never stored */
} rv_tag;

typedef struct rt_value rt_value;
struct rt_value {
    uint8_t tag;
    union {
        /* RV_ONBEKEND: the absent input facts this unknown depends on, as a
         * byte-per-input table of policy->n_inputs entries in the evaluation
         * arena, or NULL when it depends on none (Kleene: a decided result
         * drops its causes). */
        const uint8_t *causes;
        bool b;
        num_q q;
        struct {
            const char *s; /* UTF-8, NUL-terminated, owned by the policy or case */
            uint32_t len;
        } str;
        uint32_t member;
        const rt_value *fields;
        int32_t day;
        struct {
            int32_t months, days;
        } duur;
        int64_t cents;
        struct {
            int32_t van, tot; /* tot ignored when open */
            bool open;
        } periode;
        struct {
            const rt_value *items;
            uint32_t n;
            uint32_t cap; /* room for this many items; 0: exactly n (regel_case_append
                             grows its lists geometrically, issue 9) */
        } list;
    } u;
};

#endif
