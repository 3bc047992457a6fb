/* atexit handlers run at exit, last registered first; the status given to
 * exit is the program's.
 * only: linux
 * expect: main done
 * expect: second handler
 * expect: first handler
 * expect-exit: 3 */
#include <stdio.h>
#include <stdlib.h>

static void first(void)
{
	puts("first handler");
}

static void second(void)
{
	puts("second handler");
}

int main(void)
{
	atexit(first);
	atexit(second);
	puts("main done");
	exit(3);
}
