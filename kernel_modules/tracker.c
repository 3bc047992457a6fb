// SPDX-License-Identifier: GPL-2.0
/*
 * tracker: report the execution time and current CPU of chosen tasks through
 * procfs (the course project of seed section "The project").
 *
 * Usage
 *   echo 123 > /proc/ase_cmd    start tracking task 123, creates /proc/ase/123
 *   cat /proc/ase/123           read its CPU time and CPU
 *   echo -123 > /proc/ase_cmd   stop tracking 123: the file goes and the entry
 *                               is freed at once, even if the task still runs
 * /proc/ase_cmd is writable by root only (mode 0200).
 *
 * Output of /proc/ase/<pid>: exactly one line, fields in this fixed order,
 * values in decimal:
 *   pid=<pid> runtime_ns=<ns> cpu=<cpu>\n
 *   pid         the tracked PID, as written to /proc/ase_cmd
 *   runtime_ns  CPU time the task has used so far, in nanoseconds
 *               (task->se.sum_exec_runtime; the scheduler updates it at every
 *               tick and context switch, so for a task running right now it
 *               can lag by up to one tick)
 *   cpu         index of the CPU the task is running on now, or, if it is not
 *               running, the CPU it is queued on or last ran on
 *
 * A PID names one task, i.e. one thread. For a multithreaded process, writing
 * its PID tracks the main thread only and runtime_ns is that thread's time,
 * not the sum over the process; other threads can be tracked by their TID.
 * PIDs are interpreted in the PID namespace of the writer.
 *
 * write() on /proc/ase_cmd returns the full count on success. On error nothing
 * changes and it fails with:
 *   EINVAL  empty write, not a decimal integer (one optional sign and one
 *           trailing newline are accepted, nothing else), 0 or -0, or 32 bytes
 *           or more
 *   ERANGE  the integer does not fit in a pid_t, or is -2147483648
 *   ESRCH   <pid>: no such task, or it has already exited (a zombie counts as
 *           exited)
 *   EEXIST  <pid>: the task is already tracked (the entry is left as it is)
 *   ENOENT  -<pid>: that PID is not tracked
 *   ENOMEM  out of memory
 *
 * Task exit. Linux 6.1 gives a module no exit notification it may use:
 * profile_event_register() is gone, the sched_process_exit tracepoint is not
 * exported (and tracing is off in this kernel), and the course forbids
 * kprobes. So a kernel thread, ase_reaper, checks every tracked task each
 * check_ms milliseconds (module parameter, default 100; a change applies
 * from the next period) and removes the files of those that exited; an entry
 * of an exited task lives at most about check_ms. In addition a read checks the task itself: if it exited, the read
 * fails with ENOENT and wakes the reaper, which removes the file right away.
 * Once the file is removed, open() fails with ENOENT. A file that was already
 * open when its entry went away reads EIO (procfs does that, not us).
 *
 * Locking and lifetime.
 *  - ase_lock (a mutex) protects the hash table and the creation and removal
 *    of the files in /proc/ase. It is taken by writers of /proc/ase_cmd, by
 *    the reaper and on unload, never by readers, so proc_remove() may be
 *    called with it held: proc_remove() sleeps until readers inside the
 *    file's operations have left, and those readers never wait for ase_lock.
 *  - A reader uses the entry given as the file's private data. That is safe
 *    because an entry is freed only after proc_remove() of its file returned,
 *    and procfs runs no operation of a removed file.
 *  - An entry holds a reference to the struct pid (find_get_pid), not to the
 *    task: the struct pid stays valid after the task is gone, and if the
 *    number is reused by a new task, that task gets a new struct pid, so
 *    pid_task() on ours returns NULL and the old task is seen as exited.
 *    Task references are short: get_pid_task()/put_task_struct() in the read
 *    path, pid_task() under rcu_read_lock() in the reaper.
 */
#include <linux/hashtable.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pid.h>
#include <linux/proc_fs.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

static unsigned int check_ms = 100;
module_param(check_ms, uint, 0644);
MODULE_PARM_DESC(check_ms, "Period in ms of the check for exited tasks (1..3600000, default 100)");

