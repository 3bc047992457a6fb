/* <time.h>: broken-down UTC time of a fixed instant, strftime, and the
 * monotonic clock never going backwards.
 * only: linux
 * expect: 86400*366 s after the epoch: 1971-01-02 00:00:00 Saturday
 * expect: monotonic ok 1
 * (time() itself is not announced: a guest without an RTC starts in 1970.) */
#include <stdio.h>
#include <time.h>

int main(void)
{
	time_t t = 86400 * 366;
	struct tm tm;
	gmtime_r(&t, &tm);
	char buf[64];
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %A", &tm);
	printf("86400*366 s after the epoch: %s\n", buf);
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	clock_gettime(CLOCK_MONOTONIC, &b);
	int ok = b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec);
	printf("monotonic ok %d\n", ok);
	printf("time() after 2000: %d\n", time(NULL) > 946684800);
	return 0;
}
