// SPDX-License-Identifier: GPL-2.0
/*
 * One message per printk log level, at insmod and again at rmmod.
 * `dmesg -r` shows each level as <N>: pr_alert is <1> ... pr_info <6>.
 * pr_emerg (<0>) is left out because it reaches every console whatever the
 * console log level.
 *
 * With CONFIG_DYNAMIC_DEBUG, pr_debug is off until enabled, e.g.
 *   echo 'module myprintk +p' > /sys/kernel/debug/dynamic_debug/control
 * (then the rmmod message shows), or at load with `insmod myprintk.ko
 * dyndbg=+p`. Seed sections 16.4 (printk, pr_debug).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static void myprintk_all(const char *when)
{
	pr_alert("pr_alert %s\n", when);
	pr_crit("pr_crit %s\n", when);
	pr_err("pr_err %s\n", when);
	pr_warn("pr_warn %s\n", when);
	pr_notice("pr_notice %s\n", when);
	pr_info("pr_info %s\n", when);
	pr_debug("printk debug %s\n", when);
}

static int __init myprintk_init(void)
{
	myprintk_all("init");
	return 0;
}

static void __exit myprintk_exit(void)
{
	myprintk_all("cleanup");
}

module_init(myprintk_init);
module_exit(myprintk_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("One printk per log level, and a pr_debug");
