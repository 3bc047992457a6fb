/* Prints 0, 1, 2, ... once per interval: something to watch or to break on.
 * Usage: count.out [limit [interval_ms]] (no limit: forever).
 * args: 3 10
 * expect: 2 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	long limit = argc > 1 ? strtol(argv[1], NULL, 10) : -1;
	long interval_ms = argc > 2 ? strtol(argv[2], NULL, 10) : 1000;
	struct timespec ts = { interval_ms / 1000, (interval_ms % 1000) * 1000000L };

	for (long i = 0; limit < 0 || i < limit; i++) {
		printf("%ld\n", i);
		fflush(stdout);
		nanosleep(&ts, NULL);
	}
	return 0;
}
