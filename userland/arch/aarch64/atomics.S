/* Atomic read-modify-write: exclusive load/store loops (ldxr/stxr, and the
 * acquire/release forms ldaxr/stlxr), the ARMv8.1 LSE instructions ldadd
 * (fetch and add), swp (exchange), cas (compare and swap, success and
 * failure), casp (on a pair), stadd, and barriers (dmb). Single threaded
 * here; inline_atomic_threads.c races them. LSE needs ARMv8.1-A, which
 * QEMU -cpu max has; the .arch line below lets the assembler accept it.
 * only: user-mode (LSE is ARMv8.1: the full-system guest's cortex-a57 is ARMv8.0) */
#include "lkmc_asm.h"

	.arch armv8.1-a

	.data
	.balign 16
counter:
	.quad 0
	.balign 16 /* casp faults on a pair that is not 16-byte aligned */
pair:
	.quad 1, 2

	.text
	.global main
	.type main, %function
main:
	adrp x0, counter
	add x0, x0, :lo12:counter

	/* fetch-and-add with an exclusive pair: retry while stxr fails (w2 = 1) */
1:
	ldxr x1, [x0]
	add x1, x1, 5
	stxr w2, x1, [x0]
	cbnz w2, 1b
	ldr x1, [x0]
	ASSERT_EQ(x1, 5)

	/* acquire/release forms, exchanging the value for 100 */
	mov x3, 100
2:
	ldaxr x1, [x0]
	stlxr w2, x3, [x0]
	cbnz w2, 2b
	ASSERT_EQ(x1, 5)
	dmb ish

	/* LSE: ldadd returns the old value in x1 */
	mov x3, 10
	ldadd x3, x1, [x0]
	ASSERT_EQ(x1, 100)
	ldr x1, [x0]
	ASSERT_EQ(x1, 110)
	/* ldaddal: with acquire and release ordering */
	mov x3, -10
	ldaddal x3, x1, [x0]
	ASSERT_EQ(x1, 110)
	/* stadd: add without reading back */
	mov x3, 1
	stadd x3, [x0]
	ldr x1, [x0]
	ASSERT_EQ(x1, 101)

	/* swp: exchange */
	mov x3, 7
	swp x3, x1, [x0]
	ASSERT_EQ(x1, 101)

	/* cas x4, x5, [x0]: if [x0] == x4 then [x0] = x5; x4 = the old value */
	mov x4, 7
	mov x5, 8
	cas x4, x5, [x0]
	ASSERT_EQ(x4, 7) /* it matched */
	ldr x1, [x0]
	ASSERT_EQ(x1, 8)
	mov x4, 7 /* stale */
	mov x5, 9
	casal x4, x5, [x0]
	ASSERT_EQ(x4, 8) /* no match: the current value to retry with */
	ldr x1, [x0]
	ASSERT_EQ(x1, 8)

	/* casp on an even/odd register pair: 16-byte compare and swap */
	adrp x9, pair
	add x9, x9, :lo12:pair
	mov x4, 1
	mov x5, 2
	mov x6, 3
	mov x7, 4
	casp x4, x5, x6, x7, [x9]
	ASSERT_EQ(x4, 1)
	ASSERT_EQ(x5, 2)
	ldp x1, x2, [x9]
	ASSERT_EQ(x1, 3)
	ASSERT_EQ(x2, 4)

	/* ldset/ldclr: atomic or / and-not */
	mov x3, 0xf0
	ldset x3, x1, [x0]
	ASSERT_EQ(x1, 8)
	mov x3, 0x08
	ldclr x3, x1, [x0]
	ldr x1, [x0]
	ASSERT_EQ(x1, 0xf0)

	mov w0, 0
	ret
