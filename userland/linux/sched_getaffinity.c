/* sched_getaffinity: the set of CPUs this process may run on; then pinned
 * to the first of them with sched_setaffinity, it runs only there
 * (sched_getcpu shows it; not checked: QEMU's x86_64 user mode answers 0).
 * expect: may run on at least 1 CPU: 1
 * expect: pinned to one CPU: 1 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>

int main(void)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	if (sched_getaffinity(0, sizeof(set), &set))
		return 1;
	int n = CPU_COUNT(&set);
	printf("sched_getaffinity: %d CPUs\n", n);
	printf("may run on at least 1 CPU: %d\n", n >= 1);
	int first = 0;
	while (!CPU_ISSET(first, &set))
		first++;
	cpu_set_t one;
	CPU_ZERO(&one);
	CPU_SET(first, &one);
	if (sched_setaffinity(0, sizeof(one), &one))
		return 1;
	sched_getaffinity(0, sizeof(set), &set);
	printf("pinned to one CPU: %d\n", CPU_COUNT(&set) == 1);
	printf("pinned to cpu %d, sched_getcpu %d\n", first, sched_getcpu());
	return 0;
}
