/* Raw Linux system calls with svc 0 (EABI): number in r7, arguments in
 * r0-r6, result (or -errno) in r0. r7 is the Thumb frame pointer, so the
 * asm saves it rather than naming it as an operand. Compares with the C
 * library's wrappers and checks the error returns.
 * expect: raw write */
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lkmc_asm.h"

static long raw_syscall3(long n, long a, long b, long c)
{
	register long r0 __asm__ ("r0") = a;
	register long r1 __asm__ ("r1") = b;
	register long r2 __asm__ ("r2") = c;
	register long r3 __asm__ ("r3") = n;
	__asm__ volatile ("push {r7}\n\tmov r7, r3\n\tsvc 0\n\tpop {r7}"
		: "+r" (r0) : "r" (r1), "r" (r2), "r" (r3) : "memory");
	return r0;
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
