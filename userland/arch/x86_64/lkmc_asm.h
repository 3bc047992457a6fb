/* Assertions for the x86_64 programs, from assembly (.S) and from C.
 *
 * In a .S file (linked with or without the C library):
 *   ASSERT_EQ(a, b)   cmpq b, a: fails unless the two are equal, e.g.
 *                     ASSERT_EQ(%rax, $3), ASSERT_EQ(8(%rsp), %rbx).
 *                     b is an immediate (32-bit, sign-extended), register or
 *                     memory; load wider constants with movabs first.
 *   ASSERT_EQ32(a, b) the same with cmpl.
 *   ASSERT_CC(cc)     fails unless condition code cc holds now (e, ne, c,
 *                     nc, o, s, l, ae...), e.g. after an add: ASSERT_CC(c).
 * They change only the flags (and nothing on success). On failure they call
 * lkmc_assert_fail, which writes "FILE:LINE: assertion failed: WHAT" to
 * stderr with raw system calls and exits with status 1.
 * The macros use the local labels 7731 and 7732.
 *
 * In C (inline asm programs): LKMC_ASSERT_EQ(got, want) and
 * LKMC_ASSERT(cond), from ../lkmc_asm_c.h, and lkmc_sys_write/lkmc_sys_exit. */
#ifndef LKMC_ASM_H
#define LKMC_ASM_H

#ifdef __ASSEMBLER__

#define LKMC_ASSERT_IF(cc, what) \
	j##cc 7731f; \
	lea 7732f(%rip), %rsi; \
	mov $__LINE__, %edi; \
	call lkmc_assert_fail; \
7732:	.asciz what; \
7731:

#define ASSERT_EQ(a, b) cmpq b, a; LKMC_ASSERT_IF(e, #a " == " #b)
#define ASSERT_EQ32(a, b) cmpl b, a; LKMC_ASSERT_IF(e, #a " == " #b)
#define ASSERT_CC(cc) LKMC_ASSERT_IF(cc, "condition " #cc)

	.section .note.GNU-stack, "", @progbits

	.pushsection .text
	.type lkmc_assert_fail, @function
/* lkmc_assert_fail(edi = line, rsi = what): never returns. */
lkmc_assert_fail:
	mov %rsi, %r12
	mov %edi, %r13d
	lea .Llkmc_file(%rip), %rdi
	call .Llkmc_eputs
	/* ":LINE", built backwards in a stack buffer */
	sub $32, %rsp
	lea 32(%rsp), %rsi
	mov %r13d, %eax
	mov $10, %ecx
.Llkmc_digit:
	xor %edx, %edx
	div %ecx
	add $48, %dl
	dec %rsi
	mov %dl, (%rsi)
	test %eax, %eax
	jnz .Llkmc_digit
	dec %rsi
	movb $58, (%rsi)
	lea 32(%rsp), %rdx
	sub %rsi, %rdx
	mov $2, %edi
	mov $1, %eax /* write */
	syscall
	lea .Llkmc_mid(%rip), %rdi
	call .Llkmc_eputs
	mov %r12, %rdi
	call .Llkmc_eputs
	lea .Llkmc_nl(%rip), %rdi
	call .Llkmc_eputs
	mov $1, %edi
	mov $231, %eax /* exit_group */
	syscall
	hlt
/* Writes the string at rdi to stderr. */
.Llkmc_eputs:
	mov %rdi, %rsi
	xor %edx, %edx
.Llkmc_len:
	cmpb $0, (%rsi, %rdx)
	je .Llkmc_write
	inc %rdx
	jmp .Llkmc_len
.Llkmc_write:
	mov $2, %edi
	mov $1, %eax
	syscall
	ret
.Llkmc_file: .asciz __BASE_FILE__
.Llkmc_mid: .asciz ": assertion failed: "
.Llkmc_nl: .asciz "\n"
	.size lkmc_assert_fail, . - lkmc_assert_fail
	.popsection

#else

static inline long lkmc_sys_write(int fd, const void *buf, unsigned long n)
{
	long ret;
	__asm__ volatile ("syscall"
		: "=a" (ret)
		: "0" (1L), "D" ((long)fd), "S" (buf), "d" (n)
		: "rcx", "r11", "memory");
	return ret;
}

static inline __attribute__((noreturn)) void lkmc_sys_exit(int status)
{
	__asm__ volatile ("syscall"
		: : "a" (231L), "D" ((long)status) : "rcx", "r11", "memory");
	__builtin_unreachable();
}

#include "../lkmc_asm_c.h"

#endif
#endif
