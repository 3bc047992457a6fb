/* Branches and loops in ARM mode: a counted loop with subs/bne,
 * conditionally executed loop bodies, a jump table by adding to pc, calls
 * with bl and through a register with blx, and returning with bx lr or by
 * popping into pc.
 * expect: sum 5050 */
#include "lkmc_asm.h"

	.section .rodata
fmt:
	.asciz "sum %d\n"

	.text
	.arm
	.global main
	.type main, %function
main:
	push {r4, lr}

	/* sum 1..100 counting down */
	mov r0, 0
	mov r1, 100
1:
	add r0, r0, r1
	subs r1, r1, 1
	bne 1b
	ASSERT_EQ(r0, 5050)
	mov r4, r0

	/* while (n != 1) n = n odd ? 3n + 1 : n / 2; steps for 27, with the
	 * two cases conditionally executed instead of branched around */
	mov r0, 27
	mov r2, 0
2:
	cmp r0, 1
	beq 3f
	add r2, r2, 1
	tst r0, 1
	addne r0, r0, r0, lsl 1
	addne r0, r0, 1
	lsreq r0, r0, 1
	b 2b
3:
	ASSERT_EQ(r2, 111)

	/* jump table: pc reads 8 ahead, so "add pc, pc, r1, lsl 2" lands on
	 * entry r1 of the branches after the nop */
	mov r3, 0 /* sum */
	mov r1, 0 /* i */
4:
	cmp r1, 3
	bhs 6f
	add pc, pc, r1, lsl 2
	nop
	b case0
	b case1
	b case2
case0:
	add r3, r3, 100
	b 5f
case1:
	add r3, r3, 200
	b 5f
case2:
	add r3, r3, 300
5:
	add r1, r1, 1
	b 4b
6:
	ASSERT_EQ(r3, 600)

	/* indirect call with blx */
	adr r2, twice
	mov r0, 21
	blx r2
	ASSERT_EQ(r0, 42)

	/* a nested call: the callee saves lr itself */
	mov r0, 5
	bl fact
	ASSERT_EQ(r0, 120)

	ldr r0, .Lfmt_off
.Lpc:
	add r0, pc, r0
	mov r1, r4
	bl printf

	mov r0, 0
	pop {r4, pc}

	.type twice, %function
twice:
	add r0, r0, r0
	bx lr

/* recursive factorial */
	.type fact, %function
fact:
	cmp r0, 1
	movle r0, 1
	bxle lr
	push {r4, lr}
	mov r4, r0
	sub r0, r0, 1
	bl fact
	mul r0, r4, r0
	pop {r4, pc}

	.balign 4
.Lfmt_off:
	.word fmt - (.Lpc + 8)
