/* The SSE4.2 crc32 instruction: it updates a CRC-32C (the Castagnoli
 * polynomial of iSCSI, ext4 and btrfs, not zlib's CRC-32) by 1, 2, 4 or 8
 * bytes. With the usual all-ones start and final inversion, "123456789"
 * gives the standard check value 0xe3069283; random buffers must match a
 * bit-at-a-time C version. Fails if cpuid says there is no SSE4.2.
 * expect: crc32c("123456789") = 0xe3069283
 * expect: matched the C version on 200 buffers */
#include <cpuid.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "lkmc_asm.h"

static uint32_t crc32c_c(uint32_t crc, const unsigned char *p, size_t n)
{
	while (n--) {
		crc ^= *p++;
		for (int k = 0; k < 8; k++)
			crc = crc & 1 ? (crc >> 1) ^ 0x82f63b78 : crc >> 1;
	}
	return crc;
}

static uint32_t crc32c_insn(uint32_t crc, const unsigned char *p, size_t n)
{
	uint64_t c = crc;
	for (; n >= 8; n -= 8, p += 8) {
		uint64_t v;
		memcpy(&v, p, 8);
		__asm__ ("crc32q %1, %0" : "+r" (c) : "rm" (v));
	}
	for (; n; n--, p++)
		__asm__ ("crc32b %1, %k0" : "+r" (c) : "rm" (*p));
	return (uint32_t)c;
}

int main(void)
{
	unsigned a, b, c, d;
	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_2)) {
		puts("no SSE4.2 on this CPU");
		return 1;
	}
	const unsigned char *check = (const unsigned char *)"123456789";
	uint32_t v = ~crc32c_insn(~0u, check, 9);
	printf("crc32c(\"123456789\") = 0x%08x\n", v);
	LKMC_ASSERT_EQ(v, 0xe3069283);
	unsigned char buf[200];
	uint64_t s = 0x9e3779b97f4a7c15ULL;
	int n;
	for (n = 0; n < 200; n++) {
		for (size_t i = 0; i < sizeof(buf); i++) {
			s ^= s << 13;
			s ^= s >> 7;
			s ^= s << 17;
			buf[i] = (unsigned char)s;
		}
		LKMC_ASSERT_EQ(crc32c_insn(~0u, buf, n), crc32c_c(~0u, buf, n));
	}
	printf("matched the C version on %d buffers\n", n);
	return 0;
}
