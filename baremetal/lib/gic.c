/* The GICv2 interrupt controller: enough to route one interrupt to the CPU
 * and to dispatch it to the program's lkmc_irq_handler. The machine's GIC
 * addresses come from lkmc (LKMC_GICD_BASE, LKMC_GICC_BASE). */

#include <stdint.h>

#include "lkmc.h"

#define GICD(off) (*(volatile uint32_t *)((uintptr_t)LKMC_GICD_BASE + (off)))
#define GICC(off) (*(volatile uint32_t *)((uintptr_t)LKMC_GICC_BASE + (off)))
#define GICD_CTLR 0x000
#define GICD_ISENABLER(n) (0x100 + 4 * (n))
#define GICD_IPRIORITYR(n) (0x400 + 4 * (n))
#define GICC_CTLR 0x000
#define GICC_PMR 0x004
#define GICC_IAR 0x00c
#define GICC_EOIR 0x010
#define SPURIOUS 1020

void lkmc_gic_enable(unsigned intid)
{
    /* Highest priority for this interrupt, every priority let through. */
    volatile uint8_t *priority = (volatile uint8_t *)((uintptr_t)LKMC_GICD_BASE + GICD_IPRIORITYR(0));
    priority[intid] = 0;
    GICD(GICD_ISENABLER(intid / 32)) = 1u << (intid % 32);
    GICD(GICD_CTLR) = 1;
    GICC(GICC_PMR) = 0xff;
    GICC(GICC_CTLR) = 1;
}

/* Without a handler in the program, an interrupt is unexpected. */
__attribute__((weak)) void lkmc_irq_handler(unsigned intid)
{
    lkmc_unexpected_exception(0x1000 + intid, 0, 0);
}

/* Called by the IRQ vector (start.S). */
void lkmc_irq_dispatch(void)
{
    uint32_t iar = GICC(GICC_IAR);
    unsigned intid = iar & 0x3ff;
    if (intid >= SPURIOUS)
        return;
    lkmc_irq_handler(intid);
    GICC(GICC_EOIR) = iar;
}
