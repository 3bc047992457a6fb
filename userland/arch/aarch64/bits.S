/* Bit manipulation: and/orr/eor/bic/orn/mvn with bitmask immediates,
 * shifts and rotates (lsl, lsr, asr, ror, extr), counts (clz, cls), bit
 * and byte reversal (rbit, rev, rev16, rev32), bitfield moves (ubfx, sbfx,
 * bfi, bfxil, ubfiz), sign/zero extension (sxtb, uxth) and building a
 * 64-bit constant with movz/movk. */
#include "lkmc_asm.h"

	.text
	.global main
	.type main, %function
main:
	mov x0, 0b1100
	/* logical immediates must be bitmask patterns: 0b0111 is, 0b1010
	 * is not (it would need a register) */
	and x1, x0, 0b0111
	ASSERT_EQ(x1, 0b0100)
	orr x1, x0, 0b0011
	ASSERT_EQ(x1, 0b1111)
	eor x1, x0, 0b0110
	ASSERT_EQ(x1, 0b1010)
	mov x2, 0b0100
	bic x1, x0, x2 /* x0 & ~x2 */
	ASSERT_EQ(x1, 0b1000)
	orn x1, xzr, x0 /* ~x0 */
	ASSERT_EQ(x1, -13)
	mvn x1, x0
	ASSERT_EQ(x1, -13)
	/* a bitmask immediate: a rotated run of ones, repeated */
	mov x1, 0x00ff00ff00ff00ff
	and x1, x1, 0x0f0f0f0f0f0f0f0f
	ASSERT_EQ(x1, 0x000f000f000f000f)

	/* shifts and rotates */
	mov x0, -16
	lsr x1, x0, 60
	ASSERT_EQ(x1, 0xf)
	asr x1, x0, 2
	ASSERT_EQ(x1, -4)
	mov x0, 0x8000000000000001
	ror x1, x0, 1
	ASSERT_EQ(x1, 0xc000000000000000)
	/* shift amount from a register, taken modulo 64 */
	mov x2, 65
	lsl x1, x0, x2
	ASSERT_EQ(x1, 2)
	/* extr: 64 bits from the x3:x4 concatenation starting at bit 8 */
	mov x3, 0xab
	mov x4, 0x1100000000000000
	extr x1, x3, x4, 56
	ASSERT_EQ(x1, 0xab11)

	/* counts */
	mov x0, 1
	clz x1, x0
	ASSERT_EQ(x1, 63)
	clz x1, xzr
	ASSERT_EQ(x1, 64)
	mov x0, -1
	cls x1, x0 /* leading bits equal to the sign, after it */
	ASSERT_EQ(x1, 63)

	/* reversal */
	mov x0, 1
	rbit x1, x0
	ASSERT_EQ(x1, 0x8000000000000000)
	ldr x0, =0x0102030405060708 /* from a literal pool */
	rev x1, x0
	ASSERT_EQ(x1, 0x0807060504030201)
	rev16 x1, x0
	ASSERT_EQ(x1, 0x0201040306050807)
	rev32 x1, x0
	ASSERT_EQ(x1, 0x0403020108070605)

	/* bitfields */
	mov x0, 0xabcd
	ubfx x1, x0, 4, 8     /* bits 4..11 */
	ASSERT_EQ(x1, 0xbc)
	mov x0, 0xf0
	sbfx x1, x0, 4, 4     /* 0xf as a signed 4-bit field */
	ASSERT_EQ(x1, -1)
	mov x1, 0xffff
	mov x0, 0x5
	bfi x1, x0, 4, 4      /* insert into bits 4..7 */
	ASSERT_EQ(x1, 0xff5f)
	mov x0, 0xa0
	bfxil x1, x0, 4, 4    /* extract bits 4..7 into bits 0..3 */
	ASSERT_EQ(x1, 0xff5a)
	mov x0, 0x3
	ubfiz x1, x0, 8, 2
	ASSERT_EQ(x1, 0x300)

	/* extensions */
	mov x0, 0x180
	sxtb x1, w0
	ASSERT_EQ(x1, -128)
	ldr x0, =0x12345678
	uxth w1, w0
	ASSERT_EQ(x1, 0x5678)

	/* any 64-bit constant in up to four 16-bit pieces */
	movz x0, 0xdead, lsl 48
	movk x0, 0xbeef, lsl 32
	movk x0, 0xcafe, lsl 16
	movk x0, 0xf00d
	ASSERT_EQ(x0, 0xdeadbeefcafef00d)
	movn x0, 0 /* ~0 */
	ASSERT_EQ(x0, -1)

	mov w0, 0
	ret
