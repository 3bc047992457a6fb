/* NEON from inline asm on 32-bit ARM: armhf code is built for VFPv3-D16
 * without NEON, so the asm says .fpu neon itself and works on q0-q2
 * through memory operands (clobbering d0-d5). A saturating byte add
 * (vqadd.u8) and a float multiply-accumulate (vmla.f32), checked against
 * plain C. */
#include <stdint.h>
#include "lkmc_asm.h"

int main(void)
{
	uint8_t a[16], b[16], c[16];
	for (int i = 0; i < 16; i++) {
		a[i] = i * 17;
		b[i] = 100;
	}
	__asm__ (".fpu neon\n\t"
		 "vld1.8 {q0}, [%1]\n\t"
		 "vld1.8 {q1}, [%2]\n\t"
		 "vqadd.u8 q2, q0, q1\n\t"
		 "vst1.8 {q2}, [%0]"
		 : : "r" (c), "r" (a), "r" (b) : "d0", "d1", "d2", "d3", "d4", "d5", "memory");
	for (int i = 0; i < 16; i++) {
		int s = a[i] + b[i];
		LKMC_ASSERT_EQ(c[i], s > 255 ? 255 : s);
	}

	float x[4] = {1, 2, 3, 4}, y[4] = {0.5f, 0.5f, 2, 2}, acc[4] = {10, 20, 30, 40};
	__asm__ (".fpu neon\n\t"
		 "vld1.32 {q0}, [%1]\n\t"
		 "vld1.32 {q1}, [%2]\n\t"
		 "vld1.32 {q2}, [%0]\n\t"
		 "vmla.f32 q2, q0, q1\n\t"
		 "vst1.32 {q2}, [%0]"
		 : : "r" (acc), "r" (x), "r" (y) : "d0", "d1", "d2", "d3", "d4", "d5", "memory");
	LKMC_ASSERT(acc[0] == 10.5f);
	LKMC_ASSERT(acc[1] == 21);
	LKMC_ASSERT(acc[2] == 36);
	LKMC_ASSERT(acc[3] == 48);
	return 0;
}
