/* Resource limits: getrlimit/setrlimit on RLIMIT_NOFILE, the number of file
 * descriptors a process may have. Lowered to 8, opening more fails with
 * EMFILE once every descriptor below 8 is taken; the soft limit can go
 * back up to the hard limit.
 * expect: filled the free descriptors below 8, then EMFILE: 1
 * expect: after raising it again, open works: 1 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

int main(void)
{
	struct rlimit old, low;
	if (getrlimit(RLIMIT_NOFILE, &old)) {
		perror("getrlimit");
		return 1;
	}
	printf("soft limit %lld\n", (long long)old.rlim_cur);
	/* 0, 1 and 2 are open, and perhaps others the launcher left us */
	int free_below = 0;
	for (int fd = 0; fd < 8; fd++)
		free_below += fcntl(fd, F_GETFD) == -1;
	low = old;
	low.rlim_cur = 8;
	if (setrlimit(RLIMIT_NOFILE, &low)) {
		perror("setrlimit");
		return 1;
	}
	int fds[16], n = 0, err = 0;
	for (; n < 16; n++) {
		fds[n] = open("/dev/null", O_RDONLY);
		if (fds[n] < 0) {
			err = errno;
			break;
		}
	}
	printf("opened %d of %d free before %s\n", n, free_below,
	       err == EMFILE ? "EMFILE" : "something else");
	int filled = n == free_below && err == EMFILE;
	printf("filled the free descriptors below 8, then EMFILE: %d\n", filled);
	for (int i = 0; i < n; i++)
		close(fds[i]);
	if (setrlimit(RLIMIT_NOFILE, &old)) {
		perror("setrlimit back");
		return 1;
	}
	int fd = open("/dev/null", O_RDONLY);
	printf("after raising it again, open works: %d\n", fd >= 0);
	return filled && fd >= 0 ? 0 : 1;
}
