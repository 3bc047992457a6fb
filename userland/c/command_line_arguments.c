/* Prints each command line argument on its own line, to check how arguments
 * reach a program through lkmc run --cli-args.
 * args: 'a b' c
 * expect: a b */
#include <stdio.h>

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		puts(argv[i]);
	return 0;
}
