/* timerfd: a timer read through a file descriptor; each read returns how
 * many times it expired since the last one.
 * expect: expirations 3 or more: 1 */
#include <stdint.h>
#include <stdio.h>
#include <sys/timerfd.h>
#include <unistd.h>

int main(void)
{
	int fd = timerfd_create(CLOCK_MONOTONIC, 0);
	if (fd < 0)
		return 1;
	struct itimerspec its = { { 0, 5000000 }, { 0, 5000000 } };
	timerfd_settime(fd, 0, &its, NULL);
	uint64_t total = 0, n;
	while (total < 3) {
		if (read(fd, &n, sizeof(n)) != sizeof(n))
			return 1;
		total += n;
	}
	printf("expirations 3 or more: %d\n", total >= 3);
	return 0;
}
