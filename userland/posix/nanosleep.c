/* nanosleep and clock_gettime(CLOCK_MONOTONIC): a 20 ms sleep takes at
 * least 20 ms.
 * expect: slept at least 20 ms: 1 */
#include <stdio.h>
#include <time.h>

int main(void)
{
	struct timespec a, b, d = { 0, 20 * 1000 * 1000 };
	clock_gettime(CLOCK_MONOTONIC, &a);
	nanosleep(&d, NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	long ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
	printf("slept at least 20 ms: %d\n", ms >= 20);
	return 0;
}
