/* An identity map of the first 4 GiB in 1 GiB blocks, so that the C library
 * may make unaligned accesses and use the caches: with the MMU off every
 * access is to Device memory, where an unaligned one faults. Below the RAM
 * base are the devices (UART, GIC), mapped as Device memory. */

#include <stdint.h>

#define BLOCK (1u << 0)
#define ATTR_DEVICE (0u << 2) /* MAIR index 0 */
#define ATTR_NORMAL (1u << 2) /* MAIR index 1 */
#define INNER_SHAREABLE (3u << 8)
#define ACCESS_FLAG (1u << 10)
#define GIB (1ull << 30)

static uint64_t level1[512] __attribute__((aligned(4096)));

void lkmc_mmu_enable(uintptr_t ram_base)
{
    for (uint64_t i = 0; i < 4; i++) {
        uint64_t attr = i * GIB < (ram_base & ~(GIB - 1)) ?
            ATTR_DEVICE : ATTR_NORMAL | INNER_SHAREABLE;
        level1[i] = i * GIB | attr | ACCESS_FLAG | BLOCK;
    }
    /* Index 0: Device-nGnRnE; index 1: Normal, write-back. */
    __asm__ volatile ("msr mair_el1, %0" :: "r" (0xffull << 8));
    /* 32-bit VA (T0SZ=32, walks start at level 1), 4 KiB granule,
     * write-back inner shareable walks, TTBR1 walks off (EPD1). */
    uint64_t tcr = 32 | (1u << 8) | (1u << 10) | (3u << 12) | (1ull << 23);
    __asm__ volatile ("msr tcr_el1, %0" :: "r" (tcr));
    __asm__ volatile ("msr ttbr0_el1, %0" :: "r" (level1));
    __asm__ volatile ("dsb ish; isb; tlbi vmalle1; dsb ish; isb" ::: "memory");
    uint64_t sctlr;
    __asm__ volatile ("mrs %0, sctlr_el1" : "=r" (sctlr));
    sctlr |= (1u << 0) | (1u << 2) | (1u << 12); /* M, C, I */
    sctlr &= ~(uint64_t)(1u << 1);               /* A: allow unaligned */
    __asm__ volatile ("msr sctlr_el1, %0; isb" :: "r" (sctlr) : "memory");
}
