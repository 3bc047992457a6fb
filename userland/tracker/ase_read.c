// SPDX-License-Identifier: GPL-2.0
/*
 * ase_read FILE
 * open(2) FILE and read(2) it once, plainly (busybox cat tries sendfile(2)
 * first and retries with read(2) on error, which hides the first errno).
 * Prints the data read, or "open ENAME" / "read ENAME" on failure.
 * Exit status: 0 read, 1 failed.
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "errno_name.h"

int main(int argc, char **argv)
{
	char buf[4096];
	ssize_t len;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: %s FILE\n", argv[0]);
		return 2;
	}
	fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		printf("open %s\n", errno_name(errno));
		return 1;
	}
	len = read(fd, buf, sizeof(buf));
	if (len < 0) {
		printf("read %s\n", errno_name(errno));
		close(fd);
		return 1;
	}
	close(fd);
	fwrite(buf, 1, len, stdout);
	return 0;
}
