/* uname: the kernel's name, release and machine (under QEMU user mode the
 * machine is the emulated one, the release the host's).
 * expect: sysname Linux */
#include <stdio.h>
#include <sys/utsname.h>

int main(void)
{
	struct utsname u;
	if (uname(&u))
		return 1;
	printf("sysname %s\n", u.sysname);
	printf("release %s\n", u.release);
	printf("machine %s\n", u.machine);
	return 0;
}
