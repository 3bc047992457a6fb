/* Prints its arguments, one per line: `lkmc run --baremetal baremetal/arguments.c
 * --cli-args "'a b' c"` loads them next to the program (see lib/runtime.c).
 * args: 'a b' c
 * expect: argc 3
 * expect: argv[1] a b
 * expect: argv[2] c */
#include <stdio.h>

int main(int argc, char **argv)
{
    printf("argc %d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d] %s\n", i, argv[i]);
    return 0;
}
