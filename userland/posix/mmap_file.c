/* mmap of a file: a temporary file mapped MAP_SHARED; a store into the
 * mapping is what read() then returns.
 * expect: mapped 'hello file'
 * expect: read back 'HELLO file' */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
	char path[] = "/tmp/lkmc_mmap_XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 1;
	unlink(path);
	const char *msg = "hello file";
	size_t len = strlen(msg);
	if (write(fd, msg, len) != (ssize_t)len)
		return 1;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return 1;
	printf("mapped '%.*s'\n", (int)len, p);
	memcpy(p, "HELLO", 5);
	msync(p, len, MS_SYNC);
	char buf[32] = { 0 };
	if (pread(fd, buf, len, 0) != (ssize_t)len)
		return 1;
	printf("read back '%s'\n", buf);
	munmap(p, len);
	close(fd);
	return 0;
}
