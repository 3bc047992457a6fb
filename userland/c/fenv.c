/* <fenv.h>: the floating-point rounding mode changes what rint does, and
 * exceptions raised by an operation can be tested.
 * only: linux
 * expect: nearest 2 upward 3 downward 2 toward zero -2
 * expect: division by zero flagged 1 */
#include <fenv.h>
#include <math.h>
#include <stdio.h>

int main(void)
{
	volatile double x = 2.5, y = -2.5, zero = 0.0;
	fesetround(FE_TONEAREST);
	double n = rint(x);
	fesetround(FE_UPWARD);
	double u = rint(x);
	fesetround(FE_DOWNWARD);
	double d = rint(x);
	fesetround(FE_TOWARDZERO);
	double z = rint(y);
	fesetround(FE_TONEAREST);
	printf("nearest %.0f upward %.0f downward %.0f toward zero %.0f\n", n, u, d, z);
	feclearexcept(FE_ALL_EXCEPT);
	volatile double inf = 1.0 / zero;
	(void)inf;
	printf("division by zero flagged %d\n", fetestexcept(FE_DIVBYZERO) != 0);
	return 0;
}
