/* SSE from inline asm with xmm operands ("x" constraint) and memory:
 * a dot product of float arrays four lanes at a time (mulps, addps,
 * haddps from SSE3), and saturating byte adds (paddusb), both checked
 * against plain C. */
#include <stdint.h>
#include "lkmc_asm.h"

typedef float v4sf __attribute__((vector_size(16)));

int main(void)
{
	float a[16] __attribute__((aligned(16)));
	float b[16] __attribute__((aligned(16)));
	float ref = 0;
	for (int i = 0; i < 16; i++) {
		a[i] = i * 0.5f;
		b[i] = 16 - i;
		ref += a[i] * b[i];
	}

	v4sf acc;
	__asm__ ("xorps %0, %0" : "=x" (acc));
	for (int i = 0; i < 16; i += 4) {
		v4sf t;
		__asm__ ("movaps %1, %0\n\tmulps %2, %0"
			 : "=&x" (t) : "m" (a[i]), "m" (b[i]));
		__asm__ ("addps %1, %0" : "+x" (acc) : "x" (t));
	}
	__asm__ ("haddps %0, %0\n\thaddps %0, %0" : "+x" (acc));
	float dot;
	__asm__ ("movss %1, %0" : "=x" (dot) : "x" (acc));
	/* every product and partial sum is a small multiple of 0.5: exact */
	LKMC_ASSERT(dot == ref);
	LKMC_ASSERT_EQ((long)dot, 340);

	uint8_t x[16] __attribute__((aligned(16)));
	uint8_t y[16] __attribute__((aligned(16)));
	uint8_t z[16] __attribute__((aligned(16)));
	for (int i = 0; i < 16; i++) {
		x[i] = i * 17;
		y[i] = 100;
	}
	__asm__ ("movdqa %1, %%xmm0\n\tpaddusb %2, %%xmm0\n\tmovdqa %%xmm0, %0"
		 : "=m" (z) : "m" (x), "m" (y) : "xmm0");
	for (int i = 0; i < 16; i++) {
		int s = x[i] + y[i];
		LKMC_ASSERT_EQ(z[i], s > 255 ? 255 : s);
	}
	return 0;
}
