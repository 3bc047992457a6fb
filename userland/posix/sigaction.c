/* sigaction: a handler for SIGUSR1 with the sender's pid in siginfo, sent
 * by kill() to ourselves; SIGUSR2 blocked with sigprocmask stays pending
 * until unblocked.
 * expect: SIGUSR1 from ourselves: 1
 * expect: SIGUSR2 pending while blocked: 1
 * expect: SIGUSR2 handled after unblock: 1 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t usr1_pid, usr2;

static void on_usr1(int sig, siginfo_t *si, void *ctx)
{
	(void)sig;
	(void)ctx;
	usr1_pid = si->si_pid;
}

static void on_usr2(int sig)
{
	(void)sig;
	usr2 = 1;
}

int main(void)
{
	struct sigaction sa = { 0 };
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGUSR2, on_usr2);
	kill(getpid(), SIGUSR1);
	printf("SIGUSR1 from ourselves: %d\n", usr1_pid == getpid());
	sigset_t set, pending;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR2);
	sigpending(&pending);
	printf("SIGUSR2 pending while blocked: %d\n", sigismember(&pending, SIGUSR2) && !usr2);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	printf("SIGUSR2 handled after unblock: %d\n", (int)usr2);
	return 0;
}
