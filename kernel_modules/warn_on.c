// SPDX-License-Identifier: GPL-2.0
/*
 * WARN_ON(cond) prints "WARNING: CPU: ... at <file>:<line>" with a stack
 * trace when cond is true, taints the kernel (W), and returns cond; the
 * caller goes on, so init succeeds and rmmod works. With
 * /proc/sys/kernel/panic_on_warn = 1 it panics instead. `insmod warn_on.ko
 * cond=0` warns nothing. Needs CONFIG_BUG: without it WARN_ON only evaluates
 * cond. Seed section 16.6.4.
 */
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static bool cond = true;
module_param(cond, bool, 0444);
MODULE_PARM_DESC(cond, "the condition given to WARN_ON (default true)");

static int __init warn_on_init(void)
{
	if (WARN_ON(cond))
		pr_info("warn_on init: WARN_ON returned true\n");
	else
		pr_info("warn_on init: WARN_ON returned false\n");
	return 0;
}

static void __exit warn_on_exit(void)
{
	pr_info("warn_on cleanup\n");
}

module_init(warn_on_init);
module_exit(warn_on_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Triggers a WARN_ON at insmod");