/* Longest accepted command is "-2147483647\n" plus leading zeros. */
#define ASE_CMD_MAX 32

struct ase_entry {
	struct hlist_node node;	/* in ase_table, under ase_lock */
	struct pid *pid;	/* reference held until the entry is freed */
	pid_t nr;		/* the number written, also the file name */
	struct proc_dir_entry *pde;
};

/* 2^10 buckets: short chains even with thousands of tracked tasks. */
static DEFINE_HASHTABLE(ase_table, 10);
static DEFINE_MUTEX(ase_lock);
static struct proc_dir_entry *ase_dir, *ase_cmd;
static struct task_struct *ase_reaper;
static DECLARE_WAIT_QUEUE_HEAD(ase_reaper_wq);
/* Set by readers that saw an exited task: the reaper should run now. */
static atomic_t ase_reap_now = ATOMIC_INIT(0);

static bool ase_task_alive(const struct task_struct *task)
{
	/* exit_state is set once the task is a zombie or dead. */
	return task && !READ_ONCE(task->exit_state);
}

/* A reference to the task behind @pid, or NULL if it has exited. */
static struct task_struct *ase_get_live_task(struct pid *pid)
{
	struct task_struct *task = get_pid_task(pid, PIDTYPE_PID);

	if (task && !ase_task_alive(task)) {
		put_task_struct(task);
		task = NULL;
	}
	return task;
}

static u64 ase_runtime(const struct task_struct *task)
{
	u64 a, b;

	/*
	 * The scheduler updates sum_exec_runtime under the runqueue lock, which
	 * a module cannot take. A 64-bit load does not tear on 64-bit CPUs; on
	 * 32-bit ones it can, so read until two loads agree.
	 */
	if (IS_ENABLED(CONFIG_64BIT))
		return READ_ONCE(task->se.sum_exec_runtime);
	do {
		a = READ_ONCE(task->se.sum_exec_runtime);
		b = READ_ONCE(task->se.sum_exec_runtime);
	} while (a != b);
	return a;
}

static void ase_kick_reaper(void)
{
	atomic_set(&ase_reap_now, 1);
	wake_up(&ase_reaper_wq);
}

static int ase_show(struct seq_file *m, void *v)
{
	/* Valid here: the entry is freed only after its file is removed. */
	const struct ase_entry *e = m->private;
	struct task_struct *task;
	unsigned int cpu;
	u64 runtime;

	task = ase_get_live_task(e->pid);
	if (!task) {
		/* Cannot remove our own file from inside its read: ask the reaper. */
		ase_kick_reaper();
		return -ENOENT;
	}
	runtime = ase_runtime(task);
	cpu = task_cpu(task);
	put_task_struct(task);
	seq_printf(m, "pid=%d runtime_ns=%llu cpu=%u\n", e->nr, runtime, cpu);
	return 0;
}

static struct ase_entry *ase_find(pid_t nr)
{
	struct ase_entry *e;

	lockdep_assert_held(&ase_lock);
	hash_for_each_possible(ase_table, e, node, nr)
		if (e->nr == nr)
			return e;
	return NULL;
}

static void ase_destroy(struct ase_entry *e)
{
	lockdep_assert_held(&ase_lock);
	hash_del(&e->node);
	/* Waits for readers still inside the file's operations. */
	proc_remove(e->pde);
	put_pid(e->pid);
	kfree(e);
}

static int ase_track(pid_t nr)
{
	struct task_struct *task;
	struct ase_entry *e, *old;
	char name[ASE_CMD_MAX];
	struct pid *pid;
	int ret = 0;

	pid = find_get_pid(nr);
	if (!pid)
		return -ESRCH;
	task = ase_get_live_task(pid);
	if (!task) {
		put_pid(pid);
		return -ESRCH;
	}
	/*
	 * From now on the struct pid identifies the task. If it exits before
	 * we are done, the reaper removes the new entry soon.
	 */
	put_task_struct(task);

	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e) {
		put_pid(pid);
		return -ENOMEM;
	}
	e->pid = pid;
	e->nr = nr;
	snprintf(name, sizeof(name), "%d", nr);

	mutex_lock(&ase_lock);
	old = ase_find(nr);
	if (old && old->pid == pid) {
		ret = -EEXIST;
		goto out_unlock;
	}
	/*
	 * Same number, other struct pid: the old task exited and its number
	 * was reused before the reaper ran. Drop the stale entry, which also
	 * frees the file name.
	 */
	if (old)
		ase_destroy(old);
	e->pde = proc_create_single_data(name, 0444, ase_dir, ase_show, e);
	if (!e->pde) {
		ret = -ENOMEM;
		goto out_unlock;
	}
	hash_add(ase_table, &e->node, nr);
	e = NULL;
