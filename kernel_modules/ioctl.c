// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/lkmc_ioctl: a file that does nothing but two ioctls,
 * defined in ioctl.h:
 * - LKMC_IOCTL_INC takes a struct, increments its field i and copies the
 *   struct back;
 * - LKMC_IOCTL_STATS returns how many increments were done and the last
 *   result.
 * userland/kernel_modules/ioctl.c calls them. Seed section 16.8.4.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#include "ioctl.h"

static struct lkmc_ioctl_stats stats;
static DEFINE_MUTEX(stats_lock);
static struct dentry *file;

static long lkmc_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;
	struct lkmc_ioctl_inc inc;
	struct lkmc_ioctl_stats copy;

	switch (cmd) {
	case LKMC_IOCTL_INC:
		if (copy_from_user(&inc, uarg, sizeof(inc)))
			return -EFAULT;
		inc.i++;
		mutex_lock(&stats_lock);
		stats.calls++;
		stats.last_i = inc.i;
		mutex_unlock(&stats_lock);
		pr_info("inc i=%u j=%u\n", inc.i, inc.j);
		if (copy_to_user(uarg, &inc, sizeof(inc)))
			return -EFAULT;
		return 0;
	case LKMC_IOCTL_STATS:
		mutex_lock(&stats_lock);
		copy = stats;
		mutex_unlock(&stats_lock);
		if (copy_to_user(uarg, &copy, sizeof(copy)))
			return -EFAULT;
		return 0;
	default:
		/* The errno for "this file has no such ioctl". */
		return -ENOTTY;
	}
}

static const struct file_operations lkmc_ioctl_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = lkmc_ioctl,
};

static int __init lkmc_ioctl_init(void)
{
	file = debugfs_create_file("lkmc_ioctl", 0600, NULL, NULL, &lkmc_ioctl_fops);
	return 0;
}

static void __exit lkmc_ioctl_exit(void)
{
	debugfs_remove(file);
}

module_init(lkmc_ioctl_init);
module_exit(lkmc_ioctl_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A file with two ioctls that pass structs both ways");
