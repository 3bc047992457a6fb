// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/lkmc_debugfs/myfile: a debugfs file that reads and
 * writes the u32 variable `value` in decimal. debugfs_create_u32() writes
 * the file_operations for us. rmmod prints the value, so the log shows that
 * writes from userland reached the kernel variable. Seed section 16.7.1.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/module.h>

static u32 value = 42;
static struct dentry *dir;

static int __init lkmc_debugfs_init(void)
{
	/*
	 * debugfs calls return error pointers that the other debugfs calls
	 * accept, so a debugfs failure never needs handling here.
	 */
	dir = debugfs_create_dir("lkmc_debugfs", NULL);
	debugfs_create_u32("myfile", 0644, dir, &value);
	return 0;
}

static void __exit lkmc_debugfs_exit(void)
{
	/* Removes the files first, so nobody writes value after this. */
	debugfs_remove(dir);
	pr_info("value = %u\n", value);
}

module_init(lkmc_debugfs_init);
module_exit(lkmc_debugfs_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A debugfs file that reads and writes a u32");
