/* The program's exit status becomes lkmc's: `lkmc run --baremetal
 * baremetal/exit_status.c --cli-args 3; echo $?` prints 3.
 * args: 3
 * expect-exit: 3 */
#include <stdlib.h>

int main(int argc, char **argv)
{
    return argc > 1 ? atoi(argv[1]) : 0;
}
