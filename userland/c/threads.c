/* C11 <threads.h>: thrd_create, thrd_join with a result, and a mtx_t
 * guarding a shared sum.
 * only: linux
 * expect: sum 5050
 * expect: results 0 1 2 3 */
#include <stdio.h>
#include <threads.h>

#define N 4
static mtx_t lock;
static int sum;

static int work(void *arg)
{
	int id = *(int *)arg;
	for (int i = id + 1; i <= 100; i += N) {
		mtx_lock(&lock);
		sum += i;
		mtx_unlock(&lock);
	}
	return id;
}

int main(void)
{
	thrd_t t[N];
	int ids[N];
	mtx_init(&lock, mtx_plain);
	for (int i = 0; i < N; i++) {
		ids[i] = i;
		if (thrd_create(&t[i], work, &ids[i]) != thrd_success)
			return 1;
	}
	printf("results");
	for (int i = 0; i < N; i++) {
		int r;
		thrd_join(t[i], &r);
		printf(" %d", r);
	}
	printf("\nsum %d\n", sum);
	mtx_destroy(&lock);
	return sum == 5050 ? 0 : 1;
}
