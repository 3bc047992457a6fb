/* Moving bytes between NEON lanes on 32-bit ARM without arithmetic: vext
 * (a window across two vectors), vrev64 (reverse within 64-bit halves),
 * vzip and vuzp (interleave and de-interleave, both operands rewritten),
 * vtrn (transpose pairs), vswp and vdup. armhf's default FPU has no NEON,
 * hence .fpu neon. Exits 0 when every ASSERT_EQ holds. */
#include "lkmc_asm.h"

	.fpu neon

	.section .rodata
	.balign 16
bytes:
	.byte 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15

	.text
	.arm
	.global main
	.type main, %function
main:
	ldr r0, =bytes
	vld1.8 {d0, d1}, [r0]

	/* bytes 3 .. 10 of d1:d0 */
	vext.8 d2, d0, d1, 3
	vmov r0, r1, d2
	ASSERT_EQ(r0, 0x06050403)
	ASSERT_EQ(r1, 0x0a090807)

	vrev64.8 d3, d0
	vmov r0, r1, d3
	ASSERT_EQ(r0, 0x04050607)
	ASSERT_EQ(r1, 0x00010203)

	/* vzip: d4 = 0, 8, 1, 9, 2, 10, 3, 11 and d5 = the rest */
	vmov d4, d0
	vmov d5, d1
	vzip.8 d4, d5
	vmov r0, r1, d4
	ASSERT_EQ(r0, 0x09010800)
	ASSERT_EQ(r1, 0x0b030a02)
	vmov r0, r1, d5
	ASSERT_EQ(r0, 0x0d050c04)
	/* vuzp undoes it */
	vuzp.8 d4, d5
	vmov r0, r1, d4
	ASSERT_EQ(r0, 0x03020100)
	vmov r0, r1, d5
	ASSERT_EQ(r1, 0x0f0e0d0c)

	/* vtrn.16: 2x2 transposes of halfwords */
	vmov d6, d0
	vmov d7, d1
	vtrn.16 d6, d7
	vmov r0, r1, d6
	ASSERT_EQ(r0, 0x09080100)
	vmov r0, r1, d7
	ASSERT_EQ(r0, 0x0b0a0302)

	vswp d6, d7
	vmov r0, r1, d6
	ASSERT_EQ(r0, 0x0b0a0302)

	ldr r2, =0x11223344
	vdup.32 q4, r2
	vmov r0, r1, d9
	ASSERT_EQ(r0, 0x11223344)
	ASSERT_EQ(r1, 0x11223344)

	mov r0, 0
	bx lr
