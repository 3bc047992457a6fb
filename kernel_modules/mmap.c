// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/lkmc_mmap: a file whose mmap() maps one page of kernel memory into
 * the caller, so both sides share it without copies. The page holds a
 * NUL-terminated string, "abcd" after insmod. read() returns the string as
 * the kernel sees it now, write() stores a new one, so a string written
 * through the mapping shows in read() and the other way around. Each close
 * also logs the string. procfs, unlike debugfs, passes mmap through.
 * userland/kernel_modules/mmap.c uses it. Seed section 16.8.5.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/string.h>
#include <linux/uaccess.h>

static struct page *page;
static char *buf;	/* page's kernel address */
static DEFINE_MUTEX(write_lock);
static struct proc_dir_entry *entry;

static ssize_t lkmc_mmap_read(struct file *f, char __user *ubuf, size_t len,
			 loff_t *off)
{
	/* The last byte stays 0 (writes never touch it): a bounded string. */
	return simple_read_from_buffer(ubuf, len, off, buf,
				       strnlen(buf, PAGE_SIZE - 1));
}

static ssize_t lkmc_mmap_write(struct file *f, const char __user *ubuf, size_t len,
			  loff_t *off)
{
	ssize_t ret;

	mutex_lock(&write_lock);
	ret = simple_write_to_buffer(buf, PAGE_SIZE - 1, off, ubuf, len);
	if (ret > 0)
		buf[*off] = '\0';
	else if (ret == 0 && len)
		ret = -ENOSPC;
	mutex_unlock(&write_lock);
	return ret;
}

static int lkmc_mmap_mmap(struct file *f, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff || vma_pages(vma) != 1)
		return -EINVAL;
	pr_info("mmap\n");
	/*
	 * vm_insert_page takes a page reference for the mapping, so the page
	 * stays valid for the process even after rmmod frees ours.
	 */
	return vm_insert_page(vma, vma->vm_start, page);
}

static int lkmc_mmap_release(struct inode *inode, struct file *f)
{
	pr_info("release buf = %.*s\n", (int)strnlen(buf, 32), buf);
	return 0;
}

static const struct proc_ops lkmc_mmap_ops = {
	.proc_read = lkmc_mmap_read,
	.proc_write = lkmc_mmap_write,
	.proc_lseek = default_llseek,
	.proc_mmap = lkmc_mmap_mmap,
	.proc_release = lkmc_mmap_release,
};

static int __init lkmc_mmap_init(void)
{
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return -ENOMEM;
	buf = page_address(page);
	strscpy(buf, "abcd", PAGE_SIZE);
	entry = proc_create("lkmc_mmap", 0644, NULL, &lkmc_mmap_ops);
	if (!entry) {
		__free_page(page);
		return -ENOMEM;
	}
	return 0;
}

static void __exit lkmc_mmap_exit(void)
{
	proc_remove(entry);
	__free_page(page);
}

module_init(lkmc_mmap_init);
module_exit(lkmc_mmap_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A procfs file that maps a kernel page into userland");
