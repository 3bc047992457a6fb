// SPDX-License-Identifier: GPL-2.0
/*
 * Prints the running kernel's utsname: the release is the first word of the
 * vermagic that the kernel compares with a module's "vermagic=" modinfo
 * entry at insmod. Modules cannot use VERMAGIC_STRING since v5.8, so this
 * shows init_utsname() instead. Seed section 16.5.4.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/utsname.h>

static int __init vermagic_init(void)
{
	struct new_utsname *u = init_utsname();

	pr_info("sysname    = %s\n", u->sysname);
	pr_info("nodename   = %s\n", u->nodename);
	pr_info("release    = %s\n", u->release);
	pr_info("version    = %s\n", u->version);
	pr_info("machine    = %s\n", u->machine);
	pr_info("domainname = %s\n", u->domainname);
	return 0;
}

static void __exit vermagic_exit(void)
{
}

module_init(vermagic_init);
module_exit(vermagic_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Prints the running kernel's utsname");
