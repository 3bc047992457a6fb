/* Floating point in printf: start-up code turns the FPU on.
 * expect: 2.50 */
#include <stdio.h>

int main(void)
{
    volatile double x = 1.25;
    printf("%.2f\n", x * 2);
    return 0;
}
