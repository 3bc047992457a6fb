/* mul, imul, div and idiv from inline asm, with their fixed registers
 * (rdx:rax), checked against C's unsigned __int128 and / % over many
 * values; also the 128-by-64 division that C cannot express directly. */
#include <stdint.h>
#include "lkmc_asm.h"

static uint64_t next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

int main(void)
{
	uint64_t s = 0x9e3779b97f4a7c15ULL;
	for (int i = 0; i < 2000; i++) {
		uint64_t a = next(&s), b = next(&s) >> (i % 64);
		uint64_t lo, hi;

		__asm__ ("mul %3" : "=a" (lo), "=d" (hi) : "a" (a), "r" (b) : "cc");
		unsigned __int128 p = (unsigned __int128)a * b;
		LKMC_ASSERT_EQ(lo, (uint64_t)p);
		LKMC_ASSERT_EQ(hi, (uint64_t)(p >> 64));

		int64_t sa = (int64_t)a, sb = (int64_t)b;
		int64_t slo, shi;
		__asm__ ("imul %3" : "=a" (slo), "=d" (shi) : "a" (sa), "r" (sb) : "cc");
		__int128 sp = (__int128)sa * sb;
		LKMC_ASSERT_EQ(slo, (int64_t)sp);
		LKMC_ASSERT_EQ(shi, (int64_t)(sp >> 64));

		if (b == 0)
			continue;
		uint64_t q, r;
		__asm__ ("div %4" : "=a" (q), "=d" (r) : "a" (a), "d" (0UL), "r" (b) : "cc");
		LKMC_ASSERT_EQ(q, a / b);
		LKMC_ASSERT_EQ(r, a % b);

		/* 128-bit dividend: hi must be below the divisor or div faults */
		uint64_t h = next(&s) % b;
		__asm__ ("div %4" : "=a" (q), "=d" (r) : "a" (a), "d" (h), "r" (b) : "cc");
		unsigned __int128 n = (unsigned __int128)h << 64 | a;
		LKMC_ASSERT_EQ(q, (uint64_t)(n / b));
		LKMC_ASSERT_EQ(r, (uint64_t)(n % b));

		if (sb == -1)
			continue; /* INT64_MIN / -1 faults */
		int64_t sq, sr;
		__asm__ ("cqo\n\tidiv %3" : "=a" (sq), "=&d" (sr) : "a" (sa), "r" (sb) : "cc");
		LKMC_ASSERT_EQ(sq, sa / sb);
		LKMC_ASSERT_EQ(sr, sa % sb);
	}
	return 0;
}
