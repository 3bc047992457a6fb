/* The auxiliary vector: what the kernel tells a new program besides argv
 * and the environment (page size, its entry point, hardware capabilities,
 * where its program headers are).
 * expect: AT_PAGESZ 4096
 * expect: AT_ENTRY set: 1
 * expect: AT_PHDR set: 1 */
#include <stdio.h>
#include <sys/auxv.h>

int main(void)
{
	printf("AT_PAGESZ %lu\n", getauxval(AT_PAGESZ));
	printf("AT_ENTRY set: %d\n", getauxval(AT_ENTRY) != 0);
	printf("AT_PHDR set: %d\n", getauxval(AT_PHDR) != 0);
	printf("AT_HWCAP 0x%lx\n", getauxval(AT_HWCAP));
	return 0;
}
