/* Thumb-2, the mixed 16/32-bit instruction set (what Debian's armhf C
 * compiler emits), next to ARM mode: it blocks for conditional execution,
 * cbz/cbnz, tbb table branches, explicit .n (16-bit) and .w (32-bit)
 * encodings; and interworking: ARM code calling Thumb functions with blx
 * and back, a Thumb function's address having bit 0 set, and pc reading
 * 4 ahead in Thumb instead of 8. The assertions run in both modes. */
#include "lkmc_asm.h"

	.text
	.thumb
	.type t_max, %function
/* int t_max(int a, int b), with an it block */
t_max:
	cmp r0, r1
	it lt
	movlt r0, r1
	bx lr

	.type t_count_down, %function
/* r0 = number of iterations of a cbnz loop from r0 down to 0 */
t_count_down:
	movs r1, 0
1:
	cbz r0, 2f
	subs r0, r0, 1
	adds r1, r1, 1
	b 1b
2:
	mov r0, r1
	bx lr

	.type t_switch, %function
/* tbb: branch by a table of byte offsets (halfwords / 2) from pc */
t_switch:
	cmp r0, 3
	bhs 9f
	tbb [pc, r0]
3:
	.byte (10f - 3b) / 2
	.byte (11f - 3b) / 2
	.byte (12f - 3b) / 2
	.balign 2
10:
	movs r0, 100
	bx lr
11:
	movs r0, 200
	bx lr
12:
	movs r0, 250
	bx lr
9:
	movs r0, 0
	bx lr

	.type t_checks, %function
/* assertions written in Thumb code, calling ARM code (a_twice) back */
t_checks:
	push {r4, lr}
	/* itete: the four instructions alternate then/else */
	movs r0, 5
	cmp r0, 5
	itete eq
	moveq r1, 1
	movne r1, 2
	moveq r2, 3
	movne r2, 4
	ASSERT_EQ(r1, 1)
	ASSERT_EQ(r2, 3)
	/* the same add, 2 bytes and 4 bytes long */
	adr r3, 5f
4:
	adds.n r0, r0, 1
	add.w r0, r0, 1
5:
	adr r4, 4b
	sub r3, r3, r4
	ASSERT_EQ(r3, 6)
	ASSERT_EQ(r0, 7)
	/* pc reads as the instruction's address + 4 */
	mov r0, pc
	adr r1, .
	sub r0, r0, r1
	ASSERT_EQ(r0, 2) /* the 16-bit mov is 2 bytes before adr */
	/* a call into ARM code */
	movs r0, 21
	blx a_twice
	ASSERT_EQ(r0, 42)
	pop {r4, pc}

	.arm
	.type a_twice, %function
a_twice:
	add r0, r0, r0
	bx lr

	.global main
	.type main, %function
main:
	push {r4, lr}
	mov r0, 3
	mov r1, 9
	blx t_max
	ASSERT_EQ(r0, 9)

	mov r0, 17
	blx t_count_down
	ASSERT_EQ(r0, 17)

	mov r0, 0
	blx t_switch
	ASSERT_EQ(r0, 100)
	mov r0, 2
	blx t_switch
	ASSERT_EQ(r0, 250)
	mov r0, 7
	blx t_switch
	ASSERT_EQ(r0, 0)

	/* through a pointer: bit 0 set means Thumb, and blx reg switches */
	ldr r4, .Lt_max_off
.Lpc:
	add r4, pc, r4
	tst r4, 1
	ASSERT_CC(ne)
	mov r0, 4
	mov r1, -4
	blx r4
	ASSERT_EQ(r0, 4)

	blx t_checks

	mov r0, 0
	pop {r4, pc}

	.balign 4
.Lt_max_off:
	.word t_max - (.Lpc + 8)
