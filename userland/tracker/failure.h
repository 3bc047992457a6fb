/* Failure reporting shared by the tracker's test programs: every failure is
 * counted in `errors`, the first 20 are printed, and main ends with
 * RESULT ok|fail from the count. */
#ifndef LKMC_TRACKER_FAILURE_H
#define LKMC_TRACKER_FAILURE_H

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_long errors;

static void failure(const char *fmt, ...)
{
	va_list ap;

	/* Report the first few, count all. */
	if (atomic_fetch_add(&errors, 1) >= 20)
		return;
	va_start(ap, fmt);
	printf("ERROR: ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	fflush(stdout);
}

#endif
