/* Integer addition and subtraction: add, sub, neg with immediates, shifted
 * and extended registers; 32-bit (w) forms zeroing the top half; adds/adc
 * chaining a 128-bit sum through the carry flag, subs/sbc back down.
 * Exits 0 when every ASSERT_EQ holds; a wrong result prints its line and
 * exits 1. */
#include "lkmc_asm.h"

	.text
	.global main
	.type main, %function
main:
	mov x0, 1
	add x0, x0, 2
	ASSERT_EQ(x0, 3)

	sub x0, x0, 5
	ASSERT_EQ(x0, -2)
	neg x0, x0
	ASSERT_EQ(x0, 2)

	/* shifted register operand: x2 = x0 + (x1 << 4) */
	mov x1, 3
	add x2, x0, x1, lsl 4
	ASSERT_EQ(x2, 50)

	/* extended register operand: x3 = x0 + sign_extend(w4) */
	mov w4, -1
	add x3, x0, w4, sxtw
	ASSERT_EQ(x3, 1)
	add x3, x0, w4, uxtw
	ASSERT_EQ(x3, 0x100000001)

	/* immediates up to 12 bits, optionally shifted left by 12 */
	mov x0, 0
	add x0, x0, 0xabc, lsl 12
	ASSERT_EQ(x0, 0xabc000)

	/* w registers: the result's upper 32 bits are zeroed */
	mov x0, -1
	add w0, w0, 1
	ASSERT_EQ(x0, 0)
	mov x0, -1
	add w0, w0, 0
	ASSERT_EQ(x0, 0xffffffff)

	/* (2^64 - 1) + 1 as 128 bits in x1:x0 = 1:0 */
	mov x0, -1
	mov x1, 0
	adds x0, x0, 1
	adc x1, x1, xzr
	ASSERT_EQ(x0, 0)
	ASSERT_EQ(x1, 1)

	/* and back: subs sets C when there is no borrow, sbc subtracts !C */
	subs x0, x0, 1
	sbc x1, x1, xzr
	ASSERT_EQ(x0, -1)
	ASSERT_EQ(x1, 0)

	/* register 31 is xzr (reads 0, ignores writes) in register forms, but
	 * sp in add/sub immediate forms: add x0, sp, 0 is mov x0, sp */
	mov x1, 7
	add x0, xzr, x1
	ASSERT_EQ(x0, 7)
	add x1, xzr, x0, lsl 1
	ASSERT_EQ(x1, 14)
	mov x2, sp
	add x3, sp, 16
	sub x3, x3, x2
	ASSERT_EQ(x3, 16)

	mov w0, 0
	ret
