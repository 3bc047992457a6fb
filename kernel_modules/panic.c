// SPDX-License-Identifier: GPL-2.0
/*
 * Panics at insmod: the console shows
 * "Kernel panic - not syncing: hello panic" and a stack trace that names
 * lkmc_panic_init [panic]. Nothing runs after a panic; with panic=-1 on the
 * kernel command line the machine reboots at once. Seed section 16.6.1.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/panic.h>

static int __init lkmc_panic_init(void)
{
	pr_info("panic init\n");
	panic("hello panic");
	return 0;
}

static void __exit lkmc_panic_exit(void)
{
}

module_init(lkmc_panic_init);
module_exit(lkmc_panic_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Panics the kernel with the message hello panic");
