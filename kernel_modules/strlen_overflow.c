// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_FORTIFY_SOURCE catching a read overflow at run time: strlen() of a
 * 4-byte array with no NUL in it. The fortified strlen() knows the array's
 * size from __builtin_object_size(), scans at most that many bytes, and on
 * finding no NUL calls fortify_panic(): "detected buffer overflow in ...",
 * then BUG(). Unlike a plain strlen, this fails every time, whatever lies
 * after the array. Seed section 16.14.1.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

/*
 * The fill byte is a parameter so that GCC cannot see the contents of buf and
 * fold the strlen() at compile time.
 */
static char fill = 'a';
module_param(fill, byte, 0444);
MODULE_PARM_DESC(fill, "byte written to every element of the array");

static char buf[4];

static int __init strlen_overflow_init(void)
{
	memset(buf, fill, sizeof(buf));
	pr_info("strlen_overflow: strlen = %zu\n", strlen(buf));
	return 0;
}

static void __exit strlen_overflow_exit(void)
{
}

module_init(strlen_overflow_init);
module_exit(strlen_overflow_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("FORTIFY_SOURCE detects strlen reading past an array");
