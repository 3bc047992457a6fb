/* rand and srand: a pseudo-random sequence that is the same for the same
 * seed (reproducible runs), values in 0 .. RAND_MAX, and the usual way to
 * get a number in a range. The values themselves are the C library's
 * choice, so only their properties are checked.
 * expect: same seed, same sequence: 1
 * expect: in range: 1
 * expect: every face of a die seen: 1 */
#include <stdio.h>
#include <stdlib.h>

#define N 1000

int main(void)
{
	static int first[N];
	srand(42);
	for (int i = 0; i < N; i++)
		first[i] = rand();
	srand(42);
	int same = 1, in_range = 1;
	for (int i = 0; i < N; i++) {
		int r = rand();
		same = same && r == first[i];
		in_range = in_range && r >= 0 && r <= RAND_MAX;
	}
	printf("same seed, same sequence: %d\n", same);
	printf("in range: %d\n", in_range);
	int seen[6] = { 0 };
	for (int i = 0; i < N; i++)
		seen[rand() % 6]++;
	int all = 1;
	for (int f = 0; f < 6; f++)
		all = all && seen[f] > 0;
	printf("every face of a die seen: %d\n", all);
	return same && in_range && all ? 0 : 1;
}
