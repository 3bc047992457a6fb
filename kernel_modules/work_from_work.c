// SPDX-License-Identifier: GPL-2.0
/*
 * A delayed work item that prints a counter (0..9, repeating) and then
 * queues itself again with a delay of period_ms milliseconds: the waiting
 * is done by the workqueue's timer, the work itself never sleeps.
 * /sys/kernel/debug/work_from_work_context shows the context of the calls
 * (see lkmc_context.h): a kworker task serving our work item.
 * Seed section 16.9.3.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/workqueue.h>

#include "lkmc_context.h"

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two numbers (default 1000)");

static unsigned int count;
static struct lkmc_context ctx = { .name = "work_from_work" };

static struct dentry *context_file;

static int context_show(struct seq_file *m, void *v)
{
	lkmc_context_show(m, &ctx);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(context);

static void lkmc_work_fn(struct work_struct *work);
static DECLARE_DELAYED_WORK(dwork, lkmc_work_fn);

static void lkmc_work_fn(struct work_struct *work)
{
	lkmc_context_record(&ctx, &dwork.work);
	pr_info("%u\n", count);
	count = (count + 1) % 10;
	/* The system workqueue is fine: this work never blocks. */
	schedule_delayed_work(&dwork, msecs_to_jiffies(period_ms));
}

static int __init lkmc_work_from_work_init(void)
{
	if (!period_ms)
		return -EINVAL;
	context_file = debugfs_create_file("work_from_work_context", 0444, NULL,
					   NULL, &context_fops);
	schedule_delayed_work(&dwork, 0);
	return 0;
}

static void __exit lkmc_work_from_work_exit(void)
{
	/* Made for work that queues itself: it stops the chain for good. */
	cancel_delayed_work_sync(&dwork);
	debugfs_remove(context_file);
}

module_init(lkmc_work_from_work_init);
module_exit(lkmc_work_from_work_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Delayed work queued again from the work itself");
