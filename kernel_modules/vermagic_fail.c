// SPDX-License-Identifier: GPL-2.0
/*
 * Declares a bogus vermagic. Our entry comes before the one that modpost
 * writes into vermagic_fail.mod.c, and the loader reads the first, so insmod
 * fails with ENOEXEC ("Invalid module format") and the kernel logs
 * "version magic 'lkmc bogus vermagic' should be '...'". Seed section 16.5.4.
 */
#include <linux/init.h>
#include <linux/module.h>

MODULE_INFO(vermagic, "lkmc bogus vermagic");

static int __init vermagic_fail_init(void)
{
	/* Never reached: the loader rejects the module before init. */
	pr_info("vermagic_fail init\n");
	return 0;
}

static void __exit vermagic_fail_exit(void)
{
}

module_init(vermagic_fail_init);
module_exit(vermagic_fail_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Has a wrong vermagic, so it never loads");
