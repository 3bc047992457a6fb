/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where does a callback run? The periodic modules (timer, kthread, kthreads,
 * workqueue_cheat, work_from_work) record the context of each call of their
 * callback and show it in /sys/kernel/debug/<module>_context, one line per
 * context, so that their tests check the mechanism, not just the output:
 *   <name> calls=N task=N softirq=N hardirq=N kthread=N wq_worker=N
 *          this_work=N comm=<comm of the last call>
 * calls: callback calls; task: in_task() (process context); softirq:
 * in_serving_softirq(); hardirq: in_hardirq(); kthread: current is a kernel
 * thread (PF_KTHREAD); wq_worker: current is a workqueue worker
 * (PF_WQ_WORKER); this_work: current_work() is the module's work item.
 */
#ifndef LKMC_CONTEXT_H
#define LKMC_CONTEXT_H

#include <linux/atomic.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/workqueue.h>

struct lkmc_context {
	const char *name;
	atomic_long_t calls, task, softirq, hardirq, kthread, wq_worker, this_work;
	char comm[TASK_COMM_LEN];
};

/* Call at the start of the callback; work: the work item it serves, if any. */
static inline void lkmc_context_record(struct lkmc_context *c,
				       struct work_struct *work)
{
	atomic_long_inc(&c->calls);
	if (in_task())
		atomic_long_inc(&c->task);
	if (in_serving_softirq())
		atomic_long_inc(&c->softirq);
	if (in_hardirq())
		atomic_long_inc(&c->hardirq);
	if (current->flags & PF_KTHREAD)
		atomic_long_inc(&c->kthread);
	if (current->flags & PF_WQ_WORKER)
		atomic_long_inc(&c->wq_worker);
	if (work && current_work() == work)
		atomic_long_inc(&c->this_work);
	/* Diagnostics only: a torn copy is harmless, the reader ends it. */
	memcpy(c->comm, current->comm, sizeof(c->comm));
}

static inline void lkmc_context_show(struct seq_file *m, struct lkmc_context *c)
{
	char comm[TASK_COMM_LEN];

	memcpy(comm, c->comm, sizeof(comm));
	comm[sizeof(comm) - 1] = '\0';
	seq_printf(m, "%s calls=%ld task=%ld softirq=%ld hardirq=%ld kthread=%ld wq_worker=%ld this_work=%ld comm=%s\n",
		   c->name, atomic_long_read(&c->calls), atomic_long_read(&c->task),
		   atomic_long_read(&c->softirq), atomic_long_read(&c->hardirq),
		   atomic_long_read(&c->kthread), atomic_long_read(&c->wq_worker),
		   atomic_long_read(&c->this_work), comm);
}

#endif
