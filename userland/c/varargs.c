/* <stdarg.h>: a function taking a variable number of arguments, and one
 * that passes its va_list on to vsnprintf.
 * expect: sum of 4: 10
 * expect: sum of 0: 0
 * expect: formatted: x=1 y=two */
#include <stdarg.h>
#include <stdio.h>

static int sum(int n, ...)
{
	va_list ap;
	va_start(ap, n);
	int s = 0;
	for (int i = 0; i < n; i++)
		s += va_arg(ap, int);
	va_end(ap);
	return s;
}

static void say(const char *fmt, ...)
{
	char buf[64];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printf("formatted: %s\n", buf);
}

int main(void)
{
	printf("sum of 4: %d\n", sum(4, 1, 2, 3, 4));
	printf("sum of 0: %d\n", sum(0));
	say("x=%d y=%s", 1, "two");
	return 0;
}
