/* malloc takes memory from the RAM after the program; string functions may
 * make unaligned accesses, which the MMU set up by lib/ allows.
 * expect: sum 499500
 * expect: copied hello, unaligned world */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    int n = 1000;
    int *v = malloc(n * sizeof(*v));
    if (v == NULL)
        return 1;
    long sum = 0;
    for (int i = 0; i < n; i++)
        v[i] = i;
    for (int i = 0; i < n; i++)
        sum += v[i];
    free(v);
    printf("sum %ld\n", sum);

    char src[64] = "xhello, unaligned world";
    char dst[64];
    memcpy(dst + 3, src + 1, strlen(src + 1) + 1);
    printf("copied %s\n", dst + 3);
    return 0;
}
