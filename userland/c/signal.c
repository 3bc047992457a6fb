/* ISO C <signal.h>: signal() installs a handler and raise() sends the
 * signal to the program itself; the handler runs before raise returns.
 * only: linux
 * expect: handler got signal 2
 * expect: after raise, handled 1 */
#include <signal.h>
#include <stdio.h>

static volatile sig_atomic_t handled;

static void handler(int sig)
{
	handled = sig;
}

int main(void)
{
	signal(SIGINT, handler);
	raise(SIGINT);
	printf("handler got signal %d\n", (int)handled);
	printf("after raise, handled %d\n", handled == SIGINT);
	return 0;
}
