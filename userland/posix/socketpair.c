/* socketpair: a connected pair of Unix sockets; parent and child talk both
 * ways over it.
 * expect: child got 'ping'
 * expect: parent got 'pong' */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return 1;
	fflush(stdout);
	if (fork() == 0) {
		char buf[8] = { 0 };
		if (read(sv[1], buf, 4) != 4)
			_exit(1);
		printf("child got '%s'\n", buf);
		fflush(stdout);
		if (write(sv[1], "pong", 4) != 4)
			_exit(1);
		_exit(0);
	}
	if (write(sv[0], "ping", 4) != 4)
		return 1;
	char buf[8] = { 0 };
	if (read(sv[0], buf, 4) != 4)
		return 1;
	wait(NULL);
	printf("parent got '%s'\n", buf);
	return 0;
}
