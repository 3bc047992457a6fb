/* Bit instructions from inline asm (clz, rbit, rev, rev16, ror, ubfx,
 * bfi) checked against plain C over many values from a xorshift
 * generator. */
#include <stdint.h>
#include "lkmc_asm.h"

static uint32_t next(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static uint32_t c_clz(uint32_t x)
{
	uint32_t n = 0;
	for (uint32_t bit = 1u << 31; bit && !(x & bit); bit >>= 1)
		n++;
	return n;
}

static uint32_t c_rbit(uint32_t x)
{
	uint32_t r = 0;
	for (int i = 0; i < 32; i++)
		r |= (x >> i & 1) << (31 - i);
	return r;
}

int main(void)
{
	uint32_t s = 2463534242u;
	for (int i = 0; i < 2000; i++) {
		uint32_t x = next(&s), r;
		if (i % 3 == 0)
			x >>= x & 31;

		__asm__ ("clz %0, %1" : "=r" (r) : "r" (x));
		LKMC_ASSERT_EQ(r, c_clz(x));
		__asm__ ("rbit %0, %1" : "=r" (r) : "r" (x));
		LKMC_ASSERT_EQ(r, c_rbit(x));
		__asm__ ("rev %0, %1" : "=r" (r) : "r" (x));
		LKMC_ASSERT_EQ(r, x >> 24 | (x >> 8 & 0xff00) | (x << 8 & 0xff0000) | x << 24);
		__asm__ ("rev16 %0, %1" : "=r" (r) : "r" (x));
		LKMC_ASSERT_EQ(r, (x >> 8 & 0x00ff00ff) | (x << 8 & 0xff00ff00));
		__asm__ ("ror %0, %1, #13" : "=r" (r) : "r" (x));
		LKMC_ASSERT_EQ(r, x >> 13 | x << 19);
		__asm__ ("ubfx %0, %1, #20, #12" : "=r" (r) : "r" (x));
		LKMC_ASSERT_EQ(r, x >> 20);
		r = x;
		__asm__ ("bfi %0, %1, #8, #4" : "+r" (r) : "r" (i));
		LKMC_ASSERT_EQ(r, (x & ~0xf00u) | (i & 0xfu) << 8);
	}
	return 0;
}
