/* fuzz_operands.c — structure-aware harness (issue 9): the input overwrites opcodes
 * and u32 operands in the CODE section of examples/inburgering-basis.regel's valid
 * bytecode; the verifier must reject the result or the VM must run it safely. */
#include "bytecode.h"
#include "fuzz_common.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Operand layout per opcode, from the one list of instructions. */
static const enum rbc_operands op_operands[OP__COUNT] = {
#define OP(name, opnd, pops, pushes, doc) [OP_##name] = opnd,
#include "opcodes.def"
#undef OP
};

static uint8_t *base;   /* the valid bytecode */
static size_t base_len; /* its size */
static uint32_t *instr; /* offsets (in the file) of the CODE instructions */
static size_t n_instr;  /* their number */

static uint32_t get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put_u32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

/* Compile the example once and index the instructions of its CODE section. */
static void fuzz_init(void)
{
    size_t len;
    char *src = fuzz_read_file("examples/inburgering-basis.regel", &len);
    regel_error err;
    if (regel_compile_to_bytecode(src, len, "inburgering-basis.regel", &base, &base_len, NULL,
                                  &err) != REGEL_OK)
        abort();
    free(src);
    uint32_t count = get_u32(base + 8);
    uint32_t code_off = 0, code_size = 0;
    for (uint32_t s = 0; s < count; s++) {
        const uint8_t *d = base + RBC_HEADER_SIZE + (size_t)s * RBC_DIR_ENTRY_SIZE;
        if (get_u32(d) == RBC_SEC_CODE) {
            code_off = get_u32(d + 4);
            code_size = get_u32(d + 8);
        }
    }
    instr = malloc(sizeof *instr * (code_size ? code_size : 1));
    if (!instr)
        abort();
    for (uint32_t at = code_off; at < code_off + code_size;) {
        uint8_t op = base[at];
        if (op >= OP__COUNT)
            abort(); /* the emitter wrote an unknown opcode */
        instr[n_instr++] = at;
        at += rbc_instr_size(op_operands[op]);
    }
    if (n_instr == 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!base)
        fuzz_init();
    uint8_t *rbc = malloc(base_len);
    if (!rbc)
        return 0;
    memcpy(rbc, base, base_len);
    /* Each 7-byte record: u16 instruction index, u8 what, u32 value.
     * what % 3: 0 = replace the opcode, 1 = first operand, 2 = second operand
     * (operands the original instruction does not have are left alone). */
    for (size_t i = 0; i + 7 <= size; i += 7) {
        size_t k = ((size_t)data[i] | (size_t)data[i + 1] << 8) % n_instr;
        uint32_t at = instr[k];
        uint32_t value = get_u32(data + i + 3);
        enum rbc_operands o = op_operands[base[at]];
        switch (data[i + 2] % 3) {
        case 0:
            rbc[at] = (uint8_t)value;
            break;
        case 1:
            if (o != OPND_NONE)
                put_u32(rbc + at + 1, value);
            break;
        default:
            if (o == OPND_U32X2)
                put_u32(rbc + at + 5, value);
            break;
        }
    }
    regel_error err;
    regel_policy *p = NULL;
    if (regel_policy_load(rbc, base_len, "fuzz.rbc", &p, &err) == REGEL_OK) {
        static const char empty_case[] = "{}";
        fuzz_eval_case(p, empty_case, sizeof empty_case - 1);
        regel_policy_free(p);
    }
    free(rbc);
    return 0;
}
