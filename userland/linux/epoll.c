/* epoll: register file descriptors once, then wait for whichever is ready;
 * the event carries the data we registered with it.
 * expect: 1 ready: pipe b
 * expect: after draining: 0 ready */
#include <stdio.h>
#include <sys/epoll.h>
#include <unistd.h>

int main(void)
{
	int a[2], b[2];
	if (pipe(a) || pipe(b))
		return 1;
	int ep = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN };
	ev.data.u32 = 'a';
	epoll_ctl(ep, EPOLL_CTL_ADD, a[0], &ev);
	ev.data.u32 = 'b';
	epoll_ctl(ep, EPOLL_CTL_ADD, b[0], &ev);
	if (write(b[1], "x", 1) != 1)
		return 1;
	struct epoll_event got[2];
	int n = epoll_wait(ep, got, 2, 1000);
	printf("%d ready: pipe %c\n", n, n > 0 ? (char)got[0].data.u32 : '?');
	char c;
	if (read(b[0], &c, 1) != 1)
		return 1;
	printf("after draining: %d ready\n", epoll_wait(ep, got, 2, 0));
	return 0;
}
