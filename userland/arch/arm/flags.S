/* The NZCV flags in ARM mode: set only by instructions with the s suffix
 * (adds, subs, movs) and by cmp, cmn, tst, teq; read by conditional
 * execution, which every ARM instruction can have (addeq, movgt...), and by
 * mrs from the APSR. */
#include "lkmc_asm.h"

	.text
	.arm
	.global main
	.type main, %function
main:
	/* 0xffffffff + 1: carry and zero, no signed overflow */
	mov r0, -1
	adds r0, r0, 1
	ASSERT_CC(cs)
	ASSERT_CC(eq)
	ASSERT_CC(vc)
	ASSERT_CC(pl)

	/* 0x7fffffff + 1: signed overflow to a negative, no carry */
	mvn r0, 0x80000000
	adds r0, r0, 1
	ASSERT_CC(vs)
	ASSERT_CC(mi)
	ASSERT_CC(cc)

	/* without s the flags stay as they were */
	mov r0, 0
	add r0, r0, 0 /* would be "zero" */
	ASSERT_CC(ne)

	/* 5 - 3: C set (no borrow), higher and greater */
	mov r0, 5
	cmp r0, 3
	ASSERT_CC(cs)
	ASSERT_CC(hi)
	ASSERT_CC(gt)

	/* -1 vs 1: less as signed, higher as unsigned */
	mov r0, -1
	cmp r0, 1
	ASSERT_CC(lt)
	ASSERT_CC(hi)

	/* cmn adds, tst ands, teq xors */
	mov r0, -4
	cmn r0, 4
	ASSERT_CC(eq)
	mov r0, 0b1000
	tst r0, 0b1000
	ASSERT_CC(ne)
	teq r0, 0b1000
	ASSERT_CC(eq)

	/* conditional execution: max(r1, r2) and abs(r3) without branches */
	mov r1, 10
	mov r2, 20
	cmp r1, r2
	movlt r1, r2
	ASSERT_EQ(r1, 20)
	mov r3, -7
	cmp r3, 0
	rsblt r3, r3, 0
	ASSERT_EQ(r3, 7)

	/* both arms of an if/else by opposite conditions */
	mov r0, 1
	cmp r0, 1
	moveq r4, 100
	movne r4, 200
	ASSERT_EQ(r4, 100)

	/* movs sets N and Z from the value; a shift puts the last bit out in C */
	mov r0, 3
	movs r0, r0, lsr 1
	ASSERT_CC(cs)
	ASSERT_EQ(r0, 1)

	/* the APSR: N is bit 31, Z 30, C 29, V 28 */
	mov r0, 0
	cmp r0, 0
	mrs r1, apsr
	and r1, r1, 0xf0000000
	ASSERT_EQ(r1, 0x60000000)
	mov r1, 0x80000000
	msr apsr_nzcvq, r1
	ASSERT_CC(mi)

	mov r0, 0
	bx lr
