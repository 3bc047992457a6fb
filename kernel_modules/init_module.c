// SPDX-License-Identifier: GPL-2.0
/*
 * The old way to name a module's entry points: functions called exactly
 * init_module and cleanup_module, without module_init()/module_exit().
 * module.h declares both, and the struct module that modpost generates
 * points at them by name. Seed section 16.5.5.
 */
#include <linux/init.h>
#include <linux/module.h>

int init_module(void)
{
	pr_info("init_module init\n");
	return 0;
}

void cleanup_module(void)
{
	pr_info("init_module cleanup\n");
}

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Old-style init_module/cleanup_module entry points");
