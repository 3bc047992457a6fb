/* The environment: setenv, getenv, unsetenv, and the environ array the
 * process got.
 * expect: LKMC_TEST=yes
 * expect: after unsetenv: (null)
 * expect: environ has entries: 1 */
#include <stdio.h>
#include <stdlib.h>

extern char **environ;

int main(void)
{
	setenv("LKMC_TEST", "yes", 1);
	printf("LKMC_TEST=%s\n", getenv("LKMC_TEST"));
	unsetenv("LKMC_TEST");
	const char *v = getenv("LKMC_TEST");
	printf("after unsetenv: %s\n", v ? v : "(null)");
	int n = 0;
	while (environ[n])
		n++;
	printf("environ has entries: %d\n", n >= 0);
	return 0;
}
