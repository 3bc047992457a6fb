/* A process whose memory you can look up from outside: it allocates a
 * page, writes a known value into it and prints its pid and the value's
 * virtual address, then keeps running so that, in the full-system guest,
 *   ./virt_to_phys_test.out &
 *   ../linux/virt_to_phys_user.out $! VADDR
 * gives the physical address (and GDB or /proc/PID/maps can inspect it).
 * Usage: virt_to_phys_test.out [SECONDS] (default: forever, checking the
 * value once a second). With 0 it checks at once and exits: the value is
 * still there and mincore says its page is resident, which is what makes
 * the pagemap show a frame for it.
 * args: 0
 * expect: value 0x12345678 at vaddr 0x
 * expect: resident 1
 * expect: value unchanged after 0 s: 1 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long seconds = argc > 1 ? strtol(argv[1], NULL, 10) : -1;
	long page = sysconf(_SC_PAGESIZE);
	volatile uint32_t *value = mmap(NULL, page, PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (value == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	*value = 0x12345678;
	printf("pid %d\n", (int)getpid());
	printf("value 0x%x at vaddr %p\n", (unsigned)*value, (void *)value);
	unsigned char resident = 0;
	if (mincore((void *)value, page, &resident)) {
		perror("mincore");
		return 1;
	}
	printf("resident %d\n", resident & 1);
	fflush(stdout);
	long waited = 0;
	for (; seconds < 0 || waited < seconds; waited++) {
		sleep(1);
		if (*value != 0x12345678) {
			printf("value changed to 0x%x\n", (unsigned)*value);
			return 1;
		}
	}
	int same = *value == 0x12345678;
	printf("value unchanged after %ld s: %d\n", waited, same);
	return same && (resident & 1) ? 0 : 1;
}
