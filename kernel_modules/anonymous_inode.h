/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interface of anonymous_inode.ko, shared with its userland program
 * (userland/kernel_modules/anonymous_inode.c).
 */
#ifndef LKMC_ANONYMOUS_INODE_H
#define LKMC_ANONYMOUS_INODE_H

#include <linux/ioctl.h>

/* Returns a new file descriptor (the ioctl's return value), no argument. */
#define LKMC_ANONYMOUS_INODE_GET_FD _IO(0x6c, 0x10)

#endif
