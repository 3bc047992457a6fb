// SPDX-License-Identifier: GPL-2.0
/*
 * Module parameters: `insmod params.ko i=3 j=4` sets i and j.
 * /sys/module/params/parameters/{i,j} read and write them at runtime, and
 * /sys/kernel/debug/lkmc_params prints the current "i j", so a test can see
 * that a sysfs write reached the variables. Seed section 16.5.1.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static int i;
static int j;
/* Owner read/write: the files appear under /sys/module/params/parameters. */
module_param(i, int, 0600);
MODULE_PARM_DESC(i, "my favorite int");
module_param(j, int, 0600);
MODULE_PARM_DESC(j, "my second favorite int");

static struct dentry *file;

static ssize_t lkmc_params_read(struct file *filp, char __user *buf,
				size_t len, loff_t *off)
{
	char text[32];
	int n;

	/* READ_ONCE: sysfs writers change i and j under the param lock only. */
	n = scnprintf(text, sizeof(text), "%d %d\n", READ_ONCE(i), READ_ONCE(j));
	return simple_read_from_buffer(buf, len, off, text, n);
}

static const struct file_operations lkmc_params_fops = {
	.owner = THIS_MODULE,
	.read = lkmc_params_read,
	.llseek = default_llseek,
};

static int __init lkmc_params_init(void)
{
	pr_info("i = %d j = %d\n", i, j);
	file = debugfs_create_file("lkmc_params", 0444, NULL, NULL,
				   &lkmc_params_fops);
	return 0;
}

static void __exit lkmc_params_exit(void)
{
	debugfs_remove(file);
	pr_info("exit i = %d j = %d\n", i, j);
}

module_init(lkmc_params_init);
module_exit(lkmc_params_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Two int parameters, shown in sysfs and debugfs");
