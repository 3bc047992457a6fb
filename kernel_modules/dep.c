// SPDX-License-Identifier: GPL-2.0
/*
 * Exports the variable lkmc_dep for dep2.ko. Loading dep2 needs dep loaded
 * first, and dep cannot be removed while dep2 uses it. dep2 increments the
 * variable at init; dep prints it at exit, so the log shows that both
 * modules saw the same memory. Seed section 16.5.2.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>

int lkmc_dep;
EXPORT_SYMBOL(lkmc_dep);

static int __init dep_init(void)
{
	pr_info("init lkmc_dep = %d\n", lkmc_dep);
	return 0;
}

static void __exit dep_exit(void)
{
	pr_info("cleanup lkmc_dep = %d\n", lkmc_dep);
}

module_init(dep_init);
module_exit(dep_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Exports lkmc_dep for dep2");
