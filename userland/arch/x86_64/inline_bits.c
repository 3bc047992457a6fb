/* Bit instructions from inline asm (popcnt, lzcnt, tzcnt, bsr, bswap, ror,
 * pext) checked against plain C over many values from a xorshift
 * generator. */
#include <stdint.h>
#include "lkmc_asm.h"

static uint64_t next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static uint64_t c_popcount(uint64_t x)
{
	uint64_t n = 0;
	for (; x; x >>= 1)
		n += x & 1;
	return n;
}

static uint64_t c_lzcnt(uint64_t x)
{
	uint64_t n = 0;
	for (uint64_t bit = 1ULL << 63; bit && !(x & bit); bit >>= 1)
		n++;
	return n;
}

static uint64_t c_bswap(uint64_t x)
{
	uint64_t r = 0;
	for (int i = 0; i < 8; i++)
		r = (r << 8) | ((x >> (8 * i)) & 0xff);
	return r;
}

static uint64_t c_pext(uint64_t x, uint64_t mask)
{
	uint64_t r = 0, k = 0;
	for (int i = 0; i < 64; i++)
		if (mask >> i & 1)
			r |= (x >> i & 1) << k++;
	return r;
}

int main(void)
{
	uint64_t s = 88172645463325252ULL;
	for (int i = 0; i < 2000; i++) {
		uint64_t x = next(&s);
		/* sparse values too, so lzcnt/tzcnt see long runs of zeros */
		if (i % 3 == 0)
			x >>= x & 63;
		uint64_t r;

		__asm__ ("popcnt %1, %0" : "=r" (r) : "r" (x) : "cc");
		LKMC_ASSERT_EQ(r, c_popcount(x));
		__asm__ ("lzcnt %1, %0" : "=r" (r) : "r" (x) : "cc");
		LKMC_ASSERT_EQ(r, c_lzcnt(x));
		__asm__ ("tzcnt %1, %0" : "=r" (r) : "r" (x) : "cc");
		LKMC_ASSERT_EQ(r, x ? (uint64_t)__builtin_ctzll(x) : 64);
		if (x) {
			__asm__ ("bsr %1, %0" : "=r" (r) : "r" (x) : "cc");
			LKMC_ASSERT_EQ(r, 63 - c_lzcnt(x));
		}
		r = x;
		__asm__ ("bswap %0" : "+r" (r));
		LKMC_ASSERT_EQ(r, c_bswap(x));
		r = x;
		__asm__ ("ror $13, %0" : "+r" (r) : : "cc");
		LKMC_ASSERT_EQ(r, x >> 13 | x << 51);
		uint64_t m = next(&s);
		__asm__ ("pext %2, %1, %0" : "=r" (r) : "r" (x), "r" (m));
		LKMC_ASSERT_EQ(r, c_pext(x, m));
	}
	return 0;
}
