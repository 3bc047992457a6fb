/* A failed assert prints where and aborts: abort is SIGABRT, so the exit
 * status is 128 + 6, as a shell reports it.
 * expect: failed
 * expect-exit: 134 */
#include <assert.h>

int main(void)
{
    int two = 1 + 1;
    assert(two == 3);
    return 0;
}
