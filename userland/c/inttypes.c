/* <stdint.h> and <inttypes.h>: integers of exact widths whatever the arch
 * (long is 32 bits on arm, 64 on aarch64 and x86_64), their limits, the
 * PRI* macros that print them, and unsigned arithmetic wrapping modulo
 * 2^width.
 * only: linux (arm-none-eabi newlib's <inttypes.h> has no PRI*64 macros with gcc's <stdint.h>)
 * expect: INT64_MAX 9223372036854775807
 * expect: INT32_MIN -2147483648
 * expect: uint8_t 255 + 1 = 0
 * expect: UINT32_MAX squared 18446744065119617025
 * expect: 0x123456789abcdef0 hex 123456789abcdef0
 * expect: intptr_t round trip 1 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

int main(void)
{
	int ok = 1;
	printf("INT64_MAX %" PRId64 "\n", INT64_MAX);
	printf("INT32_MIN %" PRId32 "\n", INT32_MIN);
	uint8_t b = 255;
	b++;
	printf("uint8_t 255 + 1 = %" PRIu8 "\n", b);
	ok = ok && b == 0;
	uint64_t sq = (uint64_t)UINT32_MAX * UINT32_MAX;
	printf("UINT32_MAX squared %" PRIu64 "\n", sq);
	ok = ok && sq == 18446744065119617025u;
	uint64_t x = 0x123456789abcdef0;
	printf("0x123456789abcdef0 hex %" PRIx64 "\n", x);
	int local = 0;
	intptr_t ip = (intptr_t)&local;
	int same = (int *)ip == &local;
	printf("intptr_t round trip %d\n", same);
	printf("sizeof(long) %zu, sizeof(void *) %zu\n", sizeof(long), sizeof(void *));
	return ok && same ? 0 : 1;
}
