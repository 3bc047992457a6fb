/* A freestanding program: its own _start, no C library, only the write and
 * exit system calls (svc 0 with the number in x8 and arguments in x0-x5).
 * It also reads argc from the initial stack.
 * build: -nostdlib -static
 * args: a b
 * expect: hello */
#include "lkmc_asm.h"

	.section .rodata
msg:
	.ascii "hello\n"
	len = . - msg

	.text
	.global _start
_start:
	/* the kernel leaves argc at [sp], then the argv pointers */
	ldr x19, [sp]
	ASSERT_EQ(x19, 3)

	mov x0, 1 /* stdout */
	adrp x1, msg
	add x1, x1, :lo12:msg
	mov x2, len
	mov x8, 64 /* write */
	svc 0
	ASSERT_EQ(x0, len)

	mov x0, 0
	mov x8, 93 /* exit */
	svc 0
