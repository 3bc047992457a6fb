// SPDX-License-Identifier: GPL-2.0
/*
 * ase_stress [-n THREADS] [-w WRITERS] [-r READERS] [-t CHURN_MS] [-h HOLD_MS] [-k]
 *
 * Stress test for the tracker module (kernel_modules/tracker.c), which must be
 * loaded. Threads are cheap tasks, so the tracked tasks are threads of this
 * process ("victims"), each blocked on its own semaphore until told to exit.
 *  1. Start THREADS victims (default 1024).
 *  2. WRITERS threads (default 4) track every victim at the same time, each
 *     starting at another victim: every TID must be tracked exactly once, all
 *     other writes must fail with EEXIST.
 *  3. /proc/ase must list every victim.
 *  4. For CHURN_MS (default 3000): writers track (+tid) random victims and
 *     untrack (-tid) random victims of the quarter numbered 3 mod 4 (which
 *     never exit), READERS threads (default 4) read random /proc/ase files
 *     (open, read, seek back, read again, close) and list the directory,
 *     while the even-numbered half of the victims exit one by one.
 *     Accepted results: +tid OK, EEXIST or ESRCH; -tid OK or ENOENT; a read
 *     returns one well-formed line for the right pid, or fails with ENOENT.
 *     EIO (or EINVAL from the lseek, which procfs answers on a removed
 *     entry) is accepted only for a victim that may have been untracked
 *     while its file was open (-tid removes an open file; the task's exit
 *     must not): on any other victim, including all that exit, it is a
 *     failure. A read that fails with ENOENT keeps the file open HOLD_MS
 *     (default 20) more milliseconds and reads again: ENOENT again, or EIO
 *     only for a victim that may have been untracked meanwhile.
 *  5. Within 2 s every exited victim's file must be gone (and not listed);
 *     tracking every live victim again gives OK or EEXIST and their files
 *     read well-formed lines.
 * Prints counters and "RESULT ok" or "RESULT fail". With -k it then prints
 * "READY" and waits to be killed, keeping the live victims tracked so the
 * caller can unload the module while they are.
 * Exit status (without -k): 0 ok, 1 failures.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "errno_name.h"
#include "failure.h"

#define CMD "/proc/ase_cmd"
#define DIR_PATH "/proc/ase"

struct victim {
	pthread_t thread;
	sem_t go;		/* posted when the victim should exit */
	atomic_int tid;
	atomic_int tracked;	/* successful writes in phase 2 */
	int stopped;		/* only main writes it, before churn readers care */
};

static struct victim *victims;
static int nvictims = 1024, nwriters = 4, nreaders = 4, churn_ms = 3000, hold_ms = 20;
static long ncpus;
static atomic_int churning;
static atomic_long n_track_ok, n_eexist, n_esrch, n_untrack_ok, n_enoent;
static atomic_long n_read_ok, n_read_enoent, n_read_eio_untracked, n_listings;

static struct timespec t0;

/* Milliseconds since the start, to see where the time goes. */
static long elapsed_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
}

static void sleep_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* Write the decimal value to /proc/ase_cmd: 0 or the errno. */
static int ase_cmd(int fd, int value)
{
	char buf[16];
	int len = snprintf(buf, sizeof(buf), "%d\n", value);

	if (write(fd, buf, len) == len)
		return 0;
	return errno;
}

/*
 * Read /proc/ase/<tid> and check the line: 0 if well formed, else the errno
 * (-1 for a malformed line, already reported).
 */
