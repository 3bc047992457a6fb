/* A freestanding C program: _start is top-level inline asm that passes
 * argc and argv to a C function on a 16-byte aligned stack; output and exit
 * are raw syscalls (lkmc_sys_write, lkmc_sys_exit from lkmc_asm.h). No C
 * library is linked, so it cannot use stdio.
 * build: -nostdlib -static
 * args: one two
 * expect: hello from C, argc 3
 * expect: two */
#include "lkmc_asm.h"

int lkmc_cmain(int argc, char **argv);

__asm__ (
	".text\n"
	".global _start\n"
	"_start:\n"
	"	xor %ebp, %ebp\n"      /* the outermost frame */
	"	mov (%rsp), %rdi\n"    /* argc */
	"	lea 8(%rsp), %rsi\n"   /* argv */
	"	and $-16, %rsp\n"
	"	call lkmc_cmain\n"
	"	mov %eax, %edi\n"
	"	mov $231, %eax\n"      /* exit_group */
	"	syscall\n"
);

int lkmc_cmain(int argc, char **argv)
{
	LKMC_ASSERT_EQ(argc, 3);
	LKMC_ASSERT(argv[argc] == 0);
	lkmc_puts_fd(1, "hello from C, argc ");
	lkmc_putu_fd(1, argc, 10);
	lkmc_puts_fd(1, "\n");
	lkmc_puts_fd(1, argv[2]);
	lkmc_puts_fd(1, "\n");
	return 0;
}
