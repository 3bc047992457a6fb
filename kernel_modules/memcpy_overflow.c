// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_FORTIFY_SOURCE catching a write overflow at run time: memcpy() of
 * 8 bytes into a 4-byte array. With a constant length the build would fail
 * ("detected write beyond size of object"); the length is a module
 * parameter, so the check moves to run time, where the fortified memcpy()
 * calls fortify_panic(): "detected buffer overflow in memcpy", then BUG().
 * `insmod memcpy_overflow.ko len=4` copies in bounds and loads fine.
 * Seed section 16.14.1.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

static unsigned int len = 8;
module_param(len, uint, 0444);
MODULE_PARM_DESC(len, "bytes to copy into the 4-byte array (default 8)");

static char dst[4];
static const char src[16] = "0123456789abcde";

static int __init memcpy_overflow_init(void)
{
	memcpy(dst, src, len);
	pr_info("memcpy_overflow: copied %u bytes\n", len);
	return 0;
}

static void __exit memcpy_overflow_exit(void)
{
}

module_init(memcpy_overflow_init);
module_exit(memcpy_overflow_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("FORTIFY_SOURCE detects memcpy writing past an array");
