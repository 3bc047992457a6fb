/* Loads, stores and addressing modes in ARM mode: immediate offset,
 * pre-indexed with writeback ([r0, 4]!), post-indexed ([r0], 4), register
 * offset with a shift ([r0, r1, lsl 2]), negative register offset;
 * byte/half loads with zero or sign extension; ldrd/strd pairs; ldm/stm
 * multiple registers; push/pop; position-independent data addresses. */
#include "lkmc_asm.h"

	.data
	.balign 8
array:
	.word 10, 20, 30, 40
bytes:
	.byte 0x80, 0x7f, 0xff, 0x01
halves:
	.hword 0x8001, 0x1234

	.bss
	.balign 8
out:
	.skip 32

	.text
	.arm
	.global main
	.type main, %function
main:
	push {r4-r7, lr}

	/* array's address, position independent: a literal holding the
	 * offset from a known pc */
	ldr r0, .Larray_off
.Lpc0:
	add r0, pc, r0
	ldr r1, [r0]
	ASSERT_EQ(r1, 10)
	ldr r1, [r0, 8]
	ASSERT_EQ(r1, 30)

	/* register offset, scaled: array[3] */
	mov r2, 3
	ldr r1, [r0, r2, lsl 2]
	ASSERT_EQ(r1, 40)
	/* negative register offset: array[2 - 1] */
	add r3, r0, 8
	mov r2, 4
	ldr r1, [r3, -r2]
	ASSERT_EQ(r1, 20)

	/* post-indexed: load, then advance */
	mov r3, r0
	ldr r1, [r3], 4
	ASSERT_EQ(r1, 10)
	sub r4, r3, r0
	ASSERT_EQ(r4, 4)
	/* pre-indexed with writeback: advance, then load */
	ldr r1, [r3, 4]!
	ASSERT_EQ(r1, 30)
	sub r4, r3, r0
	ASSERT_EQ(r4, 8)

	/* extending loads */
	add r5, r0, 16 /* bytes follows array */
	ldrb r1, [r5]
	ASSERT_EQ(r1, 0x80)
	ldrsb r1, [r5]
	ASSERT_EQ(r1, -128)
	ldrsb r1, [r5, 1]
	ASSERT_EQ(r1, 0x7f)
	ldrh r1, [r5, 4]
	ASSERT_EQ(r1, 0x8001)
	ldrsh r1, [r5, 4]
	ASSERT_EQ(r1, -32767)

	/* stores of each width, read back as one word */
	ldr r6, .Lout_off
.Lpc1:
	add r6, pc, r6
	mov r1, -1
	str r1, [r6]
	mov r1, 0x11
	strb r1, [r6]
	mov r1, 0x2233
	strh r1, [r6, 2]
	ldr r1, [r6]
	ASSERT_EQ(r1, 0x2233ff11) /* little endian: bytes 11 ff 33 22 */

	/* ldrd/strd: an even/odd register pair at an 8-byte aligned address */
	mov r2, 1
	mov r3, 2
	strd r2, r3, [r6, 8]
	ldr r1, [r6, 12]
	ASSERT_EQ(r1, 2)
	ldrd r4, r5, [r6, 8]
	ASSERT_EQ(r4, 1)
	ASSERT_EQ(r5, 2)

	/* ldm/stm: stmia stores r1-r3 upward from r6 + 16, ldmia reloads them
	 * in register order into other registers */
	mov r1, 7
	mov r2, 8
	mov r3, 9
	add r7, r6, 16
	stmia r7!, {r1-r3}
	sub r4, r7, r6
	ASSERT_EQ(r4, 28)
	add r7, r6, 16
	ldmia r7, {r3-r5}
	ASSERT_EQ(r3, 7)
	ASSERT_EQ(r5, 9)

	/* push is stmdb sp!: the lowest register at the lowest address */
	mov r7, sp
	mov r1, 1
	mov r2, 2
	push {r1, r2}
	ldr r3, [sp]
	ASSERT_EQ(r3, 1)
	sub r3, r7, sp
	ASSERT_EQ(r3, 8)
	pop {r2, r3}
	ASSERT_EQ(r3, 2)

	mov r0, 0
	pop {r4-r7, pc}

	.balign 4
.Larray_off:
	.word array - (.Lpc0 + 8)
.Lout_off:
	.word out - (.Lpc1 + 8)
