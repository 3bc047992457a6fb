/* errno and strerror: a failing call says why.
 * only: linux
 * expect: fopen: errno ENOENT 1
 * expect: No such file or directory */
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	FILE *f = fopen("/nonexistent/lkmc", "r");
	if (f)
		return 1;
	int e = errno;
	printf("fopen: errno ENOENT %d\n", e == ENOENT);
	printf("strerror: %s\n", strerror(e));
	return 0;
}
