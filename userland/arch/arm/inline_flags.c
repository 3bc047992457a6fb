/* Getting flags out of inline assembly on ARM: flag output operands
 * (=@ccvs signed overflow, =@cccs carry, =@cceq zero) and asm goto with
 * cbz, checked against __builtin_add_overflow. */
#include <limits.h>
#include "lkmc_asm.h"

static int add_overflows(int a, int b, int *sum)
{
	int v;
	__asm__ ("adds %0, %0, %2" : "+r" (a), "=@ccvs" (v) : "r" (b));
	*sum = a;
	return v;
}

static int unsigned_carry(unsigned a, unsigned b)
{
	int c;
	__asm__ ("adds %0, %0, %2" : "+r" (a), "=@cccs" (c) : "r" (b));
	return c;
}

static int is_zero_goto(unsigned x)
{
	__asm__ goto ("cmp %0, #0\n\tbeq %l[zero]" : : "r" (x) : "cc" : zero);
	return 0;
zero:
	return 1;
}

int main(void)
{
	int vals[] = {0, 1, -1, 2, INT_MAX, INT_MIN, INT_MAX - 1, INT_MIN + 1, 12345};
	unsigned n = sizeof(vals) / sizeof(vals[0]);
	for (unsigned i = 0; i < n; i++) {
		for (unsigned j = 0; j < n; j++) {
			int s, ref;
			int v = add_overflows(vals[i], vals[j], &s);
			LKMC_ASSERT_EQ(v, __builtin_add_overflow(vals[i], vals[j], &ref));
			LKMC_ASSERT_EQ(s, ref);
			unsigned us;
			LKMC_ASSERT_EQ(unsigned_carry(vals[i], vals[j]),
				       __builtin_add_overflow((unsigned)vals[i], (unsigned)vals[j], &us));
		}
	}

	int eq;
	__asm__ ("cmp %1, %2" : "=@cceq" (eq) : "r" (5), "r" (5));
	LKMC_ASSERT_EQ(eq, 1);

	LKMC_ASSERT_EQ(is_zero_goto(0), 1);
	LKMC_ASSERT_EQ(is_zero_goto(8), 0);
	return 0;
}
