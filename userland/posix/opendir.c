/* Directories: mkdir a temporary directory, create files in it, list it
 * with opendir/readdir (order is the filesystem's: we count and check).
 * expect: entries 3 (a b c), with . and .. 5
 * expect: removed */
/* 64-bit offsets and inode numbers on 32-bit arm too: without it glibc's
 * readdir fails with EOVERFLOW on entries of a host filesystem whose
 * values do not fit in 32 bits (QEMU user mode passes the host's through). */
#define _FILE_OFFSET_BITS 64
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char dir[] = "/tmp/lkmc_dir_XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	const char *names[] = { "a", "b", "c" };
	char path[64];
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		close(open(path, O_CREAT | O_WRONLY, 0644));
	}
	DIR *d = opendir(dir);
	if (!d)
		return 1;
	int all = 0, files = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		all++;
		files += strlen(e->d_name) == 1 && e->d_name[0] >= 'a' && e->d_name[0] <= 'c';
	}
	closedir(d);
	printf("entries %d (a b c), with . and .. %d\n", files, all);
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	if (rmdir(dir) == 0)
		puts("removed");
	return 0;
}
