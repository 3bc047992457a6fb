/* printf conversions: integers in bases, widths, precision, strings,
 * characters and floating point.
 * expect: int 42 hex 2a oct 52 neg -7
 * expect: [   42] [42   ] [00042]
 * expect: str abc char x
 * expect: float 3.50 sci 1.250000e+03
 * expect: percent % */
#include <stdio.h>

int main(void)
{
	printf("int %d hex %x oct %o neg %d\n", 42, 42, 42, -7);
	printf("[%5d] [%-5d] [%05d]\n", 42, 42, 42);
	printf("str %s char %c\n", "abc", 'x');
	printf("float %.2f sci %e\n", 3.5, 1250.0);
	printf("percent %%\n");
	return 0;
}
