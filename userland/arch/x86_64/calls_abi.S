/* Calls and the System V AMD64 ABI: integer arguments in rdi, rsi, rdx,
 * rcx, r8, r9 and then on the stack; results in rax (and rdx:rax for 128
 * bits); rbx, rbp, r12-r15 callee-saved; rsp 16-byte aligned at each call,
 * so rsp + 8 is aligned on entry; al = number of vector registers used by a
 * variadic call. Calls C (qsort, snprintf, strcmp) and is called back from
 * it (the qsort comparator). */
#include "lkmc_asm.h"

	.data
nums:
	.quad 5, -2, 9, 0, 3
	.section .rodata
fmt:
	.asciz "%ld-%ld"
want:
	.asciz "7-8"

	.text
/* long sum8(a, b, c, d, e, f, g, h): g and h come on the stack */
sum8:
	lea 8(%rsp), %rax
	test $15, %al
	ASSERT_CC(z)
	mov %rdi, %rax
	add %rsi, %rax
	add %rdx, %rax
	add %rcx, %rax
	add %r8, %rax
	add %r9, %rax
	add 8(%rsp), %rax  /* g: first stack argument, above the return address */
	add 16(%rsp), %rax /* h */
	ret

/* Uses every callee-saved register, restoring them before returning. */
clobber_saved:
	push %rbx
	push %rbp
	push %r12
	push %r13
	push %r14
	push %r15
	/* six pushes + return address: rsp is 16-byte aligned again, minus 8 */
	mov $-1, %rbx
	mov $-1, %rbp
	mov $-1, %r12
	mov $-1, %r13
	mov $-1, %r14
	mov $-1, %r15
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbp
	pop %rbx
	ret

/* 128-bit result: (rdi * rsi) as rdx:rax */
mul128:
	mov %rdi, %rax
	mul %rsi
	ret

/* int cmp(const void *a, const void *b) for qsort, called from C */
cmp_long:
	mov (%rdi), %rax
	mov (%rsi), %rcx
	xor %edx, %edx
	cmp %rcx, %rax
	setg %dl
	mov $-1, %eax
	cmovge %edx, %eax
	ret

	.global main
main:
	push %rbp
	mov %rsp, %rbp
	push %rbx
	push %r12
	push %r13
	push %r14
	push %r15
	sub $40, %rsp /* 5 pushes + 40 = 80, plus rbp and the return address: aligned */

	mov $1, %rdi
	mov $2, %rsi
	mov $3, %rdx
	mov $4, %rcx
	mov $5, %r8
	mov $6, %r9
	push $8 /* h, pushed first so g ends up lower */
	push $7 /* g */
	call sum8
	add $16, %rsp
	ASSERT_EQ(%rax, $36)

	/* callee-saved registers survive a call */
	mov $11, %rbx
	mov $12, %r12
	mov $13, %r13
	mov $14, %r14
	mov $15, %r15
	call clobber_saved
	ASSERT_EQ(%rbx, $11)
	ASSERT_EQ(%r12, $12)
	ASSERT_EQ(%r13, $13)
	ASSERT_EQ(%r14, $14)
	ASSERT_EQ(%r15, $15)

	movabs $0x100000000, %rdi
	mov %rdi, %rsi
	call mul128
	ASSERT_EQ(%rax, $0)
	ASSERT_EQ(%rdx, $1)

	/* qsort(nums, 5, 8, cmp_long) through the C library, which must keep
	 * our callee-saved registers too */
	lea nums(%rip), %rdi
	mov $5, %esi
	mov $8, %edx
	lea cmp_long(%rip), %rcx
	call qsort@PLT
	ASSERT_EQ(%rbx, $11)
	ASSERT_EQ(%r15, $15)
	lea nums(%rip), %rax
	ASSERT_EQ(0(%rax), $-2)
	ASSERT_EQ(8(%rax), $0)
	ASSERT_EQ(16(%rax), $3)
	ASSERT_EQ(24(%rax), $5)
	ASSERT_EQ(32(%rax), $9)

	/* snprintf(buf, 32, "%ld-%ld", 7, 8), variadic: al = 0 vector args.
	 * buf is our 40 bytes of stack. */
	mov %rsp, %rdi
	mov $32, %esi
	lea fmt(%rip), %rdx
	mov $7, %ecx
	mov $8, %r8d
	xor %eax, %eax
	call snprintf@PLT
	ASSERT_EQ(%rax, $3)
	mov %rsp, %rdi
	lea want(%rip), %rsi
	call strcmp@PLT
	ASSERT_EQ32(%eax, $0)

	/* rbp frame: the saved rbp and return address sit above it */
	lea 16(%rbp), %rax
	lea 40+40(%rsp), %rcx
	add $16, %rcx
	ASSERT_EQ(%rax, %rcx)

	add $40, %rsp
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbx
	pop %rbp
	xor %eax, %eax
	ret
