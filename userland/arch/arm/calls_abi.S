/* Calls and the AAPCS with the hard-float variant (armhf): integer
 * arguments in r0-r3, then on the stack; 64-bit values in an even/odd
 * register pair (r0:r1 or r2:r3, skipping r1 if needed) and returned in
 * r0:r1; r4-r11 and d8-d15 callee-saved; sp 8-byte aligned at calls;
 * float and double arguments in s0-s15/d0-d7, except for variadic
 * functions, which take doubles in core registers and on the stack.
 * Calls C (qsort, snprintf, strcmp) and is called back from it. */
#include "lkmc_asm.h"

	.fpu vfpv3-d16

	.data
	.balign 4
nums:
	.word 5, -2, 9, 0, 3
	.section .rodata
fmt:
	.asciz "%d-%d %.1f"
want:
	.asciz "7-8 2.5"
	.balign 8
two_and_half:
	.double 2.5

	.text
	.arm
/* int sum6(a, b, c, d, e, f): e and f come on the stack */
	.type sum6, %function
sum6:
	tst sp, 7
	ASSERT_CC(eq)
	add r0, r0, r1
	add r0, r0, r2
	add r0, r0, r3
	ldr r1, [sp]
	add r0, r0, r1
	ldr r1, [sp, 4]
	add r0, r0, r1
	bx lr

/* long long add64(int tag, long long x): x arrives in r2:r3, not r1:r2 */
	.type add64, %function
add64:
	adds r0, r2, r0
	adc r1, r3, 0
	bx lr

/* Uses every callee-saved register, restoring them before returning. */
	.type clobber_saved, %function
clobber_saved:
	push {r4-r11}
	vpush {d8-d15}
	mov r4, -1
	mov r5, -1
	mov r11, -1
	vmov.f64 d8, 1.0
	/* caller-saved ones can change freely */
	mov r12, -1
	vpop {d8-d15}
	pop {r4-r11}
	bx lr

/* double scale(double x, int k) = x * k: d0 and r0 are separate */
	.type scale, %function
scale:
	vmov s2, r0
	vcvt.f64.s32 d1, s2
	vmul.f64 d0, d0, d1
	bx lr

/* int cmp(const void *a, const void *b) for qsort */
	.type cmp_int, %function
cmp_int:
	ldr r0, [r0]
	ldr r1, [r1]
	cmp r0, r1
	movgt r0, 1
	moveq r0, 0
	mvnlt r0, 0
	bx lr

	.global main
	.type main, %function
main:
	push {r4-r8, lr} /* 6 words: sp stays 8-byte aligned */
	vpush {d8}
	sub sp, sp, 40   /* a 32-byte buffer at sp + 8 */

	mov r0, 5
	mov r1, 6
	strd r0, r1, [sp] /* e, f */
	mov r0, 1
	mov r1, 2
	mov r2, 3
	mov r3, 4
	bl sum6
	ASSERT_EQ(r0, 21)

	mov r0, 1
	mov r2, -1
	mov r3, 0
	bl add64
	ASSERT_EQ(r0, 0)
	ASSERT_EQ(r1, 1)

	mov r4, 4
	mov r5, 5
	mov r11, 11
	vmov.f64 d8, 0.5
	bl clobber_saved
	ASSERT_EQ(r4, 4)
	ASSERT_EQ(r5, 5)
	ASSERT_EQ(r11, 11)
	vmov.f64 d1, 0.5
	vcmp.f64 d8, d1
	vmrs APSR_nzcv, fpscr
	ASSERT_CC(eq)

	vmov.f64 d0, 1.25
	mov r0, 4
	bl scale
	vmov.f64 d1, 5.0
	vcmp.f64 d0, d1
	vmrs APSR_nzcv, fpscr
	ASSERT_CC(eq)

	/* qsort(nums, 5, 4, cmp_int) */
	ldr r0, .Lnums_off
.Lpc0:
	add r0, pc, r0
	mov r6, r0
	mov r1, 5
	mov r2, 4
	adr r3, cmp_int
	bl qsort
	ASSERT_EQ(r4, 4)
	ASSERT_EQ(r11, 11)
	ldm r6, {r0-r3, r7}
	ASSERT_EQ(r0, -2)
	ASSERT_EQ(r1, 0)
	ASSERT_EQ(r2, 3)
	ASSERT_EQ(r3, 5)
	ASSERT_EQ(r7, 9)

	/* snprintf(buf, 32, "%d-%d %.1f", 7, 8, 2.5): variadic, so 8 goes to
	 * [sp] and the double to the next 8-byte aligned slot, [sp + 8] */
	sub sp, sp, 16
	mov r0, 8
	str r0, [sp]
	ldr r0, .Ldbl_off
.Lpc1:
	add r0, pc, r0
	ldrd r2, r3, [r0]
	strd r2, r3, [sp, 8]
	add r0, sp, 24 /* the buffer, now 16 bytes further up */
	mov r1, 32
	ldr r2, .Lfmt_off
.Lpc2:
	add r2, pc, r2
	mov r3, 7
	bl snprintf
	add sp, sp, 16
	ASSERT_EQ(r0, 7)
	add r0, sp, 8
	ldr r1, .Lwant_off
.Lpc3:
	add r1, pc, r1
	bl strcmp
	ASSERT_EQ(r0, 0)

	add sp, sp, 40
	vpop {d8}
	mov r0, 0
	pop {r4-r8, pc}

	.balign 4
.Lnums_off:
	.word nums - (.Lpc0 + 8)
.Ldbl_off:
	.word two_and_half - (.Lpc1 + 8)
.Lfmt_off:
	.word fmt - (.Lpc2 + 8)
.Lwant_off:
	.word want - (.Lpc3 + 8)
