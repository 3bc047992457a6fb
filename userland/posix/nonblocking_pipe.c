/* O_NONBLOCK (set with fcntl): a read from an empty pipe fails at once with
 * EAGAIN instead of waiting, and writes into a full pipe stop short; the
 * capacity found that way is the pipe's buffer (64 KiB by default on
 * Linux, but only its being positive is checked).
 * expect: empty read: EAGAIN
 * expect: full pipe write: EAGAIN
 * expect: read back what was written: 1 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	if (pipe(p)) {
		perror("pipe");
		return 1;
	}
	for (int i = 0; i < 2; i++)
		fcntl(p[i], F_SETFL, fcntl(p[i], F_GETFL) | O_NONBLOCK);
	char c;
	ssize_t r = read(p[0], &c, 1);
	int empty = r < 0 && errno == EAGAIN;
	printf("empty read: %s\n", empty ? "EAGAIN" : "something else");
	char block[4096] = { 0 };
	long capacity = 0;
	for (;;) {
		ssize_t w = write(p[1], block, sizeof(block));
		if (w < 0)
			break;
		capacity += w;
	}
	int full = errno == EAGAIN;
	printf("full pipe write: %s\n", full ? "EAGAIN" : "something else");
	printf("capacity %ld bytes\n", capacity);
	long got = 0;
	for (;;) {
		ssize_t n = read(p[0], block, sizeof(block));
		if (n <= 0)
			break;
		got += n;
	}
	printf("read back what was written: %d\n", got == capacity && capacity > 0);
	return empty && full && got == capacity && capacity > 0 ? 0 : 1;
}
