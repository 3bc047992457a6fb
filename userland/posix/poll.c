/* poll: wait on several file descriptors; only the pipe with data is
 * readable, and a timeout of 0 returns at once.
 * expect: ready 1: pipe 2 readable
 * expect: nothing ready after a 0 ms timeout */
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	int a[2], b[2];
	if (pipe(a) || pipe(b))
		return 1;
	if (write(b[1], "x", 1) != 1)
		return 1;
	struct pollfd p[2] = { { a[0], POLLIN, 0 }, { b[0], POLLIN, 0 } };
	int n = poll(p, 2, 1000);
	printf("ready %d: pipe %d readable\n", n, (p[0].revents & POLLIN) ? 1 : 2);
	char c;
	if (read(b[0], &c, 1) != 1)
		return 1;
	n = poll(p, 2, 0);
	if (n == 0)
		puts("nothing ready after a 0 ms timeout");
	return 0;
}
