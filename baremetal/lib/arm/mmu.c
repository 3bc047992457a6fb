/* An identity map of the 4 GiB address space in 1 MiB sections, so that the
 * C library may make unaligned accesses and use the caches: with the MMU off
 * every access is Strongly-ordered, where an unaligned one faults. Below the
 * RAM base are the devices (UART, GIC), mapped as Device memory. */

#include <stdint.h>

#define SECTION (2u << 0)
#define B (1u << 2)
#define C (1u << 3)
#define AP_FULL (3u << 10)
#define TEX_1 (1u << 12)
#define SHAREABLE (1u << 16)
#define NORMAL_WRITE_BACK (TEX_1 | C | B | SHAREABLE)
#define SHARED_DEVICE B

static uint32_t sections[4096] __attribute__((aligned(16384)));

void lkmc_mmu_enable(uintptr_t ram_base)
{
    for (uint32_t i = 0; i < 4096; i++) {
        uint32_t base = i << 20;
        uint32_t attr = base < ram_base ? SHARED_DEVICE : NORMAL_WRITE_BACK;
        sections[i] = base | attr | AP_FULL | SECTION;
    }
    __asm__ volatile ("mcr p15, 0, %0, c2, c0, 2" :: "r" (0));        /* TTBCR */
    __asm__ volatile ("mcr p15, 0, %0, c2, c0, 0" :: "r" (sections)); /* TTBR0 */
    __asm__ volatile ("mcr p15, 0, %0, c3, c0, 0" :: "r" (0x55555555)); /* DACR: client */
    __asm__ volatile ("mcr p15, 0, %0, c8, c7, 0; dsb; isb" :: "r" (0) : "memory"); /* TLBIALL */
    uint32_t sctlr;
    __asm__ volatile ("mrc p15, 0, %0, c1, c0, 0" : "=r" (sctlr));
    sctlr |= (1u << 0) | (1u << 2) | (1u << 12); /* M, C, I */
    sctlr &= ~(1u << 1);                          /* A: allow unaligned */
    __asm__ volatile ("mcr p15, 0, %0, c1, c0, 0; isb" :: "r" (sctlr) : "memory");
}
