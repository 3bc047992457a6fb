/* Integer addition and subtraction: add, sub, inc, dec, neg, and adc/sbb
 * chaining a 128-bit sum through the carry flag. Exits 0 when every
 * ASSERT_EQ holds; a wrong result prints its line and exits 1. */
#include "lkmc_asm.h"

	.text
	.global main
main:
	mov $1, %rax
	add $2, %rax
	ASSERT_EQ(%rax, $3)

	sub $5, %rax
	ASSERT_EQ(%rax, $-2)
	neg %rax
	ASSERT_EQ(%rax, $2)
	inc %rax
	dec %rax
	dec %rax
	ASSERT_EQ(%rax, $1)

	/* 32-bit operations zero the upper half of the 64-bit register. */
	mov $-1, %rax
	add $0, %eax
	movabs $0xffffffff, %rcx
	ASSERT_EQ(%rax, %rcx)

	/* 8-bit operations leave the other bits alone. */
	mov $0x1ff, %eax
	add $1, %al
	ASSERT_EQ(%rax, $0x100)

	/* (2^64 - 1) + 1 as 128 bits: rdx:rax = 1:0 */
	mov $-1, %rax
	xor %edx, %edx
	add $1, %rax
	adc $0, %rdx
	ASSERT_EQ(%rax, $0)
	ASSERT_EQ(%rdx, $1)

	/* and back down: 1:0 - 1 = 0:(2^64 - 1) */
	sub $1, %rax
	sbb $0, %rdx
	ASSERT_EQ(%rax, $-1)
	ASSERT_EQ(%rdx, $0)

	/* xadd: exchange and add */
	mov $10, %rax
	mov $20, %rbx
	xadd %rax, %rbx
	ASSERT_EQ(%rax, $20)
	ASSERT_EQ(%rbx, $30)

	xor %eax, %eax
	ret
