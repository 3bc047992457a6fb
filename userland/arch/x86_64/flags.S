/* The arithmetic flags: carry (unsigned overflow), zero, sign, overflow
 * (signed overflow) and parity, read with jcc (ASSERT_CC), setcc, and
 * pushf; stc/clc/cmc; cmp as a subtraction that only sets flags. */
#include "lkmc_asm.h"

	.text
	.global main
main:
	/* 0xff + 1 in 8 bits: carry and zero, no signed overflow */
	mov $0xff, %al
	add $1, %al
	ASSERT_CC(c)
	ASSERT_CC(z)
	ASSERT_CC(no)
	ASSERT_CC(ns)

	/* 0x7f + 1 in 8 bits: signed overflow to -128, negative, no carry */
	mov $0x7f, %al
	add $1, %al
	ASSERT_CC(o)
	ASSERT_CC(s)
	ASSERT_CC(nc)
	ASSERT_CC(nz)

	/* setcc writes the condition into a byte register */
	mov $3, %rax
	cmp $5, %rax
	setb %cl   /* 3 < 5 unsigned */
	setl %dl   /* 3 < 5 signed */
	setg %bl
	movzbq %cl, %rcx
	movzbq %dl, %rdx
	movzbq %bl, %rbx
	ASSERT_EQ(%rcx, $1)
	ASSERT_EQ(%rdx, $1)
	ASSERT_EQ(%rbx, $0)

	/* -1 vs 1: below as signed, above as unsigned */
	mov $-1, %rax
	cmp $1, %rax
	ASSERT_CC(l)
	ASSERT_CC(a)

	/* parity flag: set when the low byte has an even number of ones */
	mov $0x03, %al
	test %al, %al
	ASSERT_CC(p)
	mov $0x07, %al
	test %al, %al
	ASSERT_CC(np)

	/* stc, clc, cmc, and the carry bit (bit 0) seen through pushf */
	stc
	ASSERT_CC(c)
	cmc
	ASSERT_CC(nc)
	stc
	pushfq
	pop %rax
	and $1, %rax
	ASSERT_EQ(%rax, $1)
	clc
	pushfq
	pop %rax
	and $1, %rax
	ASSERT_EQ(%rax, $0)

	/* inc does not touch the carry flag */
	stc
	mov $5, %rax
	inc %rax
	ASSERT_CC(c)

	/* cmov: flags select a value without branching */
	mov $7, %rax
	mov $9, %rbx
	cmp %rbx, %rax
	cmovl %rbx, %rax /* max */
	ASSERT_EQ(%rax, $9)

	xor %eax, %eax
	ret
