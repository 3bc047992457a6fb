/* Scalar floating point from inline asm ("w" operands are d/s registers):
 * the five frint rounding instructions (to nearest even, away from zero,
 * toward minus and plus infinity, toward zero) checked against C's rint,
 * round, floor, ceil and trunc over halves and random values; fcvtzs
 * saturating where a C cast would be undefined; fsqrt and a fused fmadd.
 * expect: rounding checked on 1000 values */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include "lkmc_asm.h"

#define FRINT(insn, x) ({ double r_; __asm__ (insn " %d0, %d1" : "=w" (r_) : "w" (x)); r_; })

static int64_t fcvtzs(double x)
{
	int64_t r;
	__asm__ ("fcvtzs %0, %d1" : "=r" (r) : "w" (x));
	return r;
}

static void check_rounding(double x)
{
	LKMC_ASSERT(FRINT("frintn", x) == rint(x));
	LKMC_ASSERT(FRINT("frinta", x) == round(x));
	LKMC_ASSERT(FRINT("frintm", x) == floor(x));
	LKMC_ASSERT(FRINT("frintp", x) == ceil(x));
	LKMC_ASSERT(FRINT("frintz", x) == trunc(x));
}

int main(void)
{
	/* ties: to even for frintn, away from zero for frinta */
	LKMC_ASSERT(FRINT("frintn", 2.5) == 2.0);
	LKMC_ASSERT(FRINT("frinta", 2.5) == 3.0);
	LKMC_ASSERT(FRINT("frintn", -3.5) == -4.0);
	LKMC_ASSERT(FRINT("frintm", -0.5) == -1.0);
	int n = 0;
	for (int i = -100; i <= 100; i++, n++)
		check_rounding(i / 2.0);
	uint64_t s = 88172645463325252ULL;
	for (; n < 1000; n++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		check_rounding((double)(int64_t)s / 1e15);
	}
	printf("rounding checked on %d values\n", n);

	/* out of range: saturates; NaN: 0 */
	LKMC_ASSERT_EQ(fcvtzs(1e30), INT64_MAX);
	LKMC_ASSERT_EQ(fcvtzs(-1e30), INT64_MIN);
	LKMC_ASSERT_EQ(fcvtzs(NAN), 0);
	LKMC_ASSERT_EQ(fcvtzs(-7.9), -7);

	double r, a = 2.0, b = 3.0, c = 1.0;
	__asm__ ("fsqrt %d0, %d1" : "=w" (r) : "w" (16.0));
	LKMC_ASSERT(r == 4.0);
	__asm__ ("fmadd %d0, %d1, %d2, %d3" : "=w" (r) : "w" (a), "w" (b), "w" (c));
	LKMC_ASSERT(r == 7.0);
	return 0;
}
