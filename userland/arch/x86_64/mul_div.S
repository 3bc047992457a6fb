/* Multiplication and division: mul (128-bit product in rdx:rax), the three
 * forms of imul, div and idiv (quotient in rax, remainder in rdx, with cqo
 * sign-extending the dividend), and shifts as multiply/divide by 2^n. */
#include "lkmc_asm.h"

	.text
	.global main
main:
	/* mul: unsigned rdx:rax = rax * src; 2^63 * 4 = 2^65 */
	movabs $0x8000000000000000, %rax
	mov $4, %rcx
	mul %rcx
	ASSERT_CC(c) /* the high half is not zero */
	ASSERT_EQ(%rax, $0)
	ASSERT_EQ(%rdx, $2)

	/* imul with one operand: signed; -3 * 5 = -15, rdx all ones */
	mov $-3, %rax
	mov $5, %rcx
	imul %rcx
	ASSERT_EQ(%rax, $-15)
	ASSERT_EQ(%rdx, $-1)

	/* imul with two and three operands: truncated to the register */
	mov $6, %rax
	mov $7, %rbx
	imul %rbx, %rax
	ASSERT_EQ(%rax, $42)
	imul $-10, %rbx, %rcx
	ASSERT_EQ(%rcx, $-70)

	/* div: unsigned (rdx:rax) / src; 100 / 7 = 14 remainder 2 */
	mov $100, %rax
	xor %edx, %edx
	mov $7, %rcx
	div %rcx
	ASSERT_EQ(%rax, $14)
	ASSERT_EQ(%rdx, $2)

	/* div of a 128-bit dividend: (2^64 + 5) / 2 */
	mov $1, %rdx
	mov $5, %rax
	mov $2, %rcx
	div %rcx
	movabs $0x8000000000000002, %rbx
	ASSERT_EQ(%rax, %rbx)
	ASSERT_EQ(%rdx, $1)

	/* idiv rounds toward zero; the remainder has the dividend's sign */
	mov $-7, %rax
	cqo
	mov $2, %rcx
	idiv %rcx
	ASSERT_EQ(%rax, $-3)
	ASSERT_EQ(%rdx, $-1)

	/* 32-bit div uses edx:eax */
	mov $1000, %eax
	xor %edx, %edx
	mov $33, %ecx
	div %ecx
	ASSERT_EQ(%rax, $30)
	ASSERT_EQ(%rdx, $10)

	/* shifts: sar rounds toward minus infinity, unlike idiv */
	mov $-7, %rax
	sar $1, %rax
	ASSERT_EQ(%rax, $-4)
	mov $3, %rax
	shl $4, %rax
	ASSERT_EQ(%rax, $48)

	/* lea as multiply-add: rax = rbx * 9 + 1 */
	mov $5, %rbx
	lea 1(%rbx, %rbx, 8), %rax
	ASSERT_EQ(%rax, $46)

	xor %eax, %eax
	ret
