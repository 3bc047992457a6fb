// SPDX-License-Identifier: GPL-2.0
/* The smallest module: prints on load and on unload. Seed section 1.2. */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init hello_init(void)
{
	pr_info("hello init\n");
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("hello cleanup\n");
}

module_init(hello_init);
module_exit(hello_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Prints hello init and hello cleanup");
