/* Dumps a process's mappings with, for each page, the physical frame it
 * is in, from /proc/PID/maps and /proc/PID/pagemap (the frame numbers are
 * only shown to CAP_SYS_ADMIN). Usage: pagemap_dump.out [PID] (default:
 * itself; only the first pages of each mapping are shown).
 * only: full-system (under user mode /proc/self/pagemap is the host's, of QEMU's own addresses)
 * expect: vaddr
 * expect: present pages found: 1 */
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char path[64];
	const char *pid = argc > 1 ? argv[1] : "self";
	snprintf(path, sizeof(path), "/proc/%s/maps", pid);
	FILE *maps = fopen(path, "r");
	snprintf(path, sizeof(path), "/proc/%s/pagemap", pid);
	int pm = open(path, O_RDONLY);
	if (!maps || pm < 0) {
		perror(path);
		return 1;
	}
	long page = sysconf(_SC_PAGESIZE);
	int present = 0;
	char line[512];
	printf("%-18s %-18s %s\n", "vaddr", "pfn", "mapping");
	while (fgets(line, sizeof(line), maps)) {
		uintptr_t start, end;
		if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR, &start, &end) != 2)
			continue;
		int shown = 0;
		for (uintptr_t a = start; a < end && shown < 2; a += page, shown++) {
			uint64_t e;
			if (pread(pm, &e, sizeof(e), (off_t)(a / page * 8)) != sizeof(e))
				break;
			int p = (e >> 63) & 1;
			present += p;
			printf("0x%016" PRIxPTR " 0x%016" PRIx64 " %s", a, (uint64_t)(p ? e & ((1ULL << 55) - 1) : 0),
			       shown ? "\n" : line);
		}
	}
	printf("present pages found: %d\n", present > 0);
	return 0;
}
