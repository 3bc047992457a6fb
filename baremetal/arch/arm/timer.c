/* The generic timer without interrupts: read its frequency and counter, and
 * busy-wait 10 ms of counter time.
 * expect: waited 10 ms */
#include <stdint.h>
#include <stdio.h>

static uint64_t virtual_count(void)
{
    uint32_t lo, hi;
    __asm__ volatile ("isb; mrrc p15, 1, %0, %1, c14" : "=r" (lo), "=r" (hi));
    return ((uint64_t)hi << 32) | lo;
}

int main(void)
{
    uint32_t hz;
    __asm__ volatile ("mrc p15, 0, %0, c14, c0, 0" : "=r" (hz));
    uint64_t start = virtual_count();
    uint64_t ticks = hz / 100;
    while (virtual_count() - start < ticks)
        ;
    printf("counter frequency %lu Hz\n", (unsigned long)hz);
    printf("waited 10 ms (%lu ticks)\n", (unsigned long)ticks);
    return hz == 0;
}
