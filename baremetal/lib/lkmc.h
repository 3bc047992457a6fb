/* What baremetal programs may use from lkmc's runtime (baremetal/lib). */
#ifndef LKMC_H
#define LKMC_H

/* Writes one byte to the UART, as printf does. */
void lkmc_putc(char c);

/* Stops the emulator with this exit status (QEMU: semihosting; gem5: prints
 * lkmc_exit_status_N when N is not 0, then m5 exit). */
void lkmc_exit(int status) __attribute__((noreturn));

/* Reports an exception the program did not handle, and exits with 134. */
void lkmc_unexpected_exception(unsigned long syndrome, unsigned long return_address,
                               unsigned long fault_address) __attribute__((noreturn));

/* Interrupts (gic.c): route interrupt `intid` of the GICv2 to this CPU; then,
 * with IRQs unmasked, each one calls the program's lkmc_irq_handler. */
void lkmc_gic_enable(unsigned intid);
void lkmc_irq_handler(unsigned intid);
/* The virtual timer's interrupt (a PPI), on every machine lkmc knows. */
#define LKMC_VIRTUAL_TIMER_INTID 27

/* Reads a system register by name, e.g. LKMC_SYSREG_READ(currentel). */
#if defined(__aarch64__)
#define LKMC_SYSREG_READ(name) ({ \
    unsigned long lkmc_v; \
    __asm__ volatile ("mrs %0, " #name : "=r" (lkmc_v)); \
    lkmc_v; })
#endif

#endif
