/* Thread-local storage on 32-bit ARM: the kernel keeps each thread's TLS
 * pointer in the user read-only thread ID register TPIDRURO (CP15 c13, read
 * with mrc p15, 0, r, c13, c0, 3), which is what __builtin_thread_pointer
 * returns; a _Thread_local variable is at a fixed offset from it, so each
 * thread sees its own copy. Checked in main and in two threads. */
#include <pthread.h>
#include <stdint.h>
#include "lkmc_asm.h"

static _Thread_local int mine = 1;

static uintptr_t tpidruro(void)
{
	uintptr_t r;
	__asm__ ("mrc p15, 0, %0, c13, c0, 3" : "=r" (r));
	return r;
}

static void *check(void *arg)
{
	uintptr_t tp = tpidruro();
	LKMC_ASSERT_EQ(tp, (uintptr_t)__builtin_thread_pointer());
	/* a fresh thread starts from the initial value */
	LKMC_ASSERT_EQ(mine, 1);
	mine = (int)(intptr_t)arg;
	/* the variable's offset from the thread pointer is the same in every thread */
	return (void *)((uintptr_t)&mine - tp);
}

int main(void)
{
	uintptr_t main_offset = (uintptr_t)check((void *)100);
	pthread_t t[2];
	void *offset[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, check, (void *)(intptr_t)(i + 2));
	for (int i = 0; i < 2; i++) {
		pthread_join(t[i], &offset[i]);
		LKMC_ASSERT_EQ((uintptr_t)offset[i], main_offset);
	}
	LKMC_ASSERT_EQ(mine, 100);
	return 0;
}
