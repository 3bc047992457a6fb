// SPDX-License-Identifier: GPL-2.0
/*
 * A character device whose /dev node appears by itself: a dynamic device
 * number (alloc_chrdev_region), a struct cdev for its file_operations, and a
 * class plus device_create(), which makes the sysfs device whose uevent
 * devtmpfs (and udev or mdev) turn into /dev/lkmc_character_device_create.
 * Reads return "abcd\n"; writes replace the content.
 * Seed section 16.7.4.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#define NAME "lkmc_character_device_create"

static dev_t devt;
static struct cdev cdev;
static struct class *class;
static struct device *device;
static char data[64] = "abcd\n";
static size_t data_len = 5;
static DEFINE_MUTEX(data_lock);

static ssize_t cdc_read(struct file *file, char __user *buf, size_t len,
			loff_t *off)
{
	ssize_t ret;

	mutex_lock(&data_lock);
	ret = simple_read_from_buffer(buf, len, off, data, data_len);
	mutex_unlock(&data_lock);
	return ret;
}

static ssize_t cdc_write(struct file *file, const char __user *buf,
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

static const struct file_operations cdc_fops = {
	.owner = THIS_MODULE,
	.read = cdc_read,
	.write = cdc_write,
	.llseek = default_llseek,
};

static int __init cdc_init(void)
{
	int ret;

	ret = alloc_chrdev_region(&devt, 0, 1, NAME);
	if (ret)
		return ret;
	cdev_init(&cdev, &cdc_fops);
	cdev.owner = THIS_MODULE;
	ret = cdev_add(&cdev, devt, 1);
	if (ret)
		goto err_region;
	class = class_create(THIS_MODULE, NAME);
	if (IS_ERR(class)) {
		ret = PTR_ERR(class);
		goto err_cdev;
	}
	device = device_create(class, NULL, devt, NULL, NAME);
	if (IS_ERR(device)) {
		ret = PTR_ERR(device);
		goto err_class;
	}
	pr_info("dev %u:%u\n", MAJOR(devt), MINOR(devt));
	return 0;

err_class:
	class_destroy(class);
err_cdev:
	cdev_del(&cdev);
err_region:
	unregister_chrdev_region(devt, 1);
	return ret;
}

static void __exit cdc_exit(void)
{
	/* Reverse order: the node goes first, the device number last. */
	device_destroy(class, devt);
	class_destroy(class);
	cdev_del(&cdev);
	unregister_chrdev_region(devt, 1);
}

module_init(cdc_init);
module_exit(cdc_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A character device whose /dev node devtmpfs creates");
