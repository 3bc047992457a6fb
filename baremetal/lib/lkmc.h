/* What baremetal programs may use from lkmc's runtime (baremetal/lib). */
#ifndef LKMC_H
#define LKMC_H

/* Writes one byte to the UART, as printf does. */
void lkmc_putc(char c);

/* Stops the emulator with this exit status (QEMU: semihosting; gem5: prints
 * lkmc_exit_status_N when N is not 0, then m5 exit). */
void lkmc_exit(int status) __attribute__((noreturn));

/* Reads a system register by name, e.g. LKMC_SYSREG_READ(currentel). */
#if defined(__aarch64__)
#define LKMC_SYSREG_READ(name) ({ \
    unsigned long lkmc_v; \
    __asm__ volatile ("mrs %0, " #name : "=r" (lkmc_v)); \
    lkmc_v; })
#endif

#endif
