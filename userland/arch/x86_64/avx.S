/* AVX and AVX2 on the 256-bit ymm registers, three-operand VEX forms:
 * vpaddd/vpmulld on 8 lanes of 32 bits, vbroadcastss, a fused multiply-add
 * (vfmadd231ps, FMA3), a horizontal sum with vextracti128 and vphaddd, and
 * vzeroupper before returning to SSE code. Needs a CPU with AVX2 and FMA:
 * QEMU -cpu max and the host have them. */
#include "lkmc_asm.h"

	.section .rodata
	.balign 32
ints:
	.long 1, 2, 3, 4, 5, 6, 7, 8
floats:
	.float 1, 2, 3, 4, 5, 6, 7, 8
three:
	.float 3.0

	.bss
	.balign 32
out:
	.skip 32

	.text
	.global main
main:
	/* (ints + ints) * ints = 2 i^2 */
	vmovdqa ints(%rip), %ymm0
	vpaddd %ymm0, %ymm0, %ymm1
	vpmulld %ymm0, %ymm1, %ymm1
	vmovdqa %ymm1, out(%rip)
	ASSERT_EQ32(out(%rip), $2)
	ASSERT_EQ32(out+28(%rip), $128)

	/* horizontal sum of 2 i^2 over 1..8 = 2 * 204 = 408 */
	vextracti128 $1, %ymm1, %xmm2
	vpaddd %xmm2, %xmm1, %xmm1
	vphaddd %xmm1, %xmm1, %xmm1
	vphaddd %xmm1, %xmm1, %xmm1
	vmovd %xmm1, %eax
	ASSERT_EQ(%rax, $408)

	/* floats: acc = f * 3 + f, with one rounding (FMA) */
	vmovaps floats(%rip), %ymm0
	vbroadcastss three(%rip), %ymm1
	vmovaps %ymm0, %ymm2
	vfmadd231ps %ymm0, %ymm1, %ymm2 /* ymm2 += ymm0 * ymm1 */
	vcvttps2dq %ymm2, %ymm3
	vmovdqa %ymm3, out(%rip)
	ASSERT_EQ32(out(%rip), $4)
	ASSERT_EQ32(out+16(%rip), $20)
	ASSERT_EQ32(out+28(%rip), $32)

	/* compare: lanes where f > 4.5 give a mask of the top four */
	vbroadcastss three(%rip), %ymm1
	vaddps %ymm1, %ymm1, %ymm1      /* 6.0 */
	vcmpps $14, %ymm1, %ymm0, %ymm4 /* 14 = greater than, ordered */
	vmovmskps %ymm4, %eax
	ASSERT_EQ(%rax, $0xc0)          /* 7 and 8 */

	vzeroupper
	xor %eax, %eax
	ret
