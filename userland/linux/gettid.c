/* gettid: each thread's kernel task id. The main thread's equals the
 * process id; other threads share the pid but have their own tid.
 * expect: main: tid == pid 1
 * expect: thread: same pid 1, own tid 1 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pid_t tpid, ttid;

static void *work(void *arg)
{
	(void)arg;
	tpid = getpid();
	ttid = gettid();
	return NULL;
}

int main(void)
{
	printf("main: tid == pid %d\n", gettid() == getpid());
	pthread_t t;
	pthread_create(&t, NULL, work, NULL);
	pthread_join(t, NULL);
	printf("thread: same pid %d, own tid %d\n", tpid == getpid(), ttid != getpid());
	return 0;
}
