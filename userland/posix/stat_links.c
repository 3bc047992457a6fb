/* stat and links: a hard link is a second name for the same inode (the
 * link count goes up, the inode number is shared); a symbolic link is a
 * file holding a path, which stat follows and lstat does not; readlink
 * reads the path.
 * expect: regular file, 5 bytes, 1 link
 * expect: after link(): 2 links, same inode 1
 * expect: symlink: lstat says link 1, stat says regular 1
 * expect: readlink: data
 * expect: after unlink of the original: 1 link, content hello */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	char dir[] = "/tmp/lkmc_stat_XXXXXX";
	if (!mkdtemp(dir) || chdir(dir)) {
		perror(dir);
		return 1;
	}
	int fd = open("data", O_CREAT | O_WRONLY, 0644);
	if (fd < 0 || write(fd, "hello", 5) != 5)
		return 1;
	close(fd);
	struct stat s, h, l;
	stat("data", &s);
	printf("%s file, %lld bytes, %ld link\n", S_ISREG(s.st_mode) ? "regular" : "other",
	       (long long)s.st_size, (long)s.st_nlink);
	int ok = S_ISREG(s.st_mode) && s.st_size == 5 && s.st_nlink == 1;

	link("data", "hard");
	stat("hard", &h);
	stat("data", &s);
	printf("after link(): %ld links, same inode %d\n", (long)s.st_nlink, h.st_ino == s.st_ino);
	ok = ok && s.st_nlink == 2 && h.st_ino == s.st_ino;

	symlink("data", "soft");
	lstat("soft", &l);
	stat("soft", &s);
	printf("symlink: lstat says link %d, stat says regular %d\n", S_ISLNK(l.st_mode) != 0,
	       S_ISREG(s.st_mode) != 0);
	char target[64] = "";
	ssize_t n = readlink("soft", target, sizeof(target) - 1);
	if (n > 0)
		target[n] = 0;
	printf("readlink: %s\n", target);
	ok = ok && S_ISLNK(l.st_mode) && strcmp(target, "data") == 0;

	unlink("soft");
	unlink("data");
	stat("hard", &h);
	char buf[8] = "";
	fd = open("hard", O_RDONLY);
	if (fd < 0 || read(fd, buf, 5) != 5)
		return 1;
	close(fd);
	printf("after unlink of the original: %ld link, content %s\n", (long)h.st_nlink, buf);
	ok = ok && h.st_nlink == 1 && strcmp(buf, "hello") == 0;
	unlink("hard");
	if (chdir("/") || rmdir(dir))
		return 1;
	return ok ? 0 : 1;
}
