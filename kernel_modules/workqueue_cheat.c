// SPDX-License-Identifier: GPL-2.0
/*
 * A work item on a workqueue of our own that prints a counter (0..9,
 * repeating), sleeps period_ms milliseconds and queues itself again, until
 * rmmod. Not called workqueue.c: the kernel already has a built-in
 * "workqueue" module (see /sys/module/workqueue). Seed section 16.9.3.
 * /sys/kernel/debug/workqueue_cheat_context shows the context of the calls
 * (see lkmc_context.h): a kworker task serving our work item.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "lkmc_context.h"

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two numbers (default 1000)");

static struct workqueue_struct *wq;
static bool stopping;
/* Lets rmmod cut the sleep of a running work item short. */
static DECLARE_WAIT_QUEUE_HEAD(stop_wait);
static unsigned int count;
static struct lkmc_context ctx = { .name = "workqueue_cheat" };

static struct dentry *context_file;

static int context_show(struct seq_file *m, void *v)
{
	lkmc_context_show(m, &ctx);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(context);

static void lkmc_work_fn(struct work_struct *work)
{
	lkmc_context_record(&ctx, work);
	pr_info("%u\n", count);
	count = (count + 1) % 10;
	/*
	 * Sleeping is fine here: the work runs in a kernel thread of our own
	 * workqueue, so it holds up no one else's work items.
	 */
	wait_event_timeout(stop_wait, READ_ONCE(stopping),
			   msecs_to_jiffies(period_ms));
	if (!READ_ONCE(stopping))
		queue_work(wq, work);
}

static DECLARE_WORK(work, lkmc_work_fn);

static int __init lkmc_workqueue_cheat_init(void)
{
	if (!period_ms)
		return -EINVAL;
	wq = alloc_workqueue("lkmc_workqueue", 0, 1);
	if (!wq)
		return -ENOMEM;
	context_file = debugfs_create_file("workqueue_cheat_context", 0444, NULL,
					   NULL, &context_fops);
	queue_work(wq, &work);
	return 0;
}

static void __exit lkmc_workqueue_cheat_exit(void)
{
	WRITE_ONCE(stopping, true);
	wake_up(&stop_wait);
	/* Also copes with a work item that queues itself again. */
	cancel_work_sync(&work);
	destroy_workqueue(wq);
	debugfs_remove(context_file);
}

module_init(lkmc_workqueue_cheat_init);
module_exit(lkmc_workqueue_cheat_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A work item that queues itself again, counting");
