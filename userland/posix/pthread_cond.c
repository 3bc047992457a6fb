/* pthread_cond: two threads take turns (ping, pong) by waiting on a
 * condition variable for their turn.
 * expect: ping 0
 * expect: pong 0
 * expect: pong 2
 * expect: 6 turns */
#include <pthread.h>
#include <stdio.h>

#define TURNS 6
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int turn;

static void *player(void *arg)
{
	int me = *(int *)arg;
	for (;;) {
		pthread_mutex_lock(&m);
		while (turn < TURNS && turn % 2 != me)
			pthread_cond_wait(&c, &m);
		if (turn >= TURNS) {
			pthread_mutex_unlock(&m);
			return NULL;
		}
		printf("%s %d\n", me ? "pong" : "ping", turn / 2);
		turn++;
		pthread_cond_broadcast(&c);
		pthread_mutex_unlock(&m);
	}
}

int main(void)
{
	pthread_t t[2];
	int ids[2] = { 0, 1 };
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, player, &ids[i]);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	printf("%d turns\n", turn);
	return 0;
}
