/* pipe: the parent writes into one end, a forked child reads the other
 * until end of file (when every write end is closed).
 * expect: child read 'through the pipe' (16 bytes)
 * expect: child exited 0 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int fd[2];
	if (pipe(fd))
		return 1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[1]);
		char buf[64];
		size_t got = 0;
		ssize_t n;
		while ((n = read(fd[0], buf + got, sizeof(buf) - 1 - got)) > 0)
			got += n;
		buf[got] = '\0';
		printf("child read '%s' (%zu bytes)\n", buf, got);
		fflush(stdout);
		_exit(0);
	}
	close(fd[0]);
	const char *msg = "through the pipe";
	if (write(fd[1], msg, strlen(msg)) != (ssize_t)strlen(msg))
		return 1;
	close(fd[1]);
	int status;
	waitpid(pid, &status, 0);
	printf("child exited %d\n", WEXITSTATUS(status));
	return 0;
}
