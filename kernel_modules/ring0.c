// SPDX-License-Identifier: GPL-2.0
/*
 * x86 only (Kbuild skips it elsewhere). Reads control registers with
 * `mov %crN, reg`, which is privileged: it works here because module code
 * runs in ring 0, while the same instruction in a user program raises a
 * general protection fault (SIGSEGV). cr0 holds mode bits (PE = bit 0,
 * PG = bit 31, both set in a running kernel), cr2 the last page fault
 * address, cr3 the physical address of the current page tables.
 * Seed section 5.1.1 (ring0).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>

static int __init ring0_init(void)
{
	unsigned long cr0, cr2, cr3;

	/*
	 * Raw asm rather than read_cr0() and friends, to show the instruction
	 * itself. volatile: each read must really happen, here.
	 */
	asm volatile("mov %%cr0, %0" : "=r"(cr0));
	asm volatile("mov %%cr2, %0" : "=r"(cr2));
	asm volatile("mov %%cr3, %0" : "=r"(cr3));
	pr_info("cr0 = 0x%lx\n", cr0);
	pr_info("cr2 = 0x%lx\n", cr2);
	pr_info("cr3 = 0x%lx\n", cr3);
	return 0;
}

static void __exit ring0_exit(void)
{
}

module_init(ring0_init);
module_exit(ring0_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Prints the x86 control registers cr0, cr2 and cr3");
