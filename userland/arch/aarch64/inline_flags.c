/* Getting flags out of inline assembly: flag output operands (=@ccvs for
 * signed overflow, =@cccs carry, =@cceq zero), and asm goto branching to
 * a C label. Checks overflow detection against __builtin_add_overflow. */
#include <limits.h>
#include "lkmc_asm.h"

static int add_overflows(long a, long b, long *sum)
{
	int v;
	__asm__ ("adds %0, %0, %2" : "+r" (a), "=@ccvs" (v) : "r" (b));
	*sum = a;
	return v;
}

static int unsigned_carry(unsigned long a, unsigned long b)
{
	int c;
	__asm__ ("adds %0, %0, %2" : "+r" (a), "=@cccs" (c) : "r" (b));
	return c;
}

static int is_zero_goto(unsigned long x)
{
	__asm__ goto ("cbz %0, %l[zero]" : : "r" (x) : : zero);
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
			int v = add_overflows(vals[i], vals[j], &s);
			LKMC_ASSERT_EQ(v, __builtin_add_overflow(vals[i], vals[j], &ref));
			LKMC_ASSERT_EQ(s, ref);
			unsigned long us;
			LKMC_ASSERT_EQ(unsigned_carry(vals[i], vals[j]),
				       __builtin_add_overflow((unsigned long)vals[i], (unsigned long)vals[j], &us));
		}
	}

	int eq;
	__asm__ ("cmp %1, %2" : "=@cceq" (eq) : "r" (5L), "r" (5L));
	LKMC_ASSERT_EQ(eq, 1);

	LKMC_ASSERT_EQ(is_zero_goto(0), 1);
	LKMC_ASSERT_EQ(is_zero_goto(8), 0);
	return 0;
}
