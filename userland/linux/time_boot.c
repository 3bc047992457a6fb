/* Writes a line to the kernel log through /dev/kmsg, so a userland event
 * shows on the kernel's timeline (dmesg timestamps): e.g. how long boot
 * took until this program ran. Also prints the uptime it sees.
 * only: full-system (it writes the guest's kernel log)
 * expect: wrote to /dev/kmsg
 * expect: uptime */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/kmsg", O_WRONLY);
	if (fd < 0) {
		perror("/dev/kmsg");
		return 1;
	}
	const char *msg = "lkmc time_boot: userland reached\n";
	if (write(fd, msg, strlen(msg)) != (ssize_t)strlen(msg))
		return 1;
	close(fd);
	puts("wrote to /dev/kmsg");
	struct timespec t;
	clock_gettime(CLOCK_BOOTTIME, &t);
	printf("uptime %ld.%03ld s\n", (long)t.tv_sec, t.tv_nsec / 1000000);
	return 0;
}
