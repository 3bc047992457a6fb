/* A child killed by a signal: waitpid reports WIFSIGNALED and the signal,
 * as a shell reports 128 + the number.
 * expect: child killed by signal 15 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	kill(pid, SIGTERM);
	int status;
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("child killed by signal %d\n", WTERMSIG(status));
	return 0;
}
