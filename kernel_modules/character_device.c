// SPDX-License-Identifier: GPL-2.0
/*
 * A character device driver: register_chrdev() with major 0 asks the kernel
 * for a free major, which /proc/devices then lists next to the name
 * lkmc_character_device. Nothing creates the /dev node: userland mknods it
 * with that major (all 256 minors are ours). The device is a small buffer:
 * reads return it ("abcd\n" after insmod) and a write from offset 0 replaces
 * it. Seed section 16.7.4.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#define NAME "lkmc_character_device"

static int major;
static char data[64] = "abcd\n";
static size_t data_len = 5;
static DEFINE_MUTEX(data_lock);

static int chrdev_open(struct inode *inode, struct file *file)
{
	/* The minor tells a driver which of its devices this is. */
	pr_info("open major %u minor %u\n", imajor(inode), iminor(inode));
	return 0;
}

static ssize_t chrdev_read(struct file *file, char __user *buf, size_t len,
			   loff_t *off)
{
	ssize_t ret;

	mutex_lock(&data_lock);
	ret = simple_read_from_buffer(buf, len, off, data, data_len);
	mutex_unlock(&data_lock);
	return ret;
}

static ssize_t chrdev_write(struct file *file, const char __user *buf,
			    size_t len, loff_t *off)
{
	ssize_t ret;

	mutex_lock(&data_lock);
	ret = simple_write_to_buffer(data, sizeof(data), off, buf, len);
	if (ret > 0)
		data_len = *off;
	else if (ret == 0 && len)
		ret = -ENOSPC;
	mutex_unlock(&data_lock);
	return ret;
}

static const struct file_operations chrdev_fops = {
	.owner = THIS_MODULE,
	.open = chrdev_open,
	.read = chrdev_read,
	.write = chrdev_write,
	.llseek = default_llseek,
};

static int __init chrdev_init(void)
{
	major = register_chrdev(0, NAME, &chrdev_fops);
	if (major < 0)
		return major;
	pr_info("major %d\n", major);
	return 0;
}

static void __exit chrdev_exit(void)
{
	unregister_chrdev(major, NAME);
}

module_init(chrdev_init);
module_exit(chrdev_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A character device with a dynamic major, mknod by hand");
