/* The time stamp counter: rdtsc puts a 64-bit count of (nominal) CPU
 * cycles in edx:eax, rdtscp also the TSC_AUX register (Linux stores the
 * CPU number there) and waits for earlier instructions. Under emulation
 * the count is the emulator's, but it must never go backwards and must
 * advance over a sleep; no rates are checked.
 * expect: rdtsc never went backwards in 100000 reads
 * expect: advanced over a 10 ms sleep: 1 */
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include "lkmc_asm.h"

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile ("lfence; rdtsc" : "=a" (lo), "=d" (hi));
	return (uint64_t)hi << 32 | lo;
}

static uint64_t rdtscp(uint32_t *aux)
{
	uint32_t lo, hi;
	__asm__ volatile ("rdtscp" : "=a" (lo), "=d" (hi), "=c" (*aux));
	return (uint64_t)hi << 32 | lo;
}

int main(void)
{
	uint64_t prev = rdtsc();
	int n = 100000;
	for (int i = 0; i < n; i++) {
		uint64_t t = rdtsc();
		LKMC_ASSERT(t >= prev);
		prev = t;
	}
	printf("rdtsc never went backwards in %d reads\n", n);
	uint32_t aux;
	uint64_t before = rdtscp(&aux);
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	nanosleep(&ts, NULL);
	uint64_t after = rdtscp(&aux);
	printf("advanced over a 10 ms sleep: %d\n", after > before);
	printf("TSC_AUX %u\n", aux);
	return after > before ? 0 : 1;
}
