/* Multiplication and division: mul, mla/mls (multiply-accumulate), umull
 * and smull (64-bit products in a register pair), umlal (64-bit
 * accumulate), and the ARMv7 hardware divide sdiv/udiv (rounding toward
 * zero, 0 on division by zero). The divide is optional in ARMv7-A, so
 * .arch_extension idiv tells the assembler; QEMU -cpu max has it. */
#include "lkmc_asm.h"

	.arch_extension idiv

	.text
	.arm
	.global main
	.type main, %function
main:
	mov r0, 6
	mov r1, 7
	mul r2, r0, r1
	ASSERT_EQ(r2, 42)
	mla r3, r0, r1, r2 /* r2 + r0 * r1 */
	ASSERT_EQ(r3, 84)
	mls r3, r0, r1, r2 /* r2 - r0 * r1 */
	ASSERT_EQ(r3, 0)

	/* 0xffffffff * 0xffffffff = 0xfffffffe_00000001 in r3:r2 */
	mov r0, -1
	mov r1, -1
	umull r2, r3, r0, r1
	ASSERT_EQ(r2, 1)
	ASSERT_EQ(r3, 0xfffffffe)
	/* signed: -1 * -1 = 1 */
	smull r2, r3, r0, r1
	ASSERT_EQ(r2, 1)
	ASSERT_EQ(r3, 0)
	/* -2^31 * 4 = -2^33: high word -2 */
	mov r0, 0x80000000
	mov r1, 4
	smull r2, r3, r0, r1
	ASSERT_EQ(r2, 0)
	ASSERT_EQ(r3, -2)

	/* umlal: r3:r2 += r0 * r1 */
	mov r2, -1
	mov r3, 0
	mov r0, 1
	mov r1, 1
	umlal r2, r3, r0, r1
	ASSERT_EQ(r2, 0)
	ASSERT_EQ(r3, 1)

	/* division, and the remainder with mls */
	mov r0, 100
	mov r1, 7
	udiv r2, r0, r1
	mls r3, r2, r1, r0
	ASSERT_EQ(r2, 14)
	ASSERT_EQ(r3, 2)
	mov r0, -7
	mov r1, 2
	sdiv r2, r0, r1
	mls r3, r2, r1, r0
	ASSERT_EQ(r2, -3)
	ASSERT_EQ(r3, -1)
	mov r1, 0
	udiv r2, r0, r1
	ASSERT_EQ(r2, 0)

	/* shifts as power-of-two multiply and divide */
	mov r0, -7
	asr r1, r0, 1
	ASSERT_EQ(r1, -4)
	lsl r1, r0, 3
	ASSERT_EQ(r1, -56)
	/* multiply by 9 in one instruction with the barrel shifter */
	mov r0, 5
	add r1, r0, r0, lsl 3
	ASSERT_EQ(r1, 45)

	mov r0, 0
	bx lr
