/* Atomic read-modify-write instructions: lock add/inc, lock xadd (fetch and
 * add), xchg with memory (implicitly locked), lock cmpxchg (compare and
 * swap, success and failure), lock cmpxchg16b (128-bit CAS), lock bts
 * (test and set), and mfence. Single threaded here, checking each one's
 * result and flags; inline_atomic_threads.c races them across threads. */
#include "lkmc_asm.h"

	.data
	.balign 16
counter:
	.quad 0
	.balign 16
pair:
	.quad 1, 2

	.text
	.global main
main:
	push %rbx

	lock incq counter(%rip)
	lock addq $10, counter(%rip)
	ASSERT_EQ(counter(%rip), $11)

	/* fetch and add: rax gets the old value */
	mov $5, %rax
	lock xadd %rax, counter(%rip)
	ASSERT_EQ(%rax, $11)
	ASSERT_EQ(counter(%rip), $16)

	/* exchange: no lock prefix needed with a memory operand */
	mov $100, %rax
	xchg %rax, counter(%rip)
	ASSERT_EQ(%rax, $16)
	ASSERT_EQ(counter(%rip), $100)

	/* cmpxchg: if (mem == rax) mem = src, ZF = 1; else rax = mem, ZF = 0 */
	mov $100, %rax
	mov $200, %rcx
	lock cmpxchg %rcx, counter(%rip)
	ASSERT_CC(z)
	ASSERT_EQ(counter(%rip), $200)

	mov $100, %rax /* stale expected value */
	mov $300, %rcx
	lock cmpxchg %rcx, counter(%rip)
	ASSERT_CC(nz)
	ASSERT_EQ(%rax, $200) /* the current value, to retry with */
	ASSERT_EQ(counter(%rip), $200)

	/* a CAS loop: counter = counter * 3, retried until no one interfered */
	mov counter(%rip), %rax
1:
	lea (%rax, %rax, 2), %rcx
	lock cmpxchg %rcx, counter(%rip)
	jnz 1b
	ASSERT_EQ(counter(%rip), $600)

	/* cmpxchg16b: rdx:rax expected, rcx:rbx new, 16-byte aligned memory */
	mov $1, %rax
	mov $2, %rdx
	mov $3, %rbx
	mov $4, %rcx
	lock cmpxchg16b pair(%rip)
	ASSERT_CC(z)
	ASSERT_EQ(pair(%rip), $3)
	ASSERT_EQ(pair+8(%rip), $4)

	/* test and set: CF = the old bit */
	movq $0, counter(%rip)
	lock btsq $0, counter(%rip)
	ASSERT_CC(nc)
	lock btsq $0, counter(%rip)
	ASSERT_CC(c)
	ASSERT_EQ(counter(%rip), $1)

	mfence

	pop %rbx
	xor %eax, %eax
	ret
