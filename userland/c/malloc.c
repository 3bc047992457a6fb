/* Heap memory: malloc, calloc (zeroed), realloc (contents kept) and free.
 * expect: malloc sum 4950
 * expect: calloc all zero 1
 * expect: realloc kept 99, new last 199 */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	int n = 100;
	int *a = malloc(n * sizeof(*a));
	if (!a)
		return 1;
	long sum = 0;
	for (int i = 0; i < n; i++) {
		a[i] = i;
		sum += a[i];
	}
	printf("malloc sum %ld\n", sum);
	int *z = calloc(n, sizeof(*z));
	int zero = 1;
	for (int i = 0; z && i < n; i++)
		zero &= z[i] == 0;
	printf("calloc all zero %d\n", z && zero);
	free(z);
	int *b = realloc(a, 2 * n * sizeof(*b));
	if (!b)
		return 1;
	for (int i = n; i < 2 * n; i++)
		b[i] = i;
	printf("realloc kept %d, new last %d\n", b[n - 1], b[2 * n - 1]);
	free(b);
	return 0;
}
