/* <ctype.h>: classifying and converting characters.
 * expect: letters 10 digits 3 spaces 2 punct 1
 * expect: upper: HELLO 123 WORLD! */
#include <ctype.h>
#include <stdio.h>

int main(void)
{
	const char *s = "hello 123 world!";
	int letters = 0, digits = 0, spaces = 0, punct = 0;
	char up[32];
	int i;
	for (i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		letters += isalpha(c) != 0;
		digits += isdigit(c) != 0;
		spaces += isspace(c) != 0;
		punct += ispunct(c) != 0;
		up[i] = (char)toupper(c);
	}
	up[i] = '\0';
	printf("letters %d digits %d spaces %d punct %d\n", letters, digits, spaces, punct);
	printf("upper: %s\n", up);
	return 0;
}
