// SPDX-License-Identifier: GPL-2.0
/*
 * ase_race hold|race [-n ROUNDS] [-h HOLD_MS]
 *
 * Reads of /proc/ase/<pid> around the exit of the tracked task, for the
 * tracker module (kernel_modules/tracker.c), which must be loaded. Each round
 * forks a child that waits to be killed, tracks it, and then:
 *
 * hold: opens the child's file and reads it (a well-formed line), kills and
 *   reaps the child, then checks for HOLD_MS (default 50) milliseconds that:
 *   a new open() fails with ENOENT; every read of the file that is still open
 *   fails with ENOENT (read at offset 0 after lseek, pread at offset 5, and
 *   sendfile as busybox cat does); the file is still there (stat) while it is
 *   open. Then it closes the file: the file must be gone within 2 s and
 *   "-<pid>" must then fail with ENOENT.
 * race: two reader threads open, read, seek back, read again and close the
 *   child's file in a loop while the child is killed, reaped and its file
 *   removed by the reaper. Each try must read well-formed lines or fail with
 *   ENOENT, at open or at a read; the file must be gone within 2 s.
 *
 * EIO, or any other error, fails the round: only -<pid> and rmmod may make
 * an open file read EIO, and neither happens here. Prints counters and
 * "RESULT ok" or "RESULT fail". Exit status: 0 ok, 1 failures, 2 usage.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "errno_name.h"
#include "failure.h"

static atomic_long n_ok, n_open_enoent, n_read_enoent;
static atomic_int cur_pid, stop_readers;
static int hold_ms = 50;

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void sleep_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static void path_of(char *path, size_t size, int pid)
{
	snprintf(path, size, "/proc/ase/%d", pid);
}

/* Write the decimal value to /proc/ase_cmd: 0 or the errno. */
static int ase_cmd(int value)
{
	char buf[16];
	int len = snprintf(buf, sizeof(buf), "%d", value), fd, err = 0;

	fd = open("/proc/ase_cmd", O_WRONLY);
	if (fd < 0) {
		failure("open /proc/ase_cmd: %s", errno_name(errno));
		exit(1);
	}
	if (write(fd, buf, len) != len)
		err = errno;
	close(fd);
	return err;
}

/* Check a line read from pid's file; 0 if well formed. */
static int check_line(int pid, const char *buf, ssize_t len)
{
	unsigned long long runtime;
	unsigned int cpu;
	char nl;
	int p;

	if (len <= 0 || sscanf(buf, "pid=%d runtime_ns=%llu cpu=%u%c", &p, &runtime, &cpu, &nl) != 4 ||
	    nl != '\n' || p != pid || strchr(buf, '\n') != buf + len - 1) {
		failure("pid %d: bad content '%.*s'", pid, (int)(len > 0 ? len : 0), buf);
		return -1;
	}
	return 0;
}

/* read(2) at offset 0: 0 and a checked line, or the errno. */
static int read_at0(int fd, int pid)
{
	char buf[128];
	ssize_t len;

	if (lseek(fd, 0, SEEK_SET) != 0)
		return errno;
	len = read(fd, buf, sizeof(buf) - 1);
	if (len < 0)
		return errno;
	buf[len] = '\0';
	return check_line(pid, buf, len) ? -1 : 0;
}

/* A child that waits to be killed; its pid, tracked. */
static int tracked_child(void)
{
	int pid = fork(), err;

	if (pid < 0) {
		failure("fork: %s", errno_name(errno));
		exit(1);
	}
	if (pid == 0) {
		for (;;)
			pause();
	}
	err = ase_cmd(pid);
	if (err) {
		failure("track %d: %s", pid, errno_name(err));
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		return -1;
	}
	return pid;
}

static void kill_reap(int pid)
{
	kill(pid, SIGKILL);
	if (waitpid(pid, NULL, 0) != pid)
		failure("waitpid %d: %s", pid, errno_name(errno));
}

/* Wait up to 2 s for pid's file to go; 0 if it went. */
static int wait_gone(int pid)
{
	char path[64];
	struct stat st;
	int i;

	path_of(path, sizeof(path), pid);
	for (i = 0; i < 200; i++) {
		if (stat(path, &st) && errno == ENOENT)
			return 0;
		sleep_us(10000);
	}
	failure("%s still there 2 s after the exit and the last close", path);
	return -1;
}

