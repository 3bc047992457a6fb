/* Interrupts: the virtual timer fires every 10 ms through the GIC, and the
 * handler counts the ticks while main sleeps in wfi.
 * expect: tick 3
 * expect: 3 timer interrupts */
#include <stdint.h>
#include <stdio.h>

#include "lkmc.h"

static volatile unsigned ticks;
static uint32_t period;

#if defined(__aarch64__)
static uint32_t timer_frequency(void) { return LKMC_SYSREG_READ(cntfrq_el0); }
static void timer_arm(uint32_t t)
{
    __asm__ volatile ("msr cntv_tval_el0, %0; msr cntv_ctl_el0, %1; isb" :: "r" ((uint64_t)t), "r" (1ull));
}
static void timer_stop(void) { __asm__ volatile ("msr cntv_ctl_el0, xzr; isb"); }
static void irqs_on(void) { __asm__ volatile ("msr daifclr, #2"); }
#else
static uint32_t timer_frequency(void)
{
    uint32_t hz;
    __asm__ volatile ("mrc p15, 0, %0, c14, c0, 0" : "=r" (hz));
    return hz;
}
static void timer_arm(uint32_t t)
{
    __asm__ volatile ("mcr p15, 0, %0, c14, c3, 0; mcr p15, 0, %1, c14, c3, 1; isb" :: "r" (t), "r" (1));
}
static void timer_stop(void) { __asm__ volatile ("mcr p15, 0, %0, c14, c3, 1; isb" :: "r" (0)); }
static void irqs_on(void) { __asm__ volatile ("cpsie i"); }
#endif

void lkmc_irq_handler(unsigned intid)
{
    if (intid != LKMC_VIRTUAL_TIMER_INTID)
        lkmc_unexpected_exception(0x1000 + intid, 0, 0);
    ticks++;
    printf("tick %u\n", ticks);
    if (ticks < 3)
        timer_arm(period);  /* also clears the interrupt condition */
    else
        timer_stop();
}

int main(void)
{
    period = timer_frequency() / 100;
    lkmc_gic_enable(LKMC_VIRTUAL_TIMER_INTID);
    timer_arm(period);
    irqs_on();
    while (ticks < 3)
        __asm__ volatile ("wfi");
    printf("%u timer interrupts\n", ticks);
    return 0;
}
