/* Branches and loops: a counted loop with subs/b.ne, cbz/cbnz (compare
 * with zero and branch), tbz/tbnz (test one bit and branch), a jump table
 * with br, and calls through blr.
 * expect: sum 5050 */
#include "lkmc_asm.h"

	.section .rodata
fmt:
	.asciz "sum %ld\n"

	.text
	.global main
	.type main, %function
main:
	stp x29, x30, [sp, -32]!
	mov x29, sp
	str x19, [sp, 16]

	/* sum 1..100 counting down */
	mov x0, 0
	mov x1, 100
1:
	add x0, x0, x1
	subs x1, x1, 1
	b.ne 1b
	ASSERT_EQ(x0, 5050)
	mov x19, x0

	/* the same with cbnz */
	mov x0, 0
	mov x1, 100
2:
	add x0, x0, x1
	sub x1, x1, 1
	cbnz x1, 2b
	ASSERT_EQ(x0, 5050)

	/* while (n != 1) n = n odd ? 3n + 1 : n / 2; steps for 27. tbnz tests
	 * bit 0 */
	mov x0, 27
	mov x2, 0
3:
	cmp x0, 1
	b.eq 5f
	add x2, x2, 1
	tbnz x0, 0, 4f
	lsr x0, x0, 1
	b 3b
4:
	add x0, x0, x0, lsl 1
	add x0, x0, 1
	b 3b
5:
	ASSERT_EQ(x2, 111)

	/* jump table of 32-bit offsets: case i adds (i + 1) * 100 */
	mov x3, 0 /* sum */
	mov x4, 0 /* i */
6:
	adr x5, table
	ldrsw x6, [x5, x4, lsl 2]
	add x6, x5, x6
	br x6
case0:
	add x3, x3, 100
	b 7f
case1:
	add x3, x3, 200
	b 7f
case2:
	add x3, x3, 300
7:
	add x4, x4, 1
	cmp x4, 3
	b.lo 6b
	ASSERT_EQ(x3, 600)

	/* indirect call */
	adr x9, twice
	mov x0, 21
	blr x9
	ASSERT_EQ(x0, 42)

	adrp x0, fmt
	add x0, x0, :lo12:fmt
	mov x1, x19
	bl printf

	ldr x19, [sp, 16]
	ldp x29, x30, [sp], 32
	mov w0, 0
	ret

twice:
	add x0, x0, x0
	ret

	.balign 4
table:
	.word case0 - table
	.word case1 - table
	.word case2 - table
