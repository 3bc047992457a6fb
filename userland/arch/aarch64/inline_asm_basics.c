/* GCC extended inline assembly on aarch64: outputs (=r), inputs (r, I
 * immediates), read-write operands (+r), matching constraints ("0"),
 * named operands, early clobbers (=&r), the %w modifier for the 32-bit
 * register name, memory operands (Q: a plain [xN] address) and explicit
 * register variables.
 * expect: inline asm ok */
#include <stdio.h>
#include "lkmc_asm.h"

int main(void)
{
	unsigned long a = 1, b = 2, out;

	/* the seed's add */
	__asm__ ("add %0, %1, %2" : "=r" (out) : "r" (a), "r" (b));
	LKMC_ASSERT_EQ(out, 3);

	/* read-write operand and an immediate */
	__asm__ ("add %0, %0, %1" : "+r" (a) : "I" (41));
	LKMC_ASSERT_EQ(a, 42);

	/* matching constraint */
	unsigned long y;
	__asm__ ("lsl %0, %0, 2" : "=r" (y) : "0" (5UL));
	LKMC_ASSERT_EQ(y, 20);

	/* named operands and an early clobber: d is written before s is read */
	unsigned long d;
	__asm__ ("mov %[d], %[big]\n\tsub %[d], %[d], %[small]"
		 : [d] "=&r" (d) : [big] "r" (100UL), [small] "r" (58UL));
	LKMC_ASSERT_EQ(d, 42);

	/* %w0: the w name of a register; writing it zeroes the top half */
	unsigned long w = ~0UL;
	__asm__ ("mov %w0, 7" : "+r" (w));
	LKMC_ASSERT_EQ(w, 7);

	/* memory operands */
	long arr[2] = {7, 8};
	long tmp;
	__asm__ ("ldr %1, %0\n\tadd %1, %1, 1\n\tstr %1, %0"
		 : "+Q" (arr[1]), "=&r" (tmp));
	LKMC_ASSERT_EQ(arr[1], 9);
	LKMC_ASSERT_EQ(arr[0], 7);

	/* register variables pin values to named registers */
	register unsigned long x9 __asm__ ("x9") = 40;
	__asm__ ("add x9, x9, 2" : "+r" (x9));
	LKMC_ASSERT_EQ(x9, 42);

	puts("inline asm ok");
	return 0;
}
