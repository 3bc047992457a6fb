// SPDX-License-Identifier: GPL-2.0
/*
 * A kernel thread that prints 0..9 over and over, one number every
 * period_ms milliseconds, until rmmod stops it. Seed section 16.9.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two numbers (default 1000)");

static struct task_struct *thread;

static int lkmc_kthread_fn(void *data)
{
	unsigned int count = 0;

	while (!kthread_should_stop()) {
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
	return PTR_ERR_OR_ZERO(thread);
}

static void __exit lkmc_kthread_exit(void)
{
	kthread_stop(thread);
}

module_init(lkmc_kthread_init);
module_exit(lkmc_kthread_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A kernel thread printing 0..9 repeatedly until rmmod");
