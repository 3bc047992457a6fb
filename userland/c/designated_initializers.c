/* C99 designated initializers name the array index or struct member they
 * set (the rest are zero), and compound literals make unnamed objects of
 * a type in an expression.
 * expect: days: 0 31 28 31 0
 * expect: point x 3 y 0 z 7
 * expect: sum of a compound literal array 10
 * expect: distance squared 25 */
#include <stdio.h>

struct point {
	int x, y, z;
};

static int norm2(struct point p)
{
	return p.x * p.x + p.y * p.y + p.z * p.z;
}

static int sum(const int *a, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += a[i];
	return s;
}

int main(void)
{
	int days[5] = { [1] = 31, [2] = 28, [3] = 31 };
	printf("days: %d %d %d %d %d\n", days[0], days[1], days[2], days[3], days[4]);
	struct point p = { .z = 7, .x = 3 };
	printf("point x %d y %d z %d\n", p.x, p.y, p.z);
	int s = sum((int[]){ 1, 2, 3, 4 }, 4);
	printf("sum of a compound literal array %d\n", s);
	int d = norm2((struct point){ .x = 3, .y = 4 });
	printf("distance squared %d\n", d);
	return days[0] == 0 && days[4] == 0 && p.y == 0 && s == 10 && d == 25 ? 0 : 1;
}
