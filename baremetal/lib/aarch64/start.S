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

/* Exceptions: IRQs taken at EL1 go to lkmc_irq_dispatch (gic.c); any other
 * exception is a bug in the program: report it and stop the emulator. */
.macro unexpected
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
    .rept 5
    unexpected
    .endr
    .balign 0x80            /* current EL with SP_ELx, IRQ */
    b irq_entry
    .rept 10
    unexpected
    .endr

/* The interrupted code loses nothing: every register the C calling
 * convention lets the handler clobber is saved, FP/SIMD ones included. */
irq_entry:
    sub sp, sp, #(32 * 16 + 24 * 8)
    stp x0, x1, [sp, #0]
    stp x2, x3, [sp, #16]
    stp x4, x5, [sp, #32]
    stp x6, x7, [sp, #48]
    stp x8, x9, [sp, #64]
    stp x10, x11, [sp, #80]
    stp x12, x13, [sp, #96]
    stp x14, x15, [sp, #112]
    stp x16, x17, [sp, #128]
    stp x18, x29, [sp, #144]
    mrs x0, elr_el1
    mrs x1, spsr_el1
    stp x30, x0, [sp, #160]
    str x1, [sp, #176]
    add x0, sp, #192
    stp q0, q1, [x0], #32
    stp q2, q3, [x0], #32
    stp q4, q5, [x0], #32
    stp q6, q7, [x0], #32
    stp q8, q9, [x0], #32
    stp q10, q11, [x0], #32
    stp q12, q13, [x0], #32
    stp q14, q15, [x0], #32
    stp q16, q17, [x0], #32
    stp q18, q19, [x0], #32
    stp q20, q21, [x0], #32
    stp q22, q23, [x0], #32
    stp q24, q25, [x0], #32
    stp q26, q27, [x0], #32
    stp q28, q29, [x0], #32
    stp q30, q31, [x0], #32
    bl lkmc_irq_dispatch
    add x0, sp, #192
    ldp q0, q1, [x0], #32
    ldp q2, q3, [x0], #32
    ldp q4, q5, [x0], #32
    ldp q6, q7, [x0], #32
    ldp q8, q9, [x0], #32
    ldp q10, q11, [x0], #32
    ldp q12, q13, [x0], #32
    ldp q14, q15, [x0], #32
    ldp q16, q17, [x0], #32
    ldp q18, q19, [x0], #32
    ldp q20, q21, [x0], #32
    ldp q22, q23, [x0], #32
    ldp q24, q25, [x0], #32
    ldp q26, q27, [x0], #32
    ldp q28, q29, [x0], #32
    ldp q30, q31, [x0], #32
    ldr x1, [sp, #176]
    ldp x30, x0, [sp, #160]
    msr elr_el1, x0
    msr spsr_el1, x1
    ldp x18, x29, [sp, #144]
    ldp x16, x17, [sp, #128]
    ldp x14, x15, [sp, #112]
    ldp x12, x13, [sp, #96]
    ldp x10, x11, [sp, #80]
    ldp x8, x9, [sp, #64]
    ldp x6, x7, [sp, #48]
    ldp x4, x5, [sp, #32]
    ldp x2, x3, [sp, #16]
    ldp x0, x1, [sp, #0]
    add sp, sp, #(32 * 16 + 24 * 8)
    eret

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
