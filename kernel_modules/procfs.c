// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/lkmc_procfs: a procfs file backed by a small kernel buffer. Reads
 * return the buffer ("abcd\n" after insmod); a write from offset 0 replaces
 * it. procfs files take a struct proc_ops, not a struct file_operations.
 * Seed section 16.7.2.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>

#define NAME "lkmc_procfs"

static char data[64] = "abcd\n";
static size_t data_len = 5;
static DEFINE_MUTEX(data_lock);
static struct proc_dir_entry *entry;

static ssize_t lkmc_procfs_read(struct file *file, char __user *buf, size_t len,
			   loff_t *off)
{
	ssize_t ret;

	mutex_lock(&data_lock);
	ret = simple_read_from_buffer(buf, len, off, data, data_len);
	mutex_unlock(&data_lock);
	return ret;
}

static ssize_t lkmc_procfs_write(struct file *file, const char __user *buf,
			    size_t len, loff_t *off)
{
	ssize_t ret;

	mutex_lock(&data_lock);
	ret = simple_write_to_buffer(data, sizeof(data), off, buf, len);
	/* The file ends where the last write ended, like after O_TRUNC. */
	if (ret > 0)
		data_len = *off;
	else if (ret == 0 && len)
		ret = -ENOSPC;
	mutex_unlock(&data_lock);
	return ret;
}

static const struct proc_ops lkmc_procfs_ops = {
	.proc_read = lkmc_procfs_read,
	.proc_write = lkmc_procfs_write,
	.proc_lseek = default_llseek,
};

static int __init lkmc_procfs_init(void)
{
	entry = proc_create(NAME, 0644, NULL, &lkmc_procfs_ops);
	if (!entry)
		return -ENOMEM;
	return 0;
}

static void __exit lkmc_procfs_exit(void)
{
	/* Waits for readers and writers that are inside our proc_ops. */
	proc_remove(entry);
}

module_init(lkmc_procfs_init);
module_exit(lkmc_procfs_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A read/write procfs file backed by a kernel buffer");
