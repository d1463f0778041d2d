/* decode.h — the VM's pre-decoded form of a verified policy's code (issue
 * 11): per rule two instruction streams of fixed-size records, one exact
 * (every instruction, for the motivering) and one lean (no NOTE, common pairs
 * fused), built once at load time. Only for code verify.c accepted. */
#ifndef REGEL_DECODE_H
#define REGEL_DECODE_H

#include <stdint.h>

#include "bytecode.h"
#include "regel.h"

/* Instructions only the lean stream holds, numbered after the bytecode's. */
enum vm_fused_op {
    VM_LOCAL_FIELD = OP__COUNT, /* LOAD_LOCAL a; FIELD b */
    VM_EQ_ENUM,                 /* PUSH_ENUM _ b; EQ */
    VM_LOOP_NEXT,               /* LOOP to ITER_NEXT a,b: that ITER_NEXT, then on to c */
    VM_RESULT_TRUE,             /* PUSH_TRUE; RESULT */
    VM_RESULT_FALSE,            /* PUSH_FALSE; RESULT */
    VM_OP__END
};

/* One instruction: operands decoded, jump targets as indices into the
 * policy's instruction array, pc the offset of the bytecode instruction it
 * stands for (positions in messages, coverage, the motivering's branches). */
typedef struct rt_ins {
    uint8_t op; /* enum rbc_opcode or enum vm_fused_op */
    uint32_t a, b, c;
    uint32_t pc;
} rt_ins;

/* Decode every rule of p (after verify_policy) into p->ins: sets each rule's
 * ins_exact and ins_lean. Memory from the policy's arena. */
int decode_policy(regel_policy *p, regel_error *err);

#endif
