/* Removes a kernel module with the delete_module system call.
 * Usage: myrmmod.out NAME. The suite removes hello, which linux/myinsmod
 * inserted just before (they run in this order in one boot).
 * only: full-system (it needs the guest's kernel)
 * args: hello
 * expect: removed hello */
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s NAME\n", argv[0]);
		return 2;
	}
	if (syscall(SYS_delete_module, argv[1], O_NONBLOCK)) {
		perror("delete_module");
		return 1;
	}
	printf("removed %s\n", argv[1]);
	return 0;
}
