/* Registers that only privileged modes can read: this could not run as a
 * Linux user program.
 * expect: mode svc */
#include <stdio.h>

static const char *mode_name(unsigned mode)
{
    switch (mode) {
    case 0x10: return "usr";
    case 0x13: return "svc";
    case 0x16: return "mon";
    case 0x1a: return "hyp";
    case 0x1f: return "sys";
    default: return "other";
    }
}

int main(void)
{
    unsigned cpsr, sctlr, midr, mpidr;
    __asm__ volatile ("mrs %0, cpsr" : "=r" (cpsr));
    __asm__ volatile ("mrc p15, 0, %0, c1, c0, 0" : "=r" (sctlr));
    __asm__ volatile ("mrc p15, 0, %0, c0, c0, 0" : "=r" (midr));
    __asm__ volatile ("mrc p15, 0, %0, c0, c0, 5" : "=r" (mpidr));
    printf("CPSR 0x%08x mode %s\n", cpsr, mode_name(cpsr & 0x1f));
    printf("SCTLR 0x%08x\n", sctlr);
    printf("MIDR 0x%08x\n", midr);
    printf("MPIDR 0x%08x\n", mpidr);
    return 0;
}
