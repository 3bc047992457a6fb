/* Powers the machine off with the reboot system call: usable as init
 * (init=/lkmc/userland/linux/poweroff.out boots and ends at once), e.g. to
 * time a boot. Needs CAP_SYS_BOOT; as PID 1 the kernel panics if it
 * returns, so it never does.
 * only: manual (it ends the guest) */
#include <stdio.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(void)
{
	puts("powering off");
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	perror("reboot");
	for (;;)
		pause();
}
