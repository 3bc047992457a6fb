/* inotify: watch a directory and read events describing what happened in
 * it (a file created, written and closed, renamed, deleted), each with
 * the name concerned.
 * only: user-mode native (the guest kernel is built without CONFIG_INOTIFY_USER)
 * expect: IN_CREATE new
 * expect: IN_CLOSE_WRITE new
 * expect: IN_MOVED_FROM new
 * expect: IN_MOVED_TO renamed
 * expect: IN_DELETE renamed
 * expect: 5 events */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

static const struct {
	unsigned mask;
	const char *name;
} kinds[] = {
	{ IN_CREATE, "IN_CREATE" },	    { IN_CLOSE_WRITE, "IN_CLOSE_WRITE" },
	{ IN_MOVED_FROM, "IN_MOVED_FROM" }, { IN_MOVED_TO, "IN_MOVED_TO" },
	{ IN_DELETE, "IN_DELETE" },
};

int main(void)
{
	char dir[] = "/tmp/lkmc_inotify_XXXXXX";
	if (!mkdtemp(dir) || chdir(dir))
		return 1;
	int in = inotify_init1(IN_NONBLOCK);
	if (in < 0 || inotify_add_watch(in, ".", IN_CREATE | IN_CLOSE_WRITE | IN_MOVE | IN_DELETE) < 0) {
		perror("inotify");
		return 1;
	}
	int fd = open("new", O_CREAT | O_WRONLY, 0644);
	if (fd < 0 || write(fd, "x", 1) != 1)
		return 1;
	close(fd);
	if (rename("new", "renamed") || unlink("renamed"))
		return 1;
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n = read(in, buf, sizeof(buf));
	int events = 0;
	for (char *p = buf; n > 0 && p < buf + n;) {
		struct inotify_event *e = (struct inotify_event *)p;
		for (unsigned k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
			if (e->mask & kinds[k].mask)
				printf("%s %s\n", kinds[k].name, e->len ? e->name : "");
		events++;
		p += sizeof(*e) + e->len;
	}
	printf("%d events\n", events);
	if (chdir("/") || rmdir(dir))
		return 1;
	return events == 5 ? 0 : 1;
}
