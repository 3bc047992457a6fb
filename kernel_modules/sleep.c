// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeps inside module_init: prints 0..n-1, sleeping period_ms after each
 * number, so insmod itself takes n * period_ms. Seed section 16.9.2.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/delay.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int n = 5;
module_param(n, int, 0444);
MODULE_PARM_DESC(n, "how many numbers to print (default 5)");

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds to sleep after each number (default 1000, max 60000)");

static int __init lkmc_sleep_init(void)
{
	unsigned long us;
	int i;

	/* Bound the period so that period_ms * 1000 fits in 32 bits. */
	if (n < 0 || period_ms > 60000)
		return -EINVAL;
	us = period_ms * 1000UL;
	for (i = 0; i < n; i++) {
		pr_info("%d\n", i);
		/* Sleeps, letting other tasks run, unlike mdelay() which spins. */
		usleep_range(us, us + 100);
	}
	return 0;
}

static void __exit lkmc_sleep_exit(void)
{
}

module_init(lkmc_sleep_init);
module_exit(lkmc_sleep_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Sleeps n times inside module_init");
