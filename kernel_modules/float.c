// SPDX-License-Identifier: GPL-2.0
/*
 * x86 only (Kbuild skips it elsewhere). Floating point in the kernel: the
 * kernel does not save user FPU/SSE registers on entry, so code that uses
 * them must do it between kernel_fpu_begin() and kernel_fpu_end(), which
 * save the user state and disable preemption. The kernel is also built with
 * -mno-sse -mno-80387 so that GCC never emits FPU code by itself: double
 * math fails to build ("SSE register return with SSE disabled"). Rather than
 * per-file flags that allow SSE in the whole file (CFLAGS_float.o +=
 * -mhard-float -msse -msse2), the target("sse2") attribute below allows it
 * in the one function that runs between kernel_fpu_begin() and _end().
 *
 * `insmod float.ko num=22 den=7` prints "22 / 7 = 3.142857" (printk has no
 * %f: the module formats the digits with integer math).
 * Seed section 16.5.6.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <asm/fpu/api.h>

static int num = 1;
module_param(num, int, 0444);
MODULE_PARM_DESC(num, "numerator (default 1)");
static int den = 3;
module_param(den, int, 0444);
MODULE_PARM_DESC(den, "denominator, not 0 (default 3)");

/*
 * All floating point code is in this function: target("sse2") lets GCC use
 * SSE here only, and noinline keeps it out of the caller, which also runs
 * outside the kernel_fpu_begin() region.
 */
static noinline __attribute__((target("sse2"))) long long
divide_micro(int a, int b)
{
	double q = (double)a / (double)b;

	/* Rounded to millionths, to go back to integer land. */
	return (long long)(q * 1000000.0 + (q < 0 ? -0.5 : 0.5));
}

static int __init float_init(void)
{
	long long micro;
	long long abs_micro;

	if (!den)
		return -EINVAL;
	kernel_fpu_begin();
	micro = divide_micro(num, den);
	kernel_fpu_end();
	abs_micro = micro < 0 ? -micro : micro;
	pr_info("%d / %d = %s%lld.%06lld\n", num, den, micro < 0 ? "-" : "",
		abs_micro / 1000000, abs_micro % 1000000);
	return 0;
}

static void __exit float_exit(void)
{
}

module_init(float_init);
module_exit(float_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Floating point math between kernel_fpu_begin/end");
