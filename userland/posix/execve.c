/* execve replaces the running program with another, keeping the process:
 * the pid stays, open file descriptors without FD_CLOEXEC stay, and the
 * new program gets the argv and environment it is given. This program
 * execs itself (/proc/self/exe) with a marker argument.
 * only: full-system native (QEMU user mode would exec the guest binary on the host)
 * expect: before exec: pid saved
 * expect: after exec: same pid 1, inherited fd still open 1, LKMC_EXEC=yes */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc > 3 && strcmp(argv[1], "after") == 0) {
		int same = atoi(argv[2]) == getpid();
		int open_fd = fcntl(atoi(argv[3]), F_GETFD) != -1;
		const char *env = getenv("LKMC_EXEC");
		printf("after exec: same pid %d, inherited fd still open %d, LKMC_EXEC=%s\n", same,
		       open_fd, env ? env : "(unset)");
		return same && open_fd && env && strcmp(env, "yes") == 0 ? 0 : 1;
	}
	int fd = open("/dev/null", O_RDONLY);
	char pid[16], fds[16];
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	snprintf(fds, sizeof(fds), "%d", fd);
	printf("before exec: pid saved\n");
	fflush(stdout);
	char *args[] = { argv[0], "after", pid, fds, NULL };
	char *env[] = { "LKMC_EXEC=yes", NULL };
	execve("/proc/self/exe", args, env);
	perror("execve");
	return 1;
}
