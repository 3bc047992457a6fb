// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/lkmc_seq_file: a file made of n records, one line each,
 * "<i> <i*i>", computed on the fly by a seq_file iterator. Nothing but n is
 * stored. seq_file buffers whole records, and restarts the iteration from
 * the record at the file position after every read() that did not get the
 * whole file, so small reads and lseek work without any extra code here.
 * start and stop print, so the kernel log shows how often that happens.
 * Seed section 16.8.2.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static unsigned int n = 5;
module_param(n, uint, 0444);
MODULE_PARM_DESC(n, "number of records (default 5)");

static struct dentry *file;

/*
 * The iterator is the record index itself, stored in *pos. It must not be
 * NULL for record 0, so hand out pos + 1 cast to a pointer.
 */
static void *iter(loff_t pos)
{
	return pos < n ? (void *)(uintptr_t)(pos + 1) : NULL;
}

static void *lkmc_seq_file_start(struct seq_file *s, loff_t *pos)
{
	pr_info("start %lld\n", *pos);
	return iter(*pos);
}

static void *lkmc_seq_file_next(struct seq_file *s, void *v, loff_t *pos)
{
	++*pos;
	return iter(*pos);
}

static void lkmc_seq_file_stop(struct seq_file *s, void *v)
{
	pr_info("stop\n");
}

static int lkmc_seq_file_show(struct seq_file *s, void *v)
{
	unsigned long i = (uintptr_t)v - 1;

	seq_printf(s, "%lu %lu\n", i, i * i);
	return 0;
}

static const struct seq_operations lkmc_seq_file_seq_ops = {
	.start = lkmc_seq_file_start,
	.next = lkmc_seq_file_next,
	.stop = lkmc_seq_file_stop,
	.show = lkmc_seq_file_show,
};

static int lkmc_seq_file_open(struct inode *inode, struct file *f)
{
	return seq_open(f, &lkmc_seq_file_seq_ops);
}

static const struct file_operations lkmc_seq_file_fops = {
	.owner = THIS_MODULE,
	.open = lkmc_seq_file_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release,
};

static int __init lkmc_seq_file_init(void)
{
	file = debugfs_create_file("lkmc_seq_file", 0444, NULL, NULL,
				   &lkmc_seq_file_fops);
	return 0;
}

static void __exit lkmc_seq_file_exit(void)
{
	debugfs_remove(file);
}

module_init(lkmc_seq_file_init);
module_exit(lkmc_seq_file_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A seq_file that computes its records while it is read");
