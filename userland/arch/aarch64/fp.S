/* Scalar floating point: fadd, fmul, fdiv, fsqrt, fmadd (fused), fneg,
 * fabs on d (double) and s (single) registers; conversions scvtf, fcvtzs
 * (toward zero), fcvtms (toward minus infinity), fcvt between sizes;
 * fcmp setting NZCV (unordered for NaN) and fcsel; fmov immediates and
 * raw bit moves to general registers. */
#include "lkmc_asm.h"

	.text
	.global main
	.type main, %function
main:
	/* sqrt(7 * 7 + 2) = 7.14..., truncated to 7 */
	mov x0, 7
	scvtf d0, x0
	fmul d1, d0, d0
	fmov d2, 2.0
	fadd d1, d1, d2
	fsqrt d1, d1
	fcvtzs x1, d1
	ASSERT_EQ(x1, 7)

	/* rounding modes of conversions: -2.5 */
	fmov d3, -2.5
	fcvtzs x1, d3 /* toward zero */
	ASSERT_EQ(x1, -2)
	fcvtms x1, d3 /* toward minus infinity */
	ASSERT_EQ(x1, -3)
	fcvtas x1, d3 /* to nearest, ties away from zero */
	ASSERT_EQ(x1, -3)
	fcvtns x1, d3 /* to nearest, ties to even */
	ASSERT_EQ(x1, -2)

	/* fmadd: d4 = d0 * d2 + d3 = 7 * 2 - 2.5 = 11.5; 11.5 * 2 = 23 */
	fmadd d4, d0, d2, d3
	fadd d4, d4, d4
	fcvtzs x1, d4
	ASSERT_EQ(x1, 23)

	/* 1 / 3 in single precision, then the double close to it */
	fmov s5, 1.0
	fmov s6, 3.0
	fdiv s7, s5, s6
	fmov w1, s7
	ASSERT_EQ(x1, 0x3eaaaaab)
	fcvt d8, s7
	fmov x1, d8
	ASSERT_EQ(x1, 0x3fd5555560000000)

	/* raw bits: 1.0 is 0x3ff0000000000000, fneg flips the sign bit */
	fmov d9, 1.0
	fneg d9, d9
	fmov x1, d9
	ASSERT_EQ(x1, 0xbff0000000000000)
	fabs d9, d9
	fmov x1, d9
	ASSERT_EQ(x1, 0x3ff0000000000000)

	/* compare and select: max(2.0, -2.5) */
	fcmp d2, d3
	ASSERT_CC(gt)
	fcsel d10, d2, d3, gt
	fcmp d10, d2
	ASSERT_CC(eq)

	/* NaN compares unordered: V set, and neither less, equal nor greater */
	fmov d11, xzr
	fdiv d11, d11, d11 /* 0 / 0 */
	fcmp d11, d11
	ASSERT_CC(vs)
	ASSERT_CC(ne)
	fcmp d11, d2
	mrs x1, nzcv
	ASSERT_EQ(x1, 0x30000000) /* C and V */

	/* the FP registers alias the low bits of the vector ones */
	ins v12.d[0], x0
	fmov x2, d12
	ASSERT_EQ(x2, 7)

	mov w0, 0
	ret
