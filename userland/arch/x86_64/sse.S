/* SSE and SSE2 on the 128-bit xmm registers: packed 32-bit integer add
 * (paddd), packed single float arithmetic (addps, mulps), horizontal
 * extraction (pshufd, movq, pextrd), compare to a mask (pcmpeqd, movmskps),
 * scalar double math (addsd, sqrtsd, ucomisd) and conversions (cvtsi2sd,
 * cvttsd2si). Results reach general registers for ASSERT_EQ. */
#include "lkmc_asm.h"

	.section .rodata
	.balign 16
ints_a:
	.long 1, 2, 3, 4
ints_b:
	.long 10, 20, 30, 40
floats_a:
	.float 1.5, 2.0, -3.0, 0.25
floats_b:
	.float 2.0, 4.0, 0.5, 8.0
two:
	.double 2.0

	.bss
	.balign 16
out:
	.skip 16

	.text
	.global main
main:
	/* integers: {1,2,3,4} + {10,20,30,40} */
	movdqa ints_a(%rip), %xmm0
	paddd ints_b(%rip), %xmm0
	movq %xmm0, %rax
	movabs $0x000000160000000b, %rbx /* lanes 0 and 1: 11, 22 */
	ASSERT_EQ(%rax, %rbx)
	pextrd $3, %xmm0, %eax
	ASSERT_EQ(%rax, $44)
	/* pshufd $0b00011011 reverses the lanes */
	pshufd $0x1b, %xmm0, %xmm1
	movd %xmm1, %eax
	ASSERT_EQ(%rax, $44)

	/* store to memory, unaligned load back */
	movdqa %xmm0, out(%rip)
	movl out+8(%rip), %eax
	ASSERT_EQ(%rax, $33)
	movdqu out+4(%rip), %xmm2
	movd %xmm2, %eax
	ASSERT_EQ(%rax, $22)

	/* floats: a * b + a, lane by lane, then convert to integers */
	movaps floats_a(%rip), %xmm0
	movaps %xmm0, %xmm1
	mulps floats_b(%rip), %xmm1 /* 3, 8, -1.5, 2 */
	addps %xmm0, %xmm1          /* 4.5, 10, -4.5, 2.25 */
	mulps %xmm1, %xmm1          /* squares: 20.25, 100, 20.25, 5.0625 */
	cvttps2dq %xmm1, %xmm2      /* truncated: 20, 100, 20, 5 */
	movdqa %xmm2, out(%rip)
	ASSERT_EQ32(out(%rip), $20)
	ASSERT_EQ32(out+4(%rip), $100)
	ASSERT_EQ32(out+8(%rip), $20)
	ASSERT_EQ32(out+12(%rip), $5)

	/* compare: which lanes equal 20? mask bits 0 and 2 */
	mov $20, %eax
	movd %eax, %xmm3
	pshufd $0, %xmm3, %xmm3     /* broadcast 20 */
	pcmpeqd %xmm2, %xmm3
	movmskps %xmm3, %eax
	ASSERT_EQ(%rax, $0b0101)

	/* scalar double: sqrt(7 * 7 + 2) rounds down to 7 */
	mov $7, %eax
	cvtsi2sd %eax, %xmm0
	mulsd %xmm0, %xmm0
	addsd two(%rip), %xmm0
	sqrtsd %xmm0, %xmm0
	cvttsd2si %xmm0, %rax
	ASSERT_EQ(%rax, $7)
	/* ucomisd sets ZF/CF like an unsigned compare: 7.14 > 2 */
	ucomisd two(%rip), %xmm0
	ASSERT_CC(a)

	/* pxor zeroes a register */
	pxor %xmm0, %xmm0
	ptest %xmm0, %xmm0
	ASSERT_CC(z)

	xor %eax, %eax
	ret
