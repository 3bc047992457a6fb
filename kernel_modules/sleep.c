// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeps inside module_init: prints 0..n-1, sleeping period_ms after each
 * number, so insmod itself takes n * period_ms. Seed section 16.9.2.
 *
 * The sleeps are interruptible (TASK_INTERRUPTIBLE): while it sleeps, insmod
 * shows as S in ps, not D, uses no CPU (unlike mdelay(), which spins), and a
 * signal (Ctrl-C, kill) ends the sleep: init then fails with EINTR and the
 * module is not loaded. usleep_range() and msleep() sleep uninterruptibly,
 * which would leave insmod unkillable for the whole n * period_ms.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/hrtimer.h>
#include <linux/init.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

static int n = 5;
module_param(n, int, 0444);
MODULE_PARM_DESC(n, "how many numbers to print (default 5)");

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds to sleep after each number (default 1000, max 60000)");

/* Sleeps for ms milliseconds unless a signal comes: 0, or -EINTR. */
static int sleep_interruptible_ms(unsigned int ms)
{
	ktime_t end = ktime_add_ms(ktime_get(), ms);

	while (ktime_before(ktime_get(), end)) {
		if (signal_pending(current))
			return -EINTR;
		set_current_state(TASK_INTERRUPTIBLE);
		/* An absolute end: early wake-ups do not stretch the sleep. */
		schedule_hrtimeout_range(&end, 100 * NSEC_PER_USEC, HRTIMER_MODE_ABS);
	}
	return 0;
}

static int __init lkmc_sleep_init(void)
{
	int i, ret;

	if (n < 0 || period_ms > 60000)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		pr_info("%d\n", i);
		ret = sleep_interruptible_ms(period_ms);
		if (ret) {
			pr_info("interrupted by a signal after %d\n", i);
			return ret;
		}
	}
	return 0;
}

static void __exit lkmc_sleep_exit(void)
{
}

module_init(lkmc_sleep_init);
module_exit(lkmc_sleep_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Sleeps n times inside module_init, interruptibly");
