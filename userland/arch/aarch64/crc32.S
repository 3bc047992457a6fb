/* The CRC32 instructions (optional in ARMv8.0, which the Cortex-A57 of the
 * full-system guest has; required from ARMv8.1): crc32b/h/w/x update a
 * CRC-32 (the zlib/Ethernet polynomial) by 1, 2, 4 or 8 bytes, crc32c*
 * the CRC-32C (Castagnoli, iSCSI/ext4) one. With the usual all-ones
 * start and final inversion, "123456789" must give the standard check
 * values 0xcbf43926 and 0xe3069283, byte by byte or 8 bytes at a time.
 * Exits 0 when every ASSERT_EQ holds. */
#include "lkmc_asm.h"

	.arch armv8-a+crc

	.section .rodata
check:
	.ascii "123456789"

	.text
	.type crc_bytes, %function
/* crc_bytes(x0 = bytes, x1 = n) -> w0 = CRC-32, w2 = CRC-32C, a byte at a time */
crc_bytes:
	mov w2, -1
	mov w3, -1
1:	ldrb w4, [x0], 1
	crc32b w2, w2, w4
	crc32cb w3, w3, w4
	subs x1, x1, 1
	b.ne 1b
	mvn w0, w2
	mvn w2, w3
	ret

	.global main
	.type main, %function
main:
	stp x29, x30, [sp, -16]!
	adr x0, check
	mov x1, 9
	bl crc_bytes
	ASSERT_EQ(x0, 0xcbf43926)
	ASSERT_EQ(x2, 0xe3069283)

	/* 8 bytes at once, then the ninth: the same CRCs */
	adr x5, check
	ldr x6, [x5]
	ldrb w7, [x5, 8]
	mov w0, -1
	crc32x w0, w0, x6
	crc32b w0, w0, w7
	mvn w0, w0
	ASSERT_EQ(x0, 0xcbf43926)
	mov w1, -1
	crc32cx w1, w1, x6
	crc32cb w1, w1, w7
	mvn w1, w1
	ASSERT_EQ(x1, 0xe3069283)

	/* 4 + 2 + 2 + 1 bytes with the w and h forms */
	ldr w6, [x5]
	ldrh w8, [x5, 4]
	ldrh w9, [x5, 6]
	mov w0, -1
	crc32w w0, w0, w6
	crc32h w0, w0, w8
	crc32h w0, w0, w9
	crc32b w0, w0, w7
	mvn w0, w0
	ASSERT_EQ(x0, 0xcbf43926)

	ldp x29, x30, [sp], 16
	mov w0, 0
	ret
