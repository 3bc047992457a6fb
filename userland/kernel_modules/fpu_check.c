// SPDX-License-Identifier: GPL-2.0
/*
 * fpu_check MODULE.ko [PARAMS]
 * x86_64 only. Loads MODULE.ko with finit_module(2), called straight from
 * inline assembly with known values in the SSE registers xmm0..xmm7, and
 * checks that the registers hold the same values when the system call
 * returns. The kernel does not save user FPU/SSE registers on entry, so a
 * module that uses SSE without kernel_fpu_begin()/kernel_fpu_end() (which
 * save them and have them restored on the way back to user space) clobbers
 * them. Used by the float module's test.
 * Prints "xmm intact" or the registers that changed. Exit status: 0 intact,
 * 1 clobbered, 2 usage or load error, 77 not x86_64.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#if defined(__x86_64__)
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	unsigned long long in[16], out[16];
	const char *params = argc > 2 ? argv[2] : "";
	int fd, i, bad = 0;
	long ret;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s MODULE.ko [PARAMS]\n", argv[0]);
		return 2;
	}
	fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		perror(argv[1]);
		return 2;
	}
	for (i = 0; i < 16; i++)
		in[i] = 0x0123456789abcdefULL * (i + 1) + 0x1111;
	memset(out, 0, sizeof(out));
	{
		register long rax __asm__("rax") = SYS_finit_module;
		register long rdi __asm__("rdi") = fd;
		register long rsi __asm__("rsi") = (long)params;
		register long rdx __asm__("rdx") = 0;

		__asm__ volatile(
			"movdqu 0(%[in]), %%xmm0\n\t"
			"movdqu 16(%[in]), %%xmm1\n\t"
			"movdqu 32(%[in]), %%xmm2\n\t"
			"movdqu 48(%[in]), %%xmm3\n\t"
			"movdqu 64(%[in]), %%xmm4\n\t"
			"movdqu 80(%[in]), %%xmm5\n\t"
			"movdqu 96(%[in]), %%xmm6\n\t"
			"movdqu 112(%[in]), %%xmm7\n\t"
			"syscall\n\t"
			"movdqu %%xmm0, 0(%[out])\n\t"
			"movdqu %%xmm1, 16(%[out])\n\t"
			"movdqu %%xmm2, 32(%[out])\n\t"
			"movdqu %%xmm3, 48(%[out])\n\t"
			"movdqu %%xmm4, 64(%[out])\n\t"
			"movdqu %%xmm5, 80(%[out])\n\t"
			"movdqu %%xmm6, 96(%[out])\n\t"
			"movdqu %%xmm7, 112(%[out])\n\t"
			: "+r"(rax)
			: "r"(rdi), "r"(rsi), "r"(rdx), [in] "r"(in), [out] "r"(out)
			: "rcx", "r11", "memory", "xmm0", "xmm1", "xmm2", "xmm3",
			  "xmm4", "xmm5", "xmm6", "xmm7");
		ret = rax;
	}
	close(fd);
	if (ret < 0) {
		fprintf(stderr, "finit_module %s: %s\n", argv[1], strerror((int)-ret));
		return 2;
	}
	for (i = 0; i < 8; i++) {
		if (in[2 * i] != out[2 * i] || in[2 * i + 1] != out[2 * i + 1]) {
			printf("xmm%d clobbered: %016llx%016llx -> %016llx%016llx\n", i,
			       in[2 * i + 1], in[2 * i], out[2 * i + 1], out[2 * i]);
			bad = 1;
		}
	}
	if (!bad)
		printf("xmm intact\n");
	return bad;
}
#else
int main(void)
{
	printf("SKIP: x86_64 only\n");
	return 77;
}
#endif
