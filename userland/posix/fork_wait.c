/* fork: the child gets a copy of the parent's memory (its writes are its
 * own) and exits with a status; waitpid collects it.
 * expect: child: x = 2
 * expect: parent: x = 1
 * expect: child exit status 7 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int x = 1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		x = 2;
		printf("child: x = %d\n", x);
		fflush(stdout);
		_exit(7);
	}
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return 1;
	printf("parent: x = %d\n", x);
	if (WIFEXITED(status))
		printf("child exit status %d\n", WEXITSTATUS(status));
	return 0;
}
