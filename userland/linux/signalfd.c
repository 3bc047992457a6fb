/* signalfd: blocked signals read as data from a file descriptor instead of
 * interrupting the program.
 * expect: read signal 10 (SIGUSR1) from the fd
 * expect: sent by us: 1 */
#include <signal.h>
#include <stdio.h>
#include <sys/signalfd.h>
#include <unistd.h>

int main(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	int fd = signalfd(-1, &set, 0);
	if (fd < 0)
		return 1;
	kill(getpid(), SIGUSR1);
	struct signalfd_siginfo si;
	if (read(fd, &si, sizeof(si)) != sizeof(si))
		return 1;
	printf("read signal %u (SIGUSR1) from the fd\n", si.ssi_signo);
	printf("sent by us: %d\n", si.ssi_pid == (unsigned)getpid());
	return 0;
}
