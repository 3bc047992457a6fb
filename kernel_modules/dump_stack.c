// SPDX-License-Identifier: GPL-2.0
/*
 * dump_stack() prints the current task and its kernel stack trace, like an
 * oops does, but changes nothing: init goes on and rmmod works afterwards.
 * The trace shows lkmc_dump_stack_init [dump_stack] called from
 * do_init_module. Seed section 16.6.3.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init lkmc_dump_stack_init(void)
{
	dump_stack();
	/* Also keeps dump_stack() from being a tail call that hides our frame. */
	pr_info("dump_stack init done\n");
	return 0;
}

static void __exit lkmc_dump_stack_exit(void)
{
	pr_info("dump_stack cleanup\n");
}

module_init(lkmc_dump_stack_init);
module_exit(lkmc_dump_stack_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Prints a stack trace with dump_stack()");
