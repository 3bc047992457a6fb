/* Building constants: an instruction is 32 bits, so a 64-bit value comes
 * from movz (one 16-bit chunk, the rest zero) plus movk (keep the rest),
 * movn (the inverse of a chunk), a bitmask immediate for repeating
 * patterns, a literal pool (ldr =), or memory reached with adrp + :lo12:
 * (the 4 KiB page, then the offset in it). fmov takes a few float
 * immediates. Exits 0 when every ASSERT_EQ holds. */
#include "lkmc_asm.h"

	.data
	.balign 8
value:
	.quad 0x0123456789abcdef

	.text
	.global main
	.type main, %function
main:
	movz x0, 0x1234, lsl 16
	ASSERT_EQ(x0, 0x12340000)

	/* four chunks, low to high */
	movz x0, 0xdef0
	movk x0, 0x9abc, lsl 16
	movk x0, 0x5678, lsl 32
	movk x0, 0x1234, lsl 48
	ldr x1, =0x123456789abcdef0
	ASSERT_EQ_REG(x0, x1)

	/* movk keeps the other chunks */
	movk x0, 0xffff
	ASSERT_EQ(x0, 0x123456789abcffff)

	movn x0, 0
	ASSERT_EQ(x0, -1)
	movn x0, 0x1234, lsl 16
	ASSERT_EQ(x0, 0xffffffffedcbffff)

	/* a bitmask immediate: one instruction for a repeating pattern */
	mov x0, 0xff00ff00ff00ff00
	orr x1, xzr, 0xff00ff00ff00ff00
	ASSERT_EQ_REG(x0, x1)
	ASSERT_EQ(x0, 0xff00ff00ff00ff00)

	/* memory: adrp gives the 4 KiB page of value, :lo12: its offset */
	adrp x2, value
	add x2, x2, :lo12:value
	ldr x3, [x2]
	ASSERT_EQ(x3, 0x0123456789abcdef)
	adrp x4, value
	ldr x5, [x4, :lo12:value]
	ASSERT_EQ_REG(x3, x5)
	/* the same address from the literal pool */
	ldr x6, =value
	ASSERT_EQ_REG(x2, x6)

	/* float immediates: values of the form +-n/16 * 2^e */
	fmov d0, 1.5
	fmov x1, d0
	ASSERT_EQ(x1, 0x3ff8000000000000)
	fmov s1, -0.25
	fmov w1, s1
	ASSERT_EQ(x1, 0xbe800000)

	mov w0, 0
	ret
