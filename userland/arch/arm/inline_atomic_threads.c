/* ldrex/strex across threads: four threads each add 1 to shared counters
 * 100000 times, with an ldrex/strex retry loop, and under a spinlock
 * built from ldrex/strex with dmb barriers. Every total must be exact.
 * expect: counts 400000 400000 */
#include <pthread.h>
#include <stdio.h>
#include "lkmc_asm.h"

#define THREADS 4
#define ITERS 100000

static int exclusive_count, locked_count;
static int lock;

static void spin_lock(int *l)
{
	int old, failed;
	__asm__ volatile ("1:\n\t"
		"ldrex %0, [%2]\n\t"
		"cmp %0, #0\n\t"
		"bne 1b\n\t"
		"strex %1, %3, [%2]\n\t"
		"cmp %1, #0\n\t"
		"bne 1b\n\t"
		"dmb ish"
		: "=&r" (old), "=&r" (failed) : "r" (l), "r" (1) : "cc", "memory");
}

static void spin_unlock(int *l)
{
	__asm__ volatile ("dmb ish\n\tstr %1, [%0]" : : "r" (l), "r" (0) : "memory");
}

static void *work(void *arg)
{
	(void)arg;
	for (int i = 0; i < ITERS; i++) {
		int tmp, failed;
		__asm__ volatile ("1:\n\t"
			"ldrex %0, [%2]\n\t"
			"add %0, %0, #1\n\t"
			"strex %1, %0, [%2]\n\t"
			"cmp %1, #0\n\t"
			"bne 1b"
			: "=&r" (tmp), "=&r" (failed) : "r" (&exclusive_count) : "cc", "memory");

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
	LKMC_ASSERT_EQ(exclusive_count, THREADS * ITERS);
	LKMC_ASSERT_EQ(locked_count, THREADS * ITERS);
	printf("counts %d %d\n", exclusive_count, locked_count);
	return 0;
}
