/* GCC extended inline assembly on 32-bit ARM, compiled as Thumb-2 (the
 * armhf default): outputs (=r), inputs (r, I immediates), read-write (+r),
 * matching constraints ("0"), named operands, early clobbers (=&r),
 * 64-bit operands in a register pair (%Q0 low word, %R0 high word),
 * memory operands and an it block inside the asm.
 * expect: inline asm ok */
#include <stdio.h>
#include "lkmc_asm.h"

int main(void)
{
	unsigned a = 1, b = 2, out;

	/* the seed's add */
	__asm__ ("add %0, %1, %2" : "=r" (out) : "r" (a), "r" (b));
	LKMC_ASSERT_EQ(out, 3);

	__asm__ ("add %0, %0, %1" : "+r" (a) : "I" (41));
	LKMC_ASSERT_EQ(a, 42);

	unsigned y;
	__asm__ ("lsl %0, %0, #2" : "=r" (y) : "0" (5u));
	LKMC_ASSERT_EQ(y, 20);

	unsigned d;
	__asm__ ("mov %[d], %[big]\n\tsub %[d], %[d], %[small]"
		 : [d] "=&r" (d) : [big] "r" (100u), [small] "r" (58u));
	LKMC_ASSERT_EQ(d, 42);

	/* a 64-bit add with adds/adc on the two halves of each operand */
	unsigned long long x = 0xffffffffULL, z = 0x100000001ULL;
	__asm__ ("adds %Q0, %Q0, %Q1\n\tadc %R0, %R0, %R1" : "+r" (x) : "r" (z) : "cc");
	LKMC_ASSERT_EQ(x, 0x200000000ULL);

	/* memory operand */
	int arr[2] = {7, 8};
	int tmp;
	__asm__ ("ldr %1, %0\n\tadd %1, %1, #1\n\tstr %1, %0" : "+m" (arr[1]), "=&r" (tmp));
	LKMC_ASSERT_EQ(arr[1], 9);

	/* conditional execution in Thumb-2 needs an it block */
	int m, p = -5, q = 3;
	__asm__ ("cmp %1, %2\n\tite gt\n\tmovgt %0, %1\n\tmovle %0, %2"
		 : "=r" (m) : "r" (p), "r" (q) : "cc");
	LKMC_ASSERT_EQ(m, 3);

	puts("inline asm ok");
	return 0;
}
