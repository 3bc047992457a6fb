/* Variable length arrays (C99, optional since C11): arrays on the stack
 * whose size is known only at run time; sizeof of one is computed at run
 * time, and a 2D one can be passed with its dimensions.
 * args: 4 5
 * expect: sizeof a 4x5 int VLA: 80
 * expect: row sums: 10 35 60 85
 * expect: trace 4 times 5 table: 36 */
#include <stdio.h>
#include <stdlib.h>

static int row_sum(int cols, const int row[cols])
{
	int s = 0;
	for (int j = 0; j < cols; j++)
		s += row[j];
	return s;
}

static int trace(int rows, int cols, int m[rows][cols])
{
	int s = 0;
	for (int i = 0; i < rows && i < cols; i++)
		s += m[i][i];
	return s;
}

int main(int argc, char **argv)
{
	int rows = argc > 1 ? atoi(argv[1]) : 4;
	int cols = argc > 2 ? atoi(argv[2]) : 5;
	if (rows < 1 || cols < 1 || rows > 100 || cols > 100)
		return 2;
	int m[rows][cols];
	for (int i = 0; i < rows; i++)
		for (int j = 0; j < cols; j++)
			m[i][j] = i * cols + j;
	size_t size = sizeof(m);
	printf("sizeof a %dx%d int VLA: %lu\n", rows, cols, (unsigned long)size);
	printf("row sums:");
	for (int i = 0; i < rows; i++)
		printf(" %d", row_sum(cols, m[i]));
	int t = trace(rows, cols, m);
	printf("\ntrace %d times %d table: %d\n", rows, cols, t);
	return size == sizeof(int) * rows * cols ? 0 : 1;
}
