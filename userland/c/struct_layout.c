/* How a struct is laid out: members in order, each at a multiple of its
 * alignment (_Alignof), padding between them and at the end so that arrays
 * of the struct stay aligned; offsetof tells where a member is. Sizes
 * differ between archs (long is 4 bytes on arm), the rules do not. A
 * flexible array member ends a struct with an array sized at malloc time.
 * expect: offsetof(d) == alignof(double): 1
 * expect: sizeof a multiple of the largest alignment: 1
 * expect: reordered is no larger: 1
 * expect: flexible: 5 items, last 16 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

struct padded {
	char c;
	double d;
	char e;
};

struct reordered {
	double d;
	char c;
	char e;
};

struct list {
	int n;
	int items[];
};

int main(void)
{
	int ok = 1;
	int d_at = offsetof(struct padded, d) == _Alignof(double);
	printf("offsetof(d) == alignof(double): %d\n", d_at);
	int multiple = sizeof(struct padded) % _Alignof(double) == 0;
	printf("sizeof a multiple of the largest alignment: %d\n", multiple);
	int smaller = sizeof(struct reordered) <= sizeof(struct padded);
	printf("reordered is no larger: %d\n", smaller);
	printf("sizes: padded %lu, reordered %lu, alignof(double) %lu\n",
	       (unsigned long)sizeof(struct padded), (unsigned long)sizeof(struct reordered),
	       (unsigned long)_Alignof(double));
	ok = d_at && multiple && smaller;

	struct list *l = malloc(sizeof(*l) + 5 * sizeof(l->items[0]));
	if (!l)
		return 1;
	l->n = 5;
	for (int i = 0; i < l->n; i++)
		l->items[i] = i * i;
	printf("flexible: %d items, last %d\n", l->n, l->items[l->n - 1]);
	ok = ok && offsetof(struct list, items) == sizeof(int);
	free(l);
	return ok ? 0 : 1;
}
