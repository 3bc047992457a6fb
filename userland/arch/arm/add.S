/* Integer addition and subtraction in ARM (A32) mode: add, sub, rsb
 * (reverse subtract) with immediates and shifted registers; adds/adc
 * chaining a 64-bit sum through the carry flag, subs/sbc back down.
 * Exits 0 when every ASSERT_EQ holds; a wrong result prints its line and
 * exits 1. */
#include "lkmc_asm.h"

	.text
	.arm
	.global main
	.type main, %function
main:
	mov r0, 1
	add r0, r0, 2
	ASSERT_EQ(r0, 3)

	sub r0, r0, 5
	ASSERT_EQ(r0, -2)
	rsb r0, r0, 0 /* 0 - r0 */
	ASSERT_EQ(r0, 2)
	rsb r1, r0, 10
	ASSERT_EQ(r1, 8)

	/* the barrel shifter on the second operand: r2 = r0 + (r1 << 4) */
	add r2, r0, r1, lsl 4
	ASSERT_EQ(r2, 130)
	/* shift by a register */
	mov r3, 2
	sub r2, r2, r0, lsl r3
	ASSERT_EQ(r2, 122)

	/* immediates are 8 bits rotated by an even amount: 0xff000000 is one,
	 * 0x101 is not (movw builds any 16-bit value, movt the top half) */
	add r0, r0, 0xff000000
	ASSERT_EQ(r0, 0xff000002)
	movw r0, 0x5678
	movt r0, 0x1234
	ASSERT_EQ(r0, 0x12345678)

	/* 0x00000000ffffffff + 1 as 64 bits in r1:r0 = 1:0 */
	mov r0, -1
	mov r1, 0
	adds r0, r0, 1
	adc r1, r1, 0
	ASSERT_EQ(r0, 0)
	ASSERT_EQ(r1, 1)

	/* and back: subs sets C when there is no borrow, sbc subtracts !C */
	subs r0, r0, 1
	sbc r1, r1, 0
	ASSERT_EQ(r0, -1)
	ASSERT_EQ(r1, 0)

	/* 64-bit add of two pairs: 0x1_ffffffff + 0x2_00000001 = 0x4_00000000 */
	mov r0, -1
	mov r1, 1
	mov r2, 1
	mov r3, 2
	adds r0, r0, r2
	adc r1, r1, r3
	ASSERT_EQ(r0, 0)
	ASSERT_EQ(r1, 4)

	/* pc reads as the current instruction + 8 in ARM mode */
	mov r0, pc
	adr r1, .
	sub r0, r0, r1
	ASSERT_EQ(r0, 4) /* mov is one instruction before adr */

	mov r0, 0
	bx lr
