/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interface of ioctl.ko, shared by the module and its userland program
 * (userland/kernel_modules/ioctl.c), like a uapi header: only uapi types.
 */
#ifndef LKMC_IOCTL_H
#define LKMC_IOCTL_H

#include <linux/ioctl.h>
#include <linux/types.h>

struct lkmc_ioctl_inc {
	__u32 i;	/* in: a number; out: that number plus one */
	__u32 j;	/* left alone: shows the whole struct goes both ways */
};

struct lkmc_ioctl_stats {
	__u32 calls;	/* LKMC_IOCTL_INC calls since insmod */
	__u32 last_i;	/* i returned by the last of them */
};

/*
 * The request number encodes a type letter, a number, the data direction
 * and the size of the argument, so a wrong struct size gets ENOTTY.
 */
#define LKMC_IOCTL_MAGIC 0x6c	/* 'l' */
#define LKMC_IOCTL_INC _IOWR(LKMC_IOCTL_MAGIC, 0, struct lkmc_ioctl_inc)
#define LKMC_IOCTL_STATS _IOR(LKMC_IOCTL_MAGIC, 1, struct lkmc_ioctl_stats)

#endif
