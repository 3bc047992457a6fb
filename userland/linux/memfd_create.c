/* memfd_create: an anonymous file in memory, with a file descriptor to
 * size, map and seal, but no path.
 * expect: /proc/self/fd link: /memfd:lkmc
 * expect: through the mapping: memfd data
 * expect: grow after F_SEAL_GROW: refused 1 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
	int fd = memfd_create("lkmc", MFD_ALLOW_SEALING);
	if (fd < 0)
		return 1;
	char link[64], target[128] = { 0 };
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	if (readlink(link, target, sizeof(target) - 1) > 0)
		printf("/proc/self/fd link: %s\n", target);
	if (ftruncate(fd, 4096))
		return 1;
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return 1;
	strcpy(p, "memfd data");
	char buf[16] = { 0 };
	if (pread(fd, buf, 10, 0) != 10)
		return 1;
	printf("through the mapping: %s\n", buf);
	fcntl(fd, F_ADD_SEALS, F_SEAL_GROW);
	printf("grow after F_SEAL_GROW: refused %d\n", ftruncate(fd, 8192) != 0);
	return 0;
}
