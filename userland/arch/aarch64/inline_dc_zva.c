/* dc zva: zero a whole block of memory with one instruction (what memset
 * uses for large zero fills). DCZID_EL0, readable from userland, gives the
 * block size (4 << its low 4 bits bytes) and whether the kernel prohibits
 * the instruction (bit 4). A block is filled with 0xff, zeroed at an
 * aligned address, and the bytes around it checked.
 * expect: dc zva zeroed one block */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "lkmc_asm.h"

static unsigned char buf[3 * 2048] __attribute__((aligned(2048)));

int main(void)
{
	uint64_t dczid;
	__asm__ volatile ("mrs %0, dczid_el0" : "=r" (dczid));
	if (dczid & 16) {
		puts("dc zva is prohibited here (DCZID_EL0.DZP): nothing to test");
		return 1;
	}
	unsigned long block = 4UL << (dczid & 15);
	printf("block size %lu bytes\n", block);
	LKMC_ASSERT(block >= 16 && block <= 2048);
	memset(buf, 0xff, sizeof(buf));
	unsigned char *p = buf + 2048;
	__asm__ volatile ("dc zva, %0" : : "r" (p) : "memory");
	for (unsigned long i = 0; i < block; i++)
		LKMC_ASSERT_EQ(p[i], 0);
	LKMC_ASSERT_EQ(p[-1], 0xff);
	LKMC_ASSERT_EQ(p[block], 0xff);
	/* an address inside a block zeroes the whole (aligned) block */
	memset(buf, 0xff, sizeof(buf));
	__asm__ volatile ("dc zva, %0" : : "r" (p + block / 2 + 1) : "memory");
	LKMC_ASSERT_EQ(p[0], 0);
	LKMC_ASSERT_EQ(p[block - 1], 0);
	LKMC_ASSERT_EQ(p[block], 0xff);
	puts("dc zva zeroed one block");
	return 0;
}
