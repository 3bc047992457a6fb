/* Calls and the AAPCS64 ABI: bl/ret through the link register x30;
 * integer arguments in x0-x7 and then on the stack; results in x0 (x0:x1
 * for 128 bits); x19-x28, x29 (frame pointer) and the low 64 bits of
 * v8-v15 (d8-d15) callee-saved; sp always 16-byte aligned; floating point
 * arguments in d0-d7. Calls C (qsort, snprintf, strcmp) and is called
 * back from it (the qsort comparator). */
#include "lkmc_asm.h"

	.data
	.balign 8
nums:
	.quad 5, -2, 9, 0, 3
	.section .rodata
fmt:
	.asciz "%ld-%ld %.1f"
want:
	.asciz "7-8 2.5"

	.text
/* long sum10(a..j): i and j come on the stack */
sum10:
	mov x9, sp
	tst x9, 15
	ASSERT_CC(eq)
	add x0, x0, x1
	add x0, x0, x2
	add x0, x0, x3
	add x0, x0, x4
	add x0, x0, x5
	add x0, x0, x6
	add x0, x0, x7
	ldp x9, x10, [sp]
	add x0, x0, x9
	add x0, x0, x10
	ret

/* Uses every callee-saved register, restoring them before returning. */
clobber_saved:
	stp x19, x20, [sp, -96]!
	stp x21, x22, [sp, 16]
	stp x23, x24, [sp, 32]
	stp x25, x26, [sp, 48]
	stp x27, x28, [sp, 64]
	stp d8, d9, [sp, 80]
	mov x19, -1
	mov x20, -1
	mov x28, -1
	fmov d8, xzr
	fmov d9, xzr
	/* caller-saved ones can change freely */
	mov x9, -1
	mov x15, -1
	ldp d8, d9, [sp, 80]
	ldp x27, x28, [sp, 64]
	ldp x25, x26, [sp, 48]
	ldp x23, x24, [sp, 32]
	ldp x21, x22, [sp, 16]
	ldp x19, x20, [sp], 96
	ret

/* 128-bit result x1:x0 = x0 * x1 */
mul128:
	mul x2, x0, x1
	umulh x1, x0, x1
	mov x0, x2
	ret

/* int cmp(const void *a, const void *b) for qsort */
cmp_long:
	ldr x2, [x0]
	ldr x3, [x1]
	cmp x2, x3
	cset w0, gt
	csinv w0, w0, wzr, ge /* less: ~0 = -1 */
	ret

/* double scale(double x, long k) = x * k: d0 and x0 are separate banks */
scale:
	scvtf d1, x0
	fmul d0, d0, d1
	ret

	.global main
	.type main, %function
main:
	stp x29, x30, [sp, -96]!
	mov x29, sp
	stp x19, x20, [sp, 16]
	stp x21, x22, [sp, 32]
	str d8, [sp, 48]
	/* 32 bytes at sp + 56 .. 88 used as a buffer below */

	mov x0, 1
	mov x1, 2
	mov x2, 3
	mov x3, 4
	mov x4, 5
	mov x5, 6
	mov x6, 7
	mov x7, 8
	mov x9, 9
	mov x10, 10
	stp x9, x10, [sp, -16]! /* i at the lower address */
	bl sum10
	add sp, sp, 16
	ASSERT_EQ(x0, 55)

	mov x19, 19
	mov x20, 20
	mov x21, 21
	fmov d8, 1.5
	bl clobber_saved
	ASSERT_EQ(x19, 19)
	ASSERT_EQ(x20, 20)
	ASSERT_EQ(x21, 21)
	fmov d1, 1.5
	fcmp d8, d1
	ASSERT_CC(eq)

	mov x0, 0x100000000
	mov x1, x0
	bl mul128
	ASSERT_EQ(x0, 0)
	ASSERT_EQ(x1, 1)

	fmov d0, 1.25
	mov x0, 4
	bl scale
	fmov d1, 5.0
	fcmp d0, d1
	ASSERT_CC(eq)

	/* qsort(nums, 5, 8, cmp_long): C keeps our callee-saved registers too */
	adrp x0, nums
	add x0, x0, :lo12:nums
	mov x1, 5
	mov x2, 8
	adr x3, cmp_long
	bl qsort
	ASSERT_EQ(x19, 19)
	ASSERT_EQ(x21, 21)
	adrp x22, nums
	add x22, x22, :lo12:nums
	ldp x0, x1, [x22]
	ASSERT_EQ(x0, -2)
	ASSERT_EQ(x1, 0)
	ldp x0, x1, [x22, 16]
	ASSERT_EQ(x0, 3)
	ASSERT_EQ(x1, 5)
	ldr x0, [x22, 32]
	ASSERT_EQ(x0, 9)

	/* snprintf(buf, 32, "%ld-%ld %.1f", 7, 8, 2.5): unlike x86_64, a
	 * variadic double simply goes in d0 */
	add x0, sp, 56
	mov x1, 32
	adrp x2, fmt
	add x2, x2, :lo12:fmt
	mov x3, 7
	mov x4, 8
	fmov d0, 2.5
	bl snprintf
	ASSERT_EQ(x0, 7)
	add x0, sp, 56
	adrp x1, want
	add x1, x1, :lo12:want
	bl strcmp
	ASSERT_EQW(w0, 0)

	/* the frame record: x29 points at the saved x29, x30 */
	mov x0, sp
	ASSERT_EQ_REG(x29, x0)

	ldr d8, [sp, 48]
	ldp x21, x22, [sp, 32]
	ldp x19, x20, [sp, 16]
	ldp x29, x30, [sp], 96
	mov w0, 0
	ret
