/* Branches and loops: a counted loop with dec/jnz, the loop instruction,
 * a while loop with a conditional jump at the top, a jump table through an
 * indirect jmp, and a call through a register.
 * expect: sum 5050 */
#include "lkmc_asm.h"

	.section .rodata
fmt:
	.asciz "sum %ld\n"

	.text
	.global main
main:
	push %rbx

	/* sum 1..100 counting down */
	xor %eax, %eax
	mov $100, %rcx
1:
	add %rcx, %rax
	dec %rcx
	jnz 1b
	ASSERT_EQ(%rax, $5050)
	mov %rax, %rbx

	/* the same with the loop instruction (dec rcx, jump if not zero) */
	xor %eax, %eax
	mov $100, %rcx
2:
	add %rcx, %rax
	loop 2b
	ASSERT_EQ(%rax, $5050)

	/* while (n != 1) n = n even ? n / 2 : 3n + 1; count steps for 27 */
	mov $27, %rax
	xor %ecx, %ecx
3:
	cmp $1, %rax
	je 5f
	inc %rcx
	test $1, %al
	jz 4f
	lea 1(%rax, %rax, 2), %rax
	jmp 3b
4:
	shr $1, %rax
	jmp 3b
5:
	ASSERT_EQ(%rcx, $111)

	/* jump table: case 0 -> 100, 1 -> 200, 2 -> 300 */
	xor %edx, %edx /* sum of the three cases */
	xor %ecx, %ecx
6:
	lea table(%rip), %rsi
	movslq (%rsi, %rcx, 4), %rax
	add %rsi, %rax
	jmp *%rax
case0:
	add $100, %rdx
	jmp 7f
case1:
	add $200, %rdx
	jmp 7f
case2:
	add $300, %rdx
7:
	inc %rcx
	cmp $3, %rcx
	jb 6b
	ASSERT_EQ(%rdx, $600)

	/* indirect call */
	lea twice(%rip), %rax
	mov $21, %rdi
	call *%rax
	ASSERT_EQ(%rax, $42)

	lea fmt(%rip), %rdi
	mov %rbx, %rsi
	xor %eax, %eax
	call printf@PLT

	pop %rbx
	xor %eax, %eax
	ret

twice:
	lea (%rdi, %rdi), %rax
	ret

	.section .rodata
	.balign 4
/* offsets from the table, so no absolute address needs relocating */
table:
	.long case0 - table
	.long case1 - table
	.long case2 - table
