/* exit(N) (or return N from main) gives the parent the status N modulo
 * 256: the runner, a shell's $?, waitpid's WEXITSTATUS. The status is the
 * first argument.
 * args: 42
 * expect: exiting with 42
 * expect-exit: 42 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	int status = argc > 1 ? atoi(argv[1]) : 0;
	printf("exiting with %d\n", status);
	exit(status);
}
