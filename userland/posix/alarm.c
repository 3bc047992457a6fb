/* alarm: SIGALRM arrives after a delay and interrupts pause().
 * expect: waiting for the alarm
 * expect: SIGALRM handled */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t fired;

static void on_alarm(int sig)
{
	(void)sig;
	fired = 1;
}

int main(void)
{
	signal(SIGALRM, on_alarm);
	puts("waiting for the alarm");
	fflush(stdout);
	alarm(1);
	while (!fired)
		pause();
	puts("SIGALRM handled");
	return 0;
}
