/* Stack frames: enter/leave (push rbp, mov rsp to rbp, reserve locals;
 * and undo), the return address just above the saved rbp, locals at
 * negative offsets from rbp, and the chain of saved rbp values that
 * debuggers and profilers walk to find the callers. frames(3) recurses to
 * frames(0), which walks the chain back up to main's frame and counts 4.
 * Also checks the ABI's alignment: rsp + 8 is 16-byte aligned on entry.
 * Exits 0 when every ASSERT_EQ holds. */
#include "lkmc_asm.h"

	.bss
	.balign 8
main_rbp:
	.skip 8

	.text
	.type frames, @function
/* frames(rdi = n) -> rax = the number of frames between here and main's */
frames:
	lea 8(%rsp), %rax
	test $15, %al
	ASSERT_CC(z)
	enter $16, $0
	mov %rdi, -8(%rbp)
	test %rdi, %rdi
	jz .Lwalk
	dec %rdi
	call frames
.Lafter_call:
	/* the local survived the call */
	mov -8(%rbp), %rdx
	test %rdx, %rdx
	ASSERT_CC(nz)
	leave
	ret
.Lwalk:
	/* our caller is frames itself: its return address is .Lafter_call */
	lea .Lafter_call(%rip), %rcx
	ASSERT_EQ(8(%rbp), %rcx)
	xor %eax, %eax
	mov %rbp, %rcx
1:	cmp main_rbp(%rip), %rcx
	je 2f
	inc %rax
	mov (%rcx), %rcx
	jmp 1b
2:	leave
	ret

	.global main
	.type main, @function
main:
	push %rbp
	mov %rsp, %rbp
	mov %rbp, main_rbp(%rip)
	mov $3, %edi
	call frames
	ASSERT_EQ(%rax, $4)
	/* leave = mov rbp, rsp; pop rbp */
	mov %rsp, %rdx
	ASSERT_EQ(%rdx, %rbp)
	leave
	xor %eax, %eax
	ret
