/* Unix file I/O: open with O_CREAT, write, lseek, read, fstat, close and
 * unlink.
 * expect: wrote 12, size 12
 * expect: read from offset 6: 'world!'
 * expect: gone after unlink: 1 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	char path[] = "/tmp/lkmc_file_io_XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 1;
	ssize_t n = write(fd, "hello world!", 12);
	struct stat st;
	fstat(fd, &st);
	printf("wrote %zd, size %lld\n", n, (long long)st.st_size);
	char buf[16] = { 0 };
	lseek(fd, 6, SEEK_SET);
	if (read(fd, buf, sizeof(buf) - 1) != 6)
		return 1;
	printf("read from offset 6: '%s'\n", buf);
	close(fd);
	unlink(path);
	printf("gone after unlink: %d\n", access(path, F_OK) != 0);
	return 0;
}
