/* The lock prefix across threads: four threads each add 1 to shared
 * counters 100000 times, with lock xadd, with a lock cmpxchg retry loop,
 * and under a spinlock built from xchg. Every total must be exact.
 * expect: counts 400000 400000 400000 */
#include <pthread.h>
#include <stdio.h>
#include "lkmc_asm.h"

#define THREADS 4
#define ITERS 100000

static long xadd_count, cas_count, locked_count;
static int lock;

static void spin_lock(int *l)
{
	int v = 1;
	do
		__asm__ volatile ("xchg %0, %1" : "+r" (v), "+m" (*l) : : "memory");
	while (v);
}

static void spin_unlock(int *l)
{
	__asm__ volatile ("movl $0, %0" : "=m" (*l) : : "memory");
}

static void *work(void *arg)
{
	(void)arg;
	for (int i = 0; i < ITERS; i++) {
		long one = 1;
		__asm__ volatile ("lock xadd %0, %1" : "+r" (one), "+m" (xadd_count) : : "cc", "memory");

		long old = cas_count, ok;
		do {
			long new = old + 1;
			__asm__ volatile ("lock cmpxchg %3, %1"
				: "+a" (old), "+m" (cas_count), "=@ccz" (ok)
				: "r" (new) : "memory");
		} while (!ok);

		spin_lock(&lock);
		locked_count++;
		spin_unlock(&lock);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++)
		LKMC_ASSERT_EQ(pthread_create(&t[i], NULL, work, NULL), 0);
	for (int i = 0; i < THREADS; i++)
		LKMC_ASSERT_EQ(pthread_join(t[i], NULL), 0);
	LKMC_ASSERT_EQ(xadd_count, THREADS * ITERS);
	LKMC_ASSERT_EQ(cas_count, THREADS * ITERS);
	LKMC_ASSERT_EQ(locked_count, THREADS * ITERS);
	printf("counts %ld %ld %ld\n", xadd_count, cas_count, locked_count);
	return 0;
}
