/* Integer division in C truncates toward zero, and the remainder takes the
 * dividend's sign (a == (a / b) * b + a % b); div() gives both at once.
 * Comparing a signed with an unsigned converts the signed one: -1 < 1u is
 * false.
 * expect: 7 / 2 = 3, -7 / 2 = -3, -7 % 2 = -1, 7 % -2 = 1
 * expect: div(-7, 2) = -3 rem -1
 * expect: ldiv(1000000, 7) = 142857 rem 1
 * expect: -1 < 1u: 0
 * expect: identity holds: 1 */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	volatile int a = 7, b = 2;
	printf("7 / 2 = %d, -7 / 2 = %d, -7 %% 2 = %d, 7 %% -2 = %d\n",
	       a / b, -a / b, -a % b, a % -b);
	div_t d = div(-a, b);
	printf("div(-7, 2) = %d rem %d\n", d.quot, d.rem);
	ldiv_t l = ldiv(1000000L, 7L);
	printf("ldiv(1000000, 7) = %ld rem %ld\n", l.quot, l.rem);
	volatile int minus_one = -1;
	int cmp = minus_one < 1u;
	printf("-1 < 1u: %d\n", cmp);
	int identity = 1;
	for (int x = -20; x <= 20; x++)
		for (int y = -5; y <= 5; y++)
			if (y && x != (x / y) * y + x % y)
				identity = 0;
	printf("identity holds: %d\n", identity);
	return d.quot == -3 && d.rem == -1 && l.quot == 142857 && !cmp && identity ? 0 : 1;
}
