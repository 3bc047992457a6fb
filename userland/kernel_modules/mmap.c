// SPDX-License-Identifier: GPL-2.0
/*
 * Userland side of kernel_modules/mmap.c.
 * Usage: mmap.out FILE STRING
 * Maps the first page of FILE shared and prints the string found there
 * ("mmap: <string>"), copies STRING into the mapping, then read()s the file
 * to show what the kernel sees now ("read: <string>").
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long page_size = sysconf(_SC_PAGESIZE);
	char rbuf[256];
	char *map;
	ssize_t n;
	int fd;

	if (argc != 3 || strlen(argv[2]) >= sizeof(rbuf)) {
		fprintf(stderr, "usage: %s FILE STRING (< %zu bytes)\n",
			argv[0], sizeof(rbuf));
		return 2;
	}
	fd = open(argv[1], O_RDWR);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	map = mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	printf("mmap: %.*s\n", (int)strnlen(map, sizeof(rbuf) - 1), map);
	/* The terminating NUL too: the kernel reads up to it. */
	memcpy(map, argv[2], strlen(argv[2]) + 1);
	n = pread(fd, rbuf, sizeof(rbuf) - 1, 0);
	if (n < 0) {
		perror("pread");
		return 1;
	}
	rbuf[n] = '\0';
	printf("read: %s\n", rbuf);
	if (munmap(map, page_size)) {
		perror("munmap");
		return 1;
	}
	close(fd);
	return 0;
}
