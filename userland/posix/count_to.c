/* Counts from 1 to N, one number a second by default: output that should
 * show as it is printed (the seed's user-mode stdout-buffering example).
 * Usage: count_to.out N [interval_ms]
 * args: 3 5
 * expect: 1
 * expect: 3
 * expect: done */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s N [interval_ms]\n", argv[0]);
		return 2;
	}
	long n = strtol(argv[1], NULL, 10);
	long ms = argc > 2 ? strtol(argv[2], NULL, 10) : 1000;
	for (long i = 1; i <= n; i++) {
		printf("%ld\n", i);
		fflush(stdout);
		usleep(ms * 1000);
	}
	puts("done");
	return 0;
}