static void hold_round(void)
{
	int pid = tracked_child(), fd, fd2, err, devnull;
	char path[64], buf[64];
	struct stat st;
	ssize_t r;
	long end;

	if (pid < 0)
		return;
	path_of(path, sizeof(path), pid);
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		failure("open %s while alive: %s", path, errno_name(errno));
		kill_reap(pid);
		return;
	}
	err = read_at0(fd, pid);
	if (err)
		failure("read %s while alive: %s", path, err > 0 ? errno_name(err) : "bad line");
	else
		atomic_fetch_add(&n_ok, 1);
	kill_reap(pid);
	devnull = open("/dev/null", O_WRONLY);
	end = now_ms() + hold_ms;
	do {
		fd2 = open(path, O_RDONLY);
		if (fd2 >= 0) {
			failure("open %s after the exit succeeded", path);
			close(fd2);
		} else if (errno != ENOENT) {
			failure("open %s after the exit: %s, not ENOENT", path, errno_name(errno));
		} else {
			atomic_fetch_add(&n_open_enoent, 1);
		}
		err = read_at0(fd, pid);
		if (err != ENOENT)
			failure("read %s (open before the exit) at offset 0: %s, not ENOENT", path,
				err > 0 ? errno_name(err) : err ? "bad line" : "a line");
		else
			atomic_fetch_add(&n_read_enoent, 1);
		r = pread(fd, buf, sizeof(buf), 5);
		if (r >= 0 || errno != ENOENT)
			failure("pread %s at offset 5: %s, not ENOENT", path,
				r >= 0 ? "no error" : errno_name(errno));
		lseek(fd, 0, SEEK_SET);
		r = sendfile(devnull, fd, NULL, 4096);
		if (r >= 0 || errno != ENOENT)
			failure("sendfile %s: %s, not ENOENT", path,
				r >= 0 ? "no error" : errno_name(errno));
		if (stat(path, &st))
			failure("%s removed while open: %s", path, errno_name(errno));
		sleep_us(1000);
	} while (now_ms() < end);
	close(devnull);
	close(fd);
	if (!wait_gone(pid)) {
		err = ase_cmd(-pid);
		if (err != ENOENT)
			failure("-%d after the file went: %s, not ENOENT", pid,
				err ? errno_name(err) : "OK");
	}
}

static void *reader_fn(void *arg)
{
	char path[64];
	int pid, fd, err, i;

	(void)arg;
	while (!atomic_load(&stop_readers)) {
		pid = atomic_load(&cur_pid);
		if (!pid) {
			sleep_us(100);
			continue;
		}
		path_of(path, sizeof(path), pid);
		fd = open(path, O_RDONLY);
		if (fd < 0) {
			if (errno == ENOENT)
				atomic_fetch_add(&n_open_enoent, 1);
			else
				failure("open %s: %s", path, errno_name(errno));
			continue;
		}
		/* Twice: the reaper may run between the open and either read. */
		for (i = 0; i < 2; i++) {
			err = read_at0(fd, pid);
			if (!err)
				atomic_fetch_add(&n_ok, 1);
			else if (err == ENOENT)
				atomic_fetch_add(&n_read_enoent, 1);
			else if (err > 0)
				failure("read %s: %s", path, errno_name(err));
		}
		close(fd);
	}
	return NULL;
}

static void race_round(unsigned int *seed)
{
	int pid = tracked_child();

	if (pid < 0)
		return;
	atomic_store(&cur_pid, pid);
	/* Let the readers get going, for 0 to 3 ms. */
	sleep_us(rand_r(seed) % 3000);
	kill_reap(pid);
	wait_gone(pid);
	atomic_store(&cur_pid, 0);
}

int main(int argc, char **argv)
{
	int rounds = 100, opt, i, done, race;
	unsigned int seed = 1;
	pthread_t readers[2];
	long t0;

	if (argc < 2 || (strcmp(argv[1], "hold") && strcmp(argv[1], "race")))
		goto usage;
	race = !strcmp(argv[1], "race");
	optind = 2;
	while ((opt = getopt(argc, argv, "n:h:")) != -1) {
		switch (opt) {
		case 'n':
			rounds = atoi(optarg);
			break;
		case 'h':
			hold_ms = atoi(optarg);
			break;
		default:
			goto usage;
		}
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	t0 = now_ms();
	if (race)
		for (i = 0; i < 2; i++)
			pthread_create(&readers[i], NULL, reader_fn, NULL);
	for (i = 0; i < rounds && atomic_load(&errors) < 20; i++) {
		if (race)
			race_round(&seed);
		else
			hold_round();
	}
	done = i;
	if (race) {
		atomic_store(&stop_readers, 1);
		for (i = 0; i < 2; i++)
			pthread_join(readers[i], NULL);
	}
	printf("%s: %d rounds in %ld ms: reads ok=%ld, open ENOENT=%ld, read ENOENT=%ld\n",
	       argv[1], done, now_ms() - t0, atomic_load(&n_ok), atomic_load(&n_open_enoent),
	       atomic_load(&n_read_enoent));
	printf("RESULT %s (%ld errors)\n", errors ? "fail" : "ok", atomic_load(&errors));
	return errors ? 1 : 0;
usage:
	fprintf(stderr, "usage: %s hold|race [-n ROUNDS] [-h HOLD_MS]\n", argv[0]);
	return 2;
}