static int ase_read(int tid)
{
	char path[64], buf[128], nl;
	unsigned long long runtime;
	unsigned int cpu;
	ssize_t len;
	int fd, pid, i;

	snprintf(path, sizeof(path), DIR_PATH "/%d", tid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return errno;
	/* Twice: the task may exit, and the reaper run, before either read. */
	for (i = 0; i < 2; i++) {
		off_t off = lseek(fd, 0, SEEK_SET);

		if (off != 0) {
			int err = errno;

			/*
			 * procfs answers EINVAL to lseek on a removed entry where
			 * read says EIO: count it as EIO.
			 */
			if (off > 0 || err != EINVAL)
				failure("%s: lseek to 0 gave %lld: %s", path, (long long)off,
					errno_name(err));
			close(fd);
			return off < 0 && err == EINVAL ? EIO : -1;
		}
		len = read(fd, buf, sizeof(buf) - 1);
		if (len < 0) {
			int err = errno;

			/*
			 * The task has exited: the file stays, reading ENOENT,
			 * as long as it is open, whatever the reaper does
			 * meanwhile. Keep it open HOLD_MS and read it again.
			 */
			if (err == ENOENT && hold_ms) {
				sleep_us(hold_ms * 1000L);
				if (lseek(fd, 0, SEEK_SET) != 0)
					err = errno == EINVAL ? EIO : errno;
				else if (read(fd, buf, sizeof(buf) - 1) >= 0)
					err = -2;
				else
					err = errno;
				/* Only an exiting victim reads ENOENT: never untracked. */
				if (err != ENOENT) {
					failure("%s: read ENOENT, then %s %d ms later, still open",
						path, err == -2 ? "a line" : errno_name(err), hold_ms);
					err = -1;
				}
			}
			close(fd);
			return err;
		}
		buf[len] = '\0';
		if (sscanf(buf, "pid=%d runtime_ns=%llu cpu=%u%c", &pid, &runtime, &cpu, &nl) != 4 ||
		    nl != '\n' || strchr(buf, '\n') != buf + len - 1 || pid != tid ||
		    cpu >= ncpus) {
			failure("%s: bad content '%s'", path, buf);
			close(fd);
			return -1;
		}
	}
	close(fd);
	return 0;
}

/* Sorted list of the numeric names in /proc/ase; returns the count. */
static int list_dir(int **out)
{
	int n = 0, cap = 256, *a = malloc(cap * sizeof(*a));
	struct dirent *d;
	DIR *dir;

	*out = a;
	dir = opendir(DIR_PATH);
	if (!dir) {
		failure("opendir " DIR_PATH ": %s", errno_name(errno));
		return 0;
	}
	while ((d = readdir(dir))) {
		if (d->d_name[0] < '0' || d->d_name[0] > '9')
			continue;
		if (n == cap)
			a = realloc(a, (cap *= 2) * sizeof(*a));
		a[n++] = atoi(d->d_name);
	}
	closedir(dir);
	*out = a;
	return n;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static int listed(const int *a, int n, int tid)
{
	return bsearch(&tid, a, n, sizeof(*a), cmp_int) != NULL;
}

static void *victim_fn(void *arg)
{
	struct victim *v = arg;

	atomic_store(&v->tid, (int)syscall(SYS_gettid));
	while (sem_wait(&v->go) && errno == EINTR)
		;
	return NULL;
}

static int open_cmd(void)
{
	int fd = open(CMD, O_WRONLY);

	if (fd < 0) {
		failure("open " CMD ": %s", errno_name(errno));
		exit(1);
	}
	return fd;
}

/* Phase 2: track every victim, starting at a different one per writer. */
static void *track_all_fn(void *arg)
{
	long w = (long)arg;
	int fd = open_cmd(), j;

	for (j = 0; j < nvictims; j++) {
		struct victim *v = &victims[(j + w * nvictims / nwriters) % nvictims];
		int err = ase_cmd(fd, v->tid);

		if (!err)
			atomic_fetch_add(&v->tracked, 1);
		else if (err != EEXIST)
			failure("track %d: %s", v->tid, errno_name(err));
	}
	close(fd);
	return NULL;
}

static void *churn_writer_fn(void *arg)
{
	unsigned int seed = (unsigned int)(long)arg * 7919 + 1;
	int fd = open_cmd();

	while (atomic_load(&churning)) {
		int i = rand_r(&seed) % nvictims, tid = victims[i].tid;
		int err;

		if (rand_r(&seed) % 4 == 0) {
			/* Only victims numbered 3 mod 4 are ever untracked. */
			i |= 3;
			if (i >= nvictims)
				i = 3;
			tid = victims[i].tid;
			err = ase_cmd(fd, -tid);
			if (!err)
				atomic_fetch_add(&n_untrack_ok, 1);
			else if (err == ENOENT)
				atomic_fetch_add(&n_enoent, 1);
			else
				failure("untrack %d: %s", tid, errno_name(err));
		} else {
			err = ase_cmd(fd, tid);
			if (!err)
				atomic_fetch_add(&n_track_ok, 1);
			else if (err == EEXIST)
				atomic_fetch_add(&n_eexist, 1);
			else if (err == ESRCH)
				atomic_fetch_add(&n_esrch, 1);
			else
				failure("track %d: %s", tid, errno_name(err));
		}
	}
	close(fd);
	return NULL;
}

static void *churn_reader_fn(void *arg)
{
	unsigned int seed = (unsigned int)(long)arg * 104729 + 3;
	unsigned int i = 0;

	while (atomic_load(&churning)) {
		int v = rand_r(&seed) % nvictims, tid = victims[v].tid;
		int err, *names;

		if (++i % 32 == 0) {
			list_dir(&names);
			free(names);
			atomic_fetch_add(&n_listings, 1);
		}
		err = ase_read(tid);
		if (!err)
			atomic_fetch_add(&n_read_ok, 1);
		else if (err == ENOENT)
			atomic_fetch_add(&n_read_enoent, 1);
		else if (err == EIO && v % 4 == 3)
			atomic_fetch_add(&n_read_eio_untracked, 1);
		else if (err == EIO)
			failure("read %d: EIO, but this victim is never untracked%s", tid,
				v % 2 ? "" : " (its exit must give ENOENT)");
		else if (err > 0)
			failure("read %d: %s", tid, errno_name(err));
	}
	return NULL;
}

static void start(pthread_t *t, int n, void *(*fn)(void *))
{
	long i;

	for (i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, fn, (void *)i)) {
			failure("pthread_create failed");
			exit(1);
		}
}

static void join(pthread_t *t, int n)
{
	int i;

	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
}

int main(int argc, char **argv)
{
	int i, n, opt, keep = 0, live = 0, stopped = 0, *names;
	pthread_t *workers;
	pthread_attr_t attr;
	long waited_ms;

	while ((opt = getopt(argc, argv, "n:w:r:t:h:k")) != -1) {
		switch (opt) {
		case 'n':
			nvictims = atoi(optarg);
			break;
		case 'w':
			nwriters = atoi(optarg);
			break;
		case 'r':
			nreaders = atoi(optarg);
			break;
		case 't':
			churn_ms = atoi(optarg);
			break;
		case 'h':
			hold_ms = atoi(optarg);
			break;
		case 'k':
			keep = 1;
			break;
		default:
			fprintf(stderr, "usage: %s [-n THREADS] [-w WRITERS] [-r READERS] [-t CHURN_MS] [-h HOLD_MS] [-k]\n",
				argv[0]);
			return 2;
		}
	}
	if (nvictims < 4 || nwriters < 1 || nreaders < 1 || churn_ms < 0) {
		fprintf(stderr, "bad arguments\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ncpus = sysconf(_SC_NPROCESSORS_CONF);
	victims = calloc(nvictims, sizeof(*victims));
	workers = calloc(nwriters + nreaders, sizeof(*workers));

	/* 1. Small stacks: 1024 default 8 MiB stacks do not fit a 32-bit address space. */
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 256 * 1024);
	for (i = 0; i < nvictims; i++) {
		sem_init(&victims[i].go, 0, 0);
		if (pthread_create(&victims[i].thread, &attr, victim_fn, &victims[i])) {
			printf("ERROR: could only start %d threads\nRESULT fail\n", i);
			return 1;
		}
	}
	for (i = 0; i < nvictims; i++)
		while (!atomic_load(&victims[i].tid))
			sleep_us(1000);
	printf("%ld ms: started %d threads\n", elapsed_ms(), nvictims);

	/* 2. Concurrent tracking of the same tasks: exactly one write wins. */
	start(workers, nwriters, track_all_fn);
	join(workers, nwriters);
	for (i = 0; i < nvictims; i++)
		if (victims[i].tracked != 1)
			failure("tid %d tracked %d times", victims[i].tid, victims[i].tracked);

	/* 3. All listed. */
	n = list_dir(&names);
	qsort(names, n, sizeof(*names), cmp_int);
	for (i = 0; i < nvictims; i++)
		if (!listed(names, n, victims[i].tid))
			failure("tid %d not in " DIR_PATH, victims[i].tid);
	printf("%ld ms: tracked %d threads, %d entries listed\n", elapsed_ms(), nvictims, n);
	free(names);

	/* 4. Churn while every other victim exits. */
	atomic_store(&churning, 1);
	start(workers, nwriters, churn_writer_fn);
	start(workers + nwriters, nreaders, churn_reader_fn);
	for (i = 0; i < nvictims; i += 2) {
		sleep_us(churn_ms * 1000L / ((nvictims + 1) / 2));
		victims[i].stopped = 1;
		sem_post(&victims[i].go);
		stopped++;
	}
	atomic_store(&churning, 0);
	join(workers, nwriters + nreaders);
	for (i = 0; i < nvictims; i += 2)
		pthread_join(victims[i].thread, NULL);
	live = nvictims - stopped;
	printf("%ld ms: churn: track ok=%ld eexist=%ld esrch=%ld, untrack ok=%ld enoent=%ld, "
	       "read ok=%ld enoent=%ld eio(untracked)=%ld, listings=%ld, exited=%d\n",
	       elapsed_ms(), atomic_load(&n_track_ok), atomic_load(&n_eexist), atomic_load(&n_esrch),
	       atomic_load(&n_untrack_ok), atomic_load(&n_enoent),
	       atomic_load(&n_read_ok), atomic_load(&n_read_enoent),
	       atomic_load(&n_read_eio_untracked), atomic_load(&n_listings), stopped);

	/* 5. Exited victims disappear on their own, within a bounded time. */
	for (waited_ms = 0;; waited_ms += 10) {
		int left = 0, first = 0;
		char path[64];

		for (i = 0; i < nvictims; i += 2) {
			snprintf(path, sizeof(path), DIR_PATH "/%d", victims[i].tid);
			if (access(path, F_OK) == 0 || errno != ENOENT) {
				if (!left++)
					first = victims[i].tid;
			}
		}
		if (!left)
			break;
		if (waited_ms >= 2000) {
			failure("%d files of exited threads still there after 2 s, e.g. %d",
				left, first);
			break;
		}
		sleep_us(10000);
	}
	printf("%ld ms: exited threads' files gone after %ld ms\n", elapsed_ms(), waited_ms);
	n = list_dir(&names);
	qsort(names, n, sizeof(*names), cmp_int);
	for (i = 0; i < nvictims; i += 2)
		if (listed(names, n, victims[i].tid))
			failure("exited tid %d still listed", victims[i].tid);
	free(names);

	{
		int fd = open_cmd();

		for (i = 1; i < nvictims; i += 2) {
			int err = ase_cmd(fd, victims[i].tid);

			if (err && err != EEXIST)
				failure("re-track %d: %s", victims[i].tid, errno_name(err));
			err = ase_read(victims[i].tid);
			if (err > 0)
				failure("read live %d: %s", victims[i].tid, errno_name(err));
		}
		close(fd);
	}
	n = list_dir(&names);
	qsort(names, n, sizeof(*names), cmp_int);
	for (i = 1; i < nvictims; i += 2)
		if (!listed(names, n, victims[i].tid))
			failure("live tid %d not listed", victims[i].tid);
	free(names);
	printf("%ld ms: %d live threads tracked\n", elapsed_ms(), live);

	printf("RESULT %s (%ld errors)\n", errors ? "fail" : "ok", atomic_load(&errors));
	if (keep) {
		printf("READY\n");
		for (;;)
			pause();
	}
	for (i = 1; i < nvictims; i += 2) {
		sem_post(&victims[i].go);
		pthread_join(victims[i].thread, NULL);
	}
	return errors ? 1 : 0;
}
