/* Translates a virtual address of a process to a physical one through
 * /proc/PID/pagemap. Usage: virt_to_phys_user.out [PID VADDR]; without
 * arguments it translates the address of one of its own variables (which
 * it writes first, so the page is present).
 * only: full-system (under user mode the pagemap is the host's, of QEMU's own addresses)
 * expect: vaddr 0x
 * expect: present 1 */
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static volatile int variable = 42;

int main(int argc, char **argv)
{
	char path[64];
	uintptr_t vaddr;
	if (argc > 2) {
		snprintf(path, sizeof(path), "/proc/%s/pagemap", argv[1]);
		vaddr = strtoull(argv[2], NULL, 0);
	} else {
		snprintf(path, sizeof(path), "/proc/self/pagemap");
		variable++;
		vaddr = (uintptr_t)&variable;
	}
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		perror(path);
		return 1;
	}
	long page = sysconf(_SC_PAGESIZE);
	uint64_t e;
	if (pread(fd, &e, sizeof(e), (off_t)(vaddr / page * 8)) != sizeof(e)) {
		perror("pread");
		return 1;
	}
	int present = (e >> 63) & 1;
	uint64_t pfn = e & ((1ULL << 55) - 1);
	printf("vaddr 0x%" PRIxPTR "\n", vaddr);
	printf("present %d\n", present);
	printf("paddr 0x%" PRIx64 "\n", pfn * page + vaddr % page);
	return 0;
}
