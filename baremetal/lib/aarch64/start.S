/* Entry of every aarch64 baremetal program: QEMU and gem5 jump here with the
 * MMU off, maybe at EL3 or EL2. We go down to EL1, where the program runs,
 * and hand over to lkmc_start_c (runtime.c) with a stack and a zeroed .bss. */

.section .text.init.enter, "ax"
.global _start
_start:
    /* One CPU runs the program; the others wait forever. */
    mrs x0, mpidr_el1
    and x0, x0, #0xff
    cbnz x0, park

    mrs x0, CurrentEL
    lsr x0, x0, #2
    cmp x0, #3
    b.eq from_el3
    cmp x0, #2
    b.eq from_el2
    b at_el1

from_el3:
    /* Secure EL1 in AArch64 (SCR_EL3.RW, RES1 bits 5:4); FP not trapped. */
    mov x0, #0x430
    msr scr_el3, x0
    msr cptr_el3, xzr
    adr x0, at_el1
    msr elr_el3, x0
    mov x0, #0x3c5          /* EL1h, interrupts masked */
    msr spsr_el3, x0
    eret

from_el2:
    mov x0, #(1 << 31)      /* HCR_EL2.RW: EL1 is AArch64 */
    msr hcr_el2, x0
    mov x0, #0x33ff         /* CPTR_EL2: RES1 bits, FP not trapped */
    msr cptr_el2, x0
    mrs x0, cnthctl_el2
    orr x0, x0, #3          /* EL1 may use the physical timer */
    msr cnthctl_el2, x0
    msr cntvoff_el2, xzr
    adr x0, at_el1
    msr elr_el2, x0
    mov x0, #0x3c5
    msr spsr_el2, x0
    eret

at_el1:
    /* printf and friends use the FP/SIMD registers. */
    mov x0, #(3 << 20)
    msr cpacr_el1, x0
    ldr x0, =lkmc_vector_table
    msr vbar_el1, x0
    isb
    ldr x0, =__stack
    mov sp, x0

    /* .data (and .tdata) from their load address, then a zeroed .bss. */
    ldr x0, =__data_start
    ldr x1, =__data_source
    ldr x2, =__data_size
1:  cbz x2, 2f
    ldrb w3, [x1], #1
    strb w3, [x0], #1
    sub x2, x2, #1
    b 1b
2:  ldr x0, =__bss_start
    ldr x1, =__bss_end
3:  cmp x0, x1
    b.hs 4f
    strb wzr, [x0], #1
    b 3b
4:  bl lkmc_start_c
park:
    wfe
    b park

/* Every exception is unexpected here: report it and stop the emulator. */
.macro vector_entry
    .balign 0x80
    mrs x0, esr_el1
    mrs x1, elr_el1
    mrs x2, far_el1
    b lkmc_unexpected_exception
.endm

.section .text
.balign 0x800
.global lkmc_vector_table
lkmc_vector_table:
    .rept 16
    vector_entry
    .endr

/* void lkmc_semihosting(unsigned op, void *block): QEMU's semihosting call. */
.global lkmc_semihosting
lkmc_semihosting:
    hlt #0xf000
    ret

/* void lkmc_m5_exit(void): gem5's m5 exit pseudo instruction (func 0x21). */
.global lkmc_m5_exit
lkmc_m5_exit:
    mov x0, #0
    .inst 0xff000110 | (0x21 << 16)
    ret
