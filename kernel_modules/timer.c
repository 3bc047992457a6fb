// SPDX-License-Identifier: GPL-2.0
/*
 * A kernel timer that prints a counter (0..9, repeating) every period_ms
 * milliseconds, until rmmod. The callback runs in softirq context, from the
 * timer interrupt: it must not sleep. /sys/kernel/debug/timer_context shows
 * the context of the calls (see lkmc_context.h): all in softirq, none in a
 * task. Seed sections 16.10 and 2.4 (the GDB
 * example breaks on lkmc_timer_callback: keep that name).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/timer.h>

#include "lkmc_context.h"

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two numbers (default 1000)");

static struct timer_list timer;
static bool stopping;
static unsigned int count;
static struct lkmc_context ctx = { .name = "timer" };

static struct dentry *context_file;

static int context_show(struct seq_file *m, void *v)
{
	lkmc_context_show(m, &ctx);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(context);

static void lkmc_timer_callback(struct timer_list *t)
{
	lkmc_context_record(&ctx, NULL);
	pr_info("%u\n", count);
	count = (count + 1) % 10;
	/* A timer fires once: re-arm it for the next period. */
	if (!READ_ONCE(stopping))
		mod_timer(t, jiffies + msecs_to_jiffies(period_ms));
}

static int __init lkmc_timer_init(void)
{
	if (!period_ms)
		return -EINVAL;
	context_file = debugfs_create_file("timer_context", 0444, NULL, NULL,
					   &context_fops);
	timer_setup(&timer, lkmc_timer_callback, 0);
	mod_timer(&timer, jiffies + msecs_to_jiffies(period_ms));
	return 0;
}

static void __exit lkmc_timer_exit(void)
{
	/* Stop the re-arming, then wait for a running callback to finish. */
	WRITE_ONCE(stopping, true);
	del_timer_sync(&timer);
	debugfs_remove(context_file);
}

module_init(lkmc_timer_init);
module_exit(lkmc_timer_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A kernel timer printing a counter every period");
