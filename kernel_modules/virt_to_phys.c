// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual to physical address translation. /sys/kernel/debug/lkmc_virt_to_phys
 * shows a kmalloc'd u32 and a static u32, both 0x12345678, with their virtual
 * and physical addresses, and the value read back through a second mapping
 * of each physical address (kmap_local_page), which proves the translation.
 *
 * virt_to_phys() is only valid for the kernel's linear map, where kmalloc
 * memory lives: virt_addr_valid() tells whether an address is there, and the
 * module calls virt_to_phys() only when it is. Module data is in
 * vmalloc-like module space, so virt_addr_valid(&static_var) is false (and
 * virt_to_phys() would return a meaningless number, or warn with
 * CONFIG_DEBUG_VIRTUAL); the page tables, via vmalloc_to_page(), give the
 * real physical address.
 * Seed section 16.12.2.
 */
#include <linux/debugfs.h>
#include <linux/highmem.h>
#include <linux/init.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#define MAGIC 0x12345678

static u32 *kmalloc_ptr;
static u32 static_var = MAGIC;
static struct dentry *file;

/* Reads the u32 at physical address phys through a temporary mapping. */
static u32 read_phys_u32(phys_addr_t phys)
{
	void *page_virt = kmap_local_page(pfn_to_page(PHYS_PFN(phys)));
	u32 v = *(u32 *)(page_virt + offset_in_page(phys));

	kunmap_local(page_virt);
	return v;
}

static int lkmc_virt_to_phys_show(struct seq_file *m, void *v)
{
	bool kmalloc_valid = virt_addr_valid(kmalloc_ptr);
	bool static_valid = virt_addr_valid(&static_var);
	phys_addr_t static_phys = page_to_phys(vmalloc_to_page(&static_var)) +
				  offset_in_page(&static_var);

	/* %px: raw addresses are the point here, not hashed ones. */
	seq_printf(m, "*kmalloc_ptr = 0x%x\n", *kmalloc_ptr);
	seq_printf(m, "kmalloc_ptr = %px\n", kmalloc_ptr);
	seq_printf(m, "virt_addr_valid(kmalloc_ptr) = %d\n", kmalloc_valid);
	if (kmalloc_valid) {
		phys_addr_t kmalloc_phys = virt_to_phys(kmalloc_ptr);

		seq_printf(m, "virt_to_phys(kmalloc_ptr) = %pa\n", &kmalloc_phys);
		seq_printf(m, "read at virt_to_phys(kmalloc_ptr) = 0x%x\n",
			   read_phys_u32(kmalloc_phys));
	}
	seq_printf(m, "static_var = 0x%x\n", static_var);
	seq_printf(m, "&static_var = %px\n", &static_var);
	/* Not in the linear map: virt_to_phys(&static_var) would be wrong. */
	seq_printf(m, "virt_addr_valid(&static_var) = %d\n", static_valid);
	if (static_valid) {
		phys_addr_t static_lm = virt_to_phys(&static_var);

		seq_printf(m, "virt_to_phys(&static_var) = %pa\n", &static_lm);
	}
	seq_printf(m, "vmalloc_to_page(&static_var) phys = %pa\n", &static_phys);
	seq_printf(m, "read at vmalloc_to_page(&static_var) phys = 0x%x\n",
		   read_phys_u32(static_phys));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(lkmc_virt_to_phys);

static int __init lkmc_virt_to_phys_init(void)
{
	kmalloc_ptr = kmalloc(sizeof(*kmalloc_ptr), GFP_KERNEL);
	if (!kmalloc_ptr)
		return -ENOMEM;
	*kmalloc_ptr = MAGIC;
	file = debugfs_create_file("lkmc_virt_to_phys", 0444, NULL, NULL,
				   &lkmc_virt_to_phys_fops);
	return 0;
}

static void __exit lkmc_virt_to_phys_exit(void)
{
	debugfs_remove(file);
	kfree(kmalloc_ptr);
}

module_init(lkmc_virt_to_phys_init);
module_exit(lkmc_virt_to_phys_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Shows virtual and physical addresses of kernel memory");
