// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/lkmc_sysfs/foo: a kobject with one read/write attribute that
 * holds an int. sysfs hands show() a page to print into and store() the
 * written text; one value per file is the sysfs rule. Seed section 16.7.3.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/kobject.h>
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/sysfs.h>

static int foo;
static struct kobject *kobj;

static ssize_t foo_show(struct kobject *kobj, struct kobj_attribute *attr,
			char *buf)
{
	return sysfs_emit(buf, "%d\n", READ_ONCE(foo));
}

static ssize_t foo_store(struct kobject *kobj, struct kobj_attribute *attr,
			 const char *buf, size_t count)
{
	int val, ret;

	/* kstrtoint accepts one trailing newline, as echo writes. */
	ret = kstrtoint(buf, 0, &val);
	if (ret)
		return ret;
	WRITE_ONCE(foo, val);
	pr_info("foo = %d\n", val);
	return count;
}

static struct kobj_attribute foo_attr = __ATTR_RW(foo);

static struct attribute *lkmc_attrs[] = {
	&foo_attr.attr,
	NULL,
};

static const struct attribute_group lkmc_group = {
	.attrs = lkmc_attrs,
};

static int __init lkmc_sysfs_init(void)
{
	int ret;

	kobj = kobject_create_and_add("lkmc_sysfs", kernel_kobj);
	if (!kobj)
		return -ENOMEM;
	ret = sysfs_create_group(kobj, &lkmc_group);
	if (ret)
		kobject_put(kobj);
	return ret;
}

static void __exit lkmc_sysfs_exit(void)
{
	/* Dropping the last reference removes the directory and its files. */
	kobject_put(kobj);
}

module_init(lkmc_sysfs_init);
module_exit(lkmc_sysfs_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A kobject with a read/write sysfs attribute");
