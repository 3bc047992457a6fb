/* Bit manipulation in ARM mode: and/orr/eor/bic/mvn, shifts and rotates as
 * instructions and as the barrel shifter (ror, rrx), clz, rbit, rev, rev16,
 * revsh, bitfields (ubfx, sbfx, bfi, bfc), extensions (uxtb, sxth, uxtab)
 * and a popcount loop. */
#include "lkmc_asm.h"

	.text
	.arm
	.global main
	.type main, %function
main:
	mov r0, 0b1100
	and r1, r0, 0b1010
	ASSERT_EQ(r1, 0b1000)
	orr r1, r0, 0b0011
	ASSERT_EQ(r1, 0b1111)
	eor r1, r0, 0b0110
	ASSERT_EQ(r1, 0b1010)
	bic r1, r0, 0b0100 /* r0 & ~0b0100 */
	ASSERT_EQ(r1, 0b1000)
	mvn r1, r0
	ASSERT_EQ(r1, -13)

	/* shifts and rotates */
	mov r0, -16
	lsr r1, r0, 28
	ASSERT_EQ(r1, 0xf)
	asr r1, r0, 2
	ASSERT_EQ(r1, -4)
	mov r0, 0x80000001
	ror r1, r0, 1
	ASSERT_EQ(r1, 0xc0000000)
	/* rrx: rotate right by one through the carry flag */
	mov r0, 2
	msr apsr_nzcvq, 0x20000000 /* set C */
	rrx r1, r0
	ASSERT_EQ(r1, 0x80000001)
	/* register shift amounts use the low byte: 32 or more gives 0 */
	mov r2, 33
	lsl r1, r0, r2
	ASSERT_EQ(r1, 0)

	/* count leading zeros, reverse bits and bytes */
	mov r0, 1
	clz r1, r0
	ASSERT_EQ(r1, 31)
	mov r0, 0
	clz r1, r0
	ASSERT_EQ(r1, 32)
	mov r0, 1
	rbit r1, r0
	ASSERT_EQ(r1, 0x80000000)
	ldr r0, =0x01020304
	rev r1, r0
	ASSERT_EQ(r1, 0x04030201)
	rev16 r1, r0
	ASSERT_EQ(r1, 0x02010403)
	mov r0, 0x80
	revsh r1, r0 /* swap the low two bytes, sign-extend */
	ASSERT_EQ(r1, 0xffff8000)

	/* bitfields */
	movw r0, 0xabcd
	ubfx r1, r0, 4, 8
	ASSERT_EQ(r1, 0xbc)
	mov r0, 0xf0
	sbfx r1, r0, 4, 4
	ASSERT_EQ(r1, -1)
	movw r1, 0xffff
	mov r0, 5
	bfi r1, r0, 4, 4
	ASSERT_EQ(r1, 0xff5f)
	bfc r1, 8, 8
	ASSERT_EQ(r1, 0x5f)

	/* extensions */
	mov r0, 0x180
	sxtb r1, r0
	ASSERT_EQ(r1, -128)
	uxtb r1, r0
	ASSERT_EQ(r1, 0x80)
	movw r0, 0x8000
	sxth r1, r0
	ASSERT_EQ(r1, 0xffff8000)
	mov r2, 10
	uxtab r1, r2, r0, ror 8 /* r2 + ((r0 >> 8) & 0xff) */
	ASSERT_EQ(r1, 0x8a)

	/* popcount: clear the lowest set bit until zero */
	ldr r0, =0xf0f0f0f1
	mov r1, 0
1:
	cmp r0, 0
	subne r2, r0, 1
	andne r0, r0, r2
	addne r1, r1, 1
	bne 1b
	ASSERT_EQ(r1, 17)

	mov r0, 0
	bx lr
