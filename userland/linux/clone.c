/* clone: the system call under both fork and threads. With CLONE_VM the
 * child shares our memory (its write is seen); without it, it gets a copy
 * (its write is not).
 * only: full-system native (QEMU user mode refuses CLONE_VM without CLONE_THREAD)
 * expect: without CLONE_VM: parent sees 0
 * expect: with CLONE_VM: parent sees 1 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

static int shared;

static int child(void *arg)
{
	(void)arg;
	shared = 1;
	return 0;
}

static int run(int flags)
{
	size_t size = 64 * 1024;
	char *stack = malloc(size);
	if (!stack)
		return -1;
	shared = 0;
	/* The stack grows down on every arch lkmc has: pass its top. */
	pid_t pid = clone(child, stack + size, flags | SIGCHLD, NULL);
	if (pid < 0) {
		perror("clone");
		return -1;
	}
	waitpid(pid, NULL, 0);
	free(stack);
	return shared;
}

int main(void)
{
	printf("without CLONE_VM: parent sees %d\n", run(0));
	printf("with CLONE_VM: parent sees %d\n", run(CLONE_VM));
	return 0;
}
