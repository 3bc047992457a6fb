// SPDX-License-Identifier: GPL-2.0
/*
 * A kernel thread that never sleeps: it spins on jiffies and prints a
 * counter (0..9, repeating) every period_ms milliseconds. With schedule=1
 * it calls schedule() on every turn of its loop, which lets the other tasks
 * of its CPU run. With schedule=0 it never gives the CPU away: the kernel is
 * not preemptible here (PREEMPT_NONE), so a single-CPU guest hangs for good.
 * More CPUs do not save the day for long: whatever needs every CPU to pass
 * through the scheduler, such as an RCU grace period (rmmod waits for one),
 * waits forever too.
 * cpu=N binds the thread to CPU N, so that a test can put a task of its own
 * on the same CPU and see it get its share of the CPU (it gets none, for
 * good, without schedule()).
 * Seed section 16.9.4.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/processor.h>
#include <linux/sched.h>

/* Named do_schedule in C: a variable called schedule would hide schedule(). */
static bool do_schedule = true;
module_param_named(schedule, do_schedule, bool, 0444);
MODULE_PARM_DESC(schedule, "call schedule() in the loop (default 1); 0 hangs a 1-CPU machine");

static unsigned int period_ms = 1000;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between two numbers (default 1000)");

static int cpu = -1;
module_param(cpu, int, 0444);
MODULE_PARM_DESC(cpu, "CPU to bind the thread to (default -1: any)");

static struct task_struct *thread;

static int lkmc_schedule_fn(void *data)
{
	unsigned long next = jiffies;
	unsigned int count = 0;

	while (!kthread_should_stop()) {
		if (time_after_eq(jiffies, next)) {
			pr_info("%u\n", count);
			count = (count + 1) % 10;
			next = jiffies + msecs_to_jiffies(period_ms);
		}
		/*
		 * The task stays TASK_RUNNING: schedule() only hands the CPU
		 * to whoever else is runnable, then comes back here.
		 */
		if (do_schedule)
			schedule();
		else
			cpu_relax();
	}
	return 0;
}

static int __init lkmc_schedule_init(void)
{
	if (cpu >= 0 && (cpu >= nr_cpu_ids || !cpu_online(cpu)))
		return -EINVAL;
	thread = kthread_create(lkmc_schedule_fn, NULL, "lkmc_schedule");
	if (IS_ERR(thread))
		return PTR_ERR(thread);
	if (cpu >= 0)
		kthread_bind(thread, cpu);
	wake_up_process(thread);
	return 0;
}

static void __exit lkmc_schedule_exit(void)
{
	kthread_stop(thread);
}

module_init(lkmc_schedule_init);
module_exit(lkmc_schedule_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A busy kernel thread that does or does not call schedule()");
