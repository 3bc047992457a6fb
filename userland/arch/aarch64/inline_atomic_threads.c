/* Atomics across threads: four threads each add 1 to shared counters
 * 100000 times, with an ldxr/stxr retry loop, with the LSE ldadd, and
 * under a spinlock built from LSE swpa / stlr. Every total must be exact.
 * LSE (ARMv8.1) is enabled for these asm statements by .arch_extension.
 * expect: counts 400000 400000 400000
 * only: user-mode (LSE is ARMv8.1: the full-system guest's cortex-a57 is ARMv8.0) */
#include <pthread.h>
#include <stdio.h>
#include "lkmc_asm.h"

#define THREADS 4
#define ITERS 100000

static long exclusive_count, ldadd_count, locked_count;
static int lock;

static void spin_lock(int *l)
{
	int old;
	do
		__asm__ volatile (".arch_extension lse\n\tswpa %w2, %w0, %1"
			: "=&r" (old), "+Q" (*l) : "r" (1) : "memory");
	while (old);
}

static void spin_unlock(int *l)
{
	__asm__ volatile ("stlr wzr, %0" : "=Q" (*l) : : "memory");
}

static void *work(void *arg)
{
	(void)arg;
	for (int i = 0; i < ITERS; i++) {
		long tmp;
		int failed;
		__asm__ volatile ("1:\n\t"
			"ldxr %0, %2\n\t"
			"add %0, %0, 1\n\t"
			"stxr %w1, %0, %2\n\t"
			"cbnz %w1, 1b"
			: "=&r" (tmp), "=&r" (failed), "+Q" (exclusive_count) : : "memory");

		long old;
		__asm__ volatile (".arch_extension lse\n\tldadd %2, %0, %1"
			: "=r" (old), "+Q" (ldadd_count) : "r" (1L) : "memory");

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
	LKMC_ASSERT_EQ(ldadd_count, THREADS * ITERS);
	LKMC_ASSERT_EQ(locked_count, THREADS * ITERS);
	printf("counts %ld %ld %ld\n", exclusive_count, ldadd_count, locked_count);
	return 0;
}
