/* strtol and friends: bases, the end pointer, and overflow.
 * expect: 0x1f = 31, 0755 = 493, 101 base 2 = 5
 * expect: "12abc": 12, rest "abc"
 * expect: overflow clamps to LONG_MAX 1
 * expect: strtod 2.5e3 = 2500 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	printf("0x1f = %ld, 0755 = %ld, 101 base 2 = %ld\n", strtol("0x1f", NULL, 0),
	       strtol("0755", NULL, 0), strtol("101", NULL, 2));
	char *end;
	long v = strtol("12abc", &end, 10);
	printf("\"12abc\": %ld, rest \"%s\"\n", v, end);
	v = strtol("99999999999999999999999", NULL, 10);
	printf("overflow clamps to LONG_MAX %d\n", v == LONG_MAX);
	printf("strtod 2.5e3 = %.0f\n", strtod("2.5e3", NULL));
	return 0;
}
