/* System registers readable from EL0 with mrs: TPIDR_EL0 (the thread
 * pointer, as __builtin_thread_pointer sees it), CNTVCT_EL0 (the virtual
 * counter, which never goes backwards) and CNTFRQ_EL0 (its frequency),
 * CTR_EL0 (cache line sizes) and DCZID_EL0 (the dc zva block size), which
 * is then used to zero a block of memory.
 * expect: counter frequency */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "lkmc_asm.h"

int main(void)
{
	uint64_t tp;
	__asm__ ("mrs %0, tpidr_el0" : "=r" (tp));
	LKMC_ASSERT_EQ(tp, (uint64_t)__builtin_thread_pointer());

	uint64_t t0, t1, freq;
	__asm__ volatile ("isb\n\tmrs %0, cntvct_el0" : "=r" (t0));
	__asm__ volatile ("isb\n\tmrs %0, cntvct_el0" : "=r" (t1));
	LKMC_ASSERT(t1 >= t0);
	/* set by firmware for the kernel; QEMU user mode leaves it 0, so it is
	 * only printed */
	__asm__ ("mrs %0, cntfrq_el0" : "=r" (freq));

	/* CTR_EL0: log2 of the smallest line size in words, I in bits 0..3,
	 * D in 16..19 */
	uint64_t ctr;
	__asm__ ("mrs %0, ctr_el0" : "=r" (ctr));
	unsigned dline = 4u << (ctr >> 16 & 0xf);
	LKMC_ASSERT(dline >= 16 && dline <= 2048);

	/* DCZID_EL0: bit 4 prohibits dc zva; bits 0..3 log2 of the block in
	 * words */
	uint64_t dczid;
	__asm__ ("mrs %0, dczid_el0" : "=r" (dczid));
	if (!(dczid & 16)) {
		unsigned block = 4u << (dczid & 0xf);
		static unsigned char buf[4096] __attribute__((aligned(2048)));
		memset(buf, 0xaa, sizeof(buf));
		__asm__ volatile ("dc zva, %0" : : "r" (buf) : "memory");
		LKMC_ASSERT_EQ(buf[0], 0);
		LKMC_ASSERT_EQ(buf[block - 1], 0);
		LKMC_ASSERT_EQ(buf[block], 0xaa);
	}
	printf("counter frequency %llu Hz, dcache line %u\n",
	       (unsigned long long)freq, dline);
	return 0;
}
