/* Thread-local storage on x86_64: the fs segment base is the thread
 * pointer (set by the C library with arch_prctl(ARCH_SET_FS) for each
 * thread); glibc stores the pointer itself at fs:0, and a _Thread_local
 * variable of the program is at a fixed (negative) offset from it, which
 * `mov %fs:var@tpoff` reads directly. Checked in main and in two threads. */
#include <asm/prctl.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lkmc_asm.h"

static _Thread_local long mine = 1;

static void *check(void *arg)
{
	uintptr_t self, base = 0;
	__asm__ ("mov %%fs:0, %0" : "=r" (self));
	LKMC_ASSERT_EQ(self, (uintptr_t)__builtin_thread_pointer());
	LKMC_ASSERT_EQ(syscall(SYS_arch_prctl, ARCH_GET_FS, &base), 0);
	LKMC_ASSERT_EQ(base, self);
	LKMC_ASSERT_EQ(mine, 1);
	mine = (long)arg;
	long through_fs;
	__asm__ ("mov %%fs:mine@tpoff, %0" : "=r" (through_fs));
	LKMC_ASSERT_EQ(through_fs, (long)arg);
	/* variant II: the TLS block sits below the thread pointer */
	LKMC_ASSERT((uintptr_t)&mine < self);
	return (void *)(self - (uintptr_t)&mine);
}

int main(void)
{
	uintptr_t offset = (uintptr_t)check((void *)100);
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, check, (void *)(long)(i + 2));
	for (int i = 0; i < 2; i++) {
		void *o;
		pthread_join(t[i], &o);
		LKMC_ASSERT_EQ((uintptr_t)o, offset);
	}
	LKMC_ASSERT_EQ(mine, 100);
	return 0;
}
