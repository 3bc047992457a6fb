/* pthread_self: each thread's own id, equal (pthread_equal) to the one
 * pthread_create returned to the creator, different from main's.
 * expect: created id matches the thread's own: 1
 * expect: differs from main's: 1 */
#include <pthread.h>
#include <stdio.h>

static pthread_t seen;

static void *work(void *arg)
{
	(void)arg;
	seen = pthread_self();
	return NULL;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, work, NULL);
	pthread_join(t, NULL);
	printf("created id matches the thread's own: %d\n", pthread_equal(t, seen) != 0);
	printf("differs from main's: %d\n", !pthread_equal(seen, pthread_self()));
	return 0;
}
