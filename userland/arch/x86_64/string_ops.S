/* The string instructions with the rep prefixes: movsb copies rcx bytes
 * from (rsi) to (rdi), stosq fills, repne scasb finds a byte (strlen),
 * repe cmpsb compares; the direction flag (std/cld) makes them go down. */
#include "lkmc_asm.h"

	.section .rodata
src:
	.asciz "hello world"
	.bss
dst:
	.skip 64

	.text
	.global main
main:
	/* memcpy(dst, src, 12) */
	lea src(%rip), %rsi
	lea dst(%rip), %rdi
	mov $12, %rcx
	cld
	rep movsb
	ASSERT_EQ(%rcx, $0)
	lea dst+12(%rip), %rax
	ASSERT_EQ(%rdi, %rax) /* rdi advanced past the copy */

	/* strlen(dst) with repne scasb: scan for al = 0 */
	lea dst(%rip), %rdi
	xor %eax, %eax
	mov $-1, %rcx
	repne scasb
	not %rcx
	dec %rcx
	ASSERT_EQ(%rcx, $11)

	/* memcmp(src, dst, 12) with repe cmpsb: equal, so ZF set at the end */
	lea src(%rip), %rsi
	lea dst(%rip), %rdi
	mov $12, %rcx
	repe cmpsb
	ASSERT_CC(e)
	ASSERT_EQ(%rcx, $0)

	/* change one byte: the compare stops just after it */
	movb $'W', dst+6(%rip)
	lea src(%rip), %rsi
	lea dst(%rip), %rdi
	mov $12, %rcx
	repe cmpsb
	ASSERT_CC(ne)
	ASSERT_EQ(%rcx, $5) /* 7 bytes compared */

	/* memset-like: 4 quads of 0x0101... at dst+16 */
	lea dst+16(%rip), %rdi
	movabs $0x0101010101010101, %rax
	mov $4, %rcx
	rep stosq
	lea dst+16(%rip), %rdx
	ASSERT_EQ(24(%rdx), %rax)

	/* lodsb loads (rsi) into al and advances */
	lea src(%rip), %rsi
	lodsb
	movzbq %al, %rax
	ASSERT_EQ(%rax, $'h')

	/* backwards with std: copy "hello" reversed-direction (overlap-safe
	 * memmove to a higher address), then cld again as the ABI requires */
	lea dst+4(%rip), %rsi
	lea dst+5(%rip), %rdi
	mov $5, %rcx
	std
	rep movsb
	cld
	/* dst now starts "hhello" */
	movzbq dst(%rip), %rax
	ASSERT_EQ(%rax, $'h')
	movzbq dst+1(%rip), %rax
	ASSERT_EQ(%rax, $'h')
	movzbq dst+5(%rip), %rax
	ASSERT_EQ(%rax, $'o')

	xor %eax, %eax
	ret
