/* Loads, stores and addressing modes: base, base + displacement,
 * base + index * scale + displacement, RIP-relative, absolute-free
 * (position independent) data access; zero and sign extending loads
 * (movzx/movsx); push and pop; lea computing an address without loading. */
#include "lkmc_asm.h"

	.data
array:
	.quad 10, 20, 30, 40
bytes:
	.byte 0x80, 0x7f, 0xff, 0x01
words:
	.word 0x8001, 0x1234

	.bss
	.balign 8
out:
	.skip 32

	.text
	.global main
main:
	push %rbx

	/* RIP-relative load */
	mov array(%rip), %rax
	ASSERT_EQ(%rax, $10)

	/* base and base + displacement */
	lea array(%rip), %rbx
	mov (%rbx), %rax
	ASSERT_EQ(%rax, $10)
	mov 16(%rbx), %rax
	ASSERT_EQ(%rax, $30)

	/* base + index * scale + displacement: array[1 + 2] */
	mov $1, %rcx
	mov 16(%rbx, %rcx, 8), %rax
	ASSERT_EQ(%rax, $40)

	/* comparing with memory operands directly */
	ASSERT_EQ(8(%rbx), $20)
	ASSERT_EQ(array+24(%rip), $40)

	/* zero- and sign-extending loads of bytes and words */
	lea bytes(%rip), %rsi
	movzbq (%rsi), %rax
	ASSERT_EQ(%rax, $0x80)
	movsbq (%rsi), %rax
	ASSERT_EQ(%rax, $-128)
	movsbq 2(%rsi), %rax
	ASSERT_EQ(%rax, $-1)
	movzwq words(%rip), %rax
	ASSERT_EQ(%rax, $0x8001)
	movswq words(%rip), %rax
	ASSERT_EQ(%rax, $-32767)
	movslq array(%rip), %rax
	ASSERT_EQ(%rax, $10)

	/* stores of each width */
	lea out(%rip), %rdi
	movq $-1, (%rdi)
	movb $0x11, (%rdi)
	movw $0x2233, 2(%rdi)
	movl $0x44556677, 4(%rdi)
	/* little endian: bytes 11 ff 33 22 77 66 55 44 */
	movabs $0x445566772233ff11, %rax
	ASSERT_EQ((%rdi), %rax)

	/* store through an index register, then read back */
	mov $3, %rcx
	movq $99, 0(%rdi, %rcx, 8)
	ASSERT_EQ(24(%rdi), $99)

	/* lea computes the address only */
	lea 8(%rbx, %rcx, 8), %rax
	sub %rbx, %rax
	ASSERT_EQ(%rax, $32)

	/* push and pop move rsp by 8 */
	mov %rsp, %rdx
	push $123
	mov %rdx, %rax
	sub %rsp, %rax
	ASSERT_EQ(%rax, $8)
	ASSERT_EQ((%rsp), $123)
	pop %rax
	ASSERT_EQ(%rax, $123)
	ASSERT_EQ(%rsp, %rdx)

	/* xchg with memory */
	mov $5, %rax
	xchg %rax, (%rbx)
	ASSERT_EQ(%rax, $10)
	ASSERT_EQ((%rbx), $5)

	pop %rbx
	xor %eax, %eax
	ret
