/* C11 <threads.h> thread-specific storage and call_once: each thread gets
 * its own value under one tss_t key, and the key's destructor runs for it
 * when the thread exits; call_once runs an initializer exactly once however
 * many threads ask.
 * only: linux
 * expect: init ran 1 time
 * expect: each thread saw its own value: 1
 * expect: destructors ran 4 times */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>

#define N 4
static tss_t key;
static once_flag once = ONCE_FLAG_INIT;
static atomic_int inits, destructions, mismatches;

static void init(void)
{
	atomic_fetch_add(&inits, 1);
}

static void destroy(void *p)
{
	free(p);
	atomic_fetch_add(&destructions, 1);
}

static int work(void *arg)
{
	call_once(&once, init);
	int *mine = malloc(sizeof(*mine));
	if (!mine)
		return 1;
	*mine = *(int *)arg;
	tss_set(key, mine);
	thrd_yield();
	if (*(int *)tss_get(key) != *(int *)arg)
		atomic_fetch_add(&mismatches, 1);
	return 0;
}

int main(void)
{
	if (tss_create(&key, destroy) != thrd_success)
		return 1;
	thrd_t t[N];
	int ids[N];
	for (int i = 0; i < N; i++) {
		ids[i] = i;
		if (thrd_create(&t[i], work, &ids[i]) != thrd_success)
			return 1;
	}
	for (int i = 0; i < N; i++)
		thrd_join(t[i], NULL);
	printf("init ran %d time\n", atomic_load(&inits));
	printf("each thread saw its own value: %d\n", atomic_load(&mismatches) == 0);
	printf("destructors ran %d times\n", atomic_load(&destructions));
	tss_delete(key);
	return inits == 1 && mismatches == 0 && destructions == N ? 0 : 1;
}
