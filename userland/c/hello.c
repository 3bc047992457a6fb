/* The classic first program: prints one line and exits 0.
 * expect: hello */
#include <stdio.h>

int main(void)
{
	puts("hello");
	return 0;
}
