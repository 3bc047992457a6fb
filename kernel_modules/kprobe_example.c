// SPDX-License-Identifier: GPL-2.0
/*
 * A kprobe: the kernel patches a breakpoint over the first instruction of
 * the function named by the `symbol` parameter (kernel_clone by default, run
 * by every fork, vfork and clone) and calls our handler each time it is hit,
 * before the function runs. /sys/kernel/debug/lkmc_kprobe_example shows the
 * hit count; each hit also logs the task that made it. While loaded, the
 * probe is listed in /sys/kernel/debug/kprobes/list. Needs CONFIG_KPROBES.
 * Seed section 16.13.3.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/sched.h>

static char *symbol = "kernel_clone";
module_param(symbol, charp, 0444);
MODULE_PARM_DESC(symbol, "kernel function to probe (default kernel_clone)");

static atomic_t hits = ATOMIC_INIT(0);

/* Runs in the probed context, with preemption off: no sleeping here. */
static int lkmc_pre_handler(struct kprobe *p, struct pt_regs *regs)
{
	int n = atomic_inc_return(&hits);

	pr_info("hit %d: %s by %s pid %d\n", n, p->symbol_name, current->comm,
		task_pid_nr(current));
	return 0;
}

static struct kprobe kp = {
	.pre_handler = lkmc_pre_handler,
};

static int __init kprobe_example_init(void)
{
	int ret;

	kp.symbol_name = symbol;
	ret = register_kprobe(&kp);
	if (ret) {
		pr_err("register_kprobe(%s): %d\n", symbol, ret);
		return ret;
	}
	pr_info("planted at %pS\n", kp.addr);
	debugfs_create_atomic_t("lkmc_kprobe_example", 0444, NULL, &hits);
	return 0;
}

static void __exit kprobe_example_exit(void)
{
	debugfs_lookup_and_remove("lkmc_kprobe_example", NULL);
	/* Waits for handlers running on other CPUs before the module goes. */
	unregister_kprobe(&kp);
	pr_info("removed after %d hits\n", atomic_read(&hits));
}

module_init(kprobe_example_init);
module_exit(kprobe_example_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A kprobe that counts calls to a kernel function");
