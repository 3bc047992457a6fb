/* eventfd: a counter in the kernel behind a file descriptor; writes add,
 * a read returns the sum and resets it. A cheap wakeup between threads.
 * expect: read 6 after writes of 1, 2, 3
 * expect: empty read: EAGAIN 1 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <unistd.h>

int main(void)
{
	int fd = eventfd(0, EFD_NONBLOCK);
	if (fd < 0)
		return 1;
	for (uint64_t i = 1; i <= 3; i++)
		if (write(fd, &i, sizeof(i)) != sizeof(i))
			return 1;
	uint64_t v;
	if (read(fd, &v, sizeof(v)) != sizeof(v))
		return 1;
	printf("read %llu after writes of 1, 2, 3\n", (unsigned long long)v);
	ssize_t r = read(fd, &v, sizeof(v));
	printf("empty read: EAGAIN %d\n", r < 0 && errno == EAGAIN);
	return 0;
}
