/* mremap: grow (or shrink) a mapping, letting the kernel move it
 * (MREMAP_MAYMOVE) when the pages after it are taken; the contents move
 * with it, no copy in userland. realloc of big blocks uses it.
 * expect: grown from 1 to 16 pages, contents kept: 1
 * expect: new pages zeroed: 1
 * expect: shrunk in place: 1 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 1;
	strcpy(p, "kept across mremap");
	char *q = mremap(p, page, 16 * page, MREMAP_MAYMOVE);
	if (q == MAP_FAILED) {
		perror("mremap");
		return 1;
	}
	int kept = strcmp(q, "kept across mremap") == 0;
	printf("grown from 1 to 16 pages, contents kept: %d\n", kept);
	int zero = 1;
	for (long i = page; i < 16 * page; i++)
		zero = zero && q[i] == 0;
	printf("new pages zeroed: %d\n", zero);
	q[16 * page - 1] = 1;
	char *r = mremap(q, 16 * page, 2 * page, 0);
	int in_place = r == q;
	printf("shrunk in place: %d\n", in_place);
	munmap(r, 2 * page);
	return kept && zero && in_place ? 0 : 1;
}
