/* POSIX unnamed semaphores (sem_init): a producer posts, a consumer waits;
 * the count carries the items across.
 * expect: consumed 5 items
 * expect: final value 0 */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t items;

static void *producer(void *arg)
{
	(void)arg;
	for (int i = 0; i < 5; i++)
		sem_post(&items);
	return NULL;
}

int main(void)
{
	sem_init(&items, 0, 0);
	pthread_t t;
	pthread_create(&t, NULL, producer, NULL);
	int n = 0;
	for (int i = 0; i < 5; i++) {
		sem_wait(&items);
		n++;
	}
	pthread_join(t, NULL);
	int v;
	sem_getvalue(&items, &v);
	printf("consumed %d items\n", n);
	printf("final value %d\n", v);
	sem_destroy(&items);
	return 0;
}
