// SPDX-License-Identifier: GPL-2.0
/*
 * Listens in on an interrupt line that another driver owns: the handler is
 * registered with IRQF_SHARED next to the real one, counts every interrupt
 * of the line and lets the real driver handle it. The count is in
 * /sys/kernel/debug/lkmc_irq/count. Seed section 16.11.
 *
 * The default line is the serial console's, which fires whenever the UART
 * wants attention:
 * - x86: ttyS0 is on ISA IRQ 4. The 8250 driver only shares its line when
 *   booted with 8250.share_irqs=1 (or CONFIG_SERIAL_8250_SHARE_IRQ=y);
 *   otherwise request_irq() fails with -EBUSY.
 * - arm, aarch64: the PL011 of the device tree, whose Linux IRQ number is
 *   allocated at boot (see /proc/interrupts), so we look it up.
 *
 * Writing N to /sys/kernel/debug/lkmc_irq/trigger makes the line
 * pending in the interrupt controller N times, one after the other, for
 * controllers that allow it (the ARM GIC does, the x86 IO-APIC does not):
 * handy where the device stays silent. Those interrupts are ours, so the
 * handler answers IRQ_HANDLED for them; for the others it answers IRQ_NONE,
 * as they belong to the device's driver. Answering IRQ_NONE to our own
 * would make the kernel's spurious interrupt detection ("irq N: nobody
 * cared") disable the line, and with it the console, after 100000 of them.
 *
 * /sys/kernel/debug/lkmc_irq/ also has: count (handler calls), hardirq
 * (calls that ran in hard interrupt context, in_hardirq(): all of them),
 * raised (interrupts raised through trigger) and handled (calls that
 * answered IRQ_HANDLED).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/printk.h>

static int irq = -1;
module_param(irq, int, 0444);
MODULE_PARM_DESC(irq, "Linux IRQ number to listen to (default -1: the serial console's)");

static unsigned long count, hardirq, raised, handled;
/* Interrupts we raised that the handler has not seen yet. */
static atomic_t ours = ATOMIC_INIT(0);
static struct dentry *dir;

static irqreturn_t lkmc_irq_handler(int irq, void *dev_id)
{
	/* The core never runs the handlers of one line concurrently. */
	count++;
	if (in_hardirq())
		hardirq++;
	pr_debug("handler irq = %d\n", irq);
	/* One we raised ourselves: ours to handle. */
	if (atomic_dec_if_positive(&ours) >= 0) {
		handled++;
		return IRQ_HANDLED;
	}
	/*
	 * Otherwise the interrupt is the device's, which its driver handles.
	 * IRQ_NONE keeps the kernel's spurious interrupt detection working for
	 * the line.
	 */
	return IRQ_NONE;
}

static ssize_t trigger_write(struct file *file, const char __user *buf,
			     size_t len, loff_t *off)
{
	unsigned int n, i, waited;
	int ret;

	ret = kstrtouint_from_user(buf, len, 0, &n);
	if (ret)
		return ret;
	if (n > 1000000)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		atomic_inc(&ours);
		ret = irq_set_irqchip_state(irq, IRQCHIP_STATE_PENDING, true);
		if (ret) {
			atomic_dec(&ours);
			return ret;
		}
		raised++;
		/* One at a time: the controller keeps one pending bit per line. */
		for (waited = 0; atomic_read(&ours) && waited < 100000; waited++)
			udelay(1);
		if (atomic_read(&ours)) {
			/* Not delivered: let the handler forget it. */
			atomic_set(&ours, 0);
			return -ETIMEDOUT;
		}
		if (!(i % 1024))
			cond_resched();
	}
	return len;
}

static const struct file_operations trigger_fops = {
	.owner = THIS_MODULE,
	.write = trigger_write,
	.llseek = noop_llseek,
};

static int console_irq(void)
{
#if defined(CONFIG_X86)
	/* COM1: legacy ISA interrupts keep their numbers on x86. */
	return 4;
#elif defined(CONFIG_OF_IRQ)
	struct device_node *np;
	unsigned int virq = 0;

	for_each_compatible_node(np, NULL, "arm,pl011") {
		if (of_device_is_available(np)) {
			/* Returns the mapping the PL011 driver already has. */
			virq = irq_of_parse_and_map(np, 0);
			of_node_put(np);
			break;
		}
	}
	return virq ? virq : -ENODEV;
#else
	return -ENODEV;
#endif
}

static int __init lkmc_irq_init(void)
{
	int ret;

	if (irq < 0) {
		irq = console_irq();
		if (irq < 0) {
			pr_err("no serial console IRQ found, pass irq=N\n");
			return irq;
		}
	}
	/* dev_id must be unique on a shared line: free_irq() looks it up. */
	ret = request_irq(irq, lkmc_irq_handler, IRQF_SHARED, "lkmc_irq",
			  &count);
	if (ret) {
		pr_err("request_irq irq = %d ret = %d\n", irq, ret);
		return ret;
	}
	pr_info("listening on irq %d\n", irq);
	dir = debugfs_create_dir("lkmc_irq", NULL);
	debugfs_create_ulong("count", 0444, dir, &count);
	debugfs_create_ulong("hardirq", 0444, dir, &hardirq);
	debugfs_create_ulong("raised", 0444, dir, &raised);
	debugfs_create_ulong("handled", 0444, dir, &handled);
	debugfs_create_file("trigger", 0200, dir, NULL, &trigger_fops);
	return 0;
}

static void __exit lkmc_irq_exit(void)
{
	debugfs_remove_recursive(dir);
	free_irq(irq, &count);
}

module_init(lkmc_irq_init);
module_exit(lkmc_irq_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Counts the interrupts of a shared line");
