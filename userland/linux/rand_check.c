/* Where randomness shows up in a process: the addresses of the stack, the
 * heap, a global and main (address space layout randomization, when on),
 * the 16 random bytes the kernel puts in the auxiliary vector (AT_RANDOM),
 * and getrandom. Run it twice to compare.
 * expect: AT_RANDOM:
 * expect: getrandom filled 16 bytes: 1 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/random.h>

static int global;

int main(void)
{
	int local;
	void *heap = malloc(16);
	printf("stack  %p\nheap   %p\nglobal %p\nmain   %p\n", (void *)&local, heap, (void *)&global,
	       (void *)main);
	const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);
	printf("AT_RANDOM:");
	for (int i = 0; r && i < 16; i++)
		printf(" %02x", r[i]);
	printf("\n");
	unsigned char buf[16];
	printf("getrandom filled 16 bytes: %d\n", getrandom(buf, sizeof(buf), 0) == 16);
	free(heap);
	return 0;
}
