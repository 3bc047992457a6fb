/* Atomic read-modify-write on ARMv7 with exclusive load/store: ldrex
 * marks the address, strex stores only if nothing else wrote it since,
 * returning 0 on success; loops retry. Fetch-and-add, exchange, compare
 * and swap (clrex when giving up), a 64-bit add with ldrexd/strexd, byte
 * exclusives, and dmb barriers. Single threaded here;
 * inline_atomic_threads.c races them. */
#include "lkmc_asm.h"

	.data
	.balign 8
counter:
	.word 0
	.word 0
wide:
	.word 0xffffffff, 0
flag:
	.byte 0

	.text
	.arm
	.global main
	.type main, %function
main:
	push {r4-r7, lr}
	ldr r0, .Lcounter_off
.Lpc:
	add r0, pc, r0

	/* fetch and add 5 */
1:
	ldrex r1, [r0]
	add r2, r1, 5
	strex r3, r2, [r0]
	cmp r3, 0
	bne 1b
	ASSERT_EQ(r1, 0)
	ldr r1, [r0]
	ASSERT_EQ(r1, 5)

	/* exchange for 100, with barriers for acquire/release ordering */
	mov r2, 100
	dmb ish
2:
	ldrex r1, [r0]
	strex r3, r2, [r0]
	cmp r3, 0
	bne 2b
	dmb ish
	ASSERT_EQ(r1, 5)

	/* compare and swap: cas(r0, expected r4, new r5) -> old in r1 */
	mov r4, 100
	mov r5, 200
	bl cas
	ASSERT_EQ(r1, 100) /* matched */
	ldr r1, [r0]
	ASSERT_EQ(r1, 200)
	mov r4, 100 /* stale */
	mov r5, 300
	bl cas
	ASSERT_EQ(r1, 200) /* not swapped: the current value */
	ldr r1, [r0]
	ASSERT_EQ(r1, 200)

	/* 64-bit: ldrexd/strexd on an even/odd pair, 0xffffffff + 1 */
	add r6, r0, 8 /* wide */
3:
	ldrexd r2, r3, [r6]
	adds r2, r2, 1
	adc r3, r3, 0
	strexd r1, r2, r3, [r6]
	cmp r1, 0
	bne 3b
	ldrd r2, r3, [r6]
	ASSERT_EQ(r2, 0)
	ASSERT_EQ(r3, 1)

	/* byte test-and-set */
	add r7, r0, 16 /* flag */
	mov r2, 1
4:
	ldrexb r1, [r7]
	strexb r3, r2, [r7]
	cmp r3, 0
	bne 4b
	ASSERT_EQ(r1, 0)
	ldrb r1, [r7]
	ASSERT_EQ(r1, 1)

	mov r0, 0
	pop {r4-r7, pc}

/* r1 = old [r0]; if it equals r4, store r5. Clobbers r3. */
	.type cas, %function
cas:
	ldrex r1, [r0]
	cmp r1, r4
	bne 1f
	strex r3, r5, [r0]
	cmp r3, 0
	bne cas
	bx lr
1:
	clrex /* drop the reservation */
	bx lr

	.balign 4
.Lcounter_off:
	.word counter - (.Lpc + 8)
