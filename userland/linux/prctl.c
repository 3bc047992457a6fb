/* prctl: per-process knobs; here the thread's name (what ps and top show,
 * 16 bytes at most), read back from /proc/self/comm too.
 * expect: PR_GET_NAME: lkmc_renamed
 * expect: comm: lkmc_renamed */
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>

int main(void)
{
	if (prctl(PR_SET_NAME, "lkmc_renamed", 0, 0, 0))
		return 1;
	char name[17] = { 0 };
	prctl(PR_GET_NAME, name, 0, 0, 0);
	printf("PR_GET_NAME: %s\n", name);
	FILE *f = fopen("/proc/self/comm", "r");
	char comm[32] = { 0 };
	if (f && fgets(comm, sizeof(comm), f)) {
		comm[strcspn(comm, "\n")] = '\0';
		printf("comm: %s\n", comm);
	}
	return 0;
}
