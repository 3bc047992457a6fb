/* The generic timer without interrupts: read its frequency and counter, and
 * busy-wait 10 ms of counter time.
 * expect: waited 10 ms */
#include <stdint.h>
#include <stdio.h>

#include "lkmc.h"

int main(void)
{
    uint64_t hz = LKMC_SYSREG_READ(cntfrq_el0);
    uint64_t start = LKMC_SYSREG_READ(cntvct_el0);
    uint64_t ticks = hz / 100;
    while (LKMC_SYSREG_READ(cntvct_el0) - start < ticks)
        ;
    printf("counter frequency %lu Hz\n", (unsigned long)hz);
    printf("waited 10 ms (%lu ticks)\n", (unsigned long)ticks);
    return hz == 0;
}
