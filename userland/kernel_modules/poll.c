// SPDX-License-Identifier: GPL-2.0
/*
 * Userland side of kernel_modules/poll.c.
 * Usage: poll.out FILE COUNT TIMEOUT_MS
 * poll()s FILE for POLLIN COUNT times; after each wakeup reads it and prints
 * "POLLIN n=<bytes read> buf=<data>". Prints "timeout" and exits 3 if one
 * poll waits TIMEOUT_MS without data.
 */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct pollfd pfd;
	unsigned long count, i;
	int timeout_ms, ret;
	char buf[64];
	ssize_t n;

	if (argc != 4) {
		fprintf(stderr, "usage: %s FILE COUNT TIMEOUT_MS\n", argv[0]);
		return 2;
	}
	count = strtoul(argv[2], NULL, 0);
	timeout_ms = atoi(argv[3]);
	pfd.fd = open(argv[1], O_RDONLY | O_NONBLOCK);
	if (pfd.fd < 0) {
		perror(argv[1]);
		return 1;
	}
	pfd.events = POLLIN;
	for (i = 0; i < count; i++) {
		ret = poll(&pfd, 1, timeout_ms);
		if (ret < 0) {
			perror("poll");
			return 1;
		}
		if (ret == 0) {
			puts("timeout");
			return 3;
		}
		if (!(pfd.revents & POLLIN)) {
			printf("revents = %#x\n", pfd.revents);
			return 1;
		}
		n = read(pfd.fd, buf, sizeof(buf) - 1);
		if (n < 0) {
			perror("read");
			return 1;
		}
		buf[n] = '\0';
		/* The data ends in a newline already. */
		printf("POLLIN n=%zd buf=%s", n, buf);
		fflush(stdout);
	}
	close(pfd.fd);
	return 0;
}
