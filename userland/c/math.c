/* <math.h> (linked with -lm): roots, powers, trigonometry, rounding and
 * the special values.
 * only: linux
 * expect: sqrt(2) = 1.414214
 * expect: pow(2, 10) = 1024
 * expect: sin(pi/2) = 1.000000
 * expect: floor -1.5 = -2, ceil -1.5 = -1, round 2.5 = 3
 * expect: isnan 1 isinf 1 */
#include <math.h>
#include <stdio.h>

int main(void)
{
	volatile double two = 2.0, zero = 0.0;
	printf("sqrt(2) = %f\n", sqrt(two));
	printf("pow(2, 10) = %.0f\n", pow(two, 10));
	printf("sin(pi/2) = %f\n", sin(acos(-1.0) / 2));
	printf("floor -1.5 = %.0f, ceil -1.5 = %.0f, round 2.5 = %.0f\n", floor(-1.5), ceil(-1.5),
	       round(2.5));
	printf("isnan %d isinf %d\n", isnan(zero / zero) != 0, isinf(1 / zero) != 0);
	return 0;
}
