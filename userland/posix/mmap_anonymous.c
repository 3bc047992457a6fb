/* mmap of anonymous memory: pages that start zeroed, mprotect to make them
 * read-only, munmap to give them back; MAP_SHARED ones stay shared with a
 * forked child.
 * expect: zeroed 1
 * expect: wrote 4096 bytes
 * expect: shared with the child: 42 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	size_t len = 4096;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 1;
	int zero = 1;
	for (size_t i = 0; i < len; i++)
		zero &= p[i] == 0;
	printf("zeroed %d\n", zero);
	memset(p, 0xab, len);
	printf("wrote %zu bytes\n", len);
	if (mprotect(p, len, PROT_READ) || munmap(p, len))
		return 1;
	int *shared = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED)
		return 1;
	if (fork() == 0) {
		*shared = 42;
		_exit(0);
	}
	wait(NULL);
	printf("shared with the child: %d\n", *shared);
	return 0;
}
