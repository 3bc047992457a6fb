/* snprintf formats into a buffer (truncating safely) and sscanf parses
 * text back into values.
 * expect: snprintf returned 11, buffer 'hello w'
 * expect: parsed 3 fields: 12 3.25 word */
#include <stdio.h>

int main(void)
{
	char buf[8];
	/* The truncation is the point here: tell GCC it is on purpose. */
#pragma GCC diagnostic ignored "-Wformat-truncation"
	int n = snprintf(buf, sizeof(buf), "hello %s", "world");
	printf("snprintf returned %d, buffer '%s'\n", n, buf);
	int i;
	double d;
	char w[16];
	int got = sscanf("12 3.25 word", "%d %lf %15s", &i, &d, w);
	printf("parsed %d fields: %d %.2f %s\n", got, i, d, w);
	return got == 3 ? 0 : 1;
}
