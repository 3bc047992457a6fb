/* NEON from inline asm with vector operands ("w" constraint holding a
 * GCC vector type): a saturating byte add (uqadd), a float dot product
 * with fmla and faddp, and a widening multiply (umull), each checked
 * against plain C. */
#include <stdint.h>
#include "lkmc_asm.h"

typedef uint8_t u8x16 __attribute__((vector_size(16)));
typedef float f32x4 __attribute__((vector_size(16)));
typedef uint16_t u16x8 __attribute__((vector_size(16)));
typedef uint8_t u8x8 __attribute__((vector_size(8)));

int main(void)
{
	u8x16 a, b, c;
	for (int i = 0; i < 16; i++) {
		a[i] = i * 17;
		b[i] = 100;
	}
	__asm__ ("uqadd %0.16b, %1.16b, %2.16b" : "=w" (c) : "w" (a), "w" (b));
	for (int i = 0; i < 16; i++) {
		int s = a[i] + b[i];
		LKMC_ASSERT_EQ(c[i], s > 255 ? 255 : s);
	}

	float x[16], y[16], ref = 0;
	for (int i = 0; i < 16; i++) {
		x[i] = i * 0.5f;
		y[i] = 16 - i;
		ref += x[i] * y[i];
	}
	f32x4 acc = {0, 0, 0, 0};
	for (int i = 0; i < 16; i += 4) {
		f32x4 vx, vy;
		__asm__ ("ld1 {%0.4s}, [%1]" : "=w" (vx) : "r" (&x[i]) : "memory");
		__asm__ ("ld1 {%0.4s}, [%1]" : "=w" (vy) : "r" (&y[i]) : "memory");
		__asm__ ("fmla %0.4s, %1.4s, %2.4s" : "+w" (acc) : "w" (vx), "w" (vy));
	}
	float dot;
	__asm__ ("faddp %1.4s, %1.4s, %1.4s\n\tfaddp %s0, %1.2s" : "=w" (dot), "+w" (acc));
	LKMC_ASSERT(dot == ref);
	LKMC_ASSERT_EQ((long)dot, 340);

	u8x8 p = {1, 2, 3, 4, 250, 251, 252, 253}, q = {2, 2, 2, 2, 2, 2, 2, 2};
	u16x8 wide;
	__asm__ ("umull %0.8h, %1.8b, %2.8b" : "=w" (wide) : "w" (p), "w" (q));
	for (int i = 0; i < 8; i++)
		LKMC_ASSERT_EQ(wide[i], p[i] * 2);
	return 0;
}
