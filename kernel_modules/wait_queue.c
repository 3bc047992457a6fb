// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues. A producer kernel thread makes an event every period_ms
 * milliseconds: it counts it, prints "0 <event>" and wakes up the wait
 * queue. Two consumer threads sleep on the queue and print
 * "<thread_id> <event>" for each event they see. Userland can wait too:
 * a read of /sys/kernel/debug/lkmc_wait_queue blocks until the next event
 * and returns its number. Seed section 16.9.5.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/wait.h>

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two events (default 1000)");

static DECLARE_WAIT_QUEUE_HEAD(queue);
/* Number of events so far; only the producer writes it. */
static unsigned int events;
/* threads[0] is the producer, 1 and 2 the consumers. */
static struct task_struct *threads[3];
static struct dentry *debugfs_file;

static int producer_fn(void *data)
{
	while (!kthread_should_stop()) {
		schedule_timeout_interruptible(msecs_to_jiffies(period_ms));
		if (kthread_should_stop())
			break;
		WRITE_ONCE(events, events + 1);
		pr_info("0 %u\n", events);
		wake_up_interruptible(&queue);
	}
	return 0;
}

static int consumer_fn(void *data)
{
	unsigned long id = (unsigned long)data;
	unsigned int seen = READ_ONCE(events);

	while (!kthread_should_stop()) {
		/*
		 * Sleeps until the condition holds; it is checked again after
		 * every wake up of the queue. kthread_stop() wakes us directly.
		 */
		wait_event_interruptible(queue, READ_ONCE(events) != seen ||
					 kthread_should_stop());
		if (kthread_should_stop())
			break;
		seen = READ_ONCE(events);
		pr_info("%lu %u\n", id, seen);
	}
	return 0;
}

/* Each read(2) from offset 0 waits for the next event; then EOF. */
static ssize_t lkmc_read(struct file *file, char __user *buf, size_t len,
			 loff_t *off)
{
	char line[16];
	unsigned int start = READ_ONCE(events);
	int n;

	if (*off)
		return 0;
	/* A signal (Ctrl-C, timeout) ends the wait with -ERESTARTSYS. */
	if (wait_event_interruptible(queue, READ_ONCE(events) != start))
		return -ERESTARTSYS;
	n = scnprintf(line, sizeof(line), "%u\n", READ_ONCE(events));
	return simple_read_from_buffer(buf, len, off, line, n);
}

static const struct file_operations lkmc_fops = {
	/* An open file pins the module, so rmmod cannot pull the queue away. */
	.owner = THIS_MODULE,
	.read = lkmc_read,
	.llseek = noop_llseek,
};

static void stop_threads(void)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(threads); i++) {
		if (!IS_ERR_OR_NULL(threads[i]))
			kthread_stop(threads[i]);
		threads[i] = NULL;
	}
}

static int __init lkmc_wait_queue_init(void)
{
	unsigned long i;

	if (!period_ms)
		return -EINVAL;
	/* Consumers first, so that they do not miss the first event. */
	for (i = ARRAY_SIZE(threads); i-- > 0;) {
		if (i)
			threads[i] = kthread_run(consumer_fn, (void *)i,
						 "lkmc_waiter%lu", i);
		else
			threads[i] = kthread_run(producer_fn, NULL,
						 "lkmc_waker");
		if (IS_ERR(threads[i])) {
			int ret = PTR_ERR(threads[i]);

			stop_threads();
			return ret;
		}
	}
	debugfs_file = debugfs_create_file("lkmc_wait_queue", 0444, NULL, NULL,
					   &lkmc_fops);
	return 0;
}

static void __exit lkmc_wait_queue_exit(void)
{
	debugfs_remove(debugfs_file);
	stop_threads();
}

module_init(lkmc_wait_queue_init);
module_exit(lkmc_wait_queue_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Kernel threads and a debugfs reader sleeping on a wait queue");
