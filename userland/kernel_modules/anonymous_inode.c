// SPDX-License-Identifier: GPL-2.0
/*
 * Userland side of kernel_modules/anonymous_inode.c.
 * Usage: anonymous_inode.out FILE N
 * Gets two file descriptors from FILE with LKMC_ANONYMOUS_INODE_GET_FD.
 * Reads N values from the first and prints them, one a line, then reads one
 * value from the second and prints "second: <value>": each anonymous file
 * has its own sequence. Also prints where the first descriptor points
 * ("link: <readlink of /proc/self/fd/N>").
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../../kernel_modules/anonymous_inode.h"

static int read_value(int fd, char *buf, size_t size)
{
	ssize_t n = read(fd, buf, size - 1);

	if (n <= 0) {
		perror("read");
		return -1;
	}
	buf[n] = '\0';
	return 0;
}

int main(int argc, char **argv)
{
	char buf[64], path[64];
	int fd, fd1, fd2;
	unsigned long n, i;
	ssize_t len;

	if (argc != 3) {
		fprintf(stderr, "usage: %s FILE N\n", argv[0]);
		return 2;
	}
	n = strtoul(argv[2], NULL, 0);
	fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	fd1 = ioctl(fd, LKMC_ANONYMOUS_INODE_GET_FD);
	fd2 = ioctl(fd, LKMC_ANONYMOUS_INODE_GET_FD);
	if (fd1 < 0 || fd2 < 0) {
		perror("ioctl");
		return 1;
	}
	/* The new files live on without the file they came from. */
	close(fd);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd1);
	len = readlink(path, buf, sizeof(buf) - 1);
	if (len < 0) {
		perror(path);
		return 1;
	}
	buf[len] = '\0';
	printf("link: %s\n", buf);
	for (i = 0; i < n; i++) {
		if (read_value(fd1, buf, sizeof(buf)))
			return 1;
		/* The value ends in a newline. */
		fputs(buf, stdout);
	}
	if (read_value(fd2, buf, sizeof(buf)))
		return 1;
	printf("second: %s", buf);
	close(fd1);
	close(fd2);
	return 0;
}
