/* C11 <stdatomic.h>: four threads increment an atomic counter and a plain
 * one. The atomic total is exact; the plain one may lose updates (a race),
 * so only the atomic one is announced.
 * only: linux
 * expect: atomic 40000 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define THREADS 4
#define ITERS 10000

static atomic_int counter;
static int plain;

static void *work(void *arg)
{
	(void)arg;
	for (int i = 0; i < ITERS; i++) {
		atomic_fetch_add_explicit(&counter, 1, memory_order_relaxed);
		plain++;
	}
	return NULL;
}

int main(void)
{
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, work, NULL);
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	printf("atomic %d\n", atomic_load(&counter));
	printf("plain %d (a race: may be less)\n", plain);
	return atomic_load(&counter) == THREADS * ITERS ? 0 : 1;
}
