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
 *   EEXIST  <pid>: the task is already tracked (the entry is left as it is),
 *           or the file name is still taken (see "A file name" below)
 *   ENOENT  -<pid>: that PID is not tracked
 *   ENOMEM  out of memory
 *
 * Task exit. Linux 6.1 gives a module no exit notification it may use:
 * profile_event_register() is gone, the sched_process_exit tracepoint is not
 * exported (and tracing is off in this kernel), and the course forbids
 * kprobes. So a kernel thread, ase_reaper, checks every tracked task each
 * check_ms milliseconds (module parameter, default 100; a change applies
 * from the next period) and removes the files of those that exited. open()
 * and read() check the task too, so that the course's example holds at
 * once, whatever the reaper's period:
 *   - open() of the file of an exited task fails with ENOENT;
 *   - a file opened while the task was alive reads ENOENT once the task has
 *     exited, on every read, until it is closed: the file of an exited task
 *     is removed only when nobody has it open (its last close wakes the
 *     reaper), never under an open reader.
 * Only `-<pid>` and rmmod remove a file that is open; further reads of it
 * then fail with EIO (procfs does that once the entry is gone).
 *
 * Locking and lifetime.
 *  - ase_lock (a mutex) protects the hash table and the creation and removal
 *    of the files in /proc/ase. It is taken by writers of /proc/ase_cmd, by
 *    the reaper and on unload, never by open, read or close, so
 *    proc_remove() may be called with it held: proc_remove() sleeps until
 *    callers inside the file's operations have left and calls our release
 *    for files still open, and none of those wait for ase_lock.
 *  - Each entry has a spinlock of its own for its open count and its dead
 *    flag. dead goes from false to true once, when someone sees the task
 *    exited; open() counts itself only while dead is false. So once the
 *    reaper saw dead with no opener under that lock, nobody can open the
 *    file any more and it may remove it.
 *  - A reader uses the entry given as the file's private data. That is safe
 *    because an entry is freed only after proc_remove() of its file returned,
 *    and procfs runs no operation of a removed file.
 *  - An entry holds a reference to the struct pid (find_get_pid), not to the
 *    task: the struct pid stays valid after the task is gone, and if the
 *    number is reused by a new task, that task gets a new struct pid, so
 *    pid_task() on ours returns NULL and the old task is seen as exited.
 *    Task references are short: get_pid_task()/put_task_struct() in the read
 *    path, pid_task() under rcu_read_lock() elsewhere.
 *  - A file name is taken as long as its entry exists. Tracking a number
 *    whose name is still taken by another struct pid (an exited task whose
 *    file is still open, or a live task of another PID namespace with the
 *    same number) fails with EEXIST.
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
#include <linux/spinlock.h>
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
	spinlock_t lock;	/* protects opens and dead */
	unsigned int opens;	/* open files of pde */
	bool dead;		/* the task was seen exited; never goes back */
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

/* Whether the task behind @pid is alive; callable under a spinlock. */
static bool ase_pid_alive(struct pid *pid)
{
	bool alive;

	rcu_read_lock();
	alive = ase_task_alive(pid_task(pid, PIDTYPE_PID));
	rcu_read_unlock();
	return alive;
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

/*
 * Mark @e dead if its task has exited. Returns true if the entry is dead and
 * nobody has its file open: the reaper may remove it. Caller holds e->lock.
 */
static bool ase_check_dead_locked(struct ase_entry *e)
{
	lockdep_assert_held(&e->lock);
	if (!e->dead && !ase_pid_alive(e->pid))
		e->dead = true;
	return e->dead && !e->opens;
}

/* Readers saw the task exited: from now on the file reads ENOENT. */
static void ase_mark_dead(struct ase_entry *e)
{
	spin_lock(&e->lock);
	e->dead = true;
	spin_unlock(&e->lock);
}

/*
 * One record, at position 0. Once the task has exited, every read fails with
 * ENOENT, whatever the position, until the file is closed: our file is open,
 * so the reaper leaves the entry alone, and the last close wakes it.
 */
static void *ase_seq_start(struct seq_file *m, loff_t *pos)
{
	struct ase_entry *e = m->private;

	if (READ_ONCE(e->dead) || !ase_pid_alive(e->pid)) {
		ase_mark_dead(e);
		return ERR_PTR(-ENOENT);
	}
	return *pos ? NULL : SEQ_START_TOKEN;
}

static void *ase_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return NULL;
}

