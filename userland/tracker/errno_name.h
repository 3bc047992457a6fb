/* SPDX-License-Identifier: GPL-2.0 */
/* Symbolic errno names, so tests can compare exact errors. */
#ifndef TRACKER_ERRNO_NAME_H
#define TRACKER_ERRNO_NAME_H

#include <errno.h>
#include <stdio.h>

static inline const char *errno_name(int err)
{
	static char other[16];

	switch (err) {
	case EPERM: return "EPERM";
	case ENOENT: return "ENOENT";
	case ESRCH: return "ESRCH";
	case EIO: return "EIO";
	case E2BIG: return "E2BIG";
	case ENOMEM: return "ENOMEM";
	case EACCES: return "EACCES";
	case EFAULT: return "EFAULT";
	case EEXIST: return "EEXIST";
	case EINVAL: return "EINVAL";
	case ERANGE: return "ERANGE";
	}
	snprintf(other, sizeof(other), "E%d", err);
	return other;
}

#endif
