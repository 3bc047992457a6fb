// SPDX-License-Identifier: GPL-2.0
/*
 * cpu_share CPU MS
 * Pins itself to CPU, then spins for MS milliseconds of wall time and prints
 * "cpu_ms=<CPU time it got> wall_ms=<wall time>". Next to a task that never
 * leaves that CPU (a kernel thread that never calls schedule() on a
 * non-preemptible kernel) it gets no CPU at all and prints nothing until that
 * task goes. Used by the schedule module's test. Exit status: 0, or 1 if
 * pinning failed.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long ms_of(clockid_t clock)
{
	struct timespec t;

	clock_gettime(clock, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int main(int argc, char **argv)
{
	long start, ms, cpu0;
	cpu_set_t set;

	if (argc != 3) {
		fprintf(stderr, "usage: %s CPU MS\n", argv[0]);
		return 2;
	}
	ms = atol(argv[2]);
	CPU_ZERO(&set);
	CPU_SET(atoi(argv[1]), &set);
	if (sched_setaffinity(0, sizeof(set), &set)) {
		perror("sched_setaffinity");
		return 1;
	}
	start = ms_of(CLOCK_MONOTONIC);
	cpu0 = ms_of(CLOCK_THREAD_CPUTIME_ID);
	while (ms_of(CLOCK_MONOTONIC) - start < ms)
		;
	printf("cpu_ms=%ld wall_ms=%ld\n", ms_of(CLOCK_THREAD_CPUTIME_ID) - cpu0,
	       ms_of(CLOCK_MONOTONIC) - start);
	return 0;
}
