/* select: wait until one of several file descriptors is ready, or a
 * timeout passes. A child writes into the second of two pipes after a
 * short delay; select wakes up for that one only. A zero timeout polls.
 * expect: poll with nothing ready: 0
 * expect: ready: pipe 1 only
 * expect: read 'late' */
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int a[2], b[2];
	if (pipe(a) || pipe(b))
		return 1;
	fd_set r;
	FD_ZERO(&r);
	FD_SET(a[0], &r);
	FD_SET(b[0], &r);
	struct timeval zero = { 0, 0 };
	int n = select(b[0] + 1, &r, NULL, NULL, &zero);
	printf("poll with nothing ready: %d\n", n);
	pid_t pid = fork();
	if (pid == 0) {
		usleep(50000);
		_exit(write(b[1], "late", 4) == 4 ? 0 : 1);
	}
	FD_ZERO(&r);
	FD_SET(a[0], &r);
	FD_SET(b[0], &r);
	struct timeval guard = { 30, 0 };
	int m = select((a[0] > b[0] ? a[0] : b[0]) + 1, &r, NULL, NULL, &guard);
	int only_b = m == 1 && FD_ISSET(b[0], &r) && !FD_ISSET(a[0], &r);
	printf("ready: %s\n", only_b ? "pipe 1 only" : "unexpected");
	char buf[8] = "";
	if (read(b[0], buf, 4) != 4)
		return 1;
	printf("read '%s'\n", buf);
	int status;
	waitpid(pid, &status, 0);
	return n == 0 && only_b && strcmp(buf, "late") == 0 && status == 0 ? 0 : 1;
}
