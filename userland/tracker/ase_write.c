// SPDX-License-Identifier: GPL-2.0
/*
 * ase_write STRING [FILE]
 * Write STRING as is (no newline added) to FILE (default /proc/ase_cmd) with a
 * single write(2) and print "OK" or the errno name (EINVAL, ESRCH, ...), so
 * tests can check the exact error. Exit status: 0 written, 1 write failed,
 * 2 usage error or open failed.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "errno_name.h"

int main(int argc, char **argv)
{
	const char *path = argc > 2 ? argv[2] : "/proc/ase_cmd";
	size_t len;
	ssize_t ret;
	int fd;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s STRING [FILE]\n", argv[0]);
		return 2;
	}
	fd = open(path, O_WRONLY);
	if (fd < 0) {
		printf("open %s: %s\n", path, errno_name(errno));
		return 2;
	}
	len = strlen(argv[1]);
	ret = write(fd, argv[1], len);
	if (ret < 0) {
		printf("%s\n", errno_name(errno));
		close(fd);
		return 1;
	}
	close(fd);
	if ((size_t)ret != len) {
		printf("SHORT %zd of %zu\n", ret, len);
		return 1;
	}
	printf("OK\n");
	return 0;
}
