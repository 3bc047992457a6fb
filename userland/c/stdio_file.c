/* A temporary file with the stdio streams: write with fprintf, rewind,
 * read back line by line with fgets.
 * only: linux
 * expect: line 1: first
 * expect: line 2: second
 * expect: 2 lines */
#include <stdio.h>
#include <string.h>

int main(void)
{
	FILE *f = tmpfile();
	if (!f) {
		perror("tmpfile");
		return 1;
	}
	fprintf(f, "first\nsecond\n");
	rewind(f);
	char line[64];
	int n = 0;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		printf("line %d: %s\n", ++n, line);
	}
	fclose(f);
	printf("%d lines\n", n);
	return n == 2 ? 0 : 1;
}
