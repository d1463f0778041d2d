/* value.h — run-time values of the VM. Every value may be onbekend (the tag
 * RV_ONBEKEND), so unknown facts flow through evaluation. Room is left for
 * datum, duur, bedrag, lijst and periode (later tags). Plain data only. */
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
    RV_MEMBER = 4, /* member of a soort: u.member is its index */
    RV_RECORD = 5  /* u.fields: one value per declared field */
} rv_tag;

typedef struct rt_value rt_value;
struct rt_value {
    uint8_t tag;
    union {
        bool b;
        num_q q;
        struct {
            const char *s; /* UTF-8, NUL-terminated, owned by the policy or case */
            uint32_t len;
        } str;
        uint32_t member;
        const rt_value *fields;
    } u;
};

#endif
