// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/lkmc_poll: a file that gets new data every period_ms
 * milliseconds, and whose poll() says when. A timer stands for a device
 * interrupt: it bumps a counter and wakes the wait queue. Each open file
 * remembers the last counter value it read; poll() reports EPOLLIN while
 * there is a newer one, and read() returns it as text ("<counter>\n").
 * A poller sleeps in the wait queue between timer ticks instead of spinning.
 * userland/kernel_modules/poll.c polls it. Seed section 16.8.3.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two new data (default 1000)");

static struct dentry *file;
static struct timer_list timer;
static bool stopping;
static DECLARE_WAIT_QUEUE_HEAD(waitq);
static unsigned long count;

static void poll_timer_callback(struct timer_list *t)
{
	WRITE_ONCE(count, count + 1);
	wake_up_interruptible(&waitq);
	if (!READ_ONCE(stopping))
		mod_timer(t, jiffies + msecs_to_jiffies(period_ms));
}

static int lkmc_poll_open(struct inode *inode, struct file *f)
{
	/* Data produced before the open is old news. */
	f->private_data = (void *)READ_ONCE(count);
	/* No file position: every read returns the latest value. */
	return stream_open(inode, f);
}

static bool has_news(struct file *f)
{
	return READ_ONCE(count) != (unsigned long)f->private_data;
}

static ssize_t lkmc_poll_read(struct file *f, char __user *buf, size_t len,
			      loff_t *off)
{
	char kbuf[24];
	unsigned long now;
	int n;

	if (!has_news(f)) {
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(waitq, has_news(f)))
			return -ERESTARTSYS;
	}
	now = READ_ONCE(count);
	n = scnprintf(kbuf, sizeof(kbuf), "%lu\n", now);
	if (len < (size_t)n)
		return -EINVAL;
	if (copy_to_user(buf, kbuf, n))
		return -EFAULT;
	f->private_data = (void *)now;
	return n;
}

static __poll_t lkmc_poll_poll(struct file *f, poll_table *wait)
{
	__poll_t ret = 0;

	/* Register on the queue first, then check: no wakeup gets lost. */
	poll_wait(f, &waitq, wait);
	if (has_news(f))
		ret = EPOLLIN | EPOLLRDNORM;
	pr_info("poll %s\n", ret ? "POLLIN" : "0");
	return ret;
}

static const struct file_operations poll_fops = {
	.owner = THIS_MODULE,
	.open = lkmc_poll_open,
	.read = lkmc_poll_read,
	.poll = lkmc_poll_poll,
	.llseek = no_llseek,
};

static int __init lkmc_poll_init(void)
{
	if (!period_ms)
		return -EINVAL;
	file = debugfs_create_file("lkmc_poll", 0444, NULL, NULL, &poll_fops);
	timer_setup(&timer, poll_timer_callback, 0);
	mod_timer(&timer, jiffies + msecs_to_jiffies(period_ms));
	return 0;
}

static void __exit lkmc_poll_exit(void)
{
	debugfs_remove(file);
	WRITE_ONCE(stopping, true);
	del_timer_sync(&timer);
}

module_init(lkmc_poll_init);
module_exit(lkmc_poll_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A file whose poll wakes up when a timer produces data");
