/* sched_getcpu: the CPU the calling thread runs on now (it may change at
 * any time unless pinned); shown for a few threads.
 * expect: sched_getcpu =
 * expect: valid: 1 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static void *work(void *arg)
{
	int *cpu = arg;
	*cpu = sched_getcpu();
	return NULL;
}

int main(void)
{
	int cpus[4];
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, work, &cpus[i]);
	int valid = 1;
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		printf("sched_getcpu = %d\n", cpus[i]);
		valid &= cpus[i] >= 0;
	}
	printf("valid: %d\n", valid);
	return !valid;
}