out_unlock:
	mutex_unlock(&ase_lock);
	if (e) {
		put_pid(e->pid);
		kfree(e);
	}
	return ret;
}

static int ase_untrack(pid_t nr)
{
	struct ase_entry *e;
	int ret = -ENOENT;

	mutex_lock(&ase_lock);
	e = ase_find(nr);
	if (e) {
		ase_destroy(e);
		ret = 0;
	}
	mutex_unlock(&ase_lock);
	return ret;
}

static ssize_t ase_cmd_write(struct file *file, const char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	char buf[ASE_CMD_MAX];
	int nr, ret;

	if (count == 0 || count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	/* An embedded NUL would hide trailing junk from kstrtoint(). */
	if (strlen(buf) != count)
		return -EINVAL;
	/* -EINVAL on junk, -ERANGE if it does not fit in an int (pid_t). */
	ret = kstrtoint(buf, 10, &nr);
	if (ret)
		return ret;
	if (nr == 0)
		return -EINVAL;
	/* Its negation does not fit. */
	if (nr == INT_MIN)
		return -ERANGE;
	ret = nr > 0 ? ase_track(nr) : ase_untrack(-nr);
	return ret ? ret : count;
}

static const struct proc_ops ase_cmd_ops = {
	.proc_write = ase_cmd_write,
};

/* Remove the entries of tasks that have exited. */
static void ase_reap(void)
{
	struct hlist_node *tmp;
	struct ase_entry *e;
	bool alive;
	int bkt;

	mutex_lock(&ase_lock);
	hash_for_each_safe(ase_table, bkt, tmp, e, node) {
		rcu_read_lock();
		alive = ase_task_alive(pid_task(e->pid, PIDTYPE_PID));
		rcu_read_unlock();
		if (!alive)
			ase_destroy(e);
	}
	mutex_unlock(&ase_lock);
}

static int ase_reaper_fn(void *unused)
{
	while (!kthread_should_stop()) {
		unsigned int ms = clamp_val(READ_ONCE(check_ms), 1, 3600000);

		/* TASK_IDLE: an idle reaper must not count in the load average. */
		wait_event_idle_timeout(ase_reaper_wq,
					kthread_should_stop() ||
					atomic_xchg(&ase_reap_now, 0),
					msecs_to_jiffies(ms));
		ase_reap();
	}
	return 0;
}

static int __init tracker_init(void)
{
	ase_dir = proc_mkdir("ase", NULL);
	if (!ase_dir)
		return -ENOMEM;
	ase_reaper = kthread_run(ase_reaper_fn, NULL, "ase_reaper");
	if (IS_ERR(ase_reaper)) {
		proc_remove(ase_dir);
		return PTR_ERR(ase_reaper);
	}
	/* Last: no command can arrive before the directory and reaper exist. */
	ase_cmd = proc_create("ase_cmd", 0200, NULL, &ase_cmd_ops);
	if (!ase_cmd) {
		kthread_stop(ase_reaper);
		proc_remove(ase_dir);
		return -ENOMEM;
	}
	return 0;
}

static void __exit tracker_exit(void)
{
	struct hlist_node *tmp;
	struct ase_entry *e;
	int bkt;

	/* Waits for writers in progress; no entry can be added after this. */
	proc_remove(ase_cmd);
	kthread_stop(ase_reaper);
	mutex_lock(&ase_lock);
	hash_for_each_safe(ase_table, bkt, tmp, e, node)
		ase_destroy(e);
	mutex_unlock(&ase_lock);
	proc_remove(ase_dir);
}

module_init(tracker_init);
module_exit(tracker_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Track the execution time and CPU of tasks in /proc/ase");
