/* Getting flags out of inline assembly: flag output operands (=@ccc for
 * carry, =@cco overflow, =@ccz zero), and asm goto jumping to a C label on
 * a condition. Checks overflow detection against the compiler's
 * __builtin_add_overflow over a range of values. */
#include <limits.h>
#include "lkmc_asm.h"

static int add_overflows(long a, long b, long *sum)
{
	int of;
	__asm__ ("add %2, %0" : "+r" (a), "=@cco" (of) : "r" (b));
	*sum = a;
	return of;
}

static int unsigned_carry(unsigned long a, unsigned long b)
{
	int c;
	__asm__ ("add %2, %0" : "+r" (a), "=@ccc" (c) : "r" (b));
	return c;
}

static int is_zero_goto(unsigned long x)
{
	__asm__ goto ("test %0, %0\n\tjz %l[zero]" : : "r" (x) : "cc" : zero);
	return 0;
zero:
	return 1;
}

int main(void)
{
	long vals[] = {0, 1, -1, 2, LONG_MAX, LONG_MIN, LONG_MAX - 1, LONG_MIN + 1, 12345};
	unsigned n = sizeof(vals) / sizeof(vals[0]);
	for (unsigned i = 0; i < n; i++) {
		for (unsigned j = 0; j < n; j++) {
			long s, ref;
			int of = add_overflows(vals[i], vals[j], &s);
			int ref_of = __builtin_add_overflow(vals[i], vals[j], &ref);
			LKMC_ASSERT_EQ(of, ref_of);
			LKMC_ASSERT_EQ(s, ref);
			unsigned long us;
			LKMC_ASSERT_EQ(unsigned_carry(vals[i], vals[j]),
				       __builtin_add_overflow((unsigned long)vals[i], (unsigned long)vals[j], &us));
		}
	}

	int zf;
	__asm__ ("cmp %1, %2" : "=@ccz" (zf) : "r" (5L), "r" (5L));
	LKMC_ASSERT_EQ(zf, 1);

	LKMC_ASSERT_EQ(is_zero_goto(0), 1);
	LKMC_ASSERT_EQ(is_zero_goto(8), 0);
	return 0;
}
