/* GCC extended inline assembly: outputs (=r), inputs (r, i, m), read-write
 * operands (+r), matching constraints ("0"), named operands (%[name]),
 * early clobbers (=&r), specific registers ("a", "c"), clobber lists
 * ("cc", "memory") and operand size modifiers (%k0 for the 32-bit name).
 * expect: inline asm ok */
#include <stdio.h>
#include "lkmc_asm.h"

int main(void)
{
	unsigned long a = 1, b = 2, out;

	/* the seed's add: out = a + b */
	__asm__ ("mov %1, %0\n\tadd %2, %0" : "=&r" (out) : "r" (a), "r" (b) : "cc");
	LKMC_ASSERT_EQ(out, 3);

	/* read-write operand and an immediate */
	__asm__ ("add %1, %0" : "+r" (a) : "i" (41) : "cc");
	LKMC_ASSERT_EQ(a, 42);

	/* matching constraint: input in the same register as output 0 */
	unsigned long x = 5, y;
	__asm__ ("imul $3, %0, %0" : "=r" (y) : "0" (x) : "cc");
	LKMC_ASSERT_EQ(y, 15);

	/* named operands */
	unsigned long diff;
	__asm__ ("mov %[big], %[d]\n\tsub %[small], %[d]"
		 : [d] "=&r" (diff) : [big] "r" (100UL), [small] "r" (58UL) : "cc");
	LKMC_ASSERT_EQ(diff, 42);

	/* memory operands and the memory clobber */
	long arr[2] = {7, 8};
	__asm__ volatile ("addq $1, %0\n\taddq $2, %1" : "+m" (arr[0]), "+m" (arr[1]) : : "cc");
	LKMC_ASSERT_EQ(arr[0], 8);
	LKMC_ASSERT_EQ(arr[1], 10);

	/* specific registers: rep stosb needs rdi, rcx, al */
	char buf[8] = "abcdefg";
	char *p = buf;
	unsigned long n = 3;
	__asm__ volatile ("rep stosb" : "+D" (p), "+c" (n) : "a" ('z') : "memory");
	LKMC_ASSERT_EQ(n, 0);
	LKMC_ASSERT_EQ(p - buf, 3);
	LKMC_ASSERT_EQ(buf[2], 'z');
	LKMC_ASSERT_EQ(buf[3], 'd');

	/* %k: the 32-bit name of an operand; writing it zeroes the top half */
	unsigned long w = ~0UL;
	__asm__ ("movl $7, %k0" : "+r" (w));
	LKMC_ASSERT_EQ(w, 7);

	puts("inline asm ok");
	return 0;
}
