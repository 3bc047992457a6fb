/* Reads one character from stdin and echoes it back: how a program gets
 * input under each runner (the suite feeds it getchar.in).
 * only: linux
 * stdin: c/getchar.in
 * expect: you entered: a */
#include <stdio.h>

int main(void)
{
	printf("enter a character:\n");
	int c = getchar();
	if (c == EOF) {
		puts("no input");
		return 1;
	}
	printf("you entered: %c\n", c);
	return 0;
}
