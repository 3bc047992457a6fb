/* The cpuid instruction: leaf 0 gives the highest basic leaf and the
 * vendor string (in ebx, edx, ecx), leaf 1 the feature bits. Every x86_64
 * CPU has SSE and SSE2 (edx bits 25 and 26), so those are asserted; the
 * vendor depends on the CPU or emulator and is only printed.
 * expect: cpuid vendor */
#include <stdio.h>
#include <string.h>
#include "lkmc_asm.h"

static void cpuid(unsigned leaf, unsigned r[4])
{
	__asm__ ("cpuid" : "=a" (r[0]), "=b" (r[1]), "=c" (r[2]), "=d" (r[3]) : "a" (leaf), "c" (0));
}

int main(void)
{
	unsigned r[4];
	char vendor[13];

	cpuid(0, r);
	unsigned max_leaf = r[0];
	LKMC_ASSERT(max_leaf >= 1);
	memcpy(vendor, &r[1], 4);
	memcpy(vendor + 4, &r[3], 4);
	memcpy(vendor + 8, &r[2], 4);
	vendor[12] = 0;
	for (int i = 0; i < 12; i++)
		LKMC_ASSERT(vendor[i] >= ' ' && vendor[i] <= '~');

	cpuid(1, r);
	LKMC_ASSERT_EQ(r[3] >> 25 & 3, 3);
	printf("cpuid vendor %s max leaf %u\n", vendor, max_leaf);
	return 0;
}
