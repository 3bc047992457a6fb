// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/lkmc_fops: a file whose open, read, write, llseek and
 * release each print a line, to see which calls a command makes (try
 * `sh -x`, cat, dd skip=...). The data is a fixed 16-byte buffer, "abcd"
 * and zeros after insmod: the file size stays 16, and writes overwrite in
 * place from the file position. Seed section 16.8.1.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#define SIZE 16

static char data[SIZE] = "abcd";
static DEFINE_MUTEX(data_lock);
static struct dentry *file;

static int lkmc_fops_open(struct inode *inode, struct file *f)
{
	pr_info("open\n");
	return 0;
}

static ssize_t lkmc_fops_read(struct file *f, char __user *buf, size_t len,
			 loff_t *off)
{
	ssize_t ret;

	mutex_lock(&data_lock);
	ret = simple_read_from_buffer(buf, len, off, data, SIZE);
	mutex_unlock(&data_lock);
	pr_info("read len=%zu ret=%zd\n", len, ret);
	return ret;
}

static ssize_t lkmc_fops_write(struct file *f, const char __user *buf, size_t len,
			  loff_t *off)
{
	ssize_t ret;

	mutex_lock(&data_lock);
	ret = simple_write_to_buffer(data, SIZE, off, buf, len);
	mutex_unlock(&data_lock);
	/* Past the end: tell the writer instead of returning 0 forever. */
	if (ret == 0 && len)
		ret = -ENOSPC;
	pr_info("write len=%zu ret=%zd\n", len, ret);
	return ret;
}

static loff_t lkmc_fops_llseek(struct file *f, loff_t off, int whence)
{
	loff_t ret = fixed_size_llseek(f, off, whence, SIZE);

	pr_info("llseek off=%lld whence=%d ret=%lld\n", off, whence, ret);
	return ret;
}

static int lkmc_fops_release(struct inode *inode, struct file *f)
{
	pr_info("release\n");
	return 0;
}

static const struct file_operations lkmc_fops_fops = {
	.owner = THIS_MODULE,
	.open = lkmc_fops_open,
	.read = lkmc_fops_read,
	.write = lkmc_fops_write,
	.llseek = lkmc_fops_llseek,
	.release = lkmc_fops_release,
};

static int __init lkmc_fops_init(void)
{
	file = debugfs_create_file("lkmc_fops", 0644, NULL, NULL, &lkmc_fops_fops);
	return 0;
}

static void __exit lkmc_fops_exit(void)
{
	debugfs_remove(file);
}

module_init(lkmc_fops_init);
module_exit(lkmc_fops_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A file whose file operations print when called");
