/* futex: the kernel primitive under mutexes and condition variables. A
 * thread sleeps in FUTEX_WAIT while the word holds 0; main sets it to 1
 * and FUTEX_WAKEs it. A wait on a word that already changed returns EAGAIN
 * at once.
 * expect: waiter woke with value 1
 * expect: stale wait: EAGAIN 1 */
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static atomic_int word;

static long futex(atomic_int *addr, int op, int val)
{
	return syscall(SYS_futex, addr, op, val, NULL, NULL, 0);
}

static void *waiter(void *arg)
{
	(void)arg;
	while (atomic_load(&word) == 0)
		futex(&word, FUTEX_WAIT_PRIVATE, 0);
	printf("waiter woke with value %d\n", atomic_load(&word));
	return NULL;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, waiter, NULL);
	usleep(10000);
	atomic_store(&word, 1);
	futex(&word, FUTEX_WAKE_PRIVATE, 1);
	pthread_join(t, NULL);
	long r = futex(&word, FUTEX_WAIT_PRIVATE, 0);
	printf("stale wait: EAGAIN %d\n", r == -1 && errno == EAGAIN);
	return 0;
}
