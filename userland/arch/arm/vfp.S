/* VFP scalar floating point (armhf: hard float, d0-d15 double and s0-s31
 * single registers): vadd, vmul, vdiv, vsqrt, vneg, vabs, fused vfma;
 * conversions vcvt between integers, single and double (toward zero, or
 * with the FPSCR rounding mode via vcvtr); vcmp + vmrs to copy the FPSCR
 * flags into APSR for conditional code; NaN compares unordered. */
#include "lkmc_asm.h"

	.fpu vfpv4

	.text
	.arm
	.global main
	.type main, %function
main:
	/* sqrt(7 * 7 + 2) = 7.14..., truncated to 7 */
	mov r0, 7
	vmov s0, r0
	vcvt.f64.s32 d1, s0
	vmul.f64 d2, d1, d1
	vmov.f64 d3, 2.0
	vadd.f64 d2, d2, d3
	vsqrt.f64 d2, d2
	vcvt.s32.f64 s8, d2 /* toward zero */
	vmov r1, s8
	ASSERT_EQ(r1, 7)

	/* -2.5 toward zero is -2; with the default round-to-nearest-even
	 * mode (vcvtr) it is also -2, and -3.5 gives -4 */
	vmov.f64 d4, -2.5
	vcvt.s32.f64 s10, d4
	vmov r1, s10
	ASSERT_EQ(r1, -2)
	vcvtr.s32.f64 s10, d4
	vmov r1, s10
	ASSERT_EQ(r1, -2)
	vmov.f64 d4, -3.5
	vcvtr.s32.f64 s10, d4
	vmov r1, s10
	ASSERT_EQ(r1, -4)

	/* fused multiply-add: d5 += d1 * d3 = 0.5 + 7 * 2 */
	vmov.f64 d5, 0.5
	vfma.f64 d5, d1, d3
	vadd.f64 d5, d5, d5
	vcvt.s32.f64 s10, d5
	vmov r1, s10
	ASSERT_EQ(r1, 29)

	/* 1 / 3 in single precision: raw bits */
	vmov.f32 s12, 1.0
	vmov.f32 s13, 3.0
	vdiv.f32 s14, s12, s13
	vmov r1, s14
	ASSERT_EQ(r1, 0x3eaaaaab)
	/* widened to double: the pair of words of d8 */
	vcvt.f64.f32 d8, s14
	vmov r2, r3, d8
	ASSERT_EQ(r2, 0x60000000)
	ASSERT_EQ(r3, 0x3fd55555)

	/* sign manipulation */
	vmov.f64 d9, 1.0
	vneg.f64 d9, d9
	vmov r2, r3, d9
	ASSERT_EQ(r3, 0xbff00000)
	vabs.f64 d9, d9
	vmov r2, r3, d9
	ASSERT_EQ(r3, 0x3ff00000)

	/* compare: flags land in FPSCR, vmrs copies them to APSR */
	vcmp.f64 d3, d4 /* 2.0 vs -3.5 */
	vmrs APSR_nzcv, fpscr
	ASSERT_CC(gt)
	vmovgt.f64 d10, d3 /* conditional VFP move: max */
	vcmp.f64 d10, d3
	vmrs APSR_nzcv, fpscr
	ASSERT_CC(eq)

	/* NaN: 0 / 0 compares unordered (C and V set, not equal) */
	mov r0, 0
	vmov s20, r0
	vdiv.f32 s21, s20, s20
	vcmp.f32 s21, s21
	vmrs APSR_nzcv, fpscr
	ASSERT_CC(vs)
	ASSERT_CC(ne)

	mov r0, 0
	bx lr
