/* The x87 floating-point unit: a stack of eight 80-bit registers (st(0)
 * the top), pushed by loads (fld, fld1, fldz, fldpi), popped by the p
 * forms (faddp, fstp, fistp); arithmetic on the top; fcomi comparing into
 * the integer flags; fistp rounding to the nearest even integer and
 * fisttp (SSE3) truncating. Its 64-bit mantissa keeps 1 + 2^-60 apart from
 * 1, which a double cannot. Exits 0 when every ASSERT_EQ holds and the
 * stack ends empty. */
#include "lkmc_asm.h"

	.section .rodata
	.balign 8
three:
	.double 3.0
two_and_half:
	.double 2.5
three_and_half:
	.double 3.5
sixteen:
	.double 16.0
tiny:
	.double 8.673617379884035e-19 /* 2^-60 */

	.text
	.global main
main:
	sub $24, %rsp

	/* 1 + 3 */
	fld1
	fldl three(%rip)
	faddp
	fistpl (%rsp)
	ASSERT_EQ32((%rsp), $4)

	fldl sixteen(%rip)
	fsqrt
	fistpl (%rsp)
	ASSERT_EQ32((%rsp), $4)

	/* pi rounds to 3 */
	fldpi
	fistpl (%rsp)
	ASSERT_EQ32((%rsp), $3)

	/* rounding to nearest: ties go to the even integer */
	fldl two_and_half(%rip)
	fistpl (%rsp)
	ASSERT_EQ32((%rsp), $2)
	fldl three_and_half(%rip)
	fistpl (%rsp)
	ASSERT_EQ32((%rsp), $4)
	fldl three_and_half(%rip)
	fisttpl (%rsp)
	ASSERT_EQ32((%rsp), $3)

	/* fcomi: st(0) = 1 against st(1) = 0 sets the flags like an unsigned compare */
	fldz
	fld1
	fcomi %st(1), %st
	ASSERT_CC(a)
	fxch
	fcomi %st(1), %st
	ASSERT_CC(b)
	fstp %st(0)
	fstp %st(0)

	/* (1 + 2^-60) - 1 in 80 bits is 2^-60, stored as a double exactly */
	fld1
	faddl tiny(%rip)
	fld1
	fsubrp /* st(1) - st(0), popped */
	fstpl (%rsp)
	movabs $0x3c30000000000000, %rax
	ASSERT_EQ((%rsp), %rax)

	/* the stack is empty again: TOP (status word bits 11-13) is 0 */
	fnstsw %ax
	and $0x3800, %eax
	ASSERT_EQ(%rax, $0)

	add $24, %rsp
	xor %eax, %eax
	ret
