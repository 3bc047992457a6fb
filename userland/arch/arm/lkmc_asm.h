/* Assertions for the 32-bit arm (ARMv7-A, hard float) programs, from
 * assembly (.S) and from C.
 *
 * The .S programs here are written in ARM (A32) mode, unified syntax; this
 * header leaves the assembler in .arm state (thumb.S switches to Thumb-2
 * for some of its functions). The C programs are compiled as Debian's
 * armhf compiler does by default: Thumb-2, so their inline asm is Thumb-2.
 *
 * In a .S file (linked with or without the C library):
 *   ASSERT_EQ(reg, value)  fails unless the register holds value (any 32-bit
 *                          constant, written without #), e.g.
 *                          ASSERT_EQ(r0, 3), ASSERT_EQ(r1, -1).
 *   ASSERT_EQ_REG(a, b)    fails unless two registers are equal.
 *   ASSERT_CC(cc)          fails unless condition cc (eq, ne, cs, cc, mi,
 *                          vs, hi, lt, ...) holds on the current flags.
 * ASSERT_EQ* change the flags and ip (r12, the intra-procedure scratch
 * register); nothing else on success. On failure they call
 * lkmc_assert_fail, which writes "FILE:LINE: assertion failed: WHAT" to
 * stderr with raw system calls and exits with status 1. The macros use the
 * local labels 7731 and 7732 and place a literal pool after each check.
 *
 * In C (inline asm programs): LKMC_ASSERT_EQ(got, want) and
 * LKMC_ASSERT(cond), from ../lkmc_asm_c.h, and lkmc_sys_write/lkmc_sys_exit. */
#ifndef LKMC_ASM_H
#define LKMC_ASM_H

#ifdef __ASSEMBLER__

#define LKMC_ASSERT_IF(cc, what) \
	b##cc 7731f; \
	adr r1, 7732f; \
	ldr r0, =__LINE__; \
	bl lkmc_assert_fail; \
	.ltorg; \
7732:	.asciz what; \
	.balign 4; \
7731:

#define ASSERT_EQ(reg, val) ldr ip, =val; cmp reg, ip; LKMC_ASSERT_IF(eq, #reg " == " #val)
#define ASSERT_EQ_REG(a, b) cmp a, b; LKMC_ASSERT_IF(eq, #a " == " #b)
#define ASSERT_CC(cc) LKMC_ASSERT_IF(cc, "condition " #cc)

	.syntax unified
	.section .note.GNU-stack, "", %progbits

	.pushsection .text
	.arm
	.balign 4
	.type lkmc_assert_fail, %function
/* lkmc_assert_fail(r0 = line, r1 = what): never returns. */
lkmc_assert_fail:
	mov r4, r0
	mov r5, r1
	adr r0, .Llkmc_file
	bl .Llkmc_eputs
	/* ":LINE", built backwards in a stack buffer; no divide instruction
	 * needed: each digit by repeated subtraction */
	sub sp, sp, 16
	add r1, sp, 16
.Llkmc_digit:
	mov r3, 0
.Llkmc_sub:
	cmp r4, 10
	subhs r4, r4, 10
	addhs r3, r3, 1
	bhs .Llkmc_sub
	add r4, r4, 48
	strb r4, [r1, -1]!
	movs r4, r3
	bne .Llkmc_digit
	mov r4, 58
	strb r4, [r1, -1]!
	add r2, sp, 16
	sub r2, r2, r1
	mov r0, 2
	mov r7, 4 /* write */
	svc 0
	adr r0, .Llkmc_mid
	bl .Llkmc_eputs
	mov r0, r5
	bl .Llkmc_eputs
	adr r0, .Llkmc_nl
	bl .Llkmc_eputs
	mov r0, 1
	mov r7, 248 /* exit_group */
	svc 0
	udf 0
/* Writes the string at r0 to stderr. */
.Llkmc_eputs:
	mov r1, r0
	mov r2, 0
.Llkmc_len:
	ldrb r3, [r1, r2]
	cmp r3, 0
	addne r2, r2, 1
	bne .Llkmc_len
	mov r0, 2
	mov r7, 4
	svc 0
	bx lr
.Llkmc_file: .asciz __BASE_FILE__
.Llkmc_mid: .asciz ": assertion failed: "
.Llkmc_nl: .asciz "\n"
	.balign 4
	.size lkmc_assert_fail, . - lkmc_assert_fail
	.popsection

#else

/* r7 holds the syscall number, but it is also the Thumb frame pointer, so
 * it is saved around the svc rather than named as an operand. */
static inline long lkmc_sys_write(int fd, const void *buf, unsigned long n)
{
	register long r0 __asm__ ("r0") = fd;
	register long r1 __asm__ ("r1") = (long)buf;
	register long r2 __asm__ ("r2") = (long)n;
	__asm__ volatile ("push {r7}\n\tmov r7, %[nr]\n\tsvc 0\n\tpop {r7}"
		: "+r" (r0) : "r" (r1), "r" (r2), [nr] "I" (4) : "memory");
	return r0;
}

static inline __attribute__((noreturn)) void lkmc_sys_exit(int status)
{
	register long r0 __asm__ ("r0") = status;
	__asm__ volatile ("mov r7, %[nr]\n\tsvc 0"
		: : "r" (r0), [nr] "I" (248) : "memory");
	__builtin_unreachable();
}

#include "../lkmc_asm_c.h"

#endif
#endif
