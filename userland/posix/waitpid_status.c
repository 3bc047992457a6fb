/* What waitpid reports about a child: WIFEXITED with WEXITSTATUS for an
 * exit, WIFSIGNALED with WTERMSIG for a death by signal, WIFSTOPPED with
 * WSTOPSIG for a stop (with WUNTRACED); WNOHANG returns 0 at once while
 * the child still runs.
 * expect: exited with 3
 * expect: killed by signal 9
 * expect: stopped by signal 19
 * expect: WNOHANG while running: 0 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t child_that(int what)
{
	pid_t pid = fork();
	if (pid == 0) {
		if (what == 0)
			_exit(3);
		for (;;)
			pause();
	}
	return pid;
}

int main(void)
{
	int ok = 1, status;
	pid_t pid = child_that(0);
	waitpid(pid, &status, 0);
	if (WIFEXITED(status))
		printf("exited with %d\n", WEXITSTATUS(status));
	ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 3;

	pid = child_that(1);
	int r = waitpid(pid, &status, WNOHANG);
	printf("WNOHANG while running: %d\n", r);
	ok = ok && r == 0;
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	if (WIFSTOPPED(status))
		printf("stopped by signal %d\n", WSTOPSIG(status));
	ok = ok && WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP;
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("killed by signal %d\n", WTERMSIG(status));
	ok = ok && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
	return ok ? 0 : 1;
}
