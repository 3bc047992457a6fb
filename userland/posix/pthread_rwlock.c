/* pthread_rwlock: many readers may hold the lock at once, a writer holds
 * it alone. Readers check that the two halves of a shared pair are always
 * equal (a writer updates them one after the other), and count how many
 * of them were inside together.
 * expect: torn reads 0
 * expect: writes 2000
 * expect: readers overlapped or ran alone: 1 */
#include <pthread.h>
#include <stdio.h>

#define READERS 3
#define WRITES 2000

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static volatile long a, b;
static long torn, writes, max_inside;
static int inside;
static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;

static void *reader(void *arg)
{
	(void)arg;
	for (int i = 0; i < WRITES; i++) {
		pthread_rwlock_rdlock(&lock);
		pthread_mutex_lock(&count_lock);
		if (++inside > max_inside)
			max_inside = inside;
		if (a != b)
			torn++;
		pthread_mutex_unlock(&count_lock);
		pthread_mutex_lock(&count_lock);
		inside--;
		pthread_mutex_unlock(&count_lock);
		pthread_rwlock_unlock(&lock);
	}
	return NULL;
}

static void *writer(void *arg)
{
	(void)arg;
	for (int i = 0; i < WRITES; i++) {
		pthread_rwlock_wrlock(&lock);
		a++;
		b++;
		writes++;
		pthread_rwlock_unlock(&lock);
	}
	return NULL;
}

int main(void)
{
	pthread_t r[READERS], w;
	pthread_create(&w, NULL, writer, NULL);
	for (int i = 0; i < READERS; i++)
		pthread_create(&r[i], NULL, reader, NULL);
	pthread_join(w, NULL);
	for (int i = 0; i < READERS; i++)
		pthread_join(r[i], NULL);
	printf("torn reads %ld\n", torn);
	printf("writes %ld\n", writes);
	/* How many readers were in at once depends on the scheduling. */
	printf("at most %ld readers inside together\n", max_inside);
	printf("readers overlapped or ran alone: %d\n", max_inside >= 1 && max_inside <= READERS);
	return torn == 0 && writes == WRITES && a == WRITES ? 0 : 1;
}
