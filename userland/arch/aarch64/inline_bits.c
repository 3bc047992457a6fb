/* Bit instructions from inline asm (clz, rbit, rev, ror, ubfx, and cnt for
 * a popcount) checked against plain C over many values from a xorshift
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

static uint64_t c_clz(uint64_t x)
{
	uint64_t n = 0;
	for (uint64_t bit = 1ULL << 63; bit && !(x & bit); bit >>= 1)
		n++;
	return n;
}

static uint64_t c_rbit(uint64_t x)
{
	uint64_t r = 0;
	for (int i = 0; i < 64; i++)
		r |= (x >> i & 1) << (63 - i);
	return r;
}

static uint64_t c_rev(uint64_t x)
{
	uint64_t r = 0;
	for (int i = 0; i < 8; i++)
		r = (r << 8) | ((x >> (8 * i)) & 0xff);
	return r;
}

static uint64_t c_popcount(uint64_t x)
{
	uint64_t n = 0;
	for (; x; x >>= 1)
		n += x & 1;
	return n;
}

int main(void)
{
	uint64_t s = 88172645463325252ULL;
	for (int i = 0; i < 2000; i++) {
		uint64_t x = next(&s), r;
		if (i % 3 == 0)
			x >>= x & 63;

		__asm__ ("clz %0, %1" : "=r" (r) : "r" (x));
		LKMC_ASSERT_EQ(r, c_clz(x));
		__asm__ ("rbit %0, %1" : "=r" (r) : "r" (x));
		LKMC_ASSERT_EQ(r, c_rbit(x));
		__asm__ ("rev %0, %1" : "=r" (r) : "r" (x));
		LKMC_ASSERT_EQ(r, c_rev(x));
		__asm__ ("ror %0, %1, 13" : "=r" (r) : "r" (x));
		LKMC_ASSERT_EQ(r, x >> 13 | x << 51);
		__asm__ ("ubfx %0, %1, 20, 12" : "=r" (r) : "r" (x));
		LKMC_ASSERT_EQ(r, x >> 20 & 0xfff);
		__asm__ ("fmov d0, %1\n\tcnt v0.8b, v0.8b\n\taddv b0, v0.8b\n\tumov %w0, v0.b[0]"
			 : "=r" (r) : "r" (x) : "v0");
		LKMC_ASSERT_EQ(r, c_popcount(x));
	}
	return 0;
}
