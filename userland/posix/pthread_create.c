/* pthread_create and pthread_join: threads get an argument and return a
 * value.
 * expect: thread 0 returned 0
 * expect: thread 3 returned 9 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

static void *square(void *arg)
{
	intptr_t i = (intptr_t)arg;
	return (void *)(i * i);
}

int main(void)
{
	pthread_t t[4];
	for (intptr_t i = 0; i < 4; i++)
		if (pthread_create(&t[i], NULL, square, (void *)i))
			return 1;
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		printf("thread %d returned %d\n", i, (int)(intptr_t)r);
	}
	return 0;
}
