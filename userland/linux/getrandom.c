/* getrandom: random bytes from the kernel's generator, without opening
 * /dev/urandom (usable in a chroot or before /dev exists). Two draws of
 * 32 bytes differ, and many bytes use all the values.
 * expect: got 32 bytes twice, different: 1
 * expect: all 256 byte values seen in 64 KiB: 1 */
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

static int fill(unsigned char *b, size_t n)
{
	/* up to 256 bytes per call always arrive whole; more may come in parts */
	for (size_t got = 0; got < n;) {
		ssize_t r = getrandom(b + got, n - got, 0);
		if (r < 0) {
			perror("getrandom");
			return -1;
		}
		got += r;
	}
	return 0;
}

int main(void)
{
	unsigned char a[32], b[32];
	static unsigned char many[65536];
	if (fill(a, sizeof(a)) || fill(b, sizeof(b)) || fill(many, sizeof(many)))
		return 1;
	int differ = memcmp(a, b, sizeof(a)) != 0;
	printf("got 32 bytes twice, different: %d\n", differ);
	int seen[256] = { 0 }, all = 1;
	for (size_t i = 0; i < sizeof(many); i++)
		seen[many[i]] = 1;
	for (int v = 0; v < 256; v++)
		all = all && seen[v];
	printf("all 256 byte values seen in 64 KiB: %d\n", all);
	return differ && all ? 0 : 1;
}
