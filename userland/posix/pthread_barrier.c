/* pthread_barrier: threads wait at the barrier until all of them have
 * arrived, then all go on; one of them is told it is the "serial" thread.
 * Each thread writes its slot in phase 1 and reads its neighbour's in
 * phase 2, which is only safe because of the barrier between.
 * expect: serial threads per round: 1 1 1
 * expect: every neighbour's value seen: 1 */
#include <pthread.h>
#include <stdio.h>

#define N 4
#define ROUNDS 3

static pthread_barrier_t barrier;
static int slot[N], seen_ok = 1, serial[ROUNDS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg)
{
	int id = (int)(long)arg;
	for (int round = 0; round < ROUNDS; round++) {
		slot[id] = round * 100 + id;
		int r = pthread_barrier_wait(&barrier);
		int next = (id + 1) % N;
		int ok = slot[next] == round * 100 + next;
		pthread_mutex_lock(&lock);
		if (r == PTHREAD_BARRIER_SERIAL_THREAD)
			serial[round]++;
		seen_ok = seen_ok && ok;
		pthread_mutex_unlock(&lock);
		/* nobody writes the next round's value before all have read */
		pthread_barrier_wait(&barrier);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[N];
	pthread_barrier_init(&barrier, NULL, N);
	for (long i = 0; i < N; i++)
		pthread_create(&t[i], NULL, work, (void *)i);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	pthread_barrier_destroy(&barrier);
	printf("serial threads per round: %d %d %d\n", serial[0], serial[1], serial[2]);
	printf("every neighbour's value seen: %d\n", seen_ok);
	return seen_ok && serial[0] == 1 && serial[1] == 1 && serial[2] == 1 ? 0 : 1;
}
