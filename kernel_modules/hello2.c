// SPDX-License-Identifier: GPL-2.0
/*
 * A second hello module: shows that several modules can be loaded side by
 * side, each with its own init and exit. Seed section 1.2.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init hello2_init(void)
{
	pr_info("hello2 init\n");
	return 0;
}

static void __exit hello2_exit(void)
{
	pr_info("hello2 cleanup\n");
}

module_init(hello2_init);
module_exit(hello2_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Prints hello2 init and hello2 cleanup");
