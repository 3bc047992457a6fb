/* C11 _Generic picks an expression by the type of its argument at compile
 * time (one macro name, a function per type), and _Static_assert checks a
 * constant expression at compile time. A character constant such as 'a'
 * has type int in C.
 * expect: int 42
 * expect: long 7
 * expect: double 2.5
 * expect: string hi
 * expect: 'a' is int, (char)'a' is char */
#include <stdio.h>

_Static_assert(sizeof(char) == 1, "sizeof(char) is 1 by definition");
_Static_assert(sizeof(long long) >= 8, "long long has at least 64 bits");

static void show_int(int x) { printf("int %d\n", x); }
static void show_long(long x) { printf("long %ld\n", x); }
static void show_double(double x) { printf("double %g\n", x); }
static void show_string(const char *x) { printf("string %s\n", x); }

#define show(x) _Generic((x), \
	int: show_int, \
	long: show_long, \
	double: show_double, \
	char *: show_string, \
	const char *: show_string)(x)

#define type_name(x) _Generic((x), \
	char: "char", \
	int: "int", \
	unsigned: "unsigned", \
	default: "other")

int main(void)
{
	show(42);
	show(7L);
	show(2.5);
	show("hi");
	const char *a = type_name('a'), *c = type_name((char)'a');
	printf("'a' is %s, (char)'a' is %s\n", a, c);
	/* the usual arithmetic conversions: int + unsigned is unsigned */
	const char *sum = type_name(1 + 1u);
	printf("1 + 1u is %s\n", sum);
	return a[0] == 'i' && c[0] == 'c' && sum[0] == 'u' ? 0 : 1;
}
