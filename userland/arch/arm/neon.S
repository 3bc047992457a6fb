/* Advanced SIMD (NEON) on 32-bit ARM: vld1/vst1 of q (128-bit) and d
 * (64-bit) registers, lane-wise integer add/mul (.i32) and float fused
 * multiply-accumulate (vfma.f32), pairwise adds (vpadd), vdup, lane
 * moves (vmov.32), widening (vmovl), table lookup (vtbl) and per-byte
 * popcount (vcnt). armhf's default FPU has neither NEON nor vfma, hence
 * .fpu neon-vfpv4; QEMU -cpu max has both. */
#include "lkmc_asm.h"

	.fpu neon-vfpv4

	.section .rodata
	.balign 16
ints:
	.word 1, 2, 3, 4
floats:
	.float 1.0, 2.0, 3.0, 4.0
bytes:
	.byte 0, 1, 2, 3, 4, 5, 6, 7
reverse:
	.byte 7, 6, 5, 4, 3, 2, 1, 0

	.bss
	.balign 16
out:
	.skip 16

	.text
	.arm
	.global main
	.type main, %function
main:
	adr r0, .Lints_off
	ldr r1, [r0]
	add r0, r0, r1 /* ints */
	vld1.32 {q0}, [r0]!        /* r0 advances to floats */
	vadd.i32 q1, q0, q0        /* 2, 4, 6, 8 */
	vmul.i32 q1, q1, q0        /* 2, 8, 18, 32 */
	/* sum the four lanes: pairwise adds on the two halves */
	vpadd.i32 d4, d2, d3       /* 2+8, 18+32 */
	vpadd.i32 d4, d4, d4
	vmov.32 r1, d4[0]
	ASSERT_EQ(r1, 60)
	vmov.32 r1, d3[1]          /* lane 3 */
	ASSERT_EQ(r1, 32)

	/* store to memory and read one lane back */
	ldr r2, .Lout_off
.Lpc:
	add r2, pc, r2
	vst1.32 {q1}, [r2]
	ldr r1, [r2, 8]
	ASSERT_EQ(r1, 18)

	/* floats: acc = 0.5 + f * 2, then the lane sum */
	vld1.32 {q2}, [r0]!        /* floats; r0 advances to bytes */
	vmov.f32 q3, 0.5
	vmov.f32 q4, 2.0
	vfma.f32 q3, q2, q4        /* 2.5, 4.5, 6.5, 8.5 */
	vpadd.f32 d10, d6, d7
	vpadd.f32 d10, d10, d10    /* 22 */
	vcvt.s32.f32 d10, d10
	vmov.32 r1, d10[0]
	ASSERT_EQ(r1, 22)

	/* bytes: vtbl looks each index up in a table */
	vld1.8 {d16}, [r0]!
	vld1.8 {d17}, [r0]
	vtbl.8 d18, {d16}, d17
	vmov.u8 r1, d18[0]
	ASSERT_EQ(r1, 7)
	vmov.u8 r1, d18[7]
	ASSERT_EQ(r1, 0)

	/* vmovl widens 8 bytes to 8 halfwords */
	vmovl.u8 q10, d18
	vmov.u16 r1, d20[1]
	ASSERT_EQ(r1, 6)

	/* vdup, then vcnt + pairwise widening adds: popcount of 0xf0f0f0f1 */
	ldr r1, =0xf0f0f0f1
	vdup.32 d22, r1
	vcnt.8 d22, d22
	vpaddl.u8 d22, d22
	vpaddl.u16 d22, d22
	vmov.32 r1, d22[0]
	ASSERT_EQ(r1, 17)

	/* vceq: all-ones lanes where equal */
	vceq.i8 d23, d16, d16
	vmov.32 r1, d23[1]
	ASSERT_EQ(r1, -1)

	mov r0, 0
	bx lr

	.balign 4
.Lints_off:
	.word ints - .Lints_off
.Lout_off:
	.word out - (.Lpc + 8)
