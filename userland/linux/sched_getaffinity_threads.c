/* Affinity is per thread: each thread pins itself to a different allowed
 * CPU (round robin over the set) and reads its mask back; sched_getcpu
 * tells where it runs (shown, not checked: QEMU's x86_64 user mode answers
 * 0 whatever the host CPU).
 * expect: every thread pinned to its CPU: 1 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

#define THREADS 4
static int cpus[THREADS], ok[THREADS], ran[THREADS];

static void *work(void *arg)
{
	int i = *(int *)arg;
	cpu_set_t one;
	CPU_ZERO(&one);
	CPU_SET(cpus[i], &one);
	if (pthread_setaffinity_np(pthread_self(), sizeof(one), &one) == 0) {
		cpu_set_t got;
		pthread_getaffinity_np(pthread_self(), sizeof(got), &got);
		ok[i] = CPU_COUNT(&got) == 1 && CPU_ISSET(cpus[i], &got);
		ran[i] = sched_getcpu();
	}
	return NULL;
}

int main(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof(set), &set))
		return 1;
	int c = 0;
	for (int i = 0; i < THREADS; i++) {
		do
			c = (c + 1) % CPU_SETSIZE;
		while (!CPU_ISSET(c, &set));
		cpus[i] = c;
	}
	pthread_t t[THREADS];
	int ids[THREADS];
	for (int i = 0; i < THREADS; i++) {
		ids[i] = i;
		pthread_create(&t[i], NULL, work, &ids[i]);
	}
	int all = 1;
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		printf("thread %d: pinned to cpu %d, sched_getcpu %d\n", i, cpus[i], ran[i]);
		all &= ok[i];
	}
	printf("every thread pinned to its CPU: %d\n", all);
	return !all;
}
