/* Assertions for the aarch64 programs, from assembly (.S) and from C.
 *
 * In a .S file (linked with or without the C library):
 *   ASSERT_EQ(xreg, value)  fails unless the 64-bit register holds value (any
 *                           64-bit constant, written without #), e.g.
 *                           ASSERT_EQ(x0, 3), ASSERT_EQ(x1, -1).
 *   ASSERT_EQW(wreg, value) the same for a 32-bit register.
 *   ASSERT_EQ_REG(a, b)     fails unless two registers are equal.
 *   ASSERT_CC(cc)           fails unless condition cc (eq, ne, cs, cc, mi,
 *                           vs, hi, lt, ...) holds on the current flags.
 * ASSERT_EQ* change the flags and x17 (IP1, the linker's scratch register);
 * nothing else on success. On failure they call lkmc_assert_fail, which
 * writes "FILE:LINE: assertion failed: WHAT" to stderr with raw system
 * calls and exits with status 1. The macros use the local labels 7731 and
 * 7732 and load constants from literal pools.
 *
 * In C (inline asm programs): LKMC_ASSERT_EQ(got, want) and
 * LKMC_ASSERT(cond), from ../lkmc_asm_c.h, and lkmc_sys_write/lkmc_sys_exit. */
#ifndef LKMC_ASM_H
#define LKMC_ASM_H

#ifdef __ASSEMBLER__

#define LKMC_ASSERT_IF(cc, what) \
	b.cc 7731f; \
	adr x1, 7732f; \
	ldr x0, =__LINE__; \
	bl lkmc_assert_fail; \
7732:	.asciz what; \
	.balign 4; \
7731:

#define ASSERT_EQ(reg, val) ldr x17, =val; cmp reg, x17; LKMC_ASSERT_IF(eq, #reg " == " #val)
#define ASSERT_EQW(reg, val) ldr w17, =val; cmp reg, w17; LKMC_ASSERT_IF(eq, #reg " == " #val)
#define ASSERT_EQ_REG(a, b) cmp a, b; LKMC_ASSERT_IF(eq, #a " == " #b)
#define ASSERT_CC(cc) LKMC_ASSERT_IF(cc, "condition " #cc)

	.section .note.GNU-stack, "", %progbits

	.pushsection .text
	.balign 4
	.type lkmc_assert_fail, %function
/* lkmc_assert_fail(x0 = line, x1 = what): never returns. */
lkmc_assert_fail:
	mov x19, x0
	mov x20, x1
	adr x0, .Llkmc_file
	bl .Llkmc_eputs
	/* ":LINE", built backwards in a stack buffer */
	sub sp, sp, 32
	add x1, sp, 32
	mov x2, 10
.Llkmc_digit:
	udiv x3, x19, x2
	msub x4, x3, x2, x19
	add x4, x4, 48
	strb w4, [x1, -1]!
	mov x19, x3
	cbnz x19, .Llkmc_digit
	mov x4, 58
	strb w4, [x1, -1]!
	add x2, sp, 32
	sub x2, x2, x1
	mov x0, 2
	mov x8, 64 /* write */
	svc 0
	adr x0, .Llkmc_mid
	bl .Llkmc_eputs
	mov x0, x20
	bl .Llkmc_eputs
	adr x0, .Llkmc_nl
	bl .Llkmc_eputs
	mov x0, 1
	mov x8, 94 /* exit_group */
	svc 0
	brk 0
/* Writes the string at x0 to stderr. */
.Llkmc_eputs:
	mov x1, x0
	mov x2, 0
.Llkmc_len:
	ldrb w3, [x1, x2]
	cbz w3, .Llkmc_write
	add x2, x2, 1
	b .Llkmc_len
.Llkmc_write:
	mov x0, 2
	mov x8, 64
	svc 0
	ret
.Llkmc_file: .asciz __BASE_FILE__
.Llkmc_mid: .asciz ": assertion failed: "
.Llkmc_nl: .asciz "\n"
	.balign 4
	.size lkmc_assert_fail, . - lkmc_assert_fail
	.popsection

#else

static inline long lkmc_sys_write(int fd, const void *buf, unsigned long n)
{
	register long x0 __asm__ ("x0") = fd;
	register long x1 __asm__ ("x1") = (long)buf;
	register long x2 __asm__ ("x2") = (long)n;
	register long x8 __asm__ ("x8") = 64;
	__asm__ volatile ("svc 0" : "+r" (x0) : "r" (x1), "r" (x2), "r" (x8) : "memory");
	return x0;
}

static inline __attribute__((noreturn)) void lkmc_sys_exit(int status)
{
	register long x0 __asm__ ("x0") = status;
	register long x8 __asm__ ("x8") = 94;
	__asm__ volatile ("svc 0" : : "r" (x0), "r" (x8) : "memory");
	__builtin_unreachable();
}

#include "../lkmc_asm_c.h"

#endif
#endif
