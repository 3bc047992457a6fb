/* pthread_key_create: a per-thread value under a process-wide key (what
 * thread_local and errno are built on), with a destructor called for each
 * thread's non-NULL value when that thread exits.
 * expect: thread 0 got its own 0
 * expect: thread 2 got its own 20
 * expect: main's value still NULL: 1
 * expect: destructor calls 3 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

#define N 3
static pthread_key_t key;
static int destroyed;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void destroy(void *p)
{
	free(p);
	pthread_mutex_lock(&lock);
	destroyed++;
	pthread_mutex_unlock(&lock);
}

static void *work(void *arg)
{
	long id = (long)arg;
	int *v = malloc(sizeof(*v));
	if (!v)
		return (void *)1;
	*v = (int)id * 10;
	pthread_setspecific(key, v);
	sched_yield();
	int got = *(int *)pthread_getspecific(key);
	printf("thread %ld got its own %d\n", id, got);
	return (void *)(long)(got != id * 10);
}

int main(void)
{
	pthread_t t[N];
	pthread_key_create(&key, destroy);
	for (long i = 0; i < N; i++)
		pthread_create(&t[i], NULL, work, (void *)i);
	long bad = 0;
	for (int i = 0; i < N; i++) {
		void *r;
		pthread_join(t[i], &r);
		bad += (long)r;
	}
	int null = pthread_getspecific(key) == NULL;
	printf("main's value still NULL: %d\n", null);
	printf("destructor calls %d\n", destroyed);
	pthread_key_delete(key);
	return !bad && null && destroyed == N ? 0 : 1;
}
