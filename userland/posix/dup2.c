/* dup2: point stdout at a pipe, so what printf writes can be read back;
 * then restore the saved stdout.
 * expect: captured: 'to the pipe'
 * expect: stdout restored */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	int fd[2];
	if (pipe(fd))
		return 1;
	fflush(stdout);
	int saved = dup(STDOUT_FILENO);
	dup2(fd[1], STDOUT_FILENO);
	printf("to the pipe");
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(fd[1]);
	char buf[32] = { 0 };
	ssize_t n = read(fd[0], buf, sizeof(buf) - 1);
	if (n < 0)
		return 1;
	printf("captured: '%s'\n", buf);
	puts("stdout restored");
	return 0;
}
