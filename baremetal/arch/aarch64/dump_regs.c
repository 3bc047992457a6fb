/* System registers that only EL1 and above can read: this could not run as
 * a Linux user program.
 * expect: CurrentEL 1 */
#include <stdio.h>

#include "lkmc.h"

int main(void)
{
    printf("CurrentEL %lu\n", LKMC_SYSREG_READ(currentel) >> 2);
    printf("SCTLR_EL1 0x%lx\n", LKMC_SYSREG_READ(sctlr_el1));
    printf("MIDR_EL1 0x%lx\n", LKMC_SYSREG_READ(midr_el1));
    printf("MPIDR_EL1 0x%lx\n", LKMC_SYSREG_READ(mpidr_el1));
    printf("ID_AA64PFR0_EL1 0x%lx\n", LKMC_SYSREG_READ(id_aa64pfr0_el1));
    return 0;
}
