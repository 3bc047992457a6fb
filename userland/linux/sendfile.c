/* sendfile: copy between two file descriptors inside the kernel, without
 * reading into a userland buffer (how file servers send files); here from
 * a file into a pipe, with an offset that sendfile advances.
 * expect: sent 10 bytes from offset 6: 'sendfile: '
 * expect: offset now 16 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <unistd.h>

int main(void)
{
	char path[] = "/tmp/lkmc_sendfile_XXXXXX";
	int fd = mkstemp(path);
	const char *text = "hello sendfile: in the kernel";
	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		return 1;
	unlink(path);
	int p[2];
	if (pipe(p))
		return 1;
	off_t off = 6;
	ssize_t n = sendfile(p[1], fd, &off, 10);
	if (n < 0) {
		perror("sendfile");
		return 1;
	}
	char buf[16] = "";
	if (read(p[0], buf, n) != n)
		return 1;
	printf("sent %zd bytes from offset 6: '%s'\n", n, buf);
	printf("offset now %lld\n", (long long)off);
	return n == 10 && off == 16 && strcmp(buf, "sendfile: ") == 0 ? 0 : 1;
}
