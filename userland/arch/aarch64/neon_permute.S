/* Moving bytes between NEON lanes without arithmetic: ext (a window across
 * two vectors), rev64 (reverse within 64-bit halves), zip1 (interleave),
 * uzp1 (the even elements), trn1 (transpose pairs), tbl (any byte by index,
 * 0 for an index out of range) and dup (one value in every lane).
 * Exits 0 when every ASSERT_EQ holds. */
#include "lkmc_asm.h"

	.section .rodata
	.balign 16
low:
	.byte 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
high:
	.byte 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
indices:
	.byte 15, 14, 13, 12, 11, 10, 9, 8, 99, 0, 0, 0, 0, 0, 0, 0

	.text
	.global main
	.type main, %function
main:
	adr x0, low
	ld1 {v0.16b, v1.16b}, [x0]

	/* bytes 3 .. 18 of v1:v0 */
	ext v2.16b, v0.16b, v1.16b, 3
	mov x1, v2.d[0]
	ASSERT_EQ(x1, 0x0a09080706050403)
	mov x1, v2.d[1]
	ASSERT_EQ(x1, 0x1211100f0e0d0c0b)

	rev64 v3.16b, v0.16b
	mov x1, v3.d[0]
	ASSERT_EQ(x1, 0x0001020304050607)

	/* 0, 16, 1, 17, ... */
	zip1 v4.16b, v0.16b, v1.16b
	mov x1, v4.d[0]
	ASSERT_EQ(x1, 0x1303120211011000)

	/* 0, 2, 4, ... from v0 then 16, 18, ... from v1 */
	uzp1 v5.16b, v0.16b, v1.16b
	mov x1, v5.d[0]
	ASSERT_EQ(x1, 0x0e0c0a0806040200)
	mov x1, v5.d[1]
	ASSERT_EQ(x1, 0x1e1c1a1816141210)

	/* 32-bit lanes: 0 of v0, 0 of v1, 2 of v0, 2 of v1 */
	trn1 v6.4s, v0.4s, v1.4s
	mov w1, v6.s[1]
	ASSERT_EQ(x1, 0x13121110)

	adr x0, indices
	ld1 {v7.16b}, [x0]
	tbl v8.16b, {v0.16b}, v7.16b
	mov x1, v8.d[0]
	ASSERT_EQ(x1, 0x08090a0b0c0d0e0f)
	/* index 99 is out of range: 0 */
	umov w1, v8.b[8]
	ASSERT_EQ(x1, 0)

	ldr w2, =0x11223344
	dup v9.4s, w2
	mov x1, v9.d[1]
	ASSERT_EQ(x1, 0x1122334411223344)

	mov w0, 0
	ret
