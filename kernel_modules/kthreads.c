// SPDX-License-Identifier: GPL-2.0
/*
 * Two kernel threads counting 0..9 over and over in parallel, one number
 * every period_ms milliseconds. Each line is "<thread_id> <count>", so the
 * interleaving of the two threads shows in dmesg. Seed section 16.9.1.
 * /sys/kernel/debug/kthreads_context shows the context of the calls of each
 * id (see lkmc_context.h): id 1 in thread lkmc_kthreads1, id 2 in
 * lkmc_kthreads2.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>

#include "lkmc_context.h"

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two numbers of a thread (default 1000)");

static struct task_struct *threads[2];
static struct lkmc_context ctx[2] = { { .name = "1" }, { .name = "2" } };

static struct dentry *context_file;

static int context_show(struct seq_file *m, void *v)
{
	lkmc_context_show(m, &ctx[0]);
	lkmc_context_show(m, &ctx[1]);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(context);

static int lkmc_kthreads_fn(void *data)
{
	/* The thread id travels in the data pointer: no allocation needed. */
	unsigned long id = (unsigned long)data;
	unsigned int count = 0;

	while (!kthread_should_stop()) {
		lkmc_context_record(&ctx[id - 1], NULL);
		pr_info("%lu %u\n", id, count);
		count = (count + 1) % 10;
		schedule_timeout_interruptible(msecs_to_jiffies(period_ms));
	}
	return 0;
}

static void stop_threads(void)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(threads); i++) {
		if (!IS_ERR_OR_NULL(threads[i]))
			kthread_stop(threads[i]);
		threads[i] = NULL;
	}
}

static int __init lkmc_kthreads_init(void)
{
	unsigned long i;

	if (!period_ms)
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(threads); i++) {
		/* Ids start at 1, as in "1 0", "2 0", "1 1", ... */
		threads[i] = kthread_run(lkmc_kthreads_fn, (void *)(i + 1),
					 "lkmc_kthreads%lu", i + 1);
		if (IS_ERR(threads[i])) {
			int ret = PTR_ERR(threads[i]);

			stop_threads();
			return ret;
		}
	}
	context_file = debugfs_create_file("kthreads_context", 0444, NULL, NULL,
					   &context_fops);
	return 0;
}

static void __exit lkmc_kthreads_exit(void)
{
	debugfs_remove(context_file);
	stop_threads();
}

module_init(lkmc_kthreads_init);
module_exit(lkmc_kthreads_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Two kernel threads counting in parallel");
