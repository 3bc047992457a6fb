/* Raw Linux system calls with svc 0: number in x8, arguments in x0-x5,
 * result (or -errno) in x0. Compares with the C library's wrappers and
 * checks the error returns. aarch64 has no plain pipe or open, only
 * pipe2 and openat.
 * expect: raw write */
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lkmc_asm.h"

static long raw_syscall3(long n, long a, long b, long c)
{
	register long x8 __asm__ ("x8") = n;
	register long x0 __asm__ ("x0") = a;
	register long x1 __asm__ ("x1") = b;
	register long x2 __asm__ ("x2") = c;
	__asm__ volatile ("svc 0" : "+r" (x0) : "r" (x8), "r" (x1), "r" (x2) : "memory");
	return x0;
}

int main(void)
{
	LKMC_ASSERT_EQ(raw_syscall3(SYS_getpid, 0, 0, 0), getpid());

	static const char msg[] = "raw write\n";
	LKMC_ASSERT_EQ(raw_syscall3(SYS_write, 1, (long)msg, sizeof(msg) - 1), sizeof(msg) - 1);

	int fds[2];
	LKMC_ASSERT_EQ(raw_syscall3(SYS_pipe2, (long)fds, 0, 0), 0);
	LKMC_ASSERT_EQ(raw_syscall3(SYS_write, fds[1], (long)"abc", 3), 3);
	char buf[4] = {0};
	LKMC_ASSERT_EQ(raw_syscall3(SYS_read, fds[0], (long)buf, sizeof(buf)), 3);
	LKMC_ASSERT_EQ(buf[2], 'c');
	LKMC_ASSERT_EQ(raw_syscall3(SYS_close, fds[0], 0, 0), 0);
	LKMC_ASSERT_EQ(raw_syscall3(SYS_close, fds[1], 0, 0), 0);

	LKMC_ASSERT_EQ(raw_syscall3(SYS_close, fds[0], 0, 0), -EBADF);
	LKMC_ASSERT_EQ(raw_syscall3(100000, 0, 0, 0), -ENOSYS);
	return 0;
}
