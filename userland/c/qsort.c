/* <stdlib.h> qsort with a comparison function, then bsearch in the sorted
 * array.
 * expect: sorted: 1 2 3 5 8 9
 * expect: bsearch 8 at index 4
 * expect: bsearch 4: not found */
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

int main(void)
{
	int a[] = { 5, 3, 9, 1, 8, 2 };
	size_t n = sizeof(a) / sizeof(a[0]);
	qsort(a, n, sizeof(a[0]), cmp);
	printf("sorted:");
	for (size_t i = 0; i < n; i++)
		printf(" %d", a[i]);
	printf("\n");
	int key = 8;
	int *p = bsearch(&key, a, n, sizeof(a[0]), cmp);
	printf("bsearch 8 at index %d\n", p ? (int)(p - a) : -1);
	key = 4;
	p = bsearch(&key, a, n, sizeof(a[0]), cmp);
	printf("bsearch 4: %s\n", p ? "found" : "not found");
	return 0;
}
