/* A failed assert() prints the expression, file and line to stderr and
 * calls abort(), which ends the program with SIGABRT.
 * only: linux (abort has no signal to die of on baremetal)
 * expect: assert_fail.c
 * expect: 1 + 1 == 3
 * expect-signal: SIGABRT */
#include <assert.h>
#include <stdio.h>

int main(void)
{
	puts("before the assert");
	fflush(stdout);
	assert(1 + 1 == 3);
	puts("not reached");
	return 0;
}