static void ase_seq_stop(struct seq_file *m, void *v)
{
}

static int ase_seq_show(struct seq_file *m, void *v)
{
	/* Valid here: the entry is freed only after its file is removed. */
	struct ase_entry *e = m->private;
	struct task_struct *task;
	unsigned int cpu;
	u64 runtime;

	task = ase_get_live_task(e->pid);
	if (!task) {
		/* It exited since ase_seq_start() looked. */
		ase_mark_dead(e);
		return -ENOENT;
	}
	runtime = ase_runtime(task);
	cpu = task_cpu(task);
	put_task_struct(task);
	seq_printf(m, "pid=%d runtime_ns=%llu cpu=%u\n", e->nr, runtime, cpu);
	return 0;
}

static const struct seq_operations ase_seq_ops = {
	.start = ase_seq_start,
	.next = ase_seq_next,
	.stop = ase_seq_stop,
	.show = ase_seq_show,
};

/* Uncount an open file; the last close of a dead entry wakes the reaper. */
static void ase_put_open(struct ase_entry *e)
{
	bool reap;

	spin_lock(&e->lock);
	e->opens--;
	reap = e->dead && !e->opens;
	spin_unlock(&e->lock);
	if (reap)
		ase_kick_reaper();
}

static int ase_open(struct inode *inode, struct file *file)
{
	struct ase_entry *e = pde_data(inode);
	bool ok, reap;
	int ret;

	spin_lock(&e->lock);
	reap = ase_check_dead_locked(e);
	ok = !e->dead;
	if (ok)
		e->opens++;
	spin_unlock(&e->lock);
	if (!ok) {
		/* The task has exited: the file will go, as if it were gone. */
		if (reap)
			ase_kick_reaper();
		return -ENOENT;
	}
	ret = seq_open(file, &ase_seq_ops);
	if (ret) {
		ase_put_open(e);
		return ret;
	}
	((struct seq_file *)file->private_data)->private = e;
	return 0;
}

/*
 * Called on the last close of a file, or by proc_remove() for a file still
 * open (-<pid>, rmmod): must not take ase_lock, which proc_remove()'s callers
 * hold.
 */
static int ase_release(struct inode *inode, struct file *file)
{
	ase_put_open(pde_data(inode));
	return seq_release(inode, file);
}

static const struct proc_ops ase_file_ops = {
	.proc_open = ase_open,
	.proc_read_iter = seq_read_iter,
	.proc_lseek = seq_lseek,
	.proc_release = ase_release,
};

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
	spin_lock_init(&e->lock);
	snprintf(name, sizeof(name), "%d", nr);

	mutex_lock(&ase_lock);
	old = ase_find(nr);
	if (old) {
		bool reap;

		/*
		 * Same number, other struct pid: either the old task exited and
		 * its number was reused before the reaper ran, or the old one is
		 * a task of another PID namespace. The name is free only in the
		 * first case, and only if nobody has the old file open.
		 */
		spin_lock(&old->lock);
		reap = old->pid != pid && ase_check_dead_locked(old);
		spin_unlock(&old->lock);
		if (!reap) {
			ret = -EEXIST;
			goto out_unlock;
		}
		ase_destroy(old);
	}
	e->pde = proc_create_data(name, 0444, ase_dir, &ase_file_ops, e);
	if (!e->pde) {
		/* Not a name clash: every name in /proc/ase is in the table. */
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

/* Remove the entries of tasks that have exited, unless their file is open. */
static void ase_reap(void)
{
	struct hlist_node *tmp;
	struct ase_entry *e;
	bool reap;
	int bkt;

	mutex_lock(&ase_lock);
	hash_for_each_safe(ase_table, bkt, tmp, e, node) {
		spin_lock(&e->lock);
		reap = ase_check_dead_locked(e);
		spin_unlock(&e->lock);
		/* Nobody can open it now: dead stays set, open() checks it. */
		if (reap)
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
