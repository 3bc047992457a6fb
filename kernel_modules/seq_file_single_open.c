// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/lkmc_seq_file_single_open: a seq_file with one record
 * that holds the whole file. single_open() supplies the iterator, so only
 * show() is left to write: the easy way when the content is small and known
 * at once. The content reflects the module parameter x. Seed section 16.8.2.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static int x = 1;
module_param(x, int, 0644);
MODULE_PARM_DESC(x, "value shown in the file (default 1)");

static struct dentry *file;

static int single_show(struct seq_file *s, void *v)
{
	int val = READ_ONCE(x);

	seq_puts(s, "ab\n");
	seq_printf(s, "x = %d\n", val);
	seq_printf(s, "2x = %d\n", 2 * val);
	return 0;
}

static int single_open_open(struct inode *inode, struct file *f)
{
	return single_open(f, single_show, NULL);
}

static const struct file_operations single_fops = {
	.owner = THIS_MODULE,
	.open = single_open_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static int __init single_init(void)
{
	file = debugfs_create_file("lkmc_seq_file_single_open", 0444, NULL,
				   NULL, &single_fops);
	return 0;
}

static void __exit single_exit(void)
{
	debugfs_remove(file);
}

module_init(single_init);
module_exit(single_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A seq_file made with single_open");
