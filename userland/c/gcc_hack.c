/* The program of the seed's "first GCC hack": with a stock compiler i++
 * and j-- do what they say. Swap them in GCC's parser and this output
 * changes.
 * expect: i = 2
 * expect: j = 0 */
#include <stdio.h>

int main(void)
{
	int i = 1;
	int j = 1;
	i++;
	j--;
	printf("i = %d\n", i);
	printf("j = %d\n", j);
	return 0;
}
