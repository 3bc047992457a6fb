/* Saturating arithmetic (DSP extensions): qadd/qsub clamp to the signed
 * 32-bit range instead of wrapping and set the sticky Q flag in the APSR;
 * ssat/usat clamp to a bit width; the SIMD-in-a-register forms uqadd8 and
 * qadd16 do it per byte or halfword; uadd8 sets the GE flags that sel
 * reads, a per-byte select. Exits 0 when every ASSERT_EQ holds. */
#include "lkmc_asm.h"

#define Q_FLAG 0x08000000

	.text
	.arm
	.global main
	.type main, %function
main:
	push {r4, lr}
	/* clear Q (it stays set until written) */
	mrs r4, apsr
	bic r4, r4, Q_FLAG
	msr APSR_nzcvq, r4

	mov r1, 1
	ldr r2, =0x7fffffff
	qadd r0, r2, r1
	ASSERT_EQ(r0, 0x7fffffff)
	mrs r4, apsr
	and r4, r4, Q_FLAG
	ASSERT_EQ(r4, Q_FLAG)
	/* a plain add wraps */
	add r0, r2, r1
	ASSERT_EQ(r0, 0x80000000)

	ldr r2, =0x80000000
	qsub r0, r2, r1
	ASSERT_EQ(r0, 0x80000000)

	/* ssat to 8 bits: -128 .. 127; usat to 8 bits: 0 .. 255 */
	mov r1, 300
	ssat r0, 8, r1
	ASSERT_EQ(r0, 127)
	ldr r1, =-300
	ssat r0, 8, r1
	ASSERT_EQ(r0, -128)
	usat r0, 8, r1
	ASSERT_EQ(r0, 0)
	mov r1, 300
	usat r0, 8, r1
	ASSERT_EQ(r0, 255)

	/* per byte: 0xf0 + 0x20 saturates to 0xff, the others add */
	ldr r1, =0x01f00310
	ldr r2, =0x02200405
	uqadd8 r0, r1, r2
	ASSERT_EQ(r0, 0x03ff0715)
	/* per signed halfword: 0x7000 + 0x2000 saturates to 0x7fff */
	ldr r1, =0x70000001
	ldr r2, =0x20000002
	qadd16 r0, r1, r2
	ASSERT_EQ(r0, 0x7fff0003)

	/* uadd8 sets GE[i] where byte i carried out; sel picks from the
	 * first operand where GE is set, else from the second */
	ldr r1, =0x80ff0180
	ldr r2, =0x80010080
	uadd8 r3, r1, r2
	ldr r1, =0xaaaaaaaa
	ldr r2, =0x55555555
	sel r0, r1, r2
	ASSERT_EQ(r0, 0xaaaa55aa)

	mov r0, 0
	pop {r4, pc}
