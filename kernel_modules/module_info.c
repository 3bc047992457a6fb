// SPDX-License-Identifier: GPL-2.0
/*
 * Module metadata. The MODULE_* macros below become "key=value" strings in
 * the .modinfo ELF section, which modinfo reads from the .ko. Some of them
 * are also in struct module (THIS_MODULE) and in /sys/module/module_info/
 * (version, srcversion). Seed section 16.5.3.
 */
#include <linux/init.h>
#include <linux/module.h>

static int __init module_info_init(void)
{
	pr_info("name = %s\n", THIS_MODULE->name);
	pr_info("version = %s\n", THIS_MODULE->version);
	return 0;
}

static void __exit module_info_exit(void)
{
}

module_init(module_info_init);
module_exit(module_info_exit);
MODULE_LICENSE("GPL");
MODULE_VERSION("1.0");
MODULE_AUTHOR("lkmc");
MODULE_DESCRIPTION("Shows module metadata");
/* Any key works; modinfo prints it like the standard ones. */
MODULE_INFO(lkmc_key, "lkmc_value");
