/* Entry of every arm baremetal program: QEMU and gem5 jump here in a
 * privileged mode with the MMU off. We get a stack, the FPU and a zeroed
 * .bss, then hand over to lkmc_start_c (runtime.c). */

.syntax unified
.arm
.section .text.init.enter, "ax"
.global _start
.type _start, %function
_start:
    /* One CPU runs the program; the others wait forever. */
    mrc p15, 0, r0, c0, c0, 5       /* MPIDR */
    ands r0, r0, #0xff
    bne park

    cpsid aif
    /* printf and friends use the FPU: full access to cp10 and cp11. */
    mrc p15, 0, r0, c1, c0, 2       /* CPACR */
    orr r0, r0, #(0xf << 20)
    mcr p15, 0, r0, c1, c0, 2
    isb
    mov r0, #0x40000000             /* FPEXC.EN */
    vmsr fpexc, r0
    ldr r0, =lkmc_vector_table
    mcr p15, 0, r0, c12, c0, 0      /* VBAR */
    ldr sp, =__stack

    ldr r0, =__bss_start
    ldr r1, =__bss_end
    mov r2, #0
1:  cmp r0, r1
    strblo r2, [r0], #1
    blo 1b
    blx lkmc_start_c
park:
    wfe
    b park

/* Exceptions: IRQs go to lkmc_irq_dispatch (gic.c); any other exception
 * is a bug in the program: report it and stop the emulator. */
.macro vector_entry kind
    ldr sp, =__exception_stack
    mov r0, #\kind
    mov r1, lr
    mrc p15, 0, r2, c6, c0, 0       /* DFAR */
    blx lkmc_unexpected_exception
.endm

.section .text
.balign 32
.global lkmc_vector_table
.type lkmc_vector_table, %function
lkmc_vector_table:
    b vec_reset
    b vec_undef
    b vec_svc
    b vec_prefetch_abort
    b vec_data_abort
    b vec_reset
    b vec_irq
    b vec_fiq
vec_reset: vector_entry 0
vec_undef: vector_entry 1
vec_svc: vector_entry 2
vec_prefetch_abort: vector_entry 3
vec_data_abort: vector_entry 4
/* The IRQ runs on the interrupted SVC stack; every register the C calling
 * convention lets the handler clobber is saved (the VFP ones lkmc's code can
 * use are d0-d15, of which d0-d7 are caller-saved). */
vec_irq:
    sub lr, lr, #4
    srsdb sp!, #0x13                /* return address and CPSR, on the SVC stack */
    cps #0x13
    push {r0-r3, r12, lr}
    vpush {d0-d7}
    vmrs r0, fpscr
    push {r0, r1}
    blx lkmc_irq_dispatch
    pop {r0, r1}
    vmsr fpscr, r0
    vpop {d0-d7}
    pop {r0-r3, r12, lr}
    rfeia sp!
vec_fiq: vector_entry 7

/* void lkmc_semihosting(unsigned op, void *block): QEMU's semihosting call
 * (the A32 encoding). */
.global lkmc_semihosting
.type lkmc_semihosting, %function
lkmc_semihosting:
    push {r7, lr}
    svc #0x123456
    pop {r7, pc}

/* void lkmc_m5_exit(void): gem5's m5 exit pseudo instruction (func 0x21). */
.global lkmc_m5_exit
.type lkmc_m5_exit, %function
lkmc_m5_exit:
    mov r0, #0
    mov r1, #0
    .inst 0xee000110 | (0x21 << 16)
    bx lr
