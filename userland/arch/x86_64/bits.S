/* Bit manipulation: and/or/xor/not, shifts and rotates (shl, shr, sar,
 * rol, ror, shld), bit scans (bsf, bsr), the ABM/BMI counts (popcnt,
 * lzcnt, tzcnt), bit tests (bt, bts, btr, btc), bswap, and the BMI1/BMI2
 * extras andn, blsr, pext, pdep, shlx. QEMU -cpu max and any recent host
 * have them. */
#include "lkmc_asm.h"

	.text
	.global main
main:
	mov $0b1100, %rax
	and $0b1010, %rax
	ASSERT_EQ(%rax, $0b1000)
	or $0b0011, %rax
	ASSERT_EQ(%rax, $0b1011)
	xor $0b1111, %rax
	ASSERT_EQ(%rax, $0b0100)
	not %rax
	ASSERT_EQ(%rax, $-5)

	/* shifts: the last bit shifted out lands in CF */
	mov $0b101, %rax
	shr $1, %rax
	ASSERT_CC(c)
	ASSERT_EQ(%rax, $0b10)
	mov $-16, %rax
	sar $2, %rax
	ASSERT_EQ(%rax, $-4)
	mov $-16, %rax
	shr $60, %rax
	ASSERT_EQ(%rax, $0xf)

	/* rotates */
	movabs $0x8000000000000001, %rax
	rol $1, %rax
	ASSERT_EQ(%rax, $3)
	ror $2, %rax
	movabs $0xc000000000000000, %rbx
	ASSERT_EQ(%rax, %rbx)

	/* shld: shift rax left, filling from the top of rbx */
	mov $1, %rax
	movabs $0xf000000000000000, %rbx
	shld $4, %rbx, %rax
	ASSERT_EQ(%rax, $0x1f)

	/* bsf/bsr: index of the lowest/highest set bit */
	mov $0x50, %rax
	bsf %rax, %rcx
	ASSERT_EQ(%rcx, $4)
	bsr %rax, %rcx
	ASSERT_EQ(%rcx, $6)

	/* popcnt, lzcnt, tzcnt (the latter two defined for 0) */
	movabs $0xff00ff00ff00ff00, %rax
	popcnt %rax, %rcx
	ASSERT_EQ(%rcx, $32)
	mov $1, %rax
	lzcnt %rax, %rcx
	ASSERT_EQ(%rcx, $63)
	xor %eax, %eax
	tzcnt %rax, %rcx
	ASSERT_EQ(%rcx, $64)

	/* bt copies a bit into CF; bts/btr/btc also set/reset/flip it */
	mov $0b100, %rax
	bt $2, %rax
	ASSERT_CC(c)
	bts $0, %rax
	ASSERT_CC(nc)
	ASSERT_EQ(%rax, $0b101)
	btr $2, %rax
	ASSERT_EQ(%rax, $0b001)
	btc $7, %rax
	ASSERT_EQ(%rax, $0x81)

	/* bswap: reverse the bytes */
	movabs $0x0102030405060708, %rax
	bswap %rax
	movabs $0x0807060504030201, %rbx
	ASSERT_EQ(%rax, %rbx)

	/* BMI1: andn (~a & b), blsr (clear lowest set bit) */
	mov $0b1100, %rax
	mov $0b1010, %rbx
	andn %rbx, %rax, %rcx
	ASSERT_EQ(%rcx, $0b0010)
	mov $0b10110, %rax
	blsr %rax, %rcx
	ASSERT_EQ(%rcx, $0b10100)

	/* BMI2: pext gathers the bits under the mask, pdep scatters them */
	mov $0xabcd, %rax
	mov $0xf0f0, %rbx
	pext %rbx, %rax, %rcx
	ASSERT_EQ(%rcx, $0xac)
	mov $0xac, %rax
	pdep %rbx, %rax, %rcx
	ASSERT_EQ(%rcx, $0xa0c0)
	mov $3, %rax
	mov $5, %rbx
	shlx %rbx, %rax, %rcx
	ASSERT_EQ(%rcx, $96)

	xor %eax, %eax
	ret
