/* A freestanding C program: _start is top-level inline asm (Thumb-2, like
 * the C around it) that passes argc and argv to a C function on an 8-byte
 * aligned stack; output and exit are raw syscalls (lkmc_sys_write,
 * lkmc_sys_exit from lkmc_asm.h). No C library is linked.
 * build: -nostdlib -static
 * args: one two
 * expect: hello from C, argc 3
 * expect: two */
#include "lkmc_asm.h"

int lkmc_cmain(int argc, char **argv);

__asm__ (
	".text\n"
	".syntax unified\n"
	".thumb\n"
	".global _start\n"
	".type _start, %function\n"
	"_start:\n"
	"	movs r7, #0\n"       /* no frame */
	"	mov lr, r7\n"
	"	ldr r0, [sp]\n"      /* argc */
	"	add r1, sp, #4\n"    /* argv */
	"	bl lkmc_cmain\n"
	"	movs r7, #248\n"     /* exit_group(return value) */
	"	svc 0\n"
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
