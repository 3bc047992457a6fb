/* <string.h>: lengths, comparisons, copies, searches and tokens.
 * expect: strlen 5
 * expect: strcmp negative 1
 * expect: strcat hello world
 * expect: strchr w at 6, strstr "or" at 7
 * expect: tokens: a b c
 * expect: memcmp equal 1 */
#include <stdio.h>
#include <string.h>

int main(void)
{
	char s[32] = "hello";
	/* %zu is C99, but arm-none-eabi's newlib nano printf lacks it */
	printf("strlen %lu\n", (unsigned long)strlen(s));
	printf("strcmp negative %d\n", strcmp("abc", "abd") < 0);
	strcat(s, " world");
	printf("strcat %s\n", s);
	printf("strchr w at %d, strstr \"or\" at %d\n", (int)(strchr(s, 'w') - s),
	       (int)(strstr(s, "or") - s));
	char t[] = "a,b,,c";
	printf("tokens:");
	for (char *p = strtok(t, ","); p; p = strtok(NULL, ","))
		printf(" %s", p);
	printf("\n");
	char a[4], b[4];
	memset(a, 7, sizeof(a));
	memcpy(b, a, sizeof(a));
	printf("memcmp equal %d\n", memcmp(a, b, sizeof(a)) == 0);
	return 0;
}
