// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/lkmc_anonymous_inode: an ioctl on this file returns a
 * new file descriptor made with anon_inode_getfd(). Such a file has no name
 * anywhere: one filesystem entry can hand out any number of them, each with
 * its own state. Each read() on one returns the next number of the sequence
 * 1, 10, 100, ..., 10000000, 1, 10, ... as text ("<n>\n").
 * userland/kernel_modules/anonymous_inode.c uses it. Seed section 16.8.6.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/anon_inodes.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "anonymous_inode.h"

#define MAX_VALUE 10000000

struct anon_state {
	struct mutex lock;
	u32 value;
};

static struct dentry *file;

static ssize_t anon_read(struct file *f, char __user *buf, size_t len,
			 loff_t *off)
{
	struct anon_state *st = f->private_data;
	char kbuf[16];
	int n;

	mutex_lock(&st->lock);
	n = scnprintf(kbuf, sizeof(kbuf), "%u\n", st->value);
	if (len < (size_t)n) {
		mutex_unlock(&st->lock);
		return -EINVAL;
	}
	st->value = st->value >= MAX_VALUE ? 1 : st->value * 10;
	mutex_unlock(&st->lock);
	if (copy_to_user(buf, kbuf, n))
		return -EFAULT;
	return n;
}

static int anon_release(struct inode *inode, struct file *f)
{
	kfree(f->private_data);
	return 0;
}

static const struct file_operations anon_fops = {
	/* An anonymous file holds a module reference while it is open. */
	.owner = THIS_MODULE,
	.read = anon_read,
	.release = anon_release,
	.llseek = no_llseek,
};

static long anon_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct anon_state *st;
	int fd;

	if (cmd != LKMC_ANONYMOUS_INODE_GET_FD)
		return -ENOTTY;
	st = kzalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	mutex_init(&st->lock);
	st->value = 1;
	fd = anon_inode_getfd("lkmc_anonymous_inode", &anon_fops, st,
			      O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		kfree(st);
	else
		pr_info("new fd %d\n", fd);
	return fd;
}

static const struct file_operations anon_ioctl_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = anon_ioctl,
};

static int __init anon_init(void)
{
	file = debugfs_create_file("lkmc_anonymous_inode", 0600, NULL, NULL,
				   &anon_ioctl_fops);
	return 0;
}

static void __exit anon_exit(void)
{
	debugfs_remove(file);
}

module_init(anon_init);
module_exit(anon_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("An ioctl that returns anonymous inode file descriptors");
