/* Multiplication and division: mul, madd/msub (multiply-accumulate),
 * umulh/smulh (high 64 bits of the 128-bit product), umull/smull (32x32 to
 * 64), udiv/sdiv (rounding toward zero, division by zero gives 0 instead of
 * trapping) and the remainder as msub. */
#include "lkmc_asm.h"

	.text
	.global main
	.type main, %function
main:
	mov x0, 6
	mov x1, 7
	mul x2, x0, x1
	ASSERT_EQ(x2, 42)

	/* madd: x3 = x2 + x0 * x1; msub: x4 = x2 - x0 * x1 */
	madd x3, x0, x1, x2
	ASSERT_EQ(x3, 84)
	msub x4, x0, x1, x2
	ASSERT_EQ(x4, 0)
	mneg x5, x0, x1
	ASSERT_EQ(x5, -42)

	/* 2^63 * 4 = 2^65: low half 0, high half 2 */
	mov x0, 0x8000000000000000
	mov x1, 4
	mul x2, x0, x1
	umulh x3, x0, x1
	ASSERT_EQ(x2, 0)
	ASSERT_EQ(x3, 2)
	/* signed: -2^63 * 4 = -2^65, high half -2 */
	smulh x3, x0, x1
	ASSERT_EQ(x3, -2)

	/* 32 x 32 -> 64 */
	mov w0, 0xffffffff
	mov w1, 0xffffffff
	umull x2, w0, w1
	ASSERT_EQ(x2, 0xfffffffe00000001)
	smull x2, w0, w1 /* -1 * -1 */
	ASSERT_EQ(x2, 1)

	/* division rounds toward zero; remainder = n - q * d */
	mov x0, 100
	mov x1, 7
	udiv x2, x0, x1
	msub x3, x2, x1, x0
	ASSERT_EQ(x2, 14)
	ASSERT_EQ(x3, 2)
	mov x0, -7
	mov x1, 2
	sdiv x2, x0, x1
	msub x3, x2, x1, x0
	ASSERT_EQ(x2, -3)
	ASSERT_EQ(x3, -1)

	/* no trap on division by zero, and INT64_MIN / -1 wraps */
	mov x0, 5
	udiv x2, x0, xzr
	ASSERT_EQ(x2, 0)
	mov x0, 0x8000000000000000
	mov x1, -1
	sdiv x2, x0, x1
	ASSERT_EQ(x2, 0x8000000000000000)

	/* shifts as power-of-two multiply and divide */
	mov x0, -7
	asr x1, x0, 1
	ASSERT_EQ(x1, -4)
	lsl x1, x0, 3
	ASSERT_EQ(x1, -56)

	mov w0, 0
	ret
