/* Raw Linux system calls with the syscall instruction: number in rax,
 * arguments in rdi, rsi, rdx, r10, r8, r9, result (or -errno) in rax, rcx
 * and r11 clobbered. Compares with the C library's wrappers and checks
 * the error returns.
 * expect: raw write */
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lkmc_asm.h"

static long raw_syscall3(long n, long a, long b, long c)
{
	long ret;
	__asm__ volatile ("syscall"
		: "=a" (ret)
		: "0" (n), "D" (a), "S" (b), "d" (c)
		: "rcx", "r11", "memory");
	return ret;
}

int main(void)
{
	LKMC_ASSERT_EQ(raw_syscall3(SYS_getpid, 0, 0, 0), getpid());

	static const char msg[] = "raw write\n";
	LKMC_ASSERT_EQ(raw_syscall3(SYS_write, 1, (long)msg, sizeof(msg) - 1), sizeof(msg) - 1);

	/* a pipe: write 3 bytes into one end, read them from the other */
	int fds[2];
	LKMC_ASSERT_EQ(raw_syscall3(SYS_pipe2, (long)fds, 0, 0), 0);
	LKMC_ASSERT_EQ(raw_syscall3(SYS_write, fds[1], (long)"abc", 3), 3);
	char buf[4] = {0};
	LKMC_ASSERT_EQ(raw_syscall3(SYS_read, fds[0], (long)buf, sizeof(buf)), 3);
	LKMC_ASSERT_EQ(buf[2], 'c');
	LKMC_ASSERT_EQ(raw_syscall3(SYS_close, fds[0], 0, 0), 0);
	LKMC_ASSERT_EQ(raw_syscall3(SYS_close, fds[1], 0, 0), 0);

	/* errors come back as -errno, not through errno */
	LKMC_ASSERT_EQ(raw_syscall3(SYS_close, fds[0], 0, 0), -EBADF);
	LKMC_ASSERT_EQ(raw_syscall3(100000, 0, 0, 0), -ENOSYS);
	return 0;
}
