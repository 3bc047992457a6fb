/* The NZCV flags and what reads them: cmp, cmn, tst, adds; conditional
 * branches (ASSERT_CC), conditional select (csel, csinc, csneg, cset,
 * cinc), conditional compare (ccmp), and the flags register itself
 * (mrs/msr nzcv). AArch64 has no conditional execution beyond these. */
#include "lkmc_asm.h"

	.text
	.global main
	.type main, %function
main:
	/* 0xffffffff + 1 in 32 bits: carry and zero, no signed overflow */
	mov w0, -1
	adds w0, w0, 1
	ASSERT_CC(cs)
	ASSERT_CC(eq)
	ASSERT_CC(vc)
	ASSERT_CC(pl)

	/* 0x7fffffff + 1: signed overflow to a negative, no carry */
	mov w0, 0x7fffffff
	adds w0, w0, 1
	ASSERT_CC(vs)
	ASSERT_CC(mi)
	ASSERT_CC(cc)
	ASSERT_CC(ne)

	/* subtraction sets C when there is no borrow: 5 - 3 */
	mov x0, 5
	cmp x0, 3
	ASSERT_CC(cs)
	ASSERT_CC(hi)
	ASSERT_CC(gt)

	/* -1 vs 1: less as signed, higher as unsigned */
	mov x0, -1
	cmp x0, 1
	ASSERT_CC(lt)
	ASSERT_CC(hi)

	/* cmn adds: -4 + 4 == 0 */
	mov x0, -4
	cmn x0, 4
	ASSERT_CC(eq)

	/* tst ands: bit 3 of 0b1000 is set */
	mov x0, 0b1000
	tst x0, 0b1000
	ASSERT_CC(ne)
	tst x0, 0b0111
	ASSERT_CC(eq)

	/* conditional select family */
	mov x1, 10
	mov x2, 20
	cmp x1, x2
	csel x3, x1, x2, gt   /* max */
	ASSERT_EQ(x3, 20)
	cmp x1, x2
	cset x4, lt
	ASSERT_EQ(x4, 1)
	cmp x1, x2
	csinc x5, x1, x2, eq  /* not equal: x2 + 1 */
	ASSERT_EQ(x5, 21)
	cmp x1, x2
	csneg x6, x1, x1, ge  /* abs-like: -x1 */
	ASSERT_EQ(x6, -10)
	cmp x1, 10
	cinc x7, x1, eq
	ASSERT_EQ(x7, 11)

	/* ccmp: (x1 == 10 && x2 == 20), the second compare only if the first
	 * held, else the flags become the immediate nzcv (0: "ne") */
	cmp x1, 10
	ccmp x2, 20, 0, eq
	ASSERT_CC(eq)
	cmp x1, 11
	ccmp x2, 20, 0, eq
	ASSERT_CC(ne)

	/* nzcv as a register: N is bit 31, Z 30, C 29, V 28 */
	mov x0, 0
	cmp x0, 0
	mrs x1, nzcv
	ASSERT_EQ(x1, 0x60000000) /* Z and C */
	mov x1, 0x80000000
	msr nzcv, x1
	ASSERT_CC(mi)

	mov w0, 0
	ret
