// SPDX-License-Identifier: GPL-2.0
/*
 * Userland side of kernel_modules/ioctl.c.
 * Usage: ioctl.out FILE I J N
 * Calls LKMC_IOCTL_INC N times, starting from {i = I, j = J} and feeding each
 * result back in, printing "inc i=... j=..." after each call; then
 * LKMC_IOCTL_STATS, printing "stats calls=... last_i=...".
 * Finally checks that an unknown request fails with ENOTTY.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../../kernel_modules/ioctl.h"

int main(int argc, char **argv)
{
	struct lkmc_ioctl_inc inc;
	struct lkmc_ioctl_stats stats;
	unsigned long n, k;
	int fd;

	if (argc != 5) {
		fprintf(stderr, "usage: %s FILE I J N\n", argv[0]);
		return 2;
	}
	fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	inc.i = strtoul(argv[2], NULL, 0);
	inc.j = strtoul(argv[3], NULL, 0);
	n = strtoul(argv[4], NULL, 0);
	for (k = 0; k < n; k++) {
		if (ioctl(fd, LKMC_IOCTL_INC, &inc) < 0) {
			perror("ioctl LKMC_IOCTL_INC");
			return 1;
		}
		printf("inc i=%u j=%u\n", inc.i, inc.j);
	}
	if (ioctl(fd, LKMC_IOCTL_STATS, &stats) < 0) {
		perror("ioctl LKMC_IOCTL_STATS");
		return 1;
	}
	printf("stats calls=%u last_i=%u\n", stats.calls, stats.last_i);
	/* Same type and number as STATS, other size: a different request. */
	if (ioctl(fd, _IOR(LKMC_IOCTL_MAGIC, 1, int), &k) != -1 ||
	    errno != ENOTTY) {
		fprintf(stderr, "unknown ioctl did not fail with ENOTTY\n");
		return 1;
	}
	close(fd);
	return 0;
}
