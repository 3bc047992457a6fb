// SPDX-License-Identifier: GPL-2.0
/*
 * A kernel thread that prints 0..9 over and over, one number every
 * period_ms milliseconds, until rmmod stops it. Seed section 16.9.
 * /sys/kernel/debug/kthread_context shows the context of the calls (see
 * lkmc_context.h): our kernel thread, lkmc_kthread.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>

#include "lkmc_context.h"

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two numbers (default 1000)");

static struct task_struct *thread;
static struct lkmc_context ctx = { .name = "kthread" };

static struct dentry *context_file;

static int context_show(struct seq_file *m, void *v)
{
	lkmc_context_show(m, &ctx);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(context);

static int lkmc_kthread_fn(void *data)
{
	unsigned int count = 0;

	while (!kthread_should_stop()) {
		lkmc_context_record(&ctx, NULL);
		pr_info("%u\n", count);
		count = (count + 1) % 10;
		/*
		 * An interruptible sleep: kthread_stop() wakes us up, so rmmod
		 * does not have to wait for the rest of the period.
		 */
		schedule_timeout_interruptible(msecs_to_jiffies(period_ms));
	}
	return 0;
}

static int __init lkmc_kthread_init(void)
{
	if (!period_ms)
		return -EINVAL;
	thread = kthread_run(lkmc_kthread_fn, NULL, "lkmc_kthread");
	if (IS_ERR(thread))
		return PTR_ERR(thread);
	context_file = debugfs_create_file("kthread_context", 0444, NULL, NULL,
					   &context_fops);
	return 0;
}

static void __exit lkmc_kthread_exit(void)
{
	debugfs_remove(context_file);
	kthread_stop(thread);
}

module_init(lkmc_kthread_init);
module_exit(lkmc_kthread_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A kernel thread printing 0..9 repeatedly until rmmod");
