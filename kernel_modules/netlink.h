/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interface of netlink.ko, shared with its userland program
 * (userland/kernel_modules/netlink.c).
 */
#ifndef LKMC_NETLINK_H
#define LKMC_NETLINK_H

#include <linux/netlink.h>

/* A netlink protocol number no in-tree user takes (they stop at 22). */
#define LKMC_NETLINK_PROTOCOL 31
/*
 * Message type: the payload is text, the reply carries it in upper case.
 * Types below NLMSG_MIN_TYPE are netlink's own (NOOP, ERROR, DONE...).
 */
#define LKMC_NETLINK_UPPER NLMSG_MIN_TYPE

#endif
