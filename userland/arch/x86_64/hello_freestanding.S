/* A freestanding program: its own _start, no C library, only the write and
 * exit system calls (syscall with the number in rax and arguments in rdi,
 * rsi, rdx). It also reads argc from the initial stack.
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
	/* the kernel leaves argc at (rsp), then the argv pointers */
	mov (%rsp), %rbx
	ASSERT_EQ(%rbx, $3)

	mov $1, %eax        /* write */
	mov $1, %edi        /* stdout */
	lea msg(%rip), %rsi
	mov $len, %edx
	syscall
	ASSERT_EQ(%rax, $len)

	mov $60, %eax       /* exit */
	xor %edi, %edi
	syscall
