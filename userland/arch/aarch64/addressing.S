/* Loads, stores and addressing modes: base + immediate offset, pre-index
 * with writeback ([x0, 8]!), post-index ([x0], 8), register offset scaled
 * (lsl 3) and sign-extended (sxtw), PC-relative adr/adrp, ldr from a
 * literal, zero/sign-extending byte, half and word loads, and the pair
 * instructions ldp/stp. */
#include "lkmc_asm.h"

	.data
	.balign 8
array:
	.quad 10, 20, 30, 40
bytes:
	.byte 0x80, 0x7f, 0xff, 0x01
	.balign 2
halves:
	.hword 0x8001, 0x1234
	.balign 4
words:
	.word 0x80000000

	.bss
	.balign 16
out:
	.skip 32

	.text
	.global main
	.type main, %function
main:
	/* adrp + :lo12: reach any address within 4 GiB, position independent */
	adrp x0, array
	add x0, x0, :lo12:array
	ldr x1, [x0]
	ASSERT_EQ(x1, 10)
	ldr x1, [x0, 16]
	ASSERT_EQ(x1, 30)

	/* register offset: array[x2], scaled by 8 */
	mov x2, 3
	ldr x1, [x0, x2, lsl 3]
	ASSERT_EQ(x1, 40)
	/* sign-extended 32-bit index: -1 from array + 16 */
	add x3, x0, 16
	mov w2, -1
	ldr x1, [x3, w2, sxtw 3]
	ASSERT_EQ(x1, 20)

	/* post-index: load, then advance x3 */
	mov x3, x0
	ldr x1, [x3], 8
	ASSERT_EQ(x1, 10)
	sub x4, x3, x0
	ASSERT_EQ(x4, 8)
	/* pre-index: advance x3, then load */
	ldr x1, [x3, 8]!
	ASSERT_EQ(x1, 30)
	sub x4, x3, x0
	ASSERT_EQ(x4, 16)

	/* extending loads */
	adrp x5, bytes
	add x5, x5, :lo12:bytes
	ldrb w1, [x5]
	ASSERT_EQ(x1, 0x80)
	ldrsb x1, [x5]
	ASSERT_EQ(x1, -128)
	ldrsb w1, [x5, 2] /* sign-extends to 32 bits, zero above */
	ASSERT_EQ(x1, 0xffffffff)
	adrp x5, halves
	add x5, x5, :lo12:halves
	ldrh w1, [x5]
	ASSERT_EQ(x1, 0x8001)
	ldrsh x1, [x5]
	ASSERT_EQ(x1, -32767)
	adrp x5, words
	ldrsw x1, [x5, :lo12:words]
	ASSERT_EQ(x1, -0x80000000)

	/* stores of each width, then read back as one doubleword */
	adrp x6, out
	add x6, x6, :lo12:out
	mov x1, -1
	str x1, [x6]
	mov w1, 0x11
	strb w1, [x6]
	mov w1, 0x2233
	strh w1, [x6, 2]
	movz w1, 0x6677
	movk w1, 0x4455, lsl 16
	str w1, [x6, 4]
	ldr x1, [x6]
	ASSERT_EQ(x1, 0x445566772233ff11)

	/* pairs: store two registers, load them swapped */
	mov x1, 1
	mov x2, 2
	stp x1, x2, [x6, 16]
	ldp x2, x1, [x6, 16]
	ASSERT_EQ(x1, 2)
	ASSERT_EQ(x2, 1)

	/* literal: a constant next to the code, loaded PC-relative */
	ldr x1, lit
	ASSERT_EQ(x1, 0x123456789abcdef0)
	adr x7, lit
	ldr x1, [x7]
	ASSERT_EQ(x1, 0x123456789abcdef0)

	/* the stack: push a pair 16 bytes down, pop it back */
	mov x8, sp
	stp x1, x2, [sp, -16]!
	sub x9, x8, 16
	mov x10, sp
	ASSERT_EQ_REG(x9, x10)
	ldp x3, x4, [sp], 16
	ASSERT_EQ_REG(x3, x1)
	mov x10, sp
	ASSERT_EQ_REG(x10, x8)

	mov w0, 0
	ret

	.balign 8
lit:
	.quad 0x123456789abcdef0
