/* Sleeps until killed: a process to attach GDB to, look at in /proc, or
 * send signals to.
 * only: manual (never ends) */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("pid %d sleeping forever\n", (int)getpid());
	fflush(stdout);
	for (;;)
		pause();
}
