/* A freestanding program: its own _start, no C library, only the write and
 * exit system calls (svc 0 with the number in r7 and arguments in r0-r6,
 * the EABI convention). It also reads argc from the initial stack.
 * build: -nostdlib -static
 * args: a b
 * expect: hello */
#include "lkmc_asm.h"

	.section .rodata
msg:
	.ascii "hello\n"
	len = . - msg

	.text
	.arm
	.global _start
	.type _start, %function
_start:
	/* the kernel leaves argc at [sp], then the argv pointers */
	ldr r4, [sp]
	ASSERT_EQ(r4, 3)

	mov r0, 1 /* stdout */
	ldr r1, .Lmsg_off
.Lpc:
	add r1, pc, r1
	mov r2, len
	mov r7, 4 /* write */
	svc 0
	ASSERT_EQ(r0, len)

	mov r0, 0
	mov r7, 1 /* exit */
	svc 0

	.balign 4
.Lmsg_off:
	.word msg - (.Lpc + 8)
