/* setjmp/longjmp: a non-local jump out of nested calls, the C way of
 * unwinding on errors. setjmp returns twice: 0, then longjmp's value.
 * expect: setjmp returned 0
 * expect: depth 3: jumping
 * expect: setjmp returned 42
 * expect: after */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static int dive(int depth)
{
	if (depth == 3) {
		printf("depth %d: jumping\n", depth);
		longjmp(env, 42);
	}
	if (depth > 3)
		return depth;
	return dive(depth + 1) + 1;
}

int main(void)
{
	volatile int rounds = 0;
	int r = setjmp(env);
	printf("setjmp returned %d\n", r);
	if (rounds++ == 0)
		printf("not reached: %d\n", dive(0));
	puts("after");
	return r == 42 ? 0 : 1;
}
