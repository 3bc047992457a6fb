/* <float.h> and IEEE 754 doubles: 53 bits of mantissa, so 1 + DBL_EPSILON
 * differs from 1 but 1 + DBL_EPSILON / 2 does not; 0.1 + 0.2 is not 0.3;
 * division by zero gives infinity and 0/0 a NaN, which equals nothing,
 * not even itself.
 * expect: FLT_MANT_DIG 24 DBL_MANT_DIG 53
 * expect: 1 + eps != 1: 1, 1 + eps/2 == 1: 1
 * expect: 0.1 + 0.2 == 0.3: 0
 * expect: 1/0 > DBL_MAX: 1
 * expect: nan == nan: 0
 * expect: 2^53 + 1 == 2^53: 1 */
#include <float.h>
#include <stdio.h>

int main(void)
{
	/* volatile: computed at run time, by the arch's FPU */
	volatile double one = 1.0, zero = 0.0, tenth = 0.1, fifth = 0.2;
	volatile double big = 9007199254740992.0; /* 2^53 */
	printf("FLT_MANT_DIG %d DBL_MANT_DIG %d\n", FLT_MANT_DIG, DBL_MANT_DIG);
	int a = one + DBL_EPSILON != one, b = one + DBL_EPSILON / 2 == one;
	printf("1 + eps != 1: %d, 1 + eps/2 == 1: %d\n", a, b);
	int c = tenth + fifth == 0.3;
	printf("0.1 + 0.2 == 0.3: %d\n", c);
	double inf = one / zero, nan = zero / zero;
	int d = inf > DBL_MAX;
	printf("1/0 > DBL_MAX: %d\n", d);
	int e = nan == nan;
	printf("nan == nan: %d\n", e);
	int f = big + one == big;
	printf("2^53 + 1 == 2^53: %d\n", f);
	return a && b && !c && d && !e && f ? 0 : 1;
}
