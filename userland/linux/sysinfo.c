/* sysinfo: uptime, memory and process count in one system call (what free
 * and uptime read).
 * expect: total RAM above 1 MiB: 1
 * expect: at least one process: 1 */
#include <stdio.h>
#include <sys/sysinfo.h>

int main(void)
{
	struct sysinfo si;
	if (sysinfo(&si))
		return 1;
	unsigned long long ram = (unsigned long long)si.totalram * si.mem_unit;
	printf("uptime %ld s, %llu MiB RAM, %u processes\n", si.uptime, ram >> 20, si.procs);
	printf("total RAM above 1 MiB: %d\n", ram > (1 << 20));
	printf("at least one process: %d\n", si.procs >= 1);
	return 0;
}
