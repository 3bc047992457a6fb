// SPDX-License-Identifier: GPL-2.0
/*
 * Writes through a NULL pointer at insmod. The fault in kernel mode is an
 * oops: the kernel prints "... kernel NULL pointer dereference ...", the
 * registers and a trace, and kills insmod, but keeps running unless
 * panic_on_oops is set. The module stays in /proc/modules in state
 * "Loading" and cannot be removed. Seed section 16.6.2.
 */
#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/module.h>

static int __init lkmc_oops_init(void)
{
	int *p = NULL;

	pr_info("oops init\n");
	/*
	 * Hide the constant from the compiler: a known NULL store is undefined
	 * behaviour that GCC may turn into a trap or drop.
	 */
	OPTIMIZER_HIDE_VAR(p);
	WRITE_ONCE(*p, 1);
	/* Never printed: the fault leaves this function. */
	pr_info("oops after\n");
	return 0;
}

static void __exit lkmc_oops_exit(void)
{
}

module_init(lkmc_oops_init);
module_exit(lkmc_oops_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("NULL pointer dereference in init: a kernel oops");
