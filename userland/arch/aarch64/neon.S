/* Advanced SIMD (NEON) on the 128-bit v registers: ld1/st1 of vectors,
 * lane-wise add/mul on 4 x 32-bit (.4s) and 16 x 8-bit (.16b) arrangements,
 * across-lane sums (addv), multiply-accumulate on floats (fmla), dup,
 * lane moves (mov/umov/ins), interleaving (zip1, uzp1), table lookup
 * (tbl), per-byte popcount (cnt) and compare masks (cmeq). */
#include "lkmc_asm.h"

	.section .rodata
	.balign 16
ints:
	.word 1, 2, 3, 4
floats:
	.float 1.0, 2.0, 3.0, 4.0
bytes:
	.byte 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
reverse:
	.byte 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0

	.bss
	.balign 16
out:
	.skip 16

	.text
	.global main
	.type main, %function
main:
	adrp x0, ints
	add x0, x0, :lo12:ints
	ld1 {v0.4s}, [x0]
	add v1.4s, v0.4s, v0.4s   /* 2, 4, 6, 8 */
	mul v1.4s, v1.4s, v0.4s   /* 2, 8, 18, 32 */
	addv s2, v1.4s
	fmov w1, s2
	ASSERT_EQ(x1, 60)
	umov w1, v1.s[3]
	ASSERT_EQ(x1, 32)
	/* the low 64 bits hold lanes 0 and 1 */
	fmov x1, d1
	ASSERT_EQ(x1, 0x0000000800000002)

	/* store and read back one lane through memory */
	adrp x2, out
	add x2, x2, :lo12:out
	st1 {v1.4s}, [x2]
	ldr w1, [x2, 8]
	ASSERT_EQ(x1, 18)

	/* dup and lane insert */
	mov w3, 7
	dup v3.4s, w3
	mov v3.s[1], w1          /* 7, 18, 7, 7 */
	addv s4, v3.4s
	fmov w1, s4
	ASSERT_EQ(x1, 39)

	/* floats: acc = 0.5 + f * 2 */
	adrp x0, floats
	add x0, x0, :lo12:floats
	ld1 {v5.4s}, [x0]
	fmov v6.4s, 0.5
	fmov v7.4s, 2.0
	fmla v6.4s, v5.4s, v7.4s /* 2.5, 4.5, 6.5, 8.5 */
	faddp v6.4s, v6.4s, v6.4s
	faddp s6, v6.2s          /* 22 */
	fcvtzs w1, s6
	ASSERT_EQ(x1, 22)

	/* bytes: tbl reverses through an index table */
	adrp x0, bytes
	add x0, x0, :lo12:bytes
	ld1 {v16.16b}, [x0]
	adrp x0, reverse
	add x0, x0, :lo12:reverse
	ld1 {v17.16b}, [x0]
	tbl v18.16b, {v16.16b}, v17.16b
	umov w1, v18.b[0]
	ASSERT_EQ(x1, 15)
	umov w1, v18.b[15]
	ASSERT_EQ(x1, 0)

	/* zip1 interleaves the low halves, uzp1 takes the even elements */
	zip1 v19.16b, v16.16b, v18.16b /* 0, 15, 1, 14, ... */
	umov w1, v19.b[3]
	ASSERT_EQ(x1, 14)
	uzp1 v20.16b, v16.16b, v16.16b  /* 0, 2, 4, ... */
	umov w1, v20.b[5]
	ASSERT_EQ(x1, 10)

	/* cnt + addv: popcount of a 64-bit value */
	mov x1, 0xff00ff00ff00ff00
	fmov d21, x1
	cnt v21.8b, v21.8b
	addv b21, v21.8b
	umov w1, v21.b[0]
	ASSERT_EQ(x1, 32)

	/* cmeq: all-ones lanes where equal */
	cmeq v22.16b, v16.16b, v18.16b /* never equal */
	umaxv b22, v22.16b
	umov w1, v22.b[0]
	ASSERT_EQ(x1, 0)
	cmeq v22.16b, v16.16b, v16.16b
	uminv b22, v22.16b
	umov w1, v22.b[0]
	ASSERT_EQ(x1, 0xff)

	mov w0, 0
	ret
