/* getpid and getppid: a forked child's parent is us, and its pid differs.
 * expect: pid positive 1
 * expect: child's parent is us: 1
 * expect: child's pid differs: 1 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	pid_t me = getpid();
	printf("pid positive %d\n", me > 0);
	int fd[2];
	if (pipe(fd))
		return 1;
	pid_t child = fork();
	if (child == 0) {
		pid_t v[2] = { getppid(), getpid() };
		if (write(fd[1], v, sizeof(v)) != sizeof(v))
			_exit(1);
		_exit(0);
	}
	pid_t v[2];
	if (read(fd[0], v, sizeof(v)) != sizeof(v))
		return 1;
	waitpid(child, NULL, 0);
	printf("child's parent is us: %d\n", v[0] == me);
	printf("child's pid differs: %d\n", v[1] == child && v[1] != me);
	return 0;
}
