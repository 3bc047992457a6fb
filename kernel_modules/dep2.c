// SPDX-License-Identifier: GPL-2.0
/*
 * Uses lkmc_dep, exported by dep.ko. The reference makes modpost record
 * "depends=dep" in .modinfo, and makes the kernel refuse to load dep2
 * without dep ("Unknown symbol lkmc_dep"). Seed section 16.5.2.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>

/* dep.ko has no header: declare what it exports. */
extern int lkmc_dep;

static int __init dep2_init(void)
{
	lkmc_dep++;
	pr_info("init lkmc_dep = %d\n", lkmc_dep);
	return 0;
}

static void __exit dep2_exit(void)
{
	pr_info("cleanup\n");
}

module_init(dep2_init);
module_exit(dep2_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Uses lkmc_dep from dep");
