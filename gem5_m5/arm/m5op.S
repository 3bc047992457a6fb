/* lkmc's m5 operations for 32-bit ARM guests, used in place of gem5's
 * util/m5/src/abi/arm/m5op.S when lkmc builds the m5 tool.
 *
 * Why: gem5 reads every argument of an m5 operation from registers, the
 * 64-bit ones from even/odd pairs (r0:r1, r2:r3, r4:r5, ...). The m5 tool's C
 * code calls these functions with the AAPCS, which puts whatever does not
 * fit in r0-r3 on the stack: `m5 readfile` passes its 64-bit offset there, so
 * gem5 took r4:r5 (whatever they held) as the offset and stopped with
 * "could not seek". The AAPCS aligns stack words as gem5 aligns its register
 * pairs, so loading the first four stack words into r4-r7 hands gem5 every
 * argument where it looks. */
.syntax unified
.arm

#include <gem5/asm/generic/m5ops.h>

.text

.macro m5op_func name, func
        .align 2
        .globl \name
        .type \name, %function
\name:
        push {r4-r7}
        ldr r4, [sp, #16]
        ldr r5, [sp, #20]
        ldr r6, [sp, #24]
        ldr r7, [sp, #28]
        .long 0xEE000110 | (\func << 16)
        pop {r4-r7}
        bx lr
.endm

#define M5OP(name, func) m5op_func name, func;
        M5OP_FOREACH
#undef M5OP
