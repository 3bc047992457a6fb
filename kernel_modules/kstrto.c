// SPDX-License-Identifier: GPL-2.0
/*
 * kstrto*(): the kernel's string to integer parsers. Writing a number to
 * /sys/kernel/debug/lkmc_kstrto parses it with kstrtoul_from_user(); reading
 * the file gives that number plus one. Junk, negative numbers and values
 * that do not fit in an unsigned long fail the write (EINVAL, ERANGE) and
 * keep the old value. One trailing newline is accepted, so `echo 1 > file`
 * works. kstrtoul_from_user() parses only the first 66 bytes of a write (34
 * on 32-bit CPUs: a sign, 64 or 32 binary digits and a newline) and ignores
 * the rest, so a longer write is rejected with EINVAL before it gets there
 * (70 zeros then "42" would otherwise store 0). Seed section 16.12.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

/*
 * The most kstrtoul_from_user() looks at: the size of its buffer (sign, one
 * binary digit per bit, newline, terminator) minus the terminator.
 */
#define KSTRTO_MAX_LEN (1 + sizeof(unsigned long) * 8 + 1)

static unsigned long value;
static struct dentry *file;

static ssize_t kstrto_read(struct file *filp, char __user *buf, size_t len,
			   loff_t *off)
{
	char text[24];
	int n;

	n = scnprintf(text, sizeof(text), "%lu\n", READ_ONCE(value) + 1);
	return simple_read_from_buffer(buf, len, off, text, n);
}

static ssize_t kstrto_write(struct file *filp, const char __user *buf,
			    size_t len, loff_t *off)
{
	unsigned long v;
	int ret;

	if (len > KSTRTO_MAX_LEN) {
		pr_info("rejected write: %d (%zu bytes, more than %zu)\n", -EINVAL,
			len, KSTRTO_MAX_LEN);
		return -EINVAL;
	}
	/* Base 0: "0x10" and "010" work like in C. */
	ret = kstrtoul_from_user(buf, len, 0, &v);
	if (ret) {
		pr_info("rejected write: %d\n", ret);
		return ret;
	}
	WRITE_ONCE(value, v);
	return len;
}

static const struct file_operations kstrto_fops = {
	.owner = THIS_MODULE,
	.read = kstrto_read,
	.write = kstrto_write,
	.llseek = default_llseek,
};

static int __init kstrto_init(void)
{
	file = debugfs_create_file("lkmc_kstrto", 0644, NULL, NULL,
				   &kstrto_fops);
	return 0;
}

static void __exit kstrto_exit(void)
{
	debugfs_remove(file);
}

module_init(kstrto_init);
module_exit(kstrto_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Parses numbers written to debugfs with kstrtoul");
